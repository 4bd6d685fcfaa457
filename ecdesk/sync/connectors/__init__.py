"""Store connectors, one module per platform; :func:`connector_class` finds one."""

from __future__ import annotations

from importlib import import_module

from ecdesk.domain import PLATFORMS, Platform
from ecdesk.sync.connectors.base import Connector


def connector_class(platform: Platform | str) -> type[Connector]:
    module, name = PLATFORMS[Platform(platform)].connector.split(":")
    return getattr(import_module(module), name)
