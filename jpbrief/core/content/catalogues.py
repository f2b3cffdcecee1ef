"""Load the catalogues beside the articles: themes.yaml, sources.yaml and glossary.yaml."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jpbrief.core.content.bilingual import bilingual_term, japanese_name
from jpbrief.core.content.fields import ID_RE, URL_RE, optional_str, report_markup, valid_date
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.content.yamlsource import yaml_document, yaml_items
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message
from jpbrief.core.model import Acronym, BilingualTerm, Glossary, Source, Theme

REQUIRED_THEMES = ("counterstrike", "economic-security", "dicas")

SOURCE_KINDS = (
    "news", "government", "think-tank", "survey", "journal", "law-firm", "blog", "data", "other",
)
SOURCE_KEYS = {
    "id", "citation", "kind", "authors", "title", "publisher", "date", "updated", "accessed", "url",
}


def _records(
    path: Path, key: str, kept: Mapping[str, object], shape: Message, report: Reporter
) -> Iterator[tuple[dict[str, Any], str, int]]:
    """Each mapping under ``key`` with a text id not already ``kept``: (item, id, line).

    ``shape`` says what a record needs, for the report on one that is not a mapping with an id.
    """
    for item, line in yaml_items(path, yaml_document(path, report), key, report):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            report.add(path, line, shape)
        elif item["id"] in kept:
            duplicate = (QT_TRANSLATE_NOOP("Check", "duplicate theme id {id!r}") if key == "themes"
                         else QT_TRANSLATE_NOOP("Check", "duplicate source id {id!r}"))
            report.add(path, line, duplicate, id=item["id"])
        else:
            yield item, item["id"], line


def load_themes(
    path: Path, report: Reporter, required_themes: tuple[str, ...] = REQUIRED_THEMES
) -> dict[str, Theme]:
    """The themes by id, and a report for each of ``required_themes`` missing."""
    themes: dict[str, Theme] = {}
    shape = Message(QT_TRANSLATE_NOOP("Check", "a theme needs an id, a label and a description"))
    for item, theme_id, line in _records(path, "themes", themes, shape, report):
        if not ID_RE.match(theme_id):
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "theme id {id!r} must be lower-case letters, digits, hyphens"),
                       id=theme_id)
            continue
        label, description = item.get("label"), item.get("description")
        if not isinstance(label, str) or not isinstance(description, str):
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "theme {id!r} needs a label and a description"), id=theme_id)
        fields = [("label", label), ("description", description)]
        report_markup(path, line, Message(QT_TRANSLATE_NOOP(
            "Check", "theme {id!r}"), id=theme_id), fields, report)
        themes[theme_id] = Theme(theme_id, str(label or theme_id), str(description or ""))
    for required in required_themes:
        if required not in themes:
            report.add(path, 1, QT_TRANSLATE_NOOP("Check", "required theme {id!r} is missing"), id=required)
    return themes


def load_sources(path: Path, report: Reporter) -> dict[str, Source]:
    """The cited works by id, each checked field by field."""
    sources: dict[str, Source] = {}
    shape = Message(QT_TRANSLATE_NOOP("Check", "a source needs an id and a citation"))
    for item, source_id, line in _records(path, "sources", sources, shape, report):
        citation = item.get("citation")
        if not isinstance(citation, str) or not citation.strip():
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "source {id!r} needs the citation text as printed"), id=source_id)
            continue
        authors = _check_source_fields(path, line, source_id, item, report)
        sources[source_id] = Source(
            id=source_id,
            citation=citation,
            kind=optional_str(item.get("kind")),
            authors=tuple(authors),
            title=optional_str(item.get("title")),
            publisher=optional_str(item.get("publisher")),
            date=optional_str(item.get("date")),
            accessed=optional_str(item.get("accessed")),
            url=optional_str(item.get("url")),
            updated=optional_str(item.get("updated")),
        )
    return sources


def _check_source_fields(
    path: Path, line: int, source_id: str, item: dict[str, Any], report: Reporter
) -> list[str]:
    """Report a source's bad fields; returns its authors (empty unless a list of names)."""
    what = Message(QT_TRANSLATE_NOOP("Check", "source {id!r}"), id=source_id)
    for key in sorted(set(map(str, item)) - SOURCE_KEYS):
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "{what}: unknown field {key!r}"), what=what, key=key)
    authors = item.get("authors") or []
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "{what}: authors must be a list of names"), what=what)
        authors = []
    for key in ("title", "publisher", "url"):
        if item.get(key) is not None and not isinstance(item.get(key), str):
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "{what}: {key} must be text or null"), what=what, key=key)
    for key in ("date", "updated", "accessed"):
        value = item.get(key)
        if value is not None and not (isinstance(value, str) and valid_date(value)):
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "{what}: {key} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value}"),
                       what=what, key=key, value=shown(value))
    kind = item.get("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        report.add(path, line, QT_TRANSLATE_NOOP("Check", "{what}: unknown kind {kind} (known: {known})"),
                   what=what, kind=shown(kind), known=", ".join(SOURCE_KINDS))
    url = item.get("url")
    if isinstance(url, str) and not URL_RE.match(url):
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "{what}: url must be a complete http(s) address or null"), what=what)
    fields = [(key, item.get(key)) for key in ("citation", "title", "publisher")]
    fields += [(Message(QT_TRANSLATE_NOOP(
        "Check", "author {number}"), number=n), name) for n, name in enumerate(authors, 1)]
    report_markup(path, line, what, fields, report)
    return authors


