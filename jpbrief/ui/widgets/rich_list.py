"""A list whose items show a little HTML (a bold title over a muted line, marked snippets).

Secondary text goes in ``<span class="muted">``: the delegate colours it from the
palette, readable on the selection highlight too.

Items keep their plain text for accessibility and tests; ``HTML_ROLE`` holds what is
drawn, and ``TARGET_ROLE`` what the item points at (an article id, or (article, anchor)).

A list made with ``lines=N`` has rows of N lines each (``uniformItemSizes``): Qt then
asks for one size hint, not one per item, and lays out only the rows on screen, so a list
of thousands of articles or passages costs no more to show than one of ten. What does not
fit in N lines is clipped; the tooltip holds it whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from jpbrief.ui.qt_namespace import TOOL_TIP_ROLE, USER_ROLE, Qt, set_properties
from jpbrief.ui.services.markup import escape

if TYPE_CHECKING:  # annotation only: no need to load the class before the first paint
    from PySide6.QtGui import QKeyEvent

HTML_ROLE = USER_ROLE + 1
TARGET_ROLE = USER_ROLE + 2
PADDING_X = 10
PADDING_Y = 7

Index = QModelIndex | QPersistentModelIndex


def _blend(front: QColor, back: QColor, amount: float) -> QColor:
    """``amount`` of ``front`` over ``back``."""
    return QColor(
        round(front.red() * amount + back.red() * (1 - amount)),
        round(front.green() * amount + back.green() * (1 - amount)),
        round(front.blue() * amount + back.blue() * (1 - amount)),
    )


class RichItemDelegate(QStyledItemDelegate):
    """Draws an item's ``HTML_ROLE`` with a QTextDocument, wrapped to the list's width.

    Laid-out documents are cached by (html, width, selected, palette), since Qt asks
    for size hints and paints far more often than items change.
    """

    def __init__(self, parent: QWidget | None = None, lines: int | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[str, int, bool, int, str], QTextDocument] = {}
        self.lines = lines
        self.documents_made = 0

    def _document(
        self, option: QStyleOptionViewItem, index: Index, selected: bool = False
    ) -> QTextDocument:
        html = str(index.data(HTML_ROLE))  # always set (add_item): no empty role asked for
        width = option.rect.width() if option.rect.width() > 0 else 260
        key = (html, width, selected, option.palette.cacheKey(), option.font.toString())
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if len(self._cache) > 2000:
            self._cache.clear()
        doc = QTextDocument()
        self.documents_made += 1
        doc.setDocumentMargin(0)
        palette: QPalette = option.palette
        if selected:
            muted = _blend(palette.color(QPalette.ColorRole.HighlightedText),
                           palette.color(QPalette.ColorRole.Highlight), 0.78)
        else:
            muted = palette.color(QPalette.ColorRole.PlaceholderText)
        doc.setDefaultStyleSheet(f".muted {{ color: {muted.name()}; }}")
        doc.setDefaultFont(option.font)
        doc.setHtml(html)
        doc.setTextWidth(max(80, width - 2 * PADDING_X))
        self._cache[key] = doc
        return doc

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the item's background; paint() draws its HTML

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The style's part goes through Qt's own paint (with the text blanked by
        # initStyleOption), so Python never touches QStyle: its enums cost ~6 ms the first
        # time, before the first paint. Selected is what the view tells the style.
        super().paint(painter, option, index)
        view = self.parent()
        selected = isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(index)
        doc = self._document(option, index, selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        rect = option.rect
        painter.save()
        painter.translate(rect.left() + PADDING_X, rect.top() + PADDING_Y)
        painter.setClipRect(QRectF(0, 0, rect.width() - PADDING_X, rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def row_height(self, font: QFont) -> int:
        """The height of every row of a ``lines=N`` list."""
        assert self.lines is not None
        return self.lines * QFontMetrics(font).lineSpacing() + 2 * PADDING_Y

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if self.lines is not None:  # every row alike: nothing to lay out
            return QSize(max(80, option.rect.width()), self.row_height(option.font))
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()) + 2 * PADDING_X, int(doc.size().height()) + 2 * PADDING_Y)


class RichList(QListWidget):
    """A QListWidget of rich items that re-wraps them when its width changes.

    ``chosen`` fires once per click or Enter on an item, with the item's target;
    ``lines``: every row that many lines tall (see the module's docstring).
    """

    chosen = Signal(object)

    def __init__(self, accessible_name: str, parent: QWidget | None = None, *,
                 lines: int | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[Any, int] = {}
        self.itemClicked.connect(lambda item: self.chosen.emit(item.data(TARGET_ROLE)))
        self.setAccessibleName(accessible_name)
        self.setItemDelegate(RichItemDelegate(self, lines))
        self.setWordWrap(True)
        self.setUniformItemSizes(lines is not None)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        set_properties(self, horizontalScrollBarPolicy="ScrollBarAlwaysOff", textElideMode="ElideNone")

    def add_item(self, plain: str, html: str, target: Any, tooltip: str = "") -> QListWidgetItem:
        """Append an item. Qt makes it (``addItem(str)``): an item made in Python is a
        wrapper that Qt calls back into Python for every ``data()``, and on PySide6 6.11.3
        each such item keeps a reference to None when it is deleted."""
        if target is None:
            raise ValueError("a list item needs a target")  # None would be an empty QVariant
        self.addItem(plain)
        row = self.count() - 1
        item = self.item(row)
        self._rows.setdefault(target, row)
        item.setData(HTML_ROLE, html or escape(plain))
        item.setData(TARGET_ROLE, target)
        if tooltip:
            item.setData(TOOL_TIP_ROLE, tooltip)
        return item

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.chosen.emit(item.data(TARGET_ROLE))
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def clear(self) -> None:
        self._rows.clear()
        super().clear()

    def height_for_rows(self, rows: int) -> int:
        """How tall a list made with ``lines=N`` must be to show ``rows`` rows whole."""
        delegate = self.itemDelegate()
        assert isinstance(delegate, RichItemDelegate)
        row = delegate.row_height(self.font()) + 2 * self.spacing()
        return rows * row + 2 * self.frameWidth()

    def row_of(self, target: Any) -> int | None:
        """The row of the first item added with ``target`` (None if none was)."""
        return self._rows.get(target)

    def targets(self) -> list[Any]:
        return [self.item(i).data(TARGET_ROLE) for i in range(self.count())]
