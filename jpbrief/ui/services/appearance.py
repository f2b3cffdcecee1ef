"""Light and dark appearance: palettes, the application style sheet and the reader's CSS.

The app uses the Fusion style on every platform so the dark palette looks the same
everywhere (native Windows styles ignore much of a custom palette). "system" follows the
system's scheme, "light"/"dark" override it. At start-up the system's scheme is read from
the palette the platform gives the application (asking ``QStyleHints.colorScheme()`` would
load PySide's whole ``Qt`` namespace before the first paint: see :mod:`jpbrief.ui.qt_namespace`);
after the first paint Qt's answer is checked (:func:`hinted_scheme`), and its change
signal says when it changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from jpbrief.ui.qt_namespace import Qt

JAPANESE_FONTS = [
    "Noto Serif CJK JP",  # Linux: fonts-noto-cjk (see the README)
    "Source Han Serif JP",
    "IPAexMincho",  # Linux: fonts-ipaexfont-mincho
    "Hiragino Mincho ProN",  # macOS
    "Yu Mincho",  # Windows
    "Noto Sans CJK JP",
    "MS Mincho",
]
"""Japanese-capable families, Mincho (serif) first to match the reader's text; Qt takes each
character from the first family in the list that has it and skips families not installed,
so Latin text keeps its face and Japanese text gets a Japanese one where there is one."""
READER_FONTS = [
    "Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif", *JAPANESE_FONTS, "serif",
]

STYLE = "Fusion"
_STYLED = "jpbrief-fusion"  # application property: STYLE is set


def style_arguments() -> list[str]:
    """Arguments that give a new QApplication our style from the start.

    Much cheaper than ``setStyle`` afterwards, which hands Python a QStyle and so makes
    PySide build QStyle's enums (about 8 ms, before the first paint). Pass them, then
    call :func:`mark_styled`.
    """
    return ["-style", STYLE]


def mark_styled(app: QApplication) -> None:
    """Record that ``app`` was created with :func:`style_arguments`."""
    app.setProperty(_STYLED, True)


def ensure_style(app: QApplication) -> None:
    """Give ``app`` our style once, before any widget exists: changing the style
    re-polishes every widget and resets the fonts set on them (the reader's zoom).
    Nothing to do for an application created with :func:`style_arguments`."""
    # Asked by name, not app.property(): an unset property is an empty QVariant.
    if _STYLED.encode() not in app.dynamicPropertyNames():
        app.setStyle(STYLE)
        mark_styled(app)


_LIGHT = {
    "Window": "#f1f0ec", "WindowText": "#1d2125", "Base": "#fbfaf7", "AlternateBase": "#ecebe6",
    "Text": "#1d2125", "Button": "#e9e8e3", "ButtonText": "#1d2125", "BrightText": "#ffffff",
    "Highlight": "#2c5d8f", "HighlightedText": "#ffffff", "Link": "#1d5a96",
    "LinkVisited": "#5b3f91", "ToolTipBase": "#fffdf6", "ToolTipText": "#1d2125",
    "PlaceholderText": "#6a6f76", "Light": "#ffffff", "Midlight": "#dedcd6", "Mid": "#c9c7c0",
    "Dark": "#a09e97", "Shadow": "#5c5b57",
}
_DARK = {
    "Window": "#1f2124", "WindowText": "#e4e2dd", "Base": "#18191b", "AlternateBase": "#25272a",
    "Text": "#e4e2dd", "Button": "#2b2d31", "ButtonText": "#e4e2dd", "BrightText": "#ffffff",
    "Highlight": "#3f74a8", "HighlightedText": "#ffffff", "Link": "#8dbbe9",
    "LinkVisited": "#b9a2e6", "ToolTipBase": "#2a2c30", "ToolTipText": "#e4e2dd",
    "PlaceholderText": "#9aa0a7", "Light": "#3a3c41", "Midlight": "#33353a", "Mid": "#45474c",
    "Dark": "#111214", "Shadow": "#000000",
}


MARK_KINDS = ("highlight", "search", "theme", "jump", "note")
"""What the reader marks, each in its own colour: the reader's own highlight (a yellow
marker pen), a search hit's words (orange), the chosen theme's passages (a green tint), the
passage a jump lands on (a blue tint, the whole passage) and a passage the reader wrote a
note on (a dotted purple underline: the note itself is in the Notes panel and the passage's
right-click menu)."""

_MARKS = {
    "light": {"highlight": "#f5d76e", "search": "#f49a4e", "theme": "#e4f2d5", "jump": "#b5d5f5",
              "note": "#8e44ad"},
    "dark": {"highlight": "#f5d76e", "search": "#e58a3c", "theme": "#2c4230", "jump": "#1d4670",
             "note": "#c39bd3"},
}
"""Search hits and highlights are drawn under dark text in both schemes (bright tints);
theme marks and jump targets under the scheme's own text (soft tints)."""


