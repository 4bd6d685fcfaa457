"""Lazada Open Platform connector, Malaysia (reference/shopee-lazada-contracts.md §2).

* Hosts (guide "API endpoint URLs"): API ``https://api.lazada.com.my/rest``, tokens
  ``https://auth.lazada.com/rest``. A store URL that is not a Lazada host (the sandbox)
  serves both.
* Signing (Lazada Open Platform "Signature algorithm", articleId 108068/108069): every
  parameter except ``sign``, sorted by name in ASCII order, concatenated ``key + value``
  after the API path, HMAC-SHA256 keyed by the app secret, **upper-case** hex. System
  parameters: ``app_key``, ``timestamp`` (ms), ``sign_method=sha256``, ``access_token``.
* Errors come with HTTP 200 as ``{"type","code","message","request_id"}``; ``code`` "0" is
  success. ``IllegalAccessToken`` -> refresh once and retry; ``ApiCallLimit`` -> wait the
  one-second ban (injected sleep) and retry.
* Tokens: ``authorise(code)`` -> ``/auth/token/create``; ``/auth/token/refresh`` 30 minutes
  before expiry (guide's advice); the refresh token returned is saved each time.
* Orders: ``/orders/get`` by ``update_after``/``update_before``, ``sort_by=updated_at``,
  ``offset``/``limit`` (limit <= 100, offset <= 5000: past that the window moves on);
  ``/orders/items/get`` with <= 50 ids; ``/finance/transaction/details/get`` for fees, per
  order or, for a fetch of many orders, by date range once; ``/finance/payout/status/get``
  once a fetch for the statements the rows name (``lazada_finance``).
  Fulfilment is not called here; when it is, use ``/order/fulfill/pack`` and
  ``/order/package/rts`` (``/order/pack`` and ``/order/rts`` were retired 30 Apr 2023).
* Lazada has no order status: each item (one row per unit) has its own; see
  :data:`ITEM_STATUS` and :func:`disposition`. Prices are tax-inclusive (``tax_amount`` per
  item is the tax inside ``item_price``).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, ClassVar, NoReturn
from zoneinfo import ZoneInfo

import httpx

from ecdesk.domain import (
    Disposition,
    Order,
    Platform,
)
from ecdesk.sync.connectors.base import (
    ConfigError,
    Connector,
    PayloadError,
    RawOrder,
    authorised_token,
)
from ecdesk.sync.connectors.lazada_finance import (
    FINANCE_API,
    PAYOUT_API,
    FinanceRows,
    Statements,
    first_day,
    order_rows,
    range_start,
    worth_range,
)
from ecdesk.sync.connectors.lazada_mapper import (  # noqa: F401 - the mapper's names
    ITEM_STATUS,
    disposition,
    normalise,
    parse_time,
)
from ecdesk.sync.http import ApiError, AuthError, RateLimited, Unavailable, loads

API_HOST = "https://api.lazada.com.my/rest"
AUTH_HOST = "https://auth.lazada.com/rest"
PAGE_LIMIT = 100  # /orders/get limit <= 100
MAX_OFFSET = 5000  # /orders/get offset <= 5000
ITEMS_BATCH = 50  # /orders/items/get order_ids <= 50
REFRESH_MARGIN = timedelta(minutes=30)
HISTORY = timedelta(days=90)
#: how far back orders changed in one crowded second may have been placed
CREATED_SPAN = timedelta(days=365)
RATE_RETRIES = 5

TOKEN_ERRORS = frozenset({"IllegalAccessToken"})
AUTH_ERRORS = frozenset({"IncompleteSignature", "InvalidAppKey", "IllegalRefreshToken",
                         "InvalidCode", "AUTH_TYPE_UNSUPPORTED", "InsufficientPermission",
                         "AppWhiteIpLimit"}) | TOKEN_ERRORS
RATE_ERRORS = frozenset({"ApiCallLimit", "AppCallLimit", "901"})


def sign(app_secret: str, api_path: str, params: Mapping[str, Any]) -> str:
    """Lazada signature over ``params`` (``sign`` itself excluded)."""
    text = api_path + "".join(f"{k}{params[k]}" for k in sorted(params) if k != "sign")
    return hmac.new(app_secret.encode("utf-8"), text.encode("utf-8"),
                    hashlib.sha256).hexdigest().upper()


def iso(when: datetime, tz: ZoneInfo) -> str:
    """ISO-8601 with a colon in the offset, as /orders/get expects."""
    return when.astimezone(tz).isoformat(timespec="seconds")


class LazadaConnector(Connector):
    """Orders and finance fees of one Lazada Malaysia seller."""

    platform: ClassVar[Platform] = Platform.LAZADA

    @property
    def base_url(self) -> str:
        return (self.store.url or API_HOST).rstrip("/")

    @property
    def auth_url(self) -> str:
        if self.store.setting("auth_url"):
            return self.store.setting("auth_url").rstrip("/")
        host = httpx.URL(self.base_url).host
        return AUTH_HOST if ".lazada." in f".{host}" else self.base_url

    @property
    def app_key(self) -> str:
        key = self.store.setting("app_key").strip()
        if not key:
            raise ConfigError(
                f"Store '{self.store.name}' needs its Lazada app key (Lazada Open Platform "
                f"console): `ecdesk store set {self.store.name} --set app_key=...`.")
        return key

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.store.setting("timezone", "Asia/Kuala_Lumpur"))

    # --- transport --------------------------------------------------------------------------
    def _send(self, api: str, params: Mapping[str, Any], token: str | None,
              method: str = "GET", auth: bool = False) -> dict[str, Any]:
        all_params = {k: str(v) for k, v in params.items()}
        all_params.update(app_key=self.app_key, sign_method="sha256",
                          timestamp=str(int(self.clock().timestamp() * 1000)))
        if token is not None:
            all_params["access_token"] = token
        all_params["sign"] = sign(self.require_secret("app_secret"), api, all_params)
        url = (self.auth_url if auth else self.base_url) + api
        if method == "GET":
            resp = self.http.request("GET", url, params=all_params, what=f"Lazada {api}")
        else:
            resp = self.http.request("POST", url, data=all_params, what=f"Lazada {api}",
                                     retry_writes=True)
        try:
            data = loads(resp.content)
        except ValueError as exc:
            raise Unavailable(f"Lazada {api}: unreadable answer (HTTP {resp.status_code})",
                              status=resp.status_code) from exc
        if not isinstance(data, dict):
            raise Unavailable(f"Lazada {api}: unexpected answer", status=resp.status_code)
        return data

    def _raise(self, api: str, data: dict[str, Any]) -> NoReturn:
        code, message = str(data.get("code")), str(data.get("message") or "")
        where = f"Lazada {api} for store '{self.store.name}'"
        if code == "IncompleteSignature":
            raise AuthError(
                f"{where}: Lazada rejected the request signature ({code}: {message}). The app "
                f"secret saved for this store does not belong to app key "
                f"{self.store.setting('app_key')}: re-enter it with "
                f"`ecdesk secret set {self.store.name} app_secret`.", body=data)
        if code in AUTH_ERRORS:
            raise AuthError(
                f"{where}: Lazada refused the authorisation ({code}: {message}). Authorise the "
                f"seller again: `ecdesk store auth {self.store.name} --code CODE`.", body=data)
        if code in RATE_ERRORS:
            raise RateLimited(f"{where}: Lazada asks us to slow down ({code}: {message}); "
                              f"the next sync continues.", body=data)
        if data.get("type") in ("ISP", "SYSTEM"):
            raise Unavailable(f"{where}: Lazada had an error ({code}: {message}); try again "
                              f"later.", body=data)
        if "timestamp" in (code + message).lower():
            raise ApiError(f"{where}: {code}: {message}. Check this PC's date and time.",
                           body=data)
        raise ApiError(f"{where}: {code}: {message}", body=data)

    def _call(self, api: str, params: Mapping[str, Any] | None = None, *,
              token: bool = True, auth: bool = False, method: str = "GET") -> dict[str, Any]:
        """One call: refresh once on an invalid token, wait out ``ApiCallLimit`` bans."""
        refreshed, waits = False, 0
        while True:
            data = self._send(api, params or {}, self._access_token() if token else None,
                              method, auth)
            code = str(data.get("code"))
            if code == "0":
                return data
            if code in TOKEN_ERRORS and token and not refreshed:
                self._refresh()
                refreshed = True
                continue
            if code in ("ApiCallLimit", "AppCallLimit") and waits < RATE_RETRIES:
                waits += 1
                self.http.sleep(1.0)  # "this ban will last 1 seconds"
                continue
            self._raise(api, data)

    # --- tokens -----------------------------------------------------------------------------
    def authorise(self, code: str) -> str:
        """Exchange a seller authorisation code for tokens (``/auth/token/create``)."""
        data = self._call("/auth/token/create", {"code": code}, token=False, auth=True)
        self._save_tokens(data)
        return f"Lazada seller {data.get('account') or self.app_key} authorised; tokens saved."

    def _save_tokens(self, data: dict[str, Any]) -> None:
        access, refresh = data.get("access_token"), data.get("refresh_token")
        if not access or not refresh:
            raise AuthError(f"Lazada gave store '{self.store.name}' no tokens; authorise "
                            f"again with a new code.", body=data)
        now = self.clock().astimezone(UTC)
        self.credentials.set("refresh_token", str(refresh))
        self.credentials.set("access_token", str(access))
        self.credentials.set("access_expires_at", (
            now + timedelta(seconds=int(data.get("expires_in") or 0))).isoformat())
        if data.get("refresh_expires_in") is not None:
            self.credentials.set("refresh_expires_at", (
                now + timedelta(seconds=int(data["refresh_expires_in"]))).isoformat())

    def _access_token(self) -> str:
        return authorised_token(self, "Lazada", self.clock(), REFRESH_MARGIN, self._refresh)

    def _refresh(self) -> None:
        refresh = self.credentials.get("refresh_token")
        if not refresh:
            raise AuthError(f"Store '{self.store.name}' has no Lazada refresh token: "
                            f"`ecdesk store auth {self.store.name} --code CODE`.")
        data = self._call("/auth/token/refresh", {"refresh_token": refresh}, token=False,
                          auth=True)
        self._save_tokens(data)

    # --- orders -----------------------------------------------------------------------------
    def test_connection(self) -> str:
        data = self._call("/seller/get").get("data") or {}
        return (f"Connected to Lazada seller '{data.get('name') or data.get('seller_id')}'"
                f" ({data.get('location') or 'MY'}).")

    def list_orders(self, since: datetime, until: datetime) -> list[dict[str, Any]]:
        """Orders updated in [since, until], oldest first, each once. Lazada pages by offset
        up to 5,000: past that the window moves on to the newest update seen, and a second in
        which more orders changed than that (a payout run touching them all at once) is read
        by when they were created (:meth:`_changed_at`)."""
        seen: dict[str, dict[str, Any]] = {}
        after, offset = since, 0
        while True:
            if offset + PAGE_LIMIT > MAX_OFFSET:  # move the window instead of the offset
                newest = max(parse_time(o["updated_at"]) for o in seen.values())
                if newest <= after:
                    self._changed_at(newest, seen, newest - CREATED_SPAN, newest)
                    newest += timedelta(seconds=1)
                    if newest > until:
                        return list(seen.values())
                after, offset = newest, 0
            orders, _ = self._orders_page({"update_after": iso(after, self.tz),
                                           "update_before": iso(until, self.tz)}, offset)
            for order in orders:
                seen.setdefault(str(order["order_id"]), order)
            if len(orders) < PAGE_LIMIT:
                return list(seen.values())
            offset += PAGE_LIMIT

    def _orders_page(self, window: dict[str, str], offset: int
                     ) -> tuple[list[dict[str, Any]], int]:
        """One page of ``/orders/get`` in ``window``, and how many orders the window holds."""
        data = self._call("/orders/get", {**window, "sort_by": "updated_at",
                                          "sort_direction": "ASC", "offset": offset,
                                          "limit": PAGE_LIMIT}).get("data") or {}
        orders = data.get("orders") or []
        total = str(data.get("countTotal") or "")
        return orders, int(total) if total.isdigit() else len(orders)

    def _changed_at(self, second: datetime, seen: dict[str, dict[str, Any]],
                    lo: datetime, hi: datetime) -> None:
        """Every order updated in ``second`` and created in [lo, hi], into ``seen``: a
        window holding more than offset paging reaches is halved by creation time."""
        window = {"update_after": iso(second, self.tz), "update_before": iso(second, self.tz),
                  "created_after": iso(lo, self.tz), "created_before": iso(hi, self.tz)}
        offset = 0
        while True:
            orders, total = self._orders_page(window, offset)
            for order in orders:
                seen.setdefault(str(order["order_id"]), order)
            if len(orders) < PAGE_LIMIT:
                return
            if total > MAX_OFFSET + PAGE_LIMIT:  # more than offsets reach: halve the window
                if hi - lo < timedelta(seconds=2):
                    raise ApiError(f"Lazada store '{self.store.name}': more than {MAX_OFFSET}"
                                   f" orders created at {lo} changed at {second}; cannot "
                                   "page further.")
                mid = (lo + (hi - lo) / 2).replace(microsecond=0)
                self._changed_at(second, seen, lo, mid)
                self._changed_at(second, seen, mid + timedelta(seconds=1), hi)
                return
            offset += PAGE_LIMIT

    def items(self, order_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(order_ids), ITEMS_BATCH):
            batch = order_ids[i:i + ITEMS_BATCH]
            data = self._call("/orders/items/get",
                              {"order_ids": "[" + ",".join(batch) + "]"}).get("data") or []
            for row in data:
                out[str(row["order_id"])] = row.get("order_items") or []
        return out

    def _finance_page(self, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        data = self._call(FINANCE_API, params).get("data")
        return data if isinstance(data, list) else []

    def _today(self) -> date:
        return self.clock().astimezone(self.tz).date()

    def transactions(self, order: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Finance rows of one order, read for it alone (``lazada_finance.order_rows``)."""
        return order_rows(self._finance_page, order, self.tz, self._today())

    def finance_rows(self, orders: list[dict[str, Any]]) -> FinanceRows | None:
        """The fetch's finance rows read by date range, when that costs fewer calls than
        reading them per order: from ``RANGE_MIN_ORDERS`` postable orders on, and unless the
        shop changed so many more orders over those days that its rows outweigh them."""
        today = self._today()
        planned = range_start(orders, self.tz, today)
        if planned is None:
            return None
        start, served = planned
        counted = (self._call("/orders/get", {
            "update_after": iso(datetime.combine(start, time(), self.tz), self.tz),
            "offset": 0, "limit": 1}).get("data") or {}).get("countTotal")
        shop = int(counted) if str(counted or "").isdigit() else None
        if not worth_range(served, start, today, shop):
            return None
        return FinanceRows(self._finance_page, [str(o["order_id"]) for o in orders],
                           tz=self.tz, today=today, start=start)

    def payout_statements(self, since: date) -> dict[str, dict[str, Any]] | None:
        """Lazada's payout statements created after ``since``, by number; None when the call
        fails (the rows' own ``paid_status`` then decides, ``lazada_mapper.payout_of``)."""
        try:
            data = self._call(PAYOUT_API, {"created_after": since.isoformat()}).get("data")
        except ApiError:
            return None
        if not isinstance(data, list):
            return None
        return {str(st["statement_number"]).strip(): st for st in data
                if isinstance(st, dict) and st.get("statement_number")}

    def _statements(self, orders: list[dict[str, Any]]) -> Statements:
        """The fetch's statements, read once if an order's rows name one: from the day
        before the oldest order's first finance day (a statement comes after its rows)."""
        today = self._today()
        since = min((d for o in orders if (d := first_day(o, self.tz, today)) is not None),
                    default=today)
        return Statements(self.payout_statements, since - timedelta(days=1))

    def _raws(self, orders: list[dict[str, Any]],
              finance: FinanceRows | None = None) -> Iterator[RawOrder]:
        statements = self._statements(orders)
        for i in range(0, len(orders), ITEMS_BATCH):
            batch = orders[i:i + ITEMS_BATCH]
            items = self.items([str(o["order_id"]) for o in batch])
            for order in batch:
                oid = str(order["order_id"])
                order_items = items.get(oid, [])
                statuses = [str(it.get("status")) for it in order_items]
                try:
                    postable = disposition(statuses) is Disposition.POSTABLE
                except PayloadError:
                    postable = False
                rows = None
                if postable:
                    rows = finance.of(order) if finance else self.transactions(order)
                payload = {"order": order, "items": order_items, "transactions": rows}
                paid_in = statements.of(rows) if rows else None
                if paid_in is not None:
                    payload["statements"] = paid_in
                yield RawOrder(oid, parse_time(order["updated_at"]).astimezone(UTC), payload)

    def fetch_orders(self, since: datetime | None,
                     until: datetime | None = None) -> Iterator[RawOrder]:
        until = until or self.clock()
        since = since or (until - HISTORY)
        orders = self.list_orders(since, until)
        yield from self._raws(orders, self.finance_rows(orders))

    def fetch_order(self, external_id: str) -> RawOrder | None:
        order = self._call("/order/get", {"order_id": external_id}).get("data")
        return next(self._raws([order]), None) if order else None

    # --- normalise --------------------------------------------------------------------------
    def normalise(self, payload: dict[str, Any]) -> Order:
        try:
            return normalise(payload, tz=self.tz)
        except (KeyError, TypeError, ArithmeticError) as exc:
            raise PayloadError(f"Lazada order data is incomplete ({exc!r}).") from exc
