"""The sidebar panels: the library with the current article's outline, and the themes.

Each panel only shows the model and emits intents (``article_requested``,
``section_requested``, ``theme_selected``, ``passage_requested``); the app wires them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jpbrief.core.model import Article, Library, Passage
from jpbrief.ui.i18n import localised
from jpbrief.ui.qt_namespace import set_properties
from jpbrief.ui.services.markup import escape, literal
from jpbrief.ui.widgets.rich_list import RichList

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent


def section_caption(text: str) -> QLabel:
    label = QLabel(text.upper())
    set_properties(label, textFormat="PlainText")  # the digest's caption carries a theme label
    label.setObjectName("sectionCaption")
    return label


def excerpt(text: str, limit: int = 150) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–-") + "…"



COLUMN_SPACING = 4
"""Between a caption and its list."""


def _column(*parts: QWidget | QLayout) -> QWidget:
    """A borderless vertical stack: the caption-over-list unit both sidebar panels use."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(COLUMN_SPACING)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return column

def _split(panel: QWidget, top: QWidget, bottom: QWidget, *, stretch: tuple[int, int]) -> QSplitter:
    """Fill ``panel`` with ``top`` over ``bottom``, the border between them draggable."""
    splitter = QSplitter()
    set_properties(splitter, orientation="Vertical")
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(splitter)
    return splitter


