"""A FIFO put in place of a search index file: the index is rebuilt, nothing waits for a
writer (opening a FIFO to read blocks until one comes: search and the reader hung for good)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from test_search_lifecycle import CONTENT, answers, published, segment_files

from jpbrief.core.content import load_library
from jpbrief.core.search import SearchIndex, store
from jpbrief.core.search.indexer import VOCABULARY_FILE

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")

VICTIMS = {
    "a segment file": lambda d: segment_files(d)[0],
    "the table of contents": lambda d: next(d.glob("*.toc")),
    "the vocabulary": lambda d: d / VOCABULARY_FILE,
    "the manifest": lambda d: d / store.MANIFEST,
    "the pointer": lambda d: next(d.parent.glob("ix-*.current")),
}


@pytest.mark.parametrize("victim", VICTIMS, ids=list(VICTIMS))
def test_a_fifo_in_the_index_is_rebuilt_around_not_waited_on(victim: str, tmp_path: Path):
    library = load_library(CONTENT)
    keys = tmp_path / "data"  # sealed, as the reader's and the command line's index is
    with SearchIndex(library, CONTENT, tmp_path / "index", key_dir=keys) as index:
        clean = answers(index)
    fifo = VICTIMS[victim](published(tmp_path / "index"))
    fifo.unlink()
    os.mkfifo(fifo)
    found: list[object] = []

    def search() -> None:
        with SearchIndex(library, CONTENT, tmp_path / "index", key_dir=keys) as index:
            found.append(answers(index))

    worker = threading.Thread(target=search, daemon=True)
    worker.start()
    worker.join(timeout=60)
    if worker.is_alive():  # blocked opening the FIFO: give it a writer so the thread ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=60)
        pytest.fail(f"searching waited on a FIFO in place of {victim}")
    assert found == [clean]
