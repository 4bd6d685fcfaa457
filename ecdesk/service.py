"""The one API the window and the command line both call.

It owns database sessions and transactions and hides SQLAlchemy and httpx from its callers:
everything it returns is a plain dataclass. Methods that talk to stores or AutoCount
(``sync``, ``retry``, ``test_*``) block, so the window runs them through ``ui/workers.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Numeric, cast, func, or_, select
from sqlalchemy.orm import Session

from ecdesk import secrets
from ecdesk.db import Database, data_dir  # noqa: F401 - data_dir: the window's per-PC files
from ecdesk.db.models import (
    Document,
    HoldRow,
    Mapping,
    OrderDocument,
    OrderRow,
    Setting,
    Store,
    SyncLog,
    SyncRun,
    now_utc,
)
from ecdesk.domain import FIXABLE_BY_MAPPING, HOLD_TITLES, HoldCode, Outcome, Platform
from ecdesk.sync.connectors.base import ConfigError
from ecdesk.sync.engine import (
    CancelToken,
    EngineDeps,
    Progress,
    RunSummary,
    SyncEngine,
    autocount_config,
    mark_for_review,
    no_progress,
)
from ecdesk.sync.http import HttpClient
from ecdesk.sync.posting import DEFAULT_TIMEZONE
from ecdesk.sync.worker_id import current_worker

MAP_KINDS = ("sku", "shipping", "payment", "tax")
STORE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}$")


def local_midnight(now: datetime, timezone: str | None) -> datetime:
    """Start of today in the store's time zone (DECISIONS §1: default Asia/Kuala_Lumpur)."""
    try:
        zone = ZoneInfo(timezone or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo(DEFAULT_TIMEZONE)
    return now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)


def hold_title(code: str) -> str:
    """The words the window shows for a hold reason code (the code itself if unknown)."""
    try:
        return HOLD_TITLES[HoldCode(code)]
    except ValueError:
        return code


PLATFORM_PREFIX = {Platform.SHOPIFY: "SH", Platform.WOOCOMMERCE: "WC", Platform.SHOPEE: "SP",
                   Platform.LAZADA: "LZ", Platform.CUSTOM: "WB"}


def free_prefix(platform: Platform, taken: set[str]) -> str:
    """The platform's usual DocNo prefix (``SH-``), or ``SH2-``, ``SH3-``... when taken."""
    base = PLATFORM_PREFIX[platform]
    for n in ("", *map(str, range(2, 10))):
        candidate = f"{base}{n}-"
        if candidate.upper() not in taken:
            return candidate
    raise UsageError("Every document prefix for this platform is taken: set doc_prefix.")


class UsageError(ValueError):
    """Bad input or configuration from the user; the message says how to fix it."""


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

    @property
    def status(self) -> str:
        if not self.enabled:
            return "Disabled"
        if self.last_error:
            return "Error"
        if self.last_sync_at is None:
            return "Never synced"
        return "OK" if self.last_sync_status in ("ok", "") else self.last_sync_status.title()


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


SORT_COLUMNS = {
    "store": Store.name, "number": OrderRow.number, "ordered_at": OrderRow.ordered_at,
    # money is stored as text: sort it as a number, or 100.00 comes before 27.80
    "total": cast(OrderRow.total, Numeric(18, 4)), "reasons": OrderRow.reason_summary,
    "attempts": OrderRow.attempts, "last_error": OrderRow.last_error,
}


