"""Editorial dates with a precision: a day, a month, a year, or a range of two of them.

Events and figures are dated as ``2024-05-10`` (day), ``2024-05`` (month), ``2024``
(year) or ``START..END`` (a range, e.g. ``2014..2016`` or ``2022-12..2023-03``). A date is
kept as written, for display; :func:`date_span` turns it into the first and last day it
covers, which is what sorting, grouping and comparing use.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

_POINT_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
RANGE_SEPARATOR = ".."


def _point(text: str) -> tuple[dt.date, dt.date, str] | None:
    """First day, last day and precision of one day, month or year; None if not real."""
    match = _POINT_RE.match(text)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last), "month"
        day_date = dt.date(year, month, day)
    except ValueError:
        return None
    return day_date, day_date, "day"


@lru_cache(maxsize=4096)  # sorting a big library's timeline asks for the same few dates again and again
def date_span(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day ``text`` covers, or None when it is not a real date or range
    (a range must run forwards: ``2016..2014`` is None)."""
    start_text, separator, end_text = text.partition(RANGE_SEPARATOR)
    start = _point(start_text)
    if start is None:
        return None
    if not separator:
        return start[0], start[1]
    end = _point(end_text)
    if end is None or end[1] < start[0] or RANGE_SEPARATOR in end_text:
        return None
    return start[0], end[1]


def precision(text: str) -> str | None:
    """``day``, ``month``, ``year`` or ``range``; None when ``text`` is not a date."""
    if date_span(text) is None:
        return None
    if RANGE_SEPARATOR in text:
        return "range"
    point = _point(text)
    return point[2] if point else None


def contains(outer: str, inner: str) -> bool:
    """True when every day of ``inner`` lies within ``outer`` (both valid dates)."""
    outer_span, inner_span = date_span(outer), date_span(inner)
    if outer_span is None or inner_span is None:
        return False
    return outer_span[0] <= inner_span[0] and inner_span[1] <= outer_span[1]


def _point_text(text: str) -> str:
    point = _point(text)
    if point is None:
        return text
    first, _last, kind = point
    if kind == "day":
        return f"{first.day} {first:%B %Y}"
    return f"{first:%B %Y}" if kind == "month" else str(first.year)


def display_date(text: str) -> str:
    """A date for people: ``10 May 2024``, ``May 2024``, ``2024``, ``2014–2016``,
    ``December 2022 – March 2023``; ``text`` as written when it is not a date."""
    if date_span(text) is None:
        return text
    start_text, separator, end_text = text.partition(RANGE_SEPARATOR)
    if not separator:
        return _point_text(start_text)
    start, end = _point_text(start_text), _point_text(end_text)
    return f"{start}–{end}" if " " not in start + end else f"{start} – {end}"
