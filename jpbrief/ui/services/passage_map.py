"""One map from a passage's plain-text offsets (as the core knows them) to document positions.

The core speaks of places in a passage by offsets into ``Passage.text``: search hits'
``spans``, highlights' ``start``/``end``. The reader shows more characters than that
text holds (footnote numbers, ``[ed.]`` cross-reference markers, a missing footnote's
``[N?]``, spaces as paragraph separators), so offsets are turned into document
positions here, and only here, by walking the passage's characters in the document
and aligning them with the passage text: search marks, stored highlights and
highlights or notes made from a selection all go through :class:`PassageMap`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from jpbrief.core import links

MARKER_SCHEMES = (links.FOOTNOTE, links.CROSSREF)
"""Links whose text the document adds to the passage (never part of ``Passage.text``)."""

def align(text: str, shown: Sequence[tuple[int, str]]) -> list[int]:
    """For each offset 0..len(text), the document position of that passage character.

    ``shown``: the document's (position, character) pairs of the passage, markers left
    out. The two strings are aligned by their longest common blocks (difflib), so any
    run of characters the document adds (a label, a number, separators) is stepped over
    whatever its length; whitespace matches any whitespace (the core folds runs into
    one space). A passage character the document lacks takes the position of the next
    one it has, so a span over it still lands in the right place.
    """
    if not shown:
        return [0] * (len(text) + 1)
    from difflib import SequenceMatcher  # first used after the first paint: not on the start-up path

    folded = "".join(" " if char.isspace() else char for _position, char in shown)
    positions: list[int | None] = [None] * len(text)
    matcher = SequenceMatcher(None, text, folded, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            positions[block.a + k] = shown[block.b + k][0]
    last = max((p for p in positions if p is not None), default=shown[-1][0])
    filled = [last + 1] * (len(text) + 1)
    for offset in range(len(text) - 1, -1, -1):
        known = positions[offset]
        filled[offset] = known if known is not None else filled[offset + 1]
    return filled


class PassageMap:
    """Passage-text offsets <-> document positions for one passage of the shown document."""

    def __init__(self, text: str, shown: Sequence[tuple[int, str]]) -> None:
        self.text = text
        self._positions = align(text, shown)

    def position(self, offset: int) -> int:
        """The document position of passage offset ``offset`` (clamped to the passage)."""
        return self._positions[max(0, min(offset, len(self._positions) - 1))]

    def document_span(self, start: int, end: int) -> tuple[int, int]:
        """The document range showing passage characters ``start``..``end``."""
        if end <= start:
            return self.position(start), self.position(start)
        return self.position(start), self.position(end - 1) + 1

    def document_spans(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        return [self.document_span(start, end) for start, end in spans]

    def offset(self, position: int) -> int:
        """The passage offset of the first passage character at or after ``position``."""
        return min(bisect_left(self._positions, position, hi=len(self.text)), len(self.text))

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """The passage-text range a document range (a selection) covers."""
        first = self.offset(start)
        last = self.offset(end)
        return first, max(first, last)
