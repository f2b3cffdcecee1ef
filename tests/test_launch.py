"""Start-up safety: a known-bad PySide6 is refused, the offscreen screen file is private."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

import PySide6
import pytest

from jpbrief.ui import launch


def test_known_bad_pyside_is_refused_with_the_fix(monkeypatch) -> None:
    monkeypatch.setattr(PySide6, "__version__", "6.12.0")
    with pytest.raises(launch.UnsafeQtError) as refused:
        launch.application()
    message = str(refused.value)
    assert "PySide6 6.12.0" in message and "none_dealloc" in message
    assert "Reinstall with the project's constraints" in message and "!=6.12.0" in message


def test_reader_exits_non_zero_on_a_known_bad_pyside(monkeypatch, capsys, fixture_library_dir: Path) -> None:
    monkeypatch.setattr(PySide6, "__version__", "6.12.0")
    assert launch.run(fixture_library_dir) != 0
    err = capsys.readouterr().err
    assert "refusing to start on PySide6 6.12.0" in err
    assert len(err.strip().splitlines()) == 1  # one paragraph, no traceback


def test_sound_pyside_starts(qapp, monkeypatch) -> None:
    monkeypatch.setattr(PySide6, "__version__", "6.11.3")
    assert launch.application() is qapp


@pytest.fixture
def no_display(monkeypatch, tmp_path: Path) -> Path:
    """A Linux session without a display, whose shared temp folder is ``tmp_path/shared``."""
    shared = tmp_path / "shared"
    shared.mkdir()
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(launch.sys, "platform", "linux")
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    return shared


def test_offscreen_screen_file_is_private_and_not_planted(no_display: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    planted = no_display / f"jpbrief-offscreen-{os.getuid()}.json"
    planted.symlink_to(victim)  # what another local user could plant in /tmp
    launch.ensure_platform()
    platform = os.environ["QT_QPA_PLATFORM"]
    assert platform.startswith("offscreen:configfile=")
    config = Path(platform.partition("configfile=")[2])
    assert victim.read_text(encoding="utf-8") == "precious"
    assert config.parent.parent == no_display and config.parent.name != planted.name
    assert not config.is_symlink()
    assert stat.S_IMODE(config.parent.stat().st_mode) == 0o700
    assert json.loads(config.read_text(encoding="utf-8")) == {"screens": [launch.OFFSCREEN_SCREEN]}


def test_offscreen_screen_file_is_fresh_each_start(no_display: Path, monkeypatch) -> None:
    launch.ensure_platform()
    first = os.environ["QT_QPA_PLATFORM"]
    monkeypatch.delenv("QT_QPA_PLATFORM")
    launch.ensure_platform()
    assert os.environ["QT_QPA_PLATFORM"] != first
