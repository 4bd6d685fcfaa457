"""WooCommerce payload -> canonical Order, checked to the cent against hand-computed figures."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

from ecdesk.domain import Disposition, Platform
from ecdesk.sandbox.woocommerce import WooCommerceSandbox
from ecdesk.sync.connectors.base import PayloadError, StoreConfig
from ecdesk.sync.connectors.woocommerce import STATUS_TABLE, WooCommerceConnector
from ecdesk.sync.http import HttpClient

D = Decimal


def connector(creds) -> WooCommerceConnector:
    store = StoreConfig(1, "woo", Platform.WOOCOMMERCE, "https://shop.example")
    return WooCommerceConnector(store, creds, HttpClient())


def order(**over):
    """A hand-written WooCommerce order, prices ex-tax, 8 % SST (rate id 1)."""
    base = {
        "id": 727, "number": "WC-1042", "status": "processing", "currency": "MYR",
        "prices_include_tax": False,
        "date_created_gmt": "2026-11-02T02:15:00", "date_modified_gmt": "2026-11-02T03:00:00",
        "payment_method": "ipay88", "customer_id": 0,
        "billing": {"first_name": "Aisyah", "last_name": "Tan", "email": "a@example.my",
                    "phone": "+6012", "address_1": "1 Jalan Ampang", "city": "KL",
                    "country": "MY"},
        # 2 x 39.90 and 1 x 18.50, coupon RAYA10 (10 %) on both lines
        "line_items": [
            {"id": 11, "name": "T-shirt", "sku": "TSHIRT-RED-M", "quantity": 2,
             "subtotal": "79.80", "subtotal_tax": "6.38", "total": "71.82", "total_tax": "5.75",
             "taxes": [{"id": 1, "total": "5.7456", "subtotal": "6.384"}], "price": 35.91},
            {"id": 12, "name": "Mug", "sku": "MUG-WHT-350", "quantity": 1,
             "subtotal": "18.50", "subtotal_tax": "1.48", "total": "16.65", "total_tax": "1.33",
             "taxes": [{"id": 1, "total": "1.332", "subtotal": "1.48"}], "price": 16.65},
        ],
        "shipping_lines": [{"id": 21, "method_id": "flat_rate", "method_title": "Flat rate",
                            "total": "8.00", "total_tax": "0.64",
                            "taxes": [{"id": 1, "total": "0.64", "subtotal": ""}]}],
        "fee_lines": [{"id": 31, "name": "COD handling fee", "tax_status": "taxable",
                       "total": "3.00", "total_tax": "0.24",
                       "taxes": [{"id": 1, "total": "0.24", "subtotal": ""}]}],
        "coupon_lines": [{"id": 41, "code": "raya10", "discount": "9.83",
                          "discount_tax": "0.78"}],
        "tax_lines": [{"id": 51, "rate_id": 1, "label": "SST", "rate_percent": 8,
                       "tax_total": "7.32", "shipping_tax_total": "0.64"}],
        "discount_total": "9.83", "discount_tax": "0.78", "shipping_total": "8.00",
        "shipping_tax": "0.64", "cart_tax": "7.32", "total_tax": "7.96", "total": "107.43",
        "refunds": [],
    }
    base.update(over)
    return base


def components(o) -> Decimal:
    """The Order docstring's reconciliation (what matching's amount check computes)."""
    total = sum((x.net for x in o.lines), D(0)) + sum((s.net for s in o.shipping), D(0))
    total += sum((e.amount for e in o.extras), D(0)) - o.order_discount
    return total if o.taxes_included else total + o.tax_total


def test_tax_exclusive_order_with_coupon_fee_and_shipping(creds):
    o = connector(creds).normalise(order())
    assert o.platform is Platform.WOOCOMMERCE and o.external_id == "727"
    assert o.number == "WC-1042"  # the display number, not the post id
    assert o.created_at == datetime(2026, 11, 2, 2, 15, tzinfo=UTC)
    assert o.taxes_included is False and o.disposition is Disposition.POSTABLE
    a, b = o.lines
    assert (a.sku, a.quantity, a.unit_price, a.discount, a.tax, a.tax_rate) == (
        "TSHIRT-RED-M", D(2), D("39.90"), D("7.98"), D("5.75"), D(8))
    assert a.net == D("71.82")
    assert (b.unit_price, b.discount, b.tax, b.net) == (D("18.50"), D("1.85"), D("1.33"),
                                                        D("16.65"))
    [ship] = o.shipping
    assert (ship.method, ship.title, ship.amount, ship.tax, ship.tax_rate) == (
        "flat_rate", "Flat rate", D("8.00"), D("0.64"), D(8))
    [fee] = o.extras
    assert (fee.name, fee.amount, fee.tax) == ("COD handling fee", D("3.00"), D("0.24"))
    assert o.order_discount == 0  # coupons are already inside the line totals
    assert o.tax_total == D("7.96") and o.total == D("107.43")
    assert components(o) == o.total  # 71.82 + 16.65 + 8.00 + 3.00 + 7.96
    assert o.payment_methods == ["ipay88"]
    assert o.customer.name == "Aisyah Tan" and o.customer.external_id == ""


def test_tax_inclusive_order_takes_the_inclusive_basis(creds):
    # 2 x 39.90 incl. 8 %, coupon 10 % (7.98 incl.), flat rate 8.00 + 0.64 tax
    payload = order(
        prices_include_tax=True, fee_lines=[], total="80.46", total_tax="5.96",
        line_items=[{"id": 11, "name": "T-shirt", "sku": "TSHIRT-RED-M", "quantity": 2,
                     "subtotal": "73.89", "subtotal_tax": "5.91", "total": "66.50",
                     "total_tax": "5.32", "taxes": [{"id": 1, "total": "5.32"}]}])
    o = connector(creds).normalise(payload)
    assert o.taxes_included is True
    [line] = o.lines
    assert line.unit_price == D("39.90")  # (73.89 + 5.91) / 2: the shelf price
    assert line.discount == D("7.98")  # 79.80 - (66.50 + 5.32)
    assert line.net == D("71.82") and line.tax == D("5.32") and line.tax_rate == D(8)
    assert o.shipping[0].amount == D("8.64") and o.shipping[0].tax == D("0.64")
    assert components(o) == o.total == D("80.46")


def test_inclusive_fee_line_is_carried_with_its_tax(creds):
    payload = order(prices_include_tax=True, line_items=[], shipping_lines=[],
                    fee_lines=[{"id": 31, "name": "Gift wrap", "total": "4.63",
                                "total_tax": "0.37", "taxes": [{"id": 1, "total": "0.37"}]}],
                    total="5.00", total_tax="0.37")
    o = connector(creds).normalise(payload)
    assert o.extras[0].amount == D("5.00") and o.extras[0].tax == D("0.37")
    assert components(o) == o.total


def test_refunds_are_positive_with_their_detail(creds):
    payload = order(status="refunded", refunds=[{"id": 901, "reason": "Damaged",
                                                 "total": "-43.10"}])
    payload["_ecdesk_refunds"] = [{
        "id": 901, "date_created_gmt": "2026-11-03T01:00:00", "amount": "43.10",
        "line_items": [{"quantity": -1, "total": "-35.91",
                        "meta_data": [{"key": "_refunded_item_id", "value": "11"}]}]}]
    o = connector(creds).normalise(payload)
    [r] = o.refunds
    assert (r.refund_id, r.amount, r.reason) == ("901", D("43.10"), "Damaged")
    assert r.created_at == datetime(2026, 11, 3, 1, 0, tzinfo=UTC)
    assert r.lines == [("11", D(1))]
    assert o.refunded == D("43.10") and o.disposition is Disposition.POSTABLE


def test_deleted_product_keeps_its_line_without_sku(creds):
    payload = order()
    payload["line_items"][0].update(sku=None, product_id=0)
    o = connector(creds).normalise(payload)
    assert o.lines[0].sku is None and o.lines[0].name == "T-shirt"


@pytest.mark.parametrize(("status", "disposition"), [
    ("processing", "postable"), ("completed", "postable"), ("refunded", "postable"),
    ("pending", "waiting"), ("on-hold", "waiting"), ("cancelled", "ignored"),
    ("failed", "ignored"), ("trash", "ignored"), ("checkout-draft", "ignored"),
])
def test_status_table_follows_decisions(creds, status, disposition):
    assert STATUS_TABLE[status].value == disposition
    o = connector(creds).normalise(order(status=status))
    assert o.disposition.value == disposition
    assert o.cancelled is (status == "cancelled")


def test_unknown_status_is_a_payload_error_not_a_guess(creds):
    with pytest.raises(PayloadError, match="order 727: status 'shipped'"):
        connector(creds).normalise(order(status="shipped"))


def test_unreadable_money_names_the_order_and_field(creds):
    with pytest.raises(PayloadError, match="order 727.*'total' must be a number"):
        connector(creds).normalise(order(total="12,50"))


@pytest.mark.parametrize("bad", ["sNaN", "NaN", "Infinity"])
def test_a_tax_rate_that_is_no_number_is_unreadable_not_a_crash(creds, bad):
    payload = order()
    payload["tax_lines"][0]["rate_percent"] = bad  # found by the fuzz test
    with pytest.raises(PayloadError, match="rate_percent' must be a number"):
        connector(creds).normalise(payload)


def test_rate_is_worked_out_when_the_store_sends_no_rate_percent(creds):
    payload = order()
    for t in payload["tax_lines"]:
        del t["rate_percent"]
    o = connector(creds).normalise(payload)
    assert [x.tax_rate for x in o.lines] == [D(8), D(8)]


def _tax(amount: Decimal, rate: Decimal, inclusive: bool) -> Decimal:
    value = amount * rate / (100 + rate) if inclusive else amount * rate / 100
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_seeded_order_adds_up_to_the_cent(creds, seed):
    sb = WooCommerceSandbox(clock=lambda: 1_795_000_000.0, orders=60, seed=seed)
    conn = connector(creds)
    for payload in (sb.render(o) for o in sb.data.orders.values()):
        o = conn.normalise(payload)
        assert components(o) == o.total, o.external_id
        # per-line tax as AutoCount computes it (half-up per line) equals the store's
        for part in [*o.lines, *o.shipping]:
            assert _tax(part.net, part.tax_rate or D(0), o.taxes_included) == part.tax
        for extra in o.extras:
            assert extra.tax == 0 or any(
                _tax(extra.amount, r, o.taxes_included) == extra.tax for r in (D(6), D(8)))


def test_off_by_one_cent_fault_breaks_exactly_one_order(creds):
    sb = WooCommerceSandbox(clock=lambda: 1_795_000_000.0, off_by_cent=True)
    conn = connector(creds)
    bad = [oid for oid, o in sb.data.orders.items()
           if components(conn.normalise(sb.render(o))) != o["total"]]
    assert len(bad) == 1
    assert sb.expected()[str(bad[0])]["holds"] == {"amount_mismatch"}


def test_seed_is_deterministic_and_covers_the_edge_cases():
    a = WooCommerceSandbox(clock=lambda: 1_795_000_000.0, seed=4)
    b = WooCommerceSandbox(clock=lambda: 1_795_000_000.0, seed=4)
    assert [a.render(o) for o in a.data.orders.values()] == \
        [b.render(o) for o in b.data.orders.values()]
    expected = a.expected()
    assert {v["disposition"] for v in expected.values()} == {"postable", "waiting", "ignored"}
    holds = set().union(*(v["holds"] for v in expected.values()))
    assert holds == {"missing_sku", "unmapped_sku", "unknown_payment", "unmapped_shipping"}
    rendered = [a.render(o) for o in a.data.orders.values()]
    assert any(o["prices_include_tax"] for o in rendered)
    assert any(not o["prices_include_tax"] for o in rendered)
    assert any(o["coupon_lines"] for o in rendered) and any(o["fee_lines"] for o in rendered)
    assert any(o["refunds"] for o in rendered)
    assert any(o["customer_id"] == 0 for o in rendered)
    assert all(o["number"] != str(o["id"]) for o in rendered)
    untouched = copy.deepcopy(rendered)
    assert untouched == rendered
