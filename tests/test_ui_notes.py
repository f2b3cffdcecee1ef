"""The reader's notes UI: Ctrl+D bookmarks, highlights drawn in the reader, notes, the panel."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from test_ui_support import FOOTNOTED, OFFSCREEN_NOTICES, OTHER, build_app, close_app

from jpbrief.core.notes import NotesStore

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


def test_notes_open_after_first_paint_and_enable_actions(noted_app) -> None:
    assert noted_app.actions.add_bookmark.isEnabled()
    assert [s.toString() for s in noted_app.actions.add_bookmark.shortcuts()] == ["Ctrl+D"]
    assert noted_app.notes_panel.empty.isVisible() or noted_app.notes_panel.items.count() == 0


def test_ctrl_d_toggles_a_bookmark_listed_in_the_panel(qtbot, noted_app) -> None:
    noted_app.reading.open_article(FOOTNOTED, "economic-security-infrastructure")
    noted_app.reader.setFocus()
    noted_app.actions.add_bookmark.trigger()
    bookmarks = noted_app.annotations.notes.bookmarks()
    assert [(b.article, b.anchor) for b in bookmarks] == [(FOOTNOTED, "economic-security-infrastructure")]
    targets = noted_app.notes_panel.targets()
    assert targets == [("bookmark", bookmarks[0].id, FOOTNOTED, "economic-security-infrastructure")]
    noted_app.reading.open_article(OTHER)
    noted_app.notes_panel.items.chosen.emit(targets[0])
    assert noted_app.reading.current.id == FOOTNOTED
    assert noted_app.reader.top_anchor() == "economic-security-infrastructure"
    noted_app.actions.add_bookmark.trigger()
    assert noted_app.annotations.notes.bookmarks() == [] and noted_app.notes_panel.items.count() == 0


def select_overton(noted_app):
    """Select "new Overton window" in its paragraph; returns the paragraph and the words."""
    article = noted_app.library.article(FOOTNOTED)
    paragraph = next(p for p in article.passages if p.kind == "paragraph" and "Overton" in p.text)
    noted_app.reading.open_article(FOOTNOTED, paragraph.anchor)
    words = "new Overton window"
    cursor = noted_app.reader.find_in_passage(paragraph.anchor, words)
    assert cursor is not None
    noted_app.reader.setTextCursor(cursor)
    return paragraph, words


def test_highlight_selection_is_stored_and_drawn(noted_app) -> None:
    paragraph, words = select_overton(noted_app)
    noted_app.actions.highlight_selection.trigger()
    [highlight] = noted_app.annotations.notes.highlights()
    assert highlight.quote == words
    assert paragraph.text[highlight.start:highlight.end] == words
    selections = noted_app.reader.extraSelections()
    assert any(s.cursor.selectedText() == words for s in selections)
    # drawn again when the article is reopened
    noted_app.reading.open_article(OTHER)
    noted_app.reading.open_article(FOOTNOTED)
    assert any(s.cursor.selectedText() == words for s in noted_app.reader.extraSelections())
    assert noted_app.notes_panel.targets()[0][0] == "highlight"
    noted_app.notes_panel.items.setCurrentRow(0)
    noted_app.notes_panel.remove_button.click()
    assert noted_app.annotations.notes.highlights() == []
    assert not any(s.cursor.selectedText() == words for s in noted_app.reader.extraSelections())


def test_highlight_lands_on_the_selected_occurrence(noted_app) -> None:
    """Selecting the second "Japan" of a passage highlights that one, not the first."""
    article = noted_app.library.article(FOOTNOTED)
    paragraph = next(p for p in article.passages if p.kind == "paragraph" and p.text.count("Japan ") >= 2)
    second = paragraph.text.index("Japan ", paragraph.text.index("Japan ") + 1)
    noted_app.reading.open_article(FOOTNOTED, paragraph.anchor)
    reader = noted_app.reader
    mapping = reader.passage_map(paragraph.anchor, paragraph.text)
    start, end = mapping.document_span(second, second + len("Japan"))
    cursor = reader.cursor_at(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Japan"
    reader.setTextCursor(cursor)
    noted_app.actions.highlight_selection.trigger()
    [highlight] = noted_app.annotations.notes.highlights()
    assert (highlight.start, highlight.end, highlight.quote) == (second, second + 5, "Japan")
    drawn = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in reader.extraSelections()]
    assert (start, end) in drawn


def test_add_note_asks_for_text_and_lists_it(noted_app, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Check against the NSS", True))
    noted_app.reading.open_article(OTHER, "sharpening-strategic-focus")
    noted_app.actions.add_note.trigger()
    notes = noted_app.annotations.notes.notes()
    assert [(n.article, n.anchor, n.text) for n in notes] == [
        (OTHER, "sharpening-strategic-focus", "Check against the NSS")
    ]
    assert "Check against the NSS" in noted_app.notes_panel.items.item(0).text()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("", False))
    noted_app.actions.add_note.trigger()
    assert len(noted_app.annotations.notes.notes()) == 1


def test_a_note_on_a_selection_quotes_exactly_the_selection(noted_app, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    prompts: list[str] = []
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda _parent, _title, prompt, *a, **k: prompts.append(prompt) or ("Ask why", True))
    paragraph, words = select_overton(noted_app)
    noted_app.actions.add_note.trigger()
    [note] = noted_app.annotations.notes.notes()
    assert (note.anchor, note.quote, note.text) == (paragraph.anchor, words, "Ask why")
    assert words in prompts[0] and paragraph.text not in prompts[0]


def test_reading_position_goes_to_the_notes_store(noted_app) -> None:
    noted_app.reading.open_article(FOOTNOTED, "economic-security-infrastructure")
    noted_app.reading.open_article(OTHER)
    position = noted_app.annotations.notes.position(FOOTNOTED)
    assert position is not None and position.anchor == "economic-security-infrastructure"


def test_the_position_is_saved_as_the_reader_moves_not_only_on_leaving(qtbot, noted_app) -> None:
    """A killed process keeps the place: scrolling, once it rests, writes the position."""
    noted_app.reading.open_article(FOOTNOTED)
    reader = noted_app.reader
    reader.scroll_to_anchor("economic-security-infrastructure")
    anchor = reader.top_anchor()
    assert anchor
    store = noted_app.annotations.notes

    def saved() -> bool:
        position = store.position(FOOTNOTED)
        return position is not None and position.anchor == anchor

    qtbot.waitUntil(saved, timeout=5000)


def test_reading_position_is_read_back_from_the_notes_store(qtbot, tmp_path: Path) -> None:
    """The notes store is the one source of reading positions: the settings file holds none,
    and what the store says is where the next start opens the article."""
    config, db = tmp_path / "config", tmp_path / "data" / "notes.sqlite3"
    first = build_app(qtbot, config, tmp_path / "index", notes_db=db)
    qtbot.waitUntil(lambda: first.annotations.notes is not None)
    first.reading.open_article(FOOTNOTED, "economic-security-infrastructure")
    first.window.close()
    close_app(first)
    kept = (config / "jpbrief.ini").read_text()
    assert "economic-security-infrastructure" not in kept and "positions" not in kept
    article = first.library.article(FOOTNOTED)
    later = next(p.anchor for p in reversed(article.passages) if p.kind == "paragraph")
    with NotesStore(db, auto_backup=False) as store:  # the store alone changes its mind
        assert store.position(FOOTNOTED).anchor == "economic-security-infrastructure"
        store.set_position(FOOTNOTED, later, 0.9)
    second = build_app(qtbot, config, tmp_path / "index", notes_db=db)
    try:
        qtbot.waitUntil(lambda: second.annotations.notes is not None)
        assert second.reading.current.id == FOOTNOTED
        assert second.reader.scroll_fraction() > 0.5  # the store's place, not the settings'
    finally:
        second.window.close()  # closes the notes store
        close_app(second)


def test_positions_kept_by_an_older_version_move_to_the_notes_store(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    config, db = tmp_path / "config", tmp_path / "data" / "notes.sqlite3"
    config.mkdir()
    old = QSettings(str(config / "jpbrief.ini"), QSettings.Format.IniFormat)
    old.setValue("reader/positions", json.dumps({OTHER: {"anchor": "sharpening-strategic-focus", "fraction": 0.25}}))
    old.sync()
    app = build_app(qtbot, config, tmp_path / "index", notes_db=db)
    try:
        qtbot.waitUntil(lambda: app.annotations.notes is not None)
        assert app.annotations.notes.position(OTHER).anchor == "sharpening-strategic-focus"
        app.settings.sync()
        assert "positions" not in (config / "jpbrief.ini").read_text()
    finally:
        app.window.close()
        close_app(app)


def test_unopenable_notes_store_is_reported_not_fatal(qtbot, tmp_path: Path) -> None:
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", start=False)

    def broken() -> NotesStore:
        raise OSError("disk is read-only")

    app.annotations.factory = broken
    app.start()
    qtbot.waitUntil(lambda: app.notes_panel.message.text() != "", timeout=10000)
    assert "disk is read-only" in app.notes_panel.message.text()
    assert not app.actions.add_bookmark.isEnabled()
    close_app(app)


class FullDisk:
    """The real store, but every add fails as SQLite does on a full disk (until ``fails``
    runs out)."""

    def __init__(self, store: NotesStore, fails: int = 1_000) -> None:
        self.store, self.fails, self.calls = store, fails, 0

    def __getattr__(self, name: str):
        real = getattr(self.store, name)
        if not name.startswith(("add_", "toggle_")):
            return real

        def failing(*args, **kwargs):
            self.calls += 1
            if self.calls <= self.fails:
                raise sqlite3.OperationalError("database or disk is full")
            return real(*args, **kwargs)

        return failing


def answer_dialog(monkeypatch, button: str) -> list[tuple[str, str]]:
    """Patch QMessageBox.exec (never block): record the dialog and click ``button``."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def fake_exec(box) -> int:
        shown.append((box.text(), box.detailedText()))
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_full_disk_note_keeps_its_text_and_retry_saves_it(noted_app, monkeypatch) -> None:
    noted_app.annotations.notes = FullDisk(noted_app.annotations.notes, fails=1)
    shown = answer_dialog(monkeypatch, "Retry")
    noted_app.reading.open_article(OTHER, "sharpening-strategic-focus")
    note = noted_app.annotations.add_note("  Check against the NSS  ")
    assert shown == [("The note could not be saved: database or disk is full",
                      "Check against the NSS")]
    assert note is not None and note.text == "Check against the NSS"
    assert [n.text for n in noted_app.annotations.notes.store.notes()] == ["Check against the NSS"]


