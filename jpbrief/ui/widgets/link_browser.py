"""Links and pointer gestures of the reading view, turned into intent signals.

Links never navigate by themselves (``setOpenLinks(False)``): a click, a hover resting
on a marker (after ``HOVER_DELAY_MS``) or Enter on a marker reached with Tab becomes a
signal carrying what was asked for, where to put its card, and how it was triggered.
Tool-tips are shown as text, never as markup that could load a resource.

Markers are small: a click or a resting pointer within ``HIT_SLOP`` pixels of one counts
as on it, and the marker reached with Tab gets a solid focus ring (Qt's own is a faint
dotted box).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QTextBrowser, QWidget

from jpbrief.core.model import Glossary
from jpbrief.ui.qt_namespace import Qt
from jpbrief.ui.services.markup import escape, literal

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QCursor, QFocusEvent, QKeyEvent, QMouseEvent, QPaintEvent, QTextCursor

    from jpbrief.core.labels import Labels

HOVER_DELAY_MS = 400
"""How long the pointer rests on a footnote or cross-reference marker before its card opens."""

HIT_SLOP = 7
"""How far (pixels) around a footnote or cross-reference marker a click or hover still hits it."""

_SLOP_PROBES = [(dx, dy) for r in (3, HIT_SLOP) for dx, dy in
                ((0, r), (0, -r), (r, 0), (-r, 0), (r, r), (-r, r), (r, -r), (-r, -r))]

_WINDOW_KEYS = (QKeySequence.StandardKey.MoveToStartOfDocument, QKeySequence.StandardKey.MoveToEndOfDocument)
"""Keys the text control would take for its (invisible) cursor: the window's actions get them."""


