"""Why a passage matched: for each clause of the plan, how (as typed, through the glossary)
and where (its text, section heading, article title, cited sources).

Checked one passage at a time against the cached postings (a few dictionary look-ups per
term), only for the hits shown, so explaining costs next to nothing beside ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh.query import And, NullQuery, Or, Phrase, Query, Term

from jpbrief.core.search.analysis import analyse
from jpbrief.core.search.planner import Plan
from jpbrief.core.search.retrieval import Retriever
from jpbrief.core.search.schema import STORED_AS, pair_terms

TYPED = "typed"
GLOSSARY = "glossary"


@dataclass(frozen=True)
class ClauseMatch:
    """How one clause (``label``: what the reader typed) matched one passage: ``how`` is
    :data:`TYPED`, :data:`GLOSSARY` or "" (not at all), ``fields`` where."""

    label: str
    how: str
    fields: frozenset[str]
    glossary: tuple[str, ...] = ()


def explain(retriever: Retriever, plan: Plan, doc: int) -> list[ClauseMatch]:
    """One :class:`ClauseMatch` per clause of ``plan`` for passage ``doc``."""
    out: list[ClauseMatch] = []
    for clause in plan.clauses:
        fields = match_fields(retriever, clause.exact, doc)
        how = TYPED if fields is not None else ""
        if fields is None and clause.expanded is not None:
            fields = match_fields(retriever, clause.expanded, doc)
            how = GLOSSARY if fields is not None else ""
        out.append(ClauseMatch(clause.label, how, frozenset(fields or ()), clause.glossary))
    return out


def match_fields(retriever: Retriever, q: Query, doc: int) -> set[str] | None:
    """The fields through which ``doc`` matches ``q``, or None when it does not."""
    if q is NullQuery:
        return None
    if isinstance(q, Term):
        return {q.fieldname} if doc in retriever.postings.docs(q.fieldname, q.text) else None
    if isinstance(q, Phrase):
        return {q.fieldname} if _has_phrase(retriever, q, doc) else None
    if isinstance(q, (Or, And)):
        found: set[str] = set()
        matched = False
        for sub in q.subqueries:
            fields = match_fields(retriever, sub, doc)
            if fields is None and isinstance(q, And):
                return None
            if fields is not None:
                matched = True
                found |= fields
        return found if matched else None
    return {"text"} if doc in retriever.docs(q) else None


def _has_phrase(retriever: Retriever, q: Phrase, doc: int) -> bool:
    """Whether ``doc`` holds the phrase: all its word pairs, and for 3+ words the words in
    order in the stored text (see :meth:`Retriever.phrase_docs`)."""
    pairs = pair_terms(q.fieldname, q.words) if len(q.words) > 1 else []
    if not pairs or not all(doc in retriever.postings.docs("pairs", p) for p in pairs):
        return False
    if len(q.words) == 2:
        return True
    value = retriever.searcher.stored_fields(doc).get(STORED_AS.get(q.fieldname, q.fieldname)) or ""
    terms = [tok.term for tok in analyse(value) if not tok.whole]
    n = len(q.words)
    return any(tuple(terms[i : i + n]) == tuple(q.words) for i in range(len(terms) - n + 1))
