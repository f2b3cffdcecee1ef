"""Theme briefings in the reading pane: picking a theme shows its briefing instead of a list.

The briefing is rendered from the model (:func:`jpbrief.core.render.render_briefing`): the
theme's description, then each tagged passage by article and section, with working footnote
and editor's cards and a link back to each passage. The article that was open keeps its
place in the history, and the briefing takes one after it (Back returns to the article,
Forward to the briefing); opening any article ends the briefing. Print and
PDF take the briefing's paper rendering (:meth:`BriefingController.paper`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from jpbrief.core.labels import ENGLISH, Labels

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from jpbrief.core.model import Library, Theme
    from jpbrief.ui.controllers.reading import ReadingController
    from jpbrief.ui.services.appearance import Appearance
    from jpbrief.ui.services.navigation import Place
    from jpbrief.ui.widgets.main_window import MainWindow
    from jpbrief.ui.widgets.reader import ReaderView


class BriefingController:
    """Shows, re-renders and hands to the printer the theme briefing in the reading pane."""

    def __init__(
        self, library: Library, content_dir: Path, reader: ReaderView, window: MainWindow,
        appearance: Appearance, reading: ReadingController, labels: Labels = ENGLISH,
    ) -> None:
        self.library, self.content_dir = library, Path(content_dir)
        self.labels = labels
        self.reader, self.window, self.appearance, self.reading = reader, window, appearance, reading
        self._theme: Theme | None = None

    @property
    def theme(self) -> Theme | None:
        """The theme whose briefing is shown; None once an article is open again."""
        return self._theme if self.reading.current is None else None

    def pick(self, theme_id: str) -> None:
        """A theme picked in the Themes panel: its briefing in the reading pane, and its passages
        marked in the articles opened from it ('' clears the marking, the briefing stays)."""
        if theme_id:
            self.show(theme_id)
        self.reading.select_theme(theme_id)  # no article is open: nothing is rendered twice

    def show(self, theme_id: str, *, scroll: int = 0, record: bool = True) -> bool:
        """Show the briefing on ``theme_id`` at ``scroll`` (its top), a new place in the
        history unless ``record`` is False (Back and Forward); False for an unknown theme."""
        theme = self.library.themes.get(theme_id)
        if theme is None:
            return False
        self.reading.leave_for_briefing(theme_id)
        self._theme = theme
        self._render()
        self.reader.verticalScrollBar().setValue(scroll)
        self.window.setWindowTitle(
            translate("Briefing", "Theme briefing: {theme} — jpbrief").format(theme=theme.label))
        if record:
            self.reading.record_visit()
        return True

    def revisit(self, place: Place) -> None:
        """Back or Forward to a briefing's place in the history."""
        self.show(place.theme, scroll=place.scroll, record=False)

    def _render(self) -> None:
        from jpbrief.core.render import render_briefing

        assert self._theme is not None
        css = self.appearance.reader_css()
        html = render_briefing(self._theme, self.library, css=css, labels=self.labels)
        self.reader.show_html(html, self.content_dir / "articles")

    def rerender(self) -> None:
        """Render the shown briefing again (the appearance changed), in place."""
        if self.theme is None:
            return
        scroll = self.reader.verticalScrollBar().value()
        self._render()
        self.reader.verticalScrollBar().setValue(scroll)

    def paper(self) -> tuple[str, str, str] | None:
        """(title, paper HTML, file name stem) of the shown briefing, for print and PDF; None
        if none is shown. The stem names the theme: each briefing saved is its own file."""
        theme = self.theme
        if theme is None:
            return None
        from jpbrief.core.render import render_briefing_paper

        title = translate("Briefing", "Theme briefing: {theme}").format(theme=theme.label)
        css = self.appearance.print_css()
        html = render_briefing_paper(theme, self.library, css=css, labels=self.labels)
        return title, html, f"briefing-{theme.id}"
