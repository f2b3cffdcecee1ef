"""The interface language: which one, its Qt translators, locale dates and a Japanese font.

The language is the reader's choice in View > Language ("system", "en" or "ja", kept in
Settings); "system" means ``JPBRIEF_LANG``, else ``LANGUAGE``, else ``QLocale.system()``'s
UI languages. Translations are Qt's own: ``resources/i18n/jpbrief_<lang>.qm`` compiled at
build time from the ``.ts`` kept in the repo (English's holds only plural forms), plus
Qt's ``qtbase_<lang>.qm`` for its standard buttons and dialogs. A change made in the app
applies at the next start (the status bar says so): most text is set once, when a widget
is built.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

CHOICES = ("system", "en", "ja")
"""What the reader can pick; "en" is the source language (no translator)."""

SHIPPED = ("ja",)
"""Languages with a translation in resources/i18n."""

ENDONYMS = {"en": "English", "ja": "日本語"}
"""Each language in its own words, as the Language menu shows them (never translated)."""

INTERFACE_FONTS_JA = ("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Hiragino Sans",
                  "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo UI", "Meiryo", "IPAGothic",
                  "IPAexGothic", "TakaoGothic", "VL Gothic", "Droid Sans Fallback")
"""Japanese-capable interface fonts, preferred first (Linux, macOS, Windows)."""

_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark ``source`` for the catalogue under ``context``; translate it where it is shown."""
    del context
    return source


def _from_environment() -> str | None:
    for name in ("JPBRIEF_LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].split("-")[0].lower()
            if code:
                return code
    return None


def language(choice: str) -> str:
    """The language code the interface uses for ``choice`` (one of :data:`CHOICES`)."""
    if choice in SHIPPED or choice == "en":
        return choice
    code = _from_environment()
    if code is None:
        languages = QLocale.system().uiLanguages() or ["en"]
        code = languages[0].split("-")[0].split("_")[0].lower()
    return code if code in SHIPPED else "en"


def install(app: QCoreApplication, resources: Path, choice: str) -> str:
    """Install the translators for ``choice`` on ``app`` (replacing earlier ones) and the
    matching default QLocale; returns the language used ("en" when its file is missing)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    code = language(choice)
    ours = QTranslator(app)
    if not ours.load(str(resources / "i18n" / f"jpbrief_{code}.qm")) and code != "en":
        code = "en"  # not built (see the Makefile): English rather than a mixture
        ours.load(str(resources / "i18n" / "jpbrief_en.qm"))
    if code != "en":  # Qt's own strings: an installer carries them beside ours
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", str(resources / "i18n")) or qt.load(
                f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    if not ours.isEmpty():  # English: only its plural forms ("1 article", "2 articles")
        app.installTranslator(ours)
        _installed.append(ours)
    QLocale.setDefault(QLocale("en_US" if code == "en" else code))
    return code


def japanese_font(base: QFont) -> QFont | None:
    """``base`` with a Japanese-capable family to fall back on, or None if the system has none."""
    present = set(QFontDatabase.families())
    found = [family for family in INTERFACE_FONTS_JA if family in present]
    if not found:
        return None
    font = QFont(base)
    font.setFamilies([*base.families(), *found] if base.families() else found)
    return font


def apply_font(app: QCoreApplication, code: str) -> None:
    """Give the interface a Japanese-capable font when it is in Japanese."""
    from PySide6.QtWidgets import QApplication

    if code == "ja" and isinstance(app, QApplication):
        font = japanese_font(app.font())
        if font is not None:
            app.setFont(font)


def _japanese() -> bool:
    return QLocale().language() == QLocale.Language.Japanese


def format_date(iso: str) -> str:
    """An ISO date (``2024-05-10``) in the interface's locale (``2024年5月10日``,
    ``10 May 2024``); other text as it is."""
    parsed = QDate.fromString(iso[:10], "yyyy-MM-dd") if len(iso) >= 10 else QDate()
    if not parsed.isValid():
        return iso
    locale = QLocale()
    if _japanese():
        return locale.toString(parsed, "yyyy年M月d日")
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return locale.toString(parsed, "d MMMM yyyy")
    return locale.toString(parsed, QLocale.FormatType.LongFormat)


def _point(text: str) -> str:
    locale = QLocale()
    if len(text) == 10:
        return format_date(text)
    if len(text) == 7:  # a month: the locale's own words for "month year"
        month = QDate.fromString(text + "-01", "yyyy-MM-dd")
        if month.isValid():
            pattern = "yyyy年M月" if _japanese() else "MMMM yyyy"
            return locale.toString(month, pattern)
    if len(text) == 4 and _japanese():
        return f"{text}年"
    return text


def display_date(text: str) -> str:
    """An editorial date (``2024-05-10``, ``2024-05``, ``2024``, ``2014..2016``) in the
    interface's locale; English keeps :func:`jpbrief.core.dates.display_date`'s words."""
    from jpbrief.core.dates import RANGE_SEPARATOR, date_span
    from jpbrief.core.dates import display_date as english

    if QLocale().language() in (QLocale.Language.English, QLocale.Language.C) or date_span(text) is None:
        return english(text)
    start, separator, end = text.partition(RANGE_SEPARATOR)
    if not separator:
        return _point(start)
    return f"{_point(start)}〜{_point(end)}" if _japanese() else f"{_point(start)} – {_point(end)}"


def localised(text: str) -> str:
    """A date written ISO-style in the content (a source's date, a pack's): kept as written in
    English, as before; in the locale's words in another language."""
    if QLocale().language() in (QLocale.Language.English, QLocale.Language.C):
        return text
    return display_date(text)
