"""The ingress pipeline: fetch -> store raw -> normalise -> match -> draft -> outbox -> AutoCount.

One store at a time, under a lease so two PCs never sync one store at once. Raw payloads are
committed page by page before anything is evaluated, so a crash loses nothing; the store's
cursor advances only after a complete fetch. Each order ends in one outcome (posted, held,
waiting, ignored) with its reasons recorded; one bad order never aborts the batch. Progress
is reported through a callback and cancellation is checked between orders.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from ecdesk.db import Database
from ecdesk.db.models import (
    Document,
    HoldRow,
    Mapping,
    OrderDocument,
    OrderLineRow,
    OrderRow,
    OutboxEntry,
    Setting,
    Store,
    SyncLog,
    SyncRun,
    now_utc,
)
from ecdesk.domain import (
    Disposition,
    DocKind,
    Hold,
    HoldCode,
    Order,
    Outcome,
)
from ecdesk.secrets import MissingSecret, NoKeyringError
from ecdesk.sync import book_codes, matching, posting
from ecdesk.sync.autocount.base import AutoCountConfig, AutoCountRoute, Unsupported
from ecdesk.sync.connectors import connector_class
from ecdesk.sync.connectors.base import (
    ConfigError,
    Connector,
    CredentialStore,
    PayloadError,
    RawOrder,
    StoreConfig,
)
from ecdesk.sync.http import ApiError, AuthError, HttpClient
from ecdesk.sync.outbox import Outbox, PostResult
from ecdesk.sync.worker_id import current_worker, dead_local_worker

log = logging.getLogger(__name__)

STORE_LEASE = timedelta(minutes=5)  # renewed as the run goes
COMMIT_EVERY = 50
# The fee credit note's outbox sequence: the sale is an invoice at seq 0 and refunds are credit
# notes at seq >= 1, so a credit note at seq 0 is free and unique per order (exactly once).
FEE_NOTE_SEQ = 0


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str) -> None: ...


def no_progress(done: int, total: int, message: str) -> None:
    pass


class CancelToken:
    """Set from any thread; the engine stops cleanly between orders."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds; True once cancelled."""
        return self._event.wait(timeout)


class SyncCancelled(Exception):
    pass


class AutoCountDown(ApiError):
    """AutoCount stopped answering mid-run; posting resumes on the next sync."""


class StoreBusy(Exception):
    """Another ecdesk (another PC) is syncing this store right now."""


