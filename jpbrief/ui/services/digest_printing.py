"""Print and PDF export of the timeline and the key figures, for the reader and the command line.

The HTML comes from :mod:`jpbrief.core.render.digests` and becomes a document through
:mod:`jpbrief.ui.services.printing`, as an article's paper does (title in the header, "Page N
of M" in the footer, breaks between paragraphs); nothing in it loads a resource. Pages are A4
with the article's margins, landscape for the key figures' table.
QtPrintSupport and QPdfWriter are imported only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Library
from jpbrief.core.render.digests import figures_html, timeline_html
from jpbrief.ui.services import printing

translate = QCoreApplication.translate

KINDS = ("timeline", "figures")


@dataclass(frozen=True)
class Digest:
    """What to put on paper: ``kind`` is ``timeline`` or ``figures``; ``sort`` is the core's
    figure sort key (figures only)."""

    kind: str
    theme: str | None = None
    sort: str = "measure"
    descending: bool = False

    @property
    def shown_title(self) -> str:
        """The title in the interface's words, lower case, for "Print …" and "Export … as PDF"."""
        name = (translate("Printing", "chronology") if self.kind == "timeline"
                else translate("Printing", "key figures"))
        return (f"{name} — {self.theme}" if self.theme else name).lower()

    @property
    def title(self) -> str:
        """The page header's title, in the interface's words."""
        name = (translate("Printing", "Chronology") if self.kind == "timeline"
                else translate("Printing", "Key figures"))
        return f"{name} — {self.theme}" if self.theme else name

    def html(self, library: Library, css: str = "", labels: Labels = ENGLISH) -> str:
        if self.kind == "timeline":
            return timeline_html(library, self.theme, css=css, labels=labels)
        if self.kind == "figures":
            return figures_html(library, self.theme, sort=self.sort, descending=self.descending, css=css,
                                labels=labels)
        raise ValueError(f"unknown digest {self.kind!r} (known: {', '.join(KINDS)})")


    @property
    def orientation(self) -> QPageLayout.Orientation:
        """The figures' five columns want a landscape page; the timeline reads down a portrait one."""
        if self.kind == "figures":
            return QPageLayout.Orientation.Landscape
        return QPageLayout.Orientation.Portrait


def export_pdf(digest: Digest, library: Library, path: Path, *, css: str = "",
               fonts: list[str] | None = None, labels: Labels = ENGLISH) -> Path:
    """Write the digest as an A4 PDF, pages headed and numbered like an article's; returns
    the path written (``.pdf`` added if missing)."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    return printing.write_pdf(digest.title, digest.html(library, css, labels), path, fonts=fonts,
                              orientation=digest.orientation)


def print_with_dialog(parent: Any, digest: Digest, library: Library, *, css: str = "",
                      fonts: list[str] | None = None, labels: Labels = ENGLISH) -> bool:
    """Show the system print dialog and print; False if the user cancelled."""
    html = digest.html(library, css, labels)
    return printing.print_html_with_dialog(parent, digest.title, html, fonts=fonts,
                                           orientation=digest.orientation)


def export_from_command_line(digest: Digest, library: Library, path: Path) -> Path:
    """The command line's ``--pdf``: a Qt application made just for this (offscreen when
    there is no display), the reader's light paper style and fonts."""
    from PySide6.QtGui import QGuiApplication

    from jpbrief.ui.launch import ensure_platform
    from jpbrief.ui.ports import LaunchPaths
    from jpbrief.ui.selftest import point_offscreen_at_fonts
    from jpbrief.ui.services.appearance import READER_FONTS, Appearance

    if QGuiApplication.instance() is None:
        ensure_platform()
        point_offscreen_at_fonts()
        app = QGuiApplication(["jpbrief"])
        app.setApplicationName("jpbrief")
    css = Appearance(LaunchPaths.default().resources).print_css()
    return export_pdf(digest, library, path, css=css, fonts=READER_FONTS)
