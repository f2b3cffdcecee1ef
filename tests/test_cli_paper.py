"""``jpbrief print`` and ``jpbrief briefing``: trainers' handouts, the same PDF the window prints."""

from __future__ import annotations

from pathlib import Path

from test_print_pdf import flat, pdf_pages

from jpbrief.cli import main
from jpbrief.core.content import load_library
from jpbrief.core.render import render_paper
from jpbrief.ui.services import printing


def test_print_writes_the_article_as_the_window_prints_it(qapp, fixture_library_dir: Path, tmp_path: Path,
                                                          capsys):
    target = tmp_path / "alpha.pdf"
    assert main(["--content", str(fixture_library_dir), "print", "alpha", "-o", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    pages = pdf_pages(target)
    text = flat(" ".join(pages))
    assert flat(pages[0].split("\n")[0]) == "Alpha: a briefing"
    assert "Author: Ann Author · Publisher: Test Press · Date: 2024-05-01" in text
    assert text.endswith(f"Page {len(pages)} of {len(pages)}")
    assert "Sources cited" in text and "‹Editor’s note 1› refers to “Beta overview”" in text
    # the very document the window prints: same renderer, same light style sheet
    library = load_library(fixture_library_dir)
    article = library.article("alpha")
    assert article is not None
    from jpbrief.core import paths
    from jpbrief.ui.services.appearance import READER_FONTS, Appearance

    window = printing.write_pdf(article.title, render_paper(article, library,
                                css=Appearance(paths.resources_dir()).print_css()),
                                tmp_path / "window.pdf", fonts=READER_FONTS)
    assert pdf_pages(window) == pages


def test_briefing_writes_a_theme_briefing(qapp, fixture_library_dir: Path, tmp_path: Path, capsys):
    target = tmp_path / "dicas"
    assert main(["--content", str(fixture_library_dir), "briefing", "dicas", "-o", str(target)]) == 0
    written = tmp_path / "dicas.pdf"
    assert capsys.readouterr().out.strip() == str(written)
    text = flat(" ".join(pdf_pages(written)))
    assert text.startswith("Theme briefing: DICAS")
    assert "The US-Japan defence industrial forum." in text
    assert "A forum called DICAS will meet, say the same firms.3" in text
    assert "Page 1 of 1" in text


def test_unknown_ids_say_which_and_suggest_the_closest(fixture_library_dir: Path, tmp_path: Path, capsys):
    target = tmp_path / "x.pdf"
    assert main(["--content", str(fixture_library_dir), "briefing", "dicass", "-o", str(target)]) == 1
    assert "no theme 'dicass'; did you mean 'dicas'?" in capsys.readouterr().err
    assert main(["--content", str(fixture_library_dir), "print", "alfa", "-o", str(target)]) == 1
    assert "no article 'alfa'; did you mean 'alpha'?" in capsys.readouterr().err
    assert main(["--content", str(fixture_library_dir), "print", "zzz", "-o", str(target)]) == 1
    assert "no article 'zzz' ('jpbrief articles' lists them)" in capsys.readouterr().err
    assert not target.exists()


def test_an_unwritable_place_is_named(fixture_library_dir: Path, tmp_path: Path, capsys):
    target = tmp_path / "missing" / "x.pdf"
    assert main(["--content", str(fixture_library_dir), "print", "alpha", "-o", str(target)]) == 1
    assert f"cannot write {target}: no folder {target.parent}" in capsys.readouterr().err
