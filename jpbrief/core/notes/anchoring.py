"""Re-anchoring: where each annotation belongs in the current library, moved only on firm evidence.

Every annotation keeps the text it quotes (the passage's text, or the selection for a
highlight) and the place it was made on (``original_article``/``original_anchor``, never
changed by re-anchoring). :func:`reanchor_rows` resolves each one against the current
:class:`~jpbrief.core.model.Library`. Moving an annotation to the wrong passage is worse
than leaving it detached, so it only ever moves on firm evidence:

``unavailable``
    its article is not in the library (removed, or skipped by the loader because of a
    problem in its file). Nothing can be decided about it, so its stored row is left
    exactly as it is; the status exists only in the returned result;
``ok``
    its anchor still holds its quote (a highlight's range follows its quote if the
    quote moved within the passage);
``moved``
    its original place exists again and holds the quote (it goes back there), or the
    anchor is gone or no longer holds the quote and the quote is *meaningful* and found
    *exactly once*: in the article's own passages, or, when the article has none, in
    the whole library;
``changed``
    a bookmark or passage note whose passage still exists under the same anchor but
    whose text was edited so the old quote cannot be placed elsewhere. Anchors are
    stable ids that trainers keep when they fix a passage's text, so the annotation
    stays on its passage and keeps the old quote to show what it was made on;
``detached``
    the anchor is gone (or, for a highlight, no longer holds the selection) and the
    quote is found nowhere, more than once, or is too short to say where it went. The
    annotation keeps its place and quote and is shown with them, never deleted; a
    later re-anchor against restored content re-attaches it.

A quote is meaningful (:func:`meaningful_quote`) when it has at least
:data:`MIN_MOVE_WORDS` (3) words and :data:`MIN_MOVE_CHARS` (12) characters: a one- or
two-word term such as "national security" recurs across articles, and three short
words ("in the US") say as little, so neither is evidence of where a passage went.
A highlight may still follow a short quote *within its own passage*, whose anchor
says where it is.

Notes on a highlight follow their highlight. Reading positions are not re-anchored:
the reader falls back to the stored fraction when an anchor disappears.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from jpbrief.core.model import Article, Library, Passage
from jpbrief.core.notes.records import Reanchored, State, Status, original_place

MIN_MOVE_WORDS = 3
"""A quote needs this many words before re-anchoring moves it to another passage."""
MIN_MOVE_CHARS = 12
"""...and this many characters (whitespace runs counted as one)."""


def meaningful_quote(quote: str) -> bool:
    """Whether ``quote`` says enough to follow it to another passage: at least
    :data:`MIN_MOVE_WORDS` words and :data:`MIN_MOVE_CHARS` characters."""
    words = quote.split()
    return len(words) >= MIN_MOVE_WORDS and len(" ".join(words)) >= MIN_MOVE_CHARS


def _unique_place(library: Library, article_id: str, quote: str) -> tuple[str, str, int] | None:
    """The one place ``(article, anchor, offset)`` where ``quote`` occurs now.

    The article's own passages are searched first; only when the quote is nowhere in them
    is the whole library searched. None when the quote is not meaningful, occurs nowhere,
    or occurs more than once in the scope searched: a guess would move the annotation to
    the wrong place, and nothing tells the user it did.
    """
    if not meaningful_quote(quote):
        return None
    scopes: list[Iterator[tuple[Article, Passage]]] = []
    own = library.article(article_id)
    if own is not None:
        scopes.append((own, passage) for passage in own.passages)
    scopes.append(library.iter_passages())
    for scope in scopes:
        found: tuple[str, str, int] | None = None
        for article, passage in scope:
            for at in _occurrences(passage.text, quote):
                if found is not None:
                    return None  # ambiguous
                found = (article.id, passage.anchor, at)
        if found is not None:
            return found
    return None


def locate_passage(
    library: Library,
    article: str,
    anchor: str,
    quote: str,
    *,
    original: tuple[str, str] | None = None,
) -> tuple[Status, str, str, str]:
    """Where a passage-level annotation (bookmark, note) belongs now.

    Returns ``(status, article, anchor, quote)``; the quote is filled in from the passage
    when it was empty, and otherwise kept as the user saw it. ``original`` is the place
    the annotation was made on: when it differs from ``article#anchor`` and holds the
    quote again, the annotation goes back there.
    """
    if quote and original is not None and original != (article, anchor):
        back = library.passage(*original)
        if back is not None and quote in back.text:
            return "moved", original[0], original[1], quote
    if library.article(article) is None:
        return "unavailable", article, anchor, quote
    passage = library.passage(article, anchor)
    if passage is not None and (not quote or quote in passage.text):
        return "ok", article, anchor, quote or passage.text
    if quote:
        place = _unique_place(library, article, quote)
        if place is not None:
            return "moved", place[0], place[1], quote
    if passage is not None:
        return "changed", article, anchor, quote
    return "detached", article, anchor, quote


def locate_selection(
    library: Library,
    article: str,
    anchor: str,
    quote: str,
    start: int,
    *,
    original: tuple[str, str] | None = None,
) -> tuple[Status, str, str, int]:
    """Where a highlight belongs now: ``(status, article, anchor, start)``.

    Within its own passage (or its original one, when that holds the quote again) the
    occurrence nearest the old start wins, however short the quote.
    """
    if quote and original is not None and original != (article, anchor):
        back = library.passage(*original)
        occurrences = _occurrences(back.text, quote) if back is not None else []
        if occurrences:
            return "moved", original[0], original[1], _nearest(occurrences, start)
    if library.article(article) is None:
        return "unavailable", article, anchor, start
    passage = library.passage(article, anchor)
    if quote and passage is not None:
        if passage.text[start : start + len(quote)] == quote:
            return "ok", article, anchor, start
        occurrences = _occurrences(passage.text, quote)
        if occurrences:
            return "ok", article, anchor, _nearest(occurrences, start)
    if quote:
        place = _unique_place(library, article, quote)
        if place is not None:
            return "moved", *place
    return "detached", article, anchor, start


def _nearest(occurrences: list[int], start: int) -> int:
    return min(occurrences, key=lambda at: abs(at - start))


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    at = text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


# --------------------------------------------------------------------------- stored rows


def reanchor_rows(
    conn: sqlite3.Connection, library: Library
) -> tuple[list[Reanchored], list[tuple[str, int]]]:
    """Resolve every stored annotation against ``library`` in the caller's transaction.

    Returns one result per annotation, and the ``(table, id)`` of each row it changed (for
    the journal). Nothing is deleted; a row whose article is not in ``library`` is not
    touched; the original place is never overwritten.
    """
    results: list[Reanchored] = []
    changed: list[tuple[str, int]] = []
    for row in conn.execute("SELECT * FROM bookmarks ORDER BY id").fetchall():
        results.append(_reanchor_passage_row(conn, "bookmark", row, library, changed))
    placed: dict[int, Reanchored] = {}
    for row in conn.execute("SELECT * FROM highlights ORDER BY id").fetchall():
        result = _reanchor_highlight_row(conn, row, library, changed)
        placed[result.id] = result
        results.append(result)
    for row in conn.execute("SELECT * FROM notes ORDER BY id").fetchall():
        followed = placed.get(row["highlight_id"]) if row["highlight_id"] else None
        if followed is None:
            results.append(_reanchor_passage_row(conn, "note", row, library, changed))
            continue
        status = followed.status
        if status == "unavailable":  # its highlight stays put, and so does it
            results.append(
                Reanchored("note", row["id"], status, row["article"], row["anchor"],
                           row["quote"], row["article"], row["anchor"])
            )
            continue
        state: State = "detached" if status == "detached" else "ok"
        if (row["article"], row["anchor"], row["state"]) != (
            followed.article, followed.anchor, state
        ):
            conn.execute(
                "UPDATE notes SET article = ?, anchor = ?, state = ? WHERE id = ?",
                (followed.article, followed.anchor, state, row["id"]),
            )
            changed.append(("notes", row["id"]))
        results.append(
            Reanchored("note", row["id"], status, followed.article, followed.anchor,
                       row["quote"], row["article"], row["anchor"])
        )
    return results, changed


def _reanchor_passage_row(
    conn: sqlite3.Connection,
    kind: str,
    row: sqlite3.Row,
    library: Library,
    changed: list[tuple[str, int]],
) -> Reanchored:
    article, anchor, quote = row["article"], row["anchor"], row["quote"]
    status, new_article, new_anchor, new_quote = locate_passage(
        library, article, anchor, quote, original=original_place(row)
    )
    if status != "unavailable":
        state: State = "ok"
        if status == "changed" or status == "detached":
            state = status
        if (article, anchor, quote, row["state"]) != (new_article, new_anchor, new_quote,
                                                      state):
            conn.execute(
                f"UPDATE {kind}s SET article = ?, anchor = ?, quote = ?, state = ? "
                "WHERE id = ?",
                (new_article, new_anchor, new_quote, state, row["id"]),
            )
            changed.append((f"{kind}s", row["id"]))
    return Reanchored(kind, row["id"], status, new_article, new_anchor, new_quote,
                      article, anchor)


def _reanchor_highlight_row(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    library: Library,
    changed: list[tuple[str, int]],
) -> Reanchored:
    article, anchor, quote = row["article"], row["anchor"], row["quote"]
    status, new_article, new_anchor, start = locate_selection(
        library, article, anchor, quote, row["start"], original=original_place(row)
    )
    if status == "unavailable":
        pass
    elif status == "detached":
        if row["state"] != "detached":
            conn.execute("UPDATE highlights SET state = 'detached' WHERE id = ?", (row["id"],))
            changed.append(("highlights", row["id"]))
    elif (article, anchor, row["start"], row["state"]) != (
        new_article, new_anchor, start, "ok"
    ):
        conn.execute(
            'UPDATE highlights SET article = ?, anchor = ?, start = ?, "end" = ?, '
            "state = 'ok' WHERE id = ?",
            (new_article, new_anchor, start, start + len(quote), row["id"]),
        )
        changed.append(("highlights", row["id"]))
    return Reanchored("highlight", row["id"], status, new_article, new_anchor, quote,
                      article, anchor)
