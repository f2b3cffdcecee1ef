"""The main window: arranges the panels and menus, and nothing else.

Behaviour lives in :mod:`jpbrief.ui.app`, which wires every signal in one place. Sidebar
panels not shown at start-up may come later: their tab holds an empty placeholder until
:meth:`MainWindow.set_panel` puts the panel in its place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget

from jpbrief.ui.actions import Actions
from jpbrief.ui.qt_namespace import Qt, set_properties
from jpbrief.ui.widgets.banner import ProblemsBanner
from jpbrief.ui.widgets.reader import ReaderView
from jpbrief.ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:  # annotations only: no need to load these classes before the first paint
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import (
        QCloseEvent,
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QMouseEvent,
    )

SIDEBAR_WIDTH = 330
PREFERRED_SIZE = QSize(1240, 820)


def dropped_packs(data: QMimeData) -> list[Path]:
    """The local ``.jpbpack`` files among what is being dragged (other files are ignored)."""
    if not data.hasUrls():
        return []
    files = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
    return [path for path in files if path.suffix.lower() == ".jpbpack"]


class MainWindow(QMainWindow):
    """Sidebar tabs on the left, the reader on the right, a problems banner above."""

    closing = Signal()
    back_requested = Signal()
    forward_requested = Signal()
    packs_dropped = Signal(list)  # paths of .jpbpack files dropped on the window

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
        self.sidebar.setAccessibleName(self.tr("Sidebar"))
        self.sidebar.setDocumentMode(True)
        # Every tab in sight: a narrow sidebar shortens their names rather than hiding some.
        self.sidebar.setUsesScrollButtons(False)
        set_properties(self.sidebar, elideMode="ElideRight")
        for panel, title in panels:
            self.sidebar.addTab(panel if panel is not None else QWidget(), title)
        self.sidebar.setMinimumWidth(240)
        self.splitter = QSplitter()  # horizontal
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
        # Back and forward as buttons too (enabled as the history allows: the actions' state).
        self.navigation = QToolBar(self.tr("Navigation"))
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setMovable(False)
        self.navigation.setFloatable(False)
        set_properties(self.navigation, toolButtonStyle="ToolButtonTextOnly")
        self.navigation.addAction(actions.back)
        self.navigation.addAction(actions.forward)
        self.addToolBar(self.navigation)  # at the top
        for action in actions.all():
            self.addAction(action)  # shortcuts work even when the menu bar is hidden
        self.statusBar().setSizeGripEnabled(True)
        self.setAcceptDrops(True)  # content packs; the reader view itself is read-only
        # All of it on its screen, the status bar too: a geometry saved on a larger screen is
        # restored before it shows, and the preferred size is too tall for a 1366×768 laptop.
        fit_to_screen(self, PREFERRED_SIZE)

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
        self._reader_last_in_tab_order()

    def _reader_last_in_tab_order(self) -> None:
        """Tab goes through the sidebar, then the article, as they read left to right: a
        panel put in later would otherwise come after the reader."""
        last: QWidget = self.sidebar
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:  # a ring through the window's widgets
            if self.sidebar.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                last = widget  # (Qt orders only widgets that take the focus)
            widget = widget.nextInFocusChain()
        QWidget.setTabOrder(last, self.reader)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.back_requested.emit()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.forward_requested.emit()
        else:
            super().mousePressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_packs(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        packs = dropped_packs(event.mimeData())
        if packs:
            event.acceptProposedAction()
            self.packs_dropped.emit(packs)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
