"""The one API the window and the command line both call: a thin facade over ``services/``.

Each public method forwards to the service of its subject (:mod:`ecdesk.services`); they
own database sessions and transactions and hide SQLAlchemy and httpx from their callers:
everything they return is a plain dataclass. Methods that talk to stores or AutoCount
(``sync``, ``retry``, ``test_*``) block, so the window runs them through ``ui/workers.py``.
The dataclasses and errors callers import from here are re-exported below.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from ecdesk import secrets
from ecdesk.clock import local_midnight
from ecdesk.db import Database, data_dir
from ecdesk.db.models import now_utc
from ecdesk.errors import UsageError
from ecdesk.services import child_runs
from ecdesk.services.autocount import AutoCountService
from ecdesk.services.context import Context
from ecdesk.services.credentials import CredentialService
from ecdesk.services.mappings import MAP_KINDS, MappingService
from ecdesk.services.orders import SORT_COLUMNS, OrderQueries
from ecdesk.services.payouts import PayoutService
from ecdesk.services.records import (
    DocumentInfo,
    HeldQuery,
    HoldInfo,
    LogInfo,
    MappingInfo,
    OrderDetail,
    OrderLineInfo,
    OrderSummary,
    StoreInfo,
)
from ecdesk.services.reports import ReportService
from ecdesk.services.runs import SyncOperations
from ecdesk.services.stores import PLATFORM_PREFIX, STORE_NAME, StoreService, free_prefix
from ecdesk.sync.engine import (
    CancelToken,
    EngineDeps,
    Progress,
    RunSummary,
    SyncEngine,
    no_progress,
)
from ecdesk.sync.http import HttpClient
from ecdesk.sync.worker_id import current_worker
from ecdesk.wording import explain, hold_title

__all__ = [
    "MAP_KINDS", "PLATFORM_PREFIX", "SORT_COLUMNS", "STORE_NAME", "CancelToken", "DocumentInfo",
    "HeldQuery", "HoldInfo", "LogInfo", "MappingInfo", "OrderDetail", "OrderLineInfo",
    "OrderSummary", "Progress", "RunSummary", "Service", "StoreInfo", "UsageError",
    "data_dir", "free_prefix", "hold_title", "local_midnight",
]

F = TypeVar("F", bound=Callable[..., Any])


def _via(part: str, fn: F) -> F:
    """A facade method that forwards to ``fn`` on the service held in attribute ``part``."""

    @functools.wraps(fn)
    def method(self: Service, *args: Any, **kwargs: Any) -> Any:
        return fn(getattr(self, part), *args, **kwargs)

    return method  # type: ignore[return-value]


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
        #: built with parts of its own (tests, benches): a child process could not copy them
        self._own_parts = any(part is not None for part in (http, worker, engine_deps)) \
            or clock is not now_utc
        http = http or HttpClient()
        deps = engine_deps or EngineDeps(
            http=http, credentials=secrets.ScopedCredentials, clock=clock,
            worker=worker or current_worker(),
        )
        self.ctx = Context(Database(db_url), clock, http, deps)
        self.stores = StoreService(self.ctx)
        self.credentials = CredentialService(self.ctx)
        self.autocount = AutoCountService(self.ctx)
        self.mappings = MappingService(self.ctx)
        self.orders = OrderQueries(self.ctx)
        self.runs = SyncOperations(self.ctx, self.orders)
        self.reports = ReportService(self.ctx)
        self.settlements = PayoutService(self.ctx)
        self.credentials.adopt_legacy()  # once after migration 0003: old keyring names

    @property
    def db(self) -> Database:
        return self.ctx.db

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.ctx.clock

    @property
    def http(self) -> HttpClient:
        return self.ctx.http

    @property
    def deps(self) -> EngineDeps:
        return self.ctx.deps

    @property
    def engine(self) -> SyncEngine:
        return self.ctx.engine

    @property
    def stock(self) -> Any:
        """Stock counts, stock push and tracking (``ecdesk.services.stock``)."""
        from ecdesk.services.stock import StockService

        return StockService(self)

    def close(self) -> None:
        self.ctx.http.close()
        self.ctx.db.dispose()

    explain = staticmethod(explain)

    def run_job(self, op: str, *, progress: Progress = no_progress,
                cancel: CancelToken | None = None, **kwargs: Any) -> Any:
        """A long run (``sync``, ``sync_many``, ``retry``, ``retry_all``) in a child process
        when one can do the same work, so the window's GUI thread never waits on it
        (:mod:`ecdesk.services.child_runs`); else here. Returns what ``op`` returns."""
        if child_runs.in_process_reason(self.db.url, self._own_parts) is None:
            return child_runs.run_in_child(self.db.url, op, kwargs, progress=progress,
                                           cancel=cancel)
        return getattr(self, op)(progress=progress, cancel=cancel, **kwargs)

    # --- stores (services/stores.py) ----------------------------------------------------
    add_store = _via("stores", StoreService.add_store)
    update_store = _via("stores", StoreService.update_store)
    remove_store = _via("stores", StoreService.remove_store)
    list_stores = _via("stores", StoreService.list_stores)
    get_store = _via("stores", StoreService.get_store)
    store_names = _via("stores", StoreService.store_names)
    store_id = _via("stores", StoreService.store_id)

    # --- credentials and a store's login (services/credentials.py) ----------------------
    keyring_problem = _via("credentials", CredentialService.keyring_problem)
    set_secret = _via("credentials", CredentialService.set_secret)
    has_secret = _via("credentials", CredentialService.has_secret)
    authorise_store = _via("credentials", CredentialService.authorise_store)
    test_store = _via("credentials", CredentialService.test_store)
    list_secrets = _via("credentials", CredentialService.list_secrets)
    forget_orphans = _via("credentials", CredentialService.forget_orphans)

    # --- AutoCount connection (services/autocount.py) -----------------------------------
    set_autocount = _via("autocount", AutoCountService.set_autocount)
    autocount_settings = _via("autocount", AutoCountService.autocount_settings)
    test_autocount = _via("autocount", AutoCountService.test_autocount)
    confirm_import = _via("autocount", AutoCountService.confirm_import)
    withdraw_import = _via("autocount", AutoCountService.withdraw_import)
    list_codes = _via("autocount", AutoCountService.list_codes)
    companies = _via("autocount", AutoCountService.companies)
    add_company = _via("autocount", AutoCountService.add_company)
    remove_company = _via("autocount", AutoCountService.remove_company)

    # --- mappings (services/mappings.py) ------------------------------------------------
    set_mapping = _via("mappings", MappingService.set_mapping)
    import_mappings = _via("mappings", MappingService.import_mappings)
    export_mappings = _via("mappings", MappingService.export_mappings)
    delete_mapping = _via("mappings", MappingService.delete_mapping)
    list_mappings = _via("mappings", MappingService.list_mappings)
    unmapped = _via("mappings", MappingService.unmapped)
    unmapped_counts = _via("mappings", MappingService.unmapped_counts)

    # --- order queries (services/orders.py) ---------------------------------------------
    find_order = _via("orders", OrderQueries.find_order)
    count_held = _via("orders", OrderQueries.count_held)
    held_ids = _via("orders", OrderQueries.held_ids)
    order_summaries = _via("orders", OrderQueries.order_summaries)
    held = _via("orders", OrderQueries.held)
    held_holds = _via("orders", OrderQueries.held_holds)
    order_detail = _via("orders", OrderQueries.order_detail)
    order_payload = _via("orders", OrderQueries.order_payload)
    outcome_counts = _via("orders", OrderQueries.outcome_counts)
    hold_reason_codes = _via("orders", OrderQueries.hold_reason_codes)
    documents = _via("orders", OrderQueries.documents)

    # --- sync operations (services/runs.py) ---------------------------------------------
    sync = _via("runs", SyncOperations.sync)
    sync_many = _via("runs", SyncOperations.sync_many)
    resync_range = _via("runs", SyncOperations.resync_range)
    retry = _via("runs", SyncOperations.retry)
    retry_all = _via("runs", SyncOperations.retry_all)
    resolve = _via("runs", SyncOperations.resolve)
    preview = _via("runs", SyncOperations.preview)
    resync_order = _via("runs", SyncOperations.resync_order)
    due_stores = _via("runs", SyncOperations.due_stores)

    # --- reports and history (services/reports.py) --------------------------------------
    sync_log = _via("reports", ReportService.sync_log)
    last_runs = _via("reports", ReportService.last_runs)
    export_reconciliation = _via("reports", ReportService.export_reconciliation)
    # --- payouts (services/payouts.py) ------------------------------------------------------
    payouts = _via("settlements", PayoutService.payouts)
    payout_summaries = _via("settlements", PayoutService.payout_summaries)
    payout_of = _via("settlements", PayoutService.payout_of)
