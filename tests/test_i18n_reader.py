"""The whole reader in Japanese (issue 16): the article, its cards, search, briefings, the
timeline, the figures, printouts, the notes memo and the dialogs show no English label; only
the content (article text, titles, citations, glossary terms) stays as written."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from test_i18n import ALLOWED, ENGLISH_WORD, RESOURCES, _shown_texts, compiled, japanese  # noqa: F401
from test_ui_support import FOOTNOTED, OFFSCREEN_NOTICES, REPO, build_app, close_app

from jpbrief.core.content import load_library
from jpbrief.core.labels import ENGLISH, NAMES
from jpbrief.ui import i18n
from jpbrief.ui.labels import interface_labels

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)

SAME_IN_JAPANESE = {"separator"}
"""Labels whose Japanese is the English (" · " between the provenance fields)."""
FORMATS = {"jpbrief", "PDF", "URL", "Ctrl", "Shift", "Tab", "Enter", "Esc", "Down", "Alt"}
"""Beyond test_i18n's ALLOWED: nothing else may be Latin letters in a Japanese view."""


def _strings(value: Any, seen: set[int]) -> Iterator[str]:
    """Every string in the model: the content, shown as written in any language."""
    if isinstance(value, str):
        yield value
    elif id(value) in seen or value is None or isinstance(value, int | float | bool):
        return
    else:
        seen.add(id(value))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                yield from _strings(getattr(value, field.name), seen)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from _strings(key, seen)
                yield from _strings(item, seen)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                yield from _strings(item, seen)


class Checker:
    """Finds English that is not content in what a view shows."""

    def __init__(self, library: Any) -> None:
        self.content = "\n".join(_strings(library, set()))
        self.allowed = {w.casefold() for w in ALLOWED | FORMATS}
        self.allowed |= {w.casefold() for w in ENGLISH_WORD.findall(self.content)}
        # English labels' fixed fragments that the content never says: none may be shown
        fragments = (piece.strip(" :;,.‘’“”()‹›") for name in NAMES
                     for piece in re.split(r"\{\w+\}", getattr(ENGLISH, name)))
        self.fragments = sorted({f for f in fragments if len(f) >= 9 and " " in f and f not in self.content})
        self.problems: list[str] = []
        self.checked = 0

    def add_content(self, more: Any) -> None:
        """More content shown as written (a glossary the test lends the reader)."""
        text = "\n".join(_strings(more, set()))
        self.content += "\n" + text
        self.allowed |= {w.casefold() for w in ENGLISH_WORD.findall(text)}
        self.fragments = [f for f in self.fragments if f not in text]
        self.checked = 0

    def text(self, where: str, text: str) -> None:
        text = re.sub(r"<style>.*?</style>", " ", text or "", flags=re.S)  # the style sheet, not shown
        plain = unescape(re.sub(r"<[^>]+>|&\w+;|\(&\w\)|&", " ", text))
        self.checked += 1
        left = [w for w in ENGLISH_WORD.findall(plain) if w.casefold() not in self.allowed]
        leaked = [f for f in self.fragments if f in plain]
        if left or leaked:
            self.problems.append(f"{where}: {', '.join(left + leaked)} in {plain[:160]!r}")

    def widget(self, root: QWidget) -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            for where, text in _shown_texts(widget):
                self.text(where, text)

    def model(self, where: str, model: Any, parent: QModelIndex | None = None) -> None:
        parent = parent or QModelIndex()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        self.text(f"{where} row {row}", value)
            self.model(where, model, model.index(row, 0, parent))


@pytest.mark.usefixtures("japanese")
def test_every_core_label_has_its_japanese(qapp: QApplication) -> None:
    i18n.install(qapp, RESOURCES, "ja")
    labels = interface_labels()
    untranslated = [name for name in NAMES if getattr(labels, name) == getattr(ENGLISH, name)]
    assert sorted(untranslated) == sorted(SAME_IN_JAPANESE)
    assert labels.editor_marker == "[編]" and "編集" in labels.editor_note  # still the editor's
    assert labels.dates("2024-05-10") == "2024年5月10日"
    i18n.install(qapp, RESOURCES, "en")
    assert interface_labels() == ENGLISH


