"""Issue 16: the content checker's problems in the reader's language. Under Japanese the
banner says each typical mistake in Japanese, with the file names, ids and quoted lines as
written; English is unchanged; a warm start (the start-up cache) says them the same way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from test_banner import label_shown
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.core.content import load_library
from jpbrief.core.message import Message
from jpbrief.core.model import Library
from jpbrief.core.model_codec import decode, encode
from jpbrief.ui import i18n
from jpbrief.ui.widgets.banner import ProblemsBanner

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, RESOURCES, "ja")
    yield
    i18n.install(qapp, RESOURCES, "en")


def _with_mistakes(content: Path) -> Path:
    """An unclosed annotation, an unknown theme close to a real one, a duplicate theme id and
    a glossary that is not valid YAML: the trainer's usual first mistakes."""
    alpha = content / "articles" / "alpha.md"
    text = alpha.read_text(encoding="utf-8")
    text = text.replace('{: #dicas themes="dicas"}', '{: #dicas themes="dicas"')
    text = text.replace('themes="counterstrike economic-security"', 'themes="counterstrike economic-securty"')
    alpha.write_text(text, encoding="utf-8")
    themes = content / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8")
                      + "  - id: dicas\n    label: Again\n    description: A second DICAS.\n", encoding="utf-8")
    glossary = content / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "broken: [x\n", encoding="utf-8")
    return content


def _shown(qtbot, library: Library, content: Path) -> str:
    banner = ProblemsBanner()
    qtbot.addWidget(banner)
    assert banner.show_problems(library, content)
    return label_shown(banner.title) + "\n" + label_shown(banner.details)


JAPANESE = [
    "注記行が閉じられていません: '{: #dicas themes=\"dicas\"' の末尾に '}' を加えてください",
    "不明なテーマ 'economic-securty'（themes.yaml にありません。'economic-security' のことですか?）",
    "テーマ id 'dicas' が重複しています",
    "YAML が不正です: この行で開いた '[' が閉じられていません",
]
ENGLISH = [
    "annotation line is not closed: add '}' at the end of '{: #dicas themes=\"dicas\"'",
    "unknown theme 'economic-securty' (not in themes.yaml; did you mean 'economic-security'?)",
    "duplicate theme id 'dicas'",
    "invalid YAML: the list opened with '[' on this line is not closed",
]


def test_typical_mistakes_are_said_in_japanese_with_names_as_written(qtbot, content_copy: Path, japanese):
    shown = _shown(qtbot, load_library(_with_mistakes(content_copy)), content_copy)
    for expected in JAPANESE:
        assert expected in shown, f"{expected!r} not in:\n{shown}"
    for english in ENGLISH:
        assert english.split(" '")[0] not in shown, shown
    assert "articles/alpha.md" in shown and "themes.yaml" in shown and "glossary.yaml" in shown


def test_the_same_mistakes_in_english_are_unchanged(qtbot, content_copy: Path):
    library = load_library(_with_mistakes(content_copy))
    messages = [str(problem.message) for problem in library.problems]
    shown = _shown(qtbot, library, content_copy)
    for expected in ENGLISH:
        assert any(expected in message for message in messages), messages
        assert expected in shown, shown
    assert all(isinstance(problem.message, Message) for problem in library.problems)


def test_a_warm_start_says_the_problems_in_japanese_too(qtbot, content_copy: Path, japanese):
    library = load_library(_with_mistakes(content_copy))
    cached = decode(Library, json.loads(json.dumps(encode(library))))
    assert cached.problems == library.problems
    assert _shown(qtbot, cached, content_copy) == _shown(qtbot, library, content_copy)
    assert all(expected in _shown(qtbot, cached, content_copy) for expected in JAPANESE)


def test_the_pointer_to_the_root_cause_is_left_out_in_japanese_too(qtbot, content_copy: Path, japanese):
    (content_copy / "themes.yaml").unlink()
    shown = _shown(qtbot, load_library(content_copy), content_copy)
    assert "確認していません" in shown
    assert "上記参照" not in shown and "see above" not in shown, shown
