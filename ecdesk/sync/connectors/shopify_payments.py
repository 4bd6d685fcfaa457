"""Shopify Payments payouts: each order's balance transactions -> its settlement.

For an order paid through Shopify Payments, Shopify records every movement of its money in
the shop's balance transactions (Admin GraphQL 2026-10, ``QueryRoot.shopifyPaymentsAccount``,
``ShopifyPaymentsAccount.balanceTransactions``, object ``ShopifyPaymentsBalanceTransaction``):
``type`` (CHARGE, REFUND, ADJUSTMENT...), ``amount``, ``fee``, ``net`` (= amount - fee, what
the shop's balance gets), ``transactionDate``, ``associatedOrder { id }`` and
``associatedPayout { id status }``, the payout (``ShopifyPaymentsPayout``: ``issuedAt``,
``status``) that pays it out; status ``PAID`` = deposited in the bank.

**Reading (once per fetch).** Shopify has no cheap per-order filter, so a fetch reads the
shop's balance transactions once, paged by cursor (:data:`BALANCE_PAGE` a page, priced like
every Shopify call through the cost bucket), with the documented search keys
``processed_at`` and ``payout_date`` (``hideTransfers: true``: the payouts' own transfer
rows are not an order's money): the transactions processed since the fetch's start (new
charges, refunds, adjustments) **or** in a payout dated :data:`PAYOUT_SLACK` before it (a
payout that turned ``PAID`` since the last fetch: no order changes when its payout is paid,
so this is how ecdesk learns an order's money was released). A first sync reads the last
:data:`FIRST_SYNC_DAYS` days. The ``PAID`` payouts met are then dated in one read of
``payouts(query: "issued_at:>=…")``. The read comes after the orders (a shop's orders are
fetched exactly as before, and an error there fails the sync before any payout call). The
transactions, grouped by order, go to ingest as :meth:`Balance.late` updates, merged into
each stored order (``payload["balanceTransactions"]``; :func:`carry_over`: the union by
transaction id, so an order keeps what earlier fetches saw, also when it comes again).

**No Shopify Payments.** A shop without it answers ``shopifyPaymentsAccount: null``; an app
without the ``read_shopify_payments_payouts`` scope (payouts and balance transactions; the
account object itself names ``read_shopify_payments_accounts``) gets ``ACCESS_DENIED``; an API
version without the fields a validation error. None of them holds or fails an order: the fetch goes
on without payout figures (the orders are exactly as before) and the log says so once.

**Settlement (pure, :func:`settlement_of`).** Per order: stated payout = the sum of ``net``;
fees = the charges' and refunds' ``fee`` (``FeeKind.TRANSACTION``, "Shopify Payments fee",
mapped by ``fee_account_transaction``) plus every other transaction's net as a charge
(``OTHER``: adjustments, disputes), so ``total - fees - refunded == settlement`` holds when
Shopify Payments took the whole order. Released when every transaction's payout is ``PAID``;
``payout_ref`` = the payout of the order's latest charge (its REST id, short: DocNo
``<prefix>P<id>``, docs/decisions.md §9), ``payout_date`` = that payout's ``issuedAt`` day in
the store's zone. An order with no charge seen, in another currency, in test mode (test
transactions are never paid out), or whose charges are not its whole total (split tender: a
gift card paid part) has no settlement.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ecdesk.domain import ZERO
from ecdesk.errors import ApiError, AuthError, RateLimited, Unavailable
from ecdesk.sync.connectors.gateway_rows import Settlement, gateway_fees, keep_seen, say_once

if TYPE_CHECKING:
    from ecdesk.sync.connectors.shopify import ShopifyConnector

log = logging.getLogger(__name__)

#: transactions a page: a node costs 6 points (itself and 5 objects), so 100 ask ~603
BALANCE_PAGE = 100
PAYOUTS_PAGE = 50
#: how far before the fetch's start a payout's date may lie and it still be read: a payout
#: is dated the day it is sent and marked PAID on arrival (verify the lag on a live shop)
PAYOUT_SLACK = timedelta(days=3)
#: a first sync reads this far back (older orders carry no payout figures and post as
#: before): a page of 100 costs ~603 points, so a shop of 100 Shopify Payments orders a day
#: reads its 30 days in ~30 calls (~3 minutes of a Standard plan's 100 points/s)
FIRST_SYNC_DAYS = timedelta(days=30)
KEY = "balanceTransactions"  # where an order's transactions live in its stored payload
FEE_TEXT = "Shopify Payments fee"
OTHER_TEXT = "Shopify Payments adjustment"
SALE_TYPES = frozenset({"CHARGE"})
FEE_TYPES = frozenset({"CHARGE", "REFUND"})  # their ``fee`` is the processing fee

_MONEY = "amount currencyCode"
BALANCE_QUERY = f"""query EcdeskBalance($first: Int!, $after: String, $query: String) {{
  shopifyPaymentsAccount {{
    balanceTransactions(first: $first, after: $after, query: $query, hideTransfers: true) {{
      pageInfo {{ hasNextPage endCursor }}
      nodes {{ id type test transactionDate amount {{ {_MONEY} }} fee {{ {_MONEY} }}
        net {{ {_MONEY} }} associatedOrder {{ id }} associatedPayout {{ id status }} }}
    }}
  }}
}}"""
PAYOUTS_QUERY = """query EcdeskPayouts($first: Int!, $after: String, $query: String) {
  shopifyPaymentsAccount {
    payouts(first: $first, after: $after, query: $query, sortKey: ISSUED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes { id legacyResourceId issuedAt status }
    }
  }
}"""



def _search_time(value: datetime) -> str:
    from ecdesk.sync.connectors.shopify import gql_datetime

    return gql_datetime(value)


def _codes(body: Any) -> set[str]:
    from ecdesk.sync.connectors.shopify import _codes as codes

    return codes(body)


def legacy_id(gid: str | None) -> str:
    """``gid://shopify/Order/123`` -> ``123`` (a bare id stays)."""
    return str(gid or "").rsplit("/", 1)[-1]


