"""Text analysis shared by indexing, querying and snippets: one tokenizer, used everywhere.

A word goes through: split into tokens (hyphenated compounds, numbers, abbreviations) →
fold case and accents → British to American spelling → drop stop words → Porter stem.
Because the same function analyses the passages, the query and the snippet text,
whatever matches is also what gets marked.

Hyphenated compounds (``JASSM-ER``, ``SM-3``, ``counter-hypersonic``) and words mixing
letters and digits (``G7``, ``FY2024``) yield the whole (``jassmer``) *and* each part
(``jassm``, ``er``): the whole shares the first part's position and the parts take
consecutive positions, so the compound is found whole, by any part, and inside phrases.
Stop words are dropped and positions renumbered, so "Ministry of Defense" is the phrase
``ministri defens`` on both sides.

Japanese has no spaces between words: a run of kanji and kana is indexed as overlapping
character bigrams (経済安全保障 → 経済 済安 安全 全保 保障, a one-character run as itself),
each width-folded with NFKC (half-width ｾｷｭﾘﾃｨ is セキュリティ), so any word of two or
more characters is found as the phrase of its bigrams, wherever it stands in a sentence.
Latin letters next to Japanese (DICAS協議) are a word of their own; full-width Latin
letters and digits fold like accents (ｄｉｃａｓ is DICAS).

A word printed in capitals (US, U.S., NATO) also yields its capitals term (``US``, at the
same position, like a compound's whole): a query can then mean the acronym and not the
lower-case word (see :mod:`.planner`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from whoosh.lang.porter import stem as porter_stem

from jpbrief.core.search.spelling import americanise

MAX_TOKEN_CHARS = 64
"""Longer runs of letters are not words; they are cut so no single token is huge."""

MAX_COMPOUND_PARTS = 8
"""Compounds with more parts are indexed by part only (no whole)."""

# A word: letters/digits joined by hyphens, apostrophes, dots or commas. The joiners are
# examined afterwards: dots and commas only bind numbers (8.9, 1,500) and
# abbreviations (U.S.); apostrophes are elided (Japan's → japan, don't → dont).
_CJK = (
    "\u3005\u3006\u3040-\u3096\u3099-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
)
"""Kanji and kana (full and half width, with the voicing marks and ー, without ・)."""
_ALNUM = rf"[^\W_{_CJK}]"
_WORD_RE = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>{_ALNUM}+(?:[-\u2010\u2011'\u2019.,]{_ALNUM}+)*)")
_CJK_RE = re.compile(rf"[{_CJK}]")
_SCRIPT_RUN_RE = re.compile(rf"[{_CJK}]+|[^{_CJK}]+")
_CJK_UNIT_RE = re.compile(r".[\u3099\u309a\u309b\u309c\uff9e\uff9f]*", re.DOTALL)
_VOICING_RE = re.compile(r"[\u3099\u309a\u309b\u309c\uff9e\uff9f]")
"""One character with the voicing marks that follow it (ﾊﾞ is one unit: バ)."""
_JOINER_RE = re.compile(r"([-\u2010\u2011'\u2019.,])")
_HYPHENS = "-\u2010\u2011"
_APOSTROPHES = "'\u2019"
_LETTER_DIGIT_RE = re.compile(r"\d+|[^\W\d_]+")

STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
    }
)
"""Kept small on purpose: ``us`` (U.S.), ``it`` (IT), ``may`` (the month) and numbers
stay searchable."""

# --- folding and per-word normalisation ---------------------------------------------


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case- and accent-folded text (NFKD, combining marks dropped, casefolded)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def has_japanese(text: str) -> bool:
    """Whether ``text`` holds kanji or kana."""
    return _CJK_RE.search(text) is not None


def script_runs(text: str) -> list[str]:
    """``text`` cut where it changes between Japanese and other script (DICAS協議 → DICAS, 協議)."""
    return _SCRIPT_RUN_RE.findall(text)


def fold_japanese(text: str) -> str:
    """NFKC width folding and case folding: how Japanese text and queries are compared."""
    return unicodedata.normalize("NFKC", text).casefold()


@lru_cache(maxsize=200_000)
def term_for(segment: str, stem: bool = True) -> str | None:
    """The index term of one word (already split, not folded), or None for a stop word."""
    word = fold(segment)[:MAX_TOKEN_CHARS]
    if not word or word in STOP_WORDS:
        return None
    if word.isdigit():
        return word
    word = americanise(word)
    return porter_stem(word) if stem else word


class Tok(NamedTuple):
    """One analysed token (a named tuple: a passage has thousands, made four times faster
    than a frozen dataclass).

    ``term`` is what is indexed; ``key`` the folded, unstemmed form (for prefixes and
    suggestions); ``surface`` the text as written; ``start``/``end`` offsets into the
    analysed string; ``whole`` marks the joined form of a compound, ``parts`` how many
    part tokens follow it.
    """

    term: str
    key: str
    surface: str
    pos: int
    start: int
    end: int
    whole: bool = False
    parts: int = 0

    @property
    def capitals(self) -> bool:
        """The capitals term of a word printed in capitals (see :func:`capitals_term`)."""
        return self.whole and self.parts == 1 and self.term.isupper()


def _segments(raw: str) -> list[list[tuple[str, int, int]]]:
    """Split one regex word into groups of (text, start, end) segments.

    Each returned group is one word; a group with several segments is a compound.
    Dots and commas join only numbers and abbreviations, apostrophes are elided,
    hyphens make compounds; anything else splits into separate words.
    """
    base = 0
    pieces = _JOINER_RE.split(raw)
    words: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    offset = 0
    previous_joiner = ""
    for index, piece in enumerate(pieces):
        if index % 2 == 1:  # a joiner
            previous_joiner = piece
            offset += len(piece)
            continue
        start, end = base + offset, base + offset + len(piece)
        offset += len(piece)
        if not current:
            current = [(piece, start, end)]
            continue
        last_text, last_start, _last_end = current[-1]
        if previous_joiner in _APOSTROPHES:
            if piece.casefold() == "s":
                continue  # possessive: Japan's → Japan
            current[-1] = (last_text + piece, last_start, end)
        elif previous_joiner in ".,":
            numeric = last_text.replace(".", "").isdigit() and piece.isdigit()
            abbreviation = (
                previous_joiner == "."
                and len(piece) <= 2
                and piece.isalpha()
                and all(len(s) <= 2 for s in last_text.split("."))
                and last_text.replace(".", "").isalpha()
            )
            if numeric and previous_joiner == ",":
                current[-1] = (last_text + piece, last_start, end)  # 1,500 → 1500
            elif numeric:
                current[-1] = (last_text + "." + piece, last_start, end)  # 8.9
            elif abbreviation:
                current[-1] = (last_text + "." + piece, last_start, end)  # U.S → us
            else:
                words.append(current)
                current = [(piece, start, end)]
        else:  # hyphen: compound
            current.append((piece, start, end))
    if current:
        words.append(current)
    return words


def _split_letters_digits(group: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """G7 → G, 7; FY2024 → FY, 2024 (numbers with dots stay whole)."""
    out: list[tuple[str, int, int]] = []
    for text, start, end in group:
        if "." in text or text.isdigit() or text.isalpha():
            out.append((text, start, end))
            continue
        for sub in _LETTER_DIGIT_RE.finditer(text):
            out.append((sub.group(0), start + sub.start(), start + sub.end()))
    return out


def _clean(segment: str) -> str:
    # U.S → US; 8.9 keeps its dot
    if segment.replace(".", "").isdigit():
        return segment
    return segment.replace(".", "")


_WordToken = tuple[str, str, str, int, int, bool, int, int]
"""(term, key, surface, start, end, whole, parts, position offset) within one word."""


def _word_toks(items: Iterable[_WordToken]) -> tuple[Tok, ...]:
    """One word's tokens, their positions and offsets relative to the word."""
    return tuple(Tok(term, key, surface, offset, start, end, whole, parts)
                 for term, key, surface, start, end, whole, parts, offset in items)


