"""The reading view: shows rendered HTML and turns every link and gesture into a signal.

Nothing here fetches anything. Links never navigate by themselves
(``setOpenLinks(False)``): each goes through ``anchorClicked`` and becomes an intent
signal. :meth:`ReaderView.loadResource` serves only regular files inside the allowed
folders (the content folder and the resources folder) and refuses every URL with a
scheme other than ``file`` or with a host, so a hostile article cannot make the reader
touch the network or read files elsewhere on the disk.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from jpbrief.ui.markup import escape, literal
from jpbrief.ui.passage_map import MARKER_SCHEMES, PassageMap

if TYPE_CHECKING:  # for annotations only; Qt classes needed only later are imported where used
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QPaintEvent, QResizeEvent, QTextCursor

HOVER_DELAY_MS = 400
"""How long the pointer rests on a footnote or cross-reference marker before its card opens."""

MEASURE_CHARS = 78
"""The longest comfortable line, in average characters: wider windows get side margins."""

STARTUP_ENV = "JPBRIEF_STARTUP_TIMESTAMP"
"""Set to 1 and the first paint prints ``JPBRIEF_FIRST_PAINT <epoch seconds>`` on stdout."""


def resolve_resource(url: QUrl, base_dir: Path | None, roots: list[Path]) -> Path | None:
    """The local file a resource URL names, if it is a regular file inside ``roots``.

    Refused (None): any scheme but none/``file``, any host (``//server/share``, UNC),
    anything that resolves outside every root (``..``, symlinks, absolute paths).
    """
    if url.scheme() not in ("", "file") or url.host() or not url.isValid():
        return None
    raw = url.toLocalFile() if url.scheme() == "file" else url.path()
    if not raw or "\\" in raw or "\x00" in raw:
        return None
    candidate = Path(raw)
    if not candidate.is_absolute():
        if base_dir is None:
            return None
        candidate = base_dir / candidate
    try:
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    for root in roots:
        try:
            root_resolved = root.resolve()
        except OSError:
            continue
        if resolved.is_relative_to(root_resolved) and resolved.is_file():
            return resolved
    return None


class ReaderView(QTextBrowser):
    """The article view. Emits intents; the app decides what they do."""

    # The trigger ("hover", "click" or "keyboard") travels with the request: a hover
    # card closes when the pointer leaves, a keyboard one only on Esc.
    footnote_requested = Signal(int, QPoint, str)  # footnote number, where to show the card, trigger
    crossref_requested = Signal(str, str, QPoint, str)  # article id, anchor, where, trigger
    anchor_requested = Signal(str)  # a place in the same article
    external_link_requested = Signal(str)  # the exact URL, to be confirmed
    back_requested = Signal()
    forward_requested = Signal()
    first_painted = Signal()

    def __init__(self, roots: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName("Article text")
        self.setAccessibleDescription(
            "The article. Tab moves between footnote and cross-reference markers; Enter opens one."
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTabChangesFocus(False)
        self.setMouseTracking(True)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.document().setDocumentMargin(0)
        self._roots = list(roots)
        self._base_dir: Path | None = None
        self.refused: list[str] = []  # resource URLs refused, for tests and diagnostics
        self._glossary: dict[str, str] = {}
        self._base_point_size = self.font().pointSizeF()
        self._zoom = 0
        self._painted = False
        self._hover_href = ""
        self._hover_pos = QPoint()
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_DELAY_MS)
        self._hover_timer.timeout.connect(self._hover_elapsed)
        self._click_pos: QPoint | None = None
        self._anchor_blocks: dict[str, int] = {}
        self._persistent: list[QTextEdit.ExtraSelection] = []  # the reader's highlights
        self._transient: list[QTextEdit.ExtraSelection] = []  # search matches, a jump's target
        self.anchorClicked.connect(self._on_anchor_clicked)

    # -- content -------------------------------------------------------------------
    def set_glossary(self, expansions: dict[str, str]) -> None:
        self._glossary = dict(expansions)

    def show_html(self, html: str, base_dir: Path | None = None) -> None:
        """Replace the document; relative resources resolve against ``base_dir``."""
        self._hover_timer.stop()
        self._base_dir = base_dir
        self._persistent, self._transient = [], []
        self.setExtraSelections([])
        self.setHtml(html)
        self._index_anchors()
        self._apply_measure()

    def _index_anchors(self) -> None:
        self._anchor_blocks = {}
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    self._anchor_blocks.setdefault(name, block.position())
                it += 1
            block = block.next()

    def anchors(self) -> list[str]:
        """The passage anchors of the document, in order."""
        return sorted(self._anchor_blocks, key=self._anchor_blocks.__getitem__)

    def has_anchor(self, anchor: str) -> bool:
        return anchor in self._anchor_blocks

    def cursor_at(self, position: int) -> QTextCursor:
        """A cursor on the document at ``position`` (QTextCursor loads on first use)."""
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return cursor

    def scroll_to_anchor(self, anchor: str) -> bool:
        if anchor not in self._anchor_blocks:
            return False
        # Put the passage near the top with a little context above it.
        cursor = self.cursor_at(self._anchor_blocks[anchor])
        top = self.cursorRect(cursor).top() + self.verticalScrollBar().value()
        self.verticalScrollBar().setValue(max(0, top - self.fontMetrics().height()))
        return True

    def top_anchor(self) -> str:
        """The anchor of the passage at the top of the view ('' before the first)."""
        return self.anchor_at(self.cursorForPosition(QPoint(4, self.fontMetrics().height())).position())

    def anchor_at(self, position: int) -> str:
        """The anchor of the passage holding a document position ('' before the first)."""
        best = ""
        best_position = -1
        for name, block_position in self._anchor_blocks.items():
            if best_position < block_position <= position:
                best, best_position = name, block_position
        return best

    def scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(max(0.0, min(1.0, fraction)) * bar.maximum()))

    def passage_range(self, anchor: str) -> tuple[int, int] | None:
        """Document positions from a passage's start to the next passage's start."""
        start = self._anchor_blocks.get(anchor)
        if start is None:
            return None
        later = [p for p in self._anchor_blocks.values() if p > start]
        end = min(later) if later else self.document().characterCount()
        return start, end

    def set_persistent_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """The reader's own highlights: kept until the document changes."""
        self._persistent = list(selections)
        self.setExtraSelections(self._persistent + self._transient)

    def set_transient_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Search matches or a jump target: replaced by the next navigation."""
        self._transient = list(selections)
        self.setExtraSelections(self._persistent + self._transient)

    def transient_selections(self) -> list[QTextEdit.ExtraSelection]:
        return list(self._transient)

    def find_in_passage(self, anchor: str, text: str) -> QTextCursor | None:
        """A cursor selecting the first occurrence of ``text`` within a passage."""
        span = self.passage_range(anchor)
        if span is None or not text:
            return None
        cursor = self.cursor_at(span[0])
        found = self.document().find(text, cursor, QTextDocument.FindFlag.FindCaseSensitively)
        if found.isNull() or found.selectionStart() >= span[1]:
            return None
        return found

    def passage_map(self, anchor: str, text: str) -> PassageMap | None:
        """The map from ``text`` (the passage's plain text) to this document's positions.

        Walks the passage's characters as shown, leaving out footnote and cross-reference
        markers (links the document adds), and aligns them with ``text``.
        """
        span = self.passage_range(anchor)
        if span is None:
            return None
        start, end = span
        shown: list[tuple[int, str]] = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if not (fmt.isAnchor() and fmt.anchorHref().startswith(MARKER_SCHEMES)):
                    position = fragment.position()
                    for char in fragment.text():
                        if start <= position < end:
                            shown.append((position, char))
                        position += 2 if ord(char) > 0xFFFF else 1  # positions count UTF-16 units
                it += 1
            separator = block.position() + block.length() - 1
            if separator < end:
                shown.append((separator, "\u2029"))
            block = block.next()
        return PassageMap(text, shown)

    def mark_ranges(
        self, ranges: list[tuple[int, int]], fmt: QTextCharFormat
    ) -> list[QTextEdit.ExtraSelection]:
        """Extra selections painting document ranges ``ranges`` in ``fmt``."""
        selections: list[QTextEdit.ExtraSelection] = []
        from PySide6.QtGui import QTextCursor

        for start, end in ranges:
            if end <= start:
                continue
            cursor = self.cursor_at(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        return selections

    # -- zoom and line length ------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        self._set_font(self.font(), steps)

    def set_base_font(self, font: QFont, zoom: int | None = None) -> None:
        """The font at zoom 0; ``zoom`` also sets the zoom, in the same single re-layout."""
        self._base_point_size = font.pointSizeF()
        self._set_font(font, self._zoom if zoom is None else zoom)

    def _set_font(self, base: QFont, steps: int) -> None:
        """``base`` at ``steps`` zoom steps, keeping the passage at the top in view."""
        anchor = self.top_anchor() if self._anchor_blocks else ""
        self._zoom = steps
        font = QFont(base)
        font.setPointSizeF(max(6.0, self._base_point_size * (1.0 + 0.1 * steps)))
        self.setFont(font)
        self._apply_measure()
        if anchor:
            self.scroll_to_anchor(anchor)

    def viewport_width(self, *, scroll_bar: bool | None = None) -> int:
        """The viewport's width, worked out without asking for the viewport widget.

        The first C++-made widget handed to Python (``viewport()`` is one) makes PySide
        set up every widget class it might be, about 10 ms: too dear before the first
        paint. The viewport fills the contents rectangle but for a shown vertical scroll
        bar (``maximumViewportSize`` leaves out frame and margins, and as-needed bars).
        ``scroll_bar``: the width with the scroll bar shown (True) or hidden (False)
        instead of as it is.
        """
        width = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        shown = bar.isVisibleTo(self)
        if scroll_bar or (scroll_bar is None and shown):
            width -= bar.width() if shown else bar.sizeHint().width()
        return width

    def _apply_measure(self, *, scroll_bar: bool | None = None) -> None:
        """Centre a column of at most MEASURE_CHARS characters with generous margins."""
        measure = self.fontMetrics().averageCharWidth() * MEASURE_CHARS
        side = max(24, (self.viewport_width(scroll_bar=scroll_bar) - measure) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() == side and fmt.topMargin() == 28:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(28)
        fmt.setBottomMargin(48)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Margins first, for the width the text will have with the scroll bar any text
        # longer than the window has, so that Qt lays it out once for the new size; then
        # checked against the width it really got (a short text is laid out again).
        if not self.document().isEmpty():
            self._apply_measure(scroll_bar=True)
        super().resizeEvent(event)
        self._apply_measure()

    # -- resources -----------------------------------------------------------------
    def loadResource(self, type: int, name: QUrl | str) -> Any:
        from PySide6.QtCore import QUrl

        url = QUrl(name)
        path = resolve_resource(url, self._base_dir, self._roots)
        if path is None:
            self.refused.append(url.toString())
            return None
        if type == QTextDocument.ResourceType.ImageResource.value:
            from PySide6.QtGui import QImage

            return QImage(str(path))
        if type == QTextDocument.ResourceType.StyleSheetResource.value:
            return path.read_text(encoding="utf-8", errors="replace")
        return path.read_bytes()

    # -- links -----------------------------------------------------------------------
    def _marker_point(self, cursor: QTextCursor) -> QPoint:
        """Global position just below a marker, where its card goes."""
        rect: QRect = self.cursorRect(cursor)
        return self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))

    def _point_for_pos(self, pos: QPoint) -> QPoint:
        return self._marker_point(self.cursorForPosition(pos))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if self._click_pos is not None:
            where, trigger = self._point_for_pos(self._click_pos), "click"
        else:
            where, trigger = self._marker_point(self.textCursor()), "keyboard"
        self._click_pos = None
        self.activate_href(url.toString(), where, trigger)

    def activate_href(self, href: str, where: QPoint, trigger: str = "click") -> None:
        """Turn a rendered link into the matching intent signal (cards: with ``trigger``)."""
        self._hover_timer.stop()
        self._hover_href = ""
        if href.startswith("fn:"):
            number = href[3:]
            if number.isdigit():
                self.footnote_requested.emit(int(number), where, trigger)
        elif href.startswith("xref:"):
            target = href[5:]
            article, _, anchor = target.partition("#")
            if article:
                self.crossref_requested.emit(article, anchor, where, trigger)
        elif href.startswith("external:"):
            self.external_link_requested.emit(href[len("external:"):])
        elif href.startswith("#"):
            self.anchor_requested.emit(href[1:])
        # gloss: links only explain themselves on hover; anything else is ignored.

    def focused_href(self) -> str:
        """The link the keyboard focus is on (Tab selects it), or ''.

        A selection counts only if it is exactly one link: both of its ends carry the
        same href, and it is no longer than a marker or an acronym.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection() or len(cursor.selectedText()) > 40:
            return ""
        end_format = cursor.charFormat()
        probe = self.cursor_at(cursor.selectionStart() + 1)
        start_format = probe.charFormat()
        if end_format.isAnchor() and start_format.isAnchor():
            href = end_format.anchorHref()
            return href if href == start_format.anchorHref() else ""
        return ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            href = self.focused_href()
            if href:
                # Handled here so the focus stays on the marker and Tab continues from it.
                self.activate_href(href, self._marker_point(self.textCursor()), "keyboard")
                event.accept()
                return
        super().keyPressEvent(event)

    # -- pointer -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.back_requested.emit()
            event.accept()
            return
        if event.button() == Qt.MouseButton.ForwardButton:
            self.forward_requested.emit()
            event.accept()
            return
        self._hover_href = ""
        self._hover_timer.stop()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._click_pos = event.position().toPoint()
        super().mouseReleaseEvent(event)
        self._click_pos = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        pos = event.position().toPoint()
        href = self.anchorAt(pos)
        if href.startswith(("fn:", "xref:")):
            if href != self._hover_href:
                self._hover_href = href
                self._hover_pos = pos
                self._hover_timer.start()
        else:
            self._hover_href = ""
            self._hover_timer.stop()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover_href = ""
        self._hover_timer.stop()
        super().leaveEvent(event)

    def _hover_elapsed(self) -> None:
        if self._hover_href and self.anchorAt(self._hover_pos) == self._hover_href:
            self.activate_href(self._hover_href, self._point_for_pos(self._hover_pos), "hover")

    def hover_pending(self) -> bool:
        return self._hover_timer.isActive()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._tool_tip(event):
            return True
        return super().viewportEvent(event)

    def _tool_tip(self, event: QEvent) -> bool:
        """Every tool-tip, as text: Qt's own bare QLabel would take a ``title``'s markup as
        markup and load its images outside :meth:`loadResource`'s sandbox. None over a marker."""
        from PySide6.QtGui import QHelpEvent
        from PySide6.QtWidgets import QToolTip

        if not isinstance(event, QHelpEvent):
            return False
        href = self.anchorAt(event.pos())
        if href.startswith("gloss:"):
            tip = self.glossary_tooltip(href[len("gloss:"):])
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
        if href.startswith(("fn:", "xref:")):
            QToolTip.hideText()  # the card explains it
            return True
        title = self.cursorForPosition(event.pos()).charFormat().toolTip()
        if title:
            QToolTip.showText(event.globalPos(), literal(title), self.viewport())
        else:
            QToolTip.hideText()
        return True

    def glossary_tooltip(self, term: str) -> str | None:
        """An acronym's tool-tip (rich text): ``glossary.yaml``'s term and expansion, as text."""
        expansion = self._glossary.get(term)
        return f"<qt><b>{escape(term)}</b>: {escape(expansion)}</qt>" if expansion else None

    # -- first paint ---------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if os.environ.get(STARTUP_ENV) == "1":
                sys.stdout.write(f"JPBRIEF_FIRST_PAINT {time.time():.6f}\n")
                sys.stdout.flush()
            self.first_painted.emit()

    @property
    def painted(self) -> bool:
        return self._painted

