"""Query planning: a parsed query becomes clauses, filters and exclusions over the index.

Each query word (or glossary phrase, quoted phrase, ``a OR b`` group, prefix) is a
*clause*, matched in every searched field, each weighted by :data:`FIELD_WEIGHTS`. A
clause matches as typed (``exact``) or through the glossary (``expanded``: acronyms,
expansions, synonyms, weighted down by :data:`GLOSSARY_WEIGHT`); consecutive plain words
forming a glossary phrase ("prime minister") are one clause. A ``prefix*`` matches its
most frequent completions in the index's vocabulary. The :class:`Plan` also records the
terms and phrases to mark in each hit. :mod:`.retrieval` then ranks passages by clause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from whoosh.query import And, NullQuery, Or, Phrase, Query, Term

from jpbrief.core.model import Library
from jpbrief.core.search import querylang, ranking
from jpbrief.core.search.analysis import (
    analyse,
    fold,
    has_japanese,
    script_runs,
    word_groups,
    word_parts,
)
from jpbrief.core.search.expansion import GlossaryExpander
from jpbrief.core.search.japanese import JapaneseNames
from jpbrief.core.search.querylang import Atom, ParsedQuery, Word
from jpbrief.core.search.querylang import Phrase as PhraseAtom
from jpbrief.core.search.results import Note
from jpbrief.core.search.vocabulary import Vocabulary

FIELD_WEIGHTS = {"text": 1.0, "section": 1.6, "title": 1.3, "cites": 0.4}
GLOSSARY_WEIGHT = 0.35
PREFIX_EXPANSIONS = 48
"""A ``prefix*`` searches its most frequent completions, at most this many."""
PREFIX_RANK_TERMS = 6
PREFIX_RANK_FIELDS = ("text", "section", "title")
"""A prefix's passages are ranked by BM25F of its most frequent completions only."""


@dataclass
class Clause:
    """One unit of the "all words, then most words" ranking.

    ``exact`` and ``expanded`` decide which passages match; ``rank_by`` (when set) is a
    cheaper query used only to score passages already known to match (a prefix scores
    by its most frequent completions).
    """

    label: str
    exact: Query
    expanded: Query | None = None
    rank_by: Query | None = None
    glossary: tuple[str, ...] = ()
    """The glossary equivalents ``expanded`` searches, to tell the reader why a passage matched."""

    @property
    def matching(self) -> Query:
        """Everything this clause matches: as typed, or through the glossary."""
        return self.exact if self.expanded is None else Or([self.exact, self.expanded])

    def scoring(self) -> list[ranking.Leaf]:
        """The terms that score this clause, with their boosts."""
        found = ranking.leaves(self.rank_by or self.exact)
        if self.expanded is not None:
            found += ranking.leaves(self.expanded)
        return found


@dataclass
class Plan:
    """A parsed query turned into Whoosh queries, plus what to mark in snippets."""

    clauses: list[Clause] = field(default_factory=list)
    exclude: list[Query] = field(default_factory=list)
    filters: list[Query] = field(default_factory=list)
    highlight: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)
    notes: list[Note] = field(default_factory=list)
    unknown_filters: list[Note] = field(default_factory=list)
    nearest: list[tuple[str, str]] = field(default_factory=list)
    """(Japanese word with no glossary entry, a nearest glossary name), for "did you mean"."""


