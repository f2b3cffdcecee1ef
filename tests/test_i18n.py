"""The Japanese interface: the catalogue is complete and current, the language is chosen as
documented, dates follow the locale, and the main window under Japanese shows no English."""

from __future__ import annotations

import ast
import re
import shutil
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)
from test_ui_support import OFFSCREEN_NOTICES, build_app, close_app

from jpbrief.ui import i18n, i18n_catalog

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "resources"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}|%n")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <message> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def placeholders(text: str) -> list[str]:
    """Every ``{name}`` with its conversion and format (``{id!r}``, ``{size:,}``), doubled braces
    and ``%n``: a translation must keep them all (a lost ``!r`` or ``,`` changes the value shown)."""
    try:
        fields = [f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}"
                  for _text, name, spec, conv in string.Formatter().parse(text) if name is not None]
    except ValueError:  # not a str.format template (a lone brace): its plain placeholders
        fields = PLACEHOLDER.findall(text)
    return sorted(fields + ["{{"] * text.count("{{") + ["}}"] * text.count("}}") + ["%n"] * text.count("%n"))


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    forms = [form.text or "" for form in element.iter("numerusform")]
    return forms or [element.text or ""]


@pytest.fixture
def compiled(qapp: QApplication) -> Path:
    """The .qm files beside the .ts (conftest's english_interface compiles them when stale)."""
    assert (i18n_catalog.CATALOGUE / "jpbrief_ja.qm").exists()
    return i18n_catalog.CATALOGUE


