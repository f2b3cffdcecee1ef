"""Installed packs and trusted keys in the user data folder: install, remove, list, atomically.

Layout of the packs folder (``paths.packs_dir()``)::

    installed.json                 {"format": 1, "packs": {"<id>": "<id>-<version>-<token>"}}
    <id>-<version>-<token>/        manifest.json, manifest.json.minisig, content/...
    .tmp-<token>/                  a pack being unpacked
    .lock                          held while installing or removing

``installed.json`` is the single source of truth and is only ever replaced whole
(written beside, flushed, ``os.replace``), so a crash at any moment — even SIGKILL —
leaves either the old or the new state: folders it does not name are leftovers and are
removed by the next install or removal. Trusted keys are minisign ``.pub`` files: the
user's own folder (written by :meth:`PackStore.trust`) and any read-only folders the
installation brings.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from jpbrief.core import durable
from jpbrief.core.message import QT_TRANSLATE_NOOP, Joined, Message, message_of
from jpbrief.core.packs import STATE, archive, signing
from jpbrief.core.packs import manifest as mf
from jpbrief.core.packs.archive import PackError
from jpbrief.core.packs.manifest import Manifest

STATE_FORMAT = 1
LEFTOVER_RE = re.compile(r"^(?:\.tmp-[0-9a-f]{12}|[a-z0-9-]+-[0-9.]+-[0-9a-f]{12})$")
CRASH_ENV = "JPBRIEF_PACKS_CRASH_AT"
"""Tests only: ``extract`` or ``commit`` makes an install SIGKILL itself at that point."""

ContentCheck = Callable[[Path, Manifest], list[str]]
"""Given an unpacked pack's folder and manifest, the reasons it cannot join the library."""


@dataclass(frozen=True)
class Installed:
    """An installed pack: its manifest and the folder holding ``content/``."""

    manifest: Manifest
    folder: Path

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def content(self) -> Path:
        return self.folder / "content"


@dataclass(frozen=True)
class InstallResult:
    action: str
    """``installed``, ``updated``, ``downgraded`` or ``unchanged``."""
    manifest: Manifest
    previous: str | None = None
    message: str = ""


