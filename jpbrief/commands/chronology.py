"""Chronology and key-figures commands: ``timeline`` and ``figures`` (plain text, JSON or PDF)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jpbrief.commands import load_library, print_json, write_pdf
from jpbrief.core.chronology import Entry, timeline
from jpbrief.core.figures import SORT_KEYS, FigureRow, figure_rows
from jpbrief.core.model import Library


def _load(args: argparse.Namespace) -> Library | None:
    library = load_library(args)  # with the installed content packs merged in
    if library.problems:
        print(f"warning: {len(library.problems)} content problem(s); run 'jpbrief check'",
              file=sys.stderr)
    if args.theme is not None and args.theme not in library.themes:
        known = ", ".join(library.themes) or "none"
        print(f"jpbrief: no theme {args.theme!r} (known: {known})", file=sys.stderr)
        return None
    return library


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.date,
        "year": entry.year,
        "precision": entry.precision,
        "label": entry.label,
        "themes": list(entry.themes),
        "reports": [
            {"event": r.event, "article": r.article, "anchor": r.anchor, "quote": r.quote,
             "date": r.date, "label": r.label, "footnote": r.footnote,
             "sources": [r.source_id] if r.source_id else []}
            for r in entry.reports
        ],
    }


def row_json(row: FigureRow) -> dict[str, Any]:
    f = row.figure
    return {
        "id": f.id, "measure": f.measure, "unit": f.unit,
        "quantity": int(f.quantity) if f.quantity.is_integer() else f.quantity,
        "value": row.value, "year": f.year, "relation": f.relation,
        "article": f.article, "anchor": f.anchor, "quote": f.quote, "footnote": f.footnote,
        "sources": [f.source_id] if f.source_id else [], "themes": list(f.themes),
        "same_measure": [i for i in row.group if i != f.id], "disagrees": row.disagrees,
        "differences": list(row.differences),
    }


def _pdf(args: argparse.Namespace, library: Library) -> int:
    """Write the listing as a PDF (the reader's paper: Qt is loaded for this only)."""
    from jpbrief.ui.services.digest_printing import Digest, export_from_command_line

    digest = Digest(args.command, args.theme, getattr(args, "sort", "measure"),
                    getattr(args, "descending", False))
    written = write_pdf(lambda: export_from_command_line(digest, library, Path(args.pdf)), Path(args.pdf))
    if written is None:
        return 1
    print(f"Wrote {written}")
    return 0


def _listing(args: argparse.Namespace, show: Callable[[argparse.Namespace, Library], int]) -> int:
    """Load the library, then write the PDF (``--pdf``) or ``show`` the listing."""
    library = _load(args)
    if library is None:
        return 2
    if args.pdf:
        return _pdf(args, library)
    return show(args, library)


def cmd_timeline(args: argparse.Namespace) -> int:
    return _listing(args, _show_timeline)


def cmd_figures(args: argparse.Namespace) -> int:
    return _listing(args, _show_figures)


def _show_timeline(args: argparse.Namespace, library: Library) -> int:
    groups = timeline(library, args.theme)
    if args.json:
        print_json([entry_json(entry) for group in groups for entry in group.entries])
        return 0
    for group in groups:
        print(f"{group.year}")
        for entry in group.entries:
            print(f"  {entry.date:<22} {entry.label}  [editor]")
            for r in entry.reports:
                note = f" [{r.footnote}]" if r.footnote is not None else ""
                print(f"      “{r.quote}”{note} — {r.article}#{r.anchor}")
    return 0


def _show_figures(args: argparse.Namespace, library: Library) -> int:
    rows = figure_rows(library, args.theme, sort=args.sort, descending=args.descending)
    if args.json:
        print_json([row_json(row) for row in rows])
        return 0
    for row in rows:
        f = row.figure
        year = f.year or ""
        if f.year and f.relation != "in":
            year = f"{f.relation.replace('_', ' ')} {f.year}"
        mark = " ≠ " + "/".join(row.differences) if row.disagrees else (" =" if len(row.group) > 1 else "")
        note = f" [{f.footnote}]" if f.footnote is not None else ""
        print(f"{row.value:>18}  {year:<12} {f.measure}{mark}")
        print(f"{'':>20}“{f.quote}”{note} — {f.article}#{f.anchor}")
    return 0


EXIT = (
    "Labels and measures are the editor's; quoted words are the author's. Exit status: 0 listed "
    "(content problems are only warned about; 'jpbrief check' lists them); 1 the PDF could not "
    "be written; 2 wrong usage or an unknown theme."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    time = subparsers.add_parser(
        "timeline", help="every annotated event in date order, grouped by year, with its sources",
        epilog=EXIT)
    figures = subparsers.add_parser(
        "figures", help="the key figures, with figures of the same measure side by side", epilog=EXIT)
    figures.add_argument("--sort", choices=SORT_KEYS, default="measure", help="sort by (default: measure)")
    figures.add_argument("--descending", action="store_true", help="reverse the sort order")
    for sub, func in ((time, cmd_timeline), (figures, cmd_figures)):
        sub.add_argument("--theme", metavar="ID", default=None, help="only this theme's entries")
        output = sub.add_mutually_exclusive_group()
        output.add_argument("--json", action="store_true", help="print JSON")
        output.add_argument("--pdf", metavar="FILE", default=None,
                            help="write it as a PDF, as the reader prints it (.pdf added if missing)")
        sub.set_defaults(func=func)
