"""The model as plain JSON data and back, field by field from the dataclasses' own types.

Used by caches (the reader's start-up cache): a field added to the model is carried
without anyone remembering to list it, and decoding builds only the model's own
dataclasses from JSON values, checked against each field's type, so nothing read from
a cache can run code or smuggle in another type (a mismatch raises ``ValueError``).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from jpbrief.core import model


def encode(value: Any) -> Any:
    """``value`` (a model dataclass, or tuples/dicts of them) as JSON-able data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def decode(kind: Any, data: Any) -> Any:
    """Build a value of type ``kind`` from :func:`encode`'s output; ``ValueError`` on a mismatch."""
    if kind is Any:
        raise ValueError("untyped field")
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"{kind.__name__}: expected an object")
        hints = _hints(kind)
        names = {f.name for f in dataclasses.fields(kind) if f.init}
        if not set(data) <= names:
            raise ValueError(f"{kind.__name__}: unknown fields {sorted(set(data) - names)}")
        return kind(**{name: decode(hints[name], item) for name, item in data.items()})
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        for option in args:
            if option is type(None):
                if data is None:
                    return None
                continue
            try:
                return decode(option, data)
            except ValueError:
                continue
        raise ValueError(f"{data!r} fits none of {kind}")
    if origin is Literal:
        if data in args:
            return data
        raise ValueError(f"{data!r} is not one of {args}")
    if origin is tuple:
        if not isinstance(data, list):
            raise ValueError("expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items")
        return tuple(decode(arg, item) for arg, item in zip(args, data, strict=True))
    if origin is dict:
        if not isinstance(data, dict):
            raise ValueError("expected an object")
        return {decode(args[0], key): decode(args[1], item) for key, item in data.items()}
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if kind in (str, int, bool) and type(data) is kind:
        return data
    raise ValueError(f"{data!r} is not a {kind}")
