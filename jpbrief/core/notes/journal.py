"""Append-only journal of every notes change: the second durable record a damaged store is rebuilt from.

``notes.journal`` sits next to ``notes.sqlite3``. Each line is one record,
``<crc32 as 8 hex digits> <compact JSON>\\n``; the checksum covers the JSON bytes, so a torn
last line (a kill mid-append) or a flipped byte is detected and that line alone is skipped.
A record states the *result* of a change, never the change itself:

- ``{"op": "put", "t": TABLE, "row": {...}}``: the row as it is now (a note's highlight
  is named by its UUID, ``"highlight"``, because row ids differ between rebuilds);
- ``{"op": "del", "t": TABLE, "uuid": UUID}``: the row is gone;
- ``{"op": "snapshot", "t": "notes"}``: what follows, up to the end, is every row there
  is; a replay over an older copy removes the rows it does not name (unless the journal
  had damaged lines: then a removed row coming back is better than a note lost).

Replaying records is therefore idempotent and order-only: replaying the whole journal on
top of any older copy of the database (a daily backup, rows salvaged from the damaged file,
or nothing) yields the latest state. The store appends a change's records and ``fsync``\\s
them inside the write transaction, before ``COMMIT``, so everything a caller was told is
saved is in both files. :func:`snapshot` turns the database into ``put`` records; the store
rewrites the journal as that snapshot (atomically) after each daily backup, so it never
grows past one day of changes on top of one copy of the notes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jpbrief.core.durable import atomic_writer, fsync_dir, open_regular
from jpbrief.core.notes.schema import ANNOTATION_TABLES, TABLES

JOURNAL_SUFFIX = ".journal"

Record = dict[str, Any]


@dataclass
class JournalContents:
    """What :meth:`Journal.read` found: the good records, and the lines it had to skip."""

    records: list[Record] = field(default_factory=list)
    bad_lines: list[int] = field(default_factory=list)
    """1-based numbers of damaged lines in the middle of the file (a checksum or JSON fault)."""
    torn_tail: bool = False
    """The last line is incomplete: a writer was killed mid-append (that change never
    committed, so nothing confirmed is missing)."""
    missing: bool = False

    @property
    def damaged(self) -> bool:
        return bool(self.bad_lines)


def encode(record: Record) -> bytes:
    payload = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def decode(line: bytes) -> Record | None:
    """The record on ``line``, or None when its checksum or JSON is damaged."""
    crc, _space, payload = line.rstrip(b"\n").partition(b" ")
    if len(crc) != 8 or not _space:
        return None
    try:
        if int(crc, 16) != zlib.crc32(payload):
            return None
        record = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("t") not in TABLES:
        return None
    if record.get("op") == "put" and isinstance(record.get("row"), dict):
        return record
    if record.get("op") == "del" and isinstance(record.get("uuid"), str):
        return record
    if record.get("op") == "snapshot":
        return record
    return None


class Journal:
    """The journal file: append records durably, read them back, rewrite it atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, records: Sequence[Record]) -> None:
        """Write ``records`` at the end and fsync; returns only once they are on disk."""
        if not records:
            return
        data = b"".join(encode(record) for record in records)
        created = not self.path.exists()
        # O_NONBLOCK: a FIFO put in the journal's place fails here instead of hanging
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT
                     | getattr(os, "O_NONBLOCK", 0), 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            fsync_dir(self.path.parent)

    def read(self) -> JournalContents:
        contents = JournalContents()
        try:
            with open_regular(self.path) as handle:  # never wait on a FIFO put in its place
                data = handle.read()
        except FileNotFoundError:
            contents.missing = True
            return contents
        lines = data.split(b"\n")
        tail = lines.pop()  # b"" when the file ends with a newline
        for number, line in enumerate(lines, start=1):
            record = decode(line)
            if record is None:
                contents.bad_lines.append(number)
            else:
                contents.records.append(record)
        if tail:
            record = decode(tail)
            if record is None:
                contents.torn_tail = True
            else:  # complete but for its newline: keep it, the rewrite adds the newline
                contents.records.append(record)
                contents.torn_tail = True
        return contents

    def rewrite(self, records: Iterable[Record]) -> None:
        """Replace the journal with ``records``, atomically (a temporary file renamed over)."""
        with atomic_writer(self.path) as handle:
            for record in records:
                handle.write(encode(record))


