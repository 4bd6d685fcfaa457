"""Shopee Open Platform v2 simulator (reference/shopee-lazada-contracts.md §1, §3).

Verifies every request like Shopee: ``partner_id``, ``timestamp`` (5 minutes, against the
injected clock), the HMAC-SHA256 ``sign`` byte for byte (lower-case hex; public form for
auth APIs, shop form for shop APIs), ``shop_id`` and the access token (4 h by default, the
replaced token stays valid 5 minutes after a refresh). Errors use Shopee's envelope
``{"error", "message", "request_id"}``; sign/auth errors answer HTTP 403 and rate limiting
HTTP 429 (Shopee does not document statuses; ``error_status`` forces one status for all, so
tests prove clients decide on ``error``). Limits: get_order_list ``page_size`` 1-100 and
15-day windows, get_order_detail 1-50 order_sn, ``rate_limit`` calls per second per API.

Seeded orders come from ``seed.py`` master data; escrow details follow the official
``escrow_amount`` formula, so fees + refunds + escrow add up to the order's sale value.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import random
import time
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from ecdesk.domain import CENT, ZERO, HoldCode
from ecdesk.sandbox import seed
from ecdesk.sandbox.server import Clock, Request, Response, SandboxServer
from ecdesk.sandbox.shopee_stock import ShopeeStock

KL = ZoneInfo("Asia/Kuala_Lumpur")
PREFIX = "/api/v2"
PUBLIC_APIS = frozenset({"/api/v2/auth/token/get", "/api/v2/auth/access_token/get",
                         "/api/v2/shop/auth_partner"})
POSTABLE = ("READY_TO_SHIP", "PROCESSED", "RETRY_SHIP", "SHIPPED", "TO_CONFIRM_RECEIVE",
            "COMPLETED")
# Deterministic minority of edge cases: order index % 25 -> case.
EDGES = {3: "unknown_sku", 5: "no_sku", 7: "unknown_payment", 9: "unknown_shipping",
         11: "unpaid", 13: "cancelled", 15: "in_cancel", 17: "refunded", 19: "discount",
         21: "seller_voucher", 23: "platform_voucher"}
HOLDS = {"unknown_sku": HoldCode.UNMAPPED_SKU, "no_sku": HoldCode.MISSING_SKU,
         "unknown_payment": HoldCode.UNKNOWN_PAYMENT,
         "unknown_shipping": HoldCode.UNMAPPED_SHIPPING}


def _m(value: Any) -> Decimal:
    return Decimal(value).quantize(CENT, ROUND_HALF_UP)


@dataclass
class _Token:
    shop_id: int
    expires: float


@dataclass
class _Order:
    detail: dict[str, Any]
    income: dict[str, Any]
    case: str
    broken: bool = False
    returns: list[str] = field(default_factory=list)
    released_at: int | None = None  # when Shopee released the escrow to the seller


class ShopeeSandbox(ShopeeStock, SandboxServer):
    """A Shopee shop with seeded orders, tokens and escrow."""

    name = "shopee"
    platform = "shopee"
    PARTNER_ID = 2001887
    SHOP_ID = 14701711
    PARTNER_KEY = "shpk4c6f7a5e2b9d41e08a3f6d2c7b1e9a05"

    def __init__(self, clock: Clock = time.time, orders: int = 60, seed: int = 1, *,
                 page_size_max: int = 100, detail_batch_max: int = 50,
                 window_max: int = 15 * 86400, timestamp_window: int = 300,
                 access_ttl: int = 4 * 3600, refresh_ttl: int = 30 * 86400,
                 code_ttl: int = 600, rate_limit: int | None = 1000,
                 error_status: int | None = None, broken_total: bool = False,
                 escrow_batch: bool = True, days: float = 30) -> None:
        super().__init__(clock)
        self.days = days  # orders are placed over the last ``days`` days
        self.escrow_batch = escrow_batch  # False: a shop whose region lacks the batch API
        self.page_size_max = page_size_max
        self.detail_batch_max = detail_batch_max
        self.window_max = window_max
        self.timestamp_window = timestamp_window
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.code_ttl = code_ttl
        self.rate_limit = rate_limit
        self.error_status = error_status
        self.partner_key = self.PARTNER_KEY
        self._ids = itertools.count(1)
        self._codes: dict[str, float] = {}
        self._access: dict[str, _Token] = {}
        self._refresh: dict[str, float] = {}
        self._rate: dict[tuple[str, int], int] = {}
        self.calls: dict[str, int] = {}
        self.orders: dict[str, _Order] = {}
        self._seed(orders, seed, broken_total)
        for api in ("auth/token/get", "auth/access_token/get"):
            self.route("POST", f"{PREFIX}/{api}", self._guard(self._token_api))
        self.route("GET", f"{PREFIX}/shop/auth_partner", self._auth_partner)
        self.route("GET", f"{PREFIX}/shop/get_shop_info", self._guard(self._shop_info))
        self.route("GET", f"{PREFIX}/order/get_order_list", self._guard(self._order_list))
        self.route("GET", f"{PREFIX}/order/get_order_detail", self._guard(self._order_detail))
        self.route("GET", f"{PREFIX}/payment/get_escrow_detail", self._guard(self._escrow))
        self.route("GET", f"{PREFIX}/payment/get_escrow_list", self._guard(self._escrow_list))
        for method in ("POST", "GET"):  # the schema says POST; one SDK sends GET (verify)
            self.route(method, f"{PREFIX}/payment/get_escrow_detail_batch",
                       self._guard(self._escrow_batch))
        self._init_stock()

    # --- convention -------------------------------------------------------------------------
    def credentials(self) -> dict[str, str]:
        return {"partner_key": self.partner_key}

    def store_settings(self) -> dict[str, str]:
        return {"partner_id": str(self.PARTNER_ID), "shop_id": str(self.SHOP_ID)}

    def auth_code(self) -> str:
        """A fresh one-time authorisation code, valid ``code_ttl`` seconds."""
        code = f"code{next(self._ids):06d}{random.Random(len(self._codes)).getrandbits(32):08x}"
        self._codes[code] = self.clock() + self.code_ttl
        return code

    def expected(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for sn, o in self.orders.items():
            status = o.detail["order_status"]
            if status in ("UNPAID",):
                disp, holds = "waiting", set()
            elif status in ("CANCELLED", "IN_CANCEL"):
                disp, holds = "ignored", set()
            else:
                disp = "postable"
                holds = {HOLDS[o.case].value} if o.case in HOLDS else set()
                if o.broken:
                    holds.add(HoldCode.AMOUNT_MISMATCH.value)
            out[sn] = {"disposition": disp, "holds": holds}
        return out

    def settlement(self, order_sn: str) -> Decimal:
        """The seeded escrow amount of one order (what Shopee pays out)."""
        return self.orders[order_sn].income["escrow_amount"]

    def charge_more(self, order_sn: str, fee: str, amount: Decimal) -> None:
        """Shopee charges ``amount`` more of ``fee`` on the order after the fact (the escrow
        released with other figures): the escrow drops by it and the order is updated."""
        o = self.orders[order_sn]
        o.income[fee] = Decimal(o.income.get(fee) or 0) + amount
        for key in ("escrow_amount", "escrow_amount_after_adjustment"):
            o.income[key] -= amount
        o.detail["update_time"] = int(self.clock())

    def release_all(self) -> list[str]:
        """Shopee releases the escrow of every paid order that is not cancelled: each becomes
        COMPLETED (a return finished too) and is updated a second ago (a sync started now sees
        it: the APIs take whole seconds). Answers their order_sn."""
        released = []
        for sn, o in self.orders.items():
            d = o.detail
            if d["order_status"] in (*POSTABLE, "TO_RETURN") and d["order_status"] != "COMPLETED":
                d["order_status"] = "COMPLETED"
                if d.get("actual_shipping_fee") is None:
                    d["actual_shipping_fee"] = d["estimated_shipping_fee"]
                d["update_time"] = o.released_at = int(self.clock()) - 1
                released.append(sn)
        return released

    def expire_access_tokens(self) -> None:
        """Make every issued access token expire now (tests of the refresh path)."""
        for tok in self._access.values():
            tok.expires = min(tok.expires, self.clock() - 1)

    # --- seed -------------------------------------------------------------------------------
    def _seed(self, count: int, seed_no: int, broken_total: bool) -> None:
        rng = random.Random(seed_no)
        md = seed.masterdata()
        catalog = md["catalog"]
        carriers = md["shipping_methods"]["shopee"]
        payments = md["payment_methods"]["shopee"]
        now = self.clock()
        broken_done = not broken_total
        for i in range(count):
            case = EDGES.get(i % 25, "normal")
            created = now - rng.uniform(3600, self.days * 86400)
            updated = min(now - 60, created + rng.uniform(60, 3 * 86400))
            chars = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
            sn = datetime.fromtimestamp(created, KL).strftime("%y%m%d") + chars
            if case == "unpaid":
                status = "UNPAID"
            elif case == "cancelled":
                status = "CANCELLED"
            elif case == "in_cancel":
                status = "IN_CANCEL"
            elif case == "refunded":
                status = "TO_RETURN"
            else:
                status = rng.choice(POSTABLE)
            items = []
            for n, product in enumerate(rng.sample(catalog, rng.randint(1, 3))):
                qty = rng.randint(1, 3)
                price = Decimal(product["price"])
                off = ZERO
                if case == "discount" or (case == "normal" and rng.random() < 0.2):
                    off = _m(price * Decimal(rng.choice((5, 10, 15))) / 100)
                sku = product["sku"]
                if n == 0 and case == "unknown_sku":
                    sku = md["unknown_skus"][i % len(md["unknown_skus"])]
                if n == 0 and case == "no_sku":
                    sku = ""
                items.append({
                    "item_id": 800000 + catalog.index(product), "item_name": product["name"],
                    "item_sku": "", "model_id": 0 if n else 1, "model_name": "",
                    "model_sku": sku, "model_quantity_purchased": qty,
                    "model_original_price": price, "model_discounted_price": price - off,
                    "order_item_id": 900000 + i * 10 + n, "wholesale": False,
                    "weight": Decimal("0.3"), "add_on_deal": False, "main_item": False,
                    "promotion_type": "product_promotion" if off else "",
                    "promotion_id": 0,
                })
            carrier = rng.choice(carriers)
            if case == "unknown_shipping":
                carrier = md["unknown_shipping_methods"][0]
            payment = rng.choice(payments)
            if case == "unknown_payment":
                payment = md["unknown_payment_methods"][0]
            goods = sum((it["model_discounted_price"] * it["model_quantity_purchased"]
                         for it in items), ZERO)
            original = sum((it["model_original_price"] * it["model_quantity_purchased"]
                            for it in items), ZERO)
            ship_paid = Decimal(rng.choice(("0.00", "4.90", "6.50", "8.00")))
            if case == "unknown_shipping" and not ship_paid:
                ship_paid = Decimal("4.90")
            actual = ship_paid + Decimal(rng.choice(("1.50", "2.00", "3.10")))
            rebate = Decimal("2.00") if not ship_paid else ZERO
            v_seller = Decimal("5.00") if case == "seller_voucher" else ZERO
            v_shopee = Decimal("3.00") if case == "platform_voucher" else ZERO
            coins = Decimal("0.50") if case == "platform_voucher" else ZERO
            buyer_total = goods + ship_paid - v_seller - v_shopee - coins
            commission = _m(goods * Decimal("0.0540"))
            service = _m(goods * Decimal("0.0300"))
            txn = _m((buyer_total + v_shopee + coins) * Decimal("0.0212"))
            refund = _m(goods / 2) if case == "refunded" else ZERO
            escrow = (goods - v_seller + ship_paid - actual + rebate - txn - service
                      - commission - refund)
            paid = status not in ("UNPAID", "CANCELLED")
            pay_time = int(created + 120) if paid else None
            detail: dict[str, Any] = {
                "order_sn": sn, "region": "MY", "currency": "MYR", "cod":
                payment == "Cash on Delivery", "order_status": status,
                "message_to_seller": "", "create_time": int(created),
                "update_time": int(updated), "days_to_ship": 3,
                "ship_by_date": int(created + 3 * 86400), "booking_sn": "",
                "buyer_user_id": 5000 + i, "buyer_username": f"buyer{i:04d}",
                "recipient_address": {
                    "name": f"Pembeli {i}", "phone": f"60123{i:06d}", "town": "",
                    "district": "", "city": "Kuala Lumpur", "state": "Wilayah Persekutuan",
                    "region": "MY", "zipcode": "50450",
                    "full_address": f"{i} Jalan Contoh, 50450 Kuala Lumpur"},
                "item_list": items, "pay_time": pay_time, "payment_method": payment,
                "shipping_carrier": carrier, "estimated_shipping_fee": actual,
                "actual_shipping_fee": actual if status in ("SHIPPED", "COMPLETED",
                                                            "TO_CONFIRM_RECEIVE") else None,
                "cancel_by": "buyer" if status in ("CANCELLED", "IN_CANCEL") else "",
                "cancel_reason": "Change of mind" if status in ("CANCELLED", "IN_CANCEL")
                else "", "note": "", "package_list": [],
            }
            broken = False
            if paid:
                detail["total_amount"] = buyer_total
                if not broken_done and case == "normal" and status in POSTABLE:
                    detail["total_amount"] = buyer_total + CENT
                    broken = broken_done = True
            income = {
                "escrow_amount": escrow, "buyer_total_amount": buyer_total,
                "order_original_price": original, "original_price": original,
                "order_discounted_price": goods, "order_selling_price": goods,
                "order_seller_discount": original - goods, "seller_discount": original - goods,
                "original_cost_of_goods_sold": goods, "cost_of_goods_sold": goods,
                "shopee_discount": ZERO, "original_shopee_discount": ZERO,
                "voucher_from_seller": v_seller, "voucher_from_shopee": v_shopee,
                "coins": coins, "seller_coin_cash_back": ZERO, "payment_promotion": ZERO,
                "credit_card_promotion": ZERO, "buyer_paid_shipping_fee": ship_paid,
                "actual_shipping_fee": actual, "estimated_shipping_fee": actual,
                "final_shipping_fee": -(actual - ship_paid - rebate),
                "shopee_shipping_rebate": rebate, "shipping_fee_discount_from_3pl": ZERO,
                "seller_shipping_discount": ZERO, "shipping_fee_sst": ZERO,
                "reverse_shipping_fee": ZERO, "reverse_shipping_fee_sst": ZERO,
                "final_return_to_seller_shipping_fee": ZERO, "commission_fee": commission,
                "service_fee": service, "seller_transaction_fee": txn,
                "buyer_transaction_fee": ZERO, "credit_card_transaction_fee": txn,
                "campaign_fee": ZERO, "order_ams_commission_fee": ZERO,
                "seller_order_processing_fee": ZERO,
                "ads_escrow_top_up_fee_or_technical_support_fee": ZERO,
                "drc_adjustable_refund": -refund, "seller_return_refund": -refund,
                "order_adjustment": [], "total_adjustment_amount": ZERO,
                "escrow_amount_after_adjustment": escrow, "buyer_payment_method": payment,
                "items": [{"item_id": it["item_id"], "item_name": it["item_name"],
                           "item_sku": it["item_sku"], "model_id": it["model_id"],
                           "model_sku": it["model_sku"],
                           "original_price": it["model_original_price"]
                           * it["model_quantity_purchased"],
                           "discounted_price": it["model_discounted_price"]
                           * it["model_quantity_purchased"],
                           "quantity_purchased": it["model_quantity_purchased"]}
                          for it in items],
            }
            self.orders[sn] = _Order(detail, income, case, broken,
                                     [f"R{sn}"] if refund else [],
                                     int(updated) if status == "COMPLETED" else None)

    # --- envelope ---------------------------------------------------------------------------
    def _request_id(self) -> str:
        return f"{next(self._ids):032x}"

    def fail(self, error: str, message: str, status: int = 200,
             headers: dict[str, str] | None = None) -> Response:
        body = {"request_id": self._request_id(), "error": error, "message": message}
        return Response.json(body, self.error_status or status, headers)

    def error(self, status: int, message: str) -> Response:
        return self.fail("error_not_found" if status == 404 else "error_server", message,
                         status)

    def ok(self, response: Any) -> Response:
        return Response.json({"request_id": self._request_id(), "error": "", "message": "",
                              "response": response})

    def _guard(self, handler: Any) -> Any:
        """Common-parameter, signature, token and rate-limit checks before a handler."""
        def guarded(req: Request) -> Response:
            self.calls[req.path] = self.calls.get(req.path, 0) + 1
            denied = self._verify(req)
            return denied if denied is not None else handler(req)
        return guarded

    def _verify(self, req: Request) -> Response | None:
        pid, ts, got = req.arg("partner_id"), req.arg("timestamp"), req.arg("sign")
        if not pid:
            return self.fail("error_param", "There is no partner_id in query.")
        if not ts:
            return self.fail("error_param", "There is no timestamp in query.")
        if not got:
            return self.fail("error_param", "There is no sign in query.")
        if pid != str(self.PARTNER_ID):
            return self.fail("error_auth", "Invalid partner_id.", 403)
        try:
            age = self.clock() - int(ts)
        except ValueError:
            return self.fail("error_param", "Invalid timestamp.")
        if age > self.timestamp_window:
            return self.fail("error_param", "Timestamp is expired.")
        if age < -self.timestamp_window:
            return self.fail("error_param", "Invalid timestamp.")
        base = pid + req.path + ts
        shop = req.path not in PUBLIC_APIS
        token = shop_id = ""
        if shop:
            token, shop_id = req.arg("access_token") or "", req.arg("shop_id") or ""
            if not token:
                return self.fail("error_param", "There is no access_token in query.")
            if not shop_id:
                return self.fail("error_param", "There is no shop_id in query.")
            base += token + shop_id
        want = hmac.new(self.partner_key.encode(), base.encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(want.encode(), got.encode()):
            return self.fail("error_sign", "Wrong sign.", 403)
        if shop:
            tok = self._access.get(token)
            if tok is None or str(tok.shop_id) != shop_id or tok.expires <= self.clock():
                return self.fail("invalid_acceess_token", "Invalid access_token.", 403)
        if self.rate_limit is not None:
            key = (req.path, int(self.clock()))
            self._rate[key] = self._rate.get(key, 0) + 1
            if self._rate[key] > self.rate_limit:
                return self.fail("error_rate_limit",
                                 "Too many requests, please try again later.", 429)
        return None

    # --- auth -------------------------------------------------------------------------------
    def _auth_partner(self, req: Request) -> Response:
        denied = self._verify(req)
        if denied is not None:
            return denied
        redirect = req.arg("redirect") or ""
        sep = "&" if "?" in redirect else "?"
        location = f"{redirect}{sep}code={quote(self.auth_code())}&shop_id={self.SHOP_ID}"
        return Response(302, b"", {"Location": location})

    def _issue(self) -> dict[str, Any]:
        now = self.clock()
        access = f"acc{next(self._ids):08d}{random.Random(now).getrandbits(64):016x}"
        refresh = f"ref{next(self._ids):08d}{random.Random(-now).getrandbits(64):016x}"
        self._access[access] = _Token(self.SHOP_ID, now + self.access_ttl)
        self._refresh[refresh] = now + self.refresh_ttl
        return {"request_id": self._request_id(), "error": "", "message": "",
                "access_token": access, "refresh_token": refresh,
                "expire_in": self.access_ttl, "partner_id": self.PARTNER_ID,
                "shop_id": self.SHOP_ID}

    def _token_api(self, req: Request) -> Response:
        try:
            body = req.json() or {}
        except ValueError:
            return self.fail("error_param", "Invalid request body.")
        if str(body.get("partner_id")) != str(self.PARTNER_ID):
            return self.fail("error_param", "partner_id in body does not match the query.")
        if str(body.get("shop_id")) != str(self.SHOP_ID):
            return self.fail("error_auth", "The shop is not authorised to this partner.", 403)
        now = self.clock()
        if req.path.endswith("/auth/token/get"):
            expires = self._codes.pop(str(body.get("code")), None)
            if expires is None or expires <= now:
                return self.fail("invalid_code", "Invalid code.", 403)
            return Response.json(self._issue())
        refresh = str(body.get("refresh_token"))
        expires = self._refresh.pop(refresh, None)  # single use
        if expires is None:
            return self.fail("error_param", "Invalid refresh_token.", 403)
        if expires <= now:
            return self.fail("refresh_token_expired", "Refresh token expired.", 403)
        # the replaced access tokens stay valid 5 more minutes
        for tok in self._access.values():
            tok.expires = min(tok.expires, now + 300)
        return Response.json(self._issue())

    # --- shop APIs --------------------------------------------------------------------------
    def _shop_info(self, req: Request) -> Response:
        return Response.json({"request_id": self._request_id(), "error": "", "message": "",
                              "shop_name": "Kedai Contoh Shopee", "region": "MY",
                              "status": "NORMAL", "is_cb": False})

    def _int(self, req: Request, name: str) -> int | None:
        try:
            return int(req.arg(name) or "")
        except ValueError:
            return None

    def _order_list(self, req: Request) -> Response:
        field_ = req.arg("time_range_field")
        if field_ not in ("create_time", "update_time"):
            return self.fail("error_param", "time_range_field is invalid.")
        t_from, t_to = self._int(req, "time_from"), self._int(req, "time_to")
        size = self._int(req, "page_size")
        if t_from is None or t_to is None:
            return self.fail("error_param", "time_from and time_to are required.")
        if t_from > t_to or t_to - t_from > self.window_max:
            return self.fail("order.order_list_invalid_time",
                             "Start time must be earlier than end time and diff in 15days.")
        if size is None or not 1 <= size <= self.page_size_max:
            return self.fail("error_param",
                             f"page_size should be between 1 and {self.page_size_max}.")
        cursor = req.arg("cursor") or ""
        if cursor and not cursor.isdigit():
            return self.fail("error_param", "cursor is invalid.")
        start = int(cursor or 0)
        status = req.arg("order_status")
        rows = sorted(
            (o.detail for o in self.orders.values()
             if t_from <= o.detail[field_] <= t_to
             and (not status or o.detail["order_status"] == status)),
            key=lambda d: (d[field_], d["order_sn"]))
        page = rows[start:start + size]
        more = start + size < len(rows)
        with_status = "order_status" in (req.arg("response_optional_fields") or "")
        return self.ok({
            "more": more, "next_cursor": str(start + size) if more else "",
            "order_list": [{"order_sn": d["order_sn"], **(
                {"order_status": d["order_status"]} if with_status else {})} for d in page]})

    def _order_detail(self, req: Request) -> Response:
        sns = [s for s in (req.arg("order_sn_list") or "").split(",") if s]
        if not 1 <= len(sns) <= self.detail_batch_max:
            return self.fail("error_param",
                             f"order_sn_list should have 1 to {self.detail_batch_max} items.")
        optional = set((req.arg("response_optional_fields") or "").split(","))
        always = {"order_sn", "region", "currency", "cod", "order_status",
                  "message_to_seller", "create_time", "update_time", "days_to_ship",
                  "ship_by_date", "booking_sn"}
        out = []
        for sn in sns:
            o = self.orders.get(sn)
            if o is not None:
                out.append({k: v for k, v in o.detail.items() if k in always or k in optional})
        return self.ok({"order_list": out})

    def _escrow_list(self, req: Request) -> Response:
        """``payment/get_escrow_list``: escrows released in [release_time_from,
        release_time_to] (at most 15 days, verify), oldest first, ``page_no`` from 1."""
        t_from, t_to = self._int(req, "release_time_from"), self._int(req, "release_time_to")
        size, page_no = self._int(req, "page_size") or 40, self._int(req, "page_no") or 1
        if t_from is None or t_to is None:
            return self.fail("error_param", "release_time_from and release_time_to are required.")
        if t_from > t_to or t_to - t_from > self.window_max:
            return self.fail("error_param", "release_time_from must be earlier than "
                             "release_time_to and the range within 15 days.")
        if not 1 <= size <= self.page_size_max or page_no < 1:
            return self.fail("error_param",
                             f"page_size should be between 1 and {self.page_size_max}.")
        rows = sorted(((o.released_at, sn, o.income["escrow_amount"])
                       for sn, o in self.orders.items()
                       if o.released_at is not None and t_from <= o.released_at <= t_to))
        start = (page_no - 1) * size
        return self.ok({"more": start + size < len(rows), "escrow_list": [
            {"order_sn": sn, "payout_amount": amount, "escrow_release_time": at}
            for at, sn, amount in rows[start:start + size]]})

    def _escrow(self, req: Request) -> Response:
        o = self.orders.get(req.arg("order_sn") or "")
        if o is None:
            return self.fail("error_param", "order_sn is invalid.")
        return self.ok(self._escrow_detail(o))

    def _escrow_batch(self, req: Request) -> Response:
        """``payment/get_escrow_detail_batch``: ``order_sn_list`` (JSON body; a GET's query,
        comma-separated) of 1 to 50; ``response`` is a list of ``{escrow_detail}``, orders it
        does not know left out (verify)."""
        if not self.escrow_batch:
            return self.fail("error_param", "request not from gateway")
        try:
            sns = (req.json() or {}).get("order_sn_list") if req.body else \
                (req.arg("order_sn_list") or "").split(",")
        except (ValueError, AttributeError):
            return self.fail("error_param", "The request body is not a valid json format")
        if not isinstance(sns, list) or not all(isinstance(sn, str) and sn for sn in sns) \
                or not sns:
            return self.fail("error_param", "order_sn_list is required, format should be "
                             "string[]")
        if len(sns) > 50:
            return self.fail("exceed_max_limit",
                             "Your request exceeds the max limit of 50 orders.")
        return self.ok([{"escrow_detail": self._escrow_detail(self.orders[sn])}
                        for sn in sns if sn in self.orders])

    def _escrow_detail(self, o: _Order) -> dict[str, Any]:
        return {"order_sn": o.detail["order_sn"],
                "buyer_user_name": o.detail["buyer_username"],
                "return_order_sn_list": o.returns, "order_income": o.income,
                "buyer_payment_info": {
                    "buyer_payment_method": o.detail["payment_method"],
                    "buyer_total_amount": o.income["buyer_total_amount"]}}

