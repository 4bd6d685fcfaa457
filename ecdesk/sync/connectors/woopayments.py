"""WooPayments deposits: each WooCommerce order's WooPayments transactions -> its settlement.

WooPayments (the ``woocommerce-payments`` plugin, WooCommerce's own gateway) answers under the
shop's ``/wp-json/wc/v3`` with the same consumer key/secret as the orders (its routes need a
key whose user may ``manage_woocommerce``):

* ``GET /payments/transactions`` (``WC_REST_Payments_Transactions_Controller``, request
  ``List_Transactions``): ``{"data": [...]}``, paged by ``page`` and ``pagesize``, ordered by
  ``sort``/``direction``, filtered by ``date_after`` (``Y-m-d H:i:s``, the dashboard sends
  UTC) and ``deposit_id``. A row: ``transaction_id``, ``type`` (``charge``, ``refund``,
  ``payment``, ``payment_refund``, ``dispute``, ``dispute_reversal``, ``refund_failure``...),
  ``date`` (UTC, ``Y-m-d H:i:s``), ``amount``, ``fees``, ``net`` (= amount - fees) in the
  deposit currency ``currency`` (lower case), ``customer_amount``/``customer_currency`` (what
  the buyer paid), ``deposit_id``, ``deposit_status``, ``available_on``, ``order_id`` (the
  reports controller reads it) and ``order {number, url}`` (added by the plugin). Amounts are
  in the currency's minor unit (cents), whole units for WooPayments' zero-decimal currencies
  (``WC_Payments_Utils::zero_decimal_currencies``; the dashboard divides the rest by 100).
* ``GET /payments/deposits`` (``List_Deposits``): ``{"data": [...], "total_count": n}``, each
  ``{id ("po_..."), date (arrival, Unix milliseconds), type, amount, status (paid, pending,
  in_transit, canceled, failed), currency}``, filtered by ``date_after``.

**Reading (once per fetch).** After the orders (an error there fails the sync before any
WooPayments call): the transactions dated since the fetch's start (less :data:`DATE_SLACK`,
in case the server reads the date in the site's zone), :data:`PAGE` a page; then the deposits
dated from :data:`PAYOUT_SLACK` before it; then, for each of those deposits now ``paid``, its
transactions (``deposit_id``, older ones too): no order changes when its deposit is paid, so
this is how ecdesk learns an order's money was released (a shop paid out daily: about three
such reads a fetch, whatever its number of orders).
A first sync reads the last :data:`FIRST_SYNC_DAYS` days (rows then carry their deposit's
status). The rows, grouped by order, go to ingest as :meth:`Deposits.late` updates, merged into
each stored order (``payload[KEY]``; :func:`carry_over`: the union by transaction id).

**No WooPayments.** A shop without the plugin answers ``rest_no_route`` (404); a key whose
user may not manage WooCommerce ``rest_forbidden`` (401/403). Neither holds or fails an order:
the fetch goes on without payout figures (the orders exactly as before), the log says so once.

**Settlement (pure, :func:`settlement_of`).** Only for an order paid with WooPayments
(``payment_method`` ``woocommerce_payments``, or one of its split ``woocommerce_payments_<type>``
methods) and wholly in the shop's currency: stated payout = the sum of ``net``; fees = the
charges' and refunds' ``fees`` (``FeeKind.TRANSACTION``, "WooPayments fee") plus every other
row's net as a charge (``OTHER``: disputes), so ``total - fees - refunded == net``. Released
when every row's deposit is ``paid``; ``payout_ref`` = the charge's deposit id, its letters
and digits, the last 10 (docs/decisions.md §9), ``payout_date`` = that deposit's date in the
store's zone. No charge seen, another currency, or charges that are not the order's total (a
gift card paid part): no settlement, the order posts as before.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

from ecdesk.domain import ZERO
from ecdesk.errors import ApiError, AuthError
from ecdesk.sync.connectors.gateway_rows import Settlement, gateway_fees, keep_seen, say_once

if TYPE_CHECKING:
    from ecdesk.sync.connectors.woocommerce import WooCommerceConnector

log = logging.getLogger(__name__)

TRANSACTIONS = "/payments/transactions"
DEPOSITS = "/payments/deposits"
PAGE = 100  # rows a page (the reports route caps per_page at 100; the same server behind)
#: a deposit is dated its arrival and marked paid then: one dated this long before the
#: fetch's start is read again (verify the lag on a live shop)
PAYOUT_SLACK = timedelta(days=3)
#: ``date_after`` carries no zone: read far enough back whatever zone the server assumes
DATE_SLACK = timedelta(hours=14)
FIRST_SYNC_DAYS = timedelta(days=30)
KEY = "_ecdesk_woopayments"  # where an order's transactions live in its stored payload
GATEWAY = "woocommerce_payments"  # WC_Payment_Gateway_WCPay::GATEWAY_ID
FEE_TEXT = "WooPayments fee"
OTHER_TEXT = "WooPayments adjustment"
SALE_TYPES = frozenset({"charge", "payment"})
FEE_TYPES = frozenset({"charge", "payment", "refund", "payment_refund"})
#: WC_Payments_Utils::zero_decimal_currencies(): amounts in whole units
ZERO_DECIMAL = frozenset({"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg",
                          "rwf", "vnd", "vuv", "xaf", "xof", "xpf"})



def pays_with_woopayments(method: Any) -> bool:
    """``payment_method`` of an order WooPayments took (card, or a split UPE method)."""
    text = str(method or "")
    return text == GATEWAY or text.startswith(GATEWAY + "_")


def wc_date(value: datetime) -> str:
    """A ``date_after`` value as the dashboard sends it: UTC, ``Y-m-d H:i:s``."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def order_id_of(row: dict[str, Any]) -> str:
    """The WooCommerce order id a row belongs to: ``order_id``, else the ``post``/``id`` of
    the plugin's ``order.url`` (the edit link); "" when none."""
    if row.get("order_id"):
        return str(row["order_id"])
    url = str((row.get("order") or {}).get("url") or "")
    query = parse_qs(urlparse(url).query)
    for name in ("post", "id"):
        if query.get(name) and query[name][0].isdigit():
            return query[name][0]
    return ""


