"""The plain dataclasses the services answer with (no SQLAlchemy objects leave a service)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass
class StoreInfo:
    id: int
    name: str
    platform: str
    url: str
    settings: dict[str, str]
    enabled: bool
    sync_enabled: bool
    ingress_minutes: int
    last_sync_at: datetime | None
    last_sync_status: str
    last_error: str
    orders_today: int = 0
    held: int = 0
    company: str = "main book"  # the AutoCount book it posts to (sync.books)

    @property
    def status(self) -> str:
        """A code (ok, error, never_synced, disabled, or the last run's: failed, cancelled,
        busy, config...); the CLI and the window word it (``wording.store_status``)."""
        if not self.enabled:
            return "disabled"
        if self.last_error:
            return "error"
        if self.last_sync_at is None:
            return "never_synced"
        return "ok" if self.last_sync_status in ("ok", "") else self.last_sync_status.lower()


@dataclass
class HoldInfo:
    code: str
    title: str
    detail: str  # English
    value: str
    key: str = ""  # the sentence in ecdesk.messages ("" for holds recorded before 0003)
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class OrderSummary:
    id: int
    store: str
    number: str
    external_id: str
    ordered_at: datetime | None
    currency: str
    total: Decimal | None
    outcome: str
    reasons: str
    attempts: int
    last_error: str
    is_test: bool = False


@dataclass
class OrderLineInfo:
    sku: str
    name: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal
    tax: Decimal
    item_code: str


@dataclass
class OrderDetail(OrderSummary):
    platform_status: str = ""
    lines: list[OrderLineInfo] = field(default_factory=list)
    holds: list[HoldInfo] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)


@dataclass
class DocumentInfo:
    store: str
    order: str
    doc_type: str
    doc_no: str
    ref: str
    total: Decimal | None
    posted_at: datetime | None = None
    status: str = "posted"  # or "exported": in a workbook awaiting AutoCount's import


@dataclass
class MappingImport:
    """What a mapping workbook import saved."""

    saved: int
    skipped_empty: int = 0  # rows without an AutoCount code
    warnings: list[str] = field(default_factory=list)  # codes that could not be checked


@dataclass
class MappingInfo:
    store: str
    kind: str
    key: str
    value: str
    uom: str = ""


@dataclass
class LogInfo:
    at: datetime
    level: str
    store: str
    message: str


@dataclass
class HeldQuery:
    """Filters and sort for the held-orders grid; all applied in SQL."""

    store_id: int | None = None
    reason_code: str | None = None
    text: str = ""
    sort: str = "ordered_at"
    descending: bool = True
