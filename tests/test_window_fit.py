"""The window fits the screen it opens on: 1366×768 and 1280×720 laptops, HiDPI ×2 alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QDialogButtonBox
from test_ui_support import OFFSCREEN_NOTICES, build_app, close_app

from jpbrief.ui.widgets.main_window import PREFERRED_SIZE
from jpbrief.ui.widgets.screen_fit import DECORATION, fitted_geometry, fitted_size

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
TASKBAR = 40


@pytest.mark.parametrize(("screen", "expected"), [
    (QSize(1366, 768), QSize(1240, 768 - TASKBAR - DECORATION.height())),
    (QSize(1280, 720), QSize(1240, 720 - TASKBAR - DECORATION.height())),
    (QSize(2732 // 2, 1536 // 2), QSize(1240, 768 - TASKBAR - DECORATION.height())),  # ×2: logical pixels
    (QSize(1920, 1080), PREFERRED_SIZE),
    (QSize(1024, 600), QSize(1024 - DECORATION.width(), 600 - TASKBAR - DECORATION.height())),
])
def test_the_first_window_fits_the_available_screen(screen: QSize, expected: QSize):
    available = QRect(0, 0, screen.width(), screen.height() - TASKBAR)
    size = fitted_size(PREFERRED_SIZE, available)
    assert size == expected
    assert size.width() + DECORATION.width() <= available.width()
    assert size.height() + DECORATION.height() <= available.height()


def test_a_window_saved_on_a_larger_screen_comes_back_onto_this_one():
    available = QRect(0, 0, 1366, 728)
    assert fitted_geometry(QRect(600, 300, 1240, 868), available) == QRect(126, 0, 1240, 728)
    assert fitted_geometry(QRect(-50, 10, 900, 600), available) == QRect(0, 10, 900, 600)
    assert fitted_geometry(QRect(10, 10, 900, 600), available) == QRect(10, 10, 900, 600)


def test_the_shown_window_is_all_on_its_screen(qtbot, tmp_path: Path):
    """The offscreen platform's screen is 800×600: smaller than any laptop's."""
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index")
    try:
        window = app.window
        qtbot.waitUntil(window.isVisible)
        available = window.screen().availableGeometry()
        assert available.contains(window.frameGeometry()), (available, window.frameGeometry())
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 - DECORATION.width() and hint.height() <= 720 - TASKBAR - DECORATION.height()
    finally:
        close_app(app)


def test_narrowing_the_window_keeps_the_passage_in_view(qtbot, tmp_path: Path):
    """At 800 px the text is longer: the same pixel offset would show an earlier section."""
    from test_ui_support import FOOTNOTED

    app = build_app(qtbot, tmp_path / "config", tmp_path / "index")
    try:
        reader = app.reader
        reader.resize(1000, 500)
        app.reading.open_article(FOOTNOTED, "economic-security-infrastructure")
        assert reader.top_anchor() == "economic-security-infrastructure"
        before = reader.verticalScrollBar().value()
        reader.resize(560, 500)
        assert reader.top_anchor() == "economic-security-infrastructure"
        assert reader.verticalScrollBar().value() > before  # the text got longer above it
        reader.resize(1000, 500)
        assert reader.top_anchor() == "economic-security-infrastructure"
    finally:
        close_app(app)


LAPTOP_AT_2X = QRect(0, 0, 1366 // 2, 768 // 2)
"""A 1366×768 screen at QT_SCALE_FACTOR=2, in the logical pixels windows are sized in."""


def _figures_window(tmp_path: Path):
    from jpbrief.core.content import load_library
    from jpbrief.ui.widgets.figures_view import FiguresWindow

    window = FiguresWindow(load_library(Path(__file__).parent / "fixtures" / "chronology"))
    return window, [window.open_button, window.note_button, window.print_button, window.export_button]


def _shortcuts_dialog(tmp_path: Path):
    from jpbrief.ui.widgets.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog([("File", "Print…", "Ctrl+P")] * 20)
    return dialog, [dialog.findChild(QDialogButtonBox)]


def _pack_dialog(tmp_path: Path):
    from pack_fixtures import BASE, build_pack, make_key, store_for

    from jpbrief.core import content
    from jpbrief.ui.controllers.packs import inspect_pack
    from jpbrief.ui.widgets.pack_dialog import PackDialog

    pack = build_pack(tmp_path, make_key(tmp_path), "1.0")
    dialog = PackDialog(inspect_pack(pack, store_for(tmp_path / "home"), content.load_library(BASE)))
    return dialog, [dialog.install_button]


@pytest.mark.parametrize("make", [_figures_window, _shortcuts_dialog, _pack_dialog])
def test_secondary_windows_fit_a_laptop_at_twice_the_scale(qtbot, tmp_path: Path, monkeypatch, make):
    """The key figures window opened 1180×620 on a 683×384 (logical) screen, its buttons off
    it; the shortcuts and pack dialogs were taller than the screen too."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: LAPTOP_AT_2X)
    window, buttons = make(tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert LAPTOP_AT_2X.contains(window.frameGeometry()), window.frameGeometry()
    hint = window.minimumSizeHint()
    assert hint.width() <= LAPTOP_AT_2X.width() - DECORATION.width(), hint
    assert hint.height() <= LAPTOP_AT_2X.height() - DECORATION.height(), hint
    for button in buttons:
        assert button is not None and button.isVisible()
        shown = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        assert LAPTOP_AT_2X.contains(shown), (button, shown)
