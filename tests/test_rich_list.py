"""Rich lists stay cheap with thousands of items: only the rows on screen are laid out."""

from __future__ import annotations

import pytest
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.ui.widgets.rich_list import HTML_ROLE, RichList

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


def _filled(qtbot, count: int) -> RichList:
    rich = RichList("Things", lines=3)
    qtbot.addWidget(rich)
    rich.resize(280, 300)
    for n in range(count):
        rich.add_item(f"Item {n}", f"<b>Item {n}</b><br><span class='muted'>meta {n}</span>", f"t{n}")
    rich.show()
    qtbot.waitExposed(rich)
    return rich


def test_a_long_list_lays_out_only_the_rows_it_shows(qtbot) -> None:
    rich = _filled(qtbot, 3000)
    delegate = rich.itemDelegate()
    qtbot.waitUntil(lambda: delegate.documents_made > 0)  # the first rows painted
    shown = rich.viewport().height() // rich.visualItemRect(rich.item(0)).height() + 2
    assert 0 < delegate.documents_made <= 2 * shown  # not one per item
    rich.scrollToBottom()
    rich.viewport().repaint()
    assert rich.indexAt(rich.viewport().rect().bottomLeft()).row() > 2900
    assert delegate.documents_made <= 4 * shown
    assert rich.visualItemRect(rich.item(2999)).isValid()


def test_rows_are_as_tall_as_their_lines_and_keep_their_data(qtbot) -> None:
    rich = _filled(qtbot, 5)
    first, last = rich.visualItemRect(rich.item(0)), rich.visualItemRect(rich.item(4))
    line = rich.fontMetrics().lineSpacing()
    assert first.height() == last.height() >= 3 * line
    assert rich.item(4).data(HTML_ROLE).startswith("<b>Item 4</b>")
    assert rich.row_of("t3") == 3 and rich.row_of("missing") is None
    rich.clear()
    assert rich.row_of("t3") is None
