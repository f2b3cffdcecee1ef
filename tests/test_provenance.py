"""Issue 12: where the original came from, and the editor's own references, kept apart from the author's."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from jpbrief.core.content import load_library
from jpbrief.core.model import Article, Library
from jpbrief.core.render import render_article
from jpbrief.core.render.paper import render_paper

NEWS = """---
id: gamma
title: A news report
author: null
publisher: Jiji Press
published: 2024-05-10
disclaimer: null
url: https://www.example.org/news/2024/05/10/clearance
retrieved: 2024-06-01
copyright: © Jiji Press Ltd. All rights reserved.
references: [wh-fact-sheet, api-survey]
---

Tokyo, May 10 (Jiji Press)--The Diet enacted a law.
{: #enacted}
"""


def _gamma(content_copy: Path, text: str = NEWS) -> Path:
    path = content_copy / "articles" / "gamma.md"
    path.write_text(text, encoding="utf-8")
    return path


def _loaded_gamma(content_copy: Path) -> tuple[Library, Article]:
    _gamma(content_copy)
    library = load_library(content_copy)
    gamma = library.article("gamma")
    assert gamma is not None
    return library, gamma


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_provenance_and_editor_references_load_into_the_model(content_copy: Path):
    _gamma(content_copy)
    library = load_library(content_copy)
    assert library.problems == ()
    gamma = library.article("gamma")
    assert gamma is not None
    assert (gamma.url, gamma.retrieved, gamma.copyright) == (
        "https://www.example.org/news/2024/05/10/clearance", "2024-06-01", "© Jiji Press Ltd. All rights reserved.",
    )
    assert gamma.references == ("wh-fact-sheet", "api-survey")
    assert library.citations("wh-fact-sheet") == [c for c in library.citations("wh-fact-sheet") if c.article != "gamma"]


def test_bad_provenance_is_reported_at_its_line(content_copy: Path):
    path = _gamma(
        content_copy,
        NEWS.replace("url: https://www.example.org/news/2024/05/10/clearance", "url: www.example.org")
        .replace("retrieved: 2024-06-01", "retrieved: yesterday")
        .replace("[wh-fact-sheet, api-survey]", "[wh-fact-sheet, api-survy, wh-fact-sheet]"),
    )
    library = load_library(content_copy)
    assert [str(p) for p in library.problems] == [
        f"{path}:8: url must be the original's complete http(s) address, or null; got 'www.example.org'",
        f"{path}:9: retrieved must be a date (YYYY-MM-DD, YYYY-MM or YYYY) or null, got 'yesterday'",
        f"{path}:11: references lists 'wh-fact-sheet' twice",
        f"{path}:11: references: unknown source 'api-survy' (did you mean 'api-survey'?)",
    ]


def test_screen_header_shows_provenance_and_what_the_original_does_not_state(content_copy: Path):
    library, gamma = _loaded_gamma(content_copy)
    html = render_article(gamma, library)
    text = _text(html)
    assert "Author: not stated in the original · Publisher: Jiji Press · Date: 2024-05-10" in " ".join(text.split())
    assert 'href="external:https://www.example.org/news/2024/05/10/clearance"' in html
    assert "Retrieved: 2024-06-01 · Copyright: © Jiji Press Ltd. All rights reserved." in text


def test_editor_references_are_labelled_and_never_numbered(content_copy: Path):
    library, gamma = _loaded_gamma(content_copy)
    for html in (render_article(gamma, library), render_paper(gamma, library)):
        tail = html[html.index("References added by the editor (not part of the original)"):]
        assert "<ol" not in tail and "<ul" in tail
        assert unescape(library.sources["wh-fact-sheet"].citation) in unescape(tail)
        assert "Notes</h2>" not in html


def test_paper_shows_the_original_address_as_text(content_copy: Path):
    library, gamma = _loaded_gamma(content_copy)
    html = render_paper(gamma, library)
    assert "external:" not in html
    assert "Original: https://www.example.org/news/2024/05/10/clearance · Retrieved: 2024-06-01" in _text(html)


def test_a_last_updated_date_is_not_a_publication_date(content_copy: Path):
    sources = content_copy / "sources.yaml"
    sources.write_text(
        "sources:\n  - id: tracker\n    citation: 'A. \"Tracker.\" Last updated February 13, 2024.'\n"
        "    date: null\n    updated: 2024-02-13\n  - id: bad\n    citation: c\n    updated: lately\n",
        encoding="utf-8",
    )
    library = load_library(content_copy)
    tracker = library.sources["tracker"]
    assert (tracker.date, tracker.updated, tracker.fields()["updated"]) == (None, "2024-02-13", "2024-02-13")
    assert f"{sources}:6: source 'bad': updated must be YYYY, YYYY-MM or YYYY-MM-DD, got 'lately'" in [
        str(p) for p in library.problems
    ]


def test_the_bundled_tracker_keeps_its_citation_and_is_dated_as_updated():
    library = load_library(Path(__file__).parent.parent / "content")
    tracker = library.sources["ashurst-russia-sanctions-tracker-japan"]
    assert tracker.citation == 'Ashurst LLP. "Russia Sanctions Tracker - Japan." Last updated February 13, 2024.'
    assert (tracker.date, tracker.updated) == (None, "2024-02-13")
