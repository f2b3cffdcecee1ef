"""Search results a reader can trust (issue 14): every word first, then a group matching
some words; every hit says why it matched; headings are not results on their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jpbrief.core.content.library import load_library
from jpbrief.core.model import Article, Glossary, Library, Passage
from jpbrief.core.search import SearchIndex

READER = Path(__file__).parent / "fixtures" / "reader"  # frozen copy: see its README
EVERY_WORD, SOME_WORDS = "every", "some"  # Hit.tier (results.EVERY_WORD, SOME_WORDS)
QUERIES = ["defense budget", "counterstrike", "DICAS", "NSS", "economic security", "missile"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    with SearchIndex(load_library(READER), None, tmp_path_factory.mktemp("ix")) as search_index:
        search_index.ensure()
        yield search_index


@pytest.mark.parametrize("query", [*QUERIES, "defence spending", "theme:defence-spending"])
def test_headings_are_not_results_on_their_own(index: SearchIndex, query: str):
    result = index.search(query, limit=1000)
    assert result.hits
    assert [hit.anchor for hit in result.hits if hit.kind == "heading"] == []
    assert result.total == len(result.hits)


def test_a_heading_lends_its_words_to_the_passages_of_its_section(index: SearchIndex):
    # "Growing defence spending" is a heading: its paragraphs match "growing" through it
    result = index.search("growing", limit=1000)
    under = [hit for hit in result.hits if hit.section == "Growing defence spending"]
    assert under and all("growing" not in hit.text.casefold() for hit in under)
    assert all(hit.why == "matched in its section heading ‘Growing defence spending’" for hit in under)


def test_every_word_first_then_some_words_with_what_they_lack(index: SearchIndex):
    result = index.search("defense budget", limit=1000)
    tiers = [hit.tier for hit in result.hits]
    assert 0 < result.complete < result.total == len(result.hits)
    assert tiers == [EVERY_WORD] * result.complete + [SOME_WORDS] * (result.total - result.complete)
    for hit in result.hits[: result.complete]:
        assert hit.missing == ()
        assert {"defense", "budget"} <= {t.casefold().replace("defence", "defense") for t in hit.terms}
    assert {hit.missing for hit in result.hits[result.complete :]} <= {("defense",), ("budget",)}
    # the group matching some words is no longer half the corpus
    assert result.total < 35


@pytest.mark.parametrize("query", QUERIES)
def test_every_result_shows_why_it_matched(index: SearchIndex, query: str):
    for hit in index.search(query, limit=1000).hits:
        assert "<b>" in hit.snippet or hit.why, (query, hit.anchor)


def test_counterstrike_through_the_heading_says_so(index: SearchIndex):
    hits = index.search("counterstrike", limit=1000).hits
    unmarked = [hit for hit in hits if "<b>" not in hit.snippet]
    assert {hit.anchor for hit in unmarked} == {"shield-and-spear", "patriot-transfer"}
    assert {hit.why for hit in unmarked} == {
        "matched in its section heading ‘Missile defence and counterstrike’"
    }
    assert all(hit.why == "" for hit in hits if hit not in unmarked)


def test_a_match_through_the_glossary_names_the_equivalent_found(index: SearchIndex):
    hits = {hit.anchor: hit for hit in index.search("FMS", limit=1000).hits}
    assert hits["counterstrike-acquisitions"].why == (
        "matched through the glossary: FMS = foreign military sale"
    )


def test_why_names_the_words_when_the_query_has_several(index: SearchIndex):
    hits = index.search("security infrastructure", limit=1000).hits
    assert any("“infrastructure” matched in its section heading ‘" in hit.why for hit in hits) or any(
        "“security” matched in its section heading ‘" in hit.why for hit in hits
    )


def test_json_carries_tier_why_and_missing(index: SearchIndex):
    data = index.search("defense budget", limit=50).to_dict()
    assert data["complete"] < data["total"]
    assert {"tier", "why", "missing"} <= set(data["hits"][-1])
    assert data["hits"][-1]["tier"] == SOME_WORDS and data["hits"][-1]["missing"]


@pytest.mark.parametrize(
    ("query", "anchor"),
    [
        ("councilors", "council"),
        ("Councillors", "council-us"),
        ("travelled", "travel"),
        ("modelling", "model"),
        ("labeled", "label"),
        ("cancellation", "cancel"),
    ],
)
def test_double_l_spellings_find_each_other_both_ways(
    tmp_path: Path, query: str, anchor: str
):
    def para(anchor: str, text: str) -> Passage:
        return Passage(anchor, "paragraph", text, text, None)

    library = Library(
        articles=(
            Article(
                "spelling",
                "Spelling",
                (
                    para("council", "Councillors in Okinawa voted against the base."),
                    para("council-us", "Councilors in Guam voted for it."),
                    para("travel", "The minister traveled to Manila."),
                    para("model", "Officials are modeling the budget."),
                    para("label", "The parts are labelled for export."),
                    para("cancel", "The cancelation of the visit surprised Seoul."),
                ),
            ),
        ),
        sources={},
        themes={},
        glossary=Glossary(),
    )
    with SearchIndex(library, None, tmp_path / "ix") as spelling_index:
        assert anchor in [hit.anchor for hit in spelling_index.search(query).hits]


@pytest.mark.parametrize(("printed", "typed"), [("Councillors", "councilo*"), ("Councilors", "councill*")])
def test_a_prefix_in_one_spelling_finds_words_printed_in_the_other(
    tmp_path: Path, printed: str, typed: str
):
    text = f"{printed} in Okinawa voted against the base."
    library = Library(
        articles=(Article("a", "A", (Passage("p", "paragraph", text, text, None),)),),
        sources={},
        themes={},
        glossary=Glossary(),
    )
    with SearchIndex(library, None, tmp_path / "ix") as spelling_index:
        assert [hit.anchor for hit in spelling_index.search(typed).hits] == ["p"]


def test_a_passage_lacking_an_or_group_names_the_group(index: SearchIndex):
    result = index.search("budget (tomahawk OR patriot)", limit=1000)
    assert "tomahawk OR patriot" in {word for hit in result.hits for word in hit.missing}
