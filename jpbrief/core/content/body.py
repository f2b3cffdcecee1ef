"""Parse an article's body into passages: blocks, annotations, anchors and footnote markers.

The body is read block by block (blank lines separate blocks). A block of footnote
definitions fills the draft's definitions; any other block becomes one passage, after
the limits that keep python-markdown fast have been checked.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from jpbrief.core.content.annotation import parse_annotation
from jpbrief.core.content.dialect import (
    ANNOTATION_RE,
    FOOTNOTE_DEF_RE,
    FOOTNOTE_MARKER_RE,
    HEADING_RE,
    footnote_number,
    plain_text,
    slugify,
    unshown_references,
)
from jpbrief.core.content.fields import ID_RE
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message
from jpbrief.core.model import Article, CrossRef, Footnote, Passage, PassageKind

MAX_NESTING = 16
"""Deeper quote or list nesting is reported: python-markdown recurses per level."""

MAX_PASSAGE_CHARS = 20_000
"""One paragraph longer than this is reported (the longest bundled one is 1,600)."""

MAX_MARKUP_CHARS = 20_000
"""Markdown's inline patterns cost about 10 µs per special character; more than this many
in one file would make it slow to open, so it is reported instead."""

MARKUP_CHARS = frozenset("\\`*_[]<>!&~")

MAX_MARKUP_COST = 500_000
"""python-markdown's link and HTML patterns are quadratic in the number of ``[`` and ``<``
in a block (4,000 of them take seconds, 700 about 0.25 s). A file whose blocks sum to more
than this many squared such characters is reported instead of rendered; real prose stays
far below it (a footnoted paragraph has a handful)."""


ANNOTATION_NOT_LAST = QT_TRANSLATE_NOOP("Check",
    "an annotation must be the last line of its passage: put a blank line after it")


@dataclass
class Draft:
    """An article as parsed from one file, before cross-file checks."""

    article: Article
    footnote_defs: dict[int, tuple[str, int]] = field(default_factory=dict)
    theme_lines: list[tuple[str, int]] = field(default_factory=list)
    crossref_lines: list[tuple[CrossRef, int]] = field(default_factory=list)
    marker_lines: list[tuple[int, int]] = field(default_factory=list)
    reference_lines: list[tuple[str, int]] = field(default_factory=list)
    """The editor's ``references:`` source ids, each with the front-matter line naming them."""


@dataclass
class _Block:
    line: int
    lines: list[str]


@dataclass
class _Budget:
    """Markup seen so far in one file, against :data:`MAX_MARKUP_CHARS` and :data:`MAX_MARKUP_COST`."""

    chars: int = 0
    cost: int = 0


@dataclass
class _Reading:
    """What the body parser carries from one passage to the next."""

    path: Path
    report: Reporter
    draft: Draft
    anchors: dict[str, int] = field(default_factory=dict)
    section: str | None = None
    budget: _Budget = field(default_factory=_Budget)


def parse_body(path: Path, lines: list[str], first: int, report: Reporter) -> Draft | None:
    """The passages and footnote definitions from line index ``first`` on, or None (reported)."""
    reading = _Reading(path, report, Draft(Article(id="", title="", passages=(), path=str(path))))
    passages: list[Passage] = []
    for block in _blocks(lines, first):
        if all(FOOTNOTE_DEF_RE.match(line) for line in block.lines):
            _parse_definitions(reading, block)
            continue
        refusal = _over_limits(block, reading.budget)
        if refusal:
            report.add(path, block.line, QT_TRANSLATE_NOOP(
                "Check", "{refusal}; this file is skipped"), refusal=refusal)
            return None
        passage = _parse_passage(reading, block)
        if passage is not None:
            passages.append(passage)
    if not passages:
        report.add(path, first + 1, QT_TRANSLATE_NOOP("Check", "the article has no passages (empty body)"))
        return None
    definitions = reading.draft.footnote_defs
    resolved = tuple(
        replace(
            passage,
            footnotes=tuple(
                replace(f, source_id=definitions.get(f.number, ("", 0))[0]) for f in passage.footnotes
            ),
        )
        for passage in passages
    )
    reading.draft.article = replace(reading.draft.article, passages=resolved)
    return reading.draft


def _blocks(lines: list[str], first: int) -> Iterable[_Block]:
    current: _Block | None = None
    for index in range(first, len(lines)):
        line = lines[index]
        if line.strip():
            if current is None:
                current = _Block(index + 1, [])
            current.lines.append(line)
        elif current is not None:
            yield current
            current = None
    if current is not None:
        yield current


