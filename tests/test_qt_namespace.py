"""The start-up path's stand-ins for PySide's ``Qt`` namespace (see jpbrief.ui.qt_namespace),
and the system scheme read without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt as RealQt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QSplitter
from test_ui_support import OFFSCREEN_NOTICES, build_app, close_app

from jpbrief.ui import qt_namespace
from jpbrief.ui.services import appearance as looks

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


def test_the_lazy_namespace_reads_through_to_pysides() -> None:
    assert qt_namespace.Qt.AlignmentFlag.AlignTop is RealQt.AlignmentFlag.AlignTop
    assert qt_namespace.Qt.ItemDataRole is RealQt.ItemDataRole


def test_the_roles_used_before_the_first_paint_are_qts() -> None:
    assert RealQt.ItemDataRole.UserRole.value == qt_namespace.USER_ROLE
    assert RealQt.ItemDataRole.ToolTipRole.value == qt_namespace.TOOL_TIP_ROLE


def test_properties_are_set_by_enum_name_and_a_wrong_name_fails_loudly(qtbot) -> None:
    label, splitter = QLabel(), QSplitter()
    qtbot.addWidget(label)
    qtbot.addWidget(splitter)
    qt_namespace.set_properties(label, textFormat="PlainText", textInteractionFlags="TextSelectableByMouse")
    qt_namespace.set_properties(splitter, orientation="Vertical")
    assert label.textFormat() == RealQt.TextFormat.PlainText
    assert label.textInteractionFlags() == RealQt.TextInteractionFlag.TextSelectableByMouse
    assert splitter.orientation() == RealQt.Orientation.Vertical
    with pytest.raises(ValueError, match="textFormat"):
        qt_namespace.set_properties(label, textFormat="PlainTxt")


def test_the_platforms_palette_gives_the_start_up_scheme(qtbot) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    try:
        dark = QPalette(before)
        dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        app.setPalette(dark)
        assert looks.palette_scheme() == "dark"
        light = QPalette(before)
        light.setColor(QPalette.ColorRole.Window, QColor("#f1f0ec"))
        app.setPalette(light)
        assert looks.palette_scheme() == "light"
    finally:
        app.setPalette(before)


def test_qts_stated_scheme_wins_after_the_first_paint(qtbot, tmp_path: Path) -> None:
    """The palette guessed light; Qt says dark: the reader following the system turns dark,
    and back when Qt says light. A platform that does not say changes nothing."""
    reader_app = build_app(qtbot, tmp_path / "config", tmp_path / "index")
    try:
        control = reader_app.appearance_control
        reader_app.settings.appearance = "system"
        reader_app.appearance.system_scheme = "light"
        control.apply()
        assert reader_app.appearance.scheme == "light"
        control.system_scheme_changed(RealQt.ColorScheme.Dark)
        assert reader_app.appearance.scheme == "dark"
        control.system_scheme_changed(RealQt.ColorScheme.Unknown)
        assert reader_app.appearance.scheme == "dark"
        control.system_scheme_changed(RealQt.ColorScheme.Light)
        assert reader_app.appearance.scheme == "light"
        reader_app.settings.appearance = "dark"
        control.apply()
        control.system_scheme_changed(RealQt.ColorScheme.Light)
        assert reader_app.appearance.scheme == "dark"  # a chosen scheme is kept
    finally:
        close_app(reader_app)
