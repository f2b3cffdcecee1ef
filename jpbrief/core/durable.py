"""Replacing a file so a crash leaves the old content or the new: temp, fsync, rename, fsync folder.

Every file jpbrief rewrites in place (the notes journal and exports, the search index's
pointers, the start-up cache) goes through :func:`atomic_writer` or its two shorthands.
The temporary file sits next to the target (a rename is atomic only within one file
system) and is named ``.<name>.<pid>.<random>.tmp``, hidden and recognisable, so a folder
cleaner can tell a writer's leftover from real data. ``durable=False`` skips both fsyncs:
for caches, where losing the new content to a power cut only costs a rebuild. This module
imports nothing beyond ``os``, ``errno``, ``stat`` and ``contextlib``: the start-up cache counts
its imports. :func:`open_regular` opens a file for reading without waiting on a FIFO put
in its place.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in the folder ``path`` durable (a no-op where folders
    cannot be opened, as on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a file another writer (SQLite's backup, ``shutil.copyfile``) has closed."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(finished: Path, target: Path) -> None:
    """Rename the complete file ``finished`` over ``target`` durably: its bytes are on disk
    before the rename, and the rename is on disk before this returns."""
    fsync_file(finished)
    os.replace(finished, target)
    fsync_dir(target.parent)


def temp_path(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (``.<name>.<pid>.<random>.tmp``)."""
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


@contextmanager
def atomic_writer(target: Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """A binary file to write; when the block ends it replaces ``target`` whole.

    If the block raises, ``target`` is untouched and the temporary file removed.
    """
    temp = temp_path(target)
    try:
        with open(temp, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(target.parent)


def atomic_write_bytes(target: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``target`` with ``data``, atomically (and durably unless told not to)."""
    with atomic_writer(target, durable=durable) as handle:
        handle.write(data)


def atomic_write_text(target: Path, text: str, *, durable: bool = True) -> None:
    """Replace ``target`` with ``text`` as UTF-8, line ends written as given."""
    atomic_write_bytes(target, text.encode("utf-8"), durable=durable)


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading, refused (OSError) unless it is a regular file: opening
    a FIFO put in an index file's or the notes journal's place would wait for a writer
    for good."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
