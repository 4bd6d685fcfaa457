"""One egress of one store: find listing ids once, push only what changed, record every push,
send recorded shipments. One refused SKU or shipment never stops the others; what failed is
retried on the next egress and shown until it goes through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db.models import OrderRow, Store
from ecdesk.db.stock_models import Shipment as ShipmentRow
from ecdesk.db.stock_models import StockCount, StockListing, StockPush
from ecdesk.sync.egress.base import Progress, Pusher, Shipment, StockChange
from ecdesk.sync.egress.counts import CountRow
from ecdesk.sync.egress.ledger import ItemStock, SkuPlan, balances, drift, plan_store
from ecdesk.sync.http import ApiError

#: how long "no listing carries this SKU" is believed before the store is asked again
UNLISTED_RECHECK = timedelta(hours=24)


@dataclass
class EgressSummary:
    """What one egress did for one store (one line of ``stock push``)."""

    store: str
    pushed: int = 0
    failed: int = 0
    unchanged: int = 0
    unlisted: list[str] = field(default_factory=list)
    uncounted: int = 0
    would_push: list[tuple[str, int | None, int]] = field(default_factory=list)  # dry run
    shipped: int = 0
    ship_failed: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: str = ""  # why nothing was pushed (push_stock off, platform cannot)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not (self.failed or self.ship_failed or self.errors)

    def line(self) -> str:
        if self.skipped:
            return f"{self.store}: {self.skipped}"
        if self.dry_run:
            head = f"{self.store}: would push {len(self.would_push)}"
        else:
            head = f"{self.store}: pushed {self.pushed}, failed {self.failed}"
        parts = [head, f"unchanged {self.unchanged}"]
        if self.unlisted:
            more = "..." if len(self.unlisted) > 3 else ""
            parts.append(f"{len(self.unlisted)} SKU(s) no listing carries "
                         f"({', '.join(self.unlisted[:3])}{more})")
        if self.uncounted:
            parts.append(f"{self.uncounted} never counted")
        if self.shipped or self.ship_failed:
            parts.append(f"tracking sent {self.shipped}, failed {self.ship_failed}")
        parts += self.errors[:2]
        return "; ".join(parts)


def _now() -> datetime:
    return datetime.now(UTC)


def _yes(settings: dict[str, Any], key: str, default: str) -> bool:
    return str(settings.get(key) or default).strip().lower() in ("yes", "true", "1", "on")


def push_stock_enabled(store: Store) -> bool:
    return _yes(store.settings or {}, "push_stock", "no")


def push_tracking_enabled(store: Store) -> bool:
    return _yes(store.settings or {}, "push_tracking", "yes")


def refresh_listings(s: Session, store: Store, pusher: Pusher, plans: list[SkuPlan],
                     now: datetime) -> None:
    """Find listing ids once for SKUs never looked up (or long unlisted) and cache them."""
    stale = [p for p in plans if p.to_push is not None and (
        p.listing is None or (not p.listing.listed and now - p.listing.found_at
                              >= UNLISTED_RECHECK))]
    if not stale:
        return
    found = pusher.find_listings([p.sku for p in stale])
    for p in stale:
        row = p.listing or StockListing(store_id=store.id, sku=p.sku)
        row.ids = found.get(p.sku) or {}
        row.listed = p.sku in found
        row.found_at = now
        if p.listing is None:
            s.add(row)
        p.listing = row
    s.flush()


def push_store(s: Session, store: Store, pusher: Pusher | None, *, dry_run: bool = False,
               progress: Progress | None = None, now: Callable[[], datetime] = _now,
               stock: dict[str, ItemStock] | None = None,
               held: dict[str, Decimal] | None = None) -> EgressSummary:
    """Push the store's changed quantities (or, ``dry_run``, say what would change).
    ``stock`` and ``held`` (balances and reservations) may be shared by several stores."""
    summary = EgressSummary(store.name, dry_run=dry_run)
    plans = plan_store(s, store, stock, held)
    summary.uncounted = sum(1 for p in plans if p.to_push is None)
    if dry_run:
        for p in plans:
            if p.listing is not None and not p.listing.listed:
                summary.unlisted.append(p.sku)
            elif p.changed:
                last = p.listing.pushed_qty if p.listing is not None else None
                summary.would_push.append((p.sku, last, int(p.to_push or 0)))
            elif p.to_push is not None:
                summary.unchanged += 1
        return summary
    if pusher is None:
        summary.skipped = "this platform takes no stock from ecdesk"
        return summary
    refresh_listings(s, store, pusher, plans, now())
    changes, by_sku = [], {}
    for p in plans:
        if p.listing is not None and not p.listing.listed:
            summary.unlisted.append(p.sku)
        elif p.changed:
            assert p.listing is not None and p.to_push is not None
            changes.append(StockChange(p.sku, p.to_push, dict(p.listing.ids)))
            by_sku[p.sku] = p.listing
        elif p.to_push is not None:
            summary.unchanged += 1
    s.commit()  # the listing cache survives whatever the pushes do
    for result in pusher.push(changes, progress):
        listing = by_sku[result.sku]
        at = now()
        s.add(StockPush(store_id=store.id, sku=result.sku, qty=result.qty, at=at,
                        result="ok" if result.ok else "failed", message=result.message))
        if result.ok:
            listing.pushed_qty, listing.pushed_at = result.qty, at
            listing.failed_qty, listing.last_error = None, ""
            summary.pushed += 1
        else:
            listing.failed_qty, listing.last_error = result.qty, result.message
            summary.failed += 1
    s.commit()
    return summary


def ship_store(s: Session, store: Store, pusher: Pusher | None, *, only: int | None = None,
               now: Callable[[], datetime] = _now) -> tuple[int, int, list[str]]:
    """Send the store's recorded shipments not yet in the store; (sent, failed, messages)."""
    q = select(ShipmentRow, OrderRow).join(OrderRow, OrderRow.id == ShipmentRow.order_id) \
        .where(ShipmentRow.store_id == store.id, ShipmentRow.state.in_(("pending", "failed")))
    if only is not None:
        q = q.where(ShipmentRow.order_id == only)
    sent = failed = 0
    messages: list[str] = []
    for row, order in s.execute(q).all():
        row.attempts += 1
        if pusher is None:
            row.state, row.message = "unsupported", (
                f"{store.platform} takes no tracking from ecdesk: enter it in the store.")
            messages.append(f"{order.number}: {row.message}")
            continue
        try:
            result = pusher.ship(Shipment(order.external_id, order.number, row.carrier,
                                          row.tracking, order.payload or {}))
        except ApiError as exc:
            row.state, row.message = "failed", str(exc)
            failed += 1
            messages.append(f"{order.number}: {exc}")
            continue
        if result.ok:
            row.state, row.pushed_at, row.message = "pushed", now(), result.message
            if result.tracking:
                row.tracking = result.tracking
            sent += 1
        else:
            row.state = "unsupported" if result.unsupported else "failed"
            row.message = result.message
            failed += 1
            messages.append(f"{order.number}: {result.message}")
        s.commit()
    s.commit()
    return sent, failed, messages


def import_counts(s: Session, rows: list[CountRow], at: datetime,
                  source: str = "import") -> dict[str, Any]:
    """Record a count (replacing the item's previous one) with its drift; one transaction."""
    before_all = balances(s)
    diffs = drift([(r.item_code, r.qty) for r in rows], before_all)
    existing = {(c.item_code.upper(), c.location.upper()): c
                for c in s.scalars(select(StockCount))}
    for r in rows:
        key = (r.item_code.upper(), r.location.upper())
        row = existing.get(key)
        if row is None:
            row = StockCount(item_code=r.item_code, location=r.location)
            s.add(row)
        row.qty, row.counted_at, row.source = r.qty, at, source
        row.drift = diffs.get(r.item_code.upper())
    s.commit()
    return {"items": len(rows), "drift": {k: v for k, v in diffs.items() if v}}
