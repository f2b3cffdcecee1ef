"""Chronology and key figures: build the timeline panel and the figures window, act on their intents.

The timeline is a sidebar tab (a tall list, read beside the passage it opens); the
key figures are a window of their own (a wide table). Rows open their passage through
the app's ``open_passage`` with the quoted words' spans, so the reader marks exactly
them; a figure's note opens the passage, then its footnote card beside the row. Paper
goes through :mod:`jpbrief.ui.services.digest_printing`, loaded only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.ui.services.appearance import READER_FONTS

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from jpbrief.core.model import Library
    from jpbrief.ui.services.appearance import Appearance
    from jpbrief.ui.services.digest_printing import Digest
    from jpbrief.ui.widgets.chronology_view import ChronologyPanel
    from jpbrief.ui.widgets.figures_view import FiguresWindow
    from jpbrief.ui.widgets.main_window import MainWindow

OpenPassage = Callable[[str, str, Sequence[tuple[int, int]]], bool]
AskPath = Callable[["QWidget", str, Path], "Path | None"]


def ask_pdf_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The system's save dialog; None if the user cancelled."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested),
                                                  translate("Documents", "PDF documents (*.pdf)"))
    return Path(chosen) if chosen else None


class ChronologyController:
    """Between the timeline panel, the figures window, the reader and paper."""

    def __init__(
        self, library: Library, window: MainWindow, appearance: Appearance, *,
        open_passage: OpenPassage, show_footnote: Callable[[int, QPoint], bool],
        place_panel: Callable[[ChronologyPanel], None], ask_path: AskPath = ask_pdf_path,
        labels: Labels = ENGLISH,
    ) -> None:
        """``place_panel`` puts the timeline panel in its sidebar tab (built on first use);
        ``show_footnote`` opens the open article's footnote card at a global point."""
        self.library, self.window, self.appearance = library, window, appearance
        self._open_passage, self._show_footnote = open_passage, show_footnote
        self._place_panel, self._ask_path = place_panel, ask_path
        self.labels = labels
        self._panel: ChronologyPanel | None = None
        self._figures: FiguresWindow | None = None

    # ------------------------------------------------------------------ parts built on first use
    @property
    def panel(self) -> ChronologyPanel:
        if self._panel is None:
            from jpbrief.ui.widgets.chronology_view import ChronologyPanel

            panel = self._panel = ChronologyPanel(self.library, self.labels)
            self._place_panel(panel)
            panel.passage_requested.connect(self.open_passage)
            panel.print_requested.connect(lambda theme: self.print_digest(self._digest("timeline", theme)))
            panel.export_requested.connect(lambda theme: self.export_digest(self._digest("timeline", theme)))
        return self._panel

    @property
    def figures(self) -> FiguresWindow:
        if self._figures is None:
            from jpbrief.ui.widgets.figures_view import FiguresWindow

            shown = self._figures = FiguresWindow(self.library, self.window, self.labels)
            shown.passage_requested.connect(self.open_passage)
            shown.footnote_requested.connect(self.open_note)
            shown.print_requested.connect(
                lambda theme, sort, down: self.print_digest(self._digest("figures", theme, sort, down)))
            shown.export_requested.connect(
                lambda theme, sort, down: self.export_digest(self._digest("figures", theme, sort, down)))
        return self._figures

    def use_library(self, library: Library) -> None:
        """A reloaded library or a content pack's: the views built so far are built again
        from it (the figures window shown again if it was open)."""
        self.library = library
        if self._panel is not None:
            self._panel = None
            _ = self.panel  # replaces the old panel in its tab
        if self._figures is not None:
            was_open, old = self._figures.isVisible(), self._figures
            self._figures = None
            old.close()
            old.deleteLater()
            if was_open:
                self.show_figures()

    # ------------------------------------------------------------------ intents
    def show_timeline(self) -> None:
        self.window.show_panel(self.panel)
        self.panel.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_figures(self) -> None:
        figures = self.figures
        figures.show()
        figures.raise_()
        figures.activateWindow()
        figures.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_passage(self, article: str, anchor: str, spans: Sequence[tuple[int, int]]) -> bool:
        return self._open_passage(article, anchor, spans)

    def open_note(self, article: str, anchor: str, number: int) -> bool:
        """Open the figure's passage, then its footnote card beside the row that asked."""
        if not self._open_passage(article, anchor, ()):
            return False
        table = self.figures.table
        rect = table.visualRect(table.currentIndex())
        where = table.viewport().mapToGlobal(rect.bottomLeft() if rect.isValid() else QPoint(0, 0))
        return self._show_footnote(number, where)

    # ------------------------------------------------------------------ paper
    def _digest(self, kind: str, theme: str, sort: str = "measure", descending: bool = False) -> Digest:
        from jpbrief.ui.services.digest_printing import Digest

        return Digest(kind, theme or None, sort, descending)

    def print_digest(self, digest: Digest) -> bool:
        from jpbrief.ui.services import digest_printing  # loads QtPrintSupport: never at start-up

        return digest_printing.print_with_dialog(
            self._parent(digest), digest, self.library, css=self.appearance.print_css(), fonts=READER_FONTS,
            labels=self.labels)

    def export_digest(self, digest: Digest, path: Path | None = None) -> Path | None:
        """Save as PDF, asking where unless ``path`` is given; None if the user cancelled."""
        if path is None:
            name = digest.kind + (f"-{digest.theme}" if digest.theme else "")
            title = translate("Chronology", "Export {what} as PDF").format(what=digest.shown_title)
            path = self._ask_path(self._parent(digest), title,
                                  Path.home() / f"{name}.pdf")
            if path is None:
                return None
        from jpbrief.ui.services import digest_printing

        written = digest_printing.export_pdf(digest, self.library, path, css=self.appearance.print_css(),
                                             fonts=READER_FONTS, labels=self.labels)
        self.window.statusBar().showMessage(translate("Documents", "Saved {path}").format(path=written), 5000)
        return written

    def _parent(self, digest: Digest) -> QWidget:
        """Dialogs sit over the window that asked: the figures window or the main one."""
        if digest.kind == "figures" and self._figures is not None and self._figures.isVisible():
            return self._figures
        return self.window