@dataclass
class RunSummary:
    store: str = ""
    fetched: int = 0
    posted: int = 0  # documents created (or found after a lost answer) in this run
    held: int = 0
    waiting: int = 0
    ignored: int = 0
    pending: int = 0  # AutoCount did not answer: resolved by lookup next run
    errors: list[str] = field(default_factory=list)
    status: str = "ok"  # ok | failed | config | cancelled | busy

    @property
    def clean(self) -> bool:
        return self.held == 0 and self.pending == 0 and not self.errors and self.status == "ok"

    def add(self, other: RunSummary) -> None:
        for name in ("fetched", "posted", "held", "waiting", "ignored", "pending"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        if other.status != "ok" and self.status == "ok":
            self.status = other.status

    def line(self) -> str:
        text = (f"{self.store or 'all stores'}: fetched {self.fetched} orders, posted "
                f"{self.posted} documents, held {self.held}, waiting {self.waiting}, "
                f"ignored {self.ignored}")
        if self.pending:
            text += f", {self.pending} awaiting AutoCount"
        if self.status != "ok":
            text += f" [{self.status}]"
        return text


def payload_hash(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def get_settings(session: Session, prefix: str) -> dict[str, str]:
    rows = session.scalars(select(Setting).where(Setting.key.like(prefix + "%")))
    return {row.key[len(prefix):]: row.value for row in rows}


def autocount_config(session: Session) -> AutoCountConfig:
    values = get_settings(session, "autocount.")
    route = values.pop("route", "")
    url = values.pop("url", "")
    book = values.pop("book", "")
    if not route or (route == "cloud" and not (url and book)):
        raise ConfigError(
            "AutoCount is not set up yet. Set the connection in Integration > AutoCount "
            "(or `ecdesk autocount set --route cloud --url URL --book ID`)."
        )
    return AutoCountConfig(route=route, url=url, book=book, settings=values)


def load_maps(session: Session, store_id: int) -> matching.Maps:
    maps = matching.Maps()
    for row in session.scalars(select(Mapping).where(Mapping.store_id == store_id)):
        if row.kind == "sku":
            maps.items[row.key] = matching.ItemMap(row.value, row.uom)
        elif row.kind == "shipping":
            maps.shipping[row.key] = row.value
        elif row.kind == "payment":
            maps.payment[row.key] = row.value
        elif row.kind == "tax":
            maps.tax[row.key] = row.value
    return maps


def mark_for_review(session: Session, store_id: int | None = None) -> None:
    """A mapping or setting changed: held orders (of one store, or all) are evaluated again
    on the next sync, so a fix takes effect without a manual Retry."""
    q = update(OrderRow).where(OrderRow.outcome == Outcome.HELD.value)
    if store_id is not None:
        q = q.where(OrderRow.store_id == store_id)
    session.execute(q.values(needs_eval=True).execution_options(synchronize_session=False))


def store_config(store: Store) -> StoreConfig:
    return StoreConfig(id=store.id, name=store.name, platform=store.platform, url=store.url,
                       settings=dict(store.settings or {}))


@dataclass
class EngineDeps:
    """What the engine needs from outside: HTTP, time, credentials, route/connector makers."""

    http: HttpClient
    credentials: Callable[[str], CredentialStore]  # scope -> store
    clock: Callable[[], datetime] = now_utc
    worker: str = field(default_factory=current_worker)
    make_route: Callable[[AutoCountConfig], AutoCountRoute] | None = None
    make_connector: Callable[[StoreConfig], Connector] | None = None
    #: test hook: runs after AutoCount created a document, before ecdesk confirms it
    after_create: Callable[[OutboxEntry], None] | None = None


class SyncEngine:
    def __init__(self, db: Database, deps: EngineDeps) -> None:
        self.db = db
        self.deps = deps
        self._run_id: int | None = None  # the run whose log rows this engine writes
        self._book: book_codes.BookCodes | None = None  # set per run by _evaluate

    # --- factories ----------------------------------------------------------------------
    def connector(self, store: Store) -> Connector:
        cfg = store_config(store)
        if self.deps.make_connector is not None:
            return self.deps.make_connector(cfg)
        from ecdesk.secrets import store_scope

        cls = connector_class(store.platform)
        return cls(cfg, self.deps.credentials(store_scope(store.id)), self.deps.http,
                   clock=self.deps.clock)

    def route(self, session: Session) -> AutoCountRoute:
        cfg = autocount_config(session)
        if self.deps.make_route is not None:
            return self.deps.make_route(cfg)
        from ecdesk.secrets import AUTOCOUNT_SCOPE
        from ecdesk.sync.autocount import route_class

        return route_class(cfg.route)(cfg, self.deps.credentials(AUTOCOUNT_SCOPE), self.deps.http)

    def outbox(self, route: AutoCountRoute) -> Outbox:
        return Outbox(route, self.deps.worker, self.deps.clock, after_create=self.deps.after_create)

    # --- lease --------------------------------------------------------------------------
    def _lease(self, session: Session, store_id: int) -> bool:
        """Take or renew the store's lease (atomic); False while another live worker has it."""
        now = self.deps.clock()
        holder = session.scalar(select(Store.lease_owner).where(Store.id == store_id))
        takeable = [Store.lease_owner.is_(None), Store.lease_owner == self.deps.worker,
                    Store.lease_until < now]
        if dead_local_worker(holder):
            takeable.append(Store.lease_owner == holder)
        result = session.execute(
            update(Store)
            .where(Store.id == store_id, or_(*takeable))
            .values(lease_owner=self.deps.worker, lease_until=now + STORE_LEASE)
            .execution_options(synchronize_session=False)
        )
        session.commit()
        return result.rowcount == 1

    def _unlease(self, session: Session, store_id: int) -> None:
        session.execute(
            update(Store).where(Store.id == store_id, Store.lease_owner == self.deps.worker)
            .values(lease_owner=None, lease_until=None)
            .execution_options(synchronize_session=False)
        )
        session.commit()

    # --- public entry points -------------------------------------------------------------
    def sync_store(
        self,
        store_id: int,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        trigger: str = "manual",
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> RunSummary:
        """Fetch the store's changed orders (or the [since, until] window) and post them."""
        cancel = cancel or CancelToken()
        with self.db.session() as session:
            store = session.get(Store, store_id)
            assert store is not None
            summary = RunSummary(store=store.name)
            if not self._lease(session, store_id):
                summary.status = "busy"
                summary.errors.append(f"{store.name} is being synced on another computer.")
                return summary
            run = SyncRun(store_id=store_id, trigger=trigger, started_at=self.deps.clock())
            session.add(run)
            session.commit()
            self._run_id = run.id
            try:
                self._log(session, run, store_id, None, f"Sync of {store.name} started")
                self._resolve_pending(session, store_id, summary, cancel)
                self._fetch(session, store, run, summary, since, until, progress, cancel)
                ids = self._to_evaluate(session, store_id)
                self._evaluate(session, ids, summary, progress, cancel, run)
            except SyncCancelled:
                summary.status = "cancelled"
            except (AuthError, ConfigError, MissingSecret, NoKeyringError) as exc:
                summary.status = "config"  # a clerk must fix set-up or credentials
                summary.errors.append(f"{store.name}: {exc}")
                self._log(session, run, store_id, None, str(exc), level="error")
            except (ApiError, Unsupported) as exc:
                summary.status = "failed"
                summary.errors.append(f"{store.name}: {exc}")
                self._log(session, run, store_id, None, str(exc), level="error")
            except Exception as exc:  # a bug must not stop the other stores or lose orders
                log.exception("sync of %s failed", store.name)
                session.rollback()
                message = (f"{store.name}: ecdesk hit an unexpected error ({type(exc).__name__}:"
                           f" {exc}). Nothing was lost; the next sync starts where this one "
                           "stopped. If it happens again, send the sync log to support.")
                summary.status = "failed"
                summary.errors.append(message)
                self._log(session, run, store_id, None, message, level="error")
            finally:
                self._finish(session, store_id, run, summary)
                self._unlease(session, store_id)
        return summary

    def retry(
        self,
        order_ids: Iterable[int],
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> RunSummary:
        """Re-evaluate and post the given orders (after a clerk fixed a mapping)."""
        cancel = cancel or CancelToken()
        summary = RunSummary(store="retry")
        with self.db.session() as session:
            run = SyncRun(store_id=None, kind="retry", trigger="manual",
                          started_at=self.deps.clock())
            session.add(run)
            session.commit()
            self._run_id = run.id
            try:
                self._resolve_pending(session, None, summary, cancel)
                self._evaluate(session, list(order_ids), summary, progress, cancel, run,
                               count_attempt=True)
            except SyncCancelled:
                summary.status = "cancelled"
            except (AuthError, ConfigError, MissingSecret, NoKeyringError) as exc:
                summary.status = "config"
                summary.errors.append(str(exc))
            except (ApiError, Unsupported) as exc:
                summary.status = "failed"
                summary.errors.append(str(exc))
            finally:
                self._finish(session, None, run, summary)
        return summary

    def refetch_order(self, order_id: int) -> RunSummary:
        """Fetch one order again from its store, then evaluate it (manual resync)."""
        with self.db.session() as session:
            row = session.get(OrderRow, order_id)
            assert row is not None
            store = row.store
            connector = self.connector(store)
            raw = connector.fetch_order(row.external_id)
            if raw is not None:
                self._upsert(session, store, connector, raw)
                session.commit()
        return self.retry([order_id])

    def preview(self, order_id: int) -> dict[str, Any]:
        """What evaluating the order would do now, without posting anything."""
        from ecdesk.sync.outbox import draft_to_json

        with self.db.session() as session:
            row = session.get(OrderRow, order_id)
            assert row is not None
            store = row.store
            settings = {**get_settings(session, "autocount."), **(store.settings or {})}
            out: dict[str, Any] = {"store": store.name, "order": row.number,
                                   "outcome": row.outcome}
            try:
                order = self.connector(store).normalise(row.payload)
            except (PayloadError, KeyError, TypeError, ValueError, ArithmeticError) as exc:
                out["holds"] = [str(Hold(HoldCode.BAD_PAYLOAD, str(exc)))]
                return out
            out["disposition"] = order.disposition.value
            maps = load_maps(session, store.id)
            rules = posting.PostingRules.from_settings(
                settings, max_doc_no=int(settings.get("max_doc_no", "50")))
            built = posting.build_draft(order, maps, rules)
            holds = built if isinstance(built, list) else []
            if not holds:
                out["draft"] = draft_to_json(built)
            out["holds"] = [str(h) for h in holds]
            return out

    # --- fetch --------------------------------------------------------------------------
    def _fetch(self, session, store, run, summary, since, until, progress, cancel) -> None:
        connector = self.connector(store)
        window = since is not None or until is not None
        start = since if window else (
            store.cursor - connector.overlap if store.cursor is not None else None)
        newest = store.cursor
        progress(0, 0, f"Fetching orders from {store.name}...")
        count = 0
        for raw in connector.fetch_orders(start, until):
            if cancel.cancelled:
                session.commit()
                raise SyncCancelled
            self._upsert(session, store, connector, raw)
            count += 1
            if newest is None or raw.updated_at > newest:
                newest = raw.updated_at
            if count % COMMIT_EVERY == 0:
                session.commit()
                self._lease(session, store.id)
                progress(count, 0, f"Fetched {count} orders from {store.name}")
        summary.fetched = count
        if not window:
            store.cursor = newest
        session.commit()
        self._log(session, run, store.id, None, f"Fetched {count} orders from {store.name}")

    def _upsert(self, session: Session, store: Store, connector: Connector,
                raw: RawOrder) -> OrderRow:
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
        row.fetched_at = self.deps.clock()
        self._snapshot(connector, row)
        return row

    @staticmethod
    def _snapshot(connector: Connector, row: OrderRow) -> Order | None:
        """Refresh the display fields and line snapshot from the payload."""
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

    # --- evaluate -----------------------------------------------------------------------
    def _to_evaluate(self, session: Session, store_id: int) -> list[int]:
        """New or changed orders, and held ones whose mappings or settings changed since
        (``mark_for_review``): a sync never re-reads 100,000 untouched held orders."""
        q = select(OrderRow.id).where(
            OrderRow.store_id == store_id,
            or_(OrderRow.needs_eval.is_(True), OrderRow.outcome == Outcome.NEW.value),
        ).order_by(OrderRow.ordered_at, OrderRow.id)
        return list(session.scalars(q))

    def _evaluate(self, session, ids, summary, progress, cancel, run, *, count_attempt=False):
        if not ids:
            return
        route = self.route(session)
        outbox = self.outbox(route)
        self._book = book_codes.BookCodes(route)  # the book's codes, read once per run
        cache: dict[int, tuple[Connector, matching.Maps, dict[str, str], Store]] = {}
        total = len(ids)
        for i, order_id in enumerate(ids, start=1):
            if cancel.cancelled:
                raise SyncCancelled
            row = session.get(OrderRow, order_id)
            if row is None:
                continue
            if row.store_id not in cache:
                store = row.store
                settings = {**get_settings(session, "autocount."), **(store.settings or {})}
                cache[row.store_id] = (self.connector(store), load_maps(session, store.id),
                                       settings, store)
            connector, maps, settings, store = cache[row.store_id]
            try:
                outcome = self._evaluate_one(session, row, connector, maps, settings, outbox,
                                             route, summary, count_attempt)
            except (AuthError, AutoCountDown):
                raise
            except (ApiError, Unsupported) as exc:
                session.rollback()
                outcome = self._hold(session, row, [Hold(HoldCode.CONFIG, str(exc))])
            except Exception as exc:  # one bad order never aborts the batch
                log.exception("order %s could not be evaluated", order_id)
                session.rollback()
                row = session.get(OrderRow, order_id)
                outcome = self._hold(session, row, [Hold(
                    HoldCode.BAD_PAYLOAD,
                    f"ecdesk could not process this order ({type(exc).__name__}: {exc}). "
                    "Nothing was posted twice; press Retry after an update, or post it by hand "
                    "and mark it Resolved.")])
            self._count(summary, outcome)
            if i % 10 == 0 or i == total:
                progress(i, total, f"Checked {i} of {total} orders")
            if run.store_id is not None and i % COMMIT_EVERY == 0:
                self._lease(session, run.store_id)  # keep the sync's lease alive
        for kind, reason in self._book.unlisted.items():
            self._log(session, run, run.store_id, None,
                      f"{book_codes.CODE_KINDS[kind].capitalize()}s were not checked against "
                      f"the AutoCount book before posting: {reason}", level="warning")

    def _evaluate_one(self, session, row, connector, maps, settings, outbox, route, summary,
                      count_attempt) -> Outcome | None:
        if count_attempt:
            row.attempts += 1
        if row.resolved_note is not None:  # a clerk settled it by hand: never post it
            return self._set(session, row, Outcome.IGNORED,
                             f"Resolved by hand: {row.resolved_note}".rstrip(": "))
        try:
            order = connector.normalise(row.payload)
        except (PayloadError, KeyError, TypeError, ValueError, ArithmeticError) as exc:
            detail = str(exc) if isinstance(exc, PayloadError) else (
                f"the store sent data ecdesk cannot read ({type(exc).__name__}: {exc})")
            return self._hold(session, row, [Hold(HoldCode.BAD_PAYLOAD, detail)])

        for line in row.lines:  # what each line maps to now, for the clerk's order view
            item = maps.items.get(line.sku) if line.sku else None
            line.item_code = item.item_code if item else ""
        rules = posting.PostingRules.from_settings(settings, max_doc_no=route.max_doc_no)
        sale = self._sale_doc_no(session, row)
        if sale is None:
            if order.disposition is Disposition.WAITING:
                return self._set(session, row, Outcome.WAITING)
            if order.disposition is Disposition.IGNORED or order.cancelled:
                return self._set(session, row, Outcome.IGNORED, "Cancelled before it was posted")
            built = posting.build_draft(order, maps, rules)
            if isinstance(built, list):
                return self._hold(session, row, built)
            origin = book_codes.Origin(
                store=row.store.name, fee_item=rules.fee_item, shipping_item=rules.shipping_item,
                payment_method=rules.payment_method, debtor_code=rules.debtor_code,
                sales_location=rules.sales_location)
            missing = book_codes.check_draft(built, order, maps, self._book, origin)
            if missing:
                return self._hold(session, row, missing)
            digest = posting.content_hash(order)
            step = self._post(session, row, outbox, route, built, digest, 0, summary,
                              explain=lambda said: book_codes.explain_refusal(
                                  said, order, maps, origin))
            if step is not None:
                return step
            row.posted_hash = digest
            sale = built.doc_no or self._sale_doc_no(session, row)
        return self._after_posting(session, row, order, maps, rules, outbox, route, sale,
                                   summary)

    def _post(self, session, row, outbox, route, draft, digest, seq, summary, *,
              explain: Callable[[str], list[Hold]] | None = None) -> Outcome | None:
        """Post one draft through the outbox; None when confirmed, else the order's outcome
        (held with AutoCount's words, or ``explain``'s sentences for them) or
        None-with-pending counted in ``summary``."""
        if draft.kind not in route.supports:
            return self._hold(session, row, [Hold(
                HoldCode.CONFIG,
                f"The AutoCount route '{route.name}' cannot create a {draft.kind.value}; "
                "choose another document in Automation.")])
        entry = outbox.record_intent(session, row, draft, digest, seq=seq)
        already = entry.state == "confirmed"
        result = outbox.post(session, entry)
        if result.result is PostResult.POSTED:
            if not already:
                summary.posted += 1  # documents this run brought into AutoCount
                doc = result.document
                kind = draft.kind.value.replace("_", " ")
                self._note(session, row, f"Order {row.number}: posted {kind} "
                           f"{doc.doc_no if doc else draft.doc_no}")
                if result.message:
                    self._note(session, row, result.message, "warning")
            row.last_error = result.message
            session.commit()
            return None
        if result.result is PostResult.REJECTED:
            explained = explain(result.message) if explain else []
            return self._hold(session, row, explained or [Hold(
                HoldCode.AUTOCOUNT_REJECTED,
                f"{result.message.rstrip('.')}. Fix what AutoCount names (in AutoCount, or "
                "the mapping or posting setting that gives it), then Retry.",
                value=draft.doc_no or "")])
        if result.result is PostResult.DUPLICATE:
            return self._hold(session, row, [Hold(HoldCode.DUPLICATE, result.message,
                                                  value=draft.doc_no or "")])
        # no answer, or another PC holds it: resolved by lookup on the next run
        row.last_error = result.message
        row.needs_eval = True
        self._note(session, row, f"Order {row.number}: {result.message} (checked again on the "
                   "next sync, never posted twice)", "warning")
        session.commit()
        summary.pending += 1
        if result.unreachable:
            # AutoCount is not answering: stop posting this run rather than wait on every
            # order; the rest keep their place and go on the next sync
            raise AutoCountDown(
                f"AutoCount did not answer ({result.message}). Nothing was lost: the orders "
                "not yet posted go on the next sync.")
        return Outcome.NEW

    def _sale_doc_no(self, session: Session, row: OrderRow) -> str | None:
        return session.scalar(
            select(Document.doc_no).join(OrderDocument, OrderDocument.document_id == Document.id)
            .where(OrderDocument.order_id == row.id, OrderDocument.role == "sale").limit(1))

    def _after_posting(self, session, row, order, maps, rules, outbox, route, sale,
                       summary) -> Outcome | None:
        """A posted order: its marketplace fees become one credit note, refunds become credit
        notes (one per refund, in order); a cancellation or an edit of what was posted needs a
        clerk; else it stays posted."""
        if order.cancelled and not order.refunds:
            return self._hold(session, row, [Hold(
                HoldCode.CANCELLED_AFTER_POSTING,
                f"Order {order.number} was cancelled in the store after it was posted as "
                f"{sale}. Void or credit {sale} in AutoCount, then mark the order Resolved.")])
        if row.posted_hash and posting.content_hash(order) != row.posted_hash:
            return self._hold(session, row, [Hold(
                HoldCode.CHANGED_AFTER_POSTING,
                f"Order {order.number} was edited in the store after it was posted as {sale}; "
                "the AutoCount document no longer matches. Correct it in AutoCount, then mark "
                "the order Resolved.")])
        fee_note = posting.build_fee_note(order, rules, sale)  # fees are not revenue
        if isinstance(fee_note, list):
            return self._hold(session, row, fee_note)  # the sale stays posted
        if fee_note is not None:
            step = self._post(session, row, outbox, route, fee_note,
                              posting.content_hash(order), FEE_NOTE_SEQ, summary)
            if step is not None:
                return step
        refunds = sorted(order.refunds, key=lambda r: (r.created_at is None, r.created_at,
                                                       r.refund_id))
        for seq, refund in enumerate(refunds, start=1):
            built = posting.build_credit_note(order, refund, seq, maps, rules, sale)
            if isinstance(built, list):
                return self._hold(session, row, [Hold(
                    HoldCode.REFUNDED_AFTER_POSTING,
                    f"Refund {seq} of order {order.number} cannot become a credit note: "
                    f"{h.detail}", value=h.value) for h in built])
            step = self._post(session, row, outbox, route, built, posting.content_hash(order),
                              seq, summary)
            if step is not None:
                return step
        return self._set(session, row, Outcome.POSTED)

    def _hold(self, session: Session, row: OrderRow, holds: list[Hold]) -> Outcome:
        # the order row's lock queues another PC holding the same order (PostgreSQL would
        # otherwise let both delete the old reasons and both insert; SQLite queues anyway)
        session.execute(select(OrderRow.id).where(OrderRow.id == row.id).with_for_update())
        session.execute(delete(HoldRow).where(HoldRow.order_id == row.id))
        for hold in holds:
            session.add(HoldRow(order_id=row.id, code=hold.code.value, detail=hold.detail,
                                value=hold.value))
        row.reason_summary = "; ".join(str(h) for h in holds)[:2000]
        self._note(session, row, f"Order {row.number} held: {row.reason_summary}", "warning")
        return self._set(session, row, Outcome.HELD, keep_holds=True)

    def _note(self, session: Session, row: OrderRow, message: str, level: str = "info") -> None:
        """One sync-log row about one order, committed with the order's own change."""
        session.add(SyncLog(run_id=self._run_id, store_id=row.store_id, order_id=row.id,
                            at=self.deps.clock(), level=level, message=message[:2000]))

    def _set(self, session: Session, row: OrderRow, outcome: Outcome, note: str = "", *,
             keep_holds: bool = False) -> Outcome:
        if not keep_holds:
            session.execute(delete(HoldRow).where(HoldRow.order_id == row.id))
            row.reason_summary = note
        row.outcome = outcome.value
        row.needs_eval = False
        row.evaluated_at = self.deps.clock()
        session.commit()
        return outcome

    @staticmethod
    def _count(summary: RunSummary, outcome: Outcome | None) -> None:
        if outcome is Outcome.HELD:
            summary.held += 1
        elif outcome is Outcome.WAITING:
            summary.waiting += 1
        elif outcome is Outcome.IGNORED:
            summary.ignored += 1

    # --- recovery -----------------------------------------------------------------------
    def _resolve_pending(self, session, store_id, summary, cancel) -> None:
        """Entries left pending by a crash or timeout: their orders are evaluated again,
        and the outbox resolves each by lookup before any create."""
        q = select(OutboxEntry.order_id).where(OutboxEntry.state == "pending")
        if store_id is not None:
            q = q.where(OutboxEntry.store_id == store_id)
        ids = list(session.scalars(q))
        if ids:
            session.execute(update(OrderRow).where(OrderRow.id.in_(ids))
                            .values(needs_eval=True).execution_options(synchronize_session=False))
            session.commit()

    # --- bookkeeping --------------------------------------------------------------------
    def _finish(self, session, store_id, run, summary) -> None:
        session.rollback()
        run = session.get(SyncRun, run.id)
        run.ended_at = self.deps.clock()
        run.status = summary.status
        run.fetched, run.posted, run.held = summary.fetched, summary.posted, summary.held
        run.waiting, run.ignored = summary.waiting, summary.ignored
        run.errors = len(summary.errors) + summary.pending
        run.message = "; ".join(summary.errors)[:2000] or summary.line()
        if store_id is not None:
            store = session.get(Store, store_id)
            store.last_sync_at = run.ended_at
            store.last_sync_status = summary.status
            store.last_error = "; ".join(summary.errors)[:2000]
        self._log(session, run, store_id, None, summary.line(),
                  level="info" if summary.status == "ok" else "error")

    def _log(self, session, run, store_id, order_id, message, level="info") -> None:
        session.add(SyncLog(run_id=run.id if run else None, store_id=store_id,
                            order_id=order_id, at=self.deps.clock(), level=level,
                            message=message))
        session.commit()


__all__ = ["CancelToken", "DocKind", "EngineDeps", "RunSummary", "SyncEngine", "StoreBusy"]
