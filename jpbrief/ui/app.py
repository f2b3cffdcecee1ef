"""The reader application: builds the widgets and wires every signal in one place.

Widgets only emit intents (``article_requested``, ``theme_selected``,
``passage_requested``, ``footnote_requested``, ...); :meth:`ReaderApp._connect_signals`
connects them to the methods here, grouped by where they come from. The window paints
the last-read article before the search index is touched: indexing starts from a
zero-delay timer after the reader's first paint, in a worker thread.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QFileDialog, QTextEdit

from jpbrief import __version__
from jpbrief.core import paths
from jpbrief.core.model import Article, Library
from jpbrief.ui import library_cache
from jpbrief.ui.actions import Actions
from jpbrief.ui.appearance import READER_FONTS, Appearance, reader_font
from jpbrief.ui.footnote_popup import FootnoteCard
from jpbrief.ui.main_window import MainWindow
from jpbrief.ui.navigation import History, Place
from jpbrief.ui.notes_panel import NotesPanel
from jpbrief.ui.reader import ReaderView
from jpbrief.ui.search_panel import SearchPanel
from jpbrief.ui.search_service import SearchOutcome, SearchService, default_index_factory
from jpbrief.ui.settings import Settings
from jpbrief.ui.sidebar import LibraryPanel, ThemesPanel

ConfirmUrl = Callable[[Any, str], bool]

HIGHLIGHT_COLOURS = {"yellow": "#f5d76e", "green": "#b9e4a6", "blue": "#add3f5", "pink": "#f5bcd3"}
"""Soft tints for the notes store's colour names, readable under dark text."""


