"""What the UI holds of the core, as Protocols: the notes store, the search index, launch paths.

The UI depends on these shapes, not on the core classes behind them, so a test can hand
in a fake and the boundary is typed instead of ``Any``. The records that cross it
(``Highlight``, ``Position``, ``SearchResult``, ...) are the core's own, unchanged.
Nothing here imports the core at run time: the notes store and the search engine load
after the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from jpbrief.core.labels import ENGLISH, Labels

if TYPE_CHECKING:
    # The search index's shape is the core's own Protocol (one definition, not two);
    # imported for type checking only, so the start-up never loads jpbrief.core.search.
    from jpbrief.core.model import Library
    from jpbrief.core.notes import Annotation, Bookmark, Highlight, Note, Position
    from jpbrief.core.search.results import SearchIndexProtocol as SearchIndexPort

    # The search index's shape is the core's own Protocol (one definition, not two).


__all__ = ["LaunchPaths", "NotesPort", "SearchIndexPort"]


class NotesPort(Protocol):
    """The notes store as the reader uses it (``jpbrief.core.notes.NotesStore``)."""

    @property
    def recovery_message(self) -> str | None: ...
    @property
    def read_only(self) -> str | None: ...

    def annotations(self, article: str | None = None) -> list[Annotation]: ...
    def highlights(self, article: str | None = None) -> list[Highlight]: ...
    def toggle_bookmark(self, article: str, anchor: str, quote: str = "") -> Bookmark | None: ...
    def add_highlight(self, article: str, anchor: str, start: int, end: int, quote: str) -> Highlight: ...
    def add_note(self, article: str, anchor: str, text: str, quote: str = "") -> Note: ...
    def note(self, note_id: int) -> Note | None: ...
    def notes(self, article: str | None = None) -> list[Note]: ...
    def update_note(self, note_id: int, text: str) -> Note: ...
    def remove_bookmark(self, bookmark_id: int) -> bool: ...
    def remove_highlight(self, highlight_id: int) -> bool: ...
    def remove_note(self, note_id: int) -> bool: ...
    def set_position(self, article: str, anchor: str, fraction: float) -> None: ...
    def position(self, article: str) -> Position | None: ...
    def reanchor(self, library: Library) -> object: ...
    def export_json(self, library: Library | None = None) -> str: ...
    def export_markdown(self, library: Library | None = None, labels: Labels = ENGLISH) -> str: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class LaunchPaths:
    """Where the UI reads its resources and keeps its search index, decided once at launch."""

    resources: Path
    search_index: Path
    search_key: Path
    """The folder of the key that seals the index: the data folder, never the cache."""
    packs: Path
    """Installed content packs (watched for installs from the command line)."""
    trusted_keys: tuple[Path, ...]
    """Folders of trusted pack-signing keys, the user's first (``core.paths.trusted_keys_dirs``)."""

    @classmethod
    def default(cls) -> LaunchPaths:
        """The installed layout (checkout, wheel or frozen bundle; see ``core.paths``)."""
        from jpbrief.core import paths

        return cls(paths.resources_dir(), paths.cache_dir() / "search-index", paths.data_dir(),
                   paths.packs_dir(), tuple(paths.trusted_keys_dirs()))
