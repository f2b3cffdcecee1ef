"""Live preview for trainers: watch the content folder and reload the library off the UI thread.

A trainer edits an article in their editor and saves; the reader shows the change. The
folder, ``articles/`` and every content file are watched (:class:`QFileSystemWatcher`); a
burst of events (an editor writes a temporary file, renames it, touches the folder) is
gathered by a short quiet-time timer into one reload. The library is parsed in a worker
thread, so a long article never freezes the window; a reload overtaken by a newer change is
dropped. ``reload_now`` (View ▸ Reload, F5) skips the wait.

A save that breaks an article must not take the article away from the trainer who is
looking at it: :func:`keep_last_good` puts the last version that loaded back into the new
library, and the banner says so. Applying the new library while keeping the reader's place
is :mod:`jpbrief.ui.controllers.reload`'s job; this module only delivers libraries.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal

from jpbrief.core.content_files import ARTICLE_DIR, list_content
from jpbrief.core.model import Library
from jpbrief.ui.services.worker import Worker

translate = QCoreApplication.translate

QUIET_MS = 300
"""How long the folder must stay quiet before a reload: one editor save is several events."""
MAX_WATCHED_FILES = 200
"""Files watched one by one, at most (macOS spends a file descriptor on each): the YAML files
first, then the articles in name order. The folders are always watched, so a save that
replaces a file (most editors') is seen in any library; F5 covers the rest."""


@dataclass(frozen=True)
class Reloaded:
    """A freshly loaded library, and the ids of articles kept at their last good version."""

    library: Library
    kept: tuple[str, ...] = ()


def keep_last_good(previous: Library, new: Library) -> Reloaded:
    """``new``, with each article of ``previous`` whose file no longer loads put back.

    An article is put back only when its own file is now skipped (a broken save) and no
    other file holds its id; an article whose file was deleted is gone, as the trainer meant.
    The problem that says why the file was skipped stays in the new library.
    """
    skipped = set(new.skipped)
    have = {article.id for article in new.articles}
    kept = [a for a in previous.articles if a.path in skipped and a.id not in have]
    if not kept:
        return Reloaded(new)
    articles = list(new.articles)
    for article in kept:  # where it was: after the article before it, if that one is still here
        before = previous.articles[: previous.articles.index(article)]
        ids = [a.id for a in articles]
        after = next((ids.index(b.id) + 1 for b in reversed(before) if b.id in ids), 0)
        articles.insert(after, article)
    return Reloaded(replace(new, articles=tuple(articles)), tuple(a.id for a in kept))


class ContentWatch(QObject):
    """Watches ``content_dir`` and emits ``reloaded`` with each new library.

    ``current`` gives the library shown now (for :func:`keep_last_good`); ``load`` reads
    the folder (the reader's own loader, content packs merged). Nothing is watched until
    :meth:`start`.
    """

    reloaded = Signal(object)  # Reloaded
    failed = Signal(str)  # the loader itself raised: the message, the old library stays

    def __init__(
        self,
        content_dir: Path,
        load: Callable[[], Library],
        current: Callable[[], Library],
        *,
        quiet_ms: int = QUIET_MS,
        max_files: int = MAX_WATCHED_FILES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.content_dir = Path(content_dir)
        self._max_files = max_files
        self._load, self._current = load, current
        self._watcher: QFileSystemWatcher | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(self.reload_now)
        self._worker = Worker(self)  # loads run in order; only the newest is applied
        self._generation = 0

    @property
    def watching(self) -> list[str]:
        """The paths watched now (folders and files)."""
        if self._watcher is None:
            return []
        return sorted([*self._watcher.directories(), *self._watcher.files()])

    def start(self) -> None:
        """Watch the folder, ``articles/`` and every content file in them."""
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(self._changed)
            self._watcher.fileChanged.connect(self._changed)
        self._rewatch()

    def stop(self) -> None:
        """Stop watching and wait for a load in flight (its result is dropped)."""
        self._timer.stop()
        self._generation += 1
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
        self._worker.drop_queued()
        self._worker.wait_idle()

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        return self._worker.wait_idle(timeout_ms)

    def reload_now(self) -> int:
        """Load the folder now, in the worker; returns the load's generation."""
        self._timer.stop()
        self._generation += 1
        deliver = functools.partial(self._on_loaded, self._generation)
        self._worker.submit(self._load, deliver, deliver)  # an exception: a bug or I/O
        return self._generation

    def _changed(self, _path: str) -> None:
        self._rewatch()  # an editor's save by rename drops the file from the watch
        self._timer.start()  # restarted by every event: one reload per quiet spell

    def _rewatch(self) -> None:
        if self._watcher is None:
            return
        wanted: set[str] = set()
        if self.content_dir.is_dir():
            wanted.add(str(self.content_dir))
            articles = self.content_dir / ARTICLE_DIR
            if articles.is_dir():
                wanted.add(str(articles))
            files = list_content(self.content_dir).files()[: self._max_files]
            wanted.update(str(path) for path in files)
        watched = set(self._watcher.directories()) | set(self._watcher.files())
        gone = sorted(watched - wanted)
        if gone:
            self._watcher.removePaths(gone)
        new = sorted(path for path in wanted - watched if Path(path).exists())
        if new:
            self._watcher.addPaths(new)

    def _on_loaded(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # overtaken by a newer change (or stopped)
        if isinstance(result, Library):
            self.reloaded.emit(keep_last_good(self._current(), result))
        else:
            self.failed.emit(
                translate("Reload", "The content could not be reloaded: {error}").format(error=result))
