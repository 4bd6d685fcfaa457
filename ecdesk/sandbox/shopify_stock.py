"""The Shopify sandbox's catalogue, inventory and fulfilment (reference/shopify-woocommerce-
contracts.md §1.5, §1.6).

* ``productVariants(query: "sku:A OR sku:B")`` and ``locations``: variant -> inventory item,
  one active location.
* ``inventorySetQuantities(input: {name: "available", reason, quantities: [...]})``: at most
  :data:`MAX_INPUT_ARRAY` quantities (more is refused before anything runs, as Shopify refuses
  an input array over 250); all or nothing: any ``userErrors`` (``INVALID_INVENTORY_ITEM``,
  ``INVALID_LOCATION``, ``INVALID_QUANTITY_NEGATIVE``, ``NON_MUTABLE_INVENTORY_ITEM`` for an
  untracked item, ``CHANGE_FROM_QUANTITY_STALE``) and nothing changes. From 2026-04 every
  quantity must carry ``changeFromQuantity`` (an explicit null skips the check) and the field
  the ``@idempotent(key:)`` directive; a repeated key answers the first result again.
* ``order.fulfillmentOrders`` (one per order, OPEN until fulfilled) and ``fulfillmentCreate``
  with ``trackingInfo``: the fulfilment and its tracking are kept for tests
  (:attr:`fulfillments`); a closed or unknown fulfillment order is a ``userErrors`` entry.
"""

from __future__ import annotations

import re
from typing import Any

from graphql import GraphQLError

from ecdesk.sandbox.catalogue import Catalogue, order_skus
from ecdesk.sandbox.shopify_schema import MAX_INPUT_ARRAY

LOCATION_ID = 70_000_001
INVENTORY_ITEM_OFFSET = 40_000_000_000
FO_OFFSET = 50_000_000_000
FO_LINE_OFFSET = 60_000_000_000
COMPARE_REQUIRED_FROM = "2026-04"


def _gid(kind: str, id_: int) -> str:
    return f"gid://shopify/{kind}/{id_}"


def _id_of(kind: str, value: Any) -> int | None:
    m = re.fullmatch(rf"gid://shopify/{kind}/(\d+)", str(value or ""))
    return int(m[1]) if m else None


