"""The key-figures window: a sortable table of every annotated figure, filtered by theme.

:class:`FiguresModel` shows :func:`jpbrief.core.figures.figure_rows` as columns; its
``ITEM_ROLE`` gives each row's ``FigureRow`` unchanged. The model sorts by what a column
means (values by unit then quantity, years by the days they cover) and keeps the figures
of one measure side by side whatever the sort; :class:`FiguresProxy` (between it and
the table, where the header's sort requests arrive) filters by theme (a measure stays
whole if any of its figures carries the theme) and by typed words.
Activating a row asks for its passage, the quoted words marked; activating its Source
cell asks for the footnote too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jpbrief.core.dates import date_span
from jpbrief.core.figures import FigureRow, figure_rows
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Figure, Library
from jpbrief.core.render.digests import Locator, disagreement, figure_year
from jpbrief.ui.i18n import QT_TRANSLATE_NOOP
from jpbrief.ui.services.markup import escape, literal
from jpbrief.ui.widgets.chronology_view import ITEM_ROLE, ROOT, ThemeFilter, quote_spans
from jpbrief.ui.widgets.screen_fit import fit_to_screen

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
COLUMNS = (QT_TRANSLATE_NOOP("FiguresModel", "What (editor)"), QT_TRANSLATE_NOOP("FiguresModel", "Value"),
           QT_TRANSLATE_NOOP("FiguresModel", "Unit"), QT_TRANSLATE_NOOP("FiguresModel", "Year"),
           QT_TRANSLATE_NOOP("FiguresModel", "The author’s words"),
           QT_TRANSLATE_NOOP("FiguresModel", "Source"),
           QT_TRANSLATE_NOOP("FiguresModel", "Same measure"))
WHAT, VALUE, UNIT, YEAR, QUOTE, SOURCE, COMPARE = range(len(COLUMNS))
CORE_SORT = {WHAT: "measure", VALUE: "value", UNIT: "value", YEAR: "year", SOURCE: "article"}
"""The core's sort key for a column, so paper comes out in the order on screen."""
WIDTHS = {WHAT: 220, VALUE: 120, UNIT: 70, YEAR: 110, SOURCE: 230, COMPARE: 140}
PREFERRED_SIZE = QSize(1180, 620)
"""Room for every column at its width; less on a smaller screen (:func:`fit_to_screen`)."""


def _year_key(row: FigureRow) -> tuple[Any, ...]:
    span = date_span(row.figure.year) if row.figure.year else None
    return (span is None, span or ())


COLUMN_KEYS: dict[int, Callable[[FigureRow], Any]] = {
    WHAT: lambda row: (row.figure.measure.casefold(), _year_key(row)),  # the core's own order
    VALUE: lambda row: (row.figure.unit, row.figure.quantity),
    UNIT: lambda row: (row.figure.unit, row.figure.quantity),
    YEAR: _year_key,
    QUOTE: lambda row: row.figure.quote.casefold(),
    SOURCE: lambda row: (row.figure.article, row.figure.line),
    COMPARE: lambda row: (not row.disagrees, len(row.group) == 1),
}