def effective_scheme(preference: str, system: str) -> str:
    """'light' or 'dark': the preference, or the ``system`` scheme for 'system'."""
    return preference if preference in ("light", "dark") else system


def palette_scheme() -> str:
    """The scheme of the application's palette: before :meth:`Appearance.apply` sets ours,
    the platform's, which follows the system's light or dark setting."""
    if QGuiApplication.instance() is None:
        return "light"
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return "dark" if window.lightnessF() < 0.5 else "light"


def hinted_scheme(scheme: Any = None) -> str | None:
    """The system's scheme as Qt states it (``scheme``: a ``Qt.ColorScheme``, by default
    ``QStyleHints.colorScheme()``), or None when the platform does not say."""
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return "dark"
    return "light" if scheme == Qt.ColorScheme.Light else None


def palette_for(scheme: str) -> QPalette:
    palette = QPalette()
    colours = _DARK if scheme == "dark" else _LIGHT
    for name, value in colours.items():
        role = getattr(QPalette.ColorRole, name)
        palette.setColor(QPalette.ColorGroup.All, role, QColor(value))
    disabled = QColor(colours["PlaceholderText"])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def _read(resources: Path, name: str) -> str:
    try:
        return (resources / name).read_text(encoding="utf-8")
    except OSError:
        return ""


class Appearance:
    """Applies a scheme to the application and produces the matching reader CSS."""

    def __init__(self, resources: Path) -> None:
        light = _read(resources, "reader.css")
        self._css = {
            "light": light + _theme_rule("light"),
            "dark": light + "\n" + _read(resources, "reader-dark.css") + _theme_rule("dark"),
        }
        self._qss = _read(resources, "app.qss")
        self.scheme = "light"
        self.system_scheme = palette_scheme()  # before apply() puts our palette in its place

    def apply(self, app: QApplication, preference: str) -> str:
        """Set palette and style sheet for ``preference``; returns the scheme applied."""
        self.scheme = effective_scheme(preference, self.system_scheme)
        ensure_style(app)
        app.setPalette(palette_for(self.scheme))
        accent = "#e8c95a" if self.scheme == "dark" else "#f3d26b"
        sheet = self._qss.replace("@accent", accent)
        if app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        return self.scheme

    def reader_css(self, scheme: str | None = None) -> str:
        return self._css["dark" if (scheme or self.scheme) == "dark" else "light"]

    def print_css(self) -> str:
        """Print and PDF are always light, on white paper."""
        return self._css["light"] + "\nbody { background-color: #ffffff; }"

    def highlight_colour(self) -> QColor:
        """The reader's own highlight (notes without a colour of their own)."""
        return self.mark_colour("highlight")

    def mark_colour(self, kind: str) -> QColor:
        """The colour of a kind of mark (one of MARK_KINDS) in the scheme applied."""
        return QColor(_MARKS["dark" if self.scheme == "dark" else "light"][kind])


def _theme_rule(scheme: str) -> str:
    """The reader CSS rule tinting the chosen theme's passages (the renderer's ``marked``)."""
    colour = _MARKS[scheme]["theme"]
    return f"\np.marked, h2.marked {{ background-color: {colour}; }}\n"


def reader_font(point_size: float | None = None) -> QFont:
    font = QFont()
    font.setFamilies(READER_FONTS)
    font.setStyleHint(QFont.StyleHint.Serif)
    size = point_size or max(11.0, QApplication.font().pointSizeF() + 2.0)
    font.setPointSizeF(size)
    return font
