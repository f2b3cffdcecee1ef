"""Did-you-mean queries: the query again, each word the index does not know corrected."""

from __future__ import annotations

from jpbrief.core.search import querylang
from jpbrief.core.search.analysis import analyse, has_japanese, word_groups
from jpbrief.core.search.querylang import Atom, Group, ParsedQuery, Word
from jpbrief.core.search.querylang import Phrase as PhraseAtom
from jpbrief.core.search.vocabulary import Vocabulary

MAX_QUERIES = 3
"""At most this many "did you mean" queries."""


def suggestions(query: str, parsed: ParsedQuery, vocabulary: Vocabulary) -> list[str]:
    """Up to three corrected queries: every unknown word at its best correction, then the
    first unknown word at its other corrections. A compound counts as known when it is,
    whole or by all its parts."""
    corrections: dict[str, list[str]] = {}
    for word in dict.fromkeys(_typed_words(parsed.include)):
        if has_japanese(word):
            continue  # Japanese: the glossary's nearest names are offered instead (planner)
        unknown = False
        for group in word_groups(analyse(word)):
            head = group[0]
            if vocabulary.known(head.key, head.term):
                continue
            parts = group[1:]
            if not parts or any(not vocabulary.known(t.key, t.term) for t in parts):
                unknown = True
        if unknown:
            candidates = vocabulary.corrections(word.strip(".,;:!?'\"\u2019"))
            if candidates:
                corrections[word] = candidates
    if not corrections:
        return []
    best = {word: options[0] for word, options in corrections.items()}
    found = [querylang.unparse_word_replacements(query, best)]
    first_word, first_options = next(iter(corrections.items()))
    for option in first_options[1:]:
        found.append(querylang.unparse_word_replacements(query, {**best, first_word: option}))
    unique = dict.fromkeys(s for s in found if s.strip() != query.strip())
    return list(unique)[:MAX_QUERIES]


def _typed_words(atoms: list[Atom]) -> list[str]:
    """The words typed in ``atoms`` (prefixes, still being typed, are not corrected)."""
    typed: list[str] = []
    for atom in atoms:
        if isinstance(atom, Word) and not atom.prefix:
            typed.append(atom.text)
        elif isinstance(atom, PhraseAtom):
            typed.extend(atom.text.split())
        elif isinstance(atom, Group):
            typed.extend(_typed_words(list(atom.items)))
    return typed
