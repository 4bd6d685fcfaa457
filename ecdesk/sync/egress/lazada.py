"""Lazada stock and tracking through the Open Platform (reference/shopee-lazada-contracts.md
§2.8, §2.9).

* Listing ids: ``/products/get`` filtered by ``sku_seller_list`` (100 SKUs a call, 50 items a
  page): ``ItemId`` and ``SkuId`` per seller SKU.
* Stock: ``/product/stock/sellable/update`` (the sellable quantity buyers may buy; the store
  setting ``lazada_stock_api=price_quantity`` uses ``/product/price_quantity/update`` and its
  total ``Quantity`` instead), ``payload`` XML with up to 50 SKUs a call; refused SKUs come
  back in ``detail`` (code ``501`` when all of them fail).
* Tracking: Lazada assigns the tracking number. ecdesk packs the order's pending items with
  ``/order/fulfill/pack`` (the number and package id come back), then marks the package ready
  to ship with ``/order/package/rts``. The retired ``/order/pack`` and ``/order/rts`` are
  never called.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from ecdesk.sync.egress.base import (
    Pusher,
    PushResult,
    Shipment,
    ShipResult,
    StockChange,
    chunks,
)
from ecdesk.sync.http import ApiError

SKUS_PER_UPDATE = 50
SKU_FILTER = 100
PRODUCTS_PAGE = 50


class LazadaPusher(Pusher):
    platform = "lazada"
    batch_limit = SKUS_PER_UPDATE

    def find_listings(self, skus: Iterable[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for batch in chunks(sorted(set(skus)), SKU_FILTER):
            offset = 0
            while True:
                data = self.client.call("/products/get", {
                    "filter": "all", "offset": offset, "limit": PRODUCTS_PAGE,
                    "sku_seller_list": json.dumps(batch)}).get("data") or {}
                products = data.get("products") or []
                for product in products:
                    for sku in product.get("skus") or []:
                        seller_sku = str(sku.get("SellerSku") or "").strip()
                        if seller_sku in batch:
                            found[seller_sku] = {"item": int(product["item_id"]),
                                                 "sku_id": int(sku["SkuId"])}
                offset += len(products)
                if not products or offset >= int(data.get("total_products") or 0):
                    break
        return found

    def batches(self, changes: Sequence[StockChange]) -> list[list[StockChange]]:
        return list(chunks(changes, SKUS_PER_UPDATE))

    def push_batch(self, batch: list[StockChange]) -> list[PushResult]:
        total = self.settings.get("lazada_stock_api") == "price_quantity"
        api = "/product/price_quantity/update" if total else "/product/stock/sellable/update"
        tag = "Quantity" if total else "SellableQuantity"
        rows = "".join(
            f"<Sku><ItemId>{c.ids['item']}</ItemId><SkuId>{c.ids['sku_id']}</SkuId>"
            f"<SellerSku>{escape(c.sku)}</SellerSku><{tag}>{c.qty}</{tag}></Sku>"
            for c in batch)
        payload = f"<Request><Product><Skus>{rows}</Skus></Product></Request>"
        try:
            answer = self.client.call(api, {"payload": payload}, method="POST")
        except ApiError as exc:  # all refused: the reasons are in ``detail``
            answer = exc.body if isinstance(exc.body, dict) else {}
            if not answer.get("detail"):
                raise
        failed = {str(d.get("seller_sku")): str(d.get("message")) for d in
                  answer.get("detail") or [] if isinstance(d, dict)}
        return [PushResult(c.sku, c.qty, False, f"Lazada refused it: {failed[c.sku]}")
                if c.sku in failed else PushResult(c.sku, c.qty, True) for c in batch]

    def ship(self, shipment: Shipment) -> ShipResult:
        items = shipment.payload.get("items") or []
        pending = [int(it["order_item_id"]) for it in items
                   if it.get("status") in ("pending", "repacked")]
        if not pending:
            return ShipResult(False, message="Lazada has no pending item of this order to "
                              "pack (already packed or shipped in Seller Center).")
        pack = self._fulfil("/order/fulfill/pack", "packReq", {
            "pack_order_list": [{"order_id": shipment.external_id,
                                 "order_item_list": pending}],
            "delivery_type": "dropship", "shipping_allocate_type": "TFS"})
        lines = [line for order in pack.get("pack_order_list") or []
                 for line in order.get("order_item_list") or []]
        bad = [line for line in lines if str(line.get("item_err_code")) != "0"]
        if bad or not lines:
            reason = bad[0].get("msg") if bad else "no item was packed"
            return ShipResult(False, message=f"Lazada did not pack the order: {reason}")
        package, number = lines[0].get("package_id"), str(lines[0].get("tracking_number"))
        rts = self._fulfil("/order/package/rts", "readyToShipReq",
                           {"packages": [{"package_id": package}]})
        bad = [p for p in rts.get("packages") or [] if str(p.get("item_err_code")) != "0"]
        if bad:
            return ShipResult(False, message=f"Lazada packed the order (tracking {number}) but "
                              f"refused ready-to-ship: {bad[0].get('msg')}")
        return ShipResult(True, tracking=number, message="tracking number assigned by Lazada")

    def _fulfil(self, api: str, param: str, request: dict[str, Any]) -> dict[str, Any]:
        body = self.client.call(api, {param: json.dumps(request)}, method="POST")
        result = body.get("result") or {}
        if not result.get("success"):
            raise ApiError(f"Lazada {api} for store '{self.store_name}': "
                           f"{result.get('error_code')}: {result.get('error_msg')}", body=body)
        return result.get("data") or {}
