"""The reading view and the cards read every href through core.links: what core.links writes
(percent-encoded ids, anchors and terms) reaches the intents decoded, never sliced by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.core import links
from jpbrief.ui.widgets.footnote_popup import FootnoteCard
from jpbrief.ui.widgets.link_browser import LinkBrowser

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)

ODD_ARTICLE = "r&d 2024#draft"
ODD_ANCHOR = "para 3%"


def test_crossref_href_reaches_the_intent_decoded(qtbot) -> None:
    view = LinkBrowser()
    qtbot.addWidget(view)
    href = links.make(links.CrossRefLink(ODD_ARTICLE, ODD_ANCHOR))
    with qtbot.waitSignal(view.crossref_requested) as got:
        view.activate_href(href, QPoint(1, 1), "keyboard")
    assert got.args[:2] == [ODD_ARTICLE, ODD_ANCHOR]


def test_in_page_anchor_reaches_the_intent_decoded(qtbot) -> None:
    view = LinkBrowser()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.anchor_requested) as got:
        view.activate_href(links.make(links.AnchorLink(ODD_ANCHOR)), QPoint(1, 1))
    assert got.args == [ODD_ANCHOR]


def test_malformed_footnote_href_emits_nothing(qtbot) -> None:
    view = LinkBrowser()
    qtbot.addWidget(view)
    with qtbot.assertNotEmitted(view.footnote_requested):
        view.activate_href("fn:1x", QPoint(1, 1))


def test_card_passage_link_reaches_the_intent_decoded(qtbot) -> None:
    card = FootnoteCard()
    qtbot.addWidget(card)
    with qtbot.waitSignal(card.passage_requested) as got:
        card._on_link(links.make(links.PassageLink(ODD_ARTICLE, ODD_ANCHOR)))
    assert got.args == [ODD_ARTICLE, ODD_ANCHOR]


def test_glossary_tooltip_found_for_a_term_with_an_ampersand(qtbot) -> None:
    view = LinkBrowser()
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    view.set_glossary({"R&D": "research and development"})
    href = links.make(links.GlossaryLink("R&D"))
    assert "%26" in href  # the term is encoded in the href: the tool-tip must decode it
    view.setHtml(f'<p><a href="{href}">R&amp;D</a> spending</p>')
    cursor = view.textCursor()
    cursor.setPosition(1)
    pos = view.cursorRect(cursor).center()
    assert links.parse(view.anchorAt(pos)) == links.GlossaryLink("R&D")
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    view.viewportEvent(event)
    assert "research and development" in QToolTip.text()
