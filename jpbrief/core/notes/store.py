"""NotesStore: add, list and remove bookmarks, highlights, notes and positions, in records.

:class:`NotesStore` is the API the reader and the ``jpbrief notes`` command use. It speaks
in records (:mod:`.records`) and leaves the file to :class:`~.database.NotesDatabase`:
every method that changes something runs one transaction, appends the change to the
journal before ``COMMIT``, and returns only after it. Re-anchoring is :mod:`.anchoring`,
export and import :mod:`.exchange`.
"""

from __future__ import annotations

import math
import sqlite3
import uuid as uuidlib
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from jpbrief.core.closing import Closing
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Library
from jpbrief.core.notes import anchoring, exchange
from jpbrief.core.notes.backups import KEEP_BACKUPS
from jpbrief.core.notes.database import NotesDatabase, insert_row
from jpbrief.core.notes.import_checks import DEFAULT_COLOUR
from jpbrief.core.notes.journal import Journal, delete_record, put_record
from jpbrief.core.notes.records import (
    Annotation,
    Bookmark,
    Highlight,
    ImportResult,
    Note,
    NotesError,
    Position,
    Reanchored,
    State,
    bookmark_from_row,
    highlight_from_row,
    note_from_row,
    position_from_row,
    stamp,
)
from jpbrief.core.notes.recovery import RecoveryReport


