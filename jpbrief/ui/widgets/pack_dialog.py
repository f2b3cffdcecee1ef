"""The content-pack dialogs: what a checked pack holds and who signed it, and refusals with their reason.

Every text from a pack (title, publisher, changelog, article titles) is shown as plain text:
nothing a pack carries is ever interpreted as markup, let alone run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jpbrief.ui.i18n import QT_TRANSLATE_NOOP, localised
from jpbrief.ui.labels import translated
from jpbrief.ui.widgets.screen_fit import fit_to_screen

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.ui.controllers.packs import PackOutcome, PackPreview

CHANGE_LABELS = {"new": QT_TRANSLATE_NOOP("PackDialog", "New"),
                 "updated": QT_TRANSLATE_NOOP("PackDialog", "Updated"),
                 "removed": QT_TRANSLATE_NOOP("PackDialog", "Removed"),
                 "conflict": QT_TRANSLATE_NOOP("PackDialog", "Conflict")}
UNTRUSTED_WARNING = QT_TRANSLATE_NOOP(
    "PackDialog",
    "This pack is signed by a key you have not trusted yet. Compare the fingerprint above, "
    "group by group, with the one your trainer gave you in person, on paper or by phone — "
    "never one that came in the same e-mail or on the same USB stick as the pack. "
    "Install only if every group matches; if even one differs, cancel and tell your trainer."
)
CONFIRM_MATCH = QT_TRANSLATE_NOOP(
    "PackDialog", "Every group matches the fingerprint my trainer gave me; trust this trainer's packs")


def _plain(text: str, *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PackDialog(QDialog):
    """Before installing: publisher, pack id, version, title, changelog, the articles it adds,
    updates or drops, and the signer's fingerprint, with the trust question when it is new."""

    def __init__(self, preview: PackPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        manifest = preview.manifest
        assert manifest is not None, "a refused pack gets show_refusal, not this dialog"
        self.preview = preview
        self.setWindowTitle(translate("PackDialog", "Add content pack"))
        self.setAccessibleName(translate("PackDialog", "Add content pack"))
        body = QWidget()  # scrolls when the screen is short; the buttons below it never do
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        title = _plain(manifest.title)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        layout.addWidget(title)

        form = QFormLayout()
        form.addRow(translate("PackDialog", "Pack:"), _plain(manifest.id))
        form.addRow(translate("PackDialog", "Version:"), _plain(self._version_text()))
        form.addRow(translate("PackDialog", "Publisher:"),
                    _plain(manifest.publisher or translate("PackDialog", "not stated")))
        form.addRow(translate("PackDialog", "Date:"), _plain(localised(manifest.date)))
        form.addRow(translate("PackDialog", "File:"), _plain(str(preview.path)))
        self.fingerprint = _plain(manifest.fingerprint, wrap=False)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), title.font().pointSizeF()))
        mono.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(mono)
        self.fingerprint.setAccessibleName(translate("PackDialog", "Signer's key fingerprint"))
        form.addRow(translate("PackDialog", "Signed by key:"), self.fingerprint)
        layout.addLayout(form)

        self.trust_note = _plain(translate("PackDialog", "Signed by a key you trust.") if preview.trusted
                                 else translate("PackDialog", UNTRUSTED_WARNING))
        self.trust_note.setObjectName("packTrusted" if preview.trusted else "packUntrusted")
        if not preview.trusted:
            self.trust_note.setStyleSheet("QLabel { background: #fff4ce; color: #3b2e00; padding: 8px; "
                                          "border: 1px solid #c8a600; }")
        layout.addWidget(self.trust_note)
        self.confirm = QCheckBox(translate("PackDialog", CONFIRM_MATCH))
        self.confirm.setVisible(not preview.trusted)
        layout.addWidget(self.confirm)

        layout.addWidget(QLabel(translate("PackDialog", "What is new:")))
        self.changelog = QPlainTextEdit(manifest.changelog or translate("PackDialog", "(no changelog)"))
        self.changelog.setReadOnly(True)
        self.changelog.setMaximumHeight(90)
        self.changelog.setAccessibleName(translate("PackDialog", "Changelog"))
        layout.addWidget(self.changelog)

        layout.addWidget(QLabel(
            translate("PackDialog", "Articles ({count}):").format(count=len(manifest.articles))))
        self.articles = QListWidget()
        self.articles.setAccessibleName(translate("PackDialog", "Articles in the pack"))
        for change in preview.changes:
            detail = f" — {translated(change.detail)}" if change.detail else ""
            label = translate("PackDialog", CHANGE_LABELS[change.change])
            self.articles.addItem(f"{label}: {change.title} ({change.id}){detail}")
        layout.addWidget(self.articles, 1)

        self.blocker = self._blocking_reason()
        self.blocked = _plain(self.blocker)
        self.blocked.setObjectName("packBlocked")
        self.blocked.setVisible(bool(self.blocker))
        layout.addWidget(self.blocked)

        buttons = QDialogButtonBox()
        self.install_button: QPushButton = buttons.addButton(
            translate("PackDialog", "Install"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter never installs by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)
        self.confirm.toggled.connect(self._update_install)
        self._update_install()
        fit_to_screen(self, QSize(620, 560))

    def _version_text(self) -> str:
        manifest, installed = self.preview.manifest, self.preview.installed_version
        assert manifest is not None
        if installed is None:
            return manifest.version
        return translate("PackDialog", "{version} (installed: {installed})").format(
            version=manifest.version, installed=installed)

    def _blocking_reason(self) -> str:
        """Why Install cannot succeed, said before the user tries; '' when it can."""
        from jpbrief.core.packs.manifest import version_key

        manifest, installed = self.preview.manifest, self.preview.installed_version
        assert manifest is not None
        conflicts = [c for c in self.preview.changes if c.change == "conflict"]
        if conflicts:
            reasons = "; ".join(translate("PackDialog", "article {id} is {detail}").format(
                id=repr(c.id), detail=translated(c.detail)) for c in conflicts)
            cannot = translate("PackDialog", "This pack cannot be installed: {reasons}.")
            return cannot.format(reasons=reasons)
        if installed is not None and version_key(installed) > manifest.version_key:
            older = translate("PackDialog", "Version {installed} of this pack is installed; this older "
                                            "version {version} is not installed over it.")
            return older.format(installed=installed, version=manifest.version)
        if installed is not None and version_key(installed) == manifest.version_key:
            same = translate("PackDialog", "Version {installed} of this pack is already installed.")
            return same.format(installed=installed)
        return ""

    def _update_install(self) -> None:
        agreed = self.preview.trusted or self.confirm.isChecked()
        self.install_button.setEnabled(not self.blocker and agreed)


def ask_install(parent: QWidget | None, preview: PackPreview) -> bool:
    """Show the pack and ask; True only when the user chose Install."""
    dialog = PackDialog(preview, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def refusal_text(refused: PackPreview | PackOutcome) -> str:
    name = refused.path.name if refused.path is not None else translate("PackDialog", "the content pack")
    checked = getattr(refused, "checked", True)
    advice = (translate("PackDialog", "The file may have been damaged or changed on its way to you: "
                        "do not use it, and ask your trainer for a new copy.") if checked is None else "")
    headline = translate("PackDialog", "jpbrief did not install {name}.").format(name=name)
    return f"{headline}\n\n{translated(refused.error)}\n\n{advice}".rstrip()


def refusal_box(parent: QWidget | None, refused: PackPreview | PackOutcome) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("PackDialog", "Content pack refused"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(refusal_text(refused))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_refusal(parent: QWidget | None, refused: PackPreview | PackOutcome) -> None:
    refusal_box(parent, refused).exec()
