"""Shopify Payments in the Shopify sandbox: ``shopifyPaymentsAccount { balanceTransactions
payouts }`` (Admin GraphQL 2026-10; names in :mod:`ecdesk.sandbox.shopify_schema`).

Which orders are Shopify Payments: those the seed paid through the ``shopify_payments``
gateway (paid, partly or wholly refunded; a test order's transactions are ``test``), or,
with the setting ``payments_share``, that share of the orders paid by a known gateway (the
rest ``manual``). Each has
a CHARGE (amount the order's total, ``fee`` = :attr:`fee_rate` of it plus :attr:`fee_fixed`,
net = amount - fee) and a REFUND per refund (fee 0). Transactions of one day (UTC) go into one
payout issued at the next midnight; a payout is ``SCHEDULED`` until :meth:`release_all` (or,
with ``payout_days``, that many days after it was issued by the sandbox clock), then ``PAID``.

The sandbox setting ``payments`` says what the shop answers: ``active`` (the account above),
``none`` (``shopifyPaymentsAccount: null``: a shop without Shopify Payments, the default, so
every other test sees the shop it always saw) or ``denied`` (``ACCESS_DENIED``: the app lacks
``read_shopify_payments_payouts``).

Search (``query``): ``processed_at``, ``payout_date`` (balance transactions) and
``issued_at`` (payouts) with ``>=``/``<=``/``>``/``<``, terms joined by spaces or ``AND``,
clauses by ``OR`` (shopify.dev/docs/api/usage/search-syntax); ``hideTransfers`` accepted
(no transfer rows are made).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from graphql import GraphQLError

PAYOUT_BASE = 623_000_000
TXN_BASE = 8_800_000_000
_TERM = re.compile(r"""(?P<field>\w+):(?P<op><=|>=|<|>)?(?P<value>'[^']*'|"[^"]*"|\S+)""")


@dataclass
class SeedPayout:
    id: int
    issued_at: datetime
    paid: bool = False
    txns: list[dict[str, Any]] = field(default_factory=list)


def _gid(kind: str, id_: int) -> str:
    return f"gid://shopify/{kind}/{id_}"


def _time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(value: str) -> datetime:
    text = value.strip("'\"")
    if len(text) == 10:
        text += "T00:00:00Z"
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def matches(values: dict[str, datetime], query: str | None) -> bool:
    """True when one ``OR`` clause of ``query`` holds for ``values`` (field -> time); a
    term on a field the row has no value for does not hold."""
    if not query or not query.strip():
        return True
    for clause in re.split(r"\s+OR\s+", query.strip()):
        ok = True
        for m in _TERM.finditer(clause):
            have = values.get(m["field"])
            want = _parse(m["value"])
            op = m["op"] or ">="
            if have is None or not {">=": have >= want, "<=": have <= want,
                                    ">": have > want, "<": have < want}[op]:
                ok = False
                break
        if ok:
            return True
    return False


