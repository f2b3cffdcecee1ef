"""The key-figures view, without Qt: a sortable, theme-filtered table of annotated figures.

Figures linked by ``same_measure`` (two articles giving the same measure) are a group:
they sit side by side in any sort order, and each row says whether its group disagrees
and in what (``unit``, ``value``, ``year``). Quantities are stored whole in their unit
(¥5.4 trillion and "5.4 trillion yen" are both 5.4e12 JPY), so comparing them needs no
scale words; :func:`display_value` writes them back for people.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jpbrief.core.chronology import link_groups
from jpbrief.core.dates import date_span
from jpbrief.core.model import Figure, Library

SYMBOLS = {"JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
SORT_KEYS = ("measure", "value", "year", "article")


@dataclass(frozen=True)
class FigureRow:
    """One figure as a table row, with its group of the same measure."""

    figure: Figure
    value: str
    group: tuple[str, ...]
    """Ids of every figure of the same measure, this one included (in library order)."""
    differences: tuple[str, ...]
    """What the group disagrees on: any of ``unit``, ``value``, ``year``; empty if it agrees."""

    @property
    def disagrees(self) -> bool:
        return bool(self.differences)


def display_value(quantity: float, unit: str) -> str:
    """``¥5.4 trillion``, ``$2.2 billion``, ``72.5%``, ``4,000 people``, ``2nd``."""
    if unit == "rank":
        n = int(quantity)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if unit == "percent":
        return f"{quantity:g}%"
    number = f"{quantity:,.0f}" if quantity == int(quantity) else f"{quantity:,g}"
    for size, word in SCALES:
        if abs(quantity) >= size:
            number = f"{quantity / size:g} {word}"
            break
    if unit in SYMBOLS:
        return f"{SYMBOLS[unit]}{number}"
    if unit.isupper():
        return f"{unit} {number}"
    return number if unit == "units" else f"{number} {unit}"


def _differences(figures: list[Figure]) -> tuple[str, ...]:
    first = figures[0]
    found = []
    if any(f.unit != first.unit for f in figures):
        found.append("unit")
    elif any(not math.isclose(f.quantity, first.quantity, rel_tol=1e-9) for f in figures):
        found.append("value")
    if any((f.year, f.relation) != (first.year, first.relation) for f in figures):
        found.append("year")
    return tuple(found)


def _sort_key(name: str) -> Callable[[FigureRow], Any]:
    def year(row: FigureRow) -> tuple[Any, ...]:
        span = date_span(row.figure.year) if row.figure.year else None
        return (span is None, span or (), row.figure.measure.casefold())

    keys: dict[str, Callable[[FigureRow], Any]] = {
        "measure": lambda row: (row.figure.measure.casefold(), year(row)),
        "value": lambda row: (row.figure.unit, row.figure.quantity),
        "year": year,
        "article": lambda row: (row.figure.article, row.figure.line),
    }
    if name not in keys:
        raise ValueError(f"unknown sort key {name!r} (known: {', '.join(SORT_KEYS)})")
    return keys[name]


def figure_rows(library: Library, theme: str | None = None, sort: str = "measure",
                descending: bool = False) -> list[FigureRow]:
    """The table: rows sorted by ``sort`` (one of :data:`SORT_KEYS`), each group of the same
    measure kept together where its first member sorts; with ``theme``, only the groups of
    which a figure carries it."""
    order = {article.id: n for n, article in enumerate(library.articles)}
    figures = sorted(library.figures, key=lambda f: (order.get(f.article, len(order)), f.line))
    groups = link_groups(figures, lambda f: f.id, lambda f: f.same_measure)
    if theme is not None:
        groups = [g for g in groups if any(theme in f.themes for f in g)]
    rows = []
    for group in groups:
        ids, differences = tuple(f.id for f in group), _differences(group)
        rows.append([FigureRow(f, display_value(f.quantity, f.unit), ids, differences) for f in group])
    key = _sort_key(sort)
    rows.sort(key=lambda members: key(members[0]), reverse=descending)
    return [row for members in rows for row in members]


def measure_pairs(library: Library, theme: str | None = None) -> list[list[FigureRow]]:
    """The groups of two or more figures of the same measure, side by side."""
    grouped: dict[tuple[str, ...], list[FigureRow]] = {}
    for row in figure_rows(library, theme):
        if len(row.group) > 1:
            grouped.setdefault(row.group, []).append(row)
    return list(grouped.values())
