"""The search status the UI is told is a core value (state and reason), never a string to
parse; the index the UI holds is typed by a protocol that the real index satisfies."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.search import SearchIndex
from jpbrief.core.search.results import (
    IndexInfo,
    IndexStatus,
    SearchIndexProtocol,
    SearchResult,
    SearchStatus,
)
from jpbrief.ui.services.search_service import SearchService

CONTENT = Path(__file__).resolve().parent / "fixtures" / "reader"


class FakeIndex:
    """Stands in for the real index: answers every query with nothing."""

    def __init__(self) -> None:
        self.info: IndexInfo | None = None
        self.closed = 0
        self.stopped = False

    def ensure(self, *, rebuild: bool = False) -> IndexInfo:
        self.info = IndexInfo(None, 0, "fp", built=False, build_seconds=None, open_seconds=0.0)
        return self.info

    def update(self, library: object, changed: object) -> IndexInfo:
        return self.ensure()

    def search(self, query: str, *, theme: str | None = None, article: str | None = None,
               limit: int = 20, as_you_type: bool = False) -> SearchResult:
        return SearchResult(query=query)

    def close(self) -> None:
        self.closed += 1

    def stop(self) -> None:
        self.stopped = True


def statuses(qtbot, factory) -> list[SearchStatus]:
    service = SearchService(factory)
    seen: list[SearchStatus] = []
    service.state_changed.connect(seen.append)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda s: s.state is not IndexStatus.INDEXING):
        service.prepare()
    service.shutdown()
    assert service.status == seen[-1]
    return seen


def test_an_index_that_opens_reports_indexing_then_ready(qtbot) -> None:
    assert statuses(qtbot, FakeIndex) == [SearchStatus(IndexStatus.INDEXING), SearchStatus(IndexStatus.READY)]


def test_an_index_that_cannot_open_reports_unavailable_with_the_reason(qtbot) -> None:
    def broken() -> SearchIndexProtocol:
        raise OSError("the cache folder is full")

    assert statuses(qtbot, broken) == [
        SearchStatus(IndexStatus.INDEXING),
        SearchStatus(IndexStatus.UNAVAILABLE, "the cache folder is full"),
    ]


def test_a_status_is_a_frozen_value() -> None:
    status = SearchStatus(IndexStatus.UNAVAILABLE, "disk full")
    with pytest.raises(dataclasses.FrozenInstanceError):
        status.reason = "other"  # type: ignore[misc]
    assert status == SearchStatus(IndexStatus.UNAVAILABLE, "disk full") != SearchStatus(IndexStatus.READY)


def test_the_real_index_and_the_fake_satisfy_the_protocol(tmp_path: Path) -> None:
    index = SearchIndex(load_library(CONTENT), CONTENT, tmp_path)
    assert isinstance(index, SearchIndexProtocol)
    assert isinstance(FakeIndex(), SearchIndexProtocol)
    assert not isinstance(object(), SearchIndexProtocol)


def test_nothing_is_reported_after_shutdown(qtbot) -> None:
    """A query's answer still queued when the reader closes must not reach the window's
    slots: by the time it arrives the widgets may be deleted."""
    from PySide6.QtCore import QCoreApplication

    service = SearchService(FakeIndex)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda s: s.state is IndexStatus.READY):
        service.prepare()
    service.search("japan")
    service.wait_idle(10000)  # answered in the worker; its delivery is queued for this thread
    service.shutdown()
    with qtbot.assertNotEmitted(service.results_ready):
        QCoreApplication.processEvents()  # delivers what was queued


def test_shutdown_closes_the_index(qtbot) -> None:
    """The open index holds its segment files open: the search service that opened it closes
    it when it stops (the reader closing, or its content reloaded), not the garbage collector."""
    opened: list[FakeIndex] = []

    def factory() -> FakeIndex:
        opened.append(FakeIndex())
        return opened[-1]

    service = SearchService(factory)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda s: s.state is IndexStatus.READY):
        service.prepare()
    service.shutdown()
    assert [index.closed for index in opened] == [1]
    service.shutdown()  # twice is harmless, and closes nothing twice
    assert [index.closed for index in opened] == [1]


class SlowBuild(FakeIndex):
    """A build that runs until it is stopped (or 30 s pass: the fault looked for)."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.building, self._stop = threading.Event(), threading.Event()
        self.ended: str | None = None

    def ensure(self, *, rebuild: bool = False) -> IndexInfo:
        from jpbrief.core.search.indexer import BuildStopped

        self.building.set()
        if self._stop.wait(30):
            self.ended = "stopped"
            raise BuildStopped("stopped")
        self.ended = "finished"
        return super().ensure()

    def stop(self) -> None:
        super().stop()
        self._stop.set()


def test_shutdown_stops_a_build_running_in_the_worker(qtbot) -> None:
    """Quitting during a first build (20 s at 1,000 articles) must not keep the process
    running until it ends."""
    built: list[SlowBuild] = []

    def factory() -> SlowBuild:
        built.append(SlowBuild())
        return built[-1]

    service = SearchService(factory)
    service.prepare()
    qtbot.waitUntil(lambda: bool(built) and built[0].building.is_set())
    service.shutdown()
    assert built[0].ended == "stopped" and built[0].closed == 0  # never opened: nothing to close


def test_a_build_started_after_shutdown_was_asked_is_stopped_too() -> None:
    service = SearchService(SlowBuild)
    service._stopping = True  # shutdown has begun, and read no index yet
    assert service._ensure_index() is None


def test_an_update_after_a_shutdown_began_while_its_index_opened_is_stopped() -> None:
    """shutdown() sets its flag, then stops the index it sees opening or open: one that has
    just finished opening (neither, for a moment) is stopped by the worker before updating."""
    updates: list[bool] = []
    service: SearchService

    class OpensAsShutdownBegins(FakeIndex):
        def ensure(self, *, rebuild: bool = False) -> IndexInfo:
            service._stopping = True  # the UI thread's shutdown, between the worker's steps
            return super().ensure()

        def update(self, library: object, changed: object) -> IndexInfo:
            updates.append(self.stopped)
            return super().update(library, changed)

    service = SearchService(OpensAsShutdownBegins)
    service._update_index(load_library(CONTENT), frozenset({"some-article"}))
    assert updates == [True]
