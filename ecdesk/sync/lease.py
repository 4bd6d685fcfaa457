"""Leases: one holder at a time for a row (a store's sync, an outbox entry's post).

A lease is two columns, its owner (``<host>:<pid>``, see ``worker_id``) and the time it lapses.
Taking one is a single conditional UPDATE, so two PCs on one database can never both hold it;
a holder renews it as it works, and a lapsed lease or one held by a dead process on this PC
can be taken at once.

Time: PCs' clocks drift, so where the database has a server clock (PostgreSQL) the lease is
stamped and compared with the server's time inside the UPDATE itself (no extra round trip).
SQLite has no server: a database file is read with the clock of the PC that opens it (the
injected clock), so PCs sharing a SQLite file on a network drive need their clocks in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import DateTime, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from ecdesk.clock import Clock
from ecdesk.sync.worker_id import dead_local_worker


def lease_now(session: Session, clock: Clock) -> Any:
    """"Now" for leases: the PostgreSQL server's clock as an SQL expression (UTC, like the
    stored columns), else the injected clock's value."""
    if session.get_bind().dialect.name == "postgresql":
        return func.timezone("UTC", func.clock_timestamp(), type_=DateTime())
    return clock()


@dataclass(frozen=True)
class Lease:
    """A lease kept in ``owner`` / ``until`` columns of one table, lasting ``duration``."""

    owner: InstrumentedAttribute[Any]
    until: InstrumentedAttribute[Any]
    duration: timedelta

    def take(self, session: Session, where: list[Any], worker: str, clock: Clock) -> bool:
        """Take or renew the lease on the row ``where`` selects (atomic, committed); False
        while another live worker holds it."""
        model = self.owner.class_
        holder = session.scalar(select(self.owner).where(*where))
        now = lease_now(session, clock)
        takeable = [self.owner.is_(None), self.owner == worker, self.until < now]
        if dead_local_worker(holder):
            takeable.append(self.owner == holder)
        result = session.execute(
            update(model).where(*where, or_(*takeable))
            .values({self.owner.key: worker, self.until.key: now + self.duration})
            .execution_options(synchronize_session=False)
        )
        session.commit()
        return result.rowcount == 1

    def release(self, session: Session, where: list[Any], worker: str) -> None:
        """Give the lease back, if this worker still holds it (committed)."""
        session.execute(
            update(self.owner.class_).where(*where, self.owner == worker)
            .values({self.owner.key: None, self.until.key: None})
            .execution_options(synchronize_session=False)
        )
        session.commit()
