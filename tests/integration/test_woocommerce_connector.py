"""WooCommerceConnector against the WooCommerce sandbox over loopback (no real sleeping)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from ecdesk.domain import Platform
from ecdesk.sandbox.server import Fault, Response
from ecdesk.sandbox.woocommerce import WooCommerceSandbox, html_fault
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.woocommerce import MAX_PER_PAGE, WooCommerceConnector
from ecdesk.sync.http import ApiError, AuthError, HttpClient, RateLimited, RetryPolicy

T0 = datetime(2026, 11, 20, 4, 0, tzinfo=UTC).timestamp()


class Clock:
    """One fake clock for the sandbox (epoch float) and the connector (datetime)."""

    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def dt(self) -> datetime:
        return datetime.fromtimestamp(self.t, UTC)

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds

    slept: list[float]


@pytest.fixture
def clock():
    c = Clock()
    c.slept = []
    return c


@pytest.fixture
def sandbox(clock):
    with WooCommerceSandbox(clock=clock, orders=60, seed=1) as sb:
        yield sb


def make(sandbox, creds, clock, **settings):
    creds.update(sandbox.credentials())
    store = StoreConfig(1, "woo", Platform.WOOCOMMERCE, sandbox.url,
                        {**sandbox.store_settings(), **settings})
    http = HttpClient(sleep=clock.sleep, retry=RetryPolicy(attempts=4, base_delay=1.0))
    return WooCommerceConnector(store, creds, http, clock=clock.dt)


def orders_calls(sandbox):
    return [r for r in sandbox.requests if r.path.endswith("/orders")]


def test_all_orders_fetched_exactly_once_across_pages(sandbox, creds, clock):
    conn = make(sandbox, creds, clock, page_size="7")
    raws = list(conn.fetch_orders(None))
    ids = [r.external_id for r in raws]
    assert len(ids) == len(set(ids)) == 60
    assert set(ids) == set(sandbox.expected())
    calls = orders_calls(sandbox)
    # 60 / 7 per page, each page re-reading the second it ended in (pitfall 3)
    assert 9 <= len(calls) <= 10
    for req in calls:
        assert req.arg("per_page") == "7" and req.arg("status") == "any"
        assert req.arg("orderby") == "modified" and req.arg("order") == "asc"
        assert "oauth_signature" in req.query  # plain http: OAuth 1.0a, never Basic
        assert "authorization" not in req.headers


class EditedWhilePaging(WooCommerceSandbox):
    """Someone saves an order from page one while the connector is on page one: with offset
    paging every later row shifts back one place and one order would never be read."""

    edited = False

    def _list_orders(self, req):
        resp = super()._list_orders(req)
        if not self.edited and req.arg("page") == "1":
            self.edited = True
            first = min(self.data.orders.values(), key=lambda o: (o["modified"], o["id"]))
            self.touch(first["id"])
        return resp


def test_an_order_edited_while_paging_does_not_push_another_out(clock, creds):
    with EditedWhilePaging(clock=clock, orders=40, seed=5) as sb:
        conn = make(sb, creds, clock, page_size="10")
        ids = [r.external_id for r in conn.fetch_orders(None)]
        assert set(ids) == set(sb.expected())  # nobody skipped
        assert len(ids) == 41  # the edited order comes again in its new version


def test_page_size_is_never_above_100(sandbox, creds, clock):
    conn = make(sandbox, creds, clock, page_size="500")
    assert conn.page_size == MAX_PER_PAGE
    assert len(list(conn.fetch_orders(None))) == 60
    assert {r.arg("per_page") for r in orders_calls(sandbox)} == {"100"}


def test_sandbox_rejects_per_page_101_like_woocommerce(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    with pytest.raises(ApiError) as err:
        conn._get("/orders", {"per_page": 101})
    assert err.value.status == 400
    assert err.value.body["code"] == "rest_invalid_param"
    assert err.value.body["data"]["params"]["per_page"] == (
        "per_page must be between 1 (inclusive) and 100 (inclusive)")


def test_incremental_fetch_returns_only_orders_modified_since(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    everything = list(conn.fetch_orders(None))
    cutoff = sorted(r.updated_at for r in everything)[40]
    recent = list(conn.fetch_orders(cutoff))
    want = {r.external_id for r in everything if r.updated_at >= cutoff}
    assert {r.external_id for r in recent} == want
    assert len(recent) == len(want)
    assert [r.updated_at for r in recent] == sorted(r.updated_at for r in recent)


def test_partial_refund_without_date_modified_is_still_seen(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    first = list(conn.fetch_orders(None))
    target = next(r for r in first if r.payload["status"] == "completed"
                  and not r.payload["refunds"] and len(r.payload["line_items"]) > 1)
    clock.t += 3600
    since = clock.dt()
    clock.t += 60
    line = target.payload["line_items"][1]
    rid = sandbox.refund(target.external_id, line_id=line["id"], reason="Damaged")
    # the quirk: the order's date_modified did not move, so the listing alone misses it
    listing = conn._get("/orders", {"modified_after": since.replace(tzinfo=None).isoformat(),
                                    "dates_are_gmt": "true"}).json()
    assert target.external_id not in {str(o["id"]) for o in listing}
    again = list(conn.fetch_orders(since))
    assert [r.external_id for r in again] == [target.external_id]
    order = conn.normalise(again[0].payload)
    assert [r.refund_id for r in order.refunds] == [str(rid)]
    refund = order.refunds[0]
    expected = (Decimal(line["total"]) + Decimal(line["total_tax"])) / line["quantity"]
    assert refund.amount == expected.quantize(Decimal("0.01"))
    assert refund.lines == [(str(line["id"]), Decimal(1))]
    assert refund.reason == "Damaged" and refund.created_at == clock.dt()


def test_refund_poll_falls_back_on_stores_before_wc9(clock, creds):
    with WooCommerceSandbox(clock=clock, orders=30, seed=2, refunds_endpoint=False) as sb:
        conn = make(sb, creds, clock)
        first = list(conn.fetch_orders(None))
        target = next(r for r in first if r.payload["status"] == "processing"
                      and not r.payload["refunds"])
        clock.t += 3600
        since = clock.dt()
        sb.refund(target.external_id, Decimal("1.00"))
        again = {r.external_id: r for r in conn.fetch_orders(since)}
        assert target.external_id in again
        assert conn.normalise(again[target.external_id].payload).refunded == Decimal("1.00")
        assert any(r.path.endswith("/refunds") and r.path.count("/") == 4
                   for r in sb.requests)  # tried GET /refunds first, got rest_no_route


def test_fetch_order_by_id_and_unknown_id(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    some = next(iter(sandbox.expected()))
    assert conn.fetch_order(some).external_id == some
    assert conn.fetch_order("999999") is None


def test_test_connection_sentence(sandbox, creds, clock):
    text = make(sandbox, creds, clock).test_connection()
    assert "OAuth 1.0a" in text and "60 orders" in text


def test_wrong_secret_gives_auth_error_in_words(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    creds["consumer_secret"] = "cs_wrong"
    with pytest.raises(AuthError) as err:
        list(conn.fetch_orders(None))
    assert "Invalid signature - provided signature does not match." in str(err.value)
    assert "consumer key and secret" in str(err.value)


def test_unknown_key_gives_auth_error(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    creds["consumer_key"] = "ck_nobody"
    with pytest.raises(AuthError, match="Consumer key is invalid"):
        conn.test_connection()


def test_clock_skew_is_named(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    conn.clock = lambda: clock.dt() - timedelta(minutes=20)
    with pytest.raises(AuthError, match="Invalid timestamp.*date and time"):
        conn.test_connection()


def test_html_429_from_host_is_honoured_without_sleeping(clock, creds):
    with WooCommerceSandbox(clock=clock, orders=30, requests_per_window=2,
                            window_seconds=30) as sb:
        conn = make(sb, creds, clock, page_size="10")
        ids = [r.external_id for r in conn.fetch_orders(None)]
        assert len(ids) == len(set(ids)) == 30
        throttled = [s for s in clock.slept if s > 0]
        assert throttled and all(s <= 30 for s in throttled)


def test_html_503_is_retried_then_succeeds(sandbox, creds, clock):
    sandbox.inject(html_fault(503, times=2))
    conn = make(sandbox, creds, clock)
    assert len(list(conn.fetch_orders(None))) == 60
    assert clock.slept == [1.0, 1.0]


def test_html_error_page_is_not_parsed_as_json(sandbox, creds, clock):
    page = Response(403, b"<html><body>Forbidden by mod_security</body></html>",
                    {"Content-Type": "text/html"})
    sandbox.inject(Fault(page))
    with pytest.raises(ApiError, match="web page instead of data"):
        make(sandbox, creds, clock).test_connection()


def test_429_still_throttled_after_retries_raises_rate_limited(sandbox, creds, clock):
    sandbox.inject(html_fault(429, times=10, retry_after="5"))
    with pytest.raises(RateLimited):
        make(sandbox, creds, clock).test_connection()
    assert clock.slept == [5.0, 5.0, 5.0]


def test_basic_auth_when_the_store_counts_as_https(clock, creds):
    with WooCommerceSandbox(clock=clock, orders=20, ssl_emulation=True) as sb:
        conn = make(sb, creds, clock)  # store_settings() -> auth=basic
        assert len(list(conn.fetch_orders(None))) == 20
        assert all(r.headers["authorization"].startswith("Basic ")
                   for r in orders_calls(sb))
        creds["consumer_secret"] = "cs_wrong"
        with pytest.raises(AuthError, match="Consumer secret is invalid"):
            conn.test_connection()


def test_query_string_keys_when_the_host_strips_authorization(clock, creds):
    with WooCommerceSandbox(clock=clock, orders=20, ssl_emulation=True,
                            strip_authorization=True) as sb:
        conn = make(sb, creds, clock, auth="query")
        assert len(list(conn.fetch_orders(None))) == 20
        assert all(r.arg("consumer_key") == sb.consumer_key for r in orders_calls(sb))
        conn = make(sb, creds, clock, auth="basic")
        with pytest.raises(AuthError, match="Sorry, you cannot list resources"):
            conn.test_connection()  # plain http URL: no automatic fallback to query keys


def test_dispositions_match_expected_over_the_wire(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    expected = sandbox.expected()
    got = {r.external_id: conn.normalise(r.payload).disposition.value
           for r in conn.fetch_orders(None)}
    assert got == {k: v["disposition"] for k, v in expected.items()}
    assert Counter(got.values())["postable"] >= 40


class ForwardTo(httpx.BaseTransport):
    """Plays the network between ``https://shop.example`` and the loopback sandbox."""

    def __init__(self, target: str) -> None:
        self.target = httpx.URL(target)
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(scheme="http", host=self.target.host,
                                            port=self.target.port)
        return self.inner.handle_request(request)


def test_https_store_falls_back_to_query_keys_when_authorization_is_stripped(clock, creds):
    with WooCommerceSandbox(clock=clock, orders=25, ssl_emulation=True,
                            strip_authorization=True) as sb:
        creds.update(sb.credentials())
        store = StoreConfig(1, "woo", Platform.WOOCOMMERCE, "https://shop.example")
        http = HttpClient(sleep=clock.sleep, transport=ForwardTo(sb.url))
        conn = WooCommerceConnector(store, creds, http, clock=clock.dt)
        assert len(list(conn.fetch_orders(None))) == 25
        calls = orders_calls(sb)
        assert calls[0].headers["authorization"].startswith("Basic ")  # stripped by the host
        assert "consumer_key" not in calls[0].query
        assert all(r.arg("consumer_secret") == sb.consumer_secret for r in calls[1:])
        assert len(calls) == 2  # one refused Basic call, then query keys for the rest
