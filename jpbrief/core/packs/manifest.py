"""A pack's manifest: the signed record of what a ``.jpbpack`` holds, and its JSON form.

``manifest.json`` (UTF-8 JSON, signed by ``manifest.json.minisig``)::

    {"format": 1, "id": "spring-update", "version": "1.2", "title": "...",
     "publisher": "..." | null, "date": "2026-12-02", "changelog": "...",
     "signer": {"fingerprint": "XXXX XXXX ...", "public_key": "RWQ..."},
     "articles": [{"id": "...", "title": "...", "path": "content/articles/x.md"}],
     "files": [{"path": "content/articles/x.md", "size": 1234, "sha256": "..."}]}

``files`` lists every file of the pack except the manifest and its signature; the
archive must hold exactly those. Versions are one to four dot-separated numbers and
compare numerically (``1.10`` is newer than ``1.9``; ``1.0`` equals ``1``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from jpbrief.core.message import QT_TRANSLATE_NOOP, Message, MessageError

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
CONTENT_PREFIX = "content/"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_TEXT = 20_000
"""The longest title, publisher or changelog a manifest may carry."""

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION_RE = re.compile(r"^[0-9]{1,9}(?:\.[0-9]{1,9}){0,3}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class ManifestError(MessageError, ValueError):
    """A manifest that is not valid JSON or breaks the format above."""


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10"`` -> ``(1, 10, 0, 0)``: versions compare as these tuples."""
    if not VERSION_RE.match(version):
        raise ManifestError(QT_TRANSLATE_NOOP(
            "Packs", "version {version!r} must be one to four numbers separated by dots "
                     "(e.g. 1.2 or 2026.12.2)"),
            version=version)
    parts = [int(part) for part in version.split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


def check_id(pack_id: str) -> str:
    if not (isinstance(pack_id, str) and ID_RE.match(pack_id) and len(pack_id) <= 64):
        raise ManifestError(QT_TRANSLATE_NOOP(
            "Packs", "pack id {id!r} must be 1-64 lower-case letters, digits and hyphens"), id=pack_id)
    return pack_id


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ArticleEntry:
    id: str
    title: str
    path: str


@dataclass(frozen=True)
class Manifest:
    id: str
    version: str
    title: str
    publisher: str | None
    date: str
    changelog: str
    fingerprint: str
    public_key: str
    articles: tuple[ArticleEntry, ...]
    files: tuple[FileEntry, ...]
    format: int = FORMAT

    @property
    def version_key(self) -> tuple[int, ...]:
        return version_key(self.version)

    @property
    def label(self) -> str:
        return f"{self.id} {self.version}"

    def _described(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "title": self.title,
                "publisher": self.publisher, "date": self.date, "changelog": self.changelog}

    def to_json(self) -> bytes:
        data = {
            "format": self.format,
            **self._described(),
            "signer": {"fingerprint": self.fingerprint, "public_key": self.public_key},
            "articles": [{"id": a.id, "title": a.title, "path": a.path} for a in self.articles],
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
        }
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    def summary(self) -> dict[str, Any]:
        """What ``pack list --json`` and a pre-install preview show."""
        return {**self._described(), "fingerprint": self.fingerprint,
                "articles": [{"id": a.id, "title": a.title} for a in self.articles]}


def _text(data: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ManifestError(QT_TRANSLATE_NOOP(
            "Packs", "{name}: {key!r} must be text of at most {limit:,} characters"),
            name=MANIFEST, key=key, limit=MAX_TEXT)
    if CONTROL_RE.search(value):  # shown in terminals and dialogs: no escape sequences
        raise ManifestError(QT_TRANSLATE_NOOP("Packs", "{name}: {key!r} contains control characters"),
                            name=MANIFEST, key=key)
    return value


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ManifestError(QT_TRANSLATE_NOOP(
            "Packs", "{name}: {what} must be an object"), name=MANIFEST, what=what)
    return value


def parse(data: bytes) -> Manifest:
    """The manifest in ``data``; raises :class:`ManifestError` naming what is wrong."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise ManifestError(QT_TRANSLATE_NOOP("Packs", "{name}: larger than {limit} MiB"),
                            name=MANIFEST, limit=MAX_MANIFEST_BYTES // 1024 // 1024)
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ManifestError(QT_TRANSLATE_NOOP("Packs", "{name}: not valid JSON ({error})"),
                            name=MANIFEST, error=error) from None
    root = _dict(raw, Message(QT_TRANSLATE_NOOP("Packs", "the manifest")))
    if root.get("format") != FORMAT:
        raise ManifestError(QT_TRANSLATE_NOOP(
            "Packs", "{name}: format {format!r} is not {known}; a newer jpbrief may read it"),
            name=MANIFEST, format=root.get("format"), known=FORMAT)
    pack_id = check_id(root.get("id"))  # type: ignore[arg-type]
    version = _text(root, "version") or ""
    version_key(version)
    date = _text(root, "date") or ""
    if not DATE_RE.match(date):
        raise ManifestError(QT_TRANSLATE_NOOP("Packs", "{name}: date {date!r} must be YYYY-MM-DD"),
                            name=MANIFEST, date=date)
    signer = _dict(root.get("signer"), Message(QT_TRANSLATE_NOOP("Packs", "'signer'")))
    files: list[FileEntry] = []
    for item in _list(root, "files"):
        entry = _dict(item, Message(QT_TRANSLATE_NOOP("Packs", "each file")))
        path, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
        if not isinstance(path, str) or not path.startswith(CONTENT_PREFIX):
            raise ManifestError(QT_TRANSLATE_NOOP(
                "Packs", "{name}: file path {path!r} must start with {prefix}"),
                name=MANIFEST, path=path, prefix=CONTENT_PREFIX)
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ManifestError(QT_TRANSLATE_NOOP("Packs", "{name}: {path}: size must be a whole number"),
                                name=MANIFEST, path=path)
        if not isinstance(digest, str) or not SHA256_RE.match(digest):
            raise ManifestError(QT_TRANSLATE_NOOP(
                "Packs", "{name}: {path}: sha256 must be 64 lower-case hex digits"),
                name=MANIFEST, path=path)
        files.append(FileEntry(path, size, digest))
    listed = {f.path for f in files}
    if len(listed) != len(files):
        raise ManifestError(QT_TRANSLATE_NOOP("Packs", "{name}: a file is listed twice"), name=MANIFEST)
    articles: list[ArticleEntry] = []
    for item in _list(root, "articles"):
        entry = _dict(item, Message(QT_TRANSLATE_NOOP("Packs", "each article")))
        article = ArticleEntry(
            _text(entry, "id") or "", _text(entry, "title") or "", _text(entry, "path") or ""
        )
        if article.path not in listed:
            raise ManifestError(QT_TRANSLATE_NOOP(
                "Packs", "{name}: article {id!r} names unlisted file {path!r}"),
                name=MANIFEST, id=article.id, path=article.path)
        articles.append(article)
    return Manifest(
        id=pack_id,
        version=version,
        title=_text(root, "title") or "",
        publisher=_text(root, "publisher", optional=True),
        date=date,
        changelog=_text(root, "changelog") or "",
        fingerprint=_text(signer, "fingerprint") or "",
        public_key=_text(signer, "public_key") or "",
        articles=tuple(articles),
        files=tuple(files),
    )


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise ManifestError(QT_TRANSLATE_NOOP(
            "Packs", "{name}: {key!r} must be a list"), name=MANIFEST, key=key)
    return value
