"""Notes, bookmarks and highlights: the commands that make them, and painting them in the reader.

Every place in a passage goes through the reader's :class:`~jpbrief.ui.services.passage_map.PassageMap`:
a selection becomes the selected occurrence's offsets in the passage text, and a stored
highlight's offsets become the exact characters to paint.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # Qt's text classes load with the first highlight, after the first paint
    from PySide6.QtWidgets import QTextEdit, QWidget

    from jpbrief.core.model import Article, Library, Passage
    from jpbrief.ui.actions import Actions
    from jpbrief.ui.ports import NotesPort
    from jpbrief.ui.services.appearance import Appearance
    from jpbrief.ui.services.passage_map import PassageMap
    from jpbrief.ui.services.settings import Settings
    from jpbrief.ui.widgets.main_window import MainWindow
    from jpbrief.ui.widgets.notes_panel import NotesPanel
    from jpbrief.ui.widgets.reader import ReaderView

translate = QCoreApplication.translate

HIGHLIGHT_COLOURS = {"yellow": "#f5d76e", "green": "#b9e4a6", "blue": "#add3f5", "pink": "#f5bcd3"}
"""Soft tints for the notes store's colour names, readable under dark text."""


@dataclass(frozen=True)
class _Target:
    """The notes store, the open article's id, the passage in focus and the selection in it."""

    notes: NotesPort
    article: str
    passage: Passage
    selected: tuple[int, int] | None

    def parts(self) -> tuple[NotesPort, str, Passage, Any]:
        return self.notes, self.article, self.passage, self.selected


