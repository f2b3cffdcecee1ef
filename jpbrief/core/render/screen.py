"""The article for the reader's screen: live footnote, cross-reference and glossary links.

A pure function of the model; the view only shows the HTML. Every link it writes is made
by :mod:`jpbrief.core.links` (``fn:``, ``xref:``, ``gloss:``, ``external:``, ``#``) and
intercepted by the reader: nothing is ever fetched.
"""

from __future__ import annotations

from html import escape

from jpbrief.core import links
from jpbrief.core.model import Article, Footnote, Library, Passage
from jpbrief.core.render import parts


def _footnote_link(footnote: Footnote, library: Library, article: str = "") -> str:
    """A working marker for a footnote whose source is known; otherwise a visibly broken one."""
    why = parts.footnote_problem(footnote, library)
    if why is not None:
        return parts.broken_marker(footnote, why)
    number = footnote.number
    href = escape(links.make(links.FootnoteLink(number, article)))
    return f'<sup><a class="fn" href="{href}" title="Footnote {number}">{number}</a></sup>'


def crossref_links(passage: Passage, library: Library) -> str:
    """The passage's editor's cross-references as ``[ed.]`` card links (with a leading space), or ""."""
    markers = []
    for ref in passage.crossrefs:
        target = library.article(ref.article)
        label = f"Editor's cross-reference: {target.title}" if target else "Editor's cross-reference"
        href = links.make(links.CrossRefLink(ref.article, ref.anchor))
        markers.append(f'<a class="xref" href="{escape(href)}" title="{escape(label)}">[ed.]</a>')
    return f' <span class="xref">{" ".join(markers)}</span>' if markers else ""


def render_passage(passage: Passage, library: Library, article: str = "") -> str:
    """One passage's inner HTML for the screen: markers placed from the model, glossary linked.

    With ``article`` its footnote links name the article (a briefing shows several)."""
    def marker(footnote: Footnote) -> str:
        return _footnote_link(footnote, library, article)

    return parts.passage_body(passage, marker, glossary=library.glossary)


def render_article(
    article: Article,
    library: Library,
    *,
    marked_theme: str | None = None,
    css: str = "",
    with_sources: bool = True,
) -> str:
    """A whole article as an HTML document for the reader.

    Every passage starts with ``<a name="ANCHOR">`` and carries the classes ``passage``,
    its kind, ``theme-ID`` for each theme, and ``marked`` when it has ``marked_theme``.
    With ``with_sources`` the article ends with its numbered footnotes and their citations.
    """
    body: list[str] = [f'<h1 class="title">{escape(article.title)}</h1>']
    body.append(f'<p class="byline">{parts.provenance(article)}</p>')
    body.append(parts.origin(article, link=True))
    body.append(parts.disclaimer(article))
    for passage in article.passages:
        classes = ["passage", passage.kind, *(f"theme-{t}" for t in passage.themes)]
        if marked_theme and marked_theme in passage.themes:
            classes.append("marked")
        inner = render_passage(passage, library)
        body.append(parts.passage_block(passage, inner, classes, crossref_links(passage, library)))
    if with_sources:
        body.append(parts.author_notes(article, library))
        body.append(parts.editor_references(article, library))
    return parts.document(body, css)
