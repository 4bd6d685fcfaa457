"""The same shop is one store (issue 10 item 2): identity from platform + normalised address,
names compared without case or spacing."""

from __future__ import annotations

import pytest

from ecdesk.store_identity import address_key, describe, name_key, shop_key


@pytest.mark.parametrize("a, b", [
    ("shop a ", "Shop A"), ("  My   Shop", "my shop"), ("KEDAI", "kedai"),
])
def test_names_compare_without_case_or_spacing(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("url", [
    "https://my-shop.myshopify.com", "https://MY-SHOP.myshopify.com/", "my-shop.myshopify.com",
    "https://www.my-shop.myshopify.com:443", "http://my-shop.myshopify.com:80//",
])
def test_one_shop_however_its_address_is_typed(url):
    assert shop_key("shopify", url, {}) == "shopify:my-shop.myshopify.com"


def test_different_shops_differ():
    assert address_key("https://shop.com/a") != address_key("https://shop.com/b")
    assert address_key("http://127.0.0.1:8001") != address_key("http://127.0.0.1:8002")
    assert shop_key("woocommerce", "https://shop.com", {}) != \
        shop_key("shopify", "https://shop.com", {})


def test_marketplaces_are_told_apart_by_shop_or_seller_id_not_the_shared_api_host():
    api = "https://partner.shopeemobile.com"
    assert shop_key("shopee", api, {"shop_id": "1"}) != shop_key("shopee", api, {"shop_id": "2"})
    assert shop_key("shopee", api, {}) == ""  # cannot tell yet: never refused
    assert shop_key("lazada", "https://api.lazada.com.my/rest", {}) == ""
    assert describe(shop_key("shopee", api, {"shop_id": "77"})) == "Shopee shop id 77"
    assert describe(shop_key("lazada", "", {"seller_id": "9"})) == "Lazada seller id 9"


def test_a_custom_feed_from_files_is_its_folder(tmp_path):
    one = shop_key("custom", "", {"path": str(tmp_path)})
    assert one == shop_key("custom", "", {"path": str(tmp_path / "sub" / "..")})
    assert describe(one) == f"the feed '{tmp_path.resolve()}'"
    assert describe(shop_key("custom", "https://x.com/feed", {})) == "the address x.com/feed"
