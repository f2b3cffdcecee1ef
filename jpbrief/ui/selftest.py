"""``jpbrief self-test``: open the real window and exercise it; packaging's smoke test.

It opens every article, runs a search and opens its first hit, opens a footnote card
and a cross-reference card, bookmarks, highlights and annotates a passage in a scratch
notes store, optionally saves a screenshot with a footnote card showing (and
``<name>-notes.png`` with the Notes panel),
prints one line per check, and exits 0 only if every check passed. Settings and notes
go to a temporary folder, so a self-test never changes a reader's position, zoom or notes. Waits
use an event loop with a timeout, never a sleep.

It also proves that text renders: a platform without fonts (Qt's offscreen platform on
Windows finds none unless pointed at a font folder) draws every character as an empty box,
which a window-level check cannot see. So a line of the library is drawn into an image in
the reader's and the interface's fonts, and must leave ink that differs from the same
number of characters that no font has (drawn as missing-glyph boxes).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QPoint, Qt, QTimer, SignalInstance
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QImage, QPainter, QPixmap, QTextCursor

from jpbrief.core import links
from jpbrief.core.model import Library
from jpbrief.ui.widgets.reader import ReaderView

SCREENSHOT_FOOTNOTE = 17
"""The footnote shown in the screenshot when the library has it (a source cited twice)."""
MISSING_GLYPH = "\uffff"
"""A noncharacter: no font has a glyph for it, so it is drawn as the missing-glyph box."""
MIN_INK_PER_CHAR = 3
"""Fewer dark pixels per character than this is no glyph at any reading size."""


def wait_for_signal(signal: SignalInstance, timeout_ms: int) -> list[Any] | None:
    """Run an event loop until ``signal`` fires (its arguments) or the timeout (None)."""
    loop = QEventLoop()
    received: list[list[Any]] = []

    def catch(*args: Any) -> None:
        received.append(list(args))
        loop.quit()

    signal.connect(catch)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    if not received:
        loop.exec()
    timer.stop()
    signal.disconnect(catch)
    return received[0] if received else None


def wait_until(predicate: Callable[[], bool], timeout_ms: int) -> bool:
    """Process events until ``predicate`` holds or the timeout passes."""
    deadline = time.monotonic() + timeout_ms / 1000
    loop = QEventLoop()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QTimer.singleShot(10, loop.quit)
        loop.exec()
    return True


def marker_cursor(reader: ReaderView, href: str) -> QTextCursor | None:
    """A cursor on the first link to ``href`` in the reader's document."""
    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(reader.document())
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                return cursor
            it += 1
        block = block.next()
    return None


def marker_point(reader: ReaderView, href: str) -> QPoint | None:
    """Global position below the first marker linking to ``href`` (it must be on screen)."""
    cursor = marker_cursor(reader, href)
    if cursor is None:
        return None
    rect = reader.cursorRect(cursor)
    return reader.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))


def search_word(library: Library) -> str:
    """A word the library certainly contains, to search for."""
    for _article, passage in library.iter_passages():
        for word in passage.text.split():
            word = word.strip(".,;:()“”\"'’")
            if len(word) >= 7 and word.isalpha():
                return word
    return "Japan"


