"""Lazada payload -> canonical Order: item statuses, unit rows, tax, fees, dates."""

from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from ecdesk.domain import ZERO, Disposition, FeeKind, Platform
from ecdesk.sync.connectors.base import PayloadError, StoreConfig
from ecdesk.sync.connectors.lazada import ITEM_STATUS, LazadaConnector, disposition, parse_time
from ecdesk.sync.connectors.marketplace_fees import lazada_fees
from ecdesk.sync.http import HttpClient


def _conn():
    return LazadaConnector(StoreConfig(1, "lz", Platform.LAZADA, "", {"app_key": "1"}), {},
                           HttpClient())


def _item(n, sku="CAP-BLK", price="25.00", tax="1.85", status="delivered", **kw):
    return {"order_item_id": 100 + n, "sku": sku, "name": "Cap", "variation": "",
            "status": status, "item_price": price, "tax_amount": tax,
            "shipment_provider": "LEX MY", "currency": "MYR", **kw}


def _payload(statuses=("delivered", "delivered", "delivered"), rows=None):
    items = [_item(0, status=statuses[0]), _item(1, status=statuses[1]),
             _item(2, sku="MUG-WHT-350", price="18.50", tax="0.00", status=statuses[2])]
    order = {"order_id": 311, "order_number": 522, "created_at": "2026-11-20 14:03:22 +0800",
             "updated_at": "2026-11-21 09:00:00 +0800", "price": "68.50",
             "shipping_fee": "4.90", "payment_method": "COD", "voucher_seller": "0.00",
             "customer_first_name": "Siti", "customer_last_name": "Aminah",
             "address_shipping": {"phone": "6019", "address1": "1 Jalan", "city": "PJ"}}
    return {"order": order, "items": items, "transactions": rows}


def test_item_status_table_is_decisions_section_1():
    assert ITEM_STATUS["unpaid"] is Disposition.WAITING
    assert ITEM_STATUS["canceled"] is Disposition.IGNORED
    for s in ("pending", "packed", "ready_to_ship", "shipped", "delivered", "returned"):
        assert ITEM_STATUS[s] is Disposition.POSTABLE


@pytest.mark.parametrize(("statuses", "want"), [
    (["unpaid", "unpaid"], Disposition.WAITING),
    (["canceled", "canceled"], Disposition.IGNORED),
    (["pending", "canceled"], Disposition.POSTABLE),
    (["delivered", "returned"], Disposition.POSTABLE),
    (["unpaid", "canceled"], Disposition.WAITING),
    (["packed", "unpaid"], Disposition.POSTABLE),
])
def test_disposition_from_item_statuses(statuses, want):
    assert disposition(statuses) is want


def test_unknown_item_status_is_a_payload_error():
    with pytest.raises(PayloadError, match="teleported"):
        disposition(["teleported"])


def test_parse_all_three_date_forms():
    want = datetime(2018, 2, 9, 14, 44, 30, tzinfo=UTC)
    assert parse_time("2018-02-09 22:44:30 +0800") == want
    assert parse_time("2018-02-09T22:44:30+08:00") == want
    assert parse_time("1518187470000") == want


def test_unit_rows_aggregate_into_lines_with_inclusive_tax():
    o = _conn().normalise(_payload())
    assert o.platform is Platform.LAZADA
    assert (o.external_id, o.number) == ("311", "522")
    assert o.taxes_included
    cap, mug = o.lines
    assert (cap.sku, cap.quantity, cap.unit_price, cap.tax, cap.tax_rate) == (
        "CAP-BLK", D(2), D("25.00"), D("3.70"), D(8))
    assert (mug.quantity, mug.tax_rate) == (D(1), D(0))
    assert o.shipping[0].method == "LEX MY" and o.shipping[0].amount == D("4.90")
    assert o.total == D("73.40")
    assert sum((ln.net for ln in o.lines), ZERO) + o.shipping[0].net == o.total
    assert o.created_at.isoformat() == "2026-11-20T14:03:22+08:00"
    assert o.payment_methods == ["COD"] and o.customer.name == "Siti Aminah"


def test_price_with_thousands_separator():
    p = _payload()
    p["order"]["price"] = "1,068.50"
    assert _conn().normalise(p).total == D("1073.40")


