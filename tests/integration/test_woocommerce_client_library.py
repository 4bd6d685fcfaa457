"""The official ``woocommerce`` PyPI client, unchanged, against the sandbox (it signs OAuth
1.0a over plain http, exactly what WooCommerce demands there)."""

from __future__ import annotations

import pytest
from woocommerce import API

from ecdesk.sandbox.woocommerce import WooCommerceSandbox


@pytest.fixture
def sandbox():
    with WooCommerceSandbox(orders=30, seed=3) as sb:  # real clock: the library uses time()
        yield sb


def client(sb, secret=None):
    return API(url=sb.url, consumer_key=sb.consumer_key,
               consumer_secret=secret or sb.consumer_secret, version="wc/v3", timeout=5)


def test_official_client_lists_every_order_page_by_page(sandbox):
    api = client(sandbox)
    seen = []
    for page in (1, 2, 3, 4):
        resp = api.get("orders", params={"per_page": 10, "page": page, "status": "any"})
        assert resp.status_code == 200, resp.text
        assert resp.headers["X-WP-Total"] == "30" and resp.headers["X-WP-TotalPages"] == "3"
        seen += [o["id"] for o in resp.json()]
    assert len(seen) == len(set(seen)) == 30
    one = api.get(f"orders/{seen[0]}").json()
    assert one["id"] == seen[0] and isinstance(one["line_items"], list)


def test_official_client_sees_woocommerce_errors(sandbox):
    resp = client(sandbox, secret="cs_wrong").get("orders")
    assert resp.status_code == 401
    assert resp.json() == {"code": "woocommerce_rest_authentication_error",
                           "message": "Invalid signature - provided signature does not match.",
                           "data": {"status": 401}}
    resp = client(sandbox).get("orders", params={"per_page": 101})
    assert resp.status_code == 400 and resp.json()["code"] == "rest_invalid_param"
    resp = client(sandbox).get("orders/1")
    assert resp.status_code == 404
    assert resp.json()["code"] == "woocommerce_rest_shop_order_invalid_id"
