"""Shopify's GraphQL cost points (reference/shopify-woocommerce-contracts.md §1.7): every
answer's ``extensions.cost.throttleStatus`` says what the bucket holds and how fast it
refills; a call is paced before the bucket runs dry, and a ``THROTTLED`` answer waits
``(requested - currentlyAvailable) / restoreRate``."""

from __future__ import annotations

import logging
from typing import Any

from ecdesk.sync.http import HttpClient

log = logging.getLogger(__name__)


class CostBucket:
    """The bucket as last reported, refilled since by the HTTP client's clock."""

    def __init__(self, http: HttpClient) -> None:
        self.http = http
        self.throttle: dict[str, float] | None = None  # last throttleStatus seen
        self.throttle_at = 0.0  # http clock when it was seen
        self.last_cost: dict[str, int] = {}  # requested cost per operation, for pacing
        self.seen: dict[str, Any] = {}  # the last answer's extensions.cost

    def note(self, cost: dict[str, Any], operation: str) -> None:
        """Remember an answer's cost (and, per operation, what it asked for)."""
        self.seen = cost
        status = cost.get("throttleStatus")
        if isinstance(status, dict):
            try:
                self.throttle = {k: float(status[k]) for k in
                                 ("maximumAvailable", "currentlyAvailable", "restoreRate")}
            except (KeyError, TypeError, ValueError):
                self.throttle = None
            self.throttle_at = self.http.clock()
        if operation and isinstance(cost.get("requestedQueryCost"), int | float):
            self.last_cost[operation] = int(cost["requestedQueryCost"])

    def pace(self, operation: str) -> None:
        """Wait before a call of ``operation`` that the bucket (as last reported, refilled
        since) cannot pay."""
        expected_cost = self.last_cost.get(operation, 0)
        t = self.throttle
        if not t or expected_cost <= 0 or t["restoreRate"] <= 0:
            return
        elapsed = max(0.0, self.http.clock() - self.throttle_at)
        available = min(t["maximumAvailable"], t["currentlyAvailable"] + elapsed * t[
            "restoreRate"])
        if expected_cost > available:
            # one point more than needed: a bucket refilled to exactly the cost may round short
            wait = (expected_cost + 1 - available) / t["restoreRate"]
            log.info("Shopify bucket low (%.0f of %d points): waiting %.1fs", available,
                     expected_cost, wait)
            self.http.sleep(wait)

    def wait_throttled(self, body: Any) -> None:
        """After a THROTTLED answer: wait what the bucket needs for the call (0.1 s least)."""
        ext = body.get("extensions") if isinstance(body, dict) else None
        cost = (ext or {}).get("cost") or {}
        status = cost.get("throttleStatus") or {}
        try:
            wait = (float(cost["requestedQueryCost"]) - float(status["currentlyAvailable"])) / \
                float(status["restoreRate"])
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            wait = 1.0
        wait = max(wait, 0.1)
        log.info("Shopify throttled the call; waiting %.1fs", wait)
        self.http.sleep(wait)
