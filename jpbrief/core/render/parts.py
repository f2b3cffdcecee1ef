"""The HTML both outputs share: passage bodies with markers from the model, blocks, notes.

A passage body is its Markdown, converted and sanitized, with each footnote marker put
where the loader found it (:meth:`~jpbrief.core.model.Passage.runs`): a private-use
placeholder stands in for each marker during conversion, and the output's own marker
HTML (a ``fn:`` link on screen, a ``#fn-N`` number on paper) replaces it afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from jpbrief.core import links
from jpbrief.core.content import markdown_to_html
from jpbrief.core.glossary_card import linked_terms
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Article, Footnote, Glossary, Library, Passage
from jpbrief.core.render.sanitize import sanitize_html

MarkerHtml = Callable[[Footnote], str]
"""An output's HTML for one footnote marker."""

_PLACEHOLDER = "\ue000{}\ue001"
_PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")


def footnote_problem(footnote: Footnote, library: Library, labels: Labels = ENGLISH) -> str | None:
    """Why a footnote cannot be followed to a source, or None when it can."""
    if not footnote.source_id:
        return labels.footnote_no_source.format(number=footnote.number)
    if footnote.source_id not in library.sources:
        return labels.footnote_unknown_source.format(number=footnote.number, source=footnote.source_id)
    return None


def broken_marker(footnote: Footnote, why: str) -> str:
    """A visibly broken marker, ``[N?]`` and not a link, titled with the reason."""
    return f'<sup class="fn-missing" title="{escape(why)}">[{footnote.number}?]</sup>'


def passage_body(
    passage: Passage, marker: MarkerHtml, *, glossary: Glossary | None = None, keep_links: bool = True
) -> str:
    """One passage's inner HTML: sanitized Markdown with the output's footnote markers.

    With ``glossary``, its acronyms become ``gloss:`` links; without ``keep_links`` the
    trainer's own links are inert (for paper).
    """
    markers: list[str] = []
    pieces: list[str] = []
    for run in passage.runs():
        if isinstance(run, str):
            # Placeholders use private-use characters; any already in the text are not ours.
            pieces.append(run.replace("\ue000", "").replace("\ue001", ""))
        else:
            markers.append(marker(run))
            pieces.append(_PLACEHOLDER.format(len(markers) - 1))
    html_text = sanitize_html(markdown_to_html("".join(pieces)), keep_links=keep_links).strip()
    if passage.kind == "heading" or (html_text.startswith("<p>") and html_text.endswith("</p>")
                                     and html_text.count("<p>") == 1):
        html_text = html_text.removeprefix("<p>").removesuffix("</p>")
    if glossary is not None:
        html_text = mark_glossary(html_text, glossary)
    return _PLACEHOLDER_RE.sub(lambda m: markers[int(m.group(1))], html_text)


def mark_glossary(html_text: str, glossary: Glossary) -> str:
    """Wrap glossary acronyms, and terms with a Japanese name, in ``gloss:`` links, outside
    tags and existing links (see :mod:`jpbrief.core.glossary_card`)."""
    longest_first = sorted(linked_terms(glossary), key=len, reverse=True)
    terms = {escape(term): term for term in longest_first}
    if not terms:
        return html_text
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(shown) for shown in terms) + r")(?![\w-])")

    def link(match: re.Match[str]) -> str:
        href = links.make(links.GlossaryLink(terms[match.group(1)]))
        return f'<a class="gloss" href="{escape(href)}">{match.group(1)}</a>'

    out: list[str] = []
    inside_link = 0
    for piece in re.split(r"(<[^>]*>)", html_text):
        if piece.startswith("<"):
            if re.match(r"<a[\s>]", piece):
                inside_link += 1
            elif piece.startswith("</a"):
                inside_link = max(0, inside_link - 1)
            out.append(piece)
        elif inside_link:
            out.append(piece)
        else:
            out.append(pattern.sub(link, piece))
    return "".join(out)


def passage_block(passage: Passage, inner: str, classes: list[str], tail: str = "", name: str = "",
                  labels: Labels = ENGLISH) -> str:
    """A passage as ``<p>`` or ``<h2>``: its anchor (``name``, else its own), ``inner``, ``tail``."""
    if passage.role:
        classes = [*classes, f"role-{passage.role}"]
    if passage.role == "bio":
        inner = f'<span class="label">{escape(labels.about_author)}</span>{inner}'
    tag = "h2" if passage.kind == "heading" else "p"
    anchor = f'<a name="{escape(name or passage.anchor)}"></a>'
    return f'<{tag} class="{escape(" ".join(classes))}">{anchor}{inner}{tail}</{tag}>'


