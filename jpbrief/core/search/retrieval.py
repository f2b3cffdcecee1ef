"""Retrieval: the passages a plan matches, in tiers, ranked by BM25F within each tier.

Passages are ranked in tiers, best first:

1. every clause matched by the words as typed;
2. every clause matched, some only through the glossary (acronym, expansion, synonym);
3. all clauses but one, then all but two, … down to one clause.

Within a tier passages are ordered by BM25F (see :mod:`.ranking`) over the fields and
weights the :mod:`.planner` gave each clause. The total is the number of passages
matching at least one clause, ``complete`` those matching every clause (tiers 1 and 2).
Filters (``theme:``, ``article:``) and exclusions apply to every tier; a query of filters
only lists passages in reading order. Headings are never results: a heading lends its
words to the passages of its section through their ``section`` field instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any

from whoosh.query import And, NullQuery, Or, Phrase, Query, Term

from jpbrief.core.search import ranking
from jpbrief.core.search.analysis import analyse
from jpbrief.core.search.planner import Plan
from jpbrief.core.search.schema import PAIR_FIELD_CODES, STORED_AS, pair_terms

PHRASE_CHECK_MAX = 200
"""Phrases of 3+ words are position-checked when at most this many passages hold all
their word pairs (see :meth:`Retriever.phrase_docs`)."""

Ranked = list[tuple[int, float]]
"""``(document number, score)`` best first; a score's integer part is its tier."""


class Retriever:
    """Matches and ranks plans over one open index (its searcher and cached postings)."""

    def __init__(self, searcher: Any, postings: ranking.Postings) -> None:
        self.searcher = searcher
        self.postings = postings

    def rank(self, plan: Plan, limit: int) -> tuple[Ranked, int, int]:
        """The ``limit`` best passages for ``plan``, how many match at all and how many
        match every clause."""
        allowed: set[int] | None = None
        for flt in plan.filters:
            filtered = self.docs(flt)
            allowed = set(filtered) if allowed is None else allowed.intersection(filtered)
        masked: set[int] = set(self.postings.docs("kind", "heading"))
        for excluded in plan.exclude:
            masked.update(self.docs(excluded))

        def keep(docs: Iterable[int]) -> set[int]:
            out = set(docs) - masked
            return out & allowed if allowed is not None else out

        if not plan.clauses:  # filters only: passages in reading order
            in_order = sorted(keep(allowed or ()))
            return [(doc, 0.0) for doc in in_order[:limit]], len(in_order), len(in_order)

        exact_sets = [keep(self.docs(clause.exact)) for clause in plan.clauses]
        clause_sets = [
            exact | keep(self.docs(clause.expanded)) if clause.expanded is not None else exact
            for clause, exact in zip(plan.clauses, exact_sets, strict=True)
        ]
        counts: Counter[int] = Counter()
        for clause_docs in clause_sets:
            counts.update(clause_docs)
        total = len(counts)
        k = len(plan.clauses)
        all_exact = set.intersection(*exact_sets) if exact_sets else set()
        tiers: list[set[int]] = [all_exact]
        complete = len(all_exact)
        if any(clause.expanded is not None for clause in plan.clauses):
            tiers.append({doc for doc, n in counts.items() if n == k} - all_exact)
            complete += len(tiers[-1])
        by_count: dict[int, set[int]] = {}
        for doc, n in counts.items():
            if n < k:
                by_count.setdefault(n, set()).add(doc)
        tiers.extend(by_count[n] for n in sorted(by_count, reverse=True))

        scoring = ranking.merge_leaves(leaf for c in plan.clauses for leaf in c.scoring())
        ranked: Ranked = []
        for tier_number, tier in enumerate(tiers):
            need = limit - len(ranked)
            if need <= 0:
                break
            tier_value = float(len(tiers) - tier_number)
            for bm25, doc in self.postings.top(scoring, tier, need):
                ranked.append((doc, tier_value + bm25 / (bm25 + 1.0) if bm25 > 0 else tier_value))
        return ranked, total, complete

    def docs(self, q: Query) -> Collection[int]:
        """Document numbers matching ``q``, unscored (term postings are cached)."""
        if q is NullQuery:
            return frozenset()
        if isinstance(q, Term):
            return self.postings.docs(q.fieldname, q.text)
        if isinstance(q, Or):
            result: set[int] = set()
            for sub in q.subqueries:
                result.update(self.docs(sub))
            return result
        if isinstance(q, And):
            sets = sorted((self.docs(sub) for sub in q.subqueries), key=len)
            if not sets:
                return frozenset()
            acc = set(sets[0])
            for other in sets[1:]:
                acc.intersection_update(other)
                if not acc:
                    break
            return acc
        if isinstance(q, Phrase):
            return self.phrase_docs(q)
        return frozenset(self.searcher.docs_for_query(q))

    def phrase_docs(self, q: Phrase) -> Collection[int]:
        """Passages holding the phrase, from the ``pairs`` field.

        A two-word phrase is exactly one pair. A longer phrase needs all its adjacent
        pairs, and then its words in order in the passage's stored text, checked when
        at most :data:`PHRASE_CHECK_MAX` passages qualify. Beyond that (only in very
        large libraries) holding every adjacent pair counts as holding the phrase: a
        passage with "self defense" and "defense forces" but not "self defense forces"
        is rare, and checking costs about half a millisecond a passage.
        """
        if q.fieldname not in PAIR_FIELD_CODES or len(q.words) < 2:
            return frozenset()  # cannot happen: one-word phrases are terms
        candidates = self.docs(And([Term("pairs", t) for t in pair_terms(q.fieldname, q.words)]))
        if len(q.words) == 2 or not candidates or len(candidates) > PHRASE_CHECK_MAX:
            return candidates
        stored_name = STORED_AS.get(q.fieldname, q.fieldname)
        wanted = tuple(q.words)
        n = len(wanted)
        found: set[int] = set()
        for doc in candidates:
            value = self.searcher.stored_fields(doc).get(stored_name) or ""
            terms = [tok.term for tok in analyse(value) if not tok.whole]
            if any(tuple(terms[i : i + n]) == wanted for i in range(len(terms) - n + 1)):
                found.add(doc)
        return found
