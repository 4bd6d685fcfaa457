"""Hold rules: an Order plus the store's maps -> the reasons it cannot be posted (pure).

Issue 2 item 5 and ARCHITECTURE.md "match" step. Every problem on an order becomes one
:class:`~ecdesk.domain.Hold` (never stop at the first: a clerk fixes them all in one pass), in
words that name the failing value and the next step. An item code is never guessed
(docs/decisions.md §6: no fallback item for an unknown SKU).

Rules, in the order they are reported:

0. ``OUT_OF_RANGE`` (sanity limits, :class:`Limits`): an amount that is not a number
   (``NaN``, ``Infinity``), a negative unit price or quantity on a product or shipping line,
   a unit price above ``max_unit_price``, a quantity above ``max_quantity``, or an order total
   above ``max_order_total`` (per-store keys; defaults in :class:`Limits`). The hold names the
   figure and the limit. Such figures make the rest meaningless (and may not even round), so
   when any is found these are the only reasons given.
1. ``MISSING_SKU``: a product line with an empty SKU (named by its product name).
2. ``UNMAPPED_SKU``: a SKU with no AutoCount item code and no bundle map (one hold per
   distinct SKU).
3. ``UNMAPPED_SHIPPING``: a shipping method with no item (docs/decisions.md §4 ``map shipping``).
   A shipping charge that comes with *no* method name posts on the store's ``shipping_item``
   setting when it is set; a named method must always be mapped. Free shipping (nothing
   charged) needs no mapping and is not posted; neither are product lines an edit removed.
4. ``UNKNOWN_PAYMENT``: a gateway with no AutoCount payment method, or no gateway at all on an
   order that took money (a zero-total order needs none).
5. ``UNMAPPED_TAX``: a non-zero tax rate with no tax code (``map tax``); rate 0 / no rate
   means "no tax code" unless mapped otherwise; a line that carries tax but no rate; an extra
   charge whose tax no mapped rate reproduces to the cent.
6. ``CURRENCY``: the order is not in the book's currency.
7. ``AMOUNT_MISMATCH``: the store's own figures do not add up to its total to the cent
   (:func:`check_totals`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ecdesk.domain import (
    CENT,
    ZERO,
    ExtraCharge,
    Hold,
    HoldCode,
    Order,
    OrderLine,
    ShippingLine,
)
from ecdesk.messages import hold

NO_TAX = "none"  # tax map value meaning "post without a tax code" (docs/decisions.md §4)


@dataclass(frozen=True)
class ItemMap:
    """Where a store SKU posts in AutoCount. ``uom`` empty = the item's base UOM."""

    item_code: str
    uom: str = ""


@dataclass
class Maps:
    """One store's mappings (docs/decisions.md §4 ``map sku|shipping|payment|tax``)."""

    items: dict[str, ItemMap] = field(default_factory=dict)  # SKU -> item
    shipping: dict[str, str] = field(default_factory=dict)  # method -> item code
    payment: dict[str, str] = field(default_factory=dict)  # gateway -> payment method
    tax: dict[str, str] = field(default_factory=dict)  # tax_key(rate) -> tax code | "none"
    #: bundle SKU -> item code -> quantity per kit (``stock bundle``); a bundle line posts
    #: its components, and a bundle map wins over a SKU map of the same SKU
    bundles: dict[str, dict[str, Decimal]] = field(default_factory=dict)

    def is_mapped(self, sku: str) -> bool:
        """True when ``sku`` posts somewhere: a bundle or an item."""
        return sku in self.bundles or sku in self.items


@dataclass(frozen=True)
class Limits:
    """Sanity limits on what a store sends (issue 10 item 4). Store keys of the same names
    override them; an extra charge (a fee, a loyalty credit) may be negative, a product or
    shipping line may not."""

    max_unit_price: Decimal = Decimal("1000000")
    max_quantity: Decimal = Decimal("100000")
    max_order_total: Decimal = Decimal("1000000")


