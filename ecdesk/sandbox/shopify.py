"""A loopback Shopify Admin API: GraphQL (current) plus the legacy REST orders listing.

Follows reference/shopify-woocommerce-contracts.md §1 and §3 (Shopify simulator):

* ``POST /admin/oauth/access_token``: the client-credentials grant (§1.1) issuing tokens that
  expire after ``expires_in`` seconds of the sandbox clock; wrong client -> 400 ``invalid_client``
  (RFC 6749 §5.2 shape; verify against a live store).
* Every Admin call needs ``X-Shopify-Access-Token``; a missing, unknown or expired token gets
  401 ``{"errors": "[API] Invalid API key or access token (unrecognized login or wrong
  password)"}`` (§1.9), on GraphQL and REST alike.
* ``POST /admin/api/{version}/graphql.json``: an SDL subset with Shopify's names
  (:mod:`ecdesk.sandbox.shopify_schema`), ``orders(query:"updated_at:>='…'")`` search syntax,
  ``sortKey``, opaque cursors, ``first`` over 250 refused, the calculated query cost and a
  leaky bucket (``maximum_available`` points, ``restore_rate`` points/s, §1.7) driven by the
  injected clock: a query costing more than what is available gets ``THROTTLED`` (HTTP 200,
  ``actualQueryCost: null``). ``extensions.cost`` is on every answer.
* ``GET /admin/api/{version}/orders.json`` (REST, legacy, §1.2): ``limit`` 1..250 (default 50)
  else 400, ``status`` default ``open``, ``page_info`` cursors in a ``Link`` header formatted as
  Shopify does (``<url>; rel="previous", <url>; rel="next"``), only ``limit``/``fields`` beside
  ``page_info``, ``X-Shopify-Shop-Api-Call-Limit: n/40`` and 429 + ``Retry-After: 2.0`` over
  the REST bucket (40 calls, 2 leak per second on the Standard plan). Also ``orders/{id}.json``,
  ``orders/count.json`` and ``shop.json``, enough for the official ``ShopifyAPI`` package.
* Bulk query operations (:mod:`ecdesk.sandbox.shopify_bulk`): ``bulkOperationRunQuery``,
  polled by ``node(id:)`` or ``currentBulkOperation``, the JSONL result on a signed loopback
  URL; ``ordersCount(query:, limit:)`` and ``nodes(ids:)`` (each node paid for) beside them.
* Shopify Payments (:mod:`ecdesk.sandbox.shopify_payments`): ``shopifyPaymentsAccount``
  with ``balanceTransactions`` and ``payouts``; the ``payments`` setting makes the shop one
  without it (``none``, the default), one whose app may not read it (``denied``) or one
  with it (``active``), and ``release_all()`` pays every payout out.
* API versions: a supported one is echoed in ``X-Shopify-API-Version``; an older one "falls
  forward" to the oldest supported (§0).

The official ``ShopifyAPI`` package reaches it unchanged through its public settings:
``shopify.Session.setup(protocol="http", myshopify_domain="0.0.1", port=PORT)`` and the shop
``"127.0.0.1"`` (the library builds ``<first label>.<myshopify_domain>``); loopback is plain
HTTP, which the library allows.

Defaults use Shopify Plus figures for the GraphQL bucket (1000 points/s, 20x bucket) so a demo
of 500 orders runs without long waits; tests pass Standard's (100 points/s) or smaller.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from graphql import GraphQLError, execute, parse, validate

from ecdesk.sandbox.server import Request, Response, SandboxServer, money
from ecdesk.sandbox.shopify_bulk import BULK_MODE, ShopifyBulk
from ecdesk.sandbox.shopify_payments import ShopifyPayments
from ecdesk.sandbox.shopify_schema import MAX_PAGE_SIZE, MAX_QUERY_COST, SCHEMA, CostError
from ecdesk.sandbox.shopify_schema import actual_cost as _actual_cost
from ecdesk.sandbox.shopify_schema import requested_cost as _requested_cost
from ecdesk.sandbox.shopify_seed import (
    SeedLine,
    SeedOrder,
    SeedRefund,
    SeedShipping,
    expected,
    generate,
)
from ecdesk.sandbox.shopify_stock import ShopifyStock

INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)"
REST_THROTTLED = ("Exceeded 2 calls per second for api client. Reduce request rates to resume "
                  "uninterrupted service.")
SUPPORTED_VERSIONS = ("2025-10", "2026-01", "2026-04", "2026-07", "2026-10")
SHOP_TZ = ZoneInfo("Asia/Kuala_Lumpur")
REST_PAGE_DEFAULT = 50
RATE_DOC = "https://shopify.dev/api/usage/rate-limits"
SCOPES = "read_orders,read_all_orders,read_products,read_inventory,write_inventory"


def gid(kind: str, id_: int) -> str:
    return f"gid://shopify/{kind}/{id_}"


def gql_time(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rest_time(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(SHOP_TZ).isoformat()


def parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text.strip().strip("'\"").replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def encode_cursor(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text: str) -> dict[str, Any]:
    try:
        value = json.loads(base64.urlsafe_b64decode(text.encode() + b"=" * (-len(text) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise ValueError("Invalid cursor") from exc
    if not isinstance(value, dict):
        raise ValueError("Invalid cursor")
    return value


class Bucket:
    """A leaky bucket of ``size`` units that refills ``rate`` units per second of ``clock``."""

    def __init__(self, size: float, rate: float, clock: Callable[[], float]) -> None:
        self.size, self.rate, self.clock = float(size), float(rate), clock
        self.available = float(size)
        self._at = clock()

    def refill(self) -> float:
        now = self.clock()
        self.available = min(self.size, self.available + max(0.0, now - self._at) * self.rate)
        self._at = now
        return self.available


# --- search syntax (shopify.dev/docs/api/usage/search-syntax) --------------------------------

_TERM = re.compile(r"""(?P<field>\w+):(?P<op><=|>=|<|>)?(?P<value>'[^']*'|"[^"]*"|\S+)""")
_TIME_FIELDS = {"updated_at": "updated_at", "created_at": "created_at",
                "processed_at": "created_at"}


