"""Sync operations: sync, resync a range, retry, resolve by hand, preview; the cadence."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from ecdesk.clock import day_start
from ecdesk.db.models import OrderRow, Store, SyncLog
from ecdesk.domain import FIXABLE_BY_MAPPING, Outcome
from ecdesk.errors import UsageError
from ecdesk.services.context import Context
from ecdesk.services.orders import OrderQueries
from ecdesk.services.records import HeldQuery
from ecdesk.sync.engine import CancelToken, Progress, RunSummary, no_progress


def _instant(when: date | datetime | None, zone: str | None, *, end: bool = False
             ) -> datetime | None:
    """A day of the store's calendar as the instant it starts (``end``: the next day's
    start); an instant as it is."""
    if when is None or isinstance(when, datetime):
        return when
    return day_start(when + timedelta(days=1) if end else when, zone)


def _one_at_a_time(progress: Progress) -> Progress:
    """``progress`` called by one thread at a time (several stores report at once)."""
    lock = threading.Lock()

    def report(done: int, total: int, message: str) -> None:
        with lock:
            progress(done, total, message)

    return report


class SyncOperations:
    def __init__(self, ctx: Context, orders: OrderQueries) -> None:
        self.ctx = ctx
        self.orders = orders

    def sync(self, store: str | None = None, *, progress: Progress = no_progress,
             cancel: CancelToken | None = None, since: date | datetime | None = None,
             until: date | datetime | None = None, trigger: str = "manual",
             close_days: Collection[date] = ()) -> RunSummary:
        """Sync one store or every enabled store; answers what this run did. ``since`` and
        ``until`` as dates are whole days of each store's own calendar (``--since``, the
        Tools tab); as datetimes, instants. ``close_days``: post those days' summaries now
        (stores with ``posting_mode=day``; ``--close-day``)."""
        if until is not None and since is None:
            raise UsageError("A sync up to a date needs the date to start from too (--since "
                             "with --until; From and To in the window).")
        if since is not None and until is not None and until < since:
            raise UsageError(f"The end {until:%Y-%m-%d} is before the start {since:%Y-%m-%d}: "
                             "give the earlier date first.")
        with self.ctx.session() as s:
            if store:
                stores = [self.ctx.store(s, store)]
            else:
                stores = list(s.scalars(
                    select(Store).where(Store.enabled.is_(True)).order_by(Store.name)))
            ids = [(st.id, (st.settings or {}).get("timezone")) for st in stores]
        total = RunSummary(store=store or "")
        progress = _one_at_a_time(progress)  # stores side by side share the bar
        runs = self._side_by_side([
            lambda sid=sid, zone=zone: self.ctx.engine.sync_store(
                sid, since=_instant(since, zone), until=_instant(until, zone, end=True),
                trigger=trigger, progress=progress, cancel=cancel, close_days=close_days)
            for sid, zone in ids], cancel)
        for one in runs:
            if one is None:  # cancelled before it started
                total.status = "cancelled"
            else:
                total.add(one)
        return total

    def sync_many(self, stores: list[str], *, trigger: str = "schedule",
                  progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> list[RunSummary]:
        """The scheduler's due stores, side by side, each with its own summary."""
        progress = _one_at_a_time(progress)
        done = self._side_by_side([
            lambda name=name: self.sync(name, trigger=trigger, progress=progress,
                                        cancel=cancel)
            for name in stores], cancel)
        return [one for one in done if one is not None]

    def _side_by_side(self, jobs: list[Callable[[], RunSummary]],
                      cancel: CancelToken | None) -> list[RunSummary | None]:
        """Each store's sync in a thread of its own (``ecdesk.sync.side_by_side``); a store
        not started when the clerk cancelled is not started at all (``None``)."""
        def unless_cancelled(job: Callable[[], RunSummary]) -> Callable[[], RunSummary | None]:
            return lambda: None if cancel is not None and cancel.cancelled else job()

        return self.ctx.deps.side_by_side([unless_cancelled(job) for job in jobs])

    def resync_range(self, store: str, since: date | datetime,
                     until: date | datetime | None = None,
                     **kw: Any) -> RunSummary:
        return self.sync(store, since=since, until=until, **kw)

    def retry(self, order_ids: Iterable[int], *, progress: Progress = no_progress,
              cancel: CancelToken | None = None) -> RunSummary:
        return self.ctx.engine.retry(order_ids, progress=progress, cancel=cancel)

    def retry_all(self, store: str | None = None, *, fixable_only: bool = False,
                  progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> RunSummary:
        q = HeldQuery(store_id=self.ctx.store_id(store), descending=False)
        ids = self.orders.held_ids(q)
        if fixable_only:
            holds = self.orders.held_holds(ids)
            fixable = {c.value for c in FIXABLE_BY_MAPPING}
            ids = [i for i in ids if all(h.code in fixable for h in holds.get(i, []))]
        return self.retry(ids, progress=progress, cancel=cancel)

    def resolve(self, order_ids: Iterable[int], note: str = "") -> int:
        """Mark held orders settled by hand (e.g. keyed in AutoCount): they leave the held
        grid and ecdesk never posts them, even if the store changes them later."""
        count = 0
        with self.ctx.session() as s:
            for row in s.scalars(select(OrderRow).where(OrderRow.id.in_(list(order_ids)))):
                if row.outcome != Outcome.HELD.value:
                    continue
                row.resolved_note = note.strip()
                row.outcome = Outcome.IGNORED.value
                row.reason_summary = f"Resolved by hand: {note.strip()}".rstrip(": ")
                for hold in list(row.holds):
                    s.delete(hold)
                s.add(SyncLog(store_id=row.store_id, order_id=row.id, at=self.ctx.clock(),
                              message=f"Order {row.number} {row.reason_summary}"))
                count += 1
            s.commit()
        return count

    def preview(self, order_id: int) -> dict[str, Any]:
        """The document an order would become now (or why it would be held); posts nothing."""
        return self.ctx.engine.preview(order_id)

    def resync_order(self, order_id: int) -> RunSummary:
        return self.ctx.engine.refetch_order(order_id)

    def due_stores(self, now: datetime | None = None) -> list[str]:
        """Stores whose ingress cadence says a sync is due (for the scheduler)."""
        now = now or self.ctx.clock()
        with self.ctx.session() as s:
            out = []
            for st in s.scalars(select(Store).where(Store.enabled.is_(True),
                                                    Store.sync_enabled.is_(True))):
                if st.last_sync_at is None or \
                        now - st.last_sync_at >= timedelta(minutes=st.ingress_minutes):
                    out.append(st.name)
            return out
