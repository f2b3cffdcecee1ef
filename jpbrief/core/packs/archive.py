"""Read a ``.jpbpack`` safely: check the zip, the signature and the trust first, then hash or unpack.

Nothing is written before the whole archive's listing, the manifest's signature, the
signer's trust and the match between manifest and archive have been checked;
:func:`extract` then writes only the manifest's files, each hashed as it is written,
into a folder it is given. Refused, each with a message naming the entry: absolute
paths, drive letters, ``..``, backslashes, names outside a small character set,
symbolic links and every other non-regular entry, duplicates (also ones differing only
in case), encrypted entries, compression other than stored or deflate, file types the
loader does not read, and archives over the size, count and compression-ratio limits
below (zip bombs). No index and no code is ever read from a pack.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from jpbrief.core.content_files import DATA_FILES
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message, MessageError, message_of
from jpbrief.core.packs import manifest as mf
from jpbrief.core.packs import signing
from jpbrief.core.packs.manifest import Manifest

MAX_PACK_BYTES = 256 * 1024 * 1024
MAX_FILES = 5_000
MAX_FILE_BYTES = 1024 * 1024
"""The loader reads no content file larger than this (``content.MAX_FILE_BYTES``)."""
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100
"""Text deflates 3-10x; a zip bomb's entries a thousand times and more."""
MAX_SIGNATURE_BYTES = 16 * 1024
CHUNK = 64 * 1024

COMPONENT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                    *(f"lpt{i}" for i in range(10))}
CONTENT_FILES = {f"content/{name}" for name in DATA_FILES}  # sources, themes, glossary, events, figures
ARTICLE_DIR = "content/articles/"
TOO_LARGE = QT_TRANSLATE_NOOP("Packs", "{name}: {size:,} bytes, over the {limit:,}-byte limit")
DIFFERS = QT_TRANSLATE_NOOP("Packs", "{name}: its SHA-256 does not match the signed manifest; refused")



class PackError(MessageError):
    """A pack that cannot be trusted or read; the message names the file at fault."""


class UntrustedSigner(PackError):
    """A well-signed pack whose signer is not among the trusted keys."""

    def __init__(self, message: str, manifest: Manifest, key: signing.PublicKey) -> None:
        super().__init__(message)
        self.manifest = manifest
        self.key = key


@dataclass(frozen=True)
class CheckedPack:
    """A pack whose listing, signature and trust have been checked (files not yet hashed)."""

    path: Path
    manifest: Manifest
    manifest_bytes: bytes
    signature_text: str
    key: signing.PublicKey
    trusted: bool


def allowed_path(name: str) -> str | None:
    """Why ``name`` may not be in a pack, or None if it may."""
    if "\\" in name:
        return Message(QT_TRANSLATE_NOOP("Packs", "backslash in the name"))
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return Message(QT_TRANSLATE_NOOP("Packs", "absolute path"))
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return Message(QT_TRANSLATE_NOOP("Packs", "empty, '.' or '..' path component (or a folder entry)"))
    for part in parts:
        if not COMPONENT_RE.match(part) or part.endswith("."):
            return Message(QT_TRANSLATE_NOOP(
                "Packs", "name {part!r} has characters outside A-Z a-z 0-9 . _ -"), part=part)
        if part.split(".")[0].lower() in WINDOWS_RESERVED:
            return Message(QT_TRANSLATE_NOOP("Packs", "name {part!r} is reserved on Windows"), part=part)
    if name in (mf.MANIFEST, mf.SIGNATURE) or name in CONTENT_FILES:
        return None
    if name.startswith(ARTICLE_DIR) and len(parts) == 3 and name.endswith(".md"):
        return None
    return Message(QT_TRANSLATE_NOOP(
        "Packs", "not a file a pack may hold (manifest, content/articles/*.md, content/*.yaml)"))


