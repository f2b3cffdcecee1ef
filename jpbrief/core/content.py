"""Read a content folder (front matter + annotated Markdown + YAML) into the model.

The loader never raises on bad content: every problem becomes a :class:`Problem` located
as ``path:line``, articles with a fatal problem are skipped, and everything else loads.
The format is documented in ``docs/content-format.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import yaml

from jpbrief.core.content_files import MAX_FILE_BYTES, Listing, list_content, read_capped
from jpbrief.core.model import (
    Acronym,
    Article,
    CrossRef,
    Footnote,
    Glossary,
    Library,
    Passage,
    PassageKind,
    Problem,
    Source,
    Theme,
)

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

REQUIRED_THEMES = ("counterstrike", "economic-security", "dicas")

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOOTNOTE_MARKER_RE = re.compile(r"\[\^([^\]\s]*)\]")
FOOTNOTE_DEF_RE = re.compile(r"^\[\^([^\]\s]*)\]:\s*(.*?)\s*$")
ANNOTATION_RE = re.compile(r"^\{:\s*(.*?)\s*\}\s*$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
NUMBER_RE = re.compile(r"^[0-9]{1,6}$")
DATE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
PLAIN_TEXT_MARKUP_RE = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
"""An HTML tag, comment or character reference: never allowed in plain-text fields
(glossary, theme labels and descriptions, citations), which the reader shows as text."""
SOURCE_KINDS = (
    "news", "government", "think-tank", "survey", "journal", "law-firm", "blog", "data", "other",
)
ROLES = ("bio",)
FRONT_MATTER_KEYS = {"id", "title", "author", "publisher", "published", "disclaimer"}
SOURCE_KEYS = {"id", "citation", "kind", "authors", "title", "publisher", "date", "accessed", "url"}


class _ContentLoader(yaml.SafeLoader):
    """Safe YAML, with dates left as text (we check them, with line numbers) and no aliases.

    Without the timestamp resolver an impossible date such as 2024-13-45 cannot raise in
    the middle of loading, and refusing aliases defuses "billion laughs" expansions.
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in content files", event.start_mark
            )
        return super().compose_node(parent, index)


_ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document into data and its node tree (for line numbers).

    Raises ``yaml.YAMLError`` for bad YAML and ``RecursionError`` for absurd nesting.
    """
    loader = _ContentLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return data, node
    finally:
        loader.dispose()


def footnote_number(label: str) -> int | None:
    """The number of a footnote label, or None unless it is plain ASCII digits."""
    return int(label) if NUMBER_RE.match(label) else None


def valid_date(value: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month."""
    if not DATE_RE.match(value):
        return False
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


class _TextExtractor(HTMLParser):
    """Collects the text content of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_MARKDOWN = markdown.Markdown(output_format="html")


def markdown_to_html(source: str) -> str:
    """Trainer Markdown to (unsanitized) HTML; one converter reused for speed."""
    _MARKDOWN.reset()
    return _MARKDOWN.convert(source)


def plain_text(source: str) -> str:
    """A block's plain text: footnote markers removed, Markdown rendered, spaces folded."""
    without_markers = FOOTNOTE_MARKER_RE.sub("", source)
    extractor = _TextExtractor()
    extractor.feed(markdown_to_html(without_markers))
    extractor.close()
    return " ".join("".join(extractor.parts).split())


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug or "section"


@dataclass
class _Block:
    line: int
    lines: list[str]


@dataclass
class _Draft:
    """An article as parsed from one file, before cross-file checks."""

    article: Article
    footnote_defs: dict[int, tuple[str, int]] = field(default_factory=dict)
    theme_lines: list[tuple[str, int]] = field(default_factory=list)
    crossref_lines: list[tuple[CrossRef, int]] = field(default_factory=list)
    marker_lines: list[tuple[int, int]] = field(default_factory=list)


class _Reporter:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path | str, line: int, message: str) -> None:
        self.problems.append(Problem(str(path), line, message))


