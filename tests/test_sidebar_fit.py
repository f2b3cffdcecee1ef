"""The library list is as tall as its articles need: no scroll bar for a short library."""

from __future__ import annotations

import pytest
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.core.content import load_library
from jpbrief.ui.widgets.sidebar import LibraryPanel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


@pytest.mark.parametrize("height", [560, 700])
def test_two_articles_fit_without_a_scroll_bar(qtbot, fixture_library_dir, height: int) -> None:
    library = load_library(fixture_library_dir)
    assert len(library.articles) == 2
    panel = LibraryPanel(library)
    qtbot.addWidget(panel)
    panel.resize(330, height)
    panel.show()
    qtbot.waitExposed(panel)
    articles = panel.articles
    qtbot.waitUntil(lambda: articles.visualItemRect(articles.item(1)).height() > 0)
    assert not articles.verticalScrollBar().isVisible()
    last = articles.visualItemRect(articles.item(articles.count() - 1))
    assert articles.viewport().rect().contains(last)  # every row whole on screen
    assert panel.outline.height() > panel.articles.height()  # the outline keeps the rest


def test_a_long_library_scrolls_and_leaves_room_for_the_outline(qtbot, fixture_library_dir) -> None:
    from dataclasses import replace

    library = load_library(fixture_library_dir)
    many = replace(library, articles=tuple(replace(a, id=f"{a.id}-{i}")
                                           for i in range(20) for a in library.articles))
    panel = LibraryPanel(many)
    qtbot.addWidget(panel)
    panel.resize(330, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.articles.verticalScrollBar().maximum() > 0
    assert panel.outline.height() >= 200


@pytest.mark.parametrize("height", [600, 250])  # the sidebar on a 1366×768 screen, and at ×2 scaling
def test_the_theme_list_takes_the_room_the_digest_does_not_need(qtbot, height: int) -> None:
    """With no theme chosen the digest is empty: the list had half the panel anyway (6 of
    the 17 bundled themes on a laptop, 2 at ×2), the rest blank under "Choose a theme"."""
    from pathlib import Path

    from jpbrief.ui.widgets.sidebar import ThemesPanel

    library = load_library(Path(__file__).resolve().parent.parent / "content")
    panel = ThemesPanel(library)
    qtbot.addWidget(panel)
    panel.resize(330, height)
    panel.show()
    qtbot.waitExposed(panel)
    themes, digest, caption = panel.themes, panel.digest, panel.digest_caption

    def below_the_list() -> int:
        return panel.height() - themes.geometry().bottom()

    assert below_the_list() <= 3 * caption.height(), (below_the_list(), themes.height())
    assert not digest.isVisible() and caption.isVisible()  # under the list, saying what to do
    panel.show_theme("counterstrike")
    assert digest.isVisible() and digest.height() >= panel.height() // 3
    assert themes.currentRow() == themes.row_of("counterstrike")
    assert themes.visualItemRect(themes.currentItem()).intersects(themes.viewport().rect())
    panel.show_theme("")
    assert not digest.isVisible()
    assert below_the_list() <= 3 * caption.height()
