"""The model as plain JSON data and back, field by field from the dataclasses' own types.

Used by caches (the reader's start-up cache): a field added to the model is carried
without anyone remembering to list it, and decoding builds only the model's own
dataclasses from JSON values, checked against each field's type, so nothing read from
a cache can run code or smuggle in another type (a mismatch raises ``ValueError``).

A field left at its default is not written (a passage without themes, footnotes or a
role is a few keys, not ten), and each type's decoder is made once from its type hints
and kept: the start-up cache of 1,000 articles holds some 200,000 records.
"""

from __future__ import annotations

import dataclasses
import functools
import string
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from jpbrief.core import model
from jpbrief.core.message import QT_TRANSLATE_NOOP, Joined, Message

Decoder = Callable[[Any], Any]
_MISSING = dataclasses.MISSING


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, default) of each init field, the default ``_MISSING`` when there is none."""
    out = []
    for f in dataclasses.fields(cls):
        if f.init:
            default = f.default
            if default is _MISSING and f.default_factory is not _MISSING:
                default = f.default_factory()
            out.append((f.name, default))
    return tuple(out)


_PLAIN = frozenset((str, int, float, bool, type(None)))
_IMMUTABLE = _PLAIN | {tuple, frozenset}


def encode(value: Any) -> Any:
    """``value`` (a model dataclass, or tuples/dicts of them) as JSON-able data."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if isinstance(value, Message):
        return _encode_message(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for name, default in _defaults(type(value)):
            item = getattr(value, name)
            if default is _MISSING or item != default or type(item) is not type(default):
                out[name] = item if type(item) in _PLAIN else encode(item)
        return out
    if isinstance(value, tuple | list):
        return [item if type(item) in _PLAIN else encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model), include_extras=True)


def decode(kind: Any, data: Any) -> Any:
    """Build a value of type ``kind`` from :func:`encode`'s output; ``ValueError`` on a mismatch."""
    return decoder(kind)(data)


@functools.cache
def decoder(kind: Any) -> Decoder:
    """The decoder of values of type ``kind`` (made once per type)."""
    if kind is Any:
        raise ValueError("untyped field")
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    origin, args = get_origin(kind), get_args(kind)
    if origin is Annotated:
        return _message_text if "message" in kind.__metadata__ else decoder(args[0])
    if origin in (Union, types.UnionType):
        return _union_decoder(kind, args)
    if origin is Literal:
        allowed, types_allowed = args, frozenset(type(a) for a in args)

        def literal(data: Any) -> Any:
            if type(data) in types_allowed and data in allowed:
                return data
            raise ValueError(f"{data!r} is not one of {allowed}")
        return literal
    if origin is tuple:
        return _tuple_decoder(args)
    if origin is dict:
        keys, values = decoder(args[0]), decoder(args[1])

        def mapping(data: Any) -> Any:
            if not isinstance(data, dict):
                raise ValueError("expected an object")
            return {keys(key): values(item) for key, item in data.items()}
        return mapping
    if kind is float:
        def real(data: Any) -> float:
            if isinstance(data, int | float) and not isinstance(data, bool):
                return float(data)
            raise ValueError(f"{data!r} is not a {kind}")
        return real
    if kind in (str, int, bool):
        def plain(data: Any) -> Any:
            if type(data) is kind:
                return data
            raise ValueError(f"{data!r} is not a {kind}")
        return plain
    raise ValueError(f"no decoder for {kind}")


