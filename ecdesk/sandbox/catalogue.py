"""A store sandbox's catalogue with stock: listings whose SKUs are the SKUs its orders use.

Each platform groups listings its own way (Shopify variants under products, WooCommerce simple
products and variations under a variable parent, Shopee models under items, Lazada SKUs under
items); :class:`Catalogue` keeps the common part: one :class:`Listing` per SKU with a parent,
its own id and its stock, and counts every write call so tests and ``make bench`` can compare
calls made with the minimum the platform's batch limit allows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ecdesk.sandbox.seed import catalog


@dataclass
class Listing:
    sku: str
    parent_id: int  # product / item the listing belongs to
    id: int  # variant, variation, model or SkuId
    stock: int = 0
    managed: bool = True  # WooCommerce manage_stock / Shopify tracked
    simple: bool = False  # WooCommerce: a simple product (id == parent_id); Shopee: no model
    extra: dict[str, int] = field(default_factory=dict)  # e.g. Shopify inventory item id


class Catalogue:
    """Listings by SKU, grouped ``per_parent`` SKUs to a parent (1 = every SKU alone)."""

    def __init__(self, skus: Iterable[str], *, first_parent: int, first_id: int,
                 per_parent: int = 1, stock: int = 0) -> None:
        self.listings: dict[str, Listing] = {}
        self.by_id: dict[int, Listing] = {}
        self._next_parent, self._next_id = first_parent, first_id
        self.per_parent = per_parent
        self.writes: Counter[str] = Counter()  # write endpoint -> calls
        self.written: Counter[str] = Counter()  # write endpoint -> listings changed
        self.add(skus, stock=stock)

    def add(self, skus: Iterable[str], *, stock: int = 0, per_parent: int | None = None) -> None:
        """List more SKUs (``per_parent`` of them under each new parent)."""
        group = per_parent or self.per_parent
        fresh = [s for s in dict.fromkeys(skus) if s and s not in self.listings]
        for i in range(0, len(fresh), group):
            parent = self._next_parent
            self._next_parent += 1
            chunk = fresh[i:i + group]
            for sku in chunk:
                listing = Listing(sku, parent, self._next_id, stock, simple=len(chunk) == 1
                                  and group == 1)
                self._next_id += 1
                self.listings[sku] = listing
                self.by_id[listing.id] = listing

    def parents(self) -> dict[int, list[Listing]]:
        out: dict[int, list[Listing]] = {}
        for listing in self.listings.values():
            out.setdefault(listing.parent_id, []).append(listing)
        return out

    def stock(self, sku: str) -> int | None:
        listing = self.listings.get(sku)
        return None if listing is None else listing.stock

    def count_write(self, endpoint: str, changed: int) -> None:
        self.writes[endpoint] += 1
        self.written[endpoint] += changed

    def reset_counts(self) -> None:
        self.writes.clear()
        self.written.clear()


def order_skus(skus: Iterable[str]) -> list[str]:
    """The SKUs a sandbox lists: the seed catalogue plus whatever its orders sell, except the
    SKUs the seed sells on purpose without any listing (``unknown_skus`` stay unknown)."""
    from ecdesk.sandbox.seed import masterdata

    unknown = set(masterdata().get("unknown_skus", []))
    out = [row["sku"] for row in catalog()]
    out += [s for s in skus if s and s not in unknown]
    return list(dict.fromkeys(out))
