"""Which shop a store is, so the same shop is never added twice (issue 10 item 2).

A store's identity is its platform plus the normalised address of the shop: the host (lower
case, no ``www.``, no default port) and path for Shopify, WooCommerce and a custom feed URL,
the folder or file of a custom feed read from disk, Shopee's ``shop_id`` and Lazada's
``seller_id`` (their API addresses are shared by every shop, so the address alone says
nothing). Store names compare without regard to case or spacing ("Shop A " is "shop a").
Pure functions: the services compare what these answer.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def name_key(name: str) -> str:
    """``"  Shop   A "`` and ``"shop a"`` are one name."""
    return " ".join(name.split()).casefold()


def address_key(url: str) -> str:
    """``https://WWW.Shop.com:443/store/`` -> ``shop.com/store``; "" for no address."""
    text = (url or "").strip()
    if not text:
        return ""
    parts = urlsplit(text if "://" in text else f"https://{text}")
    host = (parts.hostname or "").lower().rstrip(".")
    host = host.removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    return f"{host}{path}"


def shop_key(platform: str, url: str, settings: dict[str, str]) -> str:
    """The identity of the shop behind a store; "" when it cannot be told yet (a Shopee
    store without ``shop_id``, a Lazada store before its ``seller_id`` is known)."""
    s = {k: (v or "").strip() for k, v in (settings or {}).items()}
    if platform == "shopee":
        shop = s.get("shop_id", "")
        return f"shopee:shop {shop}" if shop else ""
    if platform == "lazada":
        seller = s.get("seller_id", "")
        return f"lazada:seller {seller}" if seller else ""
    if platform == "custom" and s.get("path"):
        return f"custom:file {Path(s['path']).expanduser().resolve(strict=False)}"
    address = address_key(url)
    return f"{platform}:{address}" if address else ""


def describe(key: str) -> str:
    """A shop key in words for a message: "the address shop.com/store"."""
    _, _, rest = key.partition(":")
    if rest.startswith("shop "):
        return f"Shopee shop id {rest[5:]}"
    if rest.startswith("seller "):
        return f"Lazada seller id {rest[7:]}"
    if rest.startswith("file "):
        return f"the feed '{rest[5:]}'"
    return f"the address {rest}"
