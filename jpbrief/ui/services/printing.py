"""Print and PDF export of an article, rendered for paper from the model.

The HTML comes from :func:`jpbrief.core.render.render_paper` (numbered notes, the
editor's notes keyed apart, nothing to follow), never from the screen's HTML; ``css`` is
the light reader sheet, so paper is light on white whatever the screen appearance.
QtPrintSupport is imported here, lazily, so start-up never loads it. Images come only
through the reader's sandbox (``resources``): a bare QTextDocument would read any path,
relative ones from the working directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument

from jpbrief.core.model import Article, Library
from jpbrief.core.render import render_paper

Loader = Callable[[int, Any], Any]
"""``ReaderView.loadResource``: a resource's data, or None when the sandbox refuses it."""


class _SandboxedDocument(QTextDocument):
    """Loads resources only through ``load`` (none at all without one)."""

    def __init__(self, load: Loader | None) -> None:
        super().__init__()
        self._load = load

    def loadResource(self, type: int, name: Any) -> Any:
        return self._load(type, name) if self._load is not None else None


def build_document(
    html: str, base_font_family: list[str] | None = None, resources: Loader | None = None
) -> QTextDocument:
    doc = _SandboxedDocument(resources)
    if base_font_family:
        font = doc.defaultFont()
        font.setFamilies(base_font_family)
        font.setPointSizeF(10.5)
        doc.setDefaultFont(font)
    doc.setHtml(html)
    return doc


def paper_document(
    article: Article, library: Library, *, css: str = "", fonts: list[str] | None = None,
    resources: Loader | None = None,
) -> QTextDocument:
    """The article as a document for paper."""
    return build_document(render_paper(article, library, css=css), fonts, resources)


def export_pdf(
    article: Article, library: Library, path: Path, *, css: str = "", fonts: list[str] | None = None,
    resources: Loader | None = None,
) -> Path:
    """Write the article as an A4 PDF; returns the path written."""
    from PySide6.QtGui import QPdfWriter

    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(article.title)
    writer.setCreator("jpbrief")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(20, 18, 20, 18), QPageLayout.Unit.Millimeter)
    )
    paper_document(article, library, css=css, fonts=fonts, resources=resources).print_(writer)
    return path


def print_with_dialog(
    parent: Any, article: Article, library: Library, *, css: str = "", fonts: list[str] | None = None,
    resources: Loader | None = None,
) -> bool:
    """Show the system print dialog and print; False if the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(article.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print article")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paper_document(article, library, css=css, fonts=fonts, resources=resources).print_(printer)
    return True
