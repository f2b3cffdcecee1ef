"""Escaping untrusted text (content, notes, paths, errors) for Qt's rich-text sinks.

:func:`escape` does what ``html.escape`` does; importing ``html`` also builds its
entity tables, about 2 ms of the reader's start-up, so the widgets shown by the first
paint (the library list, the problems banner) escape with this instead.

:func:`literal` is for sinks where Qt *guesses* the format (tool-tips, item tool-tips,
labels left on ``AutoText``): ``Qt.mightBeRichText`` takes ``<img src=...>`` for markup
(a label then reads that file, with no sandbox) yet shows a lone ``&amp;`` as typed.
Escaping and wrapping in ``<qt>`` makes every such text rich and shown word for word.
"""

from __future__ import annotations

_REPLACEMENTS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def escape(text: str) -> str:
    """``text`` with ``& < > " '`` replaced by character references, as ``html.escape``."""
    for plain, reference in _REPLACEMENTS:
        text = text.replace(plain, reference)
    return text


def literal(text: str) -> str:
    """Rich text that shows ``text`` literally, line breaks kept, whatever Qt would guess."""
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"