def disclaimer(article: Article, labels: Labels = ENGLISH) -> str:
    """The disclaimer printed with the original, labelled as such, or ""."""
    if not article.disclaimer:
        return ""
    return (
        f'<p class="disclaimer"><span class="label">{escape(labels.disclaimer)}'
        f"</span>{escape(article.disclaimer)}</p>"
    )


def fill(template: str, **values: str) -> str:
    """``template`` (a label, plain text) escaped as HTML, its placeholders filled with
    ``values`` (HTML already)."""
    return escape(template, quote=False).format(**values)


def provenance(article: Article, labels: Labels = ENGLISH) -> str:
    """Author, publisher and date, each labelled, or "not stated in the original"."""
    fields = ((labels.author, article.author), (labels.publisher, article.publisher),
              (labels.date, article.published))
    return escape(labels.separator, quote=False).join(
        fill(labels.labelled, label=escape(label), value=escape(value or labels.not_stated))
        for label, value in fields
    )


def origin(article: Article, *, link: bool, labels: Labels = ENGLISH) -> str:
    """Where the editor found the original, when, and its copyright line, or "".

    With ``link`` the address is an ``external:`` link (opened only after the user confirms).
    """
    shown = []
    if article.url:
        address = escape(article.url)
        if link:
            href = escape(links.make(links.ExternalLink(article.url)))
            address = f'<a class="external" href="{href}">{address}</a>'
        shown.append(fill(labels.original, address=address))
    if article.retrieved:
        shown.append(fill(labels.retrieved, date=escape(article.retrieved)))
    if article.copyright:
        shown.append(fill(labels.copyright, text=escape(article.copyright)))
    return f'<p class="origin">{escape(labels.separator, quote=False).join(shown)}</p>' if shown else ""


def editor_references(article: Article, library: Library, labels: Labels = ENGLISH) -> str:
    """The editor's references, unnumbered and labelled as the editor's; "" if none."""
    if not article.references:
        return ""
    items = [f'<h2 class="ed-references-heading">{escape(labels.editor_references)}</h2>'
             '<ul class="ed-references">']
    for source_id in article.references:
        source = library.sources.get(source_id)
        items.append(f"<li>{escape(source.citation if source else labels.source_missing)}</li>")
    items.append("</ul>")
    return "".join(items)


def author_notes(
    article: Article, library: Library, *, heading: str | None = None, numbers: set[int] | None = None,
    anchor: str = "fn-{number}", labels: Labels = ENGLISH,
) -> str:
    """The author's numbered notes with their citations, each at ``anchor``; "" if none.

    ``numbers`` keeps only those footnotes (a briefing lists the notes of the passages it
    quotes); ``anchor`` is formatted with ``number``.
    """
    entries: list[tuple[int, str]] = []
    listed: set[int] = set()
    for passage in article.passages:
        for footnote in passage.footnotes:
            if footnote.number in listed:
                continue
            if numbers is not None and footnote.number not in numbers:
                continue
            listed.add(footnote.number)
            source = library.sources.get(footnote.source_id)
            citation = escape(source.citation if source else labels.source_missing)
            name = escape(anchor.format(number=footnote.number))
            entry = f'<li value="{footnote.number}"><a name="{name}"></a>{citation}</li>'
            entries.append((footnote.number, entry))
    if not any(f.source_id for p in article.passages for f in p.footnotes if f.number in listed):
        return ""
    items = [f'<h2 class="notes-heading">{escape(labels.notes_heading if heading is None else heading)}</h2>']
    previous = None
    for number, entry in entries:  # Qt ignores <li value>: each run of numbers is an <ol start>
        if previous is None or number != previous + 1:
            items.append(("</ol>" if previous is not None else "") + f'<ol class="notes" start="{number}">')
        items.append(entry)
        previous = number
    items.append("</ol>")
    return "".join(items)


def document(body: list[str], css: str) -> str:
    """The parts as one HTML document, with ``css`` as its style sheet."""
    style = f"<style>{css}</style>" if css else ""
    return f"<html><head>{style}</head><body>{''.join(body)}</body></html>"
