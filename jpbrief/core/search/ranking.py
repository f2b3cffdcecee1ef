"""BM25F over Whoosh's postings, computed for sets of passages.

Whoosh stores the inverted index; ranking reads its postings (document numbers and
term frequencies, a block at a time) and scores the passages of one tier at once.
Whoosh's own collectors step through a tree of matcher objects passage by passage,
which at 40,000 passages costs hundreds of milliseconds per query; summing cached
per-term score tables over a set costs a few.

The formula is Whoosh's ``BM25F`` (same idf, K1 and B), with exact field lengths
(recorded at build time) instead of Whoosh's one-byte approximations.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import OrderedDict
from collections.abc import Collection, Iterable
from typing import Any

from whoosh.query import And, Or, Phrase, Query, Term

K1 = 1.2
B = 0.75
CACHE_TERMS = 256
"""Posting tables kept in memory (per open index and kind), least recently used dropped."""
CACHE_ENTRIES = 150_000
"""And at most this many postings in them (about 100 bytes each in a dict): at 1,000
articles a common word's table holds thousands, so a day of searching would otherwise
keep up to 256 of them. The newest table is always kept, however large."""

Leaf = tuple[str, str, float]
"""(field, term, boost) — one scored term of a query."""


def leaves(q: Query, boost: float = 1.0) -> list[Leaf]:
    """The scored terms of ``q`` with their accumulated boosts (phrases: their words)."""
    boost *= getattr(q, "boost", 1.0)
    if isinstance(q, Term):
        return [(q.fieldname, q.text, boost)]
    if isinstance(q, Phrase):
        return [(q.fieldname, word, boost) for word in q.words]
    if isinstance(q, (And, Or)):
        out: list[Leaf] = []
        for sub in q.subqueries:
            out.extend(leaves(sub, boost))
        return out
    return []


def merge_leaves(items: Iterable[Leaf]) -> list[Leaf]:
    """Same (field, term) twice scores twice in Whoosh's sum; keep that, in one entry."""
    merged: dict[tuple[str, str], float] = {}
    for field, term, boost in items:
        merged[(field, term)] = merged.get((field, term), 0.0) + boost
    return [(field, term, boost) for (field, term), boost in merged.items()]


class _Tables:
    """Posting tables by (field, term), least recently used dropped beyond ``terms``
    tables or ``entries`` postings in all."""

    def __init__(self, terms: int, entries: int) -> None:
        self.terms, self.entries = terms, entries
        self._tables: OrderedDict[tuple[str, str], dict[int, float]] = OrderedDict()
        self.held = 0
        """Postings in the tables kept now."""

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._tables

    def __len__(self) -> int:
        return len(self._tables)

    def get(self, key: tuple[str, str]) -> dict[int, float] | None:
        table = self._tables.get(key)
        if table is not None:
            self._tables.move_to_end(key)
        return table

    def put(self, key: tuple[str, str], table: dict[int, float]) -> None:
        old = self._tables.pop(key, None)
        if old is not None:
            self.held -= len(old)
        self._tables[key] = table
        self.held += len(table)
        while len(self._tables) > 1 and (len(self._tables) > self.terms or self.held > self.entries):
            _key, dropped = self._tables.popitem(last=False)
            self.held -= len(dropped)


