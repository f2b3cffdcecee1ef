"""The footnote card: a small frameless tool-tip window beside a marker.

It shows an author footnote (number, full citation, the source's structured fields, the
other passages citing the same source, "Copy citation") or an editor's cross-reference
(the corroborating passage of the other article, the sources that passage cites, a link
to jump there). It never takes the keyboard focus and never scrolls the reader; it
closes on Esc, on a click elsewhere, or when the pointer moves away from marker and card.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QEnterEvent, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jpbrief.core import links
from jpbrief.core.model import Library, Source
from jpbrief.ui.i18n import QT_TRANSLATE_NOOP, localised
from jpbrief.ui.services.markup import escape

translate = QCoreApplication.translate

CARD_WIDTH = 440
AWAY_GRACE_MS = 350
"""How long the pointer may be off both marker and card before a hover card closes."""

KIND_LABELS = {
    "news": QT_TRANSLATE_NOOP("FootnoteCard", "News report"),
    "government": QT_TRANSLATE_NOOP("FootnoteCard", "Government document"),
    "think-tank": QT_TRANSLATE_NOOP("FootnoteCard", "Think-tank analysis"),
    "survey": QT_TRANSLATE_NOOP("FootnoteCard", "Survey"),
    "journal": QT_TRANSLATE_NOOP("FootnoteCard", "Journal article"),
    "law-firm": QT_TRANSLATE_NOOP("FootnoteCard", "Law-firm briefing"),
    "blog": QT_TRANSLATE_NOOP("FootnoteCard", "Blog post"),
    "data": QT_TRANSLATE_NOOP("FootnoteCard", "Data set"),
    "other": QT_TRANSLATE_NOOP("FootnoteCard", "Other"),
}


def passage_label(library: Library, article_id: str, anchor: str) -> str:
    """'Article title › Section' for a passage, as plain text."""
    article = library.article(article_id)
    if article is None:
        return f"{article_id}#{anchor}"
    passage = article.passage(anchor)
    section = passage.section if passage and passage.section else None
    return f"{article.title} › {section}" if section else article.title


class FootnoteCard(QFrame):
    """The pop-up card for footnotes and editor's cross-references."""

    passage_requested = Signal(str, str)  # article id, anchor
    citation_copied = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("footnoteCard")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setFixedWidth(CARD_WIDTH)
        self.setAccessibleName(self.tr("Footnote card"))
        self.kind = ""  # "footnote" or "crossref"
        self.number = 0
        self.article = ""  # the footnote's article: a theme briefing shows several
        self.citation = ""
        self.target: tuple[str, str] | None = None
        self._anchor_rect = QRect()
        self._watch_pointer = False
        self._opened_by = ""
        self._away_timer = QTimer(self)
        self._away_timer.setSingleShot(True)
        self._away_timer.setInterval(AWAY_GRACE_MS)
        self._away_timer.timeout.connect(self.dismiss)

        self.heading = QLabel()
        self.heading.setObjectName("cardHeading")
        self.heading.setWordWrap(True)
        self.body = self._rich_label("cardBody")
        self.fields = self._rich_label("cardFields")
        self.related_heading = QLabel()
        self.related_heading.setObjectName("cardSubheading")
        self.related = self._rich_label("cardRelated")
        self.copy_button = QPushButton(self.tr("Copy citation"))
        self.copy_button.setObjectName("cardButton")
        self.copy_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.copy_button.setAccessibleName(self.tr("Copy citation"))
        self.copy_button.clicked.connect(self.copy_citation)
        self.jump_button = QPushButton(self.tr("Go to this passage"))
        self.jump_button.setObjectName("cardButton")
        self.jump_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.jump_button.clicked.connect(self._jump)
        self.hint = QLabel()
        self.hint.setObjectName("cardHint")

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.jump_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        for widget in (self.heading, self.body, self.fields, self.related_heading, self.related):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def _rich_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(False)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.linkActivated.connect(self._on_link)
        return label

    # -- content -------------------------------------------------------------------
    def show_footnote(
        self, library: Library, article_id: str, number: int, at: QPoint, *, opened_by: str = "click"
    ) -> bool:
        """Open the card for footnote ``number`` of an article; False if there is none."""
        article = library.article(article_id)
        source_id = None
        if article is not None:
            for passage in article.passages:
                for footnote in passage.footnotes:
                    if footnote.number == number:
                        source_id = footnote.source_id
                        break
                if source_id:
                    break
        source = library.sources.get(source_id) if source_id else None
        if source is None:
            return False
        showing = (self.kind, self.number, self.article) == ("footnote", number, article_id)
        if self.isVisible() and showing:
            return True  # already showing: keep it where it is
        self.kind = "footnote"
        self.number, self.article = number, article_id
        self.citation = source.citation
        self.target = None
        self.heading.setText(self.tr("Footnote {number}").format(number=number))
        self.setAccessibleName(self.tr("Footnote {number}").format(number=number))
        self.body.setText(f'<div style="font-size: large">{escape(source.citation)}</div>')
        self.fields.setText(_fields_html(source, self._muted()))
        self.fields.setVisible(True)
        others = [c for c in library.citations(source.id)
                  if not (c.article == article_id and c.number == number)]
        if others:
            self.related_heading.setText(self.tr("Also cited in").upper())
            items = []
            for citation in others:
                label = passage_label(library, citation.article, citation.anchor)
                items.append(
                    f'<a href="{escape(links.make(links.PassageLink(citation.article, citation.anchor)))}">'
                    f"[{citation.number}] {escape(label)}</a>"
                )
            self.related.setText("<br>".join(items))
        self._show_related(bool(others))
        self.copy_button.setVisible(True)
        self.jump_button.setVisible(False)
        self.hint.setText(self.tr("Esc closes"))
        self._open(at, opened_by)
        return True

    def show_crossref(
        self, library: Library, article_id: str, anchor: str, at: QPoint, *, opened_by: str = "click"
    ) -> bool:
        """Open the editor's note showing the corroborating passage of another article."""
        article = library.article(article_id)
        passage = article.passage(anchor) if article else None
        if article is None or passage is None:
            return False
        if self.isVisible() and self.kind == "crossref" and self.target == (article_id, anchor):
            return True
        self.kind = "crossref"
        self.number = 0
        self.target = (article_id, anchor)
        self.heading.setText(self.tr("Editor's cross-reference — not part of the author's text"))
        self.setAccessibleName(self.tr("Editor's cross-reference"))
        where = passage_label(library, article_id, anchor)
        self.body.setText(
            f'<div style="color: {self._muted()}">'
            + self.tr("Reported also in <i>{where}</i>:").format(where=escape(where)) + "</div>"
            f'<blockquote style="margin: 6px 0 0 8px">{escape(passage.text)}</blockquote>'
        )
        cited = []
        for footnote in passage.footnotes:
            source = library.sources.get(footnote.source_id)
            if source:
                cited.append(f"[{footnote.number}] {escape(source.citation)}")
        self.citation = "\n".join(
            library.sources[f.source_id].citation for f in passage.footnotes
            if f.source_id in library.sources
        )
        self.fields.setVisible(False)
        if cited:
            self.related_heading.setText(self.tr("Sources cited there").upper())
            self.related.setText("<br>".join(cited))
        self._show_related(bool(cited))
        self.copy_button.setVisible(bool(cited))
        self.jump_button.setVisible(True)
        self.hint.setText(self.tr("Ctrl+Enter goes there · Esc closes"))
        self._open(at, opened_by)
        return True

    def _muted(self) -> str:
        return self.palette().color(QPalette.ColorRole.PlaceholderText).name()

    def _show_related(self, visible: bool) -> None:
        self.related_heading.setVisible(visible)
        self.related.setVisible(visible)

    @property
    def opened_by(self) -> str:
        """How the card was opened: "hover", "click" or "keyboard" ('' before the first)."""
        return self._opened_by

    def _open(self, at: QPoint, opened_by: str) -> None:
        self.adjustSize()
        self._anchor_rect = QRect(at.x() - 12, at.y() - 28, 40, 32)
        self._opened_by = opened_by
        self._watch_pointer = opened_by in ("hover", "click")
        self._away_timer.stop()
        self.move(self._placement(at))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.show()

    def _placement(self, at: QPoint) -> QPoint:
        """Below the marker; above it or shifted left when the screen edge is near."""
        screen = QGuiApplication.screenAt(at) or QGuiApplication.primaryScreen()
        x, y = at.x() - 16, at.y()
        if screen is not None:
            area = screen.availableGeometry()
            if x + self.width() > area.right():
                x = area.right() - self.width()
            x = max(area.left(), x)
            if y + self.height() > area.bottom():
                y = max(area.top(), at.y() - 32 - self.height())
        return QPoint(x, y)

    # -- actions -------------------------------------------------------------------
    def copy_citation(self) -> None:
        if not self.citation:
            return
        QGuiApplication.clipboard().setText(self.citation)
        self.citation_copied.emit(self.citation)

    def _jump(self) -> None:
        if self.target:
            article, anchor = self.target
            self.dismiss()
            self.passage_requested.emit(article, anchor)

    def _on_link(self, href: str) -> None:
        link = links.parse(href)
        if isinstance(link, links.PassageLink):
            self.dismiss()
            self.passage_requested.emit(link.article, link.anchor)

    def dismiss(self) -> None:
        self._away_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.isVisible():
            self.hide()
            self.closed.emit()

    # -- closing rules ---------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.isVisible():
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if (event.matches(QKeySequence.StandardKey.Copy) and self.citation
                    and (self._opened_by == "keyboard" or _no_selection(watched))):
                self.copy_citation()
                return True
            if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.target):
                self._jump()
                return True
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if not self.geometry().contains(event.globalPosition().toPoint()):
                self.dismiss()
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent) and self._watch_pointer:
            pos = event.globalPosition().toPoint()
            if self.geometry().adjusted(-8, -8, 8, 8).contains(pos) or self._anchor_rect.contains(pos):
                self._away_timer.stop()
            elif not self._away_timer.isActive():
                self._away_timer.start()
        elif kind == QEvent.Type.Wheel:
            self.dismiss()
        return False

    def enterEvent(self, event: QEnterEvent) -> None:
        self._away_timer.stop()
        super().enterEvent(event)


