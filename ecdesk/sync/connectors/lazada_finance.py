"""Lazada's finance rows of a fetch's orders (``/finance/transaction/details/get``,
reference/shopee-lazada-contracts.md §2.10; LZ-API QueryTransactionDetails):
``start_time``/``end_time`` are days (``YYYY-MM-DD``; ``end - start`` must be under 180 days,
error 1000012), ``limit`` <= 500 with ``offset``, ``trans_type=-1`` for every kind,
``trade_order_id`` optional. Each row names its order in ``order_no`` (documented as "Order
ID", the id ``trade_order_id`` filters on, not the display ``order_number``); rows of the
shop itself (ads, subscriptions) have none.

An order's rows are those dated from the day before it was placed up to 179 days on, or
today (:func:`order_window`). A small fetch, and a single order's refetch, read them per
order (:func:`order_rows`). A fetch with many postable orders reads the shop's rows for the
days those orders span once, in windows of under 180 days paged at 500, and hands each
order its own (:class:`FinanceRows`): 2,000 orders cost a few dozen calls, not 2,000.

Either way an order gets its rows stably sorted by transaction date: Lazada does not say in
which order it lists rows, and two reads that cut the days differently (one window per
order, or a few shared windows) then still give an order the same list. Rows of one day
keep Lazada's order (assumed the same whether or not the call names the order).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ecdesk.domain import Disposition
from ecdesk.sync.connectors.base import PayloadError
from ecdesk.sync.connectors.lazada_mapper import disposition, parse_time

FINANCE_API = "/finance/transaction/details/get"
LIMIT = 500  # "The supported maximum number is 500."
SPAN = timedelta(days=179)  # end_time - start_time < 180 days
#: a fetch reads rows by date range from this many postable orders on (fewer: per order)
RANGE_MIN_ORDERS = 50
#: rows an order has, about (item price, commission, payment fee per unit, shipping...):
#: only to guess what a range read costs before making it
ROWS_PER_ORDER = 10

#: the connector's signed finance call: the business parameters -> the answer's ``data``
FinanceCall = Callable[[Mapping[str, Any]], list[dict[str, Any]]]


def row_day(row: Mapping[str, Any]) -> date | None:
    """A row's ``transaction_date`` ("17 May 2016"), or None when unreadable."""
    try:
        return datetime.strptime(str(row.get("transaction_date") or "").strip(),
                                 "%d %b %Y").date()
    except ValueError:
        return None


