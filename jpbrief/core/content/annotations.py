"""Load and check events.yaml and figures.yaml: an editor's dated events and key figures.

Both files annotate passages from outside the articles, so the author's text is never
touched: each record names an article, a passage anchor and the author's exact words
(``quote``) that state the event or figure. Every problem is reported at the line of the
field at fault; a record with a problem is left out, the rest load. The format is
documented in ``docs/content-format.md`` ("events.yaml and figures.yaml").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jpbrief.core.content.fields import ID_RE, report_markup
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.content.yamlsource import yaml_document, yaml_items
from jpbrief.core.dates import contains, date_span
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message
from jpbrief.core.model import Article, Event, Figure, Passage, Theme

CURRENCIES = ("JPY", "USD", "EUR", "GBP", "CNY", "KRW", "AUD")
"""ISO 4217 codes a figure may be in (¥ is JPY, $ is USD in the bundled articles)."""
UNITS = ("percent", "people", "companies", "countries", "units", "years", "days", "rank", "km", "tonnes")
"""Other units: ``units`` counts things (ships, agreements, rounds), ``rank`` an ordinal."""
RELATIONS = ("in", "by", "as_of")

_COMMON = {"id", "article", "anchor", "quote", "footnote", "themes"}
EVENT_KEYS = _COMMON | {"date", "label", "same_as"}
FIGURE_KEYS = _COMMON | {"quantity", "unit", "measure", "year", "relation", "same_measure"}

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDS = {
    word: value for value, word in enumerate((
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty"))
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "hundred": 100}
_ORDINALS = {word: value for value, word in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), 1)}
_DIGITS_RE = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion))?")
_RATIO_RE = re.compile(r"\b([a-z]+|\d+) out of (?:every )?([a-z]+|\d+)\b", re.IGNORECASE)
_NUMBER_TEXT_RE = re.compile(r"^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")


@dataclass(frozen=True)
class _Anchored:
    """What every record shares, checked: its passage, footnote and themes."""

    id: str
    article: str
    anchor: str
    quote: str
    footnote: int | None
    source_id: str | None
    themes: tuple[str, ...]


class _Record:
    """One YAML record with the line of each of its fields, for precise reports."""

    def __init__(self, path: Path, item: dict[str, Any], line: int, lines: dict[str, int],
                 report: Reporter) -> None:
        self.path, self.item, self.line, self.lines, self.report = path, item, line, lines, report
        self.ok = True

    def bad(self, key: str, message: str, /, **values: Any) -> None:
        self.report.add(self.path, self.lines.get(key, self.line), message, **values)
        self.ok = False

    def text(self, key: str, what: str) -> str:
        value = self.item.get(key)
        if value is None or isinstance(value, (dict, list)) or str(value).strip() == "":
            self.bad(key, QT_TRANSLATE_NOOP("Check", "{what} needs {key}"), what=what, key=key)
            return ""
        return str(value)


def load_annotations(
    files: Mapping[str, Path], articles: Sequence[Article], themes: Mapping[str, Theme],
    report: Reporter,
) -> tuple[tuple[Event, ...], tuple[Figure, ...]]:
    """The valid events and figures of ``events.yaml`` and ``figures.yaml`` (each optional)."""
    by_id = {article.id: article for article in articles}
    events = _load(files.get("events.yaml"), "events", by_id, themes, report, _event)
    figures = _load(files.get("figures.yaml"), "figures", by_id, themes, report, _figure)
    _check_links(files.get("events.yaml"), events, "same_as", report)
    _check_links(files.get("figures.yaml"), figures, "same_measure", report)
    return tuple(e for e in events if isinstance(e, Event)), tuple(
        f for f in figures if isinstance(f, Figure))


def _load(path: Path | None, key: str, articles: Mapping[str, Article], themes: Mapping[str, Theme],
          report: Reporter, build: Any) -> list[Any]:
    """The records under ``key`` that ``build`` makes without a problem (None: no file)."""
    if path is None:
        return []
    document = yaml_document(path, report)
    field_lines = _field_lines(document[1] if document else None, key)
    built: list[Any] = []
    seen: dict[str, int] = {}
    for index, (item, line) in enumerate(yaml_items(path, document, key, report)):
        lines = field_lines[index] if index < len(field_lines) else {}
        events = key == "events"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not ID_RE.match(item["id"]):
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "an event needs an id of lower-case letters, digits and hyphens")
                       if events else QT_TRANSLATE_NOOP(
                           "Check", "a figure needs an id of lower-case letters, digits and hyphens"))
            continue
        if item["id"] in seen:
            report.add(path, line, QT_TRANSLATE_NOOP(
                "Check", "duplicate event id {id!r} (first on line {first})") if events
                       else QT_TRANSLATE_NOOP("Check", "duplicate figure id {id!r} (first on line {first})"),
                       id=item["id"], first=seen[item["id"]])
            continue
        what = _named(key, item["id"])
        seen[item["id"]] = line
        record = _Record(path, item, line, lines, report)
        known = EVENT_KEYS if key == "events" else FIGURE_KEYS
        for unknown in sorted(set(map(str, item)) - known):
            record.bad(unknown, QT_TRANSLATE_NOOP(
                "Check", "{what}: unknown field {key!r}"), what=what, key=unknown)
        anchored = _anchored(record, what, articles, themes)
        result = build(record, anchored)
        if record.ok and result is not None:
            built.append(result)
    return built


def _field_lines(root: yaml.Node | None, key: str) -> list[dict[str, int]]:
    """For each record under ``key``, the line of each of its fields."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for key_node, value_node in root.value:
        if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
            return [
                {k.value: k.start_mark.line + 1 for k, _v in node.value}
                if isinstance(node, yaml.MappingNode) else {}
                for node in value_node.value
            ]
    return []


