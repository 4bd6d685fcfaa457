"""The Shopee sandbox's catalogue, stock and logistics (reference/shopee-lazada-contracts.md
§1.8, §1.9).

* ``product/get_item_list`` (``offset``, ``page_size`` 1..100 required), ``get_item_base_info``
  (``item_id_list`` 1..50), ``get_model_list`` (``item_id``): items, and models under items
  (``model_id`` 0 for an item without models).
* ``product/update_stock`` ``{item_id, stock_list: [{model_id, seller_stock: [{stock}]}]}``:
  one item per call, ``stock_list`` 1..50; partial success is normal (``success_list`` and
  ``failure_list``); when every model fails the envelope error is
  ``error_busi_update_stock_failed``; a stock below Shopee's reserved stock fails that model.
* ``logistics/get_shipping_parameter``, ``logistics/ship_order`` (exactly one of ``pickup``,
  ``dropoff``, ``non_integrated``; only ``READY_TO_SHIP`` orders) and
  ``logistics/get_tracking_number``. Integrated channels (SPX Express) assign the tracking
  number themselves; seller-arranged channels (:data:`SELLER_ARRANGED`) take the seller's.
"""

from __future__ import annotations

import zlib
from typing import Any

from ecdesk.sandbox.catalogue import Catalogue, order_skus
from ecdesk.sandbox.server import Request, Response

PREFIX = "/api/v2"
STOCK_LIST_MAX = 50
ITEM_PAGE_MAX = 100
BASE_INFO_MAX = 50
SELLER_ARRANGED = frozenset({"J&T Express"})  # non_integrated channels in this sandbox
PICKUP_ADDRESS_ID = 7001
PICKUP_TIME_ID = "1733216400"