class NotesStore(Closing):
    """Bookmarks, highlights, notes and reading positions in one SQLite file.

    ``clock`` returns the current time (aware or local naive); tests inject one to
    simulate days. ``auto_backup`` makes the day's backup on open when it is due. What
    opening found (damage repaired, read-only) is in :attr:`recovery_message`,
    :attr:`recovery` and :attr:`read_only`.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime] | None = None,
        auto_backup: bool = True,
        keep_backups: int = KEEP_BACKUPS,
    ) -> None:
        self._db = NotesDatabase(path, clock=clock, auto_backup=auto_backup,
                                 keep_backups=keep_backups)

    # -- the file (see :mod:`.database`)

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def backup_dir(self) -> Path:
        return self._db.backup_dir

    @property
    def journal(self) -> Journal:
        return self._db.journal

    @property
    def recovery_message(self) -> str | None:
        """Set when the database was found damaged and rebuilt; show it to the user."""
        return self._db.recovery_message

    @property
    def recovery(self) -> RecoveryReport | None:
        """The same, structured: what was salvaged, replayed and skipped."""
        return self._db.recovery

    @property
    def read_only(self) -> str | None:
        """Why the store was opened read-only (the folder or file cannot be written), or None."""
        return self._db.read_only

    @property
    def schema_version(self) -> int:
        return self._db.schema_version

    @property
    def _conn(self) -> sqlite3.Connection:
        """The open connection, for tests that check its settings or raw rows."""
        return self._db.conn

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check``: ``["ok"]`` for a sound database."""
        return self._db.integrity_check()

    def backups(self) -> list[Path]:
        """The daily backups kept next to the database, oldest first."""
        return self._db.backups()

    def backup_if_due(self) -> Path | None:
        """Make today's backup unless it exists; keep the last ``keep_backups``."""
        return self._db.backup_if_due()

    def backup(self, target: Path) -> Path:
        """Copy the database to ``target`` with SQLite's backup API, atomically."""
        return self._db.backup(target)

    def close(self) -> None:
        self._db.close()


    # -- bookmarks

    def add_bookmark(self, article: str, anchor: str, quote: str = "") -> Bookmark:
        """Bookmark a passage; ``quote`` is the passage's text as shown."""
        _require(article=article, anchor=anchor)
        created = stamp(self._db.clock())
        uid = str(uuidlib.uuid4())
        row_id = self._add("bookmarks", uuid=uid, article=article, anchor=anchor, quote=quote,
                           created=created, original_article=article, original_anchor=anchor)
        return Bookmark(row_id, uid, article, anchor, quote, created, "ok", article, anchor)

    def bookmark_at(self, article: str, anchor: str) -> Bookmark | None:
        row = self._db.conn.execute(
            "SELECT * FROM bookmarks WHERE article = ? AND anchor = ? ORDER BY id LIMIT 1",
            (article, anchor),
        ).fetchone()
        return bookmark_from_row(row) if row else None

    def toggle_bookmark(self, article: str, anchor: str, quote: str = "") -> Bookmark | None:
        """Ctrl+D: bookmark the passage, or remove its bookmark. Returns the new one or None."""
        existing = self.bookmark_at(article, anchor)
        if existing is None:
            return self.add_bookmark(article, anchor, quote)
        self.remove_bookmark(existing.id)
        return None

    def remove_bookmark(self, bookmark_id: int) -> bool:
        return self._delete("bookmarks", bookmark_id)

    def _add(self, table: str, **values: Any) -> int:
        """Insert one row and journal it, in one transaction; returns its id once committed."""
        with self._db.transaction() as conn:
            row_id = insert_row(conn, table, values)
            self._db.log([put_record(conn, table, row_id)])
        return row_id

    def _delete(self, table: str, row_id: int) -> bool:
        with self._db.transaction() as conn:
            row = conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if row is None:
                return False
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            self._db.log([delete_record(table, row["uuid"])])
            return True

    def bookmarks(self, article: str | None = None) -> list[Bookmark]:
        return [bookmark_from_row(row) for row in self._select("bookmarks", article)]

    # -- highlights

    def add_highlight(
        self,
        article: str,
        anchor: str,
        start: int,
        end: int,
        quote: str,
        colour: str = DEFAULT_COLOUR,
    ) -> Highlight:
        """Highlight ``passage.text[start:end]``, which must equal ``quote``."""
        _require(article=article, anchor=anchor, quote=quote, colour=colour)
        if not 0 <= start < end or end - start != len(quote):
            raise ValueError(
                f"highlight range {start}..{end} does not fit its quote of {len(quote)} "
                "characters"
            )
        created = stamp(self._db.clock())
        uid = str(uuidlib.uuid4())
        row_id = self._add("highlights", uuid=uid, article=article, anchor=anchor, start=start,
                           end=end, quote=quote, colour=colour, created=created,
                           original_article=article, original_anchor=anchor)
        return Highlight(row_id, uid, article, anchor, start, end, quote, colour, created, "ok",
                         article, anchor)

    def highlight(self, highlight_id: int) -> Highlight | None:
        row = self._db.conn.execute(
            "SELECT * FROM highlights WHERE id = ?", (highlight_id,)
        ).fetchone()
        return highlight_from_row(row) if row else None

    def set_highlight_colour(self, highlight_id: int, colour: str) -> bool:
        _require(colour=colour)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE highlights SET colour = ? WHERE id = ?", (colour, highlight_id)
            )
            self._db.log([put_record(conn, "highlights", highlight_id)])
            return cursor.rowcount > 0

    def remove_highlight(self, highlight_id: int) -> bool:
        """Remove a highlight; notes on it stay, as notes on its passage with its quote."""
        return self._delete("highlights", highlight_id)

    def highlights(self, article: str | None = None) -> list[Highlight]:
        return [highlight_from_row(row) for row in self._select("highlights", article)]

    # -- notes

    def add_note(self, article: str, anchor: str, text: str, quote: str = "") -> Note:
        """A note on a passage; ``quote`` is the passage's text (filled in by re-anchoring
        when empty)."""
        _require(article=article, anchor=anchor, text=text)
        return self._insert_note(article, anchor, quote, text, None, "ok", (article, anchor))

    def add_highlight_note(self, highlight_id: int, text: str) -> Note:
        """A note on a highlight; it carries the highlight's place, quote and original
        place (the quote was made there, so that is where it belongs if it comes back)."""
        _require(text=text)
        found = self.highlight(highlight_id)
        if found is None:
            raise NotesError(f"no highlight {highlight_id}")
        return self._insert_note(
            found.article, found.anchor, found.quote, text, found.id, found.state,
            (found.original_article or found.article, found.original_anchor or found.anchor),
        )

    def _insert_note(
        self,
        article: str,
        anchor: str,
        quote: str,
        text: str,
        highlight_id: int | None,
        state: State,
        original: tuple[str, str],
    ) -> Note:
        now = stamp(self._db.clock())
        uid = str(uuidlib.uuid4())
        row_id = self._add("notes", uuid=uid, highlight_id=highlight_id, article=article,
                           anchor=anchor, quote=quote, text=text, created=now, updated=now,
                           state=state, original_article=original[0],
                           original_anchor=original[1])
        return Note(row_id, uid, article, anchor, quote, text, now, now, highlight_id, state,
                    *original)

    def update_note(self, note_id: int, text: str) -> Note:
        _require(text=text)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE notes SET text = ?, updated = ? WHERE id = ?",
                (text, stamp(self._db.clock()), note_id),
            )
            if cursor.rowcount == 0:
                raise NotesError(f"no note {note_id}")
            self._db.log([put_record(conn, "notes", note_id)])
        found = self.note(note_id)
        assert found is not None
        return found

    def remove_note(self, note_id: int) -> bool:
        return self._delete("notes", note_id)

    def note(self, note_id: int) -> Note | None:
        row = self._db.conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        return note_from_row(row) if row else None

    def notes(self, article: str | None = None) -> list[Note]:
        return [note_from_row(row) for row in self._select("notes", article)]

    def annotations(self, article: str | None = None) -> list[Annotation]:
        """Every bookmark, highlight and note (of one article, or all), oldest first."""
        found: list[Annotation] = [
            *self.bookmarks(article),
            *self.highlights(article),
            *self.notes(article),
        ]
        return sorted(found, key=lambda item: (item.article, item.created, item.kind, item.id))

    def detached(self) -> list[Annotation]:
        """Annotations whose passage could not be found at the last re-anchoring."""
        return [item for item in self.annotations() if item.state == "detached"]

    def _select(self, table: str, article: str | None) -> list[sqlite3.Row]:
        if article is None:
            return self._db.conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        return self._db.conn.execute(
            f"SELECT * FROM {table} WHERE article = ? ORDER BY id", (article,)
        ).fetchall()

    # -- reading positions

    def set_position(self, article: str, anchor: str, fraction: float) -> None:
        """Remember where the reader is: the passage at the top, and how far down (0..1)."""
        _require(article=article, anchor=anchor)
        if math.isnan(fraction):
            raise ValueError("reading position fraction is not a number")
        fraction = min(1.0, max(0.0, fraction))
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO positions (article, anchor, fraction, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(article) DO UPDATE SET anchor = excluded.anchor, "
                "fraction = excluded.fraction, updated = excluded.updated",
                (article, anchor, fraction, stamp(self._db.clock())),
            )
            self._db.log([put_record(conn, "positions", article)])

    def position(self, article: str) -> Position | None:
        row = self._db.conn.execute(
            "SELECT * FROM positions WHERE article = ?", (article,)
        ).fetchone()
        return position_from_row(row) if row else None

    def positions(self) -> list[Position]:
        rows = self._db.conn.execute("SELECT * FROM positions ORDER BY updated DESC, article")
        return [position_from_row(row) for row in rows]


    # -- re-anchoring

    def reanchor(self, library: Library) -> list[Reanchored]:
        """Resolve every annotation against ``library`` (see :mod:`.anchoring`).

        Returns one result per annotation; stores new places, ranges and states in one
        transaction. Nothing is ever deleted, an annotation whose article is not in
        ``library`` is not touched, and the original place is never overwritten.
        """
        with self._db.transaction() as conn:
            results, changed = anchoring.reanchor_rows(conn, library)
            self._db.log([put_record(conn, table, row_id) for table, row_id in changed])
        return results

    # -- export and import (see :mod:`.exchange`)

    def export_data(self, library: Library | None = None) -> dict[str, Any]:
        """Every annotation with its context, as the JSON export's document."""
        return exchange.export_data(self.annotations(), library, stamp(self._db.clock()))

    def export_json(self, library: Library | None = None) -> str:
        return exchange.export_json(self.annotations(), library, stamp(self._db.clock()))

    def export_markdown(self, library: Library | None = None, labels: Labels = ENGLISH) -> str:
        """A memo to paste into a brief: per article and section, each note with its quote
        and the citations of the footnotes its passage cites (its own words from ``labels``)."""
        return exchange.export_markdown(self.annotations(), library, stamp(self._db.clock()), labels)

    def import_json(
        self,
        data: str | bytes | Mapping[str, Any],
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportResult:
        """Add the items of a JSON export that are not here yet; see
        :func:`.exchange.import_json` (checked first, then written in batches)."""
        return exchange.import_json(self._db, data, progress)


def _require(**values: str) -> None:
    for name, value in values.items():
        if not value or not value.strip():
            raise ValueError(f"{name} must not be empty")
