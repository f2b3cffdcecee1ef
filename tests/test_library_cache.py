"""The start-up cache's rendered articles: one file each, read when shown, never trusted further."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_ui_support import CONTENT, OFFSCREEN_NOTICES, build_app, close_app

from jpbrief.core.model import Article, Library, Passage
from jpbrief.ui.services import library_cache

LIBRARY = Library(articles=(Article("a/../b", "T", (Passage("p", "paragraph", "x", "x", None),)),))


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    return content


def test_articles_are_read_one_at_a_time_and_added_later(tmp_path: Path) -> None:
    content, cache = _content(tmp_path), tmp_path / "startup"
    store = library_cache.save(content, cache, LIBRARY, {"a/../b": "<html>one</html>"})
    assert store is not None
    assert [p.name for p in cache.iterdir() if p.is_dir()] == [store.folder.name]
    assert all(p.parent == store.folder for p in store.folder.iterdir())  # the id is no path
    loaded = library_cache.load(content, cache)
    assert loaded is not None and loaded[0] == LIBRARY
    rendered = loaded[1]
    assert rendered.get("a/../b") == "<html>one</html>" and rendered.get("other") is None
    assert rendered.put("other", "<html>two</html>")
    assert dict(library_cache.load(content, cache)[1]) == {  # type: ignore[index]
        "a/../b": "<html>one</html>", "other": "<html>two</html>"}


def test_a_new_cache_drops_the_older_rendered_articles(tmp_path: Path) -> None:
    content, cache = _content(tmp_path), tmp_path / "startup"
    first = library_cache.save(content, cache, LIBRARY, {"a/../b": "old"})
    second = library_cache.save(content, cache, LIBRARY, {})
    assert first is not None and second is not None and not first.folder.exists()
    assert library_cache.load(content, cache)[1].get("a/../b") is None  # type: ignore[index]


def test_a_cache_naming_a_folder_outside_its_own_is_refused(tmp_path: Path) -> None:
    content, cache = _content(tmp_path), tmp_path / "startup"
    assert library_cache.save(content, cache, LIBRARY, {})
    data = json.loads((cache / library_cache.FILE_NAME).read_text(encoding="utf-8"))
    for folder in ("../../etc", "html-0123456789abcdef/..", 7):
        data["html"] = folder
        (cache / library_cache.FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
        assert library_cache.load(content, cache) is None


def test_a_cache_whose_article_digest_is_not_a_hash_is_refused(tmp_path: Path) -> None:
    content, cache = _content(tmp_path), tmp_path / "startup"
    assert library_cache.save(content, cache, LIBRARY, {})
    data = json.loads((cache / library_cache.FILE_NAME).read_text(encoding="utf-8"))
    assert library_cache.load(content, cache) is not None
    for digest in ("é" * 64, "", "0" * 63, "A" * 64):
        data["articles"][0]["header"][3] = digest
        (cache / library_cache.FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
        assert library_cache.load(content, cache) is None, digest


@pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
def test_a_first_start_caches_the_article_shown_then_each_one_opened(qtbot, tmp_path: Path) -> None:

    cache = tmp_path / "startup"
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", cache_root=cache)
    try:
        qtbot.waitUntil(lambda: (cache / library_cache.FILE_NAME).exists())
        shown = app.reading.current
        assert shown is not None
        loaded = library_cache.load(CONTENT, cache)
        assert loaded is not None and set(loaded[1]) == {shown.id}  # not the whole library
        other = next(a for a in app.library.articles if a.id != shown.id)
        app.reading.open_article(other.id)
        assert set(loaded[1]) == {shown.id, other.id}
        css = app.reading.appearance.reader_css()  # what a warm start shows: the same page
        assert library_cache.with_css(loaded[1][other.id], css) == app.reading._render(other)
    finally:
        close_app(app)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
def test_after_a_first_start_the_articles_let_their_passages_go_and_read_them_back(
    qtbot, tmp_path: Path
) -> None:
    import threading

    from jpbrief.core import deferred
    from jpbrief.core.content import load_library

    cache = tmp_path / "startup"
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", cache_root=cache, start=False)
    opening, indexed = threading.Event(), threading.Event()
    real = app._search_factory
    assert real is not None

    def held_open():  # the index opens only when the test says so
        index = real()
        opening.set()
        indexed.wait(30)
        return index

    app._search_factory = held_open
    app.start()
    try:
        held = list(app.library.articles)  # the very objects the window and search hold
        qtbot.waitUntil(lambda: (cache / library_cache.FILE_NAME).exists() and opening.is_set())
        # Not while the search worker may still read them all for its index:
        assert not any(isinstance(a, deferred.DeferredArticle) for a in app.library.articles)
        indexed.set()
        qtbot.waitUntil(lambda: all(isinstance(a, deferred.DeferredArticle) for a in app.library.articles))
        assert all(a is b for a, b in zip(app.library.articles, held, strict=True))
        assert app.reading.current is not None and app.reading.current in held
        parsed = load_library(CONTENT)
        assert [a.passages for a in app.library.articles] == [a.passages for a in parsed.articles]
        other = next(a for a in app.library.articles if a.id != app.reading.current.id)
        assert app.reading.open_article(other.id) and app.reading.current is other
    finally:
        close_app(app)