def matches_query(order: SeedOrder, query: str | None) -> bool:
    """The subset of the orders search syntax ecdesk and tests use; unknown fields are ignored
    as Shopify ignores them (it only warns in ``extensions.search``)."""
    for m in _TERM.finditer(query or ""):
        field, op, raw = m["field"], m["op"] or ":", m["value"].strip("'\"")
        if field in _TIME_FIELDS:
            left, right = getattr(order, _TIME_FIELDS[field]), parse_time(raw)
            ok = {">": left > right, ">=": left >= right, "<": left < right,
                  "<=": left <= right, ":": left == right}[op]
        elif field == "status":
            ok = raw == "any" or order.status == raw
        elif field == "financial_status":
            ok = raw == "any" or order.financial_status == raw
        elif field == "test":
            ok = order.test == (raw == "true")
        elif field == "name":
            ok = order.name.lstrip("#") == raw.lstrip("#")
        else:
            continue
        if not ok:
            return False
    return True


SORT_KEYS: dict[str, Callable[[SeedOrder], Any]] = {
    "UPDATED_AT": lambda o: gql_time(o.updated_at),
    "CREATED_AT": lambda o: gql_time(o.created_at),
    "PROCESSED_AT": lambda o: gql_time(o.created_at),
    "ID": lambda o: o.id,
    "NUMBER": lambda o: o.number,
    "TOTAL_PRICE": lambda o: str(o.total),
}