def _named(key: str, record_id: str) -> Message:
    """``event 'x'`` or ``figure 'x'``: a record as the reports name it."""
    if key == "events":
        return Message(QT_TRANSLATE_NOOP("Check", "event {id!r}"), id=record_id)
    return Message(QT_TRANSLATE_NOOP("Check", "figure {id!r}"), id=record_id)


def _anchored(record: _Record, what: str, articles: Mapping[str, Article],
              themes: Mapping[str, Theme]) -> _Anchored | None:
    """Check article, anchor, quote, footnote and themes; None when the passage is unknown."""
    item = record.item
    article = articles.get(str(item.get("article")))
    if article is None:
        record.bad("article", QT_TRANSLATE_NOOP("Check", "{what}: unknown article {article}"), what=what,
                   article=shown(item.get("article")))
        return None
    passage = article.passage(str(item.get("anchor")))
    if passage is None:
        record.bad("anchor", QT_TRANSLATE_NOOP(
            "Check", "{what}: no passage {anchor} in article {article!r}"), what=what,
                   anchor=shown(item.get("anchor")), article=article.id)
        return None
    quote = record.text("quote", what)
    if quote and quote not in passage.text:
        record.bad("quote", QT_TRANSLATE_NOOP("Check", "{what}: quote {quote} is not in the words of {place} "
                                                     "(it must be copied exactly)"),
                   what=what, quote=shown(quote, 60), place=f"{article.id}#{passage.anchor}")
    number, source_id = _footnote(record, what, article, passage)
    given = item.get("themes")
    if given is None:
        chosen = passage.themes
    elif isinstance(given, list) and all(isinstance(t, str) for t in given):
        chosen = tuple(given)
        for theme in chosen:
            if theme not in themes:
                record.bad("themes", QT_TRANSLATE_NOOP(
                    "Check", "{what}: unknown theme {theme!r} (not in themes.yaml)"),
                           what=what, theme=theme)
    else:
        record.bad("themes", QT_TRANSLATE_NOOP(
            "Check", "{what}: themes must be a list of theme ids"), what=what)
        chosen = passage.themes
    return _Anchored(str(item["id"]), article.id, passage.anchor, quote, number, source_id, chosen)


def _footnote(
    record: _Record, what: str, article: Article, passage: Passage
) -> tuple[int | None, str | None]:
    value = record.item.get("footnote")
    if value is None:
        return None, None
    if not isinstance(value, int) or isinstance(value, bool):
        record.bad("footnote", QT_TRANSLATE_NOOP(
            "Check", "{what}: footnote must be the footnote's number, got {value}"),
                   what=what, value=shown(value))
        return None, None
    for footnote in passage.footnotes:
        if footnote.number == value:
            return value, footnote.source_id or None
    numbers = ", ".join(str(f.number) for f in passage.footnotes) or Message(QT_TRANSLATE_NOOP(
        "Check", "none"))
    record.bad("footnote", QT_TRANSLATE_NOOP(
        "Check", "{what}: footnote [{number}] is not in {place} (its footnotes: {numbers})"),
               what=what, number=value, place=f"{article.id}#{passage.anchor}", numbers=numbers)
    return None, None


def _links(record: _Record, key: str, what: str) -> tuple[str, ...]:
    value = record.item.get(key)
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        record.bad(key, QT_TRANSLATE_NOOP(
            "Check", "{what}: {key} must be an id or a list of ids"), what=what, key=key)
        return ()
    return tuple(values)


def _date(record: _Record, key: str, what: str, *, required: bool) -> str | None:
    value = record.item.get(key)
    if value is None and not required:
        return None
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if date_span(text) is None:
        record.bad(key, QT_TRANSLATE_NOOP(
            "Check", "{what}: {key} must be a real YYYY, YYYY-MM or YYYY-MM-DD, or a range "
                                      "START..END, got {value}"), what=what, key=key, value=shown(value))
        return None
    return text