class FiguresModel(QAbstractTableModel):
    """Every figure of a library, one per row, in the core's order (measures together)."""

    def __init__(self, library: Library, parent: QWidget | None = None, labels: Labels = ENGLISH) -> None:
        super().__init__(parent)
        self.library, self.labels = library, labels  # the core's figure words, in the interface's language
        self.rows: list[FigureRow] = []
        self._fill(library)

    def _fill(self, library: Library) -> None:
        self.library, self.rows = library, figure_rows(library)
        self.order = (WHAT, Qt.SortOrder.AscendingOrder)  # figure_rows sorts by measure
        self._locate = Locator(library, self.labels)
        self._index()
        members: dict[tuple[str, ...], list[FigureRow]] = {}
        for row in self.rows:
            members.setdefault(row.group, []).append(row)
        # What filtering asks of every row, worked out once per library, not per keystroke.
        self.group_themes = {group: frozenset(t for r in rows for t in r.figure.themes)
                             for group, rows in members.items()}
        self.haystack = {row.figure.id: f"{row.figure.measure} {row.figure.quote} {row.value} "
                                        f"{row.figure.article}".casefold() for row in self.rows}

    def _index(self) -> None:
        self.position = {row.figure.id: n for n, row in enumerate(self.rows)}

    def set_library(self, library: Library) -> None:
        self.beginResetModel()
        self._fill(library)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by ``column``'s meaning, each measure's figures kept together
        where its first one sorts (one Python sort: a proxy's ``lessThan`` would be called
        from C++ a million times for a big library)."""
        if column not in COLUMN_KEYS or (column, order) == self.order:
            return
        self.order = (column, order)
        key = COLUMN_KEYS[column]
        groups: dict[tuple[str, ...], list[FigureRow]] = {}
        for row in self.rows:
            groups.setdefault(row.group, []).append(row)
        # members keep the core's order within a measure, so the first is the measure's lead
        ordered = sorted(groups.values(), key=lambda members: (key(members[0]), members[0].figure.id),
                         reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        old = [self.rows[index.row()].figure.id for index in before]
        self.rows = [row for members in ordered for row in members]
        self._index()
        after = [self.index(self.position[figure], index.column())
                 for figure, index in zip(old, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("FiguresModel", COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("The measure is the editor's wording") if section == WHAT else
                    self.tr("The author's exact words") if section == QUOTE else None)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ITEM_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == COMPARE and row.disagrees:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: FigureRow, column: int) -> str:
        f = row.figure
        texts = {
            WHAT: f.measure, VALUE: row.value, UNIT: f.unit, YEAR: figure_year(row, self.labels),
            QUOTE: f"“{f.quote}”", SOURCE: self._source(f),
            COMPARE: ("≠ " if row.disagrees else "= " if len(row.group) > 1 else "")
            + disagreement(row, self.labels),
        }
        return texts[column]

    def _source(self, figure: Figure) -> str:
        """``note 8 · Article, § Section``: the note first, so a narrow column keeps it."""
        where = self._locate(figure.article, figure.anchor, None)
        if figure.footnote is None:
            return where
        return self.tr("note {number} · {where}").format(number=figure.footnote, where=where)

    def detail_html(self, row: FigureRow) -> str:
        """The row in full, beside every figure of its measure, and the note's work cited."""
        members = [self.rows[self.position[i]] for i in row.group if i in self.position]
        cells = []
        for member in members:
            f = member.figure
            weight = "b" if member is row else "span"
            cells.append(f"<tr><td><{weight}>{escape(member.value)}</{weight}></td>"
                         f"<td>{escape(figure_year(member, self.labels))}</td><td>“{escape(f.quote)}”</td>"
                         f"<td>{escape(self._source(f))}</td></tr>")
        compare = disagreement(row, self.labels)
        source = self.library.sources.get(row.figure.source_id) if row.figure.source_id else None
        cited = ("<br>" + escape(self.tr("Note {number}: {citation}").format(
            number=row.figure.footnote, citation=source.citation))) if source else ""
        editor = escape(self.tr("[editor]"))
        return (f"<b>{escape(row.figure.measure)}</b> <i>{editor}</i>"
                + (f" — <b>{escape(compare)}</b>" if row.disagrees else f" — {compare}" if compare else "")
                + '<table cellspacing="0" cellpadding="3" width="100%">' + "".join(cells) + "</table>"
                + f"<small>{cited}</small>")

    def _tip(self, row: FigureRow, column: int) -> str | None:
        f = row.figure
        if column == SOURCE:
            source = self.library.sources.get(f.source_id) if f.source_id else None
            note = (self.tr("Note {number}: {citation}").format(number=f.footnote, citation=source.citation)
                    if source and f.footnote else self.tr("No note cited"))
            activate = self.tr("Activate to open the passage and its note")
            return literal(f"{note}\n{activate}")  # Qt guesses tip formats
        if column == COMPARE and len(row.group) > 1:
            others = [self.rows[self.position[i]] for i in row.group if i != f.id and i in self.position]
            return literal("\n".join(f"{o.value} {figure_year(o, self.labels)} — {o.figure.article}"
                                     for o in others))
        return self.tr("Activate to open the passage with these words marked") if column == QUOTE else None


class FiguresProxy(QSortFilterProxyModel):
    """Filters by theme (a measure stays whole) and words; sorting is the source model's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = ""
        self.words = ""

    def set_filter(self, theme: str | None = None, words: str | None = None) -> None:
        modern = hasattr(self, "beginFilterChange")  # Qt 6.9+; invalidateFilter is deprecated there
        if modern:
            self.beginFilterChange()
        if theme is not None:
            self.theme = theme
        if words is not None:
            self.words = words.casefold().strip()
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def _model(self) -> FiguresModel:
        model = self.sourceModel()
        assert isinstance(model, FiguresModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self._model()
        row = model.rows[source_row]
        if self.theme and self.theme not in model.group_themes[row.group]:
            return False
        return not self.words or self.words in model.haystack[row.figure.id]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts itself (see :meth:`FiguresModel.sort`); the proxy keeps its
        order and only filters."""
        self._model().sort(column, order)


