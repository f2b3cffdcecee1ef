"""The paper rendering (print and PDF): the original's notes, the editor's kept apart, nothing live.

Its golden file is checked in test_render.py, beside the screen's.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.render import render_article, render_paper

CONTENT = Path(__file__).resolve().parent.parent / "content"
LIVE_SCHEMES = ("fn:", "xref:", "gloss:", "external:", "passage:")


def test_paper_has_no_link_the_reader_would_have_to_follow(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    for article in library.articles:
        html = render_paper(article, library)
        assert [scheme for scheme in LIVE_SCHEMES if scheme in html] == []
        assert "[ed.]" not in html
        assert 'class="gloss"' not in html and "JSDF" in html


def test_provenance_says_what_the_original_does_not_state():
    library = load_library(CONTENT)
    first = library.articles[0]
    assert (first.author, first.publisher) == (None, None)
    html = render_paper(first, library)
    provenance = re.search(r'<p class="provenance">(.*?)</p>', html)
    assert provenance is not None
    assert unescape(provenance.group(1)) == (
        f"Author: not stated in the original · Publisher: not stated in the original · Date: {first.published}"
    )
    assert html.index(first.title.replace("'", "&#x27;")) < provenance.start()


def test_footnote_numbers_on_paper_are_the_originals_and_point_at_the_notes():
    library = load_library(CONTENT)
    footnoted = max(library.articles, key=lambda a: sum(len(p.footnotes) for p in a.passages))
    original = [int(n) for n in re.findall(r"\[\^([0-9]+)\](?!:)", Path(footnoted.path).read_text(encoding="utf-8"))]
    assert len(original) > 10
    html = render_paper(footnoted, library)
    markers = re.findall(r'<sup><a class="fn" href="#fn-([0-9]+)">([0-9]+)</a></sup>', html)
    assert [(int(target), int(shown)) for target, shown in markers] == [(n, n) for n in original]
    for number in original:
        assert f'<li value="{number}"><a name="fn-{number}"></a>' in html


@pytest.mark.parametrize("index", [0, 1])
def test_editors_cross_references_are_keyed_apart_and_labelled_as_the_editors(index: int):
    """Each place referred to gets one number, in order of first mention; a passage's marks
    read "‹Editor’s note N›" (words, not colour), and the key names the other article and passage."""
    library = load_library(CONTENT)
    article = library.articles[index]
    refs = [ref for passage in article.passages for ref in passage.crossrefs]
    assert refs
    html = render_paper(article, library)
    heading = '<h2 class="ed-notes-heading">Editor’s notes (not part of the original)</h2>'
    assert html.count(heading) == 1
    text, key = html.split(heading)
    places = list(dict.fromkeys(refs))
    in_text = [
        [int(n) for n in numbers.split(", ")]
        for numbers in re.findall(r'<span class="ed-ref">‹Editor’s notes?&nbsp;([0-9, ]+)›</span>', text)
    ]
    expected = [
        list(dict.fromkeys(places.index(ref) + 1 for ref in passage.crossrefs))
        for passage in article.passages if passage.crossrefs
    ]
    assert in_text == expected
    keyed = re.findall(r'<p class="ed-note"><span class="ed-ref">‹Editor’s note&nbsp;([0-9]+)›</span> '
                       r"refers to (.*?)</p>", key)
    assert [int(n) for n, _ in keyed] == list(range(1, len(places) + 1))
    for ref, (_, destination) in zip(places, keyed, strict=True):
        target = library.article(ref.article)
        assert target is not None
        assert unescape(destination).startswith(f"“{target.title}”")
        assert "not in this library" not in destination
    assert '<h2 class="notes-heading">Sources cited</h2>' in text  # the author's sources come first
    assert "[ed.]" not in html


def test_trainer_links_are_plain_text_on_paper_and_confirmable_on_screen(content_copy: Path):
    alpha_md = content_copy / "articles" / "alpha.md"
    alpha_md.write_text(
        alpha_md.read_text(encoding="utf-8").replace("will meet", "will [meet](https://example.org/m)"),
        encoding="utf-8",
    )
    library = load_library(content_copy)
    article = library.article("alpha")
    assert article is not None
    assert '<a href="external:https://example.org/m">meet</a>' in render_article(article, library)
    assert "<a>meet</a>" in render_paper(article, library)


def test_a_footnote_citing_an_unknown_source_is_a_broken_marker_on_paper_too(content_copy: Path):
    alpha_md = content_copy / "articles" / "alpha.md"
    alpha_md.write_text(
        alpha_md.read_text(encoding="utf-8").replace("[^3]: api-survey", "[^3]: api-survy"), encoding="utf-8"
    )
    library = load_library(content_copy)
    article = library.article("alpha")
    assert article is not None
    html = render_paper(article, library)
    assert re.findall(r'href="#fn-([0-9]+)"', html) == ["1", "2"]
    assert "cites unknown source &#x27;api-survy&#x27;\">[3?]</sup>" in html
