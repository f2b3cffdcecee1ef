"""Runs search off the UI thread and hands results back through signals.

Whoosh is imported only inside the worker (``jpbrief.core.search`` is imported by the
first job), so neither the start-up path nor the first paint ever pays for it. One
worker thread serves every job in order, so the index object is only ever touched by
that thread (and closed by :meth:`SearchService.shutdown` once it is idle); results of
queries overtaken by a newer one are dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from jpbrief.core.memory import give_back
from jpbrief.core.message import message_of
from jpbrief.core.search.results import Hit, IndexStatus, SearchResult, SearchStatus
from jpbrief.ui.labels import translated
from jpbrief.ui.services.worker import Worker

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.core.model import Library
    from jpbrief.ui.ports import SearchIndexPort


@dataclass(frozen=True)
class SearchOutcome:
    """The answer to one request: the core's :class:`SearchResult`, unchanged, with the
    filters it ran under and, when it could not run at all, why (``failure``)."""

    query: str
    result: SearchResult = field(default_factory=SearchResult)
    theme: str = ""
    article: str = ""
    failure: str = ""

    @property
    def hits(self) -> list[Hit]:
        return self.result.hits

    @property
    def suggestions(self) -> list[str]:
        return self.result.suggestions

    @property
    def total(self) -> int:
        return max(self.result.total, len(self.result.hits))

    @property
    def error(self) -> str:
        """What to tell the reader instead of hits: the failure, or the core's message."""
        if self.failure:
            return self.failure
        return self.result.message or "" if not self.result.hits else ""


def default_index_factory(
    content_dir: Path, library: Library, cache_root: Path, *, key_dir: Path
) -> Callable[[], SearchIndexPort]:
    """A factory for the real index; it imports Whoosh only when called (in the worker).
    ``key_dir``: where the key that seals the index lives (the data folder, never the cache)."""

    def factory() -> SearchIndexPort:
        from jpbrief.core.search import SearchIndex  # deferred: never on the start-up path

        return SearchIndex(library, content_dir, cache_root, key_dir=key_dir)

    return factory


class SearchService(QObject):
    """Owns the search index and a single worker thread."""

    results_ready = Signal(int, object)  # request id, SearchOutcome
    state_changed = Signal(object)  # SearchStatus: indexing, ready, or unavailable with a reason

    def __init__(self, factory: Callable[[], SearchIndexPort], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._index: SearchIndexPort | None = None  # touched only by the worker thread
        self._opening: SearchIndexPort | None = None  # set by the worker while it opens one
        self._stopping = False
        self._error = ""
        self._worker = Worker(self)  # one thread: the index is only ever touched by it
        self._latest = 0
        self.status: SearchStatus | None = None  # None until the worker first reports
        self.last_outcome: SearchOutcome | None = None

    # -- UI thread -----------------------------------------------------------------
    def prepare(self) -> None:
        """Open (or build) the index in the background, ahead of the first query."""
        self._worker.submit(self._ensure_index)

    def search(self, query: str, *, theme: str = "", article: str = "", limit: int = 50) -> int:
        """Queue a query; its outcome arrives by ``results_ready`` with the returned id."""
        self._latest += 1
        request_id = self._latest
        self._worker.submit(lambda: self._run_query(request_id, query, theme, article, limit), self._on_done)
        return request_id

    def update(self, library: Library, changed: Collection[str]) -> None:
        """Re-index only the ``changed`` articles for ``library`` (a content pack came, changed
        or went), in the worker, after any query already queued."""
        changed = frozenset(changed)
        self._worker.submit(lambda: self._update_index(library, changed))

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        return self._worker.wait_idle(timeout_ms)

    def shutdown(self) -> None:
        """Stop: queued work is dropped, running work finishes, and nothing it reports is
        passed on (the window it would update may be gone by the time it arrives). The
        index is closed: it holds its segment files open. A build or update running in
        the worker is stopped (nothing is published; the next service builds again): at
        1,000 articles a first build takes some 20 s, and quitting (or a reload, which
        replaces this service) would wait for it."""
        self._stopping = True  # before reading _opening: the worker reads them the other way round
        for index in (self._opening, self._index):
            if index is not None:
                index.stop()
        self._worker.shutdown()
        index, self._index = self._index, None  # after the wait; close() waits for the index's lock
        if index is not None:
            index.close()

    def _on_done(self, answer: tuple[int, SearchOutcome] | None) -> None:
        if answer is None or answer[0] != self._latest:
            return  # overtaken by a newer query
        request_id, outcome = answer
        self.last_outcome = outcome
        self.results_ready.emit(request_id, outcome)

    def _on_status(self, status: SearchStatus) -> None:
        self.status = status
        self.state_changed.emit(status)

    # -- worker thread -------------------------------------------------------------
    def _report(self, status: SearchStatus) -> None:
        self._worker.post(self._on_status, status)

    def _ensure_index(self) -> SearchIndexPort | None:
        """The open index, building it first if needed; None (and a status) if impossible."""
        if self._index is None:
            self._report(SearchStatus(IndexStatus.INDEXING))
            try:
                index = self._factory()
                self._opening = index
                if self._stopping:  # shut down before it was seen: stop it now
                    index.stop()
                if index.ensure().built:
                    give_back()  # a build's postings, freed: not kept by the allocator
            except Exception as error:  # the reader keeps working without search
                self._error = message_of(error) or type(error).__name__
                self._report(SearchStatus(IndexStatus.UNAVAILABLE, self._error))
                return None
            finally:
                self._opening = None
            if self._worker.closed:  # shut down while it was opening: nobody will close it
                index.close()
                return None
            self._index = index
            self._report(SearchStatus(IndexStatus.READY))
        return self._index

    def _update_index(self, library: Library, changed: frozenset[str]) -> None:
        index = self._ensure_index()
        if index is None or not changed:
            return
        why = translate("Search", "updating the index for {count} article(s)").format(count=len(changed))
        self._report(SearchStatus(IndexStatus.INDEXING, why))
        if self._stopping:  # shutdown began while the index was opening, and saw neither
            index.stop()
        try:
            index.update(library, changed)
        except Exception as error:  # the reader keeps working without search
            self._error = message_of(error) or type(error).__name__
            self._report(SearchStatus(IndexStatus.UNAVAILABLE, self._error))
            return
        give_back()
        self._report(SearchStatus(IndexStatus.READY))

    def _run_query(self, request_id: int, query: str, theme: str, article: str,
                   limit: int) -> tuple[int, SearchOutcome] | None:
        if request_id != self._latest:
            return None  # a newer query is queued behind this one
        try:
            index = self._ensure_index()
            if index is None:
                raise RuntimeError(self._error)
            search = functools.partial(
                index.search, query, theme=theme or None, article=article or None, limit=limit
            )
            # As you type, the last word counts as a prefix; when that finds nothing, the
            # query as typed yields the "did you mean" suggestions.
            result = search(as_you_type=True)
            if not result.hits and not result.suggestions:
                result = search()
            outcome = SearchOutcome(query, result, theme=theme, article=article)
        except Exception as error:
            failed = translate("Search", "Search failed: {error}")
            failure = failed.format(error=translated(message_of(error)))
            outcome = SearchOutcome(query, theme=theme, article=article, failure=failure)
        return request_id, outcome