class LibraryPanel(QWidget):
    """The articles (title, author or publisher, date) above the open article's outline."""

    article_requested = Signal(str)
    section_requested = Signal(str)  # anchor in the open article

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.articles = RichList(self.tr("Articles"), lines=4)  # title: up to three lines at 330 px; meta
        self.articles.setObjectName("articleList")
        self.outline = RichList(self.tr("Sections of this article"))
        self.outline.setObjectName("outlineList")
        self.articles.chosen.connect(lambda target: self.article_requested.emit(str(target)))
        self.outline.chosen.connect(lambda target: self.section_requested.emit(str(target)))

        self._caption = section_caption(self.tr("Articles"))
        top = _column(self._caption, self.articles)
        bottom = _column(section_caption(self.tr("In this article")), self.outline)
        self._splitter = _split(self, top, bottom, stretch=(0, 1))  # the outline takes what is left
        self.populate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_articles()

    def fit_articles(self) -> None:
        """Give the article list the height its rows need, up to half the panel; the
        outline the rest. Rows are all alike (``lines=4``), so that height is exact."""
        total = self._splitter.height()
        if total <= 0:
            return
        need = (self._caption.sizeHint().height() + COLUMN_SPACING
                + self.articles.height_for_rows(max(1, self.articles.count())))
        top = min(need, total // 2)
        self._splitter.setSizes([top, total - top - self._splitter.handleWidth()])

    def populate(self) -> None:
        self.articles.clear()
        for article in self.library.articles:
            published = localised(article.published or "")
            meta = " · ".join(part for part in (article.byline, published) if part)
            html = f"<b>{escape(article.title)}</b>"
            if meta:
                html += f'<br><span class="muted">{escape(meta)}</span>'
            tip = f"{article.title}\n{meta}" if meta else article.title
            if article.pack:  # from a content pack: say which (Library.packs has its title)
                pack = self.library.packs.get(article.pack, article.pack)
                shown = escape(self.tr("Content pack: {pack}").format(pack=pack))
                html += f'<br><span class="muted">{shown}</span>'
                origin = self.tr("From the content pack “{pack}” ({id})").format(pack=pack, id=article.pack)
                tip += f"\n{origin}"
            tip = literal(tip)
            self.articles.add_item(f"{article.title}. {meta}".strip(), html, article.id, tip)
        if self.isVisible():  # a content pack added or took articles: fit the list again
            self.fit_articles()

    def show_article(self, article: Article) -> None:
        """Select the open article and list its sections."""
        row = self.articles.row_of(article.id)
        if row is not None:
            self.articles.setCurrentRow(row)
        self.outline.clear()
        beginning = self.tr("Beginning")
        self.outline.add_item(beginning, f"<i>{escape(beginning)}</i>", "", self.tr("Top of the article"))
        for passage in article.passages:
            if passage.kind == "heading":
                self.outline.add_item(passage.text, escape(passage.text), passage.anchor)

    def mark_section(self, anchor: str) -> None:
        """Follow the reading position in the outline, without emitting anything."""
        article_anchors = self.outline.targets()
        if anchor in article_anchors:
            self.outline.setCurrentRow(article_anchors.index(anchor))


FILL_STEP = 25
"""Articles whose passages a digest adds at a time (see :meth:`ThemesPanel.show_theme`)."""


class ThemesPanel(QWidget):
    """The themes (label, passage count, description on hover) and the chosen one's digest.

    Until a theme is chosen the digest, empty, is hidden under its caption and the theme
    list has the whole panel; then the list keeps what its rows need, up to half the panel,
    and the digest the rest (:meth:`fit_lists`).
    """

    theme_selected = Signal(str)  # theme id, '' to clear
    passage_requested = Signal(str, str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.current = ""
        self._fill: list[Article] | None = None  # the articles of a digest being filled
        self._filled = 0
        self.themes = RichList(self.tr("Themes"), lines=2)
        self.themes.setObjectName("themeList")
        self.digest = RichList(self.tr("Passages of the chosen theme"), lines=7)  # where: 3 lines, excerpt: 4
        self.digest.setObjectName("digestList")
        self.digest_caption = section_caption(self.tr("Choose a theme"))
        self.digest_caption.setWordWrap(True)  # "COUNTERSTRIKE · 4 IN 2 ARTICLES" whole, on two lines
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear theme marking"))
        self.clear_button.setToolTip(self.tr("Stop marking this theme's passages (Ctrl+Shift+M)"))
        self.clear_button.setVisible(False)
        self.clear_button.clicked.connect(lambda: self.theme_selected.emit(""))
        self.themes.chosen.connect(lambda target: self.theme_selected.emit(str(target)))
        self.digest.chosen.connect(self._digest_chosen)

        self._caption = section_caption(self.tr("Themes"))
        top = _column(self._caption, self.themes)
        header = QHBoxLayout()
        header.addWidget(self.digest_caption, 1)
        header.addWidget(self.clear_button)
        self._bottom = _column(header, self.digest)
        self._splitter = _split(self, top, self._bottom, stretch=(1, 0))
        self.digest.setVisible(False)  # until a theme is chosen
        self._fitted_for: bool | None = None  # whether a theme was chosen when the heights were shared
        self.populate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_lists()

    def fit_lists(self) -> None:
        """Share the panel's height between the theme list and the digest (see the class)
        when a theme comes to be chosen or none to be, so a border the reader dragged stays
        while they go from theme to theme. A window resized later grows or shrinks the list
        while no theme is chosen, the digest once one is."""
        chosen = self.current in self.library.themes
        self.digest.setVisible(chosen)
        self._splitter.setStretchFactor(0, 0 if chosen else 1)
        self._splitter.setStretchFactor(1, 1 if chosen else 0)
        total = self._splitter.height() - self._splitter.handleWidth()
        if total <= 0 or not self.isVisible() or chosen == self._fitted_for:
            return
        self._fitted_for = chosen
        if chosen:
            need = (self._caption.sizeHint().height() + COLUMN_SPACING
                    + self.themes.height_for_rows(max(1, self.themes.count())))
            top = min(need, total // 2)
        else:
            top = total - self._bottom.minimumSizeHint().height()
        self._splitter.setSizes([top, total - top])

    def populate(self) -> None:
        self.themes.clear()
        for theme in self.library.themes.values():
            count = self.library.theme_count(theme.id)
            counted = self.tr("%n passage(s)", None, count)
            html = (f"{escape(theme.label)}&nbsp;&nbsp;"
                    f'<span class="muted">{escape(counted).replace(" ", "&nbsp;")}</span>')
            self.themes.add_item(
                f"{theme.label} ({counted})", html, theme.id, literal(theme.description)
            )

    def show_theme(self, theme_id: str) -> None:
        """List the digest of a theme's passages across all articles ('' clears it).

        The caption's counts come from the articles' headers; the rows are added
        ``FILL_STEP`` articles at a time, the rest from zero-delay timers, so a theme
        running through thousands of articles (whose passages a warm start has not decoded
        yet) never freezes the window: the first rows show at once, the list fills behind
        them, and choosing another theme stops the fill."""
        self.current = theme_id
        self._fill = None
        self.digest.clear()
        theme = self.library.themes.get(theme_id)
        self.clear_button.setVisible(theme is not None)
        self.fit_lists()
        if theme is None:
            self.themes.clearSelection()
            self.digest_caption.setText(self.tr("Choose a theme").upper())
            return
        row = self.themes.row_of(theme_id)
        if row is not None:
            self.themes.setCurrentRow(row)
            self.themes.scrollToItem(self.themes.item(row))  # the list may just have shrunk
        carrying = [article for article in self.library.articles if article.theme_count(theme_id)]
        total = sum(article.theme_count(theme_id) for article in carrying)
        self.digest_caption.setText(self.tr("{theme} · {passages} in {articles}").format(
            theme=theme.label, passages=total, articles=self.tr("%n article(s)", None, len(carrying)),
        ).upper())
        self._fill, self._filled = carrying, 0
        self._fill_step(theme_id, carrying)

    def _fill_step(self, theme_id: str, fill: list[Article]) -> None:
        if fill is not self._fill:
            return  # another theme was chosen (or the digest cleared) since
        start, self._filled = self._filled, min(self._filled + FILL_STEP, len(fill))
        for article in fill[start:self._filled]:
            for passage in article.passages:
                if theme_id in passage.themes:
                    self._add_digest_row(article, passage)
        if self._filled < len(fill):
            # with the panel as context: a panel replaced (a new library) mid-fill gets no more steps
            QTimer.singleShot(0, self, lambda: self._fill_step(theme_id, fill))
        else:
            self._fill = None

    @property
    def filling(self) -> bool:
        """Whether the digest is still being filled (a long theme: see :meth:`show_theme`)."""
        return self._fill is not None

    def _add_digest_row(self, article: Article, passage: Passage) -> None:
        where = article.title + (f" › {passage.section}" if passage.section else "")
        html = (f'<span class="muted">{escape(where)}</span><br>'
                f"{escape(excerpt(passage.text))}")
        self.digest.add_item(f"{where}: {passage.text}", html, (article.id, passage.anchor),
                             literal(passage.text))

    def digest_targets(self) -> list[tuple[str, str]]:
        return [tuple(t) for t in self.digest.targets()]

    def _digest_chosen(self, target: Any) -> None:
        article, anchor = target
        self.passage_requested.emit(str(article), str(anchor))