_NESTING_MARKER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))")


def _nesting_depth(block: _Block) -> int:
    """How deep quotes and lists nest in a block: indentation plus leading markers."""
    depth = 0
    for line in block.lines:
        stripped = line.lstrip(" \t")
        level = (len(line) - len(stripped)) // 2
        position = 0
        while (marker := _NESTING_MARKER.match(line, position)) and marker.end() > position:
            level += 1
            position = marker.end()
        depth = max(depth, level)
    return depth


def _over_limits(block: _Block, budget: _Budget) -> Message | None:
    """Why this block makes the file too costly to render, or None; counts its markup."""
    if _nesting_depth(block) > MAX_NESTING:
        return Message(QT_TRANSLATE_NOOP(
            "Check", "quotes or lists nested deeper than {levels} levels"), levels=MAX_NESTING)
    size = sum(len(line) for line in block.lines)
    if size > MAX_PASSAGE_CHARS:
        return Message(QT_TRANSLATE_NOOP("Check", "passage of {size:,} characters is over the {cap:,} cap"),
                       size=size, cap=MAX_PASSAGE_CHARS)
    budget.chars += sum(line.count(char) for line in block.lines for char in MARKUP_CHARS)
    if budget.chars > MAX_MARKUP_CHARS:
        return Message(QT_TRANSLATE_NOOP(
            "Check", "more than {cap:,} Markdown characters ({chars}) in one file"),
                       cap=MAX_MARKUP_CHARS, chars="\\`*_[]<>!&~")
    brackets = sum(line.count("[") + line.count("<") for line in block.lines)
    budget.cost += brackets * brackets
    if budget.cost > MAX_MARKUP_COST:
        return Message(QT_TRANSLATE_NOOP(
            "Check", "too many '[' or '<' characters ({count} in this passage) to render safely"),
                       count=brackets)
    return None


def _parse_passage(reading: _Reading, block: _Block) -> Passage | None:
    """One block as a passage, or None (reported) when it has no text or a duplicate anchor."""
    path, report = reading.path, reading.report
    body_lines, annotation, annotation_line = _split_annotation(reading, block)
    if not body_lines:
        report.add(path, block.line, QT_TRANSLATE_NOOP("Check", "annotation line with no passage above it"))
        return None
    source = "\n".join(body_lines).strip()
    heading = HEADING_RE.match(body_lines[0]) if len(body_lines) == 1 else None
    if heading and len(heading.group(1)) == 1:
        report.add(
            path, block.line,
            QT_TRANSLATE_NOOP(
                "Check", "'# ' is reserved for the title (in front matter); use '## ' for a section"),
        )
    kind: PassageKind = "heading" if heading else "paragraph"
    if heading:
        source = heading.group(2)
        if len(heading.group(1)) == 2:
            reading.section = plain_text(source)
    text = plain_text(source)
    if not text:
        report.add(path, block.line, QT_TRANSLATE_NOOP("Check", "passage has no text"))
        return None
    _check_character_references(reading, block.line, source)
    anchor = _anchor(reading, annotation.get("anchor"), kind, text, annotation_line)
    if anchor is None:
        return None
    themes = tuple(annotation.get("themes", "").split())
    reading.draft.theme_lines.extend((theme, annotation_line) for theme in themes)
    crossrefs = _crossrefs(reading, annotation.get("see", ""), annotation_line)
    return Passage(
        anchor=anchor,
        kind=kind,
        markdown=source,
        text=text,
        section=reading.section if kind == "paragraph" else text,
        themes=themes,
        footnotes=_footnote_markers(reading, block.line, source),
        crossrefs=crossrefs,
        role=annotation.get("role"),
        line=block.line,
    )


def _split_annotation(reading: _Reading, block: _Block) -> tuple[list[str], dict[str, str], int]:
    """The block's text lines, its parsed ``{: ...}`` annotation, and the annotation's line."""
    path, report = reading.path, reading.report
    body: list[str] = []
    for offset, text in enumerate(block.lines[:-1]):
        if text.lstrip().startswith("{:"):  # never kept as the author's words
            report.add(path, block.line + offset, ANNOTATION_NOT_LAST)
        else:
            body.append(text)
    last = block.lines[-1].strip()
    if not last.startswith("{:"):
        return [*body, block.lines[-1]], {}, block.line
    line = block.line + len(block.lines) - 1
    match = ANNOTATION_RE.match(last)
    if match:
        return body, parse_annotation(path, line, match.group(1), report), line
    # It looks like an annotation but does not parse: an error, never the author's text.
    # Its parts are still read, so one missing brace does not also lose anchor and themes.
    if "}" in last:
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "annotation line has text after its closing '}}': {line}"),
                   line=shown(last))
        inside = last[2:last.rindex("}")]
    else:
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "annotation line is not closed: add '}}' at the end of {line}"),
                   line=shown(last))
        inside = last[2:]
    return body, parse_annotation(path, line, inside.strip(), report), line


