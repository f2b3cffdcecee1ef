"""SQLite store for bookmarks, highlights, notes and reading positions: never lose them.

Decisions, for the next person:

- **Durability.** One SQLite file (standard library ``sqlite3``) in WAL mode with
  ``synchronous=FULL`` and foreign keys on. Every write is one explicit transaction; a
  method returns only after ``COMMIT``, so whatever a caller was told is saved survives a
  crash or a kill (``tests/test_notes_durability.py`` kills a writer 60 times to prove it).
- **Schema.** The version lives in ``PRAGMA user_version``. :data:`MIGRATIONS` holds every
  schema step from the first one; opening a database runs the missing steps forward in
  one transaction. A database from a newer jpbrief is refused, never touched.
- **Quotes and re-anchoring.** Every annotation keeps the text it quotes (the passage's
  text, or the selection for a highlight) and the place it was made on
  (``original_article``/``original_anchor``, never changed by re-anchoring).
  :meth:`NotesStore.reanchor` resolves each one against the current
  :class:`~jpbrief.core.model.Library`. Moving an annotation to the wrong passage is
  worse than leaving it detached, so it only ever moves on firm evidence:

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
- **Identity.** Each bookmark, highlight and note has a random UUID that export carries
  and import checks, so importing an export twice adds nothing.
- **Backups.** At most one automatic backup a day (the first open of the day), written
  with SQLite's backup API to ``backups/`` next to the database, the last seven kept.
  Before a migration the old file is copied too (kept, not rotated).
- **Journal.** Every change is also appended, checksummed and fsynced before ``COMMIT``,
  to ``notes.journal`` (:mod:`jpbrief.core.notes_journal`): the damage of either file
  alone loses nothing that was confirmed. The journal is rewritten as a snapshot after
  each daily backup, and when it is found damaged (bad lines are skipped and reported).
- **Corruption.** On open the store runs ``PRAGMA integrity_check`` (``quick_check``
  misses an index that disagrees with its table, which random damage produces). A
  database that is not a database, malformed, truncated or emptied is renamed aside with
  a timestamp (never deleted, together with its ``-wal``/``-shm`` files), and rebuilt
  (:mod:`jpbrief.core.notes_recovery`): the newest good backup, the rows still readable
  in the damaged file, then the journal replayed on top. :attr:`NotesStore.recovery`
  says what was recovered, :attr:`NotesStore.recovery_message` says it in words.
- **Read-only.** When the folder or the file cannot be written, the store opens the file
  read-only (``mode=ro``, else ``immutable=1``), :attr:`NotesStore.read_only` says why,
  and every write raises :class:`NotesError` saying so.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import sqlite3
import time
import uuid as uuidlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, Literal

from jpbrief.core import notes_journal, paths
from jpbrief.core.model import Article, Library, Passage
from jpbrief.core.notes_import import (
    BATCH,
    DEFAULT_COLOUR,
    EXPORT_FORMAT,
    EXPORT_VERSION,
    Seen,
    parse_document,
    validated_item,
)
from jpbrief.core.notes_journal import Journal, delete_record, fsync_dir, put_record
from jpbrief.core.notes_recovery import RecoveryReport, salvage

log = logging.getLogger(__name__)

DB_NAME = "notes.sqlite3"
BACKUP_DIR = "backups"
KEEP_BACKUPS = 7

State = Literal["ok", "changed", "detached"]
Status = Literal["ok", "moved", "changed", "detached", "unavailable"]
STATES: tuple[State, ...] = ("ok", "changed", "detached")

MIN_MOVE_WORDS = 3
"""A quote needs this many words before re-anchoring moves it to another passage."""
MIN_MOVE_CHARS = 12
"""...and this many characters (whitespace runs counted as one)."""

_CORRUPTION_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)
_STALE_TMP_SECONDS = 24 * 3600


def default_db_path() -> Path:
    """Where the notes database lives: the user data folder (``$JPBRIEF_DATA_DIR`` wins)."""
    return paths.data_dir() / DB_NAME


class NotesError(Exception):
    """The notes store cannot do what was asked; the message says why, for the user."""


class ImportFormatError(NotesError, ValueError):
    """An import file is not a jpbrief notes export; the message names the item at fault."""


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Bookmark:
    """A bookmarked passage."""

    kind: ClassVar[str] = "bookmark"
    id: int
    uuid: str
    article: str
    anchor: str
    quote: str
    created: str
    state: State = "ok"
    original_article: str = ""
    original_anchor: str = ""

    def __post_init__(self) -> None:
        _default_original(self)

    @property
    def detached(self) -> bool:
        return self.state == "detached"


@dataclass(frozen=True)
class Highlight:
    """A highlighted selection: ``quote`` is ``passage.text[start:end]``."""

    kind: ClassVar[str] = "highlight"
    id: int
    uuid: str
    article: str
    anchor: str
    start: int
    end: int
    quote: str
    colour: str
    created: str
    state: State = "ok"
    original_article: str = ""
    original_anchor: str = ""

    def __post_init__(self) -> None:
        _default_original(self)

    @property
    def detached(self) -> bool:
        return self.state == "detached"


@dataclass(frozen=True)
class Note:
    """Free text on a passage, or on a highlight when ``highlight_id`` is set."""

    kind: ClassVar[str] = "note"
    id: int
    uuid: str
    article: str
    anchor: str
    quote: str
    text: str
    created: str
    updated: str
    highlight_id: int | None = None
    state: State = "ok"
    original_article: str = ""
    original_anchor: str = ""

    def __post_init__(self) -> None:
        _default_original(self)

    @property
    def detached(self) -> bool:
        return self.state == "detached"


Annotation = Bookmark | Highlight | Note
"""Each kind's ``original_article``/``original_anchor`` is the place it was made on."""


