"""Collect what is wrong with the content as ``path:line: message`` problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jpbrief.core.message import Message, Template
from jpbrief.core.model import Problem


def said(message: str, values: dict[str, Any]) -> str:
    """``message`` filled with ``values`` when it is a marked template (context "Check",
    so the reader can say it in its language), else the text as it is."""
    return Message(message, **values) if isinstance(message, Template) else message


class Reporter:
    """Collects every problem of one load; the loader never raises on bad content."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path | str, line: int, message: str, /, *, follows_from: Problem | None = None,
            **values: Any) -> None:
        """``message``: plain text, or a template marked ``QT_TRANSLATE_NOOP("Check", …)``
        and the ``values`` that fill it (names, ids, quoted text: never translated)."""
        self.problems.append(Problem(str(path), line, said(message, values), follows_from=follows_from))

    def first(self, path: Path | str) -> Problem | None:
        """The first error reported at ``path`` (for a skipped file: why it was skipped)."""
        return next((p for p in self.problems if p.path == str(path) and p.severity == "error"), None)

    def warn(self, path: Path | str, line: int, message: str, /, **values: Any) -> None:
        """The content loads as written, but the editor's work is incomplete."""
        self.problems.append(Problem(str(path), line, said(message, values), "warning"))


def shown(value: object, limit: int = 80) -> str:
    """A value for a message: repr-like and never longer than ``limit``."""
    text = repr(value) if not isinstance(value, BaseException) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
