"""The Notes panel: bookmarks, highlights and notes by article, each with jump-to.

It shows what the app hands it (:meth:`NotesPanel.show_annotations`) and emits intents:
``passage_requested`` to jump, ``edit_requested`` to change a note's text (the *Edit…*
button, or the right-click menu on a note), ``remove_requested`` to delete one
annotation, ``export_requested`` to export them all.
Detached annotations (their passage is gone) are listed with their quote, marked as such.
:func:`ask_after_failed_save` is the dialog shown when a bookmark, highlight or note could
not be saved (a full disk, a read-only folder): the text is kept, to retry or copy.
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jpbrief.core.model import Library
from jpbrief.ui.i18n import QT_TRANSLATE_NOOP
from jpbrief.ui.services.markup import escape
from jpbrief.ui.widgets.rich_list import TARGET_ROLE, RichList
from jpbrief.ui.widgets.sidebar import excerpt, section_caption

KIND_LABELS = {"bookmark": QT_TRANSLATE_NOOP("NotesPanel", "Bookmark"),
               "highlight": QT_TRANSLATE_NOOP("NotesPanel", "Highlight"),
               "note": QT_TRANSLATE_NOOP("NotesPanel", "Note")}
NOUNS = {"bookmark": QT_TRANSLATE_NOOP("NotesPanel", "bookmark"),
         "highlight": QT_TRANSLATE_NOOP("NotesPanel", "highlight"),
         "note": QT_TRANSLATE_NOOP("NotesPanel", "note")}
"""Each kind of annotation as a noun inside a sentence."""
translate = QCoreApplication.translate


def noun(kind: str) -> str:
    """``kind`` ("bookmark", "highlight", "note") in the interface's words, inside a sentence."""
    return translate("NotesPanel", NOUNS[kind]) if kind in NOUNS else kind


class NotesPanel(QWidget):
    """Every annotation, grouped by article in library order."""

    passage_requested = Signal(str, str)
    remove_requested = Signal(str, int)  # kind, id
    edit_requested = Signal(int)  # a note's id
    export_requested = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.items = RichList(self.tr("Bookmarks, highlights and notes"))
        self.items.setObjectName("notesList")
        self.items.chosen.connect(self._chosen)
        self.items.currentItemChanged.connect(lambda *_items: self._enable_edit())
        self.items.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.items.customContextMenuRequested.connect(self._menu_at)
        self.empty = QLabel(self.tr(
            "No bookmarks or notes yet. Ctrl+D bookmarks the passage you are reading; "
            "select text and press Ctrl+Shift+H to highlight it, Ctrl+Shift+N to add a note."
        ))
        self.empty.setWordWrap(True)
        self.empty.setObjectName("notesEmpty")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected bookmark, highlight or note"))
        self.remove_button.clicked.connect(self._remove_current)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the text of the selected note"))
        self.edit_button.setToolTip(self.tr("Change the text of the selected note"))
        self.edit_button.clicked.connect(self._edit_current)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr(
            "Export all notes to Markdown, a word processor document, PDF or JSON"))
        self.export_button.setToolTip(self.tr(
            "Export all bookmarks, highlights and notes (Markdown, ODF, PDF or JSON)"))
        self.export_button.clicked.connect(self.export_requested)
        self.message = QLabel("")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # error messages quote paths and content
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QHBoxLayout()  # under the caption: beside it, they cut it short in a narrow sidebar
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(section_caption(self.tr("Bookmarks and notes")))
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.items, 1)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_annotations(self, annotations: list[Any]) -> None:
        """List ``annotations``; the one selected stays selected (an edit refreshes the list)."""
        selected = self._current()
        self.items.clear()
        order = {a.id: i for i, a in enumerate(self.library.articles)}
        ordered = sorted(annotations, key=lambda a: (order.get(a.article, len(order)), a.created))
        for annotation in ordered:
            article = self.library.article(annotation.article)
            passage = article.passage(annotation.anchor) if article else None
            where = article.title if article else annotation.article
            if passage is not None and passage.section:
                where += f" › {passage.section}"
            kind = translate("NotesPanel", KIND_LABELS[annotation.kind]) if annotation.kind in KIND_LABELS \
                else annotation.kind
            state = self.tr(" · detached: its passage is gone") if annotation.detached else ""
            body = getattr(annotation, "text", "") if annotation.kind == "note" else ""
            quote = annotation.quote or (passage.text if passage else "")
            html = f'<span class="muted">{escape(kind)} · {escape(where)}{escape(state)}</span>'
            if body:
                html += f"<br><b>{escape(excerpt(body, 200))}</b>"
            if quote:
                html += f"<br>“{escape(excerpt(quote, 160))}”"
            plain = f"{kind}: {where}. {body} {quote}".strip()
            self.items.add_item(plain, html, (annotation.kind, annotation.id, annotation.article,
                                              annotation.anchor))
            if selected == (annotation.kind, annotation.id):
                self.items.setCurrentRow(self.items.count() - 1)
        self.empty.setVisible(not ordered)
        self.remove_button.setEnabled(bool(ordered))
        self.export_button.setEnabled(bool(ordered))
        self._enable_edit()

    def targets(self) -> list[tuple[str, int, str, str]]:
        return [tuple(t) for t in self.items.targets()]

    def _chosen(self, target: Any) -> None:
        _kind, _id, article, anchor = target
        self.passage_requested.emit(str(article), str(anchor))

    def _current(self) -> tuple[str, int] | None:
        """(kind, id) of the selected annotation, if any."""
        item = self.items.currentItem()
        if item is None:
            return None
        kind, annotation_id, _article, _anchor = item.data(TARGET_ROLE)
        return str(kind), int(annotation_id)

    def _enable_edit(self) -> None:
        current = self._current()
        self.edit_button.setEnabled(current is not None and current[0] == "note")

    def _remove_current(self) -> None:
        if (current := self._current()) is not None:
            self.remove_requested.emit(*current)

    def _edit_current(self) -> None:
        if (current := self._current()) is not None and current[0] == "note":
            self.edit_requested.emit(current[1])

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The right-click menu on the item at ``pos`` (list viewport coordinates): go to
        its passage, edit it (a note), remove it. None off the items."""
        item = self.items.itemAt(pos)
        if item is None:
            return None
        self.items.setCurrentItem(item)
        target = item.data(TARGET_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Go to passage")).triggered.connect(lambda: self._chosen(target))
        if target[0] == "note":
            menu.addAction(self.tr("Edit note…")).triggered.connect(self._edit_current)
        menu.addAction(self.tr("Remove")).triggered.connect(self._remove_current)
        return menu

    def _menu_at(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            menu.exec(self.items.viewport().mapToGlobal(pos))
            menu.deleteLater()


SaveChoice = Literal["retry", "copy", "cancel"]


def ask_after_failed_save(parent: QWidget | None, what: str, error: BaseException,
                          text: str) -> SaveChoice:
    """Say that ``what`` was not saved and why; offer Retry, Copy text or Cancel."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("NotesPanel", "{What} not saved").format(What=noun(what).capitalize()))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the error and the text are never markup
    box.setText(translate("NotesPanel", "The {what} could not be saved: {error}").format(
        what=noun(what), error=error))
    box.setInformativeText(translate(
        "NotesPanel",
        "Nothing you typed is lost: retry (after freeing disk space, for example), or copy "
        "the text to paste it somewhere safe."
    ))
    box.setDetailedText(text)
    retry = box.addButton(translate("NotesPanel", "Retry"), QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(translate("NotesPanel", "Copy text"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is retry:
        return "retry"
    return "copy" if clicked is copy else "cancel"
