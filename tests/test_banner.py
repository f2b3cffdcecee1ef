"""Issue 12: the reader's banner names each root cause once, in plain words, relative to
the content folder, and shows what follows from it as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.core.content import load_library
from jpbrief.ui.widgets.banner import FOLLOWS, ProblemsBanner

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


def label_shown(label) -> str:
    """The label's text as the reader sees it, one line per line shown."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().replace("\u2028", "\n").replace("\xa0", " ")


def _banner(qtbot) -> ProblemsBanner:
    banner = ProblemsBanner()
    qtbot.addWidget(banner)
    return banner


def _break_alpha(content_copy: Path) -> None:
    alpha = content_copy / "articles" / "alpha.md"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace('title: "Alpha: a briefing"', "title: [x"))


def test_a_skipped_article_is_one_root_cause_and_the_link_to_it_follows_from_it(qtbot, content_copy: Path):
    _break_alpha(content_copy)
    library = load_library(content_copy)
    banner = _banner(qtbot)
    assert banner.show_problems(library, content_copy)
    assert label_shown(banner.title).startswith("1 article could not be loaded")
    assert label_shown(banner.details).splitlines() == [
        "articles/alpha.md, line 3: invalid front matter: the list opened with '[' on this line is not "
        "closed: add ']' at its end, or put the whole value in double quotes if it is text",
        f"   {FOLLOWS} articles/beta.md, line 13: cross-reference to alpha#opening not checked",
    ]


def test_the_consequence_knows_its_root_cause(content_copy: Path):
    _break_alpha(content_copy)
    root, consequence = load_library(content_copy).problems
    assert root.follows_from is None
    assert consequence.follows_from == root


def test_a_missing_themes_file_is_one_root_cause_for_every_file(qtbot, content_copy: Path):
    (content_copy / "themes.yaml").unlink()
    banner = _banner(qtbot)
    assert banner.show_problems(load_library(content_copy), content_copy)
    assert label_shown(banner.title) == "1 problem in the content"
    lines = label_shown(banner.details).splitlines()
    assert lines[0] == (
        "the content folder: there is no themes.yaml in this folder: create it "
        "(see docs/content-format.md, 'themes.yaml')"
    )
    assert lines[1:] == [
        f"   {FOLLOWS} articles/{name}, line {line}: 3 theme(s) in this file not checked"
        for name, line in (("alpha.md", 11), ("beta.md", 13))
    ]


def test_warnings_say_so_in_plain_words(qtbot, content_copy: Path):
    gamma = content_copy / "articles" / "gamma.md"
    gamma.write_text(
        "---\nid: gamma\ntitle: T\n---\n\nText.\n{: #a see=\"beta#dicas-forum\"}\n", encoding="utf-8"
    )
    banner = _banner(qtbot)
    assert banner.show_problems(load_library(content_copy), content_copy)
    assert label_shown(banner.details).splitlines() == [
        "articles/gamma.md, line 7: warning: cross-reference to beta#dicas-forum is one-way: "
        "add see=\"gamma#a\" there too"
    ]


def test_a_broken_save_says_the_last_good_version_is_shown(qtbot, content_copy: Path):
    _break_alpha(content_copy)
    banner = _banner(qtbot)
    assert banner.show_problems(load_library(content_copy), content_copy, kept=("alpha",))
    assert label_shown(banner.title).startswith(
        "1 changed article could not be loaded — the last version that loaded is still shown"
    )


def test_the_root_cause_survives_the_start_up_cache(content_copy: Path):
    import json

    from jpbrief.core.model import Library
    from jpbrief.core.model_codec import decode, encode

    _break_alpha(content_copy)
    library = load_library(content_copy)
    cached = decode(Library, json.loads(json.dumps(encode(library))))
    assert cached.problems == library.problems
    assert cached.problems[1].follows_from == cached.problems[0]
