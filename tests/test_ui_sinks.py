"""Every rich-text sink shows untrusted text (content, notes, errors) literally.

A content folder whose glossary, themes, sources, article metadata and passage text carry
``<b>``, ``&amp;`` and ``<img src=FILE>`` (FILE a real image: were it loaded, the test
would see it asked for) must reach each tool-tip, card, list item, banner and label as
those characters, never as markup. Sinks where Qt guesses the format are judged the way
Qt judges them (``Qt.mightBeRichText``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import test_ui_support
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from test_ui_support import OFFSCREEN_NOTICES, build_app, close_app, marker_pos, shown

from jpbrief.core.model import Problem
from jpbrief.core.notes import Note
from jpbrief.core.search.results import Hit, SearchResult
from jpbrief.ui.services.search_service import SearchOutcome
from jpbrief.ui.widgets.banner import ProblemsBanner
from jpbrief.ui.widgets.rich_list import HTML_ROLE, TARGET_ROLE, RichList

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)

LITERAL_PASSAGE = "literal"


def label_shown(label: QLabel) -> str:
    fmt = label.textFormat()
    rich = None if fmt == Qt.TextFormat.AutoText else fmt == Qt.TextFormat.RichText
    return shown(label.text(), rich)


def assert_literal(sink_text: str, shown_text: str, data: str) -> None:
    """``data`` appears character for character, and none of its tags is markup."""
    assert data in shown_text, f"{data!r} not shown literally in {shown_text!r}"
    assert "\ufffc" not in shown_text  # no embedded image object
    assert "<img" not in sink_text and "<b>bold" not in sink_text, f"the data's markup reached {sink_text!r}"


@pytest.fixture
def marked(tmp_path: Path) -> str:
    image = tmp_path / "pixel.png"
    picture = QImage(4, 4, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(image))
    return f'x <b>bold</b> R&amp;D <img src="{image}"> y'


def with_marked_glossary(load: Any, marked: str) -> Any:
    """``load`` with the JSDF expansion replaced by ``marked`` in the model itself.

    ``check`` rejects markup in glossary.yaml (and the loader skips such an entry), but the
    window must be safe whatever reaches it, so the entry is put straight into the model.
    """

    def loaded(content: Path) -> Any:
        library = load(content)
        acronyms = tuple(
            replace(a, expansion=marked, expansions=(marked,)) if a.term == "JSDF" else a for a in library.glossary.acronyms
        )
        return replace(library, glossary=replace(library.glossary, acronyms=acronyms))

    return loaded


@pytest.fixture
def hostile_app(qtbot, tmp_path: Path, content_copy: Path, marked: str, monkeypatch):
    """The app on the fixture library with ``marked`` in every untrusted field."""
    quoted = "'" + marked + "'"
    monkeypatch.setattr(test_ui_support, "load_library", with_marked_glossary(test_ui_support.load_library, marked))
    themes = content_copy / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    text = text.replace("label: DICAS", f"label: {quoted}")
    text = text.replace("description: The US-Japan defence industrial forum.", f"description: {quoted}")
    themes.write_text(text, encoding="utf-8")
    sources = content_copy / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    text = text.replace("""citation: 'The White House. "Fact Sheet: Japan Official Visit." April 10, 2024.'""",
                        f"citation: {quoted}")
    text = text.replace("""citation: 'Asia Pacific Initiative. "Survey of 100 Japanese Companies." Accessed May 4, 2024.'""",
                        f"citation: {quoted}")
    text = text.replace("publisher: The White House", f"publisher: {quoted}")
    text = text.replace("authors: []", f"authors: [{quoted}]", 1)
    sources.write_text(text, encoding="utf-8")
    alpha = content_copy / "articles" / "alpha.md"
    text = alpha.read_text(encoding="utf-8")
    text = text.replace('title: "Alpha: a briefing"', f"title: {quoted}")
    text = text.replace("author: Ann Author", f"author: {quoted}")
    source_markup = marked.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace(
        "Ann Author writes about defence.",
        f'{source_markup}\n{{: #{LITERAL_PASSAGE} themes="dicas"}}\n\nAnn Author writes about defence.',
    )
    alpha.write_text(text, encoding="utf-8")
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", content=content_copy)
    assert app.library.article("alpha").title == marked  # the data arrived unchanged
    assert {a.term: a.expansion for a in app.library.glossary.acronyms}["JSDF"] == marked
    yield app
    close_app(app)


def test_glossary_tooltip_shows_the_expansion_as_text(qtbot, hostile_app, marked: str) -> None:
    assert hostile_app.reading.open_article("alpha")
    reader = hostile_app.reader
    tip = reader.glossary_tooltip("JSDF")
    assert tip is not None
    assert_literal(tip, shown(tip), f"JSDF: {marked}")
    pos = marker_pos(reader, "gloss:JSDF")
    assert reader.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, pos, reader.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == tip  # the tool-tip shows exactly that text
    QToolTip.hideText()


def test_library_list_and_title_show_article_metadata_as_text(hostile_app, marked: str) -> None:
    assert hostile_app.reading.open_article("alpha")
    articles = hostile_app.library_panel.articles
    item = next(articles.item(i) for i in range(articles.count())
                if articles.item(i).data(TARGET_ROLE) == "alpha")
    html = str(item.data(HTML_ROLE))
    assert_literal(html, shown(html, rich=True), marked)
    tip = item.toolTip()
    assert_literal(tip, shown(tip), marked)
    assert shown(tip).count(marked) == 2  # title and author, each as typed
    assert hostile_app.window.windowTitle().startswith(marked)  # a title bar is plain text


def _items(rich_list: RichList) -> list[tuple[str, str]]:
    return [(str(rich_list.item(i).data(HTML_ROLE)), rich_list.item(i).toolTip())
            for i in range(rich_list.count())]


def test_themes_list_caption_and_digest_show_labels_and_text_as_text(hostile_app, marked: str) -> None:
    panel = hostile_app.themes_panel
    html, tip = next((h, t) for h, t in _items(panel.themes) if "bold" in h)
    assert_literal(html, shown(html, rich=True), marked)
    assert_literal(tip, shown(tip), marked)  # the description, on hover
    panel.show_theme("dicas")
    assert marked.upper() in label_shown(panel.digest_caption)
    html, tip = next((h, t) for h, t in _items(panel.digest) if "bold" in t)
    assert_literal(html, shown(html, rich=True), marked)
    assert_literal(tip, shown(tip), marked)  # the passage's own text, on hover


def test_footnote_and_crossref_cards_show_sources_as_text(hostile_app, marked: str) -> None:
    assert hostile_app.reading.open_article("alpha")
    assert hostile_app.show_footnote(1, QPoint(10, 10))
    card = hostile_app.card
    for label in (card.body, card.fields):
        assert_literal(label.text(), label_shown(label), marked)
    assert hostile_app.show_crossref("alpha", "dicas", QPoint(10, 10))
    for label in (card.body, card.related):
        assert_literal(label.text(), label_shown(label), marked)
    assert label_shown(card.heading).startswith("Editor's")


def test_search_panel_shows_hits_queries_and_errors_as_text(hostile_app, marked: str) -> None:
    panel = hostile_app.search_panel
    combo = panel.article_filter
    tips = [str(combo.itemData(i, Qt.ItemDataRole.ToolTipRole) or "") for i in range(combo.count())]
    tip = next(t for t in tips if "bold" in t)
    assert_literal(tip, shown(tip), marked)
    hit = Hit(article="alpha", anchor=LITERAL_PASSAGE, title=marked, section="", text=marked,
              snippet="", themes=(), score=0.0)
    panel.show_outcome(SearchOutcome("bold", SearchResult(hits=[hit], total=1)))
    html, tip = _items(panel.results)[0]
    assert_literal(html, shown(html, rich=True), marked)
    assert_literal(tip, shown(tip), marked)
    from jpbrief.core.search import snippets  # the search's own snippet markup, one word marked

    snippet = snippets.render(marked, [(len(marked) - 1, len(marked))])
    panel.show_outcome(SearchOutcome("y", SearchResult(
        hits=[Hit("alpha", LITERAL_PASSAGE, "t", "", marked, snippet, (), 0.0)], total=1)))
    html, _tip = _items(panel.results)[0]
    assert_literal(html, shown(html, rich=True), marked)
    panel.show_outcome(SearchOutcome(query=marked))
    assert marked in label_shown(panel.status)
    panel.show_outcome(SearchOutcome("x", failure=f"Cannot read {marked}"))
    assert label_shown(panel.status) == f"Cannot read {marked}"


def test_notes_panel_shows_typed_notes_and_errors_as_text(hostile_app, marked: str) -> None:
    panel = hostile_app.notes_panel
    note = Note(id=1, uuid="u", article="alpha", anchor="opening", quote=marked, text=marked,
                created="2026-01-01T00:00:00", updated="2026-01-01T00:00:00")
    panel.show_annotations([note])
    html, _tip = _items(panel.items)[0]
    assert_literal(html, shown(html, rich=True), marked)
    assert shown(html, rich=True).count(marked) == 3  # the article's title, the note, the quote
    panel.show_message(f"Notes are unavailable: {marked}")
    assert label_shown(panel.message) == f"Notes are unavailable: {marked}"


def test_problems_banner_shows_messages_as_text(qtbot, marked: str) -> None:
    banner = ProblemsBanner()
    qtbot.addWidget(banner)
    library: Any = SimpleNamespace(problems=[Problem("themes.yaml", 3, f"bad label {marked}")], skipped=[])
    assert banner.show_problems(library)
    assert_literal(banner.details.text(), label_shown(banner.details), marked)
    assert "problem" in label_shown(banner.title)


def test_add_note_prompt_quotes_the_passage_as_text(hostile_app, marked: str) -> None:
    from jpbrief.ui.widgets.dialogs import note_prompt

    passage = hostile_app.library.passage("alpha", LITERAL_PASSAGE)
    assert passage is not None and passage.text == marked
    prompt = note_prompt(passage.text)
    assert_literal(prompt, shown(prompt), marked[:80])  # QInputDialog's label guesses the format


def test_title_attributes_in_articles_show_as_text(qtbot, tmp_path: Path, marked: str) -> None:
    """Qt shows a link's or abbreviation's ``title`` as a tool-tip, guessing its format."""
    from jpbrief.ui.services.markup import escape
    from jpbrief.ui.widgets.reader import ReaderView

    reader = ReaderView([tmp_path])
    qtbot.addWidget(reader)
    reader.resize(600, 300)
    reader.show()
    reader.show_html(f'<p><abbr title="{escape(marked)}">ABBR</abbr> tail</p>', tmp_path)
    cursor = reader.document().find("ABBR")
    rect = reader.cursorRect(cursor)
    pos = QPoint(rect.left() - 5, rect.center().y())
    assert reader.cursorForPosition(pos).charFormat().toolTip() == marked  # the title as Qt holds it
    QToolTip.hideText()
    QApplication.sendEvent(reader.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, reader.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    tip = QToolTip.text()
    assert_literal(tip, shown(tip), marked)
    QToolTip.hideText()


def test_printed_document_loads_images_only_through_the_readers_sandbox(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from jpbrief.ui.services.printing import build_document
    from jpbrief.ui.widgets.reader import ReaderView

    picture = QImage(4, 4, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    content, elsewhere = tmp_path / "content", tmp_path / "elsewhere"
    content.mkdir()
    elsewhere.mkdir()
    assert picture.save(str(content / "inside.png")) and picture.save(str(elsewhere / "outside.png"))
    monkeypatch.chdir(elsewhere)  # a bare QTextDocument resolves relative paths here
    image = QTextDocument.ResourceType.ImageResource.value

    def loaded(doc: QTextDocument, src: str) -> bool:
        data = doc.resource(image, QUrl(src))
        return data is not None and not (isinstance(data, QImage) and data.isNull())

    bare = build_document('<p><img src="outside.png"></p>')
    assert not loaded(bare, "outside.png")
    reader = ReaderView([content])
    qtbot.addWidget(reader)
    reader.show_html("", content)
    doc = build_document('<p><img src="inside.png"></p>', resources=reader.loadResource)
    assert loaded(doc, "inside.png")
    assert not loaded(doc, str(elsewhere / "outside.png"))
    assert str(elsewhere / "outside.png") in reader.refused


def test_a_source_card_says_when_the_source_was_last_updated() -> None:
    """Source [31] is a tracker "Last updated February 13, 2024": not its publication date."""
    from jpbrief.core.model import Source
    from jpbrief.ui.widgets.footnote_popup import _fields_html

    html = _fields_html(Source("tracker", "A tracker. Last updated February 13, 2024.", updated="2024-02-13"), "#777")
    assert "Last updated" in html and "2024-02-13" in html and "Date" not in html
