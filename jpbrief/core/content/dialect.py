"""The trainer Markdown dialect: footnote markers and definitions, annotations, plain text.

Named ``dialect`` rather than ``markdown`` so that ``import markdown`` below plainly means
the python-markdown library.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import markdown

FOOTNOTE_MARKER_RE = re.compile(r"\[\^([^\]\s]*)\]")
"""A footnote marker ``[^N]`` in a passage. Only the loader scans for it: it records each
marker's place as :attr:`~jpbrief.core.model.Footnote.markdown_span` (and plain_text drops them)."""
FOOTNOTE_DEF_RE = re.compile(r"^\[\^([^\]\s]*)\]:\s*(.*?)\s*$")
ANNOTATION_RE = re.compile(r"^\{:\s*(.*?)\s*\}\s*$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
NUMBER_RE = re.compile(r"^[0-9]{1,6}$")


def footnote_number(label: str) -> int | None:
    """The number of a footnote label, or None unless it is plain ASCII digits."""
    return int(label) if NUMBER_RE.match(label) else None


class _TextExtractor(HTMLParser):
    """Collects the text content of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_MARKDOWN = markdown.Markdown(output_format="html")


def markdown_to_html(source: str) -> str:
    """Trainer Markdown to (unsanitized) HTML; one converter reused for speed."""
    _MARKDOWN.reset()
    return _MARKDOWN.convert(source)


PLAIN_RE = re.compile(r"[^\\`*_\[\]<>!&~#=|\x00-\x08\x0b-\x1f\x7f]*")
"""Text without a character python-markdown gives a meaning to, inline or at a line's start
(with :func:`_plain_lines`): its plain text is the text itself, spaces folded."""
LIST_ITEM_RE = re.compile(r"[0-9]+\.\s|[-+]\s|-+\s*$")


def _plain_lines(text: str) -> bool:
    """No line starts a list, a code block or an underline (the rest :data:`PLAIN_RE` checks)."""
    return not any(line[:1] in (" ", "\t") or LIST_ITEM_RE.match(line) for line in text.split("\n"))


def plain_text(source: str) -> str:
    """A block's plain text: footnote markers removed, Markdown rendered, spaces folded.

    Most paragraphs are words and punctuation only: those skip python-markdown (half the
    cost of loading a library), with the same result (tests/test_content_plain.py)."""
    without_markers = FOOTNOTE_MARKER_RE.sub("", source)
    if PLAIN_RE.fullmatch(without_markers) and _plain_lines(without_markers):
        return " ".join(without_markers.split())
    return markdown_plain_text(without_markers)


def markdown_plain_text(without_markers: str) -> str:
    """The text of the HTML python-markdown makes of ``without_markers``, spaces folded."""
    extractor = _TextExtractor()
    extractor.feed(markdown_to_html(without_markers))
    extractor.close()
    return " ".join("".join(extractor.parts).split())


_NUMERIC_REF_RE = re.compile(r"&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));?")  # HTML reads it without ';' too
_CODE_SPAN_RE = re.compile(r"(`+).+?\1", re.DOTALL)


def unshown_references(source: str) -> Iterator[re.Match[str]]:
    """The numeric character references in ``source`` that name no character that can be
    shown (``&#0;``, a surrogate, past U+10FFFF: shown as U+FFFD; a control character or a
    noncharacter: dropped or invisible). Code spans show such text as written, so they are
    left out (blanked to spaces, line breaks kept: each match's offsets hold in ``source``)."""
    if "&#" not in source:  # nearly every passage: no work added to loading a library
        return
    prose = _CODE_SPAN_RE.sub(lambda span: re.sub(r"[^\n]", " ", span.group(0)), source)
    for ref in _NUMERIC_REF_RE.finditer(prose):
        digits = (ref.group(1) or ref.group(2)).lstrip("0") or "0"
        if _not_shown(int(digits, 10 if ref.group(1) else 16) if len(digits) <= 8 else 0x110000):
            yield ref


def _not_shown(value: int) -> bool:
    """Whether HTML turns the code point ``value`` of a reference into U+FFFD, nothing or
    an invisible control character."""
    return (value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF
            or (value < 0x20 and value not in (0x09, 0x0A, 0x0C, 0x0D)) or value == 0x7F
            or value in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # the C1 controls cp1252 leaves unnamed
            or 0xFDD0 <= value <= 0xFDEF or value & 0xFFFE == 0xFFFE)


def slugify(text: str) -> str:
    """A heading's default anchor: lower-case words joined by hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug or "section"
