"""The ranking's posting tables: kept least recently used first out, bounded in tables and
in postings, and the answers the same whatever the cache holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search_query import build_library

from jpbrief.core.search import SearchIndex, ranking


def _tables(entries: int, terms: int = 10) -> ranking._Tables:
    return ranking._Tables(terms, entries)


def test_tables_beyond_the_postings_bound_go_least_recently_used_first() -> None:
    tables = _tables(entries=10)
    tables.put(("text", "a"), dict.fromkeys(range(4), 1.0))
    tables.put(("text", "b"), dict.fromkeys(range(4), 1.0))
    assert tables.get(("text", "a")) is not None  # "a" used last: "b" is the older
    tables.put(("text", "c"), dict.fromkeys(range(4), 1.0))
    assert ("text", "b") not in tables and ("text", "a") in tables and ("text", "c") in tables
    assert tables.held == 8


def test_the_newest_table_is_kept_however_large_and_a_replaced_one_is_not_counted_twice() -> None:
    tables = _tables(entries=10)
    tables.put(("text", "a"), dict.fromkeys(range(3), 1.0))
    tables.put(("text", "huge"), dict.fromkeys(range(50), 1.0))
    assert len(tables) == 1 and ("text", "huge") in tables and tables.held == 50
    tables.put(("text", "huge"), dict.fromkeys(range(5), 1.0))
    assert tables.held == 5


def test_tables_beyond_the_count_bound_go_too() -> None:
    tables = _tables(entries=1000, terms=2)
    for term in "abc":
        tables.put(("text", term), {1: 1.0})
    assert len(tables) == 2 and ("text", "a") not in tables and tables.held == 2


QUERIES = ("defence", "interceptors budget Osaka", "JSDF", "DICAS", "defence budget zeppelin",
           "parliament", "Japan", "missile defence")


def _answers(index: SearchIndex) -> list[list[tuple[str, str, float]]]:
    return [[(hit.article, hit.anchor, round(hit.score, 9)) for hit in index.search(query).hits]
            for query in QUERIES * 2]


def test_answers_do_not_depend_on_what_the_cache_could_keep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SearchIndex(build_library(), None, tmp_path / "roomy") as roomy:
        roomy.ensure()
        expected = _answers(roomy)
    monkeypatch.setattr(ranking, "CACHE_ENTRIES", 1)  # one table kept at a time
    with SearchIndex(build_library(), None, tmp_path / "tight") as tight:
        tight.ensure()
        assert _answers(tight) == expected
        postings = tight._open.postings if tight._open is not None else None
        assert postings is not None and len(postings._tf) == 1 and len(postings._bm25) == 1
    assert any(expected)
