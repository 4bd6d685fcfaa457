"""Deterministic seeded orders for the Shopify sandbox, and what ecdesk should make of them.

Orders are built from ``(orders, seed)`` and the sandbox clock: same inputs, same orders.
Products, shipping codes and gateways come from ``data/masterdata.json`` (``catalog``,
``shipping_methods["shopify"]``, ``payment_methods["shopify"]`` and the deliberately unknown
ones). Money follows Shopify's rules (reference/shopify-woocommerce-contracts.md §1.4 and
pitfalls 5-7): line ``price`` is the pre-discount unit price on the shop's tax basis; discount
allocations share that basis; with ``taxes_included`` the tax is inside the prices, otherwise it
is added on top; shipping is taxed at the order's rate; refunds carry their own amounts.

Edge cases are placed by a fixed pattern (:data:`PATTERN`), so every 20 orders hold one of each;
the random generator only picks products, quantities, prices, tax rates and times.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from ecdesk.domain import Disposition, HoldCode
from ecdesk.sandbox.seed import catalog, masterdata

CENT = Decimal("0.01")
ZERO = Decimal("0")
FIRST_ORDER_ID = 5_100_000_000
FIRST_NUMBER = 1001
TAX_RATES = (8, 8, 6, 0)  # percent; Malaysian service tax 8 % is the common case

#: one slot per order, repeating: every 20 orders carry each edge case once
PATTERN = (
    "plain", "discount", "plain_incl", "unknown_sku", "plain", "pending", "discount_incl",
    "cancelled", "plain_incl", "refunded", "deleted_product", "authorized", "express",
    "unknown_payment", "partially_refunded", "test", "unknown_shipping", "voided",
    "many_lines", "title_only_shipping",
)

FINANCIAL_STATUS = {  # kind -> Shopify financial status (REST spelling)
    "pending": "pending",
    "authorized": "authorized",
    "cancelled": "voided",
    "voided": "voided",
    "refunded": "refunded",
    "partially_refunded": "partially_refunded",
}


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def tax_of(amount: Decimal, rate: int, included: bool) -> Decimal:
    """Tax on an amount at ``rate`` percent, inside it (included) or on top of it."""
    if not rate:
        return ZERO
    r = Decimal(rate)
    return q2(amount * r / (100 + r)) if included else q2(amount * r / 100)


@dataclass
class SeedLine:
    id: int
    sku: str | None
    name: str
    quantity: int
    price: Decimal  # unit, pre-discount, on the order's tax basis
    discount: Decimal
    tax: Decimal
    rate: int
    product_id: int | None
    variant_id: int | None

    @property
    def net(self) -> Decimal:
        return self.price * self.quantity - self.discount


@dataclass
class SeedShipping:
    id: int
    code: str | None
    title: str
    price: Decimal
    discount: Decimal
    tax: Decimal
    rate: int


@dataclass
class SeedRefund:
    id: int
    created_at: datetime
    note: str
    amount: Decimal
    lines: list[tuple[int, int, Decimal, Decimal]]  # line id, quantity, subtotal, tax


@dataclass
class SeedOrder:
    id: int
    number: int
    kind: str
    created_at: datetime
    updated_at: datetime
    financial_status: str
    taxes_included: bool
    gateways: list[str]
    customer: dict[str, str]
    lines: list[SeedLine] = field(default_factory=list)
    shipping: list[SeedShipping] = field(default_factory=list)
    refunds: list[SeedRefund] = field(default_factory=list)
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None
    closed_at: datetime | None = None
    fulfilled: bool = False
    test: bool = False
    total_adjust: Decimal = ZERO  # the deliberately broken total (off by one cent)
    currency: str = "MYR"

    @property
    def name(self) -> str:
        return f"#{self.number}"

    @property
    def subtotal(self) -> Decimal:
        return sum((ln.net for ln in self.lines), ZERO)

    @property
    def total_tax(self) -> Decimal:
        return sum((ln.tax for ln in self.lines), ZERO) + sum((s.tax for s in self.shipping), ZERO)

    @property
    def total_discounts(self) -> Decimal:
        return sum((ln.discount for ln in self.lines), ZERO) + sum(
            (s.discount for s in self.shipping), ZERO)

    @property
    def shipping_total(self) -> Decimal:
        return sum((s.price - s.discount for s in self.shipping), ZERO)

    @property
    def total(self) -> Decimal:
        extra_tax = ZERO if self.taxes_included else self.total_tax
        return self.subtotal + self.shipping_total + extra_tax + self.total_adjust

    @property
    def refunded(self) -> Decimal:
        return sum((r.amount for r in self.refunds), ZERO)

    @property
    def status(self) -> str:
        """REST ``status`` filter bucket: open, closed or cancelled."""
        if self.cancelled_at:
            return "cancelled"
        return "closed" if self.closed_at else "open"


_FIRST = ("Aisyah", "Wei Ming", "Ravi", "Nurul", "Jason", "Mei Ling", "Hafiz", "Priya", "Daniel",
          "Siti")
_LAST = ("Rahman", "Tan", "Kumar", "Lim", "Wong", "Abdullah", "Lee", "Chong", "Ismail", "Ng")
_CITIES = (("Kuala Lumpur", "Kuala Lumpur", "50450"), ("Petaling Jaya", "Selangor", "46000"),
           ("George Town", "Penang", "10200"), ("Johor Bahru", "Johor", "80000"))


def generate(n: int, seed: int, now: float, off_by_cent: int = 0, *, days: float = 30
             ) -> list[SeedOrder]:
    """``n`` orders placed over the ``days`` days before ``now`` (epoch seconds)."""
    rng = random.Random(f"shopify-{seed}")
    md = masterdata()
    products = catalog()
    ship_codes = md["shipping_methods"]["shopify"]
    gateways = md["payment_methods"]["shopify"]
    end = datetime.fromtimestamp(now, UTC).replace(microsecond=0)
    starts = sorted(rng.uniform(3600, days * 86400) for _ in range(n))[::-1]
    orders: list[SeedOrder] = []
    for i in range(n):
        kind = PATTERN[i % len(PATTERN)]
        created = end - timedelta(seconds=int(starts[i]))
        age = (end - created).total_seconds()
        updated = created + timedelta(seconds=int(rng.uniform(60, min(age, 2 * 86400))))
        roll = rng.random()
        included = kind.endswith("_incl") or (kind not in ("plain", "discount") and roll < 0.4)
        rate = rng.choice(TAX_RATES)
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        city, state, zipcode = rng.choice(_CITIES)
        oid = FIRST_ORDER_ID + i
        order = SeedOrder(
            id=oid, number=FIRST_NUMBER + i, kind=kind, created_at=created, updated_at=updated,
            financial_status=FINANCIAL_STATUS.get(kind, "paid"), taxes_included=included,
            gateways=[rng.choice(gateways)],
            customer={"id": str(7_000_000 + i % 37), "first_name": first, "last_name": last,
                      "email": f"{first.split()[0].lower()}.{last.lower()}{i % 37}@example.my",
                      "phone": f"+6012{rng.randrange(1000000, 9999999)}", "city": city,
                      "province": state, "zip": zipcode,
                      "address1": f"{rng.randrange(1, 200)} Jalan {rng.choice(_LAST)}"},
        )
        n_lines = 7 if kind == "many_lines" else rng.choice((1, 1, 2, 2, 3, 4))
        picks = rng.sample(products, n_lines)
        for j, prod in enumerate(picks):
            qty = rng.choice((1, 1, 1, 2, 3))
            price = Decimal(prod["price"])
            sku: str | None = prod["sku"]
            name = prod["name"]
            product_id: int | None = 8_000_000 + products.index(prod)
            if j == 0 and kind == "unknown_sku":
                sku, name = md["unknown_skus"][i % len(md["unknown_skus"])], "Mystery bundle"
            if j == 0 and kind == "deleted_product":
                sku, product_id = None, None
            discount = ZERO
            if kind.startswith("discount") and j == 0:
                discount = q2(price * qty * Decimal("0.10"))
            line = SeedLine(
                id=13_000_000_000 + i * 100 + j, sku=sku, name=name, quantity=qty, price=price,
                discount=discount, tax=ZERO, rate=rate, product_id=product_id,
                variant_id=None if product_id is None else product_id + 500_000,
            )
            line.tax = tax_of(line.net, rate, included)
            order.lines.append(line)
        must_ship = kind in ("many_lines", "unknown_shipping", "express", "title_only_shipping",
                             "discount_incl")
        if must_ship or rng.random() >= 0.15:  # else collected in store: no shipping line
            code: str | None = ship_codes[0]
            title, price = "Standard Shipping", Decimal(rng.choice(("8.00", "10.00")))
            if kind == "express":
                code, title, price = ship_codes[1], "Express Delivery", Decimal("15.00")
            elif kind == "unknown_shipping":
                code = md["unknown_shipping_methods"][0]
                title, price = "Drone Delivery", Decimal("25.00")
            elif kind == "title_only_shipping":
                code, title, price = None, ship_codes[1], Decimal("15.00")
            discount = price if kind == "discount_incl" else ZERO  # free-shipping code
            net = price - discount
            order.shipping.append(SeedShipping(
                id=14_000_000_000 + i, code=code, title=title, price=price, discount=discount,
                tax=tax_of(net, rate, included), rate=rate))
        if kind == "unknown_payment":
            order.gateways = [md["unknown_payment_methods"][0]]
        if kind in ("pending", "authorized"):
            order.gateways = ["manual"] if kind == "pending" else ["shopify_payments"]
        if kind == "test":
            order.test = True
        if kind == "cancelled":
            order.cancelled_at = min(end, created + timedelta(hours=2))
            order.cancel_reason = "CUSTOMER"
            order.updated_at = max(order.updated_at, order.cancelled_at)
        if kind in ("refunded", "partially_refunded"):
            when = min(end, created + timedelta(days=1))
            order.refunds.append(_refund(order, when, full=kind == "refunded"))
            order.updated_at = max(order.updated_at, when)
        paid = order.financial_status in ("paid", "refunded", "partially_refunded")
        if paid and not order.cancelled_at and rng.random() < 0.7:
            order.fulfilled = True
            if order.financial_status != "partially_refunded" and rng.random() < 0.5:
                order.closed_at = order.updated_at
        orders.append(order)
    _break_totals(orders, off_by_cent)
    return orders


def _refund(order: SeedOrder, when: datetime, full: bool) -> SeedRefund:
    rid = 9_900_000_000 + order.id - FIRST_ORDER_ID
    if full:
        lines = [(ln.id, ln.quantity, ln.net, ln.tax) for ln in order.lines]
        return SeedRefund(rid, when, "Customer returned the parcel", order.total, lines)
    ln = order.lines[0]
    subtotal = q2(ln.net / ln.quantity)
    tax = tax_of(subtotal, ln.rate, order.taxes_included)
    amount = subtotal if order.taxes_included else subtotal + tax
    return SeedRefund(rid, when, "One item damaged", amount, [(ln.id, 1, subtotal, tax)])


def _break_totals(orders: list[SeedOrder], count: int) -> None:
    """Fault injection: ``count`` plain paid orders whose total is one cent more than its parts."""
    for order in reversed(orders):
        if count <= 0:
            return
        if order.kind == "plain":
            order.total_adjust = CENT
            count -= 1


# --- what ecdesk should conclude, with the demo mapping (store-sandbox-convention.md) --------

DISPOSITION = {
    "paid": Disposition.POSTABLE, "partially_refunded": Disposition.POSTABLE,
    "refunded": Disposition.POSTABLE, "pending": Disposition.WAITING,
    "authorized": Disposition.WAITING, "partially_paid": Disposition.WAITING,
    "voided": Disposition.IGNORED, "expired": Disposition.IGNORED,
}


def expected(orders: list[SeedOrder]) -> dict[str, dict[str, object]]:
    md = masterdata()
    known_skus = {p["sku"] for p in md["catalog"]}
    known_ship = set(md["shipping_methods"]["shopify"])
    known_pay = set(md["payment_methods"]["shopify"])
    out: dict[str, dict[str, object]] = {}
    for o in orders:
        disposition = Disposition.IGNORED if o.cancelled_at else DISPOSITION[o.financial_status]
        holds: set[str] = set()
        if disposition is Disposition.POSTABLE:
            if any(ln.sku is None for ln in o.lines):
                holds.add(HoldCode.MISSING_SKU.value)
            if any(ln.sku is not None and ln.sku not in known_skus for ln in o.lines):
                holds.add(HoldCode.UNMAPPED_SKU.value)
            if any(g not in known_pay for g in o.gateways):
                holds.add(HoldCode.UNKNOWN_PAYMENT.value)
            if any((s.code or s.title) not in known_ship for s in o.shipping):
                holds.add(HoldCode.UNMAPPED_SHIPPING.value)
            if o.total_adjust:
                holds.add(HoldCode.AMOUNT_MISMATCH.value)
        out[str(o.id)] = {"disposition": disposition.value, "holds": holds}
    return out