class ReaderApp(QObject):
    """Owns the library, the settings and the widgets; decides what each intent does."""

    def __init__(
        self,
        library: Library,
        content_dir: Path,
        settings: Settings,
        *,
        search_factory: Callable[[], Any] | None = None,
        confirm_url: ConfirmUrl | None = None,
        rendered: dict[str, str] | None = None,
        cache_root: Path | None = None,
        notes_factory: Callable[[], Any] | None = None,
    ) -> None:
        """``rendered``: articles' HTML from the start-up cache (no CSS, no marking);
        ``cache_root``: where to write that cache after the first paint (None: don't);
        ``notes_factory``: opens the notes store (after the first paint; None: no notes)."""
        super().__init__()
        self._notes_factory = notes_factory
        self.notes: Any = None
        self.library = library
        self._rendered = dict(rendered or {})
        self._cache_root = cache_root
        self.content_dir = Path(content_dir)
        self.settings = settings
        self.confirm_url = confirm_url or _confirm_external_url
        resources = paths.resources_dir()
        self.appearance = Appearance(resources)
        self.actions = Actions(self)
        self.reader = ReaderView([self.content_dir, resources])
        self.reader.set_glossary({a.term: a.expansion for a in library.glossary.acronyms})
        self.library_panel = LibraryPanel(library)
        self.themes_panel = ThemesPanel(library)
        self.search_panel = SearchPanel(library)
        self.notes_panel = NotesPanel(library)
        self.card = FootnoteCard()
        index_root = paths.cache_dir() / "search-index"
        self.search = SearchService(
            search_factory or default_index_factory(self.content_dir, library, index_root), self
        )
        self.history = History()
        self.window = MainWindow(
            self.actions,
            self.reader,
            [(self.library_panel, "Library"), (self.themes_panel, "Themes"),
             (self.search_panel, "Search"), (self.notes_panel, "Notes")],
            with_notes=True,
        )
        for action in self.actions.notes_actions:
            action.setEnabled(False)  # until the notes store is open
        self.current: Article | None = None
        self.marked_theme = ""
        self.last_request = 0
        self._section_of: dict[str, str] = {}
        self._outline_timer = QTimer(self.reader)  # dies with the widgets it reads
        self._outline_timer.setSingleShot(True)
        self._outline_timer.setInterval(120)
        self._connect_signals()
        self._apply_appearance(rerender=False)
        self.reader.set_base_font(reader_font())
        self.reader.set_zoom(settings.zoom)

    # ------------------------------------------------------------------ wiring
    def _connect_signals(self) -> None:
        actions, reader, window = self.actions, self.reader, self.window

        # Sidebar: library, outline, themes
        self.library_panel.article_requested.connect(lambda a: self.open_article(a, restore=True))
        self.library_panel.section_requested.connect(self.go_to_section)
        self.themes_panel.theme_selected.connect(self.select_theme)
        self.themes_panel.passage_requested.connect(self.open_passage)

        # Reader: links, gestures, first paint
        reader.footnote_requested.connect(self.show_footnote)
        reader.crossref_requested.connect(self.show_crossref)
        reader.anchor_requested.connect(self.go_to_section)
        reader.external_link_requested.connect(self.open_external)
        reader.back_requested.connect(self.go_back)
        reader.forward_requested.connect(self.go_forward)
        reader.first_painted.connect(lambda: QTimer.singleShot(0, self._after_first_paint))
        reader.verticalScrollBar().valueChanged.connect(lambda _v: self._outline_timer.start())
        self._outline_timer.timeout.connect(self._follow_outline)

        # Footnote card
        self.card.passage_requested.connect(self.open_passage)
        self.card.citation_copied.connect(
            lambda _c: window.statusBar().showMessage("Citation copied to the clipboard", 4000)
        )

        # Search
        self.search_panel.search_requested.connect(self.run_search)
        self.search_panel.result_chosen.connect(self.open_passage)
        self.search.results_ready.connect(self._show_results)
        self.search.status_changed.connect(self._search_status)

        # Notes
        self.notes_panel.passage_requested.connect(self.open_passage)
        self.notes_panel.remove_requested.connect(self.remove_annotation)
        actions.add_bookmark.triggered.connect(self.toggle_bookmark)
        actions.highlight_selection.triggered.connect(self.highlight_selection)
        actions.add_note.triggered.connect(lambda: self.add_note())
        actions.show_notes.triggered.connect(lambda: self.show_panel(self.notes_panel))

        # Window
        window.closing.connect(self.save_state)
        window.back_requested.connect(self.go_back)
        window.forward_requested.connect(self.go_forward)
        window.banner.dismissed.connect(lambda: window.statusBar().showMessage("Problems hidden", 3000))
        window.sidebar.currentChanged.connect(self._sidebar_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

        # Menu actions: File, Edit
        actions.print_article.triggered.connect(self.print_article)
        actions.export_pdf.triggered.connect(lambda: self.export_pdf())
        actions.quit.triggered.connect(window.close)
        actions.copy.triggered.connect(reader.copy)
        actions.find.triggered.connect(self.focus_search)
        actions.quick_search.triggered.connect(self.focus_search)

        # Menu actions: View
        actions.zoom_in.triggered.connect(lambda: self.zoom(self.settings.zoom + 1))
        actions.zoom_out.triggered.connect(lambda: self.zoom(self.settings.zoom - 1))
        actions.zoom_reset.triggered.connect(lambda: self.zoom(0))
        actions.appearance_system.triggered.connect(lambda: self.set_appearance("system"))
        actions.appearance_light.triggered.connect(lambda: self.set_appearance("light"))
        actions.appearance_dark.triggered.connect(lambda: self.set_appearance("dark"))
        actions.toggle_dark.triggered.connect(
            lambda: self.set_appearance("light" if self.appearance.scheme == "dark" else "dark")
        )
        actions.show_library.triggered.connect(lambda: self.show_panel(self.library_panel))
        actions.show_themes.triggered.connect(lambda: self.show_panel(self.themes_panel))
        actions.show_search.triggered.connect(self.focus_search)
        actions.focus_reader.triggered.connect(lambda: reader.setFocus(Qt.FocusReason.ShortcutFocusReason))
        actions.clear_theme.triggered.connect(lambda: self.select_theme(""))

        # Menu actions: Go
        actions.back.triggered.connect(self.go_back)
        actions.forward.triggered.connect(self.go_forward)
        actions.previous_section.triggered.connect(lambda: self.step_section(-1))
        actions.next_section.triggered.connect(lambda: self.step_section(+1))
        actions.previous_article.triggered.connect(lambda: self.step_article(-1))
        actions.next_article.triggered.connect(lambda: self.step_article(+1))

        # Menu actions: Help
        actions.shortcuts.triggered.connect(self.show_shortcuts)
        actions.about.triggered.connect(self.show_about)

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Show the window with the last-read (or first) article; search waits for first paint."""
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.window.splitter.restoreState(splitter)
        self.window.sidebar.setCurrentIndex(min(self.settings.sidebar_tab, 1))
        self.window.banner.show_problems(self.library)
        self.window.show()
        first = self.library.article(self.settings.last_article) or (
            self.library.articles[0] if self.library.articles else None
        )
        if first is not None:
            self.open_article(first.id, restore=True)
        else:
            self.reader.show_html(
                "<h1>No articles</h1><p>The content folder has no article that could be loaded.</p>"
            )
        self._update_history_actions()

    def _after_first_paint(self) -> None:
        """Work that must not delay the first paint: the search index, the start-up cache."""
        self.search.prepare()
        self.open_notes()
        if self._cache_root is not None:
            from jpbrief.core.render import render_article

            html = {a.id: render_article(a, self.library, with_sources=True) for a in self.library.articles}
            library_cache.save(self.content_dir, self._cache_root, self.library, html)
            self._cache_root = None

    def save_state(self) -> None:
        self.card.dismiss()
        self._remember_position()
        self.settings.set_window_state("geometry", self.window.saveGeometry())
        self.settings.set_window_state("splitter", self.window.splitter.saveState())
        self.settings.sidebar_tab = self.window.sidebar.currentIndex()
        self.settings.sync()
        self.search.shutdown()
        if self.notes is not None:
            self.notes.close()
            self.notes = None

    # ------------------------------------------------------------------ reading
    def _render(self, article: Article) -> str:
        cached = self._rendered.get(article.id)
        if cached is not None and not self.marked_theme:
            return library_cache.with_css(cached, self.appearance.reader_css())
        from jpbrief.core.render import render_article  # not needed at start-up with a cache

        return render_article(
            article, self.library, marked_theme=self.marked_theme or None,
            css=self.appearance.reader_css(), with_sources=True,
        )

    def _base_dir(self, article: Article) -> Path:
        return Path(article.path).parent if article.path else self.content_dir

    def _place(self) -> Place | None:
        if self.current is None:
            return None
        return Place(self.current.id, self.reader.verticalScrollBar().value(), self.reader.top_anchor())

    def _remember_position(self) -> None:
        if self.current is not None:
            anchor, fraction = self.reader.top_anchor(), self.reader.scroll_fraction()
            self.settings.set_position(self.current.id, anchor, fraction)
            if self.notes is not None and anchor:
                with contextlib.suppress(Exception):  # never worth an error dialog
                    self.notes.set_position(self.current.id, anchor, fraction)

    def open_article(
        self,
        article_id: str,
        anchor: str = "",
        *,
        record: bool = True,
        restore: bool = False,
        scroll: int | None = None,
    ) -> bool:
        """Show an article at an anchor, its saved position, or a pixel offset."""
        article = self.library.article(article_id)
        if article is None:
            self.window.statusBar().showMessage(f"No article {article_id!r} in this library", 5000)
            return False
        self.card.dismiss()
        if record:
            here = self._place()
            if here is not None:
                self.history.update_current(here)
        self._remember_position()
        same = self.current is not None and self.current.id == article.id
        if not same:
            self.reader.show_html(self._render(article), self._base_dir(article))
            self.current = article
            self.library_panel.show_article(article)
            self._section_of = _sections(article)
            self.window.setWindowTitle(f"{article.title} — jpbrief")
            self.settings.last_article = article.id
            self._draw_highlights()
        self.reader.set_transient_selections([])
        if anchor:
            self.reader.scroll_to_anchor(anchor)
        elif scroll is not None:
            self.reader.verticalScrollBar().setValue(scroll)
        elif restore and not same:
            saved = self.settings.position(article.id)
            if saved and saved[0] and self.reader.has_anchor(saved[0]):
                self.reader.scroll_to_anchor(saved[0])
            elif saved:
                self.reader.set_scroll_fraction(saved[1])
            else:
                self.reader.verticalScrollBar().setValue(0)
        elif not same:
            self.reader.verticalScrollBar().setValue(0)
        if record:
            place = self._place()
            if place is not None and place != self.history.current:
                self.history.visit(place)
        self._update_history_actions()
        return True

    def open_passage(self, article_id: str, anchor: str, terms: list[str] | None = None) -> bool:
        """Jump to a passage (recorded in history) and mark it, or the matched words in it."""
        if not self.open_article(article_id, anchor):
            return False
        if terms and self.reader.highlight_terms(anchor, terms, self.appearance.highlight_colour()):
            pass
        else:
            self._mark_passage(anchor)
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _mark_passage(self, anchor: str) -> None:
        span = self.reader.passage_range(anchor)
        if span is None:
            return
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(span[0])
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        colour = QColor(self.appearance.highlight_colour())
        colour.setAlpha(70)
        fmt.setBackground(colour)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = cursor
        selection.format = fmt
        self.reader.set_transient_selections([selection])

    def go_to_section(self, anchor: str) -> None:
        if self.current is None:
            return
        if anchor:
            self.open_article(self.current.id, anchor)
        else:
            self.open_article(self.current.id, scroll=0)

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
        if place is not None:
            self.open_article(place.article, record=False, scroll=place.scroll)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.actions.back.setEnabled(self.history.can_go_back())
        self.actions.forward.setEnabled(self.history.can_go_forward())

    def _follow_outline(self) -> None:
        self.library_panel.mark_section(self._section_of.get(self.reader.top_anchor(), ""))

    # ------------------------------------------------------------------ themes
    def select_theme(self, theme_id: str) -> None:
        """Mark a theme's passages in the reader and list them all ('' clears)."""
        if theme_id and theme_id not in self.library.themes:
            return
        self.marked_theme = theme_id
        self.themes_panel.show_theme(theme_id)
        if theme_id:
            self.window.show_panel(self.themes_panel)
        self._rerender()

    def _rerender(self) -> None:
        if self.current is None:
            return
        scroll = self.reader.verticalScrollBar().value()
        self.reader.show_html(self._render(self.current), self._base_dir(self.current))
        self._draw_highlights()
        self.reader.verticalScrollBar().setValue(scroll)

    # ------------------------------------------------------------------ cards
    def show_footnote(self, number: int, where: QPoint) -> bool:
        if self.current is None:
            return False
        return self.card.show_footnote(
            self.library, self.current.id, number, where, opened_by=self.reader.last_trigger
        )

    def show_crossref(self, article_id: str, anchor: str, where: QPoint) -> bool:
        return self.card.show_crossref(
            self.library, article_id, anchor, where, opened_by=self.reader.last_trigger
        )

    def open_external(self, url: str) -> bool:
        """Open an http(s) link in the system browser, only after the user confirms it."""
        target = QUrl(url)
        if target.scheme() not in ("http", "https") or not target.host():
            self.window.statusBar().showMessage(f"Refused to open {url}", 5000)
            return False
        if not self.confirm_url(self.window, url):
            return False
        return QDesktopServices.openUrl(target)

    # ------------------------------------------------------------------ notes
    def open_notes(self) -> bool:
        """Open the notes store (after the first paint); say so if it cannot be opened."""
        if self.notes is not None or self._notes_factory is None:
            return self.notes is not None
        try:
            self.notes = self._notes_factory()
        except Exception as error:
            self.notes_panel.show_message(f"Notes are unavailable: {error}")
            return False
        if self.notes.recovery_message:
            self.notes_panel.show_message(self.notes.recovery_message)
            self.window.statusBar().showMessage("The notes database was repaired; see Notes", 8000)
        try:
            self.notes.reanchor(self.library)
        except Exception as error:
            self.notes_panel.show_message(f"Could not re-anchor notes: {error}")
        for action in self.actions.notes_actions:
            action.setEnabled(True)
        self._refresh_notes()
        return True

    def _refresh_notes(self) -> None:
        if self.notes is not None:
            self.notes_panel.show_annotations(self.notes.annotations())
        self._draw_highlights()

    def _draw_highlights(self) -> None:
        """Draw the open article's highlights (never the detached ones) in the reader."""
        selections = []
        if self.notes is not None and self.current is not None:
            for highlight in self.notes.highlights(self.current.id):
                if highlight.detached:
                    continue
                cursor = self.reader.find_in_passage(highlight.anchor, highlight.quote)
                if cursor is None:
                    continue
                fmt = QTextCharFormat()
                named = HIGHLIGHT_COLOURS.get(highlight.colour, highlight.colour)
                fmt.setBackground(QColor(named) if QColor.isValidColorName(named)
                                  else self.appearance.highlight_colour())
                fmt.setForeground(QColor("#1a1a1a"))
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
        self.reader.set_persistent_selections(selections)

    def _passage_in_focus(self) -> tuple[str, str]:
        """(anchor, selected text): the selection's passage, else the one at the top."""
        cursor = self.reader.textCursor()
        if cursor.hasSelection() and not self.reader.focused_href():
            text = " ".join(cursor.selectedText().replace("\u2029", " ").split())
            return self.reader.anchor_at(cursor.selectionStart()), text
        top = self.reader.top_anchor()
        if not top and self.current is not None and self.current.passages:
            top = self.current.passages[0].anchor  # above the first passage: the title
        return top, ""

    def toggle_bookmark(self) -> Any:
        if self.notes is None or self.current is None:
            return None
        anchor, _text = self._passage_in_focus()
        passage = self.current.passage(anchor)
        if passage is None:
            return None
        bookmark = self.notes.toggle_bookmark(self.current.id, anchor, passage.text)
        self.window.statusBar().showMessage(
            "Bookmarked" if bookmark is not None else "Bookmark removed", 3000
        )
        self._refresh_notes()
        return bookmark

    def highlight_selection(self) -> Any:
        if self.notes is None or self.current is None:
            return None
        anchor, text = self._passage_in_focus()
        passage = self.current.passage(anchor)
        start = passage.text.find(text) if passage is not None and text else -1
        if passage is None or start < 0:
            self.window.statusBar().showMessage("Select some text within one passage to highlight it", 5000)
            return None
        highlight = self.notes.add_highlight(self.current.id, anchor, start, start + len(text), text)
        self.window.statusBar().showMessage("Highlighted", 3000)
        self._refresh_notes()
        return highlight

    def add_note(self, text: str | None = None) -> Any:
        """Attach a note to the passage in focus (asks for the text unless given)."""
        if self.notes is None or self.current is None:
            return None
        anchor, _selected = self._passage_in_focus()
        passage = self.current.passage(anchor)
        if passage is None:
            return None
        if text is None:
            from PySide6.QtWidgets import QInputDialog

            text, ok = QInputDialog.getMultiLineText(
                self.window, "Add note", f"Note on “{passage.text[:80]}…”:"
            )
            if not ok:
                return None
        if not text.strip():
            return None
        note = self.notes.add_note(self.current.id, anchor, text.strip(), passage.text)
        self.window.statusBar().showMessage("Note saved", 3000)
        self._refresh_notes()
        return note

    def remove_annotation(self, kind: str, annotation_id: int) -> bool:
        if self.notes is None:
            return False
        remove = {"bookmark": self.notes.remove_bookmark, "highlight": self.notes.remove_highlight,
                  "note": self.notes.remove_note}.get(kind)
        removed = bool(remove(annotation_id)) if remove else False
        self._refresh_notes()
        return removed

    # ------------------------------------------------------------------ search
    def focus_search(self) -> None:
        self.window.show_panel(self.search_panel)
        self.search_panel.focus_query()

    def run_search(self, query: str, theme: str, article: str) -> int:
        self.last_request = self.search.search(query, theme=theme, article=article)
        return self.last_request

    def _show_results(self, _request_id: int, outcome: object) -> None:
        assert isinstance(outcome, SearchOutcome)
        self.search_panel.show_outcome(outcome)

    def _search_status(self, status: str) -> None:
        if status == "indexing":
            self.window.statusBar().showMessage("Preparing the search index…")
        elif status == "ready":
            self.window.statusBar().showMessage("Search ready", 3000)
        elif status.startswith("unavailable"):
            self.search_panel.show_status("Search is unavailable: " + status.partition(": ")[2])
            self.window.statusBar().showMessage("Search is unavailable", 5000)

    # ------------------------------------------------------------------ view
    def show_panel(self, panel: Any) -> None:
        self.window.show_panel(panel)

    def _sidebar_changed(self, index: int) -> None:
        if index >= 0:
            self.settings.sidebar_tab = index

    def zoom(self, steps: int) -> None:
        self.settings.zoom = steps
        self.reader.set_zoom(self.settings.zoom)
        self.window.statusBar().showMessage(f"Text size {100 + 10 * self.settings.zoom} %", 2000)

    def set_appearance(self, preference: str) -> None:
        self.settings.appearance = preference
        self._apply_appearance(rerender=True)

    def _system_scheme_changed(self, _scheme: Any) -> None:
        if self.settings.appearance == "system":
            self._apply_appearance(rerender=True)

    def _apply_appearance(self, *, rerender: bool) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.appearance.apply(app, self.settings.appearance)
        checked = {
            "system": self.actions.appearance_system,
            "light": self.actions.appearance_light,
            "dark": self.actions.appearance_dark,
        }[self.settings.appearance]
        checked.setChecked(True)
        self.library_panel.populate()
        if self.current is not None:
            self.library_panel.show_article(self.current)
        self.themes_panel.populate()
        self.themes_panel.show_theme(self.marked_theme)
        if rerender:
            self._rerender()

    # ------------------------------------------------------------------ print, help
    def _printable(self) -> str:
        assert self.current is not None
        from jpbrief.core.render import render_article

        return render_article(
            self.current, self.library, css=self.appearance.print_css(), with_sources=True
        )

    def print_article(self) -> bool:
        if self.current is None:
            return False
        from jpbrief.ui import printing  # loads QtPrintSupport: never at start-up

        return printing.print_with_dialog(
            self.window, self._printable(), title=self.current.title, fonts=READER_FONTS
        )

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Save the current article as PDF, asking where unless ``path`` is given."""
        if self.current is None:
            return None
        if path is None:
            suggested = str(Path.home() / f"{self.current.id}.pdf")
            chosen, _filter = QFileDialog.getSaveFileName(
                self.window, "Export article as PDF", suggested, "PDF documents (*.pdf)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        from jpbrief.ui import printing

        written = printing.export_pdf(self._printable(), path, title=self.current.title, fonts=READER_FONTS)
        self.window.statusBar().showMessage(f"Saved {written}", 5000)
        return written

    def show_shortcuts(self) -> Any:
        from jpbrief.ui import dialogs

        dialog = dialogs.ShortcutsDialog(self.actions.shortcut_table(with_notes=True), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from jpbrief.ui import dialogs

        box = dialogs.about_dialog(
            self.window,
            dialogs.about_text(__version__, len(self.library.articles), self.library.passage_count,
                               len(self.library.sources)),
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _open_notes_store() -> Any:
    from jpbrief.core.notes import NotesStore, default_db_path

    return NotesStore(default_db_path())


def _confirm_external_url(parent: Any, url: str) -> bool:
    from jpbrief.ui import dialogs

    return dialogs.confirm_external_url(parent, url)


def _sections(article: Article) -> dict[str, str]:
    """Passage anchor -> anchor of the heading of its section ('' before the first)."""
    current = ""
    result: dict[str, str] = {}
    for passage in article.passages:
        if passage.kind == "heading":
            current = passage.anchor
        result[passage.anchor] = current
    return result


OFFSCREEN_SCREEN = {"name": "jpbrief-offscreen", "x": 0, "y": 0, "width": 1600, "height": 1000,
                    "logicalDpi": 96, "logicalBase": 96, "dpr": 1}


def ensure_platform() -> None:
    """Use the offscreen platform when there is no display (CI, SSH, self-test).

    Its virtual screen is given a laptop's size (the default is 800x800, smaller than
    the window), so pop-ups are placed as they would be on a real screen.
    """
    if "QT_QPA_PLATFORM" in os.environ or not sys.platform.startswith("linux"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    config = Path(tempfile.gettempdir()) / f"jpbrief-offscreen-{os.getuid()}.json"
    try:
        config.write_text(json.dumps({"screens": [OFFSCREEN_SCREEN]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    except OSError:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen plugin's "does not support" notices; print everything else."""
    if message.startswith("This plugin does not support"):
        return
    sys.stderr.write(message + "\n")


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        qInstallMessageHandler(_quiet_offscreen)
    app = QApplication([sys.argv[0] if sys.argv else "jpbrief"])
    app.setApplicationName("jpbrief")
    app.setApplicationDisplayName("jpbrief")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("jpbrief")
    return app


def run(content_dir: Path) -> int:
    """``jpbrief read``: open the reader window and run until it is closed."""
    ensure_platform()
    app = application()
    cache_root = paths.cache_dir() / "startup"
    cached = library_cache.load(content_dir, cache_root)
    if cached is not None:
        library, rendered = cached
    else:
        from jpbrief.core.content import load_library

        library, rendered = load_library(content_dir), {}
    reader_app = ReaderApp(
        library, content_dir, Settings(paths.config_dir()),
        rendered=rendered, cache_root=None if cached else cache_root,
        notes_factory=_open_notes_store,
    )
    reader_app.start()
    return app.exec()
