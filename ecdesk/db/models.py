"""SQLAlchemy 2.x models: stores, orders (raw payload kept), lines, maps, holds, outbox,
AutoCount documents (linked to orders many-to-many), sync runs and their log.

Unique keys make double posting impossible by construction: an order is unique on
(store, external id); an outbox entry on (store, external id, document kind, sequence).
Money is stored as text (:class:`DecimalText`) so SQLite never turns it into a float.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ecdesk.clock import now_utc
from ecdesk.json_codec import dumps, loads


class DecimalText(TypeDecorator[Decimal]):
    """Decimal stored as its exact text; never a float on any backend."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        return format(Decimal(value), "f")

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class JsonDecimal(TypeDecorator[Any]):
    """JSON kept as text with every non-integer number as an exact Decimal (payloads, drafts)."""

    impl = Text()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else dumps(value).decode("utf-8")

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return None if value is None else loads(value)


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC (SQLite keeps no zone)."""

    impl = DateTime()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """App-wide settings (the AutoCount connection and posting defaults), key -> value."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Store(Base):
    """One platform account (a Shopify shop, a Shopee shop...)."""

    __tablename__ = "stores"
    id: Mapped[int] = mapped_column(primary_key=True)
    #: random, never reused: names the store's keyring entries (ecdesk.secrets)
    uid: Mapped[str] = mapped_column(String(32), unique=True,
                                     default=lambda: uuid.uuid4().hex)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    platform: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(String(500), default="")
    settings: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    enabled: Mapped[bool] = mapped_column(default=True)
    sync_enabled: Mapped[bool] = mapped_column(default=True)
    ingress_minutes: Mapped[int] = mapped_column(Integer, default=15)
    cursor: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_sync_status: Mapped[str] = mapped_column(String(20), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    lease_owner: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)


class Mapping(Base):
    """Store value -> AutoCount value: kind is sku | shipping | payment | tax."""

    __tablename__ = "mappings"
    __table_args__ = (UniqueConstraint("store_id", "kind", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(200))
    value: Mapped[str] = mapped_column(String(100))
    uom: Mapped[str] = mapped_column(String(20), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc, onupdate=now_utc)


class OrderRow(Base):
    """An order as fetched: the raw payload verbatim plus the fields the grid shows."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("store_id", "external_id"),
        Index("ix_orders_outcome_store", "outcome", "store_id"),
        Index("ix_orders_store_number", "store_id", "number"),
        Index("ix_orders_store_ordered", "store_id", "ordered_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(100))
    number: Mapped[str] = mapped_column(String(100), default="")
    platform_status: Mapped[str] = mapped_column(String(50), default="")
    ordered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    currency: Mapped[str] = mapped_column(String(3), default="")
    total: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JsonDecimal)
    payload_hash: Mapped[str] = mapped_column(String(64), default="")
    posted_hash: Mapped[str] = mapped_column(String(64), default="")  # content that was posted
    outcome: Mapped[str] = mapped_column(String(20), default="new")
    reason_summary: Mapped[str] = mapped_column(Text, default="")  # for grid sort/filter
    is_test: Mapped[bool] = mapped_column(default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    needs_eval: Mapped[bool] = mapped_column(default=True)
    #: set when a clerk resolved the order by hand (e.g. keyed it in AutoCount): never posted
    resolved_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)
    evaluated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    store: Mapped[Store] = relationship()
    lines: Mapped[list[OrderLineRow]] = relationship(
        cascade="all, delete-orphan", order_by="OrderLineRow.position"
    )
    holds: Mapped[list[HoldRow]] = relationship(cascade="all, delete-orphan")


class OrderLineRow(Base):
    """Snapshot of each line (kept even when the product is deleted in the store)."""

    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(500), default="")
    quantity: Mapped[Decimal] = mapped_column(DecimalText)
    unit_price: Mapped[Decimal] = mapped_column(DecimalText)
    discount: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    tax: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    item_code: Mapped[str] = mapped_column(String(50), default="")


class HoldRow(Base):
    """One reason an order is held, as recorded at the match step."""

    __tablename__ = "hold_reasons"
    __table_args__ = (Index("ix_hold_code", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)  # English; the only text of pre-0003 rows
    value: Mapped[str] = mapped_column(String(200), default="")
    message: Mapped[str] = mapped_column(String(60), default="", server_default="")
    params: Mapped[dict[str, str] | None] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)


class OutboxEntry(Base):
    """The unit of posting: intent committed before AutoCount is called, confirmed after.

    state: pending (intent recorded; AutoCount may or may not have it) -> confirmed (DocNo
    known) | failed (AutoCount refused; the order is held). The import-file route goes
    pending -> staged -> exporting -> exported (``export_file``, awaiting the clerk's import)
    -> confirmed, or back to pending when the file is withdrawn (``ecdesk.sync.exports``).
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("store_id", "external_id", "doc_kind", "seq"),
        Index("ix_outbox_state", "state"),
        Index("ix_outbox_export_file", "export_file"),
        Index("ix_outbox_doc_no", "store_id", "doc_kind", "doc_no"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(100))
    doc_kind: Mapped[str] = mapped_column(String(20))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    doc_no: Mapped[str | None] = mapped_column(String(60), nullable=True)
    ref: Mapped[str] = mapped_column(String(60), default="")
    draft: Mapped[dict[str, Any]] = mapped_column(JsonDecimal)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    claimed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    export_file: Mapped[str | None] = mapped_column(String(80), nullable=True)


class Document(Base):
    """An AutoCount document that exists (created by us or found by lookup)."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("book", "kind", "doc_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the AutoCount book it is in: "" the main book, else a company's uid (sync.books)
    book: Mapped[str] = mapped_column(String(40), default="", server_default="")
    kind: Mapped[str] = mapped_column(String(20))
    doc_no: Mapped[str] = mapped_column(String(60))
    ref: Mapped[str] = mapped_column(String(60), default="")
    total: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    expected_total: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"), nullable=True)
    found_by_lookup: Mapped[bool] = mapped_column(default=False)
    posted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)


class OrderDocument(Base):
    """Orders and documents are many-to-many over time (summary docs, later credit notes)."""

    __tablename__ = "order_documents"
    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), default="sale")
    #: the document, so a link can be added with a document not flushed yet (one flush)
    document: Mapped[Document] = relationship(lazy="raise_on_sql")


class SyncRun(Base):
    """Audit of one sync run of one store."""

    __tablename__ = "sync_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int | None] = mapped_column(
        ForeignKey("stores.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="ingress")
    trigger: Mapped[str] = mapped_column(String(20), default="manual")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="running")
    fetched: Mapped[int] = mapped_column(Integer, default=0)
    posted: Mapped[int] = mapped_column(Integer, default=0)
    held: Mapped[int] = mapped_column(Integer, default=0)
    waiting: Mapped[int] = mapped_column(Integer, default=0)
    ignored: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")


class SyncLog(Base):
    """One row per attempt or notable event, for the Tools > Sync log view."""

    __tablename__ = "sync_log"
    __table_args__ = (Index("ix_sync_log_at", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("sync_runs.id", ondelete="CASCADE"), nullable=True
    )
    store_id: Mapped[int | None] = mapped_column(nullable=True)
    order_id: Mapped[int | None] = mapped_column(nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=now_utc)
    level: Mapped[str] = mapped_column(String(10), default="info")
    message: Mapped[str] = mapped_column(Text)
