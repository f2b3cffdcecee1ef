"""Cross-file checks once every article is read: themes, cross-references and footnotes."""

from __future__ import annotations

import difflib

from jpbrief.core.content.body import Draft
from jpbrief.core.content.problems import Reporter
from jpbrief.core.model import Article, Source, Theme


def check_references(
    drafts: list[Draft], themes: dict[str, Theme], sources: dict[str, Source], report: Reporter
) -> None:
    """Report every theme, cross-reference and footnote that points at nothing."""
    articles = {draft.article.id: draft.article for draft in drafts}
    for draft in drafts:
        path = draft.article.path
        for theme, line in draft.theme_lines:
            if theme not in themes:
                report.add(path, line, f"unknown theme {theme!r} (not in themes.yaml)")
        _check_crossrefs(draft, articles, report)
        _check_footnotes(draft, sources, report)


def _check_crossrefs(draft: Draft, articles: dict[str, Article], report: Reporter) -> None:
    """Each cross-reference must reach an existing passage of another article, both ways."""
    path = draft.article.path
    for ref, line in draft.crossref_lines:
        target = articles.get(ref.article)
        target_passage = target.passage(ref.anchor) if target is not None else None
        if target is None:
            report.add(path, line, f"cross-reference to unknown article {ref.article!r}")
        elif target_passage is None:
            report.add(
                path, line, f"cross-reference to missing anchor {ref.anchor!r} in article {ref.article!r}"
            )
        elif ref.article == draft.article.id:
            report.add(path, line, "a cross-reference must point at another article")
        else:
            source_anchor = next((p.anchor for p in draft.article.passages if ref in p.crossrefs), None)
            if source_anchor is not None and not any(
                back.article == draft.article.id and back.anchor == source_anchor
                for back in target_passage.crossrefs
            ):
                report.add(
                    path, line,
                    f"cross-reference to {ref.article}#{ref.anchor} is one-way: add "
                    f"see=\"{draft.article.id}#{source_anchor}\" there too",
                )


def _check_footnotes(draft: Draft, sources: dict[str, Source], report: Reporter) -> None:
    """Each marker defined and used once; each definition used and citing a known source."""
    path = draft.article.path
    referenced: dict[int, int] = {}
    for number, line in draft.marker_lines:
        if number not in draft.footnote_defs:
            report.add(path, line, f"footnote [^{number}] has no definition")
        if number in referenced:
            report.add(path, line, f"footnote [^{number}] is used twice (first on line {referenced[number]})")
        referenced.setdefault(number, line)
    for number, (source_id, line) in sorted(draft.footnote_defs.items()):
        if number not in referenced:
            report.add(path, line, f"footnote [^{number}] is defined but never referenced")
        if source_id not in sources:
            close = difflib.get_close_matches(source_id, sources, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            report.add(path, line, f"footnote [^{number}] cites unknown source {source_id!r}{hint}")
