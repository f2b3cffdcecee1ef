"""One open index, several threads searching it at once: each gets the answers it would
get alone. Opened without mmap, every file of the index's segment reads through one
shared file position, so the index must serve one read at a time."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.search import SearchIndex

CONTENT = Path(__file__).parent / "fixtures" / "reader"  # frozen copy: see its README
# Words, phrases, prefixes, exclusions, filters and a misspelling: between them they read
# postings, stored fields (snippets), the vocabulary (prefixes, "did you mean") and the
# field lengths, each from a different place in the segment file.
QUERIES = [
    "defence budget", "DICSA", '"prime minister"', "hyperson*", "JSDF theme:counterstrike",
    "Japan", "China -Japan", "security", "supply chains", "alliance", "missile*", "Kishida",
    '"defence technology"', "technology cooperation", "semiconductor*", "Philippines",
    "Washington", "deterence", "economic", "region", "command and control", "intelligence",
]


def ask(index: SearchIndex, query: str) -> dict[str, Any]:
    as_you_type = query.endswith("*")
    return index.search(query.rstrip("*"), limit=50, as_you_type=as_you_type).to_dict()


@pytest.fixture
def fast_switching() -> Iterator[None]:
    """Threads take turns every microsecond instead of every 5 ms, so two searches' reads
    interleave many times over (the test is about that, not about timing)."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def test_threads_searching_one_index_get_the_answers_of_serial_searches(tmp_path: Path, fast_switching):
    library = load_library(CONTENT)
    with SearchIndex(library, CONTENT, tmp_path) as built:
        built.ensure()  # built and published: the threads below read it from its files
    with SearchIndex(library, CONTENT, tmp_path) as index:
        info = index.ensure()
        assert not info.built
        serial = {query: ask(index, query) for query in QUERIES}
        assert sum(len(answer["hits"]) for answer in serial.values()) > 100  # they read a lot
        threads = 4
        start = threading.Barrier(threads)
        answers: list[list[tuple[str, dict[str, Any]]]] = [[] for _ in range(threads)]

        def search(n: int) -> None:
            order = QUERIES[n:] + QUERIES[:n]  # each thread its own order: different reads at once
            start.wait()
            for _ in range(3):
                answers[n].extend((query, ask(index, query)) for query in order)

        workers = [threading.Thread(target=search, args=(n,)) for n in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert [len(got) for got in answers] == [3 * len(QUERIES)] * threads
        wrong = [query for got in answers for query, answer in got if answer != serial[query]]
        assert wrong == []
        assert index.info is info  # never reopened or rebuilt on a failure along the way
