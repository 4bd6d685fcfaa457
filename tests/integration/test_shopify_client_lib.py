"""The official ``ShopifyAPI`` package works against the sandbox unchanged.

It is pointed at the sandbox only through its public ``Session.setup`` settings: ``protocol``
(``http``: the sandbox serves plain HTTP on loopback; the library does not insist on https),
``port``, and ``myshopify_domain``. The library turns a shop name into
``<first label>.<myshopify_domain>``, so the shop ``127.0.0.1`` with domain ``0.0.1`` is the
loopback address itself; nothing in the library is patched.
"""

from __future__ import annotations

import json

import httpx
import pytest

shopify = pytest.importorskip("shopify")

from ecdesk.sandbox.shopify import ShopifySandbox  # noqa: E402

VERSION = "2026-10"


@pytest.fixture
def sandbox():
    with ShopifySandbox(orders=23, seed=4) as sb:
        yield sb


@pytest.fixture
def session(sandbox):
    saved = {k: getattr(shopify.Session, k) for k in ("protocol", "myshopify_domain", "port")}
    port = int(sandbox.url.rsplit(":", 1)[1])
    shopify.Session.setup(protocol="http", myshopify_domain="0.0.1", port=port)
    token = httpx.post(f"{sandbox.url}/admin/oauth/access_token", data={
        "grant_type": "client_credentials", **sandbox.credentials()}).json()["access_token"]
    session = shopify.Session("127.0.0.1", VERSION, token)
    shopify.ShopifyResource.activate_session(session)
    try:
        yield session
    finally:
        shopify.ShopifyResource.clear_session()
        shopify.Session.setup(**saved)


def test_session_points_at_the_sandbox(sandbox, session):
    assert session.site == f"{sandbox.url}/admin/api/{VERSION}"


def test_graphql_execute(sandbox, session):
    answer = json.loads(shopify.GraphQL().execute(
        "query($q: String) { shop { name } orders(first: 5, query: $q, sortKey: UPDATED_AT) "
        "{ pageInfo { hasNextPage } nodes { legacyResourceId name } } }",
        variables={"q": "updated_at:>='2000-01-01T00:00:00Z'"}))
    assert answer["data"]["shop"]["name"] == "Kedai Contoh"
    assert len(answer["data"]["orders"]["nodes"]) == 5
    assert answer["data"]["orders"]["pageInfo"]["hasNextPage"] is True
    assert answer["extensions"]["cost"]["throttleStatus"]["maximumAvailable"] > 0


def test_rest_order_find_any_status_pages_through_every_order(sandbox, session):
    page = shopify.Order.find(status="any", limit=5)
    seen = [o.id for o in page]
    pages = 1
    while page.has_next_page():
        page = page.next_page()
        seen.extend(o.id for o in page)
        pages += 1
    assert pages == 5
    assert sorted(seen) == sorted(o.id for o in sandbox.orders)
    assert len(seen) == len(set(seen))
    back = shopify.Order.find(from_=page.previous_page_url)  # the rel="previous" link
    assert [o.id for o in back] == seen[15:20]


def test_rest_default_status_open_leaves_orders_out(sandbox, session):
    """Pitfall 1: without status=any closed and cancelled orders are missing."""
    open_ids = {o.id for o in shopify.Order.find(limit=250)}
    assert open_ids == {o.id for o in sandbox.orders if o.status == "open"}
    assert len(open_ids) < len(sandbox.orders)
    assert shopify.Order.count(status="any") == len(sandbox.orders)


def test_rest_order_fields_and_call_limit(sandbox, session):
    seeded = next(o for o in sandbox.orders if o.refunds)
    order = shopify.Order.find(seeded.id)
    assert order.name == seeded.name
    assert order.financial_status == seeded.financial_status
    assert order.total_price == f"{seeded.total:.2f}"
    refund_line = order.refunds[0].refund_line_items[0]
    assert isinstance(refund_line.subtotal, float)  # a number in REST, unlike other money
    used, size = shopify.Limits.api_credit_limit_param()
    assert int(size) == 40 and 1 <= int(used) <= 40


def test_rest_page_info_with_other_filters_is_refused(sandbox, session):
    page = shopify.Order.find(status="any", limit=5)
    url = page.next_page_url + "&status=any"
    resp = httpx.get(url, headers={"X-Shopify-Access-Token": session.token})
    assert resp.status_code == 400
    assert resp.json() == {"errors": {"status": "status cannot be passed when page_info is "
                                                "present."}}


def test_rest_bucket_answers_429_with_retry_after():
    with ShopifySandbox(orders=3, rest_bucket_size=2, clock=lambda: 1_800_000_000.0) as sb:
        hdrs = {"X-Shopify-Access-Token": sb.access_token}
        url = f"{sb.url}/admin/api/{VERSION}/orders.json?status=any"
        limits = [httpx.get(url, headers=hdrs).headers["X-Shopify-Shop-Api-Call-Limit"]
                  for _ in range(2)]
        assert limits == ["1/2", "2/2"]
        over = httpx.get(url, headers=hdrs)
        assert over.status_code == 429
        assert over.headers["Retry-After"] == "2.0"
        assert "Exceeded 2 calls per second" in over.json()["errors"]


def test_rest_wrong_token_is_401_with_shopify_body(sandbox):
    resp = httpx.get(f"{sandbox.url}/admin/api/{VERSION}/orders.json",
                     headers={"X-Shopify-Access-Token": "nope"})
    assert resp.status_code == 401
    assert resp.json() == {"errors": "[API] Invalid API key or access token (unrecognized "
                                     "login or wrong password)"}