@dataclass
class Balance:
    """One fetch's balance transactions by order id (REST id)."""

    by_order: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def late(self) -> dict[str, dict[str, Any]]:
        """``{order id: {KEY: [...]}}`` for ingest to merge into the stored orders
        (:func:`carry_over`)."""
        return {oid: {KEY: txns} for oid, txns in self.by_order.items()}


class PaymentsReader:
    """Reads a fetch's balance transactions for one Shopify connector (module docstring)."""

    def __init__(self, conn: ShopifyConnector) -> None:
        self.conn = conn

    def read(self, since: datetime | None, until: datetime | None) -> Balance:
        """The window's transactions grouped by order; empty (and logged once) when the
        shop has no Shopify Payments or the app may not read it."""
        end = until or self.conn.clock()
        if since is None:
            search = f"processed_at:>='{_search_time(end - FIRST_SYNC_DAYS)}'"
        else:
            search = (f"processed_at:>='{_search_time(since)}' OR "
                      f"payout_date:>='{(since - PAYOUT_SLACK).date().isoformat()}'")
        try:
            nodes = self._pages(BALANCE_QUERY, "balanceTransactions", BALANCE_PAGE, search)
            if nodes is None:
                self._once("none", "Store '%s': Shopify reports no Shopify Payments account "
                           "for this shop, so its orders carry no payout figures and post "
                           "as before.")
                return Balance()
            dates = self._payout_days(nodes)
        except ApiError as exc:
            reason = refused(exc)
            if reason == "denied":
                self._once("denied", "Store '%s': ecdesk may not read the shop's Shopify "
                           "Payments payouts, so its orders carry no payout figures and post "
                           "as before. To post Shopify Payments fees, give the app the "
                           "read_shopify_payments_payouts and read_shopify_payments_accounts "
                           "scopes in the Shopify Dev Dashboard, release and reinstall it.")
            elif reason:
                self._once(reason, f"Store '%s': Shopify would not give ecdesk the shop's "
                           f"Shopify Payments payouts ({str(exc)[:200].replace('%', '%%')}), so "
                           "its orders carry "
                           "no payout figures and post as before. Check the store's "
                           "api_version setting.")
            else:  # the shop or the network, for now
                log.info("Store '%s': Shopify Payments payouts not read this time (%s)",
                         self.conn.store.name, exc)
            return Balance()
        return group(nodes, dates)

    def _payout_days(self, nodes: list[dict[str, Any]]) -> dict[str, str]:
        """``issuedAt`` of each PAID payout the transactions name, in one paged read of the
        payouts issued since the oldest of their transactions."""
        paid = [n for n in nodes if (n.get("associatedPayout") or {}).get("status") == "PAID"]
        if not paid:
            return {}
        oldest = min(str(n.get("transactionDate") or "") for n in paid)
        search = f"issued_at:>='{oldest}'" if oldest else None
        payouts = self._pages(PAYOUTS_QUERY, "payouts", PAYOUTS_PAGE, search) or []
        return {str(p["id"]): str(p.get("issuedAt") or "") for p in payouts if p.get("id")}

    def _pages(self, query: str, field_name: str, first: int, search: str | None
               ) -> list[dict[str, Any]] | None:
        """Every node of ``shopifyPaymentsAccount.<field_name>``; None: no account."""
        nodes: list[dict[str, Any]] = []
        after: str | None = None
        while True:
            try:
                data = self.conn.graphql(query, {"first": first, "after": after,
                                                 "query": search}, field_name)
            except ApiError as exc:  # priced over the single-query limit: a smaller page
                if first <= 1 or "MAX_COST_EXCEEDED" not in _codes(exc.body):
                    raise
                first //= 2
                continue
            account = data.get("shopifyPaymentsAccount")
            if not isinstance(account, dict):
                return None
            conn = account.get(field_name) or {}
            nodes += [n for n in conn.get("nodes") or [] if isinstance(n, dict)]
            page = conn.get("pageInfo") or {}
            if not page.get("hasNextPage") or not page.get("endCursor"):
                return nodes
            after = page["endCursor"]

    def _once(self, reason: str, message: str) -> None:
        say_once(log, (self.conn.store.id, self.conn.store.name), reason, message)


