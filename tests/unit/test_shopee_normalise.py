"""Shopee payload -> canonical Order: status table, lines, totals, fees."""

from decimal import Decimal as D

import pytest

from ecdesk.domain import ZERO, Disposition, FeeKind, Platform
from ecdesk.sync.connectors.base import PayloadError, StoreConfig
from ecdesk.sync.connectors.shopee import STATUS_TABLE, ShopeeConnector
from ecdesk.sync.http import HttpClient


def _conn(**settings):
    store = StoreConfig(1, "sp", Platform.SHOPEE, "", {"partner_id": "1", "shop_id": "2",
                                                       **settings})
    return ShopeeConnector(store, {}, HttpClient())


def _payload(status="COMPLETED", **income_over):
    order = {
        "order_sn": "261120ABCD1234", "region": "MY", "currency": "MYR", "cod": False,
        "order_status": status, "create_time": 1795000000, "update_time": 1795003600,
        "item_list": [
            {"item_id": 1, "item_name": "Cap", "item_sku": "CAP", "model_id": 11,
             "model_name": "Black", "model_sku": "CAP-BLK", "model_quantity_purchased": 2,
             "model_original_price": D("25.00"), "model_discounted_price": D("22.50"),
             "order_item_id": 5},
            {"item_id": 2, "item_name": "Old thing", "item_sku": "", "model_id": 0,
             "model_name": "", "model_sku": "", "model_quantity_purchased": 1,
             "model_original_price": D("10.00"), "model_discounted_price": D("10.00")},
        ],
        "payment_method": "ShopeePay", "shipping_carrier": "SPX Express",
        "total_amount": D("53.40"),  # 55.00 goods + 4.90 ship - 5 seller - 1 shopee - 0.50
        "recipient_address": {"name": "Ali", "phone": "6012", "full_address": "1 Jalan"},
    }
    income = {
        "escrow_amount": D("42.72"), "buyer_paid_shipping_fee": D("4.90"),
        "actual_shipping_fee": D("7.00"), "shopee_shipping_rebate": D("1.00"),
        "voucher_from_seller": D("5.00"), "voucher_from_shopee": D("1.00"),
        "coins": D("0.50"), "commission_fee": D("2.97"), "service_fee": D("1.65"),
        "seller_transaction_fee": D("1.56"), "seller_return_refund": D("0"),
    }
    income.update(income_over)
    return {"order": order, "escrow": {"order_sn": order["order_sn"],
                                       "order_income": income, "return_order_sn_list": []}}


def test_status_table_is_decisions_section_1():
    posted = {"READY_TO_SHIP", "PROCESSED", "RETRY_SHIP", "SHIPPED", "TO_CONFIRM_RECEIVE",
              "COMPLETED", "TO_RETURN"}
    assert {s for s, d in STATUS_TABLE.items() if d is Disposition.POSTABLE} == posted
    assert STATUS_TABLE["UNPAID"] is Disposition.WAITING
    assert STATUS_TABLE["CANCELLED"] is Disposition.IGNORED
    assert STATUS_TABLE["IN_CANCEL"] is Disposition.IGNORED


@pytest.mark.parametrize("status", sorted(STATUS_TABLE))
def test_every_status_normalises(status):
    o = _conn().normalise(_payload(status))
    assert o.disposition is STATUS_TABLE[status]
    assert o.cancelled == (status in ("CANCELLED", "IN_CANCEL"))


def test_unknown_status_is_a_payload_error():
    with pytest.raises(PayloadError, match="WEIRD"):
        _conn().normalise(_payload("WEIRD"))


def test_order_fields():
    o = _conn().normalise(_payload())
    assert o.platform is Platform.SHOPEE
    assert o.external_id == o.number == "261120ABCD1234"
    assert o.created_at.utcoffset().total_seconds() == 8 * 3600  # Asia/Kuala_Lumpur
    assert o.taxes_included is True
    first, second = o.lines
    assert (first.sku, first.quantity, first.unit_price, first.discount) == (
        "CAP-BLK", D(2), D("25.00"), D("5.00"))
    assert first.name == "Cap - Black"
    assert second.sku is None  # deleted product: no SKU at all
    assert o.shipping[0].method == "SPX Express" and o.shipping[0].amount == D("4.90")
    assert o.payment_methods == ["ShopeePay"]
    # the seller's sale (docs/decisions.md §6) = buyer paid + Shopee's voucher and coins; the
    # seller's own voucher is the invoice's discount, not a fee
    assert o.total == D("53.40") + D("1.00") + D("0.50") == D("54.90")
    assert o.order_discount == D("5.00")
    parts = sum((ln.net for ln in o.lines), ZERO) + sum((s.net for s in o.shipping), ZERO)
    assert parts - o.order_discount == o.total


def test_fees_map_escrow_fields_and_add_up_to_escrow():
    o = _conn().normalise(_payload())
    by_kind = {}
    for fee in o.fees:
        by_kind[fee.kind] = by_kind.get(fee.kind, ZERO) + fee.amount
    assert by_kind == {
        FeeKind.SHIPPING: D("6.00"),  # 7.00 courier - 1.00 Shopee rebate
        FeeKind.COMMISSION: D("2.97"), FeeKind.SERVICE: D("1.65"),
        FeeKind.TRANSACTION: D("1.56")}
    assert FeeKind.VOUCHER_PLATFORM not in by_kind  # Shopee pays its own vouchers
    assert FeeKind.VOUCHER_SELLER not in by_kind  # the seller's is on the invoice
    # escrow formula: 55.00 - 5.00 + 4.90 - 7.00 + 1.00 - 1.56 - 1.65 - 2.97 = 42.72
    escrow = o.raw["escrow"]["order_income"]["escrow_amount"]
    assert o.total - sum(f.amount for f in o.fees) == escrow == D("42.72")


def test_return_refund_becomes_a_refund():
    p = _payload("TO_RETURN", seller_return_refund=D("-11.25"))
    p["escrow"]["return_order_sn_list"] = ["R1"]
    o = _conn().normalise(p)
    assert [(r.refund_id, r.amount) for r in o.refunds] == [("R1", D("11.25"))]


def test_unpaid_order_without_escrow_still_adds_up():
    p = _payload("UNPAID")
    p["escrow"] = None
    del p["order"]["total_amount"]
    o = _conn().normalise(p)
    assert o.fees == [] and o.disposition is Disposition.WAITING
    assert o.total == sum((ln.net for ln in o.lines), ZERO)


def test_store_tax_rate_setting_gives_inclusive_line_tax():
    o = _conn(tax_rate="8").normalise(_payload())
    assert o.lines[0].tax_rate == D("8")
    assert o.lines[0].tax == D("3.33")  # 45.00 * 8 / 108
    assert _conn().normalise(_payload()).lines[0].tax_rate is None


def test_missing_fields_are_payload_errors():
    p = _payload()
    del p["order"]["create_time"]
    with pytest.raises(PayloadError):
        _conn().normalise(p)


def test_a_paid_order_without_settlement_data_waits_and_says_why():
    """Issue 14: no escrow (not released yet, or unreadable) means the vouchers and fees are
    unknown: the order waits instead of posting a guessed total."""
    p = _payload()
    p["escrow"] = None
    o = _conn().normalise(p)
    assert o.disposition is Disposition.WAITING
    assert "no settlement (escrow) data" in o.waiting_reason
