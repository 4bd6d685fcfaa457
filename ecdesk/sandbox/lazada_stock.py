"""The Lazada sandbox's catalogue, sellable stock and current fulfilment (reference/
shopee-lazada-contracts.md §2.8, §2.9).

* ``/products/get`` (``offset``, ``limit`` 1..50, ``sku_seller_list`` JSON array <= 100):
  items with ``skus[{SellerSku, ShopSku, SkuId, quantity, Available, Status}]``.
* ``/product/stock/sellable/update`` (``<SellableQuantity>``) and
  ``/product/price_quantity/update`` (``<Quantity>``), ``payload`` XML ``<Request><Product>
  <Skus><Sku><ItemId/><SkuId/><SellerSku/>...</Sku></Skus></Product></Request>``: at most 50
  SKUs (more is code ``4171``); a SKU that fails is listed in ``detail`` and the others apply;
  when all fail the code is ``501``.
* ``/order/fulfill/pack`` (``packReq``: up to 20 orders, items must be ``pending``) answers the
  tracking number Lazada assigned and the package id; ``/order/package/rts``
  (``readyToShipReq``: up to 20 packages) moves packed items to ``ready_to_ship``. The retired
  ``/order/pack`` and ``/order/rts`` answer ``InvalidApiPath`` (see the sandbox module).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from ecdesk.sandbox.catalogue import Catalogue, order_skus
from ecdesk.sandbox.server import Response

REST = "/rest"
SKUS_PER_UPDATE = 50
PRODUCTS_LIMIT_MAX = 50
SKU_FILTER_MAX = 100
FULFIL_BATCH_MAX = 20


class LazadaStock:
    """Mixed into :class:`~ecdesk.sandbox.lazada.LazadaSandbox`."""

    orders: dict[str, Any]
    route: Any
    _guard: Any
    ok: Any
    fail: Any

    def _init_stock(self) -> None:
        skus = [it["sku"] for o in self.orders.values() for it in o.items]
        listed = order_skus(skus)
        variants = [s for s in listed if s.startswith("TSHIRT-")]
        self.catalogue = Catalogue([s for s in listed if s not in variants],
                                   first_parent=3_100_000_001, first_id=15_000_000_001)
        self.catalogue.add(variants, per_parent=3)
        self.refuse: dict[str, str] = {}
        self.packages: dict[str, dict[str, Any]] = {}  # package_id -> order id, tracking
        for api, handler in (("/products/get", self._products_get),
                             ("/product/stock/sellable/update", self._sellable_update),
                             ("/product/price_quantity/update", self._price_quantity_update),
                             ("/order/fulfill/pack", self._pack),
                             ("/order/package/rts", self._rts)):
            for method in ("GET", "POST"):
                self.route(method, REST + api, self._guard(api, handler))

    # --- products --------------------------------------------------------------------------
    def _products_get(self, p: dict[str, str]) -> Response:
        try:
            offset, limit = int(p.get("offset") or 0), int(p.get("limit") or 10)
            wanted = json.loads(p["sku_seller_list"]) if p.get("sku_seller_list") else None
        except (ValueError, TypeError):
            return self.fail("InvalidParameter", "offset, limit or sku_seller_list is invalid.")
        if not 1 <= limit <= PRODUCTS_LIMIT_MAX or offset < 0:
            return self.fail("InvalidParameter", f"limit should be 1 to {PRODUCTS_LIMIT_MAX}.")
        if wanted is not None and len(wanted) > SKU_FILTER_MAX:
            return self.fail("InvalidParameter",
                             f"sku_seller_list holds at most {SKU_FILTER_MAX} SKUs.")
        products = []
        for item_id, rows in sorted(self.catalogue.parents().items()):
            rows = [x for x in rows if wanted is None or x.sku in wanted]
            if rows:
                products.append({"item_id": item_id, "status": "Active", "skus": [
                    {"SellerSku": x.sku, "ShopSku": f"{item_id}_MY-{x.id}", "SkuId": x.id,
                     "quantity": x.stock, "Available": x.stock, "Status": "active"}
                    for x in rows]})
        return self.ok({"total_products": len(products),
                        "products": products[offset:offset + limit]})

    def _update(self, p: dict[str, str], tag: str, endpoint: str) -> Response:
        try:
            root = ET.fromstring(p.get("payload") or "")
        except ET.ParseError:
            return self.fail("InvalidParameter", "payload is not valid XML.")
        skus = root.findall("./Product/Skus/Sku")
        if not skus:
            return self.fail("MissingParameter", "payload holds no Sku.")
        if len(skus) > SKUS_PER_UPDATE:
            return self.fail("4171", f"At most {SKUS_PER_UPDATE} SKUs can be updated at once.")
        detail, changed = [], 0
        for node in skus:
            seller_sku = (node.findtext("SellerSku") or "").strip()
            sku_id = (node.findtext("SkuId") or "").strip()
            x = self.catalogue.listings.get(seller_sku)
            if x is None and sku_id.isdigit():
                x = self.catalogue.by_id.get(int(sku_id))
            text = (node.findtext(tag) or "").strip()
            if x is None:
                detail.append({"field": "SellerSku", "seller_sku": seller_sku,
                               "message": "SELLER_SKU_NOT_FOUND"})
            elif not text.lstrip("-").isdigit() or int(text) < 0:
                detail.append({"field": tag, "seller_sku": x.sku,
                               "message": "Quantity must be a whole number, 0 or more."})
            elif x.sku in self.refuse:
                detail.append({"field": tag, "seller_sku": x.sku, "message": self.refuse[x.sku]})
            else:
                x.stock = int(text)
                changed += 1
        self.catalogue.count_write(endpoint, changed)
        if not changed:
            return Response.json({"type": "ISV", "code": "501", "message": "Update failed.",
                                  "detail": detail, "request_id": "0b0"})
        return self.ok({}, detail=detail) if detail else self.ok({})

    def _sellable_update(self, p: dict[str, str]) -> Response:
        return self._update(p, "SellableQuantity", "/product/stock/sellable/update")

    def _price_quantity_update(self, p: dict[str, str]) -> Response:
        return self._update(p, "Quantity", "/product/price_quantity/update")

    # --- fulfilment ------------------------------------------------------------------------
    @staticmethod
    def _result(data: dict[str, Any], success: bool = True, error: str = "",
                message: str = "") -> Response:
        return Response.json({"result": {"success": success, "error_code": error,
                                         "error_msg": message, "data": data},
                              "code": "0", "request_id": "0b1"})

    def _pack(self, p: dict[str, str]) -> Response:
        try:
            req = json.loads(p.get("packReq") or "")
            orders = req["pack_order_list"]
        except (ValueError, TypeError, KeyError):
            return self.fail("MissingParameter", "packReq with pack_order_list is required.")
        if len(orders) > FULFIL_BATCH_MAX:
            return self._result({}, False, "700022",
                                f"At most {FULFIL_BATCH_MAX} orders can be packed at once.")
        if req.get("delivery_type") != "dropship" or req.get("shipping_allocate_type") not in (
                "TFS", "NTFS"):
            return self._result({}, False, "700021",
                                "delivery_type and shipping_allocate_type are required.")
        out = []
        for entry in orders:
            o = self.orders.get(str(entry.get("order_id")))
            ids = {int(i) for i in entry.get("order_item_list") or []}
            items = [it for it in (o.items if o else []) if it["order_item_id"] in ids]
            answers = []
            package_id = f"FP{len(self.packages) + 1:010d}"
            tracking = f"MYMPA{len(self.packages) + 1:09d}"
            for it in items:
                if it["status"] not in ("pending", "repacked"):
                    answers.append({"order_item_id": it["order_item_id"],
                                    "item_err_code": "700026",
                                    "msg": f"Order item status is {it['status']}, not pending.",
                                    "retry": False})
                    continue
                it.update(status="packed", tracking_code=tracking, package_id=package_id)
                answers.append({"order_item_id": it["order_item_id"], "item_err_code": "0",
                                "msg": "", "tracking_number": tracking,
                                "shipment_provider": it["shipment_provider"],
                                "package_id": package_id, "retry": False})
            if any(a["item_err_code"] == "0" for a in answers):
                self.packages[package_id] = {"order_id": str(entry.get("order_id")),
                                             "tracking_number": tracking, "rts": False}
            out.append({"order_id": entry.get("order_id"), "order_item_list": answers})
        self.catalogue.count_write("/order/fulfill/pack", 1)
        return self._result({"pack_order_list": out})

    def _rts(self, p: dict[str, str]) -> Response:
        try:
            packages = json.loads(p.get("readyToShipReq") or "")["packages"]
        except (ValueError, TypeError, KeyError):
            return self.fail("MissingParameter", "readyToShipReq with packages is required.")
        if len(packages) > FULFIL_BATCH_MAX:
            return self._result({}, False, "700022",
                                f"At most {FULFIL_BATCH_MAX} packages at once.")
        out = []
        for entry in packages:
            pid = str(entry.get("package_id") or "")
            pkg = self.packages.get(pid)
            if pkg is None:
                out.append({"package_id": pid, "item_err_code": "700031",
                            "msg": "Package not found.", "retry": False})
                continue
            for it in self.orders[pkg["order_id"]].items:
                if it.get("package_id") == pid and it["status"] == "packed":
                    it["status"] = "ready_to_ship"
            pkg["rts"] = True
            out.append({"package_id": pid, "item_err_code": "0", "msg": "", "retry": False})
        self.catalogue.count_write("/order/package/rts", 1)
        return self._result({"packages": out})
