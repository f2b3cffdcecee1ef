"""Where content, resources, the search index cache and user data live.

One module knows the three layouts jpbrief runs from:

- a checkout (``make run``, editable install): ``content/`` and ``resources/`` beside the
  ``jpbrief`` package;
- an installed wheel: the same folders packed inside the package as ``jpbrief/_bundled``;
- a PyInstaller bundle: the folders next to the frozen executable's data (``sys._MEIPASS``).

Every location can be overridden by an environment variable, for tests, portable
installs and trainers previewing another content folder.

All three layouts are folders on disk, so the package's folder comes from the package
itself (``jpbrief.__path__``) rather than ``importlib.resources``, whose import costs the
reader's start-up several milliseconds; platformdirs is imported only when a user
folder is not overridden.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jpbrief

APP_NAME = "jpbrief"

ENV_CONTENT = "JPBRIEF_CONTENT"
ENV_CACHE = "JPBRIEF_CACHE_DIR"
ENV_DATA = "JPBRIEF_DATA_DIR"
ENV_CONFIG = "JPBRIEF_CONFIG_DIR"
TRUSTED_KEYS = "trusted_keys"
"""The folder of baked trainers' keys beside the bundled content (packaging/jpbrief.spec, the
wheel's force-include) and of the user's own trusted keys in the user data folder."""


def _bundle_roots() -> list[Path]:
    """Candidate folders holding ``content/`` and ``resources/``, most specific first."""
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    package = Path(next(iter(jpbrief.__path__)))
    roots.append(package / "_bundled")
    roots.append(package.parent)
    return roots


def _bundled(name: str) -> Path:
    for root in _bundle_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(root / name) for root in _bundle_roots())
    raise FileNotFoundError(f"no bundled {name}/ folder found (looked in {searched})")


def content_dir() -> Path:
    """The content folder: ``$JPBRIEF_CONTENT`` or the bundled one."""
    override = os.environ.get(ENV_CONTENT)
    return Path(override) if override else _bundled("content")


def resources_dir() -> Path:
    """Icons, style sheets and other files the UI may load; the only files it may load."""
    return _bundled("resources")


def _user_dir(env: str, kind: str) -> Path:
    """``$env`` if set, else the platform's user folder of ``kind`` for jpbrief."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    import platformdirs

    folders = {"cache": platformdirs.user_cache_dir, "data": platformdirs.user_data_dir,
               "config": platformdirs.user_config_dir}
    return Path(folders[kind](APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Rebuildable caches (the search index): ``$JPBRIEF_CACHE_DIR`` or the user cache dir."""
    return _user_dir(ENV_CACHE, "cache")


def data_dir() -> Path:
    """User data that must never be lost (notes): ``$JPBRIEF_DATA_DIR`` or the user data dir."""
    return _user_dir(ENV_DATA, "data")


def config_dir() -> Path:
    """Settings: ``$JPBRIEF_CONFIG_DIR`` or the user config dir."""
    return _user_dir(ENV_CONFIG, "config")


def packs_dir() -> Path:
    """Installed content packs: ``<user data dir>/packs`` (see :mod:`jpbrief.core.packs.store`)."""
    return data_dir() / "packs"


def trusted_keys_dirs() -> list[Path]:
    """Folders of trusted pack-signing public keys (``*.pub``), the user's first.

    The user's ``<user data dir>/trusted_keys`` (``jpbrief pack trust`` adds to it) and,
    when the installation has one, the ``trusted_keys/`` folder beside the bundled
    content: installers may carry trainers' keys so that their packs need no prompt.
    """
    folders = [data_dir() / TRUSTED_KEYS]
    for root in _bundle_roots():
        if (root / "content").is_dir():
            if (root / TRUSTED_KEYS).is_dir():
                folders.append(root / TRUSTED_KEYS)
            break
    return folders
