"""A warm start (the library as the last session left it) opens the search index when the
search panel is first built, not right after the first paint: the index's memory (about
12 MB for the bundled content) is spent only by a reader who searches."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ui_support import OFFSCREEN_NOTICES, build_app, close_app

from jpbrief.core.search.results import IndexStatus

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


def test_the_index_waits_for_the_search_panel_on_a_warm_start(qtbot, tmp_path: Path) -> None:
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", index_at_start=False)
    try:
        qtbot.waitUntil(lambda: bool(app.content_reload.watch.watching))  # the first paint's work done
        assert app._search is None  # no search service yet, so no index opened
        with qtbot.waitSignal(app.search.state_changed, timeout=60000,
                              check_params_cb=lambda s: s.state is IndexStatus.READY):
            app.actions.show_search.trigger()
    finally:
        close_app(app)


def test_a_changed_library_is_indexed_right_after_the_first_paint(qtbot, tmp_path: Path) -> None:
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", start=False)
    try:
        with qtbot.waitSignal(app.search.state_changed, timeout=60000,
                              check_params_cb=lambda s: s.state is IndexStatus.READY):
            app.start()
        assert app._search_panel is None  # no one opened the search panel
    finally:
        close_app(app)
