"""What the UI sees of search: results, index info and status, and the index's protocol.

Plain values importable without Whoosh, so the reader can import them at start-up; the
index itself (:class:`~.engine.SearchIndex`) is created later, in a worker thread.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from jpbrief.core.labels import ENGLISH, Labels

if TYPE_CHECKING:
    from jpbrief.core.model import Library


EVERY_WORD = "every"
SOME_WORDS = "some"


class Note(str):
    """A message for the reader: its English text, and how to say it in another language
    (``key`` names a :class:`~jpbrief.core.labels.Labels` template, ``values`` fill it)."""

    key: str
    values: dict[str, str]

    @classmethod
    def make(cls, key: str, **values: object) -> Note:
        shown = {name: str(value) for name, value in values.items()}
        note = cls(str(getattr(ENGLISH, key)).format(**shown))
        note.key, note.values = key, shown
        return note

    def text(self, labels: Labels = ENGLISH) -> str:
        return str(getattr(labels, self.key)).format(**self.values)


@dataclass(frozen=True)
class Reason:
    """One thing the marks in a hit's snippet do not show, in no language: clauses matched
    only in a ``place`` ("section", "title" or "cites": ``detail`` is the heading or title),
    or a clause matched through the glossary (``place`` "glossary", ``detail`` the
    equivalents). ``words`` are the clauses as typed (empty when the query has only one)."""

    place: str
    words: tuple[str, ...]
    detail: str = ""

    def text(self, labels: Labels = ENGLISH) -> str:
        if self.place == "glossary":
            return labels.through_glossary.format(word=self.words[0], equivalents=self.detail)
        where = {"section": labels.in_section.format(section=self.detail),
                 "title": labels.in_title.format(title=self.detail)}.get(self.place, labels.in_cited_source)
        if not self.words:
            return labels.matched_in.format(place=where)
        words = labels.list_separator.join(labels.word.format(word=word) for word in self.words)
        return labels.words_matched_in.format(words=words, place=where)


@dataclass(frozen=True)
class Hit:
    """One matching passage.

    ``snippet`` is HTML: the passage text around the matches, HTML-escaped, with each
    matched word in ``<b>…</b>`` and ``…`` (U+2026) where the text was cut.
    ``terms`` are the matched words as printed in ``text`` and ``spans`` their
    ``(start, end)`` offsets in ``text``, for highlighting the passage in the reader.
    ``score`` only orders hits (higher first): its integer part is the match tier
    (all words as typed > all words via the glossary > most words > …) and the
    fraction the BM25F score within the tier.
    ``tier`` is :data:`EVERY_WORD` when the passage matches every word of the query (as
    typed or through the glossary), :data:`SOME_WORDS` when only some, "" for a listing
    by filters only. ``why`` says, when the marks in ``snippet`` do not, why it matched:
    a word found only in its section heading, the article title or a cited source, or
    through the glossary; ``missing`` are the query's words it lacks.
    """

    article: str
    anchor: str
    title: str
    section: str | None
    text: str
    snippet: str
    themes: tuple[str, ...]
    score: float
    kind: str = "paragraph"
    terms: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    tier: str = ""
    why: str = ""
    missing: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()
    """``why`` before it is put in words (:meth:`reason_in` says it in the reader's language)."""
    cited: str = ""
    """The marked citation ``snippet`` ends with when the passage matched through a cited
    source (HTML; :meth:`snippet_in` labels it in the reader's language)."""

    def snippet_in(self, labels: Labels) -> str:
        """:attr:`snippet` with its citation labelled in ``labels``'s words."""
        if not self.cited:
            return self.snippet
        head = self.snippet[: len(self.snippet) - len(ENGLISH.cited_in_snippet.format(cite=self.cited))]
        return head + escape(labels.cited_in_snippet, quote=False).format(cite=self.cited)

    @property
    def reason(self) -> str:
        """``why`` and the words it lacks, as one line for the reader ("" when the marked
        snippet says it all)."""
        return self.reason_in(ENGLISH)

    def reason_in(self, labels: Labels) -> str:
        """:attr:`reason` in ``labels``'s words."""
        why = labels.reason_separator.join(r.text(labels) for r in self.reasons) if self.reasons else self.why
        lacks = labels.list_separator.join(labels.word.format(word=word) for word in self.missing)
        parts = (why, labels.without.format(words=lacks) if lacks else "")
        return labels.reason_separator.join(part for part in parts if part)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "anchor": self.anchor,
            "title": self.title,
            "section": self.section,
            "kind": self.kind,
            "text": self.text,
            "snippet": self.snippet,
            "themes": list(self.themes),
            "score": self.score,
            "terms": list(self.terms),
            "spans": [list(span) for span in self.spans],
            "tier": self.tier,
            "why": self.why,
            "missing": list(self.missing),
        }


