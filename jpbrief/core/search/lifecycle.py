"""Getting an open, checked index: open the published one, or build, seal and publish one.

Opening takes no lock: the published directory for the fingerprint is opened when its
manifest, seal (see :mod:`.seal`) or checksums (see :mod:`.store`) hold; any damage
means "build again". Building takes the build lock (waiting up to a timeout, then
:class:`~.store.IndexBusy`), writes into a private directory, seals it, publishes it
atomically and removes what is stale. Where the index folder cannot be written, the
index is built in memory. No pickle in an index can run code (see :mod:`.safe_pickle`)
and the schema is never read from the index.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import scoring
from whoosh.filedb.filestore import FileStorage, RamStorage

from jpbrief.core.message import QT_TRANSLATE_NOOP, Message
from jpbrief.core.search import ranking, safe_pickle, seal, store
from jpbrief.core.search.indexer import LENGTHS_FILE, VOCABULARY_FILE, Built
from jpbrief.core.search.results import IndexInfo
from jpbrief.core.search.schema import SCORED_FIELDS, build_schema
from jpbrief.core.search.vocabulary import Vocabulary

log = logging.getLogger(__name__)
safe_pickle.install()  # Whoosh's pickle reading admits only what an index holds

Writer = Callable[[Any, Path | None], Built]
"""Writes the library into a Whoosh storage (and, given one, the directory beside it)."""
KeySource = Callable[[], bytes | None]
"""The key that seals indexes, loaded on first need; None when there is none."""


@dataclass
class OpenIndex:
    """An open index: Whoosh's searcher, and the vocabulary and postings kept beside it.

    ``storage`` (None for an index in memory) is what it was opened from: closing the
    index closes every file still open in it, whatever Whoosh closed or forgot.
    """

    index: Any
    searcher: Any
    vocabulary: Vocabulary
    postings: ranking.Postings
    info: IndexInfo
    storage: _ReadStorage | None = None

    def close(self) -> None:
        for name, part in (("searcher", self.searcher), ("index", self.index)):
            try:
                part.close()
            except Exception:  # closing a broken index must not fail
                log.debug("closing the %s failed", name, exc_info=True)
        if self.storage is not None:
            self.storage.close_files()


def ensure(
    root: Path,
    fp: str,
    write: Writer,
    *,
    rebuild: bool,
    lock_timeout: float,
    verify: bool,
    key: KeySource,
) -> OpenIndex:
    """The index of fingerprint ``fp`` in ``root``, built first if missing, stale or
    damaged (always, with ``rebuild``). ``verify`` checks every file's checksum on open
    when there is no key to check the seal with."""
    checked = None if rebuild else store.current_dir(root, fp)
    if checked is not None:
        opened = open_published(root, fp, deep=verify, key=key)
        if opened is not None:
            return opened
    if not store.writable_dir(root):
        log.warning("%s is not writable; building the search index in memory", root)
        return build_in_memory(fp, write)
    with store.BuildLock(root) as lock:
        lock.acquire(lock_timeout)
        # Built while we waited? Only a directory published since is worth a look: the
        # one found wanting above would fail again (and say so twice in the log).
        if not rebuild and store.current_dir(root, fp) not in (None, checked):
            opened = open_published(root, fp, deep=verify, key=key)
            if opened is not None:
                return opened
        store.collect_garbage(root, keep=None)  # what dead writers left
        temp = store.new_temp_dir(root)
        try:
            # No mmap here either: an update's writer opens the copied segment to mark
            # passages deleted, and mapped, Whoosh would copy its files into memory.
            built = write(FileStorage(str(temp), supports_mmap=False), temp)
            write_manifest(temp, fp, built, key())
            final = store.publish(root, temp, fp)
        except BaseException:
            store.remove_tree(temp)
            raise
        store.collect_garbage(root, keep=final)
    opened = open_dir(final, fp, deep=False, key=None, built=True)
    if opened is None:
        unopened = QT_TRANSLATE_NOOP("Search", "the index just built in {path} cannot be opened")
        raise RuntimeError(Message(unopened, path=final))
    return opened


def open_published(root: Path, fp: str, *, deep: bool, key: KeySource) -> OpenIndex | None:
    """The published index of ``fp``, or None when there is none or it fails a check."""
    directory = store.current_dir(root, fp)
    if directory is None:
        return None
    return open_dir(directory, fp, deep=deep, key=key(), built=False)


def open_dir(
    directory: Path, fp: str, *, deep: bool, key: bytes | None, built: bool
) -> OpenIndex | None:
    """Open ``directory`` if its manifest, seal (with a ``key``) or else checksums (all
    of them when ``deep``) hold, or None; ``built`` records that this process built it."""
    started = time.perf_counter()
    manifest = store.read_json(directory / store.MANIFEST)
    if manifest is None or manifest.get("fingerprint") != fp:
        log.info("index %s has no valid manifest; rebuilding", directory)
        return None
    if key is not None:
        problem = seal.check(directory, manifest, key)
        if problem:
            log.warning("index %s failed its seal check: %s; rebuilding", directory, problem)
            return None
    problem = store.verify(directory, manifest, deep=deep and key is None)
    if problem:
        log.warning("index %s is damaged (%s); rebuilding", directory, problem)
        return None
    # No mmap: with it Whoosh copies each file of the compound segment into a BytesIO
    # (filedb.structfile.BufferFile), the whole index in memory (170 MB for 1,000
    # articles); without it each file is read from the segment file as needed, so the
    # segment file stays open (OpenIndex.close closes it). Its files share one file
    # position: every read runs under SearchIndex's lock, one at a time.
    storage = _ReadStorage(str(directory), readonly=True, supports_mmap=False)
    try:
        safe_pickle.install()
        index = storage.open_index(schema=build_schema())
        searcher = index.searcher(weighting=scoring.BM25F())
        vocabulary = Vocabulary.load(directory / VOCABULARY_FILE)
        documents = searcher.doc_count_all()
        if documents != manifest.get("documents"):
            raise ValueError(f"{documents} documents, manifest says {manifest['documents']}")
        lengths = ranking.field_lengths_from_bytes(
            (directory / LENGTHS_FILE).read_bytes(), SCORED_FIELDS, documents
        )
        postings = ranking.Postings(searcher.reader(), lengths)
        if documents:
            searcher.stored_fields(0)  # opens the stored-fields file now, not on a query
    except Exception as error:  # any damage means "rebuild"
        storage.close_files()
        log.warning("index %s cannot be opened (%r); rebuilding", directory, error)
        return None
    build_seconds = manifest.get("build_seconds")
    info = IndexInfo(
        path=directory,
        documents=documents,
        fingerprint=fp,
        built=built,
        build_seconds=float(build_seconds) if build_seconds is not None else None,
        open_seconds=time.perf_counter() - started,
    )
    return OpenIndex(index, searcher, vocabulary, postings, info, storage)


class PrivateRamStorage(RamStorage):
    """A RamStorage whose writer's scratch files go in a private, fresh temporary folder.

    Whoosh's own ``RamStorage.temp_storage`` uses ``<tmp>/MAIN.tmp``: a fixed name in the
    shared temp folder, so two processes building at once delete each other's files, and
    another user could plant the pickled runs Whoosh reads back from it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.scratch: list[str] = []

    def temp_storage(self, name: str | None = None) -> FileStorage:
        folder = tempfile.mkdtemp(prefix="jpbrief-index-")  # mode 0700, unpredictable
        self.scratch.append(folder)
        return FileStorage(folder).create()

    def remove_scratch(self) -> None:
        for folder in self.scratch:
            shutil.rmtree(folder, ignore_errors=True)
        self.scratch.clear()


