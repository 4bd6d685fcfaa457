"""A loopback custom-website order feed, exactly as docs/custom-feed.md describes it.

``GET /feed/orders?updated_since=&cursor=&limit=`` with ``X-Api-Key`` (docs §2-§3): keyset
paging by ``(updated_at, id)`` so nothing is skipped while orders change, ``limit`` 1..100
(``limit_max``), a per-minute request quota answering 429 + ``Retry-After``
(``requests_per_minute``), errors as ``{"error": {"code", "message"}}``. The seeded orders
include two that break the schema (a quantity written as a word, a total with a decimal comma):
the connector must hold them, not drop them. :meth:`write_json` / :meth:`write_csv` drop the
same orders as files for the ``path`` source (docs §6).
"""

from __future__ import annotations

import base64
import csv
import json
import math
import random
import time
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ecdesk.domain import Disposition, HoldCode
from ecdesk.sandbox.seed import catalog, masterdata
from ecdesk.sandbox.server import Request, Response, SandboxServer, money
from ecdesk.sync.connectors.custom import CSV_COLUMNS

FEED_PATH = "/feed/orders"
SITE_TZ = ZoneInfo("Asia/Kuala_Lumpur")
CENT = Decimal("0.01")

EDGE_KINDS = (
    "discount", "tax_incl", "charge", "cancelled", "failed", "pending", "on_hold",
    "refunded", "partially_refunded", "missing_sku", "unknown_sku", "unknown_payment",
    "unknown_shipping", "new_customer", "bad_quantity", "bad_money",
)
_DISPOSITION = {"pending": Disposition.WAITING, "on_hold": Disposition.WAITING,
                "cancelled": Disposition.IGNORED, "failed": Disposition.IGNORED}
_HOLDS = {"missing_sku": HoldCode.MISSING_SKU, "unknown_sku": HoldCode.UNMAPPED_SKU,
          "unknown_payment": HoldCode.UNKNOWN_PAYMENT,
          "unknown_shipping": HoldCode.UNMAPPED_SHIPPING,
          "bad_quantity": HoldCode.BAD_PAYLOAD, "bad_money": HoldCode.BAD_PAYLOAD}


def r2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def tax_on(amount: Decimal, rate: Decimal, inclusive: bool) -> Decimal:
    """Per-line tax, rounded half-up (the rule the feed documents, docs §5)."""
    return r2(amount * rate / (100 + rate) if inclusive else amount * rate / 100)


def feed_error(code: str, message: str, status: int) -> Response:
    return Response.json({"error": {"code": code, "message": message}}, status)


