"""The core's labels (:class:`~jpbrief.core.labels.Labels`) in the interface's language.

The one place the reader translates the words the Qt-free core writes into articles,
printouts, glossary cards, search results and the notes memo (and, with :func:`translated`,
the core's messages about content packs and the search index): built once by the app, after
the translators are installed, and passed down to the controllers and widgets that render.
Content (text, titles, citations) is never translated, and the editor's marks stay
visibly the editor's in every language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from jpbrief.core.labels import Labels
from jpbrief.core.message import Joined, Message
from jpbrief.ui.i18n import display_date

translate = QCoreApplication.translate


def interface_labels() -> Labels:
    """Every label through the catalogue (context "Labels"), dates in the locale's words;
    English where no translation is installed."""
    return Labels(
        author=translate("Labels", 'Author'),
        publisher=translate("Labels", 'Publisher'),
        date=translate("Labels", 'Date'),
        labelled=translate("Labels", '{label}: {value}'),
        not_stated=translate("Labels", 'not stated in the original'),
        separator=translate("Labels", ' · '),
        original=translate("Labels", 'Original: {address}'),
        retrieved=translate("Labels", 'Retrieved: {date}'),
        copyright=translate("Labels", 'Copyright: {text}'),
        disclaimer=translate("Labels", 'Disclaimer printed with the original: '),
        about_author=translate("Labels", 'About the author: '),
        notes_heading=translate("Labels", 'Notes'),
        source_missing=translate("Labels", '(source missing)'),
        footnote_title=translate("Labels", 'Footnote {number}'),
        footnote_no_source=translate("Labels", 'footnote {number} has no source'),
        footnote_unknown_source=translate("Labels", "footnote {number} cites unknown source '{source}'"),
        editor_marker=translate("Labels", '[ed.]'),
        editor_crossref=translate("Labels", "Editor's cross-reference"),
        editor_crossref_to=translate("Labels", "Editor's cross-reference: {title}"),
        editor_references=translate("Labels", 'References added by the editor (not part of the original)'),
        editor_note=translate("Labels", 'Editor’s note'),
        editor_notes=translate("Labels", 'Editor’s notes'),
        editor_key_heading=translate("Labels", 'Editor’s notes (not part of the original)'),
        sources_heading=translate("Labels", 'Sources cited'),
        notice=translate(
            "Labels",
            'The text is the original’s, word for word, with its own footnote '
            'numbers. Marks set like ‹Editor’s note 1› are the editor’s cross-'
            'references, not part of the original; the numbered key at the end says '
            'what each refers to.'),
        refers_to=translate("Labels", 'refers to {place}'),
        not_in_library=translate("Labels", '{target} (not in this library)'),
        quoted=translate("Labels", '“{text}”'),
        at_section=translate("Labels", '{article}, section {section}'),
        at_passage=translate("Labels", '{place}, the passage beginning {opening}'),
        article_kicker=translate("Labels", 'Article'),
        article_cites_none=translate("Labels", 'The original cites no sources.'),
        opening=translate("Labels", 'Opening'),
        briefing_kicker=translate("Labels", 'Theme briefing'),
        passages_one=translate("Labels", '{count} passage'),
        passages_many=translate("Labels", '{count} passages'),
        articles_one=translate("Labels", '{count} article'),
        articles_many=translate("Labels", '{count} articles'),
        briefing_count=translate("Labels", '{passages} from {articles}'),
        briefing_byline=translate("Labels", '{count}, grouped by article and section by the editor'),
        briefing_provenance=translate(
            "Labels",
            '{count}, quoted word for word and grouped by article and section by the '
            'editor. Each article’s provenance is given under its title.'),
        theme_description=translate("Labels", 'The editor’s description of this theme: '),
        no_passage_in_theme=translate("Labels", 'No passage carries this theme yet.'),
        read_in_article=translate("Labels", 'Read it in the article ›'),
        sources_cited_in=translate("Labels", 'Sources cited in “{title}” (numbered as in the original)'),
        briefing_cites_none=translate("Labels", 'The passages quoted cite no sources.'),
        japanese_name_from=translate("Labels", 'Japanese name from: {source}'),
        in_section=translate("Labels", 'in its section heading ‘{section}’'),
        in_title=translate("Labels", 'in the article title ‘{title}’'),
        in_cited_source=translate("Labels", 'in a cited source'),
        matched_in=translate("Labels", 'matched {place}'),
        words_matched_in=translate("Labels", '{words} matched {place}'),
        through_glossary=translate("Labels", 'matched through the glossary: {word} = {equivalents}'),
        without=translate("Labels", 'without {words}'),
        word=translate("Labels", '“{word}”'),
        cited_in_snippet=translate("Labels", ' [source: {cite}]'),
        list_separator=translate("Labels", ', '),
        reason_separator=translate("Labels", '; '),
        no_match=translate("Labels", 'No passages match.'),
        only_exclusions=translate(
            "Labels",
            'Add a word to look for: a search cannot consist only of exclusions.'),
        too_common=translate("Labels", 'Those words are too common to search for; add a more specific word.'),
        type_a_word=translate("Labels", 'Type a word to search for.'),
        no_theme=translate("Labels", 'There is no theme “{theme}”.'),
        no_article=translate("Labels", 'There is no article “{article}”.'),
        query_cut=translate("Labels", 'Only the first {count} characters of the query were used.'),
        query_words_cut=translate("Labels", 'Only the first {count} words of the query were used.'),
        exclusion_ignored=translate("Labels", 'Excluding {word} is not supported; ignored.'),
        many_prefixes=translate(
            "Labels",
            'Many words start with “{text}”; the {count} most common were used.'),
        no_glossary_entry=translate(
            "Labels",
            'No glossary entry for “{text}”; nearest: {offered}. Searched the '
            'Japanese text as typed.'),
        no_glossary_entry_near=translate(
            "Labels",
            'No glossary entry for “{text}”; no Japanese name in the glossary is like'
            ' it. Searched the Japanese text as typed.'),
        glossary_name=translate("Labels", '“{text}” is “{forms}” in the glossary.'),
        memo_title=translate("Labels", 'Notes from jpbrief'),
        memo_exported=translate("Labels", "Exported {date}. Quotes are the articles' text, word for word."),
        memo_empty=translate("Labels", 'No bookmarks, highlights or notes yet.'),
        bookmark=translate("Labels", 'Bookmark'),
        highlight=translate("Labels", 'Highlight'),
        note=translate("Labels", 'Note'),
        memo_not_loaded=translate("Labels", '{kind} (article not loaded)'),
        memo_not_loaded_why=translate(
            "Labels",
            'its article is not in the loaded content (removed, or skipped because of'
            ' a problem); kept where it was, quoted as it was:'),
        memo_detached=translate("Labels", '{kind} (detached)'),
        memo_detached_why=translate(
            "Labels",
            'the passage it was made on is no longer in the content; quoted as it '
            'was:'),
        memo_changed_why=translate("Labels", 'the passage has been edited since; quoted as it was:'),
        memo_note_on=translate("Labels", 'Note ({date}): {text}'),
        memo_cited_as=translate("Labels", 'Cited as: {citation}'),
        memo_quoted_footnotes=translate(
            "Labels",
            'Footnotes in the quoted text (numbered as in the original):'),
        memo_no_author=translate("Labels", 'author not stated in the original'),
        memo_no_publisher=translate("Labels", 'publisher not stated in the original'),
        memo_no_date=translate("Labels", 'date not stated in the original'),
        chronology=translate("Labels", 'Chronology'),
        key_figures=translate("Labels", 'Key figures'),
        events_one=translate("Labels", '{count} event'),
        events_many=translate("Labels", '{count} events'),
        figures_one=translate("Labels", '{count} figure'),
        figures_many=translate("Labels", '{count} figures'),
        digest_scope=translate("Labels", '{count}, from {articles}.'),
        digest_scope_theme=translate("Labels", '{count}, from {articles}, theme “{theme}”.'),
        digest_key=translate(
            "Labels",
            'Dates, labels and measures are the editor’s (not part of the original); '
            'words in quotation marks are the authors’, exactly as published.'),
        works_cited=translate("Labels", 'Works cited in the notes quoted'),
        editor_tag=translate("Labels", '[editor]'),
        at_note=translate("Labels", 'note {number}'),
        column_what=translate("Labels", 'What (editor)'),
        column_value=translate("Labels", 'Value'),
        column_unit=translate("Labels", 'Unit'),
        column_year=translate("Labels", 'Year'),
        column_words=translate("Labels", 'The author’s words'),
        column_source=translate("Labels", 'Source'),
        differs_in=translate("Labels", 'differs in {aspects}'),
        aspect_value=translate("Labels", 'value'),
        aspect_unit=translate("Labels", 'unit'),
        aspect_year=translate("Labels", 'year'),
        aspects_and=translate("Labels", ' and '),
        agrees=translate("Labels", 'agrees'),
        relation_by=translate("Labels", 'by {date}'),
        relation_as_of=translate("Labels", 'as of {date}'),
        dates=display_date,
    )


def translated(text: str) -> str:
    """A core :class:`~jpbrief.core.message.Message` in the interface's language: its template
    through the catalogue (its own context, "Packs" or "Search"), filled with the same values,
    messages among them translated too; file names, paths and versions stay as they are.
    Any other text comes back unchanged (English where no translation is installed)."""
    if not isinstance(text, Message):
        return text
    template = text.template
    values = {name: _value(value) for name, value in text.values.items()}
    try:
        return translate(template.context, str(template)).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(template).format(**values)


def _value(value: object) -> object:
    if isinstance(value, Message):
        return translated(value)
    if isinstance(value, Joined):
        return Joined((translated(item) if isinstance(item, str) else item for item in value),
                      value.separator)
    return value


def rendering_key(article_id: str, language: str) -> str:
    """Where the start-up cache keeps an article rendered in ``language`` (English: its id)."""
    return article_id if language == "en" else f"{article_id}@{language}"