LIMIT_KEYS = ("max_unit_price", "max_quantity", "max_order_total")
#: a figure this large (any field) is no real order's, and would overflow AutoCount's columns
IMPLAUSIBLE = Decimal("1e12")


def money(value: Decimal) -> Decimal:
    """Round half-up to the cent: the one rounding rule (docs/decisions.md §3)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(value: Decimal, currency: str = "MYR") -> str:
    """``MYR 118.00`` for messages."""
    return f"{currency} {money(value):,.2f}"


def tax_key(rate: Decimal | None) -> str:
    """Normalise a percentage to its map key: ``Decimal("8.00")`` -> "8", None -> "0"."""
    if rate is None or rate == 0:
        return "0"
    text = format(rate.normalize(), "f")
    return text


def tax_code_for(maps: Maps, rate: Decimal | None) -> str | None:
    """The AutoCount tax code for a rate: "" = post without one, None = not mapped."""
    key = tax_key(rate)
    code = maps.tax.get(key)
    if code is None:
        return "" if key == "0" else None
    return "" if code.strip().lower() == NO_TAX else code


def tax_for(amount: Decimal, rate: Decimal | None, inclusive: bool) -> Decimal:
    """Tax on one line as AutoCount computes it (docs/decisions.md §3): rounded half-up per line."""
    if not rate:
        return ZERO
    if inclusive:
        return money(amount * rate / (100 + rate))
    return money(amount * rate / 100)


def extra_tax_rate(extra: ExtraCharge, maps: Maps, inclusive: bool) -> Decimal | None:
    """The mapped rate that reproduces an extra charge's tax to the cent (extras carry a tax
    amount but no rate). ``None`` when the charge is untaxed or no mapped rate fits."""
    if extra.tax == 0:
        return None
    for key, code in sorted(maps.tax.items()):
        if key == "0" or code.strip().lower() == NO_TAX:
            continue
        rate = Decimal(key)
        if tax_for(money(extra.amount), rate, inclusive) == money(extra.tax):
            return rate
    return None


def is_posted_line(line: OrderLine) -> bool:
    """False for a line an order edit removed (quantity 0, nothing to pay): it is neither
    matched nor posted."""
    return not (line.quantity == 0 and line.net == 0)


def is_charged(ship: ShippingLine) -> bool:
    """False for a free shipping line (nothing charged, no tax): it needs no mapping and is not
    posted, so a "Free shipping" method never holds an order."""
    return not (ship.net == 0 and ship.tax == 0)


def expected_total(order: Order) -> Decimal:
    """What the store's own figures add up to: lines, shipping and extras less the order
    discount, plus tax when prices exclude it."""
    total = sum((line.net for line in order.lines), ZERO)
    total += sum((ship.net for ship in order.shipping), ZERO)
    total += sum((extra.amount for extra in order.extras), ZERO)
    total -= order.order_discount
    if not order.taxes_included:
        total += order.tax_total
    return total


def check_totals(order: Order) -> Hold | None:
    """AMOUNT_MISMATCH when the store's figures do not add up to its total to the cent."""
    computed = money(expected_total(order))
    if computed == money(order.total):
        return None
    diff = abs(computed - money(order.total))
    return hold(
        HoldCode.AMOUNT_MISMATCH,
        "amount_mismatch.tax_included" if order.taxes_included else "amount_mismatch",
        computed=fmt(computed, order.currency), total=fmt(order.total, order.currency),
        diff=f"{diff:.2f}", value=f"{computed:.2f}",
    )


