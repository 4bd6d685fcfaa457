"""Every sandbox by platform, so ``python -m ecdesk sandbox`` and the demo start them all.

Convention each sandbox class follows: ``Cls(clock=time.time, orders=N, seed=S)``;
``.start()`` -> self (loopback, free port); ``.url`` is what ``store add --url`` takes;
``.credentials()`` -> the keyring keys a store needs (docs/decisions.md §4 names);
``.store_settings()`` -> the ``--set`` values a store needs (shop id, partner id...).
"""

from __future__ import annotations

from importlib import import_module

SANDBOXES: dict[str, tuple[str, str]] = {
    "shopify": ("ecdesk.sandbox.shopify", "ShopifySandbox"),
    "woocommerce": ("ecdesk.sandbox.woocommerce", "WooCommerceSandbox"),
    "shopee": ("ecdesk.sandbox.shopee", "ShopeeSandbox"),
    "lazada": ("ecdesk.sandbox.lazada", "LazadaSandbox"),
    "custom": ("ecdesk.sandbox.custom", "CustomFeedSandbox"),
    "autocount": ("ecdesk.sandbox.autocount", "AutoCountSandbox"),
}


def sandbox_class(name: str) -> type:
    module, cls = SANDBOXES[name]
    return getattr(import_module(module), cls)


def available() -> list[str]:
    """Sandboxes whose module exists in this build (some land in later issues)."""
    names = []
    for name, (module, _cls) in SANDBOXES.items():
        try:
            import_module(module)
        except ModuleNotFoundError:
            continue
        names.append(name)
    return names