class ShopeeStock:
    """Mixed into :class:`~ecdesk.sandbox.shopee.ShopeeSandbox`."""

    orders: dict[str, Any]
    route: Any
    _guard: Any
    ok: Any
    fail: Any
    _int: Any

    def _init_stock(self) -> None:
        skus = [it["model_sku"] for o in self.orders.values() for it in o.detail["item_list"]]
        listed = order_skus(skus)
        models = [s for s in listed if s.startswith("TSHIRT-")]
        self.catalogue = Catalogue([s for s in listed if s not in models],
                                   first_parent=810_000, first_id=2_000_001, per_parent=1)
        self.catalogue.add(models, per_parent=3)
        self.reserved: dict[str, int] = {}  # sku -> Shopee's reserved stock
        self.refuse: dict[str, str] = {}  # sku -> failed_reason on the next updates
        self.shipped: dict[str, dict[str, Any]] = {}  # order_sn -> ship_order body + tracking
        g = self._guard
        for method, api, handler in (
                ("GET", "product/get_item_list", self._item_list),
                ("GET", "product/get_item_base_info", self._item_base_info),
                ("GET", "product/get_model_list", self._model_list),
                ("POST", "product/update_stock", self._update_stock),
                ("GET", "logistics/get_shipping_parameter", self._shipping_parameter),
                ("POST", "logistics/ship_order", self._ship_order),
                ("GET", "logistics/get_tracking_number", self._tracking_number)):
            self.route(method, f"{PREFIX}/{api}", g(handler))

    def _has_model(self, item_id: int) -> bool:
        rows = self.catalogue.parents().get(item_id) or []
        return not (len(rows) == 1 and rows[0].simple)

    # --- products --------------------------------------------------------------------------
    def _item_list(self, req: Request) -> Response:
        offset, size = self._int(req, "offset"), self._int(req, "page_size")
        if offset is None or size is None or not 1 <= size <= ITEM_PAGE_MAX or offset < 0:
            return self.fail("error_param",
                             f"offset and page_size (1 to {ITEM_PAGE_MAX}) are required.")
        items = sorted(self.catalogue.parents())
        page = items[offset:offset + size]
        more = offset + size < len(items)
        return self.ok({"item": [{"item_id": i, "item_status": "NORMAL", "update_time": 0}
                                 for i in page], "total_count": len(items),
                        "has_next_page": more, "next_offset": offset + len(page)})

    def _item_base_info(self, req: Request) -> Response:
        ids = [int(x) for x in (req.arg("item_id_list") or "").split(",") if x.strip()]
        if not 1 <= len(ids) <= BASE_INFO_MAX:
            return self.fail("error_param", f"item_id_list should have 1 to {BASE_INFO_MAX} "
                                            "items.")
        parents = self.catalogue.parents()
        out = []
        for item_id in ids:
            rows = parents.get(item_id)
            if not rows:
                continue
            simple = not self._has_model(item_id)
            out.append({"item_id": item_id, "item_status": "NORMAL", "has_model": not simple,
                        "item_sku": rows[0].sku if simple else "",
                        "stock_info_v2": self._stock_info(rows[0]) if simple else None})
        return self.ok({"item_list": out})

    def _stock_info(self, x: Any) -> dict[str, Any]:
        reserved = self.reserved.get(x.sku, 0)
        return {"summary_info": {"total_reserved_stock": reserved,
                                 "total_available_stock": max(0, x.stock - reserved)},
                "seller_stock": [{"location_id": "MYZ", "stock": x.stock, "if_saleable": True}]}

    def _model_list(self, req: Request) -> Response:
        item_id = self._int(req, "item_id")
        rows = self.catalogue.parents().get(item_id or -1)
        if not rows:
            return self.fail("error_item_not_found", "item_id is invalid.")
        if not self._has_model(item_id or -1):
            return self.ok({"tier_variation": [], "model": []})
        return self.ok({"tier_variation": [{"name": "Size"}], "model": [
            {"model_id": x.id, "model_sku": x.sku, "model_status": "MODEL_NORMAL",
             "stock_info_v2": self._stock_info(x)} for x in rows]})

    def _update_stock(self, req: Request) -> Response:
        body = req.json()
        if not isinstance(body, dict) or not isinstance(body.get("stock_list"), list):
            return self.fail("error_param", "item_id and stock_list are required.")
        stock_list = body["stock_list"]
        if not 1 <= len(stock_list) <= STOCK_LIST_MAX:
            return self.fail("error_param",
                             f"stock_list should have 1 to {STOCK_LIST_MAX} models.")
        rows = self.catalogue.parents().get(int(body.get("item_id") or -1))
        if not rows:
            return self.fail("error_item_not_found", "item_id is invalid.")
        simple = not self._has_model(rows[0].parent_id)
        by_model = {0: rows[0]} if simple else {x.id: x for x in rows}
        ok, failed = [], []
        for entry in stock_list:
            model_id = int(entry.get("model_id") or 0)
            x = by_model.get(model_id)
            stocks = entry.get("seller_stock") or []
            if x is None or len(stocks) != 1 or not isinstance(stocks[0].get("stock"), int):
                failed.append({"model_id": model_id, "failed_reason": "model_id is invalid."})
                continue
            stock = stocks[0]["stock"]
            if x.sku in self.refuse:
                failed.append({"model_id": model_id, "failed_reason": self.refuse[x.sku]})
            elif stock < self.reserved.get(x.sku, 0):
                failed.append({"model_id": model_id,
                               "failed_reason": "Stock should not be less than reserved stock."})
            else:
                x.stock = stock
                ok.append({"model_id": model_id, "location_id": "MYZ", "stock": stock})
        self.catalogue.count_write("product/update_stock", len(ok))
        if not ok:
            return Response.json({"request_id": "", "error": "error_busi_update_stock_failed",
                                  "message": "Update stock failed.",
                                  "response": {"success_list": [], "failure_list": failed}})
        return self.ok({"success_list": ok, "failure_list": failed})

    # --- logistics -------------------------------------------------------------------------
    def _order_or_fail(self, sn: str) -> tuple[Any, Response | None]:
        o = self.orders.get(sn)
        if o is None:
            return None, self.fail("error_param", "order_sn is invalid.")
        return o, None

    def _shipping_parameter(self, req: Request) -> Response:
        o, err = self._order_or_fail(req.arg("order_sn") or "")
        if err is not None:
            return err
        if o.detail["shipping_carrier"] in SELLER_ARRANGED:
            return self.ok({"info_needed": {"non_integrated": ["tracking_no"]}})
        return self.ok({"info_needed": {"pickup": ["address_id", "pickup_time_id"],
                                        "dropoff": []},
                        "pickup": {"address_list": [{
                            "address_id": PICKUP_ADDRESS_ID, "address_flag": ["default_address"],
                            "time_slot_list": [{"date": 0, "time_text": "Tomorrow",
                                                "pickup_time_id": PICKUP_TIME_ID}]}]}})

    def _ship_order(self, req: Request) -> Response:
        body = req.json()
        if not isinstance(body, dict):
            return self.fail("error_param", "order_sn is required.")
        o, err = self._order_or_fail(str(body.get("order_sn") or ""))
        if err is not None:
            return err
        modes = [m for m in ("pickup", "dropoff", "non_integrated") if m in body]
        if len(modes) != 1:
            return self.fail("logistics.ship_order_only_support_one_type",
                             "Only one of pickup, dropoff and non_integrated may be given.")
        if o.detail["order_status"] != "READY_TO_SHIP":
            return self.fail("logistics.ship_order_not_ready_to_ship",
                             "The order is not ready to ship.")
        arranged = o.detail["shipping_carrier"] in SELLER_ARRANGED
        mode = modes[0]
        if arranged != (mode == "non_integrated"):
            return self.fail("logistics.ship_order_invalid_param",
                             f"This channel does not take {mode}.")
        if arranged:
            tracking = str((body[mode] or {}).get("tracking_number") or "")
            if not tracking:
                return self.fail("logistics.ship_order_invalid_param",
                                 "tracking_number is required for this channel.")
        else:
            tracking = f"SPXMY{zlib.crc32(o.detail['order_sn'].encode()):010d}"
        o.detail["order_status"] = "PROCESSED"
        self.shipped[o.detail["order_sn"]] = {"mode": mode, "tracking_number": tracking}
        self.catalogue.count_write("logistics/ship_order", 1)
        return self.ok({})

    def _tracking_number(self, req: Request) -> Response:
        o, err = self._order_or_fail(req.arg("order_sn") or "")
        if err is not None:
            return err
        shipped = self.shipped.get(o.detail["order_sn"])
        return self.ok({"tracking_number": shipped["tracking_number"] if shipped else "",
                        "plp_number": "", "first_mile_tracking_number": "",
                        "last_mile_tracking_number": ""})
