"""Ingest + post over loopback at zero latency: the Shopify sandbox -> ecdesk -> the
AutoCount sandbox, quotas lifted, so the figure is ecdesk's and the sandboxes' own cost."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import keyring

from bench.common import figure
from ecdesk.demo import configure, start_sandboxes
from ecdesk.secrets import MemoryKeyring
from ecdesk.service import Service

ORDERS = 10_000
UNLIMITED = {"autocount": {"rate_limit": 10**9},
             "shopify": {"maximum_available": 1e9, "restore_rate": 1e9}}


def main(orders: int = ORDERS) -> None:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp, start_sandboxes(
            ["shopify"], orders=orders, options=UNLIMITED) as world:
        svc = Service(f"sqlite:///{Path(tmp) / 'b.sqlite'}")
        configure(svc, world)
        t0, c0 = time.perf_counter(), time.process_time()
        first = svc.sync()
        t1, cpu = time.perf_counter(), time.process_time() - c0
        again = svc.sync()
        t2 = time.perf_counter()
        svc.close()
    figure(f"ingest+post over loopback, {orders:,} Shopify orders ({first.posted:,} posted, "
           f"{first.held:,} held; {orders / cpu:,.0f} orders per CPU-second, sandboxes "
           "included)", orders / (t1 - t0), "orders/s")
    figure(f"resync of the same {orders:,} orders ({again.posted} posted)", t2 - t1, "s")


if __name__ == "__main__":
    main()
