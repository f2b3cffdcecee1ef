"""The reader application: builds the widgets and wires every signal in one place.

Widgets only emit intents; :mod:`jpbrief.ui.wiring` connects them to the controllers built
here (and to the few methods here: cards, start-up, library hand-over). The window paints
the last-read article before the search index is touched: indexing starts from a
zero-delay timer after the reader's first paint, in a worker thread.

Only what the first paint shows is built up front: the window, the library list and the
reader. Everything else is built (and its module imported) the first time something needs
it: see :mod:`jpbrief.ui.parts`, whose properties this class inherits. The menus reach a
part built on demand through a lambda, so connecting them builds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtWidgets import QApplication, QWidget

from jpbrief.core.model import Library
from jpbrief.ui import i18n, wiring
from jpbrief.ui.actions import Actions
from jpbrief.ui.controllers.annotations import AnnotationsController
from jpbrief.ui.controllers.appearance import AppearanceController
from jpbrief.ui.controllers.reading import ReadingController
from jpbrief.ui.controllers.reload import LibraryReload
from jpbrief.ui.controllers.search import SearchController
from jpbrief.ui.labels import interface_labels
from jpbrief.ui.parts import LIBRARY_TAB, NOTES_TAB, SEARCH_TAB, THEMES_TAB, TIMELINE_TAB, OnDemandParts
from jpbrief.ui.ports import LaunchPaths, NotesPort
from jpbrief.ui.services.appearance import Appearance, ensure_style, reader_font
from jpbrief.ui.services.settings import Settings
from jpbrief.ui.widgets.main_window import MainWindow
from jpbrief.ui.widgets.reader import ReaderView
from jpbrief.ui.widgets.sidebar import LibraryPanel

if TYPE_CHECKING:
    from collections.abc import Collection

    from jpbrief.ui.controllers.documents import ConfirmUrl
    from jpbrief.ui.ports import SearchIndexPort

translate = QCoreApplication.translate


class ReaderApp(OnDemandParts, QObject):
    """Owns the library, the settings and the widgets; decides what each intent does."""

    def __init__(
        self,
        library: Library,
        content_dir: Path,
        settings: Settings,
        *,
        search_factory: Callable[[], SearchIndexPort] | None = None,
        confirm_url: ConfirmUrl | None = None,
        rendered: Mapping[str, str] | None = None,
        notes_factory: Callable[[], NotesPort] | None = None,
        where: LaunchPaths | None = None,
        load: Callable[[], Library] | None = None,
        index_at_start: bool = True,
    ) -> None:
        """``rendered``: articles' HTML from the start-up cache (no CSS, no marking);
        ``notes_factory``: opens the notes store (after the first paint; None: no notes);
        ``where``: resources and the search index's folders (default: the installed layout);
        ``load``: reads the library again, for a reload (default: the folder with the packs);
        ``index_at_start``: open (or build) the search index right after the first paint;
        False: when the search panel is first built (the library is as the last session
        left it, so its index most likely exists: why hold its memory before a search)."""
        super().__init__()
        self.where = where or LaunchPaths.default()
        self.library = library
        self._index_at_start = index_at_start
        self.content_dir = Path(content_dir)
        self.settings = settings
        self._search_factory = search_factory
        self._search = None
        self._card = None
        self._themes_panel = None
        self._search_panel = None
        self._notes_panel = None
        self._packs = None
        resources = self.where.resources
        self.appearance = Appearance(resources)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            ensure_style(app)  # the style before any widget; palette and style sheet after them
            language = i18n.install(app, resources, settings.language)  # before any text is made
            i18n.apply_font(app, language)
        else:
            language = "en"
        self.language = language
        self.labels = interface_labels()  # the core's words, once, in the interface's language
        self.actions = Actions(self)
        self.reader = ReaderView([self.content_dir, resources])
        self.reader.set_glossary(library.glossary)  # its cards show Japanese names too
        self.reader.set_labels(self.labels)
        self.reader.set_base_font(reader_font(), zoom=settings.zoom)
        self.library_panel = LibraryPanel(library)
        self.window = MainWindow(
            self.actions,
            self.reader,
            [(self.library_panel, translate("Sidebar", "Library")), (None, translate("Sidebar", "Themes")),
             (None, translate("Sidebar", "Search")), (None, translate("Sidebar", "Notes")),
             (None, translate("Sidebar", "Timeline"))],
            with_notes=True,
        )
        self.window.setProperty("jpbrief-language", language)
        for action in self.actions.notes_actions:
            action.setEnabled(False)  # until the notes store is open
        self._confirm_url = confirm_url
        self.searching = SearchController(
            self.window, self.reader, self.appearance, panel=lambda: self.search_panel,
            service=lambda: self.search, passage_map=lambda anchor: self.annotations.passage_map(anchor),
        )
        self.appearance_control = AppearanceController(
            self.settings, self.appearance, self.reader, self.window, self.actions,
            refresh_views=self._refresh_views,
        )
        self.annotations = AnnotationsController(
            library, self.reader, self.window, self.actions, self.appearance, self.settings,
            current=lambda: self.reading.current, panel=lambda: self.notes_panel, factory=notes_factory,
        )
        self.reading = ReadingController(
            library, self.content_dir, self.reader, self.window, self.library_panel, self.actions,
            self.appearance, settings, self.annotations, rendered=rendered, labels=self.labels,
            language=language,
            mark_spans=self.searching.mark_spans, themes_panel=lambda: self.themes_panel,
            dismiss_card=self._dismiss_card,
        )
        self.content_reload = LibraryReload(  # also for whoever installs a content pack
            self.content_dir, load,
            library=lambda: self.library, current=lambda: self.reading.current, swap=self._take_library,
            show=self.reading.show_reloaded, reader=self.reader, banner=self.window.banner,
            status=lambda message: self.window.statusBar().showMessage(message, 5000), parent=self,
        )
        wiring.connect_signals(self)
        # Palette and style sheet once the widgets exist but before any is shown, so none
        # has been polished yet: set earlier, every widget created pays for the style sheet.
        self.appearance_control.apply_style()
        self.appearance_control.check_action()

    def use_library(self, library: Library, changed: Collection[str]) -> None:
        """A content pack came, changed or went: every part shows ``library``; the search
        index re-indexes ``changed`` only."""
        self._share_library(library)
        if self._search is not None:  # queued before the query the new search panel runs again
            self._search.update(library, changed)
        self._rebuild_panels((THEMES_TAB, SEARCH_TAB, NOTES_TAB))
        self.reading.use_library(library, changed)
        self.annotations.use_library(library)
        self._free_replaced()

    def _rebuild_panels(self, tabs: Collection[int]) -> None:
        """Build again those of ``tabs``' panels that were built (their lists name themes and
        articles); the search panel keeps its query and filters and runs the query again."""
        old_search = self._search_panel if SEARCH_TAB in tabs else None
        attributes = {THEMES_TAB: "_themes_panel", SEARCH_TAB: "_search_panel", NOTES_TAB: "_notes_panel"}
        for index in tabs:
            attribute = attributes[index]
            if getattr(self, attribute) is not None:
                setattr(self, attribute, None)
                self._build_tab(index)  # replaces the old panel in its tab
        if old_search is not None:
            self.search_panel.carry_over(old_search)

    def _build_tab(self, index: int) -> QWidget:
        """The panel of a sidebar tab, built now if the tab still holds its placeholder."""
        panels: dict[int, Callable[[], QWidget]] = {
            LIBRARY_TAB: lambda: self.library_panel,
            THEMES_TAB: lambda: self.themes_panel,
            SEARCH_TAB: lambda: self.search_panel,
            NOTES_TAB: lambda: self.notes_panel,
            TIMELINE_TAB: lambda: self.chronology.panel,  # wired by its controller
        }
        return panels[index]()

    def _dismiss_card(self) -> None:
        if self._card is not None:
            self._card.dismiss()

    def _take_library(self, library: Library) -> None:
        """Hand a reloaded library to every part that holds one (see controllers.reload)."""
        self._share_library(library)
        self.reading.take_library(library)
        self.annotations.use_library(library)
        self.reader.set_glossary(library.glossary)  # its cards show Japanese names too
        for panel in (self.library_panel, self._themes_panel, self._notes_panel):
            if panel is not None:
                panel.library = library
        self._refresh_views(rerender=False)
        if self._search is not None:  # the next query indexes the new library
            self._search.shutdown()
            self._search = None
        self._rebuild_panels((SEARCH_TAB,))
        self._free_replaced()

    @staticmethod
    def _free_replaced() -> None:
        """Free the library just replaced and hand its pages back (reloads read the new one
        from the start-up cache: see library_cache.reread): at 1,000 articles about 4 MB
        more, in some 20 ms (``benchmarks/reload_rss_bench.py``)."""
        from jpbrief.core.memory import collect_and_give_back

        collect_and_give_back()

    def _share_library(self, library: Library) -> None:
        """The parts that only read the library read ``library`` from now on."""
        self.library = library
        built = self.__dict__  # the parts built on first use so far (see cached_property)
        for name in ("documents", "briefing", "notes_export"):
            if name in built:
                built[name].library = library
        if "chronology" in built:
            self.chronology.use_library(library)

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Show the window with the last-read (or first) article; search waits for first paint."""
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.window.splitter.restoreState(splitter)
        sidebar = self.window.sidebar
        tab = self.settings.sidebar_tab
        if not 0 <= tab < sidebar.count():
            tab = LIBRARY_TAB
        if tab <= THEMES_TAB:
            self._build_tab(tab)  # shown by the first paint
        # The Search, Notes and Timeline panels need what comes after the first paint (the
        # notes store, the events): their tab shows its placeholder until after_first_paint.
        was_blocked = sidebar.blockSignals(True)
        try:
            sidebar.setCurrentIndex(tab)
        finally:
            sidebar.blockSignals(was_blocked)
        self.window.banner.show_problems(self.library, self.content_dir)
        first = self.library.article(self.settings.last_article) or (
            self.library.articles[0] if self.library.articles else None
        )
        # The text goes in before the window shows, as in any Qt reader: it is then laid out
        # once, when the window gets its size (put in afterwards, it is laid out at the old
        # width, again for the scroll bar, and again for the margins). Its saved reading
        # position needs that layout, so it is restored once the window is shown.
        self.reading.show_first(first)
        self.window.show()
        self.reading.place_first(first)

    def after_first_paint(self) -> None:
        """Work that must not delay the first paint: notes (and with them the saved reading
        position of the article shown), the search index, the watchers."""
        self.annotations.open_notes()
        self._build_tab(self.window.sidebar.currentIndex())  # the tab restored by start()
        self.reading.after_first_paint()
        self.appearance_control.system_scheme_changed()  # start-up read the palette: ask Qt now
        self.content_reload.start_watching()  # live preview: a saved file shows in place
        if self._index_at_start:
            self.search.prepare()
        self.packs.watch()

    def save_state(self) -> None:
        self._dismiss_card()
        self.reading.remember_position()
        self.settings.set_window_state("geometry", self.window.saveGeometry())
        self.settings.set_window_state("splitter", self.window.splitter.saveState())
        self.settings.sidebar_tab = self.window.sidebar.currentIndex()
        self.settings.sync()
        if self._search is not None:
            self._search.shutdown()
        if self._packs is not None:
            self._packs.shutdown()
        self.content_reload.stop()
        self.annotations.close()

    # ------------------------------------------------------------------ cards
    def show_footnote(self, number: int, where: QPoint, trigger: str = "click") -> bool:
        current = self.reading.current
        if current is None:
            return False
        return self.card.show_footnote(self.library, current.id, number, where, opened_by=trigger)

    def show_article_footnote(self, article_id: str, number: int, where: QPoint, trigger: str) -> bool:
        """A footnote of a named article (a theme briefing's passages come from several)."""
        return self.card.show_footnote(self.library, article_id, number, where, opened_by=trigger)

    def show_crossref(self, article_id: str, anchor: str, where: QPoint, trigger: str = "click") -> bool:
        return self.card.show_crossref(self.library, article_id, anchor, where, opened_by=trigger)

    # ------------------------------------------------------------------ view
    def show_panel(self, panel: Any) -> None:
        self.window.show_panel(panel)

    def sidebar_changed(self, index: int) -> None:
        if index >= 0:
            self.settings.sidebar_tab = index
            self._build_tab(index)

    def _refresh_views(self, *, rerender: bool = True) -> None:
        """Redraw what the appearance colours: the lists and (``rerender``) the article."""
        self.library_panel.populate()
        if self.reading.current is not None:
            self.library_panel.show_article(self.reading.current)
        if self._themes_panel is not None:
            self._themes_panel.populate()
            self._themes_panel.show_theme(self.reading.marked_theme)
        if rerender:
            self.reading.rerender()
            if "briefing" in self.__dict__:
                self.briefing.rerender()


def open_notes_store() -> NotesPort:
    from jpbrief.core.notes import NotesStore, default_db_path

    return NotesStore(default_db_path())


