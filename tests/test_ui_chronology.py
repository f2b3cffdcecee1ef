"""The timeline tab and the key-figures window in the running reader, on the bundled content."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ui_support import OFFSCREEN_NOTICES, build_app, close_app

from jpbrief.core.chronology import Entry
from jpbrief.ui.app import TIMELINE_TAB
from jpbrief.ui.widgets.chronology_view import ITEM_ROLE, ChronologyPanel
from jpbrief.ui.widgets.figures_view import QUOTE, SOURCE, VALUE
from jpbrief.ui.widgets.rich_list import TARGET_ROLE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)

LAW = "The Diet passes the security clearance law"


@pytest.fixture
def reader_app(qtbot, tmp_path: Path):
    app = build_app(qtbot, tmp_path / "config", tmp_path / "search-index")  # not waited for here
    yield app
    close_app(app)


def marked(reader_app) -> list[str]:
    text = reader_app.reader.document().toPlainText()
    return [text[s.cursor.selectionStart():s.cursor.selectionEnd()] for s in reader_app.reader.extraSelections()]


def test_ctrl_5_shows_the_timeline_and_a_report_opens_its_passage_with_its_words_marked(qtbot, reader_app):
    assert not isinstance(reader_app.window.sidebar.widget(TIMELINE_TAB), ChronologyPanel)  # built on first use
    reader_app.actions.show_timeline.trigger()
    panel = reader_app.chronology.panel
    assert reader_app.window.sidebar.currentWidget() is panel
    model = panel.model
    law = next(model.index(row, 0, year) for year in (model.index(y, 0) for y in range(model.rowCount()))
               for row in range(model.rowCount(year))
               if model.index(row, 0, year).data(ITEM_ROLE).label == LAW)
    entry = law.data(ITEM_ROLE)
    assert isinstance(entry, Entry) and len(entry.articles) == 2  # one entry, both articles' reports
    second = model.index(1, 0, law)
    report = second.data(ITEM_ROLE)
    panel.tree.scrollTo(second)
    with qtbot.waitSignal(panel.passage_requested):
        panel.tree.chosen.emit(second.data(TARGET_ROLE))
    assert reader_app.reading.current.id == report.article
    assert marked(reader_app) == [report.quote]


def test_ctrl_6_opens_the_figures_window_whose_rows_open_passage_and_note(qtbot, reader_app):
    reader_app.actions.show_figures.trigger()
    window = reader_app.chronology.figures
    qtbot.waitUntil(window.isVisible)
    window.words.setText("72.5")
    assert [window.proxy.index(r, VALUE).data() for r in range(window.proxy.rowCount())] == ["72.5%"]
    row = window.row_at(0)
    window.table.activated.emit(window.proxy.index(0, QUOTE))
    assert reader_app.reading.current.id == row.figure.article
    assert marked(reader_app) == [row.figure.quote]
    assert row.figure.footnote is not None
    window.table.setCurrentIndex(window.proxy.index(0, SOURCE))
    window.table.activated.emit(window.proxy.index(0, SOURCE))
    assert reader_app.card.isVisible()
    assert reader_app.card.number == row.figure.footnote


def test_timeline_and_figures_export_to_pdf(qtbot, reader_app, tmp_path: Path):
    asked: list[str] = []
    reader_app.chronology._ask_path = lambda _parent, title, suggested: asked.append(title) or tmp_path / suggested.name
    reader_app.actions.show_timeline.trigger()
    reader_app.chronology.panel.export_button.click()
    reader_app.actions.show_figures.trigger()
    reader_app.chronology.figures.export_button.click()
    assert asked == ["Export chronology as PDF", "Export key figures as PDF"]
    for name in ("timeline.pdf", "figures.pdf"):
        assert (tmp_path / name).read_bytes()[:5] == b"%PDF-"
    assert "Saved" in reader_app.window.statusBar().currentMessage()


@pytest.mark.parametrize("accepted", [True, False])
def test_printing_goes_through_the_print_dialog_figures_on_a_landscape_page(
        qtbot, reader_app, tmp_path: Path, monkeypatch, accepted: bool):
    from PySide6 import QtPrintSupport
    from PySide6.QtGui import QPageLayout

    seen: dict[str, object] = {}

    class FakeDialog:
        DialogCode = QtPrintSupport.QPrintDialog.DialogCode

        def __init__(self, printer, parent) -> None:
            printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))
            seen["orientation"], seen["parent"] = printer.pageLayout().orientation(), parent

        def setWindowTitle(self, title: str) -> None:
            seen["title"] = title

        def exec(self):
            return self.DialogCode.Accepted if accepted else self.DialogCode.Rejected

    monkeypatch.setattr(QtPrintSupport, "QPrintDialog", FakeDialog)
    reader_app.actions.show_figures.trigger()
    figures = reader_app.chronology.figures
    qtbot.waitUntil(figures.isVisible)
    printed = []
    original = reader_app.chronology.print_digest
    reader_app.chronology.print_digest = lambda digest: printed.append(original(digest))
    figures.print_button.click()
    assert printed == [accepted]
    assert seen["title"] == "Print “Key figures”" and seen["parent"] is figures
    assert seen["orientation"] == QPageLayout.Orientation.Landscape
    assert (tmp_path / "printed.pdf").exists() == accepted
