"""The bundled content's events and figures: they all validate, and they cover the text.

Checked independently of the loader's own quote check where it matters: every quote is
found in the passage, and every number written in digits in an article (years, days,
amounts, shares) lies inside the quoted words of some event or figure of its passage, so
a dated event or figure left unannotated fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jpbrief.core.chronology import entries
from jpbrief.core.content import load_library
from jpbrief.core.figures import measure_pairs
from jpbrief.core.model import Library

CONTENT = Path(__file__).resolve().parent.parent / "content"
NUMBER_RE = re.compile(r"(?<![\w-])\d[\d,.]*\d|(?<![\w-])\d(?![\w-])")
"""A number in digits that is not part of a name (SM-3, G7, 5G, COVID-19, AIM-9X)."""
NAMES = ("Pillar 2",)
"""Digits that are part of a name although they stand alone."""


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(CONTENT)


def test_the_bundled_annotations_load_without_a_problem(library: Library):
    assert library.problems == ()
    assert (CONTENT / "events.yaml").is_file() and (CONTENT / "figures.yaml").is_file()
    assert len(library.events) > 0 and len(library.figures) > 0


def test_every_quote_is_the_authors_words_in_its_passage(library: Library):
    for item in (*library.events, *library.figures):
        passage = library.passage(item.article, item.anchor)
        assert passage is not None and item.quote in passage.text, item.id


def test_every_number_in_the_articles_is_inside_an_annotated_quote(library: Library):
    quotes: dict[tuple[str, str], list[str]] = {}
    for item in (*library.events, *library.figures):
        quotes.setdefault((item.article, item.anchor), []).append(item.quote)
    missed = []
    for article, passage in library.iter_passages():
        text = passage.text
        for name in NAMES:
            text = text.replace(name, " " * len(name))
        spans = [(text.find(q), text.find(q) + len(q)) for q in quotes.get((article.id, passage.anchor), [])]
        for match in NUMBER_RE.finditer(text):
            if not any(start <= match.start() and match.end() <= end for start, end in spans):
                missed.append(f"{article.id}#{passage.anchor}: {match.group()}")
    assert missed == []


def test_the_issues_key_events_are_one_entry_each_with_both_articles_where_both_report_them(library: Library):
    timeline = {(entry.date, entry.articles) for entry in entries(library)}
    both = ("focused-on-its-region", "navigating-new-frontiers")
    for date in ("2014", "2022-12", "2024-04", "2024-05-10"):
        assert (date, both) in timeline, date
    assert ("1967", ("focused-on-its-region",)) in timeline
    law = [e for e in entries(library) if e.date == "2024-05-10"]
    assert len(law) == 1 and [r.footnote for r in law[0].reports] == [None, 23]


def test_the_spending_figures_of_both_articles_agree_after_normalising_units(library: Library):
    pairs = {tuple(r.figure.quote for r in pair): pair[0].disagrees for pair in measure_pairs(library)}
    assert pairs[("¥5.4 trillion in 2022", "growing its annual military spending from 5.4 trillion yen")] is False
    assert pairs[("¥8.9 trillion by 2027", "to 8.9 trillion yen between 2022 and 2027")] is False
    pqi = sorted(f.quantity for f in library.figures if f.unit == "USD" and "Quality Infrastructure" in f.measure)
    assert pqi == [110e9, 200e9]
