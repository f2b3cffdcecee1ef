"""The article for print and PDF, from the model: the original's notes, the editor's kept apart.

Nothing on paper can be followed, so:

- each footnote marker is a superscript number as in the original, pointing (``#fn-N``)
  at the author's numbered notes under "Sources cited" at the end; a broken one is
  ``[N?]`` as on screen;
- an editor's cross-reference is not an ``[ed.]`` link but ``‹Editor’s note N›`` (see
  :mod:`.paper_frame`), keyed at the end with the other article and passage;
- glossary acronyms and the trainer's own links are plain text, never underlined;
- under the title the provenance gives the author, publisher and date, or says that each is
  not stated in the original, then where and when the editor found it and its copyright line;
- the editor's added references come after the author's notes, unnumbered, under
  "References added by the editor (not part of the original)".
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from jpbrief.core import links
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Article, Footnote, Library, Passage
from jpbrief.core.render import parts
from jpbrief.core.render.paper_frame import EditorKey, article_provenance, none_cited, paper_html


def _marker(footnote: Footnote, library: Library, anchor: str = "fn-{number}",
            labels: Labels = ENGLISH) -> str:
    why = parts.footnote_problem(footnote, library, labels)
    if why is not None:
        return parts.broken_marker(footnote, why)
    href = escape(links.make(links.AnchorLink(anchor.format(number=footnote.number))))
    return f'<sup><a class="fn" href="{href}">{footnote.number}</a></sup>'


def paper_passage(
    passage: Passage, library: Library, key: EditorKey, *, anchor: str = "fn-{number}",
    classes: Sequence[str] = ("passage",),
) -> str:
    """One passage for paper: numbered markers pointing at ``anchor``, the editor's marks keyed."""
    inner = parts.passage_body(passage, lambda f: _marker(f, library, anchor, key.labels), keep_links=False)
    return parts.passage_block(passage, inner, [*classes, passage.kind], key.marker(passage.crossrefs),
                               labels=key.labels)


def sources_cited(
    article: Article, library: Library, *, numbers: set[int] | None = None, anchor: str = "fn-{number}",
    heading: str | None = None, labels: Labels = ENGLISH,
) -> str:
    """The author's notes (only ``numbers`` when given), then the editor's added references."""
    heading = labels.sources_heading if heading is None else heading
    return parts.author_notes(article, library, heading=heading, numbers=numbers, anchor=anchor,
                              labels=labels)


def render_paper(article: Article, library: Library, *, css: str = "", labels: Labels = ENGLISH) -> str:
    """A whole article as an HTML document for print and PDF (``css``: the light reader sheet,
    ``labels``: the interface's words)."""
    key = EditorKey(library, labels)
    body = [parts.disclaimer(article, labels)]
    body.extend(paper_passage(passage, library, key) for passage in article.passages)
    notes = sources_cited(article, library, labels=labels) or none_cited(labels.article_cites_none, labels)
    closing = [notes, parts.editor_references(article, library, labels), key.html()]
    return paper_html(article.title, article_provenance(article, labels), body, closing,
                      kicker=labels.article_kicker, css=css, labels=labels)
