"""The notes database's schema: the first DDL, every migration since, and its version number.

The version lives in ``PRAGMA user_version``. :data:`MIGRATIONS` holds every schema step
from the first one; :func:`migrate` runs the missing steps forward inside the caller's
transaction. A database from a newer jpbrief is refused, never touched (the check is in
:mod:`.database`, before anything writes). Never edit a step that shipped: add one.
"""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from collections.abc import Callable

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

ANNOTATION_TABLES = ("highlights", "bookmarks", "notes")
"""Highlights first: a note names its highlight, which must exist when the note is put."""
TABLES = (*ANNOTATION_TABLES, "positions")
_STEPPED = ("bookmarks", "highlights", "notes")  # the order the shipped steps ran in


def _migrate_to_v1(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA_V1:
        conn.execute(statement)


def _migrate_to_v2(conn: sqlite3.Connection) -> None:
    """A stable UUID per annotation (import identity), and look-up indexes."""
    for table in _STEPPED:
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
    for table in _STEPPED:
        conn.execute(
            f"ALTER TABLE {table} ADD COLUMN state TEXT NOT NULL DEFAULT 'ok' "
            "CHECK (state IN ('ok', 'changed', 'detached'))"
        )


def _migrate_to_v4(conn: sqlite3.Connection) -> None:
    """The place each annotation was made on, kept through every re-anchoring so that a
    later re-anchor against restored content can put it back there."""
    for table in _STEPPED:
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


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version the database says it has (0: empty, or not ours)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Run the missing steps in the caller's open transaction; returns the version found."""
    found = user_version(conn)
    for number in range(found + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[number - 1](conn)
        conn.execute(f"PRAGMA user_version = {number:d}")
    return found
