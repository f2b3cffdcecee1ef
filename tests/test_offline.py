"""The offline guarantee: the full window never opens a network connection.

Python socket creation and connection are forbidden (and recorded) while the window
opens every article, runs searches, opens every footnote card and every editor's
cross-reference card. The self-test also runs in a network namespace with no network
where ``unshare -rn`` is permitted, and in a subprocess that checks Whoosh and
QtNetwork are not loaded before the first paint.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from test_ui_support import CONTENT, OFFSCREEN_NOTICES, REPO, build_app, close_app

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every Python-level socket creation or connection fail, and record it."""
    attempts: list[str] = []

    def forbidden(name: str):
        def refuse(*args, **kwargs):
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network access attempted in an offline test: {name}")

        return refuse

    refuse_socket = forbidden("socket.socket")

    class GuardedSocket(socket.socket):
        """Still a class, so modules that subclass socket.socket (ssl) import fine."""

        def __init__(self, *args, **kwargs) -> None:
            refuse_socket(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", forbidden("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", forbidden("socket.getaddrinfo"))
    monkeypatch.setattr(socket, "socketpair", forbidden("socket.socketpair"))
    return attempts


def test_full_window_makes_no_connection(qtbot, tmp_path: Path, no_sockets: list[str]) -> None:
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index")
    try:
        library = app.library
        cards = 0
        for article in library.articles:
            assert app.reading.open_article(article.id)
            for passage in article.passages:
                for footnote in passage.footnotes:
                    assert app.show_footnote(footnote.number, QPoint(20, 20)), footnote
                    assert app.card.kind == "footnote" and app.card.number == footnote.number
                    cards += 1
                for ref in passage.crossrefs:
                    assert app.show_crossref(ref.article, ref.anchor, QPoint(20, 20)), ref
                    assert app.card.kind == "crossref"
                    cards += 1
                    app.card.dismiss()
        assert cards >= 42 + 20
        for query in ("defense spending", "DICSA", '"economic security"'):
            with qtbot.waitSignal(app.search.results_ready, timeout=60000) as blocker:
                app.search_panel.set_query(query)
            assert blocker.args[1].hits or blocker.args[1].suggestions, query
        app.search_panel.choose_row(0)
        app.documents.export_pdf(tmp_path / "article.pdf")
    finally:
        close_app(app)
    assert no_sockets == []
    assert "PySide6.QtNetwork" not in sys.modules


FIRST_PAINT_PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from jpbrief.core.content import load_library
from jpbrief.core.search.results import IndexStatus
from jpbrief.ui.app import ReaderApp
from jpbrief.ui.launch import application
from jpbrief.ui.services.settings import Settings

app = application()
content = Path(sys.argv[1])
reader_app = ReaderApp(load_library(content), content, Settings(Path(sys.argv[2])))
seen = {}

def painted():
    seen["whoosh"] = "whoosh" in sys.modules
    seen["search_engine"] = "jpbrief.core.search.engine" in sys.modules
    seen["qtnetwork"] = "PySide6.QtNetwork" in sys.modules
    seen["qtprintsupport"] = "PySide6.QtPrintSupport" in sys.modules

reader_app.reader.first_painted.connect(painted)
reader_app.search.state_changed.connect(lambda s: s.state is IndexStatus.READY and app.quit())
QTimer.singleShot(60000, app.quit)
reader_app.start()
app.exec()
reader_app.search.shutdown()
seen["whoosh_after"] = "whoosh" in sys.modules
seen["qtnetwork_after"] = "PySide6.QtNetwork" in sys.modules
print(json.dumps(seen))
"""


def test_whoosh_loads_only_after_first_paint(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, str(CONTENT), str(tmp_path / "config")],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "whoosh": False, "search_engine": False, "qtnetwork": False, "qtprintsupport": False,
        "whoosh_after": True, "qtnetwork_after": False,
    }


WARM_START_PROBE = r"""
import json, os, sys
from pathlib import Path
from jpbrief.ui.widgets import reader

seen = {}
paint = reader.ReaderView.paintEvent

def first_paint(self, event):
    paint(self, event)
    if not seen:
        import gc
        seen.update({name: name in sys.modules for name in sys.argv[2:]})
        from PySide6 import QtCore
        seen["PySide6's Qt namespace"] = "Qt" in QtCore.__dict__  # 96 enum classes: see qt_namespace
        seen["garbage collector on again"] = gc.isenabled()
        from PySide6.QtWidgets import QApplication
        QApplication.instance().quit()

reader.ReaderView.paintEvent = first_paint
from jpbrief.ui.launch import run
run(Path(sys.argv[1]))
print(json.dumps(seen), flush=True)
os._exit(0)  # the search worker may be starting: no need to wait for it
"""

NOT_BEFORE_FIRST_PAINT = [
    "markdown", "yaml", "nh3", "whoosh", "sqlite3", "PySide6.QtPrintSupport", "PySide6.QtNetwork",
    "jpbrief.core.content", "jpbrief.core.render", "jpbrief.core.notes", "jpbrief.core.search",
    "jpbrief.ui.widgets.footnote_popup", "jpbrief.ui.widgets.search_panel", "jpbrief.ui.services.search_service",
    "jpbrief.ui.widgets.notes_panel", "jpbrief.ui.widgets.dialogs", "jpbrief.ui.services.printing",
    "ctypes", "subprocess", "cryptography",  # the xcb check's and the packs' tools: only when needed
    "html",  # its entity tables: about 2 ms; the lists escape with ui.services.markup
    # printing, exporting, timeline, briefings, live preview, link and card vocabulary: on first use
    "jpbrief.ui.controllers.documents", "jpbrief.ui.controllers.chronology", "jpbrief.ui.controllers.briefing",
    "jpbrief.ui.controllers.notes_export", "jpbrief.ui.controllers.content_watch",
    "jpbrief.core.links", "jpbrief.core.glossary_card", "jpbrief.ui.services.passage_map",
]


def test_warm_start_loads_only_what_the_first_paint_shows(tmp_path: Path) -> None:
    """With the start-up cache warm: no parser, search, notes, card or dialog module yet."""
    from jpbrief.core.content import load_library
    from jpbrief.core.render import render_article
    from jpbrief.ui.services import library_cache

    library = load_library(CONTENT)
    html = {a.id: render_article(a, library, with_sources=True) for a in library.articles}
    store = library_cache.save(CONTENT, tmp_path / "cache" / "startup", library)
    assert store is not None and all(store.put(key, text) for key, text in html.items())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JPBRIEF_CACHE_DIR": str(tmp_path / "cache"),
           "JPBRIEF_CONFIG_DIR": str(tmp_path / "config"), "JPBRIEF_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-c", WARM_START_PROBE, str(CONTENT), "jpbrief.ui.app", *NOT_BEFORE_FIRST_PAINT],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen.pop("jpbrief.ui.app") is True
    assert seen.pop("garbage collector on again") is True  # paused for the start-up only
    assert [name for name, loaded in seen.items() if loaded] == []


def _jpbrief() -> list[str]:
    return [sys.executable, "-m", "jpbrief"]


def test_self_test_command_with_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [*_jpbrief(), "self-test", "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=180, env=env, cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout
    for check in ("footnote card", "cross-reference card", "search", "screenshot", "reload keeps the place"):
        assert check in done.stdout
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "does not support" not in done.stderr


def _unshare_usable() -> str | None:
    """Why ``unshare -rn`` cannot be used here, or None when it can."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, text=True, timeout=30)
    if probe.returncode != 0:
        return f"unshare -rn is not permitted here: {probe.stderr.strip()}"
    return None


def test_self_test_in_a_network_namespace(tmp_path: Path) -> None:
    reason = _unshare_usable()
    if reason:
        pytest.skip(reason)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        ["unshare", "-rn", *_jpbrief(), "self-test"],
        capture_output=True, text=True, timeout=180, env=env, cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test:" in done.stdout and " 0 failed" in done.stdout


def test_strict_self_test_fails_when_an_article_is_skipped(tmp_path: Path, content_copy: Path) -> None:
    """The plain self-test passes with an article skipped ("2 articles, 1 skipped … passed");
    ``--strict``, which ``make package`` uses, must fail, so no installer ships without it."""
    broken = content_copy / "articles" / "alpha.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("id: alpha", "id: [alpha", 1), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [*_jpbrief(), "--content", str(content_copy), "self-test", "--strict"],
        capture_output=True, text=True, timeout=180, env=env, cwd=REPO,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL every article loads without a problem (strict)" in done.stdout
    assert "1 skipped" in done.stdout