class ShopifyStock:
    """Mixed into :class:`~ecdesk.sandbox.shopify.ShopifySandbox`."""

    orders: list[Any]
    _by_id: dict[int, Any]
    api_version_served: str = "2026-10"

    def _init_stock(self) -> None:
        skus = [ln.sku for o in self.orders for ln in o.lines]
        self.catalogue = Catalogue(order_skus(skus), first_parent=8_000_000_001,
                                   first_id=9_000_000_001, per_parent=3, stock=0)
        self.fulfillments: dict[int, list[dict[str, Any]]] = {}
        self._idempotent: dict[str, dict[str, Any]] = {}
        self._fulfilment_seq = 0
        self.refuse: dict[str, str] = {}  # sku -> userErrors message on the next calls

    def stock_root(self) -> dict[str, Any]:
        return {"productVariants": self._resolve_variants, "locations": self._resolve_locations,
                "inventorySetQuantities": self._set_quantities,
                "fulfillmentCreate": self._fulfillment_create}

    # --- reads -----------------------------------------------------------------------------
    def _variant(self, listing: Any) -> dict[str, Any]:
        item_id = listing.id + INVENTORY_ITEM_OFFSET
        return {"id": _gid("ProductVariant", listing.id), "legacyResourceId": str(listing.id),
                "sku": listing.sku, "title": listing.sku,
                "inventoryItem": {"id": _gid("InventoryItem", item_id),
                                  "legacyResourceId": str(item_id), "sku": listing.sku,
                                  "tracked": listing.managed},
                "product": {"id": _gid("Product", listing.parent_id),
                            "legacyResourceId": str(listing.parent_id), "title": listing.sku}}

    def _resolve_variants(self, info: Any, **args: Any) -> dict[str, Any]:
        from ecdesk.sandbox.shopify import paginate

        wanted = set(re.findall(r"sku:(?:'([^']*)'|\"([^\"]*)\"|(\S+))", args.get("query") or ""))
        skus = {a or b or c for a, b, c in wanted}
        items = [x for x in self.catalogue.listings.values() if not skus or x.sku in skus]
        items.sort(key=lambda x: x.id)
        return paginate(items, lambda x: x.id, lambda x: x.id, args, self._variant)

    def _resolve_locations(self, info: Any, **args: Any) -> dict[str, Any]:
        from ecdesk.sandbox.shopify import paginate

        loc = {"id": _gid("Location", LOCATION_ID), "legacyResourceId": str(LOCATION_ID),
               "name": "Warehouse KL", "isActive": True}
        return paginate([loc], lambda x: 0, lambda x: LOCATION_ID, args, lambda x: x)

    def fulfillment_orders(self, o: Any) -> Any:
        """The ``fulfillmentOrders`` field of an order."""
        from ecdesk.sandbox.shopify import paginate

        status = "CLOSED" if o.fulfilled or o.id in self.fulfillments else (
            "CANCELLED" if o.cancelled_at else "OPEN")
        lines = [{"id": _gid("FulfillmentOrderLineItem", ln.id + FO_LINE_OFFSET), "sku": ln.sku,
                  "totalQuantity": ln.quantity,
                  "remainingQuantity": 0 if status == "CLOSED" else ln.quantity}
                 for ln in o.lines]
        fo = {"id": _gid("FulfillmentOrder", o.id + FO_OFFSET), "status": status,
              "lineItems": lambda info, **a: paginate(
                  lines, lambda x: x["id"], lambda x: lines.index(x), a, lambda x: x)}
        return lambda info, **a: paginate([fo], lambda x: 0, lambda x: o.id, a, lambda x: x)

    # --- inventorySetQuantities ------------------------------------------------------------
    def _set_quantities(self, info: Any, input: dict[str, Any]) -> dict[str, Any]:
        key = _idempotency_key(info)
        strict = self.api_version_served >= COMPARE_REQUIRED_FROM
        if strict and key is None:
            raise GraphQLError("The @idempotent directive is required for this mutation.")
        if key is not None and key in self._idempotent:
            return self._idempotent[key]
        quantities = input.get("quantities") or []
        if len(quantities) > MAX_INPUT_ARRAY:
            raise GraphQLError(f"The input array size of {len(quantities)} is greater than the "
                               f"maximum allowed of {MAX_INPUT_ARRAY}.",
                               extensions={"code": "MAX_INPUT_SIZE_EXCEEDED"})
        errors: list[dict[str, Any]] = []
        if input.get("name") not in ("available", "on_hand"):
            errors.append(_user_error("INVALID_NAME", ["input", "name"],
                                      "The quantity name must be 'available' or 'on_hand'."))
        changes = []
        for i, q in enumerate(quantities):
            where = ["input", "quantities", str(i)]
            listing = self.catalogue.by_id.get(
                (_id_of("InventoryItem", q.get("inventoryItemId")) or 0) - INVENTORY_ITEM_OFFSET)
            if strict and "changeFromQuantity" not in q:
                raise GraphQLError("Variable $input of type InventorySetQuantitiesInput! was "
                                   f"provided invalid value for quantities.{i}."
                                   "changeFromQuantity (Expected value to not be null)")
            if listing is None:
                errors.append(_user_error("INVALID_INVENTORY_ITEM", [*where, "inventoryItemId"],
                                          "The specified inventory item could not be found."))
            elif _id_of("Location", q.get("locationId")) != LOCATION_ID:
                errors.append(_user_error("INVALID_LOCATION", [*where, "locationId"],
                                          "The specified location could not be found."))
            elif q["quantity"] < 0:
                errors.append(_user_error("INVALID_QUANTITY_NEGATIVE", [*where, "quantity"],
                                          "The quantity can't be negative."))
            elif listing.sku in self.refuse:
                errors.append(_user_error("NON_MUTABLE_INVENTORY_ITEM",
                                          [*where, "inventoryItemId"], self.refuse[listing.sku]))
            elif not listing.managed:
                errors.append(_user_error(
                    "NON_MUTABLE_INVENTORY_ITEM", [*where, "inventoryItemId"],
                    "The specified inventory item is not allowed to be adjusted via API. "
                    "Inventory tracking is not enabled."))
            elif q.get("changeFromQuantity") is not None and \
                    q["changeFromQuantity"] != listing.stock:
                errors.append(_user_error(
                    "CHANGE_FROM_QUANTITY_STALE", [*where, "changeFromQuantity"],
                    "The specified changeFromQuantity doesn't match the persisted value."))
            else:
                changes.append((listing, q["quantity"]))
        if errors:  # all or nothing
            result: dict[str, Any] = {"inventoryAdjustmentGroup": None, "userErrors": errors}
        else:
            rows = []
            for listing, qty in changes:
                rows.append({"name": input["name"], "delta": qty - listing.stock,
                             "quantityAfterChange": qty, "item": self._variant(listing)[
                                 "inventoryItem"]})
                listing.stock = qty
            self.catalogue.count_write("inventorySetQuantities", len(changes))
            result = {"inventoryAdjustmentGroup": {
                "id": _gid("InventoryAdjustmentGroup", 1 + sum(self.catalogue.writes.values())),
                "reason": input.get("reason") or "", "changes": rows}, "userErrors": []}
        if key is not None:
            self._idempotent[key] = result
        return result

    # --- fulfillmentCreate -----------------------------------------------------------------
    def _fulfillment_create(self, info: Any, fulfillment: dict[str, Any],
                            message: str | None = None) -> dict[str, Any]:
        groups = fulfillment.get("lineItemsByFulfillmentOrder") or []
        orders = []
        for group in groups:
            order_id = (_id_of("FulfillmentOrder", group.get("fulfillmentOrderId")) or 0) \
                - FO_OFFSET
            o = self._by_id.get(order_id)
            if o is None:
                return {"fulfillment": None, "userErrors": [{
                    "field": ["fulfillment"], "message": "Fulfillment order does not exist."}]}
            if o.fulfilled or o.id in self.fulfillments or o.cancelled_at:
                return {"fulfillment": None, "userErrors": [{
                    "field": ["fulfillment"],
                    "message": "Fulfillment order is not in an actionable state."}]}
            orders.append(o)
        if not orders:
            return {"fulfillment": None, "userErrors": [{
                "field": ["fulfillment", "lineItemsByFulfillmentOrder"],
                "message": "Line items by fulfillment order can't be blank."}]}
        tracking = fulfillment.get("trackingInfo") or {}
        self._fulfilment_seq += 1
        row = {"id": _gid("Fulfillment", 7_000_000 + self._fulfilment_seq), "status": "SUCCESS",
               "trackingInfo": [{"company": tracking.get("company"),
                                 "number": tracking.get("number"), "url": tracking.get("url")}],
               "notify": bool(fulfillment.get("notifyCustomer"))}
        for o in orders:
            self.fulfillments.setdefault(o.id, []).append(row)
        self.catalogue.count_write("fulfillmentCreate", 1)
        return {"fulfillment": row, "userErrors": []}


def _user_error(code: str, field: list[str], message: str) -> dict[str, Any]:
    return {"code": code, "field": field, "message": message}


def _idempotency_key(info: Any) -> str | None:
    from graphql import get_directive_values

    directive = info.schema.get_directive("idempotent")
    for node in info.field_nodes:
        values = get_directive_values(directive, node, info.variable_values)
        if values and values.get("key") is not None:
            return str(values["key"])
    return None