def _anchor(reading: _Reading, given: str | None, kind: PassageKind, text: str, line: int) -> str | None:
    """The passage's anchor (given, or derived from its text), or None (reported) if taken."""
    anchor = given
    if not anchor:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        derived = slugify(text) if kind == "heading" else f"p-{digest}"
        anchor = derived
        repeat = 2
        while anchor in reading.anchors:  # identical text: number the repeats in reading order
            anchor = f"{derived}-{repeat}"
            repeat += 1
    if anchor in reading.anchors:
        reading.report.add(
            reading.path, line, QT_TRANSLATE_NOOP(
                "Check", "duplicate anchor {anchor!r} (first used on line {first})"),
            anchor=anchor, first=reading.anchors[anchor])
        return None
    reading.anchors[anchor] = line
    return anchor


def _crossrefs(reading: _Reading, see: str, line: int) -> tuple[CrossRef, ...]:
    """The editor's cross-references named by ``see=``, each ``article#anchor``."""
    crossrefs = []
    for target in see.split():
        article_id, _, target_anchor = target.partition("#")
        if not ID_RE.match(article_id) or not ID_RE.match(target_anchor):
            reading.report.add(reading.path, line, QT_TRANSLATE_NOOP(
                "Check", "cross-reference {target} is not article#anchor"),
                               target=shown(target))
            continue
        crossrefs.append(CrossRef(article_id, target_anchor))
        reading.draft.crossref_lines.append((crossrefs[-1], line))
    return tuple(crossrefs)


def _footnote_markers(reading: _Reading, first_line: int, source: str) -> tuple[Footnote, ...]:
    """The passage's footnote markers in reading order, each with its place in ``source``.

    This is the one scan of marker syntax: renderers place markers from the spans recorded
    here. Sources are resolved once all definitions are read.
    """
    footnotes: list[Footnote] = []
    for marker in FOOTNOTE_MARKER_RE.finditer(source):
        line = first_line + source.count("\n", 0, marker.start())
        number = footnote_number(marker.group(1))
        if number is None:
            reading.report.add(reading.path, line, _unnumbered(marker.group(1)))
            continue
        footnotes.append(Footnote(number, "", marker.span()))
        reading.draft.marker_lines.append((number, line))
    return tuple(footnotes)


_NO_CHARACTER = QT_TRANSLATE_NOOP(
    "Check", "the character reference {ref} names no character that can be shown: fix the number")


def _check_character_references(reading: _Reading, first_line: int, source: str) -> None:
    """Warn of each reference :func:`unshown_references` finds, at its line."""
    for ref in unshown_references(source):
        reading.report.warn(reading.path, first_line + source.count("\n", 0, ref.start()),
                            _NO_CHARACTER, ref=shown(ref.group(0), 40)[1:-1])


def _unnumbered(label: str) -> Message:
    return Message(QT_TRANSLATE_NOOP(
        "Check", "footnote [^{label}] must be labelled with the original's number"),
                   label=shown(label)[1:-1])


def _parse_definitions(reading: _Reading, block: _Block) -> None:
    """A block of ``[^N]: source-id`` lines into the draft's definitions."""
    path, report, defs = reading.path, reading.report, reading.draft.footnote_defs
    for offset, line in enumerate(block.lines):
        match = FOOTNOTE_DEF_RE.match(line)
        assert match is not None
        label, source_id = match.groups()
        line_no = block.line + offset
        number = footnote_number(label)
        if number is None:
            report.add(path, line_no, _unnumbered(label))
            continue
        if number in defs:
            report.add(path, line_no, QT_TRANSLATE_NOOP(
                "Check", "footnote [^{number}] defined twice (first on line {first})"),
                       number=number, first=defs[number][1])
            continue
        if not source_id:
            report.add(path, line_no, QT_TRANSLATE_NOOP(
                "Check", "footnote [^{number}] names no source id"), number=number)
            continue
        defs[number] = (source_id, line_no)
