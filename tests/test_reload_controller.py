"""LibraryReload on its own (a real reader and banner, the app's parts faked): the place is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_ui_support import CONTENT, FOOTNOTED, OFFSCREEN_NOTICES, OTHER

from jpbrief.core.content import load_library
from jpbrief.core.model import Article, Library
from jpbrief.core.render import render_article
from jpbrief.ui.controllers.reload import LibraryReload
from jpbrief.ui.widgets.banner import ProblemsBanner
from jpbrief.ui.widgets.reader import ReaderView

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)
PLACE = "economic-security-infrastructure"


class Parts:
    """What the app holds: the library and the article shown."""

    def __init__(self, qtbot, content: Path) -> None:
        self.library = load_library(content)
        self.current: Article | None = None
        self.reader = ReaderView([content])
        self.reader.resize(700, 500)
        self.banner = ProblemsBanner()
        for widget in (self.reader, self.banner):
            qtbot.addWidget(widget)
        self.reader.show()
        self.messages: list[str] = []
        self.control = LibraryReload(
            content, lambda: load_library(content), library=lambda: self.library, current=lambda: self.current,
            swap=self.swap, show=self.show, reader=self.reader, banner=self.banner, status=self.messages.append,
        )

    def swap(self, library: Library) -> None:
        self.library = library

    def show(self, article: Article | None) -> None:
        self.current = article
        self.reader.show_html(render_article(article, self.library) if article else "<p>none</p>")


@pytest.fixture
def parts(qtbot, tmp_path: Path):
    content = Path(shutil.copytree(CONTENT, tmp_path / "content"))
    made = Parts(qtbot, content)
    made.show(made.library.article(FOOTNOTED))
    assert made.reader.scroll_to_anchor(PLACE)
    made.reader.verticalScrollBar().setValue(made.reader.verticalScrollBar().value() + 7)
    yield made, content
    made.control.stop()


def test_a_passage_inserted_above_keeps_the_place_to_the_pixel(qtbot, parts) -> None:
    made, content = parts
    before = made.reader.verticalScrollBar().value()
    offset = before - made.control._top_of(PLACE)
    path = content / "articles" / f"{FOOTNOTED}.md"
    text = path.read_text(encoding="utf-8")
    heading = text.index("\n## ") + 1  # a new passage above the place
    path.write_text(text[:heading] + "An added paragraph.\n{: #added}\n\n" + text[heading:], encoding="utf-8")
    with qtbot.waitSignal(made.control.applied, timeout=10000):
        made.control.reload()
    assert made.library.article(FOOTNOTED).passage("added") is not None
    assert made.reader.verticalScrollBar().value() > before  # moved with the text
    assert made.reader.verticalScrollBar().value() - made.control._top_of(PLACE) == offset
    assert made.reader.top_anchor() == PLACE
    assert made.messages[-1] == "Content reloaded"


def test_a_vanished_anchor_keeps_the_fraction(qtbot, parts) -> None:
    made, content = parts
    fraction = made.reader.scroll_fraction()
    path = content / "articles" / f"{FOOTNOTED}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(f"{{: #{PLACE}", "{: #renamed"), encoding="utf-8")
    made.control.apply(load_library(content))
    assert made.reader.top_anchor() in ("renamed", *made.reader.anchors())
    assert abs(made.reader.scroll_fraction() - fraction) < 0.02


def test_an_article_that_is_gone_gives_way_to_the_first(parts) -> None:
    made, content = parts
    (content / "articles" / f"{FOOTNOTED}.md").unlink()
    made.control.apply(load_library(content))
    assert made.current is not None and made.current.id == OTHER
    assert made.reader.verticalScrollBar().value() == 0


def test_the_banner_shows_the_new_problems(parts) -> None:
    made, content = parts
    (content / "themes.yaml").unlink()
    made.control.apply(load_library(content))
    assert made.banner.isVisible() and "the content folder: there is no themes.yaml" in made.banner.details.text()
    assert made.messages[-1] == "Content reloaded: see the problems above"
