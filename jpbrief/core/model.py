"""The content model: plain, immutable dataclasses that every other layer reads."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Literal

from jpbrief.core.model_lookup import Lookup

PassageKind = Literal["heading", "paragraph"]
MessageText = Annotated[str, "message"]
"""Text the reader can say in its language: English, often a :class:`~jpbrief.core.message.Message`
(template, context, values), which the start-up cache keeps as one (see model_codec)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located as ``path:line`` (``line`` 0: the whole
    file or folder).

    An ``error`` means something is missing or not as written; a ``warning`` means the
    content loads and shows as written but the editor's work is incomplete (a one-way
    cross-reference, a finding of ``jpbrief check --report``). ``check --strict`` fails on both.
    """

    path: str
    line: int
    message: MessageText
    severity: Literal["error", "warning"] = "error"
    follows_from: Problem | None = None
    """The root cause when this problem only follows from another one (a link into an
    article that was skipped, a theme when themes.yaml could not be loaded); None for a
    root cause. The reader's banner lists each root cause once, with what follows from it."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {'warning: ' if self.severity == 'warning' else ''}{self.message}"


@dataclass(frozen=True)
class Source:
    """One distinct cited work from ``sources.yaml``."""

    id: str
    citation: str
    kind: str | None = None
    authors: tuple[str, ...] = ()
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    accessed: str | None = None
    url: str | None = None
    updated: str | None = None
    """When the work says it was last updated (for a page that changes, such as a tracker);
    ``date`` stays its publication date, null when it does not state one."""

    def fields(self) -> dict[str, object]:
        """The structured fields, for JSON output and display."""
        return {
            "kind": self.kind,
            "authors": list(self.authors),
            "title": self.title,
            "publisher": self.publisher,
            "date": self.date,
            "accessed": self.accessed,
            "url": self.url,
            "updated": self.updated,
        }


@dataclass(frozen=True)
class Footnote:
    """An author footnote marker: the original's number, the source it resolves to, and
    where the marker stands in its passage's Markdown.

    The loader is the only reader of marker syntax: renderers place each marker from
    ``markdown_span`` (see :meth:`Passage.runs`) and never scan the Markdown again.
    """

    number: int
    source_id: str
    """The source id its definition names; "" when the footnote has no definition."""
    markdown_span: tuple[int, int] | None = None
    """``(start, end)`` of the marker ``[^N]`` in :attr:`Passage.markdown`; None for a
    footnote not read from Markdown (renderers put those at the passage's end)."""


@dataclass(frozen=True)
class CrossRef:
    """An editorial link from a passage to a passage of another article."""

    article: str
    anchor: str


