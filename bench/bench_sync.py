"""Sync throughput: Shopify sandbox -> ecdesk -> AutoCount sandbox over loopback, and the
held-orders grid's SQL with 100,000 held orders. Prints figures; asserts nothing."""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring

from ecdesk.db.models import HoldRow, OrderRow
from ecdesk.demo import configure, start_sandboxes
from ecdesk.secrets import MemoryKeyring
from ecdesk.service import HeldQuery, Service


def bench_sync(orders: int) -> None:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp, start_sandboxes(
        ["shopify"], orders=orders, options={"autocount": {"rate_limit": 10**9}}
    ) as world:
        svc = Service(f"sqlite:///{Path(tmp) / 'b.sqlite'}")  # real pacing and sleeps
        configure(svc, world)
        t0 = time.perf_counter()
        first = svc.sync()
        t1 = time.perf_counter()
        second = svc.sync()
        t2 = time.perf_counter()
        print(f"sync {orders} orders: first {t1 - t0:.2f}s ({orders / (t1 - t0):.0f} orders/s; "
              f"posted {first.posted}, held {first.held}); resync {t2 - t1:.2f}s "
              f"(posted {second.posted}) {first.status} {first.errors[:1]}")
        svc.close()


def bench_held_grid(rows: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        svc = Service(f"sqlite:///{Path(tmp) / 'g.sqlite'}")
        store = svc.add_store("Bench", "shopify", "http://127.0.0.1:1")
        now = datetime(2026, 11, 1, tzinfo=UTC)
        with svc.db.session() as s:
            s.bulk_insert_mappings(OrderRow, [
                {"id": i, "store_id": store.id, "external_id": str(i), "number": str(i),
                 "payload": {}, "outcome": "held", "currency": "MYR",
                 "ordered_at": now - timedelta(minutes=i), "reason_summary": "Unmapped SKU"}
                for i in range(1, rows + 1)])
            s.bulk_insert_mappings(HoldRow, [
                {"order_id": i, "code": "unmapped_sku", "detail": "x", "value": "SKU"}
                for i in range(1, rows + 1)])
            s.commit()
        t0 = time.perf_counter()
        count = svc.count_held()
        t1 = time.perf_counter()
        ids = svc.held_ids(HeldQuery(), 0, 200)
        svc.order_summaries(ids)
        t2 = time.perf_counter()
        svc.held_ids(HeldQuery(reason_code="unmapped_sku", sort="number"), 50_000, 200)
        t3 = time.perf_counter()
        print(f"held grid with {count} rows: count {1000 * (t1 - t0):.0f} ms, first page "
              f"{1000 * (t2 - t1):.0f} ms, filtered+sorted page at 50,000 "
              f"{1000 * (t3 - t2):.0f} ms")
        svc.close()


def main() -> None:
    bench_sync(500)
    bench_sync(2000)
    bench_held_grid()


if __name__ == "__main__":
    main()
