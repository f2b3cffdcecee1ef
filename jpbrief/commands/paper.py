"""Handout commands for trainers: ``print ARTICLE -o FILE.pdf`` and ``briefing THEME -o FILE.pdf``.

The PDF is the one the window prints (same renderer, style sheet, fonts, header and footer):
Qt paints it offscreen, so no display is needed. Qt is imported inside the handlers only.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from jpbrief.commands import content_dir, load_library, write_pdf


def _unknown(kind: str, wanted: str, known: Iterable[str], lister: str) -> int:
    known = sorted(known)
    close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    print(f"jpbrief: no {kind} {wanted!r}{hint} ('jpbrief {lister}' lists them)", file=sys.stderr)
    return 1


def _output(path: str) -> Path | None:
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(target.suffix + ".pdf" if target.suffix else ".pdf")
    if not target.parent.is_dir():
        print(f"jpbrief: cannot write {target}: no folder {target.parent}", file=sys.stderr)
        return None
    return target


def _write(title: str, render: str, articles_dir: Path, target: Path) -> int:
    """Render offscreen and write the PDF; ``render`` is a paper HTML maker's output."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "jpbrief"])
    from jpbrief.core import paths
    from jpbrief.ui.services import printing
    from jpbrief.ui.services.appearance import READER_FONTS

    loader = printing.file_loader(articles_dir, [articles_dir.parent, paths.packs_dir()])

    def write() -> Path:
        printing.write_pdf(title, render, target, fonts=READER_FONTS, resources=loader)
        return target

    if write_pdf(write, target) is None:
        return 1
    print(target)  # the path alone: scripts read it
    return 0


def _css() -> str:
    """The style sheet the window prints with (the light reader sheet on white)."""
    from jpbrief.core import paths
    from jpbrief.ui.services.appearance import Appearance

    return Appearance(paths.resources_dir()).print_css()


def cmd_print(args: argparse.Namespace) -> int:
    library = load_library(args)
    article = library.article(args.article)
    if article is None:
        return _unknown("article", args.article, (a.id for a in library.articles), "articles")
    target = _output(args.output)
    if target is None:
        return 1
    from jpbrief.core.render import render_paper

    folder = Path(article.path).parent if article.path else content_dir(args) / "articles"
    return _write(article.title, render_paper(article, library, css=_css()), folder, target)


def cmd_briefing(args: argparse.Namespace) -> int:
    library = load_library(args)
    theme = library.themes.get(args.theme)
    if theme is None:
        return _unknown("theme", args.theme, library.themes, "themes")
    target = _output(args.output)
    if target is None:
        return 1
    from jpbrief.core.render import render_briefing_paper

    html = render_briefing_paper(theme, library, css=_css())
    return _write(f"Theme briefing: {theme.label}", html, content_dir(args) / "articles", target)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    status = ("Exit status: 0 written (its path is printed); 1 no such {what} (with the closest ids) "
              "or the file could not be written; 2 wrong usage.")
    for name, what, lister, func, summary, description in (
        ("print", "article", "articles", cmd_print,
         "write an article as the window prints it, to a PDF (for handouts)",
         "Write ARTICLE as an A4 PDF: provenance first, the original's text and footnote numbers, "
         "the sources cited and the key of the editor's notes at the end, title and page numbers "
         "on every page."),
        ("briefing", "theme", "themes", cmd_briefing,
         "write a theme briefing (every passage on a theme) to a PDF",
         "Write the briefing on THEME as an A4 PDF: the theme's description, then every passage "
         "tagged with it, by article and section, with each article's provenance, the sources "
         "those passages cite and the key of the editor's notes."),
    ):
        sub = subparsers.add_parser(name, help=summary, description=description,
                                    epilog=status.format(what=what))
        sub.add_argument(what, metavar=what.upper(), help=f"the {what}'s id ('jpbrief {lister}')")
        sub.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
        sub.set_defaults(func=func)
