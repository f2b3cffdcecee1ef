"""Re-index only the articles a content pack brought, changed or took away.

:func:`update` is a :data:`~.lifecycle.Writer` like :func:`.indexer.build`, so the result
is sealed, published under the new library's fingerprint and opened exactly as a full
build is. Into the private folder it is given, it copies the open index's files, deletes
the changed articles' passages, adds their new ones, and lets Whoosh merge everything into
one segment without deleted documents (what :mod:`.ranking` assumes: document numbers
index the field lengths, and every number is a live passage). Only the changed passages
are analysed again; the others' exact field lengths are carried over by passage id.

The vocabulary's document frequencies are adjusted by the removed and added passages, so
"did you mean" and prefix expansion see the same words as after a full build; a word
whose every passage left is dropped unless the glossary knows it. The printed form shown
for a word that existed before stays the one chosen then (a full build may pick another
capitalisation when the new passages print it differently more often), and passages of
equal score may come in another order (the re-indexed ones now come last).
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
from jpbrief.core.search.indexer import LENGTHS_FILE, VOCABULARY_FILE, Built, Progress
from jpbrief.core.search.lifecycle import OpenIndex
from jpbrief.core.search.schema import SCORED_FIELDS, PassageDocument, build_schema, passage_document
from jpbrief.core.search.vocabulary import Vocabulary


def _passage_keys(document_analysed: dict[str, Any]) -> set[str]:
    return {tok.key for tokens in document_analysed.values() for tok in tokens}


def _copy_index_files(source: Path, target: Path) -> None:
    for path in source.iterdir():
        if path.is_file() and path.name != store.MANIFEST:
            shutil.copy2(path, target / path.name)


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
) -> Built:
    """Write into ``storage`` (folder ``directory``) the index of ``new``, from ``opened``
    (the index of ``old``) by re-indexing the articles whose ids are in ``changed``."""
    if directory is None or opened.info.path is None:
        raise ValueError("an incremental update needs the open index's folder and a new one")
    started = time.perf_counter()
    changed = set(changed)
    # Field lengths of every passage kept, by passage id (the stored ``docid``).
    lengths_by_id: dict[str, tuple[int, ...]] = {}
    old_lengths = opened.postings.lengths
    for docnum, fields in enumerate(opened.searcher.reader().all_stored_fields()):
        if fields.get("article") not in changed:
            lengths_by_id[fields["docid"]] = tuple(old_lengths[name][docnum] for name in SCORED_FIELDS)
    df: dict[str, list[Any]] = {key: list(entry) for key, entry in opened.vocabulary.entries.items()}
    for article in old.articles:
        if article.id in changed:
            for passage in article.passages:
                for key in _passage_keys(passage_document(article, passage, old.sources).analysed):
                    if key in df:
                        df[key][2] = int(df[key][2]) - 1

    _copy_index_files(opened.info.path, directory)

    def record(document: PassageDocument) -> None:
        analysed = document.analysed
        lengths_by_id[document.fields["docid"]] = tuple(len(analysed[name]) for name in SCORED_FIELDS)
        seen: set[str] = set()
        for tok in (tok for tokens in analysed.values() for tok in tokens if tok.key not in seen):
            seen.add(tok.key)
            entry = df.setdefault(tok.key, [tok.term, tok.surface, 0])
            entry[2] = int(entry[2]) + 1

    changed_passages = [(a, p) for a in new.articles if a.id in changed for p in a.passages]
    added = indexer.add_passages(storage.open_index(schema=build_schema()), changed_passages, new.sources,
                                 record, progress, len(changed_passages), delete_articles=sorted(changed))

    known = {tok.key: tok for phrase in known_phrases for tok in analyse(phrase)}
    entries = {
        key: (str(e[0]), str(e[1]), int(e[2])) for key, e in df.items() if int(e[2]) > 0 or key in known
    }
    for key, tok in known.items():
        entries.setdefault(key, (tok.term, tok.surface, 0))
    vocabulary = Vocabulary(entries)

    reopened = storage.open_index(schema=build_schema())
    try:
        with reopened.searcher() as searcher:
            order = [fields["docid"] for fields in searcher.reader().all_stored_fields()]
    finally:
        reopened.close()
    lengths: dict[str, array[int]] = {name: array("I") for name in SCORED_FIELDS}
    for docid in order:
        for name, value in zip(SCORED_FIELDS, lengths_by_id[docid], strict=True):
            lengths[name].append(value)
    vocabulary.save(directory / VOCABULARY_FILE)
    (directory / LENGTHS_FILE).write_bytes(ranking.field_lengths_to_bytes(lengths, SCORED_FIELDS))
    if progress is not None:
        progress(added, len(changed_passages))
    return Built(len(order), time.perf_counter() - started, lengths, vocabulary)
