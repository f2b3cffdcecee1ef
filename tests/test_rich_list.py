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


def _colour_at_row(rich: RichList, row: int):
    """The colour the list paints a few pixels inside ``row``'s left end (inside its tint,
    left of its text)."""
    rect = rich.visualItemRect(rich.item(row))
    image = rich.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 5, rect.center().y())


def test_the_selected_and_the_hovered_item_are_tinted_by_the_list_itself(qtbot) -> None:
    """No style sheet draws these (an application-wide one slowed the first paint): the
    selected item on the highlight, the one under the pointer on the alternate base, the
    others on the window's colour, with no frame."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPalette

    rich = _filled(qtbot, 4)
    palette = rich.palette()
    assert rich.frameWidth() == 0
    assert _colour_at_row(rich, 2) == palette.color(QPalette.ColorRole.Window)
    rich.setCurrentRow(1)
    assert _colour_at_row(rich, 1) == palette.color(QPalette.ColorRole.Highlight)
    where = rich.visualItemRect(rich.item(2)).center()
    qtbot.mouseMove(rich.viewport(), QPoint(where.x(), where.y()))
    qtbot.waitUntil(lambda: rich.hovered_row == 2)
    assert _colour_at_row(rich, 2) == palette.color(QPalette.ColorRole.AlternateBase)
    assert _colour_at_row(rich, 3) == palette.color(QPalette.ColorRole.Window)
    rich.leaveEvent(None)  # the pointer left the list
    assert rich.hovered_row == -1
    assert _colour_at_row(rich, 2) == palette.color(QPalette.ColorRole.Window)
