"""Lazada signatures pinned against the official worked example, computed here by hand."""

import hashlib
import hmac
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from ecdesk.domain import Platform
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.lazada import LazadaConnector, sign
from ecdesk.sync.http import AuthError, HttpClient, RateLimited

# Lazada Open Platform "Signature algorithm" sample (articleId 108069): GetOrder /order/get,
# app_key 123456, access_token test, order_id 1234, timestamp 1517820392000, secret helloworld.
OFFICIAL_TEXT = ("/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256"
                 "timestamp1517820392000")
OFFICIAL_SIGN = "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A"


def by_hand(secret: str, text: str) -> str:
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest().upper()


def test_official_example_by_hand():
    assert by_hand("helloworld", OFFICIAL_TEXT) == OFFICIAL_SIGN


def test_sign_matches_official_example_whatever_the_parameter_order():
    params = {"timestamp": "1517820392000", "order_id": "1234", "sign_method": "sha256",
              "app_key": "123456", "access_token": "test"}
    assert sign("helloworld", "/order/get", params) == OFFICIAL_SIGN
    assert sign("helloworld", "/order/get", {**params, "sign": "IGNORED"}) == OFFICIAL_SIGN


def test_ascii_order_and_upper_case():
    # guide: foo=1, bar=2, foo_bar=3, foobar=4 sort to bar, foo, foo_bar, foobar
    got = sign("k", "/test/api", {"foo": 1, "bar": 2, "foo_bar": 3, "foobar": 4})
    assert got == by_hand("k", "/test/apibar2foo1foo_bar3foobar4")
    assert got == got.upper()


TS_MS = 1517820392000


class _Creds(dict):
    def set(self, key, value):
        self[key] = value


def _connector(handler, url="https://api.lazada.com.my/rest", **creds):
    store = StoreConfig(1, "lz", Platform.LAZADA, url, {"app_key": "123456"})
    http = HttpClient(transport=httpx.MockTransport(handler), sleep=lambda s: None)
    c = _Creds(app_secret="helloworld", **creds)
    clock = lambda: datetime.fromtimestamp(TS_MS / 1000, UTC)  # noqa: E731
    return LazadaConnector(store, c, http, clock=clock), c


def test_connector_request_carries_the_official_signature():
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json={"code": "0", "data": {"order_id": 1234},
                                         "request_id": "x"})

    conn, _ = _connector(handler, access_token="test",
                         access_expires_at="2099-01-01T00:00:00+00:00")
    conn._call("/order/get", {"order_id": 1234})
    url = urlsplit(str(seen[0].url))
    assert (url.scheme, url.netloc, url.path) == ("https", "api.lazada.com.my",
                                                  "/rest/order/get")
    q = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert q["sign"] == OFFICIAL_SIGN


def test_token_calls_go_to_the_auth_host_unsigned_by_token():
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json={"code": "0", "access_token": "A", "refresh_token": "R",
                                         "expires_in": 2592000, "refresh_expires_in": 15552000,
                                         "request_id": "x"})

    conn, creds = _connector(handler)
    conn.authorise("0_123456_abc")
    url = urlsplit(str(seen[0].url))
    assert url.netloc == "auth.lazada.com" and url.path == "/rest/auth/token/create"
    q = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert "access_token" not in q
    text = "/auth/token/create" + "".join(k + q[k] for k in sorted(q) if k != "sign")
    assert q["sign"] == by_hand("helloworld", text)
    assert creds["access_token"] == "A" and creds["refresh_token"] == "R"
    expires = datetime.fromisoformat(creds["access_expires_at"]).timestamp()
    assert expires == TS_MS / 1000 + 2592000


def test_sandbox_url_serves_tokens_too():
    conn, _ = _connector(lambda r: None, url="http://127.0.0.1:9999/rest")
    assert conn.auth_url == "http://127.0.0.1:9999/rest"


@pytest.mark.parametrize(("code", "exc", "words"), [
    ("IncompleteSignature", AuthError, "secret set lz app_secret"),
    ("IllegalRefreshToken", AuthError, "store auth lz --code"),
    ("ApiCallLimit", RateLimited, "slow down"),
])
def test_errors_come_with_http_200_and_are_decided_on_code(code, exc, words):
    def handler(request):
        return httpx.Response(200, json={"type": "ISV", "code": code, "message": "m",
                                         "request_id": "x"})

    conn, _ = _connector(handler, access_token="t",
                         access_expires_at="2099-01-01T00:00:00+00:00")
    with pytest.raises(exc, match=words):
        conn._call("/order/get", {"order_id": 1})
