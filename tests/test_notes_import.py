"""``notes import`` of hostile files: clear messages naming the file, limits, batches, progress.

Each file here once ended in a traceback (deep nesting, a huge number) or ran for minutes
(import time grew with the square of the item count); timing itself is measured in
``benchmarks/notes_import_bench.py``, not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_notes import Run, cli  # noqa: F401  (the fixture)

from jpbrief.core.notes import ImportFormatError, NotesStore, import_checks


def export(items: list[dict[str, object]]) -> str:
    return json.dumps({"format": "jpbrief-notes", "version": 1, "items": items})


def note(number: int, **extra: object) -> dict[str, object]:
    return {"kind": "note", "article": "alpha", "anchor": "intro", "quote": "q",
            "text": f"note {number}", "created": "2024-05-13T12:00:00+00:00", **extra}


def run_import(cli: Run, tmp_path: Path, name: str, text: str) -> tuple[int, str]:  # noqa: F811
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code = cli("notes", "import", "--db", str(tmp_path / "n.sqlite3"), str(path))
    return code, str(path)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("deep.json", "[" * 50_000 + "]" * 50_000, "nested more than 32 levels"),
        ("deep-item.json", export([note(1, sources=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]])]),
         "nested more than 32 levels"),
        ("number.json", '{"format": "jpbrief-notes",\n"version": 1,\n"items": [],\n"n": '
         + "9" * 6000 + "}", "line 4: a number of 6,000 digits"),
        ("long-text.json", export([note(1, text="x" * 100_001)]),
         "item 1 (note): 'text' is 100,001 characters"),
        ("long-anchor.json", export([note(1, anchor="a" * 1001)]), "'anchor' is 1,001 characters"),
    ],
)
def test_hostile_import_is_refused_with_a_message(
    cli: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
    name: str, text: str, expected: str,
) -> None:
    code, path = run_import(cli, tmp_path, name, text)
    err = capsys.readouterr().err
    assert code == 2, err
    assert path in err and expected in err and "nothing was imported" in err
    assert "Traceback" not in err


def test_limits_on_file_size_and_item_count(
    cli: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jpbrief.commands import notes as notes_command

    monkeypatch.setattr(notes_command, "MAX_IMPORT_BYTES", 100)
    code, _path = run_import(cli, tmp_path, "big.json", export([note(n) for n in range(5)]))
    assert code == 2 and "over the limit of 100" in capsys.readouterr().err
    monkeypatch.setattr(import_checks, "MAX_ITEMS", 3)
    with pytest.raises(ImportFormatError, match="5 items, over the limit of 3"):
        NotesStore(tmp_path / "x.sqlite3", auto_backup=False).import_json(
            export([note(n) for n in range(5)]))


def test_import_runs_in_batches_with_progress_and_matches_duplicates(
    cli: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jpbrief.core.notes import exchange

    monkeypatch.setattr(exchange, "BATCH", 10)
    monkeypatch.setattr("jpbrief.commands.notes.BATCH", 10)
    items = [note(n) for n in range(25)] + [note(3)]  # the last one is a duplicate
    code, _path = run_import(cli, tmp_path, "many.json", export(items))
    captured = capsys.readouterr()
    assert code == 0 and "imported 25, skipped 1" in captured.out
    assert "10 of 26 items" in captured.err and "26 of 26 items" in captured.err
    code, _path = run_import(cli, tmp_path, "many.json", export(items))
    assert code == 0 and "imported 0, skipped 26" in capsys.readouterr().out
    with NotesStore(tmp_path / "n.sqlite3", auto_backup=False) as store:
        assert len(store.notes()) == 25


def test_a_failing_batch_keeps_the_ones_written(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from jpbrief.core.notes import exchange

    monkeypatch.setattr(exchange, "BATCH", 10)
    store = NotesStore(tmp_path / "n.sqlite3", auto_backup=False)
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done == 20:
            monkeypatch.setattr(store.journal, "append",
                                lambda records: (_ for _ in ()).throw(OSError(28, "disk full")))

    with pytest.raises(OSError):
        store.import_json(export([note(n) for n in range(30)]), progress=progress)
    assert calls == [10, 20] and len(store.notes()) == 20
    store.close()
