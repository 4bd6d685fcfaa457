"""Ingest: fetch a store's changed orders and keep each raw payload, page by page.

Raw payloads are committed every ``COMMIT_EVERY`` orders before anything is evaluated, so a
crash loses nothing; the store's cursor advances only after a complete fetch. Each new or
changed payload is normalised once here for the order's display fields and line snapshot,
and that Order is handed to evaluation through the run context (never normalised twice).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.clock import Clock
from ecdesk.db.models import OrderLineRow, OrderRow, Store
from ecdesk.domain import Order
from ecdesk.sync.connectors.base import Connector, RawOrder
from ecdesk.sync.run import RunContext, SyncCancelled

COMMIT_EVERY = 50
#: at most this many normalised orders are kept for evaluation (memory stays bounded on a
#: first sync of a big store; beyond it evaluation normalises the payload again)
KEEP_NORMALISED = 20_000


def payload_hash(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Ingest:
    """Fetching and storing raw orders for one engine."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def fetch(self, ctx: RunContext, store: Store, connector: Connector, *,
              since: datetime | None = None, until: datetime | None = None) -> None:
        """Every order changed since the store's cursor (less the connector's overlap), or
        in the [since, until] window when one is given (the cursor stays)."""
        session = ctx.session
        window = since is not None or until is not None
        start = since if window else (
            store.cursor - connector.overlap if store.cursor is not None else None)
        newest = store.cursor
        ctx.progress(0, 0, f"Fetching orders from {store.name}...")
        count = 0
        for raw in connector.fetch_orders(start, until):
            if ctx.cancel.cancelled:
                session.commit()
                raise SyncCancelled
            self.upsert(session, store, connector, raw, keep=ctx.normalised)
            count += 1
            if newest is None or raw.updated_at > newest:
                newest = raw.updated_at
            if count % COMMIT_EVERY == 0:
                session.commit()
                ctx.keep_alive()
                ctx.progress(count, 0, f"Fetched {count} orders from {store.name}")
        ctx.summary.fetched = count
        if not window:
            store.cursor = newest
        session.commit()
        ctx.log(f"Fetched {count} orders from {store.name}")

    def upsert(self, session: Session, store: Store, connector: Connector, raw: RawOrder, *,
               keep: dict[tuple[int, str], Order] | None = None) -> OrderRow:
        """The order row for ``raw``, created or refreshed when its payload changed (then it
        is evaluated again); the normalised order goes into ``keep`` when given."""
        digest = payload_hash(raw.payload)
        row = session.scalars(
            select(OrderRow).where(OrderRow.store_id == store.id,
                                   OrderRow.external_id == raw.external_id)
        ).one_or_none()
        if row is not None and row.payload_hash == digest:
            return row
        if row is None:
            row = OrderRow(store_id=store.id, external_id=raw.external_id, payload=raw.payload)
            session.add(row)
        row.payload = raw.payload
        row.payload_hash = digest
        row.updated_at = raw.updated_at
        row.needs_eval = True
        row.fetched_at = self.clock()
        order = snapshot(connector, row)
        if keep is not None:
            key = (store.id, raw.external_id)
            if order is not None and (key in keep or len(keep) < KEEP_NORMALISED):
                keep[key] = order
            else:
                keep.pop(key, None)
        return row


def snapshot(connector: Connector, row: OrderRow) -> Order | None:
    """Refresh the display fields and line snapshot from the payload; the normalised order,
    or None when the payload cannot be read (evaluation then holds it with the reason)."""
    try:
        order = connector.normalise(row.payload)
    except Exception:  # display fields only: evaluation holds it with the reason
        row.number = row.number or row.external_id
        return None
    row.number = order.number
    row.platform_status = order.status
    row.ordered_at = order.created_at
    row.currency = order.currency
    row.total = order.total
    row.is_test = order.test
    row.lines.clear()
    for i, line in enumerate(order.lines):
        row.lines.append(OrderLineRow(
            position=i, sku=line.sku or "", name=line.name, quantity=line.quantity,
            unit_price=line.unit_price, discount=line.discount, tax=line.tax))
    return order
