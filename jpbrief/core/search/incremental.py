"""Re-index only the articles a content pack brought, changed or took away.

:func:`update` is a :data:`~.lifecycle.Writer` like :func:`.indexer.build`, so the result
is sealed, published under the new library's fingerprint and opened exactly as a full
build is. Into the private folder it is given, it copies the open index's files, marks
the changed articles' passages deleted and writes their new ones as a new segment. No
merge: Whoosh merges by re-reading every posting in Python, slower than building the
whole index anew. :mod:`.ranking` reads each segment and leaves deleted passages out, so
the scores are those of a full build; document numbers run on across segments, so the
field lengths of the new passages are appended to the old ones. When segments or deleted
passages pile up (:data:`MAX_SEGMENTS`, :data:`MAX_DELETED`), :class:`Compact` asks for a
full build instead.

Only the changed passages are analysed. The vocabulary's document frequencies are
adjusted by the removed and added passages, so "did you mean" and prefix expansion see
the same words as after a full build; a word whose every passage left is dropped unless
the glossary knows it. The printed form shown for a word that existed before stays the
one chosen then (a full build may pick another capitalisation when the new passages
print it differently more often).
"""

from __future__ import annotations

import shutil
import time
from array import array
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from jpbrief.core.model import Library
from jpbrief.core.search import indexer, ranking, store
from jpbrief.core.search.analysis import analyse
from jpbrief.core.search.indexer import LENGTHS_FILE, VOCABULARY_FILE, Built, Progress, Stop, check
from jpbrief.core.search.lifecycle import OpenIndex
from jpbrief.core.search.schema import SCORED_FIELDS, PassageDocument, build_schema, passage_document
from jpbrief.core.search.vocabulary import Vocabulary

MAX_SEGMENTS = 8
MAX_DELETED = 0.25
"""Above either (segments, or deleted passages as a share of all), build in full instead."""


class Compact(Exception):
    """The index has too many segments or deleted passages: build it in full."""


def _copy_index_files(source: Path, target: Path) -> None:
    for path in source.iterdir():
        if path.is_file() and path.name != store.MANIFEST:
            shutil.copy2(path, target / path.name)


def _count_passages(df: dict[str, list[Any]], document: PassageDocument, step: int) -> None:
    """Add ``step`` to the document frequency of each word of the passage (once each)."""
    seen: set[str] = set()
    for tok in (tok for tokens in document.analysed.values() for tok in tokens):
        if tok.key in seen:
            continue
        seen.add(tok.key)
        entry = df.setdefault(tok.key, [tok.term, tok.surface, 0])
        entry[2] = int(entry[2]) + step


def update(
    storage: Any,
    directory: Path | None,
    *,
    opened: OpenIndex,
    old: Library,
    new: Library,
    changed: Collection[str],
    known_phrases: Iterable[str],
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> Built:
    """Write into ``storage`` (folder ``directory``) the index of ``new``, from ``opened``
    (the index of ``old``) by re-indexing the articles whose ids are in ``changed``."""
    if directory is None or opened.info.path is None:
        raise ValueError("an incremental update needs the open index's folder and a new one")
    started = time.perf_counter()
    changed = set(changed)
    reader = opened.searcher.reader()
    removed = sum(len(a.passages) for a in old.articles if a.id in changed)
    deleted = reader.doc_count_all() - reader.doc_count() + removed
    if len(reader.leaf_readers()) >= MAX_SEGMENTS or deleted > MAX_DELETED * reader.doc_count_all():
        raise Compact(f"{len(reader.leaf_readers())} segments, {deleted} deleted passages")

    df: dict[str, list[Any]] = {key: list(entry) for key, entry in opened.vocabulary.entries.items()}
    for article in old.articles:
        if article.id in changed:
            for passage in article.passages:
                _count_passages(df, passage_document(article, passage, old.sources), -1)
    lengths = {name: array("I", opened.postings.lengths[name]) for name in SCORED_FIELDS}

    def record(document: PassageDocument) -> None:
        for name in SCORED_FIELDS:
            lengths[name].append(len(document.analysed[name]))
        _count_passages(df, document, +1)

    _copy_index_files(opened.info.path, directory)
    changed_passages = [(a, p) for a in new.articles if a.id in changed for p in a.passages]
    added = indexer.add_passages(storage.open_index(schema=build_schema()), changed_passages, new.sources,
                                 record, progress, len(changed_passages), delete_articles=sorted(changed),
                                 stop=stop)
    check(stop)

    known = {tok.key: tok for phrase in known_phrases for tok in analyse(phrase)}
    entries = {
        key: (str(e[0]), str(e[1]), int(e[2])) for key, e in df.items() if int(e[2]) > 0 or key in known
    }
    for key, tok in known.items():
        entries.setdefault(key, (tok.term, tok.surface, 0))
    vocabulary = Vocabulary(entries)
    vocabulary.save(directory / VOCABULARY_FILE)
    (directory / LENGTHS_FILE).write_bytes(ranking.field_lengths_to_bytes(lengths, SCORED_FIELDS))
    if progress is not None:
        progress(added, len(changed_passages))
    return Built(len(lengths[SCORED_FIELDS[0]]), time.perf_counter() - started, lengths, vocabulary)
