"""Stock as ecdesk knows it, read from the database: balances (count + moves since), what
every store's unposted orders reserve, and per store SKU the quantity the rule gives.

* Balance of an item = its last count (``stock import`` or a route that reads balances) moved
  by every stock-moving document ecdesk posted after that count: sales documents take the
  quantities out, credit notes bring them back (AutoCount's goods-return default); and, on
  AutoCount Cloud, by the book's other stock-moving documents since (``book_moves``).
* Reserved = order lines of every store whose order is received but not in a posted document
  and not cancelled (outcomes new, held, waiting), through that store's SKU map or bundle map.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db.models import Mapping, OrderLineRow, OrderRow, OutboxEntry, Store
from ecdesk.db.stock_models import BundleComponent, StockCount, StockListing, StockMove
from ecdesk.sync.bundles import label
from ecdesk.sync.stock import ZERO, StockPolicy, apply_rule, complete_kits

#: outcomes whose lines AutoCount has not moved yet (posted and ignored are out)
RESERVING = ("new", "held", "waiting", "pending")
#: document kinds that take stock out; credit notes bring it back
OUT_KINDS = frozenset({"invoice", "cash_sale", "delivery_order"})
IN_KINDS = frozenset({"credit_note"})


@dataclass
class ItemStock:
    item_code: str
    counted: Decimal | None = None  # None: never counted (nothing is pushed for it)
    counted_at: datetime | None = None
    moved: Decimal = ZERO
    documents: int = 0  # stock-moving documents since the count
    drift: Decimal | None = None

    @property
    def balance(self) -> Decimal | None:
        return None if self.counted is None else self.counted + self.moved


def _norm(code: str | None) -> str:
    return (code or "").strip().upper()


def balances(s: Session, location: str = "") -> dict[str, ItemStock]:
    """Every counted item's balance (at ``location``; ``""`` adds up every location)."""
    out: dict[str, ItemStock] = {}
    counts = list(s.scalars(select(StockCount)))
    per_location = {(_norm(c.item_code), _norm(c.location)): c for c in counts}
    for c in counts:
        if location and _norm(c.location) not in ("", _norm(location)):
            continue
        row = out.setdefault(_norm(c.item_code), ItemStock(c.item_code))
        row.counted = (row.counted or ZERO) + c.qty
        row.counted_at = c.counted_at if row.counted_at is None else min(row.counted_at,
                                                                        c.counted_at)
        if c.drift is not None:
            row.drift = (row.drift or ZERO) + c.drift
    if not out:
        return out
    since = min(r.counted_at for r in out.values() if r.counted_at is not None)
    entries = s.execute(select(OutboxEntry.doc_kind, OutboxEntry.draft, OutboxEntry.confirmed_at)
                        .where(OutboxEntry.state == "confirmed",
                               OutboxEntry.confirmed_at > since))
    for kind, draft, confirmed_at in entries:
        sign = -1 if kind in OUT_KINDS else (1 if kind in IN_KINDS else 0)
        if not sign or not isinstance(draft, dict):
            continue
        doc_location = _norm(draft.get("sales_location"))
        if location and doc_location != _norm(location):
            continue
        touched: set[str] = set()
        for line in draft.get("lines") or []:
            code = _norm(line.get("product_code"))
            row = out.get(code)
            if row is None:
                continue
            count = per_location.get((code, doc_location)) or per_location.get((code, ""))
            if count is None or confirmed_at <= count.counted_at:
                continue
            row.moved += sign * Decimal(str(line.get("qty") or 0))
            touched.add(code)
        for code in touched:
            out[code].documents += 1
    _book_moves(s, out, per_location, location)
    return out


def _book_moves(s: Session, out: dict[str, ItemStock],
                per_location: dict[tuple[str, str], StockCount], location: str) -> None:
    """Move the counts by the book's own stock-moving documents since (``stock_moves``)."""
    touched: dict[tuple[str, str], set[str]] = {}
    for m in s.scalars(select(StockMove)):
        code, where = _norm(m.item_code), _norm(m.location)
        row = out.get(code)
        if row is None or (location and where != _norm(location)):
            continue
        count = per_location.get((code, where)) or per_location.get((code, ""))
        if count is None or m.created_at <= count.counted_at:
            continue
        row.moved += m.qty
        touched.setdefault((m.doc_kind, m.doc_no), set()).add(code)
    for codes in touched.values():
        for code in codes:
            out[code].documents += 1


