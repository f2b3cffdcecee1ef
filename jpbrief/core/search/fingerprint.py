"""Whether an index is still fresh: a hash of the content and of every version shaping it.

An index is published under its fingerprint (see :mod:`.store`), so changing the content,
the app, Whoosh, Python or the schema makes :class:`~.engine.SearchIndex` build a new one.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path
from typing import Any

from jpbrief.core import content_files
from jpbrief.core.deferred import digest as digest_of
from jpbrief.core.model import Library
from jpbrief.core.search.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)


def app_version() -> str:
    try:
        from jpbrief import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover - only in odd installs
        from importlib import metadata

        try:
            return metadata.version("jpbrief")
        except metadata.PackageNotFoundError:
            return "0"


def whoosh_version() -> str:
    import whoosh

    return str(whoosh.versionstring())


def python_version() -> str:
    major, minor, micro = sys.version_info[:3]
    return f"{sys.implementation.name}-{major}.{minor}.{micro}"


def fingerprint(library: Library, content_dir: Path | None) -> str:
    """Hash of the content plus the app, Whoosh, Python and schema versions.

    With a content folder, exactly the files the loader reads are hashed (see
    :mod:`jpbrief.core.content_files`): each one's path, link target, size and mtime,
    and the bytes the loader reads of it (at most its cap), so an edit that keeps size
    and mtime still counts; nothing else in the folder is opened. Without one (tests,
    in-memory libraries) the loaded library itself is hashed.
    """
    digest = hashlib.sha256()
    for part in (SCHEMA_VERSION, app_version(), whoosh_version(), python_version()):
        digest.update(part.encode("utf-8") + b"\0")
    if content_dir is not None and content_dir.is_dir():
        try:
            listing = content_files.list_content(content_dir)
            for line in content_files.stat_lines(listing):
                digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
            for path in listing.files():
                data = content_files.read_capped(path)
                digest.update(b"-\0" if data is None else f"{len(data)}\0".encode() + data)
            _hash_packs(digest, library, content_dir)
            _hash_passages(digest, library)
            return digest.hexdigest()
        except OSError as error:
            log.warning("hashing %s failed (%s); hashing the loaded library", content_dir, error)
    library_state = (
        [digest_of(article) for article in library.articles],
        sorted(library.sources.items()),
        sorted(library.themes.items()),
        library.glossary,
    )
    digest.update(repr(library_state).encode("utf-8"))
    return digest.hexdigest()


def _hash_packs(digest: Any, library: Library, content_dir: Path) -> None:
    """Content packs live outside the content folder: hash what their articles add to the
    library (articles from elsewhere, and the merged sources, themes and glossary), so
    that installing, updating or removing a pack changes the fingerprint."""
    root = content_dir.resolve()
    added = tuple(
        article for article in library.articles
        if article.pack or (article.path and root not in Path(article.path).resolve().parents)
    )
    if added:
        digest.update(repr(([digest_of(article) for article in added], sorted(library.sources.items()),
                            sorted(library.themes.items()), library.glossary)).encode("utf-8"))


def _hash_passages(digest: Any, library: Library) -> None:
    """What is indexed of the loaded library, beside the files: a file saved after the
    library was read (a trainer's edit with the reader open) then changes the files' hash
    but not the library, and without this the index of the older library would be
    published under the new files' fingerprint and served for them after the reload.

    Each article's :func:`~jpbrief.core.deferred.digest`: read from the start-up cache's
    header, it is taken without decoding the article's passages."""
    for article in library.articles:
        digest.update(digest_of(article).encode("ascii") + b"\n")