def draw_text(font: QFont, text: str) -> QImage:
    """``text`` drawn black on white in ``font``, as an 8-bit grey image (width a multiple of 4)."""
    metrics = QFontMetrics(font)
    width = (metrics.horizontalAdvance(text) + 16 + 3) // 4 * 4
    image = QImage(width, metrics.height() + 8, QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(8, 4 + metrics.ascent(), text)
    painter.end()
    return image


def ink(image: QImage) -> int:
    """How many pixels of a white 8-bit grey image (rows without padding) are not white."""
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    return len(data) - data.count(255)


def glyphs_have_ink(text_image: QImage, missing_image: QImage, chars: int) -> tuple[bool, str]:
    """Whether a drawn text shows glyphs: enough ink, and not the missing-glyph boxes' image."""
    text_ink, missing_ink = ink(text_image), ink(missing_image)
    same_as_boxes = (text_image.size() == missing_image.size()
                     and bytes(text_image.constBits()) == bytes(missing_image.constBits()))
    ok = text_ink >= MIN_INK_PER_CHAR * max(1, chars) and not same_as_boxes
    detail = f"{text_ink} ink pixels for {chars} characters, {missing_ink} for missing glyphs"
    return ok, detail + (" (identical: every character is a missing-glyph box)" if same_as_boxes else "")


def check_text_renders(report: Report, name: str, font: QFont, text: str) -> bool:
    """Draw ``text`` and as many missing glyphs in ``font``; the text must show real glyphs."""
    ok, detail = glyphs_have_ink(draw_text(font, text), draw_text(font, MISSING_GLYPH * len(text)), len(text))
    return report.check(name, ok, f"{QFontInfo(font).family()!r}: {detail}")


def sample_line(library: Library) -> str:
    """A line of the library's own text (Latin letters in every library): what a reader sees."""
    for _article, passage in library.iter_passages():
        words = [w for w in passage.text.split() if w.isascii()]
        if len(words) >= 4:
            return " ".join(words[:8])
    return "Japan's National Security Strategy"


def point_offscreen_at_fonts() -> None:
    """On Windows, Qt's offscreen platform reads fonts from a folder it cannot find by itself
    ("Cannot find font directory"): point it at the system's, unless told otherwise."""
    offscreen = os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    if sys.platform == "win32" and offscreen and "QT_QPA_FONTDIR" not in os.environ:
        windows = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        os.environ["QT_QPA_FONTDIR"] = str(Path(windows) / "Fonts")


@dataclass
class Report:
    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.checks.append((name, ok, detail))
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(ok for _name, ok, _detail in self.checks)


def screenshot(window: Any, card: Any, path: Path) -> bool:
    """Grab the window and paint the (separate top-level) card into it where it shows."""
    image: QPixmap = window.grab()
    if card.isVisible():
        origin = window.mapToGlobal(QPoint(0, 0))
        painter = QPainter(image)
        painter.drawPixmap(card.pos() - origin, card.grab())
        painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    return image.save(str(path), "PNG")


def exercise(reader_app: Any, report: Report, *, timeout_ms: int, shot: Path | None) -> None:
    """The checks themselves, on a started ReaderApp (also used by the offline test)."""
    library: Library = reader_app.library
    reader = reader_app.reader
    report.check("window shown", wait_until(lambda: reader.painted, timeout_ms), "first paint")
    report.check("articles loaded", bool(library.articles),
                 f"{len(library.articles)} articles, {len(library.skipped)} skipped")
    line = sample_line(library)
    check_text_renders(report, "text renders (reader font)", reader.document().defaultFont(), line)
    check_text_renders(report, "text renders (interface font)", reader_app.window.font(), line)

    for article in library.articles:
        opened = reader_app.reading.open_article(article.id)
        anchors = set(reader.anchors())
        missing = [p.anchor for p in article.passages if p.anchor not in anchors]
        report.check(f"article {article.id}", opened and not missing,
                     f"{len(article.passages)} passages" + (f", missing {missing[:3]}" if missing else ""))

    word = search_word(library)
    reader_app.search_panel.set_query(word)
    got = wait_for_signal(reader_app.search.results_ready, timeout_ms)
    outcome = got[1] if got else None
    hits = list(outcome.hits) if outcome is not None else []
    report.check(f"search {word!r}", bool(hits),
                 (f"{outcome.total} hits" if outcome is not None else "no answer in time")
                 + (f" ({outcome.error})" if outcome is not None and outcome.error else ""))
    if hits:
        first = hits[0]
        reader_app.search_panel.choose_row(0)
        ok = (reader_app.reading.current is not None and reader_app.reading.current.id == first.article
              and reader.has_anchor(first.anchor))
        report.check("search result opens its passage", ok, f"{first.article}#{first.anchor}")

    footnoted = [(a, p, f) for a, p in library.iter_passages() for f in p.footnotes
                 if f.source_id in library.sources]
    if footnoted:
        chosen = next((t for t in footnoted if t[2].number == SCREENSHOT_FOOTNOTE), footnoted[0])
        article, passage, footnote = chosen
        reader_app.reading.open_article(article.id, passage.anchor)
        reader.verticalScrollBar().setValue(max(0, reader.verticalScrollBar().value() - 160))
        before = reader.verticalScrollBar().value()
        href = links.make(links.FootnoteLink(footnote.number))
        where = marker_point(reader, href) or reader.mapToGlobal(QPoint(40, 40))
        reader.activate_href(href, where, "keyboard")
        card = reader_app.card
        expected = library.sources[footnote.source_id].citation
        report.check(f"footnote card [{footnote.number}]",
                     card.isVisible() and card.kind == "footnote" and card.citation == expected,
                     expected[:70])
        report.check("scroll position kept", reader.verticalScrollBar().value() == before)
        if shot is not None:
            report.check("screenshot", screenshot(reader_app.window, card, shot), str(shot))
        card.dismiss()
    else:
        report.check("footnote card", False, "no article has footnotes")

    crossed = [(a, p, r) for a, p in library.iter_passages() for r in p.crossrefs
               if library.passage(r.article, r.anchor) is not None]
    if crossed:
        article, passage, ref = crossed[0]
        reader_app.reading.open_article(article.id, passage.anchor)
        href = links.make(links.CrossRefLink(ref.article, ref.anchor))
        where = marker_point(reader, href) or reader.mapToGlobal(QPoint(40, 40))
        reader.activate_href(href, where, "keyboard")
        card = reader_app.card
        shown = card.isVisible() and card.kind == "crossref"
        report.check("cross-reference card", shown and card.target == (ref.article, ref.anchor),
                     f"{article.id}#{passage.anchor} -> {ref.article}#{ref.anchor}")
        card._jump()
        jumped = reader_app.reading.current is not None and reader_app.reading.current.id == ref.article
        reader_app.reading.go_back()
        back = reader_app.reading.current is not None and reader_app.reading.current.id == article.id
        report.check("cross-reference jump and back", jumped and back)
    else:
        report.check("cross-reference card", True, "no cross-references in this library (skipped)")

    if reader_app.annotations.open_notes():
        exercise_notes(reader_app, report, shot)
    exercise_reload(reader_app, report, timeout_ms)


def exercise_reload(reader_app: Any, report: Report, timeout_ms: int) -> None:
    """View > Reload (F5) reads the folder again and leaves the reader where it was."""
    reading, reader = reader_app.reading, reader_app.reader
    if reading.current is None or not reading.current.passages:
        report.check("reload keeps the place (F5)", True, "no article shown (skipped)")
        return
    passages = reading.current.passages
    reading.open_article(reading.current.id, passages[len(passages) // 2].anchor)
    before = (reading.current.id, reader.top_anchor())
    reader_app.actions.reload.trigger()
    applied = wait_for_signal(reader_app.content_reload.applied, timeout_ms) is not None
    after = (reading.current.id if reading.current else "", reader.top_anchor())
    report.check("reload keeps the place (F5)", applied and after == before, "#".join(after))


def exercise_notes(reader_app: Any, report: Report, shot: Path | None) -> None:
    """Bookmark, highlight and annotate a passage in a scratch notes store."""
    library: Library = reader_app.library
    reader = reader_app.reader
    paragraphs = [(a, p) for a, p in library.iter_passages() if p.kind == "paragraph" and len(p.text) > 80]
    if not paragraphs:
        report.check("notes", True, "no paragraph to annotate (skipped)")
        return
    article, passage = paragraphs[min(3, len(paragraphs) - 1)]
    reader_app.reading.open_article(article.id, passage.anchor)
    reader_app.annotations.toggle_bookmark()
    words = " ".join(passage.text.split()[2:9])
    cursor = reader.find_in_passage(passage.anchor, words)
    if cursor is not None:
        reader.setTextCursor(cursor)
    highlight = reader_app.annotations.highlight_selection()
    plain = reader.textCursor()
    plain.clearSelection()
    reader.setTextCursor(plain)
    note = reader_app.annotations.add_note(
        "Compare with the 2022 National Security Strategy before the briefing."
    )
    listed = reader_app.notes_panel.items.count()
    ok = highlight is not None and note is not None and listed == 3
    report.check("notes: bookmark, highlight, note", ok, f"{listed} listed in the Notes panel")
    if shot is not None:
        reader_app.show_panel(reader_app.notes_panel)
        notes_shot = shot.with_name(f"{shot.stem}-notes{shot.suffix}")
        report.check("notes screenshot", screenshot(reader_app.window, reader_app.card, notes_shot),
                     str(notes_shot))


def close_everything(reader_app: Any, app: Any) -> None:
    """Close the window, the search and the notes, whether or not the window was ever shown or
    painted (closing a hidden window sends no close event), and delete the widgets, so no
    file in the scratch folder is still open when it is removed (Windows refuses: WinError 32)."""
    reader_app.card.dismiss()
    reader_app.window.close()
    reader_app.save_state()  # idempotent: settings synced, search stopped, notes closed
    reader_app.card.deleteLater()
    reader_app.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def run_self_test(
    content_dir: Path, *, screenshot: Path | None = None, timeout_s: float = 120.0, strict: bool = False
) -> int:
    """Open the real window on ``content_dir``, exercise it, and return 0 if every check passed.

    With ``strict`` (what ``make package`` uses) a skipped article or any content problem
    fails too: an installer must never ship without an article its trainer added.
    """
    from jpbrief.core.content import load_library
    from jpbrief.ui.app import ReaderApp
    from jpbrief.ui.launch import UnsafeQtError, application, ensure_platform
    from jpbrief.ui.services.settings import Settings

    ensure_platform()
    point_offscreen_at_fonts()
    try:
        app = application()
    except UnsafeQtError as error:
        print(f"FAIL {error}", flush=True)
        return 1
    report = Report()
    config = Path(tempfile.mkdtemp(prefix="jpbrief-self-test-"))
    from jpbrief.core.notes import NotesStore

    stores: list[NotesStore] = []

    def scratch_notes() -> NotesStore:
        stores.append(NotesStore(config / "notes.sqlite3", auto_backup=False))
        return stores[-1]

    library = load_library(content_dir)
    if strict:
        shown = "; ".join(str(problem) for problem in library.problems[:3])
        report.check(
            "every article loads without a problem (strict)",
            not library.problems and not library.skipped,
            f"{len(library.articles)} articles" if not library.problems and not library.skipped
            else f"{len(library.skipped)} skipped, {len(library.problems)} problem(s): {shown}",
        )
    reader_app = ReaderApp(
        library, content_dir, Settings(config), confirm_url=lambda *_: False, notes_factory=scratch_notes,
        load=lambda: load_library(content_dir),
    )
    reader_app.start()
    try:
        exercise(reader_app, report, timeout_ms=int(timeout_s * 1000), shot=screenshot)
    except Exception as error:  # a crash is a failed check, reported as such
        report.check("self-test ran to the end", False, f"{type(error).__name__}: {error}")
    finally:
        close_everything(reader_app, app)
        for store in stores:  # also one a late first paint opened while the window closed
            store.close()
    try:
        shutil.rmtree(config)
        report.check("scratch folder removed", True, "nothing of the self-test left open")
    except OSError as error:
        report.check("scratch folder removed", False, f"{type(error).__name__}: {error}")
    passed = sum(1 for _n, ok, _d in report.checks if ok)
    print(f"self-test: {passed} passed, {len(report.checks) - passed} failed", flush=True)
    return 0 if report.passed else 1
