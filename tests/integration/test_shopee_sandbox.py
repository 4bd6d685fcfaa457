"""ShopeeConnector against the Shopee sandbox over loopback (fake clock, no sleeping)."""

from __future__ import annotations

import hashlib
import hmac
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from ecdesk.domain import ZERO, Platform
from ecdesk.sandbox.server import Fault, Response
from ecdesk.sandbox.shopee import ShopeeSandbox
from ecdesk.sync.connectors.base import ConfigError, StoreConfig
from ecdesk.sync.connectors.shopee import ShopeeConnector
from ecdesk.sync.http import ApiError, AuthError, HttpClient

T0 = 1_795_000_000.0


class Clock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def dt(self) -> datetime:
        return datetime.fromtimestamp(self.t, UTC)

    def sleep(self, seconds: float) -> None:  # injected into HttpClient: advances, never waits
        self.slept.append(seconds)
        self.t += seconds

    slept: list[float]


@pytest.fixture
def clock():
    c = Clock()
    c.slept = []
    return c


@pytest.fixture
def make(clock, creds):
    started = []

    def _make(orders=60, key=None, **limits):
        sb = ShopeeSandbox(clock=clock, orders=orders, **limits).start()
        started.append(sb)
        store = StoreConfig(7, "myshopee", Platform.SHOPEE, sb.url, sb.store_settings())
        creds.clear()
        creds.update(sb.credentials())
        if key:
            creds["partner_key"] = key
        http = HttpClient(sleep=clock.sleep, clock=clock)
        return sb, ShopeeConnector(store, creds, http, clock=clock.dt)

    yield _make
    for sb in started:
        sb.stop()


def _queries(sb, path):
    return [{k: v[-1] for k, v in
             parse_qs(urlsplit(r.raw_path).query, keep_blank_values=True).items()}
            for r in sb.requests if r.path.endswith(path)]


def test_all_orders_fetched_once_across_pages_and_batches(make):
    sb, conn = make(orders=260)
    conn.authorise(sb.auth_code())
    raws = list(conn.fetch_orders(None))
    ids = [r.external_id for r in raws]
    assert sorted(ids) == sorted(sb.orders) and len(ids) == len(set(ids)) == 260
    lists = _queries(sb, "/order/get_order_list")
    assert any(q["cursor"] for q in lists), "expected several pages in one window"
    assert all(int(q["page_size"]) <= 100 for q in lists)
    assert all(int(q["time_to"]) - int(q["time_from"]) <= 15 * 86400 for q in lists)
    details = _queries(sb, "/order/get_order_detail")
    assert all(1 <= len(q["order_sn_list"].split(",")) <= 50 for q in details)
    assert "item_list" in details[0]["response_optional_fields"]


def test_incremental_fetch_by_update_time(make, clock):
    sb, conn = make(orders=80)
    conn.authorise(sb.auth_code())
    since = clock.dt() - timedelta(days=5)
    got = {r.external_id for r in conn.fetch_orders(since)}
    want = {sn for sn, o in sb.orders.items()
            if o.detail["update_time"] >= since.timestamp()}
    assert got == want and 0 < len(got) < 80


def test_every_seeded_order_adds_up_and_fees_add_up_to_escrow(make):
    sb, conn = make(orders=200)
    conn.authorise(sb.auth_code())
    expected = sb.expected()
    escrows = 0
    for raw in conn.fetch_orders(None):
        o = conn.normalise(raw.payload)
        parts = (sum((ln.net for ln in o.lines), ZERO)
                 + sum((s.net for s in o.shipping), ZERO) - o.order_discount)
        assert parts == o.total, o.external_id
        assert o.disposition.value == expected[o.external_id]["disposition"]
        if raw.payload["escrow"] is not None:
            escrows += 1
            settled = o.total - sum((f.amount for f in o.fees), ZERO) - o.refunded
            assert settled == sb.settlement(o.external_id), o.external_id
    assert escrows > 150


def test_broken_total_is_off_by_one_cent_on_exactly_one_order(make):
    sb, conn = make(orders=60, broken_total=True)
    conn.authorise(sb.auth_code())
    off = []
    for raw in conn.fetch_orders(None):
        o = conn.normalise(raw.payload)
        parts = (sum((ln.net for ln in o.lines), ZERO) + sum((s.net for s in o.shipping), ZERO)
                 - o.order_discount)  # the seller's voucher comes off the invoice
        if parts != o.total:
            off.append((o.external_id, o.total - parts))
    assert len(off) == 1 and off[0][1] == D("0.01")
    assert "amount_mismatch" in sb.expected()[off[0][0]]["holds"]


def test_expected_covers_the_edge_cases(make):
    sb, _ = make(orders=60)
    exp = sb.expected()
    assert {e["disposition"] for e in exp.values()} == {"postable", "waiting", "ignored"}
    holds = set().union(*(e["holds"] for e in exp.values()))
    assert holds == {"unmapped_sku", "missing_sku", "unknown_payment", "unmapped_shipping"}