class Planner:
    """Plans queries against one library: its glossary, themes and articles."""

    def __init__(self, library: Library) -> None:
        self.expander = GlossaryExpander(library.glossary)
        self.names = JapaneseNames(library.glossary)
        self._known_themes = set(library.themes) | {
            theme for article in library.articles for theme in article.themes
        }
        self._known_articles = {article.id for article in library.articles}

    def plan(self, parsed: ParsedQuery, vocabulary: Vocabulary) -> Plan:
        """The plan of ``parsed``; ``vocabulary`` (the open index's) expands prefixes."""
        plan = Plan()
        themes = list(dict.fromkeys(parsed.themes))
        articles = list(dict.fromkeys(parsed.articles))
        for theme in themes:
            if theme not in self._known_themes:
                plan.unknown_filters.append(Note.make("no_theme", theme=theme))
        for article in articles:
            if article not in self._known_articles:
                plan.unknown_filters.append(Note.make("no_article", article=article))
        if themes:
            plan.filters.append(And([Term("themes", theme) for theme in themes]))
        if articles:
            plan.filters.append(Or([Term("article", article) for article in articles]))

        compiler = _Compiler(plan, self.expander, vocabulary)
        plan.clauses.extend(compiler.clauses(parsed.include, self.names))
        for atom in parsed.exclude:
            clause = compiler.atom_clause(atom, glossary=False, highlight=False)
            if clause is not None:
                plan.exclude.append(clause.exact)
        return plan


