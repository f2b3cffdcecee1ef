"""Whoosh's pickle reading, restricted to the few classes an index holds: nothing runs.

Whoosh keeps pickles in the index files: the segment list in the TOC (and the schema,
which :mod:`~jpbrief.core.search.lifecycle` never reads: it passes the schema
built in code), the compound file's directory, posting blocks and stored fields. The
index lives in a cache folder that may be roaming or shared, so a planted pickle must
not be a way to run code, even after the index passed its seal check (see
:mod:`.seal`: a file can still be changed between the check and Whoosh reading it).

Whoosh has no hook for a custom unpickler, and its modules bind ``pickle.load``,
``pickle.loads`` or the ``pickle`` module itself at import time, so :func:`install`
replaces those names in every loaded ``whoosh`` module with the restricted reader
below, whose ``find_class`` admits only :data:`ALLOWED`. Anything else raises
:class:`pickle.UnpicklingError`, which the index treats as damage: it is rebuilt.
"""

from __future__ import annotations

import io
import pickle
import sys
import threading
import types
from typing import IO, Any

ALLOWED = frozenset(
    {
        # the segment list in the TOC: W3Segment(codec=W3Codec(...), _fieldlengths=
        # defaultdict(int, ...))
        ("whoosh.codec.whoosh3", "W3Segment"),
        ("whoosh.codec.whoosh3", "W3Codec"),
        ("collections", "defaultdict"),
        ("builtins", "int"),
    }
)
"""The (module, name) pairs an index's pickles may refer to, found by recording every
``find_class`` while building, opening and searching bundled and synthetic indexes."""

PRELOAD = (
    "whoosh.compat",
    "whoosh.index",
    "whoosh.legacy",
    "whoosh.columns",
    "whoosh.formats",
    "whoosh.externalsort",
    "whoosh.codec.whoosh3",
    "whoosh.filedb.structfile",
    "whoosh.filedb.compound",
    "whoosh.util.loading",
)
"""Whoosh modules that read pickles on the build, open and search paths, imported by
:func:`install` so that none is first imported (with the real pickle) after it ran."""


def _latin1(text: str, encoding: str = "latin1") -> bytes:
    """Stands in for ``_codecs.encode``, which protocol-2 pickles use for bytes."""
    if encoding.replace("-", "").replace("_", "").lower() not in ("latin1", "iso88591"):
        raise pickle.UnpicklingError(f"index data asks for the {encoding!r} codec")
    return text.encode("latin-1")


def _empty_bytes(*args: Any) -> bytes:
    """Stands in for ``bytes``, which protocol-2 pickles call with no argument for ``b""``
    (an empty posting value, in the runs Whoosh sorts on disk when a build outgrows memory)."""
    if args:
        raise pickle.UnpicklingError("index data builds bytes from an argument")
    return b""


class RestrictedUnpickler(pickle.Unpickler):
    """An unpickler that refuses every global outside :data:`ALLOWED`."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("_codecs", "encode"):
            return _latin1
        if (module, name) in (("__builtin__", "bytes"), ("builtins", "bytes")):
            return _empty_bytes
        if (module, name) in ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            f"index data refers to {module}.{name}, which an index never holds"
        )


class _RenamingUnpickler(RestrictedUnpickler):
    """Replaces Whoosh's legacy renaming unpickler; old formats are not admitted."""

    def __init__(self, f: IO[bytes], objmap: Any = None, shortcuts: Any = None) -> None:
        super().__init__(f)


def load(file: IO[bytes], **kwargs: Any) -> Any:
    return RestrictedUnpickler(file, **kwargs).load()


def loads(data: bytes, **kwargs: Any) -> Any:
    return RestrictedUnpickler(io.BytesIO(data), **kwargs).load()


class _PickleModule(types.ModuleType):
    """``pickle`` as Whoosh sees it: the real module, but reading is restricted."""

    load = staticmethod(load)
    loads = staticmethod(loads)
    Unpickler = RestrictedUnpickler

    def __getattr__(self, name: str) -> Any:
        return getattr(pickle, name)


SAFE_PICKLE = _PickleModule("pickle")


def unrestricted(module: types.ModuleType) -> list[str]:
    """Names in ``module`` bound to a pickle reader that is not restricted."""
    readers = (pickle, pickle.load, pickle.loads, pickle.Unpickler, pickle._Unpickler)
    found = []
    for name, value in list(vars(module).items()):
        if any(value is reader for reader in readers) or (
            isinstance(value, type)
            and issubclass(value, pickle.Unpickler)
            and not issubclass(value, RestrictedUnpickler)
        ):
            found.append(name)
    return found


_installed: set[str] = set()
_install_lock = threading.Lock()


def install() -> None:
    """Restrict every pickle reader bound in a loaded ``whoosh`` module (idempotent).

    Cheap after the first call: only modules loaded since are looked at.
    """
    import importlib

    with _install_lock:
        if not _installed:
            for name in PRELOAD:
                importlib.import_module(name)
        for name, module in list(sys.modules.items()):
            if name in _installed or not (name == "whoosh" or name.startswith("whoosh.")):
                continue
            if module is None:
                continue
            for attr in unrestricted(module):
                value = getattr(module, attr)
                if value is pickle:
                    setattr(module, attr, SAFE_PICKLE)
                elif value is pickle.load:
                    setattr(module, attr, load)
                elif value is pickle.loads:
                    setattr(module, attr, loads)
                elif isinstance(value, type) and value.__name__ == "RenamingUnpickler":
                    setattr(module, attr, _RenamingUnpickler)
                else:
                    setattr(module, attr, RestrictedUnpickler)
            _installed.add(name)