def load_library(content_dir: Path, *, required_themes: Iterable[str] = REQUIRED_THEMES) -> Library:
    """Load every valid article of ``content_dir``; report the rest as problems.

    A content pack's folder passes ``required_themes=()``: the bundle brings those.
    """
    content_dir = Path(content_dir)
    report = _Reporter()
    if not content_dir.is_dir():
        report.add(content_dir, 1, "content folder not found")
        return Library(problems=tuple(report.problems))

    listing = list_content(content_dir)
    for path, reason in listing.refused:
        report.add(path, 1, reason)
    themes_path = content_dir / "themes.yaml"
    if "themes.yaml" not in listing.data_files and not any(p == themes_path for p, _ in listing.refused):
        report.add(themes_path, 1, "themes.yaml not found")
    themes = _load_themes(_data_file(listing, "themes.yaml"), report, tuple(required_themes))
    sources = _load_sources(_data_file(listing, "sources.yaml"), report)
    glossary = _load_glossary(_data_file(listing, "glossary.yaml"), report)

    drafts: list[_Draft] = []
    skipped: list[str] = [str(path) for path, _reason in listing.refused]
    seen_ids: dict[str, Path] = {}
    article_dir = content_dir / "articles"
    if not listing.article_dir_ok and not any(path == article_dir for path, _ in listing.refused):
        report.add(article_dir, 1, "articles/ folder not found")
    for path in listing.articles:
        try:
            draft = _load_article(path, report)
        except Exception as error:  # last resort: one broken file never stops the others
            report.add(path, 1, f"cannot be read ({type(error).__name__}: {_shown(error)}); skipped")
            draft = None
        if draft is None:
            skipped.append(str(path))
            continue
        if draft.article.id in seen_ids:
            report.add(
                path, 2, f"duplicate article id {draft.article.id!r} "
                f"(already used by {seen_ids[draft.article.id]}); this file is skipped",
            )
            skipped.append(str(path))
            continue
        seen_ids[draft.article.id] = path
        drafts.append(draft)

    _check_references(drafts, themes, sources, report)
    return Library(
        articles=tuple(draft.article for draft in drafts),
        sources=sources,
        themes=themes,
        glossary=glossary,
        problems=tuple(report.problems),
        skipped=tuple(skipped),
    )


def _data_file(listing: Listing, name: str) -> Path | None:
    """A listed data file, or None when it is absent or a refused link (already reported)."""
    return listing.data_files.get(name)


