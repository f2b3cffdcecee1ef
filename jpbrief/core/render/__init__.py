"""Model -> HTML, one parse and several outputs: the reader's screen and paper (print, PDF).

- :mod:`.screen`    render_article: live ``fn:``/``xref:``/``gloss:`` links for the reader;
- :mod:`.paper`     render_paper: numbered notes, editor's notes kept apart, nothing to follow;
- :mod:`.paper_frame` what every printout shares: provenance first, sources and editor's key last;
- :mod:`.briefing`  render_briefing / render_briefing_paper: a theme's passages by article and section;
- :mod:`.parts`     what both share: passage bodies with footnote markers from the model;
- :mod:`.sanitize`  the allowlist every trainer-written fragment passes.

Footnote markers are never found by scanning the Markdown here: the loader records each
one's place (:attr:`~jpbrief.core.model.Footnote.markdown_span`), and the outputs place
their own marker HTML from :meth:`~jpbrief.core.model.Passage.runs`.
"""

from __future__ import annotations

from jpbrief.core.render.briefing import render_briefing, render_briefing_paper
from jpbrief.core.render.paper import render_paper
from jpbrief.core.render.sanitize import sanitize_html
from jpbrief.core.render.screen import render_article, render_passage

__all__ = [
    "render_article", "render_briefing", "render_briefing_paper", "render_paper", "render_passage",
    "sanitize_html",
]
