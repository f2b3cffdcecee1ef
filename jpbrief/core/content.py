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

MAX_FILE_BYTES = 1024 * 1024
"""An article larger than this is reported, not parsed: no briefing is that long."""

MAX_NESTING = 16
"""Deeper quote or list nesting is reported: python-markdown recurses per level."""

MAX_MARKUP_COST = 2_000_000
"""python-markdown's link and HTML patterns are quadratic in the number of ``[`` and ``<``
in a block (4,000 of them take seconds). A file whose blocks sum to more than this many
squared such characters is reported instead of rendered; real prose stays far below it."""

REQUIRED_THEMES = ("counterstrike", "economic-security", "dicas")

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOOTNOTE_MARKER_RE = re.compile(r"\[\^([^\]\s]*)\]")
FOOTNOTE_DEF_RE = re.compile(r"^\[\^([^\]\s]*)\]:\s*(.*?)\s*$")
ANNOTATION_RE = re.compile(r"^\{:\s*(.*?)\s*\}\s*$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FRONT_MATTER_KEYS = {"id", "title", "author", "publisher", "published", "disclaimer"}
SOURCE_KEYS = {"id", "citation", "kind", "authors", "title", "publisher", "date", "accessed", "url"}


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


def load_library(content_dir: Path) -> Library:
    """Load every valid article of ``content_dir``; report the rest as problems."""
    content_dir = Path(content_dir)
    report = _Reporter()
    if not content_dir.is_dir():
        report.add(content_dir, 0, "content folder not found")
        return Library(problems=tuple(report.problems))

    themes = _load_themes(content_dir / "themes.yaml", report)
    sources = _load_sources(content_dir / "sources.yaml", report)
    glossary = _load_glossary(content_dir / "glossary.yaml", report)

    drafts: list[_Draft] = []
    skipped: list[str] = []
    seen_ids: dict[str, Path] = {}
    article_dir = content_dir / "articles"
    if not article_dir.is_dir():
        report.add(article_dir, 0, "articles/ folder not found")
    for path in sorted(article_dir.glob("*.md")) if article_dir.is_dir() else []:
        draft = _load_article(path, report)
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


def _read_text(path: Path, report: _Reporter) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            report.add(
                path, 1,
                f"file is {size / 1_000_000:.1f} MB, over the {MAX_FILE_BYTES // 1024} KiB cap",
            )
            return None
        data = path.read_bytes()
    except OSError as error:
        report.add(path, 0, f"cannot read file: {error.strerror or error}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        report.add(path, line, f"not UTF-8: byte {data[error.start]:#04x} at offset {error.start}")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _yaml_line(error: yaml.YAMLError, offset: int) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1 + offset) if mark is not None else offset + 1


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


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
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or "invalid YAML"
        report.add(path, _yaml_line(error, 1), f"invalid front matter: {problem}")
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
            f"front matter needs an id of lower-case letters, digits and hyphens, got {article_id!r}",
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
    if published is not None and not isinstance(published, dt.date):
        report.add(
            path, _key_line(lines, end, "published"),
            f"published must be an ISO date (YYYY-MM-DD) or null, got {published!r}",
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


def _nesting_depth(block: _Block) -> int:
    depth = 0
    for line in block.lines:
        stripped = line.lstrip()
        indent = (len(line) - len(stripped)) // 2
        quotes = len(stripped) - len(stripped.lstrip("> "))
        depth = max(depth, indent, stripped[:quotes].count(">"))
    return depth


def _parse_body(path: Path, lines: list[str], first: int, report: _Reporter) -> _Draft | None:
    draft = _Draft(Article(id="", title="", passages=(), path=str(path)))
    passages: list[Passage] = []
    anchors: dict[str, int] = {}
    section: str | None = None

    markup_cost = 0
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

        anchor = annotation.get("anchor") or (
            slugify(text) if kind == "heading"
            else "p-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        )
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
            if not article_id or not target_anchor:
                report.add(path, annotation_line, f"cross-reference {target!r} is not article#anchor")
                continue
            crossrefs.append(CrossRef(article_id, target_anchor))
            draft.crossref_lines.append((crossrefs[-1], annotation_line))

        numbers: list[int] = []
        for offset, body_line in enumerate(body_lines):
            for marker in FOOTNOTE_MARKER_RE.finditer(body_line):
                label = marker.group(1)
                if not label.isdigit():
                    report.add(
                        path, block.line + offset,
                        f"footnote [^{label}] must be labelled with the original's number",
                    )
                    continue
                numbers.append(int(label))
                draft.marker_lines.append((int(label), block.line + offset))
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
        if not label.isdigit():
            report.add(path, line_no, f"footnote [^{label}] must be labelled with the original's number")
            continue
        number = int(label)
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
                report.add(path, line, f"anchor {anchor!r} must be lower-case letters, digits, hyphens")
                continue
            result["anchor"] = anchor
            continue
        key, sep, value = token.partition("=")
        if not sep or key not in {"themes", "see", "role"}:
            report.add(path, line, f"unknown annotation {token!r} (expected #anchor, themes=, see=, role=)")
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
        referenced = {number for number, _ in draft.marker_lines}
        for number, line in draft.marker_lines:
            if number not in draft.footnote_defs:
                report.add(path, line, f"footnote [^{number}] has no definition")
        for number, (source_id, line) in sorted(draft.footnote_defs.items()):
            if number not in referenced:
                report.add(path, line, f"footnote [^{number}] is defined but never referenced")
            if source_id not in sources:
                report.add(path, line, f"footnote [^{number}] cites unknown source {source_id!r}")


def _yaml_document(path: Path, report: _Reporter) -> tuple[Any, yaml.Node | None] | None:
    """A YAML file's data and node tree (for line numbers), or None if absent or broken."""
    text = _read_text(path, report) if path.exists() else None
    if text is None:
        return None
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or "invalid YAML"
        report.add(path, _yaml_line(error, 0), f"invalid YAML: {problem}")
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


def _load_themes(path: Path, report: _Reporter) -> dict[str, Theme]:
    themes: dict[str, Theme] = {}
    if not path.exists():
        report.add(path, 0, "themes.yaml not found")
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
        themes[theme_id] = Theme(theme_id, str(label or theme_id), str(description or ""))
    for required in REQUIRED_THEMES:
        if required not in themes:
            report.add(path, 1, f"required theme {required!r} is missing")
    return themes


def _load_sources(path: Path, report: _Reporter) -> dict[str, Source]:
    sources: dict[str, Source] = {}
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
        if not isinstance(authors, list):
            report.add(path, line, f"source {source_id!r}: authors must be a list")
            authors = []
        sources[source_id] = Source(
            id=source_id,
            citation=citation,
            kind=_optional_str(item.get("kind")),
            authors=tuple(str(author) for author in authors),
            title=_optional_str(item.get("title")),
            publisher=_optional_str(item.get("publisher")),
            date=_optional_str(item.get("date")),
            accessed=_optional_str(item.get("accessed")),
            url=_optional_str(item.get("url")),
        )
    return sources


def _load_glossary(path: Path, report: _Reporter) -> Glossary:
    document = _yaml_document(path, report)
    acronyms: list[Acronym] = []
    for item, line in _yaml_items(path, document, "acronyms", report):
        if isinstance(item, dict) and item.get("term") and item.get("expansion"):
            acronyms.append(Acronym(str(item["term"]), str(item["expansion"])))
        else:
            report.add(path, line, "an acronym needs a term and an expansion")
    synonyms: list[tuple[str, ...]] = []
    for item, line in _yaml_items(path, document, "synonyms", report):
        if isinstance(item, list) and len(item) >= 2:
            synonyms.append(tuple(str(member) for member in item))
        else:
            report.add(path, line, "a synonym group is a list of two or more phrases")
    return Glossary(tuple(acronyms), tuple(synonyms))