def in_date_order(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` stably sorted by transaction date (an undated row last)."""
    return sorted(rows, key=lambda r: row_day(r) or date.max)


def order_window(order: Mapping[str, Any], tz: ZoneInfo, today: date) -> tuple[date, date]:
    """The days whose rows are the order's: the day before it was placed (in the store's
    zone) up to 179 days on, or today if sooner."""
    start = parse_time(order["created_at"]).astimezone(tz).date() - timedelta(days=1)
    return start, min(start + SPAN, today)


def first_day(order: Mapping[str, Any], tz: ZoneInfo, today: date) -> date | None:
    """The first day of the order's window, None when its ``created_at`` is unreadable."""
    try:
        return order_window(order, tz, today)[0]
    except (PayloadError, KeyError, TypeError, ValueError):
        return None


def read(call: FinanceCall, start: date, end: date, *,
         order_id: str | None = None) -> list[dict[str, Any]]:
    """Every row dated in [start, end] (of one order, or of the whole shop), in windows of
    under 180 days, each paged at :data:`LIMIT`."""
    rows: list[dict[str, Any]] = []
    lo = start
    while lo <= end:
        hi = min(lo + SPAN, end)
        offset = 0
        while True:
            params: dict[str, Any] = {"start_time": lo.isoformat(), "end_time": hi.isoformat(),
                                      "trans_type": -1, "offset": offset, "limit": LIMIT}
            if order_id is not None:
                params["trade_order_id"] = order_id
            page = call(params)
            rows.extend(page)
            if len(page) < LIMIT:
                break
            offset += LIMIT
        lo = hi + timedelta(days=1)
    return rows


def order_rows(call: FinanceCall, order: Mapping[str, Any], tz: ZoneInfo,
               today: date) -> list[dict[str, Any]]:
    """One order's rows, read for it alone (``trade_order_id``)."""
    start, end = order_window(order, tz, today)
    return in_date_order(read(call, start, end, order_id=str(order["order_id"])))


def listed_postable(order: Mapping[str, Any]) -> bool:
    """Whether ``/orders/get`` lists the order as postable (its ``statuses``: the set of its
    items' statuses); the items read later decide for good."""
    try:
        return disposition([str(s) for s in order.get("statuses") or []]) \
            is Disposition.POSTABLE
    except PayloadError:
        return False


def range_start(orders: Iterable[Mapping[str, Any]], tz: ZoneInfo,
                today: date) -> tuple[date, int] | None:
    """The first day to read by range for these listed orders and how many postable orders
    the range serves; None when they are too few (:data:`RANGE_MIN_ORDERS`)."""
    starts = [d for o in orders if listed_postable(o)
              if (d := first_day(o, tz, today)) is not None]
    if len(starts) < RANGE_MIN_ORDERS:
        return None
    return min(starts), len(starts)


def worth_range(served: int, start: date, today: date, shop_orders: int | None) -> bool:
    """Whether reading the shop's rows of [start, today] costs fewer calls than ``served``
    per-order reads. ``shop_orders``: how many of the shop's orders changed since ``start``
    (each row's order changed on or after its day), None when unknown (then yes)."""
    if shop_orders is None:
        return True
    windows = (today - start).days // (SPAN.days + 1) + 1
    pages = -(-max(shop_orders, 0) * ROWS_PER_ORDER // LIMIT)
    return max(windows, pages) + 1 < served  # + the call that counted the shop's orders


class FinanceRows:
    """The rows of one fetch's orders, read by date range once and grouped by order.

    Only rows of ``wanted`` orders are kept (a range holds the whole shop's rows). Asking
    for an order whose days were not read yet reads just the days missing, as
    :class:`~ecdesk.sync.connectors.shopee_releases.EscrowReleases` does.
    """

    def __init__(self, call: FinanceCall, wanted: Iterable[str], *, tz: ZoneInfo,
                 today: date, start: date | None = None) -> None:
        self._call = call
        self._wanted = {str(w) for w in wanted}
        self.tz = tz
        self.today = today
        self.start = start or today  # the first day the fetch wants read in one go
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._lo: date | None = None
        self._hi: date | None = None

    def _read(self, lo: date, hi: date) -> None:
        for row in read(self._call, lo, hi):
            oid = str(row.get("order_no") or "").strip()
            if oid in self._wanted:
                self._rows.setdefault(oid, []).append(row)

    def cover(self, lo: date, hi: date) -> None:
        """Make sure every day of [lo, hi] was read, reading only the days not read yet."""
        if self._lo is None or self._hi is None:
            self._read(lo, hi)
            self._lo, self._hi = lo, hi
            return
        if lo < self._lo:
            self._read(lo, self._lo - timedelta(days=1))
            self._lo = lo
        if hi > self._hi:
            self._read(self._hi + timedelta(days=1), hi)
            self._hi = hi

    def of(self, order: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The order's rows: what :func:`order_rows` would read for it."""
        oid = str(order["order_id"])
        if oid not in self._wanted:  # its rows were not kept: read them for it alone
            return order_rows(self._call, order, self.tz, self.today)
        lo, hi = order_window(order, self.tz, self.today)
        self.cover(min(lo, self.start), self.today)
        rows = self._rows.get(oid, [])
        return in_date_order(r for r in rows
                             if (day := row_day(r)) is None or lo <= day <= hi)


PAYOUT_API = "/finance/payout/status/get"


class Statements:
    """Lazada's payout statements (``/finance/payout/status/get``: ``created_after``
    ``YYYY-MM-DD``, answers every statement created since, each with ``statement_number``,
    ``paid`` "1"/"0", ``created_at``/``updated_at`` and its amounts), read at most once per
    fetch and only when an order's rows name a statement.

    Not confirmed by Lazada's documentation: that a finance row's ``statement`` is the
    statement's ``statement_number`` (the API's examples show "11 May 2016 - 17 May 2016"
    for the one and "EG100RT-20141228" for the other), that the answer is not paged, and
    that a paid statement's ``updated_at`` is the day it was paid. Where a row's statement
    is not listed the order keeps the rows' own ``paid_status`` (``lazada_mapper.payout_of``).
    """

    def __init__(self, read: Callable[[date], dict[str, dict[str, Any]] | None],
                 since: date) -> None:
        self._read = read
        self.since = since
        self._all: dict[str, dict[str, Any]] | None = None
        self._done = False

    def of(self, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]] | None:
        """The statements ``rows`` name, or None when they name none or the call failed."""
        names = {str(r.get("statement") or "").strip() for r in rows} - {""}
        if not names:
            return None
        if not self._done:
            self._all, self._done = self._read(self.since), True
        if self._all is None:
            return None
        return [self._all[n] for n in sorted(names) if n in self._all]
