"""A read-only data folder: notes can still be listed and exported; writing says why not.

The tests run as root here, where ``chmod`` stops nothing, so a read-only folder is
simulated at the two places the store learns about it: ``os.access`` answering "not
writable" for the data folder (what a read-only mount or a 0555 folder answers any
other user), and SQLite failing to open the file for writing with "unable to open
database file" (what it says when it cannot create the ``-shm`` beside a WAL database).
A read-only bind mount would be more real but needs privileges the test runner lacks.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from test_notes import INTRO, Run, cli  # noqa: F401  (the fixture)

from jpbrief.core.notes import NotesDatabase, NotesError, NotesStore


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "notes.sqlite3"
    with NotesStore(path, auto_backup=False) as store:
        store.add_note("alpha", "intro", "kept while read-only", INTRO)
    return path


def deny_writes(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    real = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(path)).resolve().is_relative_to(folder.resolve()):
            return False
        return real(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


def test_read_only_folder_lists_and_refuses_writes(db: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    deny_writes(monkeypatch, db.parent)
    journal = db.with_suffix(".journal")
    before = (db.read_bytes(), journal.read_bytes())
    with NotesStore(db) as store:
        assert store.read_only is not None and str(db.parent) in store.read_only
        assert [n.text for n in store.notes()] == ["kept while read-only"]
        with pytest.raises(NotesError, match="read-only"):
            store.add_note("alpha", "intro", "not saved", INTRO)
    # Nothing written (SQLite's own -shm/-wal appear only because root can write here).
    assert (db.read_bytes(), journal.read_bytes()) == before
    assert not (db.parent / "backups").exists()


def test_sqlite_refusing_to_open_for_writing_falls_back_to_read_only(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: NotesDatabase) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(NotesDatabase, "_open", refuse)
    with NotesStore(db) as store:
        assert store.read_only is not None and "unable to open" in store.read_only
        assert [n.text for n in store.notes()] == ["kept while read-only"]


def test_cli_list_and_export_work_and_add_says_why_not(
    db: Path, cli: Run, capsys: pytest.CaptureFixture[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deny_writes(monkeypatch, db.parent)
    assert cli("notes", "list", "--db", str(db)) == 0
    captured = capsys.readouterr()
    assert "kept while read-only" in captured.out and "read-only" in captured.err
    assert cli("notes", "export", "--db", str(db), "--format", "json") == 0
    assert "kept while read-only" in capsys.readouterr().out
    assert cli("notes", "add", "--db", str(db), "alpha#docs", "more") == 1
    err = capsys.readouterr().err
    assert "not saved" in err and "read-only" in err
