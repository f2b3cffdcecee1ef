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


def test_what_only_reference_cycles_hold_is_freed_before_the_heap_is_given_back() -> None:
    import gc
    import weakref

    from jpbrief.core.memory import collect_and_give_back

    class Node:
        pass

    was_enabled = gc.isenabled()
    gc.disable()  # as before the reader's first paint
    try:
        node = Node()
        node.itself = node  # type: ignore[attr-defined]
        held = weakref.ref(node)
        del node
        assert held() is not None  # a cycle: reference counting alone never frees it
        collect_and_give_back()
        assert held() is None
    finally:
        if was_enabled:
            gc.enable()
