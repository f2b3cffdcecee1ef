"""The core's interface words come from a Labels instance (issue 16): English by default, the
reader's language when the UI passes its own, the content untouched and the editor's marks
always the editor's."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.glossary_card import card_html
from jpbrief.core.labels import ENGLISH, NAMES, Labels
from jpbrief.core.model import Library
from jpbrief.core.notes.exchange import article_citation
from jpbrief.core.render import render_article, render_briefing, render_paper
from jpbrief.core.render.digests import figures_html, timeline_html
from jpbrief.core.search import SearchIndex
from jpbrief.core.search.results import Hit, Note, Reason, SearchResult

READER = Path(__file__).parent / "fixtures" / "reader"
BUNDLED = Path(__file__).resolve().parent.parent / "content"

JA = Labels(
    author="著者", publisher="発行者", date="日付", labelled="{label}：{value}", not_stated="原文に記載なし",
    footnote_title="脚注 {number}", editor_marker="[編]", editor_crossref_to="編集者による相互参照：{title}",
    editor_note="編集注", editor_notes="編集注", editor_key_heading="編集注（原文の一部ではありません）",
    sources_heading="引用出典", notes_heading="脚注", in_section="節見出し「{section}」で",
    matched_in="{place}一致", through_glossary="用語集により一致：{word} = {equivalents}",
    without="{words}を含まない", word="「{word}」", list_separator="、", reason_separator="／",
    japanese_name_from="日本語名の出典：{source}", no_match="一致する箇所はありません。", opening="冒頭",
    chronology="年表", editor_tag="［編集者］", at_note="脚注 {number}",
    notice="本文は原文のとおりです。‹編集注 1› のような記号は編集者による相互参照で、原文の一部ではありません。",
)
"""A few Japanese labels, as the UI's catalogue gives them; the rest stay English."""


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(READER)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_every_label_is_a_string_template_with_english_defaults() -> None:
    assert len(NAMES) > 100
    for name in NAMES:
        value = getattr(ENGLISH, name)
        assert isinstance(value, str) and value, name
        assert not re.search(r"[^\x00-\u2122]", value), name  # English (and its typography)


def test_the_provenance_line_speaks_the_labels_language(library: Library) -> None:
    article = next(a for a in library.articles if a.author)
    english = _text(render_article(article, library))
    assert f"Author: {article.author}" in english
    japanese = _text(render_article(article, library, labels=JA))
    assert f"著者：{article.author}" in japanese and "Author:" not in japanese
    assert article.title in japanese  # the content as written
    stated = replace(article, publisher=None)
    assert "発行者：原文に記載なし" in _text(render_article(stated, library, labels=JA))


def test_the_editors_marks_stay_the_editors_in_japanese(library: Library) -> None:
    article = next(a for a in library.articles if any(p.crossrefs for p in a.passages))
    html = render_article(article, library, labels=JA)
    marks = re.findall(r'<a class="xref" href="[^"]*" title="([^"]*)">([^<]*)</a>', html)
    assert marks and all(text == "[編]" and unescape(title).startswith("編集者による相互参照") for title, text in marks)
    assert "[ed.]" not in html and "[ed.]" in render_article(article, library)
    paper = render_paper(article, library, labels=JA)
    assert "‹編集注&nbsp;1›" in paper and "編集注（原文の一部ではありません）" in paper
    assert "Editor’s note" not in paper
    english = render_paper(article, library)
    assert "‹Editor’s note&nbsp;1›" in english and "Editor’s notes (not part of the original)" in english


def test_footnote_markers_and_notes_heading_follow_the_labels(library: Library) -> None:
    article = next(a for a in library.articles if any(p.footnotes for p in a.passages))
    html = render_article(article, library, labels=JA)
    assert 'title="脚注 ' in html and 'title="Footnote ' not in html
    assert '<h2 class="notes-heading">脚注</h2>' in html
    assert '<h2 class="notes-heading">Notes</h2>' in render_article(article, library)


def test_a_briefing_names_the_opening_in_the_labels_language(library: Library) -> None:
    theme = next(iter(library.themes.values()))
    assert "Theme briefing" in render_briefing(theme, library)
    japanese = render_briefing(theme, library, labels=JA.replace(briefing_kicker="テーマ別ブリーフィング"))
    assert "テーマ別ブリーフィング" in japanese and "Theme briefing" not in japanese


