"""The WooCommerce sandbox rejects what WooCommerce rejects, with WooCommerce's error shapes."""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import quote

import httpx
import pytest

from ecdesk.sandbox.woocommerce import API, WooCommerceSandbox, woo_string_to_sign
from ecdesk.sync.connectors.woocommerce import oauth1_signature

NOW = 1_795_000_000.0


@pytest.fixture
def sandbox():
    with WooCommerceSandbox(clock=lambda: NOW, orders=12) as sb:
        yield sb


def signed(sb, nonce="n1", timestamp=int(NOW), secret=None, drop=(), **query):
    url = sb.url + API + "/orders"
    params = [*((k, str(v)) for k, v in query.items()),
              ("oauth_consumer_key", sb.consumer_key), ("oauth_timestamp", str(timestamp)),
              ("oauth_nonce", nonce), ("oauth_signature_method", "HMAC-SHA256")]
    params.append(("oauth_signature", oauth1_signature(
        "GET", httpx.URL(url), params, secret or sb.consumer_secret)))
    params = [p for p in params if p[0] not in drop]
    return httpx.get(url, params=params)


def error(resp):
    body = resp.json()
    assert set(body) == {"code", "message", "data"}
    assert body["data"]["status"] == resp.status_code
    return body["code"], body["message"]


def test_signed_request_passes_once_then_the_nonce_is_spent(sandbox):
    assert signed(sandbox).status_code == 200
    again = signed(sandbox)
    assert again.status_code == 401
    assert error(again) == ("woocommerce_rest_authentication_error",
                            "Invalid nonce - nonce has already been used.")


def test_stale_timestamp_is_rejected(sandbox):
    resp = signed(sandbox, timestamp=int(NOW) - 16 * 60)
    assert error(resp) == ("woocommerce_rest_authentication_error", "Invalid timestamp.")
    assert signed(sandbox, nonce="n2", timestamp=int(NOW) - 14 * 60).status_code == 200


def test_partial_oauth_and_no_credentials(sandbox):
    resp = signed(sandbox, drop=("oauth_nonce",))
    assert error(resp) == ("woocommerce_rest_authentication_missing_parameter",
                           "Missing OAuth parameter oauth_nonce")
    resp = httpx.get(sandbox.url + API + "/orders")
    assert error(resp) == ("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.")
    resp = httpx.get(sandbox.url + API + "/orders",
                     auth=(sandbox.consumer_key, sandbox.consumer_secret))
    assert resp.status_code == 401  # Basic is not even looked at over plain http


def test_query_parameters_are_signed(sandbox):
    good = signed(sandbox, per_page=5)
    assert good.status_code == 200 and len(good.json()) == 5
    tampered = httpx.get(str(good.request.url).replace("per_page=5", "per_page=6"))
    assert error(tampered)[1] == "Invalid signature - provided signature does not match."


def test_invalid_parameters_give_rest_invalid_param(sandbox):
    for query, param in (({"per_page": 0}, "per_page"), ({"orderby": "total"}, "orderby"),
                         ({"status": "paid"}, "status"), ({"modified_after": "yesterday"},
                                                          "modified_after")):
        resp = signed(sandbox, nonce=f"n-{param}", **query)
        assert resp.status_code == 400
        code, message = error(resp)
        assert code == "rest_invalid_param" and message == f"Invalid parameter(s): {param}"


def test_paging_headers_and_past_the_end(sandbox):
    resp = signed(sandbox, per_page=5, page=3)
    assert resp.headers["X-WP-Total"] == "12" and resp.headers["X-WP-TotalPages"] == "3"
    assert len(resp.json()) == 2 and 'rel="prev"' in resp.headers["Link"]
    assert signed(sandbox, nonce="n9", per_page=5, page=4).json() == []


def test_shrunk_page_limit_is_enforced():
    with WooCommerceSandbox(clock=lambda: NOW, orders=5, per_page_max=3) as sb:
        resp = signed(sb, per_page=4)
        assert resp.json()["data"]["params"]["per_page"] == (
            "per_page must be between 1 (inclusive) and 3 (inclusive)")


def test_read_only_key_cannot_write_and_unknown_route():
    with WooCommerceSandbox(clock=lambda: NOW, orders=2, ssl_emulation=True,
                            permissions="read") as sb:
        auth = (sb.consumer_key, sb.consumer_secret)
        assert httpx.get(sb.url + API + "/orders", auth=auth).status_code == 200
        resp = httpx.put(sb.url + API + "/orders/1", auth=auth, json={"status": "completed"})
        assert error(resp) == ("woocommerce_rest_authentication_error",
                               "The API key provided does not have write permissions.")
        resp = httpx.get(sb.url + API + "/nowhere", auth=auth)
        assert error(resp)[0] == "rest_no_route"


def test_oauth_parameters_in_the_authorization_header_are_accepted(sandbox):
    url = sandbox.url + API + "/orders"
    oauth = [("oauth_consumer_key", sandbox.consumer_key), ("oauth_timestamp", str(int(NOW))),
             ("oauth_nonce", "hdr1"), ("oauth_signature_method", "HMAC-SHA1")]
    query = [("per_page", "3")]
    text = woo_string_to_sign("GET", url, dict(query + oauth))
    sig = base64.b64encode(hmac.new(f"{sandbox.consumer_secret}&".encode(), text.encode(),
                                    hashlib.sha1).digest()).decode()
    header = "OAuth " + ", ".join(f'{k}="{quote(v, safe="")}"'
                                  for k, v in oauth + [("oauth_signature", sig)])
    resp = httpx.get(url, params=query, headers={"Authorization": header})
    assert resp.status_code == 200 and len(resp.json()) == 3
