"""The chronology panel: every annotated event in date order, grouped by year, one model/view.

:class:`TimelineModel` is a three-level tree over :func:`jpbrief.core.chronology.timeline`:
years, their entries (the editor's date and label, marked as the editor's), and under
each entry one row per article that reports it (the author's exact words, the article,
its section and note). ``ITEM_ROLE`` gives the core object of a row unchanged
(``YearGroup``, ``Entry`` or ``Report``); ``TARGET_ROLE`` the passage a row opens, as
``(article, anchor, spans)`` where ``spans`` are the quoted words' offsets in the
passage's text, so the reader marks exactly them. Rows are painted by one delegate and
never are widgets: a library of a thousand articles is a longer model, not more widgets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from jpbrief.core.chronology import Entry, Report, YearGroup, timeline
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Figure, Library
from jpbrief.core.render.digests import Locator
from jpbrief.ui.i18n import display_date
from jpbrief.ui.services.markup import escape
from jpbrief.ui.widgets.rich_list import HTML_ROLE, TARGET_ROLE, RichItemDelegate

ITEM_ROLE = Qt.ItemDataRole.UserRole + 3
"""The core object a row shows: a ``YearGroup``, an ``Entry`` or a ``Report``."""

Index = QModelIndex | QPersistentModelIndex
Target = tuple[str, str, list[tuple[int, int]]]
UNFOLD_LIMIT = 400
"""A timeline of at most this many entries opens with every year unfolded; a longer one
(a big library) opens folded, and the reader unfolds the years they want."""
ROOT = QModelIndex()
"""The invisible root (a module-level default: Qt never changes it)."""


def quote_spans(library: Library, report: Report | Figure) -> list[tuple[int, int]]:
    """Where the quoted words stand in their passage's text ([] if they do not: ``check``
    reports that)."""
    article = library.article(report.article)
    passage = article.passage(report.anchor) if article is not None else None
    start = passage.text.find(report.quote) if passage is not None and report.quote else -1
    return [(start, start + len(report.quote))] if start >= 0 else []


class TimelineModel(QAbstractItemModel):
    """Years > entries > reports. An index's internal id names its parent: 0 for a year,
    ``1 + year row`` for an entry, ``1 + years + entry number`` for a report."""

    def __init__(self, library: Library, parent: QWidget | None = None, labels: Labels = ENGLISH) -> None:
        super().__init__(parent)
        self._library = library
        self._labels = labels  # the interface's words for "note 3"
        self._theme: str | None = None
        self._groups: list[YearGroup] = []
        self._first: list[int] = []  # number of each year's first entry
        self._entries: list[Entry] = []
        self._place: list[tuple[int, int]] = []  # entry number -> (year row, row)
        self._rebuild()

    # ------------------------------------------------------------------ contents
    @property
    def theme(self) -> str | None:
        return self._theme

    @property
    def entry_count(self) -> int:
        return len(self._entries)

    def set_theme(self, theme: str | None) -> None:
        """Only the entries of which a report carries ``theme`` (None: every entry)."""
        self._theme = theme or None
        self._rebuild()

    def set_library(self, library: Library) -> None:
        """Show another library (content packs merged in, or a reload)."""
        self._library = library
        if self._theme is not None and self._theme not in library.themes:
            self._theme = None
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._groups = timeline(self._library, self._theme)
        self._locate = Locator(self._library, self._labels)
        self._first, self._entries, self._place = [], [], []
        for year_row, group in enumerate(self._groups):
            self._first.append(len(self._entries))
            self._entries.extend(group.entries)
            self._place.extend((year_row, row) for row in range(len(group.entries)))
        self.endResetModel()

    def _item(self, index: Index) -> YearGroup | Entry | Report | None:
        if not index.isValid():
            return None
        parent_id, row = index.internalId(), index.row()
        if parent_id == 0:
            return self._groups[row]
        if parent_id <= len(self._groups):
            return self._groups[parent_id - 1].entries[row]
        return self._entries[parent_id - 1 - len(self._groups)].reports[row]

    # ------------------------------------------------------------------ QAbstractItemModel
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0)
        parent_id = parent.internalId()
        if parent_id == 0:
            return self.createIndex(row, 0, 1 + parent.row())
        number = self._first[parent_id - 1] + parent.row()
        return self.createIndex(row, 0, 1 + len(self._groups) + number)

    def parent(self, index: Index | None = None) -> Any:
        if index is None:
            return super().parent()  # QObject.parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        parent_id = index.internalId()
        if parent_id <= len(self._groups):
            return self.createIndex(parent_id - 1, 0, 0)
        year_row, row = self._place[parent_id - 1 - len(self._groups)]
        return self.createIndex(row, 0, 1 + year_row)

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.column() > 0:
            return 0
        item = self._item(parent)
        if item is None:
            return len(self._groups)
        if isinstance(item, YearGroup):
            return len(item.entries)
        return len(item.reports) if isinstance(item, Entry) else 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._item(index)
        if item is None:
            return None
        if role == ITEM_ROLE:
            return item
        if role == TARGET_ROLE:
            return self._target(item)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._plain(item)
        if role == HTML_ROLE:
            return self._html(item)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(item, Report):
            return self.tr("Open this passage with the quoted words marked")
        return None

    # ------------------------------------------------------------------ what rows say
    def _target(self, item: YearGroup | Entry | Report) -> Target | None:
        if isinstance(item, YearGroup):
            return None
        report = item.reports[0] if isinstance(item, Entry) else item
        return report.article, report.anchor, quote_spans(self._library, report)

    def _where(self, report: Report) -> str:
        return self._locate(report.article, report.anchor, report.footnote)

    def _plain(self, item: YearGroup | Entry | Report) -> str:
        if isinstance(item, YearGroup):
            events = self.tr("%n event(s)", None, len(item.entries))
            return f"{item.year} ({events})"
        if isinstance(item, Entry):
            if len(item.articles) > 1:
                label = self.tr("editor's label, reported by %n articles", None, len(item.reports))
            else:
                label = self.tr("editor's label")
            return f"{display_date(item.date)}: {item.label} ({label})"
        return f"“{item.quote}” — {self._where(item)}"

    def _html(self, item: YearGroup | Entry | Report) -> str:
        if isinstance(item, YearGroup):
            events = escape(self.tr("%n event(s)", None, len(item.entries)))
            return f'<b>{item.year}</b> <span class="muted">{events}</span>'
        if isinstance(item, Entry):
            articles = escape(self.tr("%n article(s)", None, len(item.articles)))
            both = f' <span class="muted">· {articles}</span>' if len(item.articles) > 1 else ""
            editor = escape(self.tr("[editor]"))
            return (f"<b>{escape(display_date(item.date))}</b>{both}<br>"
                    f'<i>{escape(item.label)}</i> <span class="muted">{editor}</span>')
        return f'“{escape(item.quote)}”<br><span class="muted">{escape(self._where(item))}</span>'


class _TreeDelegate(RichItemDelegate):
    """Wraps each row to the width the tree gives it (the viewport less its indentation)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = self.parent()
        if isinstance(view, QTreeView):
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            option.rect.setWidth(max(80, view.viewport().width() - view.indentation() * depth))
        return super().sizeHint(option, index)


