"""The search index façade: ensure the index is open and fresh, then search it.

:class:`SearchIndex` is what the UI (from a worker thread) and the CLI use. Everything it
needs is passed to its constructor; it keeps one open index and is safe to call from
several threads (calls are serialised). One query runs, in order, through
:mod:`.querylang` (parse) → :mod:`.planner` (clauses) → :mod:`.retrieval` (tiers) →
:mod:`.ranking` (BM25F) → :mod:`.explain` (why each matched) → :mod:`.hits` (marks and
snippets) → :mod:`.suggest`. The index itself is described by :mod:`.schema` and
:mod:`.fingerprint`, written by :mod:`.indexer` and opened, built and published by
:mod:`.lifecycle` over :mod:`.store`.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Collection
from pathlib import Path

from jpbrief.core.closing import Closing
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message, message_of
from jpbrief.core.model import Library
from jpbrief.core.search import indexer, lifecycle, querylang, seal
from jpbrief.core.search.explain import explain
from jpbrief.core.search.fingerprint import fingerprint
from jpbrief.core.search.hits import make_hit
from jpbrief.core.search.planner import Planner
from jpbrief.core.search.results import IndexInfo, Note, SearchResult
from jpbrief.core.search.retrieval import Retriever
from jpbrief.core.search.store import IndexBusy, default_index_root
from jpbrief.core.search.suggest import suggestions

log = logging.getLogger(__name__)

__all__ = ["IndexBusy", "SearchIndex", "default_index_root"]

MAX_LIMIT = 1000


class SearchIndex(Closing):
    """A fresh, self-repairing Whoosh index of a library's passages.

    ``content_dir`` (may be None) is hashed for the fingerprint; ``index_root`` holds
    the index (see :mod:`jpbrief.core.search.store`); if it cannot be written, the
    index is built in memory instead. ``lock_timeout`` is how long a build waits for
    another process's build before raising :class:`IndexBusy`. ``progress(done, total)``
    is called while building. ``key_dir`` (the user data folder) holds the key that seals
    and checks each index (see :mod:`.seal`); without one, ``verify`` checks every index
    file's checksum on open. Either way no pickle in the index can run code (see
    :mod:`.safe_pickle`) and the schema is never read from the index.
    """

    def __init__(
        self,
        library: Library,
        content_dir: Path | None,
        index_root: Path,
        *,
        lock_timeout: float = 30.0,
        progress: indexer.Progress | None = None,
        verify: bool = True,
        key_dir: Path | None = None,
    ) -> None:
        self.library = library
        self.content_dir = content_dir
        self.index_root = Path(index_root)
        self.lock_timeout = lock_timeout
        self.progress = progress
        self.verify = verify
        self.key_dir = key_dir
        self._key: bytes | None = None
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._fingerprint: str | None = None
        self._planner = Planner(library)
        self._open: lifecycle.OpenIndex | None = None
        self._retriever: Retriever | None = None

    # --- lifecycle --------------------------------------------------------------


    @property
    def info(self) -> IndexInfo | None:
        """What :meth:`ensure` last opened or built, or None before that."""
        return self._open.info if self._open is not None else None

    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = fingerprint(self.library, self.content_dir)
        return self._fingerprint

    def close(self) -> None:
        with self._lock:
            self._close()

    def stop(self) -> None:
        """Stop a build or update running in another thread (its :meth:`ensure` or
        :meth:`update` raises :class:`~.indexer.BuildStopped` within a few passages, or
        between two fields of its commit; nothing is published), and any later one: the
        reader is quitting, or has replaced this index's library with a reloaded one.
        Takes no lock: the lock is held by the build."""
        self._stopping.set()

    def _close(self) -> None:
        opened, self._open, self._retriever = self._open, None, None
        if opened is not None:
            opened.close()

    def ensure(self, *, rebuild: bool = False) -> IndexInfo:
        """Open the index, building it first if it is missing, stale or damaged.

        Opening takes no lock. Building waits up to ``lock_timeout`` for another
        process's build and then raises :class:`IndexBusy`. ``rebuild`` forces a build.
        """
        with self._lock:
            if self._open is not None and not rebuild:
                return self._open.info
            self._close()
            write = functools.partial(
                indexer.build,
                library=self.library,
                known_phrases=self._planner.expander.phrases,
                progress=self.progress,
                stop=self._stopping.is_set,
            )
            opened = lifecycle.ensure(
                self.index_root,
                self.fingerprint(),
                write,
                rebuild=rebuild,
                lock_timeout=self.lock_timeout,
                verify=self.verify,
                key=self._seal_key,
            )
            self._open, self._retriever = opened, Retriever(opened.searcher, opened.postings)
            return opened.info

    def update(self, library: Library, changed: Collection[str]) -> IndexInfo:
        """Switch to ``library``, re-indexing only the articles whose ids are in ``changed``
        (a content pack installed, updated or removed; see :mod:`.incremental`).

        Without an open index on disk to start from, or should the update fail, the new
        library's index is opened or built in full, as :meth:`ensure` does.
        """
        from jpbrief.core.search import incremental

        with self._lock:
            old, opened = self.library, self._open
            self.library, self._planner, self._fingerprint = library, Planner(library), None
            if opened is None or opened.info.path is None:
                self._close()
                return self.ensure()
            write = functools.partial(
                incremental.update, opened=opened, old=old, new=library, changed=changed,
                known_phrases=self._planner.expander.phrases, progress=self.progress,
                stop=self._stopping.is_set,
            )
            try:
                fresh = lifecycle.ensure(
                    self.index_root, self.fingerprint(), write, rebuild=False,
                    lock_timeout=self.lock_timeout, verify=self.verify, key=self._seal_key,
                )
            except IndexBusy:
                self._close()  # the next search opens (or waits for) the new library's index
                raise
            except indexer.BuildStopped:
                self._close()  # not built in full instead: nobody wants this index any more
                raise
            except incremental.Compact as reason:
                log.info("search index: %s; building it in full", reason)
                self._close()
                return self.ensure()
            except Exception:
                log.warning("updating the search index failed; building it in full", exc_info=True)
                self._close()
                return self.ensure()
            self._close()
            self._open, self._retriever = fresh, Retriever(fresh.searcher, fresh.postings)
            return fresh.info

    def _seal_key(self) -> bytes | None:
        if self._key is None and self.key_dir is not None:
            self._key = seal.load_key(self.key_dir)
        return self._key

    # --- searching ----------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        theme: str | None = None,
        article: str | None = None,
        limit: int = 20,
        as_you_type: bool = False,
    ) -> SearchResult:
        """Ranked passages for ``query``. Never raises: problems become ``message``.

        ``theme``/``article`` restrict like ``theme:ID``/``article:ID`` in the query.
        ``as_you_type`` reads a last word not yet followed by a space as a prefix.
        """
        try:
            return self._search_guarded(query, theme, article, limit, as_you_type)
        except Exception as error:  # the contract is "never raises"
            log.exception("search for %r failed", query)
            failed = QT_TRANSLATE_NOOP("Search", "Search failed: {error}")
            return SearchResult(query=str(query), message=Message(failed, error=message_of(error)))

    def _search_guarded(
        self, query: str, theme: str | None, article: str | None, limit: int, as_you_type: bool
    ) -> SearchResult:
        query = query if isinstance(query, str) else str(query)
        limit = max(0, min(int(limit), MAX_LIMIT))
        with self._lock:
            # A failure may mean damaged files: reopen (checking them) and retry, then
            # rebuild and retry; a third failure becomes the result's message.
            for attempt in ("open", "reopen", "rebuild"):
                try:
                    if attempt != "open":
                        self._close()
                    self.ensure(rebuild=attempt == "rebuild")
                except IndexBusy as busy:
                    return SearchResult(query=query, message=message_of(busy), busy=True)
                try:
                    return self._search(query, theme, article, limit, as_you_type)
                except Exception:
                    if attempt == "rebuild":
                        raise
                    log.warning("search failed (%s); retrying", attempt, exc_info=True)
            raise AssertionError("unreachable")

    def _search(
        self, query: str, theme: str | None, article: str | None, limit: int, as_you_type: bool
    ) -> SearchResult:
        assert self._open is not None and self._retriever is not None  # ensure() ran
        parsed = querylang.parse(query, as_you_type=as_you_type)
        if theme:
            parsed.themes.append(theme)
        if article:
            parsed.articles.append(article)
        plan = self._planner.plan(parsed, self._open.vocabulary)
        notes = list(parsed.notes) + plan.notes
        if plan.unknown_filters:
            told = [*plan.unknown_filters, *notes]
            return SearchResult(query=query, message=" ".join(told), notes=tuple(told))
        if not plan.clauses and not plan.filters:
            key = "only_exclusions" if parsed.exclude else "too_common" if parsed.include else "type_a_word"
            told = [Note.make(key), *notes]
            return SearchResult(query=query, message=" ".join(told), notes=tuple(told))

        ranked, total, complete = self._retriever.rank(plan, limit)
        searcher = self._open.searcher
        hits = [
            make_hit(searcher.stored_fields(doc), score, plan, explain(self._retriever, plan, doc))
            for doc, score in ranked
        ]
        if total == 0:
            notes.insert(0, Note.make("no_match"))
        nearest = [query.replace(word, name, 1) for word, name in plan.nearest]
        return SearchResult(
            hits=hits,
            total=total,
            complete=complete,
            suggestions=list(dict.fromkeys(nearest + suggestions(query, parsed, self._open.vocabulary))),
            message=" ".join(notes) or None,
            query=query,
            notes=tuple(notes),
        )
