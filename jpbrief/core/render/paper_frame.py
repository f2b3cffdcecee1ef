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

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Article, CrossRef, Library
from jpbrief.core.render import parts

OPENING_WORDS = 12
"""How much of a paragraph the editor's key quotes to name it."""

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


def article_provenance(article: Article, labels: Labels = ENGLISH) -> str:
    """Author, publisher and date (or "not stated in the original"), then where the editor
    found the original, when, and its copyright line where known."""
    return (f'<p class="provenance">{parts.provenance(article, labels)}</p>'
            + parts.origin(article, link=False, labels=labels))


def _opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else "")


def destination(ref: CrossRef, library: Library, labels: Labels = ENGLISH) -> str:
    """The other article and passage a cross-reference points at, named for a reader without the app."""
    target = library.article(ref.article)
    passage = target.passage(ref.anchor) if target is not None else None
    if target is None or passage is None:
        return parts.fill(labels.not_in_library, target=escape(f"{ref.article}#{ref.anchor}"))

    def quoted(text: str) -> str:
        return parts.fill(labels.quoted, text=escape(text))

    article = quoted(target.title)
    if passage.kind == "heading":
        return parts.fill(labels.at_section, article=article, section=quoted(passage.text))
    place = parts.fill(labels.at_section, article=article, section=quoted(passage.section)) \
        if passage.section else article
    return parts.fill(labels.at_passage, place=place, opening=quoted(_opening(passage.text)))


def editor_label(numbers: Sequence[int], labels: Labels = ENGLISH) -> str:
    """The editor's in-text mark: its own words and quotes, never a footnote look-alike."""
    return labels.editor_mark(tuple(numbers))


class EditorKey:
    """Numbers a printout's editor's cross-references, one number per place referred to,
    and writes the key that says what each number refers to."""

    def __init__(self, library: Library, labels: Labels = ENGLISH) -> None:
        self.library = library
        self.labels = labels
        self.numbers: dict[CrossRef, int] = {}

    def marker(self, refs: Sequence[CrossRef]) -> str:
        """The in-text mark for a passage's cross-references (with a leading space), or ""."""
        numbers: list[int] = []
        for ref in refs:
            number = self.numbers.setdefault(ref, len(self.numbers) + 1)
            if number not in numbers:
                numbers.append(number)
        return f' <span class="ed-ref">{editor_label(numbers, self.labels)}</span>' if numbers else ""

    def html(self) -> str:
        """The numbered key, labelled as the editor's; "" when nothing was marked."""
        if not self.numbers:
            return ""
        labels = self.labels
        key = [f'<h2 class="ed-notes-heading">{escape(labels.editor_key_heading)}</h2>']
        key.extend(
            f'<p class="ed-note"><span class="ed-ref">{editor_label([number], labels)}</span> '
            f"{parts.fill(labels.refers_to, place=destination(ref, self.library, labels))}</p>"
            for ref, number in self.numbers.items()
        )
        return "".join(key)


def none_cited(what: str, labels: Labels = ENGLISH) -> str:
    """The sources section of a printout whose text cites nothing."""
    return (f'<h2 class="notes-heading">{escape(labels.sources_heading)}</h2>'
            f'<p class="none-cited">{escape(what)}</p>')


def paper_html(
    title: str, provenance: str, body: Sequence[str], closing: Sequence[str], *,
    kicker: str = "", css: str = "", notice: str | None = None, labels: Labels = ENGLISH,
) -> str:
    """A printout as one HTML document: ``kicker`` (what it is), the title, ``provenance``
    (HTML), ``notice`` (by default, on the editor's marks), ``body``, then ``closing`` (sources cited, the
    editor's key). Every printed view goes through here; the printer adds header and footer."""
    notice = labels.notice if notice is None else notice
    head = [f'<p class="kicker">{escape(kicker)}</p>'] if kicker else []
    head.append(f'<h1 class="title">{escape(title)}</h1>')
    head.append(provenance)
    if notice:
        head.append(f'<p class="notice">{escape(notice)}</p>')
    return parts.document([*head, *body, *closing], css + PAPER_CSS)
