"""Every QAction of the reader, defined here and nowhere else.

Shortcuts come from ``QKeySequence.StandardKey`` wherever Qt has one, so each platform
gets its native keys; menus show them, and Help > Keyboard shortcuts lists them from
this module. What an action does is wired in :mod:`jpbrief.ui.app`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar

StandardKey = QKeySequence.StandardKey
Key = QKeySequence | StandardKey | str


class Actions(QObject):
    """The reader's actions, grouped by menu."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._menus: list[tuple[str, list[QAction | None]]] = []

        # File
        self.print_article = self._act(
            "&Print…", StandardKey.Print, "Print the article or theme briefing shown"
        )
        self.export_pdf = self._act(
            "&Export as PDF…", "Ctrl+Shift+E",
            "Save the article or theme briefing shown, with its sources and the editor's notes, as a PDF",
        )
        self.add_pack = self._act(
            "&Add content pack…", StandardKey.Open,
            "Check a trainer's signed content pack (.jpbpack) and add its articles to the library",
        )
        self.quit = self._act("&Quit", StandardKey.Quit, "Close jpbrief")
        self._menus.append(("&File", [self.add_pack, None, self.print_article, self.export_pdf, None,
                                      self.quit]))

        # Edit
        self.copy = self._act("&Copy", StandardKey.Copy, "Copy the selected text")
        self.find = self._act("&Find…", StandardKey.Find, "Search every article")
        self.quick_search = self._act("&Quick search", "Ctrl+K", "Search every article")
        self._menus.append(("&Edit", [self.copy, None, self.find, self.quick_search]))

        # View
        self.reload = self._act(
            "&Reload", ["F5", StandardKey.Refresh],
            "Read the content folder again (after editing an article), keeping your place",
        )
        self.zoom_in = self._act("Zoom &in", [StandardKey.ZoomIn, "Ctrl+="], "Larger text")
        self.zoom_out = self._act("Zoom &out", StandardKey.ZoomOut, "Smaller text")
        self.zoom_reset = self._act("&Actual size", "Ctrl+0", "Reset the text size")
        self.appearance_system = self._act("Follow &system appearance", None, checkable=True)
        self.appearance_light = self._act("&Light", None, checkable=True)
        self.appearance_dark = self._act("&Dark", None, checkable=True)
        self.appearance_group = QActionGroup(self)
        for action in (self.appearance_system, self.appearance_light, self.appearance_dark):
            self.appearance_group.addAction(action)
        self.toggle_dark = self._act(
            "&Toggle light/dark", "Ctrl+Shift+L", "Switch between light and dark appearance"
        )
        self.show_library = self._act("&Library", "Ctrl+1", "Show the list of articles")
        self.show_themes = self._act("&Themes", "Ctrl+2", "Show the themes")
        self.show_search = self._act("&Search", "Ctrl+3", "Show the search panel")
        self.show_notes = self._act("&Notes", "Ctrl+4", "Show bookmarks, highlights and notes")
        self.show_timeline = self._act(
            "T&imeline", "Ctrl+5", "Show every dated event in date order, with the words that state it"
        )
        self.show_figures = self._act(
            "Key &figures", "Ctrl+6", "Open the table of key figures, each linked to its passage and note"
        )
        self.focus_reader = self._act("&Focus reader", "F6", "Move the keyboard focus to the text")
        self.clear_theme = self._act(
            "&Clear theme marking", "Ctrl+Shift+M", "Stop marking the chosen theme's passages"
        )
        self._menus.append((
            "&View",
            [
                self.zoom_in, self.zoom_out, self.zoom_reset, None,
                self.appearance_system, self.appearance_light, self.appearance_dark,
                self.toggle_dark, None,
                self.show_library, self.show_themes, self.show_search, self.show_notes,
                self.show_timeline, self.show_figures, self.focus_reader, None, self.clear_theme,
                None, self.reload,
            ],
        ))

        # Go
        self.back = self._act("&Back", StandardKey.Back, "Go back to where you were")
        self.forward = self._act("&Forward", StandardKey.Forward, "Go forward again")
        self.back.setIconText("\u2190 Back")  # the toolbar's buttons
        self.forward.setIconText("Forward \u2192")
        self.start_of_article = self._act(
            "&Start of article", StandardKey.MoveToStartOfDocument, "Go to the start of the article"
        )
        self.end_of_article = self._act(
            "&End of article", StandardKey.MoveToEndOfDocument, "Go to the end of the article"
        )
        self.previous_section = self._act("&Previous section", "Alt+Up", "Jump to the previous section")
        self.next_section = self._act("&Next section", "Alt+Down", "Jump to the next section")
        self.previous_article = self._act(
            "Previous &article", "Ctrl+PgUp", "Open the previous article in the library"
        )
        self.next_article = self._act("Next a&rticle", "Ctrl+PgDown", "Open the next article in the library")
        self._menus.append((
            "&Go",
            [
                self.back, self.forward, None, self.start_of_article, self.end_of_article, None,
                self.previous_section, self.next_section, None,
                self.previous_article, self.next_article,
            ],
        ))

        # Notes (the menu is shown only when the notes store is available)
        self.add_bookmark = self._act(
            "&Bookmark this passage", "Ctrl+D", "Bookmark the passage at the top of the view"
        )
        self.highlight_selection = self._act(
            "&Highlight selection", "Ctrl+Shift+H", "Highlight the selected text"
        )
        self.add_note = self._act("Add &note…", "Ctrl+Shift+N", "Attach a note to the selection or passage")
        self.export_notes = self._act(
            "&Export notes…", None, "Save every bookmark, highlight and note as Markdown, ODF, PDF or JSON"
        )
        self.notes_actions = [self.add_bookmark, self.highlight_selection, self.add_note, self.export_notes]
        self._menus.append(("&Notes", [self.add_bookmark, self.highlight_selection, self.add_note, None,
                                       self.export_notes]))

        # Help
        self.shortcuts = self._act(
            "&Keyboard shortcuts", StandardKey.HelpContents, "List every keyboard shortcut"
        )
        self.about = self._act("&About jpbrief", None, "Version and content information")
        self._menus.append(("&Help", [self.shortcuts, self.about]))

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
        return [a for _title, actions in self._menus for a in actions if a is not None]

    def build_menus(self, menubar: QMenuBar, *, with_notes: bool) -> None:
        for title, actions in self._menus:
            if title == "&Notes" and not with_notes:
                continue
            menu = menubar.addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    def shortcut_table(self, *, with_notes: bool = True) -> list[tuple[str, str, str]]:
        """(menu, action, key) rows for the Help dialog, in menu order: one key per action,
        the one the menu shows (not Qt's alternates such as Ctrl+Ins or the Copy key)."""
        rows = []
        for title, actions in self._menus:
            if title == "&Notes" and not with_notes:
                continue
            for action in actions:
                if action is None or not action.shortcuts():
                    continue
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((title.replace("&", ""), action.text().replace("&", ""), keys))
        return rows
