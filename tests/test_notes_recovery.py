"""Fault cases on the notes store: the damage of one file never loses a confirmed note.

One store is built once (a backup in the morning, then bookmarks, highlights, notes,
an edit and removals after it) and copied for each case. Each case damages ONE file
(the database: random bytes, truncation, a page of zeros in the middle; or the journal:
a torn last line, a flipped byte) and reopens: every annotation the store confirmed,
including all those made after the last backup, must be there, with its text, and
nothing removed may come back.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from jpbrief.core.notes import NotesStore

INTRO = "Japan is becoming more forward-leading in national security."
PAGE = 4096


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 5, 13, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def state(store: NotesStore) -> set[tuple[str, ...]]:
    """Everything a user sees of the annotations, without the row ids."""
    uuids = {h.id: h.uuid for h in store.highlights()}
    found: set[tuple[str, ...]] = set()
    for item in store.annotations():
        extra = ""
        if item.kind == "note":
            extra = f"{item.text}|{uuids.get(item.highlight_id or -1, '')}"  # type: ignore[union-attr]
        elif item.kind == "highlight":
            extra = f"{item.colour}|{item.start}|{item.end}"  # type: ignore[union-attr]
        found.add((item.kind, item.uuid, item.article, item.anchor, item.quote, extra))
    return found


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[tuple[str, ...]]]:
    folder = tmp_path_factory.mktemp("notes-template") / "data"
    clock = Clock()
    with NotesStore(folder / "notes.sqlite3", clock=clock) as store:
        for number in range(60):
            store.add_note("alpha", f"p-{number}", f"before the backup {number} " + "x" * 200,
                           INTRO)
        clock.now += timedelta(days=1)
        assert store.backup_if_due() is not None  # this morning's backup: 60 notes
        added = [store.add_note("alpha", f"q-{n}", f"after the backup {n} " + "y" * 300, INTRO)
                 for n in range(100)]
        highlight = store.add_highlight("alpha", "intro", 0, 5, "Japan")
        store.add_highlight_note(highlight.id, "on the highlight")
        store.set_highlight_colour(highlight.id, "green")
        store.add_bookmark("alpha", "q-1", INTRO)
        store.update_note(added[0].id, "edited after the backup")
        store.remove_note(added[1].id)
        store.remove_note(store.notes()[0].id)  # one the backup still has
        expected = state(store)
    assert len([e for e in expected if e[0] == "note"]) == 60 + 100 + 1 - 2
    return folder, expected


def random_bytes(seed: int) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        rng = random.Random(seed)
        data = bytearray(path.read_bytes())
        for _ in range(8):
            at = rng.randrange(len(data) - 64)
            data[at:at + 64] = rng.randbytes(64)
        path.write_bytes(bytes(data))
    return damage


def truncate_to(fraction: float) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with open(path, "r+b") as handle:
            handle.truncate(int(path.stat().st_size * fraction))
    return damage


def zero_page(which: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        pages = path.stat().st_size // PAGE
        number = {"first": 0, "middle": pages // 2, "last": pages - 1}[which]
        with open(path, "r+b") as handle:
            handle.seek(number * PAGE)
            handle.write(bytes(PAGE))
    return damage


DB_DAMAGE: dict[str, Callable[[Path], None]] = {
    **{f"random-bytes-{seed}": random_bytes(seed) for seed in range(6)},
    **{f"truncate-{int(f * 100)}%": truncate_to(f) for f in (0.0, 0.01, 0.5, 0.9)},
    **{f"zero-page-{which}": zero_page(which) for which in ("first", "middle", "last")},
}


def open_copy(template: tuple[Path, set[tuple[str, ...]]], tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(template[0], folder)
    return folder / "notes.sqlite3"


@pytest.mark.parametrize("damage", list(DB_DAMAGE.values()), ids=list(DB_DAMAGE))
def test_damaged_database_keeps_every_confirmed_note(
    template: tuple[Path, set[tuple[str, ...]]], tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    db = open_copy(template, tmp_path)
    damage(db)
    clock = Clock()
    clock.now += timedelta(days=1, hours=2)
    with NotesStore(db, clock=clock) as store:
        assert store.integrity_check() == ["ok"]
        assert state(store) == template[1]
        texts = {n.text for n in store.notes()}
        assert "edited after the backup" in texts and "before the backup 0 " + "x" * 200 not in texts
        if store.recovery is not None:  # random bytes may land where SQLite never looks
            assert store.recovery.notes == 159
            assert store.recovery_message and "Recovered 159 note(s)" in store.recovery_message
    with NotesStore(db, clock=clock) as store:  # and the rebuilt store is sound
        assert store.recovery_message is None and state(store) == template[1]


def test_a_page_of_zeros_is_salvaged_even_without_the_journal(
    template: tuple[Path, set[tuple[str, ...]]], tmp_path: Path
) -> None:
    """A store from before the journal existed: the rows on intact pages are read back."""
    db = open_copy(template, tmp_path)
    (db.parent / "notes.journal").unlink()
    zero_page("middle")(db)
    with NotesStore(db, auto_backup=False) as store:
        assert store.recovery is not None and store.recovery.salvaged > 0
        recovered = state(store)
    after_backup = {e for e in template[1] if e[-1].startswith("after the backup")}
    # Most of today's notes are back although the backup has none of them.
    assert len(after_backup & recovered) > len(after_backup) // 2


def torn_last_line(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size - 7)


def flipped_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [torn_last_line, flipped_byte])
def test_damaged_journal_loses_nothing_the_database_confirmed(
    template: tuple[Path, set[tuple[str, ...]]], tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    db = open_copy(template, tmp_path)
    journal = db.parent / "notes.journal"
    damage(journal)
    with NotesStore(db, auto_backup=False) as store:
        assert state(store) == template[1]
        if damage is flipped_byte:
            assert store.recovery is not None and len(store.recovery.skipped_journal_lines) == 1
            assert store.recovery_message and "damaged line" in store.recovery_message
    # The journal was rewritten whole: it alone now rebuilds everything.
    db.unlink()
    with NotesStore(db, auto_backup=False) as store:
        assert state(store) == template[1]


def test_journal_is_compacted_by_the_daily_backup(tmp_path: Path) -> None:
    clock = Clock()
    db = tmp_path / "notes.sqlite3"
    with NotesStore(db, clock=clock) as store:
        note = store.add_note("alpha", "intro", "first", INTRO)
        for number in range(50):
            store.update_note(note.id, f"edit {number}")
        lines_before = len((tmp_path / "notes.journal").read_bytes().splitlines())
        clock.now += timedelta(days=1)
        assert store.backup_if_due() is not None
    lines_after = len((tmp_path / "notes.journal").read_bytes().splitlines())
    assert lines_before > 50 and lines_after == 2  # the snapshot mark and the note


def test_a_failed_journal_append_saves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal is written before COMMIT: if it cannot be written, nothing is confirmed."""
    with NotesStore(tmp_path / "notes.sqlite3", auto_backup=False) as store:
        def full(records: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(store.journal, "append", full)
        with pytest.raises(OSError):
            store.add_note("alpha", "intro", "lost?", INTRO)
        assert store.notes() == []
    conn = sqlite3.connect(tmp_path / "notes.sqlite3")
    assert conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)
    conn.close()


