"""Cross-file checks once every article is read: themes, cross-references and footnotes.

A problem that only follows from another one (a link to an article that was skipped, a
theme when themes.yaml is missing) is marked as such, so that the root cause reads first.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from jpbrief.core.content.body import Draft
from jpbrief.core.content.problems import Reporter
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message
from jpbrief.core.model import Article, CrossRef, Problem, Source, Theme


@dataclass
class Missing:
    """What could not be loaded, so that what follows from it is marked, not re-reported."""

    articles: dict[str, str] = field(default_factory=dict)
    """Id of each skipped article file -> its file name (the id is the name's stem)."""
    catalogues: set[str] = field(default_factory=set)
    """``themes.yaml`` / ``sources.yaml`` when absent or unreadable (already reported)."""
    causes: dict[str, Problem] = field(default_factory=dict)
    """Skipped article id or catalogue name -> the problem that says why (the root cause)."""


def did_you_mean(name: str, known: Iterable[str]) -> Message | None:
    """``did you mean 'x'?`` for the closest known name, or None."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return Message(QT_TRANSLATE_NOOP("Check", "did you mean {name!r}?"), name=close[0]) if close else None


def because_not_loaded(name: str) -> Message:
    """Why a check was not made: the catalogue ``name`` failed to load (reported above).
    The banner leaves it out (it shows the cause by placement); it starts "(because"."""
    return Message(QT_TRANSLATE_NOOP("Check", "(because {name} could not be loaded: see above)"), name=name)


def check_references(
    drafts: list[Draft], themes: dict[str, Theme], sources: dict[str, Source], report: Reporter,
    missing: Missing | None = None,
) -> None:
    """Report every theme, cross-reference and footnote that points at nothing."""
    missing = missing or Missing()
    articles = {draft.article.id: draft.article for draft in drafts}
    for draft in drafts:
        path = draft.article.path
        unchecked = [line for theme, line in draft.theme_lines if theme not in themes]
        if unchecked and "themes.yaml" in missing.catalogues:  # one line, not one per theme
            report.add(
                path, unchecked[0], QT_TRANSLATE_NOOP(
                    "Check", "{count} theme(s) in this file not checked {because}"),
                count=len(unchecked), because=because_not_loaded("themes.yaml"),
                follows_from=missing.causes.get("themes.yaml"),
            )
        else:
            for theme, line in draft.theme_lines:
                if theme not in themes:
                    hint = did_you_mean(theme, themes)
                    if hint:
                        report.add(path, line, QT_TRANSLATE_NOOP(
                            "Check", "unknown theme {theme!r} (not in themes.yaml; {hint})"),
                                   theme=theme, hint=hint)
                    else:
                        report.add(path, line, QT_TRANSLATE_NOOP(
                            "Check", "unknown theme {theme!r} (not in themes.yaml)"), theme=theme)
        _check_crossrefs(draft, articles, missing, report)
        _check_footnotes(draft, sources, missing, report)


def _check_crossrefs(draft: Draft, articles: dict[str, Article], missing: Missing, report: Reporter) -> None:
    """Each cross-reference must reach an existing passage of another article, both ways."""
    path = draft.article.path
    for ref, line in draft.crossref_lines:
        target = articles.get(ref.article)
        target_passage = target.passage(ref.anchor) if target is not None else None
        if target is None and ref.article in missing.articles:
            name = missing.articles[ref.article]
            report.add(
                path, line, QT_TRANSLATE_NOOP("Check", "cross-reference to {target} not checked {because}"),
                target=f"{ref.article}#{ref.anchor}",
                because=Message(QT_TRANSLATE_NOOP(
                    "Check", "(because {name} was skipped: see above)"), name=name),
                follows_from=missing.causes.get(ref.article),
            )
        elif target is None:
            hint = did_you_mean(ref.article, articles)
            if hint:
                report.add(path, line, QT_TRANSLATE_NOOP(
                    "Check", "cross-reference to unknown article {article!r} ({hint})"),
                           article=ref.article, hint=hint)
            else:
                report.add(path, line, QT_TRANSLATE_NOOP(
                    "Check", "cross-reference to unknown article {article!r}"),
                           article=ref.article)
        elif target_passage is None:
            hint = did_you_mean(ref.anchor, (p.anchor for p in target.passages))
            if hint:
                report.add(path, line, QT_TRANSLATE_NOOP("Check",
                    "cross-reference to missing anchor {anchor!r} in article {article!r} ({hint})"),
                    anchor=ref.anchor, article=ref.article, hint=hint)
            else:
                report.add(path, line, QT_TRANSLATE_NOOP("Check",
                    "cross-reference to missing anchor {anchor!r} in article {article!r}"),
                    anchor=ref.anchor, article=ref.article)
        elif ref.article == draft.article.id:
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "a cross-reference must point at another article"))
        else:
            _check_link_back(draft, ref, target_passage.crossrefs, line, report)


def _check_link_back(
    draft: Draft, ref: CrossRef, back_refs: tuple[CrossRef, ...], line: int, report: Reporter
) -> None:
    """Warn when the target does not link back (a link back to a missing anchor of ours is
    already reported there, at its line, so it does not count as one-way here)."""
    article = draft.article
    source_anchor = next((p.anchor for p in article.passages if ref in p.crossrefs), None)
    if source_anchor is None:
        return
    for back in back_refs:
        if back.article != article.id:
            continue
        if back.anchor == source_anchor or article.passage(back.anchor) is None:
            return
    report.warn(
        article.path, line, QT_TRANSLATE_NOOP(
            "Check", "cross-reference to {target} is one-way: add see=\"{back}\" there too"),
        target=f"{ref.article}#{ref.anchor}", back=f"{article.id}#{source_anchor}",
    )


def _check_footnotes(draft: Draft, sources: dict[str, Source], missing: Missing, report: Reporter) -> None:
    """Each marker defined and used once; each definition used and citing a known source."""
    path = draft.article.path
    referenced: dict[int, int] = {}
    for number, line in draft.marker_lines:
        if number not in draft.footnote_defs:
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "footnote [^{number}] has no definition"), number=number)
        if number in referenced:
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "footnote [^{number}] is used twice (first on line {first})"),
                       number=number, first=referenced[number])
        referenced.setdefault(number, line)
    for number, (source_id, line) in sorted(draft.footnote_defs.items()):
        if number not in referenced:
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "footnote [^{number}] is defined but never referenced"), number=number)
        if source_id not in sources:
            why = _why(source_id, sources, missing)
            template = (QT_TRANSLATE_NOOP(
                "Check", "footnote [^{number}] cites unknown source {source!r} {why}") if why
                        else QT_TRANSLATE_NOOP(
                            "Check", "footnote [^{number}] cites unknown source {source!r}"))
            report.add(path, line, template, number=number, source=source_id, why=why,
                       follows_from=missing.causes.get("sources.yaml"))
    for source_id, line in draft.reference_lines:
        if source_id not in sources:
            why = _why(source_id, sources, missing)
            template = (QT_TRANSLATE_NOOP("Check", "references: unknown source {source!r} {why}") if why
                        else QT_TRANSLATE_NOOP("Check", "references: unknown source {source!r}"))
            report.add(path, line, template, source=source_id, why=why,
                       follows_from=missing.causes.get("sources.yaml"))


def _why(source_id: str, sources: dict[str, Source], missing: Missing) -> Message | None:
    """Why an unknown source id: sources.yaml failed to load, or the closest known id."""
    if "sources.yaml" in missing.catalogues:
        return because_not_loaded("sources.yaml")
    hint = did_you_mean(source_id, sources)
    return Message(QT_TRANSLATE_NOOP("Check", "({hint})"), hint=hint) if hint else None