def paginate(items: list[Any], key: Callable[[Any], Any], ident: Callable[[Any], Any],
             args: dict[str, Any], build: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """A Relay connection over ``items`` (already in their order) with Shopify-style cursors:
    base64 JSON ``{"last_id", "last_value"}``, so a cursor survives the item's own change."""
    first, last = args.get("first"), args.get("last")
    if first is None and last is None and not BULK_MODE.get():  # a bulk query exports all
        raise GraphQLError("you must provide one of first or last")
    reverse = bool(args.get("reverse"))
    positions = [(key(it), ident(it)) for it in items]

    def mark(cursor: str) -> tuple[Any, Any]:
        try:
            c = decode_cursor(cursor)
            return c["last_value"], c["last_id"]
        except (KeyError, ValueError) as exc:
            raise GraphQLError(f"Invalid cursor for current pagination sort: {cursor}") from exc

    def past(pos: tuple[Any, Any], m: tuple[Any, Any]) -> bool:
        return pos < m if reverse else pos > m

    start, stop = 0, len(items)
    if args.get("after"):
        m = mark(args["after"])
        start = next((i for i, pos in enumerate(positions) if past(pos, m)), len(items))
    if args.get("before"):
        m = mark(args["before"])
        stop = next((i for i, pos in enumerate(positions) if not past(m, pos)), len(items))
    window = list(range(start, max(start, stop)))
    if first is not None:
        window = window[:first]
    if last is not None:
        window = window[-last:] if last else []
    edges = [{"cursor": encode_cursor({"last_id": positions[i][1],
                                       "last_value": positions[i][0]}),
              "node": build(items[i])} for i in window]
    if first is not None:
        has_next = bool(window) and window[-1] + 1 < stop
    else:
        has_next = stop < len(items)
    has_prev = (bool(window) and window[0] > start) if last is not None else start > 0
    return {
        "edges": edges,
        "nodes": [e["node"] for e in edges],
        "pageInfo": {"hasNextPage": has_next, "hasPreviousPage": has_prev,
                     "startCursor": edges[0]["cursor"] if edges else None,
                     "endCursor": edges[-1]["cursor"] if edges else None},
    }


def bag(amount: Decimal, currency: str = "MYR") -> dict[str, Any]:
    money_v2 = {"amount": money(amount), "currencyCode": currency}
    return {"shopMoney": money_v2, "presentmentMoney": dict(money_v2)}


class ShopifySandbox(ShopifyBulk, ShopifyStock, ShopifyPayments, SandboxServer):
    """Shopify Admin API on loopback; see the module docstring for what it enforces."""

    name = "shopify"
    platform = "shopify"
    CLIENT_ID = "ecdesk-sandbox-client-id"
    CLIENT_SECRET = "shpss_ecdesk_sandbox_secret"
    STATIC_TOKEN = "shpat_ecdesk_sandbox_static_token"

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        orders: int = 60,
        seed: int = 1,
        *,
        maximum_available: float = 20000.0,
        restore_rate: float = 1000.0,
        rest_bucket_size: int = 40,
        rest_leak_rate: float = 2.0,
        expires_in: int = 86399,
        off_by_cent: int = 0,
        shop_name: str = "Kedai Contoh",
        bulk_startup: float = 2.0,
        bulk_rate: float = 2000.0,
        bulk_polls: int | None = 3,
        days: float = 30,
        payments: str = "none",
        payout_days: int | None = 2,
        payments_share: float | None = None,
    ) -> None:
        super().__init__(clock)
        self.shop_name = shop_name
        self.expires_in = expires_in
        self.orders: list[SeedOrder] = generate(orders, seed, clock(), off_by_cent,
                                                   days=days)
        self._by_id = {o.id: o for o in self.orders}
        self.bucket = Bucket(maximum_available, restore_rate, clock)
        self.rest_bucket = Bucket(rest_bucket_size, rest_leak_rate, clock)
        self.tokens: dict[str, float | None] = {self.STATIC_TOKEN: None}  # token -> expiry
        self._issued = 0
        self.throttled = 0  # how many GraphQL calls were answered THROTTLED
        self._init_stock()
        self._init_bulk(bulk_startup, bulk_rate, bulk_polls)
        # Shopify Payments (shopify_payments.py)
        self._init_payments(payments, payout_days, payments_share)
        v = r"/admin/api/(?P<version>[\w-]+)"
        self.route("POST", r"/admin/oauth/access_token", self._token)
        self.route("POST", v + r"/graphql\.json", self._graphql)
        self.route("GET", v + r"/orders\.json", self._rest_orders)
        self.route("GET", v + r"/orders/count\.json", self._rest_count)
        self.route("GET", v + r"/orders/(?P<id>\d+)\.json", self._rest_order)
        self.route("GET", v + r"/shop\.json", self._rest_shop)

    # --- convention ------------------------------------------------------------------------
    @property
    def domain(self) -> str:
        return "kedai-contoh.myshopify.com"

    @property
    def access_token(self) -> str:
        """A static (admin-created custom app) token, for the ``access_token`` secret."""
        return self.STATIC_TOKEN

    def credentials(self) -> dict[str, str]:
        return {"client_id": self.CLIENT_ID, "client_secret": self.CLIENT_SECRET}

    def store_settings(self) -> dict[str, str]:
        return {"api_version": SUPPORTED_VERSIONS[-1]}

    def expected(self) -> dict[str, dict[str, object]]:
        return expected(self.orders)

    # --- test helpers ----------------------------------------------------------------------
    def touch(self, order_id: int | str, note: str = "") -> SeedOrder:
        """Edit an order now (as a merchant adding a tag would): bumps ``updated_at``."""
        order = self._by_id[int(order_id)]
        order.updated_at = datetime.fromtimestamp(self.clock(), UTC).replace(microsecond=0)
        return order

    def revoke_tokens(self) -> None:
        """Forget every client-credentials token (as an app secret rotation would)."""
        self.tokens = {k: v for k, v in self.tokens.items() if v is None}

    def error(self, status: int, message: str) -> Response:
        return Response.json({"errors": message}, status)

    # --- auth ------------------------------------------------------------------------------
    def _token(self, req: Request) -> Response:
        ctype = req.headers.get("content-type", "")
        form = req.json() if "json" in ctype else req.form()
        form = form if isinstance(form, dict) else {}
        if form.get("grant_type") != "client_credentials":
            return Response.json({"error": "unsupported_grant_type",
                                  "error_description": "Only client_credentials is offered "
                                                       "by this sandbox."}, 400)
        if (form.get("client_id"), form.get("client_secret")) != (self.CLIENT_ID,
                                                                  self.CLIENT_SECRET):
            return Response.json({"error": "invalid_client",
                                  "error_description": "Client authentication failed: unknown "
                                                       "client_id or wrong client_secret."}, 400)
        self._issued += 1
        digest = hashlib.sha256(f"{self.CLIENT_ID}:{self._issued}".encode()).hexdigest()[:16]
        token = f"shpat_cc_{self._issued:06d}_{digest}"
        self.tokens[token] = self.clock() + self.expires_in
        return Response.json({"access_token": token, "scope": SCOPES,
                              "expires_in": self.expires_in})

    def _authorised(self, req: Request) -> bool:
        token = req.headers.get("x-shopify-access-token", "")
        if token not in self.tokens:
            return False
        expiry = self.tokens[token]
        return expiry is None or self.clock() < expiry

    def _version(self, req: Request) -> str | None:
        version = req.match["version"] if req.match else ""
        if version == "unstable" or version in SUPPORTED_VERSIONS:
            return version
        if re.fullmatch(r"\d{4}-\d{2}", version or ""):  # fall forward (§0)
            older = version < SUPPORTED_VERSIONS[0]
            return SUPPORTED_VERSIONS[0] if older else SUPPORTED_VERSIONS[-1]
        return None

    # --- GraphQL ---------------------------------------------------------------------------
    def _graphql(self, req: Request) -> Response:
        version = self._version(req)
        if version is None:
            return self.error(404, "Not Found")
        headers = {"X-Shopify-API-Version": version}
        if not self._authorised(req):
            return Response.json({"errors": INVALID_TOKEN}, 401, headers)
        try:
            body = req.json()
            query = body["query"]
            variables = body.get("variables") or {}
            op_name = body.get("operationName")
        except (ValueError, TypeError, KeyError):
            return Response.json({"errors": {"query": "Required parameter missing or invalid"}},
                                 400, headers)
        self.bucket.refill()
        try:
            document, problems = _parse_and_validate(query)
        except GraphQLError as exc:
            return self._gql_errors([exc.formatted], 0, headers)
        if problems:
            return self._gql_errors(problems, 0, headers)
        try:
            requested = _requested_cost(document, variables, op_name)
        except CostError as exc:
            err = {"message": str(exc), "path": exc.path, "extensions": {"code": exc.code}}
            return self._gql_errors([err], 0, headers)
        if requested > MAX_QUERY_COST:
            msg = (f"Query cost is {requested}, which exceeds the single query max cost limit "
                   f"({MAX_QUERY_COST}).\n\nSee {RATE_DOC} for more information on how the cost "
                   "of a query is calculated.")
            return self._gql_errors([{"message": msg, "extensions": {
                "code": "MAX_COST_EXCEEDED", "cost": requested, "maxCost": MAX_QUERY_COST,
                "documentation": RATE_DOC}}], requested, headers, actual=None)
        if requested > self.bucket.available:
            self.throttled += 1
            return self._gql_errors([{"message": "Throttled", "extensions": {
                "code": "THROTTLED", "documentation": RATE_DOC}}], requested, headers,
                actual=None)
        self.bucket.available -= requested
        self.api_version_served = version
        result = execute(SCHEMA, document, root_value=self._root(), variable_values=variables,
                         operation_name=op_name)
        actual = _actual_cost(document, variables, result.data, op_name)
        self.bucket.available = min(self.bucket.size,
                                    self.bucket.available + max(0, requested - actual))
        payload: dict[str, Any] = {}
        if result.errors:
            payload["errors"] = [e.formatted for e in result.errors]
        payload["data"] = result.data
        payload["extensions"] = {"cost": self._cost(requested, actual)}
        return Response.json(payload, 200, headers)

    def _cost(self, requested: int, actual: int | None) -> dict[str, Any]:
        return {"requestedQueryCost": requested, "actualQueryCost": actual, "throttleStatus": {
            "maximumAvailable": self.bucket.size,
            "currentlyAvailable": int(self.bucket.available),
            "restoreRate": self.bucket.rate}}

    def _gql_errors(self, errors: list[Any], requested: int, headers: dict[str, str],
                    actual: int | None = 0) -> Response:
        return Response.json({"errors": errors,
                              "extensions": {"cost": self._cost(requested, actual)}}, 200,
                             headers)

    def _root(self) -> dict[str, Any]:
        return {"shop": self._gql_shop(), "order": self._resolve_order,
                "orders": self._resolve_orders, "ordersCount": self._resolve_count,
                "node": self._resolve_node, "nodes": self._resolve_nodes,
                **self.stock_root(), **self.bulk_root(), **self.payments_root()}

    def _resolve_node(self, info: Any, id: str) -> dict[str, Any] | None:
        """``node(id:)``: an order or a bulk operation (the Node types served here)."""
        if id.startswith("gid://shopify/BulkOperation/"):
            return self.bulk_node(id)
        order = self._resolve_order(info, id)
        return None if order is None else {**order, "__typename": "Order"}

    def _resolve_nodes(self, info: Any, ids: list[str]) -> list[dict[str, Any] | None]:
        if len(ids) > MAX_PAGE_SIZE:
            raise GraphQLError(f"The ids argument accepts at most {MAX_PAGE_SIZE} ids.")
        return [self._resolve_node(info, i) for i in ids]

    def _resolve_count(self, info: Any, query: str | None = None, limit: int | None = 10000,
                       **_: Any) -> dict[str, Any]:
        """``ordersCount``: up to ``limit`` (then precision AT_LEAST)."""
        count = sum(matches_query(o, query) for o in self.orders)
        if limit is not None and count > limit:
            return {"count": limit, "precision": "AT_LEAST"}
        return {"count": count, "precision": "EXACT"}

    def _gql_shop(self) -> dict[str, Any]:
        return {"id": gid("Shop", 60_000_001), "name": self.shop_name,
                "email": "owner@kedai-contoh.example.my", "myshopifyDomain": self.domain,
                "currencyCode": "MYR", "ianaTimezone": "Asia/Kuala_Lumpur",
                "taxesIncluded": False}

    def _resolve_order(self, info: Any, id: str) -> dict[str, Any] | None:
        m = re.fullmatch(r"gid://shopify/Order/(\d+)", id)
        order = self._by_id.get(int(m[1])) if m else None
        return None if order is None else self._gql_order(order)

    def _resolve_orders(self, info: Any, **args: Any) -> dict[str, Any]:
        sort = SORT_KEYS.get(args.get("sortKey") or "PROCESSED_AT", SORT_KEYS["ID"])
        items = [o for o in self.orders if matches_query(o, args.get("query"))]
        items.sort(key=lambda o: (sort(o), o.id), reverse=bool(args.get("reverse")))
        return paginate(items, sort, lambda o: o.id, args, self._gql_order)

    def _gql_order(self, o: SeedOrder) -> dict[str, Any]:
        lines = {ln.id: self._gql_line(o, ln) for ln in o.lines}
        refund_qty: dict[int, int] = {}
        for r in o.refunds:
            for line_id, qty, _s, _t in r.lines:
                refund_qty[line_id] = refund_qty.get(line_id, 0) + qty
        for ln in o.lines:
            lines[ln.id]["currentQuantity"] = ln.quantity - refund_qty.get(ln.id, 0)
        c = o.customer
        address = {"name": f"{c['first_name']} {c['last_name']}", "address1": c["address1"],
                   "address2": None, "city": c["city"], "province": c["province"],
                   "zip": c["zip"], "country": "Malaysia", "countryCodeV2": "MY",
                   "phone": c["phone"]}
        status = o.financial_status.upper()
        return {
            "id": gid("Order", o.id), "legacyResourceId": str(o.id), "name": o.name,
            "createdAt": gql_time(o.created_at), "updatedAt": gql_time(o.updated_at),
            "processedAt": gql_time(o.created_at), "cancelledAt": gql_time(o.cancelled_at),
            "cancelReason": o.cancel_reason, "closedAt": gql_time(o.closed_at),
            "closed": o.closed_at is not None, "test": o.test, "email": c["email"],
            "phone": c["phone"], "currencyCode": o.currency,
            "presentmentCurrencyCode": o.currency, "taxesIncluded": o.taxes_included,
            "displayFinancialStatus": status,
            "displayFulfillmentStatus": "FULFILLED" if o.fulfilled else "UNFULFILLED",
            "paymentGatewayNames": list(o.gateways),
            "discountCodes": ["RAYA10"] if o.total_discounts else [],
            "subtotalPriceSet": bag(o.subtotal), "totalPriceSet": bag(o.total),
            "totalTaxSet": bag(o.total_tax), "totalDiscountsSet": bag(o.total_discounts),
            "totalShippingPriceSet": bag(o.shipping_total),
            "totalRefundedSet": bag(o.refunded),
            "currentTotalPriceSet": bag(o.total - o.refunded),
            "taxLines": _tax_lines(o.total_tax, o.lines[0].rate if o.lines else 0),
            "customer": {"id": gid("Customer", int(c["id"])), "legacyResourceId": c["id"],
                         "firstName": c["first_name"], "lastName": c["last_name"],
                         "displayName": f"{c['first_name']} {c['last_name']}",
                         "email": c["email"], "phone": c["phone"]},
            "shippingAddress": address, "billingAddress": dict(address),
            "lineItems": lambda info, **a: paginate(
                o.lines, lambda ln: ln.id, lambda ln: ln.id, a, lambda ln: lines[ln.id]),
            "shippingLines": lambda info, **a: paginate(
                o.shipping, lambda s: s.id, lambda s: s.id, a, self._gql_shipping),
            "refunds": [self._gql_refund(o, r, lines) for r in o.refunds],
            "transactions": self._gql_transactions(o),
            "fulfillmentOrders": self.fulfillment_orders(o),
        }

    def _gql_line(self, o: SeedOrder, ln: SeedLine) -> dict[str, Any]:
        return {
            "id": gid("LineItem", ln.id), "name": ln.name, "title": ln.name, "sku": ln.sku,
            "quantity": ln.quantity, "currentQuantity": ln.quantity, "requiresShipping": True,
            "taxable": ln.rate > 0,
            "variant": None if ln.variant_id is None else {
                "id": gid("ProductVariant", ln.variant_id),
                "legacyResourceId": str(ln.variant_id), "sku": ln.sku, "title": "Default Title"},
            "product": None if ln.product_id is None else {
                "id": gid("Product", ln.product_id), "legacyResourceId": str(ln.product_id),
                "title": ln.name},
            "originalUnitPriceSet": bag(ln.price),
            "discountedUnitPriceSet": bag(ln.net / ln.quantity),
            "originalTotalSet": bag(ln.price * ln.quantity),
            "discountedTotalSet": bag(ln.net),
            "totalDiscountSet": bag(ln.discount),
            "taxLines": _tax_lines(ln.tax, ln.rate),
            "discountAllocations": [{"allocatedAmountSet": bag(ln.discount)}]
            if ln.discount else [],
        }

    def _gql_shipping(self, s: SeedShipping) -> dict[str, Any]:
        return {
            "id": gid("ShippingLine", s.id), "title": s.title, "code": s.code,
            "source": "shopify", "carrierIdentifier": None,
            "originalPriceSet": bag(s.price), "discountedPriceSet": bag(s.price - s.discount),
            "taxLines": _tax_lines(s.tax, s.rate),
            "discountAllocations": [{"allocatedAmountSet": bag(s.discount)}]
            if s.discount else [],
        }

    def _gql_refund(self, o: SeedOrder, r: SeedRefund,
                    lines: dict[int, dict[str, Any]]) -> dict[str, Any]:
        rlines = [{"lineItem": lines[line_id], "quantity": qty, "restockType": "RETURN",
                   "subtotalSet": bag(sub), "totalTaxSet": bag(tax)}
                  for line_id, qty, sub, tax in r.lines]
        txn = [{"id": gid("OrderTransaction", r.id + 1), "kind": "REFUND", "status": "SUCCESS",
                "gateway": o.gateways[0], "amountSet": bag(r.amount),
                "processedAt": gql_time(r.created_at)}]
        return {
            "id": gid("Refund", r.id), "legacyResourceId": str(r.id),
            "createdAt": gql_time(r.created_at), "note": r.note,
            "totalRefundedSet": bag(r.amount),
            "refundLineItems": lambda info, **a: paginate(
                rlines, lambda x: x["lineItem"]["id"], lambda x: rlines.index(x), a,
                lambda x: x),
            "transactions": lambda info, **a: paginate(
                txn, lambda x: x["id"], lambda x: r.id + 1, a, lambda x: x),
        }

    def _gql_transactions(self, o: SeedOrder) -> list[dict[str, Any]]:
        kind, status = {"pending": ("SALE", "PENDING"),
                        "authorized": ("AUTHORIZATION", "SUCCESS"),
                        "voided": ("VOID", "SUCCESS")}.get(o.financial_status,
                                                          ("SALE", "SUCCESS"))
        return [{"id": gid("OrderTransaction", o.id), "kind": kind, "status": status,
                 "gateway": o.gateways[0], "amountSet": bag(o.total),
                 "processedAt": gql_time(o.created_at)}]

    # --- REST (legacy) ---------------------------------------------------------------------
    def _rest_gate(self, req: Request) -> tuple[Response | None, dict[str, str]]:
        version = self._version(req)
        if version is None:
            return self.error(404, "Not Found"), {}
        if not self._authorised(req):
            return Response.json({"errors": INVALID_TOKEN}, 401,
                                 {"X-Shopify-API-Version": version}), {}
        bucket = self.rest_bucket
        bucket.refill()
        headers = {"X-Shopify-API-Version": version}
        if bucket.available < 1:
            headers.update({"Retry-After": "2.0",
                            "X-Shopify-Shop-Api-Call-Limit": f"{int(bucket.size)}/"
                                                             f"{int(bucket.size)}"})
            return Response.json({"errors": REST_THROTTLED}, 429, headers), headers
        bucket.available -= 1
        used = bucket.size - bucket.available
        headers["X-Shopify-Shop-Api-Call-Limit"] = f"{int(-(-used // 1))}/{int(bucket.size)}"
        return None, headers

    def _rest_orders(self, req: Request) -> Response:
        refused, headers = self._rest_gate(req)
        if refused is not None:
            return refused
        limit_text = req.arg("limit") or str(REST_PAGE_DEFAULT)
        if not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_PAGE_SIZE:
            return Response.json({"errors": {"limit": f"Limit must be between 1 and "
                                             f"{MAX_PAGE_SIZE}."}}, 400, headers)
        limit = int(limit_text)
        page_info = req.arg("page_info")
        if page_info:
            extra = [k for k in req.query if k not in ("limit", "page_info", "fields")]
            if extra:
                return Response.json({"errors": {extra[0]: f"{extra[0]} cannot be passed when "
                                                 "page_info is present."}}, 400, headers)
            try:
                state = decode_cursor(page_info)
                filters, last_id, direction = state["filters"], state["last_id"], state["dir"]
            except (KeyError, ValueError):
                return Response.json({"errors": {"page_info": "Invalid value."}}, 400, headers)
        else:
            filters = {k: v[-1] for k, v in req.query.items() if k not in ("limit", "fields")}
            last_id, direction = None, "next"
        try:
            items = [o for o in self.orders if _rest_match(o, filters)]
        except ValueError as exc:
            return Response.json({"errors": {"updated_at_min": str(exc)}}, 400, headers)
        items.sort(key=lambda o: o.id)
        if last_id is None:
            page = items[:limit]
        elif direction == "next":
            after = [o for o in items if o.id > last_id]
            page = after[:limit]
        else:
            before = [o for o in items if o.id < last_id]
            page = before[-limit:]
        links = []
        base = f"http://{req.headers.get('host', '127.0.0.1')}{req.path}"
        if page and page[0].id != items[0].id:
            token = encode_cursor({"filters": filters, "last_id": page[0].id, "dir": "prev"})
            links.append(f'<{base}?{urlencode({"limit": limit, "page_info": token})}>; '
                         f'rel="previous"')
        if page and page[-1].id != items[-1].id:
            token = encode_cursor({"filters": filters, "last_id": page[-1].id, "dir": "next"})
            links.append(f'<{base}?{urlencode({"limit": limit, "page_info": token})}>; '
                         f'rel="next"')
        if links:
            headers["Link"] = ", ".join(links)
        fields = [f for f in (req.arg("fields") or "").split(",") if f]
        out = [self._rest_order_dict(o) for o in page]
        if fields:
            out = [{k: v for k, v in d.items() if k in fields} for d in out]
        return Response.json({"orders": out}, 200, headers)

    def _rest_count(self, req: Request) -> Response:
        refused, headers = self._rest_gate(req)
        if refused is not None:
            return refused
        filters = {k: v[-1] for k, v in req.query.items()}
        return Response.json({"count": sum(_rest_match(o, filters) for o in self.orders)}, 200,
                             headers)

    def _rest_order(self, req: Request) -> Response:
        refused, headers = self._rest_gate(req)
        if refused is not None:
            return refused
        order = self._by_id.get(int(req.match["id"])) if req.match else None
        if order is None:
            return Response.json({"errors": "Not Found"}, 404, headers)
        return Response.json({"order": self._rest_order_dict(order)}, 200, headers)

    def _rest_shop(self, req: Request) -> Response:
        refused, headers = self._rest_gate(req)
        if refused is not None:
            return refused
        return Response.json({"shop": {"id": 60_000_001, "name": self.shop_name,
                                       "myshopify_domain": self.domain, "currency": "MYR",
                                       "iana_timezone": "Asia/Kuala_Lumpur",
                                       "taxes_included": False}}, 200, headers)

    def _rest_order_dict(self, o: SeedOrder) -> dict[str, Any]:
        """The REST resource (snake_case, money as strings, ``*_set`` bags; refund line
        ``subtotal``/``total_tax`` as numbers, as Shopify sends them, pitfall 7)."""
        c = o.customer

        def rest_tax(amount: Decimal, rate: int) -> list[dict[str, Any]]:
            return [{"title": "SST", "price": money(amount), "rate": Decimal(rate) / 100,
                     "price_set": _rest_bag(amount)}] if amount else []

        def alloc(amount: Decimal) -> list[dict[str, Any]]:
            return [{"amount": money(amount), "amount_set": _rest_bag(amount),
                     "discount_application_index": 0}] if amount else []

        return {
            "id": o.id, "admin_graphql_api_id": gid("Order", o.id), "name": o.name,
            "number": o.number - 1000, "order_number": o.number,
            "created_at": rest_time(o.created_at), "updated_at": rest_time(o.updated_at),
            "processed_at": rest_time(o.created_at), "cancelled_at": rest_time(o.cancelled_at),
            "cancel_reason": o.cancel_reason.lower() if o.cancel_reason else None,
            "closed_at": rest_time(o.closed_at), "currency": o.currency,
            "presentment_currency": o.currency, "financial_status": o.financial_status,
            "fulfillment_status": "fulfilled" if o.fulfilled else None,
            "taxes_included": o.taxes_included, "test": o.test, "email": c["email"],
            "total_price": money(o.total), "subtotal_price": money(o.subtotal),
            "total_tax": money(o.total_tax), "total_discounts": money(o.total_discounts),
            "total_line_items_price": money(sum((ln.price * ln.quantity for ln in o.lines),
                                                Decimal(0))),
            "total_price_set": _rest_bag(o.total),
            "current_total_price": money(o.total - o.refunded),
            "payment_gateway_names": list(o.gateways),
            "customer": {"id": int(c["id"]), "email": c["email"],
                         "first_name": c["first_name"], "last_name": c["last_name"]},
            "line_items": [{
                "id": ln.id, "admin_graphql_api_id": gid("LineItem", ln.id),
                "product_id": ln.product_id, "variant_id": ln.variant_id, "sku": ln.sku,
                "name": ln.name, "title": ln.name, "quantity": ln.quantity,
                "price": money(ln.price), "price_set": _rest_bag(ln.price),
                "total_discount": money(ln.discount),
                "product_exists": ln.product_id is not None,
                "tax_lines": rest_tax(ln.tax, ln.rate),
                "discount_allocations": alloc(ln.discount)} for ln in o.lines],
            "shipping_lines": [{
                "id": s.id, "title": s.title, "code": s.code, "source": "shopify",
                "price": money(s.price), "discounted_price": money(s.price - s.discount),
                "price_set": _rest_bag(s.price), "tax_lines": rest_tax(s.tax, s.rate),
                "discount_allocations": alloc(s.discount)} for s in o.shipping],
            "refunds": [{
                "id": r.id, "order_id": o.id, "created_at": rest_time(r.created_at),
                "note": r.note, "restock": True,
                "refund_line_items": [{"line_item_id": lid, "quantity": qty,
                                       "restock_type": "return", "subtotal": sub,
                                       "total_tax": tax, "subtotal_set": _rest_bag(sub),
                                       "total_tax_set": _rest_bag(tax)}
                                      for lid, qty, sub, tax in r.lines],
                "transactions": [{"id": r.id + 1, "kind": "refund", "status": "success",
                                  "gateway": o.gateways[0], "amount": money(r.amount),
                                  "currency": o.currency}],
                "order_adjustments": []} for r in o.refunds],
        }