@pytest.fixture
def japanese(qapp: QApplication, compiled: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The interface in Japanese for one test; English (and the font) again afterwards."""
    monkeypatch.setenv("JPBRIEF_LANG", "ja")
    font = qapp.font()
    yield
    i18n.install(qapp, RESOURCES, "en")
    qapp.setFont(font)


# -------------------------------------------------------------------- the catalogue
def test_every_japanese_message_is_translated_and_keeps_its_placeholders() -> None:
    found = messages(i18n_catalog.ts_file("ja"))
    assert len(found) > 250
    problems = []
    for (context, source), message in found.items():
        kind = message.find("translation").get("type")  # type: ignore[union-attr]
        texts = translations(message)
        if kind or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is {kind or 'empty'}")
            continue
        for text in texts:
            if placeholders(text) != placeholders(source):
                problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
            if re.search(r"&\w", source) and not re.search(r"&\w", text):
                problems.append(f"{context}: {source!r} -> {text!r} drops the access key")
    assert not problems, "\n".join(problems)


def test_english_plural_forms_are_finished() -> None:
    found = messages(i18n_catalog.ts_file("en"))
    assert found, "the English catalogue holds the plural forms"
    for (context, source), message in found.items():
        forms = translations(message)
        assert len(forms) == 2 and all(forms), (context, source)
        assert "(s)" not in "".join(forms), (context, source)


@pytest.mark.parametrize("language", sorted(i18n_catalog.TARGETS))
def test_lupdate_finds_no_string_missing_from_the_catalogue(language: str, tmp_path: Path) -> None:
    kept = i18n_catalog.ts_file(language)
    fresh = tmp_path / kept.name
    shutil.copy(kept, fresh)
    i18n_catalog.lupdate(fresh, language)
    before, after = messages(kept), messages(fresh)
    assert sorted(set(after) - set(before)) == [], "run `make lupdate` and translate the new strings"
    assert sorted(set(before) - set(after)) == [], "run `make lupdate`: these strings are gone"
    unfinished = [key for key, m in after.items() if m.find("translation").get("type")]  # type: ignore[union-attr]
    assert unfinished == []


def _calls() -> Iterator[tuple[Path, int, str | None, ast.expr]]:
    """(file, line, context, source argument) of every translate/tr/QT_TRANSLATE_NOOP call."""
    for path in i18n_catalog.sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes: list[tuple[int, int, str]] = [
            (node.lineno, node.end_lineno or node.lineno, node.name)
            for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
        ]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context = node.args[0].value if isinstance(node.args[0], ast.Constant) else None
                yield path, node.lineno, context, node.args[1]
            elif name == "tr" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                    and func.value.id == "self":
                inside = [c for c in classes if c[0] <= node.lineno <= c[1]]
                yield path, node.lineno, max(inside)[2] if inside else None, node.args[0]


def test_every_translated_literal_is_in_the_catalogue() -> None:
    """lupdate skips some call shapes silently; each call with a literal must reach the .ts."""
    known = set(messages(i18n_catalog.ts_file("ja")))
    problems = []
    for path, line, context, source in _calls():
        where = f"{path.relative_to(REPO)}:{line}"
        if isinstance(source, ast.JoinedStr):
            problems.append(f"{where}: an f-string cannot be translated; use placeholders and .format")
        elif isinstance(source, ast.Constant) and isinstance(source.value, str) and context is not None \
                and (context, source.value) not in known:
            problems.append(f"{where}: {context}: {source.value!r} is not in the catalogue")
    assert not problems, "\n".join(problems)


# -------------------------------------------------------------------- choosing the language
def test_the_language_follows_the_setting_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JPBRIEF_LANG", "ja")
    assert i18n.language("system") == "ja"
    assert i18n.language("en") == "en"  # the reader's own choice wins
    monkeypatch.setenv("JPBRIEF_LANG", "fr")
    assert i18n.language("system") == "en"  # no French translation: the source language
    assert i18n.language("ja") == "ja"
    monkeypatch.delenv("JPBRIEF_LANG")
    monkeypatch.setenv("LANGUAGE", "ja_JP.UTF-8:en")
    assert i18n.language("system") == "ja"


def test_the_language_setting_is_kept_and_checked(tmp_path: Path) -> None:
    from jpbrief.ui.services.settings import Settings

    settings = Settings(tmp_path)
    assert settings.language == "system"
    settings.language = "ja"
    settings.sync()
    assert Settings(tmp_path).language == "ja"
    with pytest.raises(ValueError, match="language must be one of"):
        settings.language = "fr"
    settings._prefs.setValue("ui/language", "klingon")  # a hand-edited file: back to the system's
    assert settings.language == "system"


def test_install_loads_japanese_and_falls_back_to_english(qapp: QApplication, japanese: None,
                                                          tmp_path: Path) -> None:
    assert i18n.install(qapp, RESOURCES, "system") == "ja"
    assert QCoreApplication.translate("Actions", "&File") == "ファイル(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"  # Qt's own
    assert i18n.install(qapp, tmp_path, "ja") == "en", "no compiled catalogue: English, not a mixture"
    assert QCoreApplication.translate("Actions", "&File") == "&File"


def test_english_plurals(qapp: QApplication, compiled: Path) -> None:
    i18n.install(qapp, RESOURCES, "en")
    assert QCoreApplication.translate("ThemesPanel", "%n article(s)", None, 1) == "1 article"
    assert QCoreApplication.translate("ThemesPanel", "%n article(s)", None, 3) == "3 articles"


def test_dates_follow_the_locale(qapp: QApplication, japanese: None) -> None:
    i18n.install(qapp, RESOURCES, "en")
    assert i18n.display_date("2024-05-10") == "10 May 2024"
    assert i18n.localised("2024-05-10") == "2024-05-10"  # English keeps a source's date as written
    i18n.install(qapp, RESOURCES, "ja")
    assert QLocale().language() == QLocale.Language.Japanese
    assert i18n.display_date("2024-05-10") == "2024年5月10日"
    assert i18n.display_date("2024-05") == "2024年5月"
    assert i18n.display_date("2014..2016") == "2014年〜2016年"
    assert i18n.localised("2023-12-01") == "2023年12月1日"
    assert i18n.display_date("not a date") == "not a date"


# -------------------------------------------------------------------- the window in Japanese
ALLOWED = {"jpbrief", "PDF", "Markdown", "ODF", "JSON", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab",
           "Down", "URL", "USB", "OR", "English", "jpbpack", "check", "exclude", "prefix"}
"""Proper names, file formats, key names and query syntax: the same in a Japanese interface."""
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def _content_words(app: Any) -> set[str]:
    """Words of the content (titles, theme labels, sections): shown as written, never translated."""
    library, words = app.library, set()
    texts = [a.title for a in library.articles] + [t.label for t in library.themes.values()]
    texts += [p.section or "" for a in library.articles for p in a.passages]
    texts += [a.byline or "" for a in library.articles]
    for text in texts:
        words.update(word.casefold() for word in ENGLISH_WORD.findall(text))
    return words


def _shown_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    name = type(widget).__name__
    yield f"{name} tooltip", widget.toolTip()
    yield f"{name} accessible name", widget.accessibleName()
    yield f"{name} accessible description", widget.accessibleDescription()
    if widget.isWindow():
        yield f"{name} window title", widget.windowTitle()
    if isinstance(widget, QAbstractButton | QLabel):
        yield f"{name} text", widget.text()
    if isinstance(widget, QLineEdit):
        yield f"{name} placeholder", widget.placeholderText()
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"{name} tab", widget.tabText(index)
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            if not widget.itemData(index):  # "All themes" and the like; the others are content
                yield f"{name} item", widget.itemText(index)
    if isinstance(widget, QMenu):
        yield f"{name} title", widget.title()
    if isinstance(widget, QTableView) and widget.model() is not None:
        model = widget.model()
        for column in range(model.columnCount(QModelIndex())):
            yield f"{name} header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for action in widget.actions():
        for kind, text in (("action", action.text()), ("action tip", action.toolTip()),
                           ("status tip", action.statusTip())):
            yield f"{name} {kind}", text


def test_main_window_in_japanese_shows_no_english(qtbot: Any, tmp_path: Path, japanese: None) -> None:
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", notes_db=tmp_path / "notes.db")
    try:
        qtbot.waitUntil(lambda: app.annotations.notes is not None)
        # every part built on first use: themes, search, notes, timeline, figures, the card
        app.themes_panel.show_theme(next(iter(app.library.themes)))
        app.search_panel.show_status("")
        app.notes_panel.show_annotations([])
        app.actions.show_timeline.trigger()
        app.actions.show_figures.trigger()
        figures = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "FiguresWindow"]
        assert figures, "the key-figures window was built"
        assert app.window.menuBar().actions()[0].text() == "ファイル(&F)"
        allowed = {word.casefold() for word in ALLOWED} | _content_words(app)
        roots: list[QWidget] = [app.window, app.card, *figures]
        widgets = {id(w): w for root in roots for w in [root, *root.findChildren(QWidget)]}
        english = []
        for widget in widgets.values():
            for where, text in _shown_texts(widget):
                plain = re.sub(r"<[^>]+>|&\w+;|\(&\w\)|&", " ", text or "")
                left = [w for w in ENGLISH_WORD.findall(plain) if w.casefold() not in allowed]
                if left:
                    english.append(f"{where}: {text!r} ({', '.join(left)})")
        assert not english, "untranslated:\n" + "\n".join(sorted(set(english)))
        checked = sum(1 for w in widgets.values() for _ in _shown_texts(w))
        assert checked > 200
    finally:
        close_app(app)


def test_shortcuts_table_drops_access_keys_in_both_languages() -> None:
    from jpbrief.ui.actions import without_access_key

    assert without_access_key("&File") == "File"
    assert without_access_key("Next a&rticle") == "Next article"
    assert without_access_key("ファイル(&F)") == "ファイル"
    assert without_access_key("PDFに書き出す(&E)…") == "PDFに書き出す…"


def test_the_language_menu_saves_the_choice_for_the_next_start(qtbot: Any, tmp_path: Path) -> None:
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index")
    try:
        menu = next(a.menu() for a in app.window.menuBar().actions() if a.text() == "&View")
        languages = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "L&anguage")
        assert [a.text() for a in languages.actions()] == ["&System language", "&English", "日本語 (&J)"]
        assert app.actions.language_system.isChecked()
        app.actions.language_ja.trigger()
        assert app.settings.language == "ja"
        assert "next time" in app.window.statusBar().currentMessage()
        app.actions.language_en.trigger()
        assert app.settings.language == "en"
        assert "stays" in app.window.statusBar().currentMessage()  # English is what is shown
    finally:
        close_app(app)


# -------------------------------------------------------------------- installers
def _spec_keep() -> Any:
    """The spec's ``keep`` filter with its constants (the spec itself needs PyInstaller to run)."""
    tree = ast.parse((REPO / "packaging" / "jpbrief.spec").read_text(encoding="utf-8"))
    wanted = [node for node in tree.body
              if (isinstance(node, ast.FunctionDef) and node.name == "keep")
              or (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
              and node.targets[0].id in ("WINDOWS", "DROPPED_EVERYWHERE", "DROPPED_LINUX", "DROPPED_WINDOWS",
                                         "DROPPED"))]
    scope: dict[str, Any] = {"sys": __import__("sys")}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), "jpbrief.spec", "exec"), scope)
    return scope["keep"]


def test_installers_carry_the_compiled_translations_and_not_their_sources(tmp_path: Path) -> None:
    keep = _spec_keep()
    assert keep(("resources/i18n/jpbrief_ja.qm", "", "DATA"))
    assert keep(("resources/i18n/qtbase_ja.qm", "", "DATA"))
    assert not keep(("resources/i18n/jpbrief_ja.ts", "", "DATA"))
    assert not keep(("PySide6/Qt/translations/qtbase_de.qm", "", "DATA"))  # Qt's others stay out

    import importlib.util

    loader = importlib.util.spec_from_file_location("jpbrief_build", REPO / "packaging" / "build.py")
    assert loader is not None and loader.loader is not None
    build = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(build)
    folder = tmp_path / "jpbrief" / "_internal" / "resources" / "i18n"
    folder.mkdir(parents=True)
    assert build.translation_problems(tmp_path / "jpbrief") == ["jpbrief_en.qm", "jpbrief_ja.qm", "qtbase_ja.qm"]
    for name in ("jpbrief_en.qm", "jpbrief_ja.qm", "qtbase_ja.qm"):
        (folder / name).write_bytes(b"")
    assert build.translation_problems(tmp_path / "jpbrief") == []
