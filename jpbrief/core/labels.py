"""The interface words the core writes into what the reader sees (English by default).

The core has no Qt and cannot translate, so every fixed word it puts on screen or paper
(the provenance line, the editor's marks and headings, a glossary card's notes, why a
search hit matched) is a field of :class:`Labels`, a ``str.format`` template where it takes
values. The CLI and the tests use :data:`ENGLISH`; the reader builds its own instance once,
through Qt's translation system (:mod:`jpbrief.ui.labels`), and passes it down. The content
(article text, titles, source citations) is never a label: it stays as written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def english_date(text: str) -> str:
    """:func:`jpbrief.core.dates.display_date` (imported when a date is first shown)."""
    from jpbrief.core.dates import display_date

    return display_date(text)


class Labels:
    """One field per fixed word or phrase; ``{name}`` placeholders are filled by the core.

    Frozen, compared by value; made with keywords (``Labels(author="著者")``), the others
    keeping their English. A plain class, not a dataclass: ~140 fields would cost the
    reader's start-up a generated ``__init__``.
    """

    # -- the provenance under a title
    author: str = "Author"
    publisher: str = "Publisher"
    date: str = "Date"
    labelled: str = "{label}: {value}"
    not_stated: str = "not stated in the original"
    separator: str = " · "
    original: str = "Original: {address}"
    retrieved: str = "Retrieved: {date}"
    copyright: str = "Copyright: {text}"
    disclaimer: str = "Disclaimer printed with the original: "
    about_author: str = "About the author: "
    # -- notes and the editor's marks
    notes_heading: str = "Notes"
    source_missing: str = "(source missing)"
    footnote_title: str = "Footnote {number}"
    footnote_no_source: str = "footnote {number} has no source"
    footnote_unknown_source: str = "footnote {number} cites unknown source '{source}'"
    editor_marker: str = "[ed.]"
    editor_crossref: str = "Editor's cross-reference"
    editor_crossref_to: str = "Editor's cross-reference: {title}"
    editor_references: str = "References added by the editor (not part of the original)"
    # -- paper (print, PDF)
    editor_note: str = "Editor’s note"
    editor_notes: str = "Editor’s notes"
    editor_key_heading: str = "Editor’s notes (not part of the original)"
    sources_heading: str = "Sources cited"
    notice: str = (
        "The text is the original’s, word for word, with its own footnote numbers. Marks set like "
        "‹Editor’s note 1› are the editor’s cross-references, not part of the original; the "
        "numbered key at the end says what each refers to."
    )
    refers_to: str = "refers to {place}"
    not_in_library: str = "{target} (not in this library)"
    quoted: str = "“{text}”"
    at_section: str = "{article}, section {section}"
    at_passage: str = "{place}, the passage beginning {opening}"
    article_kicker: str = "Article"
    article_cites_none: str = "The original cites no sources."
    # -- theme briefings
    opening: str = "Opening"
    briefing_kicker: str = "Theme briefing"
    passages_one: str = "{count} passage"
    passages_many: str = "{count} passages"
    articles_one: str = "{count} article"
    articles_many: str = "{count} articles"
    briefing_count: str = "{passages} from {articles}"
    briefing_byline: str = "{count}, grouped by article and section by the editor"
    briefing_provenance: str = ("{count}, quoted word for word and grouped by article and section by the "
                                "editor. Each article’s provenance is given under its title.")
    theme_description: str = "The editor’s description of this theme: "
    no_passage_in_theme: str = "No passage carries this theme yet."
    read_in_article: str = "Read it in the article ›"
    sources_cited_in: str = "Sources cited in “{title}” (numbered as in the original)"
    briefing_cites_none: str = "The passages quoted cite no sources."
    # -- the glossary card
    japanese_name_from: str = "Japanese name from: {source}"
    # -- why a search hit matched
    in_section: str = "in its section heading ‘{section}’"
    in_title: str = "in the article title ‘{title}’"
    in_cited_source: str = "in a cited source"
    matched_in: str = "matched {place}"
    words_matched_in: str = "{words} matched {place}"
    through_glossary: str = "matched through the glossary: {word} = {equivalents}"
    without: str = "without {words}"
    word: str = "“{word}”"
    cited_in_snippet: str = " [source: {cite}]"
    list_separator: str = ", "
    reason_separator: str = "; "
    # -- what search says instead of, or beside, its hits
    no_match: str = "No passages match."
    only_exclusions: str = "Add a word to look for: a search cannot consist only of exclusions."
    too_common: str = "Those words are too common to search for; add a more specific word."
    type_a_word: str = "Type a word to search for."
    no_theme: str = "There is no theme “{theme}”."
    no_article: str = "There is no article “{article}”."
    query_cut: str = "Only the first {count} characters of the query were used."
    query_words_cut: str = "Only the first {count} words of the query were used."
    exclusion_ignored: str = "Excluding {word} is not supported; ignored."
    many_prefixes: str = "Many words start with “{text}”; the {count} most common were used."
    no_glossary_entry: str = ("No glossary entry for “{text}”; nearest: {offered}. "
                              "Searched the Japanese text as typed.")
    no_glossary_entry_near: str = ("No glossary entry for “{text}”; no Japanese name in the glossary is "
                                   "like it. Searched the Japanese text as typed.")
    glossary_name: str = "“{text}” is “{forms}” in the glossary."
    # -- the notes memo (Markdown export)
    memo_title: str = "Notes from jpbrief"
    memo_exported: str = "Exported {date}. Quotes are the articles' text, word for word."
    memo_empty: str = "No bookmarks, highlights or notes yet."
    bookmark: str = "Bookmark"
    highlight: str = "Highlight"
    note: str = "Note"
    memo_not_loaded: str = "{kind} (article not loaded)"
    memo_not_loaded_why: str = ("its article is not in the loaded content (removed, or skipped because of a "
                                "problem); kept where it was, quoted as it was:")
    memo_detached: str = "{kind} (detached)"
    memo_detached_why: str = "the passage it was made on is no longer in the content; quoted as it was:"
    memo_changed_why: str = "the passage has been edited since; quoted as it was:"
    memo_note_on: str = "Note ({date}): {text}"
    memo_cited_as: str = "Cited as: {citation}"
    memo_quoted_footnotes: str = "Footnotes in the quoted text (numbered as in the original):"
    memo_no_author: str = "author not stated in the original"
    memo_no_publisher: str = "publisher not stated in the original"
    memo_no_date: str = "date not stated in the original"
    # -- the timeline and key figures on paper
    chronology: str = "Chronology"
    key_figures: str = "Key figures"
    events_one: str = "{count} event"
    events_many: str = "{count} events"
    figures_one: str = "{count} figure"
    figures_many: str = "{count} figures"
    digest_scope: str = "{count}, from {articles}."
    digest_scope_theme: str = "{count}, from {articles}, theme “{theme}”."
    digest_key: str = ("Dates, labels and measures are the editor’s (not part of the original); "
                       "words in quotation marks are the authors’, exactly as published.")
    works_cited: str = "Works cited in the notes quoted"
    editor_tag: str = "[editor]"
    at_note: str = "note {number}"
    column_what: str = "What (editor)"
    column_value: str = "Value"
    column_unit: str = "Unit"
    column_year: str = "Year"
    column_words: str = "The author’s words"
    column_source: str = "Source"
    differs_in: str = "differs in {aspects}"
    aspect_value: str = "value"
    aspect_unit: str = "unit"
    aspect_year: str = "year"
    aspects_and: str = " and "
    agrees: str = "agrees"
    relation_by: str = "by {date}"
    relation_as_of: str = "as of {date}"
    dates: Callable[[str], str]
    """An editorial date in the language's words (``10 May 2024``); not a label to translate."""

    def __init__(self, **labels: Any) -> None:
        unknown = sorted(set(labels) - set(NAMES) - {"dates"})
        if unknown:
            raise TypeError(f"unknown labels: {', '.join(unknown)}")
        for name, value in {"dates": english_date, **labels}.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Labels are frozen: make another with replace()")

    def replace(self, **changes: Any) -> Labels:
        """A copy with ``changes``."""
        return Labels(**{**{name: getattr(self, name) for name in (*NAMES, "dates")}, **changes})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Labels) and all(getattr(self, n) == getattr(other, n) for n in NAMES)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in NAMES))

    def __repr__(self) -> str:
        changed = [f"{n}={getattr(self, n)!r}" for n in NAMES if getattr(self, n) != getattr(Labels, n)]
        return f"Labels({', '.join(changed)})"

    def count(self, one: str, many: str, count: int) -> str:
        """``one`` or ``many`` (two fields' names) filled with ``count``."""
        return str(getattr(self, one if count == 1 else many)).format(count=count)

    def editor_mark(self, numbers: list[int] | tuple[int, ...]) -> str:
        """The editor's in-text mark on paper, ``‹Editor’s note 3›``: words, never a footnote look-alike."""
        word = self.editor_note if len(numbers) == 1 else self.editor_notes
        return f"‹{word}&nbsp;{', '.join(str(n) for n in numbers)}›"


NAMES = tuple(name for name, kind in Labels.__annotations__.items() if kind == "str")
"""Every label's field name (each a ``str``), in declaration order."""

ENGLISH = Labels()
"""The source language: the CLI's, the tests', and the reader's without a translation."""
