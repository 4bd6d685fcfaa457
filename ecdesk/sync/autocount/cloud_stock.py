"""What moved stock in an AutoCount Cloud book (docs/decisions.md §7; issue 13).

The Cloud API has no stock balance (autocount-2.md §1.1), so ecdesk counts from the clerk's
stock report (``stock import``) and moves the count by every stock-moving document since:
its own, and those the book got otherwise, read here from the listings filtered on
``lastModifiedDate``: invoices (goods out of the sales location), credit notes (goods back,
unless the line is not a goods return) and stock adjustments (a signed quantity per item and
location). Cancelled documents move nothing. The listing's ``createdDate`` is the book's local
time (the store default zone, Asia/Kuala_Lumpur).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from ecdesk.clock import store_zone
from ecdesk.sync.autocount.base import AutoCountRoute, Unsupported

#: listing endpoint -> the sign of a line's quantity on the balance
MOVING = {"invoice": -1, "creditNote": 1, "stockAdjustment": 1}


@dataclass(frozen=True)
class Movement:
    doc_kind: str  # a key of MOVING
    doc_no: str
    item_code: str
    location: str
    qty: Decimal  # signed
    created_at: datetime  # timezone-aware


def book_movements(route: AutoCountRoute, since: datetime) -> list[Movement]:
    """Every item line of a stock-moving document modified since ``since``;
    ``Unsupported`` for a route that reads balances itself or cannot list documents."""
    from ecdesk.sync.autocount.cloud import CloudRoute, list_all

    if not isinstance(route, CloudRoute):
        raise Unsupported(f"The AutoCount route '{route.name}' does not list stock movements.")
    zone = store_zone(route.config.settings.get("timezone"))
    flt = {"lastModifiedDate": {"from": since.astimezone(zone).isoformat()}}
    out: list[Movement] = []
    for endpoint, sign in MOVING.items():
        for row in list_all(route, endpoint, flt, endpoint):
            out += _lines(endpoint, sign, row, zone)
    return out


def _lines(endpoint: str, sign: int, row: dict[str, Any], zone: Any) -> list[Movement]:
    master = row.get("master") or {}
    if master.get("cancelled"):
        return []
    created = datetime.fromisoformat(str(master.get("createdDate")))
    created = created.replace(tzinfo=zone) if created.tzinfo is None else created
    out = []
    for d in row.get("details") or []:
        if endpoint == "creditNote" and d.get("goodsReturn") is False:
            continue
        code = str(d.get("stockCode") or d.get("productCode") or "").strip().upper()
        if not code:
            continue
        location = d.get("location") if endpoint == "stockAdjustment" else \
            master.get("salesLocation")
        out.append(Movement(endpoint, str(master.get("docNo") or ""), code,
                            str(location or "").upper(), sign * Decimal(str(d.get("qty") or 0)),
                            created))
    return out
