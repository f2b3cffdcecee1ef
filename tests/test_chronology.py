"""Events and figures annotated around the text: loading, validation, both views, the CLI.

The fixture folder tests/fixtures/chronology/ has two articles (alpha, beta) that report
the same December 2022 strategies (linked by same_as) and the same defence spending
(linked by same_measure; they agree on 2022 and disagree on 2027).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from jpbrief.cli import main
from jpbrief.core.chronology import entries, timeline
from jpbrief.core.content import load_library
from jpbrief.core.content.annotations import states
from jpbrief.core.content_files import list_content
from jpbrief.core.dates import date_span, precision
from jpbrief.core.figures import display_value, figure_rows, measure_pairs

FIXTURE = Path(__file__).parent / "fixtures" / "chronology"


@pytest.fixture
def chrono_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def problems_of(content: Path) -> list[str]:
    return [str(problem) for problem in load_library(content).problems]


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "span", "kind"), [
    ("2024-05-10", (dt.date(2024, 5, 10), dt.date(2024, 5, 10)), "day"),
    ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29)), "month"),
    ("1967", (dt.date(1967, 1, 1), dt.date(1967, 12, 31)), "year"),
    ("2014..2016", (dt.date(2014, 1, 1), dt.date(2016, 12, 31)), "range"),
    ("2022-12..2023-03", (dt.date(2022, 12, 1), dt.date(2023, 3, 31)), "range"),
])
def test_dates_cover_their_first_to_last_day(text: str, span: tuple[dt.date, dt.date], kind: str):
    assert date_span(text) == span
    assert precision(text) == kind


@pytest.mark.parametrize("text", ["2024-02-30", "2023-13", "2016..2014", "24-05", "2014..", "May 2024", ""])
def test_impossible_dates_and_backward_ranges_are_refused(text: str):
    assert date_span(text) is None
    assert precision(text) is None


# --- loading and validation ------------------------------------------------------------


def test_the_fixture_annotations_load_clean_with_their_sources():
    library = load_library(FIXTURE)
    assert library.problems == ()
    assert [e.id for e in library.events] == [
        "alpha-strategies", "alpha-law", "beta-arms-controls", "beta-strategies", "beta-principles"]
    law = next(e for e in library.events if e.id == "alpha-law")
    assert (law.footnote, law.source_id, law.themes) == (2, "doc-b", ("economic-security",))
    given = next(e for e in library.events if e.id == "beta-strategies")
    assert given.themes == ("counterstrike",)  # given themes replace the passage's
    spending = next(f for f in library.figures if f.id == "beta-spending-2022")
    assert (spending.quantity, spending.unit, spending.source_id) == (5.4e12, "JPY", "doc-a")


def test_both_annotation_files_are_fingerprinted():
    names = {path.name for path in list_content(FIXTURE).files()}
    assert {"events.yaml", "figures.yaml"} <= names


def test_without_annotation_files_the_library_has_no_events_or_figures(chrono_copy: Path):
    (chrono_copy / "events.yaml").unlink()
    (chrono_copy / "figures.yaml").unlink()
    library = load_library(chrono_copy)
    assert (library.problems, library.events, library.figures) == ((), (), ())


def test_event_problems_are_reported_at_the_line_of_the_field_at_fault(chrono_copy: Path):
    path = chrono_copy / "events.yaml"
    path.write_text(
        "events:\n"                                   # 1
        "  - id: bad-date\n"                          # 2
        "    article: alpha\n"                        # 3
        "    anchor: law\n"                           # 4
        "    quote: The law passed\n"                 # 5
        "    date: 2024-02-30\n"                      # 6
        "    label: A day that does not exist\n"      # 7
        "  - id: misquoted\n"                         # 8
        "    article: alpha\n"                        # 9
        "    anchor: law\n"                           # 10
        "    quote: The bill passed\n"                # 11
        "    date: 2024-05-10\n"                      # 12
        "    label: Misquoted\n"                      # 13
        "    footnote: 1\n"                           # 14
        "  - id: dangling\n"                          # 15
        "    article: beta\n"                         # 16
        "    anchor: principles\n"                    # 17
        "    quote: the principles changed\n"         # 18
        "    date: 2014..2016\n"                      # 19
        "    label: Dangling link\n"                  # 20
        "    same_as: nowhere\n"                      # 21
        "  - id: lost\n"                              # 22
        "    article: gamma\n"                        # 23
        "    anchor: law\n"                           # 24
        "    quote: x\n"                              # 25
        "    date: 2024\n"                            # 26
        "    label: Unknown article\n",               # 27
        encoding="utf-8",
    )
    assert problems_of(chrono_copy) == [
        f"{path}:6: event 'bad-date': date must be a real YYYY, YYYY-MM or YYYY-MM-DD, or a range "
        "START..END, got '2024-02-30'",
        f"{path}:11: event 'misquoted': quote 'The bill passed' is not in the words of alpha#law "
        "(it must be copied exactly)",
        f"{path}:14: event 'misquoted': footnote [1] is not in alpha#law (its footnotes: 2)",
        f"{path}:23: event 'lost': unknown article 'gamma'",
        f"{path}:15: same_as of 'dangling' names 'nowhere', which is not in this file or has a problem of its own",
    ]
    assert [e.id for e in load_library(chrono_copy).events] == ["dangling"]


def test_linked_events_must_have_nesting_dates(chrono_copy: Path):
    path = chrono_copy / "events.yaml"
    text = path.read_text(encoding="utf-8").replace("date: 2022\n", "date: 2021\n")
    path.write_text(text, encoding="utf-8")
    assert problems_of(chrono_copy) == [
        f"{path}:2: same_as of 'alpha-strategies': 'beta-strategies' is dated 2021, "
        "which neither holds nor lies within 2022-12",
    ]


def test_figure_problems_name_the_unit_the_quantity_and_the_quote(chrono_copy: Path):
    path = chrono_copy / "figures.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("unit: percent", "unit: percentage")
    text = text.replace("quantity: 8900000000000", "quantity: 8.8e+12")
    text = text.replace('quantity: "5.4e12"', "quantity: 5.4 trillion")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    unit, wrong, worded = (lines.index(f"    {field}") + 1 for field in (
        "unit: percentage", "quantity: 8.8e+12", "quantity: 5.4 trillion"))
    problems = problems_of(chrono_copy)
    assert problems[0] == (f"{path}:{wrong}: figure 'alpha-spending-2027': the quote "
                           "'¥8.9 trillion by 2027' does not state 8.8e+12")
    assert problems[1].startswith(f"{path}:{unit}: figure 'alpha-firms-ready': unknown unit 'percentage' (currencies: JPY")
    assert problems[2].startswith(f"{path}:{worded}: figure 'beta-spending-2022': quantity must be a number (scale words")
    assert problems[3] == (f"{path}:2: same_measure of 'alpha-spending-2022' names 'beta-spending-2022', "
                           "which is not in this file or has a problem of its own")
    assert len(problems) == 4


@pytest.mark.parametrize(("quote", "quantity", "unit"), [
    ("¥5.4 trillion in 2022", 5.4e12, "JPY"),
    ("a 4,000-strong cyber workforce", 4000, "people"),
    ("nearly fifty years", 50, "years"),
    ("nearly nine out of every ten respondents", 90, "percent"),
    ("second-largest supplier", 2, "rank"),
])
def test_a_quote_states_its_quantity_in_digits_words_ratios_or_ranks(quote: str, quantity: float, unit: str):
    assert states(quote, quantity, unit)
    assert not states(quote, quantity * 1.1, unit)


# --- chronology ---------------------------------------------------------------------------


def test_the_same_event_from_two_articles_is_one_entry_with_both_reports():
    library = load_library(FIXTURE)
    merged = [entry for entry in entries(library) if len(entry.reports) > 1]
    assert len(merged) == 1
    entry = merged[0]
    assert entry.date == "2022-12"  # the more precise of 2022-12 and 2022
    assert entry.label == "Japan releases its strategy documents"
    assert [(r.article, r.anchor, r.quote, r.footnote, r.source_id) for r in entry.reports] == [
        ("alpha", "strategy", "In December 2022 Japan released three strategy documents.", 1, "doc-a"),
        ("beta", "overview", "It released its strategies in December 2022", 1, "doc-a"),
    ]


def test_the_timeline_is_in_date_order_grouped_by_year():
    groups = timeline(load_library(FIXTURE))
    assert [(g.year, [e.date for e in g.entries]) for g in groups] == [
        (2014, ["2014", "2014..2016"]),
        (2022, ["2022-12"]),
        (2024, ["2024-05-10"]),
    ]


def test_the_timeline_filters_by_theme_keeping_every_report_of_an_entry():
    library = load_library(FIXTURE)
    assert [e.date for e in entries(library, "dicas")] == ["2014"]
    counterstrike = entries(library, "counterstrike")
    assert [(e.date, len(e.reports)) for e in counterstrike] == [("2022-12", 2)]


# --- figures ----------------------------------------------------------------------------


def test_figures_of_the_same_measure_sit_side_by_side_and_show_disagreement():
    rows = figure_rows(load_library(FIXTURE))
    assert [(r.figure.id, r.value, r.differences) for r in rows] == [
        ("alpha-spending-2022", "¥5.4 trillion", ()),
        ("beta-spending-2022", "¥5.4 trillion", ()),
        ("alpha-spending-2027", "¥8.9 trillion", ("value",)),
        ("beta-spending-2027", "¥9.1 trillion", ("value",)),
        ("alpha-firms-ready", "72.5%", ()),
    ]
    pairs = measure_pairs(load_library(FIXTURE))
    assert [[r.figure.id for r in pair] for pair in pairs] == [
        ["alpha-spending-2022", "beta-spending-2022"], ["alpha-spending-2027", "beta-spending-2027"]]
    assert [pair[0].disagrees for pair in pairs] == [False, True]


def test_figures_sort_by_any_column_and_filter_by_theme():
    library = load_library(FIXTURE)
    by_value = [r.figure.id for r in figure_rows(library, sort="value", descending=True)]
    assert by_value == ["alpha-firms-ready", "alpha-spending-2027", "beta-spending-2027",
                        "alpha-spending-2022", "beta-spending-2022"]
    assert [r.figure.id for r in figure_rows(library, "economic-security")] == ["alpha-firms-ready"]
    # a group belongs to a theme when any member does: beta's figures are 'dicas' only
    assert [r.figure.id for r in figure_rows(library, "dicas")] == [
        "alpha-spending-2022", "beta-spending-2022", "alpha-spending-2027", "beta-spending-2027"]
    with pytest.raises(ValueError, match="unknown sort key"):
        figure_rows(library, sort="colour")


@pytest.mark.parametrize(("quantity", "unit", "shown"), [
    (5.4e12, "JPY", "¥5.4 trillion"), (2.2e9, "USD", "$2.2 billion"), (72.5, "percent", "72.5%"),
    (4000, "people", "4,000 people"), (2, "rank", "2nd"), (17, "units", "17"), (3e6, "CNY", "CNY 3 million"),
])
def test_values_are_written_back_for_people(quantity: float, unit: str, shown: str):
    assert display_value(quantity, unit) == shown


# --- command line -----------------------------------------------------------------------


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    assert main(["--content", str(FIXTURE), *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_timeline_json_rows_carry_article_anchor_quote_and_sources(capsys):
    rows = run_json(capsys, "timeline", "--json", "--theme", "counterstrike")
    assert rows == [{
        "date": "2022-12", "year": 2022, "precision": "month",
        "label": "Japan releases its strategy documents", "themes": ["counterstrike"],
        "reports": [
            {"event": "alpha-strategies", "article": "alpha", "anchor": "strategy",
             "quote": "In December 2022 Japan released three strategy documents.", "date": "2022-12",
             "label": "Japan releases its strategy documents", "footnote": 1, "sources": ["doc-a"]},
            {"event": "beta-strategies", "article": "beta", "anchor": "overview",
             "quote": "It released its strategies in December 2022", "date": "2022",
             "label": "Strategies released", "footnote": 1, "sources": ["doc-a"]},
        ],
    }]


def test_figures_json_rows_carry_the_pair_and_its_disagreement(capsys):
    rows = run_json(capsys, "figures", "--json")
    row = next(r for r in rows if r["id"] == "beta-spending-2027")
    assert row == {
        "id": "beta-spending-2027", "measure": "Annual military spending (planned)",
        "quantity": 9100000000000, "unit": "JPY", "value": "¥9.1 trillion", "year": "2027",
        "relation": "by", "article": "beta", "anchor": "overview", "quote": "9.1 trillion yen",
        "footnote": 1, "sources": ["doc-a"], "themes": ["dicas"],
        "same_measure": ["alpha-spending-2027"], "disagrees": True, "differences": ["value"],
    }


def test_plain_output_names_the_editor_the_quote_and_the_passage(capsys):
    assert main(["--content", str(FIXTURE), "timeline"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["2014", "  2014                   Japan ends its arms controls  [editor]",
                       "      “In 2014 Japan ended its arms controls.” — beta#overview"]
    assert main(["--content", str(FIXTURE), "figures"]) == 0
    assert "≠ value" in capsys.readouterr().out


def test_an_unknown_theme_is_refused_with_the_known_ones(capsys):
    assert main(["--content", str(FIXTURE), "figures", "--theme", "nope"]) == 2
    assert "no theme 'nope' (known: counterstrike, economic-security, dicas, space-hypersonics)" in (
        capsys.readouterr().err)


def test_check_counts_the_annotations_and_refuses_ids_twice_or_unknown_fields(capsys, chrono_copy: Path):
    assert main(["check", str(FIXTURE)]) == 0
    assert capsys.readouterr().out == (
        "ok: 2 articles, 5 passages, 2 sources, 4 themes, 5 events, 5 figures\n")
    path = chrono_copy / "figures.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - id: alpha-firms-ready\n  - id: Bad Id\n", encoding="utf-8")
    events = chrono_copy / "events.yaml"
    with_colour = events.read_text(encoding="utf-8").replace(
        "    label: Security", "    colour: red\n    label: Security")
    events.write_text(with_colour, encoding="utf-8")
    lines = len(text.splitlines())
    colour = events.read_text(encoding="utf-8").splitlines().index("    colour: red") + 1
    assert problems_of(chrono_copy) == [
        f"{events}:{colour}: event 'alpha-law': unknown field 'colour'",
        f"{path}:{lines + 1}: duplicate figure id 'alpha-firms-ready' (first on line "
        f"{text.splitlines().index('  - id: alpha-firms-ready') + 1})",
        f"{path}:{lines + 2}: a figure needs an id of lower-case letters, digits and hyphens",
    ]


# --- content packs -----------------------------------------------------------------------


def _pack_part(base, event_id: str):
    """A pack holding a copy of article alpha as 'gamma', reporting alpha's law as ``event_id``."""
    from dataclasses import replace

    alpha = base.article("alpha")
    law = next(e for e in base.events if e.id == "alpha-law")
    spending = next(f for f in base.figures if f.id == "alpha-spending-2022")
    return replace(base, articles=(replace(alpha, id="gamma", pack="p"),),
                   events=(replace(law, id=event_id, article="gamma", same_as=("alpha-law",)),),
                   figures=(replace(spending, id="gamma-spending", article="gamma",
                                    same_measure=("alpha-spending-2022",)),))