def _default_original(item: Annotation) -> None:
    """An annotation built without its original place was made where it is."""
    if not item.original_article:
        object.__setattr__(item, "original_article", item.article)
    if not item.original_anchor:
        object.__setattr__(item, "original_anchor", item.anchor)


@dataclass(frozen=True)
class Position:
    """The last reading position in an article: the passage at the top, and a fraction."""

    article: str
    anchor: str
    fraction: float
    updated: str


@dataclass(frozen=True)
class Reanchored:
    """What :meth:`NotesStore.reanchor` decided for one annotation."""

    kind: str
    id: int
    status: Status
    article: str
    anchor: str
    quote: str
    old_article: str
    old_anchor: str


@dataclass(frozen=True)
class ImportResult:
    """How many items an import added, and how many it skipped as already present."""

    added: int
    skipped: int


# --------------------------------------------------------------------------- schema

Migration = Callable[[sqlite3.Connection], None]

SCHEMA_V1: tuple[str, ...] = (
    """CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        article TEXT NOT NULL,
        anchor TEXT NOT NULL,
        quote TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL
    )""",
    """CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        article TEXT NOT NULL,
        anchor TEXT NOT NULL,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" >= start),
        quote TEXT NOT NULL,
        colour TEXT NOT NULL DEFAULT 'yellow',
        created TEXT NOT NULL
    )""",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        highlight_id INTEGER REFERENCES highlights(id) ON DELETE SET NULL,
        article TEXT NOT NULL,
        anchor TEXT NOT NULL,
        quote TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    """CREATE TABLE positions (
        article TEXT PRIMARY KEY,
        anchor TEXT NOT NULL,
        fraction REAL NOT NULL DEFAULT 0,
        updated TEXT NOT NULL
    )""",
)
"""The first schema, exactly as jpbrief 1 created it. Never edit: add a migration."""

_ANNOTATION_TABLES = ("bookmarks", "highlights", "notes")


def _migrate_to_v1(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA_V1:
        conn.execute(statement)


def _migrate_to_v2(conn: sqlite3.Connection) -> None:
    """A stable UUID per annotation (import identity), and look-up indexes."""
    for table in _ANNOTATION_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uuid TEXT")
        ids = [row[0] for row in conn.execute(f"SELECT id FROM {table}")]
        conn.executemany(
            f"UPDATE {table} SET uuid = ? WHERE id = ?",
            [(str(uuidlib.uuid4()), row_id) for row_id in ids],
        )
        conn.execute(f"CREATE UNIQUE INDEX {table}_uuid ON {table}(uuid)")
        conn.execute(f"CREATE INDEX {table}_place ON {table}(article, anchor)")
    conn.execute("CREATE INDEX notes_highlight ON notes(highlight_id)")


def _migrate_to_v3(conn: sqlite3.Connection) -> None:
    """Re-anchoring state, so a detached annotation is shown as such after a restart."""
    for table in _ANNOTATION_TABLES:
        conn.execute(
            f"ALTER TABLE {table} ADD COLUMN state TEXT NOT NULL DEFAULT 'ok' "
            "CHECK (state IN ('ok', 'changed', 'detached'))"
        )


def _migrate_to_v4(conn: sqlite3.Connection) -> None:
    """The place each annotation was made on, kept through every re-anchoring so that a
    later re-anchor against restored content can put it back there."""
    for table in _ANNOTATION_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN original_article TEXT NOT NULL DEFAULT ''")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN original_anchor TEXT NOT NULL DEFAULT ''")
        conn.execute(
            f"UPDATE {table} SET original_article = article, original_anchor = anchor"
        )


