"""One lease helper for store syncs and outbox claims: one holder at a time, renewable by
its holder, takeable once lapsed; on PostgreSQL it runs on the server's clock, so a PC whose
clock is wrong can neither keep nor steal a lease."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ecdesk.db import Database
from ecdesk.db.models import Store
from ecdesk.sync.engine import STORE_LEASE


def test_one_holder_renewal_and_release(db_url):
    db = Database(db_url)
    now = datetime.now(UTC)
    with db.session() as s:
        store = Store(name="Web", platform="custom")
        s.add(store)
        s.commit()
        where = [Store.id == store.id]
        assert STORE_LEASE.take(s, where, "pc-1:1", lambda: now)
        assert STORE_LEASE.take(s, where, "pc-1:1", lambda: now)  # renewed by its holder
        assert not STORE_LEASE.take(s, where, "pc-2:1", lambda: now)
        STORE_LEASE.release(s, where, "pc-2:1")  # not the holder: nothing happens
        assert not STORE_LEASE.take(s, where, "pc-2:1", lambda: now)
        STORE_LEASE.release(s, where, "pc-1:1")
        assert STORE_LEASE.take(s, where, "pc-2:1", lambda: now)
        # a PC whose clock runs a day fast: on SQLite (no server clock) the lease looks lapsed
        # to it; on PostgreSQL the server's clock decides and the lease still holds
        fast = now + timedelta(days=1)
        taken = STORE_LEASE.take(s, where, "pc-3:1", lambda: fast)
        assert taken is (db.engine.dialect.name != "postgresql")
    db.dispose()
