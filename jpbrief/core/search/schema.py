"""The index's schema and the document each passage becomes in it.

One document per passage. The searched fields are the passage text, its section heading,
the article title (with the article's first paragraph only, so a title word finds the
article without making every passage of it a match) and the citations of the sources it
cites. No field keeps word positions: phrases are matched through ``pairs``, the adjacent
word pairs of every searched field (``t|economic+security``), so a two-word phrase is one
look-up and a longer one the passages holding all its pairs (see :mod:`.retrieval`).

No field is Whoosh-scorable: ranking reads the exact field lengths the indexer saves
(see :mod:`.ranking`), so Whoosh neither writes a length per field and passage nor
reads one back for every posting when it writes the postings (14% of a build).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from jpbrief.core.model import Article, Passage, Source
from jpbrief.core.search.analysis import Tok, analyse, word_tokens

SCHEMA_VERSION = "10"
"""Part of the fingerprint: bump when analysis or schema change (8: Japanese bigrams,
NFKC width folding, capitals terms; 9: no Whoosh-scorable fields; 10: ``kind``
searchable so headings are left out of results, the title with the first paragraph,
double-l spellings folded)."""

SCORED_FIELDS = ["text", "section", "title", "cites"]
"""The searched fields; BM25F needs each one's length per passage (see :mod:`.ranking`)."""
PAIR_FIELD_CODES = {"text": "t", "section": "s", "title": "h", "cites": "c"}
STORED_AS = {"title": "article_title"}
"""Where a searched field's text is stored, when not under its own name."""


class PassageTokenizer(Tokenizer):
    """The Whoosh face of :func:`~.analysis.analyse`, the analyzer of every text field.

    Whoosh pickles it into the index's table of contents by reference to this class; that
    pickle is never read back (the schema is always built here, see :mod:`.safe_pickle`).
    """

    def __init__(self, stem: bool = True) -> None:
        self.stem = stem

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PassageTokenizer) and other.stem == self.stem

    def __hash__(self) -> int:
        return hash((PassageTokenizer, self.stem))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for tok in analyse(value, stem=self.stem):
            token.text = tok.term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = tok.surface
            if positions:
                token.pos = start_pos + tok.pos
            if chars:
                token.startchar = start_char + tok.start
                token.endchar = start_char + tok.end
            yield token


def build_schema() -> Schema:
    """One document per passage."""
    analyzer = PassageTokenizer()
    schema = Schema(
        docid=ID(stored=True, unique=True),
        article=ID(stored=True),
        anchor=STORED(),
        kind=ID(stored=True),  # headings are not results: see .retrieval
        themes=KEYWORD(stored=True),
        article_title=STORED(),
        # No word positions: phrases use ``pairs``, so postings stay small and fast
        title=TEXT(analyzer=analyzer, phrase=False),
        section=TEXT(analyzer=analyzer, stored=True, phrase=False),
        text=TEXT(analyzer=analyzer, stored=True, phrase=False),
        cites=TEXT(analyzer=analyzer, stored=True, phrase=False),
        pairs=KEYWORD(lowercase=False, commas=False),
    )
    for name in SCORED_FIELDS:  # TEXT is always scorable: undo it (see the module's docstring)
        schema[name].scorable = False
    return schema


def pair_terms(field_name: str, terms: Sequence[str]) -> list[str]:
    """The ``pairs`` terms of consecutive ``terms`` (phrase form) of a field."""
    code = PAIR_FIELD_CODES[field_name]
    return [f"{code}|{a}+{b}" for a, b in itertools.pairwise(terms)]


@dataclass(frozen=True)
class PassageDocument:
    """One passage as the index stores it, its searched fields analysed (positions and
    offsets relative to each word, see :func:`~.analysis.word_tokens`), and the term
    frequencies of every field so analysed (and of ``pairs``), as the index gets them."""

    fields: dict[str, str]
    analysed: dict[str, list[Tok]]
    terms: dict[str, Counter[str]]


def passage_document(
    article: Article, passage: Passage, sources: Mapping[str, Source]
) -> PassageDocument:
    """The document of ``passage``; the title goes with the article's first paragraph only
    (headings are never results)."""
    # By anchor, not identity: a deferred article's passages, read again, are equal
    # objects, not always the same ones (decoded again once pushed out of the recent ones).
    first = next((p for p in article.passages if p.kind != "heading"), None)
    title = article.title if first is not None and passage.anchor == first.anchor else ""
    cites = " ".join(
        dict.fromkeys(
            sources[footnote.source_id].citation
            for footnote in passage.footnotes
            if footnote.source_id in sources
        )
    )
    section = passage.section or ""
    values = {"text": passage.text, "section": section, "title": title, "cites": cites}
    analysed = {name: word_tokens(value) for name, value in values.items()}
    terms = {name: Counter([tok.term for tok in toks]) for name, toks in analysed.items()}
    terms["pairs"] = Counter(
        pair
        for name in SCORED_FIELDS
        for pair in pair_terms(name, [tok.term for tok in analysed[name] if not tok.whole])
    )
    fields = {
        "docid": f"{article.id}#{passage.anchor}",
        "article": article.id,
        "anchor": passage.anchor,
        "kind": passage.kind,
        "themes": " ".join(passage.themes),
        "article_title": article.title,
        **values,
    }
    return PassageDocument(fields, analysed, terms)
