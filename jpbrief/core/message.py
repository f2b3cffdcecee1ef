"""Messages for the reader that the interface can say in its language: English text, template and values.

The core is Qt-free and writes English; a :class:`Message` *is* that English (a ``str``,
so the command line, logs and tests see plain text), and also keeps its template, the
catalogue context it belongs to, and the values that fill it, so the reader can look the
template up in its translation (``jpbrief.ui.labels.translated``) and fill in the same
values. Values (file names, paths, versions, ids) are never translated; a value that is
itself a Message is. Templates are marked with :func:`QT_TRANSLATE_NOOP`, the name
``make lupdate`` looks for, so the catalogue picks them up from the core's source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class Template(str):
    """A message template (``str.format`` syntax) and its catalogue ``context``."""

    context: str


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:  # the name lupdate looks for
    """Mark ``source`` for the catalogue under ``context``; :class:`Message` fills it."""
    template = Template(source)
    template.context = context
    return template


class Message(str):
    """``template`` filled with ``values``, in English; the UI can say it in another language."""

    template: Template
    values: dict[str, Any]

    def __new__(cls, template: Template, /, **values: Any) -> Message:
        message = super().__new__(cls, template.format(**values))
        message.template, message.values = template, values
        return message

    def __reduce__(self) -> tuple[Any, ...]:  # a copy or pickle keeps what it says
        return (_rebuild, (self.template.context, str(self.template), self.values))


class Joined(tuple[Any, ...]):
    """Several values (each a Message or plain text) shown as one, ``separator`` between."""

    separator: str

    def __new__(cls, items: Iterable[Any], separator: str) -> Joined:
        joined = super().__new__(cls, items)
        joined.separator = separator
        return joined

    def __format__(self, spec: str) -> str:
        return format(self.separator.join(map(str, self)), spec)

    def __str__(self) -> str:
        return self.separator.join(map(str, self))


def _rebuild(context: str, template: str, values: dict[str, Any]) -> Message:
    return Message(QT_TRANSLATE_NOOP(context, template), **values)


def message_of(error: BaseException) -> str:
    """What ``error`` says: its :class:`Message` when it was raised with one, else its text."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Message) else str(error)


class MessageError(Exception):
    """An error whose text the reader can show in its language: raised with a marked
    template and its values (``raise E(QT_TRANSLATE_NOOP(ctx, "{name}: …"), name=…)``),
    its message is a :class:`Message`; raised with plain text, it is that text."""

    def __init__(self, message: str, /, **values: Any) -> None:
        super().__init__(Message(message, **values) if isinstance(message, Template) else message)