def _rest_bag(amount: Decimal) -> dict[str, Any]:
    return {"shop_money": {"amount": money(amount), "currency_code": "MYR"},
            "presentment_money": {"amount": money(amount), "currency_code": "MYR"}}


def _tax_lines(amount: Decimal, rate: int) -> list[dict[str, Any]]:
    if not amount:
        return []
    return [{"title": "SST", "rate": rate / 100, "ratePercentage": float(rate),
             "priceSet": bag(amount), "channelLiable": False}]


def _rest_match(o: SeedOrder, filters: dict[str, str]) -> bool:
    """REST list filters (§1.2); ``status`` defaults to ``open`` (pitfall 1)."""
    status = filters.get("status", "open")
    if status != "any" and o.status != status:
        return False
    fin = filters.get("financial_status", "any")
    if fin not in ("any", o.financial_status) and not (
            fin == "unpaid" and o.financial_status in ("pending", "authorized")):
        return False
    for name, attr, later in (("updated_at_min", "updated_at", True),
                              ("updated_at_max", "updated_at", False),
                              ("created_at_min", "created_at", True),
                              ("created_at_max", "created_at", False)):
        if name in filters:
            value, bound = getattr(o, attr), parse_time(filters[name])
            if (value < bound) if later else (value > bound):
                return False
    if "since_id" in filters and o.id <= int(filters["since_id"]):
        return False
    if "ids" in filters and str(o.id) not in filters["ids"].split(","):
        return False
    return True


@lru_cache(maxsize=64)
def _parse_and_validate(query: str) -> tuple[Any, list[dict[str, Any]]]:
    document = parse(query)
    return document, [e.formatted for e in validate(SCHEMA, document)]
