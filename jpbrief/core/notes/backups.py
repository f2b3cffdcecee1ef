"""Copies of the notes database: one a day (the last seven kept), and one before each migration.

Backups are written with SQLite's backup API into ``backups/`` next to the database, as
``notes-YYYY-MM-DD.sqlite3``; a copy made before a migration is named
``notes-schemaN-<stamp>.sqlite3`` and kept (it does not match the daily pattern, so it is
never rotated). Each is written to a temporary file first and renamed into place durably.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from jpbrief.core.durable import replace_file

BACKUP_DIR = "backups"
KEEP_BACKUPS = 7
_STALE_TMP_SECONDS = 24 * 3600


def daily_backups(db: Path, folder: Path) -> list[Path]:
    """The daily backups of ``db`` in ``folder``, oldest first (their names sort by date)."""
    if not folder.is_dir():
        return []
    pattern = f"{db.stem}-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]{db.suffix}"
    return sorted(folder.glob(pattern))


def daily_name(db: Path, folder: Path, moment: datetime) -> Path:
    """Where the backup of the day of ``moment`` (local time) goes."""
    return folder / f"{db.stem}-{moment.astimezone().date().isoformat()}{db.suffix}"


def migration_name(db: Path, folder: Path, version: int, moment: datetime) -> Path:
    """Where the copy made before migrating a schema ``version`` database goes."""
    stamp = moment.astimezone().strftime("%Y%m%dT%H%M%S")
    return folder / f"{db.stem}-schema{version}-{stamp}{db.suffix}"


def write_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the database open on ``conn`` to ``target`` with SQLite's backup API, atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Named "<target>.<pid>.tmp" so that rotate() recognises a killed writer's leftover.
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    replace_file(tmp, target)
    return target


def rotate(db: Path, folder: Path, keep: int) -> None:
    """Keep the last ``keep`` daily backups; clear temporary files a day old."""
    for old in daily_backups(db, folder)[:-keep]:
        old.unlink(missing_ok=True)
    # A writer killed mid-backup leaves its temporary file; clear those a day old.
    for tmp in folder.glob(f"{db.stem}-*.tmp"):
        try:
            if time.time() - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                tmp.unlink()
        except OSError:
            pass
