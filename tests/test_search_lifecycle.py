"""The index is a cache: fresh, atomic, self-repairing, never blocking a reader."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.model import Library
from jpbrief.core.search import IndexBusy, SearchIndex, default_index_root, fingerprint, store
from jpbrief.core.search.indexer import LENGTHS_FILE, VOCABULARY_FILE
from jpbrief.core.search.retrieval import Retriever
from jpbrief.core.search.store import BuildLock

REPO = Path(__file__).parent.parent
CONTENT = REPO / "tests" / "fixtures" / "reader"  # frozen copy: see its README
QUERIES = ["defence budget", "DICSA", '"prime minister"', "hyperson*", "JSDF theme:counterstrike"]


def answers(index: SearchIndex) -> list[dict[str, Any]]:
    return [index.search(query).to_dict() for query in QUERIES]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(CONTENT)


@pytest.fixture(scope="module")
def clean_answers(library: Library, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    with SearchIndex(library, CONTENT, tmp_path_factory.mktemp("clean")) as index:
        return answers(index)


def published(root: Path) -> Path:
    [pointer] = root.glob("ix-*.current")
    return root / json.loads(pointer.read_text())["dir"]


def segment_files(directory: Path) -> list[Path]:
    """Whoosh's own files, biggest first (not our manifest, vocabulary or lengths)."""
    ours = {store.MANIFEST, VOCABULARY_FILE, LENGTHS_FILE}
    files = [p for p in directory.iterdir() if p.name not in ours and p.stat().st_size > 0]
    return sorted(files, key=lambda p: p.stat().st_size, reverse=True)


# --- location and freshness ---------------------------------------------------------


