"""The chronology view, without Qt: every annotated event in date order, grouped by year.

Events that two articles report (linked by ``same_as``, directly or through a chain)
become one :class:`Entry` carrying every article's report: its anchor, the author's
exact words, the footnote and source. The entry is dated by the most precise of its
reports (they nest, which ``jpbrief check`` enforces) and sorts by the first day, then
the last day its date covers: a year comes before the months of that year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from jpbrief.core.dates import date_span, precision
from jpbrief.core.model import Event, Library

T = TypeVar("T")


@dataclass(frozen=True)
class Report:
    """One article's report of an event: where it stands and the words that state it."""

    event: str
    article: str
    anchor: str
    quote: str
    date: str
    label: str
    footnote: int | None
    source_id: str | None
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One event on the timeline, with the reports of every article that states it."""

    date: str
    label: str
    start: dt.date
    end: dt.date
    reports: tuple[Report, ...]

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def precision(self) -> str:
        return precision(self.date) or "year"

    @property
    def themes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for report in self.reports for t in report.themes))

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(report.article for report in self.reports))


@dataclass(frozen=True)
class YearGroup:
    year: int
    entries: tuple[Entry, ...]


def link_groups(items: Sequence[T], key: Callable[[T], Hashable],
                links: Callable[[T], Iterable[Hashable]]) -> list[list[T]]:
    """``items`` joined into groups along their links (either direction, transitively),
    each group in ``items`` order, groups ordered by their first member; unknown links
    are ignored (``jpbrief check`` reports them)."""
    parent = {key(item): key(item) for item in items}

    def root(k: Hashable) -> Hashable:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for item in items:
        for target in links(item):
            if target in parent:
                parent[root(target)] = root(key(item))
    groups: dict[Hashable, list[T]] = {}
    for item in items:
        groups.setdefault(root(key(item)), []).append(item)
    return list(groups.values())


def _report(event: Event) -> Report:
    return Report(event.id, event.article, event.anchor, event.quote, event.date, event.label,
                  event.footnote, event.source_id, event.themes)


def _entry(events: list[Event]) -> Entry:
    spans = [(date_span(event.date), index) for index, event in enumerate(events)]
    dated = [(span, index) for span, index in spans if span is not None]
    (start, end), best = min(dated, key=lambda pair: (pair[0][1] - pair[0][0], pair[1]))
    return Entry(events[best].date, events[0].label, start, end, tuple(map(_report, events)))


def entries(library: Library, theme: str | None = None) -> list[Entry]:
    """Every event as a timeline entry in date order; with ``theme``, only entries of
    which at least one report carries it (the entry keeps all its reports)."""
    order = {article.id: n for n, article in enumerate(library.articles)}
    events = sorted(
        (e for e in library.events if date_span(e.date) is not None),
        key=lambda e: (order.get(e.article, len(order)), e.line),
    )
    built = [_entry(group) for group in link_groups(events, lambda e: e.id, lambda e: e.same_as)]
    if theme is not None:
        built = [entry for entry in built if theme in entry.themes]
    return sorted(built, key=lambda entry: (entry.start, entry.end, entry.label.casefold()))


def timeline(library: Library, theme: str | None = None) -> list[YearGroup]:
    """The timeline: entries in date order, grouped by the year they start in."""
    years: dict[int, list[Entry]] = {}
    for entry in entries(library, theme):
        years.setdefault(entry.year, []).append(entry)
    return [YearGroup(year, tuple(group)) for year, group in years.items()]
