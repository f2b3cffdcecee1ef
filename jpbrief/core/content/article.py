"""Read one article file: check its front matter, then hand the body to the body parser."""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import Any

from jpbrief.core.content.body import Draft, parse_body
from jpbrief.core.content.fields import ID_RE, URL_RE, optional_str, valid_date
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.content.textfile import read_text
from jpbrief.core.content.yamlsource import parse_yaml
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message

FRONT_MATTER_KEYS = {
    "id", "title", "author", "publisher", "published", "disclaimer",
    "url", "retrieved", "copyright", "references",
}


def load_article(path: Path, report: Reporter) -> Draft | None:
    """One article as parsed from its file, or None (reported) when it must be skipped."""
    text = read_text(path, report)
    if text is None:
        return None
    if not text.strip():
        report.add(path, 1, QT_TRANSLATE_NOOP(
            "Check", "empty file: an article needs front matter and a body"))
        return None
    lines = text.split("\n")
    end = _front_matter_end(path, lines, report)
    if end is None:
        return None
    meta = _front_matter(path, lines, end, report)
    if meta is None or not _check_front_matter(path, lines, end, meta, report):
        return None
    draft = parse_body(path, lines, end + 1, report)
    if draft is None:
        return None
    published, url, retrieved = meta.get("published"), meta.get("url"), meta.get("retrieved")
    references = meta.get("references") or []
    if isinstance(references, list) and all(isinstance(ref, str) for ref in references):
        line = _key_line(lines, end, "references")
        draft.reference_lines = [(ref, line) for ref in dict.fromkeys(references)]
    draft.article = replace(
        draft.article,
        id=str(meta["id"]),
        title=str(meta["title"]),
        author=optional_str(meta.get("author")),
        publisher=optional_str(meta.get("publisher")),
        published=published if isinstance(published, str) and valid_date(published) else None,
        disclaimer=optional_str(meta.get("disclaimer")),
        url=url if isinstance(url, str) and URL_RE.match(url) else None,
        retrieved=retrieved if isinstance(retrieved, str) and valid_date(retrieved) else None,
        copyright=optional_str(meta.get("copyright")),
        references=tuple(ref for ref, _ in draft.reference_lines),
    )
    return draft


def _front_matter_end(path: Path, lines: list[str], report: Reporter) -> int | None:
    """The index of the line closing the front matter, or None (reported)."""
    if lines[0].strip() != "---":
        report.add(path, 1, QT_TRANSLATE_NOOP(
            "Check", "missing front matter: the file must start with a '---' line"))
        return None
    try:
        return next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        report.add(path, 1, QT_TRANSLATE_NOOP("Check", "front matter is not closed by a '---' line"))
        return None


def _front_matter(path: Path, lines: list[str], end: int, report: Reporter) -> dict[Any, Any] | None:
    """The front matter as a mapping, or None (reported) when it is not one."""
    document = parse_yaml(path, "\n".join(lines[1:end]), report, offset=1, name=Message(QT_TRANSLATE_NOOP(
        "Check", "front matter")))
    if document is None:
        return None
    meta = document[0]
    if not isinstance(meta, dict):
        report.add(path, 2, QT_TRANSLATE_NOOP("Check", "front matter must be a mapping of keys to values"))
        return None
    return meta


def _check_front_matter(
    path: Path, lines: list[str], end: int, meta: dict[Any, Any], report: Reporter
) -> bool:
    """Report every front-matter problem; False when one of them is fatal (no id or title)."""
    fatal = False
    for key in sorted(set(map(str, meta)) - FRONT_MATTER_KEYS):
        close = difflib.get_close_matches(key, sorted(FRONT_MATTER_KEYS), n=1)
        hint = (Message(QT_TRANSLATE_NOOP("Check", "did you mean {name!r}?"), name=close[0]) if close
                else Message(QT_TRANSLATE_NOOP(
                    "Check", "known: {names}"), names=", ".join(sorted(FRONT_MATTER_KEYS))))
        report.add(path, _key_line(lines, end, key), QT_TRANSLATE_NOOP(
            "Check", "unknown front-matter key {key!r} ({hint})"),
                   key=key, hint=hint)
    article_id = meta.get("id")
    if not isinstance(article_id, str) or not ID_RE.match(article_id):
        report.add(
            path, _key_line(lines, end, "id"),
            QT_TRANSLATE_NOOP(
                "Check", "front matter needs an id of lower-case letters, digits and hyphens, got {id}"),
            id=shown(article_id),
        )
        fatal = True
    elif article_id != path.stem:  # a copied file keeps its original's id: blame the copy
        report.add(
            path, _key_line(lines, end, "id"), QT_TRANSLATE_NOOP(
                "Check", "id {id!r} does not match the file name {file!r}"),
            id=article_id, file=path.name,
        )
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        report.add(path, _key_line(lines, end, "title"), QT_TRANSLATE_NOOP(
            "Check", "front matter needs a title"))
        fatal = True
    for key in ("author", "publisher", "disclaimer", "copyright", "url"):
        if meta.get(key) is not None and not isinstance(meta.get(key), str):
            report.add(path, _key_line(lines, end, key), QT_TRANSLATE_NOOP(
                "Check", "{key} must be text or null"), key=key)
    url = meta.get("url")
    if isinstance(url, str) and not URL_RE.match(url):
        report.add(
            path, _key_line(lines, end, "url"),
            QT_TRANSLATE_NOOP(
                "Check", "url must be the original's complete http(s) address, or null; got {url}"),
            url=shown(url),
        )
    retrieved = meta.get("retrieved")
    if retrieved is not None and not (isinstance(retrieved, str) and valid_date(retrieved)):
        report.add(
            path, _key_line(lines, end, "retrieved"),
            QT_TRANSLATE_NOOP(
                "Check", "retrieved must be a date (YYYY-MM-DD, YYYY-MM or YYYY) or null, got {value}"),
            value=shown(retrieved),
        )
    _check_references_key(path, _key_line(lines, end, "references"), meta.get("references"), report)
    published = meta.get("published")
    if published is not None and not (isinstance(published, str) and valid_date(published)):
        report.add(
            path, _key_line(lines, end, "published"),
            QT_TRANSLATE_NOOP("Check", "published must be an ISO date (YYYY-MM-DD) or null, got {value}"),
            value=shown(published),
        )
    return not fatal


def _check_references_key(path: Path, line: int, references: object, report: Reporter) -> None:
    """``references:`` is a list of source ids, each once (whether each is known is checked later)."""
    if references is None:
        return
    if not isinstance(references, list) or not all(isinstance(ref, str) for ref in references):
        report.add(path, line, QT_TRANSLATE_NOOP("Check",
            "references must be a list of source ids, as in references: [an-id, other-id]"))
        return
    for ref in sorted({ref for ref in references if references.count(ref) > 1}):
        report.add(path, line, QT_TRANSLATE_NOOP("Check", "references lists {ref!r} twice"), ref=ref)


def _key_line(lines: list[str], end: int, key: str) -> int:
    for index in range(1, end):
        if lines[index].startswith(f"{key}:"):
            return index + 1
    return 2
