"""A bundle line as its components (docs/decisions.md §7 "Bundles"; pure).

A store sells a bundle SKU (a kit); AutoCount keeps stock of the items in it. The bundle map
(``stock bundle STORE SKU ITEM=QTY ...``) says which items and how many of each make one kit.
An order line for ``n`` kits posts one line per component with ``n x qty per kit`` of the item,
so AutoCount's stock moves by the items actually shipped.

**The price rule.** The line's gross (quantity x unit price) and its discount are each split
over the components in proportion to their quantity per kit, each share rounded half-up to the
cent and the last component taking the remainder, so the components add up to the bundle line
to the cent. A component's unit price is its gross share over its quantity rounded *up* to the
cent, and the few cents that rounding adds go on the line's discount: AutoCount then computes
exactly the share (``qty x price - discount``) and the document total is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal

from ecdesk.domain import CENT, ZERO
from ecdesk.sync.matching import Maps, money

LABEL_MAX = 50  # the order line's item code column


@dataclass(frozen=True)
class Component:
    """One component line: ``qty`` of ``item_code`` at ``unit_price`` less ``discount``."""

    item_code: str
    qty: Decimal
    unit_price: Decimal
    discount: Decimal

    @property
    def amount(self) -> Decimal:
        return self.qty * self.unit_price - self.discount


def label(parts: dict[str, Decimal]) -> str:
    """``A x2 + B``: what a bundle is made of, for the clerk's order view and the Stock view."""
    return " + ".join(f"{code} x{qty.normalize():f}" if qty != 1 else code
                      for code, qty in parts.items())


def item_label(maps: Maps, sku: str | None) -> str:
    """What a SKU posts as, for the clerk's order view: the item code, a bundle's label, or
    "" when it is not mapped."""
    key = (sku or "").strip()
    parts = maps.bundles.get(key)
    if parts:
        return label(parts)[:LABEL_MAX]
    item = maps.items.get(key)
    return item.item_code if item else ""


def split(parts: dict[str, Decimal], kits: Decimal, gross: Decimal,
          discount: Decimal) -> list[Component]:
    """``kits`` of a bundle made of ``parts`` (item code -> quantity per kit), sold for
    ``gross`` less ``discount``, as component lines by the price rule (module docstring)."""
    weight = sum(parts.values(), ZERO)
    grosses = _shares(money(gross), parts, weight)
    discounts = _shares(money(discount), parts, weight)
    out: list[Component] = []
    for (code, per_kit), share, off in zip(parts.items(), grosses, discounts, strict=True):
        qty = kits * per_kit
        if qty == 0:  # nothing shipped, something charged: the whole share on the discount
            out.append(Component(code, qty, ZERO, off - share))
            continue
        price = (share / qty).quantize(CENT, rounding=ROUND_CEILING)
        out.append(Component(code, qty, price, off + (qty * price - share)))
    return out


def _shares(total: Decimal, parts: dict[str, Decimal], weight: Decimal) -> list[Decimal]:
    """``total`` split by weight to the cent: each share rounded toward zero, the cents left
    going to the largest remainders, so no share passes its part (a share of 2 cents over
    seven units is never a minus cent)."""
    raw = [total * per_kit / weight for per_kit in parts.values()]
    out = [r.quantize(CENT, rounding=ROUND_DOWN) for r in raw]
    left = total - sum(out, ZERO)
    step = CENT if left > 0 else -CENT
    by_remainder = sorted(range(len(out)), key=lambda i: abs(raw[i] - out[i]), reverse=True)
    for i in by_remainder[:int(abs(left) / CENT)]:
        out[i] += step
    return out
