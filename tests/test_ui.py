"""The reader window, offscreen: footnote cards, themes, search, settings, safety."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QKeySequence, QPalette, QTextDocument
from PySide6.QtWidgets import QToolTip
from test_ui_support import (
    CONTENT,
    FOOTNOTED,
    OFFSCREEN_NOTICES,
    OTHER,
    REPO,
    build_app,
    close_app,
    marker_pos,
    shown,
)

from jpbrief.core.content import load_library
from jpbrief.ui.actions import Actions
from jpbrief.ui.services.navigation import History, Place
from jpbrief.ui.services.settings import Settings
from jpbrief.ui.widgets.reader import ReaderView, resolve_resource

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)

API_SURVEY = 'Asia Pacific Initiative. "Survey of 100 Japanese Companies on Economic Security."'


@pytest.fixture(scope="session")
def index_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One search index for the whole session: building it per test would be slow."""
    return tmp_path_factory.mktemp("search-index")


@pytest.fixture
def reader_app(qtbot, tmp_path: Path, index_root: Path):
    app = build_app(qtbot, tmp_path / "config", index_root)
    yield app
    close_app(app)


def open_footnoted(reader_app) -> None:
    assert reader_app.reading.open_article(FOOTNOTED)


# -- footnote cards ------------------------------------------------------------------

@pytest.mark.parametrize("number", [17, 33])
def test_click_opens_card_with_the_right_citation(qtbot, reader_app, number: int) -> None:
    open_footnoted(reader_app)
    reader = reader_app.reader
    pos = marker_pos(reader, f"fn:{number}")
    before = reader.verticalScrollBar().value()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    card = reader_app.card
    qtbot.waitUntil(card.isVisible)
    assert card.kind == "footnote" and card.number == number
    assert card.citation.startswith(API_SURVEY)
    assert "Asia Pacific Initiative" in card.fields.text()  # publisher
    assert "Survey" in card.fields.text()  # kind
    assert reader.verticalScrollBar().value() == before
    assert card.opened_by == "click"  # the trigger came with the reader's signal


def test_hover_opens_card_after_a_delay(qtbot, reader_app) -> None:
    open_footnoted(reader_app)
    reader = reader_app.reader
    pos = marker_pos(reader, "fn:17")
    before = reader.verticalScrollBar().value()
    qtbot.mouseMove(reader.viewport(), QPoint(2, 2))  # Qt ignores a "move" to where it is
    qtbot.mouseMove(reader.viewport(), pos)
    assert reader.hover_pending() and not reader_app.card.isVisible()  # not at once
    qtbot.waitUntil(reader_app.card.isVisible, timeout=3000)
    assert reader_app.card.number == 17
    assert reader_app.card.opened_by == "hover"
    assert reader.verticalScrollBar().value() == before


def test_keyboard_tab_and_enter_open_card(qtbot, reader_app) -> None:
    open_footnoted(reader_app)
    reader = reader_app.reader
    reader.setFocus()
    reader.verticalScrollBar().setValue(0)
    for _ in range(400):
        qtbot.keyClick(reader, Qt.Key.Key_Tab)
        if reader.focused_href() == "fn:33":
            break
    assert reader.focused_href() == "fn:33"
    before = reader.verticalScrollBar().value()
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    qtbot.waitUntil(reader_app.card.isVisible)
    assert reader_app.card.number == 33 and reader_app.card.opened_by == "keyboard"
    assert reader_app.card.citation.startswith(API_SURVEY)
    assert reader.verticalScrollBar().value() == before
    # Esc closes it; the focus stays on the marker so Tab continues from there.
    qtbot.keyClick(reader, Qt.Key.Key_Escape)
    assert not reader_app.card.isVisible()
    assert reader.focused_href() == "fn:33"


def test_card_lists_other_passages_citing_the_source(qtbot, reader_app) -> None:
    open_footnoted(reader_app)
    reader = reader_app.reader
    reader.activate_href("fn:17", reader.mapToGlobal(QPoint(50, 50)), "click")
    card = reader_app.card
    assert "[33]" in card.related.text() and card.related.isVisible()
    library = reader_app.library
    cited = next(c for c in library.citations("api-survey-100-companies") if c.number == 33)
    with qtbot.waitSignal(card.passage_requested):
        card._on_link(f"passage:{cited.article}#{cited.anchor}")
    assert not card.isVisible()
    assert reader.has_anchor(cited.anchor)
    assert reader_app.reading.history.can_go_back()


