"""Search behaviour on a small hand-built library: what a reader types, what they get."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jpbrief.core.model import (
    Acronym,
    Article,
    Footnote,
    Glossary,
    Library,
    Passage,
    Source,
    Theme,
)
from jpbrief.core.search import SearchIndex, SearchResult


def para(anchor: str, text: str, section: str | None = None, themes: str = "", cites=()) -> Passage:
    return Passage(
        anchor,
        "paragraph",
        text,
        text,
        section,
        themes=tuple(themes.split()),
        footnotes=tuple(Footnote(i + 1, source) for i, source in enumerate(cites)),
    )


def heading(anchor: str, text: str) -> Passage:
    return Passage(anchor, "heading", "## " + text, text, text)


def build_library() -> Library:
    alpha = Article(
        "alpha",
        "Japan’s defence build-up",
        (
            para("opening", "Tokyo has pledged a major increase in military spending."),
            heading("missile-defence", "Missile defence"),
            para(
                "acquisitions",
                "Japan will buy JASSM-ER and SM-3 Block IIA interceptors for its "
                "counter-hypersonic programme.",
                "Missile defence",
                "counterstrike",
            ),
            para(
                "budget",
                "The defence budget will rise from ¥5.4 trillion in 2022 to ¥8.9 trillion by 2027.",
                "Missile defence",
                "spending",
            ),
            para(
                "jsdf",
                "The Japan Self-Defense Forces (JSDF) will modernise command and control.",
                "Missile defence",
                "alliance",
            ),
            para(
                "diet",
                "The Diet passed a security clearance law in 2014.",
                None,
                "economic-security",
            ),
            para(
                "hypersonics",
                "Hypersonics research at the Tōkyō centre is an organisation-wide priority.",
            ),
        ),
    )
    beta = Article(
        "beta",
        "American views on defense",
        (
            para(
                "pentagon",
                "The Pentagon’s defense program will modernize the organization of the center.",
            ),
            para(
                "parliament", "Parliament debated the G7-plus sanctions.", None, "economic-security"
            ),
            para("sdf", "The Self-Defense Forces trained with allies.", None, "alliance"),
            para(
                "purchase",
                "Officials discussed a purchase of long-range cruise missiles.",
                None,
                "counterstrike",
                cites=("johnson-tomahawk",),
            ),
            para(
                "dicas",
                "DICAS brings defense industry cooperation on acquisition and sustainment.",
                None,
                "dicas",
            ),
            para("rice", "Rice prices rose in Osaka while R&D <budgets> stalled."),
            para("interceptors", "Interceptors and budget talks continued in Osaka."),
        ),
    )
    return Library(
        articles=(alpha, beta),
        sources={
            "johnson-tomahawk": Source(
                "johnson-tomahawk", 'Johnson, Jesse. "Tokyo weighs Tomahawk deal." Japan Times.'
            )
        },
        themes={
            theme: Theme(theme, theme.title(), theme)
            for theme in ("counterstrike", "spending", "alliance", "economic-security", "dicas")
        },
        glossary=Glossary(
            acronyms=(
                Acronym("JSDF", "Japan Self-Defense Forces"),
                Acronym("DICAS", "Defence Industry Cooperation on Acquisition and Sustainment"),
            ),
            synonyms=(("parliament", "Diet"), ("Self-Defense Forces", "JSDF", "SDF")),
        ),
    )


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    with SearchIndex(build_library(), None, tmp_path_factory.mktemp("ix")) as search_index:
        search_index.ensure()
        yield search_index


def anchors(result: SearchResult) -> list[str]:
    return [hit.anchor for hit in result.hits]


def plain(snippet: str) -> str:
    return html.unescape(re.sub("</?b>", "", snippet))


# --- analysis seen through search -----------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("defense program", "pentagon"),
        ("defence programme", "pentagon"),
        ("modernise", "pentagon"),
        ("organisation", "pentagon"),
        ("centre", "pentagon"),
        ("tokyo centre", "hypersonics"),
        ("TŌKYŌ CENTRE", "hypersonics"),
        ("hypersonic", "hypersonics"),
        ("counter-hypersonic", "acquisitions"),
        ("counter hypersonic", "acquisitions"),
        ("JASSM-ER", "acquisitions"),
        ("jassm", "acquisitions"),
        ("SM-3", "acquisitions"),
        ("sm3", "acquisitions"),
        ("G7-plus", "parliament"),
        ("G7", "parliament"),
        ("8.9 trillion", "budget"),
        ('"8.9 trillion"', "budget"),
        ("2014", "diet"),
        ("Tomahawk", "purchase"),
        ("Johnson", "purchase"),
    ],
)
def test_finds_what_the_reader_means(index: SearchIndex, query: str, expected: str):
    result = index.search(query)
    assert result.hits, result.message
    assert result.hits[0].anchor == expected


def test_both_spellings_find_both_passages(index: SearchIndex):
    british = set(anchors(index.search("modernise")))
    american = set(anchors(index.search("modernize")))
    assert british == american == {"jsdf", "pentagon"}


def test_a_compound_part_also_finds_the_plain_word(index: SearchIndex):
    assert set(anchors(index.search("hypersonic"))) == {"acquisitions", "hypersonics"}


def test_citation_match_is_explained_in_the_snippet(index: SearchIndex):
    hit = index.search("Tomahawk").hits[0]
    assert "[source:" in hit.snippet and "<b>Tomahawk</b>" in hit.snippet
    assert hit.terms == ()  # nothing to highlight in the passage text itself


def test_section_heading_counts_as_part_of_the_passage(index: SearchIndex):
    # "missile" is in the section heading of "acquisitions", not in its text
    assert "acquisitions" in anchors(index.search("missile interceptors"))
    assert anchors(index.search("missile interceptors"))[0] == "acquisitions"


def test_title_words_find_the_article_through_its_first_passage(index: SearchIndex):
    result = index.search("American views")
    assert anchors(result) == ["pentagon"]
    assert result.hits[0].title == "American views on defense"


# --- ranking ------------------------------------------------------------------------


def test_all_words_rank_before_most_words(index: SearchIndex):
    result = index.search("interceptors budget Osaka")
    # all three words, then two (Osaka + budgets), then one
    assert anchors(result)[:2] == ["interceptors", "rice"]
    assert set(anchors(result)[2:]) == {"budget", "acquisitions"}
    assert result.total == 4
    assert [h.score for h in result.hits] == sorted((h.score for h in result.hits), reverse=True)


def test_a_word_the_text_does_not_use_still_finds_the_passage(index: SearchIndex):
    result = index.search("defence budget zeppelin")
    assert result.hits and result.hits[0].anchor == "budget"


def test_exact_words_rank_above_glossary_only_matches(index: SearchIndex):
    assert anchors(index.search("JSDF"))[:2] == ["jsdf", "sdf"]
    assert anchors(index.search("parliament"))[:2] == ["parliament", "diet"]
    assert anchors(index.search("Diet"))[:2] == ["diet", "parliament"]


def test_glossary_expansion_phrase_finds_the_acronym(index: SearchIndex):
    result = index.search("DICAS")
    assert anchors(result) == ["dicas"]
    result = index.search("Defense Industry Cooperation on Acquisition and Sustainment")
    assert anchors(result)[0] == "dicas"


# "defence"/"defense" in the text, the section heading, a hyphenated part (Self-Defense)
# or the title (indexed with each article's first paragraph only); the heading "Missile
# defence" itself is not a result, its words go with the passages of its section
DEFENCE = {
    "opening",
    "acquisitions",
    "budget",
    "jsdf",
    "pentagon",
    "sdf",
    "dicas",
}


def test_scores_descend_and_total_counts_every_match(index: SearchIndex):
    result = index.search("defence", limit=2)
    assert len(result.hits) == 2
    assert result.total == len(DEFENCE)
    assert set(anchors(index.search("defence"))) == DEFENCE
    assert result.hits[0].score >= result.hits[1].score


def test_group_by_article_keeps_rank_order(index: SearchIndex):
    result = index.search("defence")
    groups = result.group_by_article()
    assert [g.article for g in groups] == list(dict.fromkeys(h.article for h in result.hits))
    assert sum(len(g.hits) for g in groups) == len(result.hits)
    assert groups[0].title in {"Japan’s defence build-up", "American views on defense"}


# --- query language -------------------------------------------------------------------


def test_exact_phrase(index: SearchIndex):
    assert anchors(index.search('"defence budget"')) == ["budget"]
    assert anchors(index.search('"budget defence"')) == []


def test_long_phrases_need_the_words_in_order_not_just_their_pairs(tmp_path: Path):
    library = Library(
        articles=(
            Article(
                "a",
                "A",
                (
                    para("pairs-apart", "Self defense drills met defense forces."),
                    para("phrase", "The self-defense forces drilled."),
                ),
            ),
        )
    )
    with SearchIndex(library, None, tmp_path) as search_index:
        assert anchors(search_index.search('"self defense forces"')) == ["phrase"]
        assert set(anchors(search_index.search('"defense forces"'))) == {"pairs-apart", "phrase"}


def test_or_not_and_minus(index: SearchIndex):
    assert set(anchors(index.search("Tokyo OR Osaka"))) == {
        "opening",
        "hypersonics",
        "rice",
        "interceptors",
        "purchase",
    }
    assert set(anchors(index.search("Osaka -rice"))) == {"interceptors"}
    assert set(anchors(index.search("Osaka NOT rice"))) == {"interceptors"}
    assert set(anchors(index.search("budget AND Osaka"))) == {"interceptors", "rice"}


def test_prefix(index: SearchIndex):
    assert set(anchors(index.search("hyperson*"))) == {"acquisitions", "hypersonics"}
    assert anchors(index.search("dic*")) == ["dicas"]
    assert set(anchors(index.search("organiz*"))) == {"pentagon", "hypersonics"}


def test_as_you_type(index: SearchIndex):
    result = index.search("interc", as_you_type=True)
    assert set(anchors(result)) == {"acquisitions", "interceptors"}
    # a finished last word keeps its glossary equivalents, exact matches first
    assert anchors(index.search("JSDF", as_you_type=True))[:2] == ["jsdf", "sdf"]
    assert anchors(index.search("rice bud", as_you_type=True))[0] == "rice"


def test_filters(index: SearchIndex):
    assert anchors(index.search("defence theme:counterstrike")) == ["acquisitions"]
    assert set(anchors(index.search("defence", theme="counterstrike"))) == {"acquisitions"}
    assert {h.article for h in index.search("defence article:beta").hits} == {"beta"}
    assert set(anchors(index.search("theme:economic-security"))) == {"diet", "parliament"}


def test_unknown_filter_values_say_so(index: SearchIndex):
    result = index.search("defence theme:nonsense")
    assert result.hits == [] and result.message == "There is no theme “nonsense”."
    assert "There is no article" in (index.search("article:nope").message or "")


def test_did_you_mean(index: SearchIndex):
    result = index.search("DICSA")
    assert result.total == 0 and result.suggestions == ["DICAS"]
    assert result.message == "No passages match."
    assert index.search("hypersonnic budget").suggestions[0] == "hypersonic budget"
    assert index.search("defence budget").suggestions == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a word to search for."),
        ("OR", "Type a word to search for."),
        ("😀😀", "Type a word to search for."),
        ("the of", "Those words are too common to search for; add a more specific word."),
        ("-budget", "Add a word to look for: a search cannot consist only of exclusions."),
    ],
)
def test_queries_without_words_get_a_clear_message(index: SearchIndex, query: str, message: str):
    result = index.search(query)
    assert result.hits == [] and result.total == 0 and result.message == message


# --- results ------------------------------------------------------------------------


def test_hit_fields_and_snippet_markup(index: SearchIndex):
    hit = index.search("defence budget").hits[0]
    assert (hit.article, hit.anchor, hit.section, hit.kind) == (
        "alpha",
        "budget",
        "Missile defence",
        "paragraph",
    )
    assert hit.title == "Japan’s defence build-up"
    assert hit.themes == ("spending",)
    assert hit.snippet == (
        "The <b>defence</b> <b>budget</b> will rise from ¥5.4 trillion in 2022 to ¥8.9 trillion by 2027."
    )
    assert hit.terms == ("defence", "budget")
    assert [hit.text[s:e] for s, e in hit.spans] == ["defence", "budget"]
    assert hit.to_dict()["spans"] == [[4, 11], [12, 18]]


def test_snippets_escape_html_and_mark_compounds_whole(index: SearchIndex):
    rice = index.search("rice budgets").hits[0]
    assert rice.anchor == "rice"
    assert rice.snippet == (
        "<b>Rice</b> prices rose in Osaka while R&amp;D &lt;<b>budgets</b>&gt; stalled."
    )
    acquisitions = index.search("JASSM-ER").hits[0]
    assert "<b>JASSM-ER</b>" in acquisitions.snippet
    phrase = index.search('"Japan Self-Defense Forces"').hits[0]
    assert "<b>Japan Self-Defense Forces</b>" in phrase.snippet


def test_long_passages_are_cut_around_the_match(tmp_path: Path):
    filler = " ".join(["alpha"] * 200)
    text = f"{filler} the needle sits here {filler}"
    library = Library(articles=(Article("a", "A", (para("p", text),)),))
    with SearchIndex(library, None, tmp_path) as search_index:
        snippet = search_index.search("needle").hits[0].snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<b>needle</b>" in snippet and len(plain(snippet)) <= 245


def test_limit_is_respected_and_clamped(index: SearchIndex):
    assert len(index.search("defence", limit=1).hits) == 1
    assert index.search("defence", limit=0).hits == []
    assert index.search("defence", limit=0).total == len(DEFENCE)
    assert len(index.search("defence", limit=10**9).hits) == len(DEFENCE)


# --- never an exception -------------------------------------------------------------

NASTY = [
    '"',
    '"unbalanced',
    'a "b',
    "OR",
    "NOT",
    "AND OR NOT",
    "-",
    "--",
    "*",
    "**",
    "a*b*",
    "theme:",
    "article:",
    "theme:\x00",
    "(((",
    ")",
    "x" * 10_000,
    "defence " * 2000,
    "\x00\x01\x02\x1b[31m",
    "\ud800",
    "😀" * 100,
    "🇯🇵 defence",
    "‮reversed",
    "\u200b\u200b",
    "NOT NOT NOT",
    "-defence -budget",
    'theme:dicas "',
    "\\",
    "%s %d {0}",
    "'; DROP TABLE passages; --",
]


@pytest.mark.parametrize("query", NASTY)
def test_nasty_queries_never_raise(index: SearchIndex, query: str):
    result = index.search(query)
    assert isinstance(result, SearchResult)
    assert result.hits or result.message or result.total == 0


@settings(
    max_examples=150,
    deadline=None,
    # the conftest's autouse fixture only points HOME at a temp dir; sharing it is fine
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.one_of(
        st.text(max_size=300),
        st.text(alphabet=st.sampled_from(list('ab "*-:()ORNTADtheme:dicas\x00😀')), max_size=60),
        st.lists(
            st.sampled_from(
                [
                    "OR",
                    "NOT",
                    "AND",
                    '"',
                    "-",
                    "*",
                    "defence",
                    "JSDF",
                    "theme:dicas",
                    "article:beta",
                ]
            ),
            max_size=12,
        ).map(" ".join),
    ),
    st.one_of(st.none(), st.sampled_from(["dicas", "nope", ""])),
    st.integers(min_value=-5, max_value=5000),
)
def test_any_string_returns_results_or_a_message(
    index: SearchIndex, query: str, theme: str | None, limit: int
):
    result = index.search(query, theme=theme, limit=limit, as_you_type=len(query) % 2 == 0)
    assert isinstance(result, SearchResult)
    assert result.total >= len(result.hits)
    if not result.hits:
        assert result.message or result.total >= 0
    for hit in result.hits:
        assert re.fullmatch(r"(?:[^<>]|<b>|</b>)*", hit.snippet), hit.snippet
    if result.message:
        assert not result.message.startswith("Search failed"), result.message
