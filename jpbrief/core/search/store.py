"""Where the index lives on disk, how it is swapped in atomically, and who may build it.

Layout of ``index_root`` (a cache: deleting it only costs a rebuild)::

    build.lock                 held (flock/msvcrt) by the one process building; holds its pid
    ix-<fp>.current            pointer: JSON naming the finished directory, replaced atomically
    ix-<fp>-<random>/          a finished index: Whoosh files + manifest.json + vocabulary.json
    tmp-<pid>-<random>/        a build in progress (or left behind by a writer that died)

``<fp>`` is the first 24 hex digits of the fingerprint, so indexes of different content
folders or app versions sit side by side instead of rebuilding each other in turn.

Readers take no lock at all: they read the pointer, check the manifest (fingerprint,
file sizes and CRC-32s) and open the directory, which no one ever writes again. Writers
build into a private temporary directory and publish it by replacing the pointer with
``os.replace``, so a reader sees the old index or the new one, never half of one. A
writer killed mid-build leaves only a ``tmp-*`` directory; the next writer (who holds
the lock, so knows nobody else is building) removes it. An OS file lock dies with its
process, so a dead writer never blocks anyone; the pid in the lock file only names a
live writer in the "busy" message. Where the file system has no locks, the pid file
itself is the lock, and a lock whose pid is no longer running is taken over.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import stat
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from jpbrief.core.closing import Closing
from jpbrief.core.durable import atomic_write_text, open_regular
from jpbrief.core.message import QT_TRANSLATE_NOOP, MessageError

LOCK_NAME = "build.lock"
MANIFEST = "manifest.json"
KEEP_FINGERPRINTS = 4
"""Indexes of this many fingerprints (most recently built) are kept; older ones go."""
BUSY = QT_TRANSLATE_NOOP(
    "Search", "The search index is busy: another jpbrief process is building it. Try again in a moment.")
BUSY_PID = QT_TRANSLATE_NOOP(
    "Search", "The search index is busy: another jpbrief process (pid {pid}) is building it. "
              "Try again in a moment.")


class IndexBusy(MessageError, RuntimeError):
    """Another process is building the index and did not finish within the timeout."""


def default_index_root() -> Path:
    """``<cache dir>/search-index`` (``$JPBRIEF_CACHE_DIR`` overrides the cache dir)."""
    from jpbrief.core import paths

    return paths.cache_dir() / "search-index"


def fingerprint_prefix(fingerprint: str) -> str:
    return fingerprint[:24]


def pointer_path(root: Path, fingerprint: str) -> Path:
    return root / f"ix-{fingerprint_prefix(fingerprint)}.current"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (a zombie counts as alive)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows runners
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class BuildLock(Closing):
    """The exclusive right to build in ``root``: an OS lock on ``build.lock`` plus a pid.

    ``acquire(timeout)`` polls without blocking and raises :class:`IndexBusy` when the
    timeout runs out. The lock is per open file, so it also excludes other threads of
    this process that use their own :class:`BuildLock`.
    """

    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_NAME
        self._fd: int | None = None
        self._pidfile_mode = False


    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> int | None:
        """The pid written by the current (or last) holder, if readable."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace").split()
            return int(text[0]) if text else None
        except (OSError, ValueError):
            return None

    def try_acquire(self) -> bool:
        if self._fd is not None:
            return True
        if self._pidfile_mode:
            return self._try_pidfile()
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            locked = _os_lock(fd)
        except OSError as error:
            os.close(fd)
            if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
                self._pidfile_mode = True  # a file system without locks
                return self._try_pidfile()
            raise
        if not locked:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd
        return True

    def _try_pidfile(self) -> bool:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            pid = self.holder()
            if pid is None and time.time() - _mtime(self.path) < 10:
                return False  # just created; its writer has not written the pid yet
            if pid is not None and (pid == os.getpid() or pid_alive(pid)):
                return False
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()  # left by a writer that died
            return self._try_pidfile()
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd
        return True

    def acquire(self, timeout: float, poll: float = 0.05) -> None:
        deadline = time.monotonic() + max(0.0, timeout)
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                pid = self.holder()
                raise IndexBusy(BUSY_PID if pid else BUSY, pid=pid)
            time.sleep(poll)

    def close(self) -> None:
        """The same as :meth:`release` (for ``with``)."""
        self.release()

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if self._pidfile_mode:
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):
            _os_unlock(fd)
        os.close(fd)


