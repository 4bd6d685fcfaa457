"""Shopee v2 signatures pinned against worked examples computed here by hand."""

import hashlib
import hmac
import json
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from ecdesk.domain import Platform
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.shopee import ShopeeConnector, sign
from ecdesk.sync.http import ApiError, AuthError, HttpClient, RateLimited

KEY = "test_partner_key"
# Shopee developer guide "Signature calculation" example base string (shop API):
# partner_id 2001887, path /api/v2/shop/get_shop_info, timestamp 1655714431,
# access_token 59777174636562737266615546704c6d, shop_id 14701711.
SHOP_BASE = "2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711"
PUBLIC_BASE = "2001887/api/v2/auth/token/get1655714431"


def by_hand(key: str, base: str) -> str:
    return hmac.new(key.encode(), base.encode(), hashlib.sha256).hexdigest()


def test_worked_examples_are_what_the_reference_says():
    assert by_hand(KEY, SHOP_BASE) == (
        "9fdae5aeed86e753249982ec04aa54339280f12d3f456b9e3f7d8ee91e66a2b3")
    assert by_hand(KEY, PUBLIC_BASE) == (
        "4347600f52b50a77f5ecee90bf489adf3cec2d59d3c2febe004674f37def5451")


def test_shop_signature_matches_worked_example():
    got = sign(KEY, 2001887, "/api/v2/shop/get_shop_info", 1655714431,
               access_token="59777174636562737266615546704c6d", shop_id=14701711)
    assert got == "9fdae5aeed86e753249982ec04aa54339280f12d3f456b9e3f7d8ee91e66a2b3"


def test_public_signature_matches_worked_example():
    assert sign(KEY, "2001887", "/api/v2/auth/token/get", "1655714431") == (
        "4347600f52b50a77f5ecee90bf489adf3cec2d59d3c2febe004674f37def5451")


def test_signature_is_lower_case_hex_and_key_sensitive():
    got = sign(KEY, 1, "/api/v2/x", 2, access_token="tok", shop_id=3)
    assert got == got.lower() and len(got) == 64
    assert got != sign(KEY + "x", 1, "/api/v2/x", 2, access_token="tok", shop_id=3)


TS = 1655714431


class _Creds(dict):
    def set(self, key, value):
        self[key] = value


def _connector(handler, **creds):
    store = StoreConfig(1, "sp", Platform.SHOPEE, "https://shopee.test",
                        {"partner_id": "2001887", "shop_id": "14701711"})
    http = HttpClient(transport=httpx.MockTransport(handler), sleep=lambda s: None)
    c = _Creds(partner_key=KEY, **creds)
    return ShopeeConnector(store, c, http, clock=lambda: datetime.fromtimestamp(TS, UTC)), c


def test_request_carries_common_parameters_in_query_and_the_worked_sign():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"error": "", "message": "", "request_id": "1",
                                         "shop_name": "Demo"})

    conn, _ = _connector(handler, access_token="59777174636562737266615546704c6d",
                         access_expires_at="2099-01-01T00:00:00+00:00")
    assert "Demo" in conn.test_connection()
    url = urlsplit(str(seen[0].url))
    q = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert url.path == "/api/v2/shop/get_shop_info"
    assert q["partner_id"] == "2001887" and q["timestamp"] == str(TS)
    assert q["shop_id"] == "14701711"
    assert q["sign"] == by_hand(KEY, SHOP_BASE)


def test_token_call_uses_public_sign_and_json_body():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"error": "", "message": "", "request_id": "1",
                                         "access_token": "A1", "refresh_token": "R1",
                                         "expire_in": 14400})

    conn, creds = _connector(handler)
    conn.authorise("the-code")
    q = {k: v[0] for k, v in parse_qs(urlsplit(str(seen[0].url)).query).items()}
    assert q["sign"] == by_hand(KEY, PUBLIC_BASE)
    assert "access_token" not in q
    assert json.loads(seen[0].content) == {"code": "the-code", "partner_id": 2001887,
                                           "shop_id": 14701711}
    assert creds["access_token"] == "A1" and creds["refresh_token"] == "R1"
    assert datetime.fromisoformat(creds["access_expires_at"]).timestamp() == TS + 14400


@pytest.mark.parametrize("status", [200, 400, 403])
def test_error_field_decides_not_http_status(status):
    def handler(request):
        return httpx.Response(status, json={"error": "error_sign", "message": "Wrong sign.",
                                            "request_id": "x"})

    conn, _ = _connector(handler, access_token="t", access_expires_at="2099-01-01T00:00:00")
    with pytest.raises(AuthError, match="partner key"):
        conn.test_connection()


def test_business_error_with_http_200_is_an_error():
    def handler(request):
        return httpx.Response(200, json={"error": "order.order_list_invalid_time",
                                         "message": "diff in 15days", "request_id": "x"})

    conn, _ = _connector(handler, access_token="t", access_expires_at="2099-01-01T00:00:00")
    with pytest.raises(ApiError, match="order_list_invalid_time"):
        conn.test_connection()


def test_rate_limit_error_field_is_rate_limited():
    def handler(request):
        return httpx.Response(200, json={"error": "error_rate_limit", "message": "Too many",
                                         "request_id": "x"})

    conn, _ = _connector(handler, access_token="t", access_expires_at="2099-01-01T00:00:00")
    with pytest.raises(RateLimited):
        conn.test_connection()
