"""Rebuilding a damaged notes database: salvage its readable rows, and say what was recovered.

A damaged ``notes.sqlite3`` is moved aside (never deleted); the store then restores the
newest good daily backup (or starts empty) and replays, in this order, the rows
:func:`salvage` could still read from the damaged file and every record of the journal
(:mod:`jpbrief.core.notes_journal`). Later records win, and the journal is the newest, so a
row deleted after the backup stays deleted. :class:`RecoveryReport` is what the UI shows.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jpbrief.core.notes_journal import TABLES, Record

_MAX_SKIP = 1 << 24
"""How far past an unreadable row the salvage looks for the next readable one (rowids)."""
_MAX_MISSES = 30


@dataclass
class RecoveryReport:
    """What happened when the store found its database damaged (or its journal)."""

    problem: str
    damaged_copy: str = ""
    """The name the damaged database was moved aside to (next to it); "" if there was none."""
    journal_only: bool = False
    """Only the journal was damaged: the database was sound and nothing was rebuilt."""
    backup: str = ""
    """The backup the rebuild started from; "" when it started empty."""
    salvaged: int = 0
    """Rows read back from the damaged file."""
    replayed: int = 0
    """Journal records replayed on top."""
    skipped_journal_lines: list[int] = field(default_factory=list)
    """Damaged journal lines (1-based) that were skipped."""
    annotations: int = 0
    """Bookmarks, highlights and notes in the rebuilt store."""
    notes: int = 0

    def message(self, db: Path) -> str:
        """One paragraph for the user."""
        if self.journal_only:
            return (
                f"The notes journal next to {db} had {len(self.skipped_journal_lines)} damaged "
                f"line(s) (line {_lines(self.skipped_journal_lines)}); the database is intact, "
                "so nothing was lost, and the journal was rewritten from it."
            )
        start = (f"the backup {self.backup}" if self.backup
                 else "an empty store (no usable backup was found)")
        kept = f"It was kept as {self.damaged_copy} and" if self.damaged_copy else "It was"
        problem = " ".join(self.problem.split())  # integrity_check's report spans lines
        parts = [f"The notes database {db} was damaged ({problem}). {kept} rebuilt "
                 f"from {start}"]
        parts.append(f", {self.salvaged} row(s) still readable in the damaged file and "
                     f"{self.replayed} change(s) from the notes journal")
        text = "".join(parts) + (
            f". Recovered {self.notes} note(s) ({self.annotations} bookmarks, highlights "
            "and notes in all)."
        )
        if self.skipped_journal_lines:
            text += (
                f" {len(self.skipped_journal_lines)} damaged journal line(s) were skipped "
                f"(line {_lines(self.skipped_journal_lines)}); changes they held may be missing."
            )
        return text


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5])
    return shown + (", …" if len(numbers) > 5 else "")


def salvage(path: Path) -> list[Record]:
    """``put`` records for every row still readable in the damaged database at ``path``.

    Python's ``sqlite3`` has no ``.recover``, so this reads each table in rowid order and,
    when a page cannot be read, probes ever further rowids past it for the next readable
    row. A file whose header or schema page is gone yields nothing; that is what the journal
    is for.
    """
    # Read a private copy: the damaged file is kept byte for byte, with no -shm beside it.
    with tempfile.TemporaryDirectory(prefix="jpbrief-salvage-") as folder:
        copy = Path(folder) / "damaged.sqlite3"
        try:
            shutil.copyfile(path, copy)
            wal = Path(f"{path}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
            conn = sqlite3.connect(copy)
        except (OSError, sqlite3.Error):
            return []
        try:
            return _salvage_rows(conn)
        finally:
            conn.close()


def _salvage_rows(conn: sqlite3.Connection) -> list[Record]:
    records: list[Record] = []
    highlight_uuids: dict[int, str] = {}
    for table in TABLES:
        for row in _readable_rows(conn, table):
            if table != "positions" and not row.get("uuid"):
                continue  # a row from before UUIDs cannot be matched: leave it
            if table == "highlights":
                highlight_uuids[int(row["id"])] = str(row["uuid"])
            if table == "notes":
                link = row.pop("highlight_id", None)
                row["highlight"] = highlight_uuids.get(link) if link is not None else None
            records.append({"op": "put", "t": table, "row": row})
    return records


def _readable_rows(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    try:
        names = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error:
        return rows
    if not names:
        return rows
    query = f"SELECT rowid, * FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1"
    last, step, misses = 0, 1, 0
    while misses < _MAX_MISSES and last < (1 << 62):
        try:
            found = conn.execute(query, (last,)).fetchone()
        except sqlite3.Error:
            last += step
            step = min(step * 2, _MAX_SKIP)
            misses += 1
            continue
        if found is None:
            break
        last, step, misses = int(found[0]), 1, 0
        rows.append(dict(zip(names, found[1:], strict=False)))
    return rows
