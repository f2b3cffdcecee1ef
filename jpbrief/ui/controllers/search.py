"""Search: focus the query, run it off the UI thread, show what comes back, mark a hit.

A hit's marks are painted exactly at ``Hit.spans`` (offsets in the passage text) through
the passage map: the core's result reaches the panel and the reader unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat

from jpbrief.ui.labels import translated

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.core.search.results import SearchStatus
    from jpbrief.ui.services.appearance import Appearance
    from jpbrief.ui.services.passage_map import PassageMap
    from jpbrief.ui.services.search_service import SearchOutcome, SearchService
    from jpbrief.ui.widgets.main_window import MainWindow
    from jpbrief.ui.widgets.reader import ReaderView
    from jpbrief.ui.widgets.search_panel import SearchPanel


class SearchController:
    """Between the search panel, the search service and the reader."""

    def __init__(
        self, window: MainWindow, reader: ReaderView, appearance: Appearance, *,
        panel: Callable[[], SearchPanel], service: Callable[[], SearchService],
        passage_map: Callable[[str], PassageMap | None],
    ) -> None:
        """``panel``, ``service``: built on first use; ``passage_map``: the open article's."""
        self.window, self.reader, self.appearance = window, reader, appearance
        self._panel, self._service, self._passage_map = panel, service, passage_map
        self.last_request = 0

    def focus(self) -> None:
        self.window.show_panel(self._panel())
        self._panel().focus_query()

    def run(self, query: str, theme: str, article: str) -> int:
        self.last_request = self._service().search(query, theme=theme, article=article)
        return self.last_request

    def show_results(self, _request_id: int, outcome: SearchOutcome) -> None:
        self._panel().show_outcome(outcome)

    def show_status(self, status: SearchStatus) -> None:
        from jpbrief.core.search.results import IndexStatus

        if status.state is IndexStatus.INDEXING:  # the reason: a content pack's update
            self.window.statusBar().showMessage(
                translate("Search", "Preparing the search index ({reason})…").format(
                    reason=translated(status.reason))
                if status.reason else translate("Search", "Preparing the search index…"))
        elif status.state is IndexStatus.READY:
            self.window.statusBar().showMessage(translate("Search", "Search ready"), 3000)
        elif status.state is IndexStatus.UNAVAILABLE:
            self._panel().show_status(translate("Search", "Search is unavailable: {reason}").format(
                reason=translated(status.reason)))
            self.window.statusBar().showMessage(translate("Search", "Search is unavailable"), 5000)

    def mark_spans(self, anchor: str, spans: Sequence[tuple[int, int]]) -> int:
        """Mark ``spans`` (offsets in the passage's text) in the reader; how many were marked."""
        mapping = self._passage_map(anchor)
        if mapping is None:
            return 0
        fmt = QTextCharFormat()
        fmt.setBackground(self.appearance.mark_colour("search"))
        fmt.setForeground(QColor("#1a1a1a"))
        selections = self.reader.mark_ranges(mapping.document_spans(spans), fmt)
        self.reader.set_transient_selections(selections)
        return len(selections)
