"""Print and PDF export of any paper HTML (an article, a theme briefing), with header and footer.

The HTML comes from :mod:`jpbrief.core.render` (``render_paper``, ``render_briefing_paper``,
or :func:`~jpbrief.core.render.paper_frame.paper_html` for another view), never from the
screen's HTML; ``css`` is the light reader sheet, so paper is light on white whatever the
screen appearance. Pages are painted here, not by ``QTextDocument.print_``: each gets the
title in its header and "Page N of M" in its footer, in dark grey (greyscale-safe).
QtPrintSupport is imported here, lazily, so start-up never loads it. Images come only
through the reader's sandbox (``resources``): a bare QTextDocument would read any path,
relative ones from the working directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Article, Library
from jpbrief.core.render import render_paper

translate = QCoreApplication.translate

Loader = Callable[[int, Any], Any]
"""``ReaderView.loadResource``: a resource's data, or None when the sandbox refuses it."""

MARGINS_MM = QMarginsF(20, 14, 20, 14)
"""Page margins; the header and footer sit inside them, above and below the text."""
BAND_POINTS = 22.0
"""Height of the header and of the footer band, in points."""
INK = QColor("#3c4147")


def file_loader(base_dir: Path | None, roots: list[Path]) -> Loader:
    """A resource loader with the reader's sandbox, for printing without a window: images
    only from regular files inside ``roots`` (relative paths from ``base_dir``)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

    from jpbrief.ui.widgets.reader import resolve_resource

    def load(kind: int, name: Any) -> Any:
        path = resolve_resource(QUrl(name), base_dir, roots)
        if path is None or kind != QTextDocument.ResourceType.ImageResource.value:
            return None
        return QImage(str(path))

    return load


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
    resources: Loader | None = None, labels: Labels = ENGLISH,
) -> QTextDocument:
    """The article as a document for paper."""
    return build_document(render_paper(article, library, css=css, labels=labels), fonts, resources)


def _band_font(device: QPagedPaintDevice) -> QFont:
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Noto Sans", "Arial", "sans-serif"])
    font.setPointSizeF(8.0)
    return QFont(font, device)


def _blocks(doc: QTextDocument) -> list[tuple[float, float, bool, list[float]]]:
    """Every laid-out block as (top, bottom, is a heading, its lines' tops), in document
    coordinates; a table row counts as one block (its cells' blocks sit side by side, and a
    page must not break between them), whose only break point is its top."""
    from PySide6.QtGui import QTextCursor

    layout = doc.documentLayout()
    layout.documentSize()  # lays the whole document out (it is lazy otherwise)
    blocks: list[tuple[float, float, bool, list[float]]] = []
    rows_done: set[tuple[int, int]] = set()
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            row = table.cellAt(block.position()).row()
            key = (table.firstPosition(), row)
            if key not in rows_done:
                rows_done.add(key)
                top, bottom = _row_extent(doc, table, row)
                blocks.append((top, bottom, False, [top]))
        elif block.layout().lineCount():
            text_layout = block.layout()
            rect = layout.blockBoundingRect(block)  # in document coordinates, frames included
            shift = rect.top() - text_layout.position().y()
            top = text_layout.position().y() + shift  # below the block's top margin
            lines = [top + text_layout.lineAt(i).y() for i in range(text_layout.lineCount())]
            heading = block.blockFormat().headingLevel() > 0
            blocks.append((top, top + text_layout.boundingRect().height(), heading, lines))
        block = block.next()
    blocks.sort(key=lambda b: b[0])
    return blocks


def _row_extent(doc: QTextDocument, table: Any, row: int) -> tuple[float, float]:
    """Top and bottom of a table row: the union of its cells' blocks."""
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if not cell.isValid():
            continue
        block = cell.firstCursorPosition().block()
        while block.isValid() and block.position() <= cell.lastPosition():
            rect = layout.blockBoundingRect(block)
            tops.append(rect.top())
            bottoms.append(rect.bottom())
            block = block.next()
    return (min(tops), max(bottoms)) if tops else (0.0, 0.0)


def _keeps_with_next(blocks: list[tuple[float, float, bool, list[float]]], index: int) -> bool:
    """A heading goes with what follows it, and so does a line or two just under a heading
    (an article's provenance under its title in a briefing)."""
    if blocks[index][2]:
        return True
    return index > 0 and blocks[index - 1][2] and len(blocks[index][3]) <= 2


def page_tops(doc: QTextDocument, height: float) -> list[float]:
    """Where each page starts: between paragraphs, never after a heading.

    Pages break between blocks: Qt's own pagination cuts lines set with a proportional line
    height, and ``QTextLayout.draw`` always draws the line just above its clip, which would
    put a line split off a paragraph into the text of both pages. Only a block taller than a
    page is split, between its lines.
    """
    blocks = _blocks(doc)
    tops = [0.0]
    index = 0
    while index < len(blocks):
        limit = tops[-1] + height
        end = index
        while end < len(blocks) and blocks[end][1] <= limit:
            end += 1
        if end >= len(blocks):
            break
        keep = end
        while keep > index + 1 and _keeps_with_next(blocks, keep - 1):
            keep -= 1
        if keep > index:
            tops.append(blocks[keep][0])
            index = keep
            continue
        fitting = [line for line in blocks[index][3] if tops[-1] < line <= limit - 1]  # a giant block
        tops.append(fitting[-1] if fitting else limit)
        if blocks[index][1] <= tops[-1] + height:
            index += 1
    return tops


def paint_pages(doc: QTextDocument, device: QPagedPaintDevice, title: str) -> int:
    """Lay ``doc`` out on ``device``'s pages and paint them, each with ``title`` in the header
    and "Page N of M" in the footer; honours a printer's page range. Returns the page count."""
    doc.documentLayout().setPaintDevice(device)  # fonts and CSS lengths scaled as print_ does
    frame = doc.rootFrame().frameFormat()
    frame.setMargin(0)
    doc.rootFrame().setFrameFormat(frame)
    width, height = float(device.width()), float(device.height())
    band = BAND_POINTS * device.logicalDpiY() / 72.0
    body = QSizeF(width, height - 2 * band)
    doc.setPageSize(QSizeF(width, -1))  # one long page: page_tops paginates
    doc.setTextWidth(width)
    tops = page_tops(doc, body.height())
    pages = len(tops)
    first, last = 1, pages
    if getattr(device, "fromPage", None) is not None and device.fromPage() > 0:  # type: ignore[attr-defined]
        first = max(1, device.fromPage())  # type: ignore[attr-defined]
        last = min(pages, device.toPage() or pages)  # type: ignore[attr-defined]
    font = _band_font(device)
    metrics = QFontMetricsF(font, device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot open the page device (printer or file) for painting")
    try:
        for number in range(first, last + 1):
            if number > first:
                device.newPage()
            painter.setFont(font)
            painter.setPen(QPen(INK))
            header = QRectF(0, 0, width, band - metrics.descent() * 2)
            shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
            painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), shown)
            painter.drawLine(header.bottomLeft(), header.bottomRight())
            footer = QRectF(0, height - band + metrics.descent() * 2, width, band)
            page = translate("Printing", "Page {number} of {pages}").format(number=number, pages=pages)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page)
            top = tops[number - 1]
            bottom = tops[number] if number < pages else top + body.height()
            painter.save()
            painter.translate(0, band - top)
            # A pixel short at each end: Qt draws what touches the clip into the PDF's text.
            doc.drawContents(painter, QRectF(0, top + 1, width, bottom - top - 2))
            painter.restore()
    finally:
        painter.end()
    return pages


