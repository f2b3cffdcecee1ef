"""A build or update asked to stop (the reader quitting) gives up promptly: nothing is
published, the lock is let go, and the next start builds as if nothing had happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.search import SearchIndex, postings
from jpbrief.core.search.indexer import BuildStopped

CONTENT = Path(__file__).resolve().parent / "fixtures" / "reader"


def _left_in(root: Path) -> list[str]:
    return sorted(path.name for path in root.iterdir() if not path.name.endswith(".lock"))


def test_a_build_stopped_between_passages_publishes_nothing_and_the_next_one_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jpbrief.core.search import indexer

    library = load_library(CONTENT)
    index = SearchIndex(library, CONTENT, tmp_path)
    index.progress = lambda _done, _total: index.stop()  # asked after the first passage
    analysed: list[str] = []
    document = indexer.passage_document
    monkeypatch.setattr(indexer, "passage_document", lambda a, p, s: analysed.append(p.anchor) or document(a, p, s))
    with pytest.raises(BuildStopped):
        index.ensure()
    assert len(analysed) == 1 < library.passage_count  # stopped at the next passage
    assert _left_in(tmp_path) == []  # no index, no half-written folder
    monkeypatch.undo()
    with pytest.raises(BuildStopped):  # and any later build: the reader is quitting
        index.ensure()
    with SearchIndex(library, CONTENT, tmp_path, lock_timeout=1.0) as again:  # the lock was let go
        assert again.ensure().built
        assert again.search("counterstrike").hits


def test_a_build_stopped_during_its_commit_publishes_nothing(tmp_path: Path, monkeypatch) -> None:
    library = load_library(CONTENT)
    index = SearchIndex(library, CONTENT, tmp_path)
    written: list[str] = []
    write_field = postings._write_field

    def write_then_stop(fieldwriter, name, *args):  # the first field written, then the quit
        written.append(name)
        write_field(fieldwriter, name, *args)
        index.stop()

    monkeypatch.setattr(postings, "_write_field", write_then_stop)
    with pytest.raises(BuildStopped):
        index.ensure()
    assert len(written) == 1 and _left_in(tmp_path) == []
