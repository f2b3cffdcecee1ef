"""Runs search off the UI thread and hands results back through signals.

Whoosh is imported only inside the worker (``jpbrief.core.search`` is imported by the
first job), so neither the start-up path nor the first paint ever pays for it. One
worker thread serves every job in order, so the index object is only ever touched by
that thread; results of queries overtaken by a newer one are dropped.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from jpbrief.core.search.results import (
    IndexStatus,
    SearchIndexProtocol,
    SearchStatus,
)

SNIPPET_MARK_RE = re.compile(r"<b>(.*?)</b>", re.S)


@dataclass(frozen=True)
class SearchHit:
    """One passage found, with the terms the snippet marks."""

    article: str
    anchor: str
    title: str
    section: str
    text: str
    snippet: str
    themes: tuple[str, ...] = ()
    score: float = 0.0
    matched: tuple[str, ...] = ()

    @property
    def terms(self) -> list[str]:
        """The matched words as printed in the text (for highlighting in the reader)."""
        seen: dict[str, None] = {word: None for word in self.matched if word.strip()}
        for raw in SNIPPET_MARK_RE.findall(self.snippet):
            word = html.unescape(re.sub(r"<[^>]+>", "", raw)).strip()
            if word:
                seen.setdefault(word, None)
        return list(seen)


@dataclass(frozen=True)
class SearchOutcome:
    """The answer to one query: hits, total, suggestions, or a message."""

    query: str
    hits: tuple[SearchHit, ...] = ()
    total: int = 0
    suggestions: tuple[str, ...] = ()
    error: str = ""
    theme: str = ""
    article: str = ""


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def outcome_from(query: str, result: Any, *, theme: str = "", article: str = "") -> SearchOutcome:
    """Adapt what ``SearchIndex.search`` returns (object or dict) to a SearchOutcome."""
    hits = []
    for hit in _get(result, "hits", None) or []:
        hits.append(
            SearchHit(
                article=str(_get(hit, "article", "")),
                anchor=str(_get(hit, "anchor", "")),
                title=str(_get(hit, "title", "") or ""),
                section=str(_get(hit, "section", "") or ""),
                text=str(_get(hit, "text", "") or ""),
                snippet=str(_get(hit, "snippet", "") or ""),
                themes=tuple(_get(hit, "themes", ()) or ()),
                score=float(_get(hit, "score", 0.0) or 0.0),
                matched=tuple(str(t) for t in (_get(hit, "terms", ()) or ())),
            )
        )
    suggestions = tuple(str(s) for s in (_get(result, "suggestions", None) or ()))
    total = _get(result, "total", None)
    message = _get(result, "message", None) or _get(result, "error", None) or ""
    return SearchOutcome(
        query=query,
        hits=tuple(hits),
        total=int(total) if total is not None else len(hits),
        suggestions=suggestions,
        error=str(message) if message and not hits else "",
        theme=theme,
        article=article,
    )


def default_index_factory(
    content_dir: Path, library: Any, cache_root: Path
) -> Callable[[], SearchIndexProtocol]:
    """A factory for the real index; it imports Whoosh only when called (in the worker)."""

    def factory() -> SearchIndexProtocol:
        from jpbrief.core import paths
        from jpbrief.core.search import SearchIndex  # deferred: never on the start-up path

        # The key that seals the index lives in the data folder, never in the cache.
        return SearchIndex(library, content_dir, cache_root, key_dir=paths.data_dir())

    return factory


class _Relay(QObject):
    """Lives in the UI thread; workers emit through it, so slots run in the UI thread."""

    done = Signal(int, object)
    status = Signal(object)  # SearchStatus


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


class SearchService(QObject):
    """Owns the search index and a single worker thread."""

    results_ready = Signal(int, object)  # request id, SearchOutcome
    state_changed = Signal(object)  # SearchStatus
    status_changed = Signal(str)
    """The same status as text ("indexing", "ready", "unavailable: <reason>"), only until
    ui/app.py listens to ``state_changed``; then remove it."""

    def __init__(
        self, factory: Callable[[], SearchIndexProtocol], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._index: SearchIndexProtocol | None = None  # touched only by the worker thread
        self._error = ""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.status.connect(self._on_status)
        self._latest = 0
        self.status: SearchStatus | None = None  # None until the worker first reports
        self.last_outcome: SearchOutcome | None = None

    # -- UI thread -----------------------------------------------------------------
    def prepare(self) -> None:
        """Open (or build) the index in the background, ahead of the first query."""
        self._pool.start(_Job(self._ensure_index))

    def search(self, query: str, *, theme: str = "", article: str = "", limit: int = 50) -> int:
        """Queue a query; its outcome arrives by ``results_ready`` with the returned id."""
        self._latest += 1
        request_id = self._latest
        self._pool.start(_Job(lambda: self._run_query(request_id, query, theme, article, limit)))
        return request_id

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone(30000)

    def _on_done(self, request_id: int, outcome: object) -> None:
        if request_id != self._latest:
            return  # overtaken by a newer query
        assert isinstance(outcome, SearchOutcome)
        self.last_outcome = outcome
        self.results_ready.emit(request_id, outcome)

    def _on_status(self, status: SearchStatus) -> None:
        self.status = status
        self.state_changed.emit(status)
        reason = f": {status.reason}" if status.reason else ""
        self.status_changed.emit(status.state.value + reason)

    # -- worker thread -------------------------------------------------------------
    def _ensure_index(self) -> SearchIndexProtocol | None:
        """The open index, building it first if needed; None (and a status) if impossible."""
        if self._index is None:
            self._relay.status.emit(SearchStatus(IndexStatus.INDEXING))
            try:
                index = self._factory()
                index.ensure()
            except Exception as error:  # the reader keeps working without search
                self._error = str(error) or type(error).__name__
                self._relay.status.emit(SearchStatus(IndexStatus.UNAVAILABLE, self._error))
                return None
            self._index = index
            self._relay.status.emit(SearchStatus(IndexStatus.READY))
        return self._index

    def _run_query(self, request_id: int, query: str, theme: str, article: str, limit: int) -> None:
        if request_id != self._latest:
            return  # a newer query is queued behind this one
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
            outcome = outcome_from(query, result, theme=theme, article=article)
        except Exception as error:
            outcome = SearchOutcome(query=query, error=f"Search failed: {error}", theme=theme,
                                    article=article)
        self._relay.done.emit(request_id, outcome)
