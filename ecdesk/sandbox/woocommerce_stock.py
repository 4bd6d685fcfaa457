"""The WooCommerce sandbox's catalogue, stock batches and order completion (reference/
shopify-woocommerce-contracts.md §2.5, §2.6).

* ``GET /products`` (``sku`` takes a comma-separated list, ``per_page`` 1..100, ``page``):
  simple products and variable parents (``variations``: ids); ``GET /products/{id}/variations``.
* ``POST /products/batch`` and ``POST /products/{id}/variations/batch`` with ``update`` rows
  ``{id, manage_stock, stock_quantity}``: more than 100 rows (create + update + delete) is
  ``413 woocommerce_rest_request_entity_too_large``; a row that fails answers ``{"id",
  "error": {code, message, data: {status}}}`` in place and the others apply (HTTP 200). A
  ``stock_quantity`` sent without ``manage_stock`` true on a product not managing stock
  is discarded (null), as WooCommerce does. An unknown id: ``woocommerce_rest_product_invalid_id``.
* ``POST /orders/{id}/notes`` and ``PUT /orders/{id}`` (``status: completed``) for tracking.
"""

from __future__ import annotations

from typing import Any

from ecdesk.sandbox.catalogue import Catalogue, Listing, order_skus
from ecdesk.sandbox.server import Request, Response

API = "/wp-json/wc/v3"
BATCH_LIMIT = 100
PER_PAGE_MAX = 100


def _wc_error(code: str, message: str, status: int) -> Response:
    return Response.json({"code": code, "message": message, "data": {"status": status}}, status)


