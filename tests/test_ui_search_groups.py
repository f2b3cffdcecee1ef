"""The search panel (offscreen): every word first, a "Matching some words" row before the
rest, and why each hit matched written under its snippet (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from jpbrief.core.content.library import load_library
from jpbrief.core.model import Library
from jpbrief.core.search import SearchIndex, SearchResult
from jpbrief.ui.services.search_service import SearchOutcome
from jpbrief.ui.widgets.rich_list import HTML_ROLE, TARGET_ROLE
from jpbrief.ui.widgets.search_panel import SearchPanel

READER = Path(__file__).parent / "fixtures" / "reader"  # frozen copy: see its README


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(READER)


@pytest.fixture(scope="module")
def index(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    with SearchIndex(library, None, tmp_path_factory.mktemp("ix")) as search_index:
        search_index.ensure()
        yield search_index


def panel_for(qtbot, library: Library, result: SearchResult) -> SearchPanel:
    panel = SearchPanel(library)
    qtbot.addWidget(panel)
    panel.show_outcome(SearchOutcome(result.query, result))
    return panel


def rows(panel: SearchPanel) -> list[tuple[str, object, bool]]:
    """(html, target, can be chosen) of each row, in order."""
    out = []
    for row in range(panel.results.count()):
        item = panel.results.item(row)
        selectable = bool(item.flags() & Qt.ItemFlag.ItemIsSelectable)
        out.append((str(item.data(HTML_ROLE)), item.data(TARGET_ROLE), selectable))
    return out


def test_some_words_come_after_a_heading_row_that_cannot_be_chosen(qtbot, library, index):
    result = index.search("defense budget", limit=50)
    panel = panel_for(qtbot, library, result)
    shown = rows(panel)
    headings = [i for i, (_html, target, _sel) in enumerate(shown) if not target]
    assert headings == [result.complete]  # one heading, right after the every-word hits
    html, _target, selectable = shown[result.complete]
    assert "Matching some words" in html and not selectable
    assert all("without “budget”" in html for html, _t, _s in shown[result.complete + 1 :])
    assert len(panel.hit_targets()) == len(result.hits)
    assert "with every word" in panel.status.text()
    with qtbot.waitSignal(panel.result_chosen) as chosen:
        panel.choose_row(result.complete)  # the heading row: the next hit opens
    assert chosen.args[0] is result.hits[result.complete]


def test_a_hit_matching_through_its_heading_says_so_under_its_snippet(qtbot, library, index):
    panel = panel_for(qtbot, library, index.search("counterstrike", limit=50))
    shown = rows(panel)
    assert all(target for _html, target, _sel in shown)  # one group: no heading row
    for html, _target, _sel in shown:
        assert "<b>" in html or "matched in its section heading ‘Missile defence and counterstrike’" in html