@dataclass
class Deposits:
    """One fetch's WooPayments transactions by order id."""

    by_order: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def late(self) -> dict[str, dict[str, Any]]:
        """``{order id: {KEY: [...]}}`` for ingest to merge into the stored orders."""
        return {oid: {KEY: rows} for oid, rows in self.by_order.items()}


class WooPaymentsReader:
    """Reads a fetch's WooPayments transactions for one WooCommerce connector."""

    def __init__(self, conn: WooCommerceConnector) -> None:
        self.conn = conn

    def read(self, since: datetime | None, until: datetime | None) -> Deposits:
        """The window's transactions grouped by order; empty (and logged once) when the
        shop has no WooPayments or the key may not read it."""
        end = until or self.conn.clock()
        start = end - FIRST_SYNC_DAYS if since is None else since - DATE_SLACK
        try:
            rows = self._rows({"date_after": wc_date(start)})
            deposits = {str(d["id"]): d for d in self._pages(DEPOSITS, {
                "date_after": wc_date(start - PAYOUT_SLACK)}) if d.get("id")}
            if since is not None:  # a deposit paid since: its rows, older ones too
                for dep in deposits.values():
                    if dep.get("status") == "paid":
                        rows += self._rows({"deposit_id": str(dep["id"])})
        except ApiError as exc:
            self._refused(exc)
            return Deposits()
        return group(rows, deposits)

    def _rows(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return list(self._pages(TRANSACTIONS, params))

    def _pages(self, path: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Every row of a WooPayments listing, oldest first, :data:`PAGE` a page."""
        out: list[dict[str, Any]] = []
        page = 1
        while True:
            body = self.conn.get_json(path, {**params, "sort": "date", "direction": "asc",
                                             "pagesize": PAGE, "page": page})
            data = body.get("data") if isinstance(body, dict) else None
            if not isinstance(data, list):
                raise ApiError(f"WooCommerce store '{self.conn.store.name}' sent WooPayments "
                               "data ecdesk cannot read.", status=200, body=body)
            out += [r for r in data if isinstance(r, dict)]
            if len(data) < PAGE:
                return out
            page += 1

    def _refused(self, exc: ApiError) -> None:
        code = str(exc.body.get("code") or "") if isinstance(exc.body, dict) else ""
        name = self.conn.store.name
        if exc.status == 404 and code == "rest_no_route":
            self._once("none", "Store '%s': the shop has no WooPayments (the plugin is not "
                       "installed or not active), so its orders carry no payout figures and "
                       "post as before.")
        elif isinstance(exc, AuthError) or exc.status in (401, 403):
            self._once("denied", "Store '%s': the shop would not show ecdesk its WooPayments "
                       "deposits, so its orders carry no payout figures and post as before. To "
                       "post WooPayments fees, use a REST API key of a user who may manage "
                       "WooCommerce (an administrator or shop manager).")
        elif exc.status is not None and (400 <= exc.status < 500 or exc.status == 200):
            # the plugin refused (not onboarded, say) or answered what ecdesk cannot read
            said = f"{code}: {exc}" if code else str(exc)
            self._once(f"refused-{code}", f"Store '%s': WooPayments would not give ecdesk the "
                       f"shop's deposits ({said[:200].replace('%', '%%')}), so its orders "
                       "carry no payout figures and post as before.")
        else:  # the shop or the network, for now
            log.info("Store '%s': WooPayments deposits not read this time (%s)", name, exc)

    def _once(self, reason: str, message: str) -> None:
        say_once(log, (self.conn.store.id, self.conn.store.name), reason, message)


def group(rows: list[dict[str, Any]], deposits: dict[str, dict[str, Any]]) -> Deposits:
    """Rows by their order's id (each once, by ``transaction_id``), each with its deposit's
    status and date where the deposits read knew it."""
    by_order: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        oid, tid = order_id_of(row), str(row.get("transaction_id") or "")
        if not oid or not tid:
            continue  # not an order's money (a loan, a reader fee)
        dep = deposits.get(str(row.get("deposit_id") or ""))
        if dep is not None:
            row = {**row, "deposit_status": dep.get("status"), "_deposit_date": dep.get("date")}
        by_order[oid][tid] = row
    return Deposits({oid: list(txns.values()) for oid, txns in by_order.items()})


def carry_over(stored: dict[str, Any], fresh: dict[str, Any]) -> dict[str, Any]:
    """The payload to keep when an order comes again: ``fresh`` with every transaction an
    earlier fetch saw (by id; a row seen again takes its newer form, keeping the deposit's
    date an earlier read learnt)."""
    return keep_seen(stored, fresh, KEY, id_of=lambda t: str(t.get("transaction_id")),
                     renew=_dated, order_of=lambda t: (str(t.get("date") or ""),
                                                       str(t.get("transaction_id"))))


def _dated(t: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    """``t``, its deposit dated by an earlier read when this one did not date it."""
    if not t.get("_deposit_date") and before.get("_deposit_date") and \
            before.get("deposit_id") == t.get("deposit_id"):
        return {**t, "_deposit_date": before["_deposit_date"]}
    return t


def _units(value: Any, currency: str) -> Decimal:
    """Minor units -> money (``1050`` cents -> ``10.50``)."""
    amount = Decimal(str(value if value not in (None, "") else 0))
    return amount if currency.lower() in ZERO_DECIMAL else amount / 100


def short_ref(deposit_id: Any) -> str:
    """docs/decisions.md §9: the id's letters and digits, the last 10."""
    return "".join(c for c in str(deposit_id or "") if c.isalnum())[-10:]


def settlement_of(txns: Any, currency: str, tz: ZoneInfo, *,
                  total: Decimal | None = None) -> Settlement | None:
    """The order's settlement from its WooPayments rows; None without a charge, when the
    buyer or the deposit was in another currency, unreadable, or when the charges are not
    the order's ``total``."""
    if not isinstance(txns, list):
        return None
    rows = [t for t in txns if isinstance(t, dict)]
    if not any(t.get("type") in SALE_TYPES for t in rows):
        return None
    cur = currency.lower()
    if any(str(t.get("currency") or "").lower() != cur or
           str(t.get("customer_currency") or cur).lower() != cur for t in rows):
        return None  # a deposit or a buyer in another currency: not wholly the shop's
    try:
        fee = sum((_units(t.get("fees"), cur) for t in rows if t.get("type") in FEE_TYPES),
                  ZERO)
        other = sum((_units(t.get("net"), cur) for t in rows if t.get("type") not in FEE_TYPES),
                    ZERO)
        net = sum((_units(t.get("net"), cur) for t in rows), ZERO)
        charged = sum((_units(t.get("amount"), cur) for t in rows
                       if t.get("type") in SALE_TYPES), ZERO)
    except (InvalidOperation, TypeError, ValueError):
        return None
    if total is not None and charged != total:
        return None
    fees = gateway_fees(fee, other, (FEE_TEXT, OTHER_TEXT))
    released = all(t.get("deposit_id") and t.get("deposit_status") == "paid" for t in rows)
    last = max((t for t in rows if t.get("type") in SALE_TYPES),
               key=lambda t: str(t.get("date") or ""))
    ref = short_ref(last.get("deposit_id")) if released else ""
    return Settlement(net, fees, released, ref,
                      deposit_day(last.get("_deposit_date"), tz) if ref else None)


def deposit_day(value: Any, tz: ZoneInfo) -> date | None:
    """A deposit's ``date`` (Unix milliseconds in the API docs; seconds, or a UTC
    ``Y-m-d H:i:s`` / ISO text, read too) as a day in the store's zone."""
    if value in (None, ""):
        return None
    try:
        if isinstance(value, (int, float)) or str(value).isdigit():
            number = float(value)
            moment = datetime.fromtimestamp(number / 1000 if number > 10**11 else number, UTC)
        else:
            moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return moment.astimezone(tz).date()
