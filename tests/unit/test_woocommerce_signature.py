"""OAuth 1.0a one-legged signing: the connector, the sandbox's copy of WooCommerce's check and
the official ``woocommerce`` client library must agree byte for byte."""

from __future__ import annotations

from collections import OrderedDict

import httpx
from woocommerce.oauth import OAuth

from ecdesk.sandbox.woocommerce import php_get, woo_signature, woo_string_to_sign
from ecdesk.sync.connectors.woocommerce import oauth1_signature, signature_base_url

URL = "http://127.0.0.1:8080/wp-json/wc/v3/orders"
SECRET = "cs_0123456789abcdef"


def oauth_params(**extra):
    params = OrderedDict(extra)
    params.update(oauth_consumer_key="ck_abc", oauth_timestamp="1795000000",
                  oauth_nonce="f00dbabe", oauth_signature_method="HMAC-SHA256")
    return params


def test_connector_matches_the_official_client_library():
    params = oauth_params(per_page="100", page="2", status="any",
                          modified_after="2026-11-01T00:00:00", dates_are_gmt="true")
    lib = OAuth(URL, "ck_abc", SECRET, version="wc/v3", method="GET")
    ours = oauth1_signature("GET", httpx.URL(URL), list(params.items()), SECRET)
    assert ours == lib.generate_oauth_signature(OrderedDict(params), URL)


def test_sandbox_check_accepts_the_connector_signature():
    params = oauth_params(per_page="7", orderby="modified", search="kedai runcit & co")
    ours = oauth1_signature("GET", httpx.URL(URL), list(params.items()), SECRET)
    assert woo_signature("GET", URL, dict(params), SECRET, "HMAC-SHA256") == ours
    assert woo_signature("GET", URL, dict(params), SECRET + "x", "HMAC-SHA256") != ours
    assert woo_signature("POST", URL, dict(params), SECRET, "HMAC-SHA256") != ours


def test_string_to_sign_encodes_each_pair_twice_like_woocommerce():
    text = woo_string_to_sign("GET", URL, {"b": "x y", "a": "1", "oauth_signature": "zzz"})
    assert text == ("GET&http%3A%2F%2F127.0.0.1%3A8080%2Fwp-json%2Fwc%2Fv3%2Forders"
                    "&a%3D1%26b%3Dx%2520y")


def test_php_get_last_value_wins_and_brackets_collect():
    got = php_get({"per_page": ["10", "10"], "status[]": ["pending", "on-hold"], "p": ["1"]})
    assert got == {"per_page": "10", "status": ["pending", "on-hold"], "p": "1"}


def test_default_ports_are_dropped_from_the_base_url():
    assert signature_base_url(httpx.URL("https://Shop.Example:443/wp-json/wc/v3/orders?x=1")) \
        == "https://shop.example/wp-json/wc/v3/orders"
    assert signature_base_url(httpx.URL("http://127.0.0.1:8080/a")) == "http://127.0.0.1:8080/a"
