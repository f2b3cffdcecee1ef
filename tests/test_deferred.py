"""The start-up cache's header index: a start decodes the articles' headers only, each
article's passages when read; a broken entry is read again from its Markdown, alone."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from test_ui_support import CONTENT, OFFSCREEN_NOTICES, close_app

from jpbrief.core import deferred
from jpbrief.core.content import load_library
from jpbrief.core.deferred import DeferredArticle
from jpbrief.core.model import Library
from jpbrief.ui.services import library_cache


def _cached(tmp_path: Path, content: Path = CONTENT) -> tuple[Library, Library, Path]:
    """(the library as loaded, as read back from a fresh start-up cache, the cache folder)."""
    library = load_library(content)
    cache = tmp_path / "startup"
    assert library_cache.save(content, cache, library)
    deferred.recent.clear()
    loaded = library_cache.load(content, cache)
    assert loaded is not None
    return library, loaded[0], cache


def _decoded(library: Library) -> list[str]:
    return [a.id for a in library.articles if isinstance(a, DeferredArticle) and a.decoded]


def test_a_start_decodes_the_headers_only(tmp_path: Path) -> None:
    library, cached, _cache = _cached(tmp_path)
    assert cached.articles and all(isinstance(a, DeferredArticle) for a in cached.articles)
    before = deferred.recent.decoded
    # What the library list, the Themes panel, the About box and the footnote cards ask:
    assert [a.title for a in cached.articles] == [a.title for a in library.articles]
    assert [a.themes for a in cached.articles] == [a.themes for a in library.articles]
    assert cached.passage_count == library.passage_count > 0
    for theme in library.themes:
        assert cached.theme_count(theme) == len(library.theme_passages(theme))
    assert any(cached.theme_count(theme) for theme in library.themes)
    cited = next(f.source_id for _a, p in library.iter_passages() for f in p.footnotes if f.source_id)
    uncited = [a.id for a in library.articles if not a.cites(cited)]
    assert [a.cites(cited) for a in cached.articles] == [a.cites(cited) for a in library.articles]
    assert deferred.recent.decoded == before and _decoded(cached) == []
    # Asking for the citations reads only the articles that cite the source.
    assert cached.citations(cited) == library.citations(cited)
    assert set(_decoded(cached)).isdisjoint(uncited)
    first = cached.articles[0]
    assert first.passages == library.articles[0].passages and first.id in _decoded(cached)


def test_a_theme_reads_only_the_articles_that_carry_it(tmp_path: Path) -> None:
    library, cached, _cache = _cached(tmp_path)
    theme = next(t for t in library.themes
                 if 0 < sum(1 for a in library.articles if t in a.themes) < len(library.articles))
    carrying = {a.id for a in library.articles if theme in a.themes}
    got = [(a.id, p) for a, p in cached.theme_passages(theme)]
    assert got == [(a.id, p) for a, p in library.theme_passages(theme)]
    assert set(_decoded(cached)) == carrying


def test_only_the_last_articles_read_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library, cached, _cache = _cached(tmp_path)
    assert len(cached.articles) >= 2
    monkeypatch.setattr(deferred.recent, "size", 1)
    first, second = cached.articles[:2]
    passages = first.passages
    assert second.passages == library.articles[1].passages
    assert _decoded(cached) == [second.id]  # the first was let go
    assert first.passages == passages and first.passages is not passages  # decoded again
    assert cached.passage(first.id, passages[-1].anchor) == passages[-1]


def test_a_copy_with_other_fields_keeps_its_passages(tmp_path: Path) -> None:
    library, cached, _cache = _cached(tmp_path)
    tagged = replace(cached.articles[0], pack="p")
    assert tagged.pack == "p" and tagged.passages == library.articles[0].passages
    assert tagged == replace(library.articles[0], pack="p") and cached.articles[0] == library.articles[0]
    assert hash(cached.articles[0]) == hash(library.articles[0])
    assert cached == library


def test_the_search_fingerprint_of_a_cached_library_is_the_loaded_ones_and_decodes_nothing(
    tmp_path: Path,
) -> None:
    from jpbrief.core.search.fingerprint import fingerprint

    library = load_library(CONTENT)
    first, *others = library.articles
    library = replace(library, articles=(replace(first, pack="trainer-pack"), *others))  # a pack's
    cache = tmp_path / "startup"
    assert library_cache.save(CONTENT, cache, library)
    deferred.recent.clear()
    loaded = library_cache.load(CONTENT, cache)
    assert loaded is not None
    cached = loaded[0]
    before = deferred.recent.decoded
    # Equal, or the first warm start after a cold one would build the whole index again.
    assert fingerprint(cached, CONTENT) == fingerprint(library, CONTENT)
    assert fingerprint(cached, None) == fingerprint(library, None)
    assert deferred.recent.decoded == before and _decoded(cached) == []


def test_an_article_digest_covers_every_field_and_what_is_indexed_of_each_passage() -> None:
    from dataclasses import fields

    from jpbrief.core.model import Article, Footnote

    article = next(a for a in load_library(CONTENT).articles if any(p.footnotes for p in a.passages))
    original = deferred.digest(article)
    assert deferred.digest(replace(article)) == original  # a copy: the same
    for field in fields(Article):
        if field.name == "passages":
            continue
        value = getattr(article, field.name)
        other = ("x",) if isinstance(value, tuple) else "x" if value != "x" else "y"
        assert deferred.digest(replace(article, **{field.name: other})) != original, field.name
    index, passage = next((i, p) for i, p in enumerate(article.passages) if p.footnotes)
    footnote = passage.footnotes[0]
    for changed in (replace(passage, text=passage.text + " more"),
                    replace(passage, markdown=passage.markdown + " more"),
                    replace(passage, themes=(*passage.themes, "another")),
                    replace(passage, section="elsewhere"),
                    replace(passage, footnotes=(Footnote(footnote.number, "another-source"),
                                                *passage.footnotes[1:]))):
        passages = (*article.passages[:index], changed, *article.passages[index + 1:])
        assert deferred.digest(replace(article, passages=passages)) != original, changed


def test_an_entry_read_again_from_its_markdown_is_hashed_as_read(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    _library, cached, cache = _cached(tmp_path, content)
    broken = cached.articles[0]
    header_digest = deferred.digest(broken)
    path = Path(broken.path)
    text = path.read_text(encoding="utf-8")
    word = next(p.text.split()[0] for p in _library.articles[0].passages if p.kind == "paragraph")
    path.write_text(text.replace(f"\n{word} ", f"\nEdited {word} ", 1), encoding="utf-8")
    _entry(cache, broken.id).write_text("[", encoding="utf-8")
    assert any(p.text.startswith("Edited ") for p in broken.passages)  # read from the Markdown
    edited = load_library(content).article(broken.id)
    assert edited is not None
    assert deferred.digest(broken) == deferred.digest(edited) != header_digest


def _entry(cache: Path, article_id: str) -> Path:
    data = json.loads((cache / library_cache.FILE_NAME).read_text(encoding="utf-8"))
    return cache / data["html"] / (article_id.encode("utf-8").hex() + ".json")


@pytest.mark.parametrize("garbage", ['{"not": "passages"}', "[{", '[{"anchor": 3}]', "\udcff"])
def test_a_broken_entry_is_read_again_from_its_markdown_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], garbage: str
) -> None:
    library, cached, cache = _cached(tmp_path)
    broken, other = cached.articles[0], cached.articles[1]
    _entry(cache, broken.id).write_text(garbage, encoding="utf-8", errors="surrogateescape")
    others = _entry(cache, other.id).read_bytes()
    assert broken.passages == library.articles[0].passages
    message = capsys.readouterr().err
    assert repr(broken.id) in message and str(_entry(cache, broken.id)) in message
    assert broken.path in message and "read again" in message
    assert _entry(cache, other.id).read_bytes() == others  # the others untouched
    assert other.passages == library.articles[1].passages
    deferred.recent.clear()  # the next start reads the rewritten entry, without a message
    again = library_cache.load(CONTENT, cache)
    assert again is not None and again[0].articles[0].passages == library.articles[0].passages
    assert capsys.readouterr().err == ""


def test_an_entry_whose_markdown_is_gone_too_asks_for_a_new_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    import shutil

    shutil.copytree(CONTENT, content)
    library, cached, cache = _cached(tmp_path, content)
    broken = cached.articles[0]
    _entry(cache, broken.id).write_text("[", encoding="utf-8")
    Path(broken.path).unlink()
    assert broken.passages == ()
    message = capsys.readouterr().err
    assert repr(broken.id) in message and "rebuilt at the next start" in message
    assert not (cache / library_cache.FILE_NAME).exists()
    assert cached.articles[1].passages == library.articles[1].passages


@pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
def test_the_first_paint_decodes_the_article_shown_only(qtbot, tmp_path: Path) -> None:
    from jpbrief.ui.app import THEMES_TAB, ReaderApp
    from jpbrief.ui.services.search_service import default_index_factory
    from jpbrief.ui.services.settings import Settings

    library, cached, _cache = _cached(tmp_path)
    settings = Settings(tmp_path / "config")
    settings.sidebar_tab = THEMES_TAB  # the Themes panel is built for the first paint
    settings.sync()
    app = ReaderApp(cached, CONTENT, Settings(tmp_path / "config"), search_factory=default_index_factory(
        CONTENT, cached, tmp_path / "index", key_dir=tmp_path / "data"))
    qtbot.addWidget(app.window)
    qtbot.addWidget(app.card)
    at_paint: list[list[str]] = []
    app.reader.first_painted.connect(lambda: at_paint.append(_decoded(cached)))
    try:
        app.start()
        qtbot.waitUntil(lambda: bool(at_paint))
        assert app.reading.current is not None
        assert at_paint == [[app.reading.current.id]]
        themes = app.themes_panel.themes
        assert themes.count() == len(library.themes) > 0
        counts = [themes.item(row).text() for row in range(themes.count())]
        assert counts == [f"{t.label} ({len(library.theme_passages(t.id))} passage"
                          f"{'' if len(library.theme_passages(t.id)) == 1 else 's'})"
                          for t in library.themes.values()]
    finally:
        close_app(app)


def test_another_thread_reading_many_articles_does_not_make_a_loop_decode_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search index build reads article after article in a worker while the window reads
    others: a loop over one article's passages (asking ``passages`` per passage) must not
    decode that article again each time the others push it out of the kept ones."""
    import threading

    _library, cached, _cache = _cached(tmp_path)
    monkeypatch.setattr(deferred.recent, "size", 1)
    first, second = cached.articles[:2]
    first.passages  # noqa: B018 - read: this thread's last article
    before = deferred.recent.decoded
    worker = threading.Thread(target=lambda: second.passages)
    worker.start()
    worker.join()
    assert deferred.recent.decoded == before + 1  # the worker's article, pushing out this one
    for _ in range(3):
        assert first.passages
    assert deferred.recent.decoded == before + 1
