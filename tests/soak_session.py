"""A long reading session on the real window, for the soak test and its benchmark (no tests here).

Every action goes through the widgets a reader uses: mouse clicks on the library and theme
lists and on the Clear button, keys typed into the search field and Enter on its results,
clicks on footnote and cross-reference markers and Escape to close their card, window
resizes. After each action the session waits, without sleeping, for what the reader would
see: the reader's viewport painted again (the lists are painted in the same pass), the
card shown or hidden, the search results in.

The caller supplies the waiting (a ``Waiter``): ``qtbot`` in the test, a bare event loop
in the benchmark. The session watches None's reference count around every action: a
PySide6 that hands Python a ``None`` one reference short (6.12.0 does, for empty QVariants
and more) makes it fall with every list paint, and the interpreter aborts
("none_dealloc") when it reaches zero. With ``floor`` set, the session stops with an
AssertionError as soon as the count falls below it, long before that abort.
"""

from __future__ import annotations

import gc
import itertools
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget

from jpbrief.ui.selftest import marker_cursor
from jpbrief.ui.widgets.reader import ReaderView

SEARCHES = ("DICAS", "supply chains", "counterstrike", "firms", "Ann Author", "zzyzx")
"""Queries with hits in the fixture library, and one without (the did-you-mean path)."""
SIZES = ((1100, 760), (900, 640), (1280, 820), (960, 700))
MARKERS = ("fn:1", "fn:2", "fn:3", "xref:beta#dicas-forum")
"""The footnote and cross-reference markers of the fixture's ``alpha`` article."""
FOOTNOTED = "alpha"
TIMEOUT_MS = 20000


class Waiter(Protocol):
    """How the session waits: run the event loop until a signal fires or a condition holds."""

    def signal(self, signal: SignalInstance, action: Callable[[], object]) -> None:
        """Do ``action`` and wait for ``signal`` (connected before the action)."""

    def until(self, condition: Callable[[], bool]) -> None:
        """Wait until ``condition()`` is true."""


class EventLoopWaiter:
    """A ``Waiter`` that leaves None's count alone: one event loop and one timer, made once.

    On PySide6 6.11.3 a QObject destroyed while a Python callable is connected to it keeps
    one reference to None (harmless: it never frees None). pytest-qt's ``waitSignal`` and
    ``waitUntil`` make a timer per wait (per 10 ms poll, for ``waitUntil``), so a session
    waiting through them would add thousands of references of its own to the count it
    watches, and hide a loss as large. This one connects only to objects that outlive it.
    """

    def __init__(self, timeout_ms: int = TIMEOUT_MS) -> None:
        self.timeout_ms = timeout_ms
        self._loop = QEventLoop()
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._loop.quit)
        self._fired = False

    def _catch(self, *_args: object) -> None:
        self._fired = True
        self._loop.quit()

    def signal(self, signal: SignalInstance, action: Callable[[], object]) -> None:
        self._fired = False
        signal.connect(self._catch)
        try:
            action()
            if not self._fired:
                self._timer.start(self.timeout_ms)
                self._loop.exec()
                self._timer.stop()
        finally:
            signal.disconnect(self._catch)
        if not self._fired:
            raise TimeoutError(f"no signal within {self.timeout_ms} ms")

    def until(self, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + self.timeout_ms / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"condition not met within {self.timeout_ms} ms")
            self._timer.start(5)  # run the event loop for 5 ms, then look again
            self._loop.exec()


class PaintProbe(QObject):
    """Counts the Paint events a widget receives; ``painted`` fires on each."""

    painted = Signal()

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.painted.emit()
        return False


def none_refcount() -> int:
    """None's reference count once the cyclic garbage is gone (cycles may hold None)."""
    gc.collect()
    return sys.getrefcount(None)


def marker_centre(reader: ReaderView, href: str) -> QPoint:
    """Viewport point in the middle of the first link to ``href``, scrolled into view.

    (The middle, not one character in: a one-digit footnote marker is one character.)
    """
    link = marker_cursor(reader, href)
    assert link is not None, f"no link to {href}"
    start, end = QTextCursor(link), QTextCursor(link)
    start.setPosition(link.selectionStart())
    end.setPosition(link.selectionEnd())
    reader.setTextCursor(start)
    reader.ensureCursorVisible()
    left, right = reader.cursorRect(start), reader.cursorRect(end)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


