"""Where content, resources, the search index cache and user data live.

One module knows the three layouts jpbrief runs from:

- a checkout (``make run``, editable install): ``content/`` and ``resources/`` beside the
  ``jpbrief`` package;
- an installed wheel: the same folders packed inside the package as ``jpbrief/_bundled``;
- a PyInstaller bundle: the folders next to the frozen executable's data (``sys._MEIPASS``).

Every location can be overridden by an environment variable, for tests, portable
installs and trainers previewing another content folder.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "jpbrief"

ENV_CONTENT = "JPBRIEF_CONTENT"
ENV_CACHE = "JPBRIEF_CACHE_DIR"
ENV_DATA = "JPBRIEF_DATA_DIR"
ENV_CONFIG = "JPBRIEF_CONFIG_DIR"


def _bundle_roots() -> list[Path]:
    """Candidate folders holding ``content/`` and ``resources/``, most specific first."""
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    package = Path(str(resources.files("jpbrief")))
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


def _user_dir(env: str, default: str) -> Path:
    override = os.environ.get(env)
    path = Path(override) if override else Path(default)
    return path


def cache_dir() -> Path:
    """Rebuildable caches (the search index): ``$JPBRIEF_CACHE_DIR`` or the user cache dir."""
    return _user_dir(ENV_CACHE, platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """User data that must never be lost (notes): ``$JPBRIEF_DATA_DIR`` or the user data dir."""
    return _user_dir(ENV_DATA, platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings: ``$JPBRIEF_CONFIG_DIR`` or the user config dir."""
    return _user_dir(ENV_CONFIG, platformdirs.user_config_dir(APP_NAME, appauthor=False))