def test_a_packs_events_and_figures_merge_into_the_views():
    from jpbrief.core.packs.merge import merge

    base = load_library(FIXTURE)
    merged = merge(base, [("pack 'p' 1", Path("p"), _pack_part(base, "gamma-law"))])
    assert merged.problems == ()
    law = next(e for e in entries(merged) if e.label == "Security clearance law passed")
    assert law.articles == ("alpha", "gamma")  # one entry: the bundle's report and the pack's
    spending = next(r for r in figure_rows(merged) if r.figure.id == "gamma-spending")
    assert set(spending.group) == {"alpha-spending-2022", "beta-spending-2022", "gamma-spending"}


def test_a_pack_reusing_an_event_id_is_left_out_whole():
    from jpbrief.core.packs.merge import merge

    base = load_library(FIXTURE)
    merged = merge(base, [("pack 'p' 1", Path("p"), _pack_part(base, "alpha-law"))])
    assert [a.id for a in merged.articles] == ["alpha", "beta"]
    assert len(merged.events) == len(base.events)
    assert "event id 'alpha-law' of pack 'p' 1 is already used by the bundled library" in str(merged.problems)


@pytest.mark.parametrize("command", ["timeline", "figures"])
def test_a_pdf_that_cannot_be_written_names_the_file_and_exits_1(tmp_path, capsys, command):
    target = tmp_path / "missing-folder" / "out.pdf"
    assert main(["--content", str(FIXTURE), command, "--pdf", str(target)]) == 1
    captured = capsys.readouterr()
    assert f"cannot write {target}" in captured.err and "Wrote" not in captured.out
