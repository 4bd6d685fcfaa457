"""A Shopify backfill at Standard limits (GraphQL bucket 2,000 points, 100 points a second
restored; reference/shopify-woocommerce-contracts.md §1.7): the whole history of a store of
5,000 orders fetched by the real connector from the Shopify sandbox over loopback, three ways:

* ``paging_fixed``: pages of 8 orders x 5 line items x 3 shipping lines (the connector before
  pages were sized: the worst case kept under 1,000 requested points);
* ``paging_sized``: pages sized after each page by what Shopify reported (``PageShape``);
* ``bulk``: one ``bulkOperationRunQuery`` (the connector's choice for a window of 250 orders
  or more), its polls, the JSONL download and the refunds' line items by ``nodes(ids:)``.

**Simulated clock**: the sandbox, the HTTP client and the connector share one clock that only a
wait (the bucket's pacing, a bulk poll's back-off) moves, so the figures are the time Shopify's
limits impose, not loopback time; the real seconds (this machine's CPU for the same run) are
printed too. How fast Shopify runs a bulk operation is not published: the sandbox assumes
:data:`BULK_STARTUP` seconds before it starts and :data:`BULK_RATE` JSONL objects a second,
an assumption the bulk figure depends on (the paging figures do not).
``python -m bench.shopify_backfill [ORDERS]`` (default 5,000).
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import UTC, datetime

from bench.common import SimClock, figure
from ecdesk.domain import Platform
from ecdesk.sandbox.shopify import ShopifySandbox
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.shopify import ShopifyConnector
from ecdesk.sync.http import HttpClient, RetryPolicy

ORDERS = 5_000
BUCKET, RESTORE = 2_000.0, 100.0  # Standard plan (§1.7)
BULK_STARTUP, BULK_RATE = 5.0, 500.0  # assumed: seconds before it runs, objects a second
MODES = {"paging_fixed": {"page_size": "8", "bulk_threshold": "0"},
         "paging_sized": {"bulk_threshold": "0"},
         "bulk": {}}


START = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # the simulated clock's start


def run(orders: int, settings: dict[str, str]) -> tuple[int, float, int, float]:
    """(orders fetched, simulated seconds, calls made, real seconds) of one backfill."""
    clock = SimClock(START)
    with ShopifySandbox(clock=clock, orders=orders, maximum_available=BUCKET,
                        restore_rate=RESTORE, bulk_startup=BULK_STARTUP,
                        bulk_rate=BULK_RATE, bulk_polls=None) as sb:
        http = HttpClient(retry=RetryPolicy(), sleep=clock.sleep, clock=clock)
        store = StoreConfig(1, "bench", Platform.SHOPIFY, sb.url,
                            {**sb.store_settings(), **settings})
        conn = ShopifyConnector(store, {"access_token": sb.access_token}, http, clock=clock.dt)
        start, wall = clock.t, time.perf_counter()
        fetched = len({raw.external_id for raw in conn.fetch_orders(None)})
        return fetched, clock.t - start, len(sb.requests), time.perf_counter() - wall


def main(orders: int = ORDERS) -> None:
    logging.disable(logging.WARNING)
    print(f"# shopify_backfill: {orders:,} orders, bucket {BUCKET:,.0f} points restored "
          f"{RESTORE:.0f}/s (Standard); simulated clock; bulk assumes {BULK_STARTUP:.0f} s "
          f"to start and {BULK_RATE:,.0f} objects/s", flush=True)
    for mode, settings in MODES.items():
        fetched, simulated, calls, real = run(orders, settings)
        if fetched != orders:
            print(f"# {mode}: fetched {fetched} of {orders} orders", flush=True)
        goal = "<= 300" if mode == "bulk" else ""
        figure(f"shopify_backfill_{mode}_simulated", simulated, "s", goal)
        figure(f"shopify_backfill_{mode}_calls", calls, "calls")
        figure(f"shopify_backfill_{mode}_real", real, "s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ORDERS)