class Postings:
    """Cached posting tables of one open index, and BM25F scoring over them."""

    def __init__(self, reader: Any, lengths: dict[str, array[int]]) -> None:
        self.reader = reader
        # Live passages only: after a content pack's update (.incremental) the replaced
        # passages stay in their segment, deleted, until the next full build.
        self.documents = max(1, reader.doc_count())
        self.lengths = lengths
        live = _live_lengths(reader, lengths)
        self.average = {
            field: (sum(values) / len(values) if values else 1.0) or 1.0
            for field, values in live.items()
        }
        self._tf = _Tables(CACHE_TERMS, CACHE_ENTRIES)
        self._bm25 = _Tables(CACHE_TERMS, CACHE_ENTRIES)

    def frequencies(self, field: str, term: str) -> dict[int, float]:
        """``{docnum: term frequency}`` for a term of a field."""
        key = (field, term)
        table = self._tf.get(key)
        if table is not None:
            return table
        table = {}
        if (field, term) in self.reader:
            table = _read_segments(self.reader, field, term)
        self._tf.put(key, table)
        return table

    def docs(self, field: str, term: str) -> Collection[int]:
        return self.frequencies(field, term).keys()

    def _weight(self, field: str, term: str) -> tuple[float, array[int] | None, float]:
        idf = math.log(self.documents / (len(self.frequencies(field, term)) + 1)) + 1.0
        return idf, self.lengths.get(field), self.average.get(field, 1.0)

    def bm25(self, field: str, term: str) -> dict[int, float]:
        """``{docnum: BM25 of this term in this field}`` (boost not applied), cached."""
        key = (field, term)
        table = self._bm25.get(key)
        if table is not None:
            return table
        table = self._score_docs(field, term, self.frequencies(field, term))
        self._bm25.put(key, table)
        return table

    def _score_docs(self, field: str, term: str, docs: Iterable[int]) -> dict[int, float]:
        frequencies = self.frequencies(field, term)
        idf, lengths, average = self._weight(field, term)
        table: dict[int, float] = {}
        for doc in docs:
            tf = frequencies.get(doc)
            if not tf:
                continue
            length = lengths[doc] if lengths is not None and doc < len(lengths) else average
            norm = K1 * ((1.0 - B) + B * length / average)
            table[doc] = idf * (tf * (K1 + 1.0)) / (tf + norm)
        return table

    def top(self, scoring: list[Leaf], docs: Collection[int], need: int) -> list[tuple[float, int]]:
        """The ``need`` best ``(score, docnum)`` among ``docs``; ties in reading order."""
        if need <= 0 or not docs:
            return []
        scores: dict[int, float] = dict.fromkeys(docs, 0.0)
        for field, term, boost in scoring:
            if (field, term) not in self._bm25 and len(self.frequencies(field, term)) > 4 * len(
                scores
            ):
                # a common word and few passages: score just those, cache nothing
                table = self._score_docs(field, term, scores)
            else:
                table = self.bm25(field, term)
            if len(table) <= len(scores):
                for doc, value in table.items():
                    if doc in scores:
                        scores[doc] += boost * value
            else:
                for doc in scores:
                    found = table.get(doc)
                    if found:
                        scores[doc] += boost * found
        best = heapq.nsmallest(need, scores.items(), key=lambda item: (-item[1], item[0]))
        return [(score, doc) for doc, score in best]


def _live_lengths(reader: Any, lengths: dict[str, array[int]]) -> dict[str, Any]:
    """``lengths`` without the deleted passages' entries (the same arrays when none is)."""
    if not reader.has_deletions():
        return lengths
    live = [docnum for docnum in range(reader.doc_count_all()) if not reader.is_deleted(docnum)]
    return {field: [values[docnum] for docnum in live] for field, values in lengths.items()}


def _read_segments(reader: Any, field: str, term: str) -> dict[int, float]:
    """``{docnum: weight}`` of a term over every segment of the index, deleted passages left
    out. A full build has one segment; each content-pack update adds one (.incremental)."""
    leaves = reader.leaf_readers()
    if len(leaves) == 1 and not reader.has_deletions():
        return _read_postings(reader.postings(field, term))
    table: dict[int, float] = {}
    for leaf, offset in leaves:
        if (field, term) not in leaf:
            continue
        matcher = leaf.postings(field, term)
        deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
        if deleted and hasattr(matcher, "child"):
            matcher = matcher.child  # Whoosh's filter of deleted documents; filtered below, faster
        for docnum, weight in _read_postings(matcher).items():
            if docnum not in deleted:
                table[docnum + offset] = weight
    return table


def _read_postings(matcher: Any) -> dict[int, float]:
    """``{docnum: weight}`` of a posting list.

    Reads Whoosh's W3 posting blocks whole (many times faster than stepping posting by
    posting); falls back to the public matcher API for any other matcher.
    """
    table: dict[int, float] = {}
    if all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_next_block")):
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            if matcher._weights is None:
                matcher._read_weights()
            start = matcher._i
            table.update(zip(matcher._ids[start:], matcher._weights[start:], strict=False))
            matcher._next_block()
        return table
    while matcher.is_active():  # pragma: no cover - other Whoosh codecs
        table[matcher.id()] = matcher.weight()
        matcher.next()
    return table


def field_lengths_to_bytes(lengths: dict[str, array[int]], fields: list[str]) -> bytes:
    return b"".join(lengths[field].tobytes() for field in fields)


def field_lengths_from_bytes(
    data: bytes, fields: list[str], documents: int
) -> dict[str, array[int]]:
    per_field = array("I").itemsize * documents
    if len(data) != per_field * len(fields):
        raise ValueError(f"lengths file has {len(data)} bytes, expected {per_field * len(fields)}")
    out: dict[str, array[int]] = {}
    for index, field in enumerate(fields):
        values: array[int] = array("I")
        values.frombytes(data[index * per_field : (index + 1) * per_field])
        out[field] = values
    return out
