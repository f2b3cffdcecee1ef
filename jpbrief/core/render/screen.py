"""The article for the reader's screen: live footnote, cross-reference and glossary links.

A pure function of the model; the view only shows the HTML. Every link it writes is made
by :mod:`jpbrief.core.links` (``fn:``, ``xref:``, ``gloss:``, ``external:``, ``#``) and
intercepted by the reader: nothing is ever fetched.
"""

from __future__ import annotations

from html import escape

from jpbrief.core import links
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Article, Footnote, Library, Passage
from jpbrief.core.render import parts


def _footnote_link(footnote: Footnote, library: Library, article: str = "", labels: Labels = ENGLISH) -> str:
    """A working marker for a footnote whose source is known; otherwise a visibly broken one."""
    why = parts.footnote_problem(footnote, library, labels)
    if why is not None:
        return parts.broken_marker(footnote, why)
    number = footnote.number
    href = escape(links.make(links.FootnoteLink(number, article)))
    title = escape(labels.footnote_title.format(number=number))
    return f'<sup><a class="fn" href="{href}" title="{title}">{number}</a></sup>'


def crossref_links(passage: Passage, library: Library, labels: Labels = ENGLISH) -> str:
    """The passage's editor's cross-references as ``[ed.]`` card links (with a leading space), or ""."""
    markers = []
    for ref in passage.crossrefs:
        target = library.article(ref.article)
        label = labels.editor_crossref_to.format(title=target.title) if target else labels.editor_crossref
        href = links.make(links.CrossRefLink(ref.article, ref.anchor))
        markers.append(f'<a class="xref" href="{escape(href)}" title="{escape(label)}">'
                       f"{escape(labels.editor_marker)}</a>")
    return f' <span class="xref">{" ".join(markers)}</span>' if markers else ""


def render_passage(passage: Passage, library: Library, article: str = "", labels: Labels = ENGLISH) -> str:
    """One passage's inner HTML for the screen: markers placed from the model, glossary linked.

    With ``article`` its footnote links name the article (a briefing shows several)."""
    def marker(footnote: Footnote) -> str:
        return _footnote_link(footnote, library, article, labels)

    return parts.passage_body(passage, marker, glossary=library.glossary)


def render_article(
    article: Article,
    library: Library,
    *,
    marked_theme: str | None = None,
    css: str = "",
    with_sources: bool = True,
    labels: Labels = ENGLISH,
) -> str:
    """A whole article as an HTML document for the reader.

    Every passage starts with ``<a name="ANCHOR">`` and carries the classes ``passage``,
    its kind, ``theme-ID`` for each theme, and ``marked`` when it has ``marked_theme``.
    With ``with_sources`` the article ends with its numbered footnotes and their citations.
    ``labels``: the interface's words (the reader's language).
    """
    body: list[str] = [f'<h1 class="title">{escape(article.title)}</h1>']
    body.append(f'<p class="byline">{parts.provenance(article, labels)}</p>')
    body.append(parts.origin(article, link=True, labels=labels))
    body.append(parts.disclaimer(article, labels))
    for passage in article.passages:
        classes = ["passage", passage.kind, *(f"theme-{t}" for t in passage.themes)]
        if marked_theme and marked_theme in passage.themes:
            classes.append("marked")
        inner = render_passage(passage, library, labels=labels)
        body.append(parts.passage_block(passage, inner, classes, crossref_links(passage, library, labels),
                                        labels=labels))
    if with_sources:
        body.append(parts.author_notes(article, library, labels=labels))
        body.append(parts.editor_references(article, library, labels))
    return parts.document(body, css)