def _shown(value: object, limit: int = 80) -> str:
    """A value for a message: repr-like and never longer than ``limit``."""
    text = repr(value) if not isinstance(value, BaseException) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_text(path: Path, report: _Reporter) -> str | None:
    """A content file's text, or None after reporting why not. Reads at most the cap."""
    try:
        data = read_capped(path)
        if data is None:
            report.add(path, 1, "not a regular file")
            return None
        if len(data) > MAX_FILE_BYTES:
            size = max(path.stat().st_size, len(data))
            report.add(
                path, 1,
                f"file is {size / 1_000_000:.1f} MB, over the {MAX_FILE_BYTES // 1024} KiB cap",
            )
            return None
    except OSError as error:
        report.add(path, 1, f"cannot read file: {error.strerror or error}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        report.add(path, line, f"not UTF-8: byte {data[error.start]:#04x} at offset {error.start}")
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:  # Markdown would drop it silently: the author's text must not change
        offset = text.index("\0")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        report.add(
            path, line, f"NUL byte (U+0000) at column {column}: remove it; this file is skipped"
        )
        return None
    return text


def _yaml_line(error: yaml.YAMLError, offset: int) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1 + offset) if mark is not None else offset + 1


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _load_article(path: Path, report: _Reporter) -> _Draft | None:
    text = _read_text(path, report)
    if text is None:
        return None
    if not text.strip():
        report.add(path, 1, "empty file: an article needs front matter and a body")
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        report.add(path, 1, "missing front matter: the file must start with a '---' line")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        report.add(path, 1, "front matter is not closed by a '---' line")
        return None
    try:
        meta, _ = load_yaml("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or "invalid YAML"
        report.add(path, _yaml_line(error, 1), f"invalid front matter: {problem}")
        return None
    except RecursionError:
        report.add(path, 2, "front matter is nested too deeply")
        return None
    if not isinstance(meta, dict):
        report.add(path, 2, "front matter must be a mapping of keys to values")
        return None

    fatal = False
    for key in sorted(set(map(str, meta)) - FRONT_MATTER_KEYS):
        report.add(path, _key_line(lines, end, key), f"unknown front-matter key {key!r}")
    article_id = meta.get("id")
    if not isinstance(article_id, str) or not ID_RE.match(article_id):
        report.add(
            path, _key_line(lines, end, "id"),
            f"front matter needs an id of lower-case letters, digits and hyphens, got {_shown(article_id)}",
        )
        fatal = True
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        report.add(path, _key_line(lines, end, "title"), "front matter needs a title")
        fatal = True
    for key in ("author", "publisher", "disclaimer"):
        if meta.get(key) is not None and not isinstance(meta.get(key), str):
            report.add(path, _key_line(lines, end, key), f"{key} must be text or null")
    published = meta.get("published")
    if published is not None and not (isinstance(published, str) and valid_date(published)):
        report.add(
            path, _key_line(lines, end, "published"),
            f"published must be an ISO date (YYYY-MM-DD) or null, got {_shown(published)}",
        )
        published = None
    if fatal:
        return None

    draft = _parse_body(path, lines, end + 1, report)
    if draft is None:
        return None
    draft.article = replace(
        draft.article,
        id=str(article_id),
        title=str(title),
        author=_optional_str(meta.get("author")),
        publisher=_optional_str(meta.get("publisher")),
        published=_optional_str(published),
        disclaimer=_optional_str(meta.get("disclaimer")),
    )
    return draft


def _key_line(lines: list[str], end: int, key: str) -> int:
    for index in range(1, end):
        if lines[index].startswith(f"{key}:"):
            return index + 1
    return 2


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


def _parse_body(path: Path, lines: list[str], first: int, report: _Reporter) -> _Draft | None:
    draft = _Draft(Article(id="", title="", passages=(), path=str(path)))
    passages: list[Passage] = []
    anchors: dict[str, int] = {}
    section: str | None = None

    markup_cost = 0
    markup_chars = 0
    for block in _blocks(lines, first):
        if all(FOOTNOTE_DEF_RE.match(line) for line in block.lines):
            _parse_definitions(path, block, draft, report)
            continue
        if _nesting_depth(block) > MAX_NESTING:
            report.add(
                path, block.line,
                f"quotes or lists nested deeper than {MAX_NESTING} levels; this file is skipped",
            )
            return None
        size = sum(len(line) for line in block.lines)
        if size > MAX_PASSAGE_CHARS:
            report.add(
                path, block.line,
                f"passage of {size:,} characters is over the {MAX_PASSAGE_CHARS:,} cap; "
                "this file is skipped",
            )
            return None
        markup_chars += sum(line.count(char) for line in block.lines for char in MARKUP_CHARS)
        if markup_chars > MAX_MARKUP_CHARS:
            report.add(
                path, block.line,
                f"more than {MAX_MARKUP_CHARS:,} Markdown characters (\\`*_[]<>!&~) in one file; "
                "this file is skipped",
            )
            return None
        brackets = sum(line.count("[") + line.count("<") for line in block.lines)
        markup_cost += brackets * brackets
        if markup_cost > MAX_MARKUP_COST:
            report.add(
                path, block.line,
                f"too many '[' or '<' characters ({brackets} in this passage) to render "
                "safely; this file is skipped",
            )
            return None
        annotation: dict[str, str] = {}
        annotation_line = block.line
        body_lines = block.lines
        match = ANNOTATION_RE.match(block.lines[-1].strip())
        if match:
            annotation_line = block.line + len(block.lines) - 1
            annotation = _parse_annotation(path, annotation_line, match.group(1), report)
            body_lines = block.lines[:-1]
        if not body_lines:
            report.add(path, block.line, "annotation line with no passage above it")
            continue

        source = "\n".join(body_lines).strip()
        heading = HEADING_RE.match(body_lines[0]) if len(body_lines) == 1 else None
        if heading and len(heading.group(1)) == 1:
            report.add(
                path, block.line,
                "'# ' is reserved for the title (in front matter); use '## ' for a section",
            )
        kind: PassageKind = "heading" if heading else "paragraph"
        if heading:
            source = heading.group(2)
            if len(heading.group(1)) == 2:
                section = plain_text(source)
        text = plain_text(source)
        if not text:
            report.add(path, block.line, "passage has no text")
            continue

        anchor = annotation.get("anchor")
        if not anchor:
            derived = (
                slugify(text) if kind == "heading"
                else "p-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
            )
            anchor = derived
            repeat = 2
            while anchor in anchors:  # identical text: number the repeats in reading order
                anchor = f"{derived}-{repeat}"
                repeat += 1
        if anchor in anchors:
            report.add(
                path, annotation_line,
                f"duplicate anchor {anchor!r} (first used on line {anchors[anchor]})",
            )
            continue
        anchors[anchor] = annotation_line

        themes = tuple(annotation.get("themes", "").split())
        draft.theme_lines.extend((theme, annotation_line) for theme in themes)
        crossrefs = []
        for target in annotation.get("see", "").split():
            article_id, _, target_anchor = target.partition("#")
            if not ID_RE.match(article_id) or not ID_RE.match(target_anchor):
                report.add(path, annotation_line, f"cross-reference {_shown(target)} is not article#anchor")
                continue
            crossrefs.append(CrossRef(article_id, target_anchor))
            draft.crossref_lines.append((crossrefs[-1], annotation_line))

        numbers: list[int] = []
        for offset, body_line in enumerate(body_lines):
            for marker in FOOTNOTE_MARKER_RE.finditer(body_line):
                label = marker.group(1)
                number = footnote_number(label)
                if number is None:
                    report.add(
                        path, block.line + offset,
                        f"footnote [^{_shown(label)[1:-1]}] must be labelled with the original's number",
                    )
                    continue
                numbers.append(number)
                draft.marker_lines.append((number, block.line + offset))
        passages.append(
            Passage(
                anchor=anchor,
                kind=kind,
                markdown=source,
                text=text,
                section=section if kind == "paragraph" else text,
                themes=themes,
                footnotes=tuple(Footnote(n, "") for n in numbers),
                crossrefs=tuple(crossrefs),
                role=annotation.get("role"),
                line=block.line,
            )
        )

    if not passages:
        report.add(path, first + 1, "the article has no passages (empty body)")
        return None
    resolved = tuple(
        replace(
            passage,
            footnotes=tuple(
                Footnote(f.number, draft.footnote_defs.get(f.number, ("", 0))[0])
                for f in passage.footnotes
            ),
        )
        for passage in passages
    )
    draft.article = replace(draft.article, passages=resolved)
    return draft


def _parse_definitions(path: Path, block: _Block, draft: _Draft, report: _Reporter) -> None:
    for offset, line in enumerate(block.lines):
        match = FOOTNOTE_DEF_RE.match(line)
        assert match is not None
        label, source_id = match.groups()
        line_no = block.line + offset
        number = footnote_number(label)
        if number is None:
            shown = _shown(label)[1:-1]
            report.add(path, line_no, f"footnote [^{shown}] must be labelled with the original's number")
            continue
        if number in draft.footnote_defs:
            report.add(
                path, line_no,
                f"footnote [^{number}] defined twice (first on line {draft.footnote_defs[number][1]})",
            )
            continue
        if not source_id:
            report.add(path, line_no, f"footnote [^{number}] names no source id")
            continue
        draft.footnote_defs[number] = (source_id, line_no)


def _parse_annotation(path: Path, line: int, body: str, report: _Reporter) -> dict[str, str]:
    try:
        tokens = shlex.split(body)
    except ValueError as error:
        report.add(path, line, f"annotation cannot be read: {error}")
        return {}
    result: dict[str, str] = {}
    for token in tokens:
        if token.startswith("#"):
            anchor = token[1:]
            if not ID_RE.match(anchor):
                report.add(path, line, f"anchor {_shown(anchor)} must be lower-case letters, digits, hyphens")
                continue
            result["anchor"] = anchor
            continue
        key, sep, value = token.partition("=")
        if not sep or key not in {"themes", "see", "role"}:
            report.add(
                path, line, f"unknown annotation {_shown(token)} (expected #anchor, themes=, see=, role=)"
            )
            continue
        if key == "themes":
            # Theme ids become HTML class names: only ids, never arbitrary text.
            bad = [theme for theme in value.split() if not ID_RE.match(theme)]
            for theme in bad:
                report.add(
                    path, line, f"theme {_shown(theme)} is not a theme id (lower-case, digits, hyphens)"
                )
            value = " ".join(theme for theme in value.split() if ID_RE.match(theme))
        if key == "role" and value not in ROLES:
            report.add(path, line, f"unknown role {_shown(value)} (known: {', '.join(ROLES)})")
            continue
        result[key] = f"{result[key]} {value}".strip() if key in result else value
    return result


def _check_references(
    drafts: list[_Draft], themes: dict[str, Theme], sources: dict[str, Source], report: _Reporter
) -> None:
    articles = {draft.article.id: draft.article for draft in drafts}
    for draft in drafts:
        path = draft.article.path
        for theme, line in draft.theme_lines:
            if theme not in themes:
                report.add(path, line, f"unknown theme {theme!r} (not in themes.yaml)")
        for ref, line in draft.crossref_lines:
            target = articles.get(ref.article)
            if target is None:
                report.add(path, line, f"cross-reference to unknown article {ref.article!r}")
            elif target.passage(ref.anchor) is None:
                report.add(
                    path, line,
                    f"cross-reference to missing anchor {ref.anchor!r} in article {ref.article!r}",
                )
            elif ref.article == draft.article.id:
                report.add(path, line, "a cross-reference must point at another article")
            else:
                target_passage = target.passage(ref.anchor)
                source_anchor = next(
                    (p.anchor for p in draft.article.passages if ref in p.crossrefs), None
                )
                if target_passage is not None and source_anchor is not None and not any(
                    back.article == draft.article.id and back.anchor == source_anchor
                    for back in target_passage.crossrefs
                ):
                    report.add(
                        path, line,
                        f"cross-reference to {ref.article}#{ref.anchor} is one-way: add "
                        f"see=\"{draft.article.id}#{source_anchor}\" there too",
                    )
        referenced: dict[int, int] = {}
        for number, line in draft.marker_lines:
            if number not in draft.footnote_defs:
                report.add(path, line, f"footnote [^{number}] has no definition")
            if number in referenced:
                report.add(
                    path, line, f"footnote [^{number}] is used twice (first on line {referenced[number]})"
                )
            referenced.setdefault(number, line)
        for number, (source_id, line) in sorted(draft.footnote_defs.items()):
            if number not in referenced:
                report.add(path, line, f"footnote [^{number}] is defined but never referenced")
            if source_id not in sources:
                report.add(path, line, f"footnote [^{number}] cites unknown source {source_id!r}")


def _yaml_document(path: Path, report: _Reporter) -> tuple[Any, yaml.Node | None] | None:
    """A YAML file's data and node tree (for line numbers), or None if unreadable or broken."""
    text = _read_text(path, report)
    if text is None:
        return None
    try:
        return load_yaml(text)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or "invalid YAML"
        report.add(path, _yaml_line(error, 0), f"invalid YAML: {problem}")
        return None
    except RecursionError:
        report.add(path, 1, "YAML nested too deeply")
        return None


def _yaml_items(
    path: Path, document: tuple[Any, yaml.Node | None] | None, key: str, report: _Reporter
) -> list[tuple[Any, int]]:
    """The list under ``key`` in a loaded YAML document, each item with its line number."""
    if document is None or document[0] is None:
        return []
    data, root = document
    if not isinstance(data, dict) or not isinstance(data.get(key, []), list):
        report.add(path, 1, f"expected a mapping with a list under {key!r}")
        return []
    items = data.get(key) or []
    lines = [1] * len(items)
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
                lines = [node.start_mark.line + 1 for node in value_node.value]
    return list(zip(items, lines, strict=False))


def _load_themes(
    path: Path | None, report: _Reporter, required_themes: tuple[str, ...]
) -> dict[str, Theme]:
    themes: dict[str, Theme] = {}
    if path is None:  # absent or a refused link: reported by load_library
        return themes
    for item, line in _yaml_items(path, _yaml_document(path, report), "themes", report):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            report.add(path, line, "a theme needs an id, a label and a description")
            continue
        theme_id = item["id"]
        if not ID_RE.match(theme_id):
            report.add(path, line, f"theme id {theme_id!r} must be lower-case letters, digits, hyphens")
            continue
        if theme_id in themes:
            report.add(path, line, f"duplicate theme id {theme_id!r}")
            continue
        label, description = item.get("label"), item.get("description")
        if not isinstance(label, str) or not isinstance(description, str):
            report.add(path, line, f"theme {theme_id!r} needs a label and a description")
        _markup(path, line, f"theme {theme_id!r}", [("label", label), ("description", description)], report)
        themes[theme_id] = Theme(theme_id, str(label or theme_id), str(description or ""))
    for required in required_themes:
        if required not in themes:
            report.add(path, 1, f"required theme {required!r} is missing")
    return themes


def _load_sources(path: Path | None, report: _Reporter) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    if path is None:
        return sources
    for item, line in _yaml_items(path, _yaml_document(path, report), "sources", report):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            report.add(path, line, "a source needs an id and a citation")
            continue
        source_id = item["id"]
        if source_id in sources:
            report.add(path, line, f"duplicate source id {source_id!r}")
            continue
        citation = item.get("citation")
        if not isinstance(citation, str) or not citation.strip():
            report.add(path, line, f"source {source_id!r} needs the citation text as printed")
            continue
        for key in sorted(set(map(str, item)) - SOURCE_KEYS):
            report.add(path, line, f"source {source_id!r}: unknown field {key!r}")
        authors = item.get("authors") or []
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            report.add(path, line, f"source {source_id!r}: authors must be a list of names")
            authors = []
        for key in ("title", "publisher", "url"):
            if item.get(key) is not None and not isinstance(item.get(key), str):
                report.add(path, line, f"source {source_id!r}: {key} must be text or null")
        for key in ("date", "accessed"):
            value = item.get(key)
            if value is not None and not (isinstance(value, str) and valid_date(value)):
                report.add(
                    path, line,
                    f"source {source_id!r}: {key} must be YYYY, YYYY-MM or YYYY-MM-DD, got {_shown(value)}",
                )
        kind = item.get("kind")
        if kind is not None and kind not in SOURCE_KINDS:
            report.add(
                path, line,
                f"source {source_id!r}: unknown kind {_shown(kind)} (known: {', '.join(SOURCE_KINDS)})",
            )
        url = item.get("url")
        if isinstance(url, str) and not re.match(r"^https?://[^\s/]+", url):
            report.add(path, line, f"source {source_id!r}: url must be a complete http(s) address or null")
        fields = [(key, item.get(key)) for key in ("citation", "title", "publisher")]
        fields += [(f"author {n}", name) for n, name in enumerate(authors, 1)]
        _markup(path, line, f"source {source_id!r}", fields, report)
        sources[source_id] = Source(
            id=source_id,
            citation=citation,
            kind=_optional_str(item.get("kind")),
            authors=tuple(authors),
            title=_optional_str(item.get("title")),
            publisher=_optional_str(item.get("publisher")),
            date=_optional_str(item.get("date")),
            accessed=_optional_str(item.get("accessed")),
            url=_optional_str(item.get("url")),
        )
    return sources


def _markup(
    path: Path, line: int, what: str, fields: Iterable[tuple[str, Any]], report: _Reporter,
    consequence: str = "",
) -> bool:
    """Report every plain-text field (name, value) that holds markup; True if any did."""
    found = False
    for name, value in fields:
        match = PLAIN_TEXT_MARKUP_RE.search(value) if isinstance(value, str) else None
        if match:
            report.add(
                path, line,
                f"{what}: {name} holds markup {_shown(value[match.start():match.start() + 30])}, "
                f"but it is plain text{consequence}",
            )
            found = True
    return found


def _load_glossary(path: Path | None, report: _Reporter) -> Glossary:
    if path is None:
        return Glossary((), ())
    document = _yaml_document(path, report)
    acronyms: list[Acronym] = []
    for item, line in _yaml_items(path, document, "acronyms", report):
        if isinstance(item, dict) and isinstance(item.get("term"), str) and isinstance(
            item.get("expansion"), str
        ):
            fields = [("term", item["term"]), ("expansion", item["expansion"])]
            if not _markup(path, line, "acronym", fields, report, "; this entry is skipped"):
                acronyms.append(Acronym(str(item["term"]), str(item["expansion"])))
        else:
            report.add(path, line, "an acronym needs a term and an expansion")
    synonyms: list[tuple[str, ...]] = []
    for item, line in _yaml_items(path, document, "synonyms", report):
        if isinstance(item, list) and len(item) >= 2 and all(isinstance(m, str) for m in item):
            fields = [(f"phrase {n}", member) for n, member in enumerate(item, 1)]
            if _markup(path, line, "synonym group", fields, report, "; this group is skipped"):
                continue
            synonyms.append(tuple(str(member) for member in item))
        else:
            report.add(path, line, "a synonym group is a list of two or more phrases")
    return Glossary(tuple(acronyms), tuple(synonyms))

