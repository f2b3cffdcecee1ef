"""The reader's parts built the first time something needs them (their modules load then).

Only what the first paint shows is built up front (see :mod:`jpbrief.ui.app`). The
Themes, Search and Notes panels, the footnote card, the search service, the packs
controller, and the printing, timeline, briefing and notes-export controllers are built
here on first use; each panel is wired by its ``wiring.connect_*`` function when built
(the timeline and figures by their controller). :class:`~jpbrief.ui.app.ReaderApp`
inherits them; a panel that must be rebuilt (a new library) is set back to None.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

from jpbrief.ui import wiring
from jpbrief.ui.services.appearance import READER_FONTS
from jpbrief.ui.widgets.sidebar import ThemesPanel

if TYPE_CHECKING:
    from jpbrief.core.labels import Labels
    from jpbrief.core.model import Library
    from jpbrief.ui.actions import Actions
    from jpbrief.ui.app import ReaderApp
    from jpbrief.ui.controllers.annotations import AnnotationsController
    from jpbrief.ui.controllers.briefing import BriefingController
    from jpbrief.ui.controllers.chronology import ChronologyController
    from jpbrief.ui.controllers.documents import ConfirmUrl, DocumentsController
    from jpbrief.ui.controllers.notes_export import NotesExportController
    from jpbrief.ui.controllers.packs import PacksController
    from jpbrief.ui.controllers.reading import ReadingController
    from jpbrief.ui.ports import LaunchPaths, SearchIndexPort
    from jpbrief.ui.services.appearance import Appearance
    from jpbrief.ui.services.search_service import SearchService
    from jpbrief.ui.widgets.footnote_popup import FootnoteCard
    from jpbrief.ui.widgets.main_window import MainWindow
    from jpbrief.ui.widgets.notes_panel import NotesPanel
    from jpbrief.ui.widgets.reader import ReaderView
    from jpbrief.ui.widgets.search_panel import SearchPanel

LIBRARY_TAB, THEMES_TAB, SEARCH_TAB, NOTES_TAB, TIMELINE_TAB = range(5)
"""The sidebar's tabs, in order."""


class OnDemandParts:
    """The parts of :class:`~jpbrief.ui.app.ReaderApp` built on first use."""

    # What they are built from (ReaderApp sets each before anything here is used).
    library: Library
    content_dir: Path
    labels: Labels
    where: LaunchPaths
    window: MainWindow
    reader: ReaderView
    actions: Actions
    appearance: Appearance
    reading: ReadingController
    annotations: AnnotationsController
    show_footnote: Callable[..., bool]
    _search_factory: Callable[[], SearchIndexPort] | None
    _confirm_url: ConfirmUrl | None
    _search: SearchService | None
    _card: FootnoteCard | None
    _themes_panel: ThemesPanel | None
    _search_panel: SearchPanel | None
    _notes_panel: NotesPanel | None
    _packs: PacksController | None

    @property
    def app(self) -> ReaderApp:
        """This object as the app, for :mod:`~jpbrief.ui.wiring`."""
        return cast("ReaderApp", self)

    @property
    def themes_panel(self) -> ThemesPanel:
        if self._themes_panel is None:
            panel = self._themes_panel = ThemesPanel(self.library)
            panel.show_theme(self.reading.marked_theme)
            self.window.set_panel(THEMES_TAB, panel)
            wiring.connect_themes_panel(self.app, panel)
        return self._themes_panel

    @property
    def search_panel(self) -> SearchPanel:
        if self._search_panel is None:
            from jpbrief.ui.widgets.search_panel import SearchPanel

            panel = self._search_panel = SearchPanel(self.library, self.labels)
            self.window.set_panel(SEARCH_TAB, panel)
            wiring.connect_search_panel(self.app, panel)
            self.search.prepare()  # the index opens while the first query is typed
        return self._search_panel

    @property
    def notes_panel(self) -> NotesPanel:
        if self._notes_panel is None:
            from jpbrief.ui.widgets.notes_panel import NotesPanel

            panel = self._notes_panel = NotesPanel(self.library)
            self.window.set_panel(NOTES_TAB, panel)
            wiring.connect_notes_panel(self.app, panel)
        return self._notes_panel

    @property
    def card(self) -> FootnoteCard:
        """The footnote and cross-reference card (a separate tool-tip window)."""
        if self._card is None:
            from jpbrief.ui.widgets.footnote_popup import FootnoteCard

            card = self._card = FootnoteCard()
            wiring.connect_card(self.app, card)
        return self._card

    @property
    def search(self) -> SearchService:
        """The search service; its index is opened after the first paint, in a worker."""
        if self._search is None:
            from jpbrief.ui.services.search_service import SearchService, default_index_factory

            factory = self._search_factory or default_index_factory(
                self.content_dir, self.library, self.where.search_index, key_dir=self.where.search_key
            )
            service = self._search = SearchService(factory, self.app)
            wiring.connect_search_service(self.app, service)
        return self._search

    @property
    def packs(self) -> PacksController:
        """Adds content packs and watches the packs folder (see controllers/packs.py)."""
        if self._packs is None:
            from jpbrief.core.packs.store import PackStore
            from jpbrief.ui.controllers.packs import PacksController

            store = PackStore(self.where.packs, self.where.trusted_keys)
            packs = self._packs = PacksController(self.window, store, self.content_dir,
                                                  library=lambda: self.library)
            wiring.connect_packs(self.app, packs)
        return self._packs

    # Printing, exporting, the timeline and theme briefings: built (and their modules
    # imported) when first used, as the panels above.
    @cached_property
    def documents(self) -> DocumentsController:
        from jpbrief.ui.controllers.documents import DocumentsController

        return DocumentsController(
            self.library, self.reader, self.window, self.actions, self.appearance,
            current=lambda: self.reading.current, confirm_url=self._confirm_url,
            briefing=lambda: self.briefing.paper(), labels=self.labels,
        )

    @cached_property
    def chronology(self) -> ChronologyController:
        from jpbrief.ui.controllers.chronology import ChronologyController

        return ChronologyController(
            self.library, self.window, self.appearance, open_passage=self.reading.open_passage,
            show_footnote=self.show_footnote, place_panel=lambda p: self.window.set_panel(TIMELINE_TAB, p),
            labels=self.labels,
        )

    @cached_property
    def briefing(self) -> BriefingController:
        from jpbrief.ui.controllers.briefing import BriefingController

        briefing = BriefingController(self.library, self.content_dir, self.reader, self.window,
                                      self.appearance, self.reading, self.labels)
        self.reading.show_briefing = briefing.revisit  # Back/Forward to a briefing
        return briefing

    @cached_property
    def notes_export(self) -> NotesExportController:
        from jpbrief.ui.controllers.notes_export import NotesExportController

        return NotesExportController(self.library, self.window, lambda: self.annotations.notes,
                                     css=self.appearance.print_css, fonts=READER_FONTS, labels=self.labels)
