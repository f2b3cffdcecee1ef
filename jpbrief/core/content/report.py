"""The editor's report (``jpbrief check --report``): what loads fine but looks unfinished.

Every finding is a warning (see :class:`~jpbrief.core.model.Problem`): the content shows
as written, but a passage has no theme, a source or glossary entry is used nowhere, an
acronym in the text has no glossary entry, or two cross-referenced passages share no
word (a likely wrong anchor). Words are compared in the search index's analysed form,
so "supply chains" and "supply chain" agree and stop words never count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jpbrief.core.content.problems import said
from jpbrief.core.message import QT_TRANSLATE_NOOP
from jpbrief.core.model import Library, Problem
from jpbrief.core.search.analysis import word_parts

ACRONYM_RE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z](?:-[A-Z0-9]+)*(?![\w-])")
"""Two or more capitals (digits and hyphenated parts allowed): JSDF, AIM-9X, SM-3 is not
(one capital), and neither are ordinary capitalised words."""


def report_findings(library: Library, content_dir: Path) -> list[Problem]:
    """Every finding of the report, as warnings located ``path:line``."""
    findings: list[Problem] = []
    findings += _untagged_passages(library)
    findings += _unused_sources(library, content_dir / "sources.yaml")
    findings += _glossary_findings(library, content_dir / "glossary.yaml")
    findings += _unrelated_crossrefs(library)
    return findings


def _warning(path: Path | str, line: int, message: str, /, **values: Any) -> Problem:
    return Problem(str(path), line, said(message, values), "warning")


def _untagged_passages(library: Library) -> Iterable[Problem]:
    for article, passage in library.iter_passages():
        if passage.kind == "paragraph" and not passage.role and not passage.themes:
            yield _warning(article.path, passage.line, QT_TRANSLATE_NOOP(
                "Check", "passage #{anchor} has no theme"),
                           anchor=passage.anchor)


def _line_of(path: Path, pattern: str) -> int:
    """The first line of ``path`` matching ``pattern`` (for a catalogue entry), or 0."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    compiled = re.compile(pattern)
    return next((number for number, text in enumerate(lines, 1) if compiled.search(text)), 0)


def _unused_sources(library: Library, path: Path) -> Iterable[Problem]:
    used = {f.source_id for _a, p in library.iter_passages() for f in p.footnotes}
    used.update(ref for article in library.articles for ref in article.references)
    for source_id in library.sources:
        if source_id not in used:
            line = _line_of(path, rf"^\s*-?\s*id:\s*['\"]?{re.escape(source_id)}['\"]?\s*$")
            yield _warning(path, line, QT_TRANSLATE_NOOP(
                "Check", "source {id!r} is cited by no article"), id=source_id)


def _glossary_findings(library: Library, path: Path) -> Iterable[Problem]:
    """Acronyms in the text without an entry; entries whose words appear in no passage."""
    known = {acronym.term for acronym in library.glossary.acronyms}
    known.update(member for group in library.glossary.synonyms for member in group)
    first_seen: dict[str, tuple[str, int]] = {}
    counts: dict[str, int] = {}
    texts = [(article.path, passage.line, passage.text) for article, passage in library.iter_passages()]
    for article_path, line, text in texts:
        for match in ACRONYM_RE.finditer(text):
            term = match.group(0)
            counts[term] = counts.get(term, 0) + 1
            first_seen.setdefault(term, (article_path, line))
    for term, (article_path, line) in first_seen.items():
        if term not in known:
            if counts[term] > 1:
                yield _warning(article_path, line, QT_TRANSLATE_NOOP("Check",
                    "acronym {term!r} has no glossary entry (first here, {count} times in all)"),
                    term=term, count=counts[term])
            else:
                yield _warning(article_path, line, QT_TRANSLATE_NOOP("Check",
                    "acronym {term!r} has no glossary entry (first here, once)"), term=term)
    all_words = [" ".join(word_parts(text)) for _p, _l, text in texts]
    for acronym in library.glossary.acronyms:
        related = [m for group in library.glossary.synonyms if acronym.term in group for m in group]
        phrases = (acronym.term, *acronym.expansions, *related)
        if not any(_appears(phrase, texts, all_words) for phrase in phrases):
            line = _line_of(path, rf"term:\s*['\"]?{re.escape(acronym.term)}['\"]?\s*$")
            yield _warning(path, line, QT_TRANSLATE_NOOP("Check",
                "acronym {term!r} appears in no article, nor its expansion or synonyms"), term=acronym.term)
    for group in library.glossary.synonyms:
        if not any(_appears(member, texts, all_words) for member in group):
            line = _line_of(path, rf"^\s*-\s*\[\s*['\"]?{re.escape(group[0])}")
            yield _warning(path, line, QT_TRANSLATE_NOOP(
                "Check", "synonym group {group} appears in no article"),
                           group=str(list(group)))
    for entry in library.glossary.terms:
        if not any(_appears(form, texts, all_words) for form in entry.english):
            line = _line_of(path, rf"^\s*ja:\s*['\"]?{re.escape(entry.ja.text)}")
            yield _warning(path, line, QT_TRANSLATE_NOOP(
                "Check", "term {term!r} ({ja}) appears in no article"),
                           term=entry.english[0], ja=entry.ja.text)


def _appears(phrase: str, texts: list[tuple[str, int, str]], all_words: list[str]) -> bool:
    """True when ``phrase`` occurs in a passage: an acronym exactly, words in analysed form."""
    if ACRONYM_RE.fullmatch(phrase):
        pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
        return any(pattern.search(text) for _p, _l, text in texts)
    words = " ".join(word_parts(phrase))
    return bool(words) and any(f" {words} " in f" {passage} " for passage in all_words)


def _unrelated_crossrefs(library: Library) -> Iterable[Problem]:
    """Cross-referenced passages that share no word: probably the wrong anchor."""
    seen: set[frozenset[tuple[str, str]]] = set()
    for article, passage in library.iter_passages():
        for ref in passage.crossrefs:
            target = library.passage(ref.article, ref.anchor)
            pair = frozenset({(article.id, passage.anchor), (ref.article, ref.anchor)})
            if target is None or pair in seen:
                continue
            seen.add(pair)
            if not set(word_parts(passage.text)) & set(word_parts(target.text)):
                yield _warning(
                    article.path, passage.line,
                    QT_TRANSLATE_NOOP("Check", "cross-reference from #{anchor} to {target}: the two "
                                      "passages share no word; is it the right anchor?"),
                    anchor=passage.anchor, target=f"{ref.article}#{ref.anchor}",
                )
