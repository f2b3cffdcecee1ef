"""Hand the memory Python has freed back to the system.

Freeing objects returns their memory to the C allocator, which on Linux (glibc) keeps the
pages in its heap for later: after parsing a thousand articles or building a search index
the process stays as large as at its peak. ``malloc_trim`` returns the free pages; at
1,000 articles about 30 MB after the library's passages are let go, and as much after an
index build (``benchmarks/scale_bench.py``). Elsewhere (Windows, macOS, musl) it does
nothing: their allocators return large blocks themselves, or have no such call.

Some of what is freed is held only by reference cycles, which wait for the cyclic
collector: Python-Markdown's raw-HTML post-processor makes one per conversion (a nested
function that calls itself), holding that conversion's text. The reader keeps the
collector off until its first paint, so a cold start that parsed 1,000 articles kept
about 36 MB of them until a full collection, which may not come for the whole session
(``benchmarks/scale_bench.py``, the cold start's ``idle_rss_mb``). :func:`collect_and_give_back`
collects them first.
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