def test_index_lives_in_the_cache_dir_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("JPBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    assert default_index_root() == tmp_path / "cache" / "search-index"


def test_built_once_then_opened(library: Library, tmp_path: Path, clean_answers):
    with SearchIndex(library, CONTENT, tmp_path) as first:
        info = first.ensure()
        assert info.built and info.documents == library.passage_count
        assert info.path is not None and info.path.parent == tmp_path
    with SearchIndex(library, CONTENT, tmp_path) as second:
        reopened = second.ensure()
        assert not reopened.built and reopened.path == info.path
        assert answers(second) == clean_answers


def test_changed_content_is_stale_and_rebuilds(content_copy: Path, tmp_path: Path):
    root = tmp_path / "ix"
    with SearchIndex(load_library(content_copy), content_copy, root) as index:
        assert index.ensure().built
        assert index.search("zeppelin").total == 0
    article = next((content_copy / "articles").glob("*.md"))
    article.write_text(
        article.read_text(encoding="utf-8") + "\nA zeppelin appeared.\n{: #zeppelin}\n",
        encoding="utf-8",
    )
    with SearchIndex(load_library(content_copy), content_copy, root) as index:
        assert index.ensure().built
        assert [hit.anchor for hit in index.search("zeppelin").hits] == ["zeppelin"]


def test_hidden_editor_files_do_not_make_the_index_stale(content_copy: Path, tmp_path: Path):
    library = load_library(content_copy)
    before = SearchIndex(library, content_copy, tmp_path).fingerprint()
    (content_copy / "articles" / ".alpha.md.swp").write_bytes(b"\x00swap")
    assert SearchIndex(library, content_copy, tmp_path).fingerprint() == before


def test_app_version_is_part_of_the_fingerprint(library, tmp_path, monkeypatch):
    with SearchIndex(library, CONTENT, tmp_path) as index:
        assert index.ensure().built
    monkeypatch.setattr(fingerprint, "app_version", lambda: "999.0")
    with SearchIndex(library, CONTENT, tmp_path) as index:
        assert index.ensure().built


def test_libraries_without_a_folder_are_fingerprinted_by_content(library: Library, tmp_path):
    assert SearchIndex(library, None, tmp_path).fingerprint() == (
        SearchIndex(load_library(CONTENT), None, tmp_path).fingerprint()
    )
    assert SearchIndex(Library(), None, tmp_path).fingerprint() != (
        SearchIndex(library, None, tmp_path).fingerprint()
    )


# --- damage -----------------------------------------------------------------------


def _truncate(directory: Path) -> None:
    victim = segment_files(directory)[0]
    victim.write_bytes(victim.read_bytes()[: victim.stat().st_size // 2])


def _corrupt(directory: Path) -> None:
    victim = segment_files(directory)[0]
    data = bytearray(victim.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes((b ^ 0x5A) for b in data[middle : middle + 64])
    victim.write_bytes(bytes(data))


def _garbage_toc(directory: Path) -> None:
    [toc] = directory.glob("*.toc")
    toc.write_bytes(b"\x80\x04garbage" * 10)


DAMAGE = {
    "truncate a segment file": _truncate,
    "corrupt a segment file": _corrupt,
    "delete a segment file": lambda d: segment_files(d)[0].unlink(),
    "replace the table of contents": _garbage_toc,
    "empty every file": lambda d: [p.write_bytes(b"") for p in d.iterdir()],
    "delete the vocabulary": lambda d: (d / VOCABULARY_FILE).unlink(),
    "truncate the field lengths": lambda d: (d / LENGTHS_FILE).write_bytes(b"\x01\x02"),
    "corrupt the manifest": lambda d: (d / store.MANIFEST).write_text("{not json"),
    "delete the index folder": lambda d: store.remove_tree(d),
    "delete the pointer": lambda d: next(d.parent.glob("ix-*.current")).unlink(),
    "point at a missing folder": lambda d: next(d.parent.glob("ix-*.current")).write_text(
        json.dumps({"fingerprint": "x", "dir": "ix-gone"})
    ),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_damaged_index_is_rebuilt_and_answers_like_a_clean_one(
    damage: str, library: Library, tmp_path: Path, clean_answers
):
    with SearchIndex(library, CONTENT, tmp_path) as index:
        index.ensure()
    DAMAGE[damage](published(tmp_path))
    with SearchIndex(library, CONTENT, tmp_path) as index:
        assert answers(index) == clean_answers
        assert index.info is not None and index.info.built
    assert not list(tmp_path.glob("tmp-*"))


def test_a_failure_while_searching_reopens_and_retries(
    library, tmp_path, monkeypatch, clean_answers
):
    with SearchIndex(library, CONTENT, tmp_path) as index:
        index.ensure()
        real_rank = Retriever.rank
        calls = {"n": 0}

        def flaky(self: Retriever, plan: Any, limit: int) -> Any:
            calls["n"] += 1
            if calls["n"] == 1:
                raise OSError("simulated read error")
            return real_rank(self, plan, limit)

        monkeypatch.setattr(Retriever, "rank", flaky)
        assert index.search(QUERIES[0]).to_dict() == clean_answers[0]


def test_an_index_replaced_under_an_open_reader_keeps_serving_it(library, tmp_path, clean_answers):
    with SearchIndex(library, CONTENT, tmp_path) as reader:
        reader.ensure()
        with SearchIndex(library, CONTENT, tmp_path) as writer:
            writer.ensure(rebuild=True)  # publishes a new folder, removes the old one
        assert answers(reader) == clean_answers
    assert len(list(tmp_path.glob("ix-*-*"))) == 1


# --- writers that die, writers that are busy ---------------------------------------

WRITER = """
import sys
from pathlib import Path
from jpbrief.core.content import load_library
from jpbrief.core.search import SearchIndex

def stall(done, total):
    print("building", flush=True)
    sys.stdin.readline()  # wait here until killed

content = Path(sys.argv[1])
SearchIndex(load_library(content), content, Path(sys.argv[2]), progress=stall).ensure()
"""


def start_writer(root: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(CONTENT), str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_writer_killed_mid_build_leaves_nothing_that_blocks_or_misleads(
    library: Library, tmp_path: Path, clean_answers
):
    with start_writer(tmp_path) as writer:
        assert writer.stdout is not None and writer.stdout.readline() == "building\n"
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    # the dead writer left a half-built temp folder and its pid in the lock file
    assert list(tmp_path.glob("tmp-*"))
    assert BuildLock(tmp_path).holder() == writer.pid
    assert not list(tmp_path.glob("ix-*.current"))
    with SearchIndex(library, CONTENT, tmp_path, lock_timeout=0) as index:
        assert answers(index) == clean_answers
        assert index.info is not None and index.info.built
    assert not list(tmp_path.glob("tmp-*"))


def test_second_writer_waits_then_reports_busy(library: Library, tmp_path: Path):
    with BuildLock(tmp_path) as held:
        held.acquire(timeout=0)
        with SearchIndex(library, CONTENT, tmp_path, lock_timeout=0.1) as index:
            with pytest.raises(IndexBusy, match=f"busy.*pid {os.getpid()}"):
                index.ensure()
            result = index.search("defence")
            assert result.busy and result.hits == [] and "busy" in (result.message or "")
    with SearchIndex(library, CONTENT, tmp_path) as index:
        assert index.ensure().built  # the lock is free again


def test_opening_never_waits_for_a_writer(library: Library, tmp_path: Path, clean_answers):
    with SearchIndex(library, CONTENT, tmp_path) as index:
        index.ensure()
    with BuildLock(tmp_path) as held:
        held.acquire(timeout=0)
        with SearchIndex(library, CONTENT, tmp_path, lock_timeout=0) as index:
            assert answers(index) == clean_answers


HOLDER = """
import sys
from pathlib import Path
from jpbrief.core.search.store import BuildLock

lock = BuildLock(Path(sys.argv[1]))
lock.acquire(0)
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_live_writer_in_another_process_makes_us_busy_until_it_goes(library, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(IndexBusy):
            SearchIndex(library, CONTENT, tmp_path, lock_timeout=0).ensure()
        holder.kill()  # a lock dies with its process
        holder.wait(timeout=30)
    with SearchIndex(library, CONTENT, tmp_path, lock_timeout=0) as index:
        assert index.ensure().built


def test_pid_file_lock_is_taken_over_from_a_dead_writer(tmp_path: Path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=30)
    (tmp_path / store.LOCK_NAME).write_text(f"{dead.pid}\n")
    lock = BuildLock(tmp_path)
    lock._pidfile_mode = True  # as on a file system without OS locks
    assert lock.try_acquire()
    lock.release()
    (tmp_path / store.LOCK_NAME).write_text(f"{os.getpid()}\n")  # a live holder
    other = BuildLock(tmp_path)
    other._pidfile_mode = True
    assert not other.try_acquire()


# --- read-only places ----------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def test_read_only_content_folder_is_never_written(content_copy: Path, tmp_path: Path):
    for path in [content_copy, *content_copy.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    before = snapshot(content_copy)
    try:
        with SearchIndex(load_library(content_copy), content_copy, tmp_path / "ix") as index:
            assert index.ensure().built
            assert index.search("defence").hits
        assert snapshot(content_copy) == before
    finally:
        for path in [content_copy, *content_copy.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_unwritable_cache_falls_back_to_memory(library: Library, tmp_path: Path, clean_answers):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with SearchIndex(library, CONTENT, blocker / "search-index") as index:
        info = index.ensure()
        assert info.in_memory and info.path is None
        assert answers(index) == clean_answers


def test_existing_index_in_a_read_only_cache_opens_without_writing(
    library: Library, tmp_path: Path, monkeypatch, clean_answers
):
    with SearchIndex(library, CONTENT, tmp_path) as index:
        index.ensure()
    before = snapshot(tmp_path)
    monkeypatch.setattr(store, "writable_dir", lambda root: False)
    with SearchIndex(library, CONTENT, tmp_path) as index:
        assert not index.ensure().built
        assert answers(index) == clean_answers
    assert snapshot(tmp_path) == before


def test_an_in_memory_build_keeps_its_scratch_files_private(
    library: Library, tmp_path: Path, monkeypatch, clean_answers
):
    """Whoosh's RamStorage writes its scratch runs to ``<tmp>/MAIN.tmp``: a fixed name in the
    shared temp folder (two builds at once delete each other's files; another user could
    plant what Whoosh reads back). The in-memory build uses a fresh private folder instead."""
    import tempfile

    shared_tmp = tmp_path / "shared-tmp"
    shared_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    (shared_tmp / "MAIN.tmp").write_text("planted: a file where Whoosh wants its folder")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with SearchIndex(library, CONTENT, blocker / "search-index") as index:
        assert index.ensure().in_memory
        assert answers(index) == clean_answers
    assert (shared_tmp / "MAIN.tmp").read_text().startswith("planted")
    assert [p.name for p in shared_tmp.iterdir()] == ["MAIN.tmp"]  # nothing left behind


def test_an_opened_index_reads_its_segments_from_the_files_not_a_copy_in_memory(
    library: Library, tmp_path: Path, clean_answers
) -> None:
    """Opened with mmap, Whoosh copies every file of a compound segment into a BytesIO: the
    whole index in memory (170 MB for 1,000 articles, benchmarks/index_memory_bench.py).
    Opened without, each file is read from the segment file as needed, same answers."""
    from whoosh.filedb.compound import CompoundStorage

    with SearchIndex(library, CONTENT, tmp_path) as first:
        first.ensure()  # built and published
    with SearchIndex(library, CONTENT, tmp_path) as index:
        assert not index.ensure().built
        assert answers(index) == clean_answers
        assert index._open is not None
        overlays = [reader._storage for reader, _offset in index._open.searcher.reader().leaf_readers()]
        storages = [overlay.a for overlay in overlays]  # the segment's files over the folder's
        assert storages and all(isinstance(s, CompoundStorage) for s in storages)
        assert [s._source for s in storages] == [None] * len(storages)  # no memory map, no copies
        segment_files = [s._file for s in storages]
        assert not any(f.is_closed for f in segment_files)  # read from as needed
    assert all(f.is_closed for f in segment_files)  # closed with the index


def test_closing_an_index_closes_its_segment_files_even_when_whoosh_fails_to(
    library: Library, tmp_path: Path
) -> None:
    """Without mmap the segment file is open as long as the index is; should Whoosh's own
    closing fail part way, the index still closes every file it opened."""
    with SearchIndex(library, CONTENT, tmp_path) as first:
        first.ensure()  # built and published
    with SearchIndex(library, CONTENT, tmp_path) as index:
        assert not index.ensure().built
        assert index._open is not None
        searcher = index._open.searcher
        [(reader, _offset)] = searcher.reader().leaf_readers()
        segment_file = reader._storage.a._file

        def broken_close() -> None:
            raise OSError("simulated failure while closing")

        searcher.close = broken_close
    assert segment_file.is_closed