class _Compiler:
    """Turns the atoms of one query into clauses, recording marks and notes in ``plan``."""

    def __init__(self, plan: Plan, expander: GlossaryExpander, vocabulary: Vocabulary) -> None:
        self.plan = plan
        self.expander = expander
        self.vocabulary = vocabulary

    def clauses(self, atoms: list[Atom], names: JapaneseNames | None = None) -> list[Clause]:
        """The clauses of the wanted ``atoms``; Japanese words go through ``names``."""
        clauses: list[Clause] = []
        # Consecutive plain words may form a glossary phrase ("prime minister").
        run: list[Word] = []
        for atom in atoms:
            # Japanese is typed through an input method, whole words at a time: a word
            # still "being typed" is searched as it stands, not as a prefix.
            if isinstance(atom, Word) and names and has_japanese(atom.text):
                clauses.extend(self.word_run_clauses(run))
                run = []
                clauses.extend(japanese_clauses(self, names, atom.text))
                continue
            if isinstance(atom, Word) and not atom.prefix:
                run.append(atom)
                continue
            clauses.extend(self.word_run_clauses(run))
            run = []
            clause = self.atom_clause(atom, glossary=True)
            if clause is not None:
                clauses.append(clause)
        clauses.extend(self.word_run_clauses(run))
        return clauses

    def capitals(self, text: str) -> bool:
        """Whether ``text`` is typed in capitals and the glossary lists it in capitals (US,
        U.S., NSS): then it means the acronym, not the same letters in lower case (us)."""
        tokens = analyse(text)
        return len(tokens) == 2 and tokens[0].capitals and tokens[0].term in self.expander.capitals

    def may_expand(self, text: str) -> bool:
        """Whether a typed word may go through the glossary. A glossary acronym typed in
        lower case (us) is expanded only when no passage prints it other than in capitals:
        "us" is the pronoun here, "nato" still NATO."""
        tokens = analyse(text)
        if len(tokens) != 1 or tokens[0].whole:
            return True
        capitals = tokens[0].key.upper()
        if capitals not in self.expander.capitals:
            return True
        entries = self.vocabulary.entries
        return entries.get(tokens[0].key, ("", "", 0))[2] <= entries.get(capitals, ("", "", 0))[2]

    def text_query(self, text: str, marks: set[str]) -> Query | None:
        phrases = self.plan.phrases if marks is self.plan.highlight else set()
        return _text_query(text, marks, capitals=self.capitals(text), phrases=phrases)

    def word_run_clauses(self, words: list[Word]) -> list[Clause]:
        texts = [word.text for word in words]
        spans = {
            start: (end, equivalents)
            for start, end, equivalents in self.expander.spans(texts)
            if end - start > 1 or self.may_expand(texts[start])
        }
        clauses: list[Clause] = []
        i = 0
        while i < len(words):
            if i in spans:
                end, equivalents = spans[i]
                exacts = [
                    q for q in (self.text_query(t, self.plan.highlight) for t in texts[i:end]) if q
                ]
                if exacts:
                    exact = exacts[0] if len(exacts) == 1 else And(exacts)
                    clauses.append(
                        Clause(
                            " ".join(texts[i:end]), exact, self.expansion(equivalents),
                            glossary=tuple(equivalents),
                        )
                    )
                i = end
                continue
            clause = self.atom_clause(words[i], glossary=False)
            if clause is not None:
                clauses.append(clause)
            i += 1
        return clauses

    def expansion(self, equivalents: list[str]) -> Query | None:
        alternatives: list[Query] = []
        for phrase in equivalents:
            if len(phrase.split()) == 1:
                q = self.text_query(phrase, self.plan.highlight)
            else:
                terms = word_parts(phrase)
                self.plan.phrases.add(tuple(terms))
                q = _phrase_query(terms) if terms else None
            if q is not None:
                alternatives.append(q)
        if not alternatives:
            return None
        combined = alternatives[0] if len(alternatives) == 1 else Or(alternatives)
        return _with_boost(combined, GLOSSARY_WEIGHT)

    def atom_clause(self, atom: Atom, *, glossary: bool, highlight: bool = True) -> Clause | None:
        marks: set[str] = self.plan.highlight if highlight else set()
        if isinstance(atom, PhraseAtom):
            terms = word_parts(atom.text)
            if highlight:
                self.plan.phrases.add(tuple(terms))
            if not terms:
                return None
            return Clause(f'"{atom.text}"', _phrase_query(terms))
        if isinstance(atom, Word):
            if atom.prefix:
                return self.prefix_clause(atom.text, marks, glossary=glossary)
            exact = self.text_query(atom.text, marks)
            if exact is None:
                return None
            expanded, equivalents = None, []
            if glossary and self.may_expand(atom.text):
                equivalents = self.expander.equivalents(tuple(word_parts(atom.text)))
                if equivalents:
                    expanded = self.expansion(equivalents)
            return Clause(atom.text, exact, expanded, glossary=tuple(equivalents))
        # a Group: OR / AND of atoms
        subclauses = [
            self.atom_clause(item, glossary=glossary, highlight=highlight) for item in atom.items
        ]
        present = [c for c in subclauses if c is not None]
        if not present:
            return None
        joiner = Or if atom.op == "or" else And
        exact = joiner([c.exact for c in present])
        label = f" {atom.op.upper()} ".join(c.label for c in present)  # what the reader typed
        if all(c.expanded is None for c in present):
            return Clause(label, exact)
        return Clause(label, exact, joiner([c.matching for c in present]))

    def prefix_clause(self, text: str, marks: set[str], *, glossary: bool) -> Clause | None:
        """Words starting with ``text``; the word itself (if it is one) ranks first and
        keeps its glossary equivalents, so a word still being typed loses nothing."""
        stem = "".join(tok.key for tok in analyse(text, stem=False) if not tok.whole)
        if not stem:
            stem = fold(text).strip()
        if not stem:
            return None
        terms, capped = self.vocabulary.expand_prefix(stem, PREFIX_EXPANSIONS)
        if capped:
            self.plan.notes.append(Note.make("many_prefixes", text=text, count=PREFIX_EXPANSIONS))
        own = [tok.term for tok in analyse(text) if not tok.whole]
        if len(own) == 1 and own[0] in terms:
            terms.remove(own[0])
            terms.insert(0, own[0])
        expanded, equivalents = None, []
        if glossary:
            equivalents = self.expander.equivalents(tuple(word_parts(text)))
            expanded = self.expansion(equivalents) if equivalents else None
        marks.update(terms)
        if not terms:
            return Clause(f"{text}*", NullQuery, expanded)
        rank_by = Or(
            [
                Or([Term(name, term, boost=FIELD_WEIGHTS[name]) for name in PREFIX_RANK_FIELDS])
                for term in terms[:PREFIX_RANK_TERMS]
            ]
        )
        exact = Or([_term_query(term) for term in terms])
        return Clause(f"{text}*", exact, expanded, rank_by=rank_by, glossary=tuple(equivalents))


