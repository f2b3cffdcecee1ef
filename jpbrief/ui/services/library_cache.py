"""A start-up cache of the loaded library and its rendered articles (JSON, never pickle).

Parsing every article's Markdown and YAML, and importing the parsers, costs more than
painting the window. The reader therefore keeps, in the user cache directory, the
loaded :class:`~jpbrief.core.model.Library` and each article's rendered HTML (without
style sheet and theme marking), keyed by a fingerprint of every file the loader reads
(path, link target, size, modification time) and the jpbrief version, kept and compared whole
(a hash would only add ``hashlib``'s import to the start-up). Any change, or any
unreadable or unexpected cache, means a normal load; the cache is rewritten after the
first paint. Like the search index, it is a cache and never a source of truth.
"""

from __future__ import annotations

import json
from pathlib import Path

from jpbrief import __version__
from jpbrief.core.content_files import list_content, stat_lines
from jpbrief.core.durable import atomic_write_text
from jpbrief.core.model import Library
from jpbrief.core.model_codec import decode, encode

FORMAT = 5  # 4: the whole model through model_codec (every field, events and figures too)
# 5: glossary terms with Japanese names, and their links in the rendered text
FILE_NAME = "library.json"


def fingerprint(content_dir: Path) -> str:
    """jpbrief's version, the content folder, and each file the loader reads: its path,
    link target, size and mtime (see :func:`jpbrief.core.content_files.stat_lines`)."""
    lines = stat_lines(list_content(content_dir))
    return "\n".join([f"jpbrief {__version__} cache {FORMAT}", str(content_dir.resolve()), *lines])


def load(
    content_dir: Path, cache_root: Path, stamp: str | None = None
) -> tuple[Library, dict[str, str]] | None:
    """The cached library and rendered articles, if the cache matches the content
    (``stamp``: its fingerprint, if already taken)."""
    try:
        data = json.loads((cache_root / FILE_NAME).read_text(encoding="utf-8"))
        if data.get("fingerprint") != (stamp if stamp is not None else fingerprint(content_dir)):
            return None
        html = {str(k): str(v) for k, v in data["html"].items()}
        return decode(Library, data["library"]), html
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def save(content_dir: Path, cache_root: Path, library: Library, html: dict[str, str], *,
         stamp: str | None = None) -> bool:
    """Write the cache atomically; False (and no cache) if that is not possible.

    ``stamp``: the content's fingerprint taken *before* ``library`` was loaded. Taken now,
    after the load, a file edited in between would be cached as its older version under
    the newer fingerprint, and served stale until the next edit.
    """
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        stamp = stamp if stamp is not None else fingerprint(content_dir)
        payload = {"fingerprint": stamp, "library": encode(library),
                   "html": html}
        # A cache: a power cut only costs one normal load, so it is not fsynced.
        atomic_write_text(cache_root / FILE_NAME, json.dumps(payload, ensure_ascii=False),
                          durable=False)
        return True
    except OSError:
        return False


def with_css(html: str, css: str) -> str:
    """Put a style sheet into HTML rendered without one."""
    return html.replace("<head></head>", f"<head><style>{css}</style></head>", 1) if css else html
