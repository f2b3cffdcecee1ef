"""Notes in and out: the JSON export (which import reads back) and the Markdown memo.

An export carries each annotation's UUID, so importing an export twice adds nothing; an
item without one is matched by kind, place, quote, text and creation time. Import checks
every item first (:mod:`.import_checks`: limits and messages), then writes in batches.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Article, Library, Passage
from jpbrief.core.notes.database import NotesDatabase, insert_row
from jpbrief.core.notes.import_checks import (
    BATCH,
    EXPORT_FORMAT,
    EXPORT_VERSION,
    Seen,
    parse_document,
    validated_item,
)
from jpbrief.core.notes.journal import put_record
from jpbrief.core.notes.records import Annotation, Highlight, ImportFormatError, ImportResult, Note


def export_data(
    annotations: Sequence[Annotation], library: Library | None, exported: str
) -> dict[str, Any]:
    """Every annotation with its context, as the JSON export's document."""
    highlight_uuids = {item.id: item.uuid for item in annotations if isinstance(item, Highlight)}
    items: list[dict[str, Any]] = []
    for entry in _ordered(annotations, library):
        item = entry.annotation
        record: dict[str, Any] = {
            "kind": item.kind,
            "uuid": item.uuid,
            "article": item.article,
            "article_title": entry.title,
            "anchor": item.anchor,
            "original_article": item.original_article,
            "original_anchor": item.original_anchor,
            "section": entry.section,
            "quote": item.quote,
            "passage": entry.passage.text if entry.passage else None,
            "state": item.state,
            "created": item.created,
            "sources": entry.sources,
        }
        if isinstance(item, Highlight):
            record.update(start=item.start, end=item.end, colour=item.colour)
        if isinstance(item, Note):
            record.update(
                text=item.text,
                updated=item.updated,
                highlight=highlight_uuids.get(item.highlight_id)
                if item.highlight_id is not None
                else None,
            )
        items.append(record)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": exported,
        "items": items,
    }


def export_json(annotations: Sequence[Annotation], library: Library | None, exported: str) -> str:
    document = export_data(annotations, library, exported)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_markdown(
    annotations: Sequence[Annotation], library: Library | None, exported: str, labels: Labels = ENGLISH
) -> str:
    """A memo to paste into a brief: per article and section, each item with its quote, the
    note, the article's citation, and only the footnotes whose markers stand in the quote
    (its own words from ``labels``)."""
    entries = _ordered(annotations, library)
    highlight_ids = {e.annotation.id for e in entries if isinstance(e.annotation, Highlight)}
    notes_on: dict[int, list[Note]] = {}
    for entry in entries:
        item = entry.annotation
        if isinstance(item, Note) and item.highlight_id in highlight_ids:
            notes_on.setdefault(item.highlight_id or 0, []).append(item)
    lines = [f"# {labels.memo_title}", "", labels.memo_exported.format(date=exported)]
    if not entries:
        lines += ["", labels.memo_empty]
    current_article: str | None = None
    current_section: str | None = None
    for entry in entries:
        item = entry.annotation
        if isinstance(item, Note) and item.highlight_id in highlight_ids:
            continue  # printed under its highlight
        if item.article != current_article:
            current_article, current_section = item.article, None
            lines += ["", f"## {_one_line(entry.title)}"]
        section = entry.section or labels.opening
        if section != current_section:
            current_section = section
            lines += ["", f"### {_one_line(section)}"]
        lines += ["", _markdown_label(item, labels, unavailable=entry.unavailable), ""]
        lines += _blockquote(item.quote or (entry.passage.text if entry.passage else ""))
        if isinstance(item, Note):
            lines += ["", item.text]
        if isinstance(item, Highlight):
            for note in notes_on.get(item.id, []):
                lines += ["", labels.memo_note_on.format(date=note.created[:10], text=note.text)]
        article = library.article(item.article) if library is not None else None
        if article is not None:
            lines += ["", labels.memo_cited_as.format(citation=article_citation(article, labels))]
        quoted = _quoted_sources(entry)
        if quoted:
            lines += ["", labels.memo_quoted_footnotes, ""]
            lines += [f"- [{s['number']}] {s['citation']}" for s in quoted]
    return "\n".join(lines) + "\n"


def article_citation(article: Article, labels: Labels = ENGLISH) -> str:
    """The article as a memo cites it: title, author, publisher, date, address where known."""
    parts = [labels.quoted.format(text=_one_line(article.title)), article.author or labels.memo_no_author,
             article.publisher or labels.memo_no_publisher, article.published or labels.memo_no_date]
    if article.url:
        parts.append(article.url)
    return labels.list_separator.join(parts) + "."


def _quoted_span(entry: _Entry) -> tuple[int, int] | None:
    """Where the annotation's quote stands in its passage's text (None: the whole passage)."""
    item, passage = entry.annotation, entry.passage
    if passage is None:
        return None
    if isinstance(item, Highlight) and item.state == "ok":
        return item.start, item.end
    start = passage.text.find(item.quote) if item.quote else -1
    return (start, start + len(item.quote)) if start >= 0 else None


def _quoted_sources(entry: _Entry) -> list[dict[str, Any]]:
    """The footnotes whose markers stand inside (or right after) the quoted text."""
    passage = entry.passage
    span = _quoted_span(entry)
    if passage is None or span is None:
        return entry.sources
    from jpbrief.core.content.dialect import plain_text  # Markdown and YAML: for an export only

    inside: set[int] = set()
    for footnote in passage.footnotes:
        if footnote.markdown_span is None:  # placed at the passage's end, as the renderers do
            offset = len(passage.text)
        else:
            offset = len(plain_text(passage.markdown[:footnote.markdown_span[0]]))
        if span[0] < offset <= span[1] + 1:
            inside.add(footnote.number)
    return [source for source in entry.sources if source["number"] in inside]


