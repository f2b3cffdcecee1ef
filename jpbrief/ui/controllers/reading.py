"""Reading: which article is open, where in it, the way back and forward, and the marked theme.

Every move goes through :meth:`ReadingController.open_article`: it records the place left
in the history, remembers the reading position (the notes store keeps it across sessions),
shows the article and scrolls to an anchor, a pixel offset or the saved position.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QTextCharFormat

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.ui.labels import rendering_key
from jpbrief.ui.services import library_cache
from jpbrief.ui.services.navigation import History, Place
from jpbrief.ui.services.positions import ReadingPositions

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.core.model import Article, Library
    from jpbrief.core.search.results import Hit
    from jpbrief.ui.actions import Actions
    from jpbrief.ui.controllers.annotations import AnnotationsController
    from jpbrief.ui.services.appearance import Appearance
    from jpbrief.ui.services.settings import Settings
    from jpbrief.ui.widgets.main_window import MainWindow
    from jpbrief.ui.widgets.reader import ReaderView
    from jpbrief.ui.widgets.sidebar import LibraryPanel, ThemesPanel


POSITION_SAVE_MS = 1500
"""How long the view rests after scrolling before its reading position is saved."""


class ReadingController:
    """Opens articles and passages, keeps the history and the reading positions."""

    def __init__(
        self, library: Library, content_dir: Path, reader: ReaderView, window: MainWindow,
        library_panel: LibraryPanel, actions: Actions, appearance: Appearance, settings: Settings,
        annotations: AnnotationsController, *, rendered: Mapping[str, str] | None = None,
        labels: Labels = ENGLISH, language: str = "en",
        mark_spans: Callable[[str, Sequence[tuple[int, int]]], int],
        themes_panel: Callable[[], ThemesPanel], dismiss_card: Callable[[], None],
    ) -> None:
        """``rendered``: articles' HTML from the start-up cache (no CSS, no marking), each
        read when shown; an article rendered here is added to it when it is that store;
        ``labels``/``language``: the interface's words and language (renderings are kept per
        language); ``mark_spans``: marks a search hit's words in a passage (how many); ``themes_panel``: the
        Themes panel (built on first use); ``dismiss_card``: closes an open footnote card."""
        self.library, self.content_dir = library, Path(content_dir)
        self.reader, self.window, self.library_panel = reader, window, library_panel
        self.actions, self.appearance, self.settings = actions, appearance, settings
        self.annotations = annotations
        self._rendered: Mapping[str, str] = rendered if rendered is not None else {}
        self.labels, self.language = labels, language
        self._mark_spans, self._themes_panel, self._dismiss_card = mark_spans, themes_panel, dismiss_card
        self.current: Article | None = None
        self.briefing_theme = ""  # the theme whose briefing fills the pane (no article current)
        self.show_briefing: Callable[[Place], object] | None = None  # set by the app: go to a briefing
        self.marked_theme = ""
        self.history = History()
        self._section_of: dict[str, str] = {}
        self.positions = ReadingPositions(lambda: annotations.notes)
        self._startup_place: tuple[str, int] | None = None
        self._outline_timer = QTimer(reader)  # dies with the widgets it reads
        self._outline_timer.setSingleShot(True)
        self._outline_timer.setInterval(120)
        self._outline_timer.timeout.connect(self._follow_outline)
        # The position is saved as the reader moves (once scrolling rests), not only on quit:
        # a killed process keeps it.
        self._position_timer = QTimer(reader)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_SAVE_MS)
        self._position_timer.timeout.connect(self.remember_position)
        reader.verticalScrollBar().valueChanged.connect(lambda _v: self._moved())

    def _moved(self) -> None:
        self._outline_timer.start()
        if self.current is not None:
            self._position_timer.start()

    # ------------------------------------------------------------------ start-up
    def show_first(self, article: Article | None) -> None:
        """Put the start-up article in the reader before the window shows (laid out once)."""
        if article is not None:
            self._display(article)
        else:
            self.reader.show_html(translate(
                "Reading", "<h1>No articles</h1><p>The content folder has no article that could be "
                "loaded.</p>"))

    def place_first(self, article: Article | None) -> None:
        """Once the window is shown: select the start-up article and scroll to its place."""
        if article is not None:
            # Selected in the library once the list has its final width: selecting an item
            # lays the list out, and its outline would be laid out at each width on the way.
            self.library_panel.show_article(article)
            self._position(article, restore=True)  # recorded in the history after the first paint
            self._startup_place = (article.id, self.reader.verticalScrollBar().value())
        self._update_history_actions()

    def after_first_paint(self) -> None:
        """With the notes store open: the start-up article's saved position, then the
        start-up place in the history (its top anchor would have laid the whole text out)."""
        self._restore_startup_position()
        if self.history.current is None:
            self.record_visit()

    def _restore_startup_position(self) -> None:
        place, self._startup_place = self._startup_place, None
        if place is None or self.current is None or self.current.id != place[0]:
            return
        if self.reader.verticalScrollBar().value() == place[1]:  # unless the reader has moved
            self._position(self.current, restore=True)

    # ------------------------------------------------------------------ positions
    def _render(self, article: Article) -> str:
        if not self.marked_theme:
            key = rendering_key(article.id, self.language)
            html = self._rendered.get(key)
            if html is None:
                from jpbrief.core.render import render_article  # not at start-up with a cache

                html = render_article(article, self.library, with_sources=True, labels=self.labels)
                if isinstance(self._rendered, library_cache.RenderedStore):
                    self._rendered.put(key, html)
            return library_cache.with_css(html, self.appearance.reader_css())
        from jpbrief.core.render import render_article

        return render_article(
            article, self.library, marked_theme=self.marked_theme or None,
            css=self.appearance.reader_css(), with_sources=True, labels=self.labels,
        )

    def _base_dir(self, article: Article) -> Path:
        return Path(article.path).parent if article.path else self.content_dir

    def _place(self) -> Place | None:
        scroll = self.reader.verticalScrollBar().value()
        if self.current is None:
            return Place("", scroll, theme=self.briefing_theme) if self.briefing_theme else None
        return Place(self.current.id, scroll, self.reader.top_anchor())

    def remember_position(self) -> None:
        if self.current is not None:
            self.positions.remember(self.current.id, self.reader.top_anchor(), self.reader.scroll_fraction())

    # ------------------------------------------------------------------ moving
    def open_article(
        self, article_id: str, anchor: str = "", *, record: bool = True, restore: bool = False,
        scroll: int | None = None,
    ) -> bool:
        """Show an article at an anchor, its saved position, or a pixel offset."""
        article = self.library.article(article_id)
        if article is None:
            self.window.statusBar().showMessage(
                translate("Reading", "No article {id} in this library").format(id=repr(article_id)), 5000)
            return False
        self._dismiss_card()
        if record:
            here = self._place()
            if here is not None:
                self.history.update_current(here)
        self.remember_position()
        same = self.current is not None and self.current.id == article.id
        if not same:
            self._display(article)
            self.library_panel.show_article(article)
        self._position(article, anchor, scroll=scroll, restore=restore, fresh=not same)
        if record:
            self.record_visit()
        self._update_history_actions()
        return True

    def leave_for_briefing(self, theme_id: str) -> None:
        """A theme briefing takes the reading pane: the place left is kept in the history
        (and an article's in the reading positions), and no article is current. The caller
        shows the briefing, then records it (:meth:`record_visit`) unless travelling."""
        here = self._place()
        if here is not None:
            self.history.update_current(here)
        self.remember_position()
        self._dismiss_card()
        self.current = None
        self.briefing_theme = theme_id
        self._section_of = {}

    def _display(self, article: Article) -> None:
        """Put an article in the reader and the title bar (the library list: the caller's)."""
        self.reader.show_html(self._render(article), self._base_dir(article))
        self.current, self.briefing_theme = article, ""
        self._section_of = _sections(article)
        self.window.setWindowTitle(f"{article.title} — jpbrief")
        self.settings.last_article = article.id
        self.annotations.draw_highlights()

    def _position(
        self, article: Article, anchor: str = "", *, scroll: int | None = None, restore: bool = False,
        fresh: bool = True,
    ) -> None:
        """Scroll to ``anchor``, a pixel offset, the saved position, or (``fresh``) the top."""
        self.reader.set_transient_selections([])
        if anchor:
            self.reader.scroll_to_anchor(anchor)
        elif scroll is not None:
            self.reader.verticalScrollBar().setValue(scroll)
        elif restore and fresh:
            saved = self.positions.saved(article.id)
            if saved and saved[0] and self.reader.has_anchor(saved[0]):
                self.reader.scroll_to_anchor(saved[0])
            elif saved:
                self.reader.set_scroll_fraction(saved[1])
            else:
                self.reader.verticalScrollBar().setValue(0)
        elif fresh:
            self.reader.verticalScrollBar().setValue(0)

    def record_visit(self) -> None:
        place = self._place()
        if place is not None and place != self.history.current:
            self.history.visit(place)
        self._update_history_actions()

    def open_passage(self, article_id: str, anchor: str, spans: Sequence[tuple[int, int]] = ()) -> bool:
        """Jump to a passage (recorded in history) and mark it, or ``spans`` of its text."""
        from PySide6.QtCore import Qt

        if not self.open_article(article_id, anchor):
            return False
        if not (spans and self._mark_spans(anchor, spans)):
            self._mark_passage(anchor)
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def open_hit(self, hit: Hit) -> bool:
        """Open a search hit's passage with its matched words marked exactly (``Hit.spans``)."""
        return self.open_passage(hit.article, hit.anchor, hit.spans)

    def _mark_passage(self, anchor: str) -> None:
        """Tint the whole passage a jump landed on (every line, margin to margin)."""
        span = self.reader.passage_range(anchor)
        if span is None:
            return
        fmt = QTextCharFormat()
        fmt.setBackground(self.appearance.mark_colour("jump"))
        start, end = span
        end = min(end, self.reader.document().characterCount() - 1)
        self.reader.set_transient_selections(self.reader.mark_ranges([(start, max(start, end - 1))], fmt))

    def go_to_section(self, anchor: str) -> None:
        if self.current is None:
            return
        if anchor:
            self.open_article(self.current.id, anchor)
        else:
            self.open_article(self.current.id, scroll=0)

    def go_to_end(self, *, end: bool) -> None:
        """Ctrl+Home / Ctrl+End: the article's start or end, a move Back returns from (in a
        theme briefing: its start or end)."""
        bar = self.reader.verticalScrollBar()
        target = bar.maximum() if end else 0
        if self.current is None:
            bar.setValue(target)
        else:
            self.open_article(self.current.id, scroll=target)

    def step_section(self, step: int) -> None:
        if self.current is None:
            return
        headings = [""] + [p.anchor for p in self.current.passages if p.kind == "heading"]
        here = self._section_of.get(self.reader.top_anchor(), "")
        index = headings.index(here) if here in headings else 0
        target = max(0, min(len(headings) - 1, index + step))
        self.go_to_section(headings[target])

    def step_article(self, step: int) -> None:
        ids = [a.id for a in self.library.articles]
        if not ids:
            return
        index = ids.index(self.current.id) if self.current and self.current.id in ids else 0
        self.open_article(ids[(index + step) % len(ids)], restore=True)

    def go_back(self) -> None:
        self._travel(self.history.back)

    def go_forward(self) -> None:
        self._travel(self.history.forward)

    def _travel(self, move: Callable[[], Place | None]) -> None:
        here = self._place()
        if here is not None:
            self.history.update_current(here)
        place = move()
        if place is not None and place.theme and self.show_briefing is not None:
            self.show_briefing(place)
        elif place is not None:
            self.open_article(place.article, record=False, scroll=place.scroll)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.actions.back.setEnabled(self.history.can_go_back())
        self.actions.forward.setEnabled(self.history.can_go_forward())

    def _follow_outline(self) -> None:
        self.library_panel.mark_section(self._section_of.get(self.reader.top_anchor(), ""))

    # ------------------------------------------------------------------ a reloaded library
    def take_library(self, library: Library) -> None:
        """Read from ``library`` from now on (see controllers.reload); nothing is shown yet."""
        self.remember_position()
        self.library = library
        self._rendered = {}  # the start-up cache's HTML is of the old files
        if self.marked_theme not in library.themes:
            self.marked_theme = ""

    def show_reloaded(self, article: Article | None) -> None:
        """Put a reloaded article in the reader, not as a visit (its place: the caller's)."""
        self._dismiss_card()
        self.current = None
        self.show_first(article)
        if article is not None:
            self.library_panel.show_article(article)

    # ------------------------------------------------------------------ themes
    def select_theme(self, theme_id: str) -> None:
        """Mark a theme's passages in the reader and list them all ('' clears)."""
        if theme_id and theme_id not in self.library.themes:
            return
        self.marked_theme = theme_id
        panel = self._themes_panel()
        panel.show_theme(theme_id)
        if theme_id:
            self.window.show_panel(panel)
        self.rerender()

    def use_library(self, library: Library, changed: Collection[str]) -> None:
        """A content pack came, changed or went: list and read ``library`` from now on. The
        open article is shown again if it changed, and the first one if it went."""
        self.library = self.library_panel.library = library
        if changed:  # the start-up cache is of the old library: render afresh from now on
            self._rendered = {}
        self.reader.set_glossary(library.glossary)  # its cards show Japanese names too
        self.window.banner.show_problems(library)
        self.library_panel.populate()
        current = self.current
        if current is None or current.id not in changed:
            if current is not None:
                self.library_panel.show_article(current)
            return
        fresh = library.article(current.id)
        if fresh is None:  # its pack was removed
            self.current = None
            self.show_first(library.articles[0] if library.articles else None)
            self.place_first(self.current)
            return
        self.current, self._section_of = fresh, _sections(fresh)
        self.library_panel.show_article(fresh)
        self.rerender()

    def rerender(self) -> None:
        """Render the open article again (a theme or the appearance changed), in place."""
        if self.current is None:
            return
        scroll = self.reader.verticalScrollBar().value()
        self.reader.show_html(self._render(self.current), self._base_dir(self.current))
        self.annotations.draw_highlights()
        self.reader.verticalScrollBar().setValue(scroll)


def _sections(article: Article) -> dict[str, str]:
    """Passage anchor -> anchor of the heading of its section ('' before the first)."""
    current = ""
    result: dict[str, str] = {}
    for passage in article.passages:
        if passage.kind == "heading":
            current = passage.anchor
        result[passage.anchor] = current
    return result
