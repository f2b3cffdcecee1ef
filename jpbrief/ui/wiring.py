"""Every signal of the reader connected to what handles it, in one place.

Widgets only emit intents (``article_requested``, ``theme_selected``, ``passage_requested``,
``footnote_requested``, ...) and controllers hold behaviour; nothing else in the UI calls
``connect``. :func:`connect_signals` wires what :class:`~jpbrief.ui.app.ReaderApp` builds
up front, grouped by where the signals come from; each ``connect_*`` below it wires a part
built on first use, once, when it is built (the timeline and figures: their controller).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication

from jpbrief.ui.qt_namespace import Qt

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.ui.app import ReaderApp
    from jpbrief.ui.controllers.packs import PacksController
    from jpbrief.ui.services.search_service import SearchService
    from jpbrief.ui.widgets.footnote_popup import FootnoteCard
    from jpbrief.ui.widgets.notes_panel import NotesPanel
    from jpbrief.ui.widgets.search_panel import SearchPanel
    from jpbrief.ui.widgets.sidebar import ThemesPanel


def connect_signals(app: ReaderApp) -> None:
    """Everything built up front: sidebar, reader, window, menus."""
    actions, reader, window, reading = app.actions, app.reader, app.window, app.reading

    # Sidebar: library, outline (the other panels: connect_themes_panel and below)
    app.library_panel.article_requested.connect(lambda a: reading.open_article(a, restore=True))
    app.library_panel.section_requested.connect(reading.go_to_section)

    # Reader: links, gestures, first paint
    reader.footnote_requested.connect(app.show_footnote)
    reader.crossref_requested.connect(app.show_crossref)
    reader.article_footnote_requested.connect(app.show_article_footnote)
    reader.passage_requested.connect(reading.open_passage)
    reader.anchor_requested.connect(reading.go_to_section)
    reader.external_link_requested.connect(lambda url: app.documents.open_external(url))
    reader.back_requested.connect(reading.go_back)
    reader.forward_requested.connect(reading.go_forward)
    reader.first_painted.connect(lambda: QTimer.singleShot(0, app.after_first_paint))

    # Notes (the Notes panel: connect_notes_panel)
    actions.add_bookmark.triggered.connect(app.annotations.toggle_bookmark)
    actions.highlight_selection.triggered.connect(app.annotations.highlight_selection)
    actions.add_note.triggered.connect(lambda: app.annotations.add_note())
    actions.edit_note.triggered.connect(lambda: app.annotations.edit_note())
    reader.note_edit_requested.connect(app.annotations.edit_note)
    actions.show_notes.triggered.connect(lambda: app.show_panel(app.notes_panel))
    actions.export_notes.triggered.connect(lambda: app.notes_export.export())

    # Window
    window.closing.connect(app.save_state)
    window.back_requested.connect(reading.go_back)
    window.forward_requested.connect(reading.go_forward)
    window.banner.dismissed.connect(lambda: window.statusBar().showMessage(
        translate("Wiring", "Problems hidden"), 3000))
    window.sidebar.currentChanged.connect(app.sidebar_changed)
    QGuiApplication.styleHints().colorSchemeChanged.connect(app.appearance_control.system_scheme_changed)

    # View > Language (applies at the next start)
    for choice, action in actions.languages.items():
        action.triggered.connect(lambda _checked=False, c=choice: app.appearance_control.set_language(c))

    # Content packs: the menu, a drop on the window (files on the command line: launch.py)
    actions.add_pack.triggered.connect(lambda: app.packs.choose_files())
    window.packs_dropped.connect(lambda files: app.packs.open_files(files))

    # Menu actions: File, Edit
    actions.print_article.triggered.connect(lambda: app.documents.print_article())
    actions.export_pdf.triggered.connect(lambda: app.documents.export_pdf())
    actions.quit.triggered.connect(window.close)
    actions.copy.triggered.connect(reader.copy)
    actions.find.triggered.connect(app.searching.focus)
    actions.quick_search.triggered.connect(app.searching.focus)

    # Menu actions: View
    looks = app.appearance_control
    actions.zoom_in.triggered.connect(lambda: looks.zoom(app.settings.zoom + 1))
    actions.zoom_out.triggered.connect(lambda: looks.zoom(app.settings.zoom - 1))
    actions.zoom_reset.triggered.connect(lambda: looks.zoom(0))
    actions.appearance_system.triggered.connect(lambda: looks.set_appearance("system"))
    actions.appearance_light.triggered.connect(lambda: looks.set_appearance("light"))
    actions.appearance_dark.triggered.connect(lambda: looks.set_appearance("dark"))
    actions.toggle_dark.triggered.connect(
        lambda: looks.set_appearance("light" if app.appearance.scheme == "dark" else "dark")
    )
    actions.show_library.triggered.connect(lambda: app.show_panel(app.library_panel))
    actions.show_themes.triggered.connect(lambda: app.show_panel(app.themes_panel))
    actions.show_search.triggered.connect(app.searching.focus)
    actions.show_timeline.triggered.connect(lambda: app.chronology.show_timeline())
    actions.show_figures.triggered.connect(lambda: app.chronology.show_figures())
    actions.focus_reader.triggered.connect(lambda: reader.setFocus(Qt.FocusReason.ShortcutFocusReason))
    actions.clear_theme.triggered.connect(lambda: reading.select_theme(""))
    actions.reload.triggered.connect(app.content_reload.reload)

    # Menu actions: Go
    actions.back.triggered.connect(reading.go_back)
    actions.forward.triggered.connect(reading.go_forward)
    actions.start_of_article.triggered.connect(lambda: reading.go_to_end(end=False))
    actions.end_of_article.triggered.connect(lambda: reading.go_to_end(end=True))
    actions.previous_section.triggered.connect(lambda: reading.step_section(-1))
    actions.next_section.triggered.connect(lambda: reading.step_section(+1))
    actions.previous_article.triggered.connect(lambda: reading.step_article(-1))
    actions.next_article.triggered.connect(lambda: reading.step_article(+1))

    # Menu actions: Help
    actions.shortcuts.triggered.connect(lambda: app.documents.show_shortcuts())
    actions.about.triggered.connect(lambda: app.documents.show_about())

# Parts built on first use are wired here, once, when they are built.
def connect_themes_panel(app: ReaderApp, panel: ThemesPanel) -> None:
    # Sidebar: themes
    panel.theme_selected.connect(app.briefing.pick)
    panel.passage_requested.connect(app.reading.open_passage)


def connect_search_panel(app: ReaderApp, panel: SearchPanel) -> None:
    # Search: the panel's queries and chosen results
    panel.search_requested.connect(app.searching.run)
    panel.result_chosen.connect(app.reading.open_hit)


def connect_search_service(app: ReaderApp, service: SearchService) -> None:
    # Search: answers and status from the worker
    service.results_ready.connect(app.searching.show_results)
    service.state_changed.connect(app.searching.show_status)


def connect_notes_panel(app: ReaderApp, panel: NotesPanel) -> None:
    # Notes: jump to, edit and remove annotations
    panel.passage_requested.connect(app.reading.open_passage)
    panel.edit_requested.connect(app.annotations.edit_note)
    panel.remove_requested.connect(app.annotations.remove_annotation)
    panel.export_requested.connect(lambda: app.notes_export.export())


def connect_packs(app: ReaderApp, packs: PacksController) -> None:
    # Content packs: the library they change, and what they have to say
    packs.library_changed.connect(app.use_library)
    packs.message.connect(lambda text: app.window.statusBar().showMessage(text, 8000))


def connect_card(app: ReaderApp, card: FootnoteCard) -> None:
    # Footnote card
    card.passage_requested.connect(app.reading.open_passage)
    card.citation_copied.connect(
        lambda _c: app.window.statusBar().showMessage(
            translate("Wiring", "Citation copied to the clipboard"), 4000)
    )
