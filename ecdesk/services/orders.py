"""Order queries: the held grid (ids, counts, rows on display), details, documents."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, Select, cast, func, or_, select
from sqlalchemy.orm import Session

from ecdesk.db.models import Document, HoldRow, OrderDocument, OrderRow, OutboxEntry, Store
from ecdesk.domain import HoldCode, Outcome
from ecdesk.errors import UsageError
from ecdesk.services.context import Context
from ecdesk.services.records import (
    DocumentInfo,
    HeldQuery,
    HoldInfo,
    OrderDetail,
    OrderLineInfo,
    OrderSummary,
)
from ecdesk.wording import hold_title

SORT_COLUMNS = {
    "store": Store.name, "number": OrderRow.number, "ordered_at": OrderRow.ordered_at,
    # money is stored as text: sort it as a number, or 100.00 comes before 27.80
    "total": cast(OrderRow.total, Numeric(18, 4)), "reasons": OrderRow.reason_summary,
    "attempts": OrderRow.attempts, "last_error": OrderRow.last_error,
}


def _hold(h: HoldRow) -> HoldInfo:
    return HoldInfo(h.code, hold_title(h.code), h.detail, h.value, h.message or "",
                    dict(h.params or {}))


def _summary(r: OrderRow, store: str) -> OrderSummary:
    return OrderSummary(r.id, store, r.number, r.external_id, r.ordered_at, r.currency,
                        r.total, r.outcome, r.reason_summary, r.attempts, r.last_error,
                        r.is_test)


def _held_select(query: HeldQuery) -> Select[Any]:
    q = select(OrderRow.id).join(Store, Store.id == OrderRow.store_id).where(
        OrderRow.outcome == Outcome.HELD.value)
    if query.store_id is not None:
        q = q.where(OrderRow.store_id == query.store_id)
    if query.reason_code:
        q = q.where(OrderRow.id.in_(select(HoldRow.order_id).where(
            HoldRow.code == query.reason_code)))
    if query.text:
        like = f"%{query.text}%"
        q = q.where(or_(OrderRow.number.ilike(like), OrderRow.reason_summary.ilike(like)))
    return q


def _documents(s: Session, *, store_id: int | None = None,
               order_id: int | None = None) -> list[DocumentInfo]:
    q = (select(Document, OrderRow.number, Store.name)
         .join(OrderDocument, OrderDocument.document_id == Document.id)
         .join(OrderRow, OrderRow.id == OrderDocument.order_id)
         .join(Store, Store.id == OrderRow.store_id)
         .order_by(Document.posted_at, Document.id))
    if store_id is not None:
        q = q.where(OrderRow.store_id == store_id)
    if order_id is not None:
        q = q.where(OrderRow.id == order_id)
    docs = [DocumentInfo(name, number, d.kind, d.doc_no, d.ref, d.total, d.posted_at)
            for d, number, name in s.execute(q)]
    return docs + _exported(s, store_id=store_id, order_id=order_id)


def _exported(s: Session, *, store_id: int | None, order_id: int | None
              ) -> list[DocumentInfo]:
    """Documents written for AutoCount's import and not confirmed yet (import-file route),
    with the total the draft expects."""
    from ecdesk.sync.exports import EXPORT_STATES

    q = (select(OutboxEntry, OrderRow.number, Store.name)
         .join(OrderRow, OrderRow.id == OutboxEntry.order_id)
         .join(Store, Store.id == OrderRow.store_id)
         .where(OutboxEntry.state.in_(EXPORT_STATES)).order_by(OutboxEntry.id))
    if store_id is not None:
        q = q.where(OrderRow.store_id == store_id)
    if order_id is not None:
        q = q.where(OrderRow.id == order_id)
    return [DocumentInfo(name, number, e.doc_kind, e.doc_no or "<<New>>", e.ref,
                         Decimal(str((e.draft or {}).get("total") or 0)), None, "exported")
            for e, number, name in s.execute(q)]


class OrderQueries:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def find_order(self, ref: str) -> int:
        """An order id from ``STORE:NUMBER`` or ``STORE:EXTERNAL_ID``."""
        store, sep, number = ref.rpartition(":")
        if not sep or not store or not number:
            raise UsageError(f"'{ref}' is not an order: write STORE:NUMBER, e.g. MyShop:1001.")
        with self.ctx.session() as s:
            st = self.ctx.store(s, store)
            number = number.lstrip("#")
            oid = s.scalar(select(OrderRow.id).where(
                OrderRow.store_id == st.id,
                or_(OrderRow.number == number, OrderRow.external_id == number)).limit(1))
            if oid is None:
                raise UsageError(f"No order {number} in store '{store}'.")
            return oid

    def count_held(self, query: HeldQuery | None = None) -> int:
        query = query or HeldQuery()
        with self.ctx.session() as s:
            return s.scalar(select(func.count()).select_from(
                _held_select(query).subquery())) or 0

    def held_ids(self, query: HeldQuery | None = None, offset: int = 0,
                 limit: int | None = None) -> list[int]:
        """Ids of held orders in grid order: the grid keeps ids and loads rows on display."""
        query = query or HeldQuery()
        col = SORT_COLUMNS.get(query.sort, OrderRow.ordered_at)
        q = _held_select(query).order_by(col.desc() if query.descending else col.asc(),
                                         OrderRow.id.desc() if query.descending
                                         else OrderRow.id.asc())
        with self.ctx.session() as s:
            return list(s.scalars(q.offset(offset).limit(limit)))

    def order_summaries(self, ids: Iterable[int]) -> list[OrderSummary]:
        ids = list(ids)
        with self.ctx.session() as s:
            rows = s.execute(select(OrderRow, Store.name).join(Store, Store.id == OrderRow.store_id)
                             .where(OrderRow.id.in_(ids)))
            by_id = {r.id: _summary(r, name) for r, name in rows}
        return [by_id[i] for i in ids if i in by_id]

    def held(self, store: str | None = None) -> list[OrderSummary]:
        sid = self.ctx.store_id(store)
        return self.order_summaries(self.held_ids(HeldQuery(store_id=sid, descending=False)))

    def held_holds(self, order_ids: Iterable[int]) -> dict[int, list[HoldInfo]]:
        with self.ctx.session() as s:
            out: dict[int, list[HoldInfo]] = {}
            for h in s.scalars(select(HoldRow).where(HoldRow.order_id.in_(list(order_ids)))
                               .order_by(HoldRow.id)):
                out.setdefault(h.order_id, []).append(_hold(h))
            return out

    def order_detail(self, order_id: int) -> OrderDetail:
        with self.ctx.session() as s:
            r = s.get(OrderRow, order_id)
            if r is None:
                raise UsageError(f"No order with id {order_id}.")
            base = _summary(r, r.store.name)
            detail = OrderDetail(**base.__dict__, platform_status=r.platform_status)
            detail.lines = [OrderLineInfo(ln.sku, ln.name, ln.quantity, ln.unit_price,
                                          ln.discount, ln.tax, ln.item_code) for ln in r.lines]
            detail.holds = [_hold(h) for h in r.holds]
            detail.documents = _documents(s, order_id=order_id)
            return detail

    def order_payload(self, order_id: int) -> dict[str, Any]:
        with self.ctx.session() as s:
            r = s.get(OrderRow, order_id)
            return dict(r.payload) if r else {}

    def outcome_counts(self, store: str | None = None) -> dict[str, int]:
        with self.ctx.session() as s:
            q = select(OrderRow.outcome, func.count(OrderRow.id)).group_by(OrderRow.outcome)
            if store:
                q = q.where(OrderRow.store_id == self.ctx.store(s, store).id)
            return {k: v for k, v in s.execute(q)}

    def hold_reason_codes(self) -> list[tuple[str, str]]:
        return [(c.value, hold_title(c.value)) for c in HoldCode]

    def documents(self, store: str | None = None) -> list[DocumentInfo]:
        with self.ctx.session() as s:
            sid = self.ctx.store(s, store).id if store else None
            return _documents(s, store_id=sid)
