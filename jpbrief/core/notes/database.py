"""The notes file on disk: connect, check, recover, migrate, journal, back up; no annotations here.

Decisions, for the next person:

- **Durability.** One SQLite file (standard library ``sqlite3``) in WAL mode with
  ``synchronous=FULL`` and foreign keys on. Every write is one explicit transaction
  (:meth:`NotesDatabase.transaction`); a store method returns only after ``COMMIT``, so
  whatever a caller was told is saved survives a crash or a kill
  (``tests/test_notes_durability.py`` kills a writer 60 times to prove it).
- **Schema.** :mod:`.schema`; opening runs the missing steps forward in one transaction,
  after copying the old file (:mod:`.backups`). A newer schema is refused, never touched.
- **Backups.** At most one automatic backup a day (the first open of the day), the last
  seven kept (:mod:`.backups`).
- **Journal.** Every change is also appended, checksummed and fsynced before ``COMMIT``,
  to ``notes.journal`` (:mod:`.journal`): the damage of either file alone loses nothing
  that was confirmed. The journal is rewritten as a snapshot after each daily backup, and
  when it is found damaged (bad lines are skipped and reported).
- **Corruption.** On open the database runs ``PRAGMA integrity_check``. A database that is
  not a database, malformed, truncated or emptied is renamed aside with a timestamp and
  rebuilt (:mod:`.recovery`): the newest good backup, the rows still readable in the
  damaged file, then the journal replayed on top. :attr:`NotesDatabase.recovery` says what
  was recovered, :attr:`NotesDatabase.recovery_message` says it in words.
- **Read-only.** When the folder or the file cannot be written, the file is opened
  read-only (``mode=ro``, else ``immutable=1``), :attr:`NotesDatabase.read_only` says why,
  and every write raises :class:`NotesError` saying so.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from jpbrief.core import paths
from jpbrief.core.notes import backups, journal, recovery, schema
from jpbrief.core.notes.records import NotesError, utc_now
from jpbrief.core.notes.recovery import RecoveryReport

log = logging.getLogger(__name__)

DB_NAME = "notes.sqlite3"


def default_db_path() -> Path:
    """Where the notes database lives: the user data folder (``$JPBRIEF_DATA_DIR`` wins)."""
    return paths.data_dir() / DB_NAME


def insert_row(conn: sqlite3.Connection, table: str, values: Mapping[str, Any]) -> int:
    """``INSERT`` one row of ``values`` (column -> value) into ``table``; returns its id."""
    names = ", ".join(f'"{name}"' for name in values)
    cursor = conn.execute(
        f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})",
        tuple(values.values()),
    )
    row_id = cursor.lastrowid
    assert row_id is not None
    return row_id


class NotesDatabase:
    """One notes file, open: sound (or rebuilt), migrated, journaled, or read-only and saying why.

    ``clock`` returns the current time (aware or local naive); tests inject one to
    simulate days. ``auto_backup`` makes the day's backup on open when it is due.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime] | None = None,
        auto_backup: bool = True,
        keep_backups: int = backups.KEEP_BACKUPS,
    ) -> None:
        if keep_backups < 1:
            raise ValueError("keep_backups must be at least 1")
        self.path = Path(path)
        self.backup_dir = self.path.parent / backups.BACKUP_DIR
        self.keep_backups = keep_backups
        self.recovery_message: str | None = None
        """Set when the database was found damaged and moved aside; show it to the user."""
        self.recovery: RecoveryReport | None = None
        """The same, structured: what was salvaged, replayed and skipped."""
        self.read_only: str | None = None
        """Why the store was opened read-only (the folder or file cannot be written), or None."""
        self.journal = journal.Journal(self.path.with_suffix(journal.JOURNAL_SUFFIX))
        self.clock = clock or utc_now
        self._salvaged: list[journal.Record] | None = None
        self.conn = self._open_or_read_only()
        try:
            if self.read_only is None:
                self._migrate()
                self._sync_journal()
            elif self.schema_version != schema.SCHEMA_VERSION:
                raise NotesError(
                    f"the notes database {self.path} needs upgrading to schema "
                    f"{schema.SCHEMA_VERSION}, but it is read-only ({self.read_only})"
                )
        except BaseException:
            self.conn.close()
            raise
        if auto_backup and self.read_only is None:
            try:
                self.backup_if_due()
            except (OSError, sqlite3.Error) as exc:
                # The notes themselves are fine; a full disk must not keep them from the user.
                log.warning("could not back up the notes database %s: %s", self.path, exc)

    def close(self) -> None:
        self.conn.close()

    @property
    def schema_version(self) -> int:
        return schema.user_version(self.conn)

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check``: ``["ok"]`` for a sound database."""
        return [str(row[0]) for row in self.conn.execute("PRAGMA integrity_check")]

    # -- writing

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; the write lock is taken at once so nothing deadlocks."""
        if self.read_only is not None:
            raise NotesError(
                f"the notes database {self.path} is open read-only ({self.read_only}); "
                "nothing was changed"
            )
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def log(self, records: Sequence[journal.Record | None]) -> None:
        """Append a change to the journal (fsynced) inside its transaction, before COMMIT."""
        self.journal.append([record for record in records if record is not None])

    # -- opening

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            # Before anything writes (even the journal mode): a newer schema stays untouched.
            version = schema.user_version(conn)
            if version > schema.SCHEMA_VERSION:
                raise NotesError(
                    f"the notes database {self.path} has schema {version}, newer than this "
                    f"jpbrief understands ({schema.SCHEMA_VERSION}); it was left untouched"
                )
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("notes database %s runs in %s mode, not WAL", self.path, mode)
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            # 16 MiB of page cache (default 2): a large import's random UUID-index inserts
            # otherwise reread pages from disk, and time per item grows with the table.
            conn.execute("PRAGMA cache_size=-16384")
        except BaseException:
            conn.close()
            raise
        return conn

    def _emptied(self) -> bool:
        """A zero-byte file with backups beside it was truncated: a new one has no backups."""
        wal = Path(f"{self.path}-wal")
        return (
            self.path.exists()
            and self.path.stat().st_size == 0
            and not (wal.exists() and wal.stat().st_size > 0)
            and (bool(self.backups()) or _has_bytes(self.journal.path))
        )

    def _open(self) -> sqlite3.Connection:
        problem: str | None
        if self._emptied():
            problem = "the file is empty"
        elif not self.path.exists() and _has_bytes(self.journal.path):
            problem = "the file is missing"
        else:
            try:
                conn = self._connect()
            except sqlite3.DatabaseError as exc:
                if not recovery.is_corruption(exc):
                    raise
                problem = str(exc)
            else:
                try:
                    problem = recovery.integrity_problem(conn)
                except sqlite3.DatabaseError as exc:
                    if not recovery.is_corruption(exc):
                        conn.close()
                        raise
                    problem = str(exc)
                if problem is None:
                    return conn
                conn.close()
        self._recover(problem)
        return self._connect()

    def _recover(self, problem: str) -> None:
        """Move the damaged database aside (never delete it) and restore the newest backup."""
        aside, moved = recovery.move_aside(self.path, self.journal.path, self.clock())
        self._salvaged = recovery.salvage(aside) if aside.exists() else []
        restored = recovery.restore_newest_backup(self.path, self.backups())
        self.recovery = RecoveryReport(problem, damaged_copy=aside.name if moved else "",
                                       backup=restored.name if restored else "")
        # The rebuild itself runs after the migration (:meth:`_sync_journal`).

    def _open_or_read_only(self) -> sqlite3.Connection:
        """Open for writing; when the folder or file cannot be written, open read-only."""
        why = _not_writable(self.path)
        if why is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                return self._open()
            except (sqlite3.OperationalError, PermissionError) as exc:
                if not self.path.exists() or not _is_access_problem(exc):
                    raise
                why = f"it cannot be opened for writing: {exc}"
        if not self.path.exists():
            raise NotesError(f"there is no notes database at {self.path} and {why}")
        self.read_only = why
        log.warning("notes database %s opened read-only: %s", self.path, why)
        return self._connect_read_only()

    def _connect_read_only(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri()
        last: sqlite3.Error | None = None
        # mode=ro still needs the WAL index; immutable=1 reads the file as it is.
        for query in ("mode=ro", "immutable=1"):
            try:
                conn = sqlite3.connect(f"{uri}?{query}", uri=True, isolation_level=None)
            except sqlite3.Error as exc:
                last = exc
                continue
            try:
                conn.row_factory = sqlite3.Row
                version = schema.user_version(conn)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.Error as exc:
                conn.close()
                last = exc
                continue
            if version > schema.SCHEMA_VERSION:
                conn.close()
                raise NotesError(f"the notes database {self.path} has schema {version}, newer "
                                 f"than this jpbrief understands ({schema.SCHEMA_VERSION})")
            return conn
        raise NotesError(f"cannot read the notes database {self.path}: {last}")

    def _migrate(self) -> None:
        version = self.schema_version
        if version == schema.SCHEMA_VERSION:
            return
        if version > 0:
            try:
                backups.write_backup(self.conn, backups.migration_name(
                    self.path, self.backup_dir, version, self.clock()))
            except (OSError, sqlite3.Error) as exc:  # the migration is one transaction anyway
                log.warning("no copy of %s before migrating it: %s", self.path, exc)
        with self.transaction() as conn:
            version = schema.migrate(conn)
        log.info("notes database %s migrated from schema %d to %d", self.path, version,
                 schema.SCHEMA_VERSION)

    # -- the journal beside it

    def _sync_journal(self) -> None:
        """After opening: finish a rebuild, or check the journal and rewrite it if needed."""
        if self.recovery is not None:
            self._rebuild(self.recovery)
            return
        contents = self.journal.read()
        if contents.damaged:
            stamp = self.clock().astimezone().strftime("%Y%m%dT%H%M%S")
            kept = self.journal.path.with_name(f"{self.journal.path.name}.damaged-{stamp}")
            shutil.copyfile(self.journal.path, kept)
            self.recovery = RecoveryReport("damaged journal lines", journal_only=True,
                                           skipped_journal_lines=contents.bad_lines)
            self.recovery_message = self.recovery.message(self.path) + f" (kept as {kept.name})"
            log.warning(self.recovery_message)
        if contents.torn_tail:  # a writer killed mid-append: that change never committed
            log.info("notes journal %s ends in a torn line; rewriting it", self.journal.path)
        if (contents.missing or contents.damaged or contents.torn_tail
                or not self._committed(contents.records[-1:])
                or len(contents.records) > 2 * self._row_count() + 10_000):
            self.compact_journal()

    def _committed(self, records: Sequence[journal.Record]) -> bool:
        """Whether these journal records are in the database. A writer killed between its
        journal append and its COMMIT leaves a last record that is not; rewriting the
        journal then keeps that never-confirmed change from coming back in a rebuild
        (where it could also take a row id a later, confirmed note holds). A ``put`` is
        in only when the row is as it says: an edit's row exists either way."""
        for record in records:
            table = record["t"]
            if table == "positions" or record["op"] == "snapshot":
                continue
            key = record["uuid"] if record["op"] == "del" else record["row"].get("uuid")
            found = self.conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (key,)).fetchone()
            if record["op"] == "del":
                if found is not None:
                    return False
                continue
            stored = None if found is None else journal.put_record(self.conn, table, found[0])
            if stored is None or stored["row"] != record["row"]:
                return False
        return True

    def _rebuild(self, report: RecoveryReport) -> None:
        """Replay the rows salvaged from the damaged file, then the journal, then say so."""
        contents = self.journal.read()
        with self.transaction() as conn:
            journal.apply(conn, self._salvaged or [])
            report.replayed = journal.apply(conn, contents.records, prune=not contents.damaged)
        report.salvaged = len(self._salvaged or [])
        report.skipped_journal_lines = contents.bad_lines
        report.annotations = self._row_count(positions=False)
        report.notes = int(self.conn.execute("SELECT count(*) FROM notes").fetchone()[0])
        self._salvaged = None
        self.compact_journal()
        self.recovery_message = report.message(self.path)
        log.warning(self.recovery_message)

    def _row_count(self, *, positions: bool = True) -> int:
        tables = schema.TABLES if positions else schema.ANNOTATION_TABLES
        return sum(int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                   for table in tables)

    def compact_journal(self) -> None:
        """Rewrite the journal as one ``put`` per row; the write lock keeps other writers out."""
        with self.transaction() as conn:
            self.journal.rewrite(journal.snapshot(conn))

    # -- backups

    def backups(self) -> list[Path]:
        """The daily backups kept next to the database, oldest first."""
        return backups.daily_backups(self.path, self.backup_dir)

    def backup_if_due(self) -> Path | None:
        """Make today's backup unless it exists; keep the last ``keep_backups``."""
        target = backups.daily_name(self.path, self.backup_dir, self.clock())
        if target.exists():
            return None
        self.backup(target)
        backups.rotate(self.path, self.backup_dir, self.keep_backups)
        self.compact_journal()  # the journal restarts from a copy of every row
        return target

    def backup(self, target: Path) -> Path:
        """Copy the database to ``target`` with SQLite's backup API, atomically."""
        return backups.write_backup(self.conn, target)


def _has_bytes(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _not_writable(path: Path) -> str | None:
    """Why ``path`` cannot be written (its folder or the file itself), or None."""
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return f"the folder {folder} cannot be written"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the file {path} cannot be written"
    return None


def _is_access_problem(exc: BaseException) -> bool:
    if isinstance(exc, PermissionError):
        return True
    message = str(exc).lower()
    return "unable to open" in message or "readonly" in message or "read-only" in message