def build_in_memory(fp: str, write: Writer) -> OpenIndex:
    """An index built into memory, for when the index folder cannot be written."""
    started = time.perf_counter()
    storage = PrivateRamStorage()
    try:
        built = write(storage, None)
    finally:
        storage.remove_scratch()
    index = storage.open_index(schema=build_schema())
    searcher = index.searcher(weighting=scoring.BM25F())
    info = IndexInfo(
        path=None,
        documents=built.documents,
        fingerprint=fp,
        built=True,
        build_seconds=built.seconds,
        open_seconds=time.perf_counter() - started - built.seconds,
        in_memory=True,
    )
    postings = ranking.Postings(searcher.reader(), built.lengths)
    return OpenIndex(index, searcher, built.vocabulary, postings, info)


def write_manifest(directory: Path, fp: str, built: Built, key: bytes | None) -> None:
    """The manifest: fingerprint, document count, every file's checksum, and the seal."""
    manifest: dict[str, Any] = {
        "fingerprint": fp,
        "documents": built.documents,
        "build_seconds": round(built.seconds, 3),
        "built_at": time.time(),
        "pid": os.getpid(),
        "files": store.file_checksums(directory),
    }
    if key is not None:
        manifest[seal.SEAL] = seal.sign(directory, manifest, key)
    store.write_json_atomic(directory / store.MANIFEST, manifest, durable=False)


class _ReadStorage(FileStorage):
    """A FileStorage that keeps every file it opens, to close those still open when the
    index is closed or opening it failed: Whoosh leaves the TOC open when reading it
    raises, and a segment file open when closing its reader raises part way."""

    def __init__(self, path: str, **options: Any) -> None:
        super().__init__(path, **options)
        self.opened: list[Any] = []

    def open_file(self, name: str, *args: Any, **kwargs: Any) -> Any:
        handle = super().open_file(name, *args, **kwargs)
        self.opened = [f for f in self.opened if not f.is_closed]  # Whoosh closed these
        self.opened.append(handle)
        return handle

    def close_files(self) -> None:
        handles, self.opened = self.opened, []
        for handle in handles:
            if handle.is_closed:
                continue
            try:
                handle.close()
            except Exception:  # broken: nothing more to do
                log.debug("closing %r failed", handle, exc_info=True)
