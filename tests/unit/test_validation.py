"""Checks at entry (issue 10 item 8), pure: each refusal names what is wrong and the fix."""

from __future__ import annotations

from datetime import date

import pytest

from ecdesk.errors import UsageError
from ecdesk.validation import (
    check_export_path,
    check_minutes,
    check_range,
    check_secret_name,
    check_store_settings,
    check_tax_rate,
    check_timezone,
    check_url,
    parse_date,
    store_keys,
)

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize("url, words", [
    ("not a url", "is not a web address"), ("ftp://shop.example.com", "is not a web address"),
    ("https://", "is not a web address"), ("", "needs its address"),
])
def test_urls_must_be_web_addresses(url, words):
    with pytest.raises(UsageError, match=words):
        check_url(url)


def test_a_good_url_loses_its_trailing_slash():
    assert check_url(" https://my-shop.myshopify.com/ ") == "https://my-shop.myshopify.com"
    assert check_url("", required=False) == ""


def test_time_zones_cadences_tax_rates():
    assert check_timezone("Asia/Kuala_Lumpur") == "Asia/Kuala_Lumpur"
    with pytest.raises(UsageError, match="'Mars/Olympus' is not a time zone"):
        check_timezone("Mars/Olympus")
    for bad in (0, -5):
        with pytest.raises(UsageError, match="whole number above 0"):
            check_minutes(bad)
    assert check_minutes(None) is None and check_minutes(15) == 15
    with pytest.raises(UsageError, match="outside 0 to 100"):
        check_tax_rate("-6")
    with pytest.raises(UsageError, match="not a percentage"):
        check_tax_rate("eight")
    assert str(check_tax_rate("8%")) == "8"


def test_unknown_store_keys_are_refused_with_the_list():
    with pytest.raises(UsageError) as err:
        check_store_settings("shopify", {"colour": "red", "doc_prefix": "SH-"})
    text = str(err.value)
    assert "Unknown setting 'colour' for a shopify store" in text
    assert "doc_prefix" in text and "api_version" in text and "partner_id" not in text
    assert "partner_id" in store_keys("shopee")
    with pytest.raises(UsageError, match="not a time zone"):
        check_store_settings("woocommerce", {"timezone": "Nowhere/Town"})
    with pytest.raises(UsageError, match="'max_order_total' is '-1'"):
        check_store_settings("custom", {"max_order_total": "-1"})
    assert check_store_settings("lazada", {"timezone": ""}) == {"timezone": ""}


def test_secret_names_per_owner():
    assert check_secret_name("woocommerce", "consumer_key") == "consumer_key"
    with pytest.raises(UsageError, match="'api_secret' is not a credential of a shopee store. "
                                         "Known: partner_key"):
        check_secret_name("shopee", "api_secret")
    with pytest.raises(UsageError, match="of AutoCount"):
        check_secret_name("autocount", "token")


def test_dates_and_ranges_in_our_words():
    assert parse_date("2026-03-01") == date(2026, 3, 1)
    with pytest.raises(UsageError, match="'01/03/2026' is not a date: write it as YYYY-MM-DD"):
        parse_date("01/03/2026")
    with pytest.raises(UsageError, match="--until needs --since"):
        check_range(None, date(2026, 3, 5), TODAY)
    with pytest.raises(UsageError, match="--until 2026-03-01 is before --since 2026-03-05"):
        check_range(date(2026, 3, 5), date(2026, 3, 1), TODAY)
    assert check_range(date(2026, 3, 1), date(2026, 3, 5), TODAY) == []
    [warning] = check_range(date(2026, 3, 1), date(2026, 4, 1), TODAY)
    assert "--until 2026-04-01 is in the future" in warning


def test_export_paths(tmp_path):
    assert check_export_path(tmp_path / "r.xlsx") == tmp_path / "r.xlsx"
    with pytest.raises(UsageError, match="'r.csv' would receive an Excel workbook: name it "
                                         "r.xlsx"):
        check_export_path(tmp_path / "r.csv")
    with pytest.raises(UsageError, match="does not exist"):
        check_export_path(tmp_path / "gone" / "r.xlsx")


def test_shopify_bulk_threshold_is_a_whole_number_zero_turning_bulk_off():
    assert check_store_settings("shopify", {"bulk_threshold": "0"}) == {"bulk_threshold": "0"}
    assert check_store_settings("shopify", {"bulk_threshold": " 500 "}) == {
        "bulk_threshold": "500"}
    with pytest.raises(UsageError, match="bulk_threshold"):
        check_store_settings("shopify", {"bulk_threshold": "many"})
    with pytest.raises(UsageError, match="Unknown setting 'bulk_threshold'"):
        check_store_settings("woocommerce", {"bulk_threshold": "250"})