@dataclass(frozen=True)
class ArticleHits:
    """The hits of one article, in rank order."""

    article: str
    title: str
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class SearchResult:
    """Ranked hits (at most the requested limit), the total number of matching
    passages, "did you mean" queries and a message for the reader when there is
    something to say (no match, a query that could not be used as typed, a busy index).
    """

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    suggestions: list[str] = field(default_factory=list)
    message: str | None = None
    query: str = ""
    busy: bool = False
    """True when another process is building the index: try again shortly."""
    complete: int = 0
    """How many of the ``total`` passages match every word (the others match some)."""
    notes: tuple[Note, ...] = ()
    """``message`` before it is put in words (:meth:`message_in` says it in the reader's language)."""

    def message_in(self, labels: Labels) -> str | None:
        """:attr:`message` in ``labels``'s words."""
        if not self.notes:
            return self.message
        return " ".join(note.text(labels) for note in self.notes)

    def group_by_article(self) -> list[ArticleHits]:
        """Hits grouped by article; articles ordered by their best hit."""
        groups: dict[str, list[Hit]] = {}
        for hit in self.hits:
            groups.setdefault(hit.article, []).append(hit)
        return [ArticleHits(key, hits[0].title, tuple(hits)) for key, hits in groups.items()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "hits": [hit.to_dict() for hit in self.hits],
            "total": self.total,
            "complete": self.complete,
            "suggestions": list(self.suggestions),
            "message": self.message,
        }


@dataclass(frozen=True)
class IndexInfo:
    """Where the index is and what it holds; ``built`` when this call built it."""

    path: Path | None
    documents: int
    fingerprint: str
    built: bool
    build_seconds: float | None
    open_seconds: float
    in_memory: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path) if self.path else None,
            "documents": self.documents,
            "fingerprint": self.fingerprint,
            "built": self.built,
            "build_seconds": self.build_seconds,
            "open_seconds": self.open_seconds,
            "in_memory": self.in_memory,
        }


class IndexStatus(enum.Enum):
    """Where the search index is, from the UI's side."""

    INDEXING = "indexing"
    """Being opened, or built first: searches wait for it."""
    READY = "ready"
    UNAVAILABLE = "unavailable"
    """It could not be opened or built; the reader works on without search."""


@dataclass(frozen=True)
class SearchStatus:
    """The index's state, and for :attr:`IndexStatus.UNAVAILABLE` why (else empty)."""

    state: IndexStatus
    reason: str = ""


@runtime_checkable
class SearchIndexProtocol(Protocol):
    """What the UI holds of a search index (:class:`~.engine.SearchIndex` is one).

    ``ensure`` opens or builds it and may raise (the index is then unavailable);
    ``search`` never raises: problems come back as the result's ``message``; ``stop``,
    from another thread, makes a build or update running there give up (at quit, or
    when a reload replaces the library).
    """

    @property
    def info(self) -> IndexInfo | None: ...

    def ensure(self, *, rebuild: bool = False) -> IndexInfo: ...

    def update(self, library: Library, changed: Collection[str]) -> IndexInfo: ...

    def search(
        self,
        query: str,
        *,
        theme: str | None = None,
        article: str | None = None,
        limit: int = 20,
        as_you_type: bool = False,
    ) -> SearchResult: ...

    def close(self) -> None: ...

    def stop(self) -> None: ...
