"""``jpbrief read``: from the command line to the reader window, first paint first.

The order serves the start-up time (``benchmarks/startup_bench.py`` measures it against
a bare Qt window): first the library, from the start-up cache or the content folder,
before Qt is imported (once PySide6 is loaded, it reads the source of every module
imported after it, looking for its ``__feature__`` imports); then the application and
the window with what the first paint shows. Everything else waits for the first paint.

The cyclic garbage collector is paused until then: start-up creates tens of thousands
of objects that live as long as the reader (Qt's enums, the model's classes and the
library), and the collector would walk them again and again for nothing.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from jpbrief import __version__
from jpbrief.core import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtWidgets import QApplication

OFFSCREEN_SCREEN = {"name": "jpbrief-offscreen", "x": 0, "y": 0, "width": 1600, "height": 1000,
                    "logicalDpi": 96, "logicalBase": 96, "dpr": 1}


def ensure_platform() -> None:
    """Use the offscreen platform when there is no display (CI, SSH, self-test).

    Its virtual screen is given a laptop's size (the default is 800x800, smaller than
    the window), so pop-ups are placed as they would be on a real screen.
    """
    if "QT_QPA_PLATFORM" in os.environ or not sys.platform.startswith("linux"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    config = Path(tempfile.gettempdir()) / f"jpbrief-offscreen-{os.getuid()}.json"
    try:
        config.write_text(json.dumps({"screens": [OFFSCREEN_SCREEN]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    except OSError:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen plugin's "does not support" notices; print everything else."""
    if message.startswith("This plugin does not support"):
        return
    sys.stderr.write(message + "\n")


def application() -> QApplication:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from jpbrief.ui.appearance import mark_styled, style_arguments

    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        qInstallMessageHandler(_quiet_offscreen)
    app = QApplication([sys.argv[0] if sys.argv else "jpbrief", *style_arguments()])
    mark_styled(app)
    app.setApplicationName("jpbrief")
    app.setApplicationDisplayName("jpbrief")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("jpbrief")
    return app


def run(content_dir: Path) -> int:
    """Open the reader window and run until it is closed."""
    gc.disable()  # until the first paint (see the module's docstring)
    from jpbrief.core.packs import state_key
    from jpbrief.ui import library_cache

    # Installed content packs live outside content_dir: one start-up cache per pack state.
    cache_root = paths.cache_dir() / "startup" / state_key(paths.packs_dir())
    cached = library_cache.load(content_dir, cache_root)
    if cached is not None:
        library, rendered = cached
    else:
        from jpbrief.core.packs.merge import load_merged

        library, rendered = load_merged(content_dir, paths.packs_dir()), {}
    ensure_platform()
    app = application()
    from jpbrief.ui.app import ReaderApp, open_notes_store
    from jpbrief.ui.settings import Settings

    reader_app = ReaderApp(
        library, content_dir, Settings(paths.config_dir()),
        rendered=rendered, cache_root=None if cached else cache_root,
        notes_factory=open_notes_store,
    )
    from PySide6.QtCore import QTimer

    reader_app.reader.first_painted.connect(gc.enable)
    QTimer.singleShot(5000, gc.enable)  # should the window not be painted (started hidden)
    reader_app.start()
    return app.exec()
