"""The only bridge between threads and Qt.

A :class:`Job` is a ``QRunnable`` that runs ``fn(progress, cancel)`` on a ``QThreadPool`` and
reports back through signals (``progress(int, int, str)``, ``finished(object)``,
``failed(str)``). Its signal object lives on the GUI thread, so every connected callback runs
there (a queued connection across threads). Cancellation is the engine's ``CancelToken``,
checked between orders. :class:`Coalescer` folds bursts of refresh requests into one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ecdesk.service import CancelToken

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
JobFn = Callable[[ProgressFn, CancelToken], Any]


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """One background call. Keep the object: ``cancel()`` asks the engine to stop."""

    def __init__(self, fn: JobFn, explain: Callable[[BaseException], str] = str,
                 name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the Runner drops it when done
        self.fn = fn
        self.explain = explain
        self.name = name
        self.token = CancelToken()
        self.signals = JobSignals()
        self.done = False

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self.signals.progress.emit, self.token)
        except Exception as exc:  # every failure reaches the clerk in words
            log.exception("background job %s failed", self.name)
            try:
                message = self.explain(exc)
            except Exception:  # pragma: no cover - explain must never hide the error
                message = str(exc)
            self.signals.failed.emit(message)
        else:
            self.signals.finished.emit(result)

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class Runner(QObject):
    """A thread pool plus the jobs in flight (so they are not garbage-collected early).

    ``max_threads=1`` makes it the single writer: database and AutoCount writes never race.
    """

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._jobs: set[Job] = set()

    def submit(self, fn: JobFn, *, progress: ProgressFn | None = None,
               done: Callable[[Any], None] | None = None,
               failed: Callable[[str], None] | None = None,
               explain: Callable[[BaseException], str] = str, name: str = "") -> Job:
        job = Job(fn, explain, name)
        if progress is not None:
            job.signals.progress.connect(progress)
        # Bookkeeping first so a callback that submits again sees an accurate count.
        job.signals.finished.connect(lambda _r, j=job: self._forget(j))
        job.signals.failed.connect(lambda _m, j=job: self._forget(j))
        if done is not None:
            job.signals.finished.connect(done)
        if failed is not None:
            job.signals.failed.connect(failed)
        self._jobs.add(job)
        self.pool.start(job)
        return job

    def _forget(self, job: Job) -> None:
        job.done = True
        self._jobs.discard(job)

    @property
    def active(self) -> int:
        return len(self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def shutdown(self, msecs: int = 30000) -> bool:
        """Cancel everything and wait for the threads (window closing)."""
        self.cancel_all()
        return self.pool.waitForDone(msecs)


class Coalescer(QObject):
    """``request()`` many times, ``fired`` once per ``delay_ms`` at most."""

    fired = Signal()

    def __init__(self, delay_ms: int = 300, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.fired)

    def request(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Fire now if a request is pending (used when a job ends)."""
        if self._timer.isActive():
            self._timer.stop()
            self.fired.emit()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