def test_expired_access_token_is_refreshed_and_sync_continues(make, creds):
    sb, conn = make(orders=120)
    conn.authorise(sb.auth_code())
    first_refresh = creds["refresh_token"]
    got = []
    for raw in conn.fetch_orders(None):
        got.append(raw.external_id)
        if len(got) == 10:
            sb.expire_access_tokens()  # the server says no mid-sync
    assert sorted(got) == sorted(sb.orders)
    assert creds["refresh_token"] != first_refresh  # rotated and saved
    assert sb.calls["/api/v2/auth/access_token/get"] == 1
    # the spent refresh token is single use
    creds["refresh_token"] = first_refresh
    with pytest.raises(AuthError, match="store auth myshopee"):
        conn._refresh()


def test_token_refreshed_before_expiry_without_a_failed_call(make, clock, creds):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    clock.t += 4 * 3600 - 120  # 2 minutes before the 4 h expiry
    conn.test_connection()
    assert sb.calls["/api/v2/auth/access_token/get"] == 1
    assert not [r for r in sb.requests if r.path.endswith("get_shop_info")
                and r is not sb.requests[-1]]
    expires = datetime.fromisoformat(creds["access_expires_at"])
    assert expires == clock.dt() + timedelta(hours=4)


def test_sandbox_expires_access_tokens_after_4_hours(make, clock, creds):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    old = creds["access_token"]
    del creds["access_expires_at"]  # the connector cannot see the expiry coming
    clock.t += 4 * 3600 + 1
    ts = int(clock.t)
    path = "/api/v2/shop/get_shop_info"
    key, pid, shop = sb.credentials()["partner_key"], str(sb.PARTNER_ID), str(sb.SHOP_ID)
    signed = hmac.new(key.encode(), f"{pid}{path}{ts}{old}{shop}".encode(),
                      hashlib.sha256).hexdigest()
    r = httpx.get(sb.url + path, params={"partner_id": pid, "timestamp": ts, "sign": signed,
                                         "access_token": old, "shop_id": shop})
    assert r.json()["error"] == "invalid_acceess_token"
    assert "Kedai" in conn.test_connection()  # refreshed on the error, then retried
    assert sb.calls["/api/v2/auth/access_token/get"] == 1 and creds["access_token"] != old


@pytest.mark.parametrize("error_status", [None, 200])
def test_wrong_partner_key_is_a_clear_auth_error(make, error_status):
    sb, conn = make(orders=5, key="not-the-key", error_status=error_status)
    with pytest.raises(AuthError) as err:
        conn.authorise(sb.auth_code())
    assert "error_sign" in str(err.value) and "partner_key" in str(err.value)
    assert "secret set myshopee partner_key" in str(err.value)


def test_sign_is_checked_byte_for_byte(make, clock):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    q = _queries(sb, "/auth/token/get")[0]
    upper = dict(q, sign=q["sign"].upper())
    r = httpx.post(sb.url + "/api/v2/auth/token/get", params=upper, json={})
    assert r.json()["error"] == "error_sign" and r.json()["message"] == "Wrong sign."


def test_unauthorised_store_says_how_to_authorise(make):
    _, conn = make(orders=5)
    with pytest.raises(ConfigError, match="store auth myshopee --code"):
        conn.test_connection()


def test_auth_partner_link_redirects_with_a_working_code(make, clock):
    sb, conn = make(orders=5)
    path, ts = "/api/v2/shop/auth_partner", int(clock.t)
    pid, key = str(sb.PARTNER_ID), sb.credentials()["partner_key"]
    signed = hmac.new(key.encode(), f"{pid}{path}{ts}".encode(), hashlib.sha256).hexdigest()
    r = httpx.get(sb.url + path, params={"partner_id": pid, "timestamp": ts, "sign": signed,
                                         "redirect": "https://example.test/cb"})
    assert r.status_code == 302
    location = httpx.URL(r.headers["location"])
    assert location.params["shop_id"] == str(sb.SHOP_ID)
    assert "authorised" in conn.authorise(location.params["code"])


def test_authorisation_code_is_single_use(make):
    sb, conn = make(orders=5)
    code = sb.auth_code()
    conn.authorise(code)
    with pytest.raises(AuthError, match="invalid_code"):
        conn.authorise(code)


def test_stale_timestamp_rejected(make, clock):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    conn.clock = lambda: clock.dt() - timedelta(minutes=6)  # this PC's clock is behind
    with pytest.raises(ApiError, match="Timestamp is expired.*date and time"):
        conn.test_connection()


@pytest.mark.parametrize("error_status", [None, 200])
def test_rate_limit_honoured_without_real_sleeping(make, clock, error_status):
    sb, conn = make(orders=40, rate_limit=3, error_status=error_status)
    conn.authorise(sb.auth_code())
    started = time.monotonic()
    got = list(conn.fetch_orders(None))
    assert len(got) == 40
    assert clock.slept, "the client should have backed off"
    assert time.monotonic() - started < 5
    assert any(r.path.endswith("get_escrow_detail_batch") for r in sb.requests)


