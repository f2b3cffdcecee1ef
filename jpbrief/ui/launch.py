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

import atexit
import gc
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jpbrief import __version__
from jpbrief.core import paths

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType
    from PySide6.QtWidgets import QApplication

KNOWN_BAD_PYSIDE = frozenset({"6.12.0"})
"""PySide6 releases the reader refuses to run on. 6.12.0 hands Python ``None`` one reference
short from every empty QVariant (and more calls); the reader aborted with ``none_dealloc``
after ~150 article switches (tests/test_dependencies.py, tests/test_soak.py)."""

OFFSCREEN_SCREEN = {"name": "jpbrief-offscreen", "x": 0, "y": 0, "width": 1600, "height": 1000,
                    "logicalDpi": 96, "logicalBase": 96, "dpr": 1}


class UnsafeQtError(RuntimeError):
    """The installed PySide6 is a release known to corrupt the interpreter."""


def check_pyside(version: str) -> None:
    """Refuse a known-bad PySide6 release, with what to do about it."""
    if version in KNOWN_BAD_PYSIDE:
        raise UnsafeQtError(
            f"jpbrief: refusing to start on PySide6 {version}: this release returns Python's None "
            "one reference short from Qt calls the reader makes all the time, and the reader "
            "would abort ('Fatal Python error: none_dealloc') within minutes of reading. "
            "Reinstall with the project's constraints, which exclude it: "
            "pip install --force-reinstall -e . (or 'make .venv/.installed' after "
            "'rm .venv/.installed'), or pip install 'PySide6-Essentials!=6.12.0'."
        )


def has_display() -> bool:
    """False only on Linux without an X11 or Wayland display (the reader would run offscreen)."""
    return not sys.platform.startswith("linux") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_platform() -> None:
    """Use the offscreen platform when there is no display (CI, SSH, self-test).

    Its virtual screen is given a laptop's size (the default is 800x800, smaller than
    the window), so pop-ups are placed as they would be on a real screen. The screen's
    config goes in a fresh private folder (``mkdtemp``: mode 0700, unpredictable name,
    removed at exit):
    a fixed name in the shared temp folder could be planted first, as a symlink or with
    another screen, by any local user.
    """
    if "QT_QPA_PLATFORM" in os.environ or has_display():
        return
    try:
        folder = tempfile.mkdtemp(prefix="jpbrief-offscreen-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)  # Qt reads it at start-up
        config = Path(folder) / "screen.json"
        with open(config, "x", encoding="utf-8") as handle:  # "x": never through a planted file
            json.dump({"screens": [OFFSCREEN_SCREEN]}, handle)
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    except OSError:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen plugin's "does not support" notices; print everything else."""
    if message.startswith("This plugin does not support"):
        return
    sys.stderr.write(message + "\n")


def application() -> QApplication:
    """The QApplication (made once), on a PySide6 that is not known to be broken."""
    import PySide6

    check_pyside(PySide6.__version__)  # a string already set: costs nothing at start-up
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from jpbrief.ui.services.appearance import mark_styled, style_arguments

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


def run(content_dir: Path, packs: Sequence[Path] = ()) -> int:
    """Open the reader window and run until it is closed; offer to install ``packs`` first."""
    gc.disable()  # until the first paint (see the module's docstring)
    from jpbrief.ui.services import library_cache

    cache_root = library_cache.startup_root(paths.packs_dir())
    stamp = library_cache.fingerprint(content_dir)  # before loading: see library_cache.save
    cached = library_cache.load(content_dir, cache_root, stamp)
    rendered: library_cache.RenderedStore | None
    if cached is not None:
        library, rendered = cached
    else:  # a first start, or the content changed: parsed, cached, and read back
        from jpbrief.core.packs.merge import load_merged

        library, rendered = library_cache.parse_and_cache(
            content_dir, cache_root, stamp, lambda: load_merged(content_dir, paths.packs_dir()))
    ensure_platform()
    from jpbrief.ui.platform_check import xcb_problem

    problem = xcb_problem()  # before Qt aborts with a message naming the wrong library
    if problem:
        gc.enable()
        sys.stderr.write(problem)
        return 3
    try:
        app = application()
    except UnsafeQtError as error:
        gc.enable()
        sys.stderr.write(f"{error}\n")
        return 3
    from jpbrief.ui.app import ReaderApp, open_notes_store
    from jpbrief.ui.ports import LaunchPaths
    from jpbrief.ui.services.settings import Settings

    reader_app = ReaderApp(
        library, content_dir, Settings(paths.config_dir()),
        rendered=rendered, notes_factory=open_notes_store, where=LaunchPaths.default(),
        index_at_start=cached is None,  # the content changed (or a first start): index it now
    )
    from PySide6.QtCore import QTimer

    reader_app.reader.first_painted.connect(gc.enable)
    QTimer.singleShot(5000, gc.enable)  # should the window not be painted (started hidden)
    reader_app.start()
    if packs:  # as the file manager opens a .jpbpack: once the window is up
        QTimer.singleShot(0, lambda: reader_app.packs.open_files(packs))
    watch_file_open(app, lambda path: reader_app.packs.open_files([path]))
    status = app.exec()
    library_cache.prune(paths.packs_dir())  # the generations this session's reloads left
    return status


def watch_file_open(
    app: QObject, open_file: Callable[[Path], None], platform: str = sys.platform,
) -> QObject | None:
    """On macOS, pass the Finder's "open this file" events to ``open_file``. Elsewhere none
    come, and an application-wide Python event filter would cost every event of the session
    a call into Python (it made the first paint 50 ms of CPU slower on Linux)."""
    if platform != "darwin":
        return None
    opener = file_open_filter(open_file, app)
    app.installEventFilter(opener)
    return opener


def file_open_filter(open_file: Callable[[Path], None], parent: QObject) -> QObject:
    """An event filter passing macOS's "open this file" (a .jpbpack double-clicked in the
    Finder reaches a running app as a ``QFileOpenEvent``, not as an argument) to ``open_file``."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QFileOpenEvent

    class _Filter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.FileOpen:  # cheap: no wrapper of the event's own class
                return False
            if isinstance(event, QFileOpenEvent) and event.file().lower().endswith(".jpbpack"):
                open_file(Path(event.file()))
                return True
            return False

    return _Filter(parent)
