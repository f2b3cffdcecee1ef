"""Hand the memory Python has freed back to the system.

Freeing objects returns their memory to the C allocator, which on Linux (glibc) keeps the
pages in its heap for later: after parsing a thousand articles or building a search index
the process stays as large as at its peak. ``malloc_trim`` returns the free pages: about
as much as an index build took (``benchmarks/scale_bench.py``). Elsewhere (Windows, macOS,
musl) it does nothing: their allocators return large blocks themselves, or have no such call.

Pages are returned only once nothing lives in them, and small reference cycles keep them:
Python-Markdown's raw-HTML post-processor leaves one per conversion (a nested function that
calls itself; a few hundred bytes), which only the cyclic collector frees. The reader keeps
the collector off until its first paint, so a 1,000-article parse leaves thousands of them
spread through its heap (an ad-hoc probe: parsed 110.8 MB, dropped and trimmed 71.1 MB,
with a collection first 35.8 MB). :func:`collect_and_give_back` collects them first.
"""

from __future__ import annotations

import gc
import sys


def give_back() -> bool:
    """Return the C heap's free pages to the system; False where there is no way to."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    except (ImportError, OSError):
        return False
    if trim is None:  # not glibc
        return False
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    trim(0)
    return True


def collect_and_give_back() -> bool:
    """Free what only reference cycles hold (a full collection), then :func:`give_back`."""
    gc.collect()
    return give_back()