MIGRATIONS: tuple[Migration, ...] = (
    _migrate_to_v1, _migrate_to_v2, _migrate_to_v3, _migrate_to_v4
)
"""``MIGRATIONS[n - 1]`` turns a schema ``n - 1`` database (0: empty) into schema ``n``."""

SCHEMA_VERSION = len(MIGRATIONS)


# --------------------------------------------------------------------------- helpers


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _is_corruption(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _CORRUPTION_CODES
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message


def _sidecars(path: Path) -> list[Path]:
    """The database file and the WAL files SQLite keeps beside it."""
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm")]


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """None when the database is sound, else SQLite's first complaint."""
    rows = conn.execute("PRAGMA integrity_check(1)").fetchall()
    first = str(rows[0][0]) if rows else "no answer from integrity_check"
    return None if first == "ok" else first


def _check_file(path: Path) -> str | None:
    """Open ``path`` on its own and quick-check it: None when sound, else why not."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                return "it holds no notes schema"
            return _quick_check(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)


# --------------------------------------------------------------------------- the store


class NotesStore:
    """Bookmarks, highlights, notes and reading positions in one SQLite file.

    ``clock`` returns the current time (aware or local naive); tests inject one to
    simulate days. ``auto_backup`` makes the day's backup on open when it is due.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime] | None = None,
        auto_backup: bool = True,
        keep_backups: int = KEEP_BACKUPS,
    ) -> None:
        if keep_backups < 1:
            raise ValueError("keep_backups must be at least 1")
        self.path = Path(path)
        self.backup_dir = self.path.parent / BACKUP_DIR
        self.keep_backups = keep_backups
        self.recovery_message: str | None = None
        """Set when the database was found damaged and moved aside; show it to the user."""
        self.recovery: RecoveryReport | None = None
        """The same, structured: what was salvaged, replayed and skipped."""
        self.read_only: str | None = None
        """Why the store was opened read-only (the folder or file cannot be written), or None."""
        self.journal = Journal(self.path.with_suffix(notes_journal.JOURNAL_SUFFIX))
        self._clock = clock or _utc_now
        self._salvaged: list[notes_journal.Record] | None = None
        self._changed: list[tuple[str, int]] = []
        self._conn = self._open_or_read_only()
        try:
            if self.read_only is None:
                self._migrate()
                self._sync_journal()
            elif self.schema_version != SCHEMA_VERSION:
                raise NotesError(
                    f"the notes database {self.path} needs upgrading to schema "
                    f"{SCHEMA_VERSION}, but it is read-only ({self.read_only})"
                )
        except BaseException:
            self._conn.close()
            raise
        if auto_backup and self.read_only is None:
            try:
                self.backup_if_due()
            except (OSError, sqlite3.Error) as exc:
                # The notes themselves are fine; a full disk must not keep them from the user.
                log.warning("could not back up the notes database %s: %s", self.path, exc)

    # -- lifecycle

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check``: ``["ok"]`` for a sound database."""
        return [str(row[0]) for row in self._conn.execute("PRAGMA integrity_check")]

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            # Before anything writes (even the journal mode): a newer schema stays untouched.
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise NotesError(
                    f"the notes database {self.path} has schema {version}, newer than this "
                    f"jpbrief understands ({SCHEMA_VERSION}); it was left untouched"
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
            and (bool(self._backups()) or _has_bytes(self.journal.path))
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
                if not _is_corruption(exc):
                    raise
                problem = str(exc)
            else:
                try:
                    problem = _quick_check(conn)
                except sqlite3.DatabaseError as exc:
                    if not _is_corruption(exc):
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
        stamp = self._clock().astimezone().strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while any(p.exists() for p in _sidecars(aside)):
            counter += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        moved = False
        for source, target in zip(_sidecars(self.path), _sidecars(aside), strict=True):
            if source.exists():
                os.replace(source, target)
                moved = True
        fsync_dir(self.path.parent)
        if self.journal.path.exists():  # the rebuild rewrites it: keep the one it read
            tag = aside.name[len(self.path.name):]  # ".corrupt-<stamp>"
            shutil.copyfile(self.journal.path, self.journal.path.with_name(
                self.journal.path.name + tag))
        self._salvaged = salvage(aside) if aside.exists() else []
        restored = self._restore_newest_backup()
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
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.Error as exc:
                conn.close()
                last = exc
                continue
            if version > SCHEMA_VERSION:
                conn.close()
                raise NotesError(f"the notes database {self.path} has schema {version}, newer "
                                 f"than this jpbrief understands ({SCHEMA_VERSION})")
            return conn
        raise NotesError(f"cannot read the notes database {self.path}: {last}")

    def _sync_journal(self) -> None:
        """After opening: finish a rebuild, or check the journal and rewrite it if needed."""
        if self.recovery is not None:
            self._rebuild(self.recovery)
            return
        contents = self.journal.read()
        if contents.damaged:
            stamp = self._clock().astimezone().strftime("%Y%m%dT%H%M%S")
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
            self._compact_journal()

    def _committed(self, records: Sequence[notes_journal.Record]) -> bool:
        """Whether these journal records are in the database. A writer killed between its
        journal append and its COMMIT leaves a last record that is not; rewriting the
        journal then keeps that never-confirmed change from coming back in a rebuild
        (where it could also take a row id a later, confirmed note holds)."""
        for record in records:
            table = record["t"]
            if table == "positions" or record["op"] == "snapshot":
                continue
            key = record["uuid"] if record["op"] == "del" else record["row"].get("uuid")
            found = self._conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", (key,))
            if (found.fetchone() is None) == (record["op"] == "put"):
                return False
        return True

    def _rebuild(self, report: RecoveryReport) -> None:
        """Replay the rows salvaged from the damaged file, then the journal, then say so."""
        contents = self.journal.read()
        with self._transaction() as conn:
            notes_journal.apply(conn, self._salvaged or [])
            report.replayed = notes_journal.apply(conn, contents.records,
                                                  prune=not contents.damaged)
        report.salvaged = len(self._salvaged or [])
        report.skipped_journal_lines = contents.bad_lines
        report.annotations = self._row_count(positions=False)
        report.notes = int(self._conn.execute("SELECT count(*) FROM notes").fetchone()[0])
        self._salvaged = None
        self._compact_journal()
        self.recovery_message = report.message(self.path)
        log.warning(self.recovery_message)

    def _row_count(self, *, positions: bool = True) -> int:
        tables = notes_journal.TABLES if positions else notes_journal.ANNOTATION_TABLES
        return sum(int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                   for table in tables)

    def _compact_journal(self) -> None:
        """Rewrite the journal as one ``put`` per row; the write lock keeps other writers out."""
        with self._transaction() as conn:
            self.journal.rewrite(notes_journal.snapshot(conn))

    def _log(self, records: Sequence[notes_journal.Record | None]) -> None:
        """Append a change to the journal (fsynced) inside its transaction, before COMMIT."""
        self.journal.append([record for record in records if record is not None])

    def _restore_newest_backup(self) -> Path | None:
        for backup in reversed(self._backups()):
            tmp = self.path.with_name(f"{self.path.name}.restore-{os.getpid()}.tmp")
            try:
                shutil.copyfile(backup, tmp)
                problem = _check_file(tmp)
                if problem is None:
                    _fsync_file(tmp)
                    os.replace(tmp, self.path)
                    fsync_dir(self.path.parent)
                    return backup
                log.warning("notes backup %s is unusable (%s); trying an older one",
                            backup, problem)
            except OSError as exc:
                log.warning("cannot restore notes backup %s: %s", backup, exc)
            for leftover in _sidecars(tmp):
                leftover.unlink(missing_ok=True)  # our own copy, not user data
        return None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; the write lock is taken at once so nothing deadlocks."""
        if self.read_only is not None:
            raise NotesError(
                f"the notes database {self.path} is open read-only ({self.read_only}); "
                "nothing was changed"
            )
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        version = self.schema_version
        if version == SCHEMA_VERSION:
            return
        if version > 0:
            try:
                self._backup_before_migration(version)
            except (OSError, sqlite3.Error) as exc:  # the migration is one transaction anyway
                log.warning("no copy of %s before migrating it: %s", self.path, exc)
        with self._transaction() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            for number in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[number - 1](conn)
                conn.execute(f"PRAGMA user_version = {number:d}")
        log.info("notes database %s migrated from schema %d to %d", self.path, version,
                 SCHEMA_VERSION)

    # -- backups

    def _backup_glob(self) -> str:
        return f"{self.path.stem}-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]{self.path.suffix}"

    def _backups(self) -> list[Path]:
        """The daily backups, oldest first (their names sort by date)."""
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob(self._backup_glob()))

    def backups(self) -> list[Path]:
        """The daily backups kept next to the database, oldest first."""
        return self._backups()

    def backup_if_due(self) -> Path | None:
        """Make today's backup unless it exists; keep the last ``keep_backups``."""
        today = self._clock().astimezone().date()
        target = self.backup_dir / f"{self.path.stem}-{today.isoformat()}{self.path.suffix}"
        if target.exists():
            return None
        self.backup(target)
        self._rotate_backups()
        self._compact_journal()  # the journal restarts from a copy of every row
        return target

    def backup(self, target: Path) -> Path:
        """Copy the database to ``target`` with SQLite's backup API, atomically."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        dest = sqlite3.connect(tmp)
        try:
            self._conn.backup(dest)
        finally:
            dest.close()
        _fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
        return target

    def _backup_before_migration(self, version: int) -> None:
        stamp = self._clock().astimezone().strftime("%Y%m%dT%H%M%S")
        name = f"{self.path.stem}-schema{version}-{stamp}{self.path.suffix}"
        self.backup(self.backup_dir / name)

    def _rotate_backups(self) -> None:
        for old in self._backups()[: -self.keep_backups]:
            old.unlink(missing_ok=True)
        # A writer killed mid-backup leaves its temporary file; clear those a day old.
        for tmp in self.backup_dir.glob(f"{self.path.stem}-*.tmp"):
            try:
                if time.time() - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                    tmp.unlink()
            except OSError:
                pass

    # -- bookmarks

    def add_bookmark(self, article: str, anchor: str, quote: str = "") -> Bookmark:
        """Bookmark a passage; ``quote`` is the passage's text as shown."""
        _require(article=article, anchor=anchor)
        created = _stamp(self._clock())
        uid = str(uuidlib.uuid4())
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO bookmarks (uuid, article, anchor, quote, created, "
                "original_article, original_anchor) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (uid, article, anchor, quote, created, article, anchor),
            )
            self._log([put_record(conn, "bookmarks", _rowid(cursor))])
        return Bookmark(_rowid(cursor), uid, article, anchor, quote, created, "ok", article,
                        anchor)

    def bookmark_at(self, article: str, anchor: str) -> Bookmark | None:
        row = self._conn.execute(
            "SELECT * FROM bookmarks WHERE article = ? AND anchor = ? ORDER BY id LIMIT 1",
            (article, anchor),
        ).fetchone()
        return _bookmark(row) if row else None

    def toggle_bookmark(self, article: str, anchor: str, quote: str = "") -> Bookmark | None:
        """Ctrl+D: bookmark the passage, or remove its bookmark. Returns the new one or None."""
        existing = self.bookmark_at(article, anchor)
        if existing is None:
            return self.add_bookmark(article, anchor, quote)
        self.remove_bookmark(existing.id)
        return None

    def remove_bookmark(self, bookmark_id: int) -> bool:
        return self._delete("bookmarks", bookmark_id)

    def _delete(self, table: str, row_id: int) -> bool:
        with self._transaction() as conn:
            row = conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if row is None:
                return False
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            self._log([delete_record(table, row["uuid"])])
            return True

    def bookmarks(self, article: str | None = None) -> list[Bookmark]:
        return [_bookmark(row) for row in self._select("bookmarks", article)]

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
        created = _stamp(self._clock())
        uid = str(uuidlib.uuid4())
        with self._transaction() as conn:
            cursor = conn.execute(
                'INSERT INTO highlights (uuid, article, anchor, start, "end", quote, colour, '
                "created, original_article, original_anchor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uid, article, anchor, start, end, quote, colour, created, article, anchor),
            )
            self._log([put_record(conn, "highlights", _rowid(cursor))])
        return Highlight(_rowid(cursor), uid, article, anchor, start, end, quote, colour, created,
                         "ok", article, anchor)

    def highlight(self, highlight_id: int) -> Highlight | None:
        row = self._conn.execute(
            "SELECT * FROM highlights WHERE id = ?", (highlight_id,)
        ).fetchone()
        return _highlight(row) if row else None

    def set_highlight_colour(self, highlight_id: int, colour: str) -> bool:
        _require(colour=colour)
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE highlights SET colour = ? WHERE id = ?", (colour, highlight_id)
            )
            self._log([put_record(conn, "highlights", highlight_id)])
            return cursor.rowcount > 0

    def remove_highlight(self, highlight_id: int) -> bool:
        """Remove a highlight; notes on it stay, as notes on its passage with its quote."""
        return self._delete("highlights", highlight_id)

    def highlights(self, article: str | None = None) -> list[Highlight]:
        return [_highlight(row) for row in self._select("highlights", article)]

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
        now = _stamp(self._clock())
        uid = str(uuidlib.uuid4())
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO notes (uuid, highlight_id, article, anchor, quote, text, created, "
                "updated, state, original_article, original_anchor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uid, highlight_id, article, anchor, quote, text, now, now, state, *original),
            )
            self._log([put_record(conn, "notes", _rowid(cursor))])
        return Note(
            _rowid(cursor), uid, article, anchor, quote, text, now, now, highlight_id, state,
            *original,
        )

    def update_note(self, note_id: int, text: str) -> Note:
        _require(text=text)
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE notes SET text = ?, updated = ? WHERE id = ?",
                (text, _stamp(self._clock()), note_id),
            )
            if cursor.rowcount == 0:
                raise NotesError(f"no note {note_id}")
            self._log([put_record(conn, "notes", note_id)])
        found = self.note(note_id)
        assert found is not None
        return found

    def remove_note(self, note_id: int) -> bool:
        return self._delete("notes", note_id)

    def note(self, note_id: int) -> Note | None:
        row = self._conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        return _note(row) if row else None

    def notes(self, article: str | None = None) -> list[Note]:
        return [_note(row) for row in self._select("notes", article)]

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
            return self._conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        return self._conn.execute(
            f"SELECT * FROM {table} WHERE article = ? ORDER BY id", (article,)
        ).fetchall()

    # -- reading positions

    def set_position(self, article: str, anchor: str, fraction: float) -> None:
        """Remember where the reader is: the passage at the top, and how far down (0..1)."""
        _require(article=article, anchor=anchor)
        if math.isnan(fraction):
            raise ValueError("reading position fraction is not a number")
        fraction = min(1.0, max(0.0, fraction))
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO positions (article, anchor, fraction, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(article) DO UPDATE SET anchor = excluded.anchor, "
                "fraction = excluded.fraction, updated = excluded.updated",
                (article, anchor, fraction, _stamp(self._clock())),
            )
            self._log([put_record(conn, "positions", article)])

    def position(self, article: str) -> Position | None:
        row = self._conn.execute(
            "SELECT * FROM positions WHERE article = ?", (article,)
        ).fetchone()
        return _position(row) if row else None

    def positions(self) -> list[Position]:
        rows = self._conn.execute("SELECT * FROM positions ORDER BY updated DESC, article")
        return [_position(row) for row in rows]

    # -- re-anchoring

    def reanchor(self, library: Library) -> list[Reanchored]:
        """Resolve every annotation against ``library`` (see the module docstring).

        Returns one result per annotation; stores new places, ranges and states in one
        transaction. Nothing is ever deleted, an annotation whose article is not in
        ``library`` is not touched, and the original place is never overwritten.
        """
        results: list[Reanchored] = []
        self._changed = []
        with self._transaction() as conn:
            self._reanchor_all(conn, library, results)
            self._log([put_record(conn, table, row_id) for table, row_id in self._changed])
        self._changed = []
        return results

    def _reanchor_all(
        self, conn: sqlite3.Connection, library: Library, results: list[Reanchored]
    ) -> None:
        for row in conn.execute("SELECT * FROM bookmarks ORDER BY id").fetchall():
            results.append(self._reanchor_passage_row(conn, "bookmark", row, library))
        placed: dict[int, Reanchored] = {}
        for row in conn.execute("SELECT * FROM highlights ORDER BY id").fetchall():
            result = self._reanchor_highlight_row(conn, row, library)
            placed[result.id] = result
            results.append(result)
        for row in conn.execute("SELECT * FROM notes ORDER BY id").fetchall():
            followed = placed.get(row["highlight_id"]) if row["highlight_id"] else None
            if followed is None:
                results.append(self._reanchor_passage_row(conn, "note", row, library))
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
                self._changed.append(("notes", row["id"]))
            results.append(
                Reanchored("note", row["id"], status, followed.article, followed.anchor,
                           row["quote"], row["article"], row["anchor"])
            )

    def _reanchor_passage_row(
        self, conn: sqlite3.Connection, kind: str, row: sqlite3.Row, library: Library
    ) -> Reanchored:
        article, anchor, quote = row["article"], row["anchor"], row["quote"]
        status, new_article, new_anchor, new_quote = locate_passage(
            library, article, anchor, quote, original=_original(row)
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
                self._changed.append((f"{kind}s", row["id"]))
        return Reanchored(kind, row["id"], status, new_article, new_anchor, new_quote,
                          article, anchor)

    def _reanchor_highlight_row(
        self, conn: sqlite3.Connection, row: sqlite3.Row, library: Library
    ) -> Reanchored:
        article, anchor, quote = row["article"], row["anchor"], row["quote"]
        status, new_article, new_anchor, start = locate_selection(
            library, article, anchor, quote, row["start"], original=_original(row)
        )
        if status == "unavailable":
            pass
        elif status == "detached":
            if row["state"] != "detached":
                conn.execute("UPDATE highlights SET state = 'detached' WHERE id = ?", (row["id"],))
                self._changed.append(("highlights", row["id"]))
        elif (article, anchor, row["start"], row["state"]) != (
            new_article, new_anchor, start, "ok"
        ):
            conn.execute(
                'UPDATE highlights SET article = ?, anchor = ?, start = ?, "end" = ?, '
                "state = 'ok' WHERE id = ?",
                (new_article, new_anchor, start, start + len(quote), row["id"]),
            )
            self._changed.append(("highlights", row["id"]))
        return Reanchored("highlight", row["id"], status, new_article, new_anchor, quote,
                          article, anchor)

    # -- export and import

    def export_data(self, library: Library | None = None) -> dict[str, Any]:
        """Every annotation with its context, as the JSON export's document."""
        highlight_uuids = {item.id: item.uuid for item in self.highlights()}
        items: list[dict[str, Any]] = []
        for entry in _ordered(self.annotations(), library):
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
            "exported": _stamp(self._clock()),
            "items": items,
        }

    def export_json(self, library: Library | None = None) -> str:
        return json.dumps(self.export_data(library), ensure_ascii=False, indent=2) + "\n"

    def export_markdown(self, library: Library | None = None) -> str:
        """A memo to paste into a brief: per article and section, each note with its quote
        and the citations of the footnotes its passage cites."""
        entries = _ordered(self.annotations(), library)
        highlight_ids = {e.annotation.id for e in entries if isinstance(e.annotation, Highlight)}
        notes_on: dict[int, list[Note]] = {}
        for entry in entries:
            item = entry.annotation
            if isinstance(item, Note) and item.highlight_id in highlight_ids:
                notes_on.setdefault(item.highlight_id or 0, []).append(item)
        lines = [
            "# Notes from jpbrief",
            "",
            f"Exported {_stamp(self._clock())}. Quotes are the articles' text, word for word.",
        ]
        if not entries:
            lines += ["", "No bookmarks, highlights or notes yet."]
        current_article: str | None = None
        current_section: str | None = None
        for entry in entries:
            item = entry.annotation
            if isinstance(item, Note) and item.highlight_id in highlight_ids:
                continue  # printed under its highlight
            if item.article != current_article:
                current_article, current_section = item.article, None
                lines += ["", f"## {_one_line(entry.title)}"]
            section = entry.section or "Opening"
            if section != current_section:
                current_section = section
                lines += ["", f"### {_one_line(section)}"]
            lines += ["", _markdown_label(item, unavailable=entry.unavailable), ""]
            lines += _blockquote(item.quote or (entry.passage.text if entry.passage else ""))
            if isinstance(item, Note):
                lines += ["", item.text]
            if isinstance(item, Highlight):
                for note in notes_on.get(item.id, []):
                    lines += ["", f"Note ({note.created[:10]}): {note.text}"]
            if entry.sources:
                lines += ["", "Sources cited in this passage:", ""]
                lines += [f"- [{s['number']}] {s['citation']}" for s in entry.sources]
        return "\n".join(lines) + "\n"

    def import_json(
        self,
        data: str | bytes | Mapping[str, Any],
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportResult:
        """Add the items of a JSON export that are not here yet (matched by UUID, or by
        kind, place, quote, text and creation time for items without one).

        Every item is checked first: a bad one raises :class:`ImportFormatError` and adds
        nothing (limits: :mod:`jpbrief.core.notes_import`). Items are then written in
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
            for row in self._conn.execute(
                f"SELECT id, uuid, article, anchor, quote, {text}, created FROM {table}"
            ):
                seen.add(table, *(str(value) for value in tuple(row)[1:]))
                if table == "highlights":
                    highlight_uuids[row[1]] = row[0]
        added = skipped = 0
        for first in range(0, len(items), BATCH):
            with self._transaction() as conn:
                records = []
                for item in items[first:first + BATCH]:
                    table = item["kind"] + "s"
                    if (table, item) in seen:
                        skipped += 1
                        continue
                    row_id = self._insert_item(conn, table, item, highlight_uuids)
                    seen.add_item(table, item)
                    if table == "highlights":
                        highlight_uuids[item["uuid"]] = row_id
                    records.append(put_record(conn, table, row_id))
                    added += 1
                self._log(records)
            if progress is not None:
                progress(min(first + BATCH, len(items)), len(items))
        return ImportResult(added, skipped)

    def _insert_item(
        self,
        conn: sqlite3.Connection,
        table: str,
        item: dict[str, Any],
        highlight_uuids: dict[str, int],
    ) -> int:
        common = (item["uuid"], item["article"], item["anchor"], item["quote"], item["created"],
                  item["state"], item["original_article"], item["original_anchor"])
        columns = "uuid, article, anchor, quote, created, state, original_article, original_anchor"
        if table == "bookmarks":
            cursor = conn.execute(
                f"INSERT INTO bookmarks ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                common,
            )
        elif table == "highlights":
            cursor = conn.execute(
                f'INSERT INTO highlights ({columns}, start, "end", colour) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*common, item["start"], item["end"], item["colour"]),
            )
        else:
            highlight_id = highlight_uuids.get(item["highlight"]) if item["highlight"] else None
            cursor = conn.execute(
                f"INSERT INTO notes ({columns}, text, updated, highlight_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*common, item["text"], item["updated"], highlight_id),
            )
        return _rowid(cursor)


# --------------------------------------------------------------------------- locating


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


# --------------------------------------------------------------------------- export helpers


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


def _markdown_label(item: Annotation, *, unavailable: bool = False) -> str:
    where = f"`{item.article}#{item.anchor}`"
    label = {"bookmark": "Bookmark", "highlight": "Highlight", "note": "Note"}[item.kind]
    if unavailable:
        return (f"**{label} (article not loaded)** · {where} · {item.created[:10]} · its "
                "article is not in the loaded content (removed, or skipped because of a "
                "problem); kept where it was, quoted as it was:")
    if item.state == "detached":
        return (f"**{label} (detached)** · {where} · {item.created[:10]} · the passage it was "
                "made on is no longer in the content; quoted as it was:")
    if item.state == "changed":
        return (f"**{label}** · {where} · {item.created[:10]} · the passage has been edited "
                "since; quoted as it was:")
    return f"**{label}** · {where} · {item.created[:10]}"


def _blockquote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in (text.splitlines() or [""])]


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- import helpers


# --------------------------------------------------------------------------- row mapping


def _require(**values: str) -> None:
    for name, value in values.items():
        if not value or not value.strip():
            raise ValueError(f"{name} must not be empty")


def _rowid(cursor: sqlite3.Cursor) -> int:
    row_id = cursor.lastrowid
    assert row_id is not None
    return row_id


def _original(row: sqlite3.Row) -> tuple[str, str]:
    """Where the annotation was made; its current place if the row does not say."""
    return (row["original_article"] or row["article"], row["original_anchor"] or row["anchor"])


def _bookmark(row: sqlite3.Row) -> Bookmark:
    return Bookmark(row["id"], row["uuid"], row["article"], row["anchor"], row["quote"],
                    row["created"], row["state"], *_original(row))


def _highlight(row: sqlite3.Row) -> Highlight:
    return Highlight(row["id"], row["uuid"], row["article"], row["anchor"], row["start"],
                     row["end"], row["quote"], row["colour"], row["created"], row["state"],
                     *_original(row))


def _note(row: sqlite3.Row) -> Note:
    return Note(row["id"], row["uuid"], row["article"], row["anchor"], row["quote"], row["text"],
                row["created"], row["updated"], row["highlight_id"], row["state"],
                *_original(row))


def _position(row: sqlite3.Row) -> Position:
    return Position(row["article"], row["anchor"], float(row["fraction"]), row["updated"])
