"""Egress: stock quantities and tracking numbers from ecdesk to the stores (docs/decisions.md §7).

One pusher per platform (:func:`pusher_class`, imported here by name so a frozen build
carries them); ``runner`` decides what changed and records every push; ``ledger`` reads
counts, moves and reservations from the database.
"""

from __future__ import annotations

from ecdesk.sync.egress.base import Pusher
from ecdesk.sync.egress.lazada import LazadaPusher
from ecdesk.sync.egress.shopee import ShopeePusher
from ecdesk.sync.egress.shopify import ShopifyPusher
from ecdesk.sync.egress.woocommerce import WooCommercePusher

_PUSHERS: dict[str, type[Pusher]] = {
    "shopify": ShopifyPusher,
    "woocommerce": WooCommercePusher,
    "shopee": ShopeePusher,
    "lazada": LazadaPusher,
}


def pusher_class(platform: str) -> type[Pusher] | None:
    """The platform's pusher, or None where ecdesk cannot push (the custom feed)."""
    return _PUSHERS.get(str(platform))
