"""The problems banner: what could not be loaded, at the top of the window, never blocking.

Each root cause is listed once, in plain words ("articles/alpha.md, line 3: ..."), with
paths relative to the content folder; what only follows from it (a link into an article
that was skipped) is listed under it as such, not as a problem of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from jpbrief.core.message import Message
from jpbrief.core.model import Library, Problem
from jpbrief.ui.i18n import QT_TRANSLATE_NOOP
from jpbrief.ui.labels import translated
from jpbrief.ui.qt_namespace import set_properties
from jpbrief.ui.services.markup import escape

translate = QCoreApplication.translate

MAX_LINES = 8
FOLLOWS = QT_TRANSLATE_NOOP("Banner", "↳ follows from this:")
"""Marks a problem that only follows from the root cause above it."""
_BECAUSE_RE = re.compile(r"\s*\(because [^()]*: see above\)")
"""The command line's pointer to the root cause; the banner shows it by placement instead."""


def where(problem: Problem, content_dir: Path | None) -> str:
    """``articles/alpha.md, line 3``: the path relative to the content folder, in words."""
    path = Path(problem.path)
    if content_dir is not None:
        if path == content_dir:
            shown = translate("Banner", "the content folder")
        else:
            try:
                shown = path.relative_to(content_dir).as_posix()
            except ValueError:
                shown = problem.path
    else:
        shown = problem.path
    if not problem.line:
        return shown
    return translate("Banner", "{file}, line {line}").format(file=shown, line=problem.line)


def _without_because(message: str) -> str:
    """``message`` without its pointer to the root cause, in any language: a value that is
    a core message starting "(because" (see :func:`jpbrief.core.content.checks.because_not_loaded`)."""
    if not isinstance(message, Message):
        return message
    values = {name: "" if isinstance(value, Message) and value.template.startswith("(because ") else value
              for name, value in message.values.items()}
    return Message(message.template, **values)


def plain(problem: Problem, content_dir: Path | None) -> str:
    """One problem in plain words, without the command line's "see above"."""
    message = _BECAUSE_RE.sub("", translated(_without_because(problem.message))).rstrip()
    if problem.severity == "warning":
        warning = translate("Banner", "{where}: warning: {message}")
        return warning.format(where=where(problem, content_dir), message=message)
    return f"{where(problem, content_dir)}: {message}"


def grouped(problems: Iterable[Problem]) -> list[tuple[Problem, list[Problem]]]:
    """Each root cause once, in order, with the problems that follow from it."""
    roots: dict[Problem, list[Problem]] = {}
    for problem in problems:
        cause = problem.follows_from
        if cause is None:
            roots.setdefault(problem, [])
        else:
            roots.setdefault(cause, []).append(problem)
    return list(roots.items())


class ProblemsBanner(QFrame):
    """Lists skipped articles and the validator's messages; the reader keeps working."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsBanner")
        self.setAccessibleName(self.tr("Content problems"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        self.details = QLabel()
        self.details.setObjectName("bannerDetails")
        set_properties(self.details, textFormat="RichText", textInteractionFlags="TextSelectableByMouse")
        self.details.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss the content problems"))
        self.close_button.clicked.connect(self.dismiss)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addLayout(text, 1)
        button = QVBoxLayout()  # the button at the top, however many lines the details take
        button.addWidget(self.close_button)
        button.addStretch(1)
        layout.addLayout(button)
        self.setVisible(False)

    def show_problems(
        self, library: Library, content_dir: Path | None = None, *, kept: Sequence[str] = ()
    ) -> bool:
        """Show the library's problems; False (and hidden) when there are none.

        ``content_dir``: paths are shown relative to it; ``kept``: ids of articles whose
        file no longer loads (a broken save) and whose last good version is still shown.
        """
        content_dir = Path(content_dir) if content_dir is not None else None
        groups = grouped(library.problems)
        if not groups and not library.skipped:
            self.setVisible(False)
            return False
        skipped = len(library.skipped)
        if kept:
            self.title.setText(self.tr(
                "<b>%n changed article(s) could not be loaded</b> — the last version that "
                "loaded is still shown. Fix the file and save it again.", None, len(kept)))
        elif skipped:
            self.title.setText(self.tr(
                "<b>%n article(s) could not be loaded</b> — the others are shown. "
                "Run <code>jpbrief check</code> for details.", None, skipped))
        else:
            count = len(groups)
            self.title.setText(self.tr("<b>%n problem(s) in the content</b>", None, count))
        lines: list[str] = []
        for root, consequences in groups:
            lines.append(escape(plain(root, content_dir)))
            follows = translate("Banner", FOLLOWS)
            lines += [f"&nbsp;&nbsp;&nbsp;{follows} {escape(plain(p, content_dir))}" for p in consequences]
        shown = lines[:MAX_LINES]
        if len(lines) > MAX_LINES:
            shown.append(self.tr("… and %n more line(s): run <code>jpbrief check</code>", None,
                                 len(lines) - MAX_LINES))
        self.details.setText("<br>".join(shown))
        self.setVisible(True)
        return True

    def dismiss(self) -> None:
        self.setVisible(False)
        self.dismissed.emit()