def bundles(s: Session, store_id: int | None = None) -> dict[tuple[int, str], dict[str, Decimal]]:
    """(store id, bundle SKU) -> item code -> quantity per kit."""
    q = select(BundleComponent)
    if store_id is not None:
        q = q.where(BundleComponent.store_id == store_id)
    out: dict[tuple[int, str], dict[str, Decimal]] = {}
    for b in s.scalars(q):
        out.setdefault((b.store_id, b.bundle_sku), {})[_norm(b.item_code)] = b.qty
    return out


def sku_maps(s: Session, store_id: int | None = None) -> dict[tuple[int, str], str]:
    """(store id, SKU) -> item code, from the Mapping > Items (``map sku``) table."""
    q = select(Mapping.store_id, Mapping.key, Mapping.value).where(Mapping.kind == "sku")
    if store_id is not None:
        q = q.where(Mapping.store_id == store_id)
    return {(sid, key): _norm(value) for sid, key, value in s.execute(q)}


def reserved(s: Session) -> dict[str, Decimal]:
    """Item code -> quantity on received-not-posted order lines of every store."""
    maps, kits = sku_maps(s), bundles(s)
    out: dict[str, Decimal] = {}
    rows = s.execute(select(OrderRow.store_id, OrderLineRow.sku, OrderLineRow.item_code,
                            OrderLineRow.quantity)
                     .join(OrderLineRow, OrderLineRow.order_id == OrderRow.id)
                     .where(OrderRow.outcome.in_(RESERVING), OrderRow.resolved_note.is_(None)))
    for store_id, sku, line_item, qty in rows:
        sku = (sku or "").strip()
        parts = kits.get((store_id, sku))
        if parts:
            for code, per in parts.items():
                out[code] = out.get(code, ZERO) + Decimal(qty) * per
            continue
        code = maps.get((store_id, sku)) or _norm(line_item)
        if code:
            out[code] = out.get(code, ZERO) + Decimal(qty)
    return out


@dataclass
class SkuPlan:
    """One store SKU: where its quantity comes from and what the rule gives."""

    sku: str
    item_code: str  # the item, or "A x2 + B" for a bundle
    balance: Decimal | None
    reserved: Decimal
    to_push: int | None  # None: an item of it was never counted
    listing: StockListing | None = None
    components: dict[str, Decimal] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Differs from the last confirmed push, or the last push failed (retried)."""
        if self.to_push is None or (self.listing is not None and not self.listing.listed):
            return False
        if self.listing is None:
            return True
        return self.listing.failed_qty is not None or self.listing.pushed_qty != self.to_push


def plan_store(s: Session, store: Store, stock: dict[str, ItemStock] | None = None,
               held: dict[str, Decimal] | None = None) -> list[SkuPlan]:
    """Every SKU the store maps (and every bundle it sells) with its quantity to push."""
    settings: dict[str, Any] = store.settings or {}
    policy = StockPolicy.from_settings(settings)
    stock = stock if stock is not None else balances(s, settings.get("stock_location") or "")
    held = held if held is not None else reserved(s)
    listings = {x.sku: x for x in s.scalars(select(StockListing)
                                            .where(StockListing.store_id == store.id))}
    out: list[SkuPlan] = []
    kits = {sku: parts for (_sid, sku), parts in bundles(s, store.id).items()}
    for (_sid, sku), code in sorted(sku_maps(s, store.id).items()):
        if sku in kits:
            continue
        item = stock.get(code)
        balance = item.balance if item else None
        res = held.get(code, ZERO)
        qty = None if balance is None else apply_rule(balance - res, policy)
        out.append(SkuPlan(sku, code, balance, res, qty, listings.get(sku)))
    for sku, parts in sorted(kits.items()):
        free: dict[str, Decimal] = {}
        uncounted = False
        for code in parts:
            item = stock.get(code)
            if item is None or item.balance is None:
                uncounted = True
                continue
            free[code] = item.balance - held.get(code, ZERO)
        kits_free = complete_kits(parts, free)
        out.append(SkuPlan(sku, label(parts), None if uncounted else kits_free,
                           sum((held.get(c, ZERO) for c in parts), ZERO),
                           None if uncounted else apply_rule(kits_free, policy),
                           listings.get(sku), dict(parts)))
    return out


def drift(counted: Iterable[tuple[str, Decimal]], before: dict[str, ItemStock]
          ) -> dict[str, Decimal]:
    """Per item: the new count minus the balance ecdesk expected just before it."""
    out = {}
    for code, qty in counted:
        item = before.get(_norm(code))
        if item is not None and item.balance is not None:
            out[_norm(code)] = qty - item.balance
    return out
