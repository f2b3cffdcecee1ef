"""Documents: print and PDF export of what the reading pane shows, external links, help dialogs.

What is printed is the open article, or the theme briefing shown (``briefing``: its title
and paper HTML), both rendered for paper from the model.

Printing loads QtPrintSupport (through :mod:`jpbrief.ui.services.printing`) only when asked, never
at start-up. External links open only after the user confirms the exact URL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from jpbrief import __version__
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.ui.services.appearance import READER_FONTS

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.core.model import Article, Library
    from jpbrief.ui.actions import Actions
    from jpbrief.ui.services.appearance import Appearance
    from jpbrief.ui.widgets.main_window import MainWindow
    from jpbrief.ui.widgets.reader import ReaderView

ConfirmUrl = Callable[[Any, str], bool]


class DocumentsController:
    """Prints, exports, opens confirmed external links and shows Help's dialogs."""

    def __init__(
        self, library: Library, reader: ReaderView, window: MainWindow, actions: Actions,
        appearance: Appearance, *, current: Callable[[], Article | None],
        confirm_url: ConfirmUrl | None = None,
        briefing: Callable[[], tuple[str, str, str] | None] = lambda: None,
        labels: Labels = ENGLISH,
    ) -> None:
        self.library, self.reader, self.window, self.actions = library, reader, window, actions
        self.labels = labels
        self.appearance = appearance
        self._current, self._briefing = current, briefing
        self.confirm_url = confirm_url or _confirm_external_url

    @property
    def current(self) -> Article | None:
        """The open article."""
        return self._current()

    def open_external(self, url: str) -> bool:
        """Open an http(s) link in the system browser, only after the user confirms it."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        target = QUrl(url)
        if target.scheme() not in ("http", "https") or not target.host():
            self.window.statusBar().showMessage(
                translate("Documents", "Refused to open {url}").format(url=url), 5000)
            return False
        if not self.confirm_url(self.window, url):
            return False
        return QDesktopServices.openUrl(target)

    def _paper(self) -> tuple[str, str, str] | None:
        """(title, paper HTML, file name stem) of what the reading pane shows, or None."""
        shown = self._briefing()
        if shown is not None:
            return shown
        if self.current is None:
            return None
        from jpbrief.core.render import render_paper

        article = self.current
        html = render_paper(article, self.library, css=self.appearance.print_css(), labels=self.labels)
        return article.title, html, article.id

    def print_article(self) -> bool:
        """Print the article or briefing shown, through the system print dialog."""
        paper = self._paper()
        if paper is None:
            return False
        from jpbrief.ui.services import printing  # loads QtPrintSupport: never at start-up

        title, html, _stem = paper
        return printing.print_html_with_dialog(self.window, title, html, fonts=READER_FONTS,
                                               resources=self.reader.loadResource)

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Save the article or briefing shown as PDF, asking where unless ``path`` is given."""
        paper = self._paper()
        if paper is None:
            return None
        title, html, stem = paper
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _filter = QFileDialog.getSaveFileName(
                self.window, translate("Documents", "Export as PDF"), str(Path.home() / f"{stem}.pdf"),
                translate("Documents", "PDF documents (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        from jpbrief.ui.services import printing

        try:
            written = printing.write_pdf(title, html, path, fonts=READER_FONTS,
                                         resources=self.reader.loadResource)
        except OSError as error:
            self.window.statusBar().showMessage(translate("Documents", "Not saved: {path}: {error}").format(
                path=path, error=error.strerror or error), 10000)
            return None
        self.window.statusBar().showMessage(translate("Documents", "Saved {path}").format(path=written), 5000)
        return written

    def show_shortcuts(self) -> Any:
        from jpbrief.ui.widgets import dialogs

        dialog = dialogs.ShortcutsDialog(self.actions.shortcut_table(with_notes=True), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from jpbrief.ui.widgets import dialogs

        box = dialogs.about_dialog(
            self.window,
            dialogs.about_text(__version__, len(self.library.articles), self.library.passage_count,
                               len(self.library.sources)),
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _confirm_external_url(parent: Any, url: str) -> bool:
    from jpbrief.ui.widgets import dialogs

    return dialogs.confirm_external_url(parent, url)
