"""The index's words as a reader typed them: for ``prefix*`` queries and "did you mean".

Built while indexing and saved beside the index as ``vocabulary.json``. Each entry maps a
folded, unstemmed word (``dicas``, ``jassmer``) to its index term, the form it is most
often printed in (``DICAS``, ``JASSM-ER``) and the number of passages containing it.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from jpbrief.core.search.analysis import Tok, fold
from jpbrief.core.search.spelling import americanise_prefix, double_l_prefix

MAX_SUGGESTIONS = 3


class VocabularyBuilder:
    """Accumulates words passage by passage."""

    def __init__(self) -> None:
        self._df: Counter[str] = Counter()
        self._terms: dict[str, str] = {}
        self._printed: Counter[tuple[str, str]] = Counter()
        """How often each (word, printed form) occurs; counted a passage at a time in C."""

    def add_passage(self, tokens: Iterable[Tok]) -> None:
        toks = list(tokens)
        self._printed.update([(tok.key, tok.surface) for tok in toks])
        words = {tok.key: tok.term for tok in toks}  # a word's term is a function of it
        self._df.update(words.keys())
        for key, term in words.items():
            self._terms.setdefault(key, term)

    def add_known(self, tokens: Iterable[Tok]) -> None:
        """Words that are valid though maybe in no passage (glossary entries)."""
        for tok in tokens:
            self._terms.setdefault(tok.key, tok.term)
            self._printed[(tok.key, tok.surface)] += 0

    def build(self) -> Vocabulary:
        surfaces: dict[str, dict[str, int]] = defaultdict(dict)
        for (key, surface), count in self._printed.items():
            surfaces[key][surface] = count
        entries: dict[str, tuple[str, str, int]] = {}
        for key, term in self._terms.items():
            printed = surfaces.get(key)
            display = key
            if printed:
                # most frequent printed form; ties go to the capitalised one (DICAS, Diet)
                display = max(printed.items(), key=lambda item: (item[1], item[0] != key))[0]
            entries[key] = (term, display, self._df.get(key, 0))
        return Vocabulary(entries)


class Vocabulary:
    """Look-ups over the index's words: prefix expansion, known words, corrections."""

    def __init__(self, entries: dict[str, tuple[str, str, int]]) -> None:
        self.entries = entries
        self._keys = sorted(entries)
        self.terms = {term for term, _display, df in entries.values() if df > 0}
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key in self._keys:
            if key and not key[0].isdigit():
                self._buckets[(key[0], len(key))].append(key)

    def __len__(self) -> int:
        return len(self.entries)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.entries, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("vocabulary is not a mapping")
        return cls({str(k): (str(v[0]), str(v[1]), int(v[2])) for k, v in raw.items()})

    def known(self, key: str, term: str) -> bool:
        return key in self.entries or term in self.terms

    def expand_prefix(self, prefix: str, limit: int) -> tuple[list[str], bool]:
        """Index terms of words starting with ``prefix`` (most frequent first), and
        whether more than ``limit`` words matched."""
        prefix = fold(prefix)
        if not prefix:
            return [], False
        counts: dict[str, int] = {}
        for start in {prefix, americanise_prefix(prefix), double_l_prefix(prefix)}:
            lo = bisect.bisect_left(self._keys, start)
            for key in self._keys[lo:]:
                if not key.startswith(start):
                    break
                term, _display, df = self.entries[key]
                if df:
                    counts[term] = max(counts.get(term, 0), df)
        ranked = sorted(counts, key=lambda t: (-counts[t], t))
        return ranked[:limit], len(ranked) > limit

    def corrections(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Printed forms of index words within a small edit distance of ``word``."""
        key = fold(word)
        if len(key) < 3 or key[0].isdigit():
            return []
        max_distance = 1 if len(key) <= 4 else 2
        scored: list[tuple[int, int, str]] = []
        for length in range(len(key) - max_distance, len(key) + max_distance + 1):
            for candidate in self._buckets.get((key[0], length), ()):
                distance = osa_distance(key, candidate, max_distance)
                if 0 < distance <= max_distance:
                    _term, display, df = self.entries[candidate]
                    if df:
                        scored.append((distance, -df, display))
        scored.sort()
        out: list[str] = []
        for _distance, _df, display in scored:
            if display.casefold() not in {o.casefold() for o in out}:
                out.append(display)
            if len(out) >= limit:
                break
        return out


def osa_distance(a: str, b: str, cap: int) -> int:
    """Optimal-string-alignment distance (edits plus adjacent swaps), capped at cap + 1."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        row_min = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            row_min = min(row_min, value)
        if row_min > cap:
            return cap + 1
        previous2, previous = previous, current
    return previous[len(b)]
