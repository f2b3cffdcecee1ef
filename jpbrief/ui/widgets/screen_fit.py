"""Windows fit the screen they open on: the main window, the key-figures window, dialogs.

A window asks for its preferred size; :func:`fit_to_screen` gives it that or as much of it
as the screen's available area has room for with the window manager's frame, and when the
window first shows moves (and if need be shrinks) it so that all of its frame is on that
area. At ``QT_SCALE_FACTOR=2`` a 1366×768 laptop is 683×384 logical pixels: a window that
asked for 1180×620 unchecked had its buttons off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import QWidget

DECORATION = QSize(16, 48)
"""Room left for the window manager's frame and title bar, unknown until the window shows."""


def fitted_size(preferred: QSize, available: QRect) -> QSize:
    """``preferred``, made small enough for the screen's available area with its frame."""
    return QSize(min(preferred.width(), available.width() - DECORATION.width()),
                 min(preferred.height(), available.height() - DECORATION.height()))


def fitted_geometry(frame: QRect, available: QRect) -> QRect:
    """``frame`` moved (and shrunk if need be) so that all of it is on the available area."""
    width, height = min(frame.width(), available.width()), min(frame.height(), available.height())
    left = max(available.left(), min(frame.left(), available.right() + 1 - width))
    top = max(available.top(), min(frame.top(), available.bottom() + 1 - height))
    return QRect(left, top, width, height)


def keep_on_screen(window: QWidget) -> None:
    """Move (and shrink) a shown ``window`` so that all of its frame is on its screen's
    available area; a maximized or full-screen window is the window manager's business."""
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    frame = window.frameGeometry()
    fitted = fitted_geometry(frame, screen.availableGeometry())
    if fitted != frame:
        extra = frame.size() - window.size()  # the frame, now that the window has one
        window.resize(fitted.size() - extra)
        window.move(fitted.topLeft())


class _OnFirstShow(QObject):
    """Keeps its window on the screen when it first shows (its geometry may have been
    restored, or placed by Qt, after it was sized), then goes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.parent() and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            self.deleteLater()
            keep_on_screen(watched)
        return False


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Size the top-level ``window`` to ``preferred`` or what its screen has room for, and
    keep all of it on that screen when it first shows. Call it once the window's parent is
    set (its screen is the parent's until it shows)."""
    screen = window.screen()
    window.resize(fitted_size(preferred, screen.availableGeometry()) if screen is not None else preferred)
    window.installEventFilter(_OnFirstShow(window))
