"""Issue 12, live preview: a saved article shows in place, F5 reloads, a broken save loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from test_ui_support import CONTENT, FOOTNOTED, OFFSCREEN_NOTICES, OTHER, REPO, build_app, close_app

from jpbrief.core.content import load_library

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
PLACE = "economic-security-infrastructure"
"""A passage far down the footnoted article: the reader's place to keep."""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CONTENT, tmp_path / "content"))


@pytest.fixture
def app(qtbot, tmp_path: Path, content: Path):
    reader_app = build_app(qtbot, tmp_path / "config", tmp_path / "index", content=content)
    assert reader_app.reading.open_article(FOOTNOTED, PLACE)
    qtbot.waitUntil(lambda: bool(reader_app.content_reload.watch.watching))  # after the first paint
    yield reader_app
    close_app(reader_app)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _retitle(content: Path, title: str) -> None:
    path = content / "articles" / f"{FOOTNOTED}.md"
    article = load_library(content).article(FOOTNOTED)
    assert article is not None
    _edit(path, f"title: \"{article.title}\"", f"title: \"{title}\"")


def test_reload_is_f5_in_the_view_menu(app) -> None:
    assert QKeySequence("F5") in app.actions.reload.shortcuts()
    view = next(m for m in app.window.menuBar().actions() if m.text() == "&View").menu()
    assert app.actions.reload in view.actions()


def test_f5_reloads_the_article_in_place(qtbot, app, content: Path) -> None:
    path = content / "articles" / f"{FOOTNOTED}.md"
    _edit(path, "{: #" + PLACE, "{: #" + PLACE.replace("infrastructure", "base"))  # its anchor renamed
    _retitle(content, "Navigating new frontiers, revised")
    app.content_reload.watch.stop()  # F5 alone, not the watcher
    top = app.reader.verticalScrollBar().value()
    app.actions.reload.trigger()
    qtbot.waitUntil(lambda: app.window.windowTitle().startswith("Navigating new frontiers, revised"), timeout=15000)
    assert app.reading.current is not None and app.reading.current.id == FOOTNOTED
    assert app.library.article(FOOTNOTED) is app.reading.current
    assert abs(app.reader.verticalScrollBar().value() - top) <= app.reader.viewport().height() // 2
    assert all(part.library is app.library for part in (app.reading, app.documents, app.library_panel))


def test_a_save_is_shown_without_f5_and_the_place_is_kept(qtbot, app, content: Path) -> None:
    _retitle(content, "Saved in an editor")
    qtbot.waitUntil(lambda: app.window.windowTitle().startswith("Saved in an editor"), timeout=15000)
    assert app.reader.top_anchor() == PLACE
    assert not app.window.banner.isVisible()


def test_a_broken_save_shows_in_the_banner_and_keeps_the_article(qtbot, app, content: Path) -> None:
    shown = app.reader.toPlainText()
    path = content / "articles" / f"{FOOTNOTED}.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("\ntitle: ", "\ntitle: [", 1), encoding="utf-8")
    banner = app.window.banner
    qtbot.waitUntil(banner.isVisible, timeout=15000)
    assert "the last version that loaded is still shown" in banner.title.text()
    assert f"articles/{FOOTNOTED}.md, line 3: invalid front matter" in banner.details.text()
    assert str(content) not in banner.details.text()  # relative to the content folder
    assert app.reading.current is not None and app.reading.current.id == FOOTNOTED
    assert app.reader.toPlainText() == shown and app.reader.top_anchor() == PLACE
    assert [a.id for a in app.library.articles] == [a.id for a in load_library(CONTENT).articles]
    path.write_text(good, encoding="utf-8")  # fixed: the banner goes
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15000)
    assert app.reader.top_anchor() == PLACE


def test_a_deleted_article_gives_way_to_another(qtbot, app, content: Path) -> None:
    (content / "articles" / f"{FOOTNOTED}.md").unlink()
    qtbot.waitUntil(lambda: app.reading.current is not None and app.reading.current.id == OTHER, timeout=15000)
    assert [a.id for a in app.library.articles] == [OTHER]
    assert app.library_panel.library is app.library


def test_the_reader_on_the_bundle_watches_it(app) -> None:
    assert str(app.content_dir / "articles" / f"{FOOTNOTED}.md") in app.content_reload.watch.watching
    assert app.content_dir != REPO / "content"  # the tests edit a copy, never the bundle


def test_a_note_follows_its_passage_when_a_save_renames_the_anchor(qtbot, tmp_path: Path, content: Path) -> None:
    from jpbrief.core.notes import NotesStore

    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", content=content, start=False)
    app.annotations.factory = lambda: NotesStore(tmp_path / "notes.sqlite3", auto_backup=False)
    try:
        app.start()
        qtbot.waitUntil(lambda: app.annotations.notes is not None and bool(app.content_reload.watch.watching))
        assert app.reading.open_article(FOOTNOTED, PLACE)
        assert app.annotations.add_note("Compare with the white paper") is not None
        _edit(content / "articles" / f"{FOOTNOTED}.md", "{: #" + PLACE, "{: #economic-security-base")
        app.actions.reload.trigger()
        qtbot.waitUntil(lambda: app.reading.current is not None
                        and app.reading.current.passage("economic-security-base") is not None, timeout=15000)
        (note,) = app.annotations.notes.notes()
        assert (note.anchor, note.detached, note.original_anchor) == ("economic-security-base", False, PLACE)
        assert app.annotations.library is app.library
    finally:
        close_app(app)


def test_search_after_a_reload_finds_the_new_words(qtbot, tmp_path: Path, content: Path) -> None:
    from jpbrief.core.search.results import IndexStatus
    from jpbrief.ui.app import ReaderApp
    from jpbrief.ui.ports import LaunchPaths
    from jpbrief.ui.services.settings import Settings

    where = LaunchPaths(LaunchPaths.default().resources, tmp_path / "index", tmp_path / "key",
                        tmp_path / "packs", ())
    app = ReaderApp(load_library(content), content, Settings(tmp_path / "config"), where=where)  # its own index
    qtbot.addWidget(app.window)
    try:
        app.start()
        qtbot.waitUntil(lambda: bool(app.content_reload.watch.watching))
        old_search = app.search
        # The index of the start-up library first: one built while the file changes is
        # published under the new files' fingerprint (a race in core.search, reported).
        qtbot.waitUntil(lambda: old_search.status is not None and old_search.status.state == IndexStatus.READY,
                        timeout=60000)
        app.content_reload.watch.stop()  # F5 alone: a second reload by the watcher would shut
        # down the service this test waits on (a shut service passes nothing on)
        _edit(content / "articles" / f"{OTHER}.md", "As Japan becomes", "As Zanzibarish Japan becomes")
        with qtbot.waitSignal(app.content_reload.applied, timeout=15000):
            app.actions.reload.trigger()
        assert app.search is not old_search
        with qtbot.waitSignal(app.search.results_ready, timeout=60000) as blocker:
            qtbot.keyClicks(app.search_panel.query, "zanzibarish")
        assert [(hit.article, hit.anchor) for hit in blocker.args[1].hits] == [(OTHER, "forward-leading")]
    finally:
        close_app(app)
