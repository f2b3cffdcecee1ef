"""The launcher names the system libraries Qt's xcb plugin is missing (issue 12, setting up)."""

from __future__ import annotations

import ctypes
import shutil
import sys
from pathlib import Path

import pytest

from jpbrief.ui import launch, platform_check

# What ldd printed for PySide6 6.11.3's libqxcb.so on a Debian 12 without two xcb-util
# packages (shortened); Qt itself blamed libxcb-cursor0, which was installed.
LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007f5bd1628000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f5bd155a000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f5bd1539000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f5bd1531000)
\tlibxcb-keysyms.so.1 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f5bcf81e000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibfoo-notknown.so.3 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f5bd162a000)
"""
X11 = {"DISPLAY": ":0"}


def test_not_found_lines_are_the_missing_libraries_each_once() -> None:
    assert platform_check.missing_libraries(LDD_MISSING) == [
        "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfoo-notknown.so.3",
    ]
    assert platform_check.missing_libraries(LDD_MISSING.replace("not found", "/lib/x.so (0x1)")) == []


def test_message_names_the_packages_and_the_install_command() -> None:
    message = platform_check.missing_message(platform_check.missing_libraries(LDD_MISSING))
    assert "libxcb-icccm.so.4  (Debian/Ubuntu package libxcb-icccm4)" in message
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "'apt-file search libfoo-notknown.so.3'" in message
    assert "cursor" not in message  # never Qt's misleading guess


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        (X11, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({}, "linux", False),
        (X11, "darwin", False),
    ],
)
def test_only_an_xcb_session_is_checked(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert platform_check.uses_xcb(environ, platform) is expected


def _plugin(tmp_path: Path) -> Path:
    (tmp_path / "libqxcb.so").write_bytes(b"")
    return tmp_path


def test_ldd_runs_only_when_the_plugin_does_not_load(tmp_path: Path) -> None:
    calls: list[Path] = []

    def ldd(path: Path) -> str:
        calls.append(path)
        return LDD_MISSING

    loads = platform_check.xcb_problem(X11, "linux", _plugin(tmp_path), lambda _: None, ldd)
    assert loads is None and calls == []
    fails = platform_check.xcb_problem(X11, "linux", tmp_path, lambda _: "libxcb-icccm.so.4: cannot open", ldd)
    assert fails is not None and "libxcb-keysyms1" in fails
    assert calls == [tmp_path / "libqxcb.so"]


def test_a_failure_without_a_missing_library_is_left_to_qt(tmp_path: Path) -> None:
    problem = platform_check.xcb_problem(X11, "linux", _plugin(tmp_path), lambda _: "bad ELF", lambda _: "")
    assert problem is None


def test_the_reader_prints_the_libraries_and_stops_before_qt(
    monkeypatch, capsys, fixture_library_dir: Path
) -> None:
    monkeypatch.setattr(
        platform_check, "xcb_problem",
        lambda: platform_check.missing_message(["libxcb-icccm.so.4"]),
    )

    def qt_started() -> None:
        raise AssertionError("Qt was started despite the missing library")

    monkeypatch.setattr(launch, "application", qt_started)
    assert launch.run(fixture_library_dir) == 3
    assert "sudo apt install libxcb-icccm4" in capsys.readouterr().err


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="Linux with ldd")
def test_real_ldd_on_the_installed_plugin_agrees_with_the_loader() -> None:
    plugin = platform_check._plugin_dir({}) / "libqxcb.so"
    missing = platform_check.missing_libraries(platform_check.run_ldd(plugin))
    try:
        ctypes.CDLL(str(plugin))
        loads = True
    except OSError:
        loads = False
    assert loads == (missing == []), missing
    for name in missing:
        with pytest.raises(OSError):
            ctypes.CDLL(name)