def _read_state(root: Path) -> dict[str, str]:
    try:
        data = json.loads((root / STATE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise PackError(QT_TRANSLATE_NOOP("Packs", "{path}: cannot be read ({error})"),
                        path=root / STATE, error=error) from None
    packs = data.get("packs") if isinstance(data, dict) else None
    if not isinstance(packs, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and LEFTOVER_RE.match(v) for k, v in packs.items()
    ):
        raise PackError(QT_TRANSLATE_NOOP(
            "Packs", "{path}: not a list of installed packs"), path=root / STATE)
    return dict(packs)


def _write_state(root: Path, packs: dict[str, str]) -> None:
    text = json.dumps({"format": STATE_FORMAT, "packs": dict(sorted(packs.items()))})
    durable.atomic_write_text(root / STATE, text)


def scan(root: Path) -> tuple[list[Installed], list[str]]:
    """The installed packs in id order, and why any others named in the state are damaged."""
    good: list[Installed] = []
    damaged: list[str] = []
    for pack_id, folder_name in sorted(_read_state(root).items()):
        folder = root / folder_name
        try:
            manifest = mf.parse((folder / mf.MANIFEST).read_bytes())
            if manifest.id != pack_id:
                raise mf.ManifestError(QT_TRANSLATE_NOOP(
                    "Packs", "its manifest names pack {id!r}"), id=manifest.id)
        except (OSError, mf.ManifestError) as error:
            damaged.append(Message(QT_TRANSLATE_NOOP(
                "Packs", "{folder}: installed pack {id!r} is damaged ({error}); "
                         "remove it with 'jpbrief pack remove {id}' and install it again"),
                folder=folder, id=pack_id, error=message_of(error)))
            continue
        good.append(Installed(manifest, folder))
    return good, damaged


def installed(root: Path) -> list[Installed]:
    """The installed packs that can be read, in id order (see :func:`scan` for the others)."""
    return scan(root)[0]


def _crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """Serialise installs and removals between processes (released if the holder dies)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+b") as handle:
        if os.name == "posix":
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        else:  # pragma: no cover - Windows
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        yield


class PackStore:
    """Installs and removes packs under ``root``; trusts keys in ``key_dirs[0]``."""

    def __init__(self, root: Path, key_dirs: Sequence[Path]) -> None:
        self.root = Path(root)
        self.key_dirs = [Path(folder) for folder in key_dirs]

    # --- keys -----------------------------------------------------------------------

    def trusted_keys(self) -> list[signing.PublicKey]:
        return [key for _path, key in self.trusted_key_files()]

    def trusted_key_files(self) -> list[tuple[Path, signing.PublicKey]]:
        """Each readable trusted key with its file, the user's folder first."""
        keys = []
        for folder in self.key_dirs:
            for path in sorted(folder.glob("*.pub")) if folder.is_dir() else []:
                try:
                    keys.append((path, signing.parse_public_key(signing.read_key_file(path), str(path))))
                except (OSError, signing.SignatureError):
                    continue  # a broken key file trusts nobody
        return keys

    def trust(self, key: signing.PublicKey) -> Path:
        """Add ``key`` to the user's trusted keys (idempotent); its file's path."""
        folder = self.key_dirs[0]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / (key.fingerprint.replace(" ", "").lower() + ".pub")
        durable.atomic_write_text(path, key.to_text(f"jpbrief trusted key {key.fingerprint}"))
        return path

    # --- packs ----------------------------------------------------------------------

    def installed(self) -> list[Installed]:
        return installed(self.root)

    def check(self, path: Path, *, key: signing.PublicKey | None = None,
              trust: bool = False) -> archive.CheckedPack:
        """Check a pack file's listing, signature and signer (see :func:`archive.check`)."""
        return archive.check(path, self.trusted_keys(), key=key, trust_new=trust)

    def install(
        self, path: Path, *, trust: bool = False, allow_downgrade: bool = False,
        content_check: ContentCheck | None = None,
        progress: Callable[[int, int], None] | None = None,
        expect: Manifest | None = None,
    ) -> InstallResult:
        """Verify, unpack and switch to the pack at ``path``; PackError says why not.

        ``trust`` adds an unknown signer's key (after the user compared its
        fingerprint). ``content_check`` sees the unpacked folder before the switch.
        ``expect``: the manifest the user was shown; a file changed since is refused
        (its signer, version or any file's hash would differ from what was agreed to).
        """
        with _locked(self.root):
            checked = self.check(path, trust=trust)
            new = checked.manifest
            if expect is not None and new != expect:
                raise PackError(QT_TRANSLATE_NOOP(
                    "Packs", "{path}: the file changed after it was checked; open it again"), path=path)
            state = _read_state(self.root)
            self._collect_leftovers(state)
            current = next((p for p in installed(self.root) if p.id == new.id), None)
            if current is not None:
                old = current.manifest
                if old.version_key == new.version_key:
                    same = old.files == new.files
                    said = (QT_TRANSLATE_NOOP("Packs", "{pack} is already installed; nothing to do") if same
                            else QT_TRANSLATE_NOOP("Packs", "{pack} is already installed with different "
                                                            "files: ask the publisher for a pack with a new "
                                                            "version number"))
                    return InstallResult("unchanged", new, old.version, Message(said, pack=new.label))
                if old.version_key > new.version_key and not allow_downgrade:
                    raise PackError(QT_TRANSLATE_NOOP(
                        "Packs", "{pack} is older than the installed {installed}; refused "
                                 "(use --allow-downgrade to install it anyway)"),
                        pack=new.label, installed=old.label)
            temporary = self.root / f".tmp-{os.urandom(6).hex()}"
            temporary.mkdir()
            try:
                total = len(new.files)
                done = [0]

                def on_file(_name: str) -> None:
                    done[0] += 1
                    if progress is not None:
                        progress(done[0], total)
                    if done[0] == 1:
                        _crash_point("extract")

                archive.extract(checked, temporary, on_file)
                problems = content_check(temporary, new) if content_check else []
                if problems:
                    raise PackError(QT_TRANSLATE_NOOP(
                        "Packs", "{pack} cannot join the library:\n  {problems}"),
                        pack=new.label, problems=Joined(problems, "\n  "))
                final = self.root / f"{new.id}-{new.version}-{os.urandom(6).hex()}"
                os.replace(temporary, final)
            except BaseException:
                shutil.rmtree(temporary, ignore_errors=True)
                raise
            durable.fsync_dir(self.root)
            _crash_point("commit")
            if not checked.trusted:
                self.trust(checked.key)
            _write_state(self.root, {**state, new.id: final.name})
            if current is not None:
                shutil.rmtree(current.folder, ignore_errors=True)
        if current is None:
            return InstallResult("installed", new)
        action = "updated" if new.version_key > current.manifest.version_key else "downgraded"
        return InstallResult(action, new, current.manifest.version)

    def remove(self, pack_id: str) -> Installed | None:
        """Uninstall ``pack_id`` (None if it was damaged); PackError if it is not installed."""
        with _locked(self.root):
            state = _read_state(self.root)
            if pack_id not in state:
                if not state:
                    raise PackError(QT_TRANSLATE_NOOP("Packs", "no installed pack {id!r} (installed: none)"),
                                    id=pack_id)
                raise PackError(QT_TRANSLATE_NOOP("Packs", "no installed pack {id!r} (installed: {known})"),
                                id=pack_id, known=", ".join(sorted(state)))
            found = next((p for p in installed(self.root) if p.id == pack_id), None)
            folder = self.root / state.pop(pack_id)
            _write_state(self.root, state)
            shutil.rmtree(folder, ignore_errors=True)
            self._collect_leftovers(state)
            return found

    def _collect_leftovers(self, state: dict[str, str]) -> None:
        """Remove folders of crashed installs and replaced versions (under the lock)."""
        keep = set(state.values())
        for child in self.root.iterdir() if self.root.is_dir() else []:
            if child.is_dir() and not child.is_symlink() and LEFTOVER_RE.match(child.name) \
                    and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)
            elif child.name.startswith(f".{STATE}.") and child.name.endswith(".tmp"):
                child.unlink(missing_ok=True)