class CustomFeedSandbox(SandboxServer):
    """The documented generic order feed on loopback."""

    name = "custom"
    platform = "custom"

    def __init__(self, clock=time.time, orders: int = 60, seed: int = 1, *,
                 limit_max: int = 100, requests_per_minute: int = 120,
                 off_by_cent: bool = False) -> None:
        super().__init__(clock)
        self.limit_max = limit_max
        self.requests_per_minute = requests_per_minute
        rng = random.Random(f"custom-keys-{seed}")
        self.api_key = "feed_" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
        self._window: tuple[float, int] = (0.0, 0)
        self.orders: dict[str, dict[str, Any]] = {}
        self.kinds: dict[str, str] = {}
        self._seed(orders, seed, off_by_cent)
        self.route("GET", FEED_PATH, self._feed)

    # --- convention -----------------------------------------------------------------------
    @property
    def url(self) -> str:
        return super().url + FEED_PATH

    def credentials(self) -> dict[str, str]:
        return {"api_key": self.api_key}

    def store_settings(self) -> dict[str, str]:
        return {}

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC).replace(microsecond=0)

    def expected(self) -> dict[str, dict[str, Any]]:
        out = {}
        for oid, order in self.orders.items():
            kind = self.kinds[oid]
            disposition = _DISPOSITION.get(order["status"], Disposition.POSTABLE)
            holds: set[str] = set()
            if disposition is Disposition.POSTABLE:
                if kind in _HOLDS:
                    holds.add(_HOLDS[kind].value)
                if order.get("_off_by_cent"):
                    holds.add(HoldCode.AMOUNT_MISMATCH.value)
            out[oid] = {"disposition": disposition.value, "holds": holds}
        return out

    # --- seeding ----------------------------------------------------------------------------
    def _seed(self, count: int, seed: int, off_by_cent: bool) -> None:
        rng = random.Random(f"custom-{seed}")
        kinds = list(EDGE_KINDS[:count]) + ["normal"] * max(0, count - len(EDGE_KINDS))
        rng.shuffle(kinds)
        now = self.now()
        ages = sorted((rng.uniform(0.05, 30.0) for _ in range(count)), reverse=True)
        broken = next((i for i, k in enumerate(kinds) if k == "normal"), None) \
            if off_by_cent else None
        for i, (kind, age) in enumerate(zip(kinds, ages, strict=True)):
            order = self._make(i, kind, now - timedelta(days=age), rng)
            if i == broken:
                order["_off_by_cent"] = True
                order["total"] = money(Decimal(order["total"]) + CENT)
            self.orders[order["id"]] = order
            self.kinds[order["id"]] = kind

    def _make(self, i: int, kind: str, created: datetime, rng: random.Random) -> dict[str, Any]:
        md = masterdata()
        rate = Decimal(rng.choice((0, 6, 8, 8)))
        incl = kind == "tax_incl" or (kind == "normal" and rng.random() < 0.4)
        status = {"cancelled": "cancelled", "failed": "failed", "pending": "pending",
                  "on_hold": "on_hold", "refunded": "refunded",
                  "partially_refunded": "partially_refunded"}.get(kind) or \
            rng.choice(("paid", "processing", "shipped", "completed"))
        discount = kind == "discount" or (kind == "normal" and rng.random() < 0.2)
        lines, taxes = [], Decimal(0)
        for n, item in enumerate(rng.sample(catalog(), rng.randint(1, 3))):
            qty = rng.randint(1, 3)
            sku, name = item["sku"], item["name"]
            if n == 0 and kind == "unknown_sku":
                sku, name = md["unknown_skus"][1], "Old promo bundle"
            if n == 0 and kind == "missing_sku":
                sku = None
            price = Decimal(item["price"])
            off = r2(price * qty * Decimal("0.15")) if discount else Decimal(0)
            tax = tax_on(price * qty - off, rate, incl)
            taxes += tax
            lines.append({"id": str(n + 1), "sku": sku, "name": name, "quantity": qty,
                          "unit_price": money(price), "discount": money(off),
                          "tax_rate": int(rate), "tax": money(tax)})
        method = md["unknown_shipping_methods"][0] if kind == "unknown_shipping" else \
            md["shipping_methods"]["custom"][0]
        # an unknown method only holds an order when it charges something (free shipping
        # needs no mapping), so that edge case always charges
        charged = rng.random() < 0.8 or kind == "unknown_shipping"
        ship_amount = Decimal("8.00") if charged else Decimal("0.00")
        ship_tax = tax_on(ship_amount, rate, incl)
        taxes += ship_tax
        charges = []
        if kind == "charge" or (kind == "normal" and rng.random() < 0.15):
            fee = Decimal("3.00")
            fee_tax = tax_on(fee, rate, incl)
            taxes += fee_tax
            charges.append({"name": "COD handling fee", "amount": money(fee),
                            "tax": money(fee_tax)})
        nets = sum((Decimal(x["unit_price"]) * x["quantity"] - Decimal(x["discount"])
                    for x in lines), Decimal(0))
        total = nets + ship_amount + sum((Decimal(c["amount"]) for c in charges), Decimal(0))
        if not incl:
            total += taxes
        payment = md["unknown_payment_methods"][0] if kind == "unknown_payment" else \
            md["payment_methods"]["custom"][0]
        cid, cname = f"C{100 + i % 9}", rng.choice(("Aisyah Tan", "Ravi Kumar", "Mei Lim"))
        if kind == "new_customer":
            cid, cname = f"C{5000 + i}", "Farah Newcomer"
        updated = min(created + timedelta(minutes=rng.randint(1, 300)), self.now())
        oid = f"W{2001 + i}"
        order: dict[str, Any] = {
            "id": oid, "number": str(2001 + i), "status": status,
            "created_at": created.astimezone(SITE_TZ).isoformat(),
            "updated_at": updated.astimezone(SITE_TZ).isoformat(),
            "currency": "MYR", "prices_include_tax": incl,
            "customer": {"id": cid, "name": cname, "email": f"{cid.lower()}@example.my",
                         "phone": "+60123456789", "address": "1 Jalan Ampang, Kuala Lumpur"},
            "payment_method": payment, "lines": lines,
            "shipping": [{"method": method, "title": "Standard delivery"
                          if method == "standard" else "Drone delivery",
                          "amount": money(ship_amount), "tax_rate": int(rate),
                          "tax": money(ship_tax)}],
            "charges": charges, "order_discount": "0.00", "tax_total": money(taxes),
            "total": money(total), "refunds": [],
        }
        if kind in ("refunded", "partially_refunded"):
            amount = total if kind == "refunded" else Decimal(lines[0]["unit_price"])
            when = min(updated + timedelta(hours=5), self.now())
            order["refunds"] = [{"id": f"{oid}-R1", "amount": money(amount),
                                 "created_at": when.astimezone(SITE_TZ).isoformat(),
                                 "reason": "Customer request",
                                 "lines": [] if kind == "refunded" else
                                 [{"line_id": "1", "quantity": 1}]}]
            order["updated_at"] = when.astimezone(SITE_TZ).isoformat()
        if kind == "bad_quantity":
            order["lines"][-1]["quantity"] = "two"  # a site that writes words
        if kind == "bad_money":
            order["total"] = order["total"].replace(".", ",")  # a decimal comma
        return order

    def add_order(self, order: dict[str, Any], kind: str = "hand") -> str:
        """Publish one order exactly as given (a website's own payload, for tests)."""
        with self._lock:
            self.orders[order["id"]] = order
            self.kinds[order["id"]] = kind
            return order["id"]

    # --- files (docs §6) --------------------------------------------------------------------
    def page(self) -> dict[str, Any]:
        """Every order in one envelope, as a dropped JSON file holds it."""
        return {"feed_version": "1", "orders": [self.public(o) for o in self.orders.values()],
                "next_cursor": None, "has_more": False}

    @staticmethod
    def public(order: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in order.items() if not k.startswith("_")}

    def write_json(self, path: Path) -> Path:
        path.write_text(json.dumps(self.page(), indent=1), "utf-8")
        return path

    def write_csv(self, path: Path) -> Path:
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for o in self.orders.values():
                ship = o["shipping"][0] if o["shipping"] else {}
                charge = o["charges"][0] if o["charges"] else {}
                refund = sum((Decimal(r["amount"]) for r in o["refunds"]), Decimal(0))
                head = {
                    "order_id": o["id"], "number": o["number"], "status": o["status"],
                    "created_at": o["created_at"], "updated_at": o["updated_at"],
                    "currency": o["currency"],
                    "prices_include_tax": str(o["prices_include_tax"]).lower(),
                    "payment_method": o["payment_method"],
                    **{f"customer_{k}": v for k, v in o["customer"].items()},
                    "shipping_method": ship.get("method", ""),
                    "shipping_title": ship.get("title", ""),
                    "shipping_amount": ship.get("amount", ""),
                    "shipping_tax_rate": ship.get("tax_rate", ""),
                    "shipping_tax": ship.get("tax", ""),
                    "charge_name": charge.get("name", ""),
                    "charge_amount": charge.get("amount", ""),
                    "charge_tax": charge.get("tax", ""),
                    "order_discount": o["order_discount"], "tax_total": o["tax_total"],
                    "total": o["total"], "refund_amount": money(refund) if refund else "",
                }
                for li in o["lines"]:
                    writer.writerow({**head, "line_id": li["id"], "sku": li["sku"] or "",
                                     "name": li["name"], "quantity": li["quantity"],
                                     "unit_price": li["unit_price"], "discount": li["discount"],
                                     "tax_rate": li["tax_rate"], "tax": li["tax"]})
        return path

    # --- HTTP -------------------------------------------------------------------------------
    def error(self, status: int, message: str) -> Response:
        return feed_error("not_found" if status == 404 else "error", message, status)

    def _quota(self) -> Response | None:
        if not self.requests_per_minute:
            return None
        now = self.clock()
        start, used = self._window
        if now - start >= 60:
            start, used = now, 0
        self._window = (start, used + 1)
        if used + 1 > self.requests_per_minute:
            resp = feed_error("rate_limited", f"More than {self.requests_per_minute} requests "
                              "a minute; retry after the Retry-After seconds.", 429)
            resp.headers["Retry-After"] = str(max(1, math.ceil(start + 60 - now)))
            return resp
        return None

    def _feed(self, req: Request) -> Response:
        key = req.headers.get("x-api-key", "")
        if not key:
            return feed_error("unauthorized", "The X-Api-Key header is missing.", 401)
        if key != self.api_key:
            return feed_error("unauthorized", "The API key is not valid.", 401)
        limited = self._quota()
        if limited is not None:
            return limited
        raw_limit = req.arg("limit", "50")
        try:
            limit = int(raw_limit or "")
        except ValueError:
            limit = 0
        if not 1 <= limit <= self.limit_max:
            return feed_error("invalid_limit",
                              f"limit must be between 1 and {self.limit_max}.", 400)
        since, after = req.arg("updated_since"), None
        cursor = req.arg("cursor")
        if cursor:
            try:
                state = json.loads(base64.urlsafe_b64decode(cursor.encode()))
                since, after = state["s"], (datetime.fromisoformat(state["u"]), state["i"])
            except (ValueError, KeyError, TypeError):
                return feed_error("invalid_cursor", "cursor is not one this feed issued.", 400)
        floor = None
        if since:
            try:
                floor = datetime.fromisoformat(since.replace("Z", "+00:00"))
            except ValueError:
                floor = None
            if floor is None or floor.tzinfo is None:
                return feed_error("invalid_updated_since", "updated_since must be an ISO 8601 "
                                  "date-time with its UTC offset.", 400)

        def key_of(o: dict[str, Any]) -> tuple[datetime, str]:
            return datetime.fromisoformat(o["updated_at"]), o["id"]

        rows = sorted((o for o in self.orders.values()
                       if floor is None or key_of(o)[0] >= floor), key=key_of)
        if after is not None:
            rows = [o for o in rows if key_of(o) > after]
        page, more = rows[:limit], len(rows) > limit
        next_cursor = None
        if more:
            last = key_of(page[-1])
            next_cursor = base64.urlsafe_b64encode(json.dumps(
                {"s": since, "u": last[0].isoformat(), "i": last[1]}).encode()).decode()
        return Response.json({"feed_version": "1", "orders": [self.public(o) for o in page],
                              "next_cursor": next_cursor, "has_more": more})