def _check_listing(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_FILES + 2:
        raise PackError(QT_TRANSLATE_NOOP("Packs", "holds {count:,} entries, over the limit of {limit:,}"),
                        count=len(infos), limit=MAX_FILES)
    entries: dict[str, zipfile.ZipInfo] = {}
    folded: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        mode = info.external_attr >> 16
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            if stat.S_ISLNK(mode):
                raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: a symbolic link; refused"), name=name)
            raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: not a regular file; refused"), name=name)
        if info.is_dir():
            raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: folder entries are not allowed"), name=name)
        reason = allowed_path(name)
        if reason:
            raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: {reason}; refused"), name=name, reason=reason)
        if name in entries or name.casefold() in folded:
            raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: appears twice in the archive"), name=name)
        if info.flag_bits & 0x1:
            raise PackError(QT_TRANSLATE_NOOP(
                "Packs", "{name}: encrypted entries are not allowed"), name=name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: compression method {method} is not allowed"),
                            name=name, method=info.compress_type)
        if info.file_size > MAX_FILE_BYTES and name != mf.MANIFEST:
            raise PackError(TOO_LARGE, name=name, size=info.file_size, limit=MAX_FILE_BYTES)
        if info.file_size > max(info.compress_size, 1) * MAX_RATIO and info.file_size > 4096:
            raise PackError(
                QT_TRANSLATE_NOOP("Packs", "{name}: compressed {ratio:,} to 1, over the limit of {limit} "
                                           "to 1 (a zip bomb?)"),
                name=name, ratio=info.file_size // max(info.compress_size, 1), limit=MAX_RATIO)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackError(QT_TRANSLATE_NOOP("Packs", "unpacks to more than {limit:,} bytes"),
                            limit=MAX_TOTAL_BYTES)
        entries[name] = info
        folded[name.casefold()] = name
    return entries


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                sink: BinaryIO | None = None) -> tuple[bytes, str]:
    """An entry's bytes (unless written to ``sink``) and SHA-256, reading at most ``limit``."""
    import hashlib  # on first use: in a venv it loads OpenSSL's libcrypto (see signing._digest)

    digest = hashlib.sha256()
    parts: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: larger than it claims or allowed"),
                                    name=info.filename)
                digest.update(chunk)
                if sink is None:
                    parts.append(chunk)
                else:
                    sink.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: damaged ({error})"),
                        name=info.filename, error=error) from None
    return b"".join(parts), digest.hexdigest()


