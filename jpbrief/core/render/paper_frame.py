"""The frame every printout shares: provenance first, then the text, then sources and the editor's key.

A printout must stand on its own, away from the app, so every one (an article, a theme
briefing, and any later view printed through :func:`paper_html`) opens with what it is and
where its text comes from, and closes with the sources the text cites and a numbered key of
the editor's notes. The editor's marks are set apart in words, not colour (greyscale keeps
them): ``‹Editor’s note 3›`` in a sans-serif italic, never brackets or numbers like the
author's own. The page header (title) and footer (page N of M) are painted by the printer
(:mod:`jpbrief.ui.services.printing`), which takes the title beside the HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from jpbrief.core.model import Article, CrossRef, Library
from jpbrief.core.render import parts

EDITOR_HEADING = "Editor’s notes (not part of the original)"
SOURCES_HEADING = "Sources cited"
OPENING_WORDS = 12
"""How much of a paragraph the editor's key quotes to name it."""
NOTICE = (
    "The text is the original’s, word for word, with its own footnote numbers. Marks set like "
    "‹Editor’s note 1› are the editor’s cross-references, not part of the original; the "
    "numbered key at the end says what each refers to."
)

PAPER_CSS = """
p.kicker { font-size: small; font-weight: 600; color: #3c4147; margin-bottom: 2px; }
p.provenance { color: #3c4147; font-size: small; margin-top: 0px; margin-bottom: 4px; }
p.origin { color: #3c4147; font-size: small; margin-top: 0px; margin-bottom: 4px; }
p.notice { color: #3c4147; font-size: small; font-style: italic; margin-top: 6px; margin-bottom: 18px; }
span.ed-ref { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-style: italic;
              font-size: small; color: #3c4147; }
h2.ed-notes-heading { font-size: large; font-weight: 600; margin-top: 28px; margin-bottom: 8px;
                      color: #14181c; }
p.ed-note { font-size: small; color: #3c4147; margin-top: 0px; margin-bottom: 4px; line-height: 135%; }
p.none-cited { font-size: small; color: #3c4147; }
a { color: #14181c; text-decoration: none; }
a.fn { color: #14181c; }
"""
"""Paper's own classes, after the (light) reader style sheet: dark greys only, no underline."""


def article_provenance(article: Article) -> str:
    """Author, publisher and date (or "not stated in the original"), then where the editor
    found the original, when, and its copyright line where known."""
    return f'<p class="provenance">{parts.provenance(article)}</p>' + parts.origin(article, link=False)


def _opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else "")


def destination(ref: CrossRef, library: Library) -> str:
    """The other article and passage a cross-reference points at, named for a reader without the app."""
    target = library.article(ref.article)
    passage = target.passage(ref.anchor) if target is not None else None
    if target is None or passage is None:
        return escape(f"{ref.article}#{ref.anchor}") + " (not in this library)"
    article = f"“{escape(target.title)}”"
    if passage.kind == "heading":
        return f"{article}, section “{escape(passage.text)}”"
    section = f", section “{escape(passage.section)}”" if passage.section else ""
    return f"{article}{section}, the passage beginning “{escape(_opening(passage.text))}”"


def editor_label(numbers: Sequence[int]) -> str:
    """The editor's in-text mark: its own words and quotes, never a footnote look-alike."""
    word = "Editor’s note" if len(numbers) == 1 else "Editor’s notes"
    return f"‹{word}&nbsp;{', '.join(str(n) for n in numbers)}›"


class EditorKey:
    """Numbers a printout's editor's cross-references, one number per place referred to,
    and writes the key that says what each number refers to."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.numbers: dict[CrossRef, int] = {}

    def marker(self, refs: Sequence[CrossRef]) -> str:
        """The in-text mark for a passage's cross-references (with a leading space), or ""."""
        numbers: list[int] = []
        for ref in refs:
            number = self.numbers.setdefault(ref, len(self.numbers) + 1)
            if number not in numbers:
                numbers.append(number)
        return f' <span class="ed-ref">{editor_label(numbers)}</span>' if numbers else ""

    def html(self) -> str:
        """The numbered key, labelled as the editor's; "" when nothing was marked."""
        if not self.numbers:
            return ""
        key = [f'<h2 class="ed-notes-heading">{escape(EDITOR_HEADING)}</h2>']
        key.extend(
            f'<p class="ed-note"><span class="ed-ref">{editor_label([number])}</span> '
            f"refers to {destination(ref, self.library)}</p>"
            for ref, number in self.numbers.items()
        )
        return "".join(key)


def none_cited(what: str) -> str:
    """The sources section of a printout whose text cites nothing."""
    return f'<h2 class="notes-heading">{SOURCES_HEADING}</h2><p class="none-cited">{escape(what)}</p>'


def paper_html(
    title: str, provenance: str, body: Sequence[str], closing: Sequence[str], *,
    kicker: str = "", css: str = "", notice: str = NOTICE,
) -> str:
    """A printout as one HTML document: ``kicker`` (what it is), the title, ``provenance``
    (HTML), ``notice`` (by default, on the editor's marks), ``body``, then ``closing`` (sources cited, the
    editor's key). Every printed view goes through here; the printer adds header and footer."""
    head = [f'<p class="kicker">{escape(kicker)}</p>'] if kicker else []
    head.append(f'<h1 class="title">{escape(title)}</h1>')
    head.append(provenance)
    if notice:
        head.append(f'<p class="notice">{escape(notice)}</p>')
    return parts.document([*head, *body, *closing], css + PAPER_CSS)
