"""The timeline panel: one model/view tree of years, entries and the reports of each article."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.core.chronology import Entry, Report, YearGroup
from jpbrief.core.content import load_library
from jpbrief.ui.widgets.chronology_view import ITEM_ROLE, ChronologyPanel, TimelineModel
from jpbrief.ui.widgets.rich_list import HTML_ROLE, TARGET_ROLE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)

FIXTURE = Path(__file__).parent / "fixtures" / "chronology"


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE)


def children(model: TimelineModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    parent = parent or QModelIndex()
    return [model.index(row, 0, parent) for row in range(model.rowCount(parent))]


def test_the_model_is_a_well_formed_tree(qtmodeltester, library):
    model = TimelineModel(library)
    qtmodeltester.check(model)
    model.set_theme("counterstrike")
    qtmodeltester.check(model)


def test_years_hold_entries_in_date_order_and_entries_hold_every_articles_report(library):
    model = TimelineModel(library)
    years = children(model)
    assert [i.data(ITEM_ROLE).year for i in years] == [2014, 2022, 2024]
    assert all(isinstance(i.data(ITEM_ROLE), YearGroup) for i in years)
    (strategies,) = [e for e in children(model, years[1]) if "strategy" in e.data(ITEM_ROLE).label]
    entry = strategies.data(ITEM_ROLE)
    assert isinstance(entry, Entry)
    reports = [r.data(ITEM_ROLE) for r in children(model, strategies)]
    assert all(isinstance(r, Report) for r in reports)
    assert [r.article for r in reports] == ["alpha", "beta"]  # one entry, both sources
    assert "[editor]" in strategies.data(HTML_ROLE)  # the label is marked as the editor's
    assert "editor's label" in strategies.data(Qt.ItemDataRole.DisplayRole)
    assert "“It released its strategies in December 2022”" in children(model, strategies)[1].data()


def test_a_report_opens_its_passage_with_exactly_the_quoted_words(qtbot, library):
    panel = ChronologyPanel(library)
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.show()
    model, tree = panel.model, panel.tree
    law_year = children(model)[2]
    law = children(model, law_year)[0]
    report = children(model, law)[0]
    article, anchor, spans = report.data(TARGET_ROLE)
    text = library.article(article).passage(anchor).text
    assert [text[a:b] for a, b in spans] == ["The law passed on 10 May 2024"]
    rect = tree.visualRect(report)
    assert rect.isValid()
    with qtbot.waitSignal(panel.passage_requested) as signal:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["alpha", "law", spans]


def test_the_theme_filter_keeps_only_that_themes_entries(qtbot, library):
    panel = ChronologyPanel(library)
    qtbot.addWidget(panel)
    everything = panel.model.entry_count
    panel.themes.setCurrentIndex(panel.themes.findData("counterstrike"))
    assert panel.model.theme == "counterstrike"
    assert 0 < panel.model.entry_count < everything
    labels = [e.data(ITEM_ROLE).label for y in children(panel.model) for e in children(panel.model, y)]
    assert "Security clearance law passed" not in labels
    assert panel.count.text() == "1 event"
    with qtbot.waitSignal(panel.export_requested) as signal:
        panel.export_button.click()
    assert signal.args == ["counterstrike"]


def test_a_long_timeline_opens_folded_and_a_year_unfolds_with_its_reports(qtbot, library, monkeypatch):
    from jpbrief.ui.widgets import chronology_view

    monkeypatch.setattr(chronology_view, "UNFOLD_LIMIT", 2)  # the fixture's 4 entries count as long
    panel = ChronologyPanel(library)
    qtbot.addWidget(panel)
    years = children(panel.model)
    assert not any(panel.tree.isExpanded(year) for year in years)
    panel.tree.expand(years[1])
    entries = children(panel.model, years[1])
    assert entries and all(panel.tree.isExpanded(entry) for entry in entries)
    assert not panel.tree.isExpanded(years[0])