@dataclass(frozen=True)
class Passage:
    """A heading or paragraph: the unit of reading, search, notes and cross-references.

    ``markdown`` is the block's source (footnote markers included, annotation line
    excluded); ``text`` is its plain text with footnote markers removed.
    """

    anchor: str
    kind: PassageKind
    markdown: str
    text: str
    section: str | None
    themes: tuple[str, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    crossrefs: tuple[CrossRef, ...] = ()
    role: str | None = None
    line: int = 0

    def runs(self) -> Iterator[str | Footnote]:
        """The Markdown as runs of text and footnote markers, in reading order.

        The text runs are the Markdown between the markers, untouched; each marker is its
        :class:`Footnote`. Footnotes without a ``markdown_span`` come last.
        """
        placed = sorted(
            (f for f in self.footnotes if f.markdown_span is not None),
            key=lambda f: f.markdown_span or (0, 0),
        )
        position = 0
        for footnote in placed:
            start, end = footnote.markdown_span or (0, 0)
            if start > position:
                yield self.markdown[position:start]
            yield footnote
            position = max(position, end)
        if position < len(self.markdown):
            yield self.markdown[position:]
        yield from (f for f in self.footnotes if f.markdown_span is None)


@dataclass(frozen=True)
class Article:
    """One article: its front matter and its passages in reading order.

    Read from the start-up cache it is a :class:`jpbrief.core.deferred.DeferredArticle`,
    its passages decoded when first read: ask :meth:`themes`, :meth:`theme_count`,
    :attr:`passage_total` and :meth:`cites` rather than scanning ``passages`` for them.
    """

    id: str
    title: str
    passages: tuple[Passage, ...]
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    disclaimer: str | None = None
    path: str = ""
    pack: str | None = None
    """The id of the content pack the article came from; None for the bundled library."""
    url: str | None = None
    """Where the original was found: a complete http(s) address, never fetched."""
    retrieved: str | None = None
    """When the editor retrieved it: YYYY, YYYY-MM or YYYY-MM-DD."""
    copyright: str | None = None
    """The original's copyright line, as printed."""
    references: tuple[str, ...] = ()
    """Source ids the editor added (not the author's notes): shown unnumbered, as the editor's."""

    def passage(self, anchor: str) -> Passage | None:
        for passage in self.passages:
            if passage.anchor == anchor:
                return passage
        return None

    @property
    def themes(self) -> tuple[str, ...]:
        """Every theme that any passage carries, in first-seen order."""
        seen: dict[str, None] = {}
        for passage in self.passages:
            for theme in passage.themes:
                seen.setdefault(theme, None)
        return tuple(seen)

    def theme_count(self, theme_id: str) -> int:
        """How many of its passages carry ``theme_id``."""
        return sum(1 for passage in self.passages if theme_id in passage.themes)

    @property
    def passage_total(self) -> int:
        return len(self.passages)

    def cites(self, source_id: str) -> bool:
        """Whether one of its footnotes resolves to ``source_id``."""
        return any(f.source_id == source_id for p in self.passages for f in p.footnotes)

    @property
    def byline(self) -> str:
        """Author or publisher where known, for sidebars and headers."""
        return " · ".join(part for part in (self.author, self.publisher) if part)


@dataclass(frozen=True)
class Theme:
    """A browsing theme from ``themes.yaml``."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class JapaneseName:
    """The official Japanese name of a glossary term, with where it was taken from.

    ``text`` is in Japanese script (反撃能力); ``reading`` its romaji in ASCII (or None);
    ``source`` the address or title of the official or citable text that uses it.
    """

    text: str
    reading: str | None
    source: str


@dataclass(frozen=True)
class BilingualTerm:
    """A term of the field in English and Japanese (``glossary.yaml``'s ``terms:``).

    ``english`` holds the forms the articles print, the first shown on the card.
    """

    english: tuple[str, ...]
    ja: JapaneseName


@dataclass(frozen=True)
class Acronym:
    """A glossary acronym and its expansions (an acronym may have more than one meaning).

    ``expansion`` is the first; ``expansions`` all of them, in the glossary's order
    (given just the one, it is ``(expansion,)``).
    """

    term: str
    expansion: str
    expansions: tuple[str, ...] = ()
    ja: JapaneseName | None = None
    """The Japanese name of an acronym with one meaning (``terms:`` holds the others')."""

    def __post_init__(self) -> None:
        if not self.expansions:
            object.__setattr__(self, "expansions", (self.expansion,))


@dataclass(frozen=True)
class Glossary:
    """Acronyms, synonym groups and bilingual terms from ``glossary.yaml``."""

    acronyms: tuple[Acronym, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()
    terms: tuple[BilingualTerm, ...] = ()

    def bilingual(self) -> tuple[BilingualTerm, ...]:
        """Every Japanese name with its English forms: the terms, then the acronyms'."""
        from_acronyms = tuple(
            BilingualTerm((a.expansion, a.term), a.ja) for a in self.acronyms if a.ja is not None
        )
        return self.terms + from_acronyms

    def japanese_for(self, english: str) -> JapaneseName | None:
        """The Japanese name of an English term or acronym expansion (any case), or None."""
        wanted = english.casefold()
        for entry in self.bilingual():
            if any(form.casefold() == wanted for form in entry.english):
                return entry.ja
        return None


@dataclass(frozen=True)
class Citation:
    """Where a source is cited: article, passage anchor and footnote number."""

    article: str
    anchor: str
    number: int


@dataclass(frozen=True)
class Event:
    """An editor's dated event, annotated around a passage (``events.yaml``).

    ``quote`` is the author's exact words in the passage that state it; ``date`` is the
    editor's dating as written (see :mod:`jpbrief.core.dates`); ``label`` is the editor's.
    ``themes`` are the ones given, else the passage's; ``source_id`` is the footnote's source.
    """

    id: str
    article: str
    anchor: str
    quote: str
    date: str
    label: str
    footnote: int | None = None
    source_id: str | None = None
    same_as: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Figure:
    """An editor's key figure, annotated around a passage (``figures.yaml``).

    ``quantity`` is the whole number in ``unit`` (¥5.4 trillion is 5.4e12 JPY); ``year``
    is the date it refers to (or None) with ``relation`` ``in``, ``by`` or ``as_of``.
    """

    id: str
    article: str
    anchor: str
    quote: str
    quantity: float
    unit: str
    measure: str
    year: str | None = None
    relation: str = "in"
    footnote: int | None = None
    source_id: str | None = None
    same_measure: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    line: int = 0


@dataclass
class Library:
    """Everything loaded from one content directory, plus what could not be loaded."""

    articles: tuple[Article, ...] = ()
    sources: dict[str, Source] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    glossary: Glossary = field(default_factory=Glossary)
    problems: tuple[Problem, ...] = ()
    skipped: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    packs: dict[str, str] = field(default_factory=dict)
    """Title of each installed content pack whose articles are in the library, by pack id
    (``Article.pack``): the library list marks those articles with it."""

    _lookup: Lookup | None = field(default=None, init=False, repr=False, compare=False)

    def _index(self) -> Lookup:
        """Look-up tables of ``articles``, built on first use and again whenever the
        ``articles`` tuple is replaced (the library is a mutable dataclass)."""
        lookup = self._lookup
        if lookup is None or lookup.articles is not self.articles:
            lookup = self._lookup = Lookup(self.articles)
        return lookup

    def article(self, article_id: str) -> Article | None:
        return self._index().by_id.get(article_id)

    def passage(self, article_id: str, anchor: str) -> Passage | None:
        return self._index().passage(article_id, anchor)

    def iter_passages(self) -> Iterator[tuple[Article, Passage]]:
        for article in self.articles:
            for passage in article.passages:
                yield article, passage

    def theme_passages(self, theme_id: str) -> list[tuple[Article, Passage]]:
        """The passages carrying ``theme_id``, in reading order (a new list each call)."""
        return self._index().themed(theme_id)

    def theme_count(self, theme_id: str) -> int:
        """How many passages carry ``theme_id`` (without reading a cached article's passages)."""
        return sum(article.theme_count(theme_id) for article in self.articles)

    def citations(self, source_id: str) -> list[Citation]:
        return [
            Citation(article.id, passage.anchor, footnote.number)
            for article in self.articles if article.cites(source_id)
            for passage in article.passages
            for footnote in passage.footnotes
            if footnote.source_id == source_id
        ]

    @property
    def passage_count(self) -> int:
        return sum(article.passage_total for article in self.articles)
