"""A ranked passage made into a :class:`~.results.Hit`: its stored fields, marks and snippet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jpbrief.core.labels import ENGLISH
from jpbrief.core.search import snippets
from jpbrief.core.search.analysis import word_parts
from jpbrief.core.search.explain import GLOSSARY, ClauseMatch
from jpbrief.core.search.planner import Plan
from jpbrief.core.search.results import EVERY_WORD, SOME_WORDS, Hit, Reason

GLOSSARY_SHOWN = 2
"""Glossary equivalents named in a hit's ``why``, at most."""


def make_hit(
    stored: dict[str, Any], score: float, plan: Plan, matches: Sequence[ClauseMatch] = ()
) -> Hit:
    """The hit for a passage's stored fields, its words and phrases from ``plan`` marked,
    and why it matched from ``matches`` (one per clause of ``plan``, see :mod:`.explain`).

    When the passage text holds no mark but a cited source does (the passage matched
    through its citations), the snippet shows the text's start and the marked citation.
    """
    text = stored.get("text", "")
    spans = snippets.match_spans(text, plan.highlight, plan.phrases)
    snippet, cite = snippets.render(text, spans), ""
    if not spans and stored.get("cites"):
        cite_spans = snippets.match_spans(stored["cites"], plan.highlight, plan.phrases)
        if cite_spans:
            head = snippets.render(text, [], width=120)
            cite = snippets.render(stored["cites"], cite_spans, width=140)
            snippet = head + ENGLISH.cited_in_snippet.format(cite=cite)
    terms = tuple(dict.fromkeys(text[s:e] for s, e in spans))
    missing = tuple(m.label for m in matches if not m.how)
    tier = "" if not matches else SOME_WORDS if missing else EVERY_WORD
    found = reasons(matches, stored)
    return Hit(
        article=stored.get("article", ""),
        anchor=stored.get("anchor", ""),
        title=stored.get("article_title", ""),
        section=stored.get("section") or None,
        text=text,
        snippet=snippet,
        themes=tuple(stored.get("themes", "").split()),
        score=round(score, 6),
        kind=stored.get("kind", "paragraph"),
        terms=terms,
        spans=tuple(spans),
        tier=tier,
        why="; ".join(reason.text() for reason in found),
        missing=missing,
        reasons=found,
        cited=cite,
    )


def reasons(matches: Sequence[ClauseMatch], stored: dict[str, Any]) -> tuple[Reason, ...]:
    """What the marks in the passage text do not show: words matched only in the section
    heading, the article title or a cited source, or through the glossary (in no language:
    :meth:`.Reason.text` puts each in words)."""
    named = len(matches) > 1
    details = {"section": stored.get("section", ""), "title": stored.get("article_title", ""), "cites": ""}
    where: dict[str, list[str]] = {}
    parts: list[Reason] = []
    for match in matches:
        if not match.how:
            continue
        if "text" not in match.fields:
            place = next((name for name in details if name in match.fields), "cites")
            where.setdefault(place, []).append(match.label)
        if match.how == GLOSSARY:
            found = [eq for eq in match.glossary if _holds(stored, eq)] or list(match.glossary)
            parts.append(Reason("glossary", (match.label,), " / ".join(found[:GLOSSARY_SHOWN])))
    located = [Reason(place, tuple(words) if named else (), details[place] or "")
               for place, words in where.items()]
    return tuple(located + parts)


def _holds(stored: dict[str, Any], phrase: str) -> bool:
    """Whether a searched field of the passage holds ``phrase`` (its words, in order)."""
    wanted = tuple(word_parts(phrase))
    n = len(wanted)
    for name in ("text", "section", "article_title", "cites"):
        terms = word_parts(stored.get(name) or "")
        if n and any(tuple(terms[i : i + n]) == wanted for i in range(len(terms) - n + 1)):
            return True
    return False
