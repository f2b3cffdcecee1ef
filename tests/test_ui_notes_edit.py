"""Editing a saved note where the reader shows it: the Notes panel (its Edit… button and
right-click menu), the reader's right-click menu on the note's passage, Notes ▸ Edit note.

Every way opens the add-note dialog (``QInputDialog.getMultiLineText``, patched here as in
``test_ui_notes``) filled in with the note's text, and the edit is saved through the store,
journal included, before the panel, the reader and an export show it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QInputDialog, QMessageBox
from test_ui_support import FOOTNOTED, OFFSCREEN_NOTICES, OTHER

from jpbrief.core.notes import NotesStore

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)

PASSAGE = "sharpening-strategic-focus"


class NoteDialog:
    """Stands in for the note dialog: records (title, prompt, text shown), answers ``reply``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, reply: str, ok: bool = True) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.reply, self.ok = reply, ok
        monkeypatch.setattr(QInputDialog, "getMultiLineText", self)

    def __call__(self, _parent: Any, title: str, prompt: str, text: str = "", *a: Any, **k: Any):
        self.shown.append((title, prompt, text))
        return self.reply, self.ok


def add_note(app, monkeypatch, text: str, article: str = OTHER, anchor: str = PASSAGE):
    NoteDialog(monkeypatch, text)
    app.reading.open_article(article, anchor)
    note = app.actions.add_note.trigger() or app.annotations.notes.notes()[-1]
    assert note.text == text
    return note


def passage_point(app, anchor: str) -> QPoint:
    """A point of the viewport inside the passage ``anchor`` (scrolled into view)."""
    app.reading.open_article(app.reading.current.id, anchor)
    start, _end = app.reader.passage_range(anchor)
    return app.reader.cursorRect(app.reader.cursor_at(start + 2)).center()


def test_the_notes_panel_edits_a_note_in_the_add_dialog_filled_in(noted_app, monkeypatch) -> None:
    note = add_note(noted_app, monkeypatch, "Chekc against the NSS")
    noted_app.actions.add_bookmark.trigger()
    panel, store = noted_app.notes_panel, noted_app.annotations.notes
    rows = [target[0] for target in panel.targets()]
    panel.items.setCurrentRow(rows.index("bookmark"))
    assert not panel.edit_button.isEnabled()  # only a note has text to edit
    panel.items.setCurrentRow(rows.index("note"))
    assert panel.edit_button.isEnabled()
    dialog = NoteDialog(monkeypatch, "  Check against the NSS  ")
    panel.edit_button.click()
    title, prompt, shown = dialog.shown[0]
    assert (title, shown) == ("Edit note", "Chekc against the NSS")
    assert note.anchor == PASSAGE and note.quote[:40] in prompt  # what it is on, as when added
    [edited] = store.notes()
    assert (edited.id, edited.uuid, edited.text) == (note.id, note.uuid, "Check against the NSS")
    assert edited.updated >= note.created
    row = panel.items.currentRow()  # the edited note stays selected, Edit… still at hand
    assert row >= 0 and panel.targets()[row][:2] == ("note", note.id)
    assert panel.edit_button.isEnabled()
    texts = [panel.items.item(row).text() for row in range(panel.items.count())]
    assert any("Check against the NSS" in text for text in texts)
    assert not any("Chekc" in text for text in texts)
    memo = store.export_markdown(noted_app.library)
    assert "Check against the NSS" in memo and "Chekc" not in memo
    last = store.journal.read().records[-1]  # the journal holds the edit too
    assert (last["op"], last["row"]["uuid"], last["row"]["text"]) == (
        "put", note.uuid, "Check against the NSS")


def test_the_notes_panel_right_click_menu_edits_a_note(noted_app, monkeypatch) -> None:
    add_note(noted_app, monkeypatch, "first words")
    panel = noted_app.notes_panel
    item = panel.items.item(0)
    menu = panel.context_menu(panel.items.visualItemRect(item).center())
    assert [a.text() for a in menu.actions()] == ["Go to passage", "Edit note…", "Remove"]
    NoteDialog(monkeypatch, "second words")
    next(a for a in menu.actions() if a.text() == "Edit note…").trigger()
    menu.deleteLater()
    assert [n.text for n in noted_app.annotations.notes.notes()] == ["second words"]


def test_right_click_on_a_noted_passage_offers_to_edit_its_note(noted_app, monkeypatch) -> None:
    note = add_note(noted_app, monkeypatch, "Ask about R&D budgets")
    reader = noted_app.reader
    menu = reader.context_menu(passage_point(noted_app, PASSAGE))
    entries = [a for a in menu.actions() if a.text().startswith("Edit note")]
    assert [a.text() for a in entries] == ["Edit note “Ask about R&&D budgets”…"]
    dialog = NoteDialog(monkeypatch, "Ask about R&D budgets for 2027")
    entries[0].trigger()
    menu.deleteLater()
    assert dialog.shown[0][2] == "Ask about R&D budgets"
    assert noted_app.annotations.notes.note(note.id).text == "Ask about R&D budgets for 2027"
    again = reader.context_menu(passage_point(noted_app, PASSAGE))
    assert [a.text() for a in again.actions() if a.text().startswith("Edit note")] == [
        "Edit note “Ask about R&&D budgets for 2027”…"]
    again.deleteLater()
    other = next(a for a in reader.anchors() if a != PASSAGE)
    elsewhere = reader.context_menu(passage_point(noted_app, other))
    assert not [a for a in elsewhere.actions() if a.text().startswith("Edit note")]
    elsewhere.deleteLater()


