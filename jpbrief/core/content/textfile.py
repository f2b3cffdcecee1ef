"""Read one content file as text, or report why it cannot be read (size, encoding, NUL)."""

from __future__ import annotations

from pathlib import Path

from jpbrief.core.content.problems import Reporter
from jpbrief.core.content_files import MAX_FILE_BYTES, read_capped
from jpbrief.core.message import QT_TRANSLATE_NOOP


def read_text(path: Path, report: Reporter) -> str | None:
    """A content file's text, or None after reporting why not. Reads at most the cap."""
    try:
        data = read_capped(path)
        if data is None:
            report.add(path, 1, QT_TRANSLATE_NOOP("Check", "not a regular file"))
            return None
        if len(data) > MAX_FILE_BYTES:
            size = max(path.stat().st_size, len(data))
            report.add(
                path, 1,
                QT_TRANSLATE_NOOP("Check", "file is {size:.1f} MB, over the {cap} KiB cap"),
                size=size / 1_000_000, cap=MAX_FILE_BYTES // 1024,
            )
            return None
    except OSError as error:
        report.add(path, 1, QT_TRANSLATE_NOOP(
            "Check", "cannot read file: {error}"), error=str(error.strerror or error))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        report.add(path, line, QT_TRANSLATE_NOOP("Check", "not UTF-8: byte {byte:#04x} at offset {offset}"),
                   byte=data[error.start], offset=error.start)
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:  # Markdown would drop it silently: the author's text must not change
        offset = text.index("\0")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        report.add(
            path, line, QT_TRANSLATE_NOOP(
                "Check", "NUL byte (U+0000) at column {column}: remove it; this file is skipped"),
            column=column,
        )
        return None
    return text