class LinkBrowser(QTextBrowser):
    """A text browser whose links and gestures only emit intents."""

    # The trigger ("hover", "click" or "keyboard") travels with the request: a hover
    # card closes when the pointer leaves, a keyboard one only on Esc.
    footnote_requested = Signal(int, QPoint, str)  # footnote number, where to show the card, trigger
    crossref_requested = Signal(str, str, QPoint, str)  # article id, anchor, where, trigger
    # A footnote of a named article (a theme briefing shows several): article id, number, where, trigger
    article_footnote_requested = Signal(str, int, QPoint, str)
    passage_requested = Signal(str, str)  # article id, anchor: a briefing's way back to a passage
    anchor_requested = Signal(str)  # a place in the same article
    external_link_requested = Signal(str)  # the exact URL, to be confirmed
    back_requested = Signal()
    forward_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTabChangesFocus(False)
        self.setMouseTracking(True)
        self._glossary: dict[str, str] = {}
        self._cards: Glossary | None = None
        self._labels: Labels | None = None  # the interface's words for the cards (None: English)
        self._hover_href = ""
        self._hover_pos = QPoint()
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_DELAY_MS)
        self._hover_timer.timeout.connect(self._hover_elapsed)
        self._click_pos: QPoint | None = None
        self._press_pos: QPoint | None = None
        self._cursor_before: QCursor | None = None  # while the pointer is beside a marker
        self._ring: QRect | None = None  # where the focus ring was last painted
        self._tabbed = False  # a marker can have the focus only once Tab has been pressed
        self.anchorClicked.connect(self._on_anchor_clicked)

    def set_labels(self, labels: Labels) -> None:
        """The interface's words for the glossary cards' own notes."""
        self._labels = labels

    def set_glossary(self, glossary: dict[str, str] | Glossary) -> None:
        """The glossary behind ``gloss:`` links: the library's (its cards show Japanese
        names), or plain expansions by acronym."""
        if isinstance(glossary, Glossary):
            self._cards = glossary
            self._glossary = {a.term: " / ".join(a.expansions) for a in glossary.acronyms}
        else:
            self._cards = None
            self._glossary = dict(glossary)

    def cancel_hover(self) -> None:
        self._hover_href = ""
        self._hover_timer.stop()

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
        from jpbrief.core import links  # the link vocabulary loads on first use, after the first paint

        self.cancel_hover()
        match links.parse(href):
            case links.FootnoteLink(number, article) if article:
                self.article_footnote_requested.emit(article, number, where, trigger)
            case links.FootnoteLink(number):
                self.footnote_requested.emit(number, where, trigger)
            case links.PassageLink(article, anchor):
                self.passage_requested.emit(article, anchor)
            case links.CrossRefLink(article, anchor):
                self.crossref_requested.emit(article, anchor, where, trigger)
            case links.ExternalLink(url):
                self.external_link_requested.emit(url)
            case links.AnchorLink(anchor):
                self.anchor_requested.emit(anchor)
            case _:
                pass  # glossary links only explain themselves on hover; anything else is ignored

    def focused_href(self) -> str:
        """The link the keyboard focus is on (Tab selects it), or ''.

        A selection counts only if it is exactly one link: both of its ends carry the
        same href, and it is no longer than a marker or an acronym.
        """
        from PySide6.QtGui import QTextCursor as Cursor  # loads on first use, after the first paint

        cursor = self.textCursor()
        if not cursor.hasSelection() or len(cursor.selectedText()) > 40:
            return ""
        end_format = cursor.charFormat()
        probe = Cursor(self.document())
        probe.setPosition(cursor.selectionStart() + 1)
        start_format = probe.charFormat()
        if end_format.isAnchor() and start_format.isAnchor():
            href = end_format.anchorHref()
            return href if href == start_format.anchorHref() else ""
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and any(
            event.matches(key) for key in _WINDOW_KEYS  # type: ignore[attr-defined]
        ):
            event.ignore()  # not the text control's: Ctrl+Home/End are the window's actions
            return False
        return super().event(event)

    # -- the marker in focus ---------------------------------------------------------
    def focus_ring_rect(self) -> QRect | None:
        """Where the ring goes round the marker the keyboard is on (viewport), or None."""
        if not self.focused_href():
            return None
        cursor = self.textCursor()
        from PySide6.QtGui import QTextCursor as Cursor

        start, end = Cursor(cursor), Cursor(cursor)
        start.setPosition(cursor.selectionStart())
        end.setPosition(cursor.selectionEnd())
        left, right = self.cursorRect(start), self.cursorRect(end)
        if left.top() != right.top():  # wrapped: ring the part on the first line
            right = QRect(left.left() + 8, left.top(), 1, left.height())
        return left.united(right).adjusted(-1, 0, 1, 1)  # over Qt's dotted box, which it hides

    def focus_ring_colour(self) -> QColor:
        return self.palette().color(self.palette().ColorRole.Highlight)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # Nothing asked of the text cursor before Tab is first pressed: not at the first paint.
        ring = self.focus_ring_rect() if self._tabbed and self.hasFocus() else None
        if ring != self._ring:  # Qt repaints only the text's own rectangles: the ring's too
            for moved in (ring, self._ring):
                if moved is not None:
                    self.viewport().update(moved.adjusted(-2, -2, 2, 2))
            self._ring = ring
        if ring is not None:
            from PySide6.QtGui import QPainter, QPen

            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            colour = self.focus_ring_colour()
            fill = QColor(colour)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.setPen(QPen(colour, 2))
            painter.drawRoundedRect(ring, 3, 3)
            painter.end()

    def focusNextPrevChild(self, next: bool) -> bool:
        self._tabbed = True  # Tab and Shift+Tab move between the markers
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

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
        self.cancel_hover()
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        near = ""
        if event.button() == Qt.MouseButton.LeftButton:
            self._click_pos = pos
            pressed = self._press_pos
            if not self.anchorAt(pos) and pressed is not None and (pressed - pos).manhattanLength() < 4:
                near = self.card_link_near(pos)  # a click just beside a marker: Qt sees no link
        super().mouseReleaseEvent(event)
        self._click_pos = self._press_pos = None
        if near:
            self.activate_href(near, self._point_for_pos(pos), "click")

    def card_link_near(self, pos: QPoint) -> str:
        """The footnote or cross-reference marker at ``pos`` or within ``HIT_SLOP`` of it
        (nearest first), or '': markers are small, and a touchpad is not precise."""
        from jpbrief.core import links

        href = self.anchorAt(pos)
        if href:
            return href if links.is_card_link(href) else ""
        for dx, dy in _SLOP_PROBES:
            href = self.anchorAt(pos + QPoint(dx, dy))
            if links.is_card_link(href):
                return href
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        pos = event.position().toPoint()
        href = self.card_link_near(pos)  # a card link or ''
        beside = bool(href) and not self.anchorAt(pos)  # Qt's pointing hand: only on the glyphs
        if beside != (self._cursor_before is not None):
            if beside:
                self._cursor_before = self.viewport().cursor()
                self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                assert self._cursor_before is not None
                self.viewport().setCursor(self._cursor_before)
                self._cursor_before = None
        if href:
            if href != self._hover_href:
                self._hover_href = href
                self._hover_pos = pos
                self._hover_timer.start()
        else:
            self._hover_href = ""
            self._hover_timer.stop()

    def leaveEvent(self, event: QEvent) -> None:
        self.cancel_hover()
        super().leaveEvent(event)

    def _hover_elapsed(self) -> None:
        if self._hover_href and self.card_link_near(self._hover_pos) == self._hover_href:
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

        from jpbrief.core import links

        if not isinstance(event, QHelpEvent):
            return False
        link = links.parse(self.anchorAt(event.pos()))
        if isinstance(link, links.GlossaryLink):
            tip = self.glossary_tooltip(link.term)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
        if isinstance(link, links.FootnoteLink | links.CrossRefLink):
            QToolTip.hideText()  # the card explains it
            return True
        title = self.cursorForPosition(event.pos()).charFormat().toolTip()
        if title:
            QToolTip.showText(event.globalPos(), literal(title), self.viewport())
        else:
            QToolTip.hideText()
        return True

    def glossary_tooltip(self, term: str) -> str | None:
        """A glossary card (rich text): the term, its expansions and Japanese names, as text."""
        if self._cards is not None:
            from jpbrief.core.glossary_card import card_html

            labels = {"labels": self._labels} if self._labels else {}
            return card_html(self._cards, term, **labels)
        expansion = self._glossary.get(term)
        return f"<qt><b>{escape(term)}</b>: {escape(expansion)}</qt>" if expansion else None

