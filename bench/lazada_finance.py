"""Lazada finance calls of one fetch: the rows read by date range once (``lazada_finance``)
against one ``/finance/transaction/details/get`` call per postable order, for a backfill of
``ORDERS`` orders from the Lazada sandbox (simulated clock; its default call limit).

Figures: finance calls by range, finance calls per order (the same fetch with the range
turned off), and every Lazada call of the fetch. ``python -m bench.lazada_finance [ORDERS]``
(default 2,000).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from bench.common import SimClock, figure
from ecdesk.domain import Platform
from ecdesk.sandbox.lazada import LazadaSandbox
from ecdesk.sync.connectors import lazada_finance
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.lazada import LazadaConnector
from ecdesk.sync.http import HttpClient

ORDERS = 2_000
FINANCE = "/finance/transaction/details/get"


class _Creds(dict):
    def set(self, key: str, value: str) -> None:
        self[key] = value


def _fetch(orders: int) -> tuple[dict[str, int], int]:
    clock = SimClock(datetime(2026, 12, 4, 2, 0, tzinfo=UTC))
    with LazadaSandbox(clock=clock, orders=orders, seed=3) as sb:
        store = StoreConfig(1, "bench", Platform.LAZADA, sb.url, sb.store_settings())
        conn = LazadaConnector(store, _Creds(sb.credentials()),
                               HttpClient(sleep=clock.sleep, clock=clock), clock=clock.dt)
        conn.authorise(sb.auth_code())
        sb.calls.clear()
        served = sum(r.payload["transactions"] is not None for r in conn.fetch_orders(None))
        return dict(sb.calls), served


def main(argv: list[str] | None = None) -> None:
    orders = int((argv or [])[0]) if argv else ORDERS
    ranged, served = _fetch(orders)
    floor, lazada_finance.RANGE_MIN_ORDERS = lazada_finance.RANGE_MIN_ORDERS, 10 ** 9
    try:
        alone, _ = _fetch(orders)
    finally:
        lazada_finance.RANGE_MIN_ORDERS = floor
    figure(f"lazada finance calls, {orders:,} orders ({served:,} postable), by range",
           ranged.get(FINANCE, 0), "calls", f"<= {max(10, served // 25)}")
    figure(f"lazada finance calls, {orders:,} orders, one per order", alone.get(FINANCE, 0),
           "calls")
    figure(f"lazada calls of the fetch, {orders:,} orders, by range",
           sum(ranged.values()), "calls")
    figure(f"lazada calls of the fetch, {orders:,} orders, one per order",
           sum(alone.values()), "calls")


if __name__ == "__main__":
    main(sys.argv[1:])
