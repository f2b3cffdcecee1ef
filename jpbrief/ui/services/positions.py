"""Reading positions: where the reader was in each article (passage anchor, scroll fraction).

The notes store keeps them (journaled, so they survive a crash); this keeps the session's
own copy too, for before the store is open (it opens after the first paint) or when it is
unavailable. QSettings keeps only preferences and window state. No Qt here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from jpbrief.ui.ports import NotesPort


class ReadingPositions:
    """Remembers positions in the session and in the notes store ``notes()`` (None: not open)."""

    def __init__(self, notes: Callable[[], NotesPort | None]) -> None:
        self._notes = notes
        self._session: dict[str, tuple[str, float]] = {}

    def remember(self, article_id: str, anchor: str, fraction: float) -> None:
        self._session[article_id] = (anchor, fraction)
        notes = self._notes()
        if notes is not None and anchor:
            with contextlib.suppress(Exception):  # never worth an error dialog
                notes.set_position(article_id, anchor, fraction)

    def saved(self, article_id: str) -> tuple[str, float] | None:
        """Where the reader last was in an article: this session's, else the notes store's."""
        if article_id in self._session:
            return self._session[article_id]
        notes = self._notes()
        if notes is not None:
            with contextlib.suppress(Exception):  # a damaged store: start at the top
                saved = notes.position(article_id)
                if saved is not None:
                    return saved.anchor, saved.fraction
        return None
