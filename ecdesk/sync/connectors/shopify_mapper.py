"""Shopify's order node -> the canonical Order: the mapper half of the connector (issue 11,
OCA's adapter/mapper split), pure, so preview, replay and fuzzing need no store login.
reference/shopify-woocommerce-contracts.md §1.4 (money bags, tax lines, discount allocations);
docs/decisions.md §1 (status table :data:`FINANCIAL_STATUS`) and §4 (shipping method = ``code``,
else ``title``; payment method = the gateway name).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from ecdesk.clock import store_zone
from ecdesk.domain import (
    ZERO,
    Customer,
    Disposition,
    Order,
    OrderLine,
    Platform,
    Refund,
    ShippingLine,
)
from ecdesk.sync.connectors.base import PayloadError
from ecdesk.sync.connectors.shopify_payments import KEY as PAYMENTS_KEY
from ecdesk.sync.connectors.shopify_payments import settlement_of

#: docs/decisions.md §1, Shopify row: financial status -> what posting may do. A cancelled order
#: (``cancelledAt`` set) is ignored whatever its financial status.
FINANCIAL_STATUS: dict[str, Disposition] = {
    "PAID": Disposition.POSTABLE,
    "PARTIALLY_REFUNDED": Disposition.POSTABLE,
    "REFUNDED": Disposition.POSTABLE,
    "PENDING": Disposition.WAITING,
    "AUTHORIZED": Disposition.WAITING,
    "PARTIALLY_PAID": Disposition.WAITING,
    "VOIDED": Disposition.IGNORED,
    "EXPIRED": Disposition.IGNORED,
}


def parse_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def normalise(p: dict[str, Any], tz: ZoneInfo | None = None) -> Order:
    """A Shopify GraphQL order node -> the canonical Order (pure: no credentials, no network).
    An order paid through Shopify Payments whose balance transactions ecdesk read carries its
    settlement (:mod:`.shopify_payments`; ``tz``: the store's zone, for the payout's day)."""
    name = str(p["name"])
    status = p.get("displayFinancialStatus")
    if status not in FINANCIAL_STATUS:
        raise PayloadError(f"Shopify order {name} has payment status {status!r}, which "
                           "ecdesk does not know; it is held until this is checked.")
    cancelled = bool(p.get("cancelledAt"))
    disposition = Disposition.IGNORED if cancelled else FINANCIAL_STATUS[status]
    status_text = status.lower().replace("_", " ")
    if cancelled:
        status_text += ", cancelled"
    fulfilment = p.get("displayFulfillmentStatus")
    if fulfilment:
        status_text += f", {fulfilment.lower().replace('_', ' ')}"
    lines = [_line(n) for n in _nodes(p.get("lineItems"))]
    shipping = [_shipping(n) for n in _nodes(p.get("shippingLines"))]
    customer = p.get("customer") or {}
    address = p.get("shippingAddress") or {}
    currency = _currency(p)
    paid = settlement_of(p.get(PAYMENTS_KEY), currency, tz or store_zone(None),
                         total=_amount(p["totalPriceSet"]))
    return Order(
        platform=Platform.SHOPIFY,
        external_id=str(p["legacyResourceId"]),
        number=name.lstrip("#"),
        created_at=parse_datetime(p["createdAt"]),
        updated_at=parse_datetime(p["updatedAt"]),
        currency=currency,
        status=status_text,
        disposition=disposition,
        total=_amount(p["totalPriceSet"]),
        taxes_included=bool(p.get("taxesIncluded")),
        lines=lines,
        shipping=shipping,
        tax_total=_amount(p.get("totalTaxSet")),
        payment_methods=_texts(p.get("paymentGatewayNames"), "paymentGatewayNames"),
        customer=Customer(
            name=customer.get("displayName") or address.get("name") or "",
            email=customer.get("email") or p.get("email") or "",
            phone=customer.get("phone") or address.get("phone") or "",
            address=", ".join(str(address[k]) for k in (
                "address1", "address2", "city", "zip", "province", "country")
                if address.get(k)),
            external_id=str(customer.get("id") or ""),
        ),
        refunds=[_refund(r) for r in p.get("refunds") or []],
        cancelled=cancelled,
        test=bool(p.get("test")),
        fees=paid.fees if paid else [],
        settlement=paid.net if paid else None,
        settlement_released=bool(paid and paid.released),
        payout_ref=paid.payout_ref if paid else "",
        payout_date=paid.payout_date if paid else None,
        raw=p,
    )

def _line(n: dict[str, Any]) -> OrderLine:
    tax, rate = _taxes(n.get("taxLines"))
    return OrderLine(
        line_id=str(n["id"]),
        sku=(n.get("sku") or "").strip() or None,
        name=str(n.get("name") or ""),
        quantity=Decimal(int(n["quantity"])),
        unit_price=_amount(n["originalUnitPriceSet"]),
        discount=_allocated(n.get("discountAllocations")),
        tax=tax,
        tax_rate=rate,
    )

def _shipping(n: dict[str, Any]) -> ShippingLine:
    tax, rate = _taxes(n.get("taxLines"))
    title = str(n.get("title") or "")
    return ShippingLine(
        method=(n.get("code") or "").strip() or title,
        title=title,
        amount=_amount(n["originalPriceSet"]),
        discount=_allocated(n.get("discountAllocations")),
        tax=tax,
        tax_rate=rate,
    )


def _nodes(conn: Any) -> list[dict[str, Any]]:
    if not conn:
        return []
    if "nodes" in conn:
        return list(conn["nodes"])
    return [e["node"] for e in conn.get("edges") or []]


def _amount(money_bag: Any) -> Decimal:
    if not money_bag:
        return ZERO
    return Decimal(str(money_bag["shopMoney"]["amount"]))


def _currency(p: dict[str, Any]) -> str:
    try:
        return str(p["totalPriceSet"]["shopMoney"]["currencyCode"])
    except (KeyError, TypeError):
        return str(p["currencyCode"])


def _allocated(allocations: Any) -> Decimal:
    return sum((_amount(a["allocatedAmountSet"]) for a in allocations or []), ZERO)


def _taxes(tax_lines: Any) -> tuple[Decimal, Decimal | None]:
    """Sum of a line's tax lines and their combined rate in percent (None when untaxed)."""
    tax, rate = ZERO, None
    for t in tax_lines or []:
        tax += _amount(t["priceSet"])
        pct = t.get("ratePercentage")
        if pct is None and t.get("rate") is not None:
            pct = Decimal(str(t["rate"])) * 100
        if pct is not None:
            rate = (rate or ZERO) + Decimal(str(pct))
    if rate is not None:
        rate = rate.normalize() if rate != rate.to_integral_value() else rate.quantize(
            Decimal(1))
    return tax, rate


def _refund(r: dict[str, Any]) -> Refund:
    return Refund(
        refund_id=str(r.get("legacyResourceId") or r["id"]),
        amount=_amount(r.get("totalRefundedSet")),
        created_at=parse_datetime(r["createdAt"]) if r.get("createdAt") else None,
        reason=str(r.get("note") or ""),
        lines=[(str(x["lineItem"]["id"]), Decimal(int(x["quantity"])))
               for x in _nodes(r.get("refundLineItems"))],
    )


def _texts(values: Any, name: str) -> list[str]:
    """A list of names as Shopify sends it; anything else is a payload error in words."""
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise PayloadError(f"field '{name}' should be a list of names, got {values!r:.60}")
    return list(values)
