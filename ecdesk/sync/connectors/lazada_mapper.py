"""Lazada's order -> the canonical Order: the mapper half of the connector (issue 11, OCA's
adapter/mapper split), pure, so preview, replay and fuzzing need no store login.

Lazada has no order status: each item (one row per unit) has its own (:data:`ITEM_STATUS`,
:func:`disposition`); prices are tax-inclusive (``tax_amount`` per item is the tax inside
``item_price``); the seller's voucher is the invoice's discount and the finance rows give the
fees and the payout (``marketplace_fees``, docs/decisions.md §6).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from ecdesk.domain import (
    ZERO,
    Customer,
    Disposition,
    Order,
    OrderLine,
    Platform,
    ShippingLine,
)
from ecdesk.sync.connectors.base import PayloadError
from ecdesk.sync.connectors.marketplace_fees import dec, lazada_fees

#: docs/decisions.md §1, Lazada row, per item status (LZ-API GetOrders status values).
ITEM_STATUS: dict[str, Disposition] = {
    "unpaid": Disposition.WAITING,
    "canceled": Disposition.IGNORED,
    **{s: Disposition.POSTABLE for s in (
        "pending", "topack", "packed", "repacked", "toship", "ready_to_ship", "shipping",
        "shipped", "delivered", "confirmed", "failed", "failed_delivery", "returned",
        "shipped_back", "shipped_back_success", "shipped_back_failed", "lost",
        "lost_by_3pl", "damaged_by_3pl", "package_scrapped")},
}


def disposition(statuses: list[str]) -> Disposition:
    """All items canceled -> ignored; all others unpaid -> waiting; else postable."""
    unknown = [s for s in statuses if s not in ITEM_STATUS]
    if unknown:
        raise PayloadError(f"Lazada item status ecdesk does not know: {unknown[0]!r}.")
    live = [s for s in statuses if ITEM_STATUS[s] is not Disposition.IGNORED]
    if not live:
        return Disposition.IGNORED
    if all(ITEM_STATUS[s] is Disposition.WAITING for s in live):
        return Disposition.WAITING
    return Disposition.POSTABLE


def parse_time(value: Any) -> datetime:
    """Lazada's three date forms: ``2026-11-20 14:03:22 +0800``, ISO-8601, epoch ms."""
    text = str(value or "").strip()
    if text.isdigit():
        return datetime.fromtimestamp(int(text) / 1000, UTC)
    for fmt in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise PayloadError(f"Lazada sent an unreadable date {text!r}.") from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _rate_of(price: Decimal, tax: Decimal) -> Decimal:
    """The whole-percent rate whose inclusive tax on ``price`` is ``tax``."""
    net = price - tax
    if tax == 0 or net <= 0:
        return ZERO
    return (tax * 100 / net).quantize(Decimal(1), ROUND_HALF_UP)


#: a finance row's ``paid_status`` once paid: "Paid" in Lazada's example ("Not paid"
#: otherwise), "Yes" by the field's description ("Yes / No"); either is taken
PAID_STATUSES = frozenset({"paid", "yes"})


def _statement_day(statement: dict[str, Any]) -> date | None:
    """The day a paid statement was paid: its ``updated_at`` (when Lazada last changed it,
    i.e. marked it paid), else ``created_at``; "2018-01-04 00:23:04", the seller's time."""
    for key in ("updated_at", "created_at"):
        try:
            return date.fromisoformat(str(statement.get(key) or "").strip()[:10])
        except ValueError:
            continue
    return None


