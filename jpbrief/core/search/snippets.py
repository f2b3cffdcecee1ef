"""Snippets: the part of a passage around its matches, matched words in ``<b>…</b>``.

Markup contract (the only tags a snippet ever contains)::

    text      HTML-escaped with html.escape(quote=False): & < > become &amp; &lt; &gt;
    <b>…</b>  one matched word (a hyphenated compound counts as one word)
    …         U+2026, where the passage was cut (plain character, not markup)

A snippet is safe to put in a Qt rich-text label as it is, and plain text is recovered
with ``html.unescape(re.sub("</?b>", "", snippet))``.
"""

from __future__ import annotations

import html
from collections.abc import Collection

from jpbrief.core.search.analysis import analyse

SNIPPET_CHARS = 240
LEAD_CHARS = 50
ELLIPSIS = "\u2026"


def match_spans(
    text: str, terms: Collection[str], phrases: Collection[tuple[str, ...]] = ()
) -> list[tuple[int, int]]:
    """Character spans of ``text`` to mark, merged, in order.

    A token is marked when its analysed term is in ``terms``; a run of tokens when
    their terms, in order, are one of ``phrases`` (so a phrase is marked only where the
    whole phrase occurs).
    """
    if not text or not (terms or phrases):
        return []
    tokens = analyse(text)
    spans: list[tuple[int, int]] = []
    covered_until = -1
    for tok in tokens:
        if tok.start < covered_until:
            continue  # a part of a compound already marked whole
        if tok.term in terms:
            spans.append((tok.start, tok.end))
            if tok.whole:
                covered_until = tok.end
    if phrases:
        sequence = [tok for tok in tokens if not tok.whole]
        terms_in_order = [tok.term for tok in sequence]
        for phrase in phrases:
            n = len(phrase)
            if n == 0:
                continue
            for i in range(len(sequence) - n + 1):
                if tuple(terms_in_order[i : i + n]) == phrase:
                    spans.append((sequence[i].start, sequence[i + n - 1].end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    if len(text) <= width:
        return 0, len(text)
    best = (0, 0, 0)  # (distinct words, matches, -start)
    best_start = 0
    for anchor, _end in spans or [(0, 0)]:
        start = max(0, anchor - LEAD_CHARS)
        inside = [text[s:e].casefold() for s, e in spans if s >= start and e <= start + width]
        score = (len(set(inside)), len(inside), -start)
        if score > best:
            best, best_start = score, start
    start = best_start
    end = min(len(text), start + width)
    if start > 0:
        space = text.find(" ", start, start + 30)
        first_span = next((s for s, _e in spans if s >= start), end)
        if 0 <= space < first_span:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", max(start, end - 30), end)
        last_span_end = max((e for s, e in spans if e <= end), default=start)
        if space > last_span_end:
            end = space
    return start, end


def render(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> str:
    """The snippet markup for ``text`` with ``spans`` marked (see the module docstring)."""
    start, end = _window(text, spans, width)
    out: list[str] = [ELLIPSIS] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        out.append(html.escape(text[cursor:span_start], quote=False))
        out.append("<b>" + html.escape(text[span_start:span_end], quote=False) + "</b>")
        cursor = span_end
    out.append(html.escape(text[cursor:end], quote=False))
    if end < len(text):
        out.append(ELLIPSIS)
    return "".join(out).strip()
