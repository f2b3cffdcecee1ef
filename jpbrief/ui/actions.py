"""Every QAction of the reader, defined here and nowhere else.

Shortcuts come from ``QKeySequence.StandardKey`` wherever Qt has one, so each platform
gets its native keys; menus show them, and Help > Keyboard shortcuts lists them from
this module. What an action does is wired in :mod:`jpbrief.ui.app`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar

StandardKey = QKeySequence.StandardKey
_ACCESS_KEY = re.compile(r"\(&\w\)|&(?=\w)")


def without_access_key(text: str) -> str:
    """``&File`` -> ``File``, ``ファイル(&F)`` -> ``ファイル``: a menu text as a table shows it."""
    return _ACCESS_KEY.sub("", text)


Key = QKeySequence | StandardKey | str


class Actions(QObject):
    """The reader's actions, grouped by menu."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._menus: list[tuple[str, list[QAction | None]]] = []

        # File
        self.print_article = self._act(
            self.tr("&Print…"), StandardKey.Print, self.tr("Print the article or theme briefing shown")
        )
        self.export_pdf = self._act(
            self.tr("&Export as PDF…"), "Ctrl+Shift+E",
            self.tr("Save the article or theme briefing shown, with its sources and the editor's notes, "
                    "as a PDF"),
        )
        self.add_pack = self._act(
            self.tr("&Add content pack…"), StandardKey.Open,
            self.tr("Check a trainer's signed content pack (.jpbpack) and add its articles to the library"),
        )
        self.quit = self._act(self.tr("&Quit"), StandardKey.Quit, self.tr("Close jpbrief"))
        self._menus.append((self.tr("&File"), [self.add_pack, None, self.print_article, self.export_pdf, None,
                                      self.quit]))

        # Edit
        self.copy = self._act(self.tr("&Copy"), StandardKey.Copy, self.tr("Copy the selected text"))
        self.find = self._act(self.tr("&Find…"), StandardKey.Find, self.tr("Search every article"))
        self.quick_search = self._act(self.tr("&Quick search"), "Ctrl+K", self.tr("Search every article"))
        self._menus.append((self.tr("&Edit"), [self.copy, None, self.find, self.quick_search]))

        # View
        self.reload = self._act(
            self.tr("&Reload"), ["F5", StandardKey.Refresh],
            self.tr("Read the content folder again (after editing an article), keeping your place"),
        )
        self.zoom_in = self._act(self.tr("Zoom &in"), [StandardKey.ZoomIn, "Ctrl+="], self.tr("Larger text"))
        self.zoom_out = self._act(self.tr("Zoom &out"), StandardKey.ZoomOut, self.tr("Smaller text"))
        self.zoom_reset = self._act(self.tr("&Actual size"), "Ctrl+0", self.tr("Reset the text size"))
        self.appearance_system = self._act(self.tr("Follow &system appearance"), None, checkable=True)
        self.appearance_light = self._act(self.tr("&Light"), None, checkable=True)
        self.appearance_dark = self._act(self.tr("&Dark"), None, checkable=True)
        self.appearance_group = QActionGroup(self)
        for action in (self.appearance_system, self.appearance_light, self.appearance_dark):
            self.appearance_group.addAction(action)
        self.toggle_dark = self._act(
            self.tr("&Toggle light/dark"), "Ctrl+Shift+L", self.tr("Switch between light and dark appearance")
        )
        self.show_library = self._act(self.tr("&Library"), "Ctrl+1", self.tr("Show the list of articles"))
        self.show_themes = self._act(self.tr("&Themes"), "Ctrl+2", self.tr("Show the themes"))
        self.show_search = self._act(self.tr("&Search"), "Ctrl+3", self.tr("Show the search panel"))
        self.show_notes = self._act(
            self.tr("&Notes"), "Ctrl+4", self.tr("Show bookmarks, highlights and notes"))
        self.show_timeline = self._act(
            self.tr("T&imeline"), "Ctrl+5",
            self.tr("Show every dated event in date order, with the words that state it"),
        )
        self.show_figures = self._act(
            self.tr("Key &figures"), "Ctrl+6",
            self.tr("Open the table of key figures, each linked to its passage and note"),
        )
        self.focus_reader = self._act(
            self.tr("&Focus reader"), "F6", self.tr("Move the keyboard focus to the text"))
        self.clear_theme = self._act(
            self.tr("&Clear theme marking"), "Ctrl+Shift+M",
            self.tr("Stop marking the chosen theme's passages"),
        )
        # View > Language: each language in its own words, never translated
        self.language_title = self.tr("L&anguage")
        self.language_system = self._act(self.tr("&System language"), None, checkable=True)
        self.language_en = self._act("&English", None, checkable=True)
        self.language_ja = self._act("日本語 (&J)", None, checkable=True)
        self.languages = {"system": self.language_system, "en": self.language_en, "ja": self.language_ja}
        self.language_group = QActionGroup(self)
        for action in self.languages.values():
            self.language_group.addAction(action)
        self.language_menu_marker = QAction(self)  # where the submenu goes; never shown
        self._menus.append((
            self.tr("&View"),
            [
                self.zoom_in, self.zoom_out, self.zoom_reset, None,
                self.appearance_system, self.appearance_light, self.appearance_dark,
                self.toggle_dark, None,
                self.language_menu_marker, None,
                self.show_library, self.show_themes, self.show_search, self.show_notes,
                self.show_timeline, self.show_figures, self.focus_reader, None, self.clear_theme,
                None, self.reload,
            ],
        ))

        # Go
        self.back = self._act(self.tr("&Back"), StandardKey.Back, self.tr("Go back to where you were"))
        self.forward = self._act(self.tr("&Forward"), StandardKey.Forward, self.tr("Go forward again"))
        self.back.setIconText(self.tr("\u2190 Back"))  # the toolbar's buttons
        self.forward.setIconText(self.tr("Forward \u2192"))
        self.start_of_article = self._act(
            self.tr("&Start of article"), StandardKey.MoveToStartOfDocument,
            self.tr("Go to the start of the article"))
        self.end_of_article = self._act(
            self.tr("&End of article"), StandardKey.MoveToEndOfDocument,
            self.tr("Go to the end of the article"))
        self.previous_section = self._act(
            self.tr("&Previous section"), "Alt+Up", self.tr("Jump to the previous section"))
        self.next_section = self._act(
            self.tr("&Next section"), "Alt+Down", self.tr("Jump to the next section"))
        self.previous_article = self._act(
            self.tr("Previous &article"), "Ctrl+PgUp", self.tr("Open the previous article in the library")
        )
        self.next_article = self._act(
            self.tr("Next a&rticle"), "Ctrl+PgDown", self.tr("Open the next article in the library"))
        self._menus.append((
            self.tr("&Go"),
            [
                self.back, self.forward, None, self.start_of_article, self.end_of_article, None,
                self.previous_section, self.next_section, None,
                self.previous_article, self.next_article,
            ],
        ))

        # Notes (the menu is shown only when the notes store is available)
        self.add_bookmark = self._act(
            self.tr("&Bookmark this passage"), "Ctrl+D",
            self.tr("Bookmark the passage at the top of the view"),
        )
        self.highlight_selection = self._act(
            self.tr("&Highlight selection"), "Ctrl+Shift+H", self.tr("Highlight the selected text")
        )
        self.add_note = self._act(
            self.tr("Add &note…"), "Ctrl+Shift+N", self.tr("Attach a note to the selection or passage"))
        self.edit_note = self._act(
            self.tr("Ed&it note…"), None,
            self.tr("Change the text of a note on the selection or passage (or right-click the passage)"))
        self.export_notes = self._act(
            self.tr("&Export notes…"), None,
            self.tr("Save every bookmark, highlight and note as Markdown, ODF, PDF or JSON"),
        )
        self.notes_actions = [self.add_bookmark, self.highlight_selection, self.add_note, self.edit_note,
                              self.export_notes]
        self._notes_menu: list[QAction | None] = [self.add_bookmark, self.highlight_selection, self.add_note,
                                                  self.edit_note, None, self.export_notes]
        self._menus.append((self.tr("&Notes"), self._notes_menu))

        # Help
        self.shortcuts = self._act(
            self.tr("&Keyboard shortcuts"), StandardKey.HelpContents, self.tr("List every keyboard shortcut")
        )
        self.about = self._act(self.tr("&About jpbrief"), None, self.tr("Version and content information"))
        self._menus.append((self.tr("&Help"), [self.shortcuts, self.about]))

    def _act(
        self,
        text: str,
        keys: Key | list[Key] | None,
        tip: str = "",
        *,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(self)  # QAction(text, parent) would make PySide load QIcon to pick an overload
        action.setText(text)
        sequences: list[QKeySequence] = []
        for key in keys if isinstance(keys, list) else [keys]:
            if key is None:
                continue
            if isinstance(key, StandardKey):
                sequences.extend(QKeySequence.keyBindings(key))
            else:
                sequences.append(QKeySequence(key))
        if sequences:
            action.setShortcuts(list(dict.fromkeys(sequences)))  # F5 may also be the standard key
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        return action

    def all(self) -> list[QAction]:
        """Every action, in menu order."""
        found = [a for _title, actions in self._menus for a in actions if a is not None]
        at = found.index(self.language_menu_marker)
        return [*found[:at], *self.languages.values(), *found[at + 1:]]

    def build_menus(self, menubar: QMenuBar, *, with_notes: bool) -> None:
        for title, actions in self._menus:
            if actions is self._notes_menu and not with_notes:
                continue
            menu = menubar.addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                elif action is self.language_menu_marker:
                    submenu = menu.addMenu(self.language_title)
                    submenu.addActions(list(self.languages.values()))
                else:
                    menu.addAction(action)

    def shortcut_table(self, *, with_notes: bool = True) -> list[tuple[str, str, str]]:
        """(menu, action, key) rows for the Help dialog, in menu order: one key per action,
        the one the menu shows (not Qt's alternates such as Ctrl+Ins or the Copy key)."""
        rows = []
        for title, actions in self._menus:
            if actions is self._notes_menu and not with_notes:
                continue
            for action in actions:
                if action is None or action is self.language_menu_marker or not action.shortcuts():
                    continue
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((without_access_key(title), without_access_key(action.text()), keys))
        return rows
