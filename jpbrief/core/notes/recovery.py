"""Damage to the notes database: detect it, move the file aside, restore a backup, salvage rows.

A damaged ``notes.sqlite3`` is moved aside by :func:`move_aside` (never deleted, with its
``-wal``/``-shm`` files); the database then restores the newest good daily backup
(:func:`restore_newest_backup`, or starts empty) and replays, in this order, the rows
:func:`salvage` could still read from the damaged file and every record of the journal
(:mod:`.journal`). Later records win, and the journal is the newest, so a row deleted
after the backup stays deleted. :class:`RecoveryReport` is what the UI shows.
``PRAGMA integrity_check`` is the test (:func:`integrity_problem`): ``quick_check`` misses
an index that disagrees with its table, which random damage produces.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from jpbrief.core.durable import fsync_dir, replace_file
from jpbrief.core.notes.journal import Record
from jpbrief.core.notes.schema import TABLES

log = logging.getLogger(__name__)

_CORRUPTION_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)
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


def is_corruption(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is damaged (as opposed to locked, full, or not ours)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _CORRUPTION_CODES
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """None when the database is sound, else SQLite's first complaint."""
    rows = conn.execute("PRAGMA integrity_check(1)").fetchall()
    first = str(rows[0][0]) if rows else "no answer from integrity_check"
    return None if first == "ok" else first


def check_file(path: Path) -> str | None:
    """Open ``path`` on its own and check it: None when it is a sound notes database."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                return "it holds no notes schema"
            return integrity_problem(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)


def sidecars(path: Path) -> list[Path]:
    """The database file and the WAL files SQLite keeps beside it."""
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm")]


def move_aside(path: Path, journal: Path, moment: datetime) -> tuple[Path, bool]:
    """Rename the damaged database (and its WAL files) to ``<name>.corrupt-<stamp>``, never
    deleting anything, and keep a copy of the journal that went with it.

    Returns the new name and whether anything was there to move.
    """
    stamp = moment.astimezone().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while any(p.exists() for p in sidecars(aside)):
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    moved = False
    for source, target in zip(sidecars(path), sidecars(aside), strict=True):
        if source.exists():
            os.replace(source, target)
            moved = True
    fsync_dir(path.parent)
    if journal.exists():  # the rebuild rewrites it: keep the one it read
        tag = aside.name[len(path.name):]  # ".corrupt-<stamp>"
        shutil.copyfile(journal, journal.with_name(journal.name + tag))
    return aside, moved


def restore_newest_backup(path: Path, backups: Sequence[Path]) -> Path | None:
    """Copy the newest sound backup over ``path``; returns it, or None when none is sound."""
    for backup in reversed(backups):
        tmp = path.with_name(f"{path.name}.restore-{os.getpid()}.tmp")
        try:
            shutil.copyfile(backup, tmp)
            problem = check_file(tmp)
            if problem is None:
                replace_file(tmp, path)
                return backup
            log.warning("notes backup %s is unusable (%s); trying an older one",
                        backup, problem)
        except OSError as exc:
            log.warning("cannot restore notes backup %s: %s", backup, exc)
        for leftover in sidecars(tmp):
            leftover.unlink(missing_ok=True)  # our own copy, not user data
    return None


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
