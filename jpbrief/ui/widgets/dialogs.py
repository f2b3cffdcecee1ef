"""Small dialogs: confirm an external link, keyboard shortcuts, about."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jpbrief.ui.services.markup import escape, literal
from jpbrief.ui.widgets.screen_fit import fit_to_screen

translate = QCoreApplication.translate


def confirm_external_url(parent: QWidget | None, url: str) -> bool:
    """Ask before leaving the offline reader: the exact URL, default answer No."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Dialogs", "Open link in your web browser?"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        translate("Dialogs", "This link leads outside jpbrief. Open it in your web browser?")
        + f"<p><code>{escape(url)}</code></p><p>"
        + translate("Dialogs", "Only open it if you expect to be online and trust this address.")
        + "</p>"
    )
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: every action with its keys, by menu."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        extra = [
            (self.tr("Reader"), self.tr("Move to the next / previous marker"), "Tab, Shift+Tab"),
            (self.tr("Reader"), self.tr("Open the focused footnote or cross-reference"), "Enter"),
            (self.tr("Card"), self.tr("Close the card"), "Esc"),
            (self.tr("Card"), self.tr("Copy the citation"), "Ctrl+C"),
            (self.tr("Card"), self.tr("Go to the cross-referenced passage"), "Ctrl+Enter"),
            (self.tr("Search"), self.tr("Move from the query to the results"), "Down"),
            (self.tr("Search"), self.tr("Open the selected result"), "Enter"),
        ]
        self.table = QTableWidget(len(rows) + len(extra), 3)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # a list
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, values in enumerate([*rows, *extra]):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(560, 520))

    def rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            texts = [cell.text() if cell is not None else "" for cell in cells]
            rows.append((texts[0], texts[1], texts[2]))
        return rows


def note_prompt(passage_text: str) -> str:
    """The add-note dialog's label (Qt guesses its format): the passage quoted as text."""
    shown = passage_text if len(passage_text) <= 80 else passage_text[:80] + "…"
    return literal(translate("Dialogs", "Note on “{passage}”:").format(passage=shown))


def about_text(version: str, articles: int, passages: int, sources: int) -> str:
    return (
        f"<h3>jpbrief {escape(version)}</h3>"
        + "<p>"
        + translate("Dialogs", "An offline reader for briefings on Japan's defence and economic security.")
        + "</p><p>"
        + translate("Dialogs", "Articles: {articles} · passages: {passages} · sources: {sources}").format(
            articles=articles, passages=passages, sources=sources)
        + "</p><p>"
        + translate("Dialogs", "jpbrief never connects to the network. Cross-references, themes and "
                               "summaries are the editor's annotations, shown as such; the articles' text "
                               "is the originals'.")
        + "</p>"
    )


def about_dialog(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(translate("Dialogs", "About jpbrief"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box

