"""Marketplace settlement lines -> :class:`~ecdesk.domain.Fee` (fees are not revenue).

How a marketplace order is split (Shopee and Lazada alike):

* ``Order.total`` is the **seller's sale** (docs/decisions.md §6): items at the seller's
  selling price (after the seller's own item discounts), less the seller-funded vouchers
  (``Order.order_discount``: a discount on the invoice, not a fee), plus the shipping fee
  the buyer paid. Platform-funded vouchers and coins are paid by the marketplace, so they do
  not reduce it (reference/shopee-lazada-contracts.md §4 "NOT seller costs"); the buyer's
  own payment is ``total`` minus the platform's vouchers and coins.
* ``Order.fees`` are what the marketplace deducts before paying out: positive = charged to
  the seller, negative = credited (subsidy, rebate, reversal). Each :class:`FeeKind` maps to
  a ledger per store.
* Settlement identity, tested over every seeded order:
  ``total - sum(fees) - refunded == settlement`` (Shopee ``escrow_amount``; Lazada the sum
  of the order's finance transaction ``amount`` rows).

``FeeKind.VOUCHER_PLATFORM`` is deliberately never emitted: a platform voucher is neither
revenue lost nor a charge to the seller (the marketplace pays the full price to the seller).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from ecdesk.domain import ZERO, Fee, FeeKind, Refund

# --- Shopee ---------------------------------------------------------------------------------
# payment/get_escrow_detail ``response.order_income`` fields (SP-SCHEMA
# v2.payment.get_escrow_detail; escrow_amount formula). Each is a positive number that the
# formula subtracts; (field, kind, description).
SHOPEE_FEE_FIELDS: tuple[tuple[str, FeeKind, str], ...] = (
    ("commission_fee", FeeKind.COMMISSION, "Shopee commission fee"),
    ("order_ams_commission_fee", FeeKind.COMMISSION, "Shopee affiliate (AMS) commission"),
    ("service_fee", FeeKind.SERVICE, "Shopee service fee"),
    ("seller_order_processing_fee", FeeKind.SERVICE, "Shopee order processing fee"),
    ("seller_transaction_fee", FeeKind.TRANSACTION, "Shopee transaction (payment) fee"),
    ("reverse_shipping_fee", FeeKind.SHIPPING, "Return shipping fee"),
    ("final_return_to_seller_shipping_fee", FeeKind.SHIPPING, "Return-to-seller shipping fee"),
    ("shipping_fee_sst", FeeKind.SHIPPING, "SST on shipping fee"),
    ("reverse_shipping_fee_sst", FeeKind.SHIPPING, "SST on return shipping fee"),
    ("campaign_fee", FeeKind.OTHER, "Shopee campaign fee"),
    ("ads_escrow_top_up_fee_or_technical_support_fee", FeeKind.OTHER, "Ads escrow top-up"),
    ("shipping_seller_protection_fee_amount", FeeKind.OTHER, "Shipping protection fee"),
    ("delivery_seller_protection_fee_premium_amount", FeeKind.OTHER, "Delivery protection fee"),
    ("withholding_tax", FeeKind.OTHER, "Withholding tax"),
)
# Seller-funded vouchers and coin cash back: the invoice's discount (docs/decisions.md §6).
SHOPEE_SELLER_VOUCHERS = ("voucher_from_seller", "seller_coin_cash_back")
# Platform-funded: paid to the seller by Shopee, so part of the seller's sale.
SHOPEE_PLATFORM_VOUCHERS = ("voucher_from_shopee", "coins")
# Courier cost borne by the seller. The buyer-paid part is revenue on the order's shipping
# line, so the fee is the courier's charge less what Shopee or the 3PL took off it.
SHOPEE_SHIPPING_CHARGE = "actual_shipping_fee"
SHOPEE_SHIPPING_CREDITS = ("shopee_shipping_rebate", "shipping_fee_discount_from_3pl")


def dec(value: Any) -> Decimal:
    """A JSON number or numeric string as Decimal (None/"" -> 0; Lazada "1,234.50" ok)."""
    if value is None or value == "":
        return ZERO
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):  # never produced by ``loads``; guard against raw floats
        return Decimal(repr(value))
    return Decimal(str(value).replace(",", "").strip())


def shopee_fees(order_income: Mapping[str, Any]) -> list[Fee]:
    """The fees of one Shopee escrow, in the order of :data:`SHOPEE_FEE_FIELDS`."""
    fees: list[Fee] = []
    courier = dec(order_income.get(SHOPEE_SHIPPING_CHARGE)) - sum(
        (dec(order_income.get(f)) for f in SHOPEE_SHIPPING_CREDITS), ZERO
    )
    if courier:
        fees.append(Fee(FeeKind.SHIPPING, courier, "Shipping fee borne by the seller"))
    for name, kind, text in SHOPEE_FEE_FIELDS:
        amount = dec(order_income.get(name))
        if amount:
            fees.append(Fee(kind, amount, text))
    # Shopee-funded item rebate (shopee_discount above the original) is a credit.
    rebate = dec(order_income.get("shopee_discount")) - dec(
        order_income.get("original_shopee_discount")
    )
    if rebate:
        fees.append(Fee(FeeKind.OTHER, -rebate, "Shopee item rebate"))
    adjustment = dec(order_income.get("total_adjustment_amount"))
    if adjustment:
        fees.append(Fee(FeeKind.OTHER, -adjustment, "Shopee adjustment"))
    return fees


def shopee_refund(order_sn: str, escrow: Mapping[str, Any]) -> Refund | None:
    """``seller_return_refund`` (negative in the escrow formula) as a positive Refund."""
    income = escrow.get("order_income") or {}
    amount = -dec(income.get("seller_return_refund"))
    if amount <= 0:
        return None
    returns = escrow.get("return_order_sn_list") or []
    return Refund(str(returns[0]) if returns else f"{order_sn}-return", amount,
                  reason="Shopee return/refund")


# --- Lazada ---------------------------------------------------------------------------------
# /finance/transaction/details/get rows: ``fee_type`` id -> kind (LZ-API finance-api,
# official fee type list). ``amount`` is negative for a charge, so Fee.amount = -amount.
LAZADA_REVENUE_TYPES = frozenset({"13", "8"})  # Item Price Credit; Shipping Fee (Paid By Customer)
LAZADA_REFUND_TYPES = frozenset({"14"})  # Reversal Item Price
LAZADA_FEE_TYPES: dict[str, FeeKind] = {
    "16": FeeKind.COMMISSION,  # Commission
    "15": FeeKind.COMMISSION,  # Reversal Commission
    "65": FeeKind.COMMISSION,  # Commission Rebate
    "66": FeeKind.COMMISSION,
    "123": FeeKind.COMMISSION,
    "3": FeeKind.TRANSACTION,  # Payment Fee
    "4": FeeKind.TRANSACTION,  # Payment Fee Credit
    "67": FeeKind.TRANSACTION,
    "84": FeeKind.TRANSACTION,
    "221": FeeKind.TRANSACTION,  # Installment fee
    "7": FeeKind.SHIPPING,  # Shipping Fee Paid by Seller
    "21": FeeKind.SHIPPING,  # Shipping Fee (Charged By 3P)
    "28": FeeKind.SHIPPING,  # Shipping Cost
    "26": FeeKind.SHIPPING,  # Return To Seller Fee
    "128": FeeKind.SHIPPING,  # Failed Delivery Fee
    "142": FeeKind.SHIPPING,
    "143": FeeKind.SHIPPING,
    "157": FeeKind.SHIPPING,  # Auto. Shipping fee subsidy (by Lazada): a credit
    "211": FeeKind.SHIPPING,  # Shipping Fee Voucher (by Lazada): a credit
    "117": FeeKind.VOUCHER_SELLER,  # Promotional Charges Bundles
    "118": FeeKind.VOUCHER_SELLER,  # Promotional Charges Vouchers
    "119": FeeKind.VOUCHER_SELLER,  # Promotional Charges General
    "120": FeeKind.VOUCHER_SELLER,
    "121": FeeKind.VOUCHER_SELLER,
    "122": FeeKind.VOUCHER_SELLER,
    "202": FeeKind.VOUCHER_SELLER,  # Seller Funded Marketing Voucher
    "203": FeeKind.VOUCHER_SELLER,
    "209": FeeKind.VOUCHER_SELLER,  # Promotional Charges Flexi-Combo
    "210": FeeKind.VOUCHER_SELLER,
    "59": FeeKind.OTHER,  # Item Price Subsidy (credit)
    "112": FeeKind.OTHER,  # Sponsored Product Fee
    "20": FeeKind.OTHER,  # Other Fee
}


def shopee_seller_discount(order_income: Mapping[str, Any]) -> Decimal:
    """The seller-funded vouchers and coins of one escrow (the invoice's discount)."""
    return sum((dec(order_income.get(f)) for f in SHOPEE_SELLER_VOUCHERS), ZERO)


def lazada_fees(rows: Iterable[Mapping[str, Any]], seller_voucher: Decimal = ZERO
                ) -> tuple[list[Fee], list[Refund]]:
    """Fees (summed per fee name, in first-seen order) and refunds of one order's rows.

    Revenue rows (item price, buyer-paid shipping) are the order's own total and are left
    out; an unknown fee type counts as ``OTHER`` so the settlement still adds up. The
    seller's promotional charges up to ``seller_voucher`` (the order's ``voucher_seller``,
    already a discount on the invoice) are left out too; what they charge beyond it (a
    bundle or flexi-combo promotion) stays a seller-voucher fee.
    """
    fees: dict[tuple[FeeKind, str], Decimal] = {}
    refunds: list[Refund] = []
    for row in rows:
        fee_type = str(row.get("fee_type", ""))
        amount = dec(row.get("amount"))
        if fee_type in LAZADA_REVENUE_TYPES:
            continue
        if fee_type in LAZADA_REFUND_TYPES:
            refunds.append(Refund(str(row.get("orderItem_no") or row.get("transaction_number")),
                                  -amount, reason=str(row.get("fee_name") or "Refund")))
            continue
        kind = LAZADA_FEE_TYPES.get(fee_type, FeeKind.OTHER)
        key = (kind, str(row.get("fee_name") or f"Lazada fee type {fee_type}"))
        fees[key] = fees.get(key, ZERO) - amount
    promotions = sum((amt for (kind, _n), amt in fees.items()
                      if kind is FeeKind.VOUCHER_SELLER), ZERO)
    if seller_voucher and promotions:
        fees = {k: v for k, v in fees.items() if k[0] is not FeeKind.VOUCHER_SELLER}
        beyond = promotions - seller_voucher
        if beyond:
            fees[(FeeKind.VOUCHER_SELLER, "Seller promotions beyond the order's voucher")] = \
                beyond
    return [Fee(kind, amt, name) for (kind, name), amt in fees.items() if amt], refunds
