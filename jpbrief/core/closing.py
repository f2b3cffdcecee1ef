"""Closing: the `with` protocol for objects that own a resource and have a `close()`."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class Closing:
    """``with thing:`` closes ``thing`` on the way out, whatever happened inside."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None,
    ) -> None:
        self.close()
