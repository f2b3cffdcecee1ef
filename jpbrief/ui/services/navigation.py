"""Back/forward history of reading places, like a browser's (no Qt: easy to test)."""

from __future__ import annotations

from dataclasses import dataclass

MAX_ENTRIES = 200


@dataclass(frozen=True)
class Place:
    """Where the reader was: an article and its scroll offset (pixels) at the time, or
    (``theme`` set, ``article`` empty) a theme briefing."""

    article: str
    scroll: int = 0
    anchor: str = ""
    theme: str = ""


class History:
    """A list of places with a cursor; visiting a new place drops the forward branch."""

    def __init__(self) -> None:
        self._places: list[Place] = []
        self._index = -1

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        del self._places[self._index + 1:]
        self._places.append(place)
        if len(self._places) > MAX_ENTRIES:
            del self._places[0]
        self._index = len(self._places) - 1

    def update_current(self, place: Place) -> None:
        """Remember the current place's latest scroll offset before leaving it."""
        if self._index >= 0:
            self._places[self._index] = place

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._places[self._index]
