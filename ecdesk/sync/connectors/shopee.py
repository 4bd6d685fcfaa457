"""Shopee Open Platform v2 connector (reference/shopee-lazada-contracts.md §1).

* Signing (developer guide "API calls > Signature calculation"): lower-case hex
  HMAC-SHA256 keyed by the partner key over ``partner_id + api_path + timestamp`` (public
  APIs: auth/token) plus ``access_token + shop_id`` (shop APIs). Common parameters go in the
  query string; POST bodies are JSON and are not signed.
* Tokens (guide "Authorization and Authentication"): ``authorise(code)`` calls
  ``auth/token/get``; the access token lives 4 h and is refreshed with
  ``auth/access_token/get`` 5 minutes before expiry or when Shopee answers an invalid-token
  error; the refresh token is single use, so the new one is saved at once.
* Success or failure is decided on the body's ``error`` field (empty = success), never on
  the HTTP status alone.
* Orders: ``order/get_order_list`` by ``update_time`` in windows of at most 15 days, cursor
  paging with ``page_size`` <= 100; ``order/get_order_detail`` for <= 50 order_sn per call;
  ``payment/get_escrow_detail_batch`` (<= 50 orders a call; ``get_escrow_detail`` per order
  when the batch is refused) for the fees (see ``marketplace_fees``);
  ``payment/get_escrow_list`` (15-day windows of release time, ``page_no`` paging) for when
  each COMPLETED order's escrow was released: its payout (``posting_mode=payout``), read
  once per fetch from the oldest such order's creation.
* Shopee prices are **tax-inclusive**; the API carries no tax per line, so a store's tax rate
  comes from its ``tax_rate`` setting (percent, blank = untaxed).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar, NoReturn
from zoneinfo import ZoneInfo

from ecdesk.domain import (
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
from ecdesk.sync.connectors.shopee_mapper import (  # noqa: F401 - the mapper's names
    STATUS_TABLE,
    normalise,
)
from ecdesk.sync.connectors.shopee_releases import EscrowReleases
from ecdesk.sync.http import ApiError, AuthError, RateLimited, Unavailable, loads

LIVE_HOST = "https://partner.shopeemobile.com"
API_PREFIX = "/api/v2/"
PAGE_SIZE = 100  # get_order_list page_size 1..100
DETAIL_BATCH = 50  # get_order_detail order_sn_list 1..50
WINDOW = timedelta(days=15)  # time_to - time_from <= 15 days
REFRESH_MARGIN = timedelta(minutes=5)
HISTORY = timedelta(days=90)  # first sync (since=None) reaches back this far by default
DETAIL_FIELDS = (
    "buyer_user_id,buyer_username,recipient_address,item_list,pay_time,total_amount,"
    "payment_method,shipping_carrier,estimated_shipping_fee,actual_shipping_fee,"
    "cancel_by,cancel_reason,package_list,note"
)

# Errors meaning "this access token is no good": refresh once, then retry the call.
# Shopee spells one of them "invalid_acceess_token" (sic).
TOKEN_ERRORS = frozenset({"invalid_access_token", "invalid_acceess_token", "error_token"})
AUTH_ERRORS = frozenset({
    "error_sign", "error_auth", "error_permission", "error_api_permission",
    "error_partner_key_expired", "shop_access_expired", "shop_no_linked", "shop_banned",
    "invalid_code", "error_shop_refresh_token", "refresh_token_expired", "source_ip_undeclared",
}) | TOKEN_ERRORS
RATE_ERRORS = frozenset({"error_rate_limit", "error_limit"})
SERVER_ERRORS = frozenset({"error_server", "error_network", "error_inner", "error_busy"})

log = logging.getLogger(__name__)


def sign(partner_key: str, partner_id: str | int, path: str, timestamp: int | str, *,
         access_token: str = "", shop_id: str | int = "") -> str:
    """Shopee v2 signature: public form when ``access_token`` is empty, shop form otherwise."""
    base = f"{partner_id}{path}{timestamp}{access_token}{shop_id if access_token else ''}"
    return hmac.new(partner_key.encode("utf-8"), base.encode("utf-8"),
                    hashlib.sha256).hexdigest()





class ShopeeConnector(Connector):
    """Orders and settlement fees of one Shopee shop."""

    platform: ClassVar[Platform] = Platform.SHOPEE

    # --- settings ---------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return (self.store.url or LIVE_HOST).rstrip("/")

    def _setting_int(self, key: str) -> str:
        value = self.store.setting(key).strip()
        if not value.isdigit():
            raise ConfigError(
                f"Store '{self.store.name}' needs its Shopee {key} (a number from the Shopee "
                f"Open Platform console): `ecdesk store set {self.store.name} --set {key}=...`."
            )
        return value

    @property
    def partner_id(self) -> str:
        return self._setting_int("partner_id")

    @property
    def shop_id(self) -> str:
        return self._setting_int("shop_id")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.store.setting("timezone", "Asia/Kuala_Lumpur"))

    def _now(self) -> datetime:
        return self.clock()

    # --- transport --------------------------------------------------------------------------
    def _send(self, method: str, api: str, params: dict[str, Any] | None,
              body: dict[str, Any] | None, token: str | None) -> dict[str, Any]:
        path = API_PREFIX + api
        ts = int(self._now().timestamp())
        key = self.require_secret("partner_key")
        query: dict[str, Any] = {"partner_id": self.partner_id, "timestamp": ts}
        if token is not None:
            query.update(access_token=token, shop_id=self.shop_id)
            query["sign"] = sign(key, self.partner_id, path, ts, access_token=token,
                                 shop_id=self.shop_id)
        else:
            query["sign"] = sign(key, self.partner_id, path, ts)
        query.update(params or {})
        resp = self.http.request(method, self.base_url + path, params=query, json_body=body,
                                 what=f"Shopee {api}")
        try:
            data = loads(resp.content)
        except ValueError as exc:
            raise Unavailable(f"Shopee {api}: unreadable answer (HTTP {resp.status_code})",
                              status=resp.status_code) from exc
        if not isinstance(data, dict):
            raise Unavailable(f"Shopee {api}: unexpected answer", status=resp.status_code)
        data["_http_status"] = resp.status_code
        return data

    def _paced(self, method: str, api: str, params: dict[str, Any] | None,
               body: dict[str, Any] | None, shop: bool) -> dict[str, Any]:
        """Send; on ``error_rate_limit`` (whatever the HTTP status) back off and resend.

        The server refused the call, so resending is safe even for a POST.
        """
        attempts = self.http.retry.attempts
        for attempt in range(1, attempts + 1):
            data = self._send(method, api, params, body,
                              self._access_token() if shop else None)
            if data.get("error") != "error_rate_limit" or attempt == attempts:
                return data
            self.http.sleep(self.http.retry.delay(attempt, None))
        raise AssertionError("unreachable")

    def _public(self, api: str, body: dict[str, Any]) -> dict[str, Any]:
        data = self._paced("POST", api, None, body, shop=False)
        if data.get("error"):
            raise_refusal(self, api, data)
        return data

    def _shop(self, method: str, api: str, params: dict[str, Any] | None = None,
              body: dict[str, Any] | None = None) -> dict[str, Any]:
        """A shop-level call; refreshes the token before expiry and once on a token error."""
        data = self._paced(method, api, params, body, shop=True)
        if str(data.get("error") or "") in TOKEN_ERRORS or (
            data.get("error") == "error_auth" and "access_token" in str(data.get("message"))
        ):
            self._refresh()
            data = self._paced(method, api, params, body, shop=True)
        if data.get("error"):
            raise_refusal(self, api, data)
        response = data.get("response")  # shop/get_shop_info answers flat
        return response if isinstance(response, dict) else data

    # --- tokens -----------------------------------------------------------------------------
    def authorise(self, code: str) -> str:
        """Exchange a shop authorisation code for tokens (``auth/token/get``) and save them."""
        data = self._public("auth/token/get", {
            "code": code, "partner_id": int(self.partner_id), "shop_id": int(self.shop_id)})
        self._save_tokens(data)
        return f"Shopee shop {self.shop_id} authorised; tokens saved."

    def _save_tokens(self, data: dict[str, Any]) -> None:
        access, refresh = data.get("access_token"), data.get("refresh_token")
        if not access or not refresh:
            raise AuthError(f"Shopee gave store '{self.store.name}' no tokens; authorise "
                            f"again with a new code.", body=data)
        expire_in = int(data.get("expire_in") or 0)
        # Documented as seconds (14400); one doc sample shows an epoch: accept both.
        if expire_in >= 1_000_000_000:
            expires = datetime.fromtimestamp(expire_in, UTC)
        else:
            expires = self._now().astimezone(UTC) + timedelta(seconds=expire_in)
        # Refresh token first: it is single use and the old one is already spent.
        self.credentials.set("refresh_token", str(refresh))
        self.credentials.set("access_token", str(access))
        self.credentials.set("access_expires_at", expires.isoformat())

    def _access_token(self) -> str:
        return authorised_token(self, "Shopee", self._now(), REFRESH_MARGIN, self._refresh)

    def _refresh(self) -> None:
        refresh = self.credentials.get("refresh_token")
        if not refresh:
            raise AuthError(f"Store '{self.store.name}' has no Shopee refresh token: "
                            f"`ecdesk store auth {self.store.name} --code CODE`.")
        try:
            data = self._public("auth/access_token/get", {
                "refresh_token": refresh, "partner_id": int(self.partner_id),
                "shop_id": int(self.shop_id)})
        except (AuthError, RateLimited, Unavailable):
            raise
        except ApiError as exc:  # e.g. error_param "Invalid refresh_token."
            raise AuthError(
                f"Shopee refused the saved refresh token of store '{self.store.name}' "
                f"({exc}). Authorise the shop again: "
                f"`ecdesk store auth {self.store.name} --code CODE`.", body=exc.body) from exc
        self._save_tokens(data)

    # --- orders -----------------------------------------------------------------------------
    def test_connection(self) -> str:
        info = self._shop("GET", "shop/get_shop_info")
        name = info.get("shop_name") or self.shop_id
        return f"Connected to Shopee shop '{name}' (shop id {self.shop_id})."

    def list_order_sns(self, since: datetime, until: datetime) -> list[str]:
        """order_sn updated in [since, until], 15-day windows, cursor paging."""
        seen: dict[str, None] = {}
        start = int(since.timestamp())
        end = int(until.timestamp())
        step = int(WINDOW.total_seconds())
        while start <= end:
            stop = min(start + step, end)
            cursor = ""
            while True:
                resp = self._shop("GET", "order/get_order_list", {
                    "time_range_field": "update_time", "time_from": start, "time_to": stop,
                    "page_size": PAGE_SIZE, "cursor": cursor,
                    "response_optional_fields": "order_status"})
                for row in resp.get("order_list") or []:
                    seen.setdefault(str(row["order_sn"]), None)
                cursor = str(resp.get("next_cursor") or "")
                if not resp.get("more") or not cursor:
                    break
            start = stop + 1
        return list(seen)

    def order_details(self, order_sns: list[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for i in range(0, len(order_sns), DETAIL_BATCH):
            batch = order_sns[i:i + DETAIL_BATCH]
            resp = self._shop("GET", "order/get_order_detail", {
                "order_sn_list": ",".join(batch), "response_optional_fields": DETAIL_FIELDS})
            out.extend(resp.get("order_list") or [])
        return out

    def escrow(self, order_sn: str) -> dict[str, Any] | None:
        """The escrow detail of one order; None when Shopee has none for it yet."""
        try:
            return self._shop("GET", "payment/get_escrow_detail", {"order_sn": order_sn})
        except (AuthError, RateLimited, Unavailable):
            raise
        except ApiError:
            return None

    def escrows(self, order_sns: list[str]) -> dict[str, dict[str, Any]]:
        """The escrow details of up to 50 orders in one ``get_escrow_detail_batch`` call
        (orders Shopee has none for are left out); one call per order if the batch is
        refused (a shop or region without it)."""
        if not order_sns:
            return {}
        try:
            data = self._shop("POST", "payment/get_escrow_detail_batch",
                              body={"order_sn_list": order_sns})
        except (AuthError, RateLimited, Unavailable):
            raise
        except ApiError as exc:
            log.info("Shopee escrow batch refused (%s); asking order by order", exc)
            singles = {sn: self.escrow(sn) for sn in order_sns}
            return {sn: e for sn, e in singles.items() if e is not None}
        out = {}
        for row in data.get("response") or []:
            detail = (row or {}).get("escrow_detail") if isinstance(row, dict) else None
            if isinstance(detail, dict) and detail.get("order_sn"):
                out[str(detail["order_sn"])] = detail
        return out

    def _raw(self, detail: dict[str, Any], release: dict[str, Any] | None = None,
             escrows: dict[str, dict[str, Any]] | None = None) -> RawOrder:
        sn = str(detail["order_sn"])
        if detail.get("order_status") == "UNPAID":
            escrow = None
        elif escrows is not None:
            escrow = escrows.get(sn)
        else:
            escrow = self.escrow(sn)
        updated = datetime.fromtimestamp(int(detail.get("update_time") or 0), UTC)
        payload = {"order": detail, "escrow": escrow}
        if release is not None:
            payload["release"] = {"escrow_release_time": release.get("escrow_release_time"),
                                  "payout_amount": release.get("payout_amount")}
        return RawOrder(sn, updated, payload)

    def fetch_orders(self, since: datetime | None,
                     until: datetime | None = None) -> Iterator[RawOrder]:
        until = until or self._now()
        since = since or (until - HISTORY)
        sns = self.list_order_sns(since, until)
        releases = EscrowReleases(self._shop)
        for i in range(0, len(sns), DETAIL_BATCH):
            details = self.order_details(sns[i:i + DETAIL_BATCH])
            details.sort(key=lambda d: (int(d.get("update_time") or 0), str(d["order_sn"])))
            released = releases.of(details, int(until.timestamp()))
            escrows = self.escrows([str(d["order_sn"]) for d in details
                                    if d.get("order_status") != "UNPAID"])
            for detail in details:
                yield self._raw(detail, released.get(str(detail["order_sn"])), escrows)

    def fetch_order(self, external_id: str) -> RawOrder | None:
        details = self.order_details([external_id])
        if not details:
            return None
        released = EscrowReleases(self._shop).of(details, int(self._now().timestamp()))
        return self._raw(details[0], released.get(external_id))

    # --- normalise --------------------------------------------------------------------------
    def normalise(self, payload: dict[str, Any]) -> Order:
        try:
            return normalise(payload, tz=self.tz, tax_rate=self._tax_rate())
        except (KeyError, TypeError, ArithmeticError) as exc:
            raise PayloadError(f"Shopee order data is incomplete ({exc!r}).") from exc

    def _tax_rate(self) -> Decimal | None:
        value = self.store.setting("tax_rate").strip()
        return Decimal(value) if value else None



def raise_refusal(conn: ShopeeConnector, api: str, data: dict[str, Any]) -> NoReturn:
    """Shopee's error answer as the error a clerk reads (store, cause, what to do)."""
    code = str(data.get("error") or "")
    message = str(data.get("message") or "")
    status = data.get("_http_status")
    where = f"Shopee {api} for store '{conn.store.name}'"
    if code == "error_sign":
        raise AuthError(
            f"{where}: Shopee rejected the request signature ({code}: {message}). The "
            f"partner key saved for this store does not belong to partner id "
            f"{conn.store.setting('partner_id')}: re-enter it with "
            f"`ecdesk secret set {conn.store.name} partner_key`.", status=status, body=data)
    if code in AUTH_ERRORS:
        raise AuthError(
            f"{where}: Shopee refused the authorisation ({code}: {message}). Authorise "
            f"the shop again: `ecdesk store auth {conn.store.name} --code CODE`.",
            status=status, body=data)
    if code in RATE_ERRORS:
        raise RateLimited(f"{where}: Shopee asks us to slow down ({code}: {message}); the "
                          f"next sync continues.", status=status, body=data)
    if code in SERVER_ERRORS:
        raise Unavailable(f"{where}: Shopee had an error ({code}: {message}); try again "
                          f"later.", status=status, body=data)
    if "timestamp" in message.lower():
        raise ApiError(f"{where}: {code}: {message}. Check this PC's date and time.",
                       status=status, body=data)
    raise ApiError(f"{where}: {code}: {message}", status=status, body=data)