def refused(exc: ApiError) -> str:
    """Why the shop will not show its Shopify Payments data: ``denied`` (GraphQL
    ``ACCESS_DENIED``, HTTP 200, or an HTTP 403), ``unsupported`` (a GraphQL error: a field
    the pinned API version does not have); "" for a failure that may pass (throttling, the
    network, Shopify's own errors)."""
    if isinstance(exc, AuthError):
        return "denied" if exc.status in (200, 403) else ""
    if isinstance(exc, (RateLimited, Unavailable)) or exc.status != 200:
        return ""
    return "unsupported"


def group(nodes: list[dict[str, Any]], issued: dict[str, str]) -> Balance:
    """Transactions by their order's REST id, each PAID payout dated (``issuedAt``)."""
    by_order: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        order = node.get("associatedOrder") or {}
        if not order.get("id") or not node.get("id"):
            continue  # not an order's money (a reserve, a top-up)
        payout = dict(node.get("associatedPayout") or {})
        if payout.get("id") in issued:
            payout["issuedAt"] = issued[payout["id"]]
        by_order[legacy_id(order["id"])].append({**node, "associatedPayout": payout})
    return Balance(dict(by_order))


def carry_over(stored: dict[str, Any], fresh: dict[str, Any]) -> dict[str, Any]:
    """The payload to keep when an order comes again: ``fresh`` with every transaction an
    earlier fetch saw (by id; a transaction seen again takes its newer form)."""
    return keep_seen(stored, fresh, KEY, id_of=lambda t: str(t.get("id")), renew=_dated,
                     order_of=lambda t: (str(t.get("transactionDate") or ""), str(t.get("id"))))


def _dated(t: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    """``t``, its payout dated by an earlier fetch when this one did not date it."""
    earlier = before.get("associatedPayout") or {}
    payout = dict(t.get("associatedPayout") or {})
    if not payout.get("issuedAt") and earlier.get("issuedAt") and \
            earlier.get("id") == payout.get("id"):
        payout["issuedAt"] = earlier["issuedAt"]
    return {**t, "associatedPayout": payout}


def _money(bag: Any) -> Decimal:
    return Decimal(str((bag or {}).get("amount") or "0"))


def settlement_of(txns: Any, currency: str, tz: ZoneInfo, *,
                  total: Decimal | None = None) -> Settlement | None:
    """The order's settlement from its balance transactions; None without a charge, in
    another currency, unreadable, or when the charges are not the order's ``total`` (a gift
    card or another gateway paid part: its payout can never tie out to the invoice, so the
    order posts as one without payout data rather than holding its fee note forever)."""
    if not isinstance(txns, list):
        return None
    try:
        rows = [t for t in txns if isinstance(t, dict)]
        if not any(t.get("type") in SALE_TYPES for t in rows) or any(t.get("test")
                                                                      for t in rows):
            return None  # no charge seen; or test mode, which moves no money
        if any(str((t.get("amount") or {}).get("currencyCode") or currency) != currency
               for t in rows):
            return None
        fee = sum((_money(t.get("fee")) for t in rows if t.get("type") in FEE_TYPES), ZERO)
        other = sum((_money(t.get("net")) for t in rows if t.get("type") not in FEE_TYPES),
                    ZERO)
        net = sum((_money(t.get("net")) for t in rows), ZERO)
        charged = sum((_money(t.get("amount")) for t in rows if t.get("type") in SALE_TYPES),
                      ZERO)
    except (InvalidOperation, TypeError, AttributeError):
        return None
    if total is not None and charged != total:
        return None
    fees = gateway_fees(fee, other, (FEE_TEXT, OTHER_TEXT))
    released = all((t.get("associatedPayout") or {}).get("status") == "PAID" for t in rows)
    last = max((t for t in rows if t.get("type") in SALE_TYPES),
               key=lambda t: str(t.get("transactionDate") or ""))
    payout = last.get("associatedPayout") or {}
    ref = legacy_id(payout.get("id")) if released and payout.get("id") else ""
    return Settlement(net, fees, released, ref, _day(payout.get("issuedAt"), tz) if ref
                      else None)


def _day(text: Any, tz: ZoneInfo) -> date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00")).astimezone(tz).date()
    except ValueError:
        return None
