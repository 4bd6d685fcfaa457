"""The one stock rule (docs/decisions.md §7): AutoCount balances -> the quantity each store shows.

``to_push = max(0, floor((balance - reserved - stock_buffer) * stock_ratio))``

* ``balance``: AutoCount's balance of the item code (and location) the store SKU maps to.
* ``reserved``: quantities on order lines received from *any* store, not cancelled and not yet
  in a posted document (held, waiting, new): AutoCount has not moved them yet, so a sale on
  Shopee lowers what Shopify, WooCommerce and Lazada show at the next push.
* A bundle (bundle SKU -> item codes and quantities) pushes the complete kits available: the
  fewest kits any component's free quantity (balance - reserved) makes, then buffer and ratio
  apply to kits as to any SKU.
* Never negative, always a whole number.

Pure: no I/O, no database; Decimal in, int out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class StockPolicy:
    """A store's stock keys: ``stock_buffer`` (units held back) and ``stock_ratio`` (share)."""

    buffer: Decimal = ZERO
    ratio: Decimal = Decimal(1)

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> StockPolicy:
        """Read ``stock_buffer`` / ``stock_ratio``; raises ValueError naming a bad value."""
        out = {}
        for key, attr, default in (("stock_buffer", "buffer", "0"), ("stock_ratio", "ratio", "1")):
            text = (settings.get(key) or "").strip() or default
            try:
                value = Decimal(text)
            except ArithmeticError:
                raise ValueError(f"{key} '{text}' is not a number") from None
            if not value.is_finite() or value < 0:
                raise ValueError(f"{key} '{text}' must be zero or more")
            out[attr] = value
        return cls(**out)


#: bundle SKU components: item code -> quantity per kit
Components = Mapping[str, Decimal]


def apply_rule(free: Decimal, policy: StockPolicy) -> int:
    """``max(0, floor((free - buffer) * ratio))`` where ``free`` = balance - reserved."""
    value = (Decimal(free) - policy.buffer) * policy.ratio
    return max(0, math.floor(value))


def to_push(balance: Decimal, reserved: Decimal, policy: StockPolicy) -> int:
    """The quantity a plain SKU shows on its store."""
    return apply_rule(Decimal(balance) - Decimal(reserved), policy)


def complete_kits(components: Components, free: Mapping[str, Decimal]) -> Decimal:
    """Whole kits the components' free quantities make (0 for an empty bundle)."""
    kits: Decimal | None = None
    for item_code, per_kit in components.items():
        if per_kit <= 0:
            continue
        have = max(ZERO, Decimal(free.get(item_code, ZERO)))
        n = Decimal(math.floor(have / Decimal(per_kit)))
        kits = n if kits is None else min(kits, n)
    return kits if kits is not None else ZERO


def bundle_to_push(components: Components, balances: Mapping[str, Decimal],
                   reserved: Mapping[str, Decimal], policy: StockPolicy) -> int:
    """The quantity a bundle SKU shows: complete kits, then the store's buffer and ratio."""
    free = {code: Decimal(balances.get(code, ZERO)) - Decimal(reserved.get(code, ZERO))
            for code in components}
    return apply_rule(complete_kits(components, free), policy)


def reserved_by_item(lines: Iterable[tuple[str, Decimal]],
                     bundles: Mapping[str, Components] | None = None) -> dict[str, Decimal]:
    """Sum reserved quantities per item code.

    ``lines`` are (item code or bundle key, quantity) of every received-not-posted order line
    of every store; a key found in ``bundles`` reserves its components times the quantity.
    """
    out: dict[str, Decimal] = {}
    for code, qty in lines:
        if not code:
            continue
        parts = (bundles or {}).get(code)
        for item_code, per in (parts.items() if parts else ((code, Decimal(1)),)):
            out[item_code] = out.get(item_code, ZERO) + Decimal(qty) * Decimal(per)
    return out
