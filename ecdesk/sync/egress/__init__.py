"""Egress: stock quantities and tracking numbers from ecdesk to the stores (DECISIONS §7).

One pusher per platform (:func:`pusher_class`); ``runner`` decides what changed and records
every push; ``balances`` reads counts, moves and reservations from the database.
"""

from __future__ import annotations

from importlib import import_module

from ecdesk.sync.egress.base import Pusher

_PUSHERS = {
    "shopify": ("ecdesk.sync.egress.shopify", "ShopifyPusher"),
    "woocommerce": ("ecdesk.sync.egress.woocommerce", "WooCommercePusher"),
    "shopee": ("ecdesk.sync.egress.shopee", "ShopeePusher"),
    "lazada": ("ecdesk.sync.egress.lazada", "LazadaPusher"),
}


def pusher_class(platform: str) -> type[Pusher] | None:
    """The platform's pusher, or None where ecdesk cannot push (the custom feed)."""
    entry = _PUSHERS.get(str(platform))
    if entry is None:
        return None
    module, cls = entry
    return getattr(import_module(module), cls)
