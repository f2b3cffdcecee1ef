"""The reader application: builds the widgets and wires every signal in one place.

Widgets only emit intents (``article_requested``, ``theme_selected``,
``passage_requested``, ``footnote_requested``, ...); :meth:`ReaderApp._connect_signals`
connects them to the methods here, grouped by where they come from. The window paints
the last-read article before the search index is touched: indexing starts from a
zero-delay timer after the reader's first paint, in a worker thread.

Only what the first paint shows is built up front: the window, the library list and the
reader. The Themes, Search and Notes panels, the footnote card and the search service
are built (and their modules imported) the first time something needs them, each wired
by its own ``_connect_*`` method below :meth:`ReaderApp._connect_signals`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from jpbrief.core.model import Library
from jpbrief.ui.actions import Actions
from jpbrief.ui.controllers.annotations import AnnotationsController
from jpbrief.ui.controllers.appearance import AppearanceController
from jpbrief.ui.controllers.documents import ConfirmUrl, DocumentsController
from jpbrief.ui.controllers.reading import ReadingController
from jpbrief.ui.controllers.search import SearchController
from jpbrief.ui.ports import LaunchPaths, NotesPort
from jpbrief.ui.services import library_cache
from jpbrief.ui.services.appearance import Appearance, ensure_style, reader_font
from jpbrief.ui.services.settings import Settings
from jpbrief.ui.widgets.main_window import MainWindow
from jpbrief.ui.widgets.reader import ReaderView
from jpbrief.ui.widgets.sidebar import LibraryPanel, ThemesPanel

if TYPE_CHECKING:  # built on first use: their modules load after the first paint
    from jpbrief.ui.ports import SearchIndexPort
    from jpbrief.ui.services.search_service import SearchService
    from jpbrief.ui.widgets.footnote_popup import FootnoteCard
    from jpbrief.ui.widgets.notes_panel import NotesPanel
    from jpbrief.ui.widgets.search_panel import SearchPanel

LIBRARY_TAB, THEMES_TAB, SEARCH_TAB, NOTES_TAB = range(4)
"""The sidebar's tabs, in order."""


