"""A theme running through many articles fills its digest a step at a time: the window
answers between steps (a warm start decodes each article's passages only when read), the
caption counts everything at once, and choosing another theme stops the old fill."""

from __future__ import annotations

import dataclasses

import pytest
from test_ui_support import CONTENT as FIXTURE_LIBRARY
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.core.content import load_library
from jpbrief.core.model import Library
from jpbrief.ui.widgets.sidebar import FILL_STEP, ThemesPanel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


def _big_library(copies: int) -> Library:
    base = load_library(FIXTURE_LIBRARY)
    articles = tuple(dataclasses.replace(article, id=f"{article.id}-{n}")
                     for n in range(copies) for article in base.articles)
    return dataclasses.replace(base, articles=articles)


def _largest_theme(library: Library) -> str:
    return max(library.themes, key=library.theme_count)


def test_a_long_digest_fills_in_steps_and_ends_whole(qtbot) -> None:
    library = _big_library(copies=3 * FILL_STEP)
    theme = _largest_theme(library)
    expected = [(a.id, p.anchor) for a, p in library.theme_passages(theme)]
    panel = ThemesPanel(library)
    qtbot.addWidget(panel)
    panel.show_theme(theme)
    first = panel.digest.count()
    assert panel.filling and 0 < first < len(expected)  # the first step only, at once
    assert str(len(expected)) in panel.digest_caption.text()  # the caption counts them all
    qtbot.waitUntil(lambda: not panel.filling)
    assert panel.digest_targets() == expected  # every passage, in reading order, once


def test_choosing_another_theme_stops_the_fill(qtbot) -> None:
    library = _big_library(copies=3 * FILL_STEP)
    themes = sorted(library.themes, key=library.theme_count, reverse=True)
    panel = ThemesPanel(library)
    qtbot.addWidget(panel)
    panel.show_theme(themes[0])
    panel.show_theme(themes[1])
    qtbot.waitUntil(lambda: not panel.filling)
    assert panel.digest_targets() == [(a.id, p.anchor) for a, p in library.theme_passages(themes[1])]
    panel.show_theme("")
    assert panel.digest.count() == 0 and not panel.filling


def test_a_short_digest_is_whole_at_once(qtbot) -> None:
    library = load_library(FIXTURE_LIBRARY)
    theme = _largest_theme(library)
    panel = ThemesPanel(library)
    qtbot.addWidget(panel)
    panel.show_theme(theme)
    assert not panel.filling
    assert panel.digest_targets() == [(a.id, p.anchor) for a, p in library.theme_passages(theme)]


def test_a_panel_deleted_mid_fill_gets_no_more_steps(qtbot) -> None:
    """A content pack replaces the Themes panel: its pending steps must not run on a
    deleted widget (they would raise in a timer, out of anyone's reach)."""
    import shiboken6
    from PySide6.QtCore import QTimer

    library = _big_library(copies=3 * FILL_STEP)
    panel = ThemesPanel(library)
    panel.show_theme(_largest_theme(library))
    assert panel.filling
    shiboken6.delete(panel)
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))  # queued after the panel's next step
    qtbot.waitUntil(lambda: bool(ran))