def test_full_disk_bookmark_and_highlight_offer_to_copy_the_text(qtbot, noted_app,
                                                                 monkeypatch) -> None:
    from PySide6.QtGui import QGuiApplication

    noted_app.annotations.notes = FullDisk(noted_app.annotations.notes)
    shown = answer_dialog(monkeypatch, "Copy text")
    noted_app.reading.open_article(FOOTNOTED, "economic-security-infrastructure")
    passage = noted_app.reading.current.passage("economic-security-infrastructure")
    noted_app.reader.setFocus()
    noted_app.actions.add_bookmark.trigger()  # no exception escapes to stderr
    assert shown[-1] == ("The bookmark could not be saved: database or disk is full",
                         passage.text)
    assert QGuiApplication.clipboard().text() == passage.text
    cursor = noted_app.reader.find_in_passage("economic-security-infrastructure", passage.text[:20])
    noted_app.reader.setTextCursor(cursor)
    noted_app.actions.highlight_selection.trigger()
    assert shown[-1][0].startswith("The highlight could not be saved")
    assert QGuiApplication.clipboard().text() == passage.text[:20]
    assert noted_app.annotations.notes.store.annotations() == []
    assert "Not saved" in noted_app.window.statusBar().currentMessage()


def test_recovery_after_damage_is_shown_in_the_notes_panel(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "data" / "notes.sqlite3"
    with NotesStore(db, auto_backup=False) as store:
        store.add_note(OTHER, "sharpening-strategic-focus", "survives the damage")
    with open(db, "r+b") as handle:
        handle.write(b"not a database" * 8)
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", start=False)
    app.annotations.factory = lambda: NotesStore(db, auto_backup=False)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.annotations.notes is not None, timeout=10000)
        assert [n.text for n in app.annotations.notes.notes()] == ["survives the damage"]
        message = app.notes_panel.message
        assert message.isVisible() and "Recovered 1 note(s)" in message.text()
        assert "notes.sqlite3.corrupt-" in message.text()
    finally:
        close_app(app)
