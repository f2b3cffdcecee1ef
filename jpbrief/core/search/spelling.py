"""British to American spelling of folded words, so either spelling finds the other.

Applied by :mod:`.analysis` to every word before stemming, on both the indexed and the
query side: "defence" and "defense", "modernisation" and "modernization" are one term.
"""

from __future__ import annotations

import re

_SPELLING_WORDS = {
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "licence": "license",
    "licences": "licenses",
    "pretence": "pretense",
    "programme": "program",
    "programmes": "programs",
    "judgement": "judgment",
    "judgements": "judgments",
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "grey": "gray",
    "aluminium": "aluminum",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "manoeuvring": "maneuvering",
    "manoeuvred": "maneuvered",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfils": "fulfills",
    "fulfilment": "fulfillment",
    "instalment": "installment",
    "skilful": "skillful",
    "wilful": "willful",
    "plough": "plow",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "practising": "practicing",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "scepticism": "skepticism",
    "whilst": "while",
    "amongst": "among",
    "cheque": "check",
    "tyre": "tire",
    "tyres": "tires",
    "kerb": "curb",
    "storey": "story",
    "draught": "draft",
}
_SPELLING_RULES = [
    # colour, honour, labour, neighbour(ing), favourable, ... (not four, hour, tour, your)
    (
        re.compile(
            r"^(colo|hono|behavio|favo|labo|neighbo|harbo|armo|vigo|rumo|endeavo|savo|flavo"
            r"|humo|odo|valo|parlo|tumo|vapo|clamo|rigo|splendo|cando|ardo|fervo|savio)ur"
        ),
        r"\1r",
    ),
    # centre(s/d), theatre, metre, litre, fibre, calibre, ... and their compounds
    (
        re.compile(r"(cent|theat|met|lit|fib|calib|sab|spect|somb|lust|meag|sepulch)r(e|es|ed)$"),
        r"\1er\2",
    ),
    (re.compile(r"(cent|theat|fib|calib|spect|lust|meag)ring$"), r"\1ering"),
    # catalogue, dialogue, analogue, monologue
    (re.compile(r"(catal|dial|anal|monol|prol|epil)ogue(s|d)?$"), r"\1og\2"),
    # travelled, cancelling, labelled, modelling, fuelled, signalled, ...
    (
        re.compile(
            r"^(travel|cancel|label|model|fuel|signal|channel|level|total|counsel|marshal"
            r"|equal|dial|jewel|tunnel|funnel|marvel|quarrel|rival|shovel|pedal|panel|initial"
            r"|unravel|revel|libel|enamel|gravel|chisel|duel|refuel|remodel|relabel)l"
            r"(ed|ing|er|ers)$"
        ),
        r"\1\2",
    ),
    # the same after two syllables, any word: councillor(s), counselling, marvellous,
    # cancellation, ... (and words doubled in both spellings, controlled → controled,
    # changed alike on both sides and so harmlessly; one syllable before, filled, stays)
    (
        re.compile(r"^(.*[aeiouy][^aeiouy\W]+[aeiou])ll(ed|ing|er|ers|or|ors|ous|ation|ations)$"),
        r"\1l\2",
    ),
    # analyse, paralyse, catalyse
    (re.compile(r"(.{2,})ys(e|es|ed|ing|er|ers)$"), r"\1yz\2"),
    # -ise / -isation (organise, modernisation, ...); applied on both sides, so a word
    # that is not really -ise/-ize (promise, exercise) is changed consistently and harmlessly
    (
        re.compile(r"(.{3,})is(e|es|ed|ing|er|ers|ation|ations|ational|able)$"),
        r"\1iz\2",
    ),
]
_ANY_SPELLING_RULE = re.compile("|".join(f"(?:{p.pattern})" for p, _r in _SPELLING_RULES))
"""One search to skip the rules for most words."""
_SPELLING_KEEP = frozenset({"promise", "promises", "promised", "premise", "premises"})


def americanise(word: str) -> str:
    """British → American spelling of a folded word, or the word itself."""
    mapped = _SPELLING_WORDS.get(word)
    if mapped is not None:
        return mapped
    if word in _SPELLING_KEEP or not _ANY_SPELLING_RULE.search(word):
        return word
    for pattern, replacement in _SPELLING_RULES:
        new, count = pattern.subn(replacement, word)
        if count:
            return new
    return word


def americanise_prefix(prefix: str) -> str:
    """A best-effort American spelling of a word's beginning, for ``prefix*`` queries."""
    whole = americanise(prefix)
    if whole != prefix:
        return whole
    for british, american in (
        ("isat", "izat"),
        ("defenc", "defens"),
        ("offenc", "offens"),
        ("programm", "program"),
        ("centr", "cent"),
        ("colour", "color"),
        ("labour", "labor"),
        ("honour", "honor"),
        ("favour", "favor"),
        ("neighbour", "neighbor"),
        ("behaviour", "behavior"),
    ):
        if british in prefix:
            return prefix.replace(british, american)
    if prefix.endswith("is") and len(prefix) > 4:
        return prefix[:-2] + "iz"
    return prefix


_DOUBLE_L_PREFIX = re.compile(r"^(.*[aeiouy][^aeiouy\W]+[aeiou])(ll?)([aeio][a-z]*)?$")


def double_l_prefix(prefix: str) -> str:
    """A ``prefix*`` with the other number of l's after two syllables (councill ↔
    council, councilo ↔ councillo), so a word beginning in either spelling is found."""
    match = _DOUBLE_L_PREFIX.match(prefix)
    if match is None:
        return prefix
    head, ls, rest = match.group(1), match.group(2), match.group(3) or ""
    if ls == "l" and not rest:
        return prefix  # "travel": every word it begins already starts like that
    return head + ("l" if ls == "ll" else "ll") + rest