@pytest.mark.usefixtures("japanese")
def test_the_reader_in_japanese_shows_no_english_label(qtbot: Any, tmp_path: Path) -> None:
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", notes_db=tmp_path / "notes.db")
    try:
        qtbot.waitUntil(lambda: app.annotations.notes is not None)
        library, check = app.library, Checker(app.library)
        assert app.labels.author == "著者"

        # the article: provenance, footnote titles, the editor's marks, the notes at its end
        assert app.reading.open_article(FOOTNOTED)
        html = app.reader.toHtml()
        assert "著者：" in app.reader.toPlainText() and "[編]" in app.reader.toPlainText()
        check.text("article", app.reader.toPlainText())
        check.text("article links' titles", " ".join(re.findall(r'title="([^"]*)"', html)))
        # its cards: a footnote, an editor's cross-reference, glossary terms
        article = library.article(FOOTNOTED)
        number = next(f.number for p in article.passages for f in p.footnotes)
        assert app.show_footnote(number, QPoint(10, 10))
        check.widget(app.card)
        assert app.show_crossref(FOOTNOTED, "strategy-documents", QPoint(10, 10))
        check.widget(app.card)
        bundled = load_library(REPO / "content").glossary  # the frozen fixture has no Japanese names
        check.add_content(bundled)
        app.reader.set_glossary(bundled)
        named = next(t for t in bundled.terms if t.ja is not None)
        for term in (bundled.acronyms[0].term, named.english[0]):
            card = app.reader.glossary_tooltip(term)
            assert card is not None
            check.text(f"glossary card {term}", card)
        assert "日本語名の出典" in (app.reader.glossary_tooltip(named.english[0]) or "")
        # on paper: the article, a theme briefing, the timeline and the figures
        paper = app.documents._paper()
        assert paper is not None and "編集注" in paper[1]
        check.text("article on paper", paper[1])
        theme = next(iter(library.themes))
        app.themes_panel.show_theme(theme)
        assert app.briefing.show(theme)
        check.text("briefing", app.reader.toPlainText())
        briefing = app.briefing.paper()
        assert briefing is not None
        check.text("briefing title", briefing[0])
        check.text("briefing on paper", briefing[1])
        from jpbrief.ui.services.digest_printing import Digest

        for kind in ("timeline", "figures"):
            digest = Digest(kind)
            check.text(f"{kind} title", digest.title)
            check.text(f"{kind} on paper", digest.html(library, labels=app.labels))
        # the panels and windows
        app.actions.show_timeline.trigger()
        app.actions.show_figures.trigger()
        check.model("timeline", app.chronology.panel.model)
        check.widget(app.chronology.panel)
        check.model("figures", app.chronology.figures.model)
        check.widget(app.chronology.figures)
        check.widget(app.themes_panel)
        # search: a hit's reason, the status line, a Japanese word with no glossary entry
        panel, reasons, statuses = app.search_panel, [], []
        check.allowed.add("nothing")  # typed by the reader, quoted back
        for query in ("counterstrike", "security infrastructure", "未知の語", "theme:nothing"):
            with qtbot.waitSignal(app.search.results_ready, timeout=60000) as answer:
                app.searching.run(query, "", "")
            outcome = answer.args[1]
            app.searching.show_results(answer.args[0], outcome)
            check.text(f"search status for {query}", panel.status.text())
            statuses.append(panel.status.text())
            for hit in outcome.hits:
                reason = hit.reason_in(app.labels)
                reasons.append(reason)
                check.text(f"why {hit.anchor} matched {query}", reason)
                shown = [panel.results.item(r).text() for r in range(panel.results.count())]
                assert not reason or any(reason in text for text in shown), reason
        assert any(reason.startswith("節見出し「") for reason in reasons), reasons
        assert "用語集にありません" in statuses[2] and "テーマ「nothing」はありません" in statuses[3], statuses
        check.widget(panel)
        # the notes memo and the dialogs
        memo = app.annotations.notes.export_markdown(library, app.labels)
        assert memo.startswith("# jpbrief の注釈")
        check.text("notes memo", memo)
        check.widget(app.documents.show_shortcuts())
        app.documents.show_about()
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes, "the about box is open"
        for box in boxes:
            check.widget(box)
            box.close()
        check.widget(app.window)
        assert not check.problems, "English in the Japanese reader:\n" + "\n".join(sorted(set(check.problems)))
        assert check.checked > 400
    finally:
        close_app(app)
