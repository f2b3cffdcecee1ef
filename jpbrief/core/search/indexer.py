"""Writes a library's passages into a new index, with its vocabulary and field lengths."""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh.codec.whoosh3 import W3Codec

from jpbrief.core.model import Library
from jpbrief.core.search import ranking
from jpbrief.core.search.analysis import analyse
from jpbrief.core.search.schema import SCORED_FIELDS, build_schema, passage_document
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


def build(
    storage: Any,
    directory: Path | None,
    library: Library,
    known_phrases: Iterable[str],
    progress: Progress | None = None,
) -> Built:
    """Index every passage of ``library`` into the Whoosh ``storage``.

    ``known_phrases`` (the glossary's) count as known words for "did you mean" even
    where no passage holds them. With a ``directory`` the vocabulary and field lengths
    are saved in it beside the Whoosh files (an in-memory index keeps them in memory).
    """
    started = time.perf_counter()
    schema = build_schema()
    tokenizer = schema["text"].analyzer  # the one PassageTokenizer of every text field
    index = storage.create_index(schema)
    # Uncompressed posting blocks: most hold a word pair found in one or two passages,
    # where zlib costs more time than it saves bytes. No length statistics: no field is
    # Whoosh-scorable, yet Whoosh would look for a lengths file for every posting.
    codec = W3Codec(compression=0)
    codec.length_stats = False
    writer = index.writer(limitmb=256, codec=codec)
    vocabulary = VocabularyBuilder()
    for phrase in known_phrases:
        vocabulary.add_known(analyse(phrase))
    total = library.passage_count
    documents = 0
    lengths: dict[str, array[int]] = {name: array("I") for name in SCORED_FIELDS}
    try:
        for article, passage in library.iter_passages():
            document = passage_document(article, passage, library.sources)
            vocabulary.add_passage(tok for tokens in document.analysed.values() for tok in tokens)
            for name in SCORED_FIELDS:
                lengths[name].append(len(document.analysed[name]))
            tokenizer.prepared = {document.fields[name]: document.analysed[name]
                                  for name in SCORED_FIELDS}
            writer.add_document(**document.fields)
            documents += 1
            if progress is not None and (documents % 200 == 0 or documents == 1):
                progress(documents, total)
        tokenizer.prepared = {}  # before the commit pickles the schema into the index
        writer.commit(optimize=True)
    except BaseException:
        writer.cancel()
        raise
    finally:
        tokenizer.prepared = {}
        index.close()
    built = vocabulary.build()
    if directory is not None:
        built.save(directory / VOCABULARY_FILE)
        (directory / LENGTHS_FILE).write_bytes(ranking.field_lengths_to_bytes(lengths, SCORED_FIELDS))
    if progress is not None:
        progress(documents, total)
    return Built(documents, time.perf_counter() - started, lengths, built)
