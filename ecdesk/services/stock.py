"""The stock and tracking service (docs/decisions.md §7): what ``stock ...``, ``ship ...``, the
scheduler's egress and the window's Stock view and "Push stock now" all call.

Bad input (a count file ecdesk cannot read, an unknown order, a blank tracking number) raises
``UsageError`` with a sentence before anything is written.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ecdesk.db.models import OrderRow, Store
from ecdesk.db.stock_models import BundleComponent, StockCount, StockListing, StockPush
from ecdesk.db.stock_models import Shipment as ShipmentRow
from ecdesk.errors import ConfigError
from ecdesk.service import UsageError
from ecdesk.sync.books import MAIN, book_name, store_book
from ecdesk.sync.egress import pusher_class
from ecdesk.sync.egress.base import Pusher
from ecdesk.sync.egress.counts import CountFileError, read_counts
from ecdesk.sync.egress.ledger import balances, plan_store, reserved
from ecdesk.sync.egress.runner import (
    EgressSummary,
    import_counts,
    push_stock_enabled,
    push_store,
    push_tracking_enabled,
    ship_store,
)
from ecdesk.sync.egress.transport import client_of
from ecdesk.sync.store_settings import mark_for_review

Progress = Callable[[int, int, str], Any]
DEFAULT_EGRESS_MINUTES = 60


def other_book(s: Any, store: Store) -> str:
    """Why ``store``'s stock is not pushed when it posts to another company's book (stock
    is counted for the main book only); "" when it posts to the main book."""
    book = store_book(store)
    if book == MAIN:
        return ""
    return (f"stock not pushed: this store posts to {book_name(s, book)}'s AutoCount book, "
            "and ecdesk keeps stock for the main book only (tracking is still sent)")


class StockUsageError(UsageError):
    """Bad stock or shipment input; the caller shows the sentence (CLI exit code 2)."""


@dataclass(frozen=True)
class StockRow:
    """One line of the Stock view and of ``stock show --json``."""

    store: str
    sku: str
    item_code: str
    balance: Decimal | None
    reserved: Decimal
    to_push: int | None
    last_pushed: int | None
    last_pushed_at: datetime | None
    failed: bool
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"store": self.store, "sku": self.sku, "item_code": self.item_code,
                "balance": None if self.balance is None else str(self.balance),
                "reserved": str(self.reserved), "to_push": self.to_push,
                "last_pushed": self.last_pushed,
                "last_pushed_at": self.last_pushed_at.isoformat() if self.last_pushed_at
                else None, "failed": self.failed, "message": self.message}


class StockService:
    """Bound to the app's :class:`~ecdesk.service.Service` (its database, engine, clock)."""

    def __init__(self, service: Any) -> None:
        self.svc = service

    # --- helpers ---------------------------------------------------------------------------
    def _session(self) -> Any:
        return self.svc.db.session()

    @staticmethod
    def _store(s: Any, name: str) -> Store:
        store = s.scalars(select(Store).where(Store.name == name)).one_or_none()
        if store is None:
            names = ", ".join(s.scalars(select(Store.name).order_by(Store.name))) or "none yet"
            raise StockUsageError(f"No store named '{name}' (stores: {names}).")
        return store

    def _stores(self, s: Any, name: str | None) -> list[Store]:
        if name:
            return [self._store(s, name)]
        return list(s.scalars(select(Store).where(Store.enabled.is_(True)).order_by(Store.name)))

    def _pusher(self, store: Store) -> Pusher | None:
        cls = pusher_class(store.platform)
        if cls is None:
            return None
        connector = self.svc.engine.connector(store)
        return cls(client_of(connector), store.name, dict(store.settings or {}))

    @staticmethod
    def takes_egress(platform: str) -> bool:
        """Whether ecdesk can push stock and tracking to this platform (the custom feed
        cannot: the window says so)."""
        return pusher_class(platform) is not None

    # --- counts ----------------------------------------------------------------------------
    def import_counts(self, path: str | Path) -> dict[str, Any]:
        """``stock import FILE``: the whole file is checked before anything is recorded."""
        try:
            rows = read_counts(path)
        except CountFileError as exc:
            raise StockUsageError(str(exc)) from None
        with self._session() as s:
            return import_counts(s, rows, self.svc.clock())

    def refresh_from_route(self, s: Any) -> bool:
        """The stock figure brought up to date from the route: its balances as the count
        (desktop SDK, read-only SQL), or the book's other stock-moving documents since the
        count (Cloud; ``ecdesk.sync.egress.book_moves``)."""
        from ecdesk.sync.egress.book_moves import refresh_stock

        try:
            route = self.svc.engine.route(s)
        except ConfigError:
            return False
        return refresh_stock(s, route, self.svc.clock())

    def count_status(self) -> str:
        """'counted 12 Nov 10:05, moved by 37 documents since' (or that nothing is counted)."""
        with self._session() as s:
            stock = balances(s)
        if not stock:
            return "Stock not counted yet: import AutoCount's stock balance report (stock import)."
        at = max(x.counted_at for x in stock.values() if x.counted_at is not None)
        docs = max(x.documents for x in stock.values())
        drifting = sum(1 for x in stock.values() if x.drift)
        text = f"Stock counted {at:%d %b %H:%M}, moved by {docs} documents since"
        return text + (f"; the count of {drifting} item(s) differed from ecdesk's figure."
                       if drifting else ".")

    # --- bundles ---------------------------------------------------------------------------
    def set_bundle(self, store: str, sku: str, components: dict[str, Decimal]) -> None:
        """Bundle SKU -> item codes and quantities per kit (an empty dict removes it)."""
        if any(q <= 0 for q in components.values()):
            raise StockUsageError(f"Bundle '{sku}': every component needs a quantity above 0.")
        with self._session() as s:
            st = self._store(s, store)
            for row in s.scalars(select(BundleComponent).where(
                    BundleComponent.store_id == st.id, BundleComponent.bundle_sku == sku)):
                s.delete(row)
            for code, qty in components.items():
                s.add(BundleComponent(store_id=st.id, bundle_sku=sku, item_code=code, qty=qty))
            mark_for_review(s, st.id)  # its held orders post their components now
            s.commit()

    # --- the Stock view --------------------------------------------------------------------
    def rows(self, store: str | None = None) -> list[StockRow]:
        """Every pushed SKU of the store(s), failures first, then by store and SKU."""
        out: list[StockRow] = []
        with self._session() as s:
            held = reserved(s)
            for st in self._stores(s, store):
                stock = balances(s, (st.settings or {}).get("stock_location") or "")
                for p in plan_store(s, st, stock, held):
                    x = p.listing
                    failed = x is not None and (x.failed_qty is not None or not x.listed)
                    message = ""
                    if x is not None and not x.listed:
                        message = f"No listing in {st.name} carries SKU '{p.sku}'."
                    elif x is not None and x.failed_qty is not None:
                        message = x.last_error
                    elif p.to_push is None:
                        message = f"'{p.item_code}' was never counted: import a stock count."
                    out.append(StockRow(st.name, p.sku, p.item_code, p.balance, p.reserved,
                                        p.to_push, x.pushed_qty if x else None,
                                        x.pushed_at if x else None, failed, message))
        out.sort(key=lambda r: (not r.failed, r.store, r.sku))
        return out

    def push_log(self, store: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        with self._session() as s:
            q = select(StockPush, Store.name).join(Store, Store.id == StockPush.store_id)
            if store:
                q = q.where(Store.name == store)
            q = q.order_by(StockPush.id.desc()).limit(limit)
            return [{"store": name, "sku": p.sku, "qty": p.qty, "at": p.at,
                     "result": p.result, "message": p.message} for p, name in s.execute(q)]

    # --- egress ----------------------------------------------------------------------------
    def push(self, store: str | None = None, *, dry_run: bool = False,
             progress: Progress | None = None, force: bool = False) -> list[EgressSummary]:
        """``stock push``: each store's changed quantities, one summary per store; a store
        whose push fails says so and the others go on."""
        out = []
        with self._session() as s:
            if not dry_run:
                self.refresh_from_route(s)
            held, stock = reserved(s), _Balances(s)
            for st in self._stores(s, store):
                off = not (force or store or push_stock_enabled(st))
                skip = "push_stock is off (store set NAME --set push_stock=yes)" if off else ""
                if skip or other_book(s, st):
                    out.append(EgressSummary(st.name, skipped=skip or other_book(s, st)))
                    continue
                try:
                    out.append(push_store(s, st, None if dry_run else self._pusher(st),
                                          dry_run=dry_run, progress=progress,
                                          now=self.svc.clock, stock=stock.at(st), held=held))
                except Exception as exc:  # one store's failure never stops the others
                    s.rollback()
                    out.append(EgressSummary(st.name, errors=[self.svc.explain(exc)]))
        return out

    def egress(self, store: str | None = None, *, progress: Progress | None = None
               ) -> list[EgressSummary]:
        """What the scheduler runs: stock where ``push_stock`` is on, then shipments where
        ``push_tracking`` is on; stamps each store's last egress."""
        out = []
        with self._session() as s:
            self.refresh_from_route(s)
            held, stock = reserved(s), _Balances(s)
            stores = self._stores(s, store)
            for st in stores:
                summary = EgressSummary(st.name)
                try:
                    if push_stock_enabled(st) and other_book(s, st):
                        summary.skipped = other_book(s, st)
                    elif push_stock_enabled(st):
                        summary = push_store(s, st, self._pusher(st), progress=progress,
                                             now=self.svc.clock, stock=stock.at(st),
                                             held=held)
                    if push_tracking_enabled(st):
                        sent, failed, messages = ship_store(s, st, self._pusher(st),
                                                            now=self.svc.clock)
                        summary.shipped, summary.ship_failed = sent, failed
                        summary.errors += messages[:3]
                except Exception as exc:
                    s.rollback()
                    summary.errors.append(self.svc.explain(exc))
                st = s.merge(st)
                st.settings = {**(st.settings or {}),
                               "last_egress_at": self.svc.clock().isoformat()}
                s.commit()
                out.append(summary)
        return out

    def egress_due(self, store: str | None = None) -> list[EgressSummary]:
        """Egress for every store (or ``store``) whose cadence is due now."""
        return [summary for name in self.due() if store in (None, name)
                for summary in self.egress(name)]

    def due(self, now: datetime | None = None) -> list[str]:
        """Stores whose ``egress_minutes`` says stock or tracking is due."""
        now = now or self.svc.clock()
        out = []
        with self._session() as s:
            for st in self._stores(s, None):
                settings = st.settings or {}
                if not (push_stock_enabled(st) or self._pending_shipments(s, st)):
                    continue
                minutes = int(settings.get("egress_minutes") or DEFAULT_EGRESS_MINUTES)
                last = settings.get("last_egress_at")
                if not last or now - datetime.fromisoformat(last) >= timedelta(minutes=minutes):
                    out.append(st.name)
        return out

    @staticmethod
    def _pending_shipments(s: Any, st: Store) -> bool:
        return s.scalar(select(ShipmentRow.id).where(
            ShipmentRow.store_id == st.id, ShipmentRow.state.in_(("pending", "failed")))
            .limit(1)) is not None and push_tracking_enabled(st)

    # --- shipments -------------------------------------------------------------------------
    def ship(self, ref: str, carrier: str, tracking: str, *, now: bool = False) -> str:
        """``ship STORE:NUMBER``: record carrier and tracking; ``now`` pushes it at once."""
        tracking, carrier = (tracking or "").strip(), (carrier or "").strip()
        if not tracking:
            raise StockUsageError(f"'{ref}': give the tracking number (--tracking NO).")
        try:
            order_id = self.svc.find_order(ref)
        except Exception as exc:
            raise StockUsageError(str(exc).rstrip(".") + ".") from None
        with self._session() as s:
            order = s.get(OrderRow, order_id)
            assert order is not None
            self._record(s, order, carrier, tracking)
            s.commit()
            st = s.get(Store, order.store_id)
            assert st is not None
            if not now:
                return (f"{st.name} order {order.number}: tracking {tracking} recorded; it "
                        "goes to the store on the next send.")
            sent, _failed, messages = ship_store(s, st, self._pusher(st), only=order.id,
                                                 now=self.svc.clock)
            row = s.scalar(select(ShipmentRow).where(ShipmentRow.order_id == order.id))
        if sent:
            extra = f" ({row.message})" if row is not None and row.message else ""
            number = row.tracking if row is not None else tracking
            return f"{st.name} order {order.number}: tracking {number} is in the store{extra}."
        return f"{st.name} order {order.number}: not sent: {'; '.join(messages)}"

    @staticmethod
    def _record(s: Any, order: OrderRow, carrier: str, tracking: str) -> None:
        row = s.scalar(select(ShipmentRow).where(ShipmentRow.order_id == order.id))
        if row is None:
            row = ShipmentRow(store_id=order.store_id, order_id=order.id)
            s.add(row)
        row.carrier, row.tracking, row.state, row.message = carrier, tracking, "pending", ""

    def ship_import(self, path: str | Path) -> int:
        """``ship --import FILE`` (csv/xlsx: store, order, carrier, tracking): every row is
        checked before any is recorded."""
        rows = _table(Path(path))
        header = [str(c or "").strip().lower() for c in rows[0]] if rows else []
        need = ("store", "order", "carrier", "tracking")
        missing = [n for n in need if n not in header]
        if missing:
            raise StockUsageError(f"'{Path(path).name}' has no column {', '.join(missing)}: "
                                  "the first row must name store, order, carrier, tracking.")
        at = {n: header.index(n) for n in need}
        todo = []
        for n, row in enumerate(rows[1:], start=2):
            cells = {k: str(row[i] if i < len(row) and row[i] is not None else "").strip()
                     for k, i in at.items()}
            if not any(cells.values()):
                continue
            if not cells["tracking"]:
                raise StockUsageError(f"'{Path(path).name}' row {n}: tracking is empty.")
            try:
                order_id = self.svc.find_order(f"{cells['store']}:{cells['order']}")
            except Exception as exc:
                raise StockUsageError(f"'{Path(path).name}' row {n}: {exc}") from None
            todo.append((order_id, cells["carrier"], cells["tracking"]))
        with self._session() as s:
            for order_id, carrier, tracking in todo:
                order = s.get(OrderRow, order_id)
                assert order is not None
                self._record(s, order, carrier, tracking)
            s.commit()
        return len(todo)

    def shipments(self, store: str | None = None) -> list[dict[str, Any]]:
        with self._session() as s:
            q = select(ShipmentRow, OrderRow.number, Store.name) \
                .join(OrderRow, OrderRow.id == ShipmentRow.order_id) \
                .join(Store, Store.id == ShipmentRow.store_id)
            if store:
                q = q.where(Store.name == store)
            return [{"store": name, "order": number, "carrier": r.carrier,
                     "tracking": r.tracking, "state": r.state, "message": r.message}
                    for r, number, name in s.execute(q.order_by(ShipmentRow.id))]

    def listing_count(self) -> int:
        with self._session() as s:
            return len(list(s.scalars(select(StockListing.id))))

    def counted_items(self) -> int:
        with self._session() as s:
            return len(list(s.scalars(select(StockCount.id))))


class _Balances:
    """Balances per AutoCount location, read once per push however many stores share it."""

    def __init__(self, s: Any) -> None:
        self.s = s
        self.by_location: dict[str, Any] = {}

    def at(self, store: Store) -> Any:
        location = ((store.settings or {}).get("stock_location") or "").strip().upper()
        if location not in self.by_location:
            self.by_location[location] = balances(self.s, location)
        return self.by_location[location]


def _table(path: Path) -> list[list[Any]]:
    if not path.is_file():
        raise StockUsageError(f"There is no file '{path}'.")
    if path.suffix.lower() == ".csv":
        try:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                return [row for row in csv.reader(fh) if any(c.strip() for c in row)]
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise StockUsageError(f"'{path.name}' cannot be read ({exc}).") from None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
            rows = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
            wb.close()
        except Exception as exc:
            raise StockUsageError(f"'{path.name}' is not a readable Excel workbook ({exc}).") \
                from None
        return [r for r in rows if any(str(c or "").strip() for c in r)]
    raise StockUsageError(f"'{path.name}' is neither .xlsx nor .csv.")


def parse_components(items: Iterable[str]) -> dict[str, Decimal]:
    """``ITEM=QTY`` words (``ITEM`` alone means 1) -> item code -> quantity per kit."""
    out: dict[str, Decimal] = {}
    for word in items:
        code, _, qty = word.partition("=")
        try:
            out[code.strip()] = Decimal(qty.strip() or "1")
        except ArithmeticError:
            raise StockUsageError(f"'{word}' is not ITEM=QTY.") from None
    return out
