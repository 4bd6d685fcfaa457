"""LazadaConnector against the Lazada sandbox over loopback (fake clock, no sleeping)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from urllib.parse import parse_qs

import httpx
import pytest

from ecdesk.domain import ZERO, Platform
from ecdesk.sandbox.lazada import LazadaSandbox
from ecdesk.sandbox.server import Fault, Response
from ecdesk.sync.connectors import lazada as lazada_module
from ecdesk.sync.connectors.base import ConfigError, StoreConfig
from ecdesk.sync.connectors.lazada import LazadaConnector
from ecdesk.sync.http import ApiError, AuthError, HttpClient

T0 = 1_795_000_000.0


class Clock:
    def __init__(self) -> None:
        self.t = T0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def dt(self) -> datetime:
        return datetime.fromtimestamp(self.t, UTC)

    def sleep(self, seconds: float) -> None:  # injected: advances the fake clock, never waits
        self.slept.append(seconds)
        self.t += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def make(clock, creds):
    started = []

    def _make(orders=60, secret=None, **limits):
        sb = LazadaSandbox(clock=clock, orders=orders, **limits).start()
        started.append(sb)
        store = StoreConfig(9, "mylazada", Platform.LAZADA, sb.url, sb.store_settings())
        creds.clear()
        creds.update(sb.credentials())
        if secret:
            creds["app_secret"] = secret
        http = HttpClient(sleep=clock.sleep, clock=clock)
        return sb, LazadaConnector(store, creds, http, clock=clock.dt)

    yield _make
    for sb in started:
        sb.stop()


def _params(sb, api):
    out = []
    for r in sb.requests:
        if r.path.endswith(api):
            p = {k: v[-1] for k, v in r.query.items()}
            if r.body:
                p.update({k: v[-1] for k, v in parse_qs(r.body.decode()).items()})
            out.append(p)
    return out


def test_all_orders_fetched_once_across_pages_and_batches(make):
    sb, conn = make(orders=260)
    conn.authorise(sb.auth_code())
    ids = [r.external_id for r in conn.fetch_orders(None)]
    assert sorted(ids) == sorted(sb.orders) and len(set(ids)) == 260
    pages = [p for p in _params(sb, "/orders/get") if "sort_by" in p]
    assert [p["offset"] for p in pages] == ["0", "100", "200"]
    assert all(int(p["limit"]) <= 100 and p["sort_by"] == "updated_at" for p in pages)
    # and one call counting the shop's orders before its finance rows are read by range
    assert [p["limit"] for p in _params(sb, "/orders/get") if "sort_by" not in p] == ["1"]
    batches = _params(sb, "/orders/items/get")
    assert all(1 <= len(p["order_ids"].strip("[]").split(",")) <= 50 for p in batches)
    assert not [r for r in sb.requests if r.path.endswith(("/order/pack", "/order/rts"))]


def test_offset_cap_moves_the_window(make, monkeypatch):
    monkeypatch.setattr(lazada_module, "MAX_OFFSET", 100)
    sb, conn = make(orders=250, offset_max=100)
    conn.authorise(sb.auth_code())
    ids = [r.external_id for r in conn.fetch_orders(None)]
    assert sorted(ids) == sorted(sb.orders) and len(set(ids)) == 250
    assert all(int(p["offset"]) <= 100 for p in _params(sb, "/orders/get"))
    assert len({p["update_after"] for p in _params(sb, "/orders/get")}) > 1


def test_more_orders_changed_in_one_second_than_offsets_reach_are_read_by_creation_time(
        make, monkeypatch):
    monkeypatch.setattr(lazada_module, "MAX_OFFSET", 100)
    sb, conn = make(orders=400, offset_max=100)
    conn.authorise(sb.auth_code())
    released = sb.release_all()  # a payout run: every paid order changed in one second
    assert len(released) > 200  # more than offsets 0 and 100 reach
    ids = [r.external_id for r in conn.fetch_orders(None)]
    assert sorted(ids) == sorted(sb.orders) and len(set(ids)) == 400
    pages = _params(sb, "/orders/get")
    assert all(int(p["offset"]) <= 100 for p in pages)
    split = [p for p in pages if "created_after" in p]  # the crowded second, by creation
    assert len({(p["created_after"], p["created_before"]) for p in split}) > 2
    assert all(p["update_after"] == p["update_before"] for p in split)


def test_incremental_fetch_by_update_time(make, clock):
    sb, conn = make(orders=80)
    conn.authorise(sb.auth_code())
    since = clock.dt() - timedelta(days=5)
    got = {r.external_id for r in conn.fetch_orders(since)}
    want = {oid for oid, o in sb.orders.items() if o.updated >= int(since.timestamp())}
    assert got == want and 0 < len(got) < 80


def test_every_seeded_order_adds_up_and_fees_add_up_to_settlement(make):
    sb, conn = make(orders=200)
    conn.authorise(sb.auth_code())
    expected = sb.expected()
    settled = 0
    for raw in conn.fetch_orders(None):
        o = conn.normalise(raw.payload)
        parts = (sum((ln.net for ln in o.lines), ZERO) + sum((s.net for s in o.shipping), ZERO)
                 - o.order_discount)  # the seller's voucher comes off the invoice
        assert parts == o.total, o.number
        assert o.disposition.value == expected[o.external_id]["disposition"]
        if raw.payload["transactions"] is not None:
            settled += 1
            net = o.total - sum((f.amount for f in o.fees), ZERO) - o.refunded
            assert net == sb.settlement(o.external_id), o.number
    assert settled > 150


def test_broken_total_is_off_by_one_cent_on_exactly_one_order(make):
    sb, conn = make(orders=60, broken_total=True)
    conn.authorise(sb.auth_code())
    off = []
    for raw in conn.fetch_orders(None):
        o = conn.normalise(raw.payload)
        parts = (sum((ln.net for ln in o.lines), ZERO) + sum((s.net for s in o.shipping), ZERO)
                 - o.order_discount)
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
    rates = {it["tax_amount"] == "0.00" for o in sb.orders.values() for it in o.items}
    assert rates == {True, False}


def test_expired_access_token_is_refreshed_and_sync_continues(make, creds):
    sb, conn = make(orders=120)
    conn.authorise(sb.auth_code())
    first_refresh = creds["refresh_token"]
    got = []
    for raw in conn.fetch_orders(None):
        got.append(raw.external_id)
        if len(got) == 10:
            sb.expire_access_tokens()
    assert sorted(got) == sorted(sb.orders)
    assert sb.calls["/auth/token/refresh"] == 1
    assert creds["refresh_token"] != first_refresh
    creds["refresh_token"] = first_refresh
    with pytest.raises(AuthError, match="IllegalRefreshToken"):
        conn._refresh()


def test_token_refreshed_30_minutes_before_expiry(make, clock, creds):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    clock.t += 30 * 86400 - 20 * 60
    conn.test_connection()
    assert sb.calls["/auth/token/refresh"] == 1
    assert datetime.fromisoformat(creds["access_expires_at"]) == clock.dt() + timedelta(
        days=30)


def test_sandbox_expires_access_tokens_after_30_days(make, clock, creds):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    old = creds["access_token"]
    del creds["access_expires_at"]  # the connector cannot see the expiry coming
    clock.t += 30 * 86400 + 1
    assert "Kedai" in conn.test_connection()  # IllegalAccessToken -> refresh -> retried
    assert sb.calls["/auth/token/refresh"] == 1 and creds["access_token"] != old
    codes = [r for r in sb.requests if r.path.endswith("/seller/get")]
    assert len(codes) == 2  # one refused with the old token, one accepted


def test_oauth_authorize_redirects_with_a_working_code(make):
    sb, conn = make(orders=5)
    root = sb.url[: -len("/rest")]
    r = httpx.get(root + "/oauth/authorize", params={
        "response_type": "code", "force_auth": "true", "client_id": sb.APP_KEY,
        "redirect_uri": "https://example.test/cb"})
    assert r.status_code == 302
    location = httpx.URL(r.headers["location"])
    assert str(location).startswith("https://example.test/cb?code=")
    assert "authorised" in conn.authorise(location.params["code"])


def test_retired_fulfilment_apis_are_refused(make):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    with pytest.raises(ApiError, match="retired"):
        conn._call("/order/pack", {"order_item_ids": "[1]"})


def test_wrong_app_secret_is_a_clear_auth_error(make):
    sb, conn = make(orders=5, secret="not-the-secret")
    with pytest.raises(AuthError) as err:
        conn.authorise(sb.auth_code())
    assert "IncompleteSignature" in str(err.value)
    assert "secret set mylazada app_secret" in str(err.value)


def test_unauthorised_store_says_how_to_authorise(make):
    _, conn = make(orders=5)
    with pytest.raises(ConfigError, match="store auth mylazada --code"):
        conn.test_connection()


def test_authorisation_code_is_single_use(make):
    sb, conn = make(orders=5)
    code = sb.auth_code()
    conn.authorise(code)
    with pytest.raises(AuthError, match="InvalidCode"):
        conn.authorise(code)


def test_stale_timestamp_rejected(make, clock):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    conn.clock = lambda: clock.dt() - timedelta(hours=3)
    with pytest.raises(ApiError, match="InvalidTimestamp.*date and time"):
        conn._call("/seller/get")


def test_api_call_limit_honoured_without_real_sleeping(make, clock):
    sb, conn = make(orders=40, rate_limit=3)
    conn.authorise(sb.auth_code())
    started = time.monotonic()
    assert len(list(conn.fetch_orders(None))) == 40
    assert clock.slept and set(clock.slept) == {1.0}
    assert time.monotonic() - started < 5


def test_5xx_is_retried(make, clock):
    sb, conn = make(orders=30)
    conn.authorise(sb.auth_code())
    sb.inject(Fault(Response.json({"code": "ServiceUnavailable"}, 503), times=2,
                    path="/orders/items/get"))
    assert len(list(conn.fetch_orders(None))) == 30
    assert len(clock.slept) >= 2


def test_limits_misuse_rejected_by_sandbox(make, clock):
    sb, conn = make(orders=5)
    conn.authorise(sb.auth_code())
    after = (clock.dt() - timedelta(days=3)).isoformat(timespec="seconds")
    with pytest.raises(ApiError, match="Invalid Limit"):
        conn._call("/orders/get", {"update_after": after, "limit": 101, "offset": 0})
    with pytest.raises(ApiError, match="Invalid Offset"):
        conn._call("/orders/get", {"update_after": after, "limit": 10, "offset": 5001})
    with pytest.raises(ApiError, match="1 to 50 ids"):
        conn._call("/orders/items/get",
                   {"order_ids": "[" + ",".join(str(i) for i in range(51)) + "]"})
    with pytest.raises(ApiError, match="180 days"):
        conn._call("/finance/transaction/details/get",
                   {"start_time": "2026-01-01", "end_time": "2026-07-01", "limit": 10})
    with pytest.raises(ApiError, match="limit"):
        conn._call("/finance/transaction/details/get",
                   {"start_time": "2026-01-01", "end_time": "2026-02-01", "limit": 501})


def test_fetch_single_order(make):
    sb, conn = make(orders=10)
    conn.authorise(sb.auth_code())
    oid = next(iter(sb.orders))
    raw = conn.fetch_order(oid)
    assert raw is not None and raw.external_id == oid
    assert conn.normalise(raw.payload).number == str(sb.orders[oid].order["order_number"])


def test_lazop_sdk_unchanged_against_sandbox():
    """Lazada's official Python SDK, pointed at the sandbox by its server URL only."""
    base = pytest.importorskip("lazop_sdk.base")
    with LazadaSandbox(orders=30) as sb:
        key, secret = sb.store_settings()["app_key"], sb.credentials()["app_secret"]
        client = base.LazopClient(sb.url, key, secret)
        create = base.LazopRequest("/auth/token/create")  # POST, form body
        create.add_api_param("code", sb.auth_code())
        tokens = client.execute(create)
        assert tokens.code == "0", tokens.body
        token = tokens.body["access_token"]

        listing = base.LazopRequest("/orders/get", "GET")
        after = datetime.fromtimestamp(time.time() - 40 * 86400, UTC).isoformat(
            timespec="seconds")
        listing.add_api_param("update_after", after)
        listing.add_api_param("sort_by", "updated_at")
        listing.add_api_param("limit", "100")
        listing.add_api_param("offset", "0")
        orders = client.execute(listing, token)
        assert orders.code == "0", orders.body
        ids = [str(o["order_id"]) for o in orders.body["data"]["orders"]]
        assert sorted(ids) == sorted(sb.orders)

        items = base.LazopRequest("/orders/items/get", "GET")
        items.add_api_param("order_ids", "[" + ",".join(ids[:50]) + "]")
        got = client.execute(items, token)
        assert got.code == "0" and len(got.body["data"]) == 30

        refresh = base.LazopRequest("/auth/token/refresh")
        refresh.add_api_param("refresh_token", tokens.body["refresh_token"])
        assert client.execute(refresh).code == "0"

        wrong = base.LazopClient(sb.url, key, "wrong-secret")
        refused = wrong.execute(base.LazopRequest("/seller/get", "GET"), token)
        assert (refused.type, refused.code) == ("ISV", "IncompleteSignature")
