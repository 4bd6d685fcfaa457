"""Stock and tracking egress tables (docs/decisions.md §7).

* ``stock_counts``: the balance per item code (and location) counted at a time, from
  ``stock import FILE`` or read from a route that can read balances; ecdesk's own posted
  documents move it from then (see ``ecdesk.sync.egress.balances``).
* ``stock_listings``: per store and SKU, the listing ids found by SKU once (variant,
  inventory item, model, SkuId...) and the last confirmed push, so only changes go out.
* ``stock_pushes``: one row per quantity sent (store, SKU, quantity, time, result).
* ``shipments``: carrier and tracking number per order, and whether the store has it.
* ``bundle_components``: bundle SKU -> item codes and quantities per kit, per store.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ecdesk.db.models import Base, DecimalText, UtcDateTime, now_utc


class StockCount(Base):
    """The counted balance of an item code at a location (``""``: all locations)."""

    __tablename__ = "stock_counts"
    __table_args__ = (UniqueConstraint("item_code", "location"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_code: Mapped[str] = mapped_column(String(50))
    location: Mapped[str] = mapped_column(String(50), default="")
    qty: Mapped[Decimal] = mapped_column(DecimalText)
    counted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)
    source: Mapped[str] = mapped_column(String(20), default="import")  # import | route
    #: counted minus what ecdesk expected just before this count (None: first count)
    drift: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)


class StockListing(Base):
    """A store SKU's listing ids (found once by SKU) and its last confirmed push."""

    __tablename__ = "stock_listings"
    __table_args__ = (UniqueConstraint("store_id", "sku"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    sku: Mapped[str] = mapped_column(String(200))
    ids: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    listed: Mapped[bool] = mapped_column(default=True)  # False: no listing carries the SKU
    found_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)
    pushed_qty: Mapped[int | None] = mapped_column(Integer, nullable=True)  # last confirmed
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    failed_qty: Mapped[int | None] = mapped_column(Integer, nullable=True)  # retried next time
    last_error: Mapped[str] = mapped_column(Text, default="")


class StockPush(Base):
    """One quantity sent to a store (or refused), for the record and the Stock view."""

    __tablename__ = "stock_pushes"
    __table_args__ = (Index("ix_stock_pushes_store_at", "store_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    sku: Mapped[str] = mapped_column(String(200))
    qty: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)
    result: Mapped[str] = mapped_column(String(20))  # ok | failed
    message: Mapped[str] = mapped_column(Text, default="")


class Shipment(Base):
    """Carrier and tracking of an order; state pending -> pushed | failed | unsupported."""

    __tablename__ = "shipments"
    __table_args__ = (UniqueConstraint("order_id"), Index("ix_shipments_state", "state"))
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    carrier: Mapped[str] = mapped_column(String(100), default="")
    tracking: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(20), default="pending")
    message: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class BundleComponent(Base):
    """One component of a bundle SKU: ``qty`` of ``item_code`` per kit."""

    __tablename__ = "bundle_components"
    __table_args__ = (UniqueConstraint("store_id", "bundle_sku", "item_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    bundle_sku: Mapped[str] = mapped_column(String(200))
    item_code: Mapped[str] = mapped_column(String(50))
    qty: Mapped[Decimal] = mapped_column(DecimalText)


class StockMove(Base):
    """One item line of a stock-moving document the book holds that ecdesk did not post (an
    invoice keyed at the counter, a credit note, a stock adjustment), read from AutoCount
    Cloud's listings by ``lastModifiedDate``: it moves the counted balance like ecdesk's own
    documents do. A re-read document replaces its rows."""

    __tablename__ = "stock_moves"
    __table_args__ = (Index("ix_stock_moves_doc", "doc_kind", "doc_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    doc_kind: Mapped[str] = mapped_column(String(30))  # invoice | creditNote | stockAdjustment
    doc_no: Mapped[str] = mapped_column(String(60))
    item_code: Mapped[str] = mapped_column(String(50))
    location: Mapped[str] = mapped_column(String(50), default="")
    qty: Mapped[Decimal] = mapped_column(DecimalText)  # signed: + in, - out
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)  # when the book got it
