"""Ingest: fetch a store's changed orders and keep each raw payload, page by page.

Raw payloads are committed every ``COMMIT_EVERY`` orders before anything is evaluated, so a
crash loses nothing; the store's cursor advances only after a complete fetch. Per-order
isolation without a savepoint per order (SQLite's savepoints would open a read snapshot that
another PC's write invalidates): a page the database refuses is saved again one order per
transaction, and only the order it cannot take is held as "unreadable". Each new or
changed payload is normalised once here for the order's display fields and line snapshot,
and that Order is handed to evaluation through the run context (never normalised twice).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, defer

from ecdesk.clock import Clock
from ecdesk.db.models import OrderLineRow, OrderRow, Store
from ecdesk.domain import Hold, HoldCode, Order
from ecdesk.errors import ApiError
from ecdesk.sync.bundles import item_label
from ecdesk.sync.connectors.base import Connector, PayloadError, RawOrder, read_order
from ecdesk.sync.matching import Maps
from ecdesk.sync.outcomes import count, hold
from ecdesk.sync.run import RunContext, SyncCancelled
from ecdesk.sync.store_settings import load_maps

log = logging.getLogger(__name__)

COMMIT_EVERY = 50
#: at most this many normalised orders are kept for evaluation (memory stays bounded on a
#: first sync of a big store; beyond it evaluation normalises the payload again)
KEEP_NORMALISED = 20_000
#: what the database answers to an order it cannot take (OperationalError excepted)
STORE_ERRORS = (SQLAlchemyError, ValueError, TypeError, ArithmeticError)
#: a stored payload ecdesk could not take as sent carries why, under this key
UNREADABLE_MARK = "_ecdesk_unreadable"


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
        connector.note = lambda text: ctx.progress(0, 0, text)  # a long wait says why
        count = 0
        page: list[RawOrder] = []
        maps = load_maps(session, store.id)  # each line's item code, stored with it
        try:
            for raw in connector.fetch_orders(start, until):
                if ctx.cancel.cancelled:
                    self._store_page(ctx, store, connector, page, maps=maps)
                    raise SyncCancelled
                page.append(raw)
                count += 1
                ctx.summary.fetched += 1
                if newest is None or raw.updated_at > newest:
                    newest = raw.updated_at
                if count % COMMIT_EVERY == 0:
                    self._store_page(ctx, store, connector, page, maps=maps)
                    page = []
                    ctx.keep_alive()
                    ctx.progress(count, 0, f"Fetched {count} orders from {store.name}")
        except (ApiError, PayloadError):  # the source failed mid-way: keep what it gave
            self._store_page(ctx, store, connector, page, maps=maps)
            raise
        self._store_page(ctx, store, connector, page, maps=maps)
        self._late_updates(ctx, store, connector)
        if not window:
            store.cursor = newest
        session.commit()
        ctx.log(f"Fetched {count} orders from {store.name}")

    def _late_updates(self, ctx: RunContext, store: Store, connector: Connector) -> None:
        """Merge what the fetch learnt of orders it did not bring (a Shopify Payments payout
        paid since: ``Connector.late_updates``) into the stored ones; each that changes is
        evaluated again. An order not stored yet is left for the fetch that brings it. The
        caller commits (with the store's cursor)."""
        updates = connector.late_updates()
        ids = list(updates)
        for i in range(0, len(ids), 500):
            rows = ctx.session.scalars(select(OrderRow).where(
                OrderRow.store_id == store.id, OrderRow.external_id.in_(ids[i:i + 500])))
            for row in rows:
                if not isinstance(row.payload, dict) or UNREADABLE_MARK in row.payload:
                    continue
                payload = connector.carry_over(row.payload,
                                               {**row.payload, **updates[row.external_id]})
                digest = payload_hash(payload)
                if digest != row.payload_hash:
                    row.payload, row.payload_hash, row.needs_eval = payload, digest, True
                    ctx.normalised.pop((store.id, row.external_id), None)

    def _store_page(self, ctx: RunContext, store: Store, connector: Connector,
                    page: list[RawOrder], *, maps: Maps | None = None) -> None:
        """Save a page of orders in one transaction: one SELECT finds the page's stored rows
        (payloads not loaded), new orders go in with one INSERT for the orders and one for
        their lines (:meth:`_insert_new`), changed ones in one flush (no autoflush per
        order), one commit. When the database refuses one of them (a NaN, an Infinity, a
        value too long), save them one by one so only that one is held."""
        if not page:
            return
        session = ctx.session
        try:
            with session.no_autoflush:
                stored = self.stored_rows(session, store.id, [r.external_id for r in page],
                                          payload=connector.carries_over)
                new = [raw for raw in page if raw.external_id not in stored]
                if len({raw.external_id for raw in new}) == len(new):  # each once: at once
                    self._insert_new(session, store, connector, new, keep=ctx.normalised,
                                     maps=maps)
                    page = [raw for raw in page if raw.external_id in stored]
                for raw in page:
                    self.upsert(session, store, connector, raw, keep=ctx.normalised,
                                stored=stored, maps=maps)
            session.commit()
        except OperationalError:
            raise  # the database itself (locked, gone): not this order's fault
        except STORE_ERRORS:
            session.rollback()
            self._one_by_one(ctx, store, connector, page, maps=maps)

    def _insert_new(self, session: Session, store: Store, connector: Connector,
                    raws: list[RawOrder], *, keep: dict[tuple[int, str], Order],
                    maps: Maps | None) -> None:
        """Orders not stored yet, as :meth:`upsert` would store them (display fields and
        line snapshot as :func:`snapshot` takes them), in two INSERTs: the orders (their
        ids returned) and all their lines."""
        if not raws:
            return
        now = self.clock()
        rows, lines = [], {}
        for raw in raws:
            values: dict[str, Any] = {
                "store_id": store.id, "external_id": raw.external_id, "payload": raw.payload,
                "payload_hash": payload_hash(raw.payload), "updated_at": raw.updated_at,
                "needs_eval": True, "fetched_at": now, "number": raw.external_id,
                "platform_status": "", "ordered_at": None, "currency": "", "total": None,
                "is_test": False}
            try:
                order: Order | None = read_order(connector, raw.payload)
            except Exception:  # display fields only: evaluation holds it with the reason
                order = None
            if order is not None:
                values.update(number=order.number, platform_status=order.status,
                              ordered_at=order.created_at, currency=order.currency,
                              total=order.total, is_test=order.test)
                lines[raw.external_id] = [
                    {"position": i, "sku": line.sku or "", "name": line.name,
                     "quantity": line.quantity, "unit_price": line.unit_price,
                     "discount": line.discount, "tax": line.tax,
                     "item_code": item_label(maps, line.sku) if maps is not None else ""}
                    for i, line in enumerate(order.lines)]
            rows.append(values)
            key = (store.id, raw.external_id)
            if order is not None and (key in keep or len(keep) < KEEP_NORMALISED):
                keep[key] = order
            else:
                keep.pop(key, None)
        ids = {external_id: order_id for external_id, order_id in session.execute(
            insert(OrderRow).returning(OrderRow.external_id, OrderRow.id), rows)}
        all_lines = [{**line, "order_id": ids[external_id]}
                     for external_id, order_lines in lines.items() for line in order_lines]
        if all_lines:
            session.execute(insert(OrderLineRow), all_lines)

    @staticmethod
    def stored_rows(session: Session, store_id: int, external_ids: list[str], *,
                    payload: bool = False) -> dict[str, OrderRow]:
        """The stored rows of ``external_ids`` by external id, in one SELECT; the payload
        is left unloaded (an unchanged order never needs it, a changed one replaces it)
        unless ``payload`` (the connector carries part of it over: ``carry_over``)."""
        q = select(OrderRow).where(
            OrderRow.store_id == store_id, OrderRow.external_id.in_(set(external_ids)))
        rows = session.scalars(q if payload else q.options(defer(OrderRow.payload)))
        return {row.external_id: row for row in rows}

    def _one_by_one(self, ctx: RunContext, store: Store, connector: Connector,
                    page: list[RawOrder], *, maps: Maps | None = None) -> None:
        """Each order of the page in its own transaction: one the database cannot take
        becomes a held "unreadable" order naming the field, the rest are saved."""
        session = ctx.session
        for raw in page:
            try:
                self.upsert(session, store, connector, raw, keep=ctx.normalised, maps=maps)
                session.commit()
            except OperationalError:
                raise
            except STORE_ERRORS as exc:
                session.rollback()
                log.warning("order %s of %s could not be stored: %s", raw.external_id,
                            store.name, str(exc).splitlines()[0])
                ctx.normalised.pop((store.id, raw.external_id), None)
                try:
                    self._save_unreadable(ctx, store, raw, exc)
                except STORE_ERRORS as again:  # not even its id can be stored: say so
                    session.rollback()
                    message = (f"Order {raw.external_id[:100]!r} of {store.name} could not be "
                               f"saved at all ({type(again).__name__}); it is fetched again "
                               "on the next sync.")
                    ctx.log(message, level="error")
                    ctx.summary.errors.append(message)  # the clerk sees it, not just the log

    def _save_unreadable(self, ctx: RunContext, store: Store, raw: RawOrder,
                         exc: Exception) -> None:
        session = ctx.session
        payload, fields = readable_copy(raw.payload)
        row = session.scalars(
            select(OrderRow).where(OrderRow.store_id == store.id,
                                   OrderRow.external_id == raw.external_id)
        ).one_or_none()
        if row is None:
            row = OrderRow(store_id=store.id, external_id=raw.external_id, payload=payload)
            session.add(row)
        where = feed_rows(raw.payload)
        if fields:
            detail = (f"the store sent a value ecdesk cannot read in {', '.join(fields)}"
                      f"{where}: correct it in the store (or the feed file) and sync again.")
        else:
            detail = (f"the store sent data ecdesk cannot store{where} "
                      f"({type(exc).__name__}: {str(exc).splitlines()[0][:200]}).")
        payload[UNREADABLE_MARK] = detail
        row.payload = payload
        row.payload_hash = payload_hash(raw.payload)
        row.updated_at = raw.updated_at
        row.fetched_at = self.clock()
        row.number = row.number or raw.external_id
        session.flush()
        count(ctx, row.id, hold(ctx, row, [Hold(HoldCode.BAD_PAYLOAD, detail,
                                                value=", ".join(fields))]))

    def upsert(self, session: Session, store: Store, connector: Connector, raw: RawOrder, *,
               keep: dict[tuple[int, str], Order] | None = None,
               stored: dict[str, OrderRow] | None = None, maps: Maps | None = None
               ) -> OrderRow:
        """The order row for ``raw``, created or refreshed when its payload changed (then it
        is evaluated again); the normalised order goes into ``keep`` when given. ``stored``:
        the page's rows already read (:meth:`stored_rows`), a new row is added to it;
        ``maps``: the store's, to note what each line maps to (evaluation notes it too)."""
        if stored is not None:
            row = stored.get(raw.external_id)
        else:
            row = session.scalars(
                select(OrderRow).where(OrderRow.store_id == store.id,
                                       OrderRow.external_id == raw.external_id)
            ).one_or_none()
        payload = raw.payload
        if row is not None and connector.carries_over and isinstance(row.payload, dict):
            payload = connector.carry_over(row.payload, payload)  # what an earlier fetch saw
        digest = payload_hash(payload)
        if row is not None and row.payload_hash == digest:
            return row
        if row is None:
            row = OrderRow(store_id=store.id, external_id=raw.external_id, payload=payload)
            session.add(row)
            if stored is not None:
                stored[raw.external_id] = row
        row.payload = payload
        row.payload_hash = digest
        row.updated_at = raw.updated_at
        row.needs_eval = True
        row.fetched_at = self.clock()
        order = snapshot(connector, row, maps=maps)
        if keep is not None:
            key = (store.id, raw.external_id)
            if order is not None and (key in keep or len(keep) < KEEP_NORMALISED):
                keep[key] = order
            else:
                keep.pop(key, None)
        return row


def readable_copy(payload: Any, path: str = "") -> tuple[Any, list[str]]:
    """The payload with every NaN or Infinity number as text, and the fields that held one
    (``lines[0].quantity``)."""
    if isinstance(payload, dict):
        out: dict[str, Any] = {}
        fields: list[str] = []
        for key, value in payload.items():
            out[key], found = readable_copy(value, f"{path}.{key}" if path else str(key))
            fields += found
        return out, fields
    if isinstance(payload, list):
        items, fields = [], []
        for i, value in enumerate(payload):
            item, found = readable_copy(value, f"{path}[{i}]")
            items.append(item)
            fields += found
        return items, fields
    if isinstance(payload, Decimal) and not payload.is_finite() or \
            isinstance(payload, float) and not math.isfinite(payload):  # NaN, sNaN, Infinity
        return str(payload), [path or "the order"]
    return payload, []


def feed_rows(payload: Any) -> str:
    """" (file X, row N)" for a feed order that says where it came from, else ""."""
    source = payload.get("_source") if isinstance(payload, dict) else None
    if not isinstance(source, dict):
        return ""
    rows = [str(r) for r in source.get("rows") or [] if r is not None]
    name = source.get("file") or "the feed file"
    if not rows:
        return f" (file {name})"
    return f" (file {name}, row{'s' if len(rows) > 1 else ''} {', '.join(rows)})"


def snapshot(connector: Connector, row: OrderRow, *, maps: Maps | None = None
             ) -> Order | None:
    """Refresh the display fields and line snapshot from the payload (with each line's item
    code by ``maps``); the normalised order, or None when the payload cannot be read
    (evaluation then holds it with the reason)."""
    try:
        order = read_order(connector, row.payload)
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
            unit_price=line.unit_price, discount=line.discount, tax=line.tax,
            item_code=item_label(maps, line.sku) if maps is not None else ""))
    return order
