"""Headless figures with 100,000 stored orders: the CLI's peak RSS for a sync pass plus the
held list, the held grid's SQL, and the month-end reconciliation export."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import figure, peak_rss_mb

ROWS = 100_000


def child(url: str) -> None:
    """A fresh process: what the command line holds while it works on the big database."""
    from ecdesk.service import HeldQuery, Service

    svc = Service(url)
    t0 = time.perf_counter()
    count = svc.count_held()
    t1 = time.perf_counter()
    svc.order_summaries(svc.held_ids(HeldQuery(), 0, 200))
    t2 = time.perf_counter()
    svc.held_ids(HeldQuery(reason_code="unmapped_sku", sort="number"), 50_000, 200)
    t3 = time.perf_counter()
    svc.sync()
    svc.close()
    figure(f"held count at {count:,} rows (SQL)", (t1 - t0) * 1000, "ms")
    figure("held first page (SQL)", (t2 - t1) * 1000, "ms")
    figure("held filtered+sorted page at row 50,000 (SQL)", (t3 - t2) * 1000, "ms")
    figure(f"peak RSS, headless sync pass with {ROWS:,} stored orders", peak_rss_mb(), "MB",
           "<= 150")


def main() -> None:
    from bench.world import store_orders
    from ecdesk.service import Service

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'big.sqlite'}"
        svc = Service(url)
        store_orders(svc, ROWS)
        svc.close()
        done = subprocess.run([sys.executable, "-m", "bench.memory", url], text=True,
                              capture_output=True)
        print(done.stdout or done.stderr[-2000:], end="", flush=True)
        svc = Service(url)
        t0 = time.perf_counter()
        svc.export_reconciliation(Path(tmp) / "recon.xlsx", None, None, None)
        figure(f"month-end reconciliation of {ROWS:,} orders to Excel",
               time.perf_counter() - t0, "s")
        svc.close()


if __name__ == "__main__":
    if sys.argv[1:]:
        child(sys.argv[1])
    else:
        main()
