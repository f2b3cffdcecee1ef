"""``jpbrief FILE.jpbpack``: what a file manager's "open" runs reaches the reader, or says why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from jpbrief import cli
from jpbrief.ui import launch


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, list[Path]]]:
    """Each reader start-up's content folder and packs, instead of opening a window."""
    calls: list[tuple[Path, list[Path]]] = []

    def fake_run(content_dir: Path, packs: list[Path] = ()) -> int:  # type: ignore[assignment]
        calls.append((content_dir, list(packs)))
        return 0

    monkeypatch.setattr(launch, "run", fake_run)
    return calls


def test_pack_files_open_the_reader_as_the_desktop_entry_passes_them(tmp_path, monkeypatch, opened):
    first, second = tmp_path / "spring update.jpbpack", tmp_path / "b.JPBPACK"
    first.write_bytes(b"PK")
    second.write_bytes(b"PK")
    monkeypatch.chdir(tmp_path)
    assert cli.main([str(first), "b.JPBPACK"]) == 0  # Exec=jpbrief %F; was "invalid choice", exit 2
    assert opened[-1][1] == [first, tmp_path / "b.JPBPACK"]  # absolute: the cwd may change
    assert cli.main(["--content", str(tmp_path), "read", str(first)]) == 0
    assert opened[-1] == (tmp_path, [first])
    assert cli.main([]) == 0
    assert opened[-1][1] == []


def test_a_missing_or_foreign_file_is_named_and_nothing_opens(tmp_path, opened, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert cli.main([str(tmp_path / "gone.jpbpack"), str(other)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'gone.jpbpack'}: no such file" in err
    assert f"{other}: not a content pack; jpbrief opens only .jpbpack files" in err
    assert opened == []


def test_without_a_display_a_pack_gets_the_command_line_route(tmp_path, monkeypatch, opened, capsys):
    pack = tmp_path / "spring.jpbpack"
    pack.write_bytes(b"PK")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(launch.sys, "platform", "linux")
    assert cli.main([str(pack)]) == 2
    err = capsys.readouterr().err
    assert "no display to show the content pack's details" in err
    assert f"jpbrief pack verify {pack}" in err and "jpbrief pack install FILE.jpbpack" in err
    assert opened == []


def test_commands_are_still_commands(capsys):
    assert cli.main(["pack", "keys", "--json"]) == 0
    assert capsys.readouterr().out.strip().startswith("[")
    with pytest.raises(SystemExit) as usage:
        cli.main(["no-such-command"])
    assert usage.value.code == 2


def test_a_pack_opened_from_the_macos_finder_reaches_the_controller(qapp, tmp_path):
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QFileOpenEvent

    opened: list[Path] = []
    owner = QObject()
    watcher = launch.file_open_filter(opened.append, owner)
    qapp.installEventFilter(watcher)
    try:
        qapp.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "spring.jpbpack")))
        qapp.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "notes.txt")))
    finally:
        qapp.removeEventFilter(watcher)
    assert opened == [tmp_path / "spring.jpbpack"]


def test_only_macos_gets_an_application_wide_file_open_filter(qapp, tmp_path):
    """Elsewhere no QFileOpenEvent comes, and a Python filter on every event of the session
    cost the first paint 50 ms of CPU on Linux."""
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QFileOpenEvent

    opened: list[Path] = []
    owner = QObject()
    assert launch.watch_file_open(owner, opened.append, platform="linux") is None
    assert launch.watch_file_open(owner, opened.append, platform="win32") is None
    watcher = launch.watch_file_open(owner, opened.append, platform="darwin")
    assert watcher is not None
    try:
        qapp.installEventFilter(watcher)
        qapp.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "spring.jpbpack")))
    finally:
        qapp.removeEventFilter(watcher)
    assert opened == [tmp_path / "spring.jpbpack"]
