"""Exporting notes from the window: Markdown, JSON, a word-processor document and PDF,
all from the core's export, each checked by reading the file back."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from test_print_pdf import flat, pdf_pages

from jpbrief.core.content import load_library
from jpbrief.core.notes import NotesStore
from jpbrief.ui.controllers.notes_export import FORMATS, NotesExportController, format_for
from jpbrief.ui.widgets.notes_panel import NotesPanel

NOTE = "Ask the ministry about <b>the budget</b> & timing"


@pytest.fixture
def exporter(qtbot, tmp_path: Path, fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    store = NotesStore(tmp_path / "notes.sqlite3", auto_backup=False)
    passage = library.passage("alpha", "dicas")
    assert passage is not None
    store.add_note("alpha", "dicas", NOTE, quote="A forum called DICAS will meet")
    window = QMainWindow()
    qtbot.addWidget(window)
    chosen: list[tuple[str, str]] = []
    controller = NotesExportController(library, window, lambda: store,
                                       choose_file=lambda *_a: chosen.pop(0))
    controller.chosen = chosen  # type: ignore[attr-defined]
    yield controller
    store.close()


def test_markdown_and_json_are_the_cores_export(exporter, tmp_path: Path):
    exporter.chosen.append((str(tmp_path / "memo"), FORMATS["md"]))
    written = exporter.export()
    assert written == tmp_path / "memo.md"
    memo = written.read_text(encoding="utf-8")
    assert memo.startswith("# Notes from jpbrief") and NOTE in memo
    assert exporter.window.statusBar().currentMessage() == f"Notes exported to {written}"
    exported = exporter.export(tmp_path / "notes.json")
    assert json.loads(exported.read_text(encoding="utf-8"))["items"][0]["text"] == NOTE


def test_a_word_processor_opens_the_odf_export(exporter, tmp_path: Path):
    written = exporter.export(tmp_path / "notes.odt")
    with zipfile.ZipFile(written) as odf:
        assert odf.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = odf.read("content.xml").decode("utf-8")
    assert "Ask the ministry about" in content and "&amp; timing" in content
    assert content.count("Notes from jpbrief") == 1  # the title once, not the memo's heading again
    assert "A forum called DICAS will meet" in content


def test_the_pdf_export_is_paginated_like_any_printout(qapp, exporter, tmp_path: Path):
    written = exporter.export(tmp_path / "notes.pdf")
    pages = pdf_pages(written)
    text = flat(" ".join(pages))
    assert text.startswith("Notes from jpbrief")
    assert "the notes are the reader’s" in text and "Editor’s note" not in text
    assert "A forum called DICAS will meet" in text and "the budget" in text
    assert text.endswith(f"Page {len(pages)} of {len(pages)}")


def test_a_failed_export_is_said_and_leaves_no_file(exporter, tmp_path: Path):
    target = tmp_path / "missing" / "notes.pdf"
    assert exporter.export(target) is None
    assert "Notes not exported to" in exporter.window.statusBar().currentMessage()
    assert not target.exists() and not (tmp_path / "missing").exists()


def test_the_format_follows_the_suffix_then_the_chosen_filter():
    assert format_for(Path("a.ODT")) == "odt"
    assert format_for(Path("a"), FORMATS["pdf"]) == "pdf"
    assert format_for(Path("a.txt")) == "md"


def test_the_notes_panel_has_an_export_button(qtbot, fixture_library_dir: Path):
    panel = NotesPanel(load_library(fixture_library_dir))
    qtbot.addWidget(panel)
    assert panel.export_button.accessibleName().startswith("Export all notes")
    with qtbot.waitSignal(panel.export_requested):
        panel.export_button.setEnabled(True)
        panel.export_button.click()
