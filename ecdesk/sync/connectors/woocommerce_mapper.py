"""WooCommerce's order JSON -> the canonical Order: the mapper half of the connector (issue
11, OCA's adapter/mapper split), pure, so preview, replay and fuzzing need no store login.

Status table :data:`STATUS_TABLE` (docs/decisions.md §1); dates from the ``*_gmt`` fields;
line tax rates from the order's ``tax_lines`` (or guessed from the amounts when a plugin
leaves them out); refunds from the order's refund list; an order paid with WooPayments whose
transactions ecdesk read carries its settlement (:mod:`.woopayments`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from ecdesk.clock import store_zone
from ecdesk.domain import (
    ZERO,
    Customer,
    Disposition,
    ExtraCharge,
    Order,
    OrderLine,
    Platform,
    Refund,
    ShippingLine,
)
from ecdesk.sync.connectors.base import PayloadError
from ecdesk.sync.connectors.woopayments import KEY as PAYMENTS_KEY
from ecdesk.sync.connectors.woopayments import pays_with_woopayments, settlement_of

#: docs/decisions.md §1: WooCommerce order status -> what it means for posting. ``checkout-draft``
#: is a Blocks checkout that was never placed.
STATUS_TABLE: dict[str, Disposition] = {
    "processing": Disposition.POSTABLE,
    "completed": Disposition.POSTABLE,
    "refunded": Disposition.POSTABLE,
    "pending": Disposition.WAITING,
    "on-hold": Disposition.WAITING,
    "cancelled": Disposition.IGNORED,
    "failed": Disposition.IGNORED,
    "trash": Disposition.IGNORED,
    "checkout-draft": Disposition.IGNORED,
}

def parse_gmt(value: Any, what: str) -> datetime:
    """WooCommerce ``*_gmt`` fields: ISO 8601 without a zone, meaning UTC (§2.3)."""
    try:
        dt = datetime.fromisoformat(str(value))
    except (TypeError, ValueError) as exc:
        raise PayloadError(f"field '{what}' is not a date: {value!r}") from exc
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def normalise(payload: dict[str, Any], tz: ZoneInfo | None = None) -> Order:
    """WooCommerce's order JSON -> the canonical Order (pure: no store login); what cannot
    be read is a PayloadError naming the order. ``tz``: the store's zone, for the day of a
    WooPayments deposit."""
    oid = payload.get("id", "?")
    try:
        return _normalise(payload, tz or store_zone(None))
    except PayloadError as exc:
        raise PayloadError(f"WooCommerce order {oid}: {exc}") from exc
    except (KeyError, TypeError, ValueError, InvalidOperation, ZeroDivisionError) as exc:
        raise PayloadError(f"WooCommerce order {oid}: unreadable data ({exc!r}). Open the "
                           "order in WooCommerce to check it.") from exc


def _normalise(p: dict[str, Any], tz: ZoneInfo) -> Order:
    status = str(p["status"])
    if status not in STATUS_TABLE:
        raise PayloadError(f"status '{status}' is not a WooCommerce status ecdesk knows "
                           "(a plugin's own status?), so it cannot tell whether the order "
                           "is paid.")
    incl = bool(p.get("prices_include_tax"))
    rates = {str(t.get("rate_id")): tax_rate(t["rate_percent"])
             for t in p.get("tax_lines") or [] if t.get("rate_percent") is not None}

    def rate_of(part: dict[str, Any], ex_amount: Decimal, tax: Decimal) -> Decimal | None:
        ids = [str(t.get("id")) for t in part.get("taxes") or [] if dec(t.get("total"))]
        if len(ids) == 1 and ids[0] in rates:
            return rates[ids[0]]
        if tax == 0:
            return None
        return guess_rate(ex_amount, tax)

    lines = []
    for li in p.get("line_items") or []:
        qty = dec(li["quantity"], "line_items.quantity")
        if qty <= 0:
            raise PayloadError(f"line '{li.get('name')}' has quantity {qty}")
        sub, sub_tax = dec(li["subtotal"]), dec(li.get("subtotal_tax"))
        total, tax = dec(li["total"]), dec(li.get("total_tax"))
        gross, net = (sub + sub_tax, total + tax) if incl else (sub, total)
        lines.append(OrderLine(
            line_id=str(li["id"]), sku=(li.get("sku") or None), name=str(li.get("name")),
            quantity=qty, unit_price=gross / qty, discount=gross - net, tax=tax,
            tax_rate=rate_of(li, total, tax)))
    shipping = []
    for sl in p.get("shipping_lines") or []:
        total, tax = dec(sl["total"]), dec(sl.get("total_tax"))
        shipping.append(ShippingLine(
            method=str(sl.get("method_id") or ""), title=str(sl.get("method_title") or ""),
            amount=total + tax if incl else total, tax=tax,
            tax_rate=rate_of(sl, total, tax)))
    extras = []
    for fl in p.get("fee_lines") or []:
        total, tax = dec(fl["total"]), dec(fl.get("total_tax"))
        extras.append(ExtraCharge(name=str(fl.get("name") or "Fee"),
                                  amount=total + tax if incl else total, tax=tax))
    billing = p.get("billing") or {}
    name = " ".join(x for x in (billing.get("first_name"), billing.get("last_name")) if x)
    address = ", ".join(str(billing[k]) for k in ("address_1", "address_2", "city",
                                                 "postcode", "state", "country")
                        if billing.get(k))
    customer_id = p.get("customer_id") or 0
    total = dec(p["total"], "total")
    paid = settlement_of(p.get(PAYMENTS_KEY), str(p["currency"]), tz, total=total) \
        if pays_with_woopayments(p.get("payment_method")) else None
    return Order(
        platform=Platform.WOOCOMMERCE,
        external_id=str(p["id"]),
        number=str(p.get("number") or p["id"]),
        created_at=parse_gmt(p["date_created_gmt"], "date_created_gmt"),
        updated_at=parse_gmt(p.get("date_modified_gmt") or p["date_created_gmt"],
                             "date_modified_gmt"),
        currency=str(p["currency"]),
        status=status,
        disposition=STATUS_TABLE[status],
        total=total,
        taxes_included=incl,
        lines=lines,
        shipping=shipping,
        extras=extras,
        tax_total=dec(p.get("total_tax"), "total_tax"),
        payment_methods=[str(p["payment_method"])] if p.get("payment_method") else [],
        customer=Customer(name=name or str(billing.get("company") or ""),
                          email=str(billing.get("email") or ""),
                          phone=str(billing.get("phone") or ""), address=address,
                          external_id=str(customer_id) if customer_id else ""),
        refunds=_refunds(p),
        cancelled=status == "cancelled",
        fees=paid.fees if paid else [],
        settlement=paid.net if paid else None,
        settlement_released=bool(paid and paid.released),
        payout_ref=paid.payout_ref if paid else "",
        payout_date=paid.payout_date if paid else None,
        raw=p,
    )


def tax_rate(value: Any) -> Decimal:
    """A tax line's ``rate_percent``: a finite number (NaN or Infinity is unreadable)."""
    rate = dec(value, "tax_lines.rate_percent")
    if not rate.is_finite():
        raise PayloadError(f"field 'tax_lines.rate_percent' must be a number, got {value!r}")
    return rate