def _dataclass_decoder(kind: type) -> Decoder:
    hints = _hints(kind)
    fields: dict[str, Decoder] = {}

    def field_decoder(name: str) -> Decoder:  # made on first use: types may refer to each other
        found = fields.get(name)
        if found is None:
            found = fields[name] = decoder(hints[name])
        return found

    names = frozenset(name for name, _default in _defaults(kind))
    # A str field (most of them), optional or not, is checked here without a call per value.
    strings = frozenset(name for name in names if hints[name] in (str, str | None))

    # A record of only immutable defaults and no __post_init__ (a passage, a footnote) is
    # filled in directly: a frozen dataclass's __init__ costs a call per field, and an
    # article's passages are decoded whenever it is opened.
    defaults = _defaults(kind)
    required = frozenset(name for name, default in defaults if default is _MISSING)
    given = {name: default for name, default in defaults if default is not _MISSING}
    direct = (not hasattr(kind, "__post_init__") and len(defaults) == len(dataclasses.fields(kind))
              and all(type(default) in _IMMUTABLE for default in given.values()))

    def build(data: Any) -> Any:
        if not isinstance(data, dict):
            raise ValueError(f"{kind.__name__}: expected an object")
        if not names.issuperset(data):
            raise ValueError(f"{kind.__name__}: unknown fields {sorted(set(data) - names)}")
        values = {name: item if type(item) is str and name in strings else field_decoder(name)(item)
                  for name, item in data.items()}
        if direct:
            if not required.issubset(values):
                raise ValueError(f"{kind.__name__}: missing fields {sorted(required - set(values))}")
            record: Any = object.__new__(kind)
            record.__dict__.update(given, **values)
            return record
        try:
            return kind(**values)
        except TypeError as error:  # a field without a default left out
            raise ValueError(f"{kind.__name__}: {error}") from None
    return build


def _union_decoder(kind: Any, args: tuple[Any, ...]) -> Decoder:
    optional = type(None) in args
    options = [decoder(option) for option in args if option is not type(None)]
    if len(options) == 1:
        only = options[0]

        def one(data: Any) -> Any:
            return None if data is None and optional else only(data)
        return one

    def union(data: Any) -> Any:
        if data is None and optional:
            return None
        for option in options:
            try:
                return option(data)
            except ValueError:
                continue
        raise ValueError(f"{data!r} fits none of {kind}")
    return union


def _tuple_decoder(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = decoder(args[0])

        def sequence(data: Any) -> tuple[Any, ...]:
            if not isinstance(data, list):
                raise ValueError("expected a list")
            return tuple(map(item, data))
        return sequence
    items = [decoder(arg) for arg in args]

    def fixed(data: Any) -> tuple[Any, ...]:
        if not isinstance(data, list):
            raise ValueError("expected a list")
        if len(items) != len(data):
            raise ValueError(f"expected {len(items)} items")
        return tuple(f(value) for f, value in zip(items, data, strict=True))
    return fixed


def _encode_message(message: Message) -> dict[str, Any]:
    """A :class:`Message` as data: its template, context and values (never its code)."""
    return {"template": str(message.template), "context": message.template.context,
            "values": {name: _encode_value(value) for name, value in message.values.items()}}


def _encode_value(value: Any) -> Any:
    if isinstance(value, Message):
        return _encode_message(value)
    if isinstance(value, Joined):
        return {"joined": [_encode_value(item) for item in value], "separator": value.separator}
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)


def _message_text(data: Any) -> str:
    """Plain text as it is, or a :class:`Message` rebuilt from :func:`_encode_message`'s data."""
    if type(data) is str:
        return data
    return _decode_message(data)


def _decode_message(data: Any) -> Message:
    if not isinstance(data, dict) or set(data) != {"template", "context", "values"}:
        raise ValueError("expected a message: template, context and values")
    template, context, values = data["template"], data["context"], data["values"]
    if type(template) is not str or type(context) is not str or not isinstance(values, dict):
        raise ValueError("a message's template and context are text, its values an object")
    decoded = {str(name): _decode_value(value) for name, value in values.items()}
    try:  # each placeholder a plain name among the values: no attribute or index lookups
        names = {field for _text, field, _spec, _conv in string.Formatter().parse(template)
                 if field is not None}
    except ValueError as error:
        raise ValueError(f"a message's template cannot be read: {error}") from None
    if not all(name.isidentifier() and name in decoded for name in names):
        raise ValueError(f"a message's template names {sorted(names)}, given {sorted(decoded)}")
    try:
        return Message(QT_TRANSLATE_NOOP(context, template), **decoded)
    except (ValueError, TypeError) as error:  # a format spec that does not fit its value
        raise ValueError(f"a message cannot be filled: {error}") from None


def _decode_value(data: Any) -> Any:
    if data is None or type(data) in (str, int, float, bool):
        return data
    if isinstance(data, dict) and set(data) == {"joined", "separator"}:
        items, separator = data["joined"], data["separator"]
        if not isinstance(items, list) or type(separator) is not str:
            raise ValueError("a joined value is a list and a separator")
        return Joined((_decode_value(item) for item in items), separator)
    return _decode_message(data)