def _expansions(item: object) -> list[str]:
    """An acronym's expansions: one text, or a list of texts (an acronym with two meanings)."""
    value = item.get("expansion") if isinstance(item, dict) else None
    if isinstance(value, str) and value.strip():
        return [value]
    if isinstance(value, list) and value and all(isinstance(e, str) and e.strip() for e in value):
        return list(value)
    return []


TWICE = QT_TRANSLATE_NOOP(
    "Check", "the Japanese name {name!r} is given twice (first at line {first}); keep one entry")


def load_glossary(path: Path, report: Reporter) -> Glossary:
    """Acronyms, synonym groups and bilingual terms (see :mod:`.bilingual`); an entry
    holding markup is reported and skipped."""
    document = yaml_document(path, report)
    acronyms: list[Acronym] = []
    seen: dict[str, int] = {}  # Japanese name → line: each is given once
    for item, line in yaml_items(path, document, "acronyms", report):
        expansions = _expansions(item)
        if not isinstance(item, dict) or not isinstance(item.get("term"), str) or not expansions:
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "an acronym needs a term and an expansion (or a list of them)"))
            continue
        fields = [("term", item["term"]), *(("expansion", expansion) for expansion in expansions)]
        if report_markup(path, line, Message(QT_TRANSLATE_NOOP("Check", "acronym")), fields, report,
                         Message(QT_TRANSLATE_NOOP("Check", "; this entry is skipped"))):
            continue
        for repeated in sorted({e for e in expansions if expansions.count(e) > 1}):
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "acronym {term!r}: expansion {expansion!r} is listed twice"),
                       term=item["term"], expansion=repeated)
        unique = tuple(dict.fromkeys(expansions))
        what = Message(QT_TRANSLATE_NOOP("Check", "acronym {term!r}"), term=item["term"])
        if len(unique) > 1 and item.get("ja") is not None:
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "{what} has {count} meanings: give each meaning's "
                                   "Japanese name under terms: instead of ja:"), what=what, count=len(unique))
            ja = None
        else:
            ja = japanese_name(path, line, what, item, report)
        if ja is not None and ja.text in seen:
            report.add(path, line, TWICE, name=ja.text, first=seen[ja.text])
            ja = None
        elif ja is not None:
            seen[ja.text] = line
        acronyms.append(Acronym(item["term"], unique[0], unique, ja))
    synonyms: list[tuple[str, ...]] = []
    for item, line in yaml_items(path, document, "synonyms", report):
        if isinstance(item, list) and len(item) >= 2 and all(isinstance(m, str) for m in item):
            fields = [(Message(QT_TRANSLATE_NOOP("Check", "phrase {number}"), number=n), member)
                      for n, member in enumerate(item, 1)]
            if report_markup(path, line, Message(QT_TRANSLATE_NOOP("Check", "synonym group")), fields, report,
                             Message(QT_TRANSLATE_NOOP("Check", "; this group is skipped"))):
                continue
            synonyms.append(tuple(str(member) for member in item))
        else:
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "a synonym group is a list of two or more phrases"))
    terms: list[BilingualTerm] = []
    for item, line in yaml_items(path, document, "terms", report):
        term = bilingual_term(path, line, item, report)
        if term is None:
            continue
        if term.ja.text in seen:
            report.add(path, line, TWICE, name=term.ja.text, first=seen[term.ja.text])
            continue
        seen[term.ja.text] = line
        terms.append(term)
    return Glossary(tuple(acronyms), tuple(synonyms), tuple(terms))