def match_order(
    order: Order, maps: Maps, *, book_currency: str = "MYR", shipping_item: str = "",
    limits: Limits = Limits(),  # noqa: B008 - frozen, shared safely
) -> list[Hold]:
    """Every reason ``order`` cannot be posted with ``maps``; empty when it is ready.

    ``shipping_item`` is the store's setting of that name: it takes only shipping charges that
    have no method name at all (never an unmapped named method)."""
    holds = sanity_holds(order, limits)
    if holds:
        return holds
    holds += _sku_holds(order, maps)
    holds += _shipping_holds(order, maps, shipping_item)
    holds += _payment_holds(order, maps)
    holds += _tax_holds(order, maps)
    if order.currency.upper() != book_currency.upper():
        holds.append(hold(HoldCode.CURRENCY, currency=order.currency, book=book_currency,
                          value=order.currency))
    mismatch = check_totals(order)
    if mismatch is not None:
        holds.append(mismatch)
    return holds


def show(value: Decimal, currency: str = "") -> str:
    """A figure for a message, whatever it is: ``MYR 1,234.50``, ``1E+300``, ``NaN``."""
    if value.is_finite() and abs(value) < Decimal("1e15"):
        return fmt(value, currency) if currency else f"{value.normalize():,f}"
    return f"{currency} {value}".strip()


def sanity_holds(order: Order, limits: Limits) -> list[Hold]:
    """Rule 0: figures no real order has (module docstring)."""
    cur = order.currency
    holds: list[Hold] = []

    def out(variant: str, part: tuple[str, str], field: str, figure: str, *, key: str = "",
            limit: str = "") -> None:
        extra = {"key": key, "limit": limit} if key else {}
        holds.append(hold(HoldCode.OUT_OF_RANGE, f"out_of_range.{variant}", value=key,
                          part_word=f"part.{part[0]}", name=part[1],
                          field_word=f"field.{field}", figure=figure, **extra))

    # (part, its name), field, value, is it a sale figure (never below zero)
    figures: list[tuple[tuple[str, str], str, Decimal, bool]] = []
    for line in order.lines:
        part = ("line", line.name)
        figures += [(part, "unit_price", line.unit_price, True),
                    (part, "quantity", line.quantity, True),
                    (part, "discount", line.discount, False), (part, "tax", line.tax, False)]
    for ship in order.shipping:
        part = ("shipping", ship.title or ship.method or "shipping")
        figures += [(part, "charge", ship.amount, True), (part, "tax", ship.tax, False),
                    (part, "discount", ship.discount, False)]
    for extra in order.extras:
        part = ("charge", extra.name)
        figures += [(part, "amount", extra.amount, False), (part, "tax", extra.tax, False)]
    whole = ("order", "")
    figures += [(whole, "total", order.total, False),
                (whole, "discount", order.order_discount, False),
                (whole, "tax", order.tax_total, False)]
    for part, name, value, sale in figures:
        value = Decimal(value)
        if not value.is_finite():
            out("not_a_number", part, name, str(value))
        elif sale and value < 0:
            out("negative", part, name, show(value, "" if name == "quantity" else cur))
        elif name == "unit_price" and value > limits.max_unit_price:
            out("unit_price", part, name, show(value, cur), key="max_unit_price",
                limit=show(limits.max_unit_price, cur))
        elif name == "quantity" and value > limits.max_quantity:
            out("quantity", part, name, show(value), key="max_quantity",
                limit=show(limits.max_quantity))
        elif part == whole and name == "total" and value > limits.max_order_total:
            out("total", part, name, show(value, cur), key="max_order_total",
                limit=show(limits.max_order_total, cur))
        elif abs(value) >= IMPLAUSIBLE:
            out("implausible", part, name, show(value, cur))
    return holds


def _sku_holds(order: Order, maps: Maps) -> list[Hold]:
    holds: list[Hold] = []
    seen: set[str] = set()
    for line in filter(is_posted_line, order.lines):
        sku = (line.sku or "").strip()
        if not sku:
            holds.append(hold(HoldCode.MISSING_SKU, line=line.name, value=line.name))
        elif not maps.is_mapped(sku) and sku not in seen:
            seen.add(sku)
            holds.append(hold(HoldCode.UNMAPPED_SKU, sku=sku, line=line.name, value=sku))
    return holds


