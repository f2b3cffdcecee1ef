"""Japanese names in glossary.yaml: the ``ja``/``reading``/``ja_source`` fields, checked.

A Japanese name is written in Japanese script (kanji or kana), its reading in ASCII romaji
(``hangeki noryoku``: no macrons, no kana), and it always says where it was taken from
(``ja_source``: an official page's address or a document's title), so that no name in the
glossary is a guess. An acronym carries one only when it has one meaning; the Japanese
names of other terms, and of each meaning of a multi-meaning acronym, go under ``terms:``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jpbrief.core.content.fields import report_markup
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message
from jpbrief.core.model import BilingualTerm, JapaneseName

JA_KEYS = ("ja", "reading", "ja_source")
TERM_KEYS = {"term", *JA_KEYS}

JAPANESE_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
"""One character of Japanese script: hiragana, katakana (full or half width) or kanji."""
LATIN_LETTER_RE = re.compile(r"[A-Za-z\uff21-\uff3a\uff41-\uff5a]")
READING_RE = re.compile(r"[a-z]+(?:['\- ][a-z]+)*", re.IGNORECASE)


def japanese_name(
    path: Path, line: int, what: str, item: dict[str, Any], report: Reporter
) -> JapaneseName | None:
    """The Japanese name an entry carries (None if it has none); bad fields are reported."""
    ja, reading, source = (item.get(key) for key in JA_KEYS)
    if ja is None:
        for key in ("reading", "ja_source"):
            if item.get(key) is not None:
                report.add(path, line, QT_TRANSLATE_NOOP(
                    "Check", "{what}: {key} is given but ja (the Japanese name) is not"),
                           what=what, key=key)
        return None
    ok = True
    if not isinstance(ja, str) or not JAPANESE_RE.search(ja):
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "{what}: ja must be the Japanese name in Japanese script "
                               "(kanji or kana, e.g. {example}), got {ja}"), what=what, example="反撃能力",
                   ja=shown(ja))
        ok = False
    elif LATIN_LETTER_RE.search(ja) and not JAPANESE_RE.search(ja.strip()[:1]):
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "{what}: ja must start in Japanese script, got {ja}; "
                               "put the romaji under reading:"), what=what, ja=shown(ja))
        ok = False
    if reading is not None and not (isinstance(reading, str) and READING_RE.fullmatch(reading.strip())):
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "{what}: reading must be romaji in plain ASCII letters "
                               "(e.g. 'hangeki noryoku'; write ō as o or ou), got {reading}"),
                   what=what, reading=shown(reading))
        ok = False
    if not isinstance(source, str) or not source.strip():
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "{what}: ja needs ja_source: where the Japanese name is taken from "
                               "(an official page's address or a document's title), so it is never a guess"),
                   what=what)
        ok = False
    fields = [(key, item.get(key)) for key in JA_KEYS]
    if report_markup(path, line, what, fields, report) or not ok:
        return None
    assert isinstance(ja, str) and isinstance(source, str)
    return JapaneseName(ja.strip(), reading.strip() if isinstance(reading, str) else None, source.strip())


def bilingual_term(path: Path, line: int, item: object, report: Reporter) -> BilingualTerm | None:
    """One ``terms:`` entry: ``term`` (a text, or a list of the forms the articles print) and
    its Japanese name; None (reported) if it is not one."""
    if not isinstance(item, dict):
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "a term needs term: (English) and ja: (its Japanese name)"))
        return None
    english = item.get("term")
    forms = [english] if isinstance(english, str) else english
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "a term needs term: (its English, or a list of the forms the "
                               "articles print) and ja: (its Japanese name)"))
        return None
    what = Message(QT_TRANSLATE_NOOP("Check", "term {term!r}"), term=forms[0])
    for key in sorted(set(item) - TERM_KEYS, key=str):
        report.add(path, line, QT_TRANSLATE_NOOP("Check", "{what}: unknown field {key!r} (known: {known})"),
                   what=what, key=key, known=", ".join(sorted(TERM_KEYS)))
    numbered = [(Message(QT_TRANSLATE_NOOP(
        "Check", "form {number}"), number=n), f) for n, f in enumerate(forms, 1)]
    if report_markup(path, line, what, numbered, report):
        return None
    if item.get("ja") is None:
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "{what}: ja (the Japanese name) is missing"), what=what)
        return None
    name = japanese_name(path, line, what, item, report)
    if name is None:
        return None
    return BilingualTerm(tuple(dict.fromkeys(f.strip() for f in forms)), name)
