"""Cancel wakes every wait: a sync stuck in AutoCount's Retry-After (up to minutes) stops
within a second of Cancel, on an injected clock, and leaves nothing half-posted."""

from __future__ import annotations

import pytest

from ecdesk.sandbox.autocount import AutoCountSandbox
from ecdesk.sandbox.server import Fault, Response
from ecdesk.service import Service
from ecdesk.sync.autocount.cloud import CloudRoute
from ecdesk.sync.engine import CancelToken, EngineDeps
from ecdesk.sync.http import HttpClient, RetryPolicy
from tests.integration.test_autocount_engine import T0, Feed, creates


@pytest.fixture
def sandbox():
    sb = AutoCountSandbox(clock=lambda: T0.timestamp(), rate_limit=1000).start()
    yield sb
    sb.stop()


def test_cancel_during_retry_after_stops_the_sync_within_two_seconds(sandbox, db_url):
    now = [0.0]
    token = CancelToken()
    pressed: list[float] = []

    def sleep(seconds: float) -> None:  # the injected waiter: fake time, no real sleeping
        now[0] += seconds
        if now[0] >= 1.5 and not pressed:
            pressed.append(now[0])
            token.cancel()  # the clerk presses Cancel 1.5 s into AutoCount's 240 s pause

    http = HttpClient(sleep=sleep, clock=lambda: now[0], timeout=5,
                      retry=RetryPolicy(attempts=5, max_delay=600))
    creds = sandbox.credentials()
    deps = EngineDeps(http=http, credentials=lambda scope: {}, clock=lambda: T0,
                      worker="pc-1", make_route=lambda cfg: CloudRoute(cfg, creds, http),
                      make_connector=lambda cfg: Feed(cfg, {}, None))
    svc = Service(db_url, engine_deps=deps)
    svc.set_autocount("cloud", sandbox.url, sandbox.book, {
        "debtor_code": "300-X001", "debtor_name": "WEBSITE CUSTOMERS", "credit_term": "C.O.D.",
        "sales_location": "HQ", "sales_account": "500-1000", "shipping_item": "SHIPPING",
        "rounding_account": "907-0000", "payment_method": "FPX"})
    svc.add_store("Web", "custom", "http://127.0.0.1:9", {"doc_prefix": "WB-"})
    for kind, key, value in (("sku", "TSHIRT-RED-M", "TS-RED-M"),
                             ("shipping", "standard", "SHIPPING"), ("payment", "fpx", "FPX"),
                             ("tax", "0", "none")):
        svc.set_mapping("Web", kind, key, value)
    busy = Response.text("API calls quota exceeded! maximum admitted 100 per 1m.", 429)
    busy.headers["Retry-After"] = "240"
    sandbox.inject(Fault(response=busy, times=99, path="/invoice", method="POST"))

    summary = svc.sync("Web", cancel=token)

    assert summary.status == "cancelled" and pressed
    assert now[0] - pressed[0] <= 1.0  # returned within a second of Cancel (goal: 2 s)
    assert creates(sandbox) == 1 and sandbox.documents() == []  # refused, nothing posted
    sandbox.reset(clock=lambda: T0.timestamp(), rate_limit=1000)
    again = svc.sync("Web")  # the cancelled order kept its place: posted once, next run
    assert again.posted == 20 and again.clean and creates(sandbox) == 20
    svc.close()
    http.close()