def check(path: Path, trusted: Iterable[signing.PublicKey], *, key: signing.PublicKey | None = None,
          trust_new: bool = False) -> CheckedPack:
    """Open ``path`` and check everything but the files' hashes.

    With ``key``, the pack must be signed by that key. Otherwise its signer (whose key
    the manifest carries) must be in ``trusted``, or :class:`UntrustedSigner` is
    raised — unless ``trust_new`` (the user compared the fingerprint and said so).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise PackError(TOO_LARGE, name=path, size=size, limit=MAX_PACK_BYTES)
        with zipfile.ZipFile(path) as archive:
            return _check_open(path, archive, list(trusted), key, trust_new)
    except (zipfile.BadZipFile, OSError) as error:
        raise PackError(QT_TRANSLATE_NOOP("Packs", "{path}: not a readable pack ({error})"),
                        path=path, error=error) from None


def _check_open(path: Path, archive: zipfile.ZipFile, trusted: list[signing.PublicKey],
                key: signing.PublicKey | None, trust_new: bool) -> CheckedPack:
    entries = _check_listing(archive.infolist())
    for required in (mf.MANIFEST, mf.SIGNATURE):
        if required not in entries:
            raise PackError(QT_TRANSLATE_NOOP("Packs", "{path}: {required} is missing; not a jpbrief pack"),
                            path=path, required=required)
    manifest_bytes, _ = read_member(archive, entries[mf.MANIFEST], mf.MAX_MANIFEST_BYTES)
    signature_bytes, _ = read_member(archive, entries[mf.SIGNATURE], MAX_SIGNATURE_BYTES)
    try:
        signature = signing.parse_signature(signature_bytes.decode("utf-8"), mf.SIGNATURE)
        manifest = mf.parse(manifest_bytes)
        signer = signing.parse_public_key(manifest.public_key, f"{mf.MANIFEST}: signer key")
        signing.verify(signer, manifest_bytes, signature)
    except UnicodeDecodeError:
        raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: not text"), name=mf.SIGNATURE) from None
    except (signing.SignatureError, mf.ManifestError) as error:
        raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: {reason}"),
                        name=mf.MANIFEST, reason=message_of(error)) from None
    if manifest.fingerprint != signer.fingerprint:
        raise PackError(QT_TRANSLATE_NOOP(
            "Packs", "{name}: the stated fingerprint does not belong to the signer's key"), name=mf.MANIFEST)
    if key is not None and key.raw != signer.raw:
        raise PackError(
            QT_TRANSLATE_NOOP("Packs", "{name}: signed by the key with fingerprint {signer}, "
                                       "not by the given key ({given})"),
            name=mf.MANIFEST, signer=signer.fingerprint, given=key.fingerprint)
    is_trusted = key is not None or any(k.raw == signer.raw for k in trusted)
    if not is_trusted and not trust_new:
        raise UntrustedSigner(
            Message(QT_TRANSLATE_NOOP(
                "Packs",
                "{name} is signed by a key you have not trusted yet.\n"
                "  Signer's fingerprint: {fingerprint}\n"
                "  Compare it, group by group, with the fingerprint the trainer gave you in person,\n"
                "  on paper or by phone (never one sent with the pack). Only if every group matches,\n"
                "  install again with --trust (or add the trainer's .pub file with 'jpbrief pack trust')."),
                name=path.name, fingerprint=signer.fingerprint),
            manifest, signer,
        )
    listed = {f.path: f for f in manifest.files}
    for name, info in entries.items():
        if name in (mf.MANIFEST, mf.SIGNATURE):
            continue
        entry = listed.get(name)
        if entry is None:
            raise PackError(QT_TRANSLATE_NOOP(
                "Packs", "{name}: in the archive but not in the signed manifest; refused"), name=name)
        if info.file_size != entry.size:
            raise PackError(QT_TRANSLATE_NOOP(
                "Packs", "{name}: {size:,} bytes, the manifest says {listed:,}"),
                name=name, size=info.file_size, listed=entry.size)
    for name in listed:
        if name not in entries:
            raise PackError(QT_TRANSLATE_NOOP(
                "Packs", "{name}: listed in the manifest but missing from the archive"), name=name)
    if not manifest.articles:
        raise PackError(QT_TRANSLATE_NOOP("Packs", "{name}: the pack holds no articles"), name=mf.MANIFEST)
    return CheckedPack(path, manifest, manifest_bytes, signature_bytes.decode("utf-8"), signer,
                       is_trusted)


def verify_files(checked: CheckedPack) -> None:
    """Hash every file of a checked pack (in memory); raise naming the first that differs."""
    with zipfile.ZipFile(checked.path) as archive:
        for entry in checked.manifest.files:
            _data, digest = read_member(archive, archive.getinfo(entry.path), entry.size)
            if digest != entry.sha256:
                raise PackError(DIFFERS, name=entry.path)


def extract(checked: CheckedPack, target: Path, on_file: object = None) -> None:
    """Write the manifest, its signature and every listed file under ``target`` (an empty
    folder), hashing each as it is written; raise naming the first that differs.

    ``on_file`` (a callable taking the entry's path, or None) is called after each
    file, for progress and for the crash test.
    """
    with zipfile.ZipFile(checked.path) as archive:
        (target / mf.MANIFEST).write_bytes(checked.manifest_bytes)
        (target / mf.SIGNATURE).write_text(checked.signature_text, encoding="utf-8", newline="")
        for entry in checked.manifest.files:
            destination = target.joinpath(*entry.path.split("/"))
            if target.resolve() not in destination.resolve().parents:
                raise PackError(QT_TRANSLATE_NOOP(
                    "Packs", "{name}: would be written outside the pack's folder"), name=entry.path)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with open(destination, "xb") as sink:
                _data, digest = read_member(archive, archive.getinfo(entry.path), entry.size, sink)
                sink.flush()
                os.fsync(sink.fileno())
            if digest != entry.sha256:
                raise PackError(DIFFERS, name=entry.path)
            if callable(on_file):
                on_file(entry.path)
