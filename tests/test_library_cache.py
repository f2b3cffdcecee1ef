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
    store = library_cache.save(content, cache, LIBRARY)
    assert store is not None and store.put("a/../b", "<html>one</html>")
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
    first = library_cache.save(content, cache, LIBRARY)
    assert first is not None and first.put("a/../b", "old")
    second = library_cache.save(content, cache, LIBRARY)
    assert first is not None and second is not None and not first.folder.exists()
    assert library_cache.load(content, cache)[1].get("a/../b") is None  # type: ignore[index]


def test_a_cache_naming_a_folder_outside_its_own_is_refused(tmp_path: Path) -> None:
    content, cache = _content(tmp_path), tmp_path / "startup"
    assert library_cache.save(content, cache, LIBRARY)
    data = json.loads((cache / library_cache.FILE_NAME).read_text(encoding="utf-8"))
    for folder in ("../../etc", "html-0123456789abcdef/..", 7):
        data["html"] = folder
        (cache / library_cache.FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
        assert library_cache.load(content, cache) is None


def test_a_cache_whose_article_digest_is_not_a_hash_is_refused(tmp_path: Path) -> None:
    content, cache = _content(tmp_path), tmp_path / "startup"
    assert library_cache.save(content, cache, LIBRARY)
    data = json.loads((cache / library_cache.FILE_NAME).read_text(encoding="utf-8"))
    assert library_cache.load(content, cache) is not None
    for digest in ("é" * 64, "", "0" * 63, "A" * 64):
        data["articles"][0]["header"][3] = digest
        (cache / library_cache.FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
        assert library_cache.load(content, cache) is None, digest


def test_a_first_start_parses_caches_and_reads_the_library_back(tmp_path: Path) -> None:
    import weakref

    from jpbrief.core import deferred
    from jpbrief.core.content import load_library

    cache = tmp_path / "startup"
    parsed: list[weakref.ref[Library]] = []

    def parse() -> Library:
        library = load_library(CONTENT)
        parsed.append(weakref.ref(library))
        return library

    library, store = library_cache.parse_and_cache(CONTENT, cache, library_cache.fingerprint(CONTENT), parse)
    assert len(parsed) == 1 and parsed[0]() is None  # the parse is not kept
    assert store is not None and set(store) == set()  # nothing rendered yet
    assert library.articles and all(
        isinstance(a, deferred.DeferredArticle) and not a.decoded for a in library.articles)
    fresh = load_library(CONTENT)
    assert [a.passages for a in library.articles] == [a.passages for a in fresh.articles]
    assert library.themes == fresh.themes and library.sources == fresh.sources
    again = library_cache.load(CONTENT, cache)  # what the next start finds
    assert again is not None and [a.id for a in again[0].articles] == [a.id for a in library.articles]


def test_a_first_start_that_cannot_cache_keeps_the_parsed_library(tmp_path: Path, monkeypatch) -> None:
    from jpbrief.core.content import load_library

    calls: list[Library] = []

    def parse() -> Library:
        calls.append(load_library(CONTENT))
        return calls[-1]

    blocked = tmp_path / "startup"
    blocked.write_text("a file where the cache folder goes", encoding="utf-8")
    library, store = library_cache.parse_and_cache(CONTENT, blocked, "stamp", parse)
    assert store is None and library is calls[0] and len(calls) == 1

    monkeypatch.setattr(library_cache, "load", lambda *_args, **_kw: None)  # written, not read back
    library, store = library_cache.parse_and_cache(CONTENT, tmp_path / "other", "stamp", parse)
    assert store is None and len(calls) == 3 and library is calls[2]


@pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
def test_a_first_start_caches_the_article_shown_then_each_one_opened(qtbot, tmp_path: Path) -> None:
    cache = tmp_path / "startup"
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", cache_root=cache)
    try:
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


def test_a_content_folder_whose_name_is_not_utf8_is_cached_and_read_back(tmp_path: Path) -> None:
    """Linux file names are bytes: one that is not UTF-8 reaches Python as lone surrogates,
    which the cache writes as JSON escapes (UTF-8 cannot hold them) and reads back."""
    import os
    import shutil

    from jpbrief.core.content import load_library

    content = tmp_path / os.fsdecode(b"d\xe9p\xff")  # not UTF-8
    shutil.copytree(CONTENT, content)
    cache = tmp_path / "startup"
    library, store = library_cache.parse_and_cache(
        content, cache, library_cache.fingerprint(content), lambda: load_library(content))
    assert store is not None
    assert [a.passages for a in library.articles] == [a.passages for a in load_library(content).articles]
    assert library_cache.load(content, cache) is not None  # the next start is a warm one
    assert store.put("an-id", f"<p>{content}</p>") is False  # not kept, and no fault: only a cache


def test_a_cache_half_written_leaves_no_generation_behind(tmp_path: Path, monkeypatch) -> None:
    from jpbrief.core.content import load_library

    library = load_library(CONTENT)
    real, written = library_cache.atomic_write_text, []

    def full_after_one(path: Path, text: str, **kwargs) -> None:
        if written:
            raise OSError(28, "No space left on device")
        written.append(path)
        real(path, text, **kwargs)

    monkeypatch.setattr(library_cache, "atomic_write_text", full_after_one)
    cache = tmp_path / "startup"
    assert library_cache.save(CONTENT, cache, library) is None
    assert written and list(cache.iterdir()) == []


def test_a_fault_writing_the_cache_is_said_and_the_parsed_library_read(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from jpbrief.core.content import load_library

    def broken(*_args, **_kwargs):
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(library_cache, "save", broken)
    parsed = load_library(CONTENT)
    library, store = library_cache.parse_and_cache(CONTENT, tmp_path / "startup", "stamp", lambda: parsed)
    assert library is parsed and store is None
    err = capsys.readouterr().err
    assert "start-up cache could not be written" in err and "RuntimeError: a fault of ours" in err