class ReaderApp(QObject):
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
        cache_root: Path | None = None,
        notes_factory: Callable[[], NotesPort] | None = None,
        cache_stamp: str | None = None,
        where: LaunchPaths | None = None,
    ) -> None:
        """``rendered``: articles' HTML from the start-up cache (no CSS, no marking);
        ``cache_root``: where to write that cache after the first paint (None: don't), under
        ``cache_stamp``, the content's fingerprint taken before the library was loaded;
        ``notes_factory``: opens the notes store (after the first paint; None: no notes);
        ``where``: resources and the search index's folders (default: the installed layout)."""
        super().__init__()
        self.where = where or LaunchPaths.default()
        self._cache_stamp = cache_stamp
        self.library = library
        self._cache_root = cache_root
        self.content_dir = Path(content_dir)
        self.settings = settings
        self._search_factory = search_factory
        self._search: SearchService | None = None
        self._card: FootnoteCard | None = None
        self._themes_panel: ThemesPanel | None = None
        self._search_panel: SearchPanel | None = None
        self._notes_panel: NotesPanel | None = None
        resources = self.where.resources
        self.appearance = Appearance(resources)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            ensure_style(app)  # the style before any widget; palette and style sheet after them
        self.actions = Actions(self)
        self.reader = ReaderView([self.content_dir, resources])
        # An acronym with two meanings (NSS) shows both.
        self.reader.set_glossary({a.term: " / ".join(a.expansions) for a in library.glossary.acronyms})
        self.reader.set_base_font(reader_font(), zoom=settings.zoom)
        self.library_panel = LibraryPanel(library)
        self.window = MainWindow(
            self.actions,
            self.reader,
            [(self.library_panel, "Library"), (None, "Themes"), (None, "Search"), (None, "Notes")],
            with_notes=True,
        )
        for action in self.actions.notes_actions:
            action.setEnabled(False)  # until the notes store is open
        self.documents = DocumentsController(
            library, self.reader, self.window, self.actions, self.appearance,
            current=lambda: self.reading.current, confirm_url=confirm_url,
        )
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
            self.appearance, settings, self.annotations, rendered=rendered,
            mark_spans=self.searching.mark_spans, themes_panel=lambda: self.themes_panel,
            dismiss_card=self._dismiss_card,
        )
        self._connect_signals()
        # Palette and style sheet once the widgets exist but before any is shown, so none
        # has been polished yet: set earlier, every widget created pays for the style sheet.
        self.appearance_control.apply_style()
        self.appearance_control.check_action()

    # ------------------------------------------------------------------ wiring
    def _connect_signals(self) -> None:
        actions, reader, window, reading = self.actions, self.reader, self.window, self.reading

        # Sidebar: library, outline (the other panels: _connect_themes_panel and below)
        self.library_panel.article_requested.connect(lambda a: reading.open_article(a, restore=True))
        self.library_panel.section_requested.connect(reading.go_to_section)

        # Reader: links, gestures, first paint
        reader.footnote_requested.connect(self.show_footnote)
        reader.crossref_requested.connect(self.show_crossref)
        reader.anchor_requested.connect(reading.go_to_section)
        reader.external_link_requested.connect(self.documents.open_external)
        reader.back_requested.connect(reading.go_back)
        reader.forward_requested.connect(reading.go_forward)
        reader.first_painted.connect(lambda: QTimer.singleShot(0, self._after_first_paint))

        # Notes (the Notes panel: _connect_notes_panel)
        actions.add_bookmark.triggered.connect(self.annotations.toggle_bookmark)
        actions.highlight_selection.triggered.connect(self.annotations.highlight_selection)
        actions.add_note.triggered.connect(lambda: self.annotations.add_note())
        actions.show_notes.triggered.connect(lambda: self.show_panel(self.notes_panel))

        # Window
        window.closing.connect(self.save_state)
        window.back_requested.connect(reading.go_back)
        window.forward_requested.connect(reading.go_forward)
        window.banner.dismissed.connect(lambda: window.statusBar().showMessage("Problems hidden", 3000))
        window.sidebar.currentChanged.connect(self._sidebar_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.appearance_control.system_scheme_changed)

        # Menu actions: File, Edit
        actions.print_article.triggered.connect(self.documents.print_article)
        actions.export_pdf.triggered.connect(lambda: self.documents.export_pdf())
        actions.quit.triggered.connect(window.close)
        actions.copy.triggered.connect(reader.copy)
        actions.find.triggered.connect(self.searching.focus)
        actions.quick_search.triggered.connect(self.searching.focus)

        # Menu actions: View
        looks = self.appearance_control
        actions.zoom_in.triggered.connect(lambda: looks.zoom(self.settings.zoom + 1))
        actions.zoom_out.triggered.connect(lambda: looks.zoom(self.settings.zoom - 1))
        actions.zoom_reset.triggered.connect(lambda: looks.zoom(0))
        actions.appearance_system.triggered.connect(lambda: looks.set_appearance("system"))
        actions.appearance_light.triggered.connect(lambda: looks.set_appearance("light"))
        actions.appearance_dark.triggered.connect(lambda: looks.set_appearance("dark"))
        actions.toggle_dark.triggered.connect(
            lambda: looks.set_appearance("light" if self.appearance.scheme == "dark" else "dark")
        )
        actions.show_library.triggered.connect(lambda: self.show_panel(self.library_panel))
        actions.show_themes.triggered.connect(lambda: self.show_panel(self.themes_panel))
        actions.show_search.triggered.connect(self.searching.focus)
        actions.focus_reader.triggered.connect(lambda: reader.setFocus(Qt.FocusReason.ShortcutFocusReason))
        actions.clear_theme.triggered.connect(lambda: reading.select_theme(""))

        # Menu actions: Go
        actions.back.triggered.connect(reading.go_back)
        actions.forward.triggered.connect(reading.go_forward)
        actions.previous_section.triggered.connect(lambda: reading.step_section(-1))
        actions.next_section.triggered.connect(lambda: reading.step_section(+1))
        actions.previous_article.triggered.connect(lambda: reading.step_article(-1))
        actions.next_article.triggered.connect(lambda: reading.step_article(+1))

        # Menu actions: Help
        actions.shortcuts.triggered.connect(self.documents.show_shortcuts)
        actions.about.triggered.connect(self.documents.show_about)

    # Parts built on first use are wired here, once, when they are built.
    def _connect_themes_panel(self, panel: ThemesPanel) -> None:
        # Sidebar: themes
        panel.theme_selected.connect(self.reading.select_theme)
        panel.passage_requested.connect(self.reading.open_passage)

    def _connect_search_panel(self, panel: SearchPanel) -> None:
        # Search: the panel's queries and chosen results
        panel.search_requested.connect(self.searching.run)
        panel.result_chosen.connect(self.reading.open_hit)

    def _connect_search_service(self, service: SearchService) -> None:
        # Search: answers and status from the worker
        service.results_ready.connect(self.searching.show_results)
        service.state_changed.connect(self.searching.show_status)

    def _connect_notes_panel(self, panel: NotesPanel) -> None:
        # Notes: jump to and remove annotations
        panel.passage_requested.connect(self.reading.open_passage)
        panel.remove_requested.connect(self.annotations.remove_annotation)

    def _connect_card(self, card: FootnoteCard) -> None:
        # Footnote card
        card.passage_requested.connect(self.reading.open_passage)
        card.citation_copied.connect(
            lambda _c: self.window.statusBar().showMessage("Citation copied to the clipboard", 4000)
        )

    # ------------------------------------------------------------------ parts built on first use
    @property
    def themes_panel(self) -> ThemesPanel:
        if self._themes_panel is None:
            panel = self._themes_panel = ThemesPanel(self.library)
            panel.show_theme(self.reading.marked_theme)
            self.window.set_panel(THEMES_TAB, panel)
            self._connect_themes_panel(panel)
        return self._themes_panel

    @property
    def search_panel(self) -> SearchPanel:
        if self._search_panel is None:
            from jpbrief.ui.widgets.search_panel import SearchPanel

            panel = self._search_panel = SearchPanel(self.library)
            self.window.set_panel(SEARCH_TAB, panel)
            self._connect_search_panel(panel)
        return self._search_panel

    @property
    def notes_panel(self) -> NotesPanel:
        if self._notes_panel is None:
            from jpbrief.ui.widgets.notes_panel import NotesPanel

            panel = self._notes_panel = NotesPanel(self.library)
            self.window.set_panel(NOTES_TAB, panel)
            self._connect_notes_panel(panel)
        return self._notes_panel

    @property
    def card(self) -> FootnoteCard:
        """The footnote and cross-reference card (a separate tool-tip window)."""
        if self._card is None:
            from jpbrief.ui.widgets.footnote_popup import FootnoteCard

            card = self._card = FootnoteCard()
            self._connect_card(card)
        return self._card

    @property
    def search(self) -> SearchService:
        """The search service; its index is opened after the first paint, in a worker."""
        if self._search is None:
            from jpbrief.ui.services.search_service import SearchService, default_index_factory

            factory = self._search_factory or default_index_factory(
                self.content_dir, self.library, self.where.search_index, key_dir=self.where.search_key
            )
            service = self._search = SearchService(factory, self)
            self._connect_search_service(service)
        return self._search

    def _build_tab(self, index: int) -> QWidget:
        """The panel of a sidebar tab, built now if the tab still holds its placeholder."""
        panels: dict[int, Callable[[], QWidget]] = {
            LIBRARY_TAB: lambda: self.library_panel,
            THEMES_TAB: lambda: self.themes_panel,
            SEARCH_TAB: lambda: self.search_panel,
            NOTES_TAB: lambda: self.notes_panel,
        }
        return panels[index]()

    def _dismiss_card(self) -> None:
        if self._card is not None:
            self._card.dismiss()

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Show the window with the last-read (or first) article; search waits for first paint."""
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.window.splitter.restoreState(splitter)
        tab = min(self.settings.sidebar_tab, THEMES_TAB)
        self._build_tab(tab)  # shown by the first paint
        self.window.sidebar.setCurrentIndex(tab)
        self.window.banner.show_problems(self.library)
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

    def _after_first_paint(self) -> None:
        """Work that must not delay the first paint: notes (and with them the saved reading
        position of the article shown), the search index, the start-up cache."""
        self.annotations.open_notes()
        self.reading.after_first_paint()
        self.search.prepare()
        if self._cache_root is not None:
            # The model, and the article shown; any other is added when first shown (a
            # library of 10,000 is not rendered at once, freezing the window).
            from jpbrief.core.render import render_article

            current = self.reading.current
            html = {} if current is None else {
                current.id: render_article(current, self.library, with_sources=True)}
            store = library_cache.save(self.content_dir, self._cache_root, self.library, html,
                                       stamp=self._cache_stamp)
            if store is not None:
                self.reading.keep_renderings(store)
            self._cache_root = None

    def save_state(self) -> None:
        self._dismiss_card()
        self.reading.remember_position()
        self.settings.set_window_state("geometry", self.window.saveGeometry())
        self.settings.set_window_state("splitter", self.window.splitter.saveState())
        self.settings.sidebar_tab = self.window.sidebar.currentIndex()
        self.settings.sync()
        if self._search is not None:
            self._search.shutdown()
        self.annotations.close()

    # ------------------------------------------------------------------ cards
    def show_footnote(self, number: int, where: QPoint, trigger: str = "click") -> bool:
        current = self.reading.current
        if current is None:
            return False
        return self.card.show_footnote(self.library, current.id, number, where, opened_by=trigger)

    def show_crossref(self, article_id: str, anchor: str, where: QPoint, trigger: str = "click") -> bool:
        return self.card.show_crossref(self.library, article_id, anchor, where, opened_by=trigger)

    # ------------------------------------------------------------------ view
    def show_panel(self, panel: Any) -> None:
        self.window.show_panel(panel)

    def _sidebar_changed(self, index: int) -> None:
        if index >= 0:
            self.settings.sidebar_tab = index
            self._build_tab(index)

    def _refresh_views(self) -> None:
        """Redraw what the appearance colours: the lists and the article."""
        self.library_panel.populate()
        if self.reading.current is not None:
            self.library_panel.show_article(self.reading.current)
        if self._themes_panel is not None:
            self._themes_panel.populate()
            self._themes_panel.show_theme(self.reading.marked_theme)
        self.reading.rerender()


def open_notes_store() -> NotesPort:
    from jpbrief.core.notes import NotesStore, default_db_path

    return NotesStore(default_db_path())


