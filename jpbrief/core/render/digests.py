"""The timeline and the key figures as HTML for paper (print, PDF), from the core's views.

Rendered from :func:`jpbrief.core.chronology.timeline` and
:func:`jpbrief.core.figures.figure_rows`, never from the screen's widgets. On paper
nothing can be followed, so each report names its article, its section and the note it
cites, and the works cited are listed at the end. What is the editor's (labels,
measures, dates) is set apart from the author's words (in quotation marks), and a
heading says which is which.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from jpbrief.core.chronology import Report, timeline
from jpbrief.core.figures import FigureRow, figure_rows
from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Library
from jpbrief.core.render.parts import document

DIGEST_CSS = """
p.provenance { color: #3c4147; font-size: small; margin-top: 0px; margin-bottom: 14px; }
h2.year { font-size: large; margin-top: 18px; margin-bottom: 4px; border-bottom: 1px solid #9aa0a6; }
p.when { margin-top: 10px; margin-bottom: 2px; }
span.ed { font-style: italic; color: #3c4147; }
p.quote { margin-top: 0px; margin-bottom: 2px; margin-left: 18px; }
span.where { font-size: small; color: #3c4147; }
table.figures { border-collapse: collapse; }
table.figures th { text-align: left; font-size: small; border-bottom: 1px solid #3c4147; }
table.figures td { vertical-align: top; padding: 3px; border-bottom: 1px solid #d0d4d8; }
table.figures th.value, table.figures td.value { text-align: right; white-space: nowrap; padding-right: 8px; }
table.figures th.unit, table.figures td.unit { white-space: nowrap; padding-left: 8px; }
table.figures th.year, table.figures td.year { padding-left: 24px; }
span.differs { font-weight: 600; }
p.ed-note { font-size: small; color: #3c4147; margin-top: 0px; margin-bottom: 4px; }
"""
"""The digests' own classes, added after the (light) reader style sheet."""

FIGURE_COLUMNS = (("column_what", "what", 20), ("column_value", "value", 12), ("column_unit", "unit", 9),
                  ("column_year", "year", 12), ("column_words", "words", 26), ("column_source", "source", 21))
"""Paper's columns: their labels' names, their cells' class and their share of the width (a
table left to itself squeezes the words). The unit has a column of its own between the value
and the year, as on screen, and the year is set off from it: a bare count printed against
its year read as a date ("17 April 2024"), a rank as another number ("2nd 2010")."""

EDITOR_KEY = ENGLISH.digest_key


class Locator:
    """Says where passages stand (``Article title, § Section, note 3``) for many rows of one
    library: articles are indexed once and each article's sections walked once, so a
    timeline of a thousand articles does not scan the library per row."""

    def __init__(self, library: Library, labels: Labels = ENGLISH) -> None:
        self._articles = {article.id: article for article in library.articles}
        self._sections: dict[str, dict[str, str]] = {}
        self._labels = labels

    def section(self, article_id: str, anchor: str) -> str:
        """The heading of the section that holds passage ``anchor`` ('' before the first)."""
        if article_id not in self._sections:
            article, heading = self._articles.get(article_id), ""
            found: dict[str, str] = {}
            for passage in article.passages if article is not None else ():
                if passage.kind == "heading":
                    heading = passage.text
                found[passage.anchor] = heading
            self._sections[article_id] = found
        return self._sections[article_id].get(anchor, "")

    def __call__(self, article_id: str, anchor: str, footnote: int | None) -> str:
        article = self._articles.get(article_id)
        parts = [article.title if article is not None else article_id]
        section = self.section(article_id, anchor)
        if section:
            parts.append(f"§ {section}")
        if footnote is not None:
            parts.append(self._labels.at_note.format(number=footnote))
        return self._labels.list_separator.join(parts)


def _sources(library: Library, source_ids: Iterable[str | None], labels: Labels) -> str:
    cited = [library.sources[s] for s in dict.fromkeys(source_ids) if s and s in library.sources]
    if not cited:
        return ""
    items = "".join(f'<p class="ed-note">{escape(source.citation)}</p>' for source in cited)
    return f"<h2>{escape(labels.works_cited)}</h2>{items}"


def _heading(title: str, library: Library, theme: str | None, count: str, labels: Labels) -> str:
    articles = labels.count("articles_one", "articles_many", len(library.articles))
    if theme is None:
        scope = labels.digest_scope.format(count=count, articles=articles)
    else:
        name = library.themes[theme].label if theme in library.themes else theme
        scope = labels.digest_scope_theme.format(count=count, articles=articles, theme=name)
    return f"<h1>{escape(title)}</h1><p class=\"provenance\">{escape(scope)} {escape(labels.digest_key)}</p>"


def _report(where: Locator, report: Report) -> str:
    place = escape(where(report.article, report.anchor, report.footnote))
    return f'<p class="quote">“{escape(report.quote)}” <span class="where">— {place}</span></p>'


def timeline_html(library: Library, theme: str | None = None, *, css: str = "",
                  labels: Labels = ENGLISH) -> str:
    """Every event, grouped by year, each with the quoted words of every article reporting it."""
    groups, where = timeline(library, theme), Locator(library, labels)
    count = sum(len(group.entries) for group in groups)
    events = labels.count("events_one", "events_many", count)
    body = [_heading(labels.chronology, library, theme, events, labels)]
    reports: list[Report] = []
    for group in groups:
        body.append(f'<h2 class="year">{group.year}</h2>')
        for entry in group.entries:
            body.append(f'<p class="when"><b>{escape(labels.dates(entry.date))}</b> '
                        f'<span class="ed">{escape(labels.editor_tag)} {escape(entry.label)}</span></p>')
            body.extend(_report(where, report) for report in entry.reports)
            reports.extend(entry.reports)
    body.append(_sources(library, (r.source_id for r in reports), labels))
    return document(body, css + DIGEST_CSS)


RELATIONS = {"by": "relation_by", "as_of": "relation_as_of"}
ASPECTS = {"value": "aspect_value", "unit": "aspect_unit", "year": "aspect_year"}


def figure_year(row: FigureRow, labels: Labels = ENGLISH) -> str:
    """``2022``, ``by 2027``, ``as of May 2024``; '' when the figure gives none."""
    figure = row.figure
    if not figure.year:
        return ""
    shown = labels.dates(figure.year)
    if figure.relation == "in":
        return shown
    if figure.relation not in RELATIONS:
        return f"{figure.relation.replace('_', ' ')} {shown}"
    return str(getattr(labels, RELATIONS[figure.relation])).format(date=shown)


def disagreement(row: FigureRow, labels: Labels = ENGLISH) -> str:
    """``differs in value`` and the like for a row whose measure disagrees; '' otherwise."""
    if row.disagrees:
        aspects = labels.aspects_and.join(
            str(getattr(labels, ASPECTS[a])) if a in ASPECTS else a for a in row.differences)
        return labels.differs_in.format(aspects=aspects)
    return labels.agrees if len(row.group) > 1 else ""


def figures_html(library: Library, theme: str | None = None, *, sort: str = "measure",
                 descending: bool = False, css: str = "", labels: Labels = ENGLISH) -> str:
    """The key-figures table; figures of the same measure are adjacent and say whether they agree."""
    rows, where = figure_rows(library, theme, sort=sort, descending=descending), Locator(library, labels)
    figures = labels.count("figures_one", "figures_many", len(rows))
    body = [_heading(labels.key_figures, library, theme, figures, labels)]
    columns = "".join(f'<th class="{kind}" width="{width}%">{escape(getattr(labels, name))}</th>'
                      for name, kind, width in FIGURE_COLUMNS)
    cells = [f'<table class="figures" width="100%" cellpadding="3"><tr>{columns}</tr>']
    for row in rows:
        f = row.figure
        place = escape(where(f.article, f.anchor, f.footnote))
        compare = escape(disagreement(row, labels))
        mark = f'<br/><span class="differs">{compare}</span>' if row.disagrees else (
            f'<br/><span class="ed">{compare}</span>' if compare else "")
        cells.append(
            f"<tr><td>{escape(f.measure)}{mark}</td><td class=\"value\">{escape(row.value)}</td>"
            f'<td class="unit">{escape(f.unit)}</td>'
            f'<td class="year">{escape(figure_year(row, labels))}</td><td>“{escape(f.quote)}”</td>'
            f'<td><span class="where">{place}</span></td></tr>'
        )
    cells.append("</table>")
    body.append("".join(cells))
    body.append(_sources(library, (row.figure.source_id for row in rows), labels))
    return document(body, css + DIGEST_CSS)
