"""WooPayments in the WooCommerce sandbox: ``GET /payments/transactions`` and
``GET /payments/deposits`` under ``/wp-json/wc/v3`` (the plugin's
``WC_REST_Payments_Transactions_Controller`` / ``..._Deposits_Controller``; shapes in
:mod:`ecdesk.sync.connectors.woopayments`), behind the sandbox's own authentication.

The setting ``woopayments`` says what the shop answers: ``none`` (the default: the plugin is
not installed, every ``/payments/...`` route answers ``rest_no_route`` 404, so every other
test sees the shop it always saw), ``active``, or ``denied`` (the key's user may not manage
WooCommerce: ``rest_forbidden`` 403, as WordPress answers a failed ``permission_callback``).

With ``active``, ``woopayments_share`` of the paid orders (processing, completed, refunded)
that a known gateway took are paid with WooPayments instead (``payment_method``
``woocommerce_payments``; the same orders each time): a ``charge`` when paid (amount = the
order's total in cents, ``fees`` = :attr:`fee_rate` of it plus :attr:`fee_fixed`, ``net`` =
amount - fees) and a ``refund`` per refund (fees 0). Rows available on one day (UTC, the
transaction's day + :attr:`deposit_delay`) go into one deposit dated that day (its arrival).
As with Stripe's payouts, the deposit is made the day before it arrives: until then it is not
listed and its rows carry no ``deposit_id``; then it is ``in_transit`` until its date has
come by the sandbox clock, then ``paid``; :meth:`release_all` makes and pays every deposit.
Filters: ``date_after``/``date_before`` (``Y-m-d H:i:s``, UTC),
``deposit_id``, ``type_is`` (transactions), ``status_is`` (deposits); ``sort=date``,
``direction`` asc/desc (desc by default), ``page`` (1-based; 0 is the first page too),
``pagesize`` (default 25).
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ecdesk.sandbox.server import Request, Response

API = "/wp-json/wc/v3"
GATEWAY = "woocommerce_payments"
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def stripe_id(prefix: str, seed: str) -> str:
    """A Stripe-like id (``po_1OJ466CBu6Jj8nBr38JRxdNE``), the same for the same seed."""
    digest = hashlib.sha256(seed.encode()).digest()
    return prefix + "1" + "".join(_ALNUM[b % len(_ALNUM)] for b in digest[:23])


def _text(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class WooPayments:
    """Mixed into :class:`~ecdesk.sandbox.woocommerce.WooCommerceSandbox` (module docstring)."""

    data: Any
    route: Any
    now: Any
    _home: Any
    _lock: Any
    fee_rate = Decimal("0.029")
    fee_fixed = Decimal("1.00")
    deposit_delay = timedelta(days=2)

    def _init_woopayments(self, mode: str, share: float) -> None:
        if mode not in ("none", "active", "denied"):
            raise ValueError("woopayments is none, active or denied")
        self.woopayments = mode
        self.released: set[str] = set()  # deposits release_all() paid
        #: gateways the seed's orders use beyond the master data's (the demo maps them)
        self.extra_payment_methods: list[str] = []
        if mode == "active":
            self.extra_payment_methods = [GATEWAY]
            for oid, order in self.data.orders.items():
                if order["status"] in ("processing", "completed", "refunded") and \
                        order["payment_method"] in ("ipay88", "bacs", "cod") and \
                        random.Random(f"woopayments-{oid}").random() < share:
                    order["payment_method"] = GATEWAY
        self.route("GET", API + r"/payments/transactions", self._wcpay_transactions)
        self.route("GET", API + r"/payments/deposits", self._wcpay_deposits)

    # --- test helpers ---------------------------------------------------------------------
    def woopayments_orders(self) -> list[dict[str, Any]]:
        """The orders paid with WooPayments (those with transactions)."""
        return [o for o in self.data.orders.values() if self._by_woopayments(o)]

    def release_all(self) -> list[str]:
        """WooPayments pays every deposit out. Answers the ids of the orders whose money
        went out."""
        with self._lock:
            rows = self._rows()
            self.released |= {r["_deposit"] for r in rows}
            return sorted({str(r["order_id"]) for r in rows})

    def net_of(self, order_id: int | str) -> Decimal:
        """What WooPayments pays for the order (the sum of its rows' net), in MYR."""
        return sum((Decimal(r["net"]) / 100 for r in self._rows()
                    if r["order_id"] == int(order_id)), Decimal(0))

    def deposit_of(self, order_id: int | str) -> dict[str, Any] | None:
        """The deposit holding the order's charge (None while not made)."""
        for r in self._rows():
            if r["order_id"] == int(order_id) and r["type"] == "charge":
                return self._deposits().get(r["deposit_id"])
        return None

    # --- data -----------------------------------------------------------------------------
    @staticmethod
    def _by_woopayments(order: dict[str, Any]) -> bool:
        return order["payment_method"] == GATEWAY and order["status"] in (
            "processing", "completed", "refunded")

    def _cents(self, amount: Decimal) -> int:
        return int((amount * 100).quantize(Decimal(1), ROUND_HALF_UP))

    def _moves(self) -> list[tuple[dict[str, Any], str, datetime, Decimal, str]]:
        """(order, type, when, amount, seed) of every WooPayments money movement."""
        out = []
        for order in self.woopayments_orders():
            out.append((order, "charge", order["paid"] or order["created"], order["total"],
                        f"charge-{order['id']}"))
            for rid in order["refund_ids"]:
                refund = self.data.refunds[rid]
                out.append((order, "refund", refund["created"], -refund["amount"],
                            f"refund-{rid}"))
        return sorted(out, key=lambda m: (m[2], m[4]))

    def _deposit_day(self, when: datetime) -> datetime:
        day = (when.astimezone(UTC) + self.deposit_delay).date()
        return datetime(day.year, day.month, day.day, tzinfo=UTC)

    def _deposit_status(self, dep_id: str, day: datetime) -> str | None:
        """None while the deposit is not made yet (module docstring)."""
        if dep_id in self.released or self.now() >= day:
            return "paid"
        return "in_transit" if self.now() >= day - timedelta(days=1) else None

    def _rows(self) -> list[dict[str, Any]]:
        rows = []
        for order, kind, when, amount, seed in self._moves():
            cents = self._cents(amount)
            fees = self._cents(order["total"] * self.fee_rate + self.fee_fixed) \
                if kind == "charge" else 0
            day = self._deposit_day(when)
            dep = stripe_id("po_", f"deposit-{day.date()}")
            status = self._deposit_status(dep, day)
            rows.append({
                "transaction_id": stripe_id("txn_", seed), "type": kind, "date": _text(when),
                "available_on": _text(day), "amount": cents, "fees": fees,
                "net": cents - fees, "currency": "myr", "customer_amount": cents,
                "customer_currency": "myr", "exchange_rate": 1,
                "charge_id": stripe_id("ch_", f"charge-{order['id']}"),
                "payment_intent_id": stripe_id("pi_", f"charge-{order['id']}"),
                "deposit_id": dep if status else None, "deposit_status": status,
                "order_id": order["id"],
                "order": {"number": order["number"], "customer_url": None,
                          "url": f"{self._home()}/wp-admin/post.php?post={order['id']}"
                                 "&action=edit"},
                "customer_name": " ".join((order["billing"]["first_name"],
                                           order["billing"]["last_name"])),
                "customer_email": order["billing"]["email"], "customer_country": "MY",
                "source": "visa", "source_identifier": "4242", "channel": "online",
                "risk_level": 0, "_day": day, "_when": when, "_deposit": dep})
        return rows

    def _deposits(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for r in self._rows():
            if not r["deposit_id"]:
                continue  # not made yet
            dep = out.setdefault(r["deposit_id"], {
                "id": r["deposit_id"], "date": int(r["_day"].timestamp() * 1000),
                "type": "deposit", "amount": 0, "status": r["deposit_status"],
                "bankAccount": "MAYBANK •••• 4321 (MYR)", "currency": "myr",
                "automatic": True, "fee": 0, "fee_percentage": 0,
                "created": int(r["_day"].timestamp()), "_day": r["_day"]})
            dep["amount"] += r["net"]
        return out

    # --- HTTP -----------------------------------------------------------------------------
    def _wcpay_refusal(self) -> Response | None:
        if self.woopayments == "none":
            return Response.json({"code": "rest_no_route", "message": "No route was found "
                                  "matching the URL and request method.",
                                  "data": {"status": 404}}, 404)
        if self.woopayments == "denied":
            return Response.json({"code": "rest_forbidden", "message": "Sorry, you are not "
                                  "allowed to do that.", "data": {"status": 403}}, 403)
        return None

    @staticmethod
    def _wcpay_window(req: Request, rows: list[dict[str, Any]], key: str
                      ) -> list[dict[str, Any]]:
        after, before = _when(req.arg("date_after")), _when(req.arg("date_before"))
        out = [r for r in rows if (after is None or r[key] >= after)
               and (before is None or r[key] <= before)]
        out.sort(key=lambda r: (r[key], r.get("transaction_id") or r["id"]),
                 reverse=(req.arg("direction") or "desc").lower() != "asc")
        return out

    @staticmethod
    def _wcpay_paged(req: Request, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        size = max(1, int(req.arg("pagesize") or 25))
        page = max(1, int(req.arg("page") or 1))
        return [{k: v for k, v in r.items() if not k.startswith("_")}
                for r in rows[(page - 1) * size:page * size]]

    def _wcpay_transactions(self, req: Request) -> Response:
        refused = self._wcpay_refusal()
        if refused is not None:
            return refused
        rows = [r for r in self._rows()
                if req.arg("deposit_id") in (None, r["deposit_id"])
                and req.arg("type_is") in (None, r["type"])]
        rows = self._wcpay_window(req, rows, "_when")
        return Response.json({"data": self._wcpay_paged(req, rows)})

    def _wcpay_deposits(self, req: Request) -> Response:
        refused = self._wcpay_refusal()
        if refused is not None:
            return refused
        rows = [d for d in self._deposits().values()
                if req.arg("status_is") in (None, d["status"])]
        rows = self._wcpay_window(req, rows, "_day")
        return Response.json({"data": self._wcpay_paged(req, rows), "total_count": len(rows)})
