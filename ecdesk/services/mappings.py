"""Mappings: store values (SKU, shipping, payment, tax rate) to AutoCount codes."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, or_, select

from ecdesk.db.models import HoldRow, Mapping, OrderRow, Store
from ecdesk.domain import HoldCode, Outcome
from ecdesk.errors import UsageError
from ecdesk.services.context import Context
from ecdesk.services.records import MappingInfo
from ecdesk.sync.engine import mark_for_review

MAP_KINDS = ("sku", "shipping", "payment", "tax")
# the hold reasons a mapping fixes, and the mapping kind that fixes each
KIND_OF_HOLD = {HoldCode.UNMAPPED_SKU.value: "sku", HoldCode.UNMAPPED_SHIPPING.value: "shipping",
                HoldCode.UNKNOWN_PAYMENT.value: "payment", HoldCode.UNMAPPED_TAX.value: "tax"}


class MappingService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def set_mapping(self, store: str, kind: str, key: str, value: str, uom: str = "") -> None:
        if kind not in MAP_KINDS:
            raise UsageError(f"Unknown mapping kind '{kind}' (one of {', '.join(MAP_KINDS)}).")
        if not key.strip() or not value.strip():
            raise UsageError("Both the store value and the AutoCount value are needed.")
        if kind == "tax":
            from ecdesk.sync.matching import tax_key

            try:
                key = tax_key(Decimal(key.rstrip("%")))
            except ArithmeticError:
                raise UsageError(f"'{key}' is not a tax rate (e.g. 8 for 8%).") from None
        with self.ctx.session() as s:
            st = self.ctx.store(s, store)
            row = s.scalars(select(Mapping).where(Mapping.store_id == st.id,
                                                  Mapping.kind == kind,
                                                  Mapping.key == key)).one_or_none()
            if row is None:
                s.add(Mapping(store_id=st.id, kind=kind, key=key, value=value.strip(), uom=uom))
            else:
                row.value, row.uom = value.strip(), uom
            mark_for_review(s, st.id)
            s.commit()

    def delete_mapping(self, store: str, kind: str, key: str) -> None:
        with self.ctx.session() as s:
            st = self.ctx.store(s, store)
            row = s.scalars(select(Mapping).where(Mapping.store_id == st.id,
                                                  Mapping.kind == kind,
                                                  Mapping.key == key)).one_or_none()
            if row is not None:
                s.delete(row)
                mark_for_review(s, st.id)
                s.commit()

    def list_mappings(self, store: str | None = None, kind: str | None = None,
                      search: str = "") -> list[MappingInfo]:
        with self.ctx.session() as s:
            q = select(Mapping, Store.name).join(Store, Store.id == Mapping.store_id)
            if store:
                q = q.where(Store.name == store)
            if kind:
                q = q.where(Mapping.kind == kind)
            if search:
                like = f"%{search}%"
                q = q.where(or_(Mapping.key.ilike(like), Mapping.value.ilike(like)))
            q = q.order_by(Store.name, Mapping.kind, Mapping.key)
            return [MappingInfo(name, m.kind, m.key, m.value, m.uom) for m, name in s.execute(q)]

    def unmapped(self, store: str | None = None) -> list[MappingInfo]:
        """Values seen in held orders that a mapping would fix, most frequent first."""
        with self.ctx.session() as s:
            q = (select(Store.name, HoldRow.code, HoldRow.value, func.count(HoldRow.id))
                 .join(OrderRow, OrderRow.id == HoldRow.order_id)
                 .join(Store, Store.id == OrderRow.store_id)
                 .where(HoldRow.code.in_(list(KIND_OF_HOLD)), HoldRow.value != "")
                 .group_by(Store.name, HoldRow.code, HoldRow.value)
                 .order_by(func.count(HoldRow.id).desc(), Store.name, HoldRow.code,
                           HoldRow.value))
            if store:
                q = q.where(Store.name == store)
            return [MappingInfo(name, KIND_OF_HOLD[code], value, "")
                    for name, code, value, _ in s.execute(q)]

    def unmapped_counts(self, store: str | None = None) -> list[tuple[MappingInfo, int]]:
        """Like :meth:`unmapped`, with how many held orders each value blocks (most first)."""
        orders = func.count(func.distinct(OrderRow.id))
        with self.ctx.session() as s:
            q = (select(Store.name, HoldRow.code, HoldRow.value, orders)
                 .join(OrderRow, OrderRow.id == HoldRow.order_id)
                 .join(Store, Store.id == OrderRow.store_id)
                 .where(HoldRow.code.in_(list(KIND_OF_HOLD)), HoldRow.value != "",
                        OrderRow.outcome == Outcome.HELD.value)
                 .group_by(Store.name, HoldRow.code, HoldRow.value)
                 .order_by(orders.desc(), Store.name, HoldRow.code, HoldRow.value))
            if store:
                q = q.where(Store.name == store)
            return [(MappingInfo(name, KIND_OF_HOLD[code], value, ""), n)
                    for name, code, value, n in s.execute(q)]
