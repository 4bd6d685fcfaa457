"""Issue 14's property: for any consistent marketplace order, the invoice minus the fee note
equals the payout to the cent (docs/decisions.md §6), with seller vouchers on the invoice as
its discount and platform vouchers and coins off it."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from ecdesk.domain import DocumentDraft, Platform
from ecdesk.sync import posting
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.lazada import LazadaConnector
from ecdesk.sync.connectors.shopee import ShopeeConnector
from ecdesk.sync.http import HttpClient
from ecdesk.sync.matching import ItemMap, Maps
from tests.unit.test_posting import rules

money = st.decimals(min_value=D("0.01"), max_value=D("300.00"), places=2)
small = st.decimals(min_value=D("0.00"), max_value=D("9.99"), places=2)
FEES = {f"fee_account_{k}": f"908-{n}000" for n, k in enumerate(
    ("commission", "service", "transaction", "shipping_fee", "voucher_seller", "other"), 1)}
MAPS = Maps(items={"A": ItemMap("ITEM-A"), "B": ItemMap("ITEM-B")},
            shipping={"SPX": "SHIPPING", "LEX": "SHIPPING"},
            payment={"ShopeePay": "EWALLET", "COD": "CASH"}, tax={"0": "none"})


def invoice_less_fees(order) -> D:
    r = rules(**FEES)
    sale = posting.build_draft(order, MAPS, r)
    assert isinstance(sale, DocumentDraft), sale
    fee_note = posting.build_fee_note(order, r, sale.doc_no)
    assert not isinstance(fee_note, list), fee_note
    return sale.total - (fee_note.total if fee_note else D(0))


@st.composite
def shopee_payload(draw):
    items, goods = [], D(0)
    for n in range(draw(st.integers(1, 4))):
        original = draw(money)
        discounted = original - draw(st.decimals(min_value=D(0), max_value=original - D("0.01"),
                                                 places=2)) if original > D("0.01") else original
        qty = draw(st.integers(1, 5))
        goods += discounted * qty
        items.append({"item_id": n, "item_name": "Thing", "model_id": n, "model_name": "",
                      "model_sku": draw(st.sampled_from(["A", "B"])), "order_item_id": n,
                      "model_quantity_purchased": qty, "model_original_price": original,
                      "model_discounted_price": discounted})
    shipping = draw(small)
    seller_voucher = draw(st.decimals(min_value=D(0), max_value=goods, places=2))
    platform_voucher, coins = draw(small), draw(small)
    courier, rebate = draw(small), draw(small)
    commission, service, transaction = draw(money), draw(small), draw(small)
    escrow = (goods - seller_voucher + shipping - courier + rebate - commission - service
              - transaction)
    order = {"order_sn": "S1", "currency": "MYR", "order_status": "COMPLETED",
             "create_time": 1795000000, "update_time": 1795003600, "item_list": items,
             "payment_method": "ShopeePay", "shipping_carrier": "SPX",
             "total_amount": goods + shipping - seller_voucher - platform_voucher - coins}
    income = {"escrow_amount": escrow, "buyer_paid_shipping_fee": shipping,
              "actual_shipping_fee": courier, "shopee_shipping_rebate": rebate,
              "voucher_from_seller": seller_voucher, "voucher_from_shopee": platform_voucher,
              "coins": coins, "commission_fee": commission, "service_fee": service,
              "seller_transaction_fee": transaction}
    return {"order": order, "escrow": {"order_sn": "S1", "order_income": income,
                                       "return_order_sn_list": []}}, escrow


@settings(max_examples=150, deadline=None)
@given(shopee_payload())
def test_shopee_invoice_minus_fee_note_is_the_escrow(generated):
    payload, escrow = generated
    conn = ShopeeConnector(StoreConfig(1, "sp", Platform.SHOPEE, "",
                                       {"partner_id": "1", "shop_id": "2"}), {}, HttpClient())
    order = conn.normalise(payload)
    if sum(f.amount for f in order.fees) <= 0:
        return  # rebates above charges: held for the clerk (a credit note cannot be negative)
    assert invoice_less_fees(order) == escrow


@st.composite
def lazada_payload(draw):
    items, rows, price = [], [], D(0)
    for n in range(draw(st.integers(1, 5))):
        p = draw(money)
        price += p
        items.append({"order_item_id": n, "sku": draw(st.sampled_from(["A", "B"])),
                      "name": "Thing", "status": "delivered", "item_price": str(p),
                      "tax_amount": "0.00", "shipment_provider": "LEX", "currency": "MYR"})
        rows.append({"fee_type": "13", "fee_name": "Item Price Credit", "amount": str(p)})
        rows.append({"fee_type": "16", "fee_name": "Commission",
                     "amount": str(-(p * D("0.04")).quantize(D("0.01")))})
    shipping, seller_voucher = draw(small), draw(st.decimals(min_value=D(0), max_value=price,
                                                             places=2))
    if shipping:
        rows.append({"fee_type": "8", "fee_name": "Shipping Fee (Paid By Customer)",
                     "amount": str(shipping)})
    rows.append({"fee_type": "7", "fee_name": "Shipping Fee Paid by Seller",
                 "amount": str(-(shipping + draw(small)))})
    if seller_voucher:
        rows.append({"fee_type": "118", "fee_name": "Promotional Charges Vouchers",
                     "amount": str(-seller_voucher)})
    extra = draw(small)
    if extra:
        rows.append({"fee_type": "117", "fee_name": "Promotional Charges Bundles",
                     "amount": str(-extra)})
    order = {"order_id": 1, "order_number": 2, "created_at": "2026-11-20 14:03:22 +0800",
             "updated_at": "2026-11-21 09:00:00 +0800", "price": str(price),
             "shipping_fee": str(shipping), "payment_method": "COD",
             "voucher_seller": str(seller_voucher), "voucher_platform": str(draw(small))}
    payout = sum((D(r["amount"]) for r in rows), D(0))
    return {"order": order, "items": items, "transactions": rows}, payout


@settings(max_examples=150, deadline=None)
@given(lazada_payload())
def test_lazada_invoice_minus_fee_note_is_the_payout(generated):
    payload, payout = generated
    conn = LazadaConnector(StoreConfig(1, "lz", Platform.LAZADA, "", {"app_key": "1"}), {},
                           HttpClient())
    order = conn.normalise(payload)
    if sum(f.amount for f in order.fees) <= 0:
        return
    assert invoice_less_fees(order) == payout


def test_a_payout_whose_parts_do_not_add_up_is_held_with_both_figures():
    """Issue 14: inconsistent escrow data never becomes a fee note."""
    from tests.unit.test_shopee_normalise import _conn, _payload

    good = _conn().normalise(_payload())
    note = posting.build_fee_note(good, rules(**FEES), "SP-1")
    assert isinstance(note, DocumentDraft) and good.total - note.total == D("42.72")
    bad = _conn().normalise(_payload(escrow_amount=D("41.72"), escrow_amount_after_adjustment=D(
        "41.72")))
    held = posting.build_fee_note(bad, rules(**FEES), "SP-1")
    assert isinstance(held, list) and [h.key for h in held] == ["amount_mismatch.payout"]
    assert "is MYR 42.72, but the payout it states is MYR 41.72 (difference MYR 1.00)" \
        in held[0].detail
