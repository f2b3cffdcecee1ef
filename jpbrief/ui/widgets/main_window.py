"""The main window: arranges the panels and menus, and nothing else.

Behaviour lives in :mod:`jpbrief.ui.app`, which wires every signal in one place. Sidebar
panels not shown at start-up may come later: their tab holds an empty placeholder until
:meth:`MainWindow.set_panel` puts the panel in its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from jpbrief.ui.actions import Actions
from jpbrief.ui.widgets.banner import ProblemsBanner
from jpbrief.ui.widgets.reader import ReaderView

if TYPE_CHECKING:  # annotations only: no need to load these classes before the first paint
    from PySide6.QtGui import QCloseEvent, QMouseEvent

SIDEBAR_WIDTH = 330


class MainWindow(QMainWindow):
    """Sidebar tabs on the left, the reader on the right, a problems banner above."""

    closing = Signal()
    back_requested = Signal()
    forward_requested = Signal()

    def __init__(
        self,
        actions: Actions,
        reader: ReaderView,
        panels: list[tuple[QWidget | None, str]],
        *,
        with_notes: bool,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("jpbrief")
        self.menu_actions = actions
        self.reader = reader
        self.banner = ProblemsBanner()
        self.sidebar = QTabWidget()
        self.sidebar.setObjectName("sidebarTabs")
        self.sidebar.setAccessibleName("Sidebar")
        self.sidebar.setDocumentMode(True)
        for panel, title in panels:
            self.sidebar.addTab(panel if panel is not None else QWidget(), title)
        self.sidebar.setMinimumWidth(240)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(reader)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDEBAR_WIDTH, 900])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        actions.build_menus(self.menuBar(), with_notes=with_notes)
        for action in actions.all():
            self.addAction(action)  # shortcuts work even when the menu bar is hidden
        self.statusBar().setSizeGripEnabled(True)
        self.resize(1240, 820)

    def show_panel(self, panel: QWidget) -> None:
        self.sidebar.setCurrentWidget(panel)

    def set_panel(self, index: int, panel: QWidget) -> None:
        """Put ``panel`` in tab ``index`` instead of its placeholder; the current tab stays."""
        current = self.sidebar.currentIndex()
        placeholder = self.sidebar.widget(index)
        title = self.sidebar.tabText(index)
        was_blocked = self.sidebar.blockSignals(True)  # the tab shown does not change
        try:
            self.sidebar.removeTab(index)
            self.sidebar.insertTab(index, panel, title)
            self.sidebar.setCurrentIndex(current)
        finally:
            self.sidebar.blockSignals(was_blocked)
        if placeholder is not None:
            placeholder.deleteLater()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.back_requested.emit()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.forward_requested.emit()
        else:
            super().mousePressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
