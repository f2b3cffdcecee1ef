"""The per-install key that authenticates search indexes, and the seal over an index's files.

The index lives in a cache folder that anyone able to write it could fill with files of
their choosing (CRC-32s in the manifest can be recomputed by anyone). So each finished
index carries a *seal* in its manifest: HMAC-SHA256, under a key that lives outside the
cache (``search-index.key`` in the user data folder, created per install, mode 0600),
over the manifest and the bytes of every file it lists. An index is opened only when
its seal checks and the directory holds no file the manifest does not list (Whoosh
picks the TOC with the highest generation it finds, so an added TOC would be read).

A missing, damaged or unsafe key file (readable or writable by others, owned by
someone else, a symlink) is replaced by a new key: every index then fails its check and
is rebuilt. When no key can be kept at all (read-only data folder) a key that lives
only as long as the process is used: indexes are still checked, and rebuilt by each
process.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import stat
import sys
from pathlib import Path
from typing import Any

from jpbrief.core.durable import open_regular
from jpbrief.core.search import store

log = logging.getLogger(__name__)

KEY_FILE = "search-index.key"
KEY_BYTES = 32
SEAL = "seal"
DOMAIN = b"jpbrief search index seal v1\0"


def load_key(key_dir: Path) -> bytes:
    """The install's key from ``key_dir``, made (or remade) when missing or unusable."""
    path = key_dir / KEY_FILE
    problem = _key_problem(path)
    if problem is None:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    if problem != "missing":
        log.warning("search index key %s is %s; making a new one (indexes rebuild)", path, problem)
    try:
        return _create_key(path, replace=problem != "missing")
    except OSError as error:
        log.warning(
            "cannot keep a search index key in %s (%s); indexes are checked with a key "
            "for this process only, so each start rebuilds them",
            key_dir,
            error,
        )
        return secrets.token_bytes(KEY_BYTES)


def _key_problem(path: Path) -> str | None:
    """Why ``path`` is not a usable key file, or None."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return "missing"
    except OSError as error:
        return f"unreadable ({error})"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if sys.platform != "win32":
        if info.st_uid != os.geteuid():
            return "owned by another user"
        if info.st_mode & 0o077:
            return f"open to other users (mode {stat.S_IMODE(info.st_mode):o})"
    try:
        text = path.read_text(encoding="ascii").strip()
        if len(text) != 2 * KEY_BYTES:
            return "damaged (wrong length)"
        bytes.fromhex(text)
    except (OSError, ValueError) as error:
        return f"damaged ({error})"
    return None


def _create_key(path: Path, *, replace: bool) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key.hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temp, path)
            return key
        try:
            os.link(temp, path)  # only if still absent: a racing process may have won
        except FileExistsError:
            if _key_problem(path) is None:
                return bytes.fromhex(path.read_text(encoding="ascii").strip())
            os.replace(temp, path)
        except OSError:  # a file system without hard links
            os.replace(temp, path)
        return key
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def sign(directory: Path, manifest: dict[str, Any], key: bytes) -> str:
    """The seal of ``manifest`` (without its seal) and the files it lists."""
    mac = hmac.new(key, DOMAIN, hashlib.sha256)
    header = {name: value for name, value in manifest.items() if name != SEAL}
    mac.update(json.dumps(header, sort_keys=True, ensure_ascii=True).encode("ascii") + b"\0")
    files = manifest.get("files")
    for name in sorted(files) if isinstance(files, dict) else ():
        mac.update(name.encode("utf-8") + b"\0")
        with open_regular(directory / name) as handle:
            size = os.fstat(handle.fileno()).st_size
            mac.update(f"{size}\0".encode("ascii"))
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                mac.update(chunk)
    return mac.hexdigest()


def check(directory: Path, manifest: dict[str, Any], key: bytes) -> str | None:
    """Why ``directory`` is not the index its sealed manifest describes, or None."""
    claimed = manifest.get(SEAL)
    files = manifest.get("files")
    if not isinstance(claimed, str):
        return "it has no seal"
    if not isinstance(files, dict) or not files:
        return "its manifest lists no files"
    try:
        present = {path.name for path in directory.iterdir()} - {store.MANIFEST}
        extra = sorted(present - set(files))
        if extra:
            return f"it holds files its manifest does not list ({', '.join(extra[:3])})"
        actual = sign(directory, manifest, key)
    except OSError as error:
        return f"a file is missing or unreadable ({error})"
    if not hmac.compare_digest(actual, claimed):
        return "its seal does not match (the files were changed or sealed with another key)"
    return None
