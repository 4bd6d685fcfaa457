"""``make bench``: every figure, one line each (``name: value unit (goal: ...)``).

``python -m bench NAME...`` runs only those modules. To add figures: a module under bench/
with ``main()`` that prints through :func:`bench.common.figure`, and one line below.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys

FIGURES = (
    "throughput",  # ingest+post over loopback, 10,000 orders
    "pipeline",  # the pipeline alone, orders/s on one core
    "memory",  # 100,000 stored orders: peak RSS headless, held SQL, reconciliation export
    "gui",  # cold start, held grid at 100,000 rows, window RSS, GUI stall during a sync
    "stock_push",  # stock: quantities pushed per store
    "fuzz",  # 10,000 mutated payloads per connector: problems found
    "peak_day",  # 50,000 orders of four stores, each service at its limits (simulated clock)
    "shopify_backfill",  # 5,000 Shopify orders at Standard limits: paging vs bulk (sim. clock)
    "lazada_finance",  # 2,000 Lazada orders: finance rows by date range vs one call per order
)


def main(names: list[str]) -> None:
    logging.disable(logging.WARNING)  # figures only (book-code notices and the like)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"# ecdesk figures on {os.cpu_count()} CPUs, load average {load:.1f}", flush=True)
    for name in names or FIGURES:
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