def _event(record: _Record, anchored: _Anchored | None) -> Event | None:
    what = _named("events", record.item["id"])
    date = _date(record, "date", what, required=True)
    label = record.text("label", what)
    report_markup(record.path, record.lines.get("label", record.line), what, [("label", label)],
                  record.report)
    same_as = _links(record, "same_as", what)
    if anchored is None or date is None:
        return None
    return Event(anchored.id, anchored.article, anchored.anchor, anchored.quote, date, label,
                 anchored.footnote, anchored.source_id, same_as, anchored.themes, record.line)


def _figure(record: _Record, anchored: _Anchored | None) -> Figure | None:
    item, what = record.item, _named("figures", record.item["id"])
    quantity = _quantity(item.get("quantity"))
    if quantity is None:
        record.bad("quantity", QT_TRANSLATE_NOOP(
            "Check", "{what}: quantity must be a number (scale words such as "
                                             "'trillion' belong in the quote only), got {value}"),
                   what=what, value=shown(item.get("quantity")))
    unit = item.get("unit")
    if unit not in CURRENCIES and unit not in UNITS:
        record.bad("unit", QT_TRANSLATE_NOOP(
            "Check", "{what}: unknown unit {unit} (currencies: {currencies}; units: {units})"),
                   what=what, unit=shown(unit), currencies=", ".join(CURRENCIES), units=", ".join(UNITS))
    measure = record.text("measure", what)
    report_markup(record.path, record.lines.get("measure", record.line), what, [("measure", measure)],
                  record.report)
    year = _date(record, "year", what, required=False)
    relation = item.get("relation", "in")
    if relation not in RELATIONS:
        record.bad("relation",
                   QT_TRANSLATE_NOOP("Check", "{what}: relation must be one of {known}, got {value}"),
                   what=what, known=", ".join(RELATIONS), value=shown(relation))
    same = _links(record, "same_measure", what)
    if anchored is None or quantity is None or not record.ok:
        return None
    if anchored.quote and not states(anchored.quote, quantity, str(unit)):
        record.bad("quantity", QT_TRANSLATE_NOOP(
            "Check", "{what}: the quote {quote} does not state {quantity:g}"),
                   what=what, quote=shown(anchored.quote, 60), quantity=quantity)
        return None
    return Figure(anchored.id, anchored.article, anchored.anchor, anchored.quote, quantity, str(unit),
                  measure, year, str(relation), anchored.footnote, anchored.source_id, same,
                  anchored.themes, record.line)


def _quantity(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    if isinstance(value, str) and _NUMBER_TEXT_RE.match(value.strip()):
        return float(value)
    return None


def states(quote: str, quantity: float, unit: str) -> bool:
    """True when ``quote`` writes ``quantity``: in digits (with a scale word such as
    'trillion'), as a number word ('fifty'), an ordinal ('second-largest' for a rank) or,
    for a percentage, a ratio ('nine out of every ten')."""
    candidates = [float(d.replace(",", "")) * _SCALES.get((s or "").lower(), 1)
                  for d, s in _DIGITS_RE.findall(quote)]
    words = re.findall(r"[a-z]+", quote.lower())
    candidates += [_WORDS[w] for w in words if w in _WORDS]
    if unit == "rank":
        candidates += [_ORDINALS[w] for w in words if w in _ORDINALS]
    if unit == "percent":
        for top, bottom in _RATIO_RE.findall(quote):
            a, b = (_WORDS.get(x.lower()) if not x.isdigit() else int(x) for x in (top, bottom))
            if a is not None and b:
                candidates.append(100 * a / b)
    return any(math.isclose(quantity, c, rel_tol=1e-9) for c in candidates)


def _check_links(path: Path | None, records: list[Any], key: str, report: Reporter) -> None:
    """Every link names another record of the same file; linked events' dates must nest."""
    by_id = {record.id: record for record in records}
    for record in records:
        for target_id in getattr(record, key):
            target = by_id.get(target_id)
            where = Message(QT_TRANSLATE_NOOP("Check", "{key} of {id!r}"), key=key, id=record.id)
            if target_id == record.id:
                report.add(str(path), record.line, QT_TRANSLATE_NOOP(
                    "Check", "{where} names the record itself"), where=where)
            elif target is None:
                report.add(str(path), record.line, QT_TRANSLATE_NOOP(
                    "Check", "{where} names {target!r}, which is not in this "
                                                   "file or has a problem of its own"),
                           where=where, target=target_id)
            elif isinstance(record, Event) and not (
                contains(record.date, target.date) or contains(target.date, record.date)
            ):
                report.add(str(path), record.line, QT_TRANSLATE_NOOP(
                    "Check", "{where}: {target!r} is dated {date}, "
                                                   "which neither holds nor lies within {within}"),
                           where=where, target=target_id, date=target.date, within=record.date)
