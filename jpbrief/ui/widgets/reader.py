"""The reading view: shows rendered HTML, finds passages in it and paints marks on them.

Nothing here fetches anything. Links and gestures become intent signals in
:mod:`jpbrief.ui.widgets.link_browser`. :meth:`ReaderView.loadResource` serves only
regular files inside the allowed folders (the content folder and the resources folder)
and refuses every URL with a scheme other than ``file`` or with a host, so a hostile
article cannot make the reader touch the network or read files elsewhere on the disk.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from jpbrief.ui.widgets.link_browser import LinkBrowser

if TYPE_CHECKING:  # for annotations only; Qt classes needed only later are imported where used
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QContextMenuEvent, QPaintEvent, QResizeEvent, QTextCursor
    from PySide6.QtWidgets import QMenu

    from jpbrief.ui.services.passage_map import PassageMap

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


class ReaderView(LinkBrowser):
    """The article view: shows a document, finds passages in it, paints marks.

    Links and gestures become intent signals in :class:`LinkBrowser`; the app decides
    what they do.
    """

    first_painted = Signal()
    note_edit_requested = Signal(int)  # a note's id, from the right-click menu on its passage

    def __init__(self, roots: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName(self.tr("Article text"))
        self.setAccessibleDescription(
            self.tr("The article. Tab moves between footnote and cross-reference markers; Enter opens one.")
        )
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.document().setDocumentMargin(0)
        self._roots = list(roots)
        self._base_dir: Path | None = None
        self.refused: list[str] = []  # resource URLs refused, for tests and diagnostics
        self._base_point_size = self.font().pointSizeF()
        self._zoom = 0
        self._painted = False
        self._anchor_blocks: dict[str, int] = {}
        self._persistent: list[QTextEdit.ExtraSelection] = []  # the reader's highlights
        self._transient: list[QTextEdit.ExtraSelection] = []  # search matches, a jump's target
        self._notes: dict[str, list[tuple[int, str]]] = {}  # anchor -> the notes on it (id, text)

    # -- content -------------------------------------------------------------------
    def show_html(self, html: str, base_dir: Path | None = None) -> None:
        """Replace the document; relative resources resolve against ``base_dir``."""
        self.cancel_hover()
        self._base_dir = base_dir
        self._persistent, self._transient = [], []
        self._notes = {}
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
        from jpbrief.ui.services.passage_map import MARKER_SCHEMES, PassageMap  # after the first paint

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

    # -- the right-click menu ------------------------------------------------------
    def set_passage_notes(self, notes: dict[str, list[tuple[int, str]]]) -> None:
        """The notes on the document's passages (anchor -> (id, text)): the right-click
        menu on a passage offers to edit each; kept until the document changes."""
        self._notes = {anchor: list(found) for anchor, found in notes.items()}

    def context_menu(self, pos: QPoint) -> QMenu:
        """Qt's menu for the point ``pos`` of the viewport (Copy, Select all, ...), then one
        "Edit note" entry per note on the passage there."""
        from jpbrief.ui.widgets.sidebar import excerpt

        scrolled = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(pos + scrolled)  # Qt wants document coordinates
        menu.setParent(self, menu.windowFlags())  # deleted with the reader at the latest
        notes = self._notes.get(self.anchor_at(self.cursorForPosition(pos).position()), [])
        if notes:
            menu.addSeparator()
        for note_id, text in notes:
            shown = excerpt(" ".join(text.split()), 40).replace("&", "&&")  # no access key
            action = menu.addAction(self.tr("Edit note “{note}”…").format(note=shown))
            action.triggered.connect(lambda _checked=False, i=note_id: self.note_edit_requested.emit(i))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

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
        # The place is kept: the first character in view stays at the top (a narrower window
        # makes the text longer, and the same pixel offset would be an earlier section).
        place = None
        if not self.document().isEmpty() and self.verticalScrollBar().value() > 0:
            first = self.cursorForPosition(QPoint(4, 1))
            place = (first.position(), self.cursorRect(first).top())
        if not self.document().isEmpty():
            self._apply_measure(scroll_bar=True)
        super().resizeEvent(event)
        self._apply_measure()
        if place is not None:
            position, offset = place
            moved = self.cursorRect(self.cursor_at(position)).top() - offset
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved)

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

