"""``jpbrief notes edit ID TEXT``: replaces a note's text, exits 0 only once it is saved,
and the edit is durable (the journal rebuilds it) and shown by ``list`` and ``export``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_notes import Run, cli  # noqa: F401  (the fixture)
from test_notes_readonly import deny_writes


def added(cli: Run, capsys: pytest.CaptureFixture[str], db: Path, text: str) -> int:  # noqa: F811
    assert cli("notes", "add", "--db", str(db), "alpha#docs", text) == 0
    return int(capsys.readouterr().out)


def test_cli_edit_changes_the_text_everywhere_and_durably(
    cli: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
) -> None:
    db = tmp_path / "data" / "notes.sqlite3"
    note_id = added(cli, capsys, db, "Qoute the NSS.")
    other = added(cli, capsys, db, "untouched")
    assert cli("notes", "edit", "--db", str(db), str(note_id), "Quote the NSS.") == 0
    assert capsys.readouterr() == ("", "")
    assert cli("notes", "list", "--db", str(db), "--json") == 0
    listed = {n["id"]: n for n in json.loads(capsys.readouterr().out)}
    assert (listed[note_id]["text"], listed[other]["text"]) == ("Quote the NSS.", "untouched")
    assert listed[note_id]["updated"] >= listed[note_id]["created"]
    assert cli("notes", "export", "--db", str(db), "--format", "md") == 0
    memo = capsys.readouterr().out
    assert "Quote the NSS." in memo and "Qoute" not in memo
    db.unlink()  # the database lost: rebuilt from the journal, the edit included
    assert cli("notes", "list", "--db", str(db), "--json") == 0
    captured = capsys.readouterr()
    assert "rebuilt" in captured.err
    assert {n["id"]: n["text"] for n in json.loads(captured.out)} == {
        note_id: "Quote the NSS.", other: "untouched"}


@pytest.mark.parametrize(("argv", "message"), [
    (["999", "text"], "has no note 999"),
    (["{id}", "   "], "TEXT argument is empty"),
])
def test_cli_edit_refuses_an_unknown_id_or_an_empty_text(
    cli: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
    argv: list[str], message: str,
) -> None:
    db = tmp_path / "notes.sqlite3"
    note_id = added(cli, capsys, db, "kept")
    assert cli("notes", "edit", "--db", str(db), *[a.format(id=note_id) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert cli("notes", "list", "--db", str(db)) == 0
    assert "kept" in capsys.readouterr().out


def test_cli_edit_in_a_read_only_folder_says_why_not(
    cli: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "data" / "notes.sqlite3"
    note_id = added(cli, capsys, db, "kept while read-only")
    deny_writes(monkeypatch, db.parent)
    assert cli("notes", "edit", "--db", str(db), str(note_id), "changed") == 1
    err = capsys.readouterr().err
    assert "was not changed" in err and "read-only" in err
    assert cli("notes", "list", "--db", str(db)) == 0
    assert "kept while read-only" in capsys.readouterr().out
