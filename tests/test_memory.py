"""Freed memory is handed back to the system where the C library can (glibc's malloc_trim)."""

from __future__ import annotations

import platform
import sys

from jpbrief.core.memory import give_back


def test_the_heap_is_given_back_on_glibc_and_nothing_is_done_elsewhere(monkeypatch) -> None:
    on_glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert give_back() is on_glibc
    monkeypatch.setattr(sys, "platform", "win32")
    assert give_back() is False