def _across_fields(make: Callable[[str, float], Query], fields: Iterable[str] = ()) -> Query:
    names = list(fields) or list(FIELD_WEIGHTS)
    return Or([make(name, FIELD_WEIGHTS[name]) for name in names])


def _term_query(term: str) -> Query:
    return _across_fields(lambda name, weight: Term(name, term, boost=weight))


def _phrase_query(terms: list[str]) -> Query:
    if len(terms) == 1:
        return _term_query(terms[0])
    return _across_fields(lambda name, weight: Phrase(name, list(terms), boost=weight))


def _text_query(
    text: str, highlight: set[str], *, capitals: bool = False, phrases: set[tuple[str, ...]] | None = None
) -> Query | None:
    """Query for a typed word (or words) as written: compounds whole or as parts, Japanese
    as the phrase of its bigrams (marked as a phrase, in ``phrases``), a word in capitals
    by its capitals term when ``capitals`` (else by the word in any case)."""
    queries: list[Query] = []
    tokens = analyse(text)
    bigrams = [tok.term for tok in tokens if has_japanese(tok.term)]
    if bigrams and len(bigrams) == len(tokens):  # Japanese only
        if phrases is not None and len(bigrams) > 1:
            phrases.add(tuple(bigrams))
        else:
            highlight.update(bigrams)
        return _phrase_query(bigrams)
    for group in word_groups(tokens):
        if group[0].capitals:
            chosen = group[0] if capitals else group[1]
            highlight.add(chosen.term)
            queries.append(_term_query(chosen.term))
            continue
        highlight.update(tok.term for tok in group)
        if len(group) == 1:
            queries.append(_term_query(group[0].term))
        else:
            whole, parts = group[0], [tok.term for tok in group[1:]]
            alternatives = [_term_query(whole.term)]
            if parts:
                alternatives.append(_phrase_query(parts))
            queries.append(Or(alternatives))
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else And(queries)


def _with_boost(q: Query, boost: float) -> Query:
    return q.with_boost(q.boost * boost) if hasattr(q, "with_boost") else q


def japanese_clauses(compiler: _Compiler, names: JapaneseNames, text: str) -> list[Clause]:
    """The clauses of a Japanese query word: each glossary name in it becomes the clauses of
    its English (exactly as if the English were typed) that also match the name as Japanese
    text; text with no entry is searched as Japanese text, with a note offering the nearest
    names."""
    plan = compiler.plan
    clauses: list[Clause] = []
    for piece in names.split(text):
        if piece.entry is None and not has_japanese(piece.text):  # Latin beside Japanese
            clauses.extend(compiler.clauses([Word(piece.text)]))
            continue
        if piece.entry is None and len(runs := script_runs(piece.text)) > 1:
            for run in runs:
                clauses.extend(japanese_clauses(compiler, names, run))
            continue
        as_text = compiler.text_query(piece.text, plan.highlight)
        if piece.entry is None:
            nearest = names.nearest(piece.text)
            offered = ", ".join(f"{e.ja.text} ({e.english[0]})" for e in nearest)
            plan.notes.append(Note.make("no_glossary_entry", text=piece.text, offered=offered) if nearest
                              else Note.make("no_glossary_entry_near", text=piece.text))
            plan.nearest += [(piece.text, e.ja.text) for e in nearest]
            if as_text is not None:
                clauses.append(Clause(piece.text, as_text))
            continue
        forms = names.forms(piece.entry)
        if len(forms) == 1:
            english = querylang.parse(forms[0]).include
        else:
            items = tuple(PhraseAtom(f) if len(f.split()) > 1 else Word(f) for f in forms)
            english = [querylang.Group("or", items)]
        plan.notes.append(Note.make("glossary_name", text=piece.text, forms=" / ".join(forms)))
        for clause in compiler.clauses(english):
            if as_text is not None:
                clause.exact = Or([clause.exact, as_text])
            clauses.append(clause)
    return clauses