def test_copy_citation(qtbot, reader_app, qapp) -> None:
    open_footnoted(reader_app)
    reader_app.reader.activate_href("fn:17", QPoint(100, 100), "click")
    with qtbot.waitSignal(reader_app.card.citation_copied):
        qtbot.mouseClick(reader_app.card.copy_button, Qt.MouseButton.LeftButton)
    assert qapp.clipboard().text().startswith(API_SURVEY)


def test_card_closes_on_click_elsewhere_and_moving_away(qtbot, reader_app) -> None:
    open_footnoted(reader_app)
    reader = reader_app.reader
    pos = marker_pos(reader, "fn:17")
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(reader_app.card.isVisible)
    qtbot.mouseClick(reader_app.library_panel.articles.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(5, 300))
    assert not reader_app.card.isVisible()

    qtbot.mouseMove(reader.viewport(), QPoint(2, 2))  # Qt ignores a "move" to where it is
    qtbot.mouseMove(reader.viewport(), pos)
    qtbot.waitUntil(reader_app.card.isVisible, timeout=3000)
    far = QPoint(5, reader.viewport().height() - 5)
    qtbot.mouseMove(reader.viewport(), far)
    qtbot.waitUntil(lambda: not reader_app.card.isVisible(), timeout=3000)


def test_every_footnote_has_a_card(reader_app) -> None:
    open_footnoted(reader_app)
    article = reader_app.library.article(FOOTNOTED)
    numbers = [f.number for p in article.passages for f in p.footnotes]
    assert len(numbers) == 42
    for number in numbers:
        assert reader_app.show_footnote(number, QPoint(10, 10)), number
        assert reader_app.card.number == number


def test_crossref_card_is_an_editors_note_and_jumps_there_and_back(qtbot, reader_app) -> None:
    open_footnoted(reader_app)
    reader = reader_app.reader
    reader.scroll_to_anchor("a-new-overton-window")
    start = reader.verticalScrollBar().value()
    pos = marker_pos(reader, "xref:focused-on-its-region#strategy-documents")
    start = reader.verticalScrollBar().value()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    card = reader_app.card
    qtbot.waitUntil(card.isVisible)
    assert card.kind == "crossref"
    assert "Editor's cross-reference" in card.heading.text()
    assert "not part of the author's text" in card.heading.text()
    other = reader_app.library.passage(OTHER, "strategy-documents")
    assert other is not None and other.text[:60] in card.body.text().replace("&#x27;", "'")
    assert reader.verticalScrollBar().value() == start
    qtbot.mouseClick(card.jump_button, Qt.MouseButton.LeftButton)
    assert reader_app.reading.current.id == OTHER
    reader_app.actions.back.trigger()
    assert reader_app.reading.current.id == FOOTNOTED
    assert reader.verticalScrollBar().value() == start
    reader_app.actions.forward.trigger()
    assert reader_app.reading.current.id == OTHER


def test_crossref_card_shows_the_sources_cited_there(reader_app) -> None:
    reader_app.reading.open_article(OTHER)
    target = reader_app.library.passage(FOOTNOTED, "strategy-documents")
    assert target is not None and target.footnotes
    assert reader_app.show_crossref(FOOTNOTED, "strategy-documents", QPoint(10, 10))
    source = reader_app.library.sources[target.footnotes[0].source_id]
    assert source.citation[:40] in reader_app.card.related.text().replace("&quot;", '"')