def test_finance_rows_become_fees_and_refunds_that_add_up():
    rows = [
        {"fee_type": "13", "fee_name": "Item Price Credit", "amount": "68.50"},
        {"fee_type": "8", "fee_name": "Shipping Fee (Paid By Customer)", "amount": "4.90"},
        {"fee_type": "16", "fee_name": "Commission", "amount": "-2.74"},
        {"fee_type": "3", "fee_name": "Payment Fee", "amount": "-1.37"},
        {"fee_type": "7", "fee_name": "Shipping Fee Paid by Seller", "amount": "-6.10"},
        {"fee_type": "118", "fee_name": "Promotional Charges Vouchers", "amount": "-5.00"},
        {"fee_type": "14", "fee_name": "Reversal Item Price", "amount": "-18.50",
         "orderItem_no": "102"},
        {"fee_type": "15", "fee_name": "Reversal Commission", "amount": "0.74"},
        {"fee_type": "999", "fee_name": "Mystery", "amount": "-0.10"},
    ]
    o = _conn().normalise(_payload(("delivered", "delivered", "returned"), rows))
    kinds = {f.description: (f.kind, f.amount) for f in o.fees}
    assert kinds == {
        "Commission": (FeeKind.COMMISSION, D("2.74")),
        "Payment Fee": (FeeKind.TRANSACTION, D("1.37")),
        "Shipping Fee Paid by Seller": (FeeKind.SHIPPING, D("6.10")),
        "Promotional Charges Vouchers": (FeeKind.VOUCHER_SELLER, D("5.00")),
        "Reversal Commission": (FeeKind.COMMISSION, D("-0.74")),
        "Mystery": (FeeKind.OTHER, D("0.10")),
    }
    assert [(r.refund_id, r.amount) for r in o.refunds] == [("102", D("18.50"))]
    settlement = sum((D(r["amount"]) for r in rows), ZERO)
    assert o.total - sum((f.amount for f in o.fees), ZERO) - o.refunded == settlement


def test_revenue_rows_are_not_fees():
    fees, refunds = lazada_fees([{"fee_type": "13", "amount": "10.00"},
                                 {"fee_type": "8", "amount": "4.90"}])
    assert fees == [] and refunds == []


def test_no_items_is_a_payload_error():
    p = _payload()
    p["items"] = []
    with pytest.raises(PayloadError, match="no items"):
        _conn().normalise(p)


def test_a_seller_voucher_is_the_invoices_discount_not_a_fee():
    """docs/decisions.md §6: Lazada's ``voucher_seller`` comes off the invoice; its finance
    row is not a fee; what the seller's promotions charge beyond it stays one."""
    rows = [
        {"fee_type": "13", "fee_name": "Item Price Credit", "amount": "68.50"},
        {"fee_type": "8", "fee_name": "Shipping Fee (Paid By Customer)", "amount": "4.90"},
        {"fee_type": "16", "fee_name": "Commission", "amount": "-2.74"},
        {"fee_type": "118", "fee_name": "Promotional Charges Vouchers", "amount": "-5.00"},
        {"fee_type": "117", "fee_name": "Promotional Charges Bundles", "amount": "-2.00"},
    ]
    p = _payload(rows=rows)
    p["order"]["voucher_seller"] = "5.00"
    o = _conn().normalise(p)
    assert (o.total, o.order_discount) == (D("68.50") - D("5.00") + D("4.90"), D("5.00"))
    assert {f.description: (f.kind, f.amount) for f in o.fees} == {
        "Commission": (FeeKind.COMMISSION, D("2.74")),
        "Seller promotions beyond the order's voucher": (FeeKind.VOUCHER_SELLER, D("2.00"))}
    settlement = sum((D(r["amount"]) for r in rows), ZERO)
    assert o.total - sum((f.amount for f in o.fees), ZERO) == settlement
    before_settlement = _conn().normalise({**p, "transactions": None})
    assert before_settlement.total == o.total  # the invoice does not wait for finance rows


def test_the_payout_is_the_one_paid_statement_dated_by_its_latest_row():
    from datetime import date

    from ecdesk.sync.connectors.lazada_mapper import payout_of

    def row(day: str, statement: str = "MY-2026-W48", paid: str = "Paid") -> dict:
        return {"transaction_date": day, "statement": statement, "paid_status": paid}

    assert payout_of([row("20 Nov 2026"), row("22 Nov 2026")]) == (
        True, "MY-2026-W48", date(2026, 11, 22))
    assert payout_of([row("20 Nov 2026"), row("22 Nov 2026", paid="Not paid")]) == (
        False, "", None)
    assert payout_of([row("20 Nov 2026"), row("29 Nov 2026", "MY-2026-W49")])[1] == ""
    assert payout_of([]) == (False, "", None)
