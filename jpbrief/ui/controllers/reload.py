"""Reload the library and keep the reader's place: after a save (live preview), F5, a pack install.

:class:`LibraryReload` is the one way the reader takes a new library: :meth:`reload` reads
the content folder again in a worker (View ▸ Reload, and whoever installs a content pack),
the :class:`~jpbrief.ui.controllers.content_watch.ContentWatch` it owns does the same when a
file is saved, and :meth:`apply` puts a library in place at once. Either way the article
being read stays open at the same passage, to the pixel when the passage is still there
(its text may have changed above it); when its anchor was renamed, at the passage in the
same place in the article's order (the same fraction of the article when even that is gone);
an article that is gone gives way to the first one. The banner shows the new library's
problems, relative to the content folder, and says when a broken save's last good version
is what is shown.

Which parts hold the library is the app's business: it passes ``swap``, which hands the
new library to every one of them, and ``show``, which puts an article (or none) in the
reader without recording a visit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from jpbrief.core.model import Article, Library

if TYPE_CHECKING:  # the watcher's module loads when it starts, after the first paint
    from jpbrief.ui.controllers.content_watch import ContentWatch, Reloaded
    from jpbrief.ui.widgets.banner import ProblemsBanner
    from jpbrief.ui.widgets.reader import ReaderView

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ReadingPlace:
    """Where the reader is: the article, the passage at the top and how far below its start."""

    article: str
    anchor: str
    offset: int
    fraction: float
    index: int = -1
    """The passage's place in the article's order (-1: unknown), for an anchor renamed."""


def load_with_packs(content_dir: Path) -> Library:
    """The library as the reader loads it: the folder with the installed content packs,
    through the start-up cache (:func:`~jpbrief.ui.services.library_cache.reread`)."""
    from jpbrief.core import paths
    from jpbrief.ui.services import library_cache

    return library_cache.reread(content_dir, paths.packs_dir())


class LibraryReload(QObject):
    """Takes each new library in, keeping the reader's place; owns the folder's watcher.

    ``load`` reads the library again (None: :func:`load_with_packs`, as the reader does)."""

    applied = Signal(object)  # Reloaded, once it is shown

    def __init__(
        self,
        content_dir: Path,
        load: Callable[[], Library] | None,
        *,
        library: Callable[[], Library],
        current: Callable[[], Article | None],
        swap: Callable[[Library], None],
        show: Callable[[Article | None], None],
        reader: ReaderView,
        banner: ProblemsBanner,
        status: Callable[[str], None] = lambda _message: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.content_dir = Path(content_dir)
        self._current, self._swap, self._show = current, swap, show
        self._reader, self._banner, self._status = reader, banner, status
        self._load, self._library = load or (lambda: load_with_packs(self.content_dir)), library

    @cached_property
    def watch(self) -> ContentWatch:
        """The content folder's watcher (built on first use: live preview starts after the
        first paint)."""
        from jpbrief.ui.controllers.content_watch import ContentWatch

        watch = ContentWatch(self.content_dir, self._load, self._library, parent=self)
        watch.reloaded.connect(self._take)
        watch.failed.connect(self._status)
        return watch

    def start_watching(self) -> None:
        """Live preview: reload whenever a content file is saved."""
        self.watch.start()

    def stop(self) -> None:
        if "watch" in self.__dict__:
            self.watch.stop()

    def reload(self) -> None:
        """Read the content folder again now (in a worker); the result is applied when ready."""
        self._status(translate("Reload", "Reloading the content…"))
        self.watch.reload_now()

    def apply(self, library: Library, kept: tuple[str, ...] = ()) -> None:
        """Show ``library`` in place of the current one, keeping the reader's place."""
        from jpbrief.ui.controllers.content_watch import Reloaded

        self._take(Reloaded(library, kept))

    # -- inside --------------------------------------------------------------------
    def _take(self, reloaded: Reloaded) -> None:
        place = self._place()
        self._swap(reloaded.library)
        article = reloaded.library.article(place.article) if place else None
        if article is None and reloaded.library.articles:
            article = reloaded.library.articles[0]
        self._show(article)
        if place is not None and article is not None and article.id == place.article:
            self._restore(place, article)
        problems = self._banner.show_problems(reloaded.library, self.content_dir, kept=reloaded.kept)
        self._status(translate("Reload", "Content reloaded: see the problems above") if problems
                     else translate("Reload", "Content reloaded"))
        self.applied.emit(reloaded)

    def _place(self) -> ReadingPlace | None:
        article = self._current()
        if article is None:
            return None
        reader = self._reader
        anchor = reader.top_anchor()
        top = self._top_of(anchor)
        offset = reader.verticalScrollBar().value() - top if top is not None else 0
        index = next((i for i, p in enumerate(article.passages) if p.anchor == anchor), -1)
        return ReadingPlace(article.id, anchor, offset, reader.scroll_fraction(), index)

    def _top_of(self, anchor: str) -> int | None:
        """Where a passage starts, in the same pixels as the scroll bar's value."""
        span = self._reader.passage_range(anchor) if anchor else None
        if span is None:
            return None
        reader = self._reader
        return reader.cursorRect(reader.cursor_at(span[0])).top() + reader.verticalScrollBar().value()

    def _restore(self, place: ReadingPlace, article: Article) -> None:
        top = self._top_of(place.anchor)
        if top is None and 0 <= place.index < len(article.passages):  # its anchor renamed
            top = self._top_of(article.passages[place.index].anchor)
        if top is not None:
            self._reader.verticalScrollBar().setValue(top + place.offset)
        else:
            self._reader.set_scroll_fraction(place.fraction)