def _shipping_holds(order: Order, maps: Maps, shipping_item: str) -> list[Hold]:
    holds: list[Hold] = []
    seen: set[str] = set()
    for ship in filter(is_charged, order.shipping):
        method = ship.method.strip()
        if method in maps.shipping or method in seen:
            continue
        if not method:
            if shipping_item:
                continue
            seen.add(method)
            holds.append(hold(HoldCode.UNMAPPED_SHIPPING, "unmapped_shipping.no_method",
                              title=ship.title or "shipping",
                              amount=fmt(ship.amount, order.currency)))
            continue
        seen.add(method)
        if ship.title and ship.title != method:
            holds.append(hold(HoldCode.UNMAPPED_SHIPPING, "unmapped_shipping.titled",
                              method=method, title=ship.title, value=method))
        else:
            holds.append(hold(HoldCode.UNMAPPED_SHIPPING, method=method, value=method))
    return holds


def _payment_holds(order: Order, maps: Maps) -> list[Hold]:
    gateways = [g.strip() for g in order.payment_methods if g and g.strip()]
    if not gateways:
        if money(order.total) == 0:
            return []
        return [hold(HoldCode.UNKNOWN_PAYMENT, "unknown_payment.none",
                     amount=fmt(order.total, order.currency))]
    holds: list[Hold] = []
    for gateway in dict.fromkeys(gateways):
        if gateway not in maps.payment:
            holds.append(hold(HoldCode.UNKNOWN_PAYMENT, gateway=gateway, value=gateway))
    return holds


def _tax_holds(order: Order, maps: Maps) -> list[Hold]:
    holds: list[Hold] = []
    seen: set[str] = set()
    taxed = [(ln.name, ln.tax_rate, ln.tax) for ln in order.lines if is_posted_line(ln)]
    taxed += [(f"shipping {s.title or s.method}", s.tax_rate, s.tax)
              for s in order.shipping if is_charged(s)]
    for name, rate, tax in taxed:
        if rate is None and tax != 0:
            holds.append(hold(HoldCode.UNMAPPED_TAX, "unmapped_tax.no_rate", line=name,
                              tax=fmt(tax, order.currency)))
            continue
        key = tax_key(rate)
        if key in seen or tax_code_for(maps, rate) is not None:
            continue
        seen.add(key)
        holds.append(hold(HoldCode.UNMAPPED_TAX, rate=key, line=name, value=key))
    for extra in order.extras:
        if extra.tax != 0 and extra_tax_rate(extra, maps, order.taxes_included) is None:
            holds.append(hold(HoldCode.UNMAPPED_TAX, "unmapped_tax.charge", charge=extra.name,
                              tax=fmt(extra.tax, order.currency)))
    return holds


@dataclass(frozen=True)
class Fix:
    """The mapping (or setting) that clears a hold: ``kind`` is sku | shipping | payment | tax |
    setting; ``key`` the value to map (a SKU, a method, a gateway, a rate key, a setting)."""

    kind: str
    key: str


_FIX_KIND = {
    HoldCode.UNMAPPED_SKU: "sku",
    HoldCode.UNMAPPED_SHIPPING: "shipping",
    HoldCode.UNKNOWN_PAYMENT: "payment",
    HoldCode.UNMAPPED_TAX: "tax",
    HoldCode.CONFIG: "setting",
}


def mapping_fix(hold: Hold) -> Fix | None:
    """What the clerk maps to clear ``hold``; None when no mapping can (fix it in the store,
    or resolve by hand)."""
    kind = _FIX_KIND.get(hold.code)
    if kind is None:
        return None
    if kind == "shipping" and not hold.value:
        return Fix("setting", "shipping_item")
    if not hold.value:
        return None
    return Fix(kind, hold.value)


def mapping_fixes(holds: Iterable[Hold]) -> list[Fix]:
    """Distinct fixes for ``holds``, in order: the UI's "fix one mapping, release N orders"."""
    fixes = (mapping_fix(h) for h in holds)
    return list(dict.fromkeys(f for f in fixes if f is not None))
