"""Shopify stock and tracking through the GraphQL Admin API (reference/shopify-woocommerce-
contracts.md §1.5, §1.6; shopify.dev mutations ``inventorySetQuantities``,
``fulfillmentCreate``).

* Listing ids: ``productVariants`` -> variant, inventory item (tracked or not); the location is
  the store's ``shopify_location`` (a location name or id) or its first active location.
* Stock: ``inventorySetQuantities`` sets the ``available`` quantity (on hand minus what Shopify
  already commits to unfulfilled orders, so ecdesk's "to push" is what buyers may still buy)
  for up to :data:`MAX_QUANTITIES` inventory items per call. The mutation is all or nothing:
  a ``userErrors`` entry naming ``quantities.N`` refuses that item, and the rest of the batch
  is sent again without it. From API 2026-04 each quantity carries ``changeFromQuantity: null``
  (no compare) and the call an ``@idempotent`` key; before, ``ignoreCompareQuantity: true``.
* Tracking: the order's open fulfillment orders are fulfilled with ``trackingInfo`` in one
  ``fulfillmentCreate`` (the legacy REST fulfilment endpoint was removed in 2022-07).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from ecdesk.sync.egress.base import (
    Pusher,
    PushResult,
    Shipment,
    ShipResult,
    StockChange,
    chunks,
)
from ecdesk.sync.http import ApiError

MAX_QUANTITIES = 250  # GraphQL input arrays hold at most 250 items
VARIANT_PAGE = 250
COMPARE_REQUIRED_FROM = "2026-04"

VARIANTS = """
query Variants($first: Int!, $after: String, $query: String) {
  productVariants(first: $first, after: $after, query: $query) {
    nodes { id sku inventoryItem { id tracked } }
    pageInfo { hasNextPage endCursor }
  }
}"""

LOCATIONS = """
query Locations { locations(first: 50) { nodes { id name isActive } } }"""

SET_QUANTITIES = """
mutation SetQuantities($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}"""

SET_QUANTITIES_OLD = """
mutation SetQuantities($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}"""

FULFILLMENT_ORDERS = """
query FulfillmentOrders($id: ID!) {
  order(id: $id) { id fulfillmentOrders(first: 20) { nodes { id status } } }
}"""

FULFILL = """
mutation Fulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status trackingInfo(first: 1) { number company } }
    userErrors { field message }
  }
}"""

OPEN_STATES = {"OPEN", "IN_PROGRESS"}


class ShopifyPusher(Pusher):
    platform = "shopify"
    batch_limit = MAX_QUANTITIES

    @property
    def _strict(self) -> bool:
        version = str(getattr(self.client, "api_version", "") or "")
        return version == "unstable" or version >= COMPARE_REQUIRED_FROM

    def _location(self) -> str:
        wanted = (self.settings.get("shopify_location") or "").strip()
        nodes = (self.client.graphql(LOCATIONS, {}, "locations").get("locations") or {}).get(
            "nodes") or []
        for node in nodes:
            if not node.get("isActive"):
                continue
            if not wanted or wanted in (node.get("name"), node.get("id"),
                                        str(node.get("id", "")).rsplit("/", 1)[-1]):
                return str(node["id"])
        where = f"location '{wanted}'" if wanted else "an active location"
        raise ApiError(f"Shopify store '{self.store_name}' has no {where}: set the store's "
                       "shopify_location to one of its locations.")

    def find_listings(self, skus: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = set(skus)
        if not wanted:
            return {}
        location = self._location()
        found: dict[str, dict[str, Any]] = {}
        after = None
        while True:  # one walk over the variants: 250 a page
            data = self.client.graphql(VARIANTS, {"first": VARIANT_PAGE, "after": after,
                                                  "query": None}, "productVariants")
            page = data.get("productVariants") or {}
            for node in page.get("nodes") or []:
                sku = (node.get("sku") or "").strip()
                item = node.get("inventoryItem") or {}
                if sku in wanted and sku not in found and item.get("id"):
                    found[sku] = {"variant": node["id"], "inventory_item": item["id"],
                                  "tracked": bool(item.get("tracked")), "location": location}
            info = page.get("pageInfo") or {}
            if not info.get("hasNextPage") or len(found) == len(wanted):
                return found
            after = info.get("endCursor")

    def batches(self, changes: Sequence[StockChange]) -> list[list[StockChange]]:
        return list(chunks(changes, MAX_QUANTITIES))

    def push_batch(self, batch: list[StockChange]) -> list[PushResult]:
        results: list[PushResult] = []
        while batch:
            errors = self._set(batch)
            if not errors:
                return results + [PushResult(c.sku, c.qty, True) for c in batch]
            bad: dict[int, str] = {}
            for err in errors:
                field = [str(f) for f in err.get("field") or []]
                message = f"Shopify refused it: {err.get('message')} ({err.get('code')})"
                if len(field) >= 3 and field[1] == "quantities" and field[2].isdigit():
                    bad[int(field[2])] = message
                else:  # not about one item: the whole batch is refused
                    return results + self.refused(batch, message)
            results += [PushResult(c.sku, c.qty, False, bad[i]) for i, c in enumerate(batch)
                        if i in bad]
            batch = [c for i, c in enumerate(batch) if i not in bad]
        return results

    def _set(self, batch: list[StockChange]) -> list[dict[str, Any]]:
        quantities = []
        for c in batch:
            q: dict[str, Any] = {"inventoryItemId": c.ids["inventory_item"],
                                 "locationId": c.ids["location"], "quantity": c.qty}
            if self._strict:
                q["changeFromQuantity"] = None
            quantities.append(q)
        payload: dict[str, Any] = {"name": "available", "reason": "correction",
                                   "referenceDocumentUri": "ecdesk://stock-push",
                                   "quantities": quantities}
        if self._strict:
            data = self.client.graphql(SET_QUANTITIES, {"input": payload,
                                                        "key": str(uuid.uuid4())},
                                       "inventorySetQuantities")
        else:
            payload["ignoreCompareQuantity"] = True
            data = self.client.graphql(SET_QUANTITIES_OLD, {"input": payload},
                                       "inventorySetQuantities")
        return list((data.get("inventorySetQuantities") or {}).get("userErrors") or [])

    def ship(self, shipment: Shipment) -> ShipResult:
        order_id = shipment.external_id
        if not order_id.startswith("gid://"):
            order_id = f"gid://shopify/Order/{order_id}"
        order = self.client.graphql(FULFILLMENT_ORDERS, {"id": order_id},
                                    "fulfillmentOrders").get("order")
        if not order:
            return ShipResult(False, message=f"Shopify has no order {shipment.number}.")
        nodes = (order.get("fulfillmentOrders") or {}).get("nodes") or []
        open_ids = [n["id"] for n in nodes if n.get("status") in OPEN_STATES]
        if not open_ids:
            closed = any(n.get("status") == "CLOSED" for n in nodes)
            return ShipResult(closed, message="already fulfilled in Shopify" if closed else
                              "Shopify has no fulfillment order this app may fulfil (held, "
                              "or assigned to another fulfilment service).")
        data = self.client.graphql(FULFILL, {"fulfillment": {
            "lineItemsByFulfillmentOrder": [{"fulfillmentOrderId": i} for i in open_ids],
            "trackingInfo": {"number": shipment.tracking, "company": shipment.carrier},
            "notifyCustomer": True}}, "fulfillmentCreate")
        payload = data.get("fulfillmentCreate") or {}
        errors = payload.get("userErrors") or []
        if errors:
            return ShipResult(False, message="Shopify refused the fulfilment: " + "; ".join(
                str(e.get("message")) for e in errors))
        return ShipResult(True, tracking=shipment.tracking)