class Service:
    """Open one per process (or per test) with a database URL."""

    def __init__(
        self,
        db_url: str | None = None,
        *,
        http: HttpClient | None = None,
        clock: Callable[[], datetime] = now_utc,
        worker: str | None = None,
        engine_deps: EngineDeps | None = None,
    ) -> None:
        self.db = Database(db_url)
        self.clock = clock
        self.http = http or HttpClient()
        self.deps = engine_deps or EngineDeps(
            http=self.http, credentials=secrets.ScopedCredentials, clock=clock,
            worker=worker or current_worker(),
        )

    def close(self) -> None:
        self.http.close()
        self.db.dispose()

    def _session(self) -> Session:
        return self.db.session()

    @property
    def engine(self) -> SyncEngine:
        return SyncEngine(self.db, self.deps)

    @property
    def stock(self) -> Any:
        """Stock counts, stock push and tracking (``ecdesk.services.stock``)."""
        from ecdesk.services.stock import StockService

        return StockService(self)

    # --- stores -------------------------------------------------------------------------
    def add_store(self, name: str, platform: str, url: str = "",
                  settings: dict[str, str] | None = None) -> StoreInfo:
        if not STORE_NAME.match(name) or name.lower() == "autocount":
            raise UsageError(
                f"'{name}' cannot be a store name: use letters, digits, space, '-', '_' or '.' "
                "(up to 60), and not 'autocount'.")
        try:
            plat = Platform(platform.lower())
        except ValueError:
            known = ", ".join(p.value for p in Platform)
            raise UsageError(f"Unknown platform '{platform}'. Choose one of: {known}.") from None
        with self._session() as s:
            if s.scalar(select(Store.id).where(Store.name == name)) is not None:
                raise UsageError(f"A store named '{name}' already exists.")
            settings = dict(settings or {})
            taken = self._prefixes(s)
            if "doc_prefix" in settings:
                self._check_prefix(settings["doc_prefix"], taken)
            else:
                settings["doc_prefix"] = free_prefix(plat, taken)
            store = Store(name=name, platform=plat.value, url=url.rstrip("/"),
                          settings=settings)
            s.add(store)
            s.commit()
            return self._store_info(s, store)

    def update_store(self, name: str, *, url: str | None = None,
                     settings: dict[str, str] | None = None, enabled: bool | None = None,
                     sync_enabled: bool | None = None, ingress_minutes: int | None = None,
                     new_name: str | None = None) -> StoreInfo:
        with self._session() as s:
            store = self._store(s, name)
            if url is not None:
                store.url = url.rstrip("/")
            if settings and "doc_prefix" in settings:
                settings = dict(settings)
                taken = self._prefixes(s, but=store.id)
                if not settings["doc_prefix"].strip():  # blank keeps the store's own prefix
                    settings["doc_prefix"] = (store.settings or {}).get("doc_prefix") or \
                        free_prefix(Platform(store.platform), taken)
                self._check_prefix(settings["doc_prefix"], taken)
            if settings:
                merged = dict(store.settings or {})
                for k, v in settings.items():
                    if v == "":
                        merged.pop(k, None)
                    else:
                        merged[k] = v
                store.settings = merged
                mark_for_review(s, store.id)
            if enabled is not None:
                store.enabled = enabled
            if sync_enabled is not None:
                store.sync_enabled = sync_enabled
            if ingress_minutes is not None:
                store.ingress_minutes = max(1, ingress_minutes)
            if new_name and new_name != store.name:
                if not STORE_NAME.match(new_name):
                    raise UsageError(f"'{new_name}' cannot be a store name.")
                store.name = new_name
            s.commit()
            return self._store_info(s, store)

    @staticmethod
    def _prefixes(s: Session, but: int | None = None) -> set[str]:
        return {(st.settings or {}).get("doc_prefix", "").upper()
                for st in s.scalars(select(Store)) if st.id != but}

    @staticmethod
    def _check_prefix(prefix: str, taken: set[str]) -> None:
        """DocNos are ``<prefix><order number>``: two stores sharing a prefix would collide."""
        if len(prefix) > 4:
            raise UsageError(f"The document prefix '{prefix}' is longer than 4 characters.")
        if prefix.upper() in taken:
            raise UsageError(
                f"Another store already uses the document prefix '{prefix}'. Each store needs "
                "its own, or their AutoCount document numbers would collide.")

    def remove_store(self, name: str) -> None:
        with self._session() as s:
            store = self._store(s, name)
            s.delete(store)
            s.commit()

    def list_stores(self) -> list[StoreInfo]:
        with self._session() as s:
            return [self._store_info(s, st) for st in s.scalars(select(Store).order_by(Store.name))]

    def get_store(self, name: str) -> StoreInfo:
        with self._session() as s:
            return self._store_info(s, self._store(s, name))

    def _store(self, s: Session, name: str) -> Store:
        store = s.scalars(select(Store).where(Store.name == name)).one_or_none()
        if store is None:
            names = ", ".join(s.scalars(select(Store.name).order_by(Store.name))) or "none yet"
            raise UsageError(f"No store named '{name}' (stores: {names}).")
        return store

    def _store_info(self, s: Session, st: Store) -> StoreInfo:
        start = local_midnight(self.clock(), (st.settings or {}).get("timezone"))
        today = s.scalar(select(func.count(OrderRow.id)).where(
            OrderRow.store_id == st.id, OrderRow.ordered_at >= start)) or 0
        held = s.scalar(select(func.count(OrderRow.id)).where(
            OrderRow.store_id == st.id, OrderRow.outcome == Outcome.HELD.value)) or 0
        return StoreInfo(st.id, st.name, st.platform, st.url, dict(st.settings or {}), st.enabled,
                         st.sync_enabled, st.ingress_minutes, st.last_sync_at,
                         st.last_sync_status, st.last_error, today, held)

    # --- credentials --------------------------------------------------------------------
    def keyring_problem(self) -> str | None:
        return secrets.backend_problem()

    def _scope(self, owner: str) -> str:
        if owner == "autocount":
            return secrets.AUTOCOUNT_SCOPE
        return secrets.store_scope(self.get_store(owner).id)

    def set_secret(self, owner: str, key: str, value: str) -> None:
        """Save a credential for a store (by name) or for ``autocount``."""
        value = value.strip()
        if not value:
            raise UsageError(f"No value given for '{key}'.")
        try:
            secrets.set_secret(self._scope(owner), key, value)
        except secrets.NoKeyringError as exc:
            raise UsageError(str(exc)) from None

    def has_secret(self, owner: str, key: str) -> bool:
        try:
            return secrets.has_secret(self._scope(owner), key)
        except secrets.NoKeyringError:
            return False

    # --- AutoCount ----------------------------------------------------------------------
    def set_autocount(self, route: str | None = None, url: str | None = None,
                      book: str | None = None, settings: dict[str, str] | None = None) -> None:
        values = dict(settings or {})
        if route is not None:
            from ecdesk.sync.autocount import known_routes

            if route not in known_routes():
                known = ", ".join(known_routes())
                raise UsageError(f"Unknown AutoCount route '{route}' (known: {known}).")
            values["route"] = route
        if url is not None:
            values["url"] = url.rstrip("/")
        if book is not None:
            values["book"] = book
        with self._session() as s:
            for k, v in values.items():
                row = s.get(Setting, f"autocount.{k}")
                if row is None:
                    s.add(Setting(key=f"autocount.{k}", value=v))
                else:
                    row.value = v
            mark_for_review(s)
            s.commit()

    def autocount_settings(self) -> dict[str, str]:
        from ecdesk.sync.engine import get_settings

        with self._session() as s:
            return get_settings(s, "autocount.")

    def test_autocount(self) -> str:
        with self._session() as s:
            try:
                autocount_config(s)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            return self.engine.route(s).test_connection()

    def authorise_store(self, name: str, code: str) -> str:
        """Exchange a marketplace authorisation code for tokens (saved to the keyring)."""
        with self._session() as s:
            connector = self.engine.connector(self._store(s, name))
        authorise = getattr(connector, "authorise", None)
        if authorise is None:
            raise UsageError(f"Store '{name}' does not use an authorisation code.")
        result = authorise(code)
        return result if isinstance(result, str) else f"Store '{name}' is authorised."

    def test_store(self, name: str) -> str:
        with self._session() as s:
            return self.engine.connector(self._store(s, name)).test_connection()

    # --- mappings -----------------------------------------------------------------------
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
        with self._session() as s:
            st = self._store(s, store)
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
        with self._session() as s:
            st = self._store(s, store)
            row = s.scalars(select(Mapping).where(Mapping.store_id == st.id,
                                                  Mapping.kind == kind,
                                                  Mapping.key == key)).one_or_none()
            if row is not None:
                s.delete(row)
                mark_for_review(s, st.id)
                s.commit()

    def list_mappings(self, store: str | None = None, kind: str | None = None,
                      search: str = "") -> list[MappingInfo]:
        with self._session() as s:
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
        kinds = {HoldCode.UNMAPPED_SKU.value: "sku", HoldCode.UNMAPPED_SHIPPING.value: "shipping",
                 HoldCode.UNKNOWN_PAYMENT.value: "payment", HoldCode.UNMAPPED_TAX.value: "tax"}
        with self._session() as s:
            q = (select(Store.name, HoldRow.code, HoldRow.value, func.count(HoldRow.id))
                 .join(OrderRow, OrderRow.id == HoldRow.order_id)
                 .join(Store, Store.id == OrderRow.store_id)
                 .where(HoldRow.code.in_(list(kinds)), HoldRow.value != "")
                 .group_by(Store.name, HoldRow.code, HoldRow.value)
                 .order_by(func.count(HoldRow.id).desc(), Store.name, HoldRow.code,
                           HoldRow.value))
            if store:
                q = q.where(Store.name == store)
            return [MappingInfo(name, kinds[code], value, "") for name, code, value, _ in
                    s.execute(q)]

    # --- orders -------------------------------------------------------------------------
    def find_order(self, ref: str) -> int:
        """An order id from ``STORE:NUMBER`` or ``STORE:EXTERNAL_ID``."""
        store, sep, number = ref.rpartition(":")
        if not sep or not store or not number:
            raise UsageError(f"'{ref}' is not an order: write STORE:NUMBER, e.g. MyShop:1001.")
        with self._session() as s:
            st = self._store(s, store)
            number = number.lstrip("#")
            oid = s.scalar(select(OrderRow.id).where(
                OrderRow.store_id == st.id,
                or_(OrderRow.number == number, OrderRow.external_id == number)).limit(1))
            if oid is None:
                raise UsageError(f"No order {number} in store '{store}'.")
            return oid

    def _held_select(self, query: HeldQuery):
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

    def count_held(self, query: HeldQuery | None = None) -> int:
        query = query or HeldQuery()
        with self._session() as s:
            return s.scalar(select(func.count()).select_from(
                self._held_select(query).subquery())) or 0

    def held_ids(self, query: HeldQuery | None = None, offset: int = 0,
                 limit: int | None = None) -> list[int]:
        """Ids of held orders in grid order: the grid keeps ids and loads rows on display."""
        query = query or HeldQuery()
        col = SORT_COLUMNS.get(query.sort, OrderRow.ordered_at)
        q = self._held_select(query).order_by(col.desc() if query.descending else col.asc(),
                                              OrderRow.id.desc() if query.descending
                                              else OrderRow.id.asc())
        with self._session() as s:
            return list(s.scalars(q.offset(offset).limit(limit)))

    def order_summaries(self, ids: Iterable[int]) -> list[OrderSummary]:
        ids = list(ids)
        with self._session() as s:
            rows = s.execute(select(OrderRow, Store.name).join(Store, Store.id == OrderRow.store_id)
                             .where(OrderRow.id.in_(ids)))
            by_id = {r.id: self._summary(r, name) for r, name in rows}
        return [by_id[i] for i in ids if i in by_id]

    def held(self, store: str | None = None) -> list[OrderSummary]:
        with self._session() as s:
            sid = self._store(s, store).id if store else None
        return self.order_summaries(self.held_ids(HeldQuery(store_id=sid, descending=False)))

    def held_holds(self, order_ids: Iterable[int]) -> dict[int, list[HoldInfo]]:
        with self._session() as s:
            out: dict[int, list[HoldInfo]] = {}
            for h in s.scalars(select(HoldRow).where(HoldRow.order_id.in_(list(order_ids)))
                               .order_by(HoldRow.id)):
                out.setdefault(h.order_id, []).append(self._hold(h))
            return out

    @staticmethod
    def _hold(h: HoldRow) -> HoldInfo:
        return HoldInfo(h.code, hold_title(h.code), h.detail, h.value, h.message or "",
                        dict(h.params or {}))

    @staticmethod
    def _summary(r: OrderRow, store: str) -> OrderSummary:
        return OrderSummary(r.id, store, r.number, r.external_id, r.ordered_at, r.currency,
                            r.total, r.outcome, r.reason_summary, r.attempts, r.last_error,
                            r.is_test)

    def order_detail(self, order_id: int) -> OrderDetail:
        with self._session() as s:
            r = s.get(OrderRow, order_id)
            if r is None:
                raise UsageError(f"No order with id {order_id}.")
            base = self._summary(r, r.store.name)
            detail = OrderDetail(**base.__dict__, platform_status=r.platform_status)
            detail.lines = [OrderLineInfo(ln.sku, ln.name, ln.quantity, ln.unit_price,
                                          ln.discount, ln.tax, ln.item_code) for ln in r.lines]
            detail.holds = [self._hold(h) for h in r.holds]
            detail.documents = self._documents(s, order_id=order_id)
            return detail

    def order_payload(self, order_id: int) -> dict[str, Any]:
        with self._session() as s:
            r = s.get(OrderRow, order_id)
            return dict(r.payload) if r else {}

    def outcome_counts(self, store: str | None = None) -> dict[str, int]:
        with self._session() as s:
            q = select(OrderRow.outcome, func.count(OrderRow.id)).group_by(OrderRow.outcome)
            if store:
                q = q.where(OrderRow.store_id == self._store(s, store).id)
            return {k: v for k, v in s.execute(q)}

    def hold_reason_codes(self) -> list[tuple[str, str]]:
        return [(c.value, HOLD_TITLES[c]) for c in HoldCode]

    # --- documents ----------------------------------------------------------------------
    def documents(self, store: str | None = None) -> list[DocumentInfo]:
        with self._session() as s:
            sid = self._store(s, store).id if store else None
            return self._documents(s, store_id=sid)

    def _documents(self, s: Session, *, store_id: int | None = None,
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
        return [DocumentInfo(name, number, d.kind, d.doc_no, d.ref, d.total, d.posted_at)
                for d, number, name in s.execute(q)]

    # --- sync ---------------------------------------------------------------------------
    def sync(self, store: str | None = None, *, progress: Progress = no_progress,
             cancel: CancelToken | None = None, since: datetime | None = None,
             until: datetime | None = None, trigger: str = "manual") -> RunSummary:
        """Sync one store or every enabled store; answers what this run did."""
        with self._session() as s:
            if store:
                ids = [(self._store(s, store).id, store)]
            else:
                ids = [(st.id, st.name) for st in s.scalars(
                    select(Store).where(Store.enabled.is_(True)).order_by(Store.name))]
        total = RunSummary(store=store or "")
        for sid, _name in ids:
            if cancel is not None and cancel.cancelled:
                total.status = "cancelled"
                break
            total.add(self.engine.sync_store(sid, since=since, until=until, trigger=trigger,
                                             progress=progress, cancel=cancel))
        return total

    def resync_range(self, store: str, since: datetime, until: datetime | None = None,
                     **kw: Any) -> RunSummary:
        return self.sync(store, since=since, until=until, **kw)

    def retry(self, order_ids: Iterable[int], *, progress: Progress = no_progress,
              cancel: CancelToken | None = None) -> RunSummary:
        return self.engine.retry(order_ids, progress=progress, cancel=cancel)

    def retry_all(self, store: str | None = None, *, fixable_only: bool = False,
                  progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> RunSummary:
        with self._session() as s:
            sid = self._store(s, store).id if store else None
        q = HeldQuery(store_id=sid, descending=False)
        ids = self.held_ids(q)
        if fixable_only:
            holds = self.held_holds(ids)
            fixable = {c.value for c in FIXABLE_BY_MAPPING}
            ids = [i for i in ids if all(h.code in fixable for h in holds.get(i, []))]
        return self.retry(ids, progress=progress, cancel=cancel)

    def resolve(self, order_ids: Iterable[int], note: str = "") -> int:
        """Mark held orders settled by hand (e.g. keyed in AutoCount): they leave the held
        grid and ecdesk never posts them, even if the store changes them later."""
        count = 0
        with self._session() as s:
            for row in s.scalars(select(OrderRow).where(OrderRow.id.in_(list(order_ids)))):
                if row.outcome != Outcome.HELD.value:
                    continue
                row.resolved_note = note.strip()
                row.outcome = Outcome.IGNORED.value
                row.reason_summary = f"Resolved by hand: {note.strip()}".rstrip(": ")
                for hold in list(row.holds):
                    s.delete(hold)
                s.add(SyncLog(store_id=row.store_id, order_id=row.id, at=self.clock(),
                              message=f"Order {row.number} {row.reason_summary}"))
                count += 1
            s.commit()
        return count

    def preview(self, order_id: int) -> dict[str, Any]:
        """The document an order would become now (or why it would be held); posts nothing."""
        return self.engine.preview(order_id)

    def resync_order(self, order_id: int) -> RunSummary:
        return self.engine.refetch_order(order_id)

    # --- history ------------------------------------------------------------------------
    def sync_log(self, limit: int = 500, store: str | None = None) -> list[LogInfo]:
        with self._session() as s:
            q = (select(SyncLog, Store.name).outerjoin(Store, Store.id == SyncLog.store_id)
                 .order_by(SyncLog.id.desc()).limit(limit))
            if store:
                q = q.where(Store.name == store)
            return [LogInfo(r.at, r.level, name or "", r.message) for r, name in s.execute(q)]

    def last_runs(self, limit: int = 20) -> list[dict[str, Any]]:
        with self._session() as s:
            q = select(SyncRun).order_by(SyncRun.id.desc()).limit(limit)
            return [{"id": r.id, "store_id": r.store_id, "started": r.started_at,
                     "ended": r.ended_at, "status": r.status, "posted": r.posted,
                     "held": r.held, "message": r.message} for r in s.scalars(q)]

    def due_stores(self, now: datetime | None = None) -> list[str]:
        """Stores whose ingress cadence says a sync is due (for the scheduler)."""
        now = now or self.clock()
        with self._session() as s:
            out = []
            for st in s.scalars(select(Store).where(Store.enabled.is_(True),
                                                    Store.sync_enabled.is_(True))):
                if st.last_sync_at is None or \
                        now - st.last_sync_at >= timedelta(minutes=st.ingress_minutes):
                    out.append(st.name)
            return out

    # --- window helpers (added for the clerk's window, issue 3) -------------------------
    @staticmethod
    def explain(exc: BaseException) -> str:
        """Words for a clerk: what happened and what to do next (no traceback)."""
        from ecdesk.secrets import MissingSecret, NoKeyringError
        from ecdesk.sync.http import AuthError, RateLimited, Unavailable

        text = (str(exc).strip() or type(exc).__name__).rstrip(". ")
        if isinstance(exc, AuthError):
            return (f"The credentials were refused: {text}. Enter them again in Integration, "
                    "press Save, then Test connection.")
        if isinstance(exc, RateLimited):
            return (f"The service is limiting calls: {text}. Nothing was lost; try again in a "
                    "few minutes.")
        if isinstance(exc, Unavailable):
            return (f"Could not reach the service: {text}. Check the internet connection and "
                    "the URL in Integration; nothing was lost, try again later.")
        if isinstance(exc, (UsageError, ConfigError, NoKeyringError)):
            return f"{text}."
        if isinstance(exc, MissingSecret):
            return f"{text}. Enter it in Integration and press Save."
        return (f"Something went wrong ({type(exc).__name__}: {text}). Nothing was posted "
                "twice; try again, and if it repeats look at Tools > Sync log.")

    def store_names(self) -> list[str]:
        with self._session() as s:
            return list(s.scalars(select(Store.name).order_by(Store.name)))

    def store_id(self, name: str) -> int:
        with self._session() as s:
            return self._store(s, name).id

    def unmapped_counts(self, store: str | None = None) -> list[tuple[MappingInfo, int]]:
        """Like :meth:`unmapped`, with how many held orders each value blocks (most first)."""
        kinds = {HoldCode.UNMAPPED_SKU.value: "sku", HoldCode.UNMAPPED_SHIPPING.value: "shipping",
                 HoldCode.UNKNOWN_PAYMENT.value: "payment", HoldCode.UNMAPPED_TAX.value: "tax"}
        orders = func.count(func.distinct(OrderRow.id))
        with self._session() as s:
            q = (select(Store.name, HoldRow.code, HoldRow.value, orders)
                 .join(OrderRow, OrderRow.id == HoldRow.order_id)
                 .join(Store, Store.id == OrderRow.store_id)
                 .where(HoldRow.code.in_(list(kinds)), HoldRow.value != "",
                        OrderRow.outcome == Outcome.HELD.value)
                 .group_by(Store.name, HoldRow.code, HoldRow.value)
                 .order_by(orders.desc(), Store.name, HoldRow.code, HoldRow.value))
            if store:
                q = q.where(Store.name == store)
            return [(MappingInfo(name, kinds[code], value, ""), n)
                    for name, code, value, n in s.execute(q)]

    # --- month-end reconciliation (supervisors' Excel export) ----------------------------
    def export_reconciliation(self, path: str | Path, since: date | None = None,
                              until: date | None = None, store: str | None = None
                              ) -> dict[str, Any]:
        """Write the reconciliation workbook for orders dated ``since``..``until`` (whole
        days, inclusive; the order date as stored) of one store or all; answers the counts."""
        from ecdesk.reports.reconciliation import write_reconciliation

        if since and until and until < since:
            raise UsageError(f"The end date {until:%d %b %Y} is before the start date "
                             f"{since:%d %b %Y}.")
        with self._session() as s:
            sid = self._store(s, store).id if store else None
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

        where = []
        if store_id is not None:
            where.append(OrderRow.store_id == store_id)
        if since is not None:
            where.append(OrderRow.ordered_at >= datetime.combine(since, time.min, UTC))
        if until is not None:
            where.append(OrderRow.ordered_at < datetime.combine(until + timedelta(days=1),
                                                                time.min, UTC))
        order_q = (select(OrderRow.id, Store.name, OrderRow.number, OrderRow.external_id,
                          OrderRow.ordered_at, OrderRow.currency, OrderRow.total,
                          OrderRow.outcome, OrderRow.reason_summary)
                   .join(Store, Store.id == OrderRow.store_id).where(*where)
                   .order_by(OrderRow.id).limit(chunk))
        last = 0
        with self._session() as s:
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
                for oid, name, number, ext, at, cur, total, outcome, reasons in rows:
                    yield ReconOrder(name, number, ext, at, cur, total, outcome, reasons,
                                     docs.get(oid, []), holds.get(oid, []))
                last = hi
