"""Writes a Whoosh segment from analysed passages, a whole posting list at a time.

Whoosh's own writer analyses each field again, adds one tuple per posting to a pool,
sorts the pool at commit and then hands the postings one by one through four layers of
Python calls: for a 2,000-article library that was three quarters of a build. The
passages are already analysed here (see :mod:`.schema`), so :class:`PassageWriter`
counts each field's terms once, keeps every term's postings as one ``array`` in document
order (document numbers only grow, so nothing is sorted but the terms) and, at commit,
fills Whoosh's postings writer block by block (``blocklimit`` postings at a time).

The files are those Whoosh writes itself, byte for byte (a test compares them), so
reading, deleting and merging stay Whoosh's. It relies on ``W3PostingsWriter``'s block
buffer (``_ids``, ``_weights``, ``_values``, ``_maxweight``, ``_write_block``) of the
pinned whoosh-reloaded 2.7; the index fingerprint holds Whoosh's version, so another
version rebuilds its indexes.
"""

from __future__ import annotations

import functools
import itertools
import operator
import pickle
import struct
import sys
import zlib
from array import array
from collections.abc import Callable, Mapping
from hashlib import md5
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.filedb.filetables import _lengths as _ROW_LENGTHS
from whoosh.filedb.filetables import _pointer
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_int, pack_long, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

NO_LENGTH = length_to_byte(0)
"""No field keeps lengths (none is Whoosh-scorable): every block says 0."""
_POINTER_SIZE = _pointer.size
_ONCE = pack_uint(1)
"""The value of a posting whose term is there once."""
_TERM_INFO = W3TermInfo._struct
"""A term's row: inlined?, total weight, documents, min and max length, max weight, first
and last document (then the extent of its postings)."""


Stop = Callable[[], bool]
"""``stop()``: True when the build is to stop (asked between passages and between phases)."""


class BuildStopped(Exception):
    """A build or update was asked to stop (the reader is quitting, or reloaded its
    library): nothing is published."""


def check(stop: Stop | None) -> None:
    """Raise :class:`BuildStopped` if ``stop`` says so."""
    if stop is not None and stop():
        raise BuildStopped("the search index build was stopped")


