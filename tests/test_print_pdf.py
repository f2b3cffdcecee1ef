"""Printed pages stand on their own: read back from the PDF with pdftotext (poppler-utils).

``make test`` and ``.ci/run`` install poppler-utils when run as root; without pdftotext
these tests fail, never skip: what a reader gets on paper is the point of them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from jpbrief.core import paths
from jpbrief.core.content import load_library
from jpbrief.core.model import Article, Library
from jpbrief.core.render import render_paper
from jpbrief.ui.services import printing
from jpbrief.ui.services.appearance import READER_FONTS, Appearance

CONTENT = Path(__file__).resolve().parent.parent / "content"
PDFTOTEXT = shutil.which("pdftotext") or "pdftotext"


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, as pdftotext reads it (pages split at form feeds)."""
    done = subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout.split("\f")[:-1]


def flat(text: str) -> str:
    """Words one space apart, ligatures (ﬁ) as letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def export(article: Article, library: Library, tmp_path: Path) -> list[str]:
    css = Appearance(paths.resources_dir()).print_css()
    written = printing.export_pdf(article, library, tmp_path / f"{article.id}.pdf", css=css, fonts=READER_FONTS)
    return pdf_pages(written)


@pytest.mark.parametrize("index", [0, 1])
def test_every_page_has_the_title_above_and_its_number_below(qapp, tmp_path: Path, index: int):
    library = load_library(CONTENT)
    article = library.articles[index]
    pages = export(article, library, tmp_path)
    assert len(pages) > 2
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert flat(lines[0]) == flat(article.title)
        assert lines[-1] == f"Page {number} of {len(pages)}"


def test_the_first_page_says_where_the_text_comes_from(qapp, tmp_path: Path):
    library = load_library(CONTENT)
    first, second = library.articles[0], library.articles[1]
    page = flat(export(first, library, tmp_path)[0])
    assert "Author: not stated in the original · Publisher: not stated in the original · Date: 2024-05-13" in page
    assert "not part of the original" in page
    page = flat(export(second, library, tmp_path)[0])
    assert f"Author: {second.author} · Publisher: {second.publisher} · Date: not stated in the original" in page
    assert "Disclaimer printed with the original" in page


def test_the_original_address_is_printed_where_known(qapp, content_copy: Path, tmp_path: Path):
    alpha_md = content_copy / "articles" / "alpha.md"
    alpha_md.write_text(
        alpha_md.read_text(encoding="utf-8").replace("---\n\n", "url: https://example.org/alpha\n---\n\n", 1),
        encoding="utf-8",
    )
    library = load_library(content_copy)
    article = library.article("alpha")
    assert article is not None and article.url == "https://example.org/alpha"
    assert "Original: https://example.org/alpha" in flat(export(article, library, tmp_path)[0])


def test_it_ends_with_the_sources_and_the_editors_key_and_no_line_prints_twice(qapp, tmp_path: Path):
    library = load_library(CONTENT)
    article = max(library.articles, key=lambda a: sum(len(p.footnotes) for p in a.passages))
    pages = export(article, library, tmp_path)
    text = flat(" ".join(pages))
    sources, key = text.index("Sources cited"), text.index("Editor’s notes (not part of the original)")
    assert text.index(flat(article.passages[-1].text)[:40]) < sources < key
    cited = re.findall(r"(?<![0-9])([0-9]{1,2})\. ", text[sources:key])
    assert [int(n) for n in cited][:3] == [1, 2, 3]
    assert "‹Editor’s note 1› refers to “Focused on its region" in text[key:]
    assert "[ed.]" not in text
    for passage in article.passages:  # a page break never prints a line on both pages
        opening = flat(passage.text)[:60]
        assert text.count(opening) == 1, opening


def test_an_article_citing_nothing_says_so(qapp, tmp_path: Path):
    library = load_library(CONTENT)
    article = library.articles[0]
    assert not any(p.footnotes for p in article.passages)
    assert "Sources cited The original cites no sources." in flat(" ".join(export(article, library, tmp_path)))


def test_nothing_on_paper_is_underlined_or_told_apart_by_colour_alone(qapp, fixture_library_dir: Path):
    """Acronyms (underlined on screen) and footnote numbers print plain; the editor's marks
    are words in italics, so greyscale keeps them apart."""
    library = load_library(fixture_library_dir)
    article = library.article("alpha")
    assert article is not None
    doc = printing.build_document(render_paper(article, library, css=Appearance(paths.resources_dir()).print_css()))
    assert "JSDF" in doc.toPlainText()
    block, underlined, editors = doc.begin(), [], []
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().fontUnderline():
                underlined.append(fragment.text())
            if fragment.text().startswith("‹Editor’s note"):
                editors.append((fragment.text(), fragment.charFormat().fontItalic()))
            iterator += 1
        block = block.next()
    assert underlined == []
    assert editors and all(italic for _text, italic in editors), editors


def test_a_long_table_is_paginated_by_rows_and_loses_no_row(qapp, tmp_path: Path):
    """Cells of a table row sit side by side: the pages break between rows, every row is on
    exactly one page, and every page has its header and footer (the key figures' table)."""
    rows = "".join(f"<tr><td>row {n:03d} what</td><td>{n} trillion</td><td>“words of row {n:03d}”</td></tr>"
                   for n in range(120))
    html = f"<html><body><h1>Key figures</h1><table>{rows}</table><p>After the table.</p></body></html>"
    written = printing.write_pdf("A long table", html, tmp_path / "table.pdf")
    pages = pdf_pages(written)
    assert len(pages) > 2
    text = flat(" ".join(pages))
    for n in range(120):
        assert text.count(f"row {n:03d} what") == 1, n
        assert text.count(f"words of row {n:03d}") == 1, n
    assert "After the table." in text
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert flat(lines[0]) == "A long table" and lines[-1] == f"Page {number} of {len(pages)}"


def test_each_key_figure_prints_its_value_unit_and_year_apart(qapp, tmp_path: Path):
    """A bare count against its year read as a date ("17 April 2024"), a rank as two numbers
    ("2nd 2010"): on paper the unit has a column between the value and the year, and the
    three stand apart under their headers."""
    from jpbrief.ui.services.digest_printing import Digest, export_pdf

    css = Appearance(paths.resources_dir()).print_css()
    written = export_pdf(Digest("figures"), load_library(CONTENT), tmp_path / "figures.pdf", css=css,
                         fonts=READER_FONTS)
    lines = [line for page in pdf_pages(written) for line in page.splitlines()]
    assert any(re.search(r"Value\s+Unit\s+Year", line) for line in lines)
    for value, unit, year in [("17", "units", "April 2024"), ("¥5.4 trillion", "JPY", "2022"),
                              ("2nd", "rank", "2010"), ("¥8.9 trillion", "JPY", "by 2027")]:
        apart = re.compile(rf"(^|\s){re.escape(value)}\s{{2,}}{unit}\s{{2,}}{year}(\s|$)")
        assert any(apart.search(line) for line in lines), (value, unit, year)
        assert not any(f" {value} {year}" in line for line in lines), (value, year)