# --------------------------------------------------------------------------- rows <-> records


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]


def put_record(conn: sqlite3.Connection, table: str, key: Any) -> Record | None:
    """A ``put`` record for the row of ``table`` with id ``key`` (article, for positions)."""
    where = "article" if table == "positions" else "id"
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where} = ?", (key,))
    names = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    if row is None:
        return None
    return _row_record(conn, table, dict(zip(names, row, strict=True)))


def _row_record(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> Record:
    if table == "notes":
        highlight_id = row.pop("highlight_id", None)
        found = None
        if highlight_id is not None:
            found = conn.execute(
                "SELECT uuid FROM highlights WHERE id = ?", (highlight_id,)
            ).fetchone()
        row["highlight"] = found[0] if found else None
    return {"op": "put", "t": table, "row": row}


def delete_record(table: str, uuid: str) -> Record:
    return {"op": "del", "t": table, "uuid": uuid}


def snapshot(conn: sqlite3.Connection) -> list[Record]:
    """Every row of the database as ``put`` records, highlights before the notes on them."""
    records: list[Record] = [{"op": "snapshot", "t": "notes"}]
    for table in TABLES:
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            records.append(_row_record(conn, table, dict(zip(names, row, strict=True))))
    return records


def _keys(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    keys = {(table, str(row[0])) for table in ANNOTATION_TABLES
            for row in conn.execute(f"SELECT uuid FROM {table}")}
    return keys | {("positions", str(row[0]))
                   for row in conn.execute("SELECT article FROM positions")}


def _key(table: str, record: Record) -> tuple[str, str]:
    if record["op"] == "del":
        return table, str(record["uuid"])
    return table, str(record["row"].get("article" if table == "positions" else "uuid"))


def apply(conn: sqlite3.Connection, records: Iterable[Record], *, prune: bool = True) -> int:
    """Replay ``records`` on the open transaction of ``conn``; returns how many applied.

    A record that does not fit the schema (a column it lacks, a broken constraint) is
    skipped, never fatal: replaying is the last line of defence and must finish. After a
    ``snapshot`` record, rows it does not name are removed when ``prune`` is true.
    """
    columns = {table: set(_columns(conn, table)) for table in TABLES}
    applied = 0
    unnamed: set[tuple[str, str]] | None = None
    for record in records:
        table = record["t"]
        if record["op"] == "snapshot":
            unnamed = _keys(conn)
            continue
        if unnamed is not None:
            unnamed.discard(_key(table, record))
        try:
            conn.execute("SAVEPOINT replay")
            if record["op"] == "del":
                if table != "positions":
                    conn.execute(f"DELETE FROM {table} WHERE uuid = ?", (record["uuid"],))
            else:
                _put(conn, table, dict(record["row"]), columns[table])
            conn.execute("RELEASE replay")
            applied += 1
        except (sqlite3.Error, KeyError, TypeError, ValueError):
            conn.execute("ROLLBACK TO replay")
            conn.execute("RELEASE replay")
    for table, key in sorted(unnamed or ()) if prune else ():
        column = "article" if table == "positions" else "uuid"
        conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (key,))
    return applied


def _put(conn: sqlite3.Connection, table: str, row: dict[str, Any], known: set[str]) -> None:
    if table == "notes":
        highlight = row.pop("highlight", None)
        found = None
        if highlight:
            found = conn.execute("SELECT id FROM highlights WHERE uuid = ?", (highlight,)).fetchone()
        row["highlight_id"] = found[0] if found else None
    row = {name: value for name, value in row.items() if name in known}
    if table == "positions":
        names = ", ".join(row)
        conn.execute(
            f"INSERT OR REPLACE INTO positions ({names}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
        return
    if not row.get("uuid"):
        raise ValueError("a put record without a uuid")
    row_id = row.pop("id", None)
    existing = conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (row["uuid"],)).fetchone()
    if existing is not None:
        assignments = ", ".join(f'"{name}" = ?' for name in row)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?",
                     (*row.values(), existing[0]))
        return
    if row_id is not None and conn.execute(
        f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)
    ).fetchone() is None:
        row = {"id": row_id, **row}  # keep its id when free, so links and the UI agree
    names = ", ".join(f'"{name}"' for name in row)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(row))})",
                 tuple(row.values()))
