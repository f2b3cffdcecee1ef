"""Typed settings over QSettings: defaults in one place, only differences stored.

Preferences live in ``jpbrief.ini`` and window state (geometry, splitter sizes) in
``window-state.ini``, both under :func:`jpbrief.core.paths.config_dir`. Keeping window
state apart means a corrupt or foreign geometry blob never costs a reader their
preferences, and "reset layout" is deleting one file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

APPEARANCES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "ja")  # jpbrief.ui.i18n.CHOICES
MIN_ZOOM = -4
MAX_ZOOM = 10

DEFAULTS: dict[str, Any] = {
    "reader/zoom": 0,  # steps of 10 % around the base font size
    "reader/appearance": "system",  # one of APPEARANCES
    "reader/last_article": "",
    "sidebar/tab": 0,
    "ui/language": "system",  # one of LANGUAGES
}

LEGACY_POSITIONS = "reader/positions"
"""Where versions before issue 11 kept reading positions (JSON), read once to move them."""


class Settings:
    """The reader's preferences, each a typed property with its default from DEFAULTS."""

    def __init__(self, config_dir: Path) -> None:
        config_dir.mkdir(parents=True, exist_ok=True)
        self.path = config_dir / "jpbrief.ini"
        self._prefs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._state = QSettings(str(config_dir / "window-state.ini"), QSettings.Format.IniFormat)

    # -- plumbing ------------------------------------------------------------------
    def _get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._prefs.value(key, default)
        try:
            return type(default)(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value: Any) -> None:
        if value == self._get(key):
            return  # QSettings would rewrite (and fsync) its file anyway, before the first paint
        if value == DEFAULTS[key]:
            self._prefs.remove(key)
        else:
            self._prefs.setValue(key, value)

    def sync(self) -> None:
        self._prefs.sync()
        self._state.sync()

    # -- preferences ---------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return max(MIN_ZOOM, min(MAX_ZOOM, int(self._get("reader/zoom"))))

    @zoom.setter
    def zoom(self, steps: int) -> None:
        self._set("reader/zoom", max(MIN_ZOOM, min(MAX_ZOOM, int(steps))))

    def _choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = str(self._get(key))
        return value if value in choices else str(DEFAULTS[key])

    def _choose(self, key: str, choices: tuple[str, ...], value: str) -> None:
        if value not in choices:
            raise ValueError(f"{key.split('/')[-1]} must be one of {choices}, not {value!r}")
        self._set(key, value)

    @property
    def appearance(self) -> str:
        return self._choice("reader/appearance", APPEARANCES)

    @appearance.setter
    def appearance(self, value: str) -> None:
        self._choose("reader/appearance", APPEARANCES, value)

    @property
    def language(self) -> str:
        """The interface language: "system" (see :mod:`jpbrief.ui.i18n`), "en" or "ja"."""
        return self._choice("ui/language", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self._choose("ui/language", LANGUAGES, value)

    @property
    def last_article(self) -> str:
        return str(self._get("reader/last_article"))

    @last_article.setter
    def last_article(self, article_id: str) -> None:
        self._set("reader/last_article", article_id)

    @property
    def sidebar_tab(self) -> int:
        return int(self._get("sidebar/tab"))

    @sidebar_tab.setter
    def sidebar_tab(self, index: int) -> None:
        self._set("sidebar/tab", int(index))

    # -- reading positions: kept by the notes store, not here --------------------
    def take_legacy_positions(self) -> dict[str, tuple[str, float]]:
        """Reading positions an older version kept here, removed as they are handed over.

        Positions now live in the notes store (journaled, survives a crash); the app
        moves any found here into it once, then they are gone from this file.
        """
        raw = self._prefs.value(LEGACY_POSITIONS)
        if raw is None:
            return {}
        self._prefs.remove(LEGACY_POSITIONS)
        try:
            data = json.loads(str(raw))
        except ValueError:
            return {}
        found: dict[str, tuple[str, float]] = {}
        for article, entry in (data.items() if isinstance(data, dict) else ()):
            try:
                found[str(article)] = (str(entry["anchor"]), float(entry["fraction"]))
            except (KeyError, TypeError, ValueError):
                continue
        return found

    # -- window state (kept apart) -------------------------------------------------
    def window_state(self, name: str) -> QByteArray | None:
        value = self._state.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, name: str, value: QByteArray) -> None:
        self._state.setValue(f"window/{name}", value)