@dataclass
class Session:
    """Drives a started ``ReaderApp`` on the fixture library; counts what it did.

    ``done`` counts the actions of each kind, ``drift`` the change of None's reference
    count across them (by kind). ``floor``: fail as soon as the count falls below it.
    """

    app: Any
    wait: Waiter
    floor: int | None = None
    done: Counter[str] = field(default_factory=Counter)
    drift: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.reader_paints = PaintProbe(self.app.reader.viewport())
        self._sizes = itertools.cycle(SIZES)
        self._searches = itertools.cycle(SEARCHES)
        self._markers = itertools.cycle(MARKERS)
        self._themes = itertools.cycle(self.app.library.themes)

    # -- bookkeeping -----------------------------------------------------------------
    def actions(self) -> int:
        return sum(self.done.values())

    def _act(self, kind: str, action: Callable[[], object]) -> None:
        before = sys.getrefcount(None)
        action()
        after = sys.getrefcount(None)
        self.done[kind] += 1
        self.drift[kind] += after - before
        if self.floor is not None and after < self.floor:
            raise AssertionError(
                f"None's reference count fell to {after}, below {self.floor}, after "
                f"{self.actions()} actions: PySide6 is returning None one reference short "
                f"(change by kind of action: {dict(self.drift)})"
            )

    @contextmanager
    def _repainted(self) -> Iterator[None]:
        """Wait until the reader is painted after what the block did."""
        before = self.reader_paints.count
        yield
        if self.reader_paints.count == before:
            self.wait.signal(self.reader_paints.painted, lambda: None)

    def _click_row(self, view: QListWidget, row: int) -> None:
        item = view.item(row)
        view.scrollToItem(item)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         view.visualItemRect(item).center())

    # -- actions ---------------------------------------------------------------------
    def switch_article(self) -> None:
        """Click the next article in the library list (the Library tab first, if hidden)."""
        app = self.app
        panel = app.library_panel
        if app.window.sidebar.currentWidget() is not panel:
            app.actions.show_library.trigger()
        ids = [a.id for a in app.library.articles]
        shown = app.reading.current.id if app.reading.current is not None else ids[-1]  # a theme briefing
        target = ids[(ids.index(shown) + 1) % len(ids)]

        def click() -> None:
            with self._repainted():
                self._click_row(panel.articles, ids.index(target))
            assert app.reading.current.id == target, (app.reading.current.id, target)

        self._act("article switches", click)

    def pick_theme(self) -> None:
        """Click the next theme in the Themes tab; if one is marked, the Clear button instead."""
        app = self.app
        panel = app.themes_panel
        app.actions.show_themes.trigger()
        if app.reading.marked_theme:
            def clear() -> None:
                with self._repainted():
                    QTest.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
                assert app.reading.marked_theme == ""

            self._act("theme clears", clear)
            return
        theme = next(self._themes)

        def pick() -> None:
            with self._repainted():
                self._click_row(panel.themes, panel.themes.targets().index(theme))
            assert app.reading.marked_theme == theme
            assert panel.digest.count() == len(app.library.theme_passages(theme))

        self._act("theme picks", pick)

    def search(self) -> None:
        """Ctrl+F, type a query, wait for its results; Enter opens the first hit."""
        app = self.app
        app.actions.find.trigger()
        panel = app.search_panel
        query = next(self._searches)

        def type_query() -> None:
            previous = panel.outcome
            QTest.keyClicks(panel.query, query)
            self.wait.until(lambda: panel.outcome is not previous and not panel.request_pending()
                            and panel.outcome.query == query)

        self._act("searches", type_query)
        if not panel.outcome.hits:
            assert panel.suggestion.isVisible() or panel.status.text()
            return
        first = panel.outcome.hits[0]

        def open_first() -> None:
            with self._repainted():
                QTest.keyClick(panel.query, Qt.Key.Key_Return)
            assert app.reading.current.id == first.article

        self._act("search results opened", open_first)

    def open_card(self) -> None:
        """Click a footnote or cross-reference marker, then close its card with Escape."""
        app = self.app
        assert app.reading.current.id == FOOTNOTED
        reader = app.reader
        pos = marker_centre(reader, next(self._markers))
        card = app.card

        def click() -> None:
            QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
            self.wait.until(card.isVisible)

        def escape() -> None:
            self.wait.signal(card.closed, lambda: QTest.keyClick(reader, Qt.Key.Key_Escape))
            assert not card.isVisible()

        self._act("cards opened", click)
        self._act("cards closed", escape)

    def resize(self) -> None:
        """Give the window the next size; wait until the reader is painted at it."""
        window = self.app.window
        width, height = next(self._sizes)

        def resize() -> None:
            with self._repainted():
                window.resize(width, height)
            self.wait.until(lambda: window.width() == width)

        self._act("resizes", resize)

    # -- the session -----------------------------------------------------------------
    def round(self, switches: int = 10, search: bool = True) -> None:
        """A stretch of reading: article switches, a card, a theme, a resize, a search."""
        for _ in range(switches):
            self.switch_article()
        while self.app.reading.current.id != FOOTNOTED:
            self.switch_article()
        self.open_card()
        self.pick_theme()
        self.resize()
        if search:
            self.search()
