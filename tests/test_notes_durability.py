"""Kill a note writer at random moments: every note it confirmed must survive, intact.

``tests/notes_writer.py`` adds notes in a loop and prints each id after its commit. The
test reads a random number of confirmations (seeded, so a failure replays), kills the
writer with SIGKILL (TerminateProcess on Windows), then checks ``PRAGMA integrity_check``
and that every confirmed note is present; at the end, that the journal alone (with the
backup) rebuilds every confirmed note, ids included. Some rounds kill the writer before its first
confirmation, while it is still opening, migrating or backing up the database.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from jpbrief.core.notes import NotesStore

WRITER = Path(__file__).with_name("notes_writer.py")
KILLS = 60
SEED = 20240513
MAX_CONFIRMATIONS = 40
MAX_JITTER_NS = 1_000_000
ROUND_TIMEOUT = 30.0  # a watchdog, never a sleep: only a hung writer ever waits this long


def run_and_kill(db: Path, wanted: int, jitter_ns: int) -> tuple[list[tuple[int, str]], int]:
    """Start the writer, read ``wanted`` confirmations, kill it ``jitter_ns`` later; return
    every confirmation it printed (also those after the ones read) and its exit code."""
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    watchdog = threading.Timer(ROUND_TIMEOUT, proc.kill)
    watchdog.start()
    lines: list[str] = []
    try:
        for _ in range(wanted):
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
        # Jitter, not a wait: a commit takes about half a millisecond, so a random spin of
        # up to one lands the kill anywhere in BEGIN, INSERT, COMMIT or the print.
        deadline = time.perf_counter_ns() + jitter_ns
        while time.perf_counter_ns() < deadline:
            pass
        proc.kill()  # SIGKILL on POSIX
        code = proc.wait()
        # Lines the writer flushed between our last read and the kill are confirmations too.
        rest = proc.stdout.read()
        errors = proc.stderr.read()
    finally:
        watchdog.cancel()
        proc.stdout.close()
        proc.stderr.close()
    lines += rest.splitlines(keepends=True)
    if len(lines) < wanted:
        pytest.fail(f"writer stopped after {len(lines)} of {wanted} notes: {errors.strip()}")
    confirmed = []
    for line in lines:
        if line.endswith("\n"):  # a torn last line was never a full confirmation
            note_id, uuid = line.split()
            confirmed.append((int(note_id), uuid))
    return confirmed, code


def check(db: Path, confirmed: dict[int, str]) -> int:
    conn = sqlite3.connect(db)  # replays the WAL the killed writer left behind
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = dict(conn.execute("SELECT id, uuid FROM notes").fetchall())
    finally:
        conn.close()
    missing = {note_id for note_id, uuid in confirmed.items() if present.get(note_id) != uuid}
    assert not missing, f"confirmed notes lost after a kill: {sorted(missing)[:10]}"
    return len(present)


@pytest.mark.slow
def test_confirmed_notes_survive_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "data" / "notes.sqlite3"
    rng = random.Random(SEED)
    confirmed: dict[int, str] = {}
    kills = 0
    started = time.monotonic()
    for _ in range(KILLS):
        # One round in six kills the writer before any confirmation (during start-up).
        wanted = 0 if rng.random() < 1 / 6 else rng.randint(1, MAX_CONFIRMATIONS)
        notes, code = run_and_kill(db, wanted, rng.randint(0, MAX_JITTER_NS))
        assert code != 0, "the writer must have been killed, not have exited"
        kills += 1
        for note_id, uuid in notes:
            assert confirmed.setdefault(note_id, uuid) == uuid, f"note id {note_id} reused"
        if db.exists():
            stored = check(db, confirmed)
            assert stored >= len(confirmed)
    elapsed = time.monotonic() - started

    assert kills >= 50
    assert len(confirmed) > 10 * kills  # the kills landed mid-stream, not on an idle writer
    with NotesStore(db) as store:  # the store itself opens the result without any recovery
        assert store.recovery_message is None
        assert store.integrity_check() == ["ok"]
        assert {note.id for note in store.notes()} >= set(confirmed)
    assert not list(db.parent.glob("*.corrupt-*"))
    # The journal the kills tore at random holds every confirmed note too: lose the database
    # and the store rebuilds it from the backup and the journal.
    for part in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        part.unlink(missing_ok=True)
    with NotesStore(db) as store:
        assert store.recovery is not None
        assert {(note.id, note.uuid) for note in store.notes()} >= set(confirmed.items())
    print(f"{kills} kills, {len(confirmed)} confirmed notes, {elapsed:.1f} s")