def write_pdf(
    title: str, html: str, path: Path, *, fonts: list[str] | None = None, resources: Loader | None = None,
    orientation: QPageLayout.Orientation = QPageLayout.Orientation.Portrait,
) -> Path:
    """Write paper ``html`` as an A4 PDF titled ``title`` (landscape for a wide table); returns
    the path written."""
    from PySide6.QtGui import QPdfWriter

    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(2, translate("Printing", "no such folder"), str(path.parent))
    partial = path.with_name(f".{path.name}.partial")  # a failed export leaves no half PDF
    writer = QPdfWriter(str(partial))
    writer.setTitle(title)
    writer.setCreator("jpbrief")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)
    )
    try:
        paint_pages(build_document(html, fonts, resources), writer, title)
        del writer  # closes the file
        if not partial.is_file() or partial.stat().st_size == 0:
            raise OSError(f"cannot write {path}")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def write_odf(html: str, path: Path, *, fonts: list[str] | None = None) -> Path:
    """Write paper ``html`` as an OpenDocument text a word processor opens (Qt writes ODF)."""
    from PySide6.QtGui import QTextDocumentWriter

    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    writer = QTextDocumentWriter(str(partial), b"odf")
    if not writer.write(build_document(html, fonts)):
        partial.unlink(missing_ok=True)
        device = writer.device()
        raise OSError(f"cannot write {path}: {device.errorString() if device else 'failed'}")
    partial.replace(path)
    return path


def print_html_with_dialog(
    parent: Any, title: str, html: str, *, fonts: list[str] | None = None, resources: Loader | None = None,
    orientation: QPageLayout.Orientation = QPageLayout.Orientation.Portrait,
) -> bool:
    """Show the system print dialog and print paper ``html``; False if the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageOrientation(orientation)
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "Print “{title}”").format(title=title))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_pages(build_document(html, fonts, resources), printer, title)
    return True


def export_pdf(
    article: Article, library: Library, path: Path, *, css: str = "", fonts: list[str] | None = None,
    resources: Loader | None = None, labels: Labels = ENGLISH,
) -> Path:
    """Write the article as an A4 PDF; returns the path written."""
    return write_pdf(article.title, render_paper(article, library, css=css, labels=labels), path, fonts=fonts,
                     resources=resources)


def print_with_dialog(
    parent: Any, article: Article, library: Library, *, css: str = "", fonts: list[str] | None = None,
    resources: Loader | None = None, labels: Labels = ENGLISH,
) -> bool:
    """Show the system print dialog and print the article; False if the user cancelled."""
    html = render_paper(article, library, css=css, labels=labels)
    return print_html_with_dialog(parent, article.title, html, fonts=fonts, resources=resources)
