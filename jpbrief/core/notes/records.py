"""The notes' records and errors: what the store returns, and how a stored row becomes one.

Bookmarks, highlights and notes are frozen dataclasses sharing :class:`Placed` (their
place, re-anchoring state and original place); each keeps its own field order, which is
also its positional constructor, because callers and tests build them positionally.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar, Literal

State = Literal["ok", "changed", "detached"]
"""What the last re-anchoring stored for an annotation (see :mod:`.anchoring`)."""
Status = Literal["ok", "moved", "changed", "detached", "unavailable"]
"""What one re-anchoring decided; ``moved`` and ``unavailable`` are never stored."""
STATES: tuple[State, ...] = ("ok", "changed", "detached")


class NotesError(Exception):
    """The notes store cannot do what was asked; the message says why, for the user."""


class ImportFormatError(NotesError, ValueError):
    """An import file is not a jpbrief notes export; the message names the item at fault."""


class Placed:
    """What every annotation has: a place, a re-anchoring state, and the place it was made.

    ``original_article``/``original_anchor`` never change after creation; an annotation
    built without them was made where it is.
    """

    kind: ClassVar[str]
    article: str
    anchor: str
    state: State
    original_article: str
    original_anchor: str

    def __post_init__(self) -> None:
        if not self.original_article:
            object.__setattr__(self, "original_article", self.article)
        if not self.original_anchor:
            object.__setattr__(self, "original_anchor", self.anchor)

    @property
    def detached(self) -> bool:
        return self.state == "detached"


@dataclass(frozen=True)
class Bookmark(Placed):
    """A bookmarked passage."""

    kind: ClassVar[str] = "bookmark"
    id: int
    uuid: str
    article: str
    anchor: str
    quote: str
    created: str
    state: State = "ok"
    original_article: str = ""
    original_anchor: str = ""


@dataclass(frozen=True)
class Highlight(Placed):
    """A highlighted selection: ``quote`` is ``passage.text[start:end]``."""

    kind: ClassVar[str] = "highlight"
    id: int
    uuid: str
    article: str
    anchor: str
    start: int
    end: int
    quote: str
    colour: str
    created: str
    state: State = "ok"
    original_article: str = ""
    original_anchor: str = ""


@dataclass(frozen=True)
class Note(Placed):
    """Free text on a passage, or on a highlight when ``highlight_id`` is set."""

    kind: ClassVar[str] = "note"
    id: int
    uuid: str
    article: str
    anchor: str
    quote: str
    text: str
    created: str
    updated: str
    highlight_id: int | None = None
    state: State = "ok"
    original_article: str = ""
    original_anchor: str = ""


Annotation = Bookmark | Highlight | Note
"""Each kind's ``original_article``/``original_anchor`` is the place it was made on."""


@dataclass(frozen=True)
class Position:
    """The last reading position in an article: the passage at the top, and a fraction."""

    article: str
    anchor: str
    fraction: float
    updated: str


@dataclass(frozen=True)
class Reanchored:
    """What :meth:`NotesStore.reanchor` decided for one annotation."""

    kind: str
    id: int
    status: Status
    article: str
    anchor: str
    quote: str
    old_article: str
    old_anchor: str


@dataclass(frozen=True)
class ImportResult:
    """How many items an import added, and how many it skipped as already present."""

    added: int
    skipped: int


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """A record's time as stored and exported: UTC ISO 8601, to the second."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- stored rows


def original_place(row: sqlite3.Row) -> tuple[str, str]:
    """Where the annotation in ``row`` was made; its current place if the row does not say."""
    return (row["original_article"] or row["article"], row["original_anchor"] or row["anchor"])


def bookmark_from_row(row: sqlite3.Row) -> Bookmark:
    return Bookmark(row["id"], row["uuid"], row["article"], row["anchor"], row["quote"],
                    row["created"], row["state"], *original_place(row))


def highlight_from_row(row: sqlite3.Row) -> Highlight:
    return Highlight(row["id"], row["uuid"], row["article"], row["anchor"], row["start"],
                     row["end"], row["quote"], row["colour"], row["created"], row["state"],
                     *original_place(row))


def note_from_row(row: sqlite3.Row) -> Note:
    return Note(row["id"], row["uuid"], row["article"], row["anchor"], row["quote"], row["text"],
                row["created"], row["updated"], row["highlight_id"], row["state"],
                *original_place(row))


def position_from_row(row: sqlite3.Row) -> Position:
    return Position(row["article"], row["anchor"], float(row["fraction"]), row["updated"])