def test_a_change_journaled_but_never_committed_does_not_come_back(tmp_path: Path) -> None:
    """A kill between the journal append and COMMIT: the note was never confirmed, and a
    later confirmed note that reuses its row id keeps that id through a rebuild."""
    db = tmp_path / "notes.sqlite3"
    with NotesStore(db, auto_backup=False) as store:
        store.add_note("alpha", "intro", "confirmed", INTRO)
        phantom = {"op": "put", "t": "notes", "row": {
            "id": 2, "uuid": "00000000-0000-4000-8000-000000000002", "article": "alpha",
            "anchor": "intro", "quote": INTRO, "text": "never committed",
            "created": "2024-05-13T12:00:00+00:00", "updated": "2024-05-13T12:00:00+00:00",
            "highlight": None, "state": "ok", "original_article": "alpha",
            "original_anchor": "intro"}}
        store.journal.append([phantom])  # as if killed right after this
    with NotesStore(db, auto_backup=False) as store:
        later = store.add_note("alpha", "intro", "confirmed later", INTRO)
        assert later.id == 2
    db.unlink()
    with NotesStore(db, auto_backup=False) as store:
        assert {(n.id, n.text) for n in store.notes()} == {(1, "confirmed"),
                                                           (2, "confirmed later")}


def test_an_edit_journaled_but_never_committed_does_not_come_back(tmp_path: Path) -> None:
    """A kill between an edit's journal append and its COMMIT: the note exists either way,
    so only its contents tell that the journal's last record never reached the database;
    a rebuild must give back the text the user was last told was saved."""
    db = tmp_path / "notes.sqlite3"
    with NotesStore(db, auto_backup=False) as store:
        note = store.add_note("alpha", "intro", "confirmed", INTRO)
        store.update_note(note.id, "confirmed edit")
        [edited] = [r for r in store.journal.read().records if r["op"] == "put"][-1:]
        phantom = {**edited, "row": {**edited["row"], "text": "never committed"}}
        store.journal.append([phantom])  # as if killed right after this
    NotesStore(db, auto_backup=False).close()  # a start after the kill
    db.unlink()
    with NotesStore(db, auto_backup=False) as store:
        assert [(n.id, n.text) for n in store.notes()] == [(note.id, "confirmed edit")]


def test_an_empty_store_reopens_with_its_journal(tmp_path: Path) -> None:
    """The journal of an empty store is a lone snapshot mark; reopening reads it as such."""
    db = tmp_path / "notes.sqlite3"
    NotesStore(db, auto_backup=False).close()
    with NotesStore(db, auto_backup=False) as store:
        assert store.recovery is None and store.notes() == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_in_the_journals_place_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Reading a FIFO waits for a writer for good: the store refuses it, naming it, and the
    confirmed notes are all there once it is a file again. A stand-in writer keeps a
    regression from hanging the test: the blocking read then sees an empty journal."""
    db = tmp_path / "notes.sqlite3"
    with NotesStore(db, auto_backup=False) as store:
        store.add_note("alpha", "intro", "kept", INTRO)
    journal = tmp_path / "notes.journal"
    saved = journal.read_bytes()
    journal.unlink()
    os.mkfifo(journal)
    writer = threading.Thread(target=lambda: os.close(os.open(journal, os.O_WRONLY)), daemon=True)
    writer.start()
    try:
        with pytest.raises(OSError, match="not a regular file") as raised:
            NotesStore(db, auto_backup=False).close()
        assert raised.value.filename == str(journal)
    finally:
        reader = os.open(journal, os.O_RDONLY | os.O_NONBLOCK)  # the writer's open returns
        writer.join()
        os.close(reader)
    journal.unlink()
    journal.write_bytes(saved)
    with NotesStore(db, auto_backup=False) as store:
        assert [n.text for n in store.notes()] == ["kept"]
