"""Runs callables on a worker thread and hands each result or exception back on the UI thread.

The pattern the search service, the live content reload and the content packs share:
work goes to a :class:`QThreadPool` (one thread by default, so jobs run in order), and
what it returns, or the exception it raised, is passed to a callback in the thread that
made the :class:`Worker`, through a relay object's queued signal. After :meth:`Worker.shutdown`
nothing more is delivered (the window a callback would update may be gone); a job still
running when the worker itself is deleted finishes without delivering and without a crash.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

OnResult = Callable[[Any], object]
OnError = Callable[[BaseException], object]


class _Relay(QObject):
    """Lives in the UI thread; workers emit through it, so the slot runs in the UI thread."""

    post = Signal(object, object)  # the UI-thread callback, its argument


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], object],
                 on_result: OnResult | None, on_error: OnError | None) -> None:
        super().__init__()
        self._relay, self._work = relay, work
        self._on_result, self._on_error = on_result, on_error
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # delivered, never lost: a bug must not leave a queue stuck
            _emit(self._relay, self._on_error or _report, error)
            return
        if self._on_result is not None:
            _emit(self._relay, self._on_result, result)


def _emit(relay: _Relay, callback: Callable[[Any], object], value: object) -> None:
    with contextlib.suppress(RuntimeError):  # the relay was deleted with its worker: nobody is left
        relay.post.emit(callback, value)


def _report(error: BaseException) -> None:
    """Where an exception goes when its job named no ``on_error``: the UI thread's hook."""
    sys.excepthook(type(error), error, error.__traceback__)


class Worker(QObject):
    """A thread pool (``threads`` threads, default one) with delivery on the owner's thread."""

    def __init__(self, parent: QObject | None = None, *, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # made before the relay, so deleted (and waited for) first
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.post.connect(self._deliver)
        self.closed = False

    def submit(self, work: Callable[[], object], on_result: OnResult | None = None,
               on_error: OnError | None = None) -> None:
        """Run ``work()`` in the pool; pass its result to ``on_result``, or the exception
        it raised to ``on_error`` (default: ``sys.excepthook``), both in the UI thread."""
        if not self.closed:
            self._pool.start(_Job(self._relay, work, on_result, on_error))

    def post(self, callback: Callable[[Any], object], value: object) -> None:
        """From a job: call ``callback(value)`` in the UI thread (a progress report)."""
        _emit(self._relay, callback, value)

    def drop_queued(self) -> None:
        """Forget the jobs not started yet; a running one finishes and is delivered."""
        self._pool.clear()

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Wait for the running and queued jobs (their deliveries are queued, not made)."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Stop for good: queued jobs are dropped, a running one finishes, nothing more is
        delivered and nothing new is started."""
        self.closed = True
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)

    def _deliver(self, callback: Callable[[Any], object], value: object) -> None:
        if not self.closed:
            callback(value)