def _no_selection(widget: QObject) -> bool:
    """True unless the focused widget has selected text that Ctrl+C should copy instead."""
    cursor_getter = getattr(widget, "textCursor", None)
    if cursor_getter is None:
        return True
    try:
        return not cursor_getter().hasSelection()
    except (TypeError, RuntimeError):
        return True


def _fields_html(source: Source, muted: str) -> str:
    rows = []
    if source.authors:
        rows.append((translate("FootnoteCard", "Author"), ", ".join(source.authors)))
    if source.publisher:
        rows.append((translate("FootnoteCard", "Publisher"), source.publisher))
    if source.date:
        rows.append((translate("FootnoteCard", "Date"), localised(source.date)))
    if source.updated:
        rows.append((translate("FootnoteCard", "Last updated"), localised(source.updated)))
    if source.accessed:
        rows.append((translate("FootnoteCard", "Accessed"), localised(source.accessed)))
    if source.kind:
        kind = KIND_LABELS.get(source.kind)
        rows.append((translate("FootnoteCard", "Kind"),
                     translate("FootnoteCard", kind) if kind else source.kind))
    if source.url:
        rows.append(("URL", source.url))
    if not rows:
        return ""
    cells = "".join(
        f'<tr><td style="padding-right: 12px; color: {muted}">{escape(k)}</td>'
        f"<td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    return f'<table cellspacing="0" cellpadding="1">{cells}</table>'
