"""Search analysis: folding, stemming, spelling, compounds and numbers, on both sides."""

from __future__ import annotations

import pytest

from jpbrief.core.search.analysis import analyse, word_parts
from jpbrief.core.search.querylang import Group, Phrase, Word, parse
from jpbrief.core.search.spelling import americanise


def terms(text: str) -> list[str]:
    return [tok.term for tok in analyse(text)]


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("defence", "defense"),
        ("Defences", "defenses"),
        ("modernise", "modernize"),
        ("modernisation", "modernization"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("organisation", "organization"),
        ("organisations", "organizations"),
        ("colour", "color"),
        ("neighbouring", "neighboring"),
        ("labour", "labor"),
        ("centre", "center"),
        ("centres", "centers"),
        ("theatre", "theater"),
        ("catalogue", "catalog"),
        ("travelled", "traveled"),
        ("analyse", "analyze"),
        ("licence", "license"),
        ("manoeuvre", "maneuver"),
        ("practise", "practice"),
        ("revitalised", "revitalized"),
        # double l in British, single in American (issue 14)
        ("Councillors", "councilors"),
        ("councillor", "councilor"),
        ("counsellor", "counselor"),
        ("counselling", "counseling"),
        ("travellers", "travelers"),
        ("modelling", "modeling"),
        ("labelled", "labeled"),
        ("cancelled", "canceled"),
        ("cancellation", "cancelation"),
        ("marvellous", "marvelous"),
        ("signalled", "signaled"),
    ],
)
def test_british_and_american_spellings_index_alike(british: str, american: str):
    assert terms(british) == terms(american)
    assert word_parts(f"the {american} met") == word_parts(f"the {british} met")


@pytest.mark.parametrize(
    "word", ["four", "hour", "tour", "your", "fence", "promise", "rise", "filled", "willing"]
)
def test_spelling_rules_leave_look_alikes_alone(word: str):
    assert americanise(word) == word


def test_case_and_accents_fold():
    # (a word in capitals also yields its capitals term, for acronym queries: see below)
    assert word_parts("TŌKYŌ Café naïve") == terms("tokyo cafe naive")


def test_stemming_joins_singular_and_plural():
    assert terms("hypersonic") == terms("hypersonics") == terms("Hypersonics")


def test_hyphenated_compound_yields_whole_and_parts_at_consecutive_positions():
    tokens = analyse("new counter-hypersonic glide")
    [hypersonic] = terms("hypersonic")
    assert [(t.term, t.pos, t.whole) for t in tokens] == [
        ("new", 0, False),
        (terms("counterhypersonic")[0], 1, True),
        ("counter", 1, False),
        (hypersonic, 2, False),
        ("glide", 3, False),
    ]
    whole = tokens[1]
    assert "new counter-hypersonic glide"[whole.start : whole.end] == "counter-hypersonic"


@pytest.mark.parametrize(
    ("text", "whole", "parts"),
    [
        ("JASSM-ER", "jassmer", ["jassm", "er"]),
        ("SM-3", "sm3", ["sm", "3"]),
        ("SM3", "sm3", ["sm", "3"]),
        ("G7-plus", "g7plu", ["g", "7", "plu"]),
    ],
)
def test_acronym_compounds(text: str, whole: str, parts: list[str]):
    tokens = analyse(text)
    assert tokens[0].whole and tokens[0].term == whole
    assert [t.term for t in tokens[1:]] == parts


def test_numbers_and_amounts():
    assert terms("¥8.9 trillion in 2014, 1,500 troops, 76%") == [
        "8.9",
        "trillion",
        "2014",
        "1500",
        "troop",
        "76",
    ]


def test_abbreviations_possessives_and_curly_apostrophes():
    assert terms("U.S.") == terms("US") == ["US", "us"]  # the capitals term, then the word
    assert terms("Japan’s") == terms("Japan's") == terms("Japan")


def test_stop_words_are_dropped_and_positions_renumbered():
    assert word_parts("Ministry of Defense") == word_parts("ministry defence")
    assert [t.pos for t in analyse("Ministry of the Defense")] == [0, 1]


def test_offsets_point_at_the_printed_words():
    text = "The JSDF’s “counter-strike” budget"
    assert [text[t.start : t.end] for t in analyse(text)] == [
        "JSDF",  # its capitals term
        "JSDF",
        "counter-strike",
        "counter",
        "strike",
        "budget",
    ]


def test_huge_and_odd_input_is_bounded():
    tokens = analyse("x" * 10_000 + " ok \x00 😀 " + "-" * 50)
    assert [len(t.term) <= 64 for t in tokens] == [True, True]


# --- query language -------------------------------------------------------------


def test_parse_words_phrases_and_operators():
    parsed = parse('hypersonic "glide phase" -drone NOT ship dic* theme:dicas article:alpha')
    assert parsed.include == [Word("hypersonic"), Phrase("glide phase"), Word("dic", prefix=True)]
    assert parsed.exclude == [Word("drone"), Word("ship")]
    assert parsed.themes == ["dicas"]
    assert parsed.articles == ["alpha"]


def test_parse_or_and_groups():
    parsed = parse("JSDF OR SDF budget AND 2027")
    assert parsed.include == [
        Group("or", (Word("JSDF"), Word("SDF"))),
        Group("and", (Word("budget"), Word("2027"))),
    ]


@pytest.mark.parametrize("query", ["OR", "AND", "NOT", "OR OR", '"', '""', "-", "*", "()", ""])
def test_lone_operators_and_punctuation_parse_to_nothing(query: str):
    parsed = parse(query)
    assert parsed.include == [] and parsed.exclude == []


def test_unbalanced_quote_runs_to_the_end():
    assert parse('budget "glide phase').include == [Word("budget"), Phrase("glide phase")]


def test_lowercase_or_is_a_word_and_negative_numbers_are_numbers():
    assert parse("this or that -5").include == [Word("this"), Word("or"), Word("that"), Word("-5")]


def test_as_you_type_reads_the_last_word_as_a_prefix():
    assert parse("defence bud", as_you_type=True).include == [
        Word("defence"),
        Word("bud", prefix=True),
    ]
    assert parse("defence bud ", as_you_type=True).include == [Word("defence"), Word("bud")]


def test_long_queries_are_cut_with_a_note():
    parsed = parse("word " * 5000)
    assert len(parsed.include) == 32
    assert any("first" in note for note in parsed.notes)


def test_word_tokens_are_analyses_tokens_relative_to_their_word():
    """Indexing takes word_tokens (cached per word), queries and snippets analyse: both
    must make the same terms, printed forms and compounds."""
    from pathlib import Path

    from jpbrief.core.content import load_library
    from jpbrief.core.search.analysis import word_tokens

    texts = ["JASSM-ER and SM-3 for the U.S. Japan's G7, FY2024 8.9 1,500 DICAS協議 ｾｷｭﾘﾃｨ 経済安全保障",
             "counter-hypersonic a-b-c-d-e-f-g-h-i-j NATO’s café ﾊﾞｽ"]
    for folder in (Path(__file__).resolve().parent.parent / "content",
                   Path(__file__).parent / "fixtures" / "japanese"):
        library = load_library(folder)
        texts += [text for _a, p in library.iter_passages() for text in (p.text, p.section or "")]
    compared = 0
    for text in texts:
        expected = [(t.term, t.key, t.surface, t.whole, t.parts) for t in analyse(text)]
        assert [(t.term, t.key, t.surface, t.whole, t.parts) for t in word_tokens(text)] == expected, text
        compared += len(expected)
    assert compared > 1000
