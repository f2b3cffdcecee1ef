"""What the content's plain fields may hold: ids, dates, and text without markup."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.message import QT_TRANSLATE_NOOP

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Article, anchor, theme ids: lower-case letters, digits and single hyphens."""

URL_RE = re.compile(r"^https?://[^\s/]+\S*$")
"""A complete http(s) address (stored and shown, never fetched)."""

DATE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")

PLAIN_TEXT_MARKUP_RE = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
"""An HTML tag, comment or character reference: never allowed in plain-text fields
(glossary, theme labels and descriptions, citations), which the reader shows as text."""


def valid_date(value: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month."""
    if not DATE_RE.match(value):
        return False
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def report_markup(
    path: Path, line: int, what: str, fields: Iterable[tuple[str, Any]], report: Reporter,
    consequence: str = "",
) -> bool:
    """Report every plain-text field (name, value) that holds markup; True if any did."""
    found = False
    for name, value in fields:
        match = PLAIN_TEXT_MARKUP_RE.search(value) if isinstance(value, str) else None
        if match:
            report.add(
                path, line,
                QT_TRANSLATE_NOOP(
                    "Check", "{what}: {name} holds markup {markup}, but it is plain text{consequence}"),
                what=what, name=name, markup=shown(value[match.start():match.start() + 30]),
                consequence=consequence,
            )
            found = True
    return found
