"""Model -> sanitized HTML for QTextBrowser: a pure function, the view only shows it.

Link schemes in the output, all intercepted by the reader (nothing is ever fetched):

- ``fn:N``                author footnote N of the article shown;
- ``xref:ARTICLE#ANCHOR`` an editor's cross-reference to a passage of another article;
- ``gloss:TERM``          a glossary acronym (hover shows the expansion);
- ``external:URL``        a remote link from a trainer's Markdown; opens only after the
                          user confirms the exact URL;
- ``#anchor``             a place in the same article.

Trainer Markdown is sanitized against an allowlist before our own markup is added:
no script, style or iframe, no event or style attributes, and ``href``/``src`` values
are limited to in-page anchors and relative bundle paths (remote ``href`` become
``external:``; remote, ``file:``, ``data:``, ``javascript:`` and UNC values are dropped).
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

import nh3

from jpbrief.core import links
from jpbrief.core.content import markdown_to_html
from jpbrief.core.model import Article, Footnote, Glossary, Library, Passage

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr",
    "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
REMOVED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template"}
SAFE_RELATIVE_PATH = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")
SAFE_FRAGMENT = re.compile(r"^#[A-Za-z0-9_-]+$")

_PLACEHOLDER = "\ue000{}\ue001"
_PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")


def _safe_url(tag: str, attribute: str, value: str) -> str | None:
    """The allowlist for ``href`` and ``src``; None drops the attribute."""
    value = value.strip()
    if "\\" in value or any(ord(ch) < 32 for ch in value):
        return None
    if attribute == "href" and SAFE_FRAGMENT.match(value):
        return links.make(links.AnchorLink(value[1:]))
    if SAFE_RELATIVE_PATH.match(value) and ".." not in value.split("/"):
        return value
    parts = urlsplit(value)
    if attribute == "href" and tag == "a" and parts.scheme in {"http", "https"} and parts.netloc:
        return links.make(links.ExternalLink(value))
    return None


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in {"href", "src"}:
        return _safe_url(tag, attribute, value)
    return value


def sanitize_html(fragment: str) -> str:
    """Clean untrusted HTML (a trainer's Markdown output) against the allowlist."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes={"http", "https", links.EXTERNAL.rstrip(":")},  # the filter makes http(s) external:
        link_rel=None,
        strip_comments=True,
    )


def _footnote_link(footnote: Footnote, library: Library) -> str:
    """A working marker for a footnote whose source is known; otherwise a visibly broken one."""
    number = footnote.number
    if not footnote.source_id or footnote.source_id not in library.sources:
        why = f"cites unknown source {footnote.source_id!r}" if footnote.source_id else "has no source"
        return f'<sup class="fn-missing" title="{escape(f"footnote {number} {why}")}">[{number}?]</sup>'
    href = escape(links.make(links.FootnoteLink(number)))
    return f'<sup><a class="fn" href="{href}" title="Footnote {number}">{number}</a></sup>'


def _crossref_links(passage: Passage, library: Library) -> str:
    markers = []
    for ref in passage.crossrefs:
        target = library.article(ref.article)
        label = f"Editor's cross-reference: {target.title}" if target else "Editor's cross-reference"
        href = links.make(links.CrossRefLink(ref.article, ref.anchor))
        markers.append(f'<a class="xref" href="{escape(href)}" title="{escape(label)}">[ed.]</a>')
    return f' <span class="xref">{" ".join(markers)}</span>' if markers else ""


def _mark_glossary(html_text: str, glossary: Glossary) -> str:
    """Wrap glossary acronyms in ``gloss:`` links, outside tags and existing links."""
    longest_first = sorted(glossary.acronyms, key=lambda acronym: len(acronym.term), reverse=True)
    terms = {escape(acronym.term): acronym.term for acronym in longest_first}
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


def render_passage(passage: Passage, library: Library) -> str:
    """One passage's inner HTML: sanitized Markdown plus our footnote markers.

    The markers come from the model (each footnote's place, recorded by the loader): a
    placeholder stands in for each while the Markdown is converted and sanitized.
    """
    markers: list[str] = []
    pieces: list[str] = []
    for run in passage.runs():
        if isinstance(run, str):
            # Placeholders use private-use characters; any already in the text are not ours.
            pieces.append(run.replace("\ue000", "").replace("\ue001", ""))
        else:
            markers.append(_footnote_link(run, library))
            pieces.append(_PLACEHOLDER.format(len(markers) - 1))
    source = "".join(pieces)
    html_text = sanitize_html(markdown_to_html(source)).strip()
    if passage.kind == "heading" or (html_text.startswith("<p>") and html_text.endswith("</p>")
                                     and html_text.count("<p>") == 1):
        html_text = html_text.removeprefix("<p>").removesuffix("</p>")
    html_text = _mark_glossary(html_text, library.glossary)
    return _PLACEHOLDER_RE.sub(lambda m: markers[int(m.group(1))], html_text)


def _byline(article: Article) -> str:
    parts = []
    if article.author:
        parts.append(f"By {escape(article.author)}")
    if article.publisher:
        parts.append(escape(article.publisher))
    if article.published:
        parts.append(escape(article.published))
    return " · ".join(parts)


def render_article(
    article: Article,
    library: Library,
    *,
    marked_theme: str | None = None,
    css: str = "",
    with_sources: bool = True,
) -> str:
    """A whole article as an HTML document.

    Every passage starts with ``<a name="ANCHOR">`` and carries the classes ``passage``,
    its kind, ``theme-ID`` for each theme, and ``marked`` when it has ``marked_theme``.
    With ``with_sources`` the article ends with its numbered footnotes and their
    citations (what print and PDF export need).
    """
    defined = any(f.source_id for p in article.passages for f in p.footnotes)
    body: list[str] = [f'<h1 class="title">{escape(article.title)}</h1>']
    byline = _byline(article)
    if byline:
        body.append(f'<p class="byline">{byline}</p>')
    if article.disclaimer:
        body.append(
            '<p class="disclaimer"><span class="label">Disclaimer printed with the original: '
            f"</span>{escape(article.disclaimer)}</p>"
        )
    for passage in article.passages:
        classes = ["passage", passage.kind, *(f"theme-{t}" for t in passage.themes)]
        if marked_theme and marked_theme in passage.themes:
            classes.append("marked")
        if passage.role:
            classes.append(f"role-{passage.role}")
        inner = render_passage(passage, library)
        anchor = f'<a name="{escape(passage.anchor)}"></a>'
        tag = "h2" if passage.kind == "heading" else "p"
        if passage.role == "bio":
            inner = f'<span class="label">About the author: </span>{inner}'
        body.append(
            f'<{tag} class="{escape(" ".join(classes))}">{anchor}{inner}'
            f"{_crossref_links(passage, library)}</{tag}>"
        )
    if with_sources and defined:
        body.append('<h2 class="notes-heading">Notes</h2><ol class="notes">')
        listed: set[int] = set()
        for passage in article.passages:
            for footnote in passage.footnotes:
                if footnote.number in listed:
                    continue
                listed.add(footnote.number)
                source = library.sources.get(footnote.source_id)
                citation = escape(source.citation) if source else "(source missing)"
                body.append(
                    f'<li value="{footnote.number}"><a name="fn-{footnote.number}"></a>'
                    f"{citation}</li>"
                )
        body.append("</ol>")
    style = f"<style>{css}</style>" if css else ""
    return f"<html><head>{style}</head><body>{''.join(body)}</body></html>"
