"""Store connectors, one module per platform; :func:`connector_class` finds one."""

from __future__ import annotations

from importlib import import_module

from ecdesk.domain import Platform
from ecdesk.sync.connectors.base import Connector

_MODULES = {
    Platform.SHOPIFY: ("ecdesk.sync.connectors.shopify", "ShopifyConnector"),
    Platform.WOOCOMMERCE: ("ecdesk.sync.connectors.woocommerce", "WooCommerceConnector"),
    Platform.SHOPEE: ("ecdesk.sync.connectors.shopee", "ShopeeConnector"),
    Platform.LAZADA: ("ecdesk.sync.connectors.lazada", "LazadaConnector"),
    Platform.CUSTOM: ("ecdesk.sync.connectors.custom", "CustomFeedConnector"),
}


def connector_class(platform: Platform | str) -> type[Connector]:
    module, name = _MODULES[Platform(platform)]
    return getattr(import_module(module), name)