def capitals_term(segment: str) -> str | None:
    """The capitals term of a word printed in capitals (US, U.S, NATO), else None."""
    letters = segment.replace(".", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return None
    return fold(letters)[:MAX_TOKEN_CHARS].upper()


@lru_cache(maxsize=4096)
def _analyse_cjk(run: str) -> tuple[Tok, ...]:
    """A kanji/kana run as overlapping bigrams (a single character as itself)."""
    folded = fold_japanese(run)
    if len(folded) == len(run) and not _VOICING_RE.search(run):  # one character each
        units = [(i, i + 1, ch) for i, ch in enumerate(folded)]
    else:
        units = [(m.start(), m.end(), fold_japanese(m.group(0))) for m in _CJK_UNIT_RE.finditer(run)]
    if len(units) == 1:
        start, end, text = units[0]
        return _word_toks([(text, text, run, start, end, False, 0, 0)])
    out: list[_WordToken] = []
    for pos, (first, second) in enumerate(itertools.pairwise(units)):
        term = first[2] + second[2]
        out.append((term, term, run[first[0] : second[1]], first[0], second[1], False, 0, pos))
    return _word_toks(out)


@lru_cache(maxsize=200_000)
def _analyse_word(raw: str, stem: bool) -> tuple[Tok, ...]:
    """The tokens of one regex word, offsets relative to it (cached: words repeat)."""
    if raw.isalpha() or raw.isdigit():  # the common case: a plain word or number
        term = term_for(raw, stem)
        if term is None:
            return ()
        plain = (term, fold(raw)[:MAX_TOKEN_CHARS], raw, 0, len(raw), False, 0, 0)
        capitals = capitals_term(raw)
        if capitals is None:
            return _word_toks([plain])
        return _word_toks([(capitals, capitals, raw, 0, len(raw), True, 1, 0), plain])
    out: list[_WordToken] = []
    pos = 0
    for group in _segments(raw):
        parts = _split_letters_digits(group)
        analysed = [
            (term_for(_clean(seg), stem), fold(_clean(seg))[:MAX_TOKEN_CHARS], seg, s, e)
            for seg, s, e in parts
        ]
        kept = [item for item in analysed if item[0] is not None]
        capitals = capitals_term(parts[0][0]) if len(parts) == 1 and kept else None
        if capitals is not None:
            seg, s, e = parts[0]
            out.append((capitals, capitals, seg, s, e, True, 1, pos))
        if len(parts) > 1 and len(parts) <= MAX_COMPOUND_PARTS:
            joined = "".join(_clean(seg) for seg, _s, _e in parts)
            whole = term_for(joined, stem)
            if whole is not None:
                start, end = parts[0][1], parts[-1][2]
                key = fold(joined)[:MAX_TOKEN_CHARS]
                out.append((whole, key, raw[start:end], start, end, True, len(kept), pos))
        for term, key, seg, s, e in kept:
            out.append((str(term), key, seg, s, e, False, 0, pos))
            pos += 1
    return _word_toks(out)


@lru_cache(maxsize=512)
def _analyse_text(text: str, stem: bool) -> tuple[Tok, ...]:
    tokens: list[Tok] = []
    append, make = tokens.append, tuple.__new__  # Tok(...) without its Python-level __new__
    pos = 0
    for match in _WORD_RE.finditer(text):
        base = match.start()
        width = 0
        run = match.group("cjk")
        word = _analyse_cjk(run) if run else _analyse_word(match.group(0), stem)
        for term, key, surface, offset, s, e, whole, parts in word:
            append(make(Tok, (term, key, surface, pos + offset, base + s, base + e, whole, parts)))
            if not whole:
                width = offset + 1
        pos += width
    return tuple(tokens)


def analyse(text: str, *, stem: bool = True) -> tuple[Tok, ...]:
    """Every token of ``text``, with positions and character offsets (cached)."""
    return _analyse_text(text, stem)


def word_tokens(text: str, *, stem: bool = True) -> list[Tok]:
    """The tokens of ``text`` as :func:`analyse` makes them, but each with its position
    and offsets relative to its own word: all indexing needs (terms, printed forms,
    compounds), without making every token anew (cached per word)."""
    tokens: list[Tok] = []
    for run, word in _WORD_RE.findall(text):
        tokens += _analyse_cjk(run) if run else _analyse_word(word, stem)
    return tokens


def word_parts(text: str, *, stem: bool = True) -> list[str]:
    """The phrase form of ``text``: its terms in order, compounds as their parts."""
    return [tok.term for tok in analyse(text, stem=stem) if not tok.whole]


def word_groups(tokens: Sequence[Tok]) -> list[list[Tok]]:
    """Split a word's tokens into words: a compound (whole + parts) or a single token."""
    groups: list[list[Tok]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.whole:
            groups.append(list(tokens[i : i + 1 + tok.parts]))
            i += 1 + tok.parts
        else:
            groups.append([tok])
            i += 1
    return groups
