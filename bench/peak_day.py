"""A peak sale day, AutoCount's side (issue 14): orders of four stores (Shopify, WooCommerce,
Shopee, Lazada; the marketplaces' orders each carry a fee note) posted through the real
AutoCount Cloud route to the AutoCount Cloud sandbox enforcing its documented 100 calls a
minute, once per order and once as day summaries (``posting_mode=day``: one document per
store and day, and for the marketplaces one fee note per summary).

**Simulated clock**: the sandbox, the route and the HTTP client share one clock that a wait
moves forward, so a day of AutoCount's quota takes minutes of CPU, not a day. What is
measured is AutoCount's side only: the stores' own fetch limits (Shopify's cost points,
Shopee's and Lazada's call limits) are not in these figures. Figures: simulated hours
against the floor AutoCount's limit sets (calls / 100 a minute), calls made, the share of
the quota used, and the 429s met. ``python -m bench.peak_day [ORDERS]`` (default 50,000).
"""

from __future__ import annotations

import math
import sys
import time
from datetime import UTC, date, datetime
from decimal import Decimal

from bench.common import SimClock, figure
from ecdesk.domain import DocKind, DocumentDraft, DraftLine
from ecdesk.sandbox.autocount import AutoCountSandbox
from ecdesk.sync.autocount.base import AutoCountConfig
from ecdesk.sync.autocount.cloud import CloudRoute
from ecdesk.sync.http import HttpClient, RetryPolicy

ORDERS = 50_000
STORES = (("SH-", "300-H001", False), ("WC-", "300-W001", False),
          ("SP-", "300-S001", True), ("LZ-", "300-L001", True))
DAY = date(2026, 11, 11)


START = datetime(2026, 11, 12, 2, 0, tzinfo=UTC)  # the simulated clock's start


def _draft(prefix: str, debtor: str, n: int, *, lines: int = 1) -> DocumentDraft:
    rows = [DraftLine("TS-RED-M", "Cotton T-shirt Red M", Decimal(1 + n % 3), Decimal("39.90"),
                      acc_no="500-1000", unit="UNIT", tax_code="SV-8")
            for _ in range(lines)]
    total = sum((r.amount for r in rows), Decimal(0))
    return DocumentDraft(kind=DocKind.INVOICE, doc_no=f"{prefix}{n}", ref=f"Peak {prefix}{n}",
                         doc_date=DAY, debtor_code=debtor, debtor_name="PEAK DAY",
                         credit_term="C.O.D.", sales_location="HQ", currency="MYR",
                         inclusive_tax=True, total=total, lines=rows)


def _fee_note(sale: DocumentDraft) -> DocumentDraft:
    fee = DraftLine(None, "Commission", Decimal(1), Decimal("2.40"), acc_no="908-1000")
    return DocumentDraft(kind=DocKind.CREDIT_NOTE, doc_no=f"{sale.doc_no}-F",
                         ref=f"{sale.ref} fees", doc_date=DAY, debtor_code=sale.debtor_code,
                         debtor_name="PEAK DAY", credit_term="C.O.D.", sales_location="HQ",
                         currency="MYR", inclusive_tax=False, total=fee.amount, lines=[fee],
                         our_invoice_no=sale.doc_no or "")


def run(orders: int, mode: str) -> dict[str, float]:
    """Post a peak day in ``mode`` (``order`` or ``day``); answers the figures."""
    clock = SimClock(START)
    sandbox = AutoCountSandbox(rate_limit=100).start()
    sandbox.reset(clock=clock)
    refused = [0]
    handle = sandbox._handle

    def counting(req):  # the sandbox's answers, to count its 429s
        resp = handle(req)
        refused[0] += resp.status == 429
        return resp

    sandbox._handle = counting
    http = HttpClient(sleep=clock.sleep, clock=clock, timeout=30,
                      retry=RetryPolicy(attempts=4, base_delay=1.0))
    creds = dict(sandbox.credentials())
    route = CloudRoute(AutoCountConfig(route="cloud", url=sandbox.url, book=sandbox.book),
                       creds, http, clock=clock)
    start, cpu0 = clock(), time.process_time()
    try:
        per_store = orders // len(STORES)
        for prefix, debtor, marketplace in STORES:
            if mode == "day":  # one summary per store and day: a line per item and price,
                summary = _draft(f"{prefix}D", debtor, 261111, lines=1)
                route.create(summary)
                if marketplace:  # and one fee note: a line per ledger
                    route.create(_fee_note(summary))
                continue
            for n in range(1, per_store + 1):
                sale = _draft(prefix, debtor, n)
                route.create(sale)
                if marketplace:
                    route.create(_fee_note(sale))
        calls = len(sandbox.requests)
    finally:
        http.close()
        sandbox.stop()
    took = clock() - start
    floor = (math.ceil(calls / 100) - 1) * 60  # the last minute's calls need no wait
    minutes = max(1, math.ceil(took / 60))  # minutes begun, each worth 100 calls
    return {"calls": calls, "refused": refused[0], "hours": took / 3600,
            "ratio": took / floor if floor else 1.0, "share": calls / (minutes * 100),
            "cpu": time.process_time() - cpu0}


def main(orders: int = ORDERS) -> None:
    for mode, label in (("order", "one document per order"), ("day", "day summaries")):
        f = run(orders, mode)
        figure(f"peak day of {orders:,} orders, {label}: simulated time against AutoCount's "
               f"floor ({f['calls']:,.0f} AutoCount calls, {f['hours']:.1f} simulated hours, "
               f"{f['refused']:,.0f} refused with 429; simulated clock, AutoCount's side only; "
               f"{f['cpu']:.0f} s of CPU)", f["ratio"], "x floor", "<= 1.1")
        if mode == "order":
            figure(f"peak day, one document per order: share of AutoCount's 100 calls a "
                   f"minute used ({f['calls']:,.0f} calls)", f["share"], "of quota", ">= 0.95")


if __name__ == "__main__":
    main(int(next((a for a in sys.argv[1:] if a.isdigit()), ORDERS)))
