"""Load the catalogues beside the articles: themes.yaml, sources.yaml and glossary.yaml."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jpbrief.core.content.bilingual import bilingual_term, japanese_name
from jpbrief.core.content.fields import ID_RE, URL_RE, optional_str, report_markup, valid_date
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.content.yamlsource import yaml_document, yaml_items
from jpbrief.core.model import Acronym, BilingualTerm, Glossary, Source, Theme

REQUIRED_THEMES = ("counterstrike", "economic-security", "dicas")

SOURCE_KINDS = (
    "news", "government", "think-tank", "survey", "journal", "law-firm", "blog", "data", "other",
)
SOURCE_KEYS = {
    "id", "citation", "kind", "authors", "title", "publisher", "date", "updated", "accessed", "url",
}


def _records(
    path: Path, key: str, kept: Mapping[str, object], shape: str, report: Reporter
) -> Iterator[tuple[dict[str, Any], str, int]]:
    """Each mapping under ``key`` with a text id not already ``kept``: (item, id, line).

    ``shape`` says what a record needs, for the report on one that is not a mapping with an id.
    """
    for item, line in yaml_items(path, yaml_document(path, report), key, report):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            report.add(path, line, shape)
        elif item["id"] in kept:
            report.add(path, line, f"duplicate {key.removesuffix('s')} id {item['id']!r}")
        else:
            yield item, item["id"], line


def load_themes(
    path: Path, report: Reporter, required_themes: tuple[str, ...] = REQUIRED_THEMES
) -> dict[str, Theme]:
    """The themes by id, and a report for each of ``required_themes`` missing."""
    themes: dict[str, Theme] = {}
    shape = "a theme needs an id, a label and a description"
    for item, theme_id, line in _records(path, "themes", themes, shape, report):
        if not ID_RE.match(theme_id):
            report.add(path, line, f"theme id {theme_id!r} must be lower-case letters, digits, hyphens")
            continue
        label, description = item.get("label"), item.get("description")
        if not isinstance(label, str) or not isinstance(description, str):
            report.add(path, line, f"theme {theme_id!r} needs a label and a description")
        fields = [("label", label), ("description", description)]
        report_markup(path, line, f"theme {theme_id!r}", fields, report)
        themes[theme_id] = Theme(theme_id, str(label or theme_id), str(description or ""))
    for required in required_themes:
        if required not in themes:
            report.add(path, 1, f"required theme {required!r} is missing")
    return themes


def load_sources(path: Path, report: Reporter) -> dict[str, Source]:
    """The cited works by id, each checked field by field."""
    sources: dict[str, Source] = {}
    shape = "a source needs an id and a citation"
    for item, source_id, line in _records(path, "sources", sources, shape, report):
        citation = item.get("citation")
        if not isinstance(citation, str) or not citation.strip():
            report.add(path, line, f"source {source_id!r} needs the citation text as printed")
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
    what = f"source {source_id!r}"
    for key in sorted(set(map(str, item)) - SOURCE_KEYS):
        report.add(path, line, f"{what}: unknown field {key!r}")
    authors = item.get("authors") or []
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        report.add(path, line, f"{what}: authors must be a list of names")
        authors = []
    for key in ("title", "publisher", "url"):
        if item.get(key) is not None and not isinstance(item.get(key), str):
            report.add(path, line, f"{what}: {key} must be text or null")
    for key in ("date", "updated", "accessed"):
        value = item.get(key)
        if value is not None and not (isinstance(value, str) and valid_date(value)):
            report.add(path, line, f"{what}: {key} must be YYYY, YYYY-MM or YYYY-MM-DD, got {shown(value)}")
    kind = item.get("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        report.add(path, line, f"{what}: unknown kind {shown(kind)} (known: {', '.join(SOURCE_KINDS)})")
    url = item.get("url")
    if isinstance(url, str) and not URL_RE.match(url):
        report.add(path, line, f"{what}: url must be a complete http(s) address or null")
    fields = [(key, item.get(key)) for key in ("citation", "title", "publisher")]
    fields += [(f"author {n}", name) for n, name in enumerate(authors, 1)]
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


def load_glossary(path: Path, report: Reporter) -> Glossary:
    """Acronyms, synonym groups and bilingual terms (see :mod:`.bilingual`); an entry
    holding markup is reported and skipped."""
    document = yaml_document(path, report)
    acronyms: list[Acronym] = []
    seen: dict[str, int] = {}  # Japanese name → line: each is given once
    for item, line in yaml_items(path, document, "acronyms", report):
        expansions = _expansions(item)
        if not isinstance(item, dict) or not isinstance(item.get("term"), str) or not expansions:
            report.add(path, line, "an acronym needs a term and an expansion (or a list of them)")
            continue
        fields = [("term", item["term"]), *(("expansion", expansion) for expansion in expansions)]
        if report_markup(path, line, "acronym", fields, report, "; this entry is skipped"):
            continue
        for repeated in sorted({e for e in expansions if expansions.count(e) > 1}):
            report.add(path, line, f"acronym {item['term']!r}: expansion {repeated!r} is listed twice")
        unique = tuple(dict.fromkeys(expansions))
        what = f"acronym {item['term']!r}"
        if len(unique) > 1 and item.get("ja") is not None:
            report.add(path, line, f"{what} has {len(unique)} meanings: give each meaning's "
                                   "Japanese name under terms: instead of ja:")
            ja = None
        else:
            ja = japanese_name(path, line, what, item, report)
        if ja is not None and ja.text in seen:
            report.add(path, line, f"the Japanese name {ja.text!r} is given twice "
                                   f"(first at line {seen[ja.text]}); keep one entry")
            ja = None
        elif ja is not None:
            seen[ja.text] = line
        acronyms.append(Acronym(item["term"], unique[0], unique, ja))
    synonyms: list[tuple[str, ...]] = []
    for item, line in yaml_items(path, document, "synonyms", report):
        if isinstance(item, list) and len(item) >= 2 and all(isinstance(m, str) for m in item):
            fields = [(f"phrase {n}", member) for n, member in enumerate(item, 1)]
            if report_markup(path, line, "synonym group", fields, report, "; this group is skipped"):
                continue
            synonyms.append(tuple(str(member) for member in item))
        else:
            report.add(path, line, "a synonym group is a list of two or more phrases")
    terms: list[BilingualTerm] = []
    for item, line in yaml_items(path, document, "terms", report):
        term = bilingual_term(path, line, item, report)
        if term is None:
            continue
        if term.ja.text in seen:
            report.add(path, line, f"the Japanese name {term.ja.text!r} is given twice "
                                   f"(first at line {seen[term.ja.text]}); keep one entry")
            continue
        seen[term.ja.text] = line
        terms.append(term)
    return Glossary(tuple(acronyms), tuple(synonyms), tuple(terms))
