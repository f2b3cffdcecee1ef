"""The glossary's cards show Japanese names; the reader has a Japanese-capable font."""

from __future__ import annotations

from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.glossary_card import card_html
from jpbrief.core.model import Acronym, BilingualTerm, Glossary, JapaneseName, Passage
from jpbrief.core.render.screen import render_passage

REPO = Path(__file__).parent.parent


def bundled_glossary() -> Glossary:
    return load_library(REPO / "content").glossary


def test_an_acronym_card_shows_each_meaning_with_its_japanese_name() -> None:
    card = card_html(bundled_glossary(), "NSS")
    assert card is not None
    assert "National Security Strategy — <span lang=\"ja\">国家安全保障戦略</span> <i>kokka anzen hosho senryaku</i>" in card
    assert "National Security Secretariat — <span lang=\"ja\">国家安全保障局</span>" in card
    assert card.count("Japanese name from: ") == 2


def test_a_term_card_shows_name_reading_and_source() -> None:
    card = card_html(bundled_glossary(), "counterstrike capabilities")
    assert card is not None
    assert '<span lang="ja">反撃能力</span> <i>hangeki noryoku</i>' in card
    assert "Japanese name from: " in card and "forbesjapan.com" in card
    assert card_html(bundled_glossary(), "no such term") is None


def test_card_text_is_escaped() -> None:
    name = JapaneseName("反撃<b>能力</b>", "a&b", "<img src=x>")
    glossary = Glossary((Acronym("X<", "y&z", ja=name),), (), (BilingualTerm(("t",), name),))
    for term in ("X<", "t"):
        card = card_html(glossary, term)
        assert card is not None
        assert "<img" not in card and "<b>能力" not in card
        assert "&lt;img src=x&gt;" in card


def test_the_text_links_terms_with_a_japanese_name_to_their_card() -> None:
    library = load_library(REPO / "content")
    text = "Japan will acquire counterstrike capabilities and economic security laws."
    html = render_passage(Passage("p", "paragraph", text, text, None), library)
    assert 'href="gloss:counterstrike%20capabilities">counterstrike capabilities</a>' in html
    assert 'href="gloss:economic%20security">economic security</a>' in html


def test_the_reader_card_uses_the_library_glossary(qtbot) -> None:
    from jpbrief.ui.widgets.link_browser import LinkBrowser

    reader = LinkBrowser()
    qtbot.addWidget(reader)
    reader.set_glossary({"JSDF": "Japan Self-Defense Forces"})
    assert reader.glossary_tooltip("JSDF") == "<qt><b>JSDF</b>: Japan Self-Defense Forces</qt>"
    reader.set_glossary(bundled_glossary())
    tip = reader.glossary_tooltip("ATLA")
    assert tip is not None and "防衛装備庁" in tip


def test_the_reader_font_falls_back_to_a_japanese_face_before_the_generic_one(qtbot) -> None:
    from jpbrief.ui.services.appearance import JAPANESE_FONTS, reader_font

    families = reader_font().families()
    japanese = [families.index(f) for f in JAPANESE_FONTS]
    assert families.index("Charter") < min(japanese)
    assert max(japanese) < families.index("serif")


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen's notices
def test_the_reader_shows_a_term_card_with_its_japanese_name_on_hover(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip
    from test_ui_support import build_app, close_app, marker_pos

    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", content=REPO / "content")
    try:
        assert app.reading.open_article("focused-on-its-region")
        reader = app.reader
        pos = marker_pos(reader, "gloss:counterstrike%20capabilities")
        assert reader.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, pos, reader.viewport().mapToGlobal(pos)))
        qtbot.waitUntil(QToolTip.isVisible)
        assert "反撃能力" in QToolTip.text() and "hangeki noryoku" in QToolTip.text()
        QToolTip.hideText()
    finally:
        close_app(app)
