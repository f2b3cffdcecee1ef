"""Content packs in the reader: check off the UI thread, ask the user, install, reload the library.

Every way in — File ▸ Add content pack…, a ``.jpbpack`` dropped on the window, a file named
on the command line (what the file manager runs) — ends in :meth:`PacksController.open_files`.
Packs are handled one at a time, in order: a worker thread checks the signature, the
signer's trust and every file's hash (:func:`inspect_pack`); the dialog shows what the user
decides on, or the refusal and its reason; on "Install" the worker installs
(:func:`install_pack`, which refuses a file changed since it was shown) and loads the merged
library, and :attr:`PacksController.library_changed` carries it with the ids of the
articles that changed, for the library list and the search index. A pack installed or
removed from the command line while the reader is open is noticed by watching the packs
folder (:meth:`PacksController.watch`). Nothing from a pack is ever executed: it is read
as Markdown, YAML and JSON by the ordinary loader, after its signature and hashes hold.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal

from jpbrief.ui.labels import translated
from jpbrief.ui.services.worker import Worker

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from jpbrief.core.model import Library
    from jpbrief.core.packs.archive import CheckedPack
    from jpbrief.core.packs.manifest import Manifest
    from jpbrief.core.packs.preview import ArticleChange
    from jpbrief.core.packs.store import InstallResult, PackStore

WATCH_DELAY_MS = 250
"""An install from the command line touches the folder several times: react once."""


@dataclass(frozen=True)
class PackPreview:
    """A checked pack as the dialog shows it, or why it was refused (``error``)."""

    path: Path
    checked: CheckedPack | None = None
    changes: tuple[ArticleChange, ...] = ()
    installed_version: str | None = None
    error: str = ""

    @property
    def manifest(self) -> Manifest | None:
        return self.checked.manifest if self.checked is not None else None

    @property
    def trusted(self) -> bool:
        return self.checked is not None and self.checked.trusted


@dataclass(frozen=True)
class PackOutcome:
    """What an install (or a change seen in the packs folder) left: the new library and
    the ids of the articles that changed, or why nothing changed (``error``)."""

    path: Path | None
    result: InstallResult | None = None
    library: Library | None = None
    changed: frozenset[str] = frozenset()
    error: str = ""


def inspect_pack(path: Path, store: PackStore, library: Library) -> PackPreview:
    """Check ``path`` completely (listing, signature, every file's hash) without unpacking,
    and what installing it would change in ``library``. Runs in the worker."""
    from jpbrief.core.message import message_of
    from jpbrief.core.packs import archive
    from jpbrief.core.packs.preview import article_changes

    try:
        checked = store.check(path, trust=True)  # an unknown signer is the dialog's question
        archive.verify_files(checked)
        installed = next((p for p in store.installed() if p.id == checked.manifest.id), None)
    except archive.PackError as error:
        return PackPreview(path, error=message_of(error))
    except OSError as error:
        return PackPreview(path, error=f"{path}: {error.strerror or error}")
    return PackPreview(path, checked, tuple(article_changes(checked.manifest, library)),
                       installed.manifest.version if installed else None)


def install_pack(preview: PackPreview, store: PackStore, content_dir: Path, before: Library,
                 *, allow_downgrade: bool = False) -> PackOutcome:
    """Install the pack the user agreed to (trusting its signer if asked to), then load
    the merged library. Runs in the worker."""
    from jpbrief.core.message import message_of
    from jpbrief.core.packs import archive, merge
    from jpbrief.core.packs.preview import changed_articles
    from jpbrief.ui.services import library_cache

    assert preview.checked is not None
    try:
        result = store.install(
            preview.path, trust=not preview.trusted, allow_downgrade=allow_downgrade,
            content_check=merge.install_check(content_dir, store.root), expect=preview.checked.manifest,
        )
        library = library_cache.reread(content_dir, store.root)
    except archive.PackError as error:
        return PackOutcome(preview.path, error=message_of(error))
    except OSError as error:
        return PackOutcome(preview.path, error=f"{error.filename or preview.path}: {error.strerror or error}")
    return PackOutcome(preview.path, result, library, changed_articles(before, library))


def reload_library(store: PackStore, content_dir: Path, before: Library) -> PackOutcome:
    """The merged library after the packs folder changed from outside. Runs in the worker."""
    from jpbrief.core.packs.preview import changed_articles
    from jpbrief.ui.services import library_cache

    library = library_cache.reread(content_dir, store.root)
    return PackOutcome(None, None, library, changed_articles(before, library))


Ask = Callable[["QWidget | None", PackPreview], bool]
Refuse = Callable[["QWidget | None", PackPreview | PackOutcome], None]


class PacksController(QObject):
    """Between the ways a pack arrives, the pack dialog, the packs folder and the library."""

    library_changed = Signal(object, object)  # Library, frozenset of changed article ids
    message = Signal(str)  # a one-line status for the status bar
    idle = Signal()  # every pack opened so far has been dealt with

    def __init__(
        self, parent: QWidget | None, store: PackStore, content_dir: Path, *,
        library: Callable[[], Library], ask: Ask | None = None, refuse: Refuse | None = None,
    ) -> None:
        """``library``: the reader's current library; ``ask``/``refuse``: the dialogs
        (defaults: :func:`jpbrief.ui.widgets.pack_dialog.ask_install` and ``show_refusal``)."""
        super().__init__(parent)
        self._parent = parent
        self.store = store
        self.content_dir = Path(content_dir)
        self._library = library
        self._ask = ask
        self._refuse = refuse
        self._queue: deque[Path] = deque()
        self._busy = False
        self._worker = Worker(self)  # one install at a time; the store locks across processes too
        self._watcher: QFileSystemWatcher | None = None
        self._known_state = ""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(WATCH_DELAY_MS)
        self._debounce.timeout.connect(self._folder_changed)

    # -- the ways in -----------------------------------------------------------------
    def open_files(self, paths: Iterable[Path | str]) -> None:
        """Offer each pack in turn: check, ask, install."""
        self._queue.extend(Path(p) for p in paths)
        self._next()

    def choose_files(self) -> None:
        """File ▸ Add content pack…: pick one or more ``.jpbpack`` files."""
        from PySide6.QtWidgets import QFileDialog

        names, _filter = QFileDialog.getOpenFileNames(
            self._parent, translate("Packs", "Add content pack"), str(Path.home()),
            translate("Packs", "Content packs (*.jpbpack)")
        )
        self.open_files(names)

    def watch(self) -> None:
        """Notice packs installed or removed by another process (``jpbrief pack install``)."""
        from jpbrief.core.packs import state_key

        try:
            self.store.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # a file in its place, no permission: not watched, said
            self.message.emit(translate("Packs", "Content packs: {path} cannot be used ({error})").format(
                path=self.store.root, error=error.strerror or error))
            return
        self._known_state = state_key(self.store.root)
        self._watcher = QFileSystemWatcher([str(self.store.root)], self)
        self._watcher.directoryChanged.connect(lambda _path: self._debounce.start())

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        return self._worker.wait_idle(timeout_ms)

    def shutdown(self) -> None:
        self._queue.clear()
        self._worker.shutdown()

    # -- one pack after the other ----------------------------------------------------
    def _run(self, work: Callable[[], object], then: Callable[[Any], None]) -> None:
        def failed(error: BaseException) -> None:  # a bug must not leave the queue stuck
            told = translate("Packs", "Content pack: unexpected error ({error})").format(error=repr(error))
            then(PackOutcome(None, error=told))

        self._worker.submit(work, then, failed)

    def _next(self) -> None:
        if self._busy:
            return
        if not self._queue:
            self.idle.emit()
            return
        self._busy = True
        path = self._queue.popleft()
        library = self._library()
        self.message.emit(translate("Packs", "Checking {file}…").format(file=path.name))
        self._run(lambda: inspect_pack(path, self.store, library), self._checked)

    def _done(self) -> None:
        self._busy = False
        self._next()

    def _checked(self, preview: PackPreview) -> None:
        if isinstance(preview, PackOutcome) or preview.error or preview.checked is None:
            self.message.emit(translate("Packs", "Content pack refused"))
            self._show_refusal(preview)
            self._done()
            return
        self.message.emit("")
        if not self._ask_install(preview):
            self.message.emit(translate("Packs", "{file} was not installed").format(file=preview.path.name))
            self._done()
            return
        before = self._library()
        self.message.emit(translate("Packs", "Installing {file}…").format(file=preview.path.name))
        self._run(lambda: install_pack(preview, self.store, self.content_dir, before),
                  self._installed)

    def _installed(self, outcome: PackOutcome) -> None:
        if outcome.error or outcome.library is None:
            self.message.emit(translate("Packs", "Content pack not installed"))
            self._show_refusal(outcome)
        else:
            from jpbrief.core.packs import state_key

            self._known_state = state_key(self.store.root)  # our own change: no second reload
            result = outcome.result
            if result is not None:
                self.message.emit(_installed_message(result))
            if result is None or result.action != "unchanged":
                self.library_changed.emit(outcome.library, outcome.changed)
        self._done()

    # -- changes from outside --------------------------------------------------------
    def _folder_changed(self) -> None:
        from jpbrief.core.packs import state_key

        if self._busy:  # our own install: it reloads the library itself; look again after it
            self._debounce.start()
            return
        state = state_key(self.store.root)
        if state == self._known_state:
            return
        self._known_state = state
        before = self._library()
        self._run(lambda: reload_library(self.store, self.content_dir, before), self._reloaded)

    def _reloaded(self, outcome: PackOutcome) -> None:
        if outcome.library is None:
            unreadable = translate("Packs", "The installed content packs could not be read")
            self.message.emit(translated(outcome.error) or unreadable)
            return
        if outcome.changed:
            self.message.emit(translate("Packs", "Content packs changed: the library was updated"))
        self.library_changed.emit(outcome.library, outcome.changed)

    # -- dialogs ---------------------------------------------------------------------
    def _ask_install(self, preview: PackPreview) -> bool:
        if self._ask is None:
            from jpbrief.ui.widgets.pack_dialog import ask_install

            self._ask = ask_install
        return self._ask(self._parent, preview)

    def _show_refusal(self, refused: PackPreview | PackOutcome) -> None:
        if self._refuse is None:
            from jpbrief.ui.widgets.pack_dialog import show_refusal

            self._refuse = show_refusal
        self._refuse(self._parent, refused)


def _installed_message(result: InstallResult) -> str:
    label = f"{result.manifest.title} ({result.manifest.id} {result.manifest.version})"
    if result.action == "unchanged":
        return translated(result.message)
    if result.previous:
        updated = translate("Packs", "Updated {pack} from version {previous}")
        return updated.format(pack=label, previous=result.previous)
    added = translate("Packs", "Installed {pack}; articles added to the library: {count}")
    return added.format(pack=label, count=len(result.manifest.articles))
