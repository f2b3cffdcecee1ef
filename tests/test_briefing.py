"""Theme briefings: the theme's description, then every tagged passage by article and section.

On screen each passage keeps its working footnote and editor's cards and links back to its
place; on paper the briefing is framed like an article (provenance first, sources and the
editor's key last), read back from the PDF with pdftotext.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from golden import assert_matches_reference
from test_print_pdf import flat, pdf_pages
from test_ui_support import OFFSCREEN_NOTICES, build_app, close_app

from jpbrief.core import links, paths
from jpbrief.core.content import load_library
from jpbrief.core.render import render_briefing, render_briefing_paper
from jpbrief.core.render.briefing import OPENING, briefing_groups
from jpbrief.ui.services import printing
from jpbrief.ui.services.appearance import READER_FONTS, Appearance

CONTENT = Path(__file__).resolve().parent.parent / "content"


def test_every_tagged_passage_once_by_article_and_section_in_reading_order():
    library = load_library(CONTENT)
    for theme in library.themes.values():
        groups = briefing_groups(theme.id, library)
        tagged = [(a.id, p.anchor) for a, p in library.theme_passages(theme.id) if p.kind == "paragraph"]
        shown = [(g.article.id, p.anchor) for g in groups for p in g.passages]
        assert shown == tagged, theme.id
        for group in groups:
            for section in group.sections:
                for passage in section.passages:
                    expected = passage.section or OPENING
                    assert section.title == expected, (theme.id, passage.anchor)


def test_on_screen_each_passage_has_its_cards_and_a_way_back(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    html = render_briefing(library.themes["dicas"], library)
    assert_matches_reference(html, "briefing-dicas.html")
    assert "The US-Japan defence industrial forum." in html
    assert html.count('class="goto"') == 2
    for article, anchor in (("alpha", "dicas"), ("beta", "dicas-forum")):
        assert f'href="{links.make(links.PassageLink(article, anchor))}"' in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert "fn:alpha#3" in hrefs  # the footnote card knows which article's note 3
    assert links.parse("xref:alpha#opening") in [links.parse(unescape(h)) for h in hrefs]
    assert not any(h.startswith("fn:") and "#" not in h for h in hrefs)


def test_on_paper_sources_are_only_those_the_quoted_passages_cite(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    html = render_briefing_paper(library.themes["dicas"], library)
    assert [s for s in ("fn:", "xref:", "passage:", "gloss:", "external:") if s in html] == []
    assert re.findall(r'<sup><a class="fn" href="#fn-alpha-([0-9]+)">([0-9]+)</a></sup>', html) == [("3", "3")]
    assert '<ol class="notes" start="3"><li value="3"><a name="fn-alpha-3"></a>' in html
    assert "Fact Sheet" not in html  # note 1 of alpha is not in a quoted passage
    assert "‹Editor’s note&nbsp;1›</span> refers to “Alpha: a briefing”" in html


def test_briefing_pdf_stands_on_its_own(qapp, tmp_path: Path):
    library = load_library(CONTENT)
    theme = library.themes["defence-spending"]
    css = Appearance(paths.resources_dir()).print_css()
    written = printing.write_pdf(f"Theme briefing: {theme.label}", render_briefing_paper(theme, library, css=css),
                                 tmp_path / "b.pdf", fonts=READER_FONTS)
    pages = pdf_pages(written)
    text = flat(" ".join(pages))
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert flat(lines[0]) == f"Theme briefing: {theme.label}"
        assert lines[-1] == f"Page {number} of {len(pages)}"
    assert flat(theme.description) in text
    for _article, passage in library.theme_passages(theme.id):
        if passage.kind == "paragraph":  # word for word (footnote numbers stand where they stood)
            words = flat(passage.text).split()
            assert " ".join(words[:8]) in text and " ".join(words[-4:]) in re.sub(r"(?<=[^\s0-9])[0-9]+", "", text)
    assert "Author: Elliot Silverberg" in text
    assert text.index("Sources cited") > text.index(flat(library.theme_passages(theme.id)[-1][1].text)[:30])
    assert "Editor’s notes (not part of the original)" in text


@pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
def test_export_suggests_a_file_named_after_the_briefing_shown(qtbot, tmp_path: Path, monkeypatch):
    """Two theme briefings exported one after the other are two files, not one overwritten."""
    from PySide6.QtWidgets import QFileDialog

    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _caption, path, _filters: (suggested.append(path), ("", ""))[1])
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index")
    try:
        for theme in ("counterstrike", "dicas"):
            app.themes_panel.show_theme(theme)
            assert app.briefing.show(theme)
            assert app.documents.export_pdf() is None  # the dialog was cancelled
    finally:
        close_app(app)
    assert [Path(p).name for p in suggested] == ["briefing-counterstrike.pdf", "briefing-dicas.pdf"]
