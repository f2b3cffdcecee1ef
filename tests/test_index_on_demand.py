"""A warm start (the library as the last session left it) opens the search index when the
search panel is first built, not right after the first paint: the index's memory (about
12 MB for the bundled content) is spent only by a reader who searches."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ui_support import CONTENT, OFFSCREEN_NOTICES, build_app, close_app

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


def test_a_first_start_indexes_the_library_it_read_back_from_the_cache(qtbot, tmp_path: Path) -> None:
    """As ``jpbrief read`` starts without a start-up cache: the articles deferred (read back
    from the cache just written), indexed in the worker right after the first paint. The
    index holds what one built from the parsed library holds, each title with its article."""
    from jpbrief.core.content import load_library
    from jpbrief.core.deferred import DeferredArticle
    from jpbrief.core.search import SearchIndex

    def indexed(index: SearchIndex) -> tuple[int, set[str]]:
        assert index._open is not None
        reader = index._open.searcher.reader()
        return reader.doc_count(), set(reader.field_terms("title"))

    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", cache_root=tmp_path / "startup", start=False)
    try:
        assert app.library.articles and all(isinstance(a, DeferredArticle) for a in app.library.articles)
        with qtbot.waitSignal(app.search.state_changed, timeout=60000,
                              check_params_cb=lambda s: s.state is IndexStatus.READY):
            app.start()
        assert app.search.wait_idle()
        assert app.search._index is not None
        built = indexed(app.search._index)
    finally:
        close_app(app)
    with SearchIndex(load_library(CONTENT), CONTENT, tmp_path / "parsed") as parsed:
        parsed.ensure()
        expected = indexed(parsed)
    assert built[1] and built == expected