class TimelineTree(QTreeView):
    """The timeline's tree: ``chosen`` fires once per click or Enter on a row with a passage."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Timeline"))
        self.setHeaderHidden(True)
        self.setItemDelegate(_TreeDelegate(self))
        self.setWordWrap(True)
        self.setIndentation(14)
        # Per item: the tree then measures only the rows it shows (per pixel, it measures
        # every row for the scroll bar: seconds for a thousand articles).
        self.setVerticalScrollMode(QTreeView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clicked.connect(self._choose)

    def _choose(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if target is not None:
            self.chosen.emit(target)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._choose(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # rows re-wrap to the new width


class ThemeFilter(QComboBox):
    """"All themes" and each theme of a library; ``theme_chosen`` ('' for all) fires only
    when the user changes it, not when :meth:`choose` does."""

    theme_chosen = Signal(str)

    def __init__(self, library: Library, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.fill(library)
        self.currentIndexChanged.connect(lambda _i: self.theme_chosen.emit(self.currentData() or ""))

    def fill(self, library: Library) -> None:
        blocked = self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All themes"), "")
        for theme in library.themes.values():
            self.addItem(theme.label, theme.id)
        self.blockSignals(blocked)

    def choose(self, theme_id: str) -> bool:
        """Show ``theme_id`` ('' for all) chosen, quietly; False if the library has no such theme."""
        found = self.findData(theme_id or "")
        if found < 0:
            return False
        blocked = self.blockSignals(True)
        self.setCurrentIndex(found)
        self.blockSignals(blocked)
        return True


class ChronologyPanel(QWidget):
    """A theme filter over the timeline, with print and PDF buttons; emits intents only.

    ``passage_requested(article, anchor, spans)`` opens a report's passage with its
    quoted words marked; ``print_requested(theme)`` and ``export_requested(theme)`` ask
    for the timeline on paper ('' for every theme).
    """

    passage_requested = Signal(str, str, object)
    print_requested = Signal(str)
    export_requested = Signal(str)

    def __init__(self, library: Library, labels: Labels = ENGLISH, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Timeline panel"))
        self.model = TimelineModel(library, self, labels)
        self.themes = ThemeFilter(library, self.tr("Timeline theme filter"))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setObjectName("mutedLabel")
        self.tree = TimelineTree()
        self.tree.setModel(self.model)
        self.print_button = QPushButton(self.tr("Print…"))
        self.export_button = QPushButton(self.tr("Export PDF…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.themes)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.themes.theme_chosen.connect(self.show_theme)
        self.tree.chosen.connect(lambda t: self.passage_requested.emit(t[0], t[1], t[2]))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.model.theme or ""))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.model.theme or ""))
        self.model.modelReset.connect(self._after_reset)
        self.tree.expanded.connect(self._unfold_entries)
        self._after_reset()

    def show_theme(self, theme_id: str) -> None:
        """Filter by ``theme_id`` ('' for all), and show it chosen in the filter."""
        if not self.themes.choose(theme_id):
            return
        if (self.model.theme or "") != theme_id:
            self.model.set_theme(theme_id or None)

    def set_library(self, library: Library) -> None:
        self.model.set_library(library)
        self.themes.fill(library)
        self.show_theme(self.model.theme or "")

    def _unfold_entries(self, index: QModelIndex) -> None:
        """A year unfolded shows its entries' reports too: each passage stays one click away."""
        if isinstance(index.data(ITEM_ROLE), YearGroup):
            for row in range(self.model.rowCount(index)):
                self.tree.expand(self.model.index(row, 0, index))

    def _after_reset(self) -> None:
        if self.model.entry_count <= UNFOLD_LIMIT:
            self.tree.expandAll()
        # else every year stays folded; unfolding one unfolds its entries (_unfold_entries)
        n = self.model.entry_count
        self.count.setText(self.tr("%n event(s)", None, n))
