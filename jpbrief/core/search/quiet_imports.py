"""Import Whoosh without the network and asyncio modules it never uses.

whoosh-reloaded's ``whoosh.compat`` imports ``urllib.request.urlretrieve`` (which nothing
in Whoosh calls), and the ``cached_property`` package that ``whoosh.reading`` imports
starts with ``import asyncio`` (used only for properties that are coroutines, which Whoosh
has none of). Between them they load ``ssl`` (and OpenSSL), ``http.client``, ``email``,
``socket``, ``asyncio`` and ``subprocess``: about 12 MB of memory and 120 ms of CPU when
the reader opens its index, in a reader that never touches the network.

:func:`install` adds an import finder that runs just those two modules with builtins of
their own, whose ``__import__`` answers ``urllib.request`` and ``asyncio`` with stand-ins;
``sys.modules`` is never touched, so no other module, and no other thread, ever sees a
stand-in, and a later ``import asyncio`` anywhere gets the real module. Stand-ins are used
only when the real module is not loaded already. The stand-in ``urlretrieve`` refuses to run; the
stand-in ``asyncio`` answers ``iscoroutinefunction`` as :mod:`inspect` does and hands
``ensure_future`` to the real module. Should a release of either package import
something else, it is imported as usual (``tests/test_search_imports.py`` says so).
"""

from __future__ import annotations

import builtins
import importlib
import sys
import types
from collections.abc import Sequence
from typing import Any

QUIETED = {"whoosh.compat": ("urllib.request",), "cached_property": ("asyncio",)}
"""Module -> the modules it is run without (a stand-in in their place)."""


def _refuse_download(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("jpbrief never downloads anything (whoosh.compat.urlretrieve)")


def _ensure_future(*args: Any, **kwargs: Any) -> Any:
    return importlib.import_module("asyncio").ensure_future(*args, **kwargs)


def _stand_in(name: str) -> types.ModuleType:
    module = types.ModuleType(name, "A stand-in: see jpbrief.core.search.quiet_imports")
    if name == "urllib.request":
        module.urlretrieve = _refuse_download  # type: ignore[attr-defined]
    elif name == "asyncio":
        import inspect

        module.iscoroutinefunction = inspect.iscoroutinefunction  # type: ignore[attr-defined]
        module.ensure_future = _ensure_future  # type: ignore[attr-defined]
    return module


class _QuietLoader:
    """The module's own loader, run with the stand-ins in place."""

    def __init__(self, loader: Any, without: Sequence[str]) -> None:
        self.loader, self.without = loader, tuple(without)

    def __getattr__(self, name: str) -> Any:  # get_code, is_package, get_resource_reader, …
        return getattr(self.loader, name)

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        stand_ins = {name: _stand_in(name) for name in self.without if name not in sys.modules}
        if stand_ins:
            real_import = builtins.__import__

            def quiet_import(name: str, globals: Any = None, locals: Any = None,
                             fromlist: Any = (), level: int = 0) -> Any:
                if level == 0 and name in stand_ins:
                    return stand_ins[name]
                return real_import(name, globals, locals, fromlist, level)

            # The module's code (and the functions it defines) reads these, not the real ones.
            module.__dict__["__builtins__"] = {**vars(builtins), "__import__": quiet_import}
        self.loader.exec_module(module)


class _QuietFinder:
    """Finds the two modules as the finders after it would (the path's, or a frozen
    app's archive), their loader wrapped; leaves every other import to them."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        without = QUIETED.get(fullname)
        if without is None:
            return None
        for finder in sys.meta_path:
            if finder is self or isinstance(finder, _QuietFinder) or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is None:
                continue
            if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _QuietLoader(spec.loader, without)  # type: ignore[assignment]
            return spec
        return None


def install() -> None:
    """Quiet the two imports from now on (idempotent; nothing is imported here)."""
    if not any(isinstance(finder, _QuietFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _QuietFinder())
