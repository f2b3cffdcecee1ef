"""The timeline and key figures for paper: what is the editor's is marked, the authors' words are exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.dates import display_date
from jpbrief.core.render.digests import Locator, figures_html, timeline_html

FIXTURE = Path(__file__).parent / "fixtures" / "chronology"


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE)


@pytest.mark.parametrize(("text", "shown"), [
    ("2024-05-10", "10 May 2024"), ("2024-05", "May 2024"), ("1967", "1967"),
    ("2014..2016", "2014–2016"), ("2022-12..2023-03", "December 2022 – March 2023"),
    ("not a date", "not a date"),
])
def test_dates_are_written_for_people(text: str, shown: str):
    assert display_date(text) == shown


def test_the_timeline_on_paper_has_years_labels_as_the_editors_and_exact_quotes(library):
    html = timeline_html(library)
    assert html.index(">2014<") < html.index(">2022<") < html.index(">2024<")
    assert "[editor] Japan releases its strategy documents" in html
    # one entry, both articles' words
    assert html.count("[editor] Japan releases its strategy documents") == 1
    assert "“In December 2022 Japan released three strategy documents.”" in html
    assert "“It released its strategies in December 2022”" in html
    assert "10 May 2024" in html and "Alpha, § Industry, note 2" in html
    assert "not part of the original" in html


def test_the_timeline_on_paper_follows_the_theme(library):
    html = timeline_html(library, "counterstrike")
    assert "strategy documents" in html
    assert "Security clearance law passed" not in html


def test_the_figures_on_paper_show_value_year_source_and_disagreement(library):
    html = figures_html(library)
    assert "¥5.4 trillion" in html and "by 2027" in html
    assert "differs in value" in html  # the 2027 pair disagrees
    assert "agrees" in html  # the 2022 pair agrees
    assert "“72.5 percent of firms were ready”" in html


def test_a_passage_is_located_by_article_section_and_note(library):
    where = Locator(library)
    assert where.section("alpha", "law") == "Industry"
    assert where.section("alpha", "strategy") == ""
    assert where("alpha", "law", 2) == "Alpha, § Industry, note 2"
    assert where("gone", "x", None) == "gone"  # an unknown article is named by its id


@pytest.mark.parametrize(("command", "extra", "expected"), [
    ("timeline", [], "Japan releases its strategy documents"),
    ("figures", ["--sort", "value", "--descending"], "¥9.1 trillion"),
])
def test_the_command_line_writes_the_pdf_the_reader_prints(
        command: str, extra: list[str], expected: str, tmp_path: Path, monkeypatch, capsys, qapp):
    # qapp: the suite's one QApplication (without it the command would make a QGuiApplication)
    from jpbrief.cli import main
    from jpbrief.ui.services import printing

    printed: list[str] = []
    build = printing.build_document
    monkeypatch.setattr(printing, "build_document",
                        lambda html, *a, **k: printed.append(html) or build(html, *a, **k))
    target = tmp_path / "digest"
    assert main(["--content", str(FIXTURE), command, "--theme", "counterstrike", *extra, "--pdf", str(target)]) == 0
    written = target.with_suffix(".pdf")
    assert written.read_bytes()[:5] == b"%PDF-"
    assert f"Wrote {written}" in capsys.readouterr().out
    [html] = printed
    assert expected in html
    assert "theme “Counterstrike”" in html
    assert "Security clearance law passed" not in html  # another theme's event


def test_json_and_pdf_together_are_wrong_usage(tmp_path: Path):
    from jpbrief.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--content", str(FIXTURE), "timeline", "--json", "--pdf", str(tmp_path / "x.pdf")])
    assert stopped.value.code == 2
