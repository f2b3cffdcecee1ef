"""The reader's query language, parsed without Whoosh and without ever raising.

Grammar (anything that does not fit is read as plain words)::

    query   := item*
    item    := ['-' | 'NOT'] atom  ('OR' | 'AND' atom)*
    atom    := '"' words '"'          exact phrase (an unclosed quote runs to the end)
             | 'theme:' ID | 'article:' ID
             | word ['*']             a word, or a prefix when it ends in '*'

- Words separated by spaces are all wanted: passages with all of them rank first, then
  passages with most of them.
- ``a OR b`` is one item matching either; ``a AND b`` is one item requiring both.
  Operators are recognised in capitals only; a lone or dangling operator is ignored.
- ``-word``, ``-"a phrase"`` and ``NOT word`` exclude passages.
- Parentheses are treated as spaces; control characters are removed; the query is cut
  at :data:`MAX_QUERY_CHARS` characters and :data:`MAX_ITEMS` items.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from jpbrief.core.search.results import Note

MAX_QUERY_CHARS = 1000
MAX_ITEMS = 32


@dataclass(frozen=True)
class Word:
    """A typed word; ``prefix`` when it ended in ``*``."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words in quotes, matched in order."""

    text: str


@dataclass(frozen=True)
class Group:
    """``a OR b`` (``op == "or"``) or ``a AND b`` (``op == "and"``)."""

    op: str
    items: tuple[Word | Phrase | Group, ...]


Atom = Word | Phrase | Group


@dataclass
class ParsedQuery:
    """What the reader asked for, before analysis."""

    include: list[Atom] = field(default_factory=list)
    exclude: list[Atom] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.include or self.exclude or self.themes or self.articles)


_TOKEN_RE = re.compile(r'"[^"]*"?|[^\s"]+')
_FILTER_RE = re.compile(r"^(theme|themes|article):(.*)$", re.IGNORECASE)
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_OPERATORS = {"OR", "AND", "NOT", "|", "&&", "||"}


def clean(query: str) -> tuple[str, list[Note]]:
    """Remove control characters, unify quotes and spaces, cut to the length limit."""
    notes: list[Note] = []
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS]
        notes.append(Note.make("query_cut", count=f"{MAX_QUERY_CHARS:,}"))
    chars: list[str] = []
    for ch in query:
        category = unicodedata.category(ch)
        if ch in "\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02":
            chars.append('"')
        elif ch in "()[]{}" or category in _BLANK_CATEGORIES or ch.isspace():
            chars.append(" ")
        else:
            chars.append(ch)
    return "".join(chars), notes


def parse(query: str, *, as_you_type: bool = False) -> ParsedQuery:
    """Parse ``query``; never raises, whatever the string.

    With ``as_you_type``, a last word not followed by a space is read as a prefix
    (the reader is still typing it).
    """
    text, notes = clean(query)
    parsed = ParsedQuery(notes=notes)
    raw = _TOKEN_RE.findall(text)

    # First pass: turn raw strings into (negated, atom) items joined by OR/AND.
    items: list[tuple[bool, Atom]] = []
    pending_op: str | None = None
    negate_next = False
    for token in raw:
        if token in _OPERATORS:
            op = {"|": "OR", "||": "OR", "&&": "AND"}.get(token, token)
            if op == "NOT":
                negate_next = True
            elif items and not items[-1][0]:
                pending_op = op
            continue
        negated = negate_next
        negate_next = False
        if token.startswith("-") and len(token) > 1 and not token[1].isdigit():
            negated = True
            token = token.lstrip("-")
        elif token.startswith("-") and len(token) > 1 and token[1:].replace(".", "").isdigit():
            pass  # "-5" is a number, not an exclusion
        filtered = _FILTER_RE.match(token)
        if filtered:
            value = filtered.group(2).strip().strip('"').lower()
            if value and negated:
                parsed.notes.append(Note.make("exclusion_ignored", word=token.lstrip("-")))
            elif value:
                if filtered.group(1).lower().startswith("theme"):
                    parsed.themes.append(value)
                else:
                    parsed.articles.append(value)
            pending_op = None
            continue
        atom = _atom(token)
        if atom is None:
            continue
        if pending_op and items and not negated:
            prev_negated, prev = items[-1]
            op = pending_op.lower()
            if isinstance(prev, Group) and prev.op == op:
                items[-1] = (prev_negated, Group(op, (*prev.items, atom)))
            else:
                items[-1] = (prev_negated, Group(op, (prev, atom)))
        else:
            items.append((negated, atom))
        pending_op = None

    if len(items) > MAX_ITEMS:
        items = items[:MAX_ITEMS]
        parsed.notes.append(Note.make("query_words_cut", count=MAX_ITEMS))
    if as_you_type and raw and not text[-1:].isspace() and items:
        negated, last = items[-1]
        if isinstance(last, Word) and not negated and raw[-1].strip('"*') == last.text:
            items[-1] = (negated, Word(last.text, prefix=True))
    for negated, atom in items:
        (parsed.exclude if negated else parsed.include).append(atom)
    return parsed


def _atom(token: str) -> Atom | None:
    if token.startswith('"'):
        inner = token[1:-1] if token.endswith('"') and len(token) > 1 else token[1:]
        inner = inner.strip()
        return Phrase(inner) if inner else None
    token = token.strip('"')
    prefix = token.endswith("*")
    token = token.strip("*")
    if not any(ch.isalnum() for ch in token):
        return None  # punctuation or symbols only: nothing to look for
    return Word(token, prefix=prefix)


def unparse_word_replacements(query: str, replacements: dict[str, str]) -> str:
    """``query`` with whole words replaced (case-insensitively), for "did you mean"."""
    if not replacements:
        return query
    lowered = {key.casefold(): value for key, value in replacements.items()}

    def swap(match: re.Match[str]) -> str:
        return lowered.get(match.group(0).casefold(), match.group(0))

    return re.sub(r"[^\W_]+(?:[-'\u2019][^\W_]+)*", swap, query)
