"""What one run carries: its summary, progress, cancellation and the sync log it writes.

A :class:`RunContext` is passed to every step of a run (fetch, evaluate, post) instead of
eight loose arguments; :class:`RunSummary` is what the run answers to the service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ecdesk.clock import Clock
from ecdesk.db.models import OrderRow, SyncLog
from ecdesk.sync.cancel import CancelToken, SyncCancelled
from ecdesk.sync.http import ApiError

if TYPE_CHECKING:
    from ecdesk.domain import Order
    from ecdesk.sync.autocount.base import AutoCountRoute
    from ecdesk.sync.book_codes import BookCodes
    from ecdesk.sync.outbox import Outbox


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str) -> None: ...


def no_progress(done: int, total: int, message: str) -> None:
    pass


class AutoCountDown(ApiError):
    """AutoCount stopped answering mid-run; posting resumes on the next sync."""


class StoreBusy(Exception):
    """Another ecdesk (another PC) is syncing this store right now."""


#: how many waiting orders a summary names
LEFT_SHOWN = 10


@dataclass
class RunSummary:
    store: str = ""
    fetched: int = 0
    posted: int = 0  # documents created (or found after a lost answer) in this run
    held: int = 0
    waiting: int = 0
    ignored: int = 0
    pending: int = 0  # AutoCount did not answer: resolved by lookup next run
    exported: int = 0  # import-file route: documents written for AutoCount's import
    errors: list[str] = field(default_factory=list)
    status: str = "ok"  # ok | failed | config | cancelled | busy
    #: orders a run that stopped early left for the next sync, and why
    left: int = 0
    left_orders: list[str] = field(default_factory=list)  # their numbers (the first few)
    left_reason: str = ""

    @property
    def clean(self) -> bool:
        return self.held == 0 and self.pending == 0 and not self.errors and self.status == "ok"

    def add(self, other: RunSummary) -> None:
        for name in ("fetched", "posted", "held", "waiting", "ignored", "pending", "exported"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        if other.status != "ok" and self.status == "ok":
            self.status = other.status
        if other.left:
            self.left += other.left
            self.left_orders.extend(other.left_orders[:LEFT_SHOWN - len(self.left_orders)])
            self.left_reason = self.left_reason or other.left_reason

    def line(self) -> str:
        text = (f"{self.store or 'all stores'}: fetched {self.fetched} orders, posted "
                f"{self.posted} documents, held {self.held}, waiting {self.waiting}, "
                f"ignored {self.ignored}")
        if self.pending:
            text += f", {self.pending} awaiting AutoCount"
        if self.exported:
            text += f", exported {self.exported} for AutoCount's import"
        if self.left:
            text += f"; {self.left_line()}"
        if self.status != "ok":
            text += f" [{self.status}]"
        return text

    def left_line(self) -> str:
        """Which orders wait for the next sync and why (empty when none do)."""
        if not self.left:
            return ""
        more = self.left - len(self.left_orders)
        shown = ", ".join(self.left_orders) + (f" and {more} more" if more > 0 else "")
        return (f"{self.left} order{'s' if self.left != 1 else ''} wait for the next sync "
                f"({self.left_reason}): {shown}")


@dataclass
class RunContext:
    """One run (a store's sync, or a retry): the session it works in, what it reports, and
    what it has already worked out (the route, orders normalised while fetching)."""

    session: Session
    run_id: int | None  # None outside a recorded run
    store_id: int | None  # None for a retry across stores
    summary: RunSummary
    clock: Clock
    progress: Progress = no_progress
    cancel: CancelToken = field(default_factory=CancelToken)
    count_attempt: bool = False  # a clerk's retry counts as an attempt on each order
    #: renews the store's lease during a long run (no-op for a retry)
    keep_alive: Callable[[], None] = lambda: None
    #: orders normalised while fetching, by (store id, external id): evaluated without
    #: normalising again
    normalised: dict[tuple[int, str], Order] = field(default_factory=dict)
    route: AutoCountRoute | None = None
    outbox: Outbox | None = None
    book: BookCodes | None = None  # the AutoCount book's codes, read once per run
    #: orders the evaluation did not finish when the run stopped early
    unfinished: list[int] | None = None
    #: what the orders of the chunk being evaluated already have (their sale, summary
    #: membership, outbox entries), read in a few SELECTs for the chunk: by order id, each
    #: used once by that order's evaluation (ecdesk.sync.evaluate.OrderFacts)
    known: dict[int, Any] = field(default_factory=dict)
    #: orders known to have no hold reasons stored (settling them deletes none)
    no_holds: set[int] = field(default_factory=set)
    #: the outcome the run's counts hold for each order it has counted (outcomes.count)
    counted: dict[int, Any] = field(default_factory=dict)

    def check_cancel(self) -> None:
        if self.cancel.cancelled:
            raise SyncCancelled

    def note(self, row: OrderRow, message: str, level: str = "info") -> None:
        """One sync-log row about one order, committed with the order's own change (an
        INSERT in the session's transaction at once: no ORM object to flush for it)."""
        self.session.connection().execute(insert(SyncLog.__table__).values(
            run_id=self.run_id, store_id=row.store_id, order_id=row.id, at=self.clock(),
            level=level, message=message[:2000]))

    def log(self, message: str, level: str = "info") -> None:
        """One sync-log row about the run (committed at once)."""
        self.session.add(SyncLog(run_id=self.run_id, store_id=self.store_id, order_id=None,
                                 at=self.clock(), level=level, message=message))
        self.session.commit()
