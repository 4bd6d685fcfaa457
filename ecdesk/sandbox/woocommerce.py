"""A loopback WooCommerce REST API v3 (``/wp-json/wc/v3``) faithful enough to catch mistakes.

Follows reference/shopify-woocommerce-contracts.md §2 and §3 ("WooCommerce simulator"):

* Auth (§2.1, WooCommerce ``class-wc-rest-authentication.php``): when the request counts as
  SSL (``ssl_emulation=True``; loopback is plain HTTP) Basic auth or the
  ``consumer_key``/``consumer_secret`` query pair (query wins); otherwise OAuth 1.0a
  one-legged, HMAC-SHA1 or HMAC-SHA256, verified the way WooCommerce does it (PHP ``$_GET``
  semantics, parameters sorted by key, each ``key=value`` RFC 3986 encoded twice, key =
  ``consumer_secret&``), timestamp within 15 minutes, nonce unique per key. Unknown key or no
  credentials falls through to ``woocommerce_rest_cannot_view``. ``strip_authorization=True``
  plays a shared host that drops the ``Authorization`` header (pitfall 13).
* ``GET /orders`` with the §2.2 parameters, ``per_page`` 1..100 (else 400
  ``rest_invalid_param``), ``X-WP-Total``/``X-WP-TotalPages``/``Link``; ``GET /orders/{id}``;
  ``GET /orders/{id}/refunds``; ``GET /refunds`` (WC >= 9.0, ``refunds_endpoint=False``
  plays an older store: ``rest_no_route``).
* Data realism (§2.3, §3.5): money as strings, ``price`` as a number, line totals ex-tax even
  when ``prices_include_tax``, naive ``_gmt`` timestamps, ``number`` != ``id``, ``sku`` null
  for deleted products, negative refund totals, and a partial refund does NOT bump
  ``date_modified`` (pitfall 4, woocommerce#28969): use :meth:`refund` to make one.
* WooPayments (:mod:`ecdesk.sandbox.woopayments`): ``GET /payments/transactions`` and
  ``GET /payments/deposits``; the ``woopayments`` setting makes the shop one without the
  plugin (``none``, the default: ``rest_no_route``), one whose key may not read it
  (``denied``) or one with it (``active``, ``woopayments_share`` of the paid orders paid
  through it), and ``release_all()`` pays every deposit out.
* No vendor rate limit; a host/WAF quota (``requests_per_window``) answers an HTML 429 with
  ``Retry-After``, and ``html_fault()`` gives the HTML 503/429 pages hosts really send.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from ecdesk.domain import Disposition, HoldCode
from ecdesk.sandbox.seed import catalog, masterdata
from ecdesk.sandbox.server import Fault, Request, Response, SandboxServer, money
from ecdesk.sandbox.woocommerce_stock import WooCommerceStock
from ecdesk.sandbox.woopayments import WooPayments

API = "/wp-json/wc/v3"
SITE_TZ = ZoneInfo("Asia/Kuala_Lumpur")
CENT = Decimal("0.01")
NONCE_WINDOW = 15 * 60  # class-wc-rest-authentication.php: 15 minute window
STATUSES = ("pending", "processing", "on-hold", "completed", "cancelled", "refunded",
            "failed", "trash", "checkout-draft")
ORDERBY = ("date", "id", "include", "title", "slug", "modified")
PAYMENT_TITLES = {"ipay88": "iPay88 (FPX / cards)", "bacs": "Direct bank transfer",
                  "cod": "Cash on delivery", "crypto_wallet": "Crypto wallet"}
SHIPPING_TITLES = {"flat_rate": "Flat rate", "local_pickup": "Local pickup",
                   "drone-delivery": "Drone delivery"}
SHIPPING_COST = {"flat_rate": Decimal("8.00"), "local_pickup": Decimal("0.00"),
                 "drone-delivery": Decimal("15.00")}

#: the seeded minority of edge cases (store-sandbox convention); the rest are normal orders
EDGE_KINDS = (
    "coupon", "coupon_incl", "tax_incl", "fee", "negative_fee", "cancelled", "failed",
    "pending", "on-hold", "refunded", "partial_refund", "missing_sku", "unknown_sku",
    "unknown_payment", "unknown_shipping", "new_customer", "guest",
)
_DISPOSITION = {"pending": Disposition.WAITING, "on-hold": Disposition.WAITING,
                "cancelled": Disposition.IGNORED, "failed": Disposition.IGNORED}
_HOLDS = {"missing_sku": HoldCode.MISSING_SKU, "unknown_sku": HoldCode.UNMAPPED_SKU,
          "unknown_payment": HoldCode.UNKNOWN_PAYMENT,
          "unknown_shipping": HoldCode.UNMAPPED_SHIPPING}


def r2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def rawurlencode(value: str) -> str:
    """PHP ``rawurlencode``: RFC 3986, everything but ``A-Za-z0-9-_.~`` escaped."""
    return quote(value, safe="-_.~")


def wc_time(dt: datetime) -> str:
    """WooCommerce REST timestamps: ISO 8601 without a zone (``_gmt`` ones in UTC)."""
    return dt.replace(tzinfo=None, microsecond=0).isoformat()


def wc_error(code: str, message: str, status: int, **data: Any) -> Response:
    """The WP REST error envelope (reference §2.8)."""
    return Response.json({"code": code, "message": message, "data": {"status": status, **data}},
                         status)


def html_page(status: int, title: str) -> Response:
    body = (f"<!DOCTYPE html><html><head><title>{status} {title}</title></head><body>"
            f"<h1>{title}</h1><p>The server is temporarily unable to service your request."
            "</p><hr><address>Apache Server</address></body></html>")
    return Response(status, body.encode(), {"Content-Type": "text/html; charset=UTF-8"})


def html_fault(status: int = 503, times: int = 1, retry_after: str | None = "1",
               path: str = "") -> Fault:
    """A host/WAF error page instead of JSON (reference §2.8): inject with ``sandbox.inject``."""
    resp = html_page(status, "Service Unavailable" if status == 503 else "Too Many Requests")
    if retry_after is not None:
        resp.headers["Retry-After"] = retry_after
    return Fault(resp, times=times, path=path)


# --- PHP request parsing and WooCommerce's OAuth 1.0a check ---------------------------------

def php_get(query: dict[str, list[str]]) -> dict[str, Any]:
    """``$_GET`` as PHP builds it: the last value of a repeated key wins; ``k[]`` collects."""
    out: dict[str, Any] = {}
    for key, values in query.items():
        if key.endswith("[]"):
            out[key[:-2]] = list(values)
        else:
            out[key] = values[-1]
    return out


def parse_oauth_header(header: str) -> dict[str, str]:
    """WooCommerce ``parse_header``: ``Authorization: OAuth k="v", ...``."""
    from urllib.parse import unquote_plus

    if not header.startswith("OAuth "):
        return {}
    params: dict[str, str] = {}
    for part in header[6:].split(","):
        if "=" not in part:
            continue
        key, value = part.strip().split("=", 1)
        if key.startswith("oauth_"):
            params[key] = unquote_plus(value.strip('"'))
    return params


def _join_with_equals(params: dict[str, Any], prefix: str = "") -> list[str]:
    out: list[str] = []
    for key, value in params.items():
        if prefix:
            key = f"{prefix}%5B{key}%5D"
        if isinstance(value, dict):
            out += _join_with_equals(value, key)
        elif isinstance(value, list):
            out += _join_with_equals({str(i): v for i, v in enumerate(value)}, key)
        else:
            out.append(rawurlencode(f"{key}={value}"))
    return out


def _normalise(value: Any) -> Any:
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return rawurlencode(str(value))


def woo_string_to_sign(method: str, base_url: str, params: dict[str, Any]) -> str:
    """The string WooCommerce's ``check_oauth_signature`` signs (``oauth_signature`` removed)."""
    items = sorted(((k, v) for k, v in params.items() if k != "oauth_signature"),
                   key=lambda kv: kv[0].encode())
    normal = {rawurlencode(k): _normalise(v) for k, v in items}
    return f"{method.upper()}&{rawurlencode(base_url)}&{'%26'.join(_join_with_equals(normal))}"


