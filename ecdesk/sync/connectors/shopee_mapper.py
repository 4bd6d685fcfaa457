"""Shopee's order detail and escrow -> the canonical Order: the mapper half of the connector
(issue 11, OCA's adapter/mapper split), pure, so preview, replay and fuzzing need no store
login.

Status table :data:`STATUS_TABLE` (docs/decisions.md §1). The invoice is the seller's sale:
the buyer's payment plus Shopee's own vouchers and coins, with the seller's vouchers as the
order's discount; fees and the payout come from the escrow (``marketplace_fees``,
docs/decisions.md §6). No escrow yet: the order waits.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from ecdesk.domain import (
    CENT,
    ZERO,
    Customer,
    Disposition,
    Order,
    OrderLine,
    Platform,
    ShippingLine,
)
from ecdesk.sync.connectors.base import PayloadError
from ecdesk.sync.connectors.marketplace_fees import (
    SHOPEE_PLATFORM_VOUCHERS,
    dec,
    shopee_fees,
    shopee_refund,
    shopee_seller_discount,
)

#: docs/decisions.md §1, Shopee row (statuses per developer guide "v2.0 data definition").
STATUS_TABLE: dict[str, Disposition] = {
    "READY_TO_SHIP": Disposition.POSTABLE,
    "PROCESSED": Disposition.POSTABLE,
    "RETRY_SHIP": Disposition.POSTABLE,
    "SHIPPED": Disposition.POSTABLE,
    "TO_CONFIRM_RECEIVE": Disposition.POSTABLE,
    "COMPLETED": Disposition.POSTABLE,
    "TO_RETURN": Disposition.POSTABLE,
    "UNPAID": Disposition.WAITING,
    "PENDING": Disposition.WAITING,
    "INVOICE_PENDING": Disposition.WAITING,
    "CANCELLED": Disposition.IGNORED,
    "IN_CANCEL": Disposition.IGNORED,
}


def _epoch(value: Any, tz: ZoneInfo) -> datetime:
    try:
        return datetime.fromtimestamp(int(value), UTC).astimezone(tz)
    except (TypeError, ValueError) as exc:
        raise PayloadError(f"Shopee sent an unreadable time {value!r}") from exc


def _payout(income: dict[str, Any]) -> Decimal | None:
    """What Shopee pays for the order: the escrow after its adjustments (the fees carry the
    adjustments), None before there is an escrow."""
    for key in ("escrow_amount_after_adjustment", "escrow_amount"):
        if income.get(key) is not None:
            return dec(income[key])
    return None


def release_day(release: dict[str, Any] | None, tz: ZoneInfo) -> date | None:
    """The day (store's zone) Shopee released the escrow, from ``get_escrow_list``: the
    order's payout for ``posting_mode=payout`` (docs/decisions.md §9); None unknown."""
    at = (release or {}).get("escrow_release_time")
    if not at:
        return None
    try:
        return datetime.fromtimestamp(int(at), tz).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def normalise(payload: dict[str, Any], *, tz: ZoneInfo, tax_rate: Decimal | None = None
              ) -> Order:
    """Shopee's order detail and escrow -> the canonical Order (pure: no store login;
    ``tz`` is the store's zone, ``tax_rate`` its ``tax_rate`` setting)."""
    order = payload["order"]
    escrow = payload.get("escrow") or None
    income = (escrow or {}).get("order_income") or {}
    sn = str(order["order_sn"])
    status = str(order.get("order_status") or "")
    if status not in STATUS_TABLE:
        raise PayloadError(f"Shopee order {sn} has a status ecdesk does not know: "
                           f"{status!r}.")
    rate = tax_rate
    lines = []
    for item in order.get("item_list") or []:
        qty = dec(item["model_quantity_purchased"])
        original = dec(item.get("model_original_price"))
        discounted = dec(item.get("model_discounted_price"))
        sku = str(item.get("model_sku") or item.get("item_sku") or "").strip() or None
        name = str(item.get("item_name") or "")
        if item.get("model_name"):
            name = f"{name} - {item['model_name']}"
        net = discounted * qty
        tax = ZERO
        if rate:
            tax = (net * rate / (100 + rate)).quantize(CENT, ROUND_HALF_UP)
        lines.append(OrderLine(
            line_id=f"{item.get('order_item_id') or item.get('item_id')}:"
                    f"{item.get('model_id', 0)}",
            sku=sku, name=name, quantity=qty, unit_price=original,
            discount=(original - discounted) * qty, tax=tax, tax_rate=rate))
    shipping_paid = dec(income.get("buyer_paid_shipping_fee"))
    carrier = str(order.get("shipping_carrier") or "")
    shipping = [ShippingLine(method=carrier, title=carrier or "Shipping",
                             amount=shipping_paid)] if carrier or shipping_paid else []
    platform_paid = sum((dec(income.get(f)) for f in SHOPEE_PLATFORM_VOUCHERS), ZERO)
    seller_discount = shopee_seller_discount(income)  # on the invoice (§6), not a fee
    disp = STATUS_TABLE[status]
    waiting = ""
    if order.get("total_amount") is not None and escrow is not None:
        total = dec(order["total_amount"]) + platform_paid  # the seller's sale
    else:  # unpaid, or no settlement data yet: never a guessed total
        total = sum((ln.net for ln in lines), ZERO) + shipping_paid
        if disp is Disposition.POSTABLE:
            disp = Disposition.WAITING
            waiting = ("Shopee has no settlement (escrow) data for this order yet, so its "
                       "vouchers and fees are not known; it is posted once they are.")
    addr = order.get("recipient_address") or {}
    refund = shopee_refund(sn, escrow) if escrow else None
    released = escrow is not None and status == "COMPLETED"
    payout_day = release_day(payload.get("release"), tz) if released else None
    return Order(
        platform=Platform.SHOPEE, external_id=sn, number=sn,
        created_at=_epoch(order["create_time"], tz),
        updated_at=_epoch(order.get("update_time") or order["create_time"], tz),
        currency=str(order.get("currency") or "MYR"), status=status,
        settlement=_payout(income),
        settlement_released=released,
        payout_ref=payout_day.isoformat() if payout_day else "", payout_date=payout_day,
        disposition=disp, total=total, taxes_included=True,
        lines=lines, shipping=shipping, order_discount=seller_discount,
        waiting_reason=waiting,
        tax_total=sum((ln.tax for ln in lines), ZERO),
        payment_methods=[str(order["payment_method"])] if order.get("payment_method")
        else [],
        customer=Customer(name=str(addr.get("name") or order.get("buyer_username") or ""),
                          phone=str(addr.get("phone") or ""),
                          address=str(addr.get("full_address") or ""),
                          external_id=str(order.get("buyer_user_id") or "")),
        refunds=[refund] if refund else [],
        fees=shopee_fees(income) if escrow else [],
        cancelled=status in ("CANCELLED", "IN_CANCEL"),
        raw=payload,
    )
