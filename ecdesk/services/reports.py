"""Reports and history: the month-end reconciliation workbook, the sync log, past runs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, false, or_, select

from ecdesk.clock import day_start, local_date
from ecdesk.db.models import Document, HoldRow, OrderDocument, OrderRow, Store, SyncLog, SyncRun
from ecdesk.domain import Outcome
from ecdesk.errors import UsageError
from ecdesk.services.context import Context
from ecdesk.services.records import LogInfo
from ecdesk.wording import hold_title


def _store_days(store_id: int, zone: str | None, since: date | None,
               until: date | None) -> Any:
    """One store's orders from the start of its day ``since`` to the end of its day
    ``until`` (either open), by the store's own calendar (docs/decisions.md §1)."""
    window = [OrderRow.store_id == store_id]
    if since is not None:
        window.append(OrderRow.ordered_at >= day_start(since, zone))
    if until is not None:
        window.append(OrderRow.ordered_at < day_start(until + timedelta(days=1), zone))
    return and_(*window)


class ReportService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def sync_log(self, limit: int = 500, store: str | None = None) -> list[LogInfo]:
        with self.ctx.session() as s:
            q = (select(SyncLog, Store.name).outerjoin(Store, Store.id == SyncLog.store_id)
                 .order_by(SyncLog.id.desc()).limit(limit))
            if store:
                q = q.where(Store.name == store)
            return [LogInfo(r.at, r.level, name or "", r.message) for r, name in s.execute(q)]

    def last_runs(self, limit: int = 20) -> list[dict[str, Any]]:
        with self.ctx.session() as s:
            q = select(SyncRun).order_by(SyncRun.id.desc()).limit(limit)
            return [{"id": r.id, "store_id": r.store_id, "started": r.started_at,
                     "ended": r.ended_at, "status": r.status, "posted": r.posted,
                     "held": r.held, "message": r.message} for r in s.scalars(q)]

    def export_reconciliation(self, path: str | Path, since: date | None = None,
                              until: date | None = None, store: str | None = None
                              ) -> dict[str, Any]:
        """Write the reconciliation workbook for orders dated ``since``..``until`` (whole
        days, inclusive, each order on its own store's calendar day: the day its document is
        dated) of one store or all; answers the counts."""
        from ecdesk.reports.reconciliation import write_reconciliation
        from ecdesk.validation import check_export_path

        if since and until and until < since:
            raise UsageError(f"The end date {until:%d %b %Y} is before the start date "
                             f"{since:%d %b %Y}.")
        path = check_export_path(path, "reconciliation")
        sid = self.ctx.store_id(store)
        try:
            counts = write_reconciliation(self._recon_orders(sid, since, until), path)
        except OSError as exc:
            raise UsageError(f"Could not write '{path}' ({exc.strerror or exc}). Close the file "
                             "if Excel has it open, or choose another folder.") from None
        return {"path": str(path), **counts}

    def _recon_orders(self, store_id: int | None, since: date | None, until: date | None,
                      chunk: int = 5000) -> Iterator[Any]:
        """Orders with their documents and holds, three queries per ``chunk`` orders (keyset
        on the order id), so 100,000 orders stream without one query per order."""
        from ecdesk.reports.reconciliation import ReconDocument, ReconHold, ReconOrder

        last = 0
        with self.ctx.session() as s:
            zones = {sid: (settings or {}).get("timezone")
                     for sid, settings in s.execute(select(Store.id, Store.settings))
                     if store_id in (None, sid)}
            windows = [_store_days(sid, zone, since, until) for sid, zone in zones.items()]
            order_q = (select(OrderRow.id, Store.name, OrderRow.number, OrderRow.external_id,
                              OrderRow.ordered_at, OrderRow.currency, OrderRow.total,
                              OrderRow.outcome, OrderRow.reason_summary, OrderRow.store_id)
                       .join(Store, Store.id == OrderRow.store_id)
                       .where(or_(false(), *windows))
                       .order_by(OrderRow.id).limit(chunk))
            while True:
                rows = s.execute(order_q.where(OrderRow.id > last)).all()
                if not rows:
                    return
                lo, hi = rows[0][0], rows[-1][0]
                docs: dict[int, list[ReconDocument]] = defaultdict(list)
                for oid, role, *d in s.execute(
                        select(OrderDocument.order_id, OrderDocument.role, Document.id,
                               Document.kind, Document.doc_no, Document.ref, Document.total,
                               Document.posted_at, Document.found_by_lookup)
                        .join(Document, Document.id == OrderDocument.document_id)
                        .where(OrderDocument.order_id.between(lo, hi))
                        .order_by(Document.posted_at, Document.id)):
                    docs[oid].append(ReconDocument(*d[:6], role=role,
                                                   found_by_lookup=bool(d[6])))
                holds: dict[int, list[ReconHold]] = defaultdict(list)
                for oid, code, detail, value in s.execute(
                        select(HoldRow.order_id, HoldRow.code, HoldRow.detail, HoldRow.value)
                        .join(OrderRow, OrderRow.id == HoldRow.order_id)
                        .where(HoldRow.order_id.between(lo, hi),
                               OrderRow.outcome == Outcome.HELD.value)
                        .order_by(HoldRow.order_id, HoldRow.id)):
                    holds[oid].append(ReconHold(code, hold_title(code), detail, value))
                for oid, name, number, ext, at, cur, total, outcome, reasons, sid in rows:
                    yield ReconOrder(name, number, ext, at, cur, total, outcome, reasons,
                                     docs.get(oid, []), holds.get(oid, []),
                                     day=local_date(at, zones[sid]) if at else None)
                last = hi
