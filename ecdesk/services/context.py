"""What every service shares: the database, the clock, the HTTP client, the engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import Database
from ecdesk.db.models import Store
from ecdesk.errors import UsageError
from ecdesk.sync.engine import EngineDeps, SyncEngine
from ecdesk.sync.http import HttpClient


@dataclass
class Context:
    """One per :class:`~ecdesk.service.Service`; the services hold it, never copy it."""

    db: Database
    clock: Callable[[], datetime]
    http: HttpClient
    deps: EngineDeps

    def session(self) -> Session:
        return self.db.session()

    @property
    def engine(self) -> SyncEngine:
        return SyncEngine(self.db, self.deps)

    @staticmethod
    def store(s: Session, name: str) -> Store:
        """The store called ``name``, or a :class:`UsageError` listing the stores there are."""
        store = s.scalars(select(Store).where(Store.name == name)).one_or_none()
        if store is None:  # names ignore case and spaces ("shop a " is "Shop A")
            from ecdesk.store_identity import name_key

            store = next((st for st in s.scalars(select(Store))
                          if name_key(st.name) == name_key(name)), None)
        if store is None:
            names = ", ".join(s.scalars(select(Store.name).order_by(Store.name))) or "none yet"
            raise UsageError(f"No store named '{name}' (stores: {names}).")
        return store

    def store_id(self, name: str | None) -> int | None:
        """The id of the store called ``name`` (``None`` for every store)."""
        if not name:
            return None
        with self.session() as s:
            return self.store(s, name).id
