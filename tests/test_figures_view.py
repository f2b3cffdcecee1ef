"""The key-figures window: numeric sorts, measures side by side, theme filter, links to passage and note."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.core.content import load_library
from jpbrief.core.model import Figure
from jpbrief.ui.widgets.figures_view import COMPARE, QUOTE, SOURCE, VALUE, WHAT, FiguresWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)

FIXTURE = Path(__file__).parent / "fixtures" / "chronology"


@pytest.fixture(scope="module")
def library():
    base = load_library(FIXTURE)
    twelve = Figure("alpha-twelve", "alpha", "strategy", "¥8.9 trillion by 2027", 12e12, "JPY",
                    "A made-up larger sum", "2030", line=999)  # ¥12 sorts before ¥5.4 as text
    return replace(base, figures=(*base.figures, twelve))


@pytest.fixture
def window(qtbot, library):
    shown = FiguresWindow(library)
    qtbot.addWidget(shown)
    return shown


def column(window: FiguresWindow, col: int) -> list[str]:
    proxy = window.proxy
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_model_and_proxy_are_well_formed(qtmodeltester, window):
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)


def test_values_sort_as_numbers_within_their_unit_keeping_measures_together(window):
    window.table.sortByColumn(VALUE, Qt.SortOrder.AscendingOrder)
    assert column(window, VALUE) == ["¥5.4 trillion", "¥5.4 trillion", "¥8.9 trillion", "¥9.1 trillion",
                                     "¥12 trillion", "72.5%"]
    window.table.sortByColumn(VALUE, Qt.SortOrder.DescendingOrder)
    values = column(window, VALUE)
    assert values.index("¥12 trillion") < values.index("¥9.1 trillion") < values.index("¥5.4 trillion")
    assert abs(values.index("¥9.1 trillion") - values.index("¥8.9 trillion")) == 1  # side by side


def test_the_same_measure_from_two_articles_shows_its_disagreement(window):
    window.table.sortByColumn(WHAT, Qt.SortOrder.AscendingOrder)
    rows = {window.proxy.index(r, VALUE).data(): r for r in range(window.proxy.rowCount())}
    planned = window.proxy.index(rows["¥9.1 trillion"], COMPARE)
    assert planned.data() == "≠ differs in value"
    assert planned.data(Qt.ItemDataRole.FontRole).bold()
    assert "¥8.9 trillion" in planned.data(Qt.ItemDataRole.ToolTipRole)
    assert planned.data(Qt.ItemDataRole.ToolTipRole).startswith("<qt>")  # shown literally, whatever it holds
    agreed = window.proxy.index(rows["¥5.4 trillion"], COMPARE)
    assert agreed.data() == "= agrees"
    assert window.proxy.index(rows["72.5%"], COMPARE).data() == ""


def test_the_theme_filter_keeps_a_measure_whole(window):
    window.themes.setCurrentIndex(window.themes.findData("dicas"))
    # only beta's figures carry 'dicas'; alpha's figures of the same measures stay beside them
    assert sorted(column(window, VALUE)) == ["¥5.4 trillion", "¥5.4 trillion", "¥8.9 trillion", "¥9.1 trillion"]
    assert window.count.text() == "4 of 6 figures"
    window.themes.setCurrentIndex(window.themes.findData("economic-security"))
    assert column(window, VALUE) == ["72.5%"]
    assert window.paper_order()[0] == "economic-security"


def test_rows_open_their_passage_or_their_note(qtbot, window, library):
    window.words.setText("firms")
    assert column(window, VALUE) == ["72.5%"]
    with qtbot.waitSignal(window.passage_requested) as signal:
        window.table.activated.emit(window.proxy.index(0, QUOTE))
    article, anchor, spans = signal.args
    text = library.article(article).passage(anchor).text
    assert [text[a:b] for a, b in spans] == ["72.5 percent of firms were ready"]
    with qtbot.waitSignal(window.footnote_requested) as signal:
        window.table.activated.emit(window.proxy.index(0, SOURCE))
    assert signal.args == ["alpha", "law", 2]


def test_sorting_keeps_the_chosen_row_chosen(window):
    rows = {window.proxy.index(r, VALUE).data(): r for r in range(window.proxy.rowCount())}
    window.table.selectRow(rows["72.5%"])
    window.table.sortByColumn(VALUE, Qt.SortOrder.DescendingOrder)
    assert window.table.currentIndex().siblingAtColumn(VALUE).data() == "72.5%"
    assert window.proxy.index(0, VALUE).data() == "72.5%"  # percent sorts after yen: first, descending


def test_the_chosen_row_sits_beside_the_other_figures_of_its_measure(window):
    rows = {window.proxy.index(r, VALUE).data(): r for r in range(window.proxy.rowCount())}
    window.table.selectRow(rows["¥9.1 trillion"])
    detail = window.detail.text()
    assert "<b>¥9.1 trillion</b>" in detail and "¥8.9 trillion" in detail  # side by side, this one bold
    assert "differs in value" in detail and "[editor]" in detail
    assert "“9.1 trillion yen”" in detail and "“¥8.9 trillion by 2027”" in detail
    assert window.proxy.index(rows["¥9.1 trillion"], SOURCE).data().startswith("note 1 · Beta")


def test_content_reaches_the_detail_and_the_timeline_as_typed_never_as_markup(qtbot, library):
    from jpbrief.ui.widgets.chronology_view import TimelineModel
    from jpbrief.ui.widgets.rich_list import HTML_ROLE

    hostile = "<img src=x>&amp; <b>bold</b>"
    figures = tuple(replace(f, measure=hostile) for f in library.figures)
    events = tuple(replace(e, label=hostile) for e in library.events)
    shown = FiguresWindow(replace(library, figures=figures))
    qtbot.addWidget(shown)
    shown.table.selectRow(0)
    assert "&lt;img src=x&gt;&amp;amp; &lt;b&gt;bold" in shown.detail.text()
    model = TimelineModel(replace(library, events=events))
    entry = model.index(0, 0, model.index(0, 0))
    assert "&lt;img src=x&gt;&amp;amp; &lt;b&gt;bold" in entry.data(HTML_ROLE)
