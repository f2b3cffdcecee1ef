"""Japanese beside English: Japanese queries through the glossary, Japanese text, width
folding, and acronyms in capitals (US) apart from lower-case words (us)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.model import Acronym, Article, BilingualTerm, Glossary, JapaneseName, Library, Passage
from jpbrief.core.search import SearchIndex, SearchResult

REPO = Path(__file__).parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "japanese"


def para(anchor: str, text: str) -> Passage:
    return Passage(anchor, "paragraph", text, text, None)


def anchors(result: SearchResult) -> list[str]:
    return [hit.anchor for hit in result.hits]


def ranking(result: SearchResult) -> list[tuple[str, str, float, tuple[tuple[int, int], ...]]]:
    return [(hit.article, hit.anchor, hit.score, hit.spans) for hit in result.hits]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    library = load_library(REPO / "content")
    with SearchIndex(library, None, tmp_path_factory.mktemp("ix")) as index:
        index.ensure()
        yield index


@pytest.mark.parametrize(
    ("japanese", "english"),
    [
        ("反撃能力", "counterstrike capabilities"),
        ("経済安全保障", "economic security"),
        ("セキュリティ・クリアランス", "security clearance"),
        ("ｾｷｭﾘﾃｨ･ｸﾘｱﾗﾝｽ", "security clearance"),  # half width folds
        ("国家安全保障戦略", "National Security Strategy"),
    ],
)
def test_a_japanese_name_finds_what_its_english_finds_ranked_the_same(
    bundled: SearchIndex, japanese: str, english: str
) -> None:
    found, expected = bundled.search(japanese, limit=50), bundled.search(english, limit=50)
    assert expected.hits, english
    assert ranking(found) == ranking(expected)
    assert ranking(bundled.search(japanese, limit=50, as_you_type=True)) == ranking(expected)
    assert found.total == expected.total
    # the English words are what is marked
    top = found.hits[0]
    marked = " ".join(top.text[s:e] for s, e in top.spans).casefold()
    assert any(word in marked for word in english.casefold().split())
    assert "in the glossary" in (found.message or "")


def test_a_japanese_word_with_no_entry_says_so_and_offers_the_nearest_names(bundled: SearchIndex) -> None:
    result = bundled.search("防衛費")
    assert result.hits == []
    assert "No glossary entry for “防衛費”" in (result.message or "")
    assert "nearest: " in (result.message or "")
    # each nearest name shares characters with the word and is offered as a query
    assert result.suggestions and all("防衛" in s for s in result.suggestions)
    unrelated = bundled.search("寿司")
    assert "no Japanese name in the glossary is like it" in (unrelated.message or "")


@pytest.fixture(scope="module")
def kenpo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    library = load_library(FIXTURE)
    assert library.problems == ()
    with SearchIndex(library, None, tmp_path_factory.mktemp("ix")) as index:
        index.ensure()
        yield index


@pytest.mark.parametrize(
    ("word", "anchor"),
    [("戦力", ["war-potential"]), ("交戦権", ["war-potential"]), ("平和", ["renunciation"]),
     # the title (戦争の放棄) goes with the article's first paragraph; its heading
     # ("section") is not a result on its own
     ("放棄", ["renunciation"])],
)
def test_a_japanese_article_is_found_by_its_words(kenpo: SearchIndex, word: str, anchor: list[str]) -> None:
    result = kenpo.search(word)
    assert anchors(result) == anchor
    hit = result.hits[0]
    assert [hit.text[s:e] for s, e in hit.spans] == [word]
    assert f"<b>{word}</b>" in hit.snippet


def test_japanese_words_are_matched_as_phrases_not_as_scattered_characters(kenpo: SearchIndex) -> None:
    # 戦争 and 放棄 both occur in the first paragraph, but never as 争放
    assert kenpo.search("争放").hits == []
    assert anchors(kenpo.search("戦争 放棄")) == ["renunciation"]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    glossary = Glossary(
        acronyms=(Acronym("NATO", "North Atlantic Treaty Organization"),),
        synonyms=(("United States", "US", "U.S."),),
        terms=(BilingualTerm(("economic security",), JapaneseName("経済安全保障", None, "test")),),
    )
    article = Article(
        "mixed",
        "Mixed",
        (
            para("dicas-ja", "日米のDICAS協議は2024年に始まった。"),
            para("full-width", "ＤＩＣＡＳ met again in ｾｷｭﾘﾃｨ talks."),
            para("acronym", "The US will sell interceptors."),
            para("abbreviation", "U.S. forces trained in Japan."),
            para("spelled-out", "The United States agreed."),
            para("pronoun", "Officials told us the plan."),
            para("nato", "NATO opened an office."),
            para("nato-long", "The North Atlantic Treaty Organization met."),
            para("economic-en", "Economic security is a priority."),
            para("economic-ja", "経済安全保障推進法が成立した。"),
        ),
    )
    with SearchIndex(Library(articles=(article,), glossary=glossary), None, tmp_path_factory.mktemp("ix")) as index:
        index.ensure()
        yield index


def test_mixed_japanese_and_english_passages(mixed: SearchIndex) -> None:
    assert anchors(mixed.search("協議")) == ["dicas-ja"]
    both = mixed.search("DICAS協議")
    assert anchors(both)[0] == "dicas-ja"  # both words first, then DICAS alone
    assert "No glossary entry for “協議”" in (both.message or "")  # not for DICAS
    # a glossary name beside English: the English of the name, and the English word
    assert anchors(mixed.search("経済安全保障priority")) == ["economic-en", "economic-ja"]
    assert set(anchors(mixed.search("DICAS"))) == {"dicas-ja", "full-width"}


@pytest.mark.parametrize("query", ["ｄｉｃａｓ", "ＤＩＣＡＳ", "dicas"])
def test_full_width_and_half_width_forms_fold(mixed: SearchIndex, query: str) -> None:
    assert set(anchors(mixed.search(query))) == {"dicas-ja", "full-width"}


def test_half_width_katakana_text_is_found_by_full_width_query(mixed: SearchIndex) -> None:
    hit = mixed.search("セキュリティ").hits[0]
    assert hit.anchor == "full-width"
    assert [hit.text[s:e] for s, e in hit.spans] == ["ｾｷｭﾘﾃｨ"]


def test_a_japanese_name_finds_english_and_japanese_passages_alike(mixed: SearchIndex) -> None:
    result = mixed.search("経済安全保障")
    assert set(anchors(result)) == {"economic-en", "economic-ja"}
    assert int(result.hits[0].score) == int(result.hits[1].score)  # both in the top tier


def test_us_in_capitals_is_the_acronym_not_the_pronoun(mixed: SearchIndex) -> None:
    result = mixed.search("US")
    assert set(anchors(result)) == {"acronym", "abbreviation", "spelled-out"}
    acronym = next(hit for hit in result.hits if hit.anchor == "acronym")
    assert [acronym.text[s:e] for s, e in acronym.spans] == ["US"]


def test_us_in_lower_case_is_the_word_and_not_expanded_where_the_text_uses_the_pronoun(
    mixed: SearchIndex,
) -> None:
    result = mixed.search("us")
    assert "pronoun" in anchors(result)
    assert "spelled-out" not in anchors(result)  # not "United States"


def test_an_acronym_never_printed_in_lower_case_still_expands_when_typed_so(mixed: SearchIndex) -> None:
    assert set(anchors(mixed.search("nato"))) == {"nato", "nato-long"}
    assert set(anchors(mixed.search("NATO"))) == {"nato", "nato-long"}
