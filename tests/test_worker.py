"""The worker: results and exceptions come back on the UI thread; nothing after shutdown."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from jpbrief.ui.services.worker import Worker


class Sink(QObject):
    """Records what the worker delivered, and in which thread."""

    got = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[QThread] = []

    def take(self, value: object) -> None:
        self.threads.append(QThread.currentThread())
        self.got.emit(value)


def test_a_result_arrives_on_the_ui_thread(qtbot) -> None:
    worker, sink = Worker(), Sink()
    ran_in: list[int] = []

    def work() -> int:
        ran_in.append(threading.get_ident())
        return 42

    with qtbot.waitSignal(sink.got, timeout=10000) as blocker:
        worker.submit(work, sink.take)
    assert blocker.args == [42]
    assert ran_in and ran_in[0] != threading.get_ident()  # the work ran elsewhere
    assert sink.threads == [QCoreApplication.instance().thread()]  # the answer came home
    worker.shutdown()


def test_an_exception_arrives_as_an_error(qtbot) -> None:
    worker, results, errors = Worker(), Sink(), Sink()

    def work() -> None:
        raise ValueError("broken article")

    with qtbot.waitSignal(errors.got, timeout=10000) as blocker:
        worker.submit(work, results.take, errors.take)
    assert isinstance(blocker.args[0], ValueError) and str(blocker.args[0]) == "broken article"
    assert errors.threads == [QCoreApplication.instance().thread()]
    assert results.threads == []
    worker.shutdown()


def test_progress_posted_from_a_job_arrives_in_order(qtbot) -> None:
    worker, sink = Worker(), Sink()
    seen: list[object] = []
    sink.got.connect(seen.append)

    def work() -> str:
        worker.post(sink.take, "indexing")
        return "ready"

    with qtbot.waitSignal(sink.got, timeout=10000, check_params_cb=lambda v: v == "ready"):
        worker.submit(work, sink.take)
    assert seen == ["indexing", "ready"]
    worker.shutdown()


def test_a_result_after_shutdown_is_dropped(qtbot) -> None:
    worker, sink, marker = Worker(), Sink(), Sink()
    worker.submit(lambda: "late", sink.take)
    assert worker.wait_idle(10000)  # answered; its delivery is queued for this thread
    worker.shutdown()
    with qtbot.assertNotEmitted(sink.got):
        QCoreApplication.processEvents()  # delivers what was queued
    worker.submit(lambda: "after", sink.take)  # a closed worker starts nothing
    assert worker.wait_idle(10000)
    with qtbot.assertNotEmitted(sink.got):
        QCoreApplication.processEvents()
    assert sink.threads == [] and marker.threads == []


def test_a_job_outliving_its_worker_does_not_crash(qtbot) -> None:
    release = threading.Event()
    finished = threading.Event()
    sink = Sink()
    worker = Worker()

    def work() -> str:
        release.wait(10)
        return "orphan"

    def tell_done() -> None:
        finished.set()

    worker.submit(work, sink.take)
    worker.submit(tell_done)
    worker.deleteLater()
    release.set()
    with qtbot.waitSignal(worker.destroyed, timeout=10000):
        pass
    assert finished.wait(10)  # the pool was waited for on deletion; both jobs ran
    with qtbot.assertNotEmitted(sink.got):
        QCoreApplication.processEvents()
    assert sink.threads == []
