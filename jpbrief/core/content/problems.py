"""Collect what is wrong with the content as ``path:line: message`` problems."""

from __future__ import annotations

from pathlib import Path

from jpbrief.core.model import Problem


class Reporter:
    """Collects every problem of one load; the loader never raises on bad content."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path | str, line: int, message: str) -> None:
        self.problems.append(Problem(str(path), line, message))

    def warn(self, path: Path | str, line: int, message: str) -> None:
        """The content loads as written, but the editor's work is incomplete."""
        self.problems.append(Problem(str(path), line, message, "warning"))


def shown(value: object, limit: int = 80) -> str:
    """A value for a message: repr-like and never longer than ``limit``."""
    text = repr(value) if not isinstance(value, BaseException) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
