"""The one list of files the content loader reads, and their stat key for fingerprints.

The loader (:mod:`jpbrief.core.content`), the start-up cache fingerprint
(:mod:`jpbrief.ui.services.library_cache`) and the search index fingerprint
(:mod:`jpbrief.core.search.fingerprint`) all take their files from :func:`list_content`, so
a fingerprint covers exactly what the loader reads and never touches anything else: no
folder is walked (a symlink loop cannot trap it) and a stray file of any size beside the
content is never opened.

Symbolic links are followed only while they stay inside the content folder (compared
after resolving both, so ``content/`` itself may be a link). A link whose target lies
outside, or that cannot be resolved (a loop), is listed in :attr:`Listing.refused` with
the reason, and the loader reports it instead of reading it.

This module imports only the standard library's ``os`` (and :mod:`jpbrief.core.message`, which
imports nothing heavier): it is on the reader's start-up path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jpbrief.core.message import QT_TRANSLATE_NOOP, Message

DATA_FILES = ("themes.yaml", "sources.yaml", "glossary.yaml", "events.yaml", "figures.yaml")
"""The YAML files the loader reads, directly in the content folder (the last two optional)."""

ARTICLE_DIR = "articles"
ARTICLE_SUFFIX = ".md"

MAX_FILE_BYTES = 1024 * 1024
"""A content file larger than this is reported, not parsed: no briefing is that long."""


@dataclass(frozen=True)
class Listing:
    """What the loader reads from a content folder, in reading order."""

    root: Path
    data_files: dict[str, Path] = field(default_factory=dict)
    """Each of :data:`DATA_FILES` that exists (or is a link to refuse), by name."""
    articles: tuple[Path, ...] = ()
    """``articles/*.md`` (sorted by name) that may be read."""
    refused: tuple[tuple[Path, str], ...] = ()
    """Links the loader must not follow, each with the reason, for a ``path:1`` problem."""
    article_dir_ok: bool = True
    """False when ``articles/`` is missing, not a folder, or a link out of the folder."""

    def files(self) -> tuple[Path, ...]:
        """Every file the loader may read (data files first, then the articles)."""
        return (*self.data_files.values(), *self.articles)


def _outside(root: str, path: Path) -> str | None:
    """Why ``path`` must not be followed, or None when it resolves inside ``root``."""
    if not path.is_symlink():
        return None
    try:
        target = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError) as error:
        if isinstance(error, RuntimeError) or getattr(error, "errno", None) == 40:
            return Message(QT_TRANSLATE_NOOP("Check", "a symbolic link loop; not read"))
        return Message(QT_TRANSLATE_NOOP("Check", "a dangling symbolic link; not read"))
    if target != root and os.path.commonpath([root, target]) != root:
        return Message(QT_TRANSLATE_NOOP(
            "Check", "a symbolic link to {target}, outside the content folder; not read"),
                       target=target)
    return None


def list_content(content_dir: Path) -> Listing:
    """The files the loader reads from ``content_dir``; no folder is walked."""
    content_dir = Path(content_dir)
    root = os.path.realpath(content_dir)
    refused: list[tuple[Path, str]] = []
    data_files: dict[str, Path] = {}
    for name in DATA_FILES:
        path = content_dir / name
        if not (path.exists() or path.is_symlink()):
            continue
        reason = _outside(root, path)
        if reason:
            refused.append((path, reason))
        else:
            data_files[name] = path
    article_dir = content_dir / ARTICLE_DIR
    reason = _outside(root, article_dir) if article_dir.is_symlink() else None
    if reason:
        refused.append((article_dir, reason))
    if reason or not article_dir.is_dir():
        return Listing(content_dir, data_files, (), tuple(refused), article_dir_ok=False)
    articles: list[Path] = []
    try:
        names = sorted(
            entry.name for entry in os.scandir(article_dir) if entry.name.endswith(ARTICLE_SUFFIX)
        )
    except OSError:
        names = []
    for name in names:
        path = article_dir / name
        reason = _outside(root, path)
        if reason:
            refused.append((path, reason))
        else:
            articles.append(path)
    return Listing(content_dir, data_files, tuple(articles), tuple(refused))


def stat_lines(listing: Listing) -> list[str]:
    """One line per listed or refused entry: relative path, link target, type, size, mtime (ns).

    ``os.stat`` follows a link (to a target already checked to be inside); a refused
    link contributes its own ``lstat`` and reason, so retargeting it changes the line.
    """
    lines = []
    for path in listing.files():
        lines.append(_stat_line(listing.root, path, ""))
    for path, reason in listing.refused:
        lines.append(_stat_line(listing.root, path, reason))
    return lines


def _stat_line(root: Path, path: Path, reason: str) -> str:
    relative = os.path.relpath(path, root)
    try:
        info = os.lstat(path) if reason else os.stat(path)
        target = os.readlink(path) if os.path.islink(path) else ""
    except OSError as error:
        return f"{relative}\0error {error.errno}"
    return f"{relative}\0{target}\0{reason}\0{info.st_mode:o}\0{info.st_size}\0{info.st_mtime_ns}"


def read_capped(path: Path) -> bytes | None:
    """A regular file's first ``MAX_FILE_BYTES + 1`` bytes (so over-size shows), or None
    if it is not a regular file (a folder, a device, a FIFO: never opened). Raises OSError."""
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)
