"""What the window asks the service to do in the background: sync, retry, resync, test.

Long runs (sync, retry, resync) go one at a time through a single-thread :class:`Runner`
(the single writer); connection tests run in a small separate pool so a clerk can test a
store while a sync runs. Every outcome comes back on the GUI thread as a signal, and
``data_changed`` is coalesced so a 500-order sync repaints a few times, not 500.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ecdesk.service import Service
from ecdesk.ui.i18n import plural
from ecdesk.ui.workers import Coalescer, Job, Runner


class Operations(QObject):
    started = Signal(str)  # what is running, in words
    progress = Signal(int, int, str)
    finished = Signal(str)  # summary line
    failed = Signal(str)  # what went wrong and what to do next
    notice = Signal(str)  # a request that could not start now (another run is going)
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
            self.progress.emit(0, 0, self.tr("Cancelling after the current order…"))

    def refresh_soon(self) -> None:
        self._refresh.request()

    def shutdown(self) -> None:
        self.writer.shutdown()
        self.probes.shutdown()

    # --- long runs ----------------------------------------------------------------------
    def _start(self, what: str, fn: Callable[..., Any]) -> Job | None:
        if self.job is not None:
            self.notice.emit(self.tr("{what} is still running. Wait for it to finish, or "
                                     "press Cancel, then try again.").format(what=self.job.name))
            return None
        self.job = self.writer.submit(fn, progress=self._on_progress, done=self._on_done,
                                      failed=self._on_failed, explain=self.service.explain,
                                      name=what)
        self.busy_changed.emit(True)
        self.started.emit(what)
        self.progress.emit(0, 0, f"{what}…")
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

    def sync(self, store: str | None = None, *, since: date | datetime | None = None,
             until: date | datetime | None = None, trigger: str = "manual") -> Job | None:
        what = self.tr("Sync of {store}").format(store=store) if store \
            else self.tr("Sync of all stores")
        if since is not None:
            what = self.tr("Resync of {store} from {date}").format(
                store=store, date=since.strftime("%d/%m/%Y"))
        svc = self.service
        return self._start(what, lambda progress, cancel: svc.run_job(
            "sync", store=store, since=since, until=until, trigger=trigger, progress=progress,
            cancel=cancel))

    def sync_many(self, stores: list[str], trigger: str = "schedule") -> Job | None:
        """Scheduled runs: the due stores side by side in one job."""
        svc = self.service
        return self._start(self.tr("Scheduled sync of {stores}").format(
            stores=", ".join(stores)), lambda progress, cancel: svc.run_job(
            "sync_many", stores=stores, trigger=trigger, progress=progress, cancel=cancel))

    def retry(self, order_ids: list[int]) -> Job | None:
        svc = self.service
        n = len(order_ids)
        return self._start(plural(n, self.tr("Retry of {n} order"), self.tr("Retry of {n} orders")),
                           lambda progress, cancel: svc.run_job(
                               "retry", order_ids=order_ids, progress=progress, cancel=cancel))

    def retry_fixable(self, store: str | None = None) -> Job | None:
        svc = self.service
        return self._start(self.tr("Retry of all fixable held orders"),
                           lambda progress, cancel: svc.run_job(
                               "retry_all", store=store, fixable_only=True, progress=progress,
                               cancel=cancel))

    def resync_order(self, order_id: int, label: str) -> Job | None:
        svc = self.service
        return self._start(self.tr("Resync of order {order}").format(order=label),
                           lambda progress, cancel: svc.resync_order(order_id))

    def export_reconciliation(self, path: str, since: date | None, until: date | None,
                              store: str | None = None) -> Job | None:
        """The month-end Excel reconciliation, written off the GUI thread; the finished
        sentence names the file."""
        svc = self.service

        def run(progress, cancel) -> str:
            c = svc.export_reconciliation(path, since, until, store)
            return self.tr("Reconciliation saved to {path}: {orders}, {lines}, {held} "
                           "held.").format(
                path=c["path"], held=f"{c['held']:,}",
                orders=plural(c["orders"], self.tr("{n} order"), self.tr("{n} orders")),
                lines=plural(c["documents"], self.tr("{n} AutoCount document line"),
                             self.tr("{n} AutoCount document lines")))

        return self._start(self.tr("Export of the reconciliation to Excel"), run)

    def push_stock(self, store: str | None = None) -> Job | None:
        """Push stock now (every store, or one): progress per batch, Cancel between batches;
        the finished sentence has one part per store."""
        stock = self.service.stock

        def run(progress, cancel) -> str:
            def report(done: int, total: int, message: str) -> bool:
                progress(done, total, message)
                return cancel.cancelled

            return " ".join(s.line() + "." for s in stock.push(store, progress=report,
                                                               force=True))

        what = self.tr("Stock push to {store}").format(store=store) if store \
            else self.tr("Stock push to all stores")
        return self._start(what, run)

    def egress_many(self, stores: list[str]) -> Job | None:
        """Scheduled egress (stock and tracking) of the due stores in one job."""
        stock = self.service.stock

        def run(progress, cancel) -> str:
            lines = []
            for name in stores:
                if cancel.cancelled:
                    break
                lines += [s.line() + "." for s in stock.egress(name)]
            return " ".join(lines)

        return self._start(self.tr("Scheduled stock and tracking of {stores}").format(
            stores=", ".join(stores)), run)

    # --- writes from the window -----------------------------------------------------------
    def write(self, fn: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[str], None], *, name: str | None = None) -> Job:
        """A write from the window (a mapping, a workbook of them, a resolve...) through the
        single writer the sync uses (Anki's ``CollectionOp``): never on the GUI thread, so
        the window answers while a sync or a slow shared database holds the write path, and
        never racing a sync: it runs when the one in progress has finished."""
        return self.writer.submit(lambda _p, _c: fn(), done=done, failed=failed,
                                  explain=self.service.explain,
                                  name=name or self.tr("Saving"))

    # --- probes -------------------------------------------------------------------------
    def probe(self, fn: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[str], None], *, name: str | None = None) -> Job:
        """A short call (Test connection, a mapping import) beside any running sync."""
        return self.probes.submit(lambda _p, _c: fn(), done=done, failed=failed,
                                  explain=self.service.explain,
                                  name=name or self.tr("Test connection"))


def describe(result: Any) -> str:
    """A run summary (or a list of them) as one sentence for the status bar."""
    if result is None:
        return QCoreApplication.translate("describe", "Done.")
    if isinstance(result, list):  # several stores in one scheduled job: one sentence
        if not result:
            return QCoreApplication.translate("describe", "Nothing was due.")
        if len(result) == 1:
            return describe(result[0])
        total = type(result[0])(store=f"{len(result)} stores")
        for r in result:
            total.add(r)
        total.store = QCoreApplication.translate("describe", "{n} stores").format(
            n=len(result))
        return describe(total)
    if not hasattr(result, "fetched"):
        return str(result)
    r = result
    retry = r.store == "retry"
    parts = [] if retry else [plural(
        r.fetched, QCoreApplication.translate("describe", "{n} order fetched"),
        QCoreApplication.translate("describe", "{n} orders fetched"))]
    parts.append(plural(
        r.posted, QCoreApplication.translate("describe", "{n} document posted to AutoCount"),
        QCoreApplication.translate("describe", "{n} documents posted to AutoCount")))
    parts.append(QCoreApplication.translate("describe", "{n} held").format(n=f"{r.held:,}"))
    if r.waiting:
        parts.append(QCoreApplication.translate(
            "describe", "{n} waiting (unpaid, or not settled yet)").format(n=f"{r.waiting:,}"))
    if r.ignored:
        parts.append(QCoreApplication.translate("describe", "{n} cancelled (not posted)")
                     .format(n=f"{r.ignored:,}"))
    if r.pending:
        parts.append(QCoreApplication.translate(
            "describe", "{n} awaiting AutoCount's answer (checked again next run)")
            .format(n=f"{r.pending:,}"))
    endings = {
        "ok": (QCoreApplication.translate("describe", "Retry finished: {parts}."),
               QCoreApplication.translate("describe", "Sync of {store} finished: {parts}.")),
        "cancelled": (
            QCoreApplication.translate("describe", "Retry stopped as you asked: {parts}."),
            QCoreApplication.translate("describe",
                                       "Sync of {store} stopped as you asked: {parts}.")),
        "failed": (
            QCoreApplication.translate("describe", "Retry did not finish: {parts}."),
            QCoreApplication.translate("describe", "Sync of {store} did not finish: {parts}.")),
        "busy": (QCoreApplication.translate("describe", "Retry was skipped: {parts}."),
                 QCoreApplication.translate("describe", "Sync of {store} was skipped: {parts}.")),
    }
    retry_text, sync_text = endings.get(r.status, endings["failed"])
    store = r.store or QCoreApplication.translate("describe", "all stores")
    text = (retry_text if retry else sync_text).format(
        store=store, parts=QCoreApplication.translate("describe", ", ").join(parts))
    if r.errors:
        text += " " + " ".join(r.errors[:2])
    return text
