"""The library's look-ups: by id, by anchor and by theme, as a scan would answer them."""

from __future__ import annotations

from dataclasses import replace

from jpbrief.core.model import Article, Library, Passage


def _passage(anchor: str, *themes: str) -> Passage:
    return Passage(anchor, "paragraph", anchor, anchor, None, themes=themes)


def _library() -> Library:
    one = Article("one", "One", (_passage("a", "x"), _passage("b", "y", "x"), _passage("c")))
    two = Article("two", "Two", (_passage("a", "y"), _passage("d", "x", "x")))
    return Library(articles=(one, two))


def test_lookups_match_a_scan_of_the_articles():
    library = _library()
    assert library.article("two") is library.articles[1]
    assert library.article("three") is None
    assert library.passage("two", "d") is library.articles[1].passages[1]
    assert library.passage("one", "d") is None and library.passage("nope", "a") is None
    scanned = [(a.id, p.anchor) for a, p in library.iter_passages() if "x" in p.themes]
    assert [(a.id, p.anchor) for a, p in library.theme_passages("x")] == scanned
    assert scanned == [("one", "a"), ("one", "b"), ("two", "d")]  # a repeated theme counts once
    assert library.theme_passages("none") == []


def test_a_caller_cannot_change_the_index_through_the_list_it_was_given():
    library = _library()
    library.theme_passages("x").clear()
    assert len(library.theme_passages("x")) == 3


def test_replacing_the_articles_refreshes_the_lookups():
    library = _library()
    assert library.article("one") is not None and len(library.theme_passages("y")) == 2
    library.articles = library.articles[1:]
    assert library.article("one") is None
    assert [a.id for a, _p in library.theme_passages("y")] == ["two"]
    copied = replace(library, articles=())
    assert copied.article("two") is None and library.article("two") is not None
    assert copied == replace(library, articles=())  # the index takes no part in equality
