"""The reader with content packs: every way in reaches the one controller, and an install shows
up in the library list, the open article and search without a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_fixtures import BASE, build_pack, make_key, store_for
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from test_ui_support import OFFSCREEN_NOTICES, build_app, close_app

from jpbrief.core import paths
from jpbrief.ui.widgets.rich_list import TARGET_ROLE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


@pytest.fixture
def reader_app(qtbot, tmp_path: Path):
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", content=BASE)
    asked: list[object] = []

    def agree(_parent, preview) -> bool:
        asked.append(preview)
        return True

    app.packs._ask = agree
    app.packs._refuse = lambda _parent, refused: pytest.fail(f"refused: {refused.error}")
    app.asked = asked
    yield app
    app.packs.shutdown()
    close_app(app)


def listed(app) -> dict[str, str]:
    """Article id -> tooltip of each row of the library list."""
    rows = app.library_panel.articles
    return {rows.item(r).data(TARGET_ROLE): rows.item(r).toolTip() for r in range(rows.count())}


def drop(window, files: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_file_menu_offers_add_content_pack(reader_app):
    file_menu = reader_app.window.menuBar().actions()[0].menu()
    assert reader_app.actions.add_pack in file_menu.actions()
    assert reader_app.actions.add_pack.text() == "&Add content pack…"


def test_a_dropped_pack_joins_the_library_list_and_search_without_a_restart(qtbot, tmp_path, reader_app):
    pack = build_pack(tmp_path, make_key(tmp_path))
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    with qtbot.waitSignal(reader_app.packs.library_changed, timeout=60000):
        drop(reader_app.window, [other, pack])  # only the pack is taken
    assert [p.path for p in reader_app.asked] == [pack]
    rows = listed(reader_app)
    assert sorted(rows) == ["alpha", "beta", "delta", "gamma"]
    assert "From the content pack “Updates 1.0” (updates)" in rows["gamma"]
    assert reader_app.reading.open_article("gamma")
    assert "Japan" in reader_app.reader.toPlainText()

    service = reader_app.search
    with qtbot.waitSignal(service.results_ready, timeout=60000) as answer:
        service.search("counterstrike training partners")
    assert "gamma" in {hit.article for hit in answer.args[1].hits}


def test_a_pack_installed_from_the_command_line_shows_up_and_its_removal_too(qtbot, tmp_path, reader_app):
    cli = store_for(paths.data_dir())  # the same folders the reader watches
    assert cli.root == reader_app.packs.store.root
    with qtbot.waitSignal(reader_app.packs.library_changed, timeout=60000):
        cli.install(build_pack(tmp_path, make_key(tmp_path)), trust=True)
    assert "delta" in listed(reader_app)
    assert reader_app.reading.open_article("delta")
    with qtbot.waitSignal(reader_app.packs.library_changed, timeout=60000):
        cli.remove("updates")
    assert list(listed(reader_app)) == ["alpha", "beta"]
    assert reader_app.reading.current is not None and reader_app.reading.current.id == "alpha"


def test_the_status_bar_says_the_index_is_being_updated_for_a_pack(reader_app):
    from jpbrief.core.search.results import IndexStatus, SearchStatus

    reader_app.searching.show_status(SearchStatus(IndexStatus.INDEXING, "updating the index for 2 article(s)"))
    assert reader_app.window.statusBar().currentMessage() == (
        "Preparing the search index (updating the index for 2 article(s))…")


def test_the_search_query_is_kept_and_run_again_when_a_pack_changes_the_library(qtbot, tmp_path, reader_app):
    panel = reader_app.search_panel
    with qtbot.waitSignal(reader_app.search.results_ready, timeout=60000):
        panel.set_query("counterstrike training partners")
    assert "gamma" not in {a for a, _ in panel.hit_targets()}  # not in the library yet
    with qtbot.waitSignal(reader_app.packs.library_changed, timeout=60000):
        drop(reader_app.window, [build_pack(tmp_path, make_key(tmp_path))])
    fresh = reader_app.search_panel
    assert fresh.query.text() == "counterstrike training partners"
    qtbot.waitUntil(lambda: "gamma" in {a for a, _ in fresh.hit_targets()}, timeout=60000)
    assert fresh.library is reader_app.library


def test_a_file_where_the_packs_folder_goes_is_said_not_raised(qtbot, tmp_path: Path):
    """The data folder's ``packs`` made a plain file (by hand, a sync tool): the reader starts,
    says why packs are not watched, and the library says why none load."""
    paths.packs_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.packs_dir().write_text("not a folder", encoding="utf-8")
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", content=BASE, start=False)
    said: list[str] = []
    app.packs.message.connect(said.append)
    try:
        app.start()  # the packs folder is watched from after the first paint
        qtbot.waitUntil(lambda: any(m.startswith(f"Content packs: {paths.packs_dir()} cannot be used")
                                    for m in said))
    finally:
        app.packs.shutdown()
        close_app(app)
