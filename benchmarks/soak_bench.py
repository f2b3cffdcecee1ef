"""Soak benchmark: a long reading session on the real window; None's refcount and RSS drift.

Drives the real ``ReaderApp`` on the fixture library with ``tests/soak_session.py`` (clicks
on the library and theme lists, typed searches, footnote cards opened and closed, resizes)
until ``--actions`` actions are done, after a warm-up. Prints JSON:

    {"pyside": v, "actions": n, "by_kind": {...}, "none_refcount_start": a,
     "none_refcount_end": b, "none_refcount_drift": b - a, "rss_kb_start": r0,
     "rss_kb_end": r1, "rss_kb_drift": r1 - r0, "seconds": s, "cpu_seconds": c}

RSS is ``VmRSS`` from /proc/self/status (Linux), read after the warm-up and at the end.
Usage: ``python benchmarks/soak_bench.py [--actions 10000]`` (offscreen when no display).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=10000)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="jpbrief-soak-"))
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
                 "JPBRIEF_CACHE_DIR", "JPBRIEF_DATA_DIR", "JPBRIEF_CONFIG_DIR"):
        os.environ[name] = str(home / name.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    import PySide6
    from PySide6.QtWidgets import QApplication
    from soak_session import EventLoopWaiter, Session, none_refcount

    from jpbrief.core.content import load_library
    from jpbrief.core.render import render_article
    from jpbrief.core.search.results import IndexStatus, SearchStatus
    from jpbrief.ui.app import ReaderApp
    from jpbrief.ui.services.search_service import default_index_factory
    from jpbrief.ui.services.settings import Settings

    qt = QApplication(["soak"])
    content = REPO / "tests" / "fixtures" / "library"
    library = load_library(content)
    app = ReaderApp(
        library, content, Settings(home / "config"),
        search_factory=default_index_factory(content, library, home / "index", key_dir=home / "data"),
        confirm_url=lambda *_: False,
        rendered={a.id: render_article(a, library, with_sources=True) for a in library.articles},
    )
    app.start()
    waiter = EventLoopWaiter()
    waiter.until(lambda: app.reader.painted and app.search.status == SearchStatus(IndexStatus.READY))
    session = Session(app, waiter)
    for _ in range(8):
        session.round(switches=2)
    session.done.clear()
    session.drift.clear()
    start, rss_start = none_refcount(), rss_kb()
    wall, cpu = time.perf_counter(), time.process_time()
    number = 0
    while session.actions() < args.actions:
        session.round(switches=20, search=number % 4 == 0)
        number += 1
    end, rss_end = none_refcount(), rss_kb()
    print(json.dumps({
        "pyside": PySide6.__version__, "actions": session.actions(), "by_kind": dict(session.done),
        "none_refcount_start": start, "none_refcount_end": end, "none_refcount_drift": end - start,
        "rss_kb_start": rss_start, "rss_kb_end": rss_end, "rss_kb_drift": rss_end - rss_start,
        "seconds": round(time.perf_counter() - wall, 1), "cpu_seconds": round(time.process_time() - cpu, 1),
    }, indent=1))
    sys.stdout.flush()
    app.search.shutdown()
    del qt
    return 0


if __name__ == "__main__":
    sys.exit(main())
