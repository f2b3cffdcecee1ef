"""The renderer: passages with anchors and classes, footnotes and editor's markers, and a sanitizer."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from golden import assert_matches_reference

from jpbrief.core.content import load_library
from jpbrief.core.model import Article, Footnote, Library, Passage
from jpbrief.core.render import render_article, render_paper, render_passage, sanitize_html


@pytest.mark.parametrize(("render", "reference"), [(render_article, "alpha.html"), (render_paper, "alpha-paper.html")])
def test_rendered_fixture_article_matches_the_reviewed_reference(
    fixture_library_dir: Path, render: Callable[[Article, Library], str], reference: str
):
    """The screen and the paper rendering of one article, each against its golden file."""
    library = load_library(fixture_library_dir)
    article = library.article("alpha")
    assert article is not None
    assert_matches_reference(render(article, library), reference)


def test_every_passage_carries_its_anchor_and_theme_classes(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    article = library.article("alpha")
    assert article is not None
    html = render_article(article, library, marked_theme="dicas")
    for passage in article.passages:
        assert f'<a name="{passage.anchor}"></a>' in html
    assert 'class="passage paragraph theme-counterstrike theme-economic-security"' in html
    assert 'class="passage paragraph theme-dicas marked"' in html


def test_footnotes_are_numbered_links_and_crossrefs_are_visibly_editorial(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    article = library.article("alpha")
    assert article is not None
    html = render_article(article, library)
    assert re.findall(r'href="fn:(\d+)"', html) == ["1", "2", "3"]
    xref = re.search(r'<a class="xref" href="xref:beta#dicas-forum" title="([^"]*)">([^<]*)</a>', html)
    assert xref is not None
    assert xref.group(2) == "[ed.]"
    assert "Editor" in xref.group(1)
    assert '<li value="3"><a name="fn-3"></a>Asia Pacific Initiative.' in html


@pytest.mark.parametrize(
    ("definition", "why"),
    [("[^3]: api-survy", "footnote 3 cites unknown source &#x27;api-survy&#x27;"), ("", "footnote 3 has no source")],
)
def test_a_footnote_without_a_known_source_is_a_visibly_broken_marker_not_a_link(
    content_copy: Path, definition: str, why: str
):
    alpha_md = content_copy / "articles" / "alpha.md"
    alpha_md.write_text(alpha_md.read_text(encoding="utf-8").replace("[^3]: api-survey", definition), encoding="utf-8")
    library = load_library(content_copy)
    assert library.problems  # the loader says why
    article = library.article("alpha")
    assert article is not None
    html = render_article(article, library)
    assert re.findall(r'href="fn:(\d+)"', html) == ["1", "2"]
    assert f'meet, say the same firms.<sup class="fn-missing" title="{why}">[3?]</sup>' in html


def test_markers_are_placed_from_the_model_and_one_without_a_place_goes_last(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    passage = Passage(
        anchor="a", kind="paragraph", markdown="One.[^2] Two.", text="One. Two.", section=None,
        footnotes=(Footnote(2, "api-survey", (4, 8)), Footnote(1, "wh-fact-sheet")),
    )
    html = render_passage(passage, library)
    assert re.sub(r"<sup>.*?</sup>", lambda m: "^" + re.sub(r"<[^>]*>", "", m.group(0)), html) == "One.^2 Two.^1"


def test_glossary_terms_become_hover_links_outside_other_links(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    article = library.article("alpha")
    assert article is not None
    html = render_article(article, library)
    assert '<a class="gloss" href="gloss:JSDF">JSDF</a>' in html
    assert 'title="Footnote 1">1</a>' in html


HOSTILE_HTML = [
    ("<script>alert(1)</script>ok", "<script"),
    ('<iframe src="https://evil.example/"></iframe>', "<iframe"),
    ('<img src="file:///etc/passwd">', "file:"),
    ('<img src="\\\\host\\share\\x.png">', "\\\\"),
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "script:"),
    ('<img src="data:image/png;base64,AAAA">', "data:"),
    ('<img src="https://tracker.example/p.gif">', "tracker"),
    ('<img src="//tracker.example/p.gif">', "tracker"),
    ('<p onclick="steal()" style="color:red">x</p>', "onclick"),
    ('<a href="../../etc/passwd">x</a>', "passwd"),
    ("<style>body{display:none}</style>", "display"),
]


@pytest.mark.parametrize(("fragment", "forbidden"), HOSTILE_HTML)
def test_sanitizer_removes_hostile_markup(fragment: str, forbidden: str):
    cleaned = sanitize_html(fragment)
    assert forbidden.lower() not in cleaned.lower()


def test_remote_links_become_confirmable_external_links():
    assert sanitize_html('<a href="https://example.org/x">x</a>') == '<a href="external:https://example.org/x">x</a>'


def test_local_anchors_and_bundle_images_survive():
    assert sanitize_html('<a href="#dicas">x</a>') == '<a href="#dicas">x</a>'
    assert sanitize_html('<img src="images/map.png" alt="map">') == '<img src="images/map.png" alt="map">'
