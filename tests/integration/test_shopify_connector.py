"""ShopifyConnector against the Shopify sandbox over loopback, with a fake clock and sleep."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from ecdesk.domain import Disposition, Platform
from ecdesk.sandbox.server import Fault, Response
from ecdesk.sandbox.shopify import INVALID_TOKEN, ShopifySandbox
from ecdesk.sync.connectors.base import ConfigError, StoreConfig
from ecdesk.sync.connectors.shopify import ORDERS_PAGE, ShopifyConnector, gql_datetime
from ecdesk.sync.http import ApiError, AuthError, HttpClient, RetryPolicy

START = datetime(2026, 11, 20, 4, 0, tzinfo=UTC).timestamp()


class FakeClock:
    """One clock for the sandbox, the HTTP client and the connector; sleeping advances it."""

    def __init__(self, now: float = START) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    def dt(self) -> datetime:
        return datetime.fromtimestamp(self.now, UTC)


@pytest.fixture
def clock():
    return FakeClock()


def start(clock: FakeClock, **kw) -> ShopifySandbox:
    return ShopifySandbox(clock=clock, **kw).start()


def connect(sb: ShopifySandbox, clock: FakeClock, creds, attempts: int = 5,
            **settings: str) -> ShopifyConnector:
    http = HttpClient(retry=RetryPolicy(attempts=attempts, base_delay=1.0), sleep=clock.sleep,
                      clock=clock)
    store = StoreConfig(7, "kedai", Platform.SHOPIFY, sb.url,
                        {**sb.store_settings(), **settings})
    return ShopifyConnector(store, creds, http, clock=clock.dt)


def order_calls(sb: ShopifySandbox) -> list:
    return [r for r in sb.requests if r.path.endswith("graphql.json")
            and b"EcdeskOrders" in r.body]


def token_calls(sb: ShopifySandbox) -> list:
    return [r for r in sb.requests if r.path == "/admin/oauth/access_token"]


def test_pages_through_every_order_exactly_once_and_completes_nested_lines(clock, creds):
    with start(clock, orders=45) as sb:
        creds.update(sb.credentials())
        raws = list(connect(sb, clock, creds).fetch_orders(None))
        ids = [r.external_id for r in raws]
        assert sorted(ids) == sorted(str(o.id) for o in sb.orders)
        assert len(ids) == len(set(ids)) == 45
        firsts = [json.loads(r.body)["variables"]["first"] for r in order_calls(sb)]
        assert sum(firsts) >= 45 and len(firsts) < -(-45 // ORDERS_PAGE)  # none twice
        # oldest change first (sortKey UPDATED_AT)
        stamps = [r.updated_at for r in raws]
        assert stamps == sorted(stamps)
        many = [o for o in sb.orders if o.kind == "many_lines"]
        assert many
        for seeded in many:
            raw = next(r for r in raws if r.external_id == str(seeded.id))
            assert len(raw.payload["lineItems"]["nodes"]) == 7
            assert raw.payload["lineItems"]["pageInfo"]["hasNextPage"] is False
        assert any(b"EcdeskLines" in r.body for r in sb.requests)


def test_incremental_fetch_returns_only_orders_changed_since(clock, creds):
    with start(clock, orders=40) as sb:
        creds.update(sb.credentials())
        con = connect(sb, clock, creds)
        assert len(list(con.fetch_orders(None))) == 40
        synced_at = clock.dt()
        clock.now += 3600
        touched = {str(sb.touch(sb.orders[3].id).id), str(sb.touch(sb.orders[17].id).id)}
        again = list(con.fetch_orders(synced_at))
        assert {r.external_id for r in again} == touched
        assert "updated_at:>=" in order_calls(sb)[-1].body.decode()
        # the window starts where ingest says (it took the overlap off the cursor, once)
        assert f"updated_at:>='{gql_datetime(synced_at)}'" in order_calls(sb)[-1].body.decode()
        assert list(con.fetch_orders(clock.dt() + timedelta(minutes=11))) == []


def test_until_bounds_the_window(clock, creds):
    with start(clock, orders=30) as sb:
        creds.update(sb.credentials())
        cut = sorted(o.updated_at for o in sb.orders)[9]
        raws = list(connect(sb, clock, creds).fetch_orders(None, until=cut))
        assert {r.external_id for r in raws} == {
            str(o.id) for o in sb.orders if o.updated_at <= cut}


def test_static_token_wrong_is_a_clear_auth_error(clock, creds):
    with start(clock, orders=5) as sb:
        creds["access_token"] = "shpat_not_the_right_one"
        with pytest.raises(AuthError) as err:
            list(connect(sb, clock, creds).fetch_orders(None))
        text = str(err.value)
        assert "refused" in text and "kedai" in text and "access_token" in text
        assert err.value.status == 401
        assert err.value.body == {"errors": INVALID_TOKEN}
        assert token_calls(sb) == []  # a static token is never swapped behind the clerk's back


def test_wrong_client_secret_is_a_clear_auth_error(clock, creds):
    with start(clock, orders=5) as sb:
        creds.update({"client_id": sb.CLIENT_ID, "client_secret": "shpss_wrong"})
        with pytest.raises(AuthError, match="client ID and secret"):
            connect(sb, clock, creds).test_connection()
        assert "oauth_access_token" not in creds


def test_no_credentials_is_a_config_error_naming_the_keys(clock, creds):
    with start(clock, orders=5) as sb:
        with pytest.raises(ConfigError, match="client_secret"):
            connect(sb, clock, creds).test_connection()


def test_static_token_works_without_client_credentials(clock, creds):
    with start(clock, orders=12) as sb:
        creds["access_token"] = sb.access_token
        con = connect(sb, clock, creds)
        assert "Kedai Contoh" in con.test_connection()
        assert len(list(con.fetch_orders(None))) == 12
        assert token_calls(sb) == []


def test_429_with_retry_after_and_500_are_retried_and_nothing_is_lost(clock, creds):
    with start(clock, orders=30) as sb:
        creds.update(sb.credentials())
        con = connect(sb, clock, creds)
        list(con.fetch_orders(None))  # warm: token obtained
        clock.slept.clear()
        sb.inject(Fault(Response.json({"errors": "Exceeded 2 calls per second for api client."},
                                      429, {"Retry-After": "2.0"}), path="graphql.json"))
        sb.inject(Fault(Response.text("<html>Internal error</html>", 500), times=2,
                        path="graphql.json"))
        raws = list(con.fetch_orders(None))
        assert sorted(r.external_id for r in raws) == sorted(str(o.id) for o in sb.orders)
        assert len(raws) == 30
        # Retry-After honoured (2.0), then exponential backoff for the two 500s (attempts 2, 3)
        assert clock.slept[:3] == [2.0, 2.0, 4.0]


def test_persistent_5xx_gives_up_in_words(clock, creds):
    with start(clock, orders=3) as sb:
        creds["access_token"] = sb.access_token
        sb.inject(Fault(Response.text("busy", 503), times=10, path="graphql.json"))
        with pytest.raises(ApiError, match="HTTP 503"):
            list(connect(sb, clock, creds, attempts=3).fetch_orders(None))


def test_throttled_waits_what_the_bucket_needs_then_paces_itself(clock, creds):
    with start(clock, orders=40, maximum_available=1000, restore_rate=50) as sb:
        creds["access_token"] = sb.access_token
        sb.bucket.available = 100  # another app of this shop used the bucket up
        # bulk_threshold 0: no ordersCount first, so the first call is the page itself
        raws = list(connect(sb, clock, creds, bulk_threshold="0").fetch_orders(None))
        assert len({r.external_id for r in raws}) == 40
        assert sb.throttled == 1  # throttled once; paced itself afterwards
        first_wait = clock.slept[0]
        requested = 2 + ORDERS_PAGE * 110  # the orders query's requested cost
        assert first_wait == pytest.approx((requested - 100) / 50)
        assert len(clock.slept) > 1  # later waits come from pacing, not from THROTTLED


def test_throttled_as_http_429_is_handled_too(clock, creds):
    body = {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
            "extensions": {"cost": {"requestedQueryCost": 882, "actualQueryCost": None,
                                    "throttleStatus": {"maximumAvailable": 2000.0,
                                                       "currentlyAvailable": 682,
                                                       "restoreRate": 100.0}}}}
    with start(clock, orders=10) as sb:
        creds["access_token"] = sb.access_token
        sb.inject(Fault(Response.json(body, 429), path="graphql.json"))
        raws = list(connect(sb, clock, creds, attempts=1).fetch_orders(None))
        assert len(raws) == 10
        assert clock.slept == [pytest.approx(2.0)]


def test_client_credentials_token_is_saved_and_renewed_when_expired(clock, creds):
    with start(clock, orders=10, expires_in=3600) as sb:
        creds.update(sb.credentials())
        con = connect(sb, clock, creds)
        assert len(list(con.fetch_orders(None))) == 10
        first = creds["oauth_access_token"]
        expires = datetime.fromisoformat(creds["oauth_expires_at"])
        assert expires == clock.dt() + timedelta(seconds=3600)
        assert len(token_calls(sb)) == 1
        list(con.fetch_orders(None))
        assert len(token_calls(sb)) == 1  # still fresh: reused
        clock.now += 3600  # the sandbox now refuses the old token
        assert len(list(con.fetch_orders(None))) == 10
        assert len(token_calls(sb)) == 2
        assert creds["oauth_access_token"] != first
        assert not any(r.headers.get("x-shopify-access-token") == first
                       for r in sb.requests[-3:])


def test_token_refused_before_expiry_is_renewed_once(clock, creds):
    with start(clock, orders=6) as sb:
        creds.update(sb.credentials())
        con = connect(sb, clock, creds)
        con.test_connection()
        sb.revoke_tokens()  # e.g. the app's secret was rotated: saved token now 401s
        assert len(list(con.fetch_orders(None))) == 6
        assert len(token_calls(sb)) == 2
        sb.inject(Fault(Response.json({"errors": INVALID_TOKEN}, 401), times=2,
                        path="graphql.json"))
        with pytest.raises(AuthError, match="refused it as well"):
            con.test_connection()
        assert len(token_calls(sb)) == 3  # renewed once, not in a loop


@pytest.mark.parametrize(("status", "kind", "words"), [
    (403, AuthError, "read_orders"), (402, ApiError, "unpaid bill"), (423, ApiError, "locked"),
    (404, ApiError, "store URL"),
])
def test_refusals_are_explained(clock, creds, status, kind, words):
    with start(clock, orders=2) as sb:
        creds["access_token"] = sb.access_token
        sb.inject(Fault(Response.json({"errors": "refused"}, status), path="graphql.json"))
        with pytest.raises(kind, match=words) as err:
            connect(sb, clock, creds).test_connection()
        assert err.value.status == status


def test_access_denied_in_graphql_errors_is_an_auth_error(clock, creds):
    body = {"data": None, "errors": [{"message": "Access denied for orders field. Required "
                                                 "access: `read_orders` access scope.",
                                      "extensions": {"code": "ACCESS_DENIED"}}]}
    with start(clock, orders=2) as sb:
        creds["access_token"] = sb.access_token
        sb.inject(Fault(Response.json(body), path="graphql.json"))
        with pytest.raises(AuthError, match="read_all_orders"):
            list(connect(sb, clock, creds).fetch_orders(None))


def test_page_size_over_the_limit_is_rejected(clock, creds):
    with start(clock, orders=3) as sb:
        creds["access_token"] = sb.access_token
        with pytest.raises(ConfigError, match="page_size"):
            list(connect(sb, clock, creds, page_size="251").fetch_orders(None))
        hdrs = {"X-Shopify-Access-Token": sb.access_token}
        resp = httpx.post(f"{sb.url}/admin/api/2026-10/graphql.json", headers=hdrs,
                          json={"query": "{ orders(first: 251) { nodes { id } } }"})
        body = resp.json()
        assert resp.status_code == 200 and "data" not in body
        assert "251" in body["errors"][0]["message"] and "250" in body["errors"][0]["message"]
        assert "cost" in body["extensions"]
        rest = httpx.get(f"{sb.url}/admin/api/2026-10/orders.json?limit=251", headers=hdrs)
        assert rest.status_code == 400 and "limit" in rest.json()["errors"]


def test_page_too_costly_for_one_query_is_refused_then_halved(clock, creds):
    with start(clock, orders=30) as sb:
        creds["access_token"] = sb.access_token
        raws = list(connect(sb, clock, creds, page_size="50").fetch_orders(None))
        assert len({r.external_id for r in raws}) == 30
        firsts = [json.loads(r.body)["variables"]["first"] for r in order_calls(sb)]
        assert firsts[:4] == [50, 25, 12, 6]  # 50, 25 and 12 cost over 1000 points
        assert all(f == 6 for f in firsts[3:])


def test_fetch_one_order_and_a_missing_one(clock, creds):
    with start(clock, orders=25) as sb:
        creds["access_token"] = sb.access_token
        con = connect(sb, clock, creds)
        seeded = next(o for o in sb.orders if o.kind == "many_lines")
        raw = con.fetch_order(str(seeded.id))
        assert raw is not None and raw.external_id == str(seeded.id)
        assert len(con.normalise(raw.payload).lines) == 7
        assert con.fetch_order("1") is None


def test_every_seeded_order_normalises_as_expected_and_adds_up(clock, creds):
    """500 orders: each well-formed one's components add up to its total to the cent."""
    with start(clock, orders=500, off_by_cent=1) as sb:
        creds.update(sb.credentials())
        con = connect(sb, clock, creds)
        expected = sb.expected()
        orders = [con.normalise(r.payload) for r in con.fetch_orders(None)]
        assert len(orders) == 500
        broken = 0
        for o in orders:
            want = expected[o.external_id]
            assert o.disposition.value == want["disposition"], o.number
            parts = sum((ln.net for ln in o.lines), 0) + sum((s.net for s in o.shipping), 0)
            if not o.taxes_included:
                parts += o.tax_total
            taxes = sum((ln.tax for ln in o.lines), 0) + sum((s.tax for s in o.shipping), 0)
            assert taxes == o.tax_total, o.number
            if "amount_mismatch" in want["holds"]:
                broken += 1
                assert parts + 0 != o.total
            else:
                assert parts == o.total, (o.number, parts, o.total)
        assert broken == 1
        kinds = {o.disposition for o in orders}
        assert kinds == {Disposition.POSTABLE, Disposition.WAITING, Disposition.IGNORED}
