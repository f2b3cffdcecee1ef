"""Japanese queries: the glossary's Japanese names found in a query, or the nearest ones.

A Japanese query word is split into the glossary's Japanese names it holds (longest first:
反撃能力と経済安全保障 is 反撃能力, と, 経済安全保障) and the rest. Names and queries are
compared NFKC width-folded, ignoring punctuation and spaces (セキュリティ・クリアランス is
ｾｷｭﾘﾃｨｸﾘｱﾗﾝｽ). What is left over and written in hiragana only (particles such as と, の)
is dropped once a name was found; other left-overs are searched as Japanese text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jpbrief.core.model import BilingualTerm, Glossary
from jpbrief.core.search.analysis import fold_japanese

NEAREST = 3
"""At most this many nearest names are offered for a Japanese word with no entry."""

_UNIT_RE = re.compile(r".[\u3099\u309a\u309b\u309c\uff9e\uff9f]*", re.DOTALL)
_HIRAGANA_RE = re.compile(r"[\u3040-\u309f]+")


def _units(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded) for each character of ``text`` that counts (letters and digits)."""
    out = []
    for match in _UNIT_RE.finditer(text):
        folded = fold_japanese(match.group(0))
        if folded.isalnum():
            out.append((match.start(), match.end(), folded))
    return out


def name_key(text: str) -> str:
    """How a Japanese name or query word is compared: folded, punctuation and spaces dropped."""
    return "".join(unit for _s, _e, unit in _units(text))


def _grams(key: str) -> set[str]:
    return set(key) | {key[i : i + 2] for i in range(len(key) - 1)}


@dataclass(frozen=True)
class Piece:
    """Part of a Japanese query word: a glossary name (``entry``), or text with none."""

    text: str
    entry: BilingualTerm | None = None


class JapaneseNames:
    """The glossary's Japanese names, for finding them in queries."""

    def __init__(self, glossary: Glossary) -> None:
        self.entries: dict[str, BilingualTerm] = {}
        for entry in glossary.bilingual():
            self.entries.setdefault(name_key(entry.ja.text), entry)
        self._terms = set(glossary.terms)
        self._longest = max((len(key) for key in self.entries), default=0)

    def forms(self, entry: BilingualTerm) -> tuple[str, ...]:
        """The English a name is searched as: a term's forms, an acronym's expansion (which
        the glossary expands to the acronym, as when it is typed)."""
        return entry.english if entry in self._terms else entry.english[:1]

    def split(self, text: str) -> list[Piece]:
        """``text`` as names and the text between them (longest names first)."""
        units = _units(text)
        pieces: list[Piece] = []
        pending: int | None = None  # start of unmatched text
        i = 0
        while i < len(units):
            for length in range(min(self._longest, len(units) - i), 0, -1):
                key = "".join(unit for _s, _e, unit in units[i : i + length])
                entry = self.entries.get(key)
                if entry is not None:
                    if pending is not None:
                        pieces.append(Piece(text[pending : units[i][0]].strip()))
                        pending = None
                    pieces.append(Piece(text[units[i][0] : units[i + length - 1][1]], entry))
                    i += length
                    break
            else:
                pending = units[i][0] if pending is None else pending
                i += 1
        if pending is not None:
            pieces.append(Piece(text[pending:].strip()))
        if any(piece.entry for piece in pieces):
            pieces = [p for p in pieces if p.entry or not _HIRAGANA_RE.fullmatch(name_key(p.text))]
        return [p for p in pieces if p.entry or name_key(p.text)]

    def nearest(self, text: str, limit: int = NEAREST) -> list[BilingualTerm]:
        """The names sharing most characters and character pairs with ``text`` (none if none do)."""
        grams = _grams(name_key(text))
        if not grams:
            return []
        scored = []
        for key, entry in self.entries.items():
            theirs = _grams(key)
            shared = len(grams & theirs)
            if shared:
                scored.append((-2 * shared / (len(grams) + len(theirs)), entry.ja.text, entry))
        scored.sort(key=lambda item: item[:2])
        return [entry for _score, _text, entry in scored[:limit]]
