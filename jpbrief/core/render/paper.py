"""The article for print and PDF, from the model: the original's notes, the editor's kept apart.

Nothing on paper can be followed, so:

- each footnote marker is a superscript number as in the original, pointing (``#fn-N``)
  at the author's numbered notes at the end; a broken one is ``[N?]`` as on screen;
- an editor's cross-reference is not an ``[ed.]`` link but a marker of its own,
  ``‹ed. N›`` in italics and angle quotes (legible in greyscale), keyed at the end under
  "Editor's notes (not part of the original)" with the other article and passage;
- glossary acronyms and the trainer's own links are plain text;
- under the title a provenance line gives the author, publisher and date, or says that
  each is not stated in the original, then where and when the editor found it and its
  copyright line;
- the editor's added references come after the author's notes, unnumbered, under
  "References added by the editor (not part of the original)".
"""

from __future__ import annotations

from html import escape

from jpbrief.core import links
from jpbrief.core.model import Article, CrossRef, Footnote, Library
from jpbrief.core.render import parts

EDITOR_HEADING = "Editor's notes (not part of the original)"
OPENING_WORDS = 12
"""How much of a paragraph the editor's key quotes to name it."""

PAPER_CSS = """
p.provenance { color: #3c4147; font-size: small; margin-top: 0px; margin-bottom: 18px; }
span.ed-ref { font-style: italic; font-size: small; color: #3c4147; }
h2.ed-notes-heading { font-size: large; font-weight: 600; margin-top: 28px; margin-bottom: 8px;
                      color: #14181c; }
p.ed-note { font-size: small; color: #3c4147; margin-top: 0px; margin-bottom: 4px; line-height: 135%; }
"""
"""Paper's own classes, added after the (light) reader style sheet."""


def editor_label(number: int) -> str:
    """The editor's marker: its own brackets and words, never a footnote look-alike."""
    return f"‹ed.&nbsp;{number}›"


def _marker(footnote: Footnote, library: Library) -> str:
    why = parts.footnote_problem(footnote, library)
    if why is not None:
        return parts.broken_marker(footnote, why)
    href = escape(links.make(links.AnchorLink(f"fn-{footnote.number}")))
    return f'<sup><a class="fn" href="{href}">{footnote.number}</a></sup>'


def _provenance(article: Article) -> str:
    return f'<p class="provenance">{parts.provenance(article)}</p>' + parts.origin(article, link=False)


def _opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else "")


def _destination(ref: CrossRef, library: Library) -> str:
    """The other article and passage, named for a reader without the app."""
    target = library.article(ref.article)
    passage = target.passage(ref.anchor) if target is not None else None
    if target is None or passage is None:
        return escape(f"{ref.article}#{ref.anchor}") + " (not in this library)"
    article = f"“{escape(target.title)}”"
    if passage.kind == "heading":
        return f"{article}, section “{escape(passage.text)}”"
    section = f", section “{escape(passage.section)}”" if passage.section else ""
    return f"{article}{section}, the passage beginning “{escape(_opening(passage.text))}”"


def render_paper(article: Article, library: Library, *, css: str = "") -> str:
    """A whole article as an HTML document for print and PDF (``css``: the light reader sheet)."""
    title = f'<h1 class="title">{escape(article.title)}</h1>'
    body = [title, _provenance(article), parts.disclaimer(article)]
    editors: list[CrossRef] = []
    for passage in article.passages:
        marks = []
        for ref in passage.crossrefs:
            editors.append(ref)
            marks.append(f'<span class="ed-ref">{editor_label(len(editors))}</span>')
        tail = " " + " ".join(marks) if marks else ""
        inner = parts.passage_body(passage, lambda f: _marker(f, library), keep_links=False)
        body.append(parts.passage_block(passage, inner, ["passage", passage.kind], tail))
    body.append(parts.author_notes(article, library))
    body.append(parts.editor_references(article, library))
    if editors:
        body.append(f'<h2 class="ed-notes-heading">{escape(EDITOR_HEADING)}</h2>')
        body.extend(
            f'<p class="ed-note"><span class="ed-ref">{editor_label(number)}</span> '
            f"See {_destination(ref, library)}</p>"
            for number, ref in enumerate(editors, 1)
        )
    return parts.document(body, css + PAPER_CSS)
