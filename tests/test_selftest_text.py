"""The self-test's proof that text renders: glyphs with ink, not missing-glyph boxes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage

from jpbrief.ui import selftest


def blank(width: int = 40, height: int = 20) -> QImage:
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    return image


def inked(pixels: int) -> QImage:
    image = blank()
    for i in range(pixels):
        image.setPixel(i % 40, i // 40, 0)
    return image


def test_ink_counts_the_pixels_that_are_not_white(qapp: Any) -> None:
    assert selftest.ink(blank()) == 0
    assert selftest.ink(inked(37)) == 37


def test_a_text_drawn_as_missing_glyph_boxes_fails(qapp: Any) -> None:
    boxes = inked(200)
    ok, detail = selftest.glyphs_have_ink(boxes.copy(), boxes, chars=10)
    assert not ok
    assert "missing-glyph box" in detail


def test_a_text_without_ink_fails(qapp: Any) -> None:
    ok, _detail = selftest.glyphs_have_ink(blank(), inked(200), chars=10)
    assert not ok


def test_a_text_with_its_own_glyphs_passes(qapp: Any) -> None:
    ok, detail = selftest.glyphs_have_ink(inked(90), inked(200), chars=10)
    assert ok, detail


def test_real_text_in_a_real_font_differs_from_missing_glyphs(qapp: Any) -> None:
    font = QFont()
    text = "Japan's National Security Strategy"
    ok, detail = selftest.glyphs_have_ink(
        selftest.draw_text(font, text),
        selftest.draw_text(font, selftest.MISSING_GLYPH * len(text)),
        len(text),
    )
    assert ok, detail


def test_windows_offscreen_is_pointed_at_the_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("WINDIR", "C:/Windows")
    monkeypatch.delenv("QT_QPA_FONTDIR", raising=False)
    selftest.point_offscreen_at_fonts()
    assert os.environ["QT_QPA_FONTDIR"] == str(Path("C:/Windows") / "Fonts")


def test_a_font_folder_given_or_another_platform_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("QT_QPA_PLATFORM", "windows")
    monkeypatch.delenv("QT_QPA_FONTDIR", raising=False)
    selftest.point_offscreen_at_fonts()
    assert "QT_QPA_FONTDIR" not in os.environ
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("QT_QPA_FONTDIR", "D:/fonts")
    selftest.point_offscreen_at_fonts()
    assert os.environ["QT_QPA_FONTDIR"] == "D:/fonts"