def _os_lock(fd: int) -> bool:
    """Try to lock ``fd`` exclusively without blocking; False when someone else holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows runners
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EDEADLK, errno.EAGAIN):
                return False
            raise
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


# --- manifest and pointer -----------------------------------------------------------


def file_checksums(directory: Path) -> dict[str, list[int]]:
    """``{name: [size, crc32]}`` for every file in ``directory`` except the manifest."""
    sums: dict[str, list[int]] = {}
    for path in sorted(directory.iterdir()):
        if path.name == MANIFEST or not path.is_file():
            continue
        crc = 0
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                crc = zlib.crc32(chunk, crc)
        sums[path.name] = [path.stat().st_size, crc]
    return sums


def verify(directory: Path, manifest: dict[str, Any], *, deep: bool = True) -> str | None:
    """Why ``directory`` does not match its manifest, or None when it does."""
    expected = manifest.get("files")
    if not isinstance(expected, dict) or not expected:
        return "manifest lists no files"
    for name, (size, crc) in expected.items():
        path = directory / name
        try:
            info = path.stat()
        except OSError:
            return f"{name} is missing"
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the reader for good
            return f"{name} is not a regular file"
        actual_size = info.st_size
        if actual_size != size:
            return f"{name} is {actual_size} bytes, expected {size}"
        if deep:
            actual_crc = 0
            try:
                with open_regular(path) as handle:
                    for chunk in iter(lambda: handle.read(1 << 20), b""):
                        actual_crc = zlib.crc32(chunk, actual_crc)
            except OSError as error:
                return f"{name} is unreadable: {error}"
            if actual_crc != crc:
                return f"{name} is corrupt (checksum mismatch)"
    return None


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``; None if it is not a regular file holding one (a FIFO
    put in its place must not block whoever reads it)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def write_json_atomic(path: Path, data: dict[str, Any], *, durable: bool = True) -> None:
    """Write ``path`` so that readers see the old content or the new, never a mix."""
    atomic_write_text(path, json.dumps(data, ensure_ascii=False), durable=durable)


def new_temp_dir(root: Path) -> Path:
    path = root / f"tmp-{os.getpid()}-{secrets.token_hex(6)}"
    path.mkdir(parents=True)
    return path


def publish(root: Path, temp_dir: Path, fingerprint: str) -> Path:
    """Move a finished build into place and point at it; returns the final directory."""
    final = root / f"ix-{fingerprint_prefix(fingerprint)}-{secrets.token_hex(6)}"
    os.replace(temp_dir, final)
    write_json_atomic(
        pointer_path(root, fingerprint),
        {"fingerprint": fingerprint, "dir": final.name, "published": time.time()},
    )
    return final


def current_dir(root: Path, fingerprint: str) -> Path | None:
    """The published directory for ``fingerprint``, if a pointer names one."""
    pointer = read_json(pointer_path(root, fingerprint))
    if not pointer or pointer.get("fingerprint") != fingerprint:
        return None
    name = pointer.get("dir")
    if not isinstance(name, str) or "/" in name or "\\" in name or not name.startswith("ix-"):
        return None
    return root / name


def collect_garbage(root: Path, keep: Path | None) -> None:
    """Remove stale builds and old indexes. Only call while holding the build lock."""
    pointers = sorted(
        root.glob("ix-*.current"),
        key=lambda p: _mtime(p),
        reverse=True,
    )
    referenced: set[str] = set()
    for index, pointer in enumerate(pointers):
        data = read_json(pointer)
        name = data.get("dir") if data else None
        if index < KEEP_FINGERPRINTS and isinstance(name, str):
            referenced.add(name)
        else:
            with contextlib.suppress(OSError):
                pointer.unlink()
    if keep is not None:
        referenced.add(keep.name)
    for path in root.iterdir():
        if path.name.startswith("tmp-") or (
            path.name.startswith("ix-") and path.is_dir() and path.name not in referenced
        ):
            remove_tree(path)
        elif path.name.startswith(".") and path.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                path.unlink()


def remove_tree(path: Path) -> None:
    """Best effort: an index another process still has open may not go on Windows."""
    shutil.rmtree(path, ignore_errors=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def writable_dir(root: Path) -> bool:
    """Whether ``root`` exists (or can be created) and accepts new files."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    probe = root / f".probe-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    with contextlib.suppress(OSError):
        probe.unlink()
    return True