def import_json(
    db: NotesDatabase,
    data: str | bytes | Mapping[str, Any],
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Add the items of a JSON export that are not here yet (matched by UUID, or by
    kind, place, quote, text and creation time for items without one).

    Every item is checked first: a bad one raises :class:`ImportFormatError` and adds
    nothing (limits: :mod:`.import_checks`). Items are then written in
    batches of ``BATCH``, one transaction (and one journal append) each, calling
    ``progress(done, total)`` after each; a failure part-way keeps the batches already
    written, and importing the file again skips them.
    """
    raw_items = parse_document(data, ImportFormatError)["items"]
    items = [validated_item(raw, index, ImportFormatError)
             for index, raw in enumerate(raw_items)]
    items.sort(key=lambda item: item["kind"] != "highlight")  # notes find their highlight
    seen = Seen()
    highlight_uuids: dict[str, int] = {}
    for table in ("bookmarks", "highlights", "notes"):
        text = "text" if table == "notes" else "''"
        for row in db.conn.execute(
            f"SELECT id, uuid, article, anchor, quote, {text}, created FROM {table}"
        ):
            seen.add(table, *(str(value) for value in tuple(row)[1:]))
            if table == "highlights":
                highlight_uuids[row[1]] = row[0]
    added = skipped = 0
    for first in range(0, len(items), BATCH):
        with db.transaction() as conn:
            records = []
            for item in items[first:first + BATCH]:
                table = item["kind"] + "s"
                if (table, item) in seen:
                    skipped += 1
                    continue
                row_id = _insert_item(conn, table, item, highlight_uuids)
                seen.add_item(table, item)
                if table == "highlights":
                    highlight_uuids[item["uuid"]] = row_id
                records.append(put_record(conn, table, row_id))
                added += 1
            db.log(records)
        if progress is not None:
            progress(min(first + BATCH, len(items)), len(items))
    return ImportResult(added, skipped)


_COMMON = ("uuid", "article", "anchor", "quote", "created", "state", "original_article",
           "original_anchor")
_OWN = {"bookmarks": (), "highlights": ("start", "end", "colour"), "notes": ("text", "updated")}


def _insert_item(
    conn: sqlite3.Connection,
    table: str,
    item: dict[str, Any],
    highlight_uuids: dict[str, int],
) -> int:
    values = {name: item[name] for name in (*_COMMON, *_OWN[table])}
    if table == "notes":
        values["highlight_id"] = (highlight_uuids.get(item["highlight"]) if item["highlight"]
                                  else None)
    return insert_row(conn, table, values)


@dataclass(frozen=True)
class _Entry:
    annotation: Annotation
    title: str
    section: str | None
    passage: Passage | None
    sources: list[dict[str, Any]]
    order: tuple[int, int, int]
    unavailable: bool = False
    """A library was given and the annotation's article is not in it (removed or skipped)."""


def _ordered(annotations: Sequence[Annotation], library: Library | None) -> list[_Entry]:
    """Annotations with their context, in the library's reading order; unknown ones last."""
    article_order: dict[str, int] = {}
    if library is not None:
        article_order = {article.id: i for i, article in enumerate(library.articles)}
    kind_order = {"bookmark": 0, "highlight": 1, "note": 2}
    entries: list[_Entry] = []
    for item in annotations:
        article = library.article(item.article) if library else None
        passage = None
        passage_index = 1 << 30
        if article is not None and item.state != "detached":
            for index, candidate in enumerate(article.passages):
                if candidate.anchor == item.anchor:
                    passage, passage_index = candidate, index
                    break
        sources: list[dict[str, Any]] = []
        if passage is not None and library is not None:
            for footnote in passage.footnotes:
                source = library.sources.get(footnote.source_id)
                sources.append({
                    "number": footnote.number,
                    "source": footnote.source_id,
                    "citation": source.citation if source else None,
                })
        entries.append(_Entry(
            annotation=item,
            title=article.title if article else item.article,
            section=passage.section if passage else None,
            passage=passage,
            sources=sources,
            order=(article_order.get(item.article, len(article_order)), passage_index,
                   kind_order[item.kind]),
            unavailable=library is not None and article is None,
        ))
    return sorted(entries, key=lambda e: (e.order, e.annotation.article, e.annotation.created,
                                          e.annotation.id))


def _markdown_label(item: Annotation, labels: Labels = ENGLISH, *, unavailable: bool = False) -> str:
    kind = {"bookmark": labels.bookmark, "highlight": labels.highlight, "note": labels.note}[item.kind]
    head, why = kind, ""
    if unavailable:
        head, why = labels.memo_not_loaded.format(kind=kind), labels.memo_not_loaded_why
    elif item.state == "detached":
        head, why = labels.memo_detached.format(kind=kind), labels.memo_detached_why
    elif item.state == "changed":
        why = labels.memo_changed_why
    shown = [f"**{head}**", f"`{item.article}#{item.anchor}`", item.created[:10], *([why] if why else [])]
    return " · ".join(shown)


def _blockquote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in (text.splitlines() or [""])]


def _one_line(text: str) -> str:
    return " ".join(text.split())
