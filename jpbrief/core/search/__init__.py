"""Full-text search over passages: a Whoosh index that stays fresh and never crashes.

Importing this package is cheap and does not import Whoosh: :class:`SearchIndex` (and
with it Whoosh) loads on first use, so the reader can import the result types at
start-up and create the index from a worker thread after the first paint::

    from jpbrief.core.search import SearchIndex, default_index_root
    index = SearchIndex(library, content_dir, default_index_root())
    index.ensure()                      # build or open; may raise IndexBusy
    result = index.search("defence budget theme:dicas", limit=20)

See :mod:`jpbrief.core.search.engine` for the modules one query runs through, in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jpbrief.core.search import quiet_imports
from jpbrief.core.search.results import (
    ArticleHits,
    Hit,
    IndexInfo,
    IndexStatus,
    SearchIndexProtocol,
    SearchResult,
    SearchStatus,
)

quiet_imports.install()  # before anything imports Whoosh: see the module

if TYPE_CHECKING:
    from jpbrief.core.search.engine import SearchIndex
    from jpbrief.core.search.store import IndexBusy, default_index_root

__all__ = [
    "ArticleHits",
    "Hit",
    "IndexBusy",
    "IndexInfo",
    "IndexStatus",
    "SearchIndex",
    "SearchIndexProtocol",
    "SearchResult",
    "SearchStatus",
    "default_index_root",
]

_LAZY = {
    "SearchIndex": "jpbrief.core.search.engine",
    "default_index_root": "jpbrief.core.search.store",
    "IndexBusy": "jpbrief.core.search.store",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
