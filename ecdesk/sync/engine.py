"""The sync engine: one store's sync (ingest, then evaluate and post), a clerk's retry, a
single order's refetch, and a preview.

One store per run, under a lease so two PCs never sync one store at once (several stores'
runs go side by side: ``side_by_side``; they post in turn). The steps live
in their own modules: ``ingest`` (fetch, upsert, snapshot), ``evaluate`` (normalise, match,
draft) and ``post_step`` / ``outbox`` (exactly-once posting); each step gets the run's
:class:`~ecdesk.sync.run.RunContext`. A sync and a retry share one error path: whatever
stops a run is in its summary and in the sync log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ecdesk.clock import Clock, now_utc
from ecdesk.db import Database
from ecdesk.db.models import OrderRow, OutboxEntry, Store, SyncRun
from ecdesk.domain import DocKind
from ecdesk.secrets import MissingSecret, NoKeyringError
from ecdesk.sync import book_codes, exports, summary_post
from ecdesk.sync.autocount.base import (
    CODE_KIND_PLURALS,
    AutoCountConfig,
    AutoCountRoute,
    Unsupported,
)
from ecdesk.sync.books import MAIN, store_book, stores_of
from ecdesk.sync.cancel import cancel_scope
from ecdesk.sync.connectors import connector_class
from ecdesk.sync.connectors.base import (
    ConfigError,
    Connector,
    CredentialStore,
    PayloadError,
    StoreConfig,
)
from ecdesk.sync.evaluate import FEE_NOTE_SEQ, Evaluator, to_evaluate
from ecdesk.sync.http import ApiError, AuthError, HttpClient
from ecdesk.sync.ingest import COMMIT_EVERY, Ingest, payload_hash
from ecdesk.sync.lease import Lease
from ecdesk.sync.outbox import Outbox
from ecdesk.sync.preview import preview
from ecdesk.sync.run import (
    LEFT_SHOWN,
    AutoCountDown,
    CancelToken,
    Progress,
    RunContext,
    RunSummary,
    StoreBusy,
    SyncCancelled,
    no_progress,
)
from ecdesk.sync.side_by_side import PostingTurn, Runner, side_by_side
from ecdesk.sync.store_settings import (
    autocount_config,
    get_settings,
    load_maps,
    mark_for_review,
    store_config,
)
from ecdesk.sync.worker_id import current_worker

log = logging.getLogger(__name__)

STORE_LEASE = Lease(Store.lease_owner, Store.lease_until, timedelta(minutes=5))
#: what a clerk must fix (set-up or credentials) rather than wait out
CONFIG_ERRORS = (AuthError, ConfigError, MissingSecret, NoKeyringError)


@dataclass
class EngineDeps:
    """What the engine needs from outside: HTTP, time, credentials, route/connector makers."""

    http: HttpClient
    credentials: Callable[[str], CredentialStore]  # scope -> store
    clock: Clock = now_utc
    worker: str = field(default_factory=current_worker)
    make_route: Callable[[AutoCountConfig], AutoCountRoute] | None = None
    make_connector: Callable[[StoreConfig], Connector] | None = None
    #: test hook: runs after AutoCount created a document, before ecdesk confirms it
    after_create: Callable[[OutboxEntry], None] | None = None
    #: runs several stores' syncs at once (benches give one that knows their clock)
    side_by_side: Runner = side_by_side
    #: one store of this service posts at a time (``ecdesk.sync.side_by_side``)
    posting_turn: PostingTurn = field(default_factory=PostingTurn)


class SyncEngine:
    def __init__(self, db: Database, deps: EngineDeps) -> None:
        self.db = db
        self.deps = deps
        self.ingest = Ingest(deps.clock)
        self.evaluator = Evaluator(self.connector)

    # --- factories ----------------------------------------------------------------------
    def connector(self, store: Store) -> Connector:
        cfg = store_config(store)
        if self.deps.make_connector is not None:
            return self.deps.make_connector(cfg)
        cls = connector_class(store.platform)
        return cls(cfg, self.deps.credentials(self.scope(store)), self.deps.http,
                   clock=self.deps.clock)

    def scope(self, store: Store | None = None) -> str:
        """The keyring scope of ``store`` (or of AutoCount): this database's uid and the
        store's, never its reusable id (ecdesk.secrets)."""
        from sqlalchemy.orm import object_session

        from ecdesk.db import database_uid
        from ecdesk.secrets import owner_scope

        session = object_session(store) if store is not None else None
        if session is not None:
            return owner_scope(database_uid(session), store.uid)
        with self.db.session() as s:
            return owner_scope(database_uid(s), store.uid if store is not None else None)

    def book_scope(self, book: str = MAIN) -> str:
        """The keyring scope of an AutoCount book (the main one, or a company's)."""
        from ecdesk.db import database_uid
        from ecdesk.secrets import owner_scope

        with self.db.session() as s:
            return owner_scope(database_uid(s), book_uid=book)

    def route(self, session: Session, book: str = MAIN) -> AutoCountRoute:
        """The route to ``book`` (:mod:`ecdesk.sync.books`; the main book by default)."""
        cfg = autocount_config(session, book)
        if self.deps.make_route is not None:
            return self.deps.make_route(cfg)
        from ecdesk.db import database_uid
        from ecdesk.secrets import owner_scope
        from ecdesk.sync.autocount import route_class

        scope = owner_scope(database_uid(session), book_uid=book)
        return route_class(cfg.route)(cfg, self.deps.credentials(scope), self.deps.http)

    def outbox(self, route: AutoCountRoute) -> Outbox:
        return Outbox(route, self.deps.worker, self.deps.clock, after_create=self.deps.after_create)

    # --- lease --------------------------------------------------------------------------
    def _lease(self, session: Session, store_id: int) -> bool:
        """Take or renew the store's lease; False while another live worker has it."""
        return STORE_LEASE.take(session, [Store.id == store_id], self.deps.worker,
                                self.deps.clock)

    def _unlease(self, session: Session, store_id: int) -> None:
        STORE_LEASE.release(session, [Store.id == store_id], self.deps.worker)

    def _turn(self, ctx: RunContext) -> AbstractContextManager[None]:
        """This store's turn to post (``side_by_side``): it keeps its lease, says it waits."""
        name = ctx.summary.store
        return self.deps.posting_turn.held(self.deps.http.sleep, ctx.keep_alive, lambda: (
            ctx.progress(0, 0, f"{name}: fetched; posts when the store posting now is done")))

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
        close_days: Collection[date] = (),
    ) -> RunSummary:
        """Fetch the store's changed orders (or the [since, until] window) and post them;
        then its day summaries that are due, and those of ``close_days`` at once."""
        with self.db.session() as session:
            store = session.get(Store, store_id)
            assert store is not None
            summary = RunSummary(store=store.name)
            if not self._lease(session, store_id):
                summary.status = "busy"
                summary.errors.append(f"{store.name} is being synced on another computer.")
                return summary
            ctx = self._start(session, SyncRun(store_id=store_id, trigger=trigger), summary,
                              progress=progress, cancel=cancel)
            ctx.keep_alive = lambda: self._lease(session, store_id)  # renewed as it goes

            def run() -> None:
                ctx.log(f"Sync of {store.name} started")
                self._resolve_pending(session, store_id)
                try:
                    self.ingest.fetch(ctx, store, self.connector(store), since=since,
                                      until=until)
                except AuthError:
                    raise
                except (ApiError, PayloadError) as exc:  # the store or a dropped file failed
                    # mid-fetch: post what was saved, then say what failed
                    session.commit()
                    with self._turn(ctx):
                        self._evaluate(ctx, to_evaluate(session, store_id))
                    raise exc
                with self._turn(ctx):
                    self._evaluate(ctx, to_evaluate(session, store_id), close=close_days)

            try:
                self._run(ctx, run, label=f"{store.name}: ")
            finally:
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
        ids = list(order_ids)
        summary = RunSummary(store="retry")
        with self.db.session() as session:
            ctx = self._start(session, SyncRun(store_id=None, kind="retry", trigger="manual"),
                              summary, progress=progress, cancel=cancel)
            ctx.count_attempt = True

            def run() -> None:
                ctx.log(f"Retry of {len(ids)} orders started")
                self._resolve_pending(session, None)
                self._evaluate(ctx, ids)

            self._run(ctx, run, label="")
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
                self.ingest.upsert(session, store, connector, raw)
                session.commit()
        return self.retry([order_id])

    def preview(self, order_id: int) -> dict[str, Any]:
        """What evaluating the order would do now, without posting anything."""
        with self.db.session() as session:
            row = session.get(OrderRow, order_id)
            assert row is not None
            return preview(session, row, self.connector(row.store))

    # --- one run, one error path ----------------------------------------------------------
    def _start(self, session: Session, run: SyncRun, summary: RunSummary, *,
               progress: Progress, cancel: CancelToken | None) -> RunContext:
        run.started_at = self.deps.clock()
        session.add(run)
        session.commit()
        return RunContext(session=session, run_id=run.id, store_id=run.store_id,
                          summary=summary, clock=self.deps.clock, progress=progress,
                          cancel=cancel or CancelToken())

    def _run(self, ctx: RunContext, body: Callable[[], None], *, label: str) -> None:
        """Run ``body``; whatever stops it goes into the summary and the sync log."""
        summary = ctx.summary
        why = ""  # why orders were left for the next sync, if the run stopped early
        try:
            with cancel_scope(ctx.cancel):  # every wait below wakes on Cancel
                body()
        except SyncCancelled:
            summary.status, why = "cancelled", "the sync was cancelled"
        except CONFIG_ERRORS as exc:
            self._failed(ctx, "config", f"{label}{exc}")  # a clerk must fix set-up
            why = "set-up or credentials need fixing"
        except AutoCountDown as exc:
            self._failed(ctx, "failed", f"{label}{exc}")
            why = "AutoCount did not answer"
        except (ApiError, Unsupported, PayloadError) as exc:
            self._failed(ctx, "failed", f"{label}{exc}")
            why = "the sync stopped on an error"
        except Exception as exc:  # a bug must not stop the other stores or lose orders
            log.exception("run %s failed", ctx.run_id)
            ctx.session.rollback()
            self._failed(ctx, "failed", (
                f"{label}ecdesk hit an unexpected error ({type(exc).__name__}: {exc}). "
                "Nothing was lost; the next sync starts where this one stopped. If it "
                "happens again, send the sync log to support."))
            why = "ecdesk hit an unexpected error"
        finally:
            if why:
                self._note_left(ctx, why)
            self._finish(ctx)

    def _note_left(self, ctx: RunContext, why: str) -> None:
        """Name the orders a run that stopped early left for the next sync, and why."""
        session = ctx.session
        session.rollback()
        ids = ctx.unfinished
        if ids is None:  # stopped before evaluating: whatever this store had to look at
            ids = to_evaluate(session, ctx.store_id) if ctx.store_id is not None else []
        if not ids:
            return
        numbers = dict(session.execute(select(OrderRow.id, OrderRow.number)
                                       .where(OrderRow.id.in_(ids[:LEFT_SHOWN]))).all())
        summary = ctx.summary
        summary.left = len(ids)
        summary.left_orders = [numbers.get(i) or f"id {i}" for i in ids[:LEFT_SHOWN]]
        summary.left_reason = why
        ctx.log(summary.left_line(), level="warning")

    @staticmethod
    def _failed(ctx: RunContext, status: str, message: str) -> None:
        ctx.summary.status = status
        ctx.summary.errors.append(message)
        ctx.log(message, level="error")

    def _evaluate(self, ctx: RunContext, ids: list[int], *, close: Collection[date] = ()
                  ) -> None:
        """Evaluate and post ``ids``, then (a store's run) its day summaries that are due,
        and the days in ``close`` (the clerk's ``--close-day``)."""
        store = ctx.session.get(Store, ctx.store_id) if ctx.store_id is not None else None
        summaries = store is not None and summary_post.has_work(ctx.session, store)
        if not ids and not summaries:
            return
        ctx.route = self.route(ctx.session, store_book(store) if store is not None else MAIN)
        ctx.outbox = self.outbox(ctx.route)
        ctx.book = book_codes.BookCodes(ctx.route)
        ctx.outbox.prefetch(ctx.session, ctx.store_id)  # a stopped run's creates, at once

        def body() -> None:
            self.evaluator.evaluate(ctx, ids)
            if summaries:
                assert store is not None
                env = self.evaluator.env_for(ctx, store)
                summary_post.SummaryCloser(
                    ctx, store, connector=env.connector, maps=env.maps, rules=env.rules,
                    evaluate=self.evaluator.evaluate).run(close)

        if exports.exports_to_file(ctx.route):
            self._evaluate_for_import(ctx, body)
        else:
            body()
        for kind, reason in ctx.book.unlisted.items():
            ctx.log(f"{CODE_KIND_PLURALS[kind].capitalize()} were not checked against "
                    f"the AutoCount book before posting: {reason}", level="warning")

    def _evaluate_for_import(self, ctx: RunContext, body: Callable[[], None]) -> None:
        """Import-file route: documents a read of the book shows imported are confirmed
        first; what this run stages goes into its workbook whatever stops the run."""
        route, outbox, session = ctx.route, ctx.outbox, ctx.session
        assert route is not None and outbox is not None
        store = session.get(Store, ctx.store_id) if ctx.store_id is not None else None
        stores = stores_of(session, store_book(store)) if store is not None else None
        exports.confirm_by_reading(session, route,
                                   lambda e, d: outbox.confirm_elsewhere(session, e, d),
                                   stores=stores)
        try:
            body()
        finally:
            for name in exports.flush(session, route, self.deps.worker, self.deps.clock,
                                      stores=stores):
                ctx.log(f"Wrote {name} for AutoCount's import")

    def _resolve_pending(self, session: Session, store_id: int | None) -> None:
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

    def _finish(self, ctx: RunContext) -> None:
        session, summary = ctx.session, ctx.summary
        session.rollback()
        run = session.get(SyncRun, ctx.run_id)
        assert run is not None
        run.ended_at = self.deps.clock()
        run.status = summary.status
        run.fetched, run.posted, run.held = summary.fetched, summary.posted, summary.held
        run.waiting, run.ignored = summary.waiting, summary.ignored
        run.errors = len(summary.errors) + summary.pending
        run.message = "; ".join(summary.errors)[:2000] or summary.line()
        if ctx.store_id is not None:
            store = session.get(Store, ctx.store_id)
            store.last_sync_at = run.ended_at
            store.last_sync_status = summary.status
            store.last_error = "; ".join(summary.errors)[:2000]
        ctx.log(summary.line(), level="info" if summary.status == "ok" else "error")


__all__ = [
    "AutoCountDown", "COMMIT_EVERY", "CancelToken", "DocKind", "EngineDeps", "FEE_NOTE_SEQ",
    "Progress", "RunSummary", "StoreBusy", "SyncCancelled", "SyncEngine", "autocount_config",
    "get_settings", "load_maps", "mark_for_review", "no_progress", "payload_hash",
    "store_config",
]
