"""What the window asks the service to do in the background: sync, retry, resync, test.

Long runs (sync, retry, resync) go one at a time through a single-thread :class:`Runner`
(the single writer); connection tests run in a small separate pool so a clerk can test a
store while a sync runs. Every outcome comes back on the GUI thread as a signal, and
``data_changed`` is coalesced so a 500-order sync repaints a few times, not 500.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from ecdesk.service import Service
from ecdesk.ui.workers import Coalescer, Job, Runner


class Operations(QObject):
    started = Signal(str)  # what is running, in words
    progress = Signal(int, int, str)
    finished = Signal(str)  # summary line
    failed = Signal(str)  # what went wrong and what to do next
    busy_changed = Signal(bool)
    data_changed = Signal()  # coalesced: held grid, stores, log should reload

    def __init__(self, service: Service, parent: QObject | None = None,
                 refresh_ms: int = 400) -> None:
        super().__init__(parent)
        self.service = service
        self.writer = Runner(self, max_threads=1)
        self.probes = Runner(self, max_threads=2)
        self.job: Job | None = None
        self.last_result: Any = None
        self._refresh = Coalescer(refresh_ms, self)
        self._refresh.fired.connect(self.data_changed)

    # --- state --------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.job is not None

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.progress.emit(0, 0, "Cancelling after the current order...")

    def refresh_soon(self) -> None:
        self._refresh.request()

    def shutdown(self) -> None:
        self.writer.shutdown()
        self.probes.shutdown()

    # --- long runs ----------------------------------------------------------------------
    def _start(self, what: str, fn: Callable[..., Any]) -> Job | None:
        if self.job is not None:
            self.failed.emit(f"{self.job.name} is still running. Wait for it to finish, or "
                             "press Cancel, then try again.")
            return None
        self.job = self.writer.submit(fn, progress=self._on_progress, done=self._on_done,
                                      failed=self._on_failed, explain=self.service.explain,
                                      name=what)
        self.busy_changed.emit(True)
        self.started.emit(what)
        self.progress.emit(0, 0, f"{what}...")
        return self.job

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.emit(done, total, message)
        self.refresh_soon()

    def _end(self) -> None:
        self.job = None
        self.busy_changed.emit(False)
        self._refresh.request()
        self._refresh.flush()

    def _on_done(self, result: Any) -> None:
        self.last_result = result
        self._end()
        self.finished.emit(describe(result))

    def _on_failed(self, message: str) -> None:
        self.last_result = None
        self._end()
        self.failed.emit(message)

    def sync(self, store: str | None = None, *, since: datetime | None = None,
             until: datetime | None = None, trigger: str = "manual") -> Job | None:
        what = f"Sync of {store}" if store else "Sync of all stores"
        if since is not None:
            what = f"Resync of {store} from {since:%d %b %Y}"
        svc = self.service
        return self._start(what, lambda progress, cancel: svc.sync(
            store, since=since, until=until, trigger=trigger, progress=progress,
            cancel=cancel))

    def sync_many(self, stores: list[str], trigger: str = "schedule") -> Job | None:
        """Scheduled runs: the due stores one after another in one job."""
        svc = self.service

        def run(progress, cancel):
            results = []
            for name in stores:
                if cancel.cancelled:
                    break
                results.append(svc.sync(name, trigger=trigger, progress=progress,
                                        cancel=cancel))
            return results

        return self._start(f"Scheduled sync of {', '.join(stores)}", run)

    def retry(self, order_ids: list[int]) -> Job | None:
        svc = self.service
        n = len(order_ids)
        return self._start(f"Retry of {n} order{'s' if n != 1 else ''}",
                           lambda progress, cancel: svc.retry(order_ids, progress=progress,
                                                              cancel=cancel))

    def retry_fixable(self, store: str | None = None) -> Job | None:
        svc = self.service
        return self._start("Retry of all fixable held orders",
                           lambda progress, cancel: svc.retry_all(
                               store, fixable_only=True, progress=progress, cancel=cancel))

    def resync_order(self, order_id: int, label: str) -> Job | None:
        svc = self.service
        return self._start(f"Resync of order {label}",
                           lambda progress, cancel: svc.resync_order(order_id))

    # --- probes -------------------------------------------------------------------------
    def probe(self, fn: Callable[[], str], done: Callable[[str], None],
              failed: Callable[[str], None]) -> Job:
        """A short call (Test connection) beside any running sync."""
        return self.probes.submit(lambda _p, _c: fn(), done=done, failed=failed,
                                  explain=self.service.explain, name="Test connection")


def describe(result: Any) -> str:
    """A run summary (or a list of them) as one line for the status bar."""
    if result is None:
        return "Done."
    if isinstance(result, list):
        return " | ".join(describe(r) for r in result) or "Nothing was due."
    line = getattr(result, "line", None)
    text = line() if callable(line) else str(result)
    errors = getattr(result, "errors", None)
    if errors:
        text += " - " + "; ".join(errors[:2])
    return text
