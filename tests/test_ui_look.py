"""Screen basics: marker hit targets and focus ring, distinct mark colours, Ctrl+Home/End,
the back/forward toolbar, one key per action in F1's list, and the accessible tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from test_ui_support import FOOTNOTED, OFFSCREEN_NOTICES, OTHER, build_app, close_app

from jpbrief.ui.selftest import marker_cursor
from jpbrief.ui.services.appearance import MARK_KINDS, Appearance

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


@pytest.fixture(scope="module")
def index_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("search-index")


@pytest.fixture
def reader_app(qtbot, tmp_path: Path, index_root: Path):
    app = build_app(qtbot, tmp_path / "config", index_root)
    app.window.resize(1200, 700)
    yield app
    close_app(app)


# -- footnote markers: hit targets and focus ring ------------------------------------

def _marker_rect(reader, href: str):
    cursor = marker_cursor(reader, href)
    assert cursor is not None
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    start = reader.cursor_at(cursor.selectionStart())
    end = reader.cursor_at(cursor.selectionEnd())
    left, right = reader.cursorRect(start), reader.cursorRect(end)
    return left.united(right)


def _marker_rect_no_move(reader, href: str):
    cursor = marker_cursor(reader, href)
    start = reader.cursor_at(cursor.selectionStart())
    end = reader.cursor_at(cursor.selectionEnd())
    return reader.cursorRect(start).united(reader.cursorRect(end))


def test_a_click_just_beside_a_footnote_marker_opens_its_card(qtbot, reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED)
    reader = reader_app.reader
    _marker_rect(reader, "fn:17")
    reader.setTextCursor(reader.cursor_at(marker_cursor(reader, "fn:17").selectionStart() - 2))
    rect = _marker_rect_no_move(reader, "fn:17")
    near = QPoint(rect.right() + 4, rect.bottom() + 3)  # off the glyphs: Qt sees no link there
    assert reader.anchorAt(near) == ""
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=near)
    qtbot.waitUntil(reader_app.card.isVisible)
    assert reader_app.card.number == 17 and reader_app.card.opened_by == "click"


def test_a_click_in_plain_text_away_from_markers_opens_nothing(qtbot, reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED)
    reader = reader_app.reader
    rect = _marker_rect(reader, "fn:17")
    far = QPoint(rect.left() - 60, rect.center().y())
    assert reader.card_link_near(far) == ""
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert not reader_app.card.isVisible()


def test_footnote_numbers_are_not_tiny(reader_app) -> None:
    """Drawn at 7/10 of the text or more (Qt shrinks superscripts by a third; they were 1/2)."""
    reader_app.reading.open_article(FOOTNOTED)
    reader = reader_app.reader
    cursor = marker_cursor(reader, "fn:17")
    sizes: dict[str, float] = {}
    it = reader.document().findBlock(cursor.selectionStart()).begin()
    while not it.atEnd():
        fragment = it.fragment()
        kind = "marker" if fragment.charFormat().anchorHref() == "fn:17" else "text"
        for run in fragment.glyphRuns():
            sizes.setdefault(kind, run.rawFont().pixelSize())
        it += 1
    assert sizes["marker"] >= 0.7 * sizes["text"], sizes


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_marker_reached_with_tab_has_a_clear_focus_ring(qtbot, reader_app, scheme: str) -> None:
    getattr(reader_app.actions, f"appearance_{scheme}").trigger()
    reader_app.reading.open_article(FOOTNOTED)
    reader = reader_app.reader
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    for _ in range(400):
        qtbot.keyClick(reader, Qt.Key.Key_Tab)
        if reader.focused_href() == "fn:17":
            break
    assert reader.focused_href() == "fn:17"
    ring = reader.focus_ring_rect()
    assert ring is not None and ring.width() > 4
    image = reader.viewport().grab().toImage()
    ratio = reader.viewport().devicePixelRatioF()
    colour = reader.focus_ring_colour()
    # The ring's colour all along its top edge, and it stands out from the page.
    y = round(ring.top() * ratio)
    hits = sum(
        1 for x in range(round(ring.left() * ratio) + 2, round(ring.right() * ratio) - 2)
        if _close(QColor(image.pixel(x, y)), colour)
    )
    assert hits >= (ring.width() * ratio - 4) * 0.8
    page = reader.palette().color(reader.viewport().backgroundRole())
    assert _distance(colour, page) > 120
    # Off the marker (plain text focus), no ring.
    reader.setTextCursor(reader.cursor_at(0))
    assert reader.focus_ring_rect() is None


def _close(a: QColor, b: QColor) -> bool:
    return _distance(a, b) < 40


def _distance(a: QColor, b: QColor) -> float:
    return float(((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2) ** 0.5)


# -- mark colours -----------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_highlight_search_theme_jump_and_note_colours_are_distinct(scheme: str) -> None:
    appearance = Appearance(Path(__file__).parent.parent / "resources")
    appearance.scheme = scheme
    colours = {kind: appearance.mark_colour(kind) for kind in MARK_KINDS}
    assert set(colours) == {"highlight", "search", "theme", "jump", "note"}
    kinds = list(colours)
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            assert _distance(colours[a], colours[b]) > 60, (scheme, a, b)
    page = QColor("#18191b" if scheme == "dark" else "#fbfaf7")
    for kind, colour in colours.items():
        assert _distance(colour, page) > 25, (scheme, kind)
    assert colours["theme"].name() in appearance.reader_css(scheme)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_mark_is_painted_in_its_own_colour(qtbot, reader_app, scheme: str) -> None:
    getattr(reader_app.actions, f"appearance_{scheme}").trigger()
    appearance = reader_app.appearance
    reader_app.reading.open_article(FOOTNOTED)
    # A search hit
    anchor = reader_app.reader.anchors()[3]
    assert reader_app.searching.mark_spans(anchor, [(0, 4)]) == 1
    (hit,) = reader_app.reader.transient_selections()
    assert hit.format.background().color() == appearance.mark_colour("search")
    # A jump target
    reader_app.reading.open_passage(OTHER, "strategy-documents")
    (jump,) = reader_app.reader.transient_selections()
    assert jump.format.background().color().rgb() == appearance.mark_colour("jump").rgb()
    # A theme's passages
    theme = next(iter(reader_app.library.themes))
    reader_app.reading.select_theme(theme)
    assert appearance.mark_colour("theme").name() in reader_app.reader.document().toHtml()


def test_a_jump_marks_the_whole_target_passage(reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED)
    assert reader_app.reading.open_passage(OTHER, "strategy-documents")
    reader = reader_app.reader
    start, end = reader.passage_range("strategy-documents")
    (jump,) = reader.transient_selections()
    assert jump.cursor.selectionStart() == start
    assert jump.cursor.selectionEnd() >= end - 1
    text = reader_app.library.passage(OTHER, "strategy-documents").text
    assert len(jump.cursor.selectedText()) >= len(text) * 0.9


# -- keys, toolbar, shortcuts list ---------------------------------------------------------

def test_ctrl_home_and_ctrl_end_go_to_the_start_and_end_of_the_article(qtbot, reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED)
    reader = reader_app.reader
    bar = reader.verticalScrollBar()
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    bar.setValue(bar.maximum() // 2)
    qtbot.keyClick(reader, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(reader, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
    reader_app.actions.back.trigger()  # each is a move the way back returns from
    assert bar.value() == bar.maximum()


def test_back_and_forward_buttons_follow_the_history(qtbot, reader_app) -> None:
    toolbar = reader_app.window.navigation
    back, forward = toolbar.widgetForAction(reader_app.actions.back), toolbar.widgetForAction(reader_app.actions.forward)
    assert back.isVisible() and forward.isVisible()
    for button in (back, forward):
        assert QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name).strip()
    reader_app.reading.open_article(FOOTNOTED)
    reader_app.reading.open_passage(OTHER, "strategy-documents")
    assert back.isEnabled() and not forward.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert reader_app.reading.current.id == FOOTNOTED
    assert forward.isEnabled()
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert reader_app.reading.current.id == OTHER and not forward.isEnabled()


def test_f1_lists_one_key_per_action(qtbot, reader_app) -> None:
    dialog = reader_app.documents.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = {(menu, action): keys for menu, action, keys in dialog.rows()}
    assert rows[("Edit", "Copy")] == "Ctrl+C"
    assert rows[("Go", "Back")] == "Alt+Left"
    assert rows[("Go", "Start of article")] == "Ctrl+Home"
    assert rows[("Go", "End of article")] == "Ctrl+End"
    for (menu, _action), keys in rows.items():
        if menu != "Reader":  # "Tab, Shift+Tab": one action each way
            assert "," not in keys, (menu, _action, keys)
    dialog.close()


# -- accessibility ----------------------------------------------------------------------

INTERACTIVE = {
    QAccessible.Role.PushButton, QAccessible.Role.CheckBox, QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox, QAccessible.Role.EditableText, QAccessible.Role.List,
    QAccessible.Role.Tree, QAccessible.Role.Table, QAccessible.Role.PageTabList,
    QAccessible.Role.PageTab, QAccessible.Role.ButtonMenu, QAccessible.Role.ButtonDropDown,
    QAccessible.Role.Slider, QAccessible.Role.SpinBox, QAccessible.Role.Link,
}


def _walk(interface, found: list, depth: int = 0) -> None:
    if interface is None or not interface.isValid() or depth > 30:
        return
    state = interface.state()
    if state.invisible:
        return
    found.append(interface)
    for i in range(interface.childCount()):
        _walk(interface.child(i), found, depth + 1)


@pytest.mark.parametrize("tab", ["library", "themes", "search", "notes", "timeline"])
def test_every_interactive_control_has_an_accessible_name(qtbot, reader_app, tab: str) -> None:
    getattr(reader_app.actions, f"show_{tab}").trigger()
    QApplication.processEvents()
    root = QAccessible.queryAccessibleInterface(reader_app.window)
    found: list = []
    _walk(root, found)
    roles = {i.role() for i in found}
    assert QAccessible.Role.PushButton in roles or QAccessible.Role.ButtonMenu in roles  # the toolbar
    nameless = [
        (i.role(), i.object().objectName() if i.object() else "", i.object())
        for i in found
        if i.role() in INTERACTIVE and not i.text(QAccessible.Text.Name).strip()
    ]
    assert nameless == []


def _tab_chain(window: QWidget) -> list[QWidget]:
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and len(chain) < 500:
        if (widget.isVisible() and widget.isEnabled() and widget.window() is window
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


@pytest.mark.parametrize("tab", ["library", "themes", "search", "notes"])
def test_tab_order_follows_the_layout(qtbot, reader_app, tab: str) -> None:
    """Toolbar, then the sidebar top to bottom, then the article: the way it reads."""
    getattr(reader_app.actions, f"show_{tab}").trigger()
    QApplication.processEvents()
    window = reader_app.window
    chain = _tab_chain(window)
    assert reader_app.reader in chain
    reader_x = reader_app.reader.mapTo(window, QPoint(0, 0)).x()

    def place(widget: QWidget) -> tuple[int, int, int]:
        corner = widget.mapTo(window, QPoint(0, 0))
        in_toolbar = window.navigation.isAncestorOf(widget)
        column = 0 if in_toolbar else (1 if corner.x() < reader_x else 2)
        return column, corner.y(), corner.x()

    places = [place(w) for w in chain]
    columns = [p[0] for p in places]
    assert columns == sorted(columns), [(type(w).__name__, w.accessibleName(), p) for w, p in zip(chain, places, strict=True)]
    for column in (1,):
        ys = [p[1] for p in places if p[0] == column]
        assert ys == sorted(ys), [(type(w).__name__, w.accessibleName(), p) for w, p in zip(chain, places, strict=True)]
    assert chain[-1] is reader_app.reader


def test_the_cursor_of_plain_text_is_not_a_marker(reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED)
    reader = reader_app.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(5)
    reader.setTextCursor(cursor)
    assert reader.focused_href() == "" and reader.focus_ring_rect() is None


def test_every_sidebar_tab_is_in_sight(reader_app) -> None:
    bar = reader_app.window.sidebar.tabBar()
    assert bar.count() == 5
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)


def test_the_card_and_the_shortcuts_list_name_every_control(qtbot, reader_app) -> None:
    reader_app.reading.open_article(FOOTNOTED)
    assert reader_app.show_crossref(OTHER, "strategy-documents", QPoint(20, 20), "keyboard")
    dialog = reader_app.documents.show_shortcuts()
    qtbot.addWidget(dialog)
    for window in (reader_app.card, dialog):
        found: list = []
        _walk(QAccessible.queryAccessibleInterface(window), found)
        assert any(i.role() == QAccessible.Role.PushButton for i in found), window
        nameless = [(i.role(), i.object()) for i in found
                    if i.role() in INTERACTIVE and not i.text(QAccessible.Text.Name).strip()]
        assert nameless == [], window
    dialog.close()


def test_the_chosen_themes_caption_is_shown_whole(qtbot, reader_app) -> None:
    """It was cut to "COUNTERSTRIKE · 4 IN 2 ARTIC" in the 330 px sidebar."""
    panel = reader_app.themes_panel
    reader_app.show_panel(panel)
    theme = max(reader_app.library.themes.values(), key=lambda t: len(t.label))
    panel.show_theme(theme.id)
    caption = panel.digest_caption
    qtbot.waitUntil(lambda: caption.height() >= caption.heightForWidth(caption.width()))
    metrics, room = caption.fontMetrics(), caption.contentsRect().width()
    assert metrics.horizontalAdvance(caption.text()) > room  # too long for one line, so:
    assert caption.wordWrap()
    assert max(metrics.horizontalAdvance(word) for word in caption.text().split()) <= room
    assert caption.height() >= caption.heightForWidth(caption.width())