def dec(value: Any, what: str = "amount") -> Decimal:
    """A money/quantity value (strings, or numbers parsed as Decimal); empty is zero."""
    if value is None or value == "":
        return ZERO
    if isinstance(value, bool):
        raise PayloadError(f"field '{what}' must be a number, got {value!r}")
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise PayloadError(f"field '{what}' must be a number, got {value!r}") from exc


def guess_rate(ex_amount: Decimal, tax: Decimal) -> Decimal | None:
    """Stores before WC 5.7 send no ``rate_percent``: the whole-number rate that gives this
    tax to the cent, else None (matching then asks the clerk to check the store's taxes)."""
    if ex_amount == 0:
        return None
    rate = (tax * 100 / ex_amount).quantize(Decimal("1"))
    if (ex_amount * rate / 100).quantize(Decimal("0.01")) == tax:
        return rate
    return None


def _refunds(p: dict[str, Any]) -> list[Refund]:
    detail = {str(r.get("id")): r for r in p.get("_ecdesk_refunds") or []}
    out = []
    for r in p.get("refunds") or []:
        rid = str(r["id"])
        d = detail.get(rid, {})
        created = None
        if d.get("date_created_gmt"):
            created = parse_gmt(d["date_created_gmt"], "refund date_created_gmt")
        lines = []
        for item in d.get("line_items") or []:
            ref = next((m.get("value") for m in item.get("meta_data") or []
                        if m.get("key") == "_refunded_item_id"), None)
            if ref is not None:
                lines.append((str(ref), abs(dec(item.get("quantity")))))
        out.append(Refund(refund_id=rid, amount=-dec(r.get("total"), "refunds.total"),
                          created_at=created, reason=str(r.get("reason") or ""), lines=lines))
    return out