def test_glossary_acronym_shows_expansion_on_hover(qtbot, reader_app) -> None:
    open_footnoted(reader_app)
    reader = reader_app.reader
    pos = marker_pos(reader, "gloss:JSDF")
    event = QHelpEvent(QEvent.Type.ToolTip, pos, reader.viewport().mapToGlobal(pos))
    assert reader.viewportEvent(event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Japanese Self-Defense Forces" in QToolTip.text()
    QToolTip.hideText()


# -- sidebar: library, outline, themes -----------------------------------------------

def test_library_lists_articles_with_byline_and_date(reader_app) -> None:
    items = reader_app.library_panel.articles
    texts = [items.item(i).text() for i in range(items.count())]
    assert len(texts) == 2
    assert any("Elliot Silverberg" in t and "Wild Blue Yonder" in t for t in texts)
    assert any("2024-05-13" in t for t in texts)


def test_outline_jumps_to_sections(qtbot, reader_app) -> None:
    open_footnoted(reader_app)
    outline = reader_app.library_panel.outline
    anchors = outline.targets()
    assert "a-new-overton-window" in anchors
    with qtbot.waitSignal(reader_app.library_panel.section_requested):
        outline.chosen.emit("a-new-overton-window")
    assert reader_app.reader.top_anchor() == "a-new-overton-window"


@pytest.mark.parametrize("theme", ["dicas", "counterstrike", "economic-security"])
def test_theme_selection_lists_the_right_passages(qtbot, reader_app, theme: str) -> None:
    panel = reader_app.themes_panel
    row = panel.themes.targets().index(theme)
    expected = [(a.id, p.anchor) for a, p in reader_app.library.theme_passages(theme)]
    label = panel.themes.item(row).text()
    assert f"{len(expected)} passage" in label
    assert shown(panel.themes.item(row).toolTip()) == reader_app.library.themes[theme].description
    with qtbot.waitSignal(panel.theme_selected):
        qtbot.mouseClick(panel.themes.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.themes.visualItemRect(panel.themes.item(row)).center())
    assert panel.digest_targets() == expected
    assert {a for a, _ in expected} == {FOOTNOTED, OTHER} or len(expected) > 0
    assert reader_app.reading.marked_theme == theme
    # the reading pane shows the theme's briefing, then an article opened from it marks them
    assert reader_app.briefing.theme is reader_app.library.themes[theme]
    assert reader_app.library.themes[theme].description in reader_app.reader.toPlainText()
    article, anchor = expected[-1]
    panel.digest.chosen.emit((article, anchor))
    assert reader_app.reading.current.id == article and reader_app.reader.has_anchor(anchor)
    assert reader_app.briefing.theme is None
    assert reader_app.appearance.mark_colour("theme").name() in reader_app.reader.document().toHtml()
    reader_app.actions.clear_theme.trigger()
    assert reader_app.reading.marked_theme == "" and panel.digest.count() == 0


# -- start-up: what is built when ---------------------------------------------------

def test_panels_not_shown_at_start_are_built_when_their_tab_is_chosen(qtbot, reader_app) -> None:
    sidebar = reader_app.window.sidebar
    tabs = ["Library", "Themes", "Search", "Notes", "Timeline"]
    assert [sidebar.tabText(i) for i in range(sidebar.count())] == tabs
    assert sidebar.currentWidget() is reader_app.library_panel
    assert reader_app._themes_panel is None and reader_app._search_panel is None
    assert reader_app.chronology._panel is None
    sidebar.setCurrentIndex(2)  # a click on the Search tab
    assert reader_app._search_panel is not None
    assert sidebar.currentWidget() is reader_app.search_panel and sidebar.currentIndex() == 2
    assert reader_app.settings.sidebar_tab == 2
    reader_app.actions.show_themes.trigger()
    assert sidebar.currentWidget() is reader_app.themes_panel
    assert [sidebar.tabText(i) for i in range(sidebar.count())] == tabs
    assert sidebar.widget(2) is reader_app.search_panel  # built panels stay in their tabs
    sidebar.setCurrentIndex(4)  # a click on the Timeline tab
    assert sidebar.currentWidget() is reader_app.chronology.panel


def test_restored_themes_tab_is_built_before_the_window_shows(qtbot, tmp_path: Path, index_root: Path) -> None:
    settings = Settings(tmp_path / "config")
    settings.sidebar_tab = 1
    settings.sync()
    app = build_app(qtbot, tmp_path / "config", index_root)
    try:
        assert app.window.sidebar.currentWidget() is app.themes_panel
        assert app.themes_panel.themes.count() == len(app.library.themes)
    finally:
        close_app(app)


@pytest.mark.parametrize("saved, tab", [(2, 2), (3, 3), (4, 4), (9, 0), (-1, 0)],
                         ids=["search", "notes", "timeline", "unknown", "negative"])
def test_restored_later_tabs_come_back_built_after_the_first_paint(
    qtbot, tmp_path: Path, index_root: Path, saved: int, tab: int
) -> None:
    settings = Settings(tmp_path / "config")
    settings.sidebar_tab = saved
    settings.sync()
    app = build_app(qtbot, tmp_path / "config", index_root, notes_db=tmp_path / "notes.db", start=False)
    built = {2: lambda: app._search_panel, 3: lambda: app._notes_panel,
             4: lambda: app.chronology._panel, 0: lambda: app.library_panel}
    at_paint: list[tuple[object, ...]] = []
    app.reader.first_painted.connect(lambda: at_paint.append(
        (app._search_panel, app._notes_panel, app.chronology._panel)))
    try:
        app.start()
        qtbot.waitUntil(lambda: bool(at_paint))
        assert at_paint == [(None, None, None)]  # none of them delays the first paint
        assert app.window.sidebar.currentIndex() == tab
        qtbot.waitUntil(lambda: built[tab]() is not None)
        assert app.window.sidebar.currentWidget() is built[tab]()
        assert app.window.sidebar.currentIndex() == tab
    finally:
        close_app(app)


def test_reader_margins_come_from_the_real_viewport_width(qtbot, reader_app) -> None:
    from jpbrief.ui.widgets.reader import MEASURE_CHARS

    reader = reader_app.reader

    def margin_for_viewport() -> int:
        measure = reader.fontMetrics().averageCharWidth() * MEASURE_CHARS
        return max(24, (reader.viewport().width() - measure) // 2)

    assert reader.verticalScrollBar().isVisible()  # a long article
    assert reader.viewport_width() == reader.viewport().width()
    assert reader.document().rootFrame().frameFormat().leftMargin() == margin_for_viewport()
    reader.show_html("<p>A short text, without a scroll bar.</p>")
    qtbot.waitUntil(lambda: not reader.verticalScrollBar().isVisible())
    assert reader.viewport_width() == reader.viewport().width()
    assert reader.document().rootFrame().frameFormat().leftMargin() == margin_for_viewport()
    reader_app.reading.open_article(FOOTNOTED)
    reader_app.window.resize(900, 700)
    qtbot.waitUntil(lambda: reader.viewport().width() < 700)
    assert reader.verticalScrollBar().isVisible()
    assert reader.document().rootFrame().frameFormat().leftMargin() == margin_for_viewport()


# -- search ----------------------------------------------------------------------------

def search(qtbot, reader_app, text: str):
    with qtbot.waitSignal(reader_app.search.results_ready, timeout=60000) as blocker:
        qtbot.keyClicks(reader_app.search_panel.query, text)
    return blocker.args[1]


def test_search_result_opens_the_right_passage(qtbot, reader_app) -> None:
    reader_app.actions.find.trigger()
    assert reader_app.window.sidebar.currentWidget() is reader_app.search_panel
    outcome = search(qtbot, reader_app, "Asia Pacific Initiative survey")
    assert outcome.hits, outcome
    first = outcome.hits[0]
    panel = reader_app.search_panel
    assert len(panel.hit_targets()) == len(outcome.hits)  # plus a "Matching some words" row
    assert "<b>" in first.snippet
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert reader_app.reading.current.id == first.article
    reader = reader_app.reader
    assert reader.top_anchor() in (first.anchor, reader.anchors()[reader.anchors().index(first.anchor) - 1])
    selections = reader.extraSelections()
    assert selections
    start, end = reader.passage_range(first.anchor)
    assert all(start <= s.cursor.selectionStart() < end for s in selections)


def marks_in_passage(reader_app, anchor: str) -> list[str]:
    """The passage-text pieces under the reader's search marks, through the document text."""
    text = reader_app.reader.document().toPlainText()
    return [text[s.cursor.selectionStart():s.cursor.selectionEnd()] for s in reader_app.reader.extraSelections()]


def test_search_marks_are_exactly_the_hits_spans(qtbot, reader_app) -> None:
    """Marks cover the hit's spans, character for character: "US" never marks "us" in "focus"."""
    reader_app.actions.find.trigger()
    outcome = search(qtbot, reader_app, "US")
    # A passage where "US" stands next to words holding "us" (focus, thus, ...): the trap.
    hit = next(h for h in outcome.hits if h.spans and h.text.casefold().count("us") > h.text.count("US"))
    reader_app.reading.open_hit(hit)
    reader = reader_app.reader
    mapping = reader.passage_map(hit.anchor, hit.text)
    marked = sorted((s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in reader.extraSelections())
    assert marked == sorted(mapping.document_spans(hit.spans))
    assert marks_in_passage(reader_app, hit.anchor) == [hit.text[s:e] for s, e in sorted(hit.spans)]
    document = reader.document().toPlainText()
    for start, end in marked:  # whole words only: never the "us" inside "focus"
        assert not document[start - 1].isalnum() and not document[end].isalnum(), document[start - 5:end + 5]


def test_passage_map_skips_markers_and_lands_on_the_text(reader_app) -> None:
    """Every passage of every article: each word maps onto the same word in the reader,
    past footnote numbers, [ed.] markers and labels the reader adds."""
    for article in reader_app.library.articles:
        reader_app.reading.open_article(article.id)
        document = reader_app.reader.document().toPlainText()
        for passage in article.passages:
            mapping = reader_app.reader.passage_map(passage.anchor, passage.text)
            assert mapping is not None, passage.anchor
            offset = 0
            for word in passage.text.split():
                offset = passage.text.index(word, offset)
                start, end = mapping.document_span(offset, offset + len(word))
                assert document[start:end] == word, (passage.anchor, word)
                offset += len(word)


def test_ctrl_k_focuses_search_and_did_you_mean(qtbot, reader_app) -> None:
    keys = [s.toString() for s in reader_app.actions.quick_search.shortcuts()]
    assert "Ctrl+K" in keys
    reader_app.actions.quick_search.trigger()
    outcome = search(qtbot, reader_app, "DICSA")
    assert not outcome.hits and "DICAS" in outcome.suggestions
    panel = reader_app.search_panel
    assert panel.suggestion.isVisible() and "DICAS" in panel.suggestion.text()
    with qtbot.waitSignal(reader_app.search.results_ready, timeout=60000) as blocker:
        panel.suggestion.linkActivated.emit("DICAS")
    assert blocker.args[1].hits


def test_search_filters(qtbot, reader_app) -> None:
    panel = reader_app.search_panel
    outcome = search(qtbot, reader_app, "Japan")
    assert {h.article for h in outcome.hits} == {FOOTNOTED, OTHER}
    with qtbot.waitSignal(reader_app.search.results_ready, timeout=60000) as blocker:
        panel.article_filter.setCurrentIndex(panel.article_filter.findData(OTHER))
    assert blocker.args[1].hits and {h.article for h in blocker.args[1].hits} == {OTHER}
    with qtbot.waitSignal(reader_app.search.results_ready, timeout=60000) as blocker:
        panel.article_filter.setCurrentIndex(0)
        panel.theme_filter.setCurrentIndex(panel.theme_filter.findData("dicas"))
    assert blocker.args[1].hits and all("dicas" in h.themes for h in blocker.args[1].hits)


# -- settings, zoom, appearance, history ---------------------------------------------

def test_settings_round_trip(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    assert (settings.zoom, settings.appearance, settings.last_article) == (0, "system", "")
    settings.zoom = 3
    settings.appearance = "dark"
    settings.last_article = OTHER
    settings.sync()
    again = Settings(tmp_path)
    assert again.zoom == 3 and again.appearance == "dark" and again.last_article == OTHER
    assert (tmp_path / "jpbrief.ini").is_file()
    settings.zoom = 0  # back to the default: not stored at all
    settings.sync()
    assert "zoom" not in (tmp_path / "jpbrief.ini").read_text()
    with pytest.raises(ValueError):
        settings.appearance = "purple"


def test_app_settings_persist_across_restarts(qtbot, tmp_path: Path, index_root: Path) -> None:
    config = tmp_path / "config"
    notes = tmp_path / "data" / "notes.sqlite3"  # where reading positions are kept
    first = build_app(qtbot, config, index_root, notes_db=notes)
    qtbot.waitUntil(lambda: first.annotations.notes is not None)
    first.actions.zoom_in.trigger()
    first.actions.zoom_in.trigger()
    first.actions.appearance_dark.trigger()
    first.reading.open_article(FOOTNOTED, "economic-security-infrastructure")
    first.window.close()
    close_app(first)
    assert (config / "jpbrief.ini").is_file() and (config / "window-state.ini").is_file()

    second = build_app(qtbot, config, index_root, notes_db=notes)
    try:
        assert second.settings.zoom == 2
        assert second.appearance.scheme == "dark"
        assert second.actions.appearance_dark.isChecked()
        assert second.reading.current.id == FOOTNOTED
        qtbot.waitUntil(lambda: second.reader.top_anchor() == "economic-security-infrastructure")
        base = Settings(tmp_path / "fresh")
        assert base.zoom == 0
    finally:
        second.window.close()  # closes the notes store
        close_app(second)


def test_last_position_per_article_restored(reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED, "economic-security-infrastructure")
    reader_app.reading.open_article(OTHER, "sharpening-strategic-focus")
    reader_app.library_panel.article_requested.emit(FOOTNOTED)
    assert reader_app.reader.top_anchor() == "economic-security-infrastructure"
    reader_app.library_panel.article_requested.emit(OTHER)
    assert reader_app.reader.top_anchor() == "sharpening-strategic-focus"


def test_zoom_actions_change_font_and_are_remembered(reader_app) -> None:
    size = reader_app.reader.font().pointSizeF()
    reader_app.actions.zoom_in.trigger()
    assert reader_app.reader.font().pointSizeF() > size and reader_app.settings.zoom == 1
    reader_app.actions.zoom_out.trigger()
    reader_app.actions.zoom_out.trigger()
    assert reader_app.reader.font().pointSizeF() < size and reader_app.settings.zoom == -1
    reader_app.actions.zoom_reset.trigger()
    assert reader_app.reader.font().pointSizeF() == pytest.approx(size)


def test_dark_toggle(qapp, reader_app) -> None:
    reader_app.actions.appearance_light.trigger()
    light = qapp.palette().color(QPalette.ColorRole.Base).lightness()
    reader_app.actions.toggle_dark.trigger()
    assert reader_app.appearance.scheme == "dark" and reader_app.settings.appearance == "dark"
    assert qapp.palette().color(QPalette.ColorRole.Base).lightness() < light
    assert "#18191b" in reader_app.reader.document().toHtml()
    reader_app.actions.appearance_system.trigger()
    assert reader_app.settings.appearance == "system"


def test_mouse_back_and_forward_buttons(qtbot, reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED)
    reader_app.reading.open_passage(OTHER, "sharpening-strategic-focus")
    qtbot.mouseClick(reader_app.reader.viewport(), Qt.MouseButton.BackButton)
    assert reader_app.reading.current.id == FOOTNOTED
    qtbot.mouseClick(reader_app.reader.viewport(), Qt.MouseButton.ForwardButton)
    assert reader_app.reading.current.id == OTHER


def test_history_drops_forward_branch() -> None:
    history = History()
    for name in "abc":
        history.visit(Place(name))
    assert history.back() == Place("b")
    history.visit(Place("d"))
    assert not history.can_go_forward()
    assert history.back() == Place("b") and history.back() == Place("a") and history.back() is None


# -- actions, keyboard, accessibility ------------------------------------------------

def test_actions_use_standard_keys_and_help_lists_them(qtbot, reader_app) -> None:
    actions: Actions = reader_app.actions
    for action, key in [
        (actions.find, QKeySequence.StandardKey.Find),
        (actions.zoom_in, QKeySequence.StandardKey.ZoomIn),
        (actions.zoom_out, QKeySequence.StandardKey.ZoomOut),
        (actions.print_article, QKeySequence.StandardKey.Print),
        (actions.back, QKeySequence.StandardKey.Back),
        (actions.forward, QKeySequence.StandardKey.Forward),
        (actions.shortcuts, QKeySequence.StandardKey.HelpContents),
    ]:
        assert QKeySequence.keyBindings(key)[0] in action.shortcuts(), action.text()
    assert QKeySequence("Ctrl+0") in actions.zoom_reset.shortcuts()
    assert QKeySequence("Alt+Left") in actions.back.shortcuts()
    menus = [a.text() for a in reader_app.window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Go", "&Notes", "&Help"]
    dialog = reader_app.documents.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert ("Edit", "Quick search", "Ctrl+K") in rows
    assert any(r[1] == "Print…" for r in rows)
    assert any(r[1] == "Back" and "Alt+Left" in r[2] for r in rows)
    dialog.close()


def test_widgets_have_accessible_names(reader_app) -> None:
    for widget in [
        reader_app.reader, reader_app.library_panel.articles, reader_app.library_panel.outline,
        reader_app.themes_panel.themes, reader_app.themes_panel.digest, reader_app.search_panel.query,
        reader_app.search_panel.results, reader_app.search_panel.theme_filter,
        reader_app.search_panel.article_filter, reader_app.window.sidebar, reader_app.card,
        reader_app.window.banner,
    ]:
        assert widget.accessibleName(), widget


def test_step_section_and_article(reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED)
    reader_app.actions.next_section.trigger()
    assert reader_app.reader.top_anchor() == "a-new-overton-window"
    reader_app.actions.next_article.trigger()
    assert reader_app.reading.current.id != FOOTNOTED


# -- print and PDF ---------------------------------------------------------------------

def test_export_pdf_has_footnotes_and_sources(reader_app, tmp_path: Path, monkeypatch) -> None:
    open_footnoted(reader_app)
    from jpbrief.ui.services import printing

    printed: list[str] = []
    build_document = printing.build_document
    monkeypatch.setattr(printing, "build_document", lambda html, *a: printed.append(html) or build_document(html, *a))
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    reader_app.actions.export_pdf.trigger()
    assert target.read_bytes()[:5] == b"%PDF-" and target.stat().st_size > 10_000
    [html] = printed  # what went to paper: rendered for paper from the model
    assert "Sources cited" in html and API_SURVEY in html.replace("&quot;", '"')
    assert 'href="#fn-17"' in html and "fn:" not in html and "xref:" not in html
    assert "Editor’s notes (not part of the original)" in html


def test_print_uses_the_print_dialog(reader_app, tmp_path: Path, monkeypatch) -> None:
    from PySide6 import QtPrintSupport

    seen = {}

    class FakeDialog:
        DialogCode = QtPrintSupport.QPrintDialog.DialogCode

        def __init__(self, printer, parent) -> None:
            printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))
            seen["printer"] = printer

        def setWindowTitle(self, title: str) -> None:
            seen["title"] = title

        def exec(self):
            return QtPrintSupport.QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QtPrintSupport, "QPrintDialog", FakeDialog)
    open_footnoted(reader_app)
    assert reader_app.documents.print_article()
    assert (tmp_path / "printed.pdf").read_bytes()[:5] == b"%PDF-"
    from test_print_pdf import flat, pdf_pages

    pages = pdf_pages(tmp_path / "printed.pdf")  # printed with the same header and footer as a PDF
    title = reader_app.reading.current.title
    assert flat(pages[0]).startswith(flat(title)) and flat(pages[-1]).endswith(f"Page {len(pages)} of {len(pages)}")
    assert seen["title"] == f"Print “{title}”"


# -- offline safety ------------------------------------------------------------------

def test_load_resource_refuses_everything_outside_the_bundle(reader_app, tmp_path: Path) -> None:
    reader: ReaderView = reader_app.reader
    image = QTextDocument.ResourceType.ImageResource.value
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG")
    for url in [
        "http://example.com/x.png", "https://example.com/x.png", "ftp://example.com/x",
        "file://server/share/x.png", "//server/share/x.png", f"file://{outside}", str(outside),
        "../../../../../../etc/passwd", "qrc:/x.png", "data:image/png;base64,AAAA",
    ]:
        assert reader.loadResource(image, QUrl(url)) is None, url
    assert "http://example.com/x.png" in reader.refused
    css = reader.loadResource(QTextDocument.ResourceType.StyleSheetResource.value,
                              QUrl.fromLocalFile(str(REPO / "resources" / "reader.css")))
    assert isinstance(css, str) and "p.passage" in css
    link = tmp_path / "link"
    link.symlink_to("/etc")
    assert resolve_resource(QUrl("link/passwd"), tmp_path, [CONTENT]) is None


def test_external_links_need_confirmation(reader_app, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()) or True)
    asked: list[str] = []
    reader_app.documents.confirm_url = lambda _parent, url: asked.append(url) or False
    reader_app.reader.activate_href("external:https://example.org/a?b=1", QPoint(), "click")
    assert asked == ["https://example.org/a?b=1"] and opened == []
    reader_app.documents.confirm_url = lambda _parent, url: True
    reader_app.reader.activate_href("external:https://example.org/a?b=1", QPoint(), "click")
    assert opened == ["https://example.org/a?b=1"]
    assert not reader_app.documents.open_external("file:///etc/passwd")
    assert not reader_app.documents.open_external("javascript:alert(1)")
    assert len(opened) == 1


def test_external_link_dialog_defaults_to_cancel(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from jpbrief.ui.widgets import dialogs

    shown = {}

    def fake_exec(box):
        shown["text"] = box.text()
        shown["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert dialogs.confirm_external_url(None, "https://example.org/x?y=<z>") is False
    assert "https://example.org/x?y=&lt;z&gt;" in shown["text"] and shown["default"]


def test_problems_banner_lists_skipped_articles(qtbot, content_copy: Path, tmp_path, index_root) -> None:
    broken = content_copy / "articles" / "broken.md"
    broken.write_text("---\nid: Not Valid!\ntitle: 3\n---\n\nText.\n", encoding="utf-8")
    app = build_app(qtbot, tmp_path / "config", index_root, content=content_copy)
    try:
        banner = app.window.banner
        assert banner.isVisible()
        assert "could not be loaded" in banner.title.text()
        assert "broken.md" in banner.details.text()
        assert app.reading.current is not None  # the valid articles still show
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
        assert not banner.isVisible()
    finally:
        close_app(app)


def test_no_problems_no_banner(reader_app) -> None:
    assert load_library(CONTENT).problems == ()
    assert not reader_app.window.banner.isVisible()


def test_qtnetwork_never_imported(reader_app) -> None:
    assert "PySide6.QtNetwork" not in sys.modules


def test_startup_cache_round_trip_and_invalidation(content_copy: Path, tmp_path: Path) -> None:
    from jpbrief.core.render import render_article
    from jpbrief.ui.services import library_cache

    library = load_library(content_copy)
    html = {a.id: render_article(a, library) for a in library.articles}
    cache = tmp_path / "startup"
    assert library_cache.load(content_copy, cache) is None
    store = library_cache.save(content_copy, cache, library)
    assert store is not None and all(store.put(key, text) for key, text in html.items())
    cached = library_cache.load(content_copy, cache)
    assert cached is not None and cached[0] == library and cached[1] == html
    article = next(iter((content_copy / "articles").glob("*.md")))
    article.write_text(article.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    assert library_cache.load(content_copy, cache) is None  # content changed: load afresh
    (cache / "library.json").write_text("{not json", encoding="utf-8")
    assert library_cache.load(content_copy, cache) is None


def test_startup_cache_never_serves_a_library_older_than_its_fingerprint(content_copy: Path, tmp_path: Path) -> None:
    """An article edited between the load and the cache write: the cache is keyed by the
    fingerprint taken before the load, so the next start sees the edit and loads afresh."""
    import os

    from jpbrief.core.render import render_article
    from jpbrief.ui.services import library_cache

    stamp = library_cache.fingerprint(content_copy)  # as launch takes it, before loading
    library = load_library(content_copy)
    article = next(iter((content_copy / "articles").glob("*.md")))
    article.write_text(article.read_text(encoding="utf-8") + "\nEdited while loading.\n", encoding="utf-8")
    later = article.stat().st_mtime_ns + 5_000_000_000
    os.utime(article, ns=(later, later))  # a clearly newer mtime, whatever the clock's grain
    cache = tmp_path / "startup"
    html = {a.id: render_article(a, library) for a in library.articles}
    store = library_cache.save(content_copy, cache, library, stamp=stamp)
    assert store is not None and all(store.put(key, text) for key, text in html.items())
    assert library_cache.load(content_copy, cache) is None  # stale: the edit is not in it


def test_gui_commands_are_registered_without_importing_qt_widgets() -> None:
    from jpbrief.cli import build_parser
    from jpbrief.commands import gui

    parser = build_parser()
    assert parser.parse_args(["read"]).func is gui.cmd_read
    args = parser.parse_args(["self-test", "--screenshot", "x.png"])
    assert args.func is gui.cmd_self_test and args.screenshot == "x.png"
    module_level = Path(gui.__file__).read_text(encoding="utf-8").split("\ndef ")[0]
    assert "import PySide6" not in module_level and "from PySide6" not in module_level


@pytest.mark.parametrize("argv", [
    [], ["read"], ["--content", "somewhere"], ["--content", "somewhere", "read"], ["--content=elsewhere"],
    ["--content=", "read"],
])
def test_reader_command_line_skips_the_parser_with_the_same_result(argv: list[str]) -> None:
    from jpbrief.cli import _plain_read, build_parser

    parser = build_parser()
    expected = parser.parse_args(argv)
    if expected.command is None:
        expected = parser.parse_args([*argv, "read"])
    assert _plain_read(argv) == expected


@pytest.mark.parametrize("argv", [["read", "--help"], ["--version"], ["--cont", "x"], ["check"], ["read", "x"]])
def test_anything_else_goes_through_the_parser(argv: list[str]) -> None:
    from jpbrief.cli import _plain_read

    assert _plain_read(argv) is None


def test_start_up_escape_matches_html_escape() -> None:
    import html

    from hypothesis import given
    from hypothesis import strategies as st

    from jpbrief.ui.services.markup import escape

    @given(st.text(alphabet=st.sampled_from("&<>\"'a &amp;é\n")) | st.text())
    def same(text: str) -> None:
        assert escape(text) == html.escape(text)

    same()
