"""Lazada Open Platform (Malaysia) simulator (reference/shopee-lazada-contracts.md §2, §3).

``.url`` is the ``/rest`` base (API and token APIs on one host). Every call is verified like
Lazada: query and form parameters merged; ``app_key``, ``timestamp`` (ms or ISO, within
``timestamp_window`` of the injected clock: 7200 s per Lazada's calling-parameters guide),
``sign_method=sha256`` and the upper-case HMAC-SHA256 ``sign`` byte for byte over the
sorted parameters; ``access_token`` on seller APIs (30 days by default, "Online" apps).
Errors: HTTP 200 ``{"type","code","message","request_id"}``; ``ApiCallLimit`` when more than
``rate_limit`` calls of one API arrive in one second. Limits: ``/orders/get`` limit <= 100,
offset <= 5000; ``/orders/items/get`` <= 50 ids; finance limit <= 500, range < 180 days,
filtered by each row's ``transaction_date`` (a refund's rows come days after the sale's);
``/finance/payout/status/get`` lists the weekly statements (``created_after``), their
figures summed from their rows, ``paid`` "1" once paid.

Seeded orders: one item row per unit, per-item statuses, tax inside ``item_price``
(``tax_amount``), finance rows whose ``amount`` sums to the order's settlement.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from ecdesk.domain import CENT, ZERO, HoldCode
from ecdesk.sandbox import seed
from ecdesk.sandbox.lazada_stock import LazadaStock
from ecdesk.sandbox.server import Clock, Request, Response, SandboxServer

KL = ZoneInfo("Asia/Kuala_Lumpur")
REST = "/rest"
AUTH_APIS = frozenset({"/auth/token/create", "/auth/token/refresh"})
RETURN_DAYS = 6  # a returned item's refund rows are dated this many days after the sale
FINANCE_SPAN = 180  # /finance/transaction/details/get: end_time - start_time < 180 days
#: fee types the sandbox writes (fee_type enum list), a ``trans_type`` filter may name them
FEE_TYPES = frozenset({"3", "7", "8", "13", "14", "15", "16", "112", "118"})
POSTABLE = ("pending", "packed", "ready_to_ship", "shipped", "delivered")
EDGES = {2: "unknown_sku", 4: "no_sku", 6: "unknown_payment", 8: "unknown_shipping",
         10: "unpaid", 12: "canceled", 14: "returned", 16: "seller_voucher",
         18: "platform_voucher"}
HOLDS = {"unknown_sku": HoldCode.UNMAPPED_SKU, "no_sku": HoldCode.MISSING_SKU,
         "unknown_payment": HoldCode.UNKNOWN_PAYMENT,
         "unknown_shipping": HoldCode.UNMAPPED_SHIPPING}


def _m(value: Any) -> Decimal:
    return Decimal(value).quantize(CENT, ROUND_HALF_UP)


def _s(value: Decimal) -> str:
    return f"{value:.2f}"


def _lz_time(ts: float) -> str:
    return datetime.fromtimestamp(ts, KL).strftime("%Y-%m-%d %H:%M:%S %z")


def _row_day(row: dict[str, Any]) -> date:
    return datetime.strptime(row["transaction_date"], "%d %b %Y").date()


def sign(secret: str, api: str, params: dict[str, str]) -> str:
    text = api + "".join(k + params[k] for k in sorted(params) if k != "sign")
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest().upper()


@dataclass
class _Order:
    order: dict[str, Any]
    items: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    case: str
    updated: float
    broken: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class LazadaSandbox(LazadaStock, SandboxServer):
    """A Lazada Malaysia seller with seeded orders, tokens and finance rows."""

    name = "lazada"
    platform = "lazada"
    APP_KEY = "500123"
    APP_SECRET = "lzSecretDemo9f3c2b7a6e5d4c3b2a1908"
    SELLER_ID = "100234567"

    def __init__(self, clock: Clock = time.time, orders: int = 60, seed: int = 1, *,
                 page_limit_max: int = 100, offset_max: int = 5000, items_batch_max: int = 50,
                 finance_limit_max: int = 500, timestamp_window: int = 7200,
                 access_ttl: int = 30 * 86400, refresh_ttl: int = 180 * 86400,
                 code_ttl: int = 1800, rate_limit: int | None = 1000,
                 broken_total: bool = False, days: float = 30) -> None:
        super().__init__(clock)
        self.days = days  # orders are placed over the last ``days`` days
        self.page_limit_max = page_limit_max
        self.offset_max = offset_max
        self.items_batch_max = items_batch_max
        self.finance_limit_max = finance_limit_max
        self.timestamp_window = timestamp_window
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.code_ttl = code_ttl
        self.rate_limit = rate_limit
        self.app_secret = self.APP_SECRET
        self._ids = itertools.count(1)
        self._codes: dict[str, float] = {}
        self._access: dict[str, float] = {}
        self._refresh: dict[str, float] = {}
        self._rate: dict[tuple[str, int], int] = {}
        self.calls: dict[str, int] = {}
        self.orders: dict[str, _Order] = {}
        #: rows of the shop, not of an order (no ``order_no``): a weekly ads top-up
        self.shop_rows: list[dict[str, Any]] = []
        #: payout statements by number: ``created`` and ``paid`` (None: not paid yet), epoch s
        self.statements: dict[str, dict[str, float | None]] = {}
        self._seed(orders, seed, broken_total)
        self._seed_shop_rows()
        for api, handler in (("/auth/token/create", self._token_create),
                             ("/auth/token/refresh", self._token_refresh),
                             ("/seller/get", self._seller),
                             ("/orders/get", self._orders_get),
                             ("/order/get", self._order_get),
                             ("/order/items/get", self._order_items),
                             ("/orders/items/get", self._orders_items),
                             ("/finance/transaction/details/get", self._finance),
                             ("/finance/payout/status/get", self._payouts)):
            for method in ("GET", "POST"):
                self.route(method, REST + api, self._guard(api, handler))

        self.route("GET", "/oauth/authorize", self._authorize)
        self._init_stock()
        for retired in ("/order/pack", "/order/rts"):  # retired 30 Apr 2023
            for method in ("GET", "POST"):
                self.route(method, REST + retired, self._retired)

    # --- convention -------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return super().url + REST

    def credentials(self) -> dict[str, str]:
        return {"app_secret": self.app_secret}

    def store_settings(self) -> dict[str, str]:
        return {"app_key": self.APP_KEY}

    def auth_code(self) -> str:
        """A fresh one-time authorisation code, valid ``code_ttl`` seconds (30 min)."""
        code = f"0_{self.APP_KEY}_{next(self._ids):08d}"
        self._codes[code] = self.clock() + self.code_ttl
        return code

    def expected(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for oid, o in self.orders.items():
            if o.case == "unpaid":
                out[oid] = {"disposition": "waiting", "holds": set()}
            elif o.case == "canceled":
                out[oid] = {"disposition": "ignored", "holds": set()}
            else:
                holds = {HOLDS[o.case].value} if o.case in HOLDS else set()
                if o.broken:
                    holds.add(HoldCode.AMOUNT_MISMATCH.value)
                out[oid] = {"disposition": "postable", "holds": holds}
        return out

    def settlement(self, order_id: str) -> Decimal:
        """What Lazada pays out for the order: the sum of its finance rows."""
        return sum((Decimal(r["amount"]) for r in self.orders[order_id].rows), ZERO)

    def release_all(self) -> list[str]:
        """Lazada pays every order with finance rows in this week's statement: its shipped
        items are delivered, its rows paid, and it is updated a second ago (a sync started now
        sees it: the API takes whole seconds). Answers their ids."""
        released = []
        week = datetime.fromtimestamp(self.clock(), KL).strftime("%G-W%V")
        paid_now = int(self.clock()) - 1
        statement = self.statements.setdefault(f"MY-{week}", {"created": paid_now,
                                                             "paid": None})
        statement["paid"] = statement["paid"] or paid_now
        for oid, o in self.orders.items():
            if not o.rows or all(r["paid_status"] == "Paid" for r in o.rows):
                continue
            now = int(self.clock()) - 1
            stamp = _lz_time(now)
            for item in o.items:
                if item["status"] in POSTABLE:
                    item["status"] = "delivered"
                item["updated_at"] = stamp
            for r in o.rows:
                r.update(statement=f"MY-{week}", paid_status="Paid",
                         orderItem_status=next(it["status"] for it in o.items
                                               if str(it["order_item_id"]) == r["orderItem_no"]))
            o.order["statuses"] = sorted({it["status"] for it in o.items})
            o.order["updated_at"] = stamp
            o.updated = now
            released.append(oid)
        for r in self.shop_rows:
            if r["paid_status"] != "Paid":
                r.update(statement=f"MY-{week}", paid_status="Paid")
        return released

    def expire_access_tokens(self) -> None:
        for token in self._access:
            self._access[token] = min(self._access[token], self.clock() - 1)

    # --- seed -------------------------------------------------------------------------------
    def _seed(self, count: int, seed_no: int, broken_total: bool) -> None:
        rng = random.Random(seed_no)
        md = seed.masterdata()
        catalog = md["catalog"]
        providers = md["shipping_methods"]["lazada"]
        payments = md["payment_methods"]["lazada"]
        now = self.clock()
        broken_done = not broken_total
        item_ids = itertools.count(rng.randint(10**14, 2 * 10**14))
        for i in range(count):
            case = EDGES.get(i % 20, "normal")
            created = now - rng.uniform(3600, self.days * 86400)
            updated = min(now - 60, created + rng.uniform(60, 3 * 86400))
            oid = str(rng.randint(3 * 10**14, 4 * 10**14))
            number = str(rng.randint(5 * 10**14, 6 * 10**14))
            status = {"unpaid": "unpaid", "canceled": "canceled"}.get(case) or rng.choice(
                POSTABLE)
            if case == "returned":
                status = "delivered"
            rate = Decimal(rng.choice((0, 6, 8)))
            provider = rng.choice(providers)
            if case == "unknown_shipping":
                provider = md["unknown_shipping_methods"][0]
            payment = rng.choice(payments)
            if case == "unknown_payment":
                payment = md["unknown_payment_methods"][0]
            v_seller = Decimal("5.00") if case == "seller_voucher" else ZERO
            v_platform = Decimal("4.00") if case == "platform_voucher" else ZERO
            shipping = Decimal(rng.choice(("0.00", "4.90", "5.50")))
            if case == "unknown_shipping" and not shipping:
                shipping = Decimal("4.90")
            items: list[dict[str, Any]] = []
            for n, product in enumerate(rng.sample(catalog, rng.randint(1, 3))):
                sku = product["sku"]
                if n == 0 and case == "unknown_sku":
                    sku = md["unknown_skus"][i % len(md["unknown_skus"])]
                if n == 0 and case == "no_sku":
                    sku = ""
                price = Decimal(product["price"])
                tax = _m(price * rate / (100 + rate))
                for _unit in range(rng.randint(1, 2)):
                    first = not items
                    vs = v_seller if first else ZERO
                    vp = v_platform if first else ZERO
                    items.append({
                        "order_item_id": next(item_ids), "order_id": int(oid), "sku": sku,
                        "shop_sku": f"{1000 + catalog.index(product)}_MY-{oid[-5:]}",
                        "sku_id": 1000 + catalog.index(product), "name": product["name"],
                        "variation": "", "status": status, "item_price": _s(price),
                        "paid_price": _s(price - vs - vp), "tax_amount": _s(tax),
                        "voucher_amount": _s(vs + vp), "voucher_seller": _s(vs),
                        "voucher_platform": _s(vp), "shipping_amount": _s(
                            shipping if first else ZERO),
                        "shipping_fee_original": _s(shipping if first else ZERO),
                        "shipment_provider": provider, "shipping_type": "Dropshipping",
                        "tracking_code": "", "package_id": "", "currency": "MYR",
                        "is_digital": 0, "reason": "", "return_status": "",
                        "created_at": _lz_time(created), "updated_at": _lz_time(updated),
                        "payment_time": "" if status == "unpaid" else _lz_time(created + 60),
                        "warehouse_code": "dropshipping", "buyer_id": 70000 + i,
                    })
            if case == "returned":
                items[-1]["status"] = "returned"
                items[-1]["return_status"] = "refund_success"
            price_total = sum((Decimal(it["item_price"]) for it in items), ZERO)
            broken = False
            shown_price = price_total
            if not broken_done and case == "normal":
                shown_price, broken, broken_done = price_total + CENT, True, True
            order = {
                "order_id": int(oid), "order_number": int(number),
                "created_at": _lz_time(created), "updated_at": _lz_time(updated),
                "price": f"{shown_price:,.2f}", "voucher": _s(v_seller + v_platform),
                "voucher_platform": _s(v_platform), "voucher_seller": _s(v_seller),
                "voucher_code": "SAVE" if v_seller or v_platform else "",
                "shipping_fee": _s(shipping), "shipping_fee_original": _s(shipping),
                "shipping_fee_discount_seller": "0.00", "shipping_fee_discount_platform":
                "0.00", "payment_method": payment, "items_count": len(items),
                "statuses": sorted({it["status"] for it in items}),
                "customer_first_name": f"Pelanggan{i}", "customer_last_name": "",
                "address_shipping": {"first_name": f"Pelanggan{i}", "last_name": "",
                                     "phone": f"60198{i:06d}", "address1": f"{i} Jalan Uji",
                                     "city": "Petaling Jaya", "post_code": "46000",
                                     "country": "Malaysia"},
                "remarks": "", "gift_option": False, "warehouse_code": "dropshipping",
                "tax_code": "", "extra_attributes": "", "is_cancel_pending": False,
            }
            rows = [] if case in ("unpaid", "canceled") else self._rows(
                rng, order, items, shipping, v_seller, created)
            self.orders[oid] = _Order(order, items, rows, case, updated, broken,
                                      {"day": datetime.fromtimestamp(created, KL).date()})

    def _seed_shop_rows(self) -> None:
        """A Sponsored Product Fee (112) every 7 days since the oldest order: what a range
        read meets besides order rows (a read by ``trade_order_id`` never does)."""
        if not self.orders:
            return
        day, today = min(o.extra["day"] for o in self.orders.values()), datetime.fromtimestamp(
            self.clock(), KL).date()
        while day <= today:
            self.shop_rows.append({
                "transaction_date": day.strftime("%d %b %Y"),
                "transaction_type": "Other Services-Sponsored Solutions",
                "fee_name": "Sponsored Product Fee", "fee_type": "112", "amount": "-10.00",
                "VAT_in_amount": "0.00", "WHT_amount": "0.00", "WHT_included_in_amount": "No",
                "statement": "", "paid_status": "Not paid", "order_no": "", "orderItem_no": "",
                "orderItem_status": "", "seller_sku": "", "lazada_sku": "", "reference": "",
                "transaction_number": f"T{next(self._ids):010d}", "shipping_provider": "",
                "shipment_type": "", "details": "Sponsored Discovery top-up", "comment": "",
                "payment_ref_id": ""})
            day += timedelta(days=7)

    def _rows(self, rng: random.Random, order: dict[str, Any], items: list[dict[str, Any]],
              shipping: Decimal, v_seller: Decimal, created: float) -> list[dict[str, Any]]:
        day = datetime.fromtimestamp(created, KL).strftime("%d %b %Y")
        # a return is refunded days after the sale: its rows carry that later day
        refund_day = datetime.fromtimestamp(min(created + RETURN_DAYS * 86400, self.clock()),
                                            KL).strftime("%d %b %Y")
        rows: list[dict[str, Any]] = []
        # Lazada pays out weekly statements: every item delivered -> the rows are in a paid
        # statement of the order's week (LZ-API finance rows ``statement``, ``paid_status``)
        released = all(it["status"] == "delivered" for it in items)
        week = datetime.fromtimestamp(created, KL).strftime("%G-W%V")
        statement, paid = (f"MY-{week}", "Paid") if released else ("", "Not paid")
        if released and statement not in self.statements:
            # a week's statement is drawn up the Monday after it and paid two days later
            # (the current week's: a second ago)
            start = datetime.fromtimestamp(created, KL).date()
            monday = start + timedelta(days=7 - start.weekday())
            drawn = datetime.combine(monday, datetime.min.time(), KL).timestamp() + 3600
            now = int(self.clock()) - 1
            self.statements[statement] = {"created": min(drawn, now),
                                          "paid": min(drawn + 2 * 86400, now)}

        def row(item: dict[str, Any], fee_type: str, name: str, kind: str,
                amount: Decimal, when: str = day) -> None:
            rows.append({
                "transaction_date": when, "transaction_type": kind, "fee_name": name,
                "fee_type": fee_type, "amount": _s(amount), "VAT_in_amount": "0.00",
                "WHT_amount": "0.00", "WHT_included_in_amount": "No",
                "statement": statement, "paid_status": paid,
                "order_no": str(order["order_id"]), "orderItem_no": str(item["order_item_id"]),
                "orderItem_status": item["status"], "seller_sku": item["sku"],
                "lazada_sku": item["shop_sku"], "reference": "",
                "transaction_number": f"T{next(self._ids):010d}",
                "shipping_provider": item["shipment_provider"], "shipment_type": "Dropship",
                "details": "", "comment": "", "payment_ref_id": ""})

        for n, item in enumerate(items):
            price = Decimal(item["item_price"])
            commission = _m(price * Decimal("0.04"))
            row(item, "13", "Item Price Credit", "Orders-Sales", price)
            row(item, "16", "Commission", "Orders-Lazada Fees", -commission)
            row(item, "3", "Payment Fee", "Orders-Lazada Fees", -_m(price * Decimal("0.02")))
            if n == 0:
                if shipping:
                    row(item, "8", "Shipping Fee (Paid By Customer)", "Orders-Logistics",
                        shipping)
                row(item, "7", "Shipping Fee Paid by Seller", "Orders-Logistics",
                    -(shipping + Decimal(rng.choice(("1.20", "2.30")))))
                if v_seller:
                    row(item, "118", "Promotional Charges Vouchers", "Orders-Marketing Fees",
                        -v_seller)
            if item["status"] == "returned":
                row(item, "14", "Reversal Item Price", "Refunds-Claims", -price, refund_day)
                row(item, "15", "Reversal Commission", "Refunds-Lazada Fees", commission,
                    refund_day)
        return rows

    # --- envelope ---------------------------------------------------------------------------
    def fail(self, code: str, message: str, type_: str = "ISV") -> Response:
        return Response.json({"type": type_, "code": code, "message": message,
                              "request_id": self._request_id()})

    def error(self, status: int, message: str) -> Response:
        return Response.json({"type": "SYSTEM", "code": "ServiceUnavailable" if status >= 500
                              else "InvalidApiPath", "message": message,
                              "request_id": self._request_id()}, status)

    def ok(self, data: Any, **extra: Any) -> Response:
        return Response.json({"code": "0", "data": data, "request_id": self._request_id(),
                              **extra})

    def _request_id(self) -> str:
        return f"0b{next(self._ids):016x}"

    def _guard(self, api: str, handler: Any) -> Any:
        def guarded(req: Request) -> Response:
            self.calls[api] = self.calls.get(api, 0) + 1
            params = {k: v[-1] for k, v in req.query.items()}
            if "form" in req.headers.get("content-type", ""):
                params.update(req.form())
            denied = self._verify(api, params)
            return denied if denied is not None else handler(params)
        return guarded

    def _verify(self, api: str, p: dict[str, str]) -> Response | None:
        for name in ("app_key", "timestamp", "sign_method", "sign"):
            if not p.get(name):
                return self.fail("MissingParameter", f"The input parameter “{name}” that is "
                                 "mandatory for processing this request is not supplied.")
        if p["app_key"] != self.APP_KEY:
            return self.fail("InvalidAppKey", "The specified app key is invalid.")
        ts = p["timestamp"]
        try:
            when = int(ts) / 1000 if ts.isdigit() else datetime.fromisoformat(
                ts.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return self.fail("InvalidTimestamp", "The specified timestamp is invalid.")
        if abs(self.clock() - when) > self.timestamp_window:
            return self.fail("InvalidTimestamp", "The specified timestamp is expired or "
                             "too far in the future.")
        if p["sign_method"] != "sha256":
            return self.fail("IncompleteSignature", "The request signature does not conform "
                             "to platform standards")
        want = sign(self.app_secret, api, p)
        if not hmac.compare_digest(want.encode(), p["sign"].encode()):
            return self.fail("IncompleteSignature", "The request signature does not conform "
                             "to platform standards")
        if api not in AUTH_APIS:
            token = p.get("access_token")
            if not token:
                return self.fail("MissingParameter", "The input parameter “access_token” "
                                 "that is mandatory for processing this request is not "
                                 "supplied.")
            if self._access.get(token, 0) <= self.clock():
                return self.fail("IllegalAccessToken",
                                 "The specified access token is invalid or expired")
        if self.rate_limit is not None:
            key = (api, int(self.clock()))
            self._rate[key] = self._rate.get(key, 0) + 1
            if self._rate[key] > self.rate_limit:
                return self.fail("ApiCallLimit", "Api access frequency exceeds the limit. "
                                 "this ban will last 1 seconds")
        return None

    def _authorize(self, req: Request) -> Response:
        """The seller's consent page, consented at once: 302 to ``redirect_uri?code=``."""
        if req.arg("client_id") != self.APP_KEY or req.arg("response_type") != "code":
            return Response.text("Invalid client_id or response_type", 400)
        redirect = req.arg("redirect_uri") or ""
        sep = "&" if "?" in redirect else "?"
        state = f"&state={quote(req.arg('state') or '')}" if req.arg("state") else ""
        return Response(302, b"", {"Location": f"{redirect}{sep}code={self.auth_code()}"
                                               f"{state}"})

    def _retired(self, req: Request) -> Response:
        self.calls[req.path] = self.calls.get(req.path, 0) + 1
        return self.fail("InvalidApiPath", f"The API {req.path[len(REST):]} has been retired; "
                         "use /order/fulfill/pack and /order/package/rts.")

    # --- auth -------------------------------------------------------------------------------
    def _issue(self, refresh_expires: float | None = None) -> dict[str, Any]:
        now = self.clock()
        n = next(self._ids)
        access = f"50000{n:06d}{random.Random(n).getrandbits(80):020x}"
        refresh = f"50001{n:06d}{random.Random(-n).getrandbits(80):020x}"
        self._access[access] = now + self.access_ttl
        self._refresh[refresh] = refresh_expires or now + self.refresh_ttl
        return {"code": "0", "access_token": access, "refresh_token": refresh,
                "expires_in": self.access_ttl,
                "refresh_expires_in": int(self._refresh[refresh] - now),
                "country": "my", "account_platform": "seller_center",
                "account": "seller@example.my", "request_id": self._request_id(),
                "country_user_info": [{"country": "my", "seller_id": self.SELLER_ID,
                                       "user_id": "2001", "short_code": "MY1ABCDE"}]}

    def _token_create(self, p: dict[str, str]) -> Response:
        expires = self._codes.pop(p.get("code", ""), None)
        if expires is None or expires <= self.clock():
            return self.fail("InvalidCode", "Invalid authorization code")
        return Response.json(self._issue())

    def _token_refresh(self, p: dict[str, str]) -> Response:
        expires = self._refresh.pop(p.get("refresh_token", ""), None)
        if expires is None or expires <= self.clock():
            return self.fail("IllegalRefreshToken", "The specified refresh token is invalid "
                             "or expired")
        body = self._issue(refresh_expires=expires)  # refresh lifetime is not reset
        body["country_user_info_list"] = body.pop("country_user_info")
        return Response.json(body)

    # --- seller APIs ------------------------------------------------------------------------
    def _seller(self, p: dict[str, str]) -> Response:
        return self.ok({"name": "Kedai Contoh Lazada", "seller_id": int(self.SELLER_ID),
                        "location": "Kuala Lumpur", "email": "seller@example.my",
                        "short_code": "MY1ABCDE", "cb": False})

    def _orders_get(self, p: dict[str, str]) -> Response:
        """Orders updated and/or created in the given windows (each bound inclusive), sorted
        by ``sort_by`` (the update time unless only a created window is given)."""
        if not (p.get("update_after") or p.get("created_after")):
            return self.fail("MissingParameter", "Either created_after or update_after is "
                             "mandatory.")
        try:
            windows = {key: (datetime.fromisoformat(p[f"{name}_after"]).timestamp(),
                             datetime.fromisoformat(p[f"{name}_before"]).timestamp()
                             if p.get(f"{name}_before") else float("inf"))
                       for key, name in (("updated", "update"), ("created", "created"))
                       if p.get(f"{name}_after")}
            offset, limit = int(p.get("offset", "0")), int(p.get("limit", "100"))
        except ValueError:
            return self.fail("17", "E017: Invalid Date Format")
        if not 0 <= offset <= self.offset_max:
            return self.fail("14", "E014: Invalid Offset")
        if not 1 <= limit <= self.page_limit_max:
            return self.fail("19", "E019: Invalid Limit")

        def stamp(o: _Order, key: str) -> float:
            return o.updated if key == "updated" else datetime.strptime(
                o.order["created_at"], "%Y-%m-%d %H:%M:%S %z").timestamp()

        sort = "created" if p.get("sort_by") == "created_at" or "updated" not in windows \
            else "updated"
        rows = sorted((o for o in self.orders.values()
                       if all(lo <= stamp(o, key) <= hi for key, (lo, hi) in windows.items())),
                      key=lambda o: (stamp(o, sort), o.order["order_id"]),
                      reverse=p.get("sort_direction", "DESC").upper() == "DESC")
        status = p.get("status")
        if status and status != "all":
            rows = [o for o in rows if status in o.order["statuses"]]
        page = rows[offset:offset + limit]
        return self.ok({"count": len(page), "countTotal": len(rows),
                        "orders": [o.order for o in page]})

    def _order_get(self, p: dict[str, str]) -> Response:
        o = self.orders.get(p.get("order_id", ""))
        if o is None:
            return self.fail("16", "E016: Invalid Order ID")
        return self.ok(o.order)

    def _order_items(self, p: dict[str, str]) -> Response:
        o = self.orders.get(p.get("order_id", ""))
        if o is None:
            return self.fail("16", "E016: Invalid Order ID")
        return self.ok(o.items)

    def _orders_items(self, p: dict[str, str]) -> Response:
        text = p.get("order_ids", "").strip()
        if not (text.startswith("[") and text.endswith("]")):
            return self.fail("MissingParameter", "order_ids must be a list like [1,2].")
        ids = [s.strip() for s in text[1:-1].split(",") if s.strip()]
        if not 1 <= len(ids) <= self.items_batch_max:
            return self.fail("InvalidParameter",
                             f"order_ids must hold 1 to {self.items_batch_max} ids.")
        out = []
        for oid in ids:
            o = self.orders.get(oid)
            if o is not None:
                out.append({"order_id": o.order["order_id"],
                            "order_number": o.order["order_number"], "order_items": o.items})
        return self.ok(out)

    def _payouts(self, p: dict[str, str]) -> Response:
        """Statements created on or after ``created_after`` (``YYYY-MM-DD``), oldest first,
        their figures summed from their rows as Lazada's field guide says (item_revenue: Item
        Price Credit; other_revenue_total: Shipping Fee (Paid By Customer); refunds: Reversal
        Item Price; fees_on_refunds_total: Reversal Commission; fees_total: every other
        charge), ``payout`` "123.45 MYR", ``paid`` "1"/"0", times "2026-11-30 01:00:00"."""
        after = p.get("created_after", "")
        if not after:
            return self.fail("MissingParameter", "The input parameter “created_after” that is "
                             "mandatory for processing this request is not supplied.")
        try:
            lo = date.fromisoformat(after[:10])
        except ValueError:
            return self.fail("InvalidParameter", "created_after must be YYYY-MM-DD.")
        every = [r for o in self.orders.values() for r in o.rows] + self.shop_rows
        out = []
        for name, st in sorted(self.statements.items(), key=lambda kv: kv[1]["created"] or 0):
            created = datetime.fromtimestamp(st["created"] or 0, KL)
            if created.date() < lo:
                continue
            rows = [r for r in every if r["statement"] == name]

            def total(types: set[str] | None, rows: list[dict[str, Any]] = rows,
                      skip: frozenset[str] = frozenset({"13", "8", "14", "15"})) -> Decimal:
                return sum((Decimal(r["amount"]) for r in rows if (
                    r["fee_type"] in types if types is not None else r["fee_type"] not in
                    skip)), ZERO)

            revenue, other = total({"13"}), total({"8"})
            fees, refunds = -total(None), -total({"14"})
            closing = sum((Decimal(r["amount"]) for r in rows), ZERO)
            stamp = st["paid"] or st["created"] or 0
            out.append({
                "statement_number": name, "created_at": created.strftime("%Y-%m-%d %H:%M:%S"),
                "updated_at": datetime.fromtimestamp(stamp, KL).strftime("%Y-%m-%d %H:%M:%S"),
                "opening_balance": "0.00", "item_revenue": _s(revenue),
                "other_revenue_total": _s(other), "fees_total": _s(fees),
                "refunds": _s(refunds), "fees_on_refunds_total": _s(total({"15"})),
                "shipment_fee": _s(-total({"7"})), "shipment_fee_credit": _s(other),
                "subtotal1": _s(revenue + other - fees),
                "subtotal2": _s(revenue + other - fees - refunds),
                "closing_balance": _s(closing), "guarantee_deposit": "0.00",
                "payout": f"{_s(closing)} MYR", "paid": "1" if st["paid"] else "0"})
        return self.ok(out)

    def _finance(self, p: dict[str, str]) -> Response:
        """Rows dated (``transaction_date``) in [start_time, end_time], the newest day first
        (Lazada does not document its order; newest first keeps the connector from leaning on
        any), optionally of one order / order line / fee type, paged by offset and limit."""
        try:
            start = date.fromisoformat(p["start_time"])
            end = date.fromisoformat(p["end_time"])
            offset, limit = int(p.get("offset", "0")), int(p.get("limit", "500"))
        except (KeyError, ValueError):
            return self.fail("MissingParameter", "start_time and end_time (YYYY-MM-DD) are "
                             "mandatory.")
        if end < start or (end - start).days >= FINANCE_SPAN:
            return self.fail("1000012", "endTime - startTime must should be less than 180 "
                             "days: the time range must be less than 180 days.")
        if not 1 <= limit <= self.finance_limit_max or offset < 0:
            return self.fail("InvalidParameter",
                             f"limit must be between 1 and {self.finance_limit_max}.")
        trade, line = p.get("trade_order_id"), p.get("trade_order_line_id")
        if trade:
            o = self.orders.get(trade)
            rows = list(o.rows) if o is not None else []
        else:
            rows = [r for o in self.orders.values() for r in o.rows] + self.shop_rows
        rows.sort(key=lambda r: -_row_day(r).toordinal())  # stable: newest day first
        rows = [r for r in rows if start <= _row_day(r) <= end]
        if line:
            rows = [r for r in rows if r["orderItem_no"] == line]
        kind = p.get("trans_type", "-1")
        if kind not in ("", "-1"):
            if kind not in FEE_TYPES:
                return self.fail("1000014", "Can not find that transactionType")
            rows = [r for r in rows if r["fee_type"] == kind]
        return self.ok(rows[offset:offset + limit])