def woo_signature(method: str, base_url: str, params: dict[str, Any], secret: str,
                  algorithm: str) -> str:
    digest = {"HMAC-SHA1": hashlib.sha1, "HMAC-SHA256": hashlib.sha256}[algorithm]
    text = woo_string_to_sign(method, base_url, params)
    mac = hmac.new(f"{secret}&".encode(), text.encode(), digest).digest()
    return base64.b64encode(mac).decode()


# --- seeded data --------------------------------------------------------------------------

@dataclass
class _Store:
    orders: dict[int, dict[str, Any]] = field(default_factory=dict)  # id -> internal order
    refunds: dict[int, dict[str, Any]] = field(default_factory=dict)  # refund id -> refund
    kinds: dict[int, str] = field(default_factory=dict)


class WooCommerceSandbox(WooCommerceStock, WooPayments, SandboxServer):
    """WooCommerce store on loopback. See the module docstring for what it enforces."""

    name = "woocommerce"
    platform = "woocommerce"

    def __init__(
        self,
        clock=time.time,
        orders: int = 60,
        seed: int = 1,
        *,
        per_page_max: int = 100,
        ssl_emulation: bool = False,
        strip_authorization: bool = False,
        refunds_endpoint: bool = True,
        permissions: str = "read_write",
        requests_per_window: int = 0,
        window_seconds: float = 60.0,
        off_by_cent: bool = False,
        days: float = 30,
        woopayments: str = "none",
        woopayments_share: float = 0.5,
    ) -> None:
        super().__init__(clock)
        self.days = days  # orders are placed over the last ``days`` days
        self.per_page_max = per_page_max
        self.ssl_emulation = ssl_emulation
        self.strip_authorization = strip_authorization
        self.refunds_endpoint = refunds_endpoint
        self.permissions = permissions
        self.requests_per_window = requests_per_window
        self.window_seconds = window_seconds
        self.off_by_cent = off_by_cent
        rng = random.Random(f"woo-keys-{seed}")
        self.consumer_key = "ck_" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
        self.consumer_secret = "cs_" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
        self._nonces: dict[str, float] = {}
        self._window: tuple[float, int] = (0.0, 0)
        self._next_id = 4000
        self.data = _Store()
        self._seed(orders, seed)
        self.route("GET", API + r"/orders", self._list_orders)
        self.route("GET", API + r"/orders/(?P<id>\d+)", self._get_order)
        self.route("GET", API + r"/orders/(?P<id>\d+)/refunds", self._order_refunds)
        self.route("GET", API + r"/refunds", self._all_refunds)
        self._init_stock()
        self._init_woopayments(woopayments, woopayments_share)  # woopayments.py

    # --- convention -----------------------------------------------------------------------
    def credentials(self) -> dict[str, str]:
        return {"consumer_key": self.consumer_key, "consumer_secret": self.consumer_secret}

    def store_settings(self) -> dict[str, str]:
        return {"auth": "basic"} if self.ssl_emulation else {}

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC).replace(microsecond=0)

    def expected(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for oid, order in self.data.orders.items():
            kind = self.data.kinds[oid]
            disposition = _DISPOSITION.get(order["status"], Disposition.POSTABLE)
            holds: set[str] = set()
            if disposition is Disposition.POSTABLE:
                if kind in _HOLDS:
                    holds.add(_HOLDS[kind].value)
                if order.get("_off_by_cent"):
                    holds.add(HoldCode.AMOUNT_MISMATCH.value)
            out[str(oid)] = {"disposition": disposition.value, "holds": holds}
        return out

    # --- seeding ----------------------------------------------------------------------------
    def _new_id(self) -> int:
        self._next_id += int(self._rng.choice((1, 2, 3)))  # notes and refunds use ids too
        return self._next_id

    def _seed(self, count: int, seed: int) -> None:
        rng = self._rng = random.Random(f"woocommerce-{seed}")
        kinds = list(EDGE_KINDS[:count]) + ["normal"] * max(0, count - len(EDGE_KINDS))
        rng.shuffle(kinds)
        now = self.now()
        ages = sorted((rng.uniform(0.05, self.days) for _ in range(count)), reverse=True)
        broken = None
        if self.off_by_cent:
            normals = [i for i, k in enumerate(kinds) if k == "normal"]
            broken = normals[0] if normals else None
        for i, (kind, age) in enumerate(zip(kinds, ages, strict=True)):
            created = now - timedelta(days=age)
            order = self._make_order(i, kind, created, rng)
            if i == broken:
                order["_off_by_cent"] = True
                order["total"] += CENT
            self.data.orders[order["id"]] = order
            self.data.kinds[order["id"]] = kind
            if kind in ("refunded", "partial_refund"):
                full = kind == "refunded"
                when = min(created + timedelta(days=rng.uniform(0.5, 3)), now)
                self._add_refund(order, None if full else order["lines"][0]["id"], when,
                                 bump=full)

    def _make_order(self, i: int, kind: str, created: datetime, rng: random.Random):
        md = masterdata()
        cat = catalog()
        rate = Decimal(rng.choice((0, 6, 8, 8)))
        incl = kind in ("tax_incl", "coupon_incl") or (kind == "normal" and rng.random() < 0.3)
        if kind in ("coupon_incl", "tax_incl") and rate == 0:
            rate = Decimal(8)
        status = {"cancelled": "cancelled", "failed": "failed", "pending": "pending",
                  "on-hold": "on-hold"}.get(kind) or rng.choice(("processing", "completed"))
        payment = rng.choice(md["payment_methods"]["woocommerce"])
        if kind == "unknown_payment":
            payment = md["unknown_payment_methods"][0]
        method = rng.choice(md["shipping_methods"]["woocommerce"])
        if kind == "unknown_shipping":
            method = md["unknown_shipping_methods"][0]
        picks = rng.sample(cat, rng.randint(1, 3))
        lines = []
        coupon = "RAYA10" if kind in ("coupon", "coupon_incl") or (
            kind == "normal" and rng.random() < 0.15) else ""
        for n, item in enumerate(picks):
            qty = rng.randint(1, 3)
            sku: str | None = item["sku"]
            name, product_id = item["name"], 100 + cat.index(item)
            if n == 0 and kind == "unknown_sku":
                sku, name, product_id = md["unknown_skus"][0], "Mystery gift box", 991
            if n == 0 and kind == "missing_sku":
                sku, product_id = None, 0  # product deleted after the sale (pitfall 8)
            gross = Decimal(item["price"]) * qty
            discount = r2(gross * Decimal("0.10")) if coupon else Decimal(0)
            lines.append(self._line(self._new_id(), name, product_id, sku, qty, gross, discount,
                                    rate, incl))
        ship_cost = SHIPPING_COST[method]
        shipping = [{
            "id": self._new_id(), "method_title": SHIPPING_TITLES[method], "method_id": method,
            "instance_id": "1", "total": ship_cost, "total_tax": r2(ship_cost * rate / 100),
        }]
        fees = []
        if kind == "fee" or (kind == "normal" and payment == "cod" and rng.random() < 0.5):
            fee = Decimal("3.00")
            fees.append({"id": self._new_id(), "name": "COD handling fee", "tax_class": "",
                         "tax_status": "taxable", "total": fee, "total_tax": r2(fee * rate / 100)})
        if kind == "negative_fee":
            fees.append({"id": self._new_id(), "name": "Loyalty discount", "tax_class": "",
                         "tax_status": "none", "total": Decimal("-5.00"),
                         "total_tax": Decimal(0)})
        customer_id = 11 + (i % 8)
        first, last = rng.choice(("Aisyah", "Wei Ling", "Ravi", "Nurul", "Jason", "Mei")), \
            rng.choice(("Tan", "Abdullah", "Kumar", "Lim", "Wong", "Ismail"))
        if kind == "new_customer":
            customer_id, first, last = 900 + i, "Farah", "Newcomer"
        if kind == "guest":
            customer_id = 0
        modified = created + timedelta(minutes=rng.randint(1, 600))
        modified = min(modified, self.now())
        oid = self._new_id()
        return {
            "id": oid, "number": str(10001 + i), "status": status, "currency": "MYR",
            "created": created, "modified": modified,
            "paid": created + timedelta(minutes=1) if status in ("processing", "completed")
            else None,
            "completed": modified if status == "completed" else None,
            "prices_include_tax": incl, "rate": rate, "customer_id": customer_id,
            "billing": {"first_name": first, "last_name": last, "company": "",
                        "address_1": f"{rng.randint(1, 99)} Jalan Ampang", "address_2": "",
                        "city": "Kuala Lumpur", "state": "KUL", "postcode": "50450",
                        "country": "MY", "email": f"{first.lower().replace(' ', '')}"
                        f".{last.lower()}{customer_id}@example.my", "phone": "+60123456789"},
            "payment_method": payment, "lines": lines, "shipping": shipping, "fees": fees,
            "coupon": coupon, "refund_ids": [], "total": self._total(lines, shipping, fees),
        }

    @staticmethod
    def _line(lid, name, product_id, sku, qty, gross, discount, rate, incl) -> dict[str, Any]:
        """Line money as WooCommerce stores it: subtotal/total always ex-tax (§2.3);
        ``gross``/``discount`` are on the store's entry basis (tax-inclusive when
        ``prices_include_tax``)."""
        if incl:
            subtotal_tax = r2(gross * rate / (100 + rate))
            subtotal = gross - subtotal_tax
            total_tax = r2((gross - discount) * rate / (100 + rate))
            total = gross - discount - total_tax
        else:
            subtotal, total = gross, gross - discount
            subtotal_tax, total_tax = r2(subtotal * rate / 100), r2(total * rate / 100)
        return {"id": lid, "name": name, "product_id": product_id, "sku": sku, "quantity": qty,
                "subtotal": subtotal, "subtotal_tax": subtotal_tax, "total": total,
                "total_tax": total_tax}

    @staticmethod
    def _total(lines, shipping, fees) -> Decimal:
        parts = lines + shipping + fees
        return sum((p["total"] + p["total_tax"] for p in parts), Decimal(0))

    def _add_refund(self, order: dict[str, Any], line_id: int | None, when: datetime,
                    bump: bool, amount: Decimal | None = None, reason: str = "") -> int:
        rid = self._next_id = self._next_id + 1
        items = []
        if line_id is not None:
            line = next(li for li in order["lines"] if li["id"] == line_id)
            unit = line["total"] / line["quantity"]
            unit_tax = line["total_tax"] / line["quantity"]
            items.append({"line": line, "quantity": 1, "total": r2(unit),
                          "total_tax": r2(unit_tax)})
            if amount is None:
                amount = r2(unit) + r2(unit_tax)
        if amount is None:
            amount = order["total"] - self.refunded(order)
        self.data.refunds[rid] = {"id": rid, "parent_id": order["id"], "created": when,
                                  "amount": amount, "reason": reason or "Customer request",
                                  "items": items}
        order["refund_ids"].append(rid)
        if self.refunded(order) >= order["total"]:
            order["status"] = "refunded"
            bump = True  # a status change saves the order
        if bump:
            order["modified"] = max(order["modified"], when)
        return rid

    def add_order(self, items: list[tuple[str, int]], *, rate: int = 8, incl: bool = False,
                  coupon_pct: int = 0, shipping: str = "flat_rate",
                  fee: tuple[str, str, bool] | None = None, status: str = "processing",
                  payment: str = "ipay88") -> int:
        """Place one hand-specified order now (tests with hand-computed figures).
        ``items`` = [(sku, qty)] at catalogue prices (tax-inclusive when ``incl``); ``fee`` =
        (name, ex-tax amount, taxable)."""
        with self._lock:
            prices = {c["sku"]: c for c in catalog()}
            r = Decimal(rate)
            lines = []
            for sku, qty in items:
                gross = Decimal(prices[sku]["price"]) * qty
                off = r2(gross * coupon_pct / 100)
                lines.append(self._line(self._new_id(), prices[sku]["name"],
                                        100 + catalog().index(prices[sku]), sku, qty, gross,
                                        off, r, incl))
            cost = SHIPPING_COST[shipping]
            ships = [{"id": self._new_id(), "method_title": SHIPPING_TITLES[shipping],
                      "method_id": shipping, "instance_id": "1", "total": cost,
                      "total_tax": r2(cost * r / 100)}]
            fees = []
            if fee is not None:
                amount = Decimal(fee[1])
                fees.append({"id": self._new_id(), "name": fee[0], "tax_class": "",
                             "tax_status": "taxable" if fee[2] else "none", "total": amount,
                             "total_tax": r2(amount * r / 100) if fee[2] else Decimal(0)})
            now = self.now()
            oid = self._new_id()
            order = {
                "id": oid, "number": str(10001 + len(self.data.orders)), "status": status,
                "currency": "MYR", "created": now, "modified": now, "paid": now,
                "completed": None, "prices_include_tax": incl, "rate": r, "customer_id": 0,
                "billing": {"first_name": "Hand", "last_name": "Made", "email": "h@example.my",
                            "phone": "", "address_1": "", "address_2": "", "company": "",
                            "city": "", "state": "", "postcode": "", "country": "MY"},
                "payment_method": payment, "lines": lines, "shipping": ships, "fees": fees,
                "coupon": "HAND" if coupon_pct else "", "refund_ids": [],
                "total": self._total(lines, ships, fees),
            }
            self.data.orders[oid] = order
            self.data.kinds[oid] = "hand"
            return oid

    def refunded(self, order: dict[str, Any]) -> Decimal:
        return sum((self.data.refunds[r]["amount"] for r in order["refund_ids"]), Decimal(0))

    def refund(self, order_id: int | str, amount: Decimal | None = None, *,
               line_id: int | None = None, reason: str = "") -> int:
        """Refund now (sandbox clock) like wp-admin does: a partial refund leaves
        ``date_modified`` alone (woocommerce#28969); refunding everything sets ``refunded``."""
        with self._lock:
            order = self.data.orders[int(order_id)]
            return self._add_refund(order, line_id, self.now(), bump=False, amount=amount,
                                    reason=reason)

    def touch(self, order_id: int | str, status: str | None = None) -> None:
        """Change an order the way the admin screen does (bumps ``date_modified``)."""
        with self._lock:
            order = self.data.orders[int(order_id)]
            if status:
                order["status"] = status
            order["modified"] = self.now()

    # --- JSON rendering ---------------------------------------------------------------------
    def _tax_id(self, rate: Decimal) -> int:
        return {Decimal(6): 2, Decimal(8): 1}.get(rate, 3)

    def _render_line(self, li: dict[str, Any], rate: Decimal) -> dict[str, Any]:
        taxes = []
        if rate:
            taxes = [{"id": self._tax_id(rate), "total": money(li["total_tax"]),
                      "subtotal": money(li["subtotal_tax"])}]
        return {
            "id": li["id"], "name": li["name"], "product_id": li["product_id"],
            "variation_id": 0, "quantity": li["quantity"],
            "tax_class": "" if rate else "zero-rate",
            "subtotal": money(li["subtotal"]), "subtotal_tax": money(li["subtotal_tax"]),
            "total": money(li["total"]), "total_tax": money(li["total_tax"]),
            "taxes": taxes, "meta_data": [], "sku": li["sku"],
            "price": (li["total"] / li["quantity"]).quantize(Decimal("0.000001")).normalize(),
            "image": {"id": "", "src": ""}, "parent_name": None,
        }

    def render(self, order: dict[str, Any]) -> dict[str, Any]:
        rate = order["rate"]
        lines, ships, fees = order["lines"], order["shipping"], order["fees"]
        cart_tax = sum((x["total_tax"] for x in lines + fees), Decimal(0))
        ship_tax = sum((x["total_tax"] for x in ships), Decimal(0))
        discount = sum((x["subtotal"] - x["total"] for x in lines), Decimal(0))
        discount_tax = sum((x["subtotal_tax"] - x["total_tax"] for x in lines), Decimal(0))
        tax_lines = []
        if rate:
            tax_lines = [{"id": order["id"] + 90000, "rate_code": f"MY-SST-{rate}-1",
                          "rate_id": self._tax_id(rate), "label": f"SST {rate}%",
                          "compound": False, "tax_total": money(cart_tax),
                          "shipping_tax_total": money(ship_tax), "rate_percent": int(rate),
                          "meta_data": []}]

        def taxes(amount: Decimal) -> list[dict[str, Any]]:
            if not (rate and amount):
                return []
            return [{"id": self._tax_id(rate), "total": money(amount), "subtotal": ""}]

        def t(dt: datetime | None) -> tuple[str | None, str | None]:
            if dt is None:
                return None, None
            return wc_time(dt.astimezone(SITE_TZ)), wc_time(dt.astimezone(UTC))

        created, created_gmt = t(order["created"])
        modified, modified_gmt = t(order["modified"])
        paid, paid_gmt = t(order["paid"])
        completed, completed_gmt = t(order["completed"])
        shipping_addr = {k: v for k, v in order["billing"].items() if k != "email"}
        return {
            "id": order["id"], "parent_id": 0, "status": order["status"],
            "currency": order["currency"], "version": "9.4.2", "prices_include_tax":
            order["prices_include_tax"], "date_created": created,
            "date_modified": modified, "discount_total": money(discount),
            "discount_tax": money(discount_tax), "shipping_total": money(
                sum((x["total"] for x in ships), Decimal(0))),
            "shipping_tax": money(ship_tax), "cart_tax": money(cart_tax),
            "total": money(order["total"]), "total_tax": money(cart_tax + ship_tax),
            "customer_id": order["customer_id"], "order_key": f"wc_order_{order['id']:x}",
            "billing": order["billing"], "shipping": {**shipping_addr, "phone": ""},
            "payment_method": order["payment_method"],
            "payment_method_title": PAYMENT_TITLES.get(order["payment_method"], ""),
            "transaction_id": "" if order["payment_method"] in ("cod", "bacs")
            else f"T{order['id']}", "customer_ip_address": "203.0.113.7",
            "customer_user_agent": "Mozilla/5.0", "created_via": "checkout",
            "customer_note": "", "date_completed": completed, "date_paid": paid,
            "cart_hash": "", "number": order["number"], "meta_data": [],
            "line_items": [self._render_line(li, rate) for li in lines],
            "tax_lines": tax_lines,
            "shipping_lines": [{
                "id": s["id"], "method_title": s["method_title"], "method_id": s["method_id"],
                "instance_id": s["instance_id"], "total": money(s["total"]),
                "total_tax": money(s["total_tax"]), "taxes": taxes(s["total_tax"]),
                "meta_data": []} for s in ships],
            "fee_lines": [{
                "id": f["id"], "name": f["name"], "tax_class": f["tax_class"],
                "tax_status": f["tax_status"], "amount": money(f["total"]),
                "total": money(f["total"]), "total_tax": money(f["total_tax"]),
                "taxes": taxes(f["total_tax"]), "meta_data": []} for f in fees],
            "coupon_lines": [{
                "id": order["id"] + 80000, "code": order["coupon"].lower(),
                "discount": money(discount), "discount_tax": money(discount_tax),
                "meta_data": []}] if order["coupon"] else [],
            "refunds": [{"id": r, "reason": self.data.refunds[r]["reason"],
                         "total": money(-self.data.refunds[r]["amount"])}
                        for r in order["refund_ids"]],
            "currency_symbol": "RM", "date_created_gmt": created_gmt,
            "date_modified_gmt": modified_gmt, "date_completed_gmt": completed_gmt,
            "date_paid_gmt": paid_gmt,
            "_links": {"self": [{"href": f"{self._home()}{API}/orders/{order['id']}"}]},
        }

    def render_refund(self, refund: dict[str, Any], with_parent: bool) -> dict[str, Any]:
        order = self.data.orders[refund["parent_id"]]
        rate = order["rate"]
        items = []
        for it in refund["items"]:
            li = it["line"]
            items.append({
                "id": li["id"] + 50000, "name": li["name"], "product_id": li["product_id"],
                "variation_id": 0, "quantity": -it["quantity"], "tax_class": "",
                "subtotal": money(-it["total"]), "subtotal_tax": money(-it["total_tax"]),
                "total": money(-it["total"]), "total_tax": money(-it["total_tax"]),
                "taxes": [{"id": self._tax_id(rate), "total": money(-it["total_tax"]),
                           "subtotal": money(-it["total_tax"])}] if rate else [],
                "meta_data": [{"id": 1, "key": "_refunded_item_id", "value": str(li["id"])}],
                "sku": li["sku"], "price": -(it["total"]),
            })
        out = {
            "id": refund["id"],
            "date_created": wc_time(refund["created"].astimezone(SITE_TZ)),
            "date_created_gmt": wc_time(refund["created"].astimezone(UTC)),
            "amount": money(refund["amount"]), "reason": refund["reason"], "refunded_by": 1,
            "refunded_payment": False, "meta_data": [], "line_items": items,
            "shipping_lines": [], "tax_lines": [], "fee_lines": [],
        }
        if with_parent:
            out = {"id": out.pop("id"), "parent_id": refund["parent_id"], **out}
        return out

    # --- HTTP -------------------------------------------------------------------------------
    def _home(self) -> str:
        url = self.url if self._httpd is not None else "http://127.0.0.1"
        return "https" + url[4:] if self.ssl_emulation else url

    def error(self, status: int, message: str) -> Response:
        if status == 404:
            return wc_error("rest_no_route",
                            "No route was found matching the URL and request method.", 404)
        return wc_error("internal_server_error" if status >= 500 else "rest_error", message,
                        status)

    def _handle(self, req: Request) -> Response:
        throttled = self._host_quota()
        if throttled is not None:
            return throttled
        if req.path.startswith(API):
            denied = self._authenticate(req)
            if denied is not None:
                return denied
        return super()._handle(req)

    def _host_quota(self) -> Response | None:
        """A host/WAF request quota (WooCommerce itself has none): HTML 429 + Retry-After."""
        if not self.requests_per_window:
            return None
        now = self.clock()
        with self._lock:
            start, used = self._window
            if now - start >= self.window_seconds:
                start, used = now, 0
            used += 1
            self._window = (start, used)
        if used > self.requests_per_window:
            resp = html_page(429, "Too Many Requests")
            resp.headers["Retry-After"] = str(math.ceil(start + self.window_seconds - now))
            return resp
        return None

    def _authenticate(self, req: Request) -> Response | None:
        with self._lock:
            return self._authenticate_locked(req)

    def _authenticate_locked(self, req: Request) -> Response | None:
        """WooCommerce ``WC_REST_Authentication::authenticate`` then the endpoint permission
        check; None when the request may proceed."""
        get = php_get(req.query)
        header = "" if self.strip_authorization else req.headers.get("authorization", "")
        if self.ssl_emulation:
            key = secret = ""
            if get.get("consumer_key") and get.get("consumer_secret"):
                key, secret = str(get["consumer_key"]), str(get["consumer_secret"])
            elif header.startswith("Basic "):
                try:
                    key, _, secret = base64.b64decode(header[6:]).decode().partition(":")
                except ValueError:
                    key = secret = ""
            if key and secret and key == self.consumer_key:
                if not hmac.compare_digest(secret, self.consumer_secret):
                    resp = wc_error("woocommerce_rest_authentication_error",
                                    "Consumer secret is invalid.", 401)
                    resp.headers["WWW-Authenticate"] = (
                        'Basic realm="WooCommerce API. Use a consumer key in the username '
                        'field and a consumer secret in the password field."')
                    return resp
                return self._permission(req)
        params: dict[str, Any] = dict(get)
        params.update(parse_oauth_header(header.strip()))
        names = ("oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature",
                 "oauth_signature_method")
        missing = [n for n in names if not params.get(n)]
        if len(missing) == len(names):
            return self._cannot_view(req)
        if missing:
            plural = "s" if len(missing) > 1 else ""
            return wc_error("woocommerce_rest_authentication_missing_parameter",
                            f"Missing OAuth parameter{plural} {', '.join(missing)}", 401)
        if params["oauth_consumer_key"] != self.consumer_key:
            return wc_error("woocommerce_rest_authentication_error",
                            "Consumer key is invalid.", 401)
        method = params["oauth_signature_method"]
        if method not in ("HMAC-SHA1", "HMAC-SHA256"):
            return wc_error("woocommerce_rest_authentication_error",
                            "Invalid signature - signature method is invalid.", 401)
        given = str(params["oauth_signature"]).replace(" ", "+")
        expected = woo_signature(req.method, self._home() + req.path, params,
                                 self.consumer_secret, method)
        if not hmac.compare_digest(expected, given):
            return wc_error("woocommerce_rest_authentication_error",
                            "Invalid signature - provided signature does not match.", 401)
        try:
            stamp = int(params["oauth_timestamp"])
        except ValueError:
            stamp = 0
        now = self.clock()
        if abs(stamp - now) > NONCE_WINDOW:
            return wc_error("woocommerce_rest_authentication_error", "Invalid timestamp.", 401)
        nonce = str(params["oauth_nonce"])
        self._nonces = {n: t for n, t in self._nonces.items() if t >= now - NONCE_WINDOW}
        if nonce in self._nonces:
            return wc_error("woocommerce_rest_authentication_error",
                            "Invalid nonce - nonce has already been used.", 401)
        self._nonces[nonce] = now
        return self._permission(req)

    def _permission(self, req: Request) -> Response | None:
        write = req.method not in ("GET", "HEAD", "OPTIONS")
        need = "write" if write else "read"
        if self.permissions not in (need, "read_write"):
            return wc_error("woocommerce_rest_authentication_error",
                            f"The API key provided does not have {need} permissions.", 401)
        return None

    def _cannot_view(self, req: Request) -> Response:
        single = req.path.rstrip("/").split("/")[-1].isdigit()
        message = ("Sorry, you cannot view this resource." if single
                   else "Sorry, you cannot list resources.")
        return wc_error("woocommerce_rest_cannot_view", message, 401)

    # --- parameter validation (WP REST schema: rest_invalid_param) -------------------------
    def _params(self, req: Request, *, for_refunds: bool = False):
        get = php_get(req.query)
        bad: dict[str, str] = {}
        out: dict[str, Any] = {}

        def integer(name: str, default: int, low: int, high: int | None) -> int:
            raw = get.get(name)
            if raw is None:
                return default
            try:
                value = int(str(raw))
            except ValueError:
                bad[name] = f"{name} is not of type integer."
                return default
            if value < low or (high is not None and value > high):
                bad[name] = (f"{name} must be between {low} (inclusive) and {high} (inclusive)"
                             if high is not None else
                             f"{name} must be greater than or equal to {low}")
            return value

        out["per_page"] = integer("per_page", 10, 1, self.per_page_max)
        out["page"] = integer("page", 1, 1, None)
        out["offset"] = integer("offset", 0, 0, None) if "offset" in get else None
        gmt = str(get.get("dates_are_gmt", "false")).lower()
        if gmt not in ("true", "false", "1", "0", ""):
            bad["dates_are_gmt"] = "dates_are_gmt is not of type boolean."
        out["gmt"] = gmt in ("true", "1")
        for name in ("after", "before", "modified_after", "modified_before"):
            raw = get.get(name)
            if raw is None:
                continue
            try:
                dt = datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
            except ValueError:
                bad[name] = "Invalid date."
                continue
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=UTC if out["gmt"] else SITE_TZ)
            out[name] = dt
        orderby = str(get.get("orderby", "date"))
        if orderby not in ORDERBY:
            bad["orderby"] = "orderby is not one of " + ", ".join(ORDERBY[:-1]) + \
                f", and {ORDERBY[-1]}."
        out["orderby"] = orderby
        order = str(get.get("order", "desc"))
        if order not in ("asc", "desc"):
            bad["order"] = "order is not one of asc and desc."
        out["order"] = order
        status = get.get("status", "any")
        statuses = status if isinstance(status, list) else str(status).split(",")
        for s in statuses:
            if s not in ("any",) + STATUSES:
                bad["status"] = f"status[0] is not one of any, {', '.join(STATUSES)}."
        out["status"] = statuses
        out["parent"] = [int(p) for p in get.get("parent", []) if str(p).isdigit()] \
            if for_refunds else []
        if bad:
            return None, wc_error(
                "rest_invalid_param", f"Invalid parameter(s): {', '.join(bad)}", 400,
                params=bad, details={k: {"code": "rest_invalid_param", "message": v,
                                         "data": None} for k, v in bad.items()})
        return out, None

    def _page(self, req: Request, items: list[Any], p: dict[str, Any]) -> Response:
        total = len(items)
        per = p["per_page"]
        start = p["offset"] if p["offset"] is not None else (p["page"] - 1) * per
        pages = math.ceil(total / per) if total else 0
        body = items[start:start + per]
        headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
        query = {k: v[-1] for k, v in req.query.items() if not k.startswith("oauth_")
                 and k not in ("consumer_key", "consumer_secret")}
        links = []
        base = self._home() + req.path
        if p["page"] > 1:
            links.append(f'<{base}?{urlencode({**query, "page": p["page"] - 1})}>; rel="prev"')
        if p["page"] < pages:
            links.append(f'<{base}?{urlencode({**query, "page": p["page"] + 1})}>; rel="next"')
        if links:
            headers["Link"] = ", ".join(links)
        return Response.json(body, headers=headers)

    def _list_orders(self, req: Request) -> Response:
        p, err = self._params(req)
        if err is not None:
            return err
        wanted = set(p["status"])
        rows = []
        for order in self.data.orders.values():
            if "any" in wanted:
                if order["status"] in ("trash", "checkout-draft"):
                    continue
            elif order["status"] not in wanted:
                continue
            if "after" in p and not order["created"] > p["after"]:
                continue
            if "before" in p and not order["created"] < p["before"]:
                continue
            if "modified_after" in p and not order["modified"] > p["modified_after"]:
                continue
            if "modified_before" in p and not order["modified"] < p["modified_before"]:
                continue
            rows.append(order)
        key = {"modified": lambda o: (o["modified"], o["id"]),
               "id": lambda o: (o["id"], 0)}.get(p["orderby"], lambda o: (o["created"], o["id"]))
        rows.sort(key=key, reverse=p["order"] == "desc")
        return self._page(req, [self.render(o) for o in rows], p)

    def _order(self, req: Request) -> dict[str, Any] | None:
        return self.data.orders.get(int(req.match["id"]))  # type: ignore[index]

    def _get_order(self, req: Request) -> Response:
        order = self._order(req)
        if order is None:
            return wc_error("woocommerce_rest_shop_order_invalid_id", "Invalid ID.", 404)
        return Response.json(self.render(order))

    def _order_refunds(self, req: Request) -> Response:
        order = self._order(req)
        if order is None:
            return wc_error("woocommerce_rest_shop_order_invalid_id", "Invalid order ID.", 404)
        p, err = self._params(req)
        if err is not None:
            return err
        rows = [self.render_refund(self.data.refunds[r], False) for r in order["refund_ids"]]
        rows.reverse()  # default order desc by date
        return self._page(req, rows, p)

    def _all_refunds(self, req: Request) -> Response:
        if not self.refunds_endpoint:
            return self.error(404, "")
        p, err = self._params(req, for_refunds=True)
        if err is not None:
            return err
        rows = []
        for refund in self.data.refunds.values():
            if "after" in p and not refund["created"] > p["after"]:
                continue
            if "before" in p and not refund["created"] < p["before"]:
                continue
            if p["parent"] and refund["parent_id"] not in p["parent"]:
                continue
            rows.append(refund)
        rows.sort(key=lambda r: (r["created"], r["id"]), reverse=p["order"] == "desc")
        return self._page(req, [self.render_refund(r, True) for r in rows], p)
