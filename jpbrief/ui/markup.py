"""Escaping text for Qt's rich-text labels and list items, for the start-up path.

:func:`escape` does what ``html.escape`` does; importing ``html`` also builds its
entity tables, about 2 ms of the reader's start-up, so the widgets shown by the first
paint (the library list, the problems banner) escape with this instead.
"""

from __future__ import annotations

_REPLACEMENTS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def escape(text: str) -> str:
    """``text`` with ``& < > " '`` replaced by character references, as ``html.escape``."""
    for plain, reference in _REPLACEMENTS:
        text = text.replace(plain, reference)
    return text