class PassageWriter(SegmentWriter):
    """A Whoosh segment writer fed with term frequencies instead of text to analyse.

    :meth:`add_passage` replaces ``add_document``; commit with ``merge=False`` (a new
    index has nothing to merge; an updated one keeps the new passages as a segment of
    their own), since merging goes through the pool this writer leaves empty.
    """

    def __init__(self, index: Any, **kwargs: Any) -> None:
        super().__init__(index, **kwargs)
        self._order = sorted(self.schema.names())
        self._names = frozenset(self._order)
        self._boost: dict[str, float] = {}
        for name in self._order:
            field = self.schema[name]
            if field.indexed:
                if not isinstance(field.format, Existence | Frequency) or field.vector \
                        or field.separate_spelling() or field.scorable:
                    raise TypeError(f"field {name!r} is not one PassageWriter can write")
                self._boost[name] = field.format.field_boost
        self._postings: dict[str, dict[str, array[int]]] = {name: {} for name in self._boost}
        """Per field, per term: document number and frequency, pair after pair."""
        self._analysed: dict[tuple[str, str], dict[str, int]] = {}
        self.stop: Stop | None = None
        """Asked before each field is written at the commit: True raises ``BuildStopped``."""

    def add_document(self, **fields: Any) -> None:
        raise TypeError("PassageWriter writes analysed passages: call add_passage")

    def add_reader(self, reader: Any) -> None:
        raise TypeError("PassageWriter merges nothing: commit with merge=False")

    def add_passage(self, fields: Mapping[str, str], terms: Mapping[str, Mapping[str, int]]) -> None:
        """Add one document: ``fields`` its values (stored ones are stored), ``terms`` the
        term frequencies of the indexed fields already analysed; any other indexed field
        is analysed by its Whoosh field type."""
        self._check_state()
        if not fields.keys() <= self._names:
            raise ValueError(f"no field named {sorted(fields.keys() - self._names)} in the schema")
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        for name in self._order:
            value = fields.get(name)
            counts = terms.get(name)
            field = self.schema[name]
            if counts is None:
                if value is None:
                    continue
                if field.indexed:
                    counts = self._field_terms(name, field, value)
            if counts is not None and field.indexed:
                postings = self._postings[name]
                for term, freq in counts.items():
                    entry = postings.get(term)
                    if entry is None:
                        postings[term] = entry = array("I")
                    entry.append(docnum)
                    entry.append(freq)
            perdoc.add_field(name, field, value if field.stored else None, 0)
            column = field.column_type
            if column and value is not None:
                perdoc.add_column_value(name, column, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _field_terms(self, name: str, field: Any, value: str) -> dict[str, int]:
        """The terms Whoosh's field type makes of ``value`` (once per value: an article's
        id, a passage kind, a set of themes repeat from passage to passage)."""
        counts = self._analysed.get((name, value))
        if counts is None:
            counts = {text.decode("utf-8"): freq for text, freq, _w, _v in field.index(value)}
            if not field.unique:  # a unique field's values never come again
                self._analysed[(name, value)] = counts
        return counts

    def _flush_segment(self) -> None:
        """Write the postings gathered by :meth:`add_passage` (instead of the pool's)."""
        self.perdocwriter.close()
        for name in self._order:
            check(self.stop)
            if self._postings.get(name):
                _write_field(self.fieldwriter, name, self.schema[name], self._postings[name],
                             self._boost[name])
        self._postings = {}
        self.fieldwriter.close()


def _big_endian(values: array[int]) -> bytes:
    """``values`` as Whoosh's ``pack_uint`` writes each one (network order)."""
    if sys.byteorder == "little":
        values = array("I", values)
        values.byteswap()
    return values.tobytes()


def _write_field(fieldwriter: Any, name: str, field: Any, postings: dict[str, array[int]],
                 boost: float) -> None:
    """Every term of one field, in term order, as ``W3FieldWriter`` writes them: the
    posting blocks in one write to the postings file, the terms table's rows (see
    :func:`_add_rows`) in one write to the terms file."""
    fieldwriter.start_field(name, field)
    writer = fieldwriter._postwriter
    if writer._inlinelimit > 1 or writer._byteids:
        raise TypeError("PassageWriter writes neither inlined postings nor byte ids")
    limit, compression = writer._blocklimit, writer._compression
    key_prefix = pack_ushort(fieldwriter._fieldid)
    frequency = isinstance(field.format, Frequency)
    postfile = fieldwriter._postfile
    offset = postfile.tell()
    chunks: list[bytes] = []
    rows: list[tuple[bytes, bytes]] = []
    for term in sorted(postings):  # code point order is UTF-8 byte order
        pairs = postings[term]
        ids, freqs = pairs[0::2], pairs[1::2]
        chunks.append(WHOOSH3_HEADER_MAGIC)
        extent = len(WHOOSH3_HEADER_MAGIC)
        weight, maxweight = 0.0, 0.0
        for start in range(0, len(ids), limit):
            block_ids, block_freqs = ids[start:start + limit], freqs[start:start + limit]
            length, block_weight, block_max = _block(chunks, block_ids, block_freqs, frequency, boost,
                                                     compression, last=start + limit >= len(ids))
            extent += length
            weight += block_weight
            maxweight = max(maxweight, block_max)
        info = _TERM_INFO.pack(False, weight, len(ids), 0, NO_LENGTH, maxweight, ids[0], ids[-1])
        rows.append((key_prefix + term.encode("utf-8"), info + pack_long(offset) + pack_int(extent)))
        offset += extent
    postfile.write(b"".join(chunks))
    _add_rows(fieldwriter._tindex, rows)
    fieldwriter._tindex._write_hashes = functools.partial(_write_hashes, fieldwriter._tindex)
    fieldwriter.finish_field()


def _add_rows(table: Any, rows: list[tuple[bytes, bytes]]) -> None:
    """``OrderedHashWriter.add`` for each row (keys in increasing order), in one write."""
    if rows[0][0] <= table.lastkey:
        raise ValueError(f"Keys must increase: {table.lastkey!r}..{rows[0][0]!r}")
    position = table.dbfile.tell()
    buckets, index = table.buckets, table.index
    out: list[bytes] = []
    for key, value in rows:
        index.append(position)
        code = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")  # md5_hash
        buckets[code & 255].append((code, position))
        out += (_ROW_LENGTHS.pack(len(key), len(value)), key, value)
        position += _ROW_LENGTHS.size + len(key) + len(value)
    table.dbfile.write(b"".join(out))
    table.lastkey = rows[-1][0]


def _write_hashes(table: Any) -> None:
    """``HashWriter._write_hashes`` (256 open-addressing tables of the rows' hashes and
    positions), in one write."""
    position = table.dbfile.tell()
    out: list[bytes] = []
    for entries in table.buckets:
        slots = 2 * len(entries)
        table.directory.append((position, slots))
        hashtable = [(0, 0)] * slots
        for code, row in entries:
            slot = (code >> 8) % slots
            while hashtable[slot] != (0, 0):
                slot = (slot + 1) % slots
            hashtable[slot] = (code, row)
        out.append(struct.pack("!" + "Iq" * slots, *itertools.chain.from_iterable(hashtable)))
        position += slots * _POINTER_SIZE
    table.dbfile.write(b"".join(out))


def _block(chunks: list[bytes], ids: array[int], freqs: array[int], frequency: bool, boost: float,
           compression: int, last: bool) -> tuple[int, float, float]:
    """Append one block (length, info, data) to ``chunks`` as ``W3PostingsWriter`` writes
    it; its size in bytes, its weights' sum and largest weight (for the term's info)."""
    count = len(ids)
    mini_weights: Any = False
    if frequency and boost == 1.0 and freqs.count(1) == count:  # most word pairs: once each
        weights_sum, maxweight, mini_weights = float(count), 1.0, None
        values: bytes | None = _ONCE * count
    elif frequency:  # weight = frequency x boost; the value is the packed frequency
        weights = array("f", freqs if boost == 1.0 else [f * boost for f in freqs])
        maxweight = max(freqs) * boost
        values = _big_endian(freqs)
    else:  # Existence: the field's boost, no value
        weights = array("f", [boost]) * count
        maxweight, values = boost, None
    if mini_weights is False:  # not known yet: as W3PostingsWriter minifies them
        weights_sum = sum(weights)
        first = weights[0]
        same = weights.count(first) == count
        mini_weights = tuple(weights) if not same else None if first == 1.0 else first
    deltas = tuple(map(operator.sub, ids, itertools.chain((0,), ids)))
    data = pickle.dumps((deltas, mini_weights, values), 2)
    if compression:
        data = zlib.compress(data, compression)
    info = pickle.dumps((len(ids), ids[-1], maxweight, compression, NO_LENGTH, NO_LENGTH), 2)
    length = len(info) + len(data)
    chunks += (pack_int(-length if last else length), info, data)
    return 4 + length, weights_sum, maxweight
