"""Writes a library's passages into a new index, with its vocabulary and field lengths."""

from __future__ import annotations

import gc
import time
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh.codec.whoosh3 import W3Codec

from jpbrief.core.model import Article, Library, Passage, Source
from jpbrief.core.search import ranking
from jpbrief.core.search.analysis import analyse
from jpbrief.core.search.postings import BuildStopped as BuildStopped  # the build's, defined below it
from jpbrief.core.search.postings import PassageWriter, Stop, check
from jpbrief.core.search.schema import SCORED_FIELDS, PassageDocument, build_schema, passage_document
from jpbrief.core.search.vocabulary import Vocabulary, VocabularyBuilder

VOCABULARY_FILE = "vocabulary.json"
LENGTHS_FILE = "lengths.bin"

Progress = Callable[[int, int], None]
"""``progress(done, total)``, called every 200 passages and at the end."""


@dataclass(frozen=True)
class Built:
    """What a build wrote, besides the Whoosh files."""

    documents: int
    seconds: float
    lengths: dict[str, array[int]]
    vocabulary: Vocabulary


def passage_codec() -> W3Codec:
    """Whoosh's codec as the index uses it: uncompressed posting blocks (most hold a word
    pair found in one or two passages, where zlib costs more time than it saves bytes) and
    no length statistics (no field is Whoosh-scorable, yet Whoosh would look for a lengths
    file for every posting)."""
    codec = W3Codec(compression=0)
    codec.length_stats = False
    return codec


def add_passages(
    index: Any,
    passages: Iterable[tuple[Article, Passage]],
    sources: Mapping[str, Source],
    record: Callable[[PassageDocument], None],
    progress: Progress | None,
    total: int,
    *,
    delete_articles: Iterable[str] = (),
    stop: Stop | None = None,
) -> int:
    """Delete the passages of ``delete_articles`` from ``index``, add each passage's document
    (``record`` sees it first) as one new segment, commit and close; how many were added.
    A full build and a content pack's update both come here (see :mod:`.postings`)."""
    writer = PassageWriter(index, codec=passage_codec())
    writer.stop = stop
    documents = 0
    collecting = gc.isenabled()
    gc.disable()  # millions of tuples live until the commit: each full collection walked them all
    try:
        for article_id in delete_articles:
            writer.delete_by_term("article", article_id)
        for article, passage in passages:
            check(stop)
            document = passage_document(article, passage, sources)
            record(document)
            writer.add_passage(document.fields, document.terms)
            documents += 1
            if progress is not None and (documents % 200 == 0 or documents == 1):
                progress(documents, total)
        writer.commit(merge=False)  # nothing to merge in a new index; an update is a segment
    except BaseException:
        writer.cancel()
        raise
    finally:
        if collecting:
            gc.enable()
        index.close()
    return documents


def build(
    storage: Any,
    directory: Path | None,
    library: Library,
    known_phrases: Iterable[str],
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> Built:
    """Index every passage of ``library`` into the Whoosh ``storage``.

    ``known_phrases`` (the glossary's) count as known words for "did you mean" even
    where no passage holds them. With a ``directory`` the vocabulary and field lengths
    are saved in it beside the Whoosh files (an in-memory index keeps them in memory).
    """
    started = time.perf_counter()
    vocabulary = VocabularyBuilder()
    for phrase in known_phrases:
        vocabulary.add_known(analyse(phrase))
    lengths: dict[str, array[int]] = {name: array("I") for name in SCORED_FIELDS}

    def record(document: PassageDocument) -> None:
        vocabulary.add_passage(tok for tokens in document.analysed.values() for tok in tokens)
        for name in SCORED_FIELDS:
            lengths[name].append(len(document.analysed[name]))

    total = library.passage_count
    documents = add_passages(storage.create_index(build_schema()), library.iter_passages(),
                             library.sources, record, progress, total, stop=stop)
    check(stop)
    built = vocabulary.build()
    if directory is not None:
        built.save(directory / VOCABULARY_FILE)
        (directory / LENGTHS_FILE).write_bytes(ranking.field_lengths_to_bytes(lengths, SCORED_FIELDS))
    if progress is not None:
        progress(documents, total)
    return Built(documents, time.perf_counter() - started, lengths, built)