def test_notes_menu_edits_the_note_on_the_passage_in_focus(noted_app, monkeypatch) -> None:
    assert noted_app.actions.edit_note.isEnabled()
    noted_app.reading.open_article(FOOTNOTED)
    noted_app.reader.setTextCursor(noted_app.reader.cursor_at(0))
    dialog = NoteDialog(monkeypatch, "never asked")
    noted_app.actions.edit_note.trigger()  # no note here: says so, opens no dialog
    assert dialog.shown == [] and "no note" in noted_app.window.statusBar().currentMessage()
    first = add_note(noted_app, monkeypatch, "one")
    second = add_note(noted_app, monkeypatch, "two")
    asked: list[list[str]] = []

    def pick(_parent, _title, _label, items, *a, **k):
        asked.append(list(items))
        return "one", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    dialog = NoteDialog(monkeypatch, "one, edited")
    noted_app.actions.edit_note.trigger()
    assert asked == [["one", "two"]] and dialog.shown[0][2] == "one"
    store = noted_app.annotations.notes
    assert {(n.id, n.text) for n in store.notes()} == {(first.id, "one, edited"), (second.id, "two")}


def test_cancelling_or_emptying_the_dialog_changes_nothing(noted_app, monkeypatch) -> None:
    note = add_note(noted_app, monkeypatch, "keep me")
    store = noted_app.annotations.notes
    journal_lines = len(store.journal.read().records)
    NoteDialog(monkeypatch, "typed, then cancelled", ok=False)
    assert noted_app.annotations.edit_note(note.id) is None
    NoteDialog(monkeypatch, "   ")
    assert noted_app.annotations.edit_note(note.id) is None
    assert "cannot be empty" in noted_app.window.statusBar().currentMessage()
    assert [n.text for n in store.notes()] == ["keep me"]
    assert len(store.journal.read().records) == journal_lines  # nothing was written


class FailingUpdates:
    """The real store, but ``update_note`` fails as SQLite does on a full disk, ``fails`` times."""

    def __init__(self, store: NotesStore, fails: int) -> None:
        self.store, self.fails = store, fails

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def update_note(self, note_id: int, text: str):
        if self.fails:
            self.fails -= 1
            raise sqlite3.OperationalError("database or disk is full")
        return self.store.update_note(note_id, text)


def test_an_edit_that_cannot_be_saved_keeps_the_typing_and_retry_saves_it(noted_app,
                                                                            monkeypatch) -> None:
    note = add_note(noted_app, monkeypatch, "old text")
    noted_app.annotations.notes = FailingUpdates(noted_app.annotations.notes, fails=1)
    shown: list[tuple[str, str]] = []

    def retry(box) -> int:
        shown.append((box.text(), box.detailedText()))
        next(b for b in box.buttons() if b.text() == "Retry").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", retry)
    NoteDialog(monkeypatch, "new text")
    edited = noted_app.annotations.edit_note(note.id)
    assert shown == [("The note could not be saved: database or disk is full", "new text")]
    assert edited is not None and edited.text == "new text"
    assert noted_app.annotations.notes.store.note(note.id).text == "new text"


def _dotted(app) -> list[tuple[int, int]]:
    """The reader's ranges drawn with a dotted underline (a note's passage)."""
    from PySide6.QtGui import QTextCharFormat

    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in app.reader.extraSelections()
            if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine]


def test_a_passage_with_a_note_is_marked_in_the_reader_until_the_note_goes(noted_app, monkeypatch) -> None:
    """Without a mark, a note is only found again through the Notes panel or by chance."""
    assert _dotted(noted_app) == []
    note = add_note(noted_app, monkeypatch, "Ask about R&D budgets")
    start, end = noted_app.reader.passage_range(PASSAGE)
    [(first, last)] = _dotted(noted_app)
    assert first == start and end - 2 <= last <= end  # the whole passage, nothing after it
    colour = noted_app.appearance.mark_colour("note")
    assert all(s.format.underlineColor() == colour for s in noted_app.reader.extraSelections()
               if s.format.underlineStyle() != 0)
    noted_app.reading.open_article(FOOTNOTED)  # another article: its own notes only
    assert _dotted(noted_app) == []
    noted_app.reading.open_article(OTHER)
    assert len(_dotted(noted_app)) == 1
    assert noted_app.annotations.remove_annotation("note", note.id)
    assert _dotted(noted_app) == []