class AnnotationsController:
    """Opens the notes store after the first paint and runs every notes command."""

    def __init__(
        self, library: Library, reader: ReaderView, window: MainWindow, actions: Actions,
        appearance: Appearance, settings: Settings, *, current: Callable[[], Article | None],
        panel: Callable[[], NotesPanel], factory: Callable[[], NotesPort] | None,
    ) -> None:
        """``current``: the open article; ``panel``: the Notes panel (built on first use);
        ``factory``: opens the notes store (None: no notes)."""
        self.library, self.reader, self.window, self.actions = library, reader, window, actions
        self.appearance, self.settings = appearance, settings
        self._current, self._panel = current, panel
        self.factory = factory
        self.notes: NotesPort | None = None

    def _show_panel(self, panel: QWidget) -> None:
        self.window.show_panel(panel)

    def close(self) -> None:
        if self.notes is not None:
            self.notes.close()
            self.notes = None

    def passage_map(self, anchor: str) -> PassageMap | None:
        """The open article's passage ``anchor``: its text offsets -> reader positions."""
        passage = current.passage(anchor) if (current := self._current()) is not None else None
        return self.reader.passage_map(anchor, passage.text) if passage is not None else None

    def open_notes(self) -> bool:
        """Open the notes store (after the first paint); say so if it cannot be opened."""
        if self.notes is not None or self.factory is None:
            return self.notes is not None
        try:
            self.notes = self.factory()
        except Exception as error:
            self._panel().show_message(
                translate("Annotations", "Notes are unavailable: {error}").format(error=error))
            return False
        if self.notes.recovery_message:  # what was recovered, where the user sees it
            self._panel().show_message(self.notes.recovery_message)
            self._show_panel(self._panel())
            self.window.statusBar().showMessage(
                translate("Annotations", "The notes database was repaired; see Notes"), 8000)
        read_only = getattr(self.notes, "read_only", None)
        if read_only:
            self._panel().show_message(translate(
                "Annotations", "Notes are read-only ({reason}): they are shown, but new ones cannot be saved."
            ).format(reason=read_only))
        else:
            try:
                self.notes.reanchor(self.library)
            except Exception as error:
                self._panel().show_message(
                    translate("Annotations", "Could not re-anchor notes: {error}").format(error=error))
        if not read_only:
            self._move_legacy_positions()
        for action in self.actions.notes_actions:
            action.setEnabled(True)
        self.refresh()
        return True

    def use_library(self, library: Library) -> None:
        """A reloaded library or a content pack's: notes re-attach to its passages (never
        lost: a note whose passage is gone is kept as detached, with the text it quoted)."""
        self.library = library
        if self.notes is not None and not getattr(self.notes, "read_only", None):
            try:
                self.notes.reanchor(library)
            except Exception as error:
                self._panel().show_message(
                    translate("Annotations", "Could not re-anchor notes: {error}").format(error=error))
        self.refresh()

    def _move_legacy_positions(self) -> None:
        """Positions an older version kept in the settings file go to the notes store."""
        notes = self.notes
        if notes is None:
            return
        for article, (anchor, fraction) in self.settings.take_legacy_positions().items():
            with contextlib.suppress(Exception):
                if anchor and notes.position(article) is None:
                    notes.set_position(article, anchor, fraction)

    def refresh(self) -> None:
        if self.notes is not None:
            self._panel().show_annotations(self.notes.annotations())
        self.draw_highlights()

    def draw_highlights(self) -> None:
        """Draw the open article's highlights (never the detached ones) in the reader, mark
        the passages that have notes, and tell it the notes on each passage (its right-click
        menu offers to edit them)."""
        from PySide6.QtGui import QColor, QTextCharFormat

        current = self._current()
        on_passages: dict[str, list[tuple[int, str]]] = {}
        if self.notes is not None and current is not None:
            for note in self.notes.notes(current.id):
                if not note.detached:
                    on_passages.setdefault(note.anchor, []).append((note.id, note.text))
        self.reader.set_passage_notes(on_passages)
        selections: list[QTextEdit.ExtraSelection] = []
        for anchor in on_passages:  # a note's passage: dotted underline (the text stays as it is)
            span = self.reader.passage_range(anchor)
            if span is not None:
                noted = QTextCharFormat()
                noted.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                noted.setUnderlineColor(self.appearance.mark_colour("note"))
                end = min(span[1], self.reader.document().characterCount() - 1)
                selections += self.reader.mark_ranges([(span[0], max(span[0], end - 1))], noted)
        if self.notes is not None and current is not None:
            for highlight in self.notes.highlights(current.id):
                mapping = None if highlight.detached else self.passage_map(highlight.anchor)
                if mapping is None:
                    continue
                start, end = highlight.start, highlight.end
                if mapping.text[start:end] != highlight.quote:  # offsets from another text
                    start = mapping.text.find(highlight.quote)
                    end = start + len(highlight.quote)
                    if start < 0 or not highlight.quote:
                        continue
                fmt = QTextCharFormat()
                named = HIGHLIGHT_COLOURS.get(highlight.colour, highlight.colour)
                fmt.setBackground(QColor(named) if QColor.isValidColorName(named)
                                  else self.appearance.highlight_colour())
                fmt.setForeground(QColor("#1a1a1a"))
                selections += self.reader.mark_ranges([mapping.document_span(start, end)], fmt)
        self.reader.set_persistent_selections(selections)

    def _passage_in_focus(self) -> tuple[str, tuple[int, int] | None]:
        """(anchor, selected range of its text): the selection's passage, else the one at the
        top (no range). The range is the selected occurrence's, through the passage map."""
        current = self._current()
        cursor = self.reader.textCursor()
        if cursor.hasSelection() and not self.reader.focused_href():
            anchor = self.reader.anchor_at(cursor.selectionStart())
            mapping = self.passage_map(anchor)
            if mapping is None:
                return anchor, None
            start, end = mapping.text_span(cursor.selectionStart(), cursor.selectionEnd())
            return anchor, ((start, end) if end > start else None)
        top = self.reader.top_anchor()
        if not top and current is not None and current.passages:
            top = current.passages[0].anchor  # above the first passage: the title
        return top, None

    def _target(self) -> _Target | None:
        """What an annotation command acts on; None without notes, an article or a passage."""
        current = self._current()
        if self.notes is None or current is None:
            return None
        anchor, selected = self._passage_in_focus()
        passage = current.passage(anchor)
        return None if passage is None else _Target(self.notes, current.id, passage, selected)

    def toggle_bookmark(self) -> Any:
        target = self._target()
        if target is None:
            return None
        notes, article, passage, _selected = target.parts()
        anchor = passage.anchor
        bookmark = self._save("bookmark", passage.text,
                              lambda: notes.toggle_bookmark(article, anchor, passage.text))
        if bookmark is False:
            return None
        self.window.statusBar().showMessage(
            translate("Annotations", "Bookmarked") if bookmark is not None
            else translate("Annotations", "Bookmark removed"), 3000
        )
        self.refresh()
        return bookmark

    def highlight_selection(self) -> Any:
        target = self._target()
        if target is None or target.selected is None:
            if self.notes is not None:
                self.window.statusBar().showMessage(
                    translate("Annotations", "Select some text within one passage to highlight it"), 5000)
            return None
        notes, article, passage, (start, end) = target.parts()
        anchor = passage.anchor
        text = passage.text[start:end]
        highlight = self._save("highlight", text, lambda: notes.add_highlight(
            article, anchor, start, end, text))
        if highlight is False:
            return None
        self.window.statusBar().showMessage(translate("Annotations", "Highlighted"), 3000)
        self.refresh()
        return highlight

    def add_note(self, text: str | None = None) -> Any:
        """Attach a note to the selection, else the passage in focus (asks for the text unless given)."""
        target = self._target()
        if target is None:
            return None
        notes, article, passage, selected = target.parts()
        anchor = passage.anchor
        # A note on a selection quotes exactly the selection, not its whole paragraph.
        quote = passage.text[selected[0]:selected[1]] if selected else passage.text
        if text is None:
            text = self._ask_note_text(translate("Annotations", "Add note"), quote)
            if text is None:
                return None
        if not text.strip():
            return None
        kept = text.strip()
        note = self._save("note", kept, lambda: notes.add_note(article, anchor, kept, quote))
        if note is False:
            return None
        self.window.statusBar().showMessage(translate("Annotations", "Note saved"), 3000)
        self.refresh()
        return note

    def _ask_note_text(self, title: str, quote: str, text: str = "") -> str | None:
        """The note dialog (adding or editing: the same one), ``text`` filled in; None: cancelled."""
        from PySide6.QtWidgets import QInputDialog

        from jpbrief.ui.widgets import dialogs

        answer, ok = QInputDialog.getMultiLineText(self.window, title, dialogs.note_prompt(quote), text)
        return answer if ok else None

    def edit_note(self, note_id: int | None = None, text: str | None = None) -> Any:
        """Change a note's text in the note dialog, filled in with it (unless ``text`` is
        given). Without ``note_id``: the note on the selection's passage, else the passage
        in focus, asking which when it has several. Returns the saved note, or None."""
        notes = self.notes
        if notes is None:
            return None
        note = notes.note(note_id) if note_id is not None else self._note_in_focus()
        if note is None:
            return None
        if text is None:
            article = self.library.article(note.article)
            passage = article.passage(note.anchor) if article is not None else None
            text = self._ask_note_text(translate("Annotations", "Edit note"),
                                       note.quote or (passage.text if passage else ""), note.text)
            if text is None:
                return None
        kept = text.strip()
        if not kept:  # removing is the Notes panel's Remove, never an emptied dialog
            self.window.statusBar().showMessage(translate(
                "Annotations", "A note cannot be empty; the note was not changed"), 5000)
            return None
        if kept == note.text:
            return note
        edited = self._save("note", kept, lambda: notes.update_note(note.id, kept))
        if edited is False:
            return None
        self.window.statusBar().showMessage(translate("Annotations", "Note saved"), 3000)
        self.refresh()
        return edited

    def _note_in_focus(self) -> Any:
        """The note Notes ▸ Edit note acts on: on the passage in focus, the one chosen if several."""
        target = self._target()
        found = [] if target is None else [
            note for note in target.notes.notes(target.article)
            if note.anchor == target.passage.anchor and not note.detached]
        if len(found) <= 1:
            if not found:
                self.window.statusBar().showMessage(translate(
                    "Annotations", "This passage has no note; Ctrl+Shift+N adds one"), 5000)
            return found[0] if found else None
        from PySide6.QtWidgets import QInputDialog

        from jpbrief.ui.widgets.sidebar import excerpt

        choices = [excerpt(" ".join(note.text.split()), 80) for note in found]
        chosen, ok = QInputDialog.getItem(self.window, translate("Annotations", "Edit note"), translate(
            "Annotations", "This passage has {count} notes. Edit which?").format(count=len(found)),
            choices, len(choices) - 1, False)
        return found[choices.index(chosen)] if ok and chosen in choices else None

    def _save(self, what: str, text: str, save: Callable[[], Any]) -> Any:
        """Run ``save``; if the store fails (full disk, read-only), say so in a dialog that
        keeps ``text`` and offers Retry or Copy text. False when nothing was saved."""
        import sqlite3

        from jpbrief.core.notes import NotesError
        from jpbrief.ui.widgets.notes_panel import ask_after_failed_save, noun

        while True:
            try:
                return save()
            except (NotesError, sqlite3.Error, OSError) as error:
                choice = ask_after_failed_save(self.window, what, error, text)
            if choice == "copy":
                from PySide6.QtGui import QGuiApplication

                QGuiApplication.clipboard().setText(text)
                self.window.statusBar().showMessage(translate(
                    "Annotations", "Not saved; the {what}'s text was copied").format(what=noun(what)), 8000)
            if choice != "retry":
                return False

    def remove_annotation(self, kind: str, annotation_id: int) -> bool:
        if self.notes is None:
            return False
        remove = {"bookmark": self.notes.remove_bookmark, "highlight": self.notes.remove_highlight,
                  "note": self.notes.remove_note}.get(kind)
        try:
            removed = bool(remove(annotation_id)) if remove else False
        except Exception as error:  # a full disk or a read-only folder: say so, keep it
            from jpbrief.ui.widgets.notes_panel import noun

            self._panel().show_message(translate(
                "Annotations", "Could not remove the {what}: {error}").format(what=noun(kind), error=error))
            return False
        self.refresh()
        return removed