class FiguresWindow(QWidget):
    """The table in a window of its own (it wants width), with filters and paper buttons.

    ``passage_requested(article, anchor, spans)``, ``footnote_requested(article, anchor,
    number)``, ``print_requested(theme, sort, descending)`` and ``export_requested(...)``
    are intents; the controller decides what they do.
    """

    passage_requested = Signal(str, str, object)
    footnote_requested = Signal(str, str, int)
    print_requested = Signal(str, str, bool)
    export_requested = Signal(str, str, bool)

    def __init__(self, library: Library, parent: QWidget | None = None, labels: Labels = ENGLISH) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Key figures — jpbrief"))
        self.setAccessibleName(self.tr("Key figures"))
        self.model = FiguresModel(library, self, labels)
        self.proxy = FiguresProxy(self)
        self.proxy.setSourceModel(self.model)
        self.themes = ThemeFilter(library, self.tr("Key figures theme filter"))
        self.words = QLineEdit()
        self.words.setPlaceholderText(self.tr("Filter by words…"))
        self.words.setClearButtonEnabled(True)
        self.words.setAccessibleName(self.tr("Key figures word filter"))
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Key figures table"))
        self.table.setModel(self.proxy)
        # the rows come sorted by measure: say so before sorting is enabled, or it sorts again
        self.table.horizontalHeader().setSortIndicator(WHAT, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Three lines a row, fixed: measuring every row's wrapped text costs seconds at
        # library scale. The selected row's full words and its measure's other figures
        # are in the detail below the table.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("The chosen figure beside the others of its measure"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("Open passage"))
        self.note_button = QPushButton(self.tr("Show note"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.export_button = QPushButton(self.tr("Export PDF…"))
        filters = QHBoxLayout()
        filters.addWidget(self.themes)
        filters.addWidget(self.words, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for button in (self.open_button, self.note_button, self.print_button, self.export_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.themes.theme_chosen.connect(self.show_theme)
        self.words.textChanged.connect(lambda text: self._filter(words=text))
        self.table.activated.connect(self._activate)
        self.table.selectionModel().currentRowChanged.connect(lambda index, _old: self._show_detail(index))
        self.open_button.clicked.connect(lambda: self._activate(self.table.currentIndex(), note=False))
        self.note_button.clicked.connect(lambda: self._activate(self.table.currentIndex(), note=True))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(*self.paper_order()))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(*self.paper_order()))
        fit_to_screen(self, PREFERRED_SIZE)
        self._filter()

    def show_theme(self, theme_id: str) -> None:
        """Filter by ``theme_id`` ('' for all), and show it chosen in the filter."""
        if self.themes.choose(theme_id):
            self._filter(theme=theme_id or "")

    def set_library(self, library: Library) -> None:
        self.model.set_library(library)
        self.themes.fill(library)
        self.show_theme(self.proxy.theme if self.proxy.theme in library.themes else "")

    def _filter(self, theme: str | None = None, words: str | None = None) -> None:
        self.proxy.set_filter(theme, words)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown != total:
            self.count.setText(self.tr("{shown} of %n figure(s)", None, total).format(shown=shown))
        else:
            self.count.setText(self.tr("%n figure(s)", None, total))

    def paper_order(self) -> tuple[str, str, bool]:
        """(theme, core sort key, descending): paper in the order and filter shown."""
        column = self.table.horizontalHeader().sortIndicatorSection()
        descending = self.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        return self.proxy.theme, CORE_SORT.get(column, "measure"), descending

    def _show_detail(self, index: QModelIndex) -> None:
        self.detail.setText(self.model.detail_html(self.row_at(index.row())) if index.isValid() else "")

    def row_at(self, proxy_row: int) -> FigureRow:
        return self.model.rows[self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()]

    def _activate(self, index: QModelIndex, note: bool | None = None) -> None:
        if not index.isValid():
            return
        row = self.row_at(index.row())
        f = row.figure
        if note is None:
            note = index.column() == SOURCE
        if note and f.footnote is not None:
            self.footnote_requested.emit(f.article, f.anchor, f.footnote)
        else:
            self.passage_requested.emit(f.article, f.anchor, quote_spans(self.model.library, f))
