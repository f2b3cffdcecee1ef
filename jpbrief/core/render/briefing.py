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
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Article, Library, Passage, Theme
from jpbrief.core.render import parts
from jpbrief.core.render.paper import paper_passage, sources_cited
from jpbrief.core.render.paper_frame import EditorKey, article_provenance, none_cited, paper_html
from jpbrief.core.render.screen import crossref_links, render_passage

OPENING = ENGLISH.opening
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
        return self.titled(ENGLISH)

    def titled(self, labels: Labels) -> str:
        """The heading's text, or the label for the part before the first heading."""
        return self.heading.text if self.heading is not None else labels.opening


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


def _count(groups: list[BriefingArticle], labels: Labels) -> str:
    passages = labels.count("passages_one", "passages_many", sum(len(group.passages) for group in groups))
    articles = labels.count("articles_one", "articles_many", len(groups))
    return escape(labels.briefing_count.format(passages=passages, articles=articles))


def _description(theme: Theme, labels: Labels) -> str:
    return (f'<p class="theme-description"><span class="label">{escape(labels.theme_description)}'
            f"</span>{escape(theme.description)}</p>")


def _name(group: BriefingArticle, passage: Passage) -> str:
    """A passage's anchor in the briefing: article ids keep two articles' anchors apart."""
    return f"{group.article.id}/{passage.anchor}"


def render_briefing(theme: Theme, library: Library, *, css: str = "", labels: Labels = ENGLISH) -> str:
    """The theme briefing for the reader (``css``: the reader's style sheet, ``labels``: the
    interface's words)."""
    groups = briefing_groups(theme.id, library)
    body = [f'<p class="kicker">{escape(labels.briefing_kicker)}</p>',
            f'<h1 class="title">{escape(theme.label)}</h1>',
            f'<p class="byline">{parts.fill(labels.briefing_byline, count=_count(groups, labels))}</p>',
            _description(theme, labels)]
    if not groups:
        body.append(f'<p class="passage paragraph">{escape(labels.no_passage_in_theme)}</p>')
    for group in groups:
        article = group.article
        top = links.make(links.PassageLink(article.id, article.passages[0].anchor))
        body.append(f'<h2 class="briefing-article"><a href="{escape(top)}">{escape(article.title)}</a></h2>')
        body.append(f'<p class="byline">{parts.provenance(article, labels)}</p>')
        for section in group.sections:
            place = section.heading or (section.passages[0] if section.passages else None)
            title = escape(section.titled(labels))
            if place is not None:
                href = escape(links.make(links.PassageLink(article.id, place.anchor)))
                title = f'<a href="{href}">{title}</a>'
            body.append(f'<h3 class="briefing-section">{title}</h3>')
            for passage in section.passages:
                inner = render_passage(passage, library, article.id, labels)
                tail = crossref_links(passage, library, labels)
                body.append(parts.passage_block(passage, inner, ["passage", passage.kind], tail,
                                                _name(group, passage), labels))
                href = escape(links.make(links.PassageLink(article.id, passage.anchor)))
                body.append(f'<p class="goto"><a href="{href}">{escape(labels.read_in_article)}</a></p>')
    return parts.document(body, css + SCREEN_CSS)


def render_briefing_paper(theme: Theme, library: Library, *, css: str = "", labels: Labels = ENGLISH) -> str:
    """The theme briefing for print and PDF, in the paper frame every printout shares."""
    groups = briefing_groups(theme.id, library)
    key = EditorKey(library, labels)
    provenance = [
        f'<p class="provenance">{parts.fill(labels.briefing_provenance, count=_count(groups, labels))}</p>',
        _description(theme, labels),
    ]
    body: list[str] = []
    if not groups:
        body.append(f'<p class="passage paragraph">{escape(labels.no_passage_in_theme)}</p>')
    closing: list[str] = []
    for group in groups:
        article, anchor = group.article, f"fn-{group.article.id}-{{number}}"
        body.append(f'<h2 class="briefing-article">{escape(article.title)}</h2>')
        body.append(article_provenance(article, labels))
        for section in group.sections:
            body.append(f'<h3 class="briefing-section">{escape(section.titled(labels))}</h3>')
            body.extend(paper_passage(passage, library, key, anchor=anchor) for passage in section.passages)
        numbers = {f.number for passage in group.passages for f in passage.footnotes}
        if numbers:
            heading = labels.sources_cited_in.format(title=article.title)
            closing.append(sources_cited(article, library, numbers=numbers, anchor=anchor, heading=heading,
                                         labels=labels))
    if not closing:
        closing.append(none_cited(labels.briefing_cites_none, labels))
    closing.append(key.html())
    return paper_html(theme.label, "".join(provenance), body, closing,
                      kicker=labels.briefing_kicker, css=css + SCREEN_CSS, labels=labels)
