"""Appearance: text size, light/dark/system scheme, interface language, and what they set."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from jpbrief.ui import i18n
from jpbrief.ui.services.appearance import hinted_scheme

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.ui.actions import Actions
    from jpbrief.ui.services.appearance import Appearance
    from jpbrief.ui.services.settings import Settings
    from jpbrief.ui.widgets.main_window import MainWindow
    from jpbrief.ui.widgets.reader import ReaderView


class AppearanceController:
    """Applies and remembers zoom and scheme; ``refresh_views`` redraws what they colour."""

    def __init__(
        self, settings: Settings, appearance: Appearance, reader: ReaderView, window: MainWindow,
        actions: Actions, *, refresh_views: Callable[[], None],
    ) -> None:
        self.settings, self.appearance, self.reader = settings, appearance, reader
        self.window, self.actions = window, actions
        self._refresh_views = refresh_views

    def zoom(self, steps: int) -> None:
        self.settings.zoom = steps
        self.reader.set_zoom(self.settings.zoom)
        self.window.statusBar().showMessage(
            translate("Appearance", "Text size {percent} %").format(percent=100 + 10 * self.settings.zoom),
            2000)

    def set_language(self, choice: str) -> None:
        """Remember the interface language; it applies at the next start (text is set once,
        when each widget is built, so a live switch would leave some of it in the old one)."""
        if choice == self.settings.language:
            return
        self.settings.language = choice
        self.settings.sync()
        if i18n.language(choice) == self.language_shown:
            message = translate("Appearance", "The interface stays in this language.")
        else:
            message = translate("Appearance", "The new language applies the next time you start jpbrief.")
        self.window.statusBar().showMessage(message, 15000)

    @property
    def language_shown(self) -> str:
        """The language the running interface was built in."""
        return str(self.window.property("jpbrief-language") or "en")

    def set_appearance(self, preference: str) -> None:
        self.settings.appearance = preference
        self.apply()

    def system_scheme_changed(self, scheme: Any = None) -> None:
        """The system's scheme changed (``scheme``: Qt's ``ColorScheme``), or, with none
        given, after the first paint: ask Qt (start-up read the platform's palette)."""
        stated = hinted_scheme(scheme)
        if stated is None or stated == self.appearance.system_scheme:
            return
        self.appearance.system_scheme = stated
        if self.settings.appearance == "system":
            self.apply()

    def apply_style(self) -> None:
        """The application's palette and style sheet for the appearance setting."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.appearance.apply(app, self.settings.appearance)

    def apply(self) -> None:
        self.apply_style()
        self.check_action()
        self._refresh_views()

    def check_action(self) -> None:
        checked = {
            "system": self.actions.appearance_system,
            "light": self.actions.appearance_light,
            "dark": self.actions.appearance_dark,
        }[self.settings.appearance]
        checked.setChecked(True)
        self.actions.languages[self.settings.language].setChecked(True)
