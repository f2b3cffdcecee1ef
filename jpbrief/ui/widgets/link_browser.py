"""Links and pointer gestures of the reading view, turned into intent signals.

Links never navigate by themselves (``setOpenLinks(False)``): a click, a hover resting
on a marker (after ``HOVER_DELAY_MS``) or Enter on a marker reached with Tab becomes a
signal carrying what was asked for, where to put its card, and how it was triggered.
Tool-tips are shown as text, never as markup that could load a resource.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from jpbrief.core import links
from jpbrief.core.glossary_card import card_html
from jpbrief.core.model import Glossary
from jpbrief.ui.services.markup import escape, literal

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor

HOVER_DELAY_MS = 400
"""How long the pointer rests on a footnote or cross-reference marker before its card opens."""


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
        self._hover_href = ""
        self._hover_pos = QPoint()
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_DELAY_MS)
        self._hover_timer.timeout.connect(self._hover_elapsed)
        self._click_pos: QPoint | None = None
        self.anchorClicked.connect(self._on_anchor_clicked)

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
        if links.is_card_link(href):
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
            return card_html(self._cards, term)
        expansion = self._glossary.get(term)
        return f"<qt><b>{escape(term)}</b>: {escape(expansion)}</qt>" if expansion else None

