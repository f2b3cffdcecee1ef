"""Notes export from the window: Markdown memo, JSON (import reads it back), ODF text, PDF.

The text always comes from the core's export (``NotesStore.export_markdown`` /
``export_json``, the same as ``jpbrief notes export``). For a word processor (ODF, written
by Qt itself) and for PDF the Markdown memo is converted and sanitized like any trainer
Markdown, then framed and paginated like every printout (:mod:`jpbrief.ui.services.printing`).
Files are written atomically; a failure is said in the status bar and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.ui.i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.core.model import Library
    from jpbrief.ui.ports import NotesPort
    from jpbrief.ui.widgets.main_window import MainWindow

FORMATS = {
    "md": QT_TRANSLATE_NOOP("NotesExport", "Markdown memo (*.md)"),
    "odt": QT_TRANSLATE_NOOP("NotesExport", "Word processor document, ODF (*.odt)"),
    "pdf": QT_TRANSLATE_NOOP("NotesExport", "PDF document (*.pdf)"),
    "json": QT_TRANSLATE_NOOP("NotesExport", "JSON, for jpbrief notes import (*.json)"),
}
ChooseFile = Callable[[Any, str, str, str], tuple[str, str]]
"""``QFileDialog.getSaveFileName``'s shape: (parent, caption, suggested path, filters)."""


def _choose_file(parent: Any, caption: str, suggested: str, filters: str) -> tuple[str, str]:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getSaveFileName(parent, caption, suggested, filters)


def format_for(path: Path, chosen_filter: str = "") -> str:
    """The format a file name (or, without a known suffix, the chosen filter) asks for."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    for name, label in FORMATS.items():
        if chosen_filter in (label, translate("NotesExport", label)):
            return name
    return "md"


def memo_html(markdown: str, *, css: str = "", labels: Labels = ENGLISH) -> str:
    """The Markdown memo as paper HTML: sanitized, in the frame every printout shares
    (``labels``: the words the memo was written with)."""
    from jpbrief.core.content import markdown_to_html
    from jpbrief.core.render.paper_frame import paper_html
    from jpbrief.core.render.sanitize import sanitize_html

    first, _, rest = markdown.partition("\n")
    if first.strip() == f"# {labels.memo_title}":  # the frame prints the title
        markdown = rest
    body = sanitize_html(markdown_to_html(markdown), keep_links=False)
    about = translate("NotesExport", "The reader’s own bookmarks, highlights and notes. Quotes are the "
                                     "articles’ text, word for word; the notes are the reader’s.")
    provenance = f'<p class="provenance">{escape(about)}</p>'
    return paper_html(labels.memo_title, provenance, [body], [], kicker=translate("NotesExport", "Notes"),
                      css=css, notice="")


class NotesExportController:
    """Asks where, then writes the notes in the chosen format."""

    def __init__(
        self, library: Library, window: MainWindow, notes: Callable[[], NotesPort | None], *,
        css: Callable[[], str] = lambda: "", fonts: list[str] | None = None,
        choose_file: ChooseFile | None = None, labels: Labels = ENGLISH,
    ) -> None:
        self.library, self.window, self._notes = library, window, notes
        self.labels = labels
        self._css, self.fonts = css, fonts
        self.choose_file = choose_file or _choose_file

    def export(self, path: Path | None = None, fmt: str | None = None) -> Path | None:
        """Write the notes to ``path`` (asked for when None); returns the path written."""
        notes = self._notes()
        if notes is None:
            self.window.statusBar().showMessage(
                translate("NotesExport", "Notes are unavailable: nothing to export"), 8000)
            return None
        if path is None:
            suggested = str(Path.home() / "jpbrief-notes.md")
            chosen, chosen_filter = self.choose_file(
                self.window, translate("NotesExport", "Export notes"), suggested,
                ";;".join(translate("NotesExport", label) for label in FORMATS.values()))
            if not chosen:
                return None
            path = Path(chosen)
            fmt = fmt or format_for(path, chosen_filter)
        fmt = fmt or format_for(path)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        try:
            self._write(notes, path, fmt)
        except Exception as error:  # a full disk, a read-only folder, a locked store: say which
            reason = getattr(error, "strerror", None) or error
            self.window.statusBar().showMessage(
                translate("NotesExport", "Notes not exported to {path}: {error}").format(
                    path=path, error=reason), 10000)
            return None
        self.window.statusBar().showMessage(
            translate("NotesExport", "Notes exported to {path}").format(path=path), 8000)
        return path

    def _write(self, notes: NotesPort, path: Path, fmt: str) -> None:
        from jpbrief.core.durable import atomic_write_text

        if fmt == "json":
            atomic_write_text(path, notes.export_json(self.library))
            return
        memo = notes.export_markdown(self.library, self.labels)
        if fmt == "md":
            atomic_write_text(path, memo)
            return
        from jpbrief.ui.services import printing

        html = memo_html(memo, css=self._css(), labels=self.labels)
        if fmt == "pdf":
            printing.write_pdf(self.labels.memo_title, html, path, fonts=self.fonts)
            return
        printing.write_odf(html, path, fonts=self.fonts)
