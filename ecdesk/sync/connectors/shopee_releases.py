"""When Shopee released each order's escrow to the seller: ``payment/get_escrow_list``
(reference/shopee-lazada-contracts.md §1: ``release_time_from/to`` within 15 days,
``page_size`` <= 100, ``page_no`` from 1). The day of release is a Shopee order's payout
(``posting_mode=payout``, docs/decisions.md §9).

One :class:`EscrowReleases` per fetch: it reads the list from the oldest COMPLETED order's
creation up to the fetch's end, and only the part of that span not read yet, so a backfill
reads each window once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

WINDOW = int(timedelta(days=15).total_seconds())  # release_time_to - from <= 15 days
PAGE_SIZE = 100

#: the connector's signed shop call: (method, api, params) -> the response's body
ShopCall = Callable[..., dict[str, Any]]


class EscrowReleases:
    """Escrow releases read in one fetch, by order_sn."""

    def __init__(self, shop: ShopCall) -> None:
        self._shop = shop
        self._seen: dict[str, dict[str, Any]] = {}
        self._lo: int | None = None
        self._hi: int | None = None

    def between(self, since: int, until: int) -> dict[str, dict[str, Any]]:
        """Escrows released in [since, until] (epoch seconds), in 15-day windows."""
        out: dict[str, dict[str, Any]] = {}
        start = since
        while start <= until:
            stop = min(start + WINDOW, until)
            page = 1
            while True:
                resp = self._shop("GET", "payment/get_escrow_list", {
                    "release_time_from": start, "release_time_to": stop,
                    "page_size": PAGE_SIZE, "page_no": page})
                for row in resp.get("escrow_list") or []:
                    out[str(row["order_sn"])] = row
                if not resp.get("more"):
                    break
                page += 1
            start = stop + 1
        return out

    def of(self, details: list[dict[str, Any]], until: int) -> dict[str, dict[str, Any]]:
        """The release (``escrow_release_time``, ``payout_amount``) of each COMPLETED order
        among ``details`` that Shopee has released by ``until``."""
        done = [str(d["order_sn"]) for d in details if d.get("order_status") == "COMPLETED"]
        if not done:
            return {}
        oldest = min(int(d.get("create_time") or until) for d in details
                     if d.get("order_status") == "COMPLETED")
        if self._lo is None or self._hi is None:
            self._seen.update(self.between(oldest, until))
            self._lo, self._hi = oldest, until
        if oldest < self._lo:
            self._seen.update(self.between(oldest, self._lo - 1))
            self._lo = oldest
        if until > self._hi:
            self._seen.update(self.between(self._hi + 1, until))
            self._hi = until
        return {sn: self._seen[sn] for sn in done if sn in self._seen}
