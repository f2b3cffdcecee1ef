"""The glossary as query expansion: finds glossary phrases in a query, gives their equivalents."""

from __future__ import annotations

from jpbrief.core.model import Glossary
from jpbrief.core.search.analysis import analyse, word_parts


class GlossaryExpander:
    """Finds glossary phrases in a query and gives their equivalents.

    Acronyms and their expansions, and each synonym group, are equivalents of one another.
    Phrases are compared in analysed form, so "Self-Defence Forces", "self defense
    forces" and "Self-Defense Forces" are the same entry.
    """

    def __init__(self, glossary: Glossary) -> None:
        # One group per meaning: NSS finds both expansions, each expansion only NSS.
        groups: list[list[str]] = [[a.term, e] for a in glossary.acronyms for e in a.expansions]
        groups += [list(group) for group in glossary.synonyms]
        self._equivalents: dict[tuple[str, ...], dict[str, None]] = {}
        # Members printed in capitals (US, U.S., NSS), by capitals term: typed in capitals
        # they mean the acronym, not the lower-case word (see the planner).
        self.capitals: set[str] = set()
        for group in groups:
            for member in group:
                tokens = analyse(member)
                if len(tokens) == 2 and tokens[0].capitals:
                    self.capitals.add(tokens[0].term)
        self.max_words = 1
        self.phrases: list[str] = []
        for group in groups:
            keyed = [(tuple(word_parts(member)), member) for member in group]
            for key, member in keyed:
                if not key:
                    continue
                self.phrases.append(member)
                self.max_words = max(self.max_words, len(member.split()))
                bucket = self._equivalents.setdefault(key, {})
                for other_key, other in keyed:
                    if other_key and other_key != key:
                        bucket.setdefault(other, None)

    def equivalents(self, key: tuple[str, ...]) -> list[str]:
        return list(self._equivalents.get(key, {}))

    def spans(self, words: list[str]) -> list[tuple[int, int, list[str]]]:
        """Greedy longest glossary matches over consecutive ``words``."""
        parts = [tuple(word_parts(word)) for word in words]
        found: list[tuple[int, int, list[str]]] = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + self.max_words), i, -1):
                key = tuple(term for chunk in parts[i:j] for term in chunk)
                if key and parts[i] and key in self._equivalents:
                    found.append((i, j, self.equivalents(key)))
                    i = j
                    break
            else:
                i += 1
        return found
