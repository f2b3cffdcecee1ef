"""Print and PDF export of an article, with its footnotes and sources list.

QtPrintSupport is imported here, lazily, so start-up never loads it. The document is
rendered light on white whatever the screen appearance, and footnote markers point at
the numbered notes at the end instead of at the ``fn:`` scheme only the reader knows.
Its images come only through the reader's sandbox (``resources``): a bare QTextDocument
would read any path, relative ones from the working directory.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument

_FOOTNOTE_HREF = re.compile(r'href="fn:(\d+)"')
_OTHER_HREF = re.compile(r'\shref="(?:xref|gloss|external):[^"]*"')


def printable_html(html: str) -> str:
    """Reader HTML made for paper: footnotes link to the notes, other links inert."""
    html = _FOOTNOTE_HREF.sub(r'href="#fn-\1"', html)
    return _OTHER_HREF.sub("", html)


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
    doc.setHtml(printable_html(html))
    return doc


def export_pdf(
    html: str, path: Path, *, title: str = "", fonts: list[str] | None = None, resources: Loader | None = None
) -> Path:
    """Write the article as an A4 PDF; returns the path written."""
    from PySide6.QtGui import QPdfWriter

    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("jpbrief")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(20, 18, 20, 18), QPageLayout.Unit.Millimeter)
    )
    doc = build_document(html, fonts, resources)
    doc.print_(writer)
    return path


def print_with_dialog(
    parent: Any, html: str, *, title: str = "", fonts: list[str] | None = None,
    resources: Loader | None = None,
) -> bool:
    """Show the system print dialog and print; False if the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print article")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    build_document(html, fonts, resources).print_(printer)
    return True
