"""The one seed of master data and catalogue shared by every sandbox, the demo and the tests."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def masterdata() -> dict[str, Any]:
    """AutoCount master data plus the store catalogue (``data/masterdata.json``)."""
    text = resources.files("ecdesk.sandbox").joinpath("data/masterdata.json").read_text("utf-8")
    return json.loads(text)


def catalog() -> list[dict[str, str]]:
    """Products every store sandbox sells: sku, item_code, name, price, uom."""
    return masterdata()["catalog"]


def sku_to_item() -> dict[str, str]:
    return {row["sku"]: row["item_code"] for row in catalog()}
