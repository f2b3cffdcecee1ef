"""The one place that makes and parses every link the reader uses (no other module spells a scheme).

Schemes, all intercepted by the reader (nothing is ever fetched):

- ``fn:N``                    author footnote N of the article shown;
- ``fn:ARTICLE#N``            author footnote N of ``ARTICLE`` (a theme briefing shows several);
- ``xref:ARTICLE#ANCHOR``     an editor's cross-reference to a passage of another article;
- ``passage:ARTICLE#ANCHOR``  a plain jump to a passage (search results, cards, briefings);
- ``gloss:TERM``              a glossary entry (hover shows the expansion);
- ``external:URL``            a remote link from a trainer's Markdown; opens only after the
                              user confirms the exact URL;
- ``#ANCHOR``                 a place in the document shown.

Article ids, anchors and terms are percent-encoded where they could carry ``#``, ``%``,
spaces or quotes, so ``parse(make(link)) == link`` for every link (a property test holds it).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

_SAFE = "-_.~"


@dataclass(frozen=True)
class FootnoteLink:
    """Author footnote ``number`` of ``article``, or of the article shown when ``article`` is ""."""

    number: int
    article: str = ""


@dataclass(frozen=True)
class CrossRefLink:
    """An editor's cross-reference to ``anchor`` in ``article``."""

    article: str
    anchor: str


@dataclass(frozen=True)
class PassageLink:
    """A jump to ``anchor`` in ``article`` (not an editor's note: no card)."""

    article: str
    anchor: str


@dataclass(frozen=True)
class GlossaryLink:
    """A glossary term, shown with its expansion."""

    term: str


@dataclass(frozen=True)
class ExternalLink:
    """A remote address; opened only after the user confirms it."""

    url: str


@dataclass(frozen=True)
class AnchorLink:
    """A place in the document shown."""

    anchor: str


Link = FootnoteLink | CrossRefLink | PassageLink | GlossaryLink | ExternalLink | AnchorLink

FOOTNOTE = "fn:"
CROSSREF = "xref:"
PASSAGE = "passage:"
GLOSSARY = "gloss:"
EXTERNAL = "external:"


def _enc(text: str) -> str:
    return quote(text, safe=_SAFE)


def make(link: Link) -> str:
    """The href for ``link`` (raw: escape it like any attribute value when writing HTML)."""
    match link:
        case FootnoteLink(number, ""):
            return f"{FOOTNOTE}{int(number)}"
        case FootnoteLink(number, article):
            return f"{FOOTNOTE}{_enc(article)}#{int(number)}"
        case CrossRefLink(article, anchor):
            return f"{CROSSREF}{_enc(article)}#{_enc(anchor)}"
        case PassageLink(article, anchor):
            return f"{PASSAGE}{_enc(article)}#{_enc(anchor)}"
        case GlossaryLink(term):
            return f"{GLOSSARY}{_enc(term)}"
        case ExternalLink(url):
            return f"{EXTERNAL}{url}"
        case AnchorLink(anchor):
            return f"#{_enc(anchor)}"
    raise TypeError(f"not a link: {link!r}")


def _place(rest: str) -> tuple[str, str] | None:
    article, sep, anchor = rest.partition("#")
    if not sep or not article or not anchor:
        return None
    return unquote(article), unquote(anchor)


def parse(href: str) -> Link | None:
    """The link an href stands for, or None for anything the reader must not follow."""
    if href.startswith(FOOTNOTE):
        article, sep, digits = href[len(FOOTNOTE):].rpartition("#")
        if not digits.isascii() or not digits.isdigit() or (sep and not article):
            return None
        return FootnoteLink(int(digits), unquote(article))
    if href.startswith(CROSSREF):
        place = _place(href[len(CROSSREF):])
        return CrossRefLink(*place) if place else None
    if href.startswith(PASSAGE):
        place = _place(href[len(PASSAGE):])
        return PassageLink(*place) if place else None
    if href.startswith(GLOSSARY):
        term = unquote(href[len(GLOSSARY):])
        return GlossaryLink(term) if term else None
    if href.startswith(EXTERNAL):
        url = href[len(EXTERNAL):]
        return ExternalLink(url) if url else None
    if href.startswith("#") and len(href) > 1:
        return AnchorLink(unquote(href[1:]))
    return None


def is_card_link(href: str) -> bool:
    """Whether ``href`` opens a card (footnote or editor's cross-reference) on hover or click."""
    return isinstance(parse(href), FootnoteLink | CrossRefLink)