def payout_of(rows: list[dict[str, Any]], statements: list[dict[str, Any]] | None = None
              ) -> tuple[bool, str, date | None]:
    """Whether the order's finance rows are all paid, the one statement they were paid in
    (else ""), and that payout's day.

    ``statements``: Lazada's payout statements the rows name (``/finance/payout/status/get``).
    When each statement the rows name is among them, the statements decide: released when
    all are ``paid`` "1", the day the one statement was paid (:func:`_statement_day`).
    Otherwise (the call failed, a row in no statement yet, a statement not listed) the rows
    decide: all ``paid_status`` paid, the day of the latest row."""
    names = {str(r.get("statement") or "").strip() for r in rows}
    if not isinstance(statements, list):
        statements = None
    known = {str(s.get("statement_number") or "").strip(): s for s in statements or []
             if isinstance(s, dict)}
    if rows and statements is not None and "" not in names and names <= known.keys():
        released = all(str(known[n].get("paid") or "").strip() == "1" for n in names)
        if not released or len(names) != 1:
            return released, "", None
        name = names.pop()
        day = _statement_day(known[name])
        if day is not None:
            return True, name, day
    released = bool(rows) and all(
        str(r.get("paid_status") or "").strip().lower() in PAID_STATUSES for r in rows)
    if not released or len(names) != 1 or "" in names:
        return released, "", None
    days = []
    for r in rows:
        try:
            days.append(datetime.strptime(str(r.get("transaction_date") or ""), "%d %b %Y"))
        except ValueError:
            continue
    return released, names.pop(), max(days).date() if days else None


def normalise(payload: dict[str, Any], *, tz: ZoneInfo) -> Order:
    """Lazada's order, its items (one row per unit) and finance rows -> the canonical Order
    (pure: no store login; ``tz`` is the store's zone)."""
    order, items = payload["order"], payload.get("items") or []
    oid = str(order["order_id"])
    if not items:
        raise PayloadError(f"Lazada order {order.get('order_number', oid)} has no items.")
    statuses = [str(it.get("status")) for it in items]
    disp = disposition(statuses)
    # One item row per unit: aggregate identical units into one line.
    grouped: dict[tuple[Any, ...], OrderLine] = {}
    for it in items:
        price, tax = dec(it.get("item_price")), dec(it.get("tax_amount"))
        sku = str(it.get("sku") or "").strip() or None
        name = str(it.get("name") or "")
        if it.get("variation"):
            name = f"{name} ({it['variation']})"
        rate = _rate_of(price, tax)
        key = (sku, name, price, rate)
        line = grouped.get(key)
        if line is None:
            grouped[key] = OrderLine(str(it.get("order_item_id")), sku, name, Decimal(1),
                                     price, tax=tax, tax_rate=rate)
        else:
            line.quantity += 1
            line.tax += tax
    lines = list(grouped.values())
    provider = next((str(it.get("shipment_provider")).strip() for it in items
                     if it.get("shipment_provider")), "")
    shipping_fee = dec(order.get("shipping_fee"))
    shipping = [ShippingLine(provider, provider or "Shipping", shipping_fee)] \
        if provider or shipping_fee else []
    rows = payload.get("transactions")
    seller_voucher = dec(order.get("voucher_seller"))  # on the invoice (§6), not a fee
    fees, refunds = lazada_fees(rows, seller_voucher) if rows else ([], [])
    total = dec(order.get("price")) - seller_voucher + shipping_fee
    addr = order.get("address_shipping") or {}
    name = " ".join(str(order.get(k) or "") for k in
                    ("customer_first_name", "customer_last_name")).strip()
    released, payout_ref, payout_date = payout_of(rows or [], payload.get("statements"))
    return Order(
        platform=Platform.LAZADA, external_id=oid,
        number=str(order.get("order_number") or oid),
        created_at=parse_time(order["created_at"]).astimezone(tz),
        updated_at=parse_time(order.get("updated_at") or order["created_at"]).astimezone(tz),
        currency=str(items[0].get("currency") or "MYR"),
        status=", ".join(dict.fromkeys(statuses)), disposition=disp, total=total,
        taxes_included=True, lines=lines, shipping=shipping, order_discount=seller_voucher,
        tax_total=sum((ln.tax for ln in lines), ZERO),
        payment_methods=[str(order["payment_method"])] if order.get("payment_method")
        else [],
        customer=Customer(name=name, phone=str(addr.get("phone") or ""),
                          address=", ".join(str(addr[k]) for k in
                                            ("address1", "city", "post_code")
                                            if addr.get(k))),
        refunds=refunds, fees=fees, cancelled=disp is Disposition.IGNORED, raw=payload,
        settlement=sum((dec(r.get("amount")) for r in rows), ZERO) if rows else None,
        settlement_released=released,
        payout_ref=payout_ref, payout_date=payout_date,
    )