class ShopifyPayments:
    """Mixed into :class:`~ecdesk.sandbox.shopify.ShopifySandbox` (module docstring)."""

    clock: Callable[[], float]
    orders: list[Any]
    fee_rate = Decimal("0.029")
    fee_fixed = Decimal("1.00")

    def _init_payments(self, payments: str, payout_days: int | None,
                       share: float | None = None) -> None:
        if payments not in ("active", "none", "denied"):
            raise ValueError("payments is active, none or denied")
        self.payments = payments
        if share is not None:  # this share of the orders paid by a known gateway: Shopify
            for o in self.orders:  # Payments; the rest manual (the same orders each time)
                if o.kind not in ("pending", "authorized") and o.gateways in (
                        ["shopify_payments"], ["manual"]):
                    roll = random.Random(f"shopify-payments-{o.id}").random()
                    o.gateways = ["shopify_payments" if roll < share else "manual"]
        self.payout_days = payout_days
        self.payouts: dict[int, SeedPayout] = {}
        self._payments_built = False

    def payments_root(self) -> dict[str, Any]:
        return {"shopifyPaymentsAccount": self._payments_account}

    # --- test helpers ---------------------------------------------------------------------
    def release_all(self) -> list[str]:
        """Shopify pays out every payout: each becomes PAID. Answers the ids (REST) of the
        orders whose money went out."""
        self._build_payments()
        orders: list[str] = []
        for payout in self.payouts.values():
            payout.paid = True
            orders += [t["_order"] for t in payout.txns]
        return sorted(set(orders))

    def payments_orders(self) -> list[Any]:
        """The seed orders paid through Shopify Payments (those with transactions)."""
        return [o for o in self.orders if self._is_payments(o)]

    def payout_of(self, order_id: int | str) -> SeedPayout | None:
        """The payout holding the order's charge."""
        self._build_payments()
        for payout in self.payouts.values():
            if any(t["_order"] == str(order_id) and t["type"] == "CHARGE" for t in payout.txns):
                return payout
        return None

    # --- data -----------------------------------------------------------------------------
    @staticmethod
    def _is_payments(o: Any) -> bool:
        return "shopify_payments" in o.gateways and o.financial_status in (
            "paid", "partially_refunded", "refunded")

    def _build_payments(self) -> None:
        if self._payments_built:
            return
        self._payments_built = True
        seq = 0
        for o in sorted(self.orders, key=lambda o: (o.created_at, o.id)):
            if not self._is_payments(o):
                continue
            fee = (o.total * self.fee_rate + self.fee_fixed).quantize(Decimal("0.01"),
                                                                       ROUND_HALF_UP)
            moves = [("CHARGE", o.created_at, o.total, fee)]
            moves += [("REFUND", r.created_at, -r.amount, Decimal("0")) for r in o.refunds]
            for kind, when, amount, fee_ in moves:
                seq += 1
                day = when.astimezone(UTC).date()
                issued = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
                pid = PAYOUT_BASE + (day - datetime(2020, 1, 1).date()).days
                payout = self.payouts.setdefault(pid, SeedPayout(pid, issued))
                payout.txns.append({"id": TXN_BASE + seq, "type": kind, "test": o.test,
                                    "when": when, "amount": amount, "fee": fee_,
                                    "_order": str(o.id), "_name": o.name,
                                    "currency": o.currency})

    def _paid(self, payout: SeedPayout) -> bool:
        if payout.paid:
            return True
        if self.payout_days is None:
            return False
        due = payout.issued_at + timedelta(days=self.payout_days)
        return datetime.fromtimestamp(self.clock(), UTC) >= due

    def _payments_account(self, info: Any) -> dict[str, Any] | None:
        if self.payments == "none":
            return None
        if self.payments == "denied":
            raise GraphQLError(
                "Access denied for shopifyPaymentsAccount field. Required access: "
                "`read_shopify_payments_payouts` access scope.",
                extensions={"code": "ACCESS_DENIED",
                            "documentation": "https://shopify.dev/api/usage/access-scopes"})
        self._build_payments()
        return {"id": _gid("ShopifyPaymentsAccount", 1), "activated": True,
                "defaultCurrency": "MYR",
                "balanceTransactions": self._balance_transactions,
                "payouts": self._payouts}

    def _balance_transactions(self, info: Any, **args: Any) -> dict[str, Any]:
        from ecdesk.sandbox.shopify import paginate

        rows = []
        for payout in self.payouts.values():
            for t in payout.txns:
                values = {"processed_at": t["when"], "payout_date": payout.issued_at}
                if matches(values, args.get("query")):
                    rows.append((t, payout))
        rows.sort(key=lambda r: (r[0]["when"], r[0]["id"]), reverse=bool(args.get("reverse")))
        return paginate(rows, lambda r: _time(r[0]["when"]), lambda r: r[0]["id"], args,
                        self._txn_node)

    def _txn_node(self, row: tuple[dict[str, Any], SeedPayout]) -> dict[str, Any]:
        t, payout = row
        cur = t["currency"]
        return {"id": _gid("ShopifyPaymentsBalanceTransaction", t["id"]), "type": t["type"],
                "test": t["test"], "transactionDate": _time(t["when"]),
                "amount": {"amount": str(t["amount"]), "currencyCode": cur},
                "fee": {"amount": str(t["fee"]), "currencyCode": cur},
                "net": {"amount": str(t["amount"] - t["fee"]), "currencyCode": cur},
                "associatedOrder": {"id": _gid("Order", int(t["_order"])), "name": t["_name"]},
                "associatedPayout": {"id": _gid("ShopifyPaymentsPayout", payout.id),
                                     "status": "PAID" if self._paid(payout) else "SCHEDULED"},
                "sourceType": "CHARGE" if t["type"] == "CHARGE" else "REFUND",
                "adjustmentReason": None}

    def _payouts(self, info: Any, **args: Any) -> dict[str, Any]:
        from ecdesk.sandbox.shopify import paginate

        rows = [p for p in self.payouts.values()
                if matches({"issued_at": p.issued_at}, args.get("query"))]
        rows.sort(key=lambda p: (p.issued_at, p.id), reverse=bool(args.get("reverse")))
        return paginate(rows, lambda p: _time(p.issued_at), lambda p: p.id, args,
                        self._payout_node)

    def _payout_node(self, p: SeedPayout) -> dict[str, Any]:
        net = sum((t["amount"] - t["fee"] for t in p.txns), Decimal("0"))
        return {"id": _gid("ShopifyPaymentsPayout", p.id), "legacyResourceId": str(p.id),
                "issuedAt": _time(p.issued_at),
                "status": "PAID" if self._paid(p) else "SCHEDULED",
                "net": {"amount": str(net), "currencyCode": "MYR"}}
