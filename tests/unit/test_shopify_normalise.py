"""ShopifyConnector.normalise and the status table (docs/decisions.md §1), on hand-built
payloads."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from ecdesk.domain import Disposition, Platform
from ecdesk.sync.connectors.base import PayloadError, StoreConfig
from ecdesk.sync.connectors.shopify import FINANCIAL_STATUS, ShopifyConnector
from ecdesk.sync.http import HttpClient


def money(amount: str) -> dict:
    return {"shopMoney": {"amount": amount, "currencyCode": "MYR"}}


def tax(amount: str, pct: float) -> list[dict]:
    return [{"title": "SST", "rate": pct / 100, "ratePercentage": pct, "priceSet": money(amount)}]


# A tax-inclusive order: 2 x 59.00 with 10.00 off, shipping 10.00, SST 8 % inside the prices.
PAYLOAD = {
    "id": "gid://shopify/Order/5001", "legacyResourceId": "5001", "name": "#1001",
    "createdAt": "2026-11-02T02:00:00Z", "updatedAt": "2026-11-02T03:00:00Z",
    "cancelledAt": None, "test": False, "email": "a@example.my", "currencyCode": "MYR",
    "taxesIncluded": True, "displayFinancialStatus": "PAID",
    "displayFulfillmentStatus": "UNFULFILLED", "paymentGatewayNames": ["shopify_payments"],
    "totalPriceSet": money("118.00"), "subtotalPriceSet": money("108.00"),
    "totalTaxSet": money("8.74"),
    "customer": {"id": "gid://shopify/Customer/9", "displayName": "Aisyah Tan",
                 "email": "a@example.my", "phone": None},
    "shippingAddress": {"name": "Aisyah Tan", "address1": "1 Jalan Ampang", "city": "KL",
                        "zip": "50450", "country": "Malaysia"},
    "lineItems": {"pageInfo": {"hasNextPage": False}, "nodes": [{
        "id": "gid://shopify/LineItem/7001", "sku": "TSHIRT-RED-M", "name": "T-shirt",
        "quantity": 2, "originalUnitPriceSet": money("59.00"),
        "taxLines": tax("8.00", 8.0),
        "discountAllocations": [{"allocatedAmountSet": money("10.00")}]}]},
    "shippingLines": {"pageInfo": {"hasNextPage": False}, "nodes": [{
        "id": "gid://shopify/ShippingLine/1", "title": "Standard", "code": "STANDARD",
        "originalPriceSet": money("10.00"), "taxLines": tax("0.74", 8.0),
        "discountAllocations": []}]},
    "refunds": [],
}


@pytest.fixture
def connector(creds):
    store = StoreConfig(1, "kedai", Platform.SHOPIFY, "https://kedai.myshopify.com")
    return ShopifyConnector(store, creds, HttpClient())


def with_(**changes) -> dict:
    p = copy.deepcopy(PAYLOAD)
    p.update(changes)
    return p


def test_normalises_a_tax_inclusive_order_that_adds_up(connector):
    o = connector.normalise(copy.deepcopy(PAYLOAD))
    assert (o.platform, o.external_id, o.number) == (Platform.SHOPIFY, "5001", "1001")
    assert o.disposition is Disposition.POSTABLE and o.taxes_included
    assert o.created_at.utcoffset() is not None
    line = o.lines[0]
    assert (line.sku, line.quantity, line.unit_price) == ("TSHIRT-RED-M", 2, Decimal("59.00"))
    assert (line.discount, line.tax, line.tax_rate) == (Decimal("10.00"), Decimal("8.00"),
                                                        Decimal("8"))
    ship = o.shipping[0]
    assert (ship.method, ship.amount, ship.tax) == ("STANDARD", Decimal("10.00"),
                                                    Decimal("0.74"))
    assert sum(ln.net for ln in o.lines) + sum(s.net for s in o.shipping) == o.total
    assert o.tax_total == line.tax + ship.tax
    assert o.payment_methods == ["shopify_payments"]
    assert o.customer.name == "Aisyah Tan" and "Jalan Ampang" in o.customer.address
    assert o.raw["name"] == "#1001"


@pytest.mark.parametrize(("status", "disposition"), [
    ("PAID", "postable"), ("PARTIALLY_REFUNDED", "postable"), ("REFUNDED", "postable"),
    ("PENDING", "waiting"), ("AUTHORIZED", "waiting"), ("PARTIALLY_PAID", "waiting"),
    ("VOIDED", "ignored"), ("EXPIRED", "ignored"),
])
def test_status_table(connector, status, disposition):
    assert FINANCIAL_STATUS[status].value == disposition
    assert connector.normalise(with_(displayFinancialStatus=status)).disposition.value == \
        disposition


def test_cancelled_is_ignored_whatever_was_paid(connector):
    o = connector.normalise(with_(cancelledAt="2026-11-03T00:00:00Z"))
    assert o.cancelled and o.disposition is Disposition.IGNORED
    assert "cancelled" in o.status


def test_unknown_or_missing_status_is_a_payload_error_in_words(connector):
    with pytest.raises(PayloadError, match="#1001.*'SOMETHING_NEW'"):
        connector.normalise(with_(displayFinancialStatus="SOMETHING_NEW"))
    with pytest.raises(PayloadError, match="payment status"):
        connector.normalise(with_(displayFinancialStatus=None))


def test_test_orders_are_flagged_not_dropped(connector):
    o = connector.normalise(with_(test=True))
    assert o.test and o.disposition is Disposition.POSTABLE


def test_shipping_method_is_code_else_title(connector):
    p = copy.deepcopy(PAYLOAD)
    p["shippingLines"]["nodes"][0]["code"] = None
    p["shippingLines"]["nodes"][0]["title"] = "EXPRESS"
    assert connector.normalise(p).shipping[0].method == "EXPRESS"


def test_deleted_product_line_has_no_sku_and_untaxed_line_no_rate(connector):
    p = copy.deepcopy(PAYLOAD)
    p["lineItems"]["nodes"][0].update(sku=None, taxLines=[])
    line = connector.normalise(p).lines[0]
    assert line.sku is None and line.tax_rate is None and line.tax == 0
    p["lineItems"]["nodes"][0]["sku"] = "  "
    assert connector.normalise(p).lines[0].sku is None


def test_tax_exclusive_order_adds_tax_on_top(connector):
    p = copy.deepcopy(PAYLOAD)
    p["taxesIncluded"] = False
    p["lineItems"]["nodes"][0]["taxLines"] = tax("8.64", 8.0)  # 8 % of 108.00
    p["shippingLines"]["nodes"][0]["taxLines"] = tax("0.80", 8.0)
    p["totalTaxSet"] = money("9.44")
    p["totalPriceSet"] = money("127.44")
    o = connector.normalise(p)
    assert not o.taxes_included
    assert sum(ln.net for ln in o.lines) + sum(s.net for s in o.shipping) + o.tax_total == o.total


def test_refunds_are_kept_with_their_lines(connector):
    refund = {"id": "gid://shopify/Refund/77", "legacyResourceId": "77",
              "createdAt": "2026-11-04T00:00:00Z", "note": "damaged",
              "totalRefundedSet": money("49.00"),
              "refundLineItems": {"nodes": [{"quantity": 1,
                                             "lineItem": {"id": "gid://shopify/LineItem/7001"}}]}}
    o = connector.normalise(with_(displayFinancialStatus="PARTIALLY_REFUNDED",
                                  refunds=[refund]))
    assert o.refunds[0].refund_id == "77" and o.refunded == Decimal("49.00")
    assert o.refunds[0].lines == [("gid://shopify/LineItem/7001", Decimal(1))]
    assert o.refunds[0].reason == "damaged"
    assert o.total == Decimal("118.00")  # the sale's total; the refund is separate


def test_edges_shape_is_read_as_well_as_nodes(connector):
    p = copy.deepcopy(PAYLOAD)
    p["lineItems"] = {"edges": [{"cursor": "x", "node": n} for n in p["lineItems"]["nodes"]]}
    assert connector.normalise(p).lines[0].sku == "TSHIRT-RED-M"


def test_missing_field_is_a_payload_error_naming_the_order(connector):
    p = copy.deepcopy(PAYLOAD)
    del p["totalPriceSet"]
    with pytest.raises(PayloadError, match="#1001.*totalPriceSet"):
        connector.normalise(p)
    p = copy.deepcopy(PAYLOAD)
    p["lineItems"]["nodes"][0]["quantity"] = "two"
    with pytest.raises(PayloadError, match="#1001"):
        connector.normalise(p)


def test_store_url_without_scheme_and_pinned_version(creds):
    store = StoreConfig(1, "kedai", Platform.SHOPIFY, "kedai.myshopify.com/",
                        {"api_version": "2026-07"})
    con = ShopifyConnector(store, creds, HttpClient())
    assert con.endpoint == "https://kedai.myshopify.com/admin/api/2026-07/graphql.json"
    default = ShopifyConnector(StoreConfig(1, "k", Platform.SHOPIFY, "https://k.myshopify.com"),
                               creds, HttpClient())
    assert default.api_version == "2026-10"
