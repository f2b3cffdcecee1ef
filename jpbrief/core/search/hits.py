"""A ranked passage made into a :class:`~.results.Hit`: its stored fields, marks and snippet."""

from __future__ import annotations

from typing import Any

from jpbrief.core.search import snippets
from jpbrief.core.search.planner import Plan
from jpbrief.core.search.results import Hit


def make_hit(stored: dict[str, Any], score: float, plan: Plan) -> Hit:
    """The hit for a passage's stored fields, its words and phrases from ``plan`` marked.

    When the passage text holds no mark but a cited source does (the passage matched
    through its citations), the snippet shows the text's start and the marked citation.
    """
    text = stored.get("text", "")
    spans = snippets.match_spans(text, plan.highlight, plan.phrases)
    snippet = snippets.render(text, spans)
    if not spans and stored.get("cites"):
        cite_spans = snippets.match_spans(stored["cites"], plan.highlight, plan.phrases)
        if cite_spans:
            head = snippets.render(text, [], width=120)
            cite = snippets.render(stored["cites"], cite_spans, width=140)
            snippet = f"{head} [source: {cite}]"
    terms = tuple(dict.fromkeys(text[s:e] for s, e in spans))
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
    )
