"""A theme briefing from the model: the theme's description, then its passages by article and section.

Both outputs start from :func:`briefing_groups` (parse once, render twice):

- :func:`render_briefing` for the reader: each passage as on screen, its footnote links
  naming their article (``fn:ARTICLE#N``: several articles share one page), its editor's
  ``[ed.]`` cards, and a ``passage:`` link back to its place in the article;
- :func:`render_briefing_paper` for print and PDF, through :mod:`.paper_frame`: provenance of
  the briefing and of each article first, the passages with the original footnote numbers,
  then each article's sources cited by those passages and the key of the editor's notes.

The theme, its description and the grouping are the editor's, and say so; the passages are
the authors' words, unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from jpbrief.core import links
from jpbrief.core.model import Article, Library, Passage, Theme
from jpbrief.core.render import parts
from jpbrief.core.render.paper import paper_passage, sources_cited
from jpbrief.core.render.paper_frame import EditorKey, article_provenance, none_cited, paper_html
from jpbrief.core.render.screen import crossref_links, render_passage

OPENING = "Opening"
"""The name of an article's first section, before its first heading."""
SCREEN_CSS = """
p.kicker { font-size: small; font-weight: 600; margin-bottom: 2px; }
p.theme-description { margin-top: 0px; margin-bottom: 18px; line-height: 140%; }
p.theme-description span.label { font-weight: 600; }
h2.briefing-article { font-size: x-large; font-weight: 600; margin-top: 30px; margin-bottom: 4px; }
h3.briefing-section { font-size: large; font-weight: 600; margin-top: 16px; margin-bottom: 8px; }
p.goto { font-size: small; margin-top: -8px; margin-bottom: 14px; }
"""
"""The briefing's own classes, after the reader's style sheet (colours come from it)."""


@dataclass(frozen=True)
class BriefingSection:
    """The theme's passages in one section of an article (``heading`` None: before the first)."""

    heading: Passage | None
    passages: tuple[Passage, ...]
    heading_tagged: bool = False
    """The section heading itself carries the theme."""

    @property
    def title(self) -> str:
        return self.heading.text if self.heading is not None else OPENING


@dataclass(frozen=True)
class BriefingArticle:
    """One article's share of a briefing, section by section, in reading order."""

    article: Article
    sections: tuple[BriefingSection, ...]

    @property
    def passages(self) -> tuple[Passage, ...]:
        return tuple(p for section in self.sections for p in section.passages)


def briefing_groups(theme_id: str, library: Library) -> list[BriefingArticle]:
    """Every passage tagged ``theme_id``, grouped by article and section, in reading order."""
    groups = []
    for article in library.articles:
        # Each section: its heading (None before the first), whether that heading is tagged,
        # and its tagged paragraphs.
        runs: list[tuple[Passage | None, bool, list[Passage]]] = [(None, False, [])]
        for passage in article.passages:
            if passage.kind == "heading":
                runs.append((passage, theme_id in passage.themes, []))
            elif theme_id in passage.themes:
                runs[-1][2].append(passage)
        sections = tuple(
            BriefingSection(heading, tuple(tagged), heading_tagged)
            for heading, heading_tagged, tagged in runs if tagged or heading_tagged
        )
        if sections:
            groups.append(BriefingArticle(article, sections))
    return groups


def _count(groups: list[BriefingArticle]) -> str:
    passages = sum(len(group.passages) for group in groups)
    plural = "" if passages == 1 else "s"
    articles = f"{len(groups)} article" + ("" if len(groups) == 1 else "s")
    return f"{passages} passage{plural} from {articles}"


def _description(theme: Theme) -> str:
    return (f'<p class="theme-description"><span class="label">The editor’s description of this theme: '
            f"</span>{escape(theme.description)}</p>")


def _name(group: BriefingArticle, passage: Passage) -> str:
    """A passage's anchor in the briefing: article ids keep two articles' anchors apart."""
    return f"{group.article.id}/{passage.anchor}"


def render_briefing(theme: Theme, library: Library, *, css: str = "") -> str:
    """The theme briefing for the reader (``css``: the reader's style sheet)."""
    groups = briefing_groups(theme.id, library)
    body = ['<p class="kicker">Theme briefing</p>', f'<h1 class="title">{escape(theme.label)}</h1>',
            f'<p class="byline">{_count(groups)}, grouped by article and section by the editor</p>',
            _description(theme)]
    if not groups:
        body.append('<p class="passage paragraph">No passage carries this theme yet.</p>')
    for group in groups:
        article = group.article
        top = links.make(links.PassageLink(article.id, article.passages[0].anchor))
        body.append(f'<h2 class="briefing-article"><a href="{escape(top)}">{escape(article.title)}</a></h2>')
        body.append(f'<p class="byline">{parts.provenance(article)}</p>')
        for section in group.sections:
            place = section.heading or (section.passages[0] if section.passages else None)
            title = escape(section.title)
            if place is not None:
                href = escape(links.make(links.PassageLink(article.id, place.anchor)))
                title = f'<a href="{href}">{title}</a>'
            body.append(f'<h3 class="briefing-section">{title}</h3>')
            for passage in section.passages:
                inner = render_passage(passage, library, article.id)
                body.append(parts.passage_block(passage, inner, ["passage", passage.kind],
                                                crossref_links(passage, library), _name(group, passage)))
                href = escape(links.make(links.PassageLink(article.id, passage.anchor)))
                body.append(f'<p class="goto"><a href="{href}">Read it in the article ›</a></p>')
    return parts.document(body, css + SCREEN_CSS)


def render_briefing_paper(theme: Theme, library: Library, *, css: str = "") -> str:
    """The theme briefing for print and PDF, in the paper frame every printout shares."""
    groups = briefing_groups(theme.id, library)
    key = EditorKey(library)
    provenance = [
        f'<p class="provenance">{_count(groups)}, quoted word for word and grouped by article and '
        "section by the editor. Each article’s provenance is given under its title.</p>",
        _description(theme),
    ]
    body: list[str] = []
    if not groups:
        body.append('<p class="passage paragraph">No passage carries this theme yet.</p>')
    closing: list[str] = []
    for group in groups:
        article, anchor = group.article, f"fn-{group.article.id}-{{number}}"
        body.append(f'<h2 class="briefing-article">{escape(article.title)}</h2>')
        body.append(article_provenance(article))
        for section in group.sections:
            body.append(f'<h3 class="briefing-section">{escape(section.title)}</h3>')
            body.extend(paper_passage(passage, library, key, anchor=anchor) for passage in section.passages)
        numbers = {f.number for passage in group.passages for f in passage.footnotes}
        if numbers:
            heading = f"Sources cited in “{article.title}” (numbered as in the original)"
            closing.append(sources_cited(article, library, numbers=numbers, anchor=anchor, heading=heading))
    if not closing:
        closing.append(none_cited("The passages quoted cite no sources."))
    closing.append(key.html())
    return paper_html(theme.label, "".join(provenance), body, closing,
                      kicker="Theme briefing", css=css + SCREEN_CSS)