class WooCommerceStock:
    """Mixed into :class:`~ecdesk.sandbox.woocommerce.WooCommerceSandbox`."""

    data: Any
    route: Any
    now: Any

    def _init_stock(self) -> None:
        skus = [li.get("sku") for o in self.data.orders.values() for li in o["lines"]]
        listed = order_skus(s for s in skus if s)
        variants = [s for s in listed if s.startswith("TSHIRT-")]
        self.catalogue = Catalogue([s for s in listed if s not in variants],
                                   first_parent=500, first_id=500)
        self.catalogue.add(variants, per_parent=3)
        self.refuse: dict[str, str] = {}  # sku -> error message for the next batches
        self.notes: dict[int, list[dict[str, Any]]] = {}
        self.route("GET", API + r"/products", self._list_products)
        self.route("GET", API + r"/products/(?P<pid>\d+)/variations", self._list_variations)
        self.route("POST", API + r"/products/batch", self._batch_products)
        self.route("POST", API + r"/products/(?P<pid>\d+)/variations/batch",
                   self._batch_variations)
        self.route("POST", API + r"/orders/(?P<id>\d+)/notes", self._add_note)
        self.route("PUT", API + r"/orders/(?P<id>\d+)", self._update_order)

    # --- reads -----------------------------------------------------------------------------
    def _simple(self, x: Listing) -> dict[str, Any]:
        return {"id": x.id, "sku": x.sku, "type": "simple", "manage_stock": x.managed,
                "stock_quantity": x.stock if x.managed else None, "variations": []}

    def _products(self) -> list[dict[str, Any]]:
        out = []
        for parent, rows in sorted(self.catalogue.parents().items()):
            if len(rows) == 1 and rows[0].simple:
                out.append(self._simple(rows[0]))
            else:
                out.append({"id": parent, "sku": f"PARENT-{parent}", "type": "variable",
                            "manage_stock": False, "stock_quantity": None,
                            "variations": [x.id for x in rows]})
        return out

    def _paged(self, req: Request, rows: list[dict[str, Any]]) -> Response:
        try:
            per = int(req.arg("per_page", "10") or 10)
            page = int(req.arg("page", "1") or 1)
        except ValueError:
            per = page = 0
        if not 1 <= per <= PER_PAGE_MAX or page < 1:
            return _wc_error("rest_invalid_param", "Invalid parameter(s): per_page", 400)
        skus = {s.strip() for s in (req.arg("sku") or "").split(",") if s.strip()}
        if skus:
            rows = [r for r in rows if r["sku"] in skus]
        total = len(rows)
        pages = -(-total // per)
        return Response.json(rows[(page - 1) * per: page * per],
                             headers={"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)})

    def _list_products(self, req: Request) -> Response:
        return self._paged(req, self._products())

    def _list_variations(self, req: Request) -> Response:
        rows = self.catalogue.parents().get(int(req.match["pid"]))  # type: ignore[index]
        if not rows or (len(rows) == 1 and rows[0].simple):
            return _wc_error("woocommerce_rest_product_invalid_id", "Invalid ID.", 404)
        return self._paged(req, [{**self._simple(x), "type": "variation"} for x in rows])

    # --- batches ---------------------------------------------------------------------------
    def _batch(self, req: Request, parent: int | None) -> Response:
        body = req.json()
        if not isinstance(body, dict):
            return _wc_error("rest_invalid_json", "Invalid JSON body passed.", 400)
        size = sum(len(body.get(k) or []) for k in ("create", "update", "delete"))
        if size > BATCH_LIMIT:
            return _wc_error("woocommerce_rest_request_entity_too_large",
                             f"Unable to accept more than {BATCH_LIMIT} items for this request.",
                             413)
        answers, changed = [], 0
        for row in body.get("update") or []:
            x = self.catalogue.by_id.get(int(row.get("id") or 0))
            kind_ok = x is not None and (
                (parent is None and x.simple) or (parent is not None and x.parent_id == parent
                                                  and not x.simple))
            if not kind_ok:
                answers.append({"id": row.get("id"), "error": {
                    "code": "woocommerce_rest_product_invalid_id", "message": "Invalid ID.",
                    "data": {"status": 400}}})
                continue
            assert x is not None
            if x.sku in self.refuse:
                answers.append({"id": x.id, "error": {
                    "code": "woocommerce_rest_invalid_product", "message": self.refuse[x.sku],
                    "data": {"status": 400}}})
                continue
            if "manage_stock" in row:
                x.managed = bool(row["manage_stock"])
            if "stock_quantity" in row and x.managed:
                x.stock = int(row["stock_quantity"])
                changed += 1
            answers.append(self._simple(x) if parent is None else
                           {**self._simple(x), "type": "variation", "parent_id": parent})
        self.catalogue.count_write("variations/batch" if parent else "products/batch", changed)
        return Response.json({"update": answers})

    def _batch_products(self, req: Request) -> Response:
        return self._batch(req, None)

    def _batch_variations(self, req: Request) -> Response:
        return self._batch(req, int(req.match["pid"]))  # type: ignore[index]

    # --- tracking --------------------------------------------------------------------------
    def _add_note(self, req: Request) -> Response:
        oid = int(req.match["id"])  # type: ignore[index]
        if oid not in self.data.orders:
            return _wc_error("woocommerce_rest_order_invalid_id", "Invalid order ID.", 404)
        body = req.json() or {}
        if not isinstance(body, dict) or not body.get("note"):
            return _wc_error("rest_missing_callback_param", "Missing parameter(s): note", 400)
        notes = self.notes.setdefault(oid, [])
        note = {"id": 9000 + sum(len(v) for v in self.notes.values()), "note": body["note"],
                "customer_note": bool(body.get("customer_note")), "author": "ecdesk",
                "date_created": self.now().isoformat(), "added_by_user": False}
        notes.append(note)
        self.catalogue.count_write("orders/notes", 1)
        return Response.json(note, 201)

    def _update_order(self, req: Request) -> Response:
        from ecdesk.sandbox.woocommerce import STATUSES

        order = self.data.orders.get(int(req.match["id"]))  # type: ignore[index]
        if order is None:
            return _wc_error("woocommerce_rest_shop_order_invalid_id", "Invalid ID.", 400)
        body = req.json() or {}
        status = body.get("status") if isinstance(body, dict) else None
        if status is not None:
            if status not in STATUSES:
                return _wc_error("rest_invalid_param", "Invalid parameter(s): status", 400)
            order["status"] = status
            order["modified"] = self.now()
        self.catalogue.count_write("orders/update", 1)
        return Response.json(self.render(order))  # type: ignore[attr-defined]
