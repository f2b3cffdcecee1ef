"""Chronology and key-figures views at library scale: build, first paint, filter, sort.

The bundled articles, their events and figures are copied N times under new ids
(``same_as``/``same_measure`` links renamed with them), so a 1,000-article library has
the bundled density of annotations. Prints JSON with the time of: the core views, the
timeline panel's model and first paint, a theme filter, the figures window's build,
first paint and a sort by value.

    QT_QPA_PLATFORM=offscreen python benchmarks/chronology_bench.py              # 1,000 articles
    QT_QPA_PLATFORM=offscreen python benchmarks/chronology_bench.py --articles 200
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from jpbrief.core.content import load_library  # noqa: E402 - after the path set-up above
from jpbrief.core.model import Library  # noqa: E402


def scaled(base: Library, articles: int) -> Library:
    copies = max(1, articles // max(1, len(base.articles)))
    made: dict[str, Any] = {"articles": [], "events": [], "figures": []}
    for n in range(copies):
        def rename(name: str, n: int = n) -> str:
            return f"{name}~{n}"

        made["articles"] += [replace(a, id=rename(a.id)) for a in base.articles]
        made["events"] += [replace(e, id=rename(e.id), article=rename(e.article),
                                   same_as=tuple(map(rename, e.same_as))) for e in base.events]
        made["figures"] += [replace(f, id=rename(f.id), article=rename(f.article),
                                    same_measure=tuple(map(rename, f.same_measure))) for f in base.figures]
    return replace(base, articles=tuple(made["articles"]), events=tuple(made["events"]),
                   figures=tuple(made["figures"]))


def timed(action: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = action()
    return result, round(time.perf_counter() - started, 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from jpbrief.core.chronology import timeline
    from jpbrief.core.figures import figure_rows
    from jpbrief.ui.widgets.chronology_view import ChronologyPanel
    from jpbrief.ui.widgets.figures_view import VALUE, FiguresWindow

    app = QApplication.instance() or QApplication(["bench"])
    library = scaled(load_library(REPO / "content"), args.articles)
    report: dict[str, Any] = {
        "articles": len(library.articles), "events": len(library.events), "figures": len(library.figures),
    }
    groups, report["core_timeline_s"] = timed(lambda: timeline(library))
    report["timeline_entries"] = sum(len(g.entries) for g in groups)
    _rows, report["core_figure_rows_s"] = timed(lambda: figure_rows(library))

    panel, report["timeline_panel_build_s"] = timed(lambda: ChronologyPanel(library))
    panel.resize(330, 760)

    def paint(widget: Any) -> None:
        widget.show()
        widget.grab()  # lays out and paints the visible rows
        app.processEvents()

    _none, report["timeline_first_paint_s"] = timed(lambda: paint(panel))
    theme = next(iter(library.themes))
    _none, report["timeline_theme_filter_s"] = timed(lambda: (panel.show_theme(theme), paint(panel)))
    _none, report["timeline_all_again_s"] = timed(lambda: (panel.show_theme(""), paint(panel)))

    window, report["figures_window_build_s"] = timed(lambda: FiguresWindow(library))
    _none, report["figures_first_paint_s"] = timed(lambda: paint(window))
    _none, report["figures_sort_by_value_s"] = timed(
        lambda: (window.table.sortByColumn(VALUE, Qt.SortOrder.DescendingOrder), paint(window)))
    _none, report["figures_theme_filter_s"] = timed(lambda: (window.show_theme(theme), paint(window)))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
