"""The demo world: every sandbox running on loopback and a database set up to use them.

Used by ``make demo``, ``python -m ecdesk sandbox``, ``python -m ecdesk screenshots`` and the
end-to-end tests, so they all exercise the same set-up a clerk would make by hand: stores,
credentials in the keyring, the AutoCount connection, and the mapping of every catalogue SKU,
shipping and payment method (the seed's deliberately unknown ones stay unmapped, so some
orders are held).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ecdesk.domain import PLATFORMS
from ecdesk.sandbox import registry, seed

PLATFORM_PREFIX = {str(p): f"{facts.prefix}-" for p, facts in PLATFORMS.items()}
PLATFORM_DEBTOR = {"shopify": "300-H001", "woocommerce": "300-W001", "shopee": "300-S001",
                   "lazada": "300-L001", "custom": "300-X001"}
PLATFORM_STORE_NAME = {"shopify": "Demo Shopify", "woocommerce": "Demo WooCommerce",
                       "shopee": "Demo Shopee", "lazada": "Demo Lazada",
                       "custom": "Demo Website"}
PAYMENT_METHOD = {"cod": "CASH", "Cash on Delivery": "CASH", "COD": "CASH"}
TAX_CODES = {"0": "none", "6": "SV-6", "8": "SV-8"}

#: The demo's AutoCount sandbox allows far more calls a minute than the real API (about 100)
#: so a newcomer sees a few hundred orders post in seconds; the tests prove the real quota.
DEMO_OPTIONS: dict[str, dict[str, Any]] = {"autocount": {"rate_limit": 3000}}

AUTOCOUNT_DEFAULTS = {
    "debtor_code": "300-C001", "debtor_name": "CASH SALES - ONLINE", "credit_term": "C.O.D.",
    "sales_location": "HQ", "sales_account": "500-1000", "shipping_item": "SHIPPING",
    "rounding_account": "907-0000", "payment_method": "BANK", "returns_account": "520-0000",
    "book_currency": "MYR",
    # marketplace fee ledgers (seed accounts 908-x000); no platform-voucher ledger: the
    # connectors never emit one (a platform voucher is not a seller cost)
    "fee_account_commission": "908-1000", "fee_account_service": "908-2000",
    "fee_account_transaction": "908-2000", "fee_account_shipping_fee": "908-3000",
    "fee_account_voucher_seller": "908-4000", "fee_account_other": "908-5000",
}


@dataclass
class DemoWorld:
    sandboxes: dict[str, Any] = field(default_factory=dict)

    @property
    def autocount(self) -> Any:
        return self.sandboxes["autocount"]

    def stores(self) -> dict[str, Any]:
        return {k: v for k, v in self.sandboxes.items() if k != "autocount"}

    def stop(self) -> None:
        for sb in self.sandboxes.values():
            sb.stop()

    def __enter__(self) -> DemoWorld:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sandboxes(
    names: Iterable[str] | None = None,
    *,
    orders: int = 60,
    seed_value: int = 1,
    clock: Callable[[], float] = time.time,
    options: dict[str, dict[str, Any]] | None = None,
) -> DemoWorld:
    """Start the named sandboxes (default: every one this build has) plus AutoCount.

    ``options`` are keyword overrides per sandbox name (default :data:`DEMO_OPTIONS`)."""
    options = DEMO_OPTIONS if options is None else options
    wanted = list(names) if names is not None else registry.available()
    if "autocount" not in wanted:
        wanted.append("autocount")
    world = DemoWorld()
    for name in wanted:
        cls = registry.sandbox_class(name)
        extra = (options or {}).get(name, {})
        if name == "autocount":
            sb = cls(clock=clock, **extra)
        else:
            sb = cls(clock=clock, orders=orders, seed=seed_value, **extra)
        world.sandboxes[name] = sb.start()
    return world


#: The desktop route's demo book: the fake AutoCount assemblies of ecdesk.sandbox.
DESKTOP_DEMO = {"server": r".\A2006", "database": "AED_DEMO", "user": "ADMIN",
                "assemblies": "sandbox"}


def configure(service: Any, world: DemoWorld, *, map_all: bool = True, route: str = "cloud",
              import_folder: str = "") -> list[str]:
    """Set the service up to use the world's sandboxes through AutoCount ``route`` (cloud:
    the Cloud sandbox; desktop: the fake assemblies; import-file: workbooks in
    ``import_folder``), all with the same master data; answers the store names."""
    ac = world.autocount
    if route == "desktop":
        service.set_secret("autocount", "password", "admin")
        service.set_autocount("desktop", settings={**AUTOCOUNT_DEFAULTS, **DESKTOP_DEMO})
    elif route == "import-file":
        service.set_autocount("import-file", settings={**AUTOCOUNT_DEFAULTS,
                                                       "path": import_folder})
    else:
        for key, value in ac.credentials().items():
            service.set_secret("autocount", key, value)
        service.set_autocount("cloud", ac.url, ac.store_settings()["book"],
                              dict(AUTOCOUNT_DEFAULTS))
    names = []
    for platform, sb in world.stores().items():
        name = PLATFORM_STORE_NAME[platform]
        settings = {"doc_prefix": PLATFORM_PREFIX[platform],
                    "debtor_code": PLATFORM_DEBTOR[platform],
                    "debtor_name": platform.title() + " customers",
                    **sb.store_settings()}
        service.add_store(name, platform, sb.url, settings)
        for key, value in sb.credentials().items():
            service.set_secret(name, key, value)
        if hasattr(sb, "auth_code"):
            service.authorise_store(name, sb.auth_code())
        if map_all:
            map_demo(service, name, platform)
            for gateway in getattr(sb, "extra_payment_methods", ()):  # WooPayments
                service.set_mapping(name, "payment", gateway, "BANK")
        names.append(name)
    return names


def map_demo(service: Any, store: str, platform: str) -> None:
    """Map every catalogue SKU and known shipping/payment method, and the tax rates."""
    data = seed.masterdata()
    for row in data["catalog"]:
        service.set_mapping(store, "sku", row["sku"], row["item_code"], row.get("uom", ""))
    for method in data["shipping_methods"].get(platform, []):
        service.set_mapping(store, "shipping", method, "SHIPPING")
    for gateway in data["payment_methods"].get(platform, []):
        service.set_mapping(store, "payment", gateway, PAYMENT_METHOD.get(gateway, "BANK"))
    for rate, code in TAX_CODES.items():
        service.set_mapping(store, "tax", rate, code)


def run_demo(folder: str | None = None, route: str = "cloud") -> int:
    """``make demo``: a fresh demo folder (database + file keyring), sandboxes, the window.

    The demo never touches the user's real database or keyring (docs/decisions.md §5).
    """
    import os
    import shutil
    from pathlib import Path

    import keyring

    from ecdesk.db import data_dir
    from ecdesk.secrets import FileKeyring
    from ecdesk.service import Service

    base = Path(folder) if folder else data_dir() / "demo"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    os.environ["PYTHON_KEYRING_BACKEND"] = "ecdesk.secrets.FileKeyring"
    os.environ["ECDESK_KEYRING_FILE"] = str(base / "keyring.json")
    os.environ["ECDESK_FAKE_BOOK"] = str(base / "desktop-book.sqlite")  # window + sync process
    keyring.set_keyring(FileKeyring())
    world = start_sandboxes()
    service = Service(f"sqlite:///{base / 'demo.sqlite'}")
    try:
        (base / "imports").mkdir()
        configure(service, world, route=route, import_folder=str(base / "imports"))
        from ecdesk.ui.app import run_gui

        return run_gui(service)
    finally:
        world.stop()