def test_digests_on_paper_follow_the_labels(library: Library) -> None:
    assert library.events and library.figures
    assert "<h1>Chronology</h1>" in timeline_html(library)
    japanese = timeline_html(library, labels=JA)
    assert "<h1>年表</h1>" in japanese and "［編集者］" in japanese and "[editor]" not in japanese
    assert "What (editor)" in figures_html(library)


def test_the_glossary_card_note_is_a_label() -> None:
    glossary = load_library(BUNDLED).glossary
    term = next(t.english[0] for t in glossary.terms if t.ja is not None)
    english, japanese = card_html(glossary, term), card_html(glossary, term, JA)
    assert english is not None and "Japanese name from: " in english
    assert japanese is not None and "日本語名の出典：" in japanese and "Japanese name from" not in japanese


def test_why_a_hit_matched_is_said_in_the_labels_language() -> None:
    hit = Hit("a", "p", "Title", "Missile defence", "text", "text", (), 1.0,
              reasons=(Reason("section", (), "Missile defence"), Reason("glossary", ("FMS",), "foreign military sale")),
              missing=("budget",))
    assert hit.reason == ("matched in its section heading ‘Missile defence’; matched through the glossary: "
                          "FMS = foreign military sale; without “budget”")
    assert hit.reason_in(JA) == ("節見出し「Missile defence」で一致／用語集により一致：FMS = foreign military sale"
                                 "／「budget」を含まない")


def test_a_real_search_keeps_its_english_why_and_can_say_it_in_japanese(tmp_path: Path, library: Library) -> None:
    with SearchIndex(library, None, tmp_path / "ix") as index:
        index.ensure()
        hits = index.search("counterstrike", limit=1000).hits
        heading = [hit for hit in hits if hit.why]
        assert heading and all(hit.why == hit.reason_in(ENGLISH) for hit in heading)
        assert all(hit.reason_in(JA).startswith("節見出し「") for hit in heading)
        nothing = index.search("zzzqqq")
        assert nothing.message is not None and nothing.message.startswith("No passages match.")
        assert nothing.message_in(JA).startswith("一致する箇所はありません。")  # type: ignore[union-attr]


def test_a_search_note_keeps_its_english_text_and_its_template() -> None:
    note = Note.make("no_theme", theme="defence")
    assert note == "There is no theme “defence”." and note.text(JA.replace(no_theme="テーマ「{theme}」はありません。")) \
        == "テーマ「defence」はありません。"
    result = SearchResult(message=note, notes=(note,))
    assert result.message_in(ENGLISH) == note
    assert SearchResult(message="as is").message_in(JA) == "as is"  # a message without notes


def test_the_notes_memo_citation_follows_the_labels(library: Library) -> None:
    article = replace(library.articles[0], author=None)
    assert "author not stated in the original" in article_citation(article)
    cited = article_citation(article, JA.replace(memo_no_author="著者は原文に記載なし", quoted="「{text}」"))
    assert cited.startswith(f"「{article.title}」、著者は原文に記載なし")


def test_a_snippet_through_a_cited_source_is_labelled_in_the_labels_language() -> None:
    cite = "Asia Pacific <b>Initiative</b>"
    hit = Hit("a", "p", "Title", None, "text", "Some text" + ENGLISH.cited_in_snippet.format(cite=cite), (), 1.0,
              cited=cite)
    assert hit.snippet_in(ENGLISH) == "Some text [source: Asia Pacific <b>Initiative</b>]"
    assert hit.snippet_in(JA.replace(cited_in_snippet=" [出典：{cite}]")) == "Some text [出典：Asia Pacific <b>Initiative</b>]"


def test_labels_are_frozen_compared_by_value_and_refuse_unknown_names() -> None:
    assert Labels() == ENGLISH and Labels(author="著者") != ENGLISH and JA.replace() == JA
    assert JA.replace(author="Author").author == "Author" and JA.author == "著者"
    with pytest.raises(AttributeError, match="frozen"):
        ENGLISH.author = "x"  # type: ignore[misc]
    with pytest.raises(TypeError, match="unknown labels: auther"):
        Labels(auther="x")
    assert ENGLISH.dates("2024-05") == "May 2024"
