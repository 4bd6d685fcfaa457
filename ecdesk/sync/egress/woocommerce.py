"""WooCommerce stock and tracking through REST v3 (reference/shopify-woocommerce-contracts.md
§2.5, §2.6).

* Listing ids: simple products by SKU, variations under their variable parent (each needs its
  own ``variations/batch`` call).
* Stock: ``POST /products/batch`` and ``POST /products/{id}/variations/batch`` with
  ``update`` rows ``{id, manage_stock: true, stock_quantity}``: WooCommerce ignores
  ``stock_quantity`` unless ``manage_stock`` is on, so it is always sent. At most 100 rows a
  call (413 ``woocommerce_rest_request_entity_too_large`` beyond); a row WooCommerce refuses
  answers ``{"id", "error"}`` in place and the others apply.
* Tracking: core WooCommerce has no tracking field: an order note to the customer naming the
  carrier and number, then the status ``completed``.
"""

from __future__ import annotations

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

BATCH_LIMIT = 100
PAGE = 100


class WooCommercePusher(Pusher):
    platform = "woocommerce"
    batch_limit = BATCH_LIMIT

    def find_listings(self, skus: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = set(skus)
        found: dict[str, dict[str, Any]] = {}
        variable: list[int] = []
        for row in self.client.pages("/products", {"per_page": PAGE}):
            sku = (row.get("sku") or "").strip()
            if row.get("type") == "variable":
                variable.append(int(row["id"]))
            elif sku in wanted:
                found[sku] = {"product": int(row["id"])}
        for parent in variable:
            if len(found) == len(wanted):
                break
            for row in self.client.pages(f"/products/{parent}/variations", {"per_page": PAGE}):
                sku = (row.get("sku") or "").strip()
                if sku in wanted and sku not in found:
                    found[sku] = {"product": int(row["id"]), "parent": parent}
        return found

    def batches(self, changes: Sequence[StockChange]) -> list[list[StockChange]]:
        groups: dict[int | None, list[StockChange]] = {}
        for c in changes:
            groups.setdefault(c.ids.get("parent"), []).append(c)
        return [batch for group in groups.values() for batch in chunks(group, BATCH_LIMIT)]

    def push_batch(self, batch: list[StockChange]) -> list[PushResult]:
        parent = batch[0].ids.get("parent")
        path = f"/products/{parent}/variations/batch" if parent else "/products/batch"
        body = {"update": [{"id": c.ids["product"], "manage_stock": True,
                            "stock_quantity": c.qty} for c in batch]}
        answer = self.client.write("POST", path, body)
        rows = {int(r.get("id") or 0): r for r in (answer or {}).get("update") or []
                if isinstance(r, dict)}
        out = []
        for c in batch:
            row = rows.get(int(c.ids["product"]))
            if row is None:
                out.append(PushResult(c.sku, c.qty, False, "WooCommerce did not answer for it."))
            elif row.get("error"):
                err = row["error"]
                out.append(PushResult(c.sku, c.qty, False, f"WooCommerce refused it: "
                                      f"{err.get('message')} ({err.get('code')})"))
            else:
                out.append(PushResult(c.sku, c.qty, True))
        return out

    def ship(self, shipment: Shipment) -> ShipResult:
        note = (f"Shipped via {shipment.carrier}, tracking number {shipment.tracking}."
                if shipment.carrier else f"Shipped, tracking number {shipment.tracking}.")
        self.client.write("POST", f"/orders/{shipment.external_id}/notes",
                          {"note": note, "customer_note": True})
        self.client.write("PUT", f"/orders/{shipment.external_id}", {"status": "completed"})
        return ShipResult(True, tracking=shipment.tracking)
