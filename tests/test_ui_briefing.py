"""The theme briefing in the reading pane, its cards and links, print/export; notes export
from the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from test_print_pdf import flat, pdf_pages
from test_ui_support import FOOTNOTED, OFFSCREEN_NOTICES, OTHER, build_app, close_app

from jpbrief.core import links

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
THEME = "defence-spending"


@pytest.fixture
def app(qtbot, tmp_path: Path):
    built = build_app(qtbot, tmp_path / "config", tmp_path / "index", notes_db=tmp_path / "notes.sqlite3")
    qtbot.waitUntil(lambda: built.annotations.notes is not None, timeout=10000)  # after the first paint
    yield built
    close_app(built)
    built.annotations.close()


def pick(qtbot, app, theme: str) -> None:
    panel = app.themes_panel
    row = panel.themes.targets().index(theme)
    with qtbot.waitSignal(panel.theme_selected):
        qtbot.mouseClick(panel.themes.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.themes.visualItemRect(panel.themes.item(row)).center())


def test_picking_a_theme_opens_its_briefing_and_back_returns(qtbot, app) -> None:
    app.reading.open_article(OTHER, "sharpening-strategic-focus")
    pick(qtbot, app, THEME)
    theme = app.library.themes[THEME]
    text = app.reader.toPlainText()
    assert app.briefing.theme is theme and app.reading.current is None
    assert text.startswith(f"Theme briefing\n{theme.label}") and theme.description in text
    for article, passage in app.library.theme_passages(THEME):
        if passage.kind == "paragraph":
            assert passage.text[:60] in " ".join(text.split()), (article.id, passage.anchor)
    assert app.window.windowTitle() == f"Theme briefing: {theme.label} — jpbrief"
    # Back returns to the article, where it was
    app.actions.back.trigger()
    assert app.reading.current is not None and app.reading.current.id == OTHER
    assert app.reader.top_anchor() == "sharpening-strategic-focus"
    assert app.briefing.theme is None


def test_a_briefing_is_a_place_in_the_history(qtbot, app) -> None:
    """Back from the briefing returns to the article, Forward to the briefing, and Back from
    a passage opened in the briefing returns to the briefing."""
    app.reading.open_article(OTHER, "sharpening-strategic-focus")
    pick(qtbot, app, THEME)
    assert app.actions.back.isEnabled() and not app.actions.forward.isEnabled()
    app.actions.back.trigger()
    assert app.reading.current is not None and app.reading.current.id == OTHER
    assert app.reader.top_anchor() == "sharpening-strategic-focus"
    assert app.actions.forward.isEnabled()
    app.actions.forward.trigger()
    assert app.briefing.theme is app.library.themes[THEME] and app.reading.current is None
    assert app.window.windowTitle().startswith("Theme briefing:")
    article, passage = next(iter(app.library.theme_passages(THEME)))
    app.reader.activate_href(links.make(links.PassageLink(article.id, passage.anchor)), QPoint(40, 40))
    assert app.reading.current is not None and app.reading.current.id == article.id
    assert app.actions.back.isEnabled()
    app.actions.back.trigger()
    assert app.briefing.theme is app.library.themes[THEME] and app.reading.current is None
    app.actions.back.trigger()
    assert app.reading.current is not None and app.reading.current.id == OTHER


def test_briefing_cards_and_the_way_back_to_a_passage(qtbot, app) -> None:
    pick(qtbot, app, THEME)
    footnoted = next(p for a, p in app.library.theme_passages(THEME) if a.id == FOOTNOTED and p.footnotes)
    number = footnoted.footnotes[0].number
    app.reader.activate_href(links.make(links.FootnoteLink(number, FOOTNOTED)), QPoint(40, 40), "click")
    card = app.card
    qtbot.waitUntil(card.isVisible)
    source = app.library.sources[footnoted.footnotes[0].source_id]
    assert card.kind == "footnote" and card.number == number and card.citation == source.citation
    card.dismiss()
    crossed = next((a, p) for a, p in app.library.theme_passages(THEME) if p.crossrefs)
    ref = crossed[1].crossrefs[0]
    app.reader.activate_href(links.make(links.CrossRefLink(ref.article, ref.anchor)), QPoint(40, 40), "click")
    qtbot.waitUntil(card.isVisible)
    assert card.kind == "crossref"
    card.dismiss()
    app.reader.activate_href(links.make(links.PassageLink(FOOTNOTED, footnoted.anchor)), QPoint(40, 40))
    assert app.reading.current.id == FOOTNOTED and app.briefing.theme is None
    assert app.reader.has_anchor(footnoted.anchor)


def test_the_briefing_prints_and_exports_like_an_article(qtbot, app, tmp_path: Path, monkeypatch) -> None:
    pick(qtbot, app, THEME)
    target = tmp_path / "briefing.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    app.actions.export_pdf.trigger()
    assert app.window.statusBar().currentMessage() == f"Saved {target}"
    text = flat(" ".join(pdf_pages(target)))
    label = app.library.themes[THEME].label
    assert text.startswith(f"Theme briefing: {label} Theme briefing {label}")
    assert "Sources cited in" in text and "Editor’s notes (not part of the original)" in text
    # the appearance changes: the briefing is drawn again, still the briefing
    app.actions.toggle_dark.trigger()
    assert app.briefing.theme is not None and label in app.reader.toPlainText()


def test_notes_export_from_the_menu_and_the_notes_panel(qtbot, app, tmp_path: Path) -> None:
    app.reading.open_article(OTHER, "sharpening-strategic-focus")
    app.actions.add_bookmark.trigger()
    assert app.actions.export_notes.isEnabled()
    files = [str(tmp_path / "memo.md"), str(tmp_path / "notes.odt")]
    app.notes_export.choose_file = lambda *_a: (files.pop(0), "")
    app.actions.export_notes.trigger()
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "**Bookmark** · `focused-on-its-region#sharpening-strategic-focus`" in memo
    panel = app.notes_panel
    panel.show_annotations(app.annotations.notes.annotations())
    assert panel.export_button.isEnabled()
    panel.export_button.click()
    assert (tmp_path / "notes.odt").read_bytes()[:2] == b"PK"
    assert app.window.statusBar().currentMessage() == f"Notes exported to {tmp_path / 'notes.odt'}"


def test_the_card_tells_two_articles_notes_with_one_number_apart(qtbot) -> None:
    from jpbrief.core.model import Article, Footnote, Library, Passage, Source
    from jpbrief.ui.widgets.footnote_popup import FootnoteCard

    def article(article_id: str, source: str) -> Article:
        passage = Passage("p", "paragraph", "Text.[^1]", "Text.", None, footnotes=(Footnote(1, source, (5, 9)),))
        return Article(article_id, article_id.title(), (passage,))

    library = Library(articles=(article("a", "s1"), article("b", "s2")),
                      sources={"s1": Source("s1", "First work."), "s2": Source("s2", "Second work.")})
    card = FootnoteCard()
    qtbot.addWidget(card)
    assert card.show_footnote(library, "a", 1, QPoint(10, 10))
    qtbot.waitUntil(card.isVisible)
    assert card.show_footnote(library, "b", 1, QPoint(10, 10))
    assert card.citation == "Second work."
    card.dismiss()
