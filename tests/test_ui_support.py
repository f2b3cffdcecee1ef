"""Helpers shared by the UI tests (no tests here): build a started ReaderApp, find markers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument

from jpbrief.core.content import load_library
from jpbrief.ui.app import ReaderApp
from jpbrief.ui.selftest import marker_cursor
from jpbrief.ui.services.search_service import default_index_factory
from jpbrief.ui.services.settings import Settings
from jpbrief.ui.widgets.reader import ReaderView

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "tests" / "fixtures" / "reader"  # frozen copy: see its README
FOOTNOTED = "navigating-new-frontiers"
OTHER = "focused-on-its-region"

# The offscreen platform says so whenever a window asks it for something it cannot do.
OFFSCREEN_NOTICES = "This plugin does not support"


def build_app(
    qtbot: Any,
    config_dir: Path,
    index_root: Path,
    *,
    content: Path = CONTENT,
    confirm: Any = lambda *_: False,
    start: bool = True,
    prerendered: bool = False,
    notes_db: Path | None = None,
    cache_root: Path | None = None,
    index_at_start: bool = True,
) -> ReaderApp:
    """``prerendered``: hand it every article's HTML, as a start from the start-up cache does;
    ``notes_db``: a notes store there (opened after the first paint; None: no notes);
    ``cache_root``: a first start's, as ``jpbrief read`` makes it: the library parsed,
    written to a start-up cache there and read back (its articles deferred)."""
    rendered: Any = None
    if cache_root is not None:
        from jpbrief.ui.services import library_cache

        library, rendered = library_cache.parse_and_cache(
            content, cache_root, library_cache.fingerprint(content), lambda: load_library(content))
    else:
        library = load_library(content)
    if prerendered:
        from jpbrief.core.render import render_article

        rendered = {a.id: render_article(a, library, with_sources=True) for a in library.articles}
    app = ReaderApp(
        library,
        content,
        Settings(config_dir),
        search_factory=default_index_factory(content, library, index_root, key_dir=config_dir.parent / "data"),
        confirm_url=confirm,
        rendered=rendered,
        notes_factory=None if notes_db is None else lambda: _notes_store(notes_db),
        index_at_start=index_at_start,
    )
    qtbot.addWidget(app.window)
    qtbot.addWidget(app.card)
    if start:
        app.start()
        qtbot.waitUntil(lambda: app.reader.painted)
    return app


def _notes_store(path: Path) -> Any:
    from jpbrief.core.notes import NotesStore

    return NotesStore(path, auto_backup=False)


def close_app(app: ReaderApp) -> None:
    """Stop what could still call into the app after the test: the card, the search
    worker, the content watcher (a save's reload in flight is dropped, as at quit) and
    the notes store, closed through its controller so nothing uses it closed."""
    app.card.dismiss()
    app.search.shutdown()
    app.content_reload.stop()
    app.annotations.close()


def marker_pos(reader: ReaderView, href: str) -> QPoint:
    """Viewport position in the middle of the first link to ``href`` (scrolled into view)."""
    cursor = marker_cursor(reader, href)
    assert cursor is not None, f"no link to {href}"
    inside = QTextCursor(reader.document())
    inside.setPosition(cursor.selectionStart() + 1)
    reader.setTextCursor(inside)
    reader.ensureCursorVisible()
    rect = reader.cursorRect(inside)
    return QPoint(rect.left(), rect.center().y())


class _RecordingDocument(QTextDocument):
    """A document that refuses every resource and remembers what was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, kind: int, name: Any) -> Any:
        self.asked.append(QUrl(name).toString())
        return None


def shown(text: str, rich: bool | None = None) -> str:
    """The characters a sink shows for ``text``; fails if laying it out asks for a resource.

    ``rich``: the sink's format, or None where Qt guesses it (tool-tips, ``AutoText``).
    """
    if rich is None:
        rich = QtGui.Qt.mightBeRichText(text)
    if not rich:
        return text
    doc = _RecordingDocument()
    doc.setHtml(text)
    doc.size()  # lays it out: images are fetched here
    assert doc.asked == [], f"the sink's text loads {doc.asked}: {text!r}"
    return doc.toPlainText()
