"""AutoCount routes, one module per route; :func:`route_class` finds one."""

from __future__ import annotations

from importlib import import_module

from ecdesk.sync.autocount.base import AutoCountRoute

_ROUTES = {
    "cloud": ("ecdesk.sync.autocount.cloud", "CloudRoute"),
    "desktop": ("ecdesk.sync.autocount.desktop", "DesktopRoute"),
}


def route_class(name: str) -> type[AutoCountRoute]:
    try:
        module, cls = _ROUTES[name]
    except KeyError:
        known = ", ".join(_ROUTES)
        raise ValueError(f"unknown AutoCount route '{name}' (known: {known})") from None
    return getattr(import_module(module), cls)


def known_routes() -> list[str]:
    return list(_ROUTES)
