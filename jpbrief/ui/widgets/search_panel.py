"""The search panel: a query field with theme and article filters, results as you type.

Typing is debounced (``DEBOUNCE_MS``) before ``search_requested`` fires; the app runs the
query off the UI thread and calls :meth:`SearchPanel.show_outcome`. Enter or a click on a
result emits ``result_chosen`` with the core's ``Hit`` (its ``spans`` say what to mark).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Library
from jpbrief.core.search.results import SOME_WORDS, Hit
from jpbrief.ui.labels import translated
from jpbrief.ui.services.markup import escape, literal
from jpbrief.ui.services.search_service import SearchOutcome
from jpbrief.ui.widgets.rich_list import TARGET_ROLE, RichList
from jpbrief.ui.widgets.sidebar import section_caption

DEBOUNCE_MS = 200


class _QueryField(QLineEdit):
    """The query line: Down moves into the results, Enter opens the first or current one."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """Search every article; emits intents, shows what the app hands back."""

    search_requested = Signal(str, str, str)  # query, theme id, article id ('' = all)
    result_chosen = Signal(object)  # the chosen core Hit, unchanged

    def __init__(self, library: Library, labels: Labels = ENGLISH, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.labels = labels  # the interface's words for why a hit matched
        self.query = _QueryField()
        self.query.setObjectName("searchField")
        self.query.setPlaceholderText(self.tr("Search all articles"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Search all articles"))
        self.query.setToolTip(
            self.tr('Words, "exact phrases", OR, -exclude, prefix*; results appear as you type')
        )
        self.theme_filter = QComboBox()
        self.theme_filter.setAccessibleName(self.tr("Only passages of theme"))
        self.theme_filter.addItem(self.tr("All themes"), "")
        for theme in library.themes.values():
            self.theme_filter.addItem(theme.label, theme.id)
        self.article_filter = QComboBox()
        self.article_filter.setAccessibleName(self.tr("Only passages of article"))
        self.article_filter.addItem(self.tr("All articles"), "")
        for article in library.articles:
            short = article.title if len(article.title) < 40 else article.title[:38].rstrip() + "…"
            self.article_filter.addItem(short, article.id)
            self.article_filter.setItemData(
                self.article_filter.count() - 1, literal(article.title), Qt.ItemDataRole.ToolTipRole
            )
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # quotes the query and index errors
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setWordWrap(True)
        self.suggestion = QLabel("")
        self.suggestion.setObjectName("didYouMean")
        self.suggestion.setAccessibleName(self.tr("Did you mean"))
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setWordWrap(True)
        self.suggestion.setVisible(False)
        self.suggestion.linkActivated.connect(self.set_query)
        self.results = RichList(self.tr("Search results"))
        self.results.setObjectName("searchResults")
        self.results.chosen.connect(self._chosen)
        self._hits: dict[tuple[str, str], Hit] = {}
        self.outcome: SearchOutcome | None = None

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_request)
        self.query.textChanged.connect(lambda _text: self._debounce.start())
        self.query.returnPressed.connect(self._open_first)
        self.query.down_pressed.connect(self._focus_results)
        self.theme_filter.currentIndexChanged.connect(lambda _i: self._emit_request())
        self.article_filter.currentIndexChanged.connect(lambda _i: self._emit_request())

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.theme_filter, 1)
        filters.addWidget(self.article_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(section_caption(self.tr("Search")))
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    # -- input ---------------------------------------------------------------------
    def focus_query(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def set_query(self, text: str) -> None:
        self.query.setText(text)
        self._debounce.stop()
        self._emit_request()

    def set_filters(self, theme: str = "", article: str = "") -> None:
        for combo, value in ((self.theme_filter, theme), (self.article_filter, article)):
            index = combo.findData(value)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def carry_over(self, old: SearchPanel) -> None:
        """Take the query and filters of the panel this one replaces (the library changed)
        and run the query again; a filter whose theme or article is gone shows all."""
        self.set_filters(str(old.theme_filter.currentData() or ""),
                         str(old.article_filter.currentData() or ""))
        if old.query.text().strip():
            self.set_query(old.query.text())

    def request_pending(self) -> bool:
        return self._debounce.isActive()

    def _emit_request(self) -> None:
        self._debounce.stop()
        text = self.query.text().strip()
        if not text:
            self.results.clear()
            self._hits = {}
            self.status.setText("")
            self.suggestion.setVisible(False)
            return
        self.status.setText(self.tr("Searching…"))
        self.search_requested.emit(
            text, str(self.theme_filter.currentData() or ""), str(self.article_filter.currentData() or "")
        )

    # -- output --------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_outcome(self, outcome: SearchOutcome) -> None:
        self.outcome = outcome
        self.results.clear()
        self._hits = {}
        group = ""
        for hit in outcome.hits:
            if hit.tier == SOME_WORDS and group != SOME_WORDS and outcome.result.complete < outcome.total:
                self._add_heading(self.tr("Matching some words"))
            group = hit.tier
            self._hits[(hit.article, hit.anchor)] = hit
            article = self.library.article(hit.article)
            title = hit.title or (article.title if article else hit.article)
            where = title + (f" › {hit.section}" if hit.section and hit.section != hit.text else "")
            snippet = hit.snippet_in(self.labels) or escape(hit.text[:200])
            html = (f'<span class="muted">{escape(where)}</span><br>{snippet}')
            why = hit.reason_in(self.labels)
            if why:
                html += f'<br><span class="muted"><i>{escape(why)}</i></span>'
            self.results.add_item(
                f"{where}: {hit.text}" + (f" ({why})" if why else ""), html,
                (hit.article, hit.anchor), literal(hit.text),
            )
        if outcome.suggestions and not outcome.hits:
            links = ", ".join(f'<a href="{escape(s)}">{escape(s)}</a>' for s in outcome.suggestions[:3])
            self.suggestion.setText(self.tr("Did you mean {words}?").format(words=links))
            self.suggestion.setVisible(True)
        else:
            self.suggestion.setVisible(False)
        said = "" if outcome.hits else outcome.result.message_in(self.labels) or ""
        told = translated(outcome.failure or said)
        if told:
            self.status.setText(told)
        elif not outcome.hits:
            self.status.setText(self.tr("No passage matches “{query}”.").format(query=outcome.query))
        else:
            shown = len(outcome.hits)
            total = max(outcome.total, shown)
            counted = self.tr("%n passage(s)", None, total)
            more = self.tr(" (showing {shown})").format(shown=shown) if total > shown else ""
            complete = outcome.result.complete
            split = complete < total and any(hit.tier for hit in outcome.hits)
            some = (
                self.tr(": {every} with every word, {some} with some").format(
                    every=complete, some=total - complete
                )
                if split
                else ""
            )
            self.status.setText(f"{counted}{some}{more}")

    def _add_heading(self, text: str) -> None:
        """A row naming the group of results that follows; it cannot be chosen."""
        item = self.results.add_item(text, f'<span class="muted"><b>{escape(text)}</b></span>', "")
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def hit_targets(self) -> list[tuple[str, str]]:
        return [tuple(t) for t in self.results.targets() if t]

    def choose_row(self, row: int) -> None:
        """Open the hit in ``row``, or the first after it when ``row`` is a group heading."""
        while (item := self.results.item(row)) is not None and not item.data(TARGET_ROLE):
            row += 1
        if item is not None:
            self.results.setCurrentRow(row)
            self.results.chosen.emit(item.data(TARGET_ROLE))

    def _open_first(self) -> None:
        if self._debounce.isActive():
            return  # results for what was just typed are not in yet
        row = max(0, self.results.currentRow())
        self.choose_row(row)

    def _focus_results(self) -> None:
        if self.results.count():
            self.results.setFocus()
            if self.results.currentRow() < 0:
                first = self.results.item(0).data(TARGET_ROLE)
                self.results.setCurrentRow(0 if first else 1)

    def _chosen(self, target: Any) -> None:
        hit = self._hits.get(tuple(target))
        if hit is not None:
            self.result_chosen.emit(hit)
