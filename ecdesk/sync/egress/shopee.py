"""Shopee stock and tracking through Open Platform v2 (reference/shopee-lazada-contracts.md
§1.8, §1.9).

* Listing ids: ``product/get_item_list`` (100 a page), ``get_item_base_info`` (50 items a call)
  and, for items with models, ``get_model_list``; an item without models is model 0.
* Stock: ``product/update_stock`` takes one item per call and up to 50 models of it; it sets
  the seller stock. Partial success is normal: ``failure_list`` names the refused models and
  the others apply; when all fail Shopee answers ``error_busi_update_stock_failed``. Shopee
  refuses a stock below what its own orders reserve (that model fails and is retried).
  ``shopee_location_id`` (multi-warehouse shops) is each ``seller_stock`` ``location_id``.
* Tracking: ``logistics/get_shipping_parameter`` says what the channel needs. A seller-arranged
  (``non_integrated``) channel takes the clerk's tracking number in ``ship_order``; an
  integrated channel assigns its own: ecdesk arranges pickup (the default address, first time
  slot) or drop-off and reads the number back with ``get_tracking_number``.
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
from ecdesk.sync.http import ApiError

STOCK_LIST_MAX = 50
ITEM_PAGE = 100
BASE_INFO_MAX = 50


class ShopeePusher(Pusher):
    platform = "shopee"
    batch_limit = STOCK_LIST_MAX

    def find_listings(self, skus: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = set(skus)
        items: list[int] = []
        offset = 0
        while True:
            page = self.client.shop("GET", "product/get_item_list", {
                "offset": offset, "page_size": ITEM_PAGE, "item_status": "NORMAL"})
            items += [int(i["item_id"]) for i in page.get("item") or []]
            if not page.get("has_next_page"):
                break
            offset = int(page.get("next_offset") or offset + ITEM_PAGE)
        found: dict[str, dict[str, Any]] = {}
        with_models: list[int] = []
        for batch in chunks(items, BASE_INFO_MAX):
            info = self.client.shop("GET", "product/get_item_base_info",
                                    {"item_id_list": ",".join(map(str, batch))})
            for item in info.get("item_list") or []:
                if item.get("has_model"):
                    with_models.append(int(item["item_id"]))
                elif (item.get("item_sku") or "").strip() in wanted:
                    found[item["item_sku"].strip()] = {"item": int(item["item_id"]), "model": 0}
        for item_id in with_models:
            if len(found) == len(wanted):
                break
            models = self.client.shop("GET", "product/get_model_list", {"item_id": item_id})
            for model in models.get("model") or []:
                sku = (model.get("model_sku") or "").strip()
                if sku in wanted and sku not in found:
                    found[sku] = {"item": item_id, "model": int(model["model_id"])}
        return found

    def batches(self, changes: Sequence[StockChange]) -> list[list[StockChange]]:
        groups: dict[int, list[StockChange]] = {}
        for c in changes:
            groups.setdefault(int(c.ids["item"]), []).append(c)
        return [batch for group in groups.values() for batch in chunks(group, STOCK_LIST_MAX)]

    def push_batch(self, batch: list[StockChange]) -> list[PushResult]:
        location = (self.settings.get("shopee_location_id") or "").strip()

        def stock(qty: int) -> dict[str, Any]:
            return {"location_id": location, "stock": qty} if location else {"stock": qty}

        body = {"item_id": int(batch[0].ids["item"]), "stock_list": [
            {"model_id": int(c.ids["model"]), "seller_stock": [stock(c.qty)]} for c in batch]}
        try:
            answer = self.client.shop("POST", "product/update_stock", None, body)
        except ApiError as exc:  # every model failed: the reasons are in the response
            body_ = exc.body if isinstance(exc.body, dict) else {}
            answer = body_.get("response") if isinstance(body_.get("response"), dict) else None
            if not answer or not answer.get("failure_list"):
                raise
        failed = {int(f.get("model_id") or 0): str(f.get("failed_reason") or "refused")
                  for f in answer.get("failure_list") or []}
        return [PushResult(c.sku, c.qty, False, f"Shopee refused it: {failed[int(c.ids['model'])]}")
                if int(c.ids["model"]) in failed else PushResult(c.sku, c.qty, True)
                for c in batch]

    def ship(self, shipment: Shipment) -> ShipResult:
        sn = shipment.external_id
        params = self.client.shop("GET", "logistics/get_shipping_parameter", {"order_sn": sn})
        needed = params.get("info_needed") or {}
        if "non_integrated" in needed:
            body: dict[str, Any] = {"order_sn": sn,
                                    "non_integrated": {"tracking_number": shipment.tracking}}
        elif "pickup" in needed and (params.get("pickup") or {}).get("address_list"):
            addresses = params["pickup"]["address_list"]
            address = next((a for a in addresses if "default_address" in
                            (a.get("address_flag") or [])), addresses[0])
            slots = address.get("time_slot_list") or []
            pickup = {"address_id": address["address_id"]}
            if slots:
                pickup["pickup_time_id"] = slots[0]["pickup_time_id"]
            body = {"order_sn": sn, "pickup": pickup}
        else:
            body = {"order_sn": sn, "dropoff": {}}
        try:
            self.client.shop("POST", "logistics/ship_order", None, body)
        except ApiError as exc:
            if "not_ready_to_ship" not in str(exc):  # already arranged: read the number
                raise
        if "non_integrated" in body:
            return ShipResult(True, tracking=shipment.tracking)
        number = str(self.client.shop("GET", "logistics/get_tracking_number",
                                      {"order_sn": sn}).get("tracking_number") or "")
        if not number:
            return ShipResult(False, message="Shipment arranged; Shopee has not given the "
                              "tracking number yet. The next send reads it.")
        return ShipResult(True, tracking=number, message="tracking number assigned by Shopee")