def test_5xx_is_retried(make, clock):
    sb, conn = make(orders=30)
    conn.authorise(sb.auth_code())
    sb.inject(Fault(Response.json({"error": "error_server"}, 503), times=2,
                    path="get_order_detail"))
    assert len(list(conn.fetch_orders(None))) == 30
    assert len(clock.slept) >= 2


def test_limits_misuse_rejected_by_sandbox(make, clock):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    now = int(clock.t)
    with pytest.raises(ApiError, match="page_size"):
        conn._shop("GET", "order/get_order_list", {
            "time_range_field": "update_time", "time_from": now - 86400, "time_to": now,
            "page_size": 101, "cursor": ""})
    with pytest.raises(ApiError, match="order_list_invalid_time"):
        conn._shop("GET", "order/get_order_list", {
            "time_range_field": "update_time", "time_from": now - 16 * 86400,
            "time_to": now, "page_size": 10, "cursor": ""})
    with pytest.raises(ApiError, match="order_sn_list"):
        conn._shop("GET", "order/get_order_detail",
                   {"order_sn_list": ",".join(f"X{i}" for i in range(51))})


def test_fetch_single_order(make):
    sb, conn = make(orders=10)
    conn.authorise(sb.auth_code())
    sn = next(iter(sb.orders))
    raw = conn.fetch_order(sn)
    assert raw is not None and raw.external_id == sn
    assert conn.normalise(raw.payload).number == sn


def test_pyshopee2_client_unchanged_against_sandbox(capsys):
    """The community client ``pyshopee2`` (pyshopee package) pointed at the sandbox through
    its public ``host`` attribute; it signs with the real clock, so the sandbox does too."""
    pyshopee2 = pytest.importorskip("pyshopee2")
    with ShopeeSandbox(orders=30) as sb:
        settings = sb.store_settings()
        client = pyshopee2.Client(settings["shop_id"], settings["partner_id"],
                                  sb.credentials()["partner_key"], "https://example.test/cb")
        client.host = sb.url
        client.code = sb.auth_code()
        access, _expire, refresh = client.get_token()
        assert access and refresh
        now = int(time.time())
        listed = client.order.get_order_list(
            time_range_field="update_time", time_from=now - 15 * 86400, time_to=now,
            page_size=100, cursor="")
        assert listed["error"] == ""
        sns = [row["order_sn"] for row in listed["response"]["order_list"]]
        assert sns
        detail = client.order.get_order_detail(order_sn_list=",".join(sns[:50]),
                                               response_optional_fields="item_list")
        assert detail["error"] == "" and detail["response"]["order_list"][0]["item_list"]
        escrow = client.payment.get_escrow_detail(order_sn=sns[0])
        assert escrow["error"] == "" and "escrow_amount" in escrow["response"]["order_income"]
        # its refresh path works too (single-use refresh token rotates)
        new_access, _e, new_refresh = client.get_access_token(
            settings["shop_id"], settings["partner_id"], sb.credentials()["partner_key"],
            refresh)
        assert new_refresh != refresh
        # and a wrong key is refused with Shopee's own error
        bad = pyshopee2.Client(settings["shop_id"], settings["partner_id"], "wrong",
                               "https://example.test/cb")
        bad.host = sb.url
        bad.access_token = new_access
        refused = bad.shop.get_shop_info(timeout=10)
        assert refused["error"] == 403 or refused.get("error") == "error_sign"


def test_escrows_come_fifty_orders_a_call_and_order_by_order_where_refused(make):
    sb, conn = make(orders=120)
    conn.authorise(sb.auth_code())
    batched = {r.external_id: r.payload for r in conn.fetch_orders(None)}
    batches = [r for r in sb.requests if r.path.endswith("/get_escrow_detail_batch")]
    assert batches and all(1 <= len(r.json()["order_sn_list"]) <= 50 for r in batches)
    assert not [r for r in sb.requests if r.path.endswith("/get_escrow_detail")]
    paid = [sn for sn, o in sb.orders.items() if o.detail["order_status"] != "UNPAID"]
    assert len(batches) <= -(-len(paid) // 50) + 3  # one per detail batch (<= 50 orders)

    sb2, conn2 = make(orders=120, escrow_batch=False)
    conn2.authorise(sb2.auth_code())
    singly = {r.external_id: r.payload for r in conn2.fetch_orders(None)}
    assert len([r for r in sb2.requests if r.path.endswith("/get_escrow_detail")]) == len(paid)
    assert {sn: conn.normalise(p) for sn, p in batched.items()} == \
        {sn: conn2.normalise(p) for sn, p in singly.items()}  # the same orders either way


def test_the_escrow_batch_refuses_more_than_fifty(make):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    with pytest.raises(ApiError, match="max limit of 50"):
        conn._shop("POST", "payment/get_escrow_detail_batch",
                   body={"order_sn_list": [f"SN{i}" for i in range(51)]})
