"""The glossary's card for a term in the text (a tool-tip): an acronym's meanings, and Japanese names.

Rich text for a tool-tip, every glossary value escaped (it is plain text, shown as written).
An acronym shows each meaning with its Japanese name where the glossary has one; a term
of the field its Japanese name, romaji reading and where the name was taken from.
"""

from __future__ import annotations

from html import escape

from jpbrief.core.labels import ENGLISH, Labels
from jpbrief.core.model import Glossary, JapaneseName


def linked_terms(glossary: Glossary) -> list[str]:
    """What the text links to a card: acronyms, and English forms with a Japanese name."""
    acronyms = [acronym.term for acronym in glossary.acronyms]
    forms = [form for entry in glossary.terms for form in entry.english]
    forms += [a.expansion for a in glossary.acronyms if a.ja is not None]
    return list(dict.fromkeys(acronyms + forms))


def _japanese(name: JapaneseName | None) -> str:
    if name is None:
        return ""
    reading = f" <i>{escape(name.reading)}</i>" if name.reading else ""
    return f' — <span lang="ja">{escape(name.text)}</span>{reading}'


def card_html(glossary: Glossary, term: str, labels: Labels = ENGLISH) -> str | None:
    """The card of ``term`` (an acronym or an English form), or None if the glossary has none."""
    acronym = next((a for a in glossary.acronyms if a.term == term), None)
    if acronym is not None:
        lines = [
            escape(expansion) + _japanese(acronym.ja or glossary.japanese_for(expansion))
            for expansion in acronym.expansions
        ]
        sources = [n.source for n in (acronym.ja, *map(glossary.japanese_for, acronym.expansions)) if n]
        body = f"<b>{escape(term)}</b>: " + "<br>".join(lines)
    else:
        name = glossary.japanese_for(term)
        if name is None:
            return None
        sources = [name.source]
        body = f"<b>{escape(term)}</b>{_japanese(name)}"
    notes = "".join(f"<br><small>{escape(labels.japanese_name_from.format(source=s))}</small>"
                    for s in dict.fromkeys(sources))
    return f"<qt>{body}{notes}</qt>"
