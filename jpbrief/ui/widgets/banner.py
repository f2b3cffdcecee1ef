"""The problems banner: what could not be loaded, at the top of the window, never blocking."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from jpbrief.core.model import Library
from jpbrief.ui.services.markup import escape

MAX_LINES = 8


class ProblemsBanner(QFrame):
    """Lists skipped articles and the validator's messages; the reader keeps working."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsBanner")
        self.setAccessibleName("Content problems")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        self.details = QLabel()
        self.details.setObjectName("bannerDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("Dismiss")
        self.close_button.setAccessibleName("Dismiss the content problems")
        self.close_button.clicked.connect(self.dismiss)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def show_problems(self, library: Library) -> bool:
        """Show the library's problems; False (and hidden) when there are none."""
        problems = [str(p) for p in library.problems]
        if not problems and not library.skipped:
            self.setVisible(False)
            return False
        skipped = len(library.skipped)
        if skipped:
            noun = "article" if skipped == 1 else "articles"
            self.title.setText(
                f"<b>{skipped} {noun} could not be loaded</b> — the others are shown. "
                "Run <code>jpbrief check</code> for details."
            )
        else:
            self.title.setText(f"<b>{len(problems)} problem(s) in the content</b>")
        lines = [escape(line) for line in problems[:MAX_LINES]]
        if len(problems) > MAX_LINES:
            lines.append(f"… and {len(problems) - MAX_LINES} more")
        self.details.setText("<br>".join(lines))
        self.setVisible(True)
        return True

    def dismiss(self) -> None:
        self.setVisible(False)
        self.dismissed.emit()
