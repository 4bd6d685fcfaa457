"""WooCommerce REST API v3 (``/wp-json/wc/v3``) connector.

Contract: reference/shopify-woocommerce-contracts.md §2 (auth §2.1, listing §2.2, fields
§2.3, refunds §2.4, errors §2.8) and pitfalls 3, 4, 5, 7, 8, 13 of §4.

* Auth (§2.1): over HTTPS, HTTP Basic with the consumer key/secret; hosts that strip the
  ``Authorization`` header answer 401 ``woocommerce_rest_cannot_view`` even with good keys
  (pitfall 13), so after that answer the connector retries once with the
  ``consumer_key``/``consumer_secret`` query pair and keeps using it (store setting
  ``auth=query`` chooses it from the start). Over plain HTTP WooCommerce demands OAuth 1.0a
  one-legged signing (:func:`oauth1_params`), signed afresh for every attempt.
  ``auth=basic|query|oauth1`` forces a method.
* Incremental listing (§2.2): ``modified_after`` (exclusive) with ``dates_are_gmt=true``,
  ``orderby=modified&order=asc``, ``status=any``, ``per_page`` at most 100; paged by moving
  ``modified_after`` forward rather than by offset (pitfall 3, :meth:`_modified_window`).
* Partial refunds do not change ``date_modified`` (pitfall 4, woocommerce#28969), so every
  incremental fetch also polls refunds created since then (``GET /refunds?after=``, WC >= 9)
  and re-reads their orders; an older store (``rest_no_route``) is covered by re-reading
  orders created in the last ``refund_lookback_days`` (default 60) that carry refunds.
* Money (pitfall 5): line ``subtotal``/``total`` are always ex-tax. The canonical Order
  takes the store's basis: ``prices_include_tax`` true -> ``taxes_included`` and every
  line/shipping/fee amount is ``ex-tax + its tax``; false -> amounts stay ex-tax and tax is
  added on top. Coupons are already inside the line totals: line ``discount`` is
  ``subtotal - total`` (plus ``subtotal_tax - total_tax`` on the inclusive basis), never an
  order-level discount. ``fee_lines`` become ``extras``; ``refunds[].total`` (negative)
  become positive :class:`~ecdesk.domain.Refund` amounts (pitfall 7).
* WooPayments (:mod:`.woopayments`): after the orders, the shop's WooPayments transactions
  and deposits are read once per fetch and merged into the stored orders (a deposit paid
  since changes no order); a shop without the plugin (``rest_no_route``) posts as before.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Generator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from ecdesk.clock import store_zone
from ecdesk.domain import (
    Order,
    Platform,
)
from ecdesk.sync.connectors.base import ConfigError, Connector, PayloadError, RawOrder
from ecdesk.sync.connectors.woocommerce_mapper import (  # noqa: F401 - the mapper's names
    STATUS_TABLE,
    dec,
    guess_rate,
    normalise,
    parse_gmt,
)
from ecdesk.sync.connectors.woopayments import Deposits, WooPaymentsReader, carry_over
from ecdesk.sync.http import ApiError, AuthError, loads

API_PREFIX = "/wp-json/wc/v3"
MAX_PER_PAGE = 100  # WC REST CRUD controller: per_page must be between 1 and 100 (§2.2)

AUTH_MODES = ("auto", "basic", "query", "oauth1")


def rfc3986(value: str) -> str:
    """Percent-encode everything but unreserved characters (RFC 5849 §3.6)."""
    return quote(value, safe="-_.~")


def signature_base_url(url: httpx.URL) -> str:
    """Scheme, host, non-default port and path, lower-cased where RFC 5849 §3.4.1.2 says."""
    default = {"http": 80, "https": 443}.get(url.scheme)
    port = f":{url.port}" if url.port and url.port != default else ""
    return f"{url.scheme.lower()}://{url.host.lower()}{port}{url.path}"


def oauth1_signature(method: str, url: httpx.URL, params: list[tuple[str, str]],
                     secret: str) -> str:
    """HMAC-SHA256 signature of a one-legged OAuth 1.0a request as WooCommerce checks it
    (§2.1): all query parameters sorted, RFC 3986 encoded; key ``consumer_secret&``."""
    pairs = sorted((rfc3986(k), rfc3986(v)) for k, v in params if k != "oauth_signature")
    normalised = "&".join(f"{k}={v}" for k, v in pairs)
    text = "&".join((method.upper(), rfc3986(signature_base_url(url)), rfc3986(normalised)))
    mac = hmac.new(f"{secret}&".encode(), text.encode(), hashlib.sha256).digest()
    return base64.b64encode(mac).decode()


class WooOAuth1(httpx.Auth):
    """Adds fresh OAuth 1.0a query parameters to every attempt (a retried request must not
    reuse its nonce: "Invalid nonce - nonce has already been used.")."""

    def __init__(self, key: str, secret: str, clock) -> None:
        self.key, self.secret, self.clock = key, secret, clock

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        params = [(k, v) for k, v in request.url.params.multi_items()
                  if not k.startswith("oauth_")]
        params += [
            ("oauth_consumer_key", self.key),
            ("oauth_timestamp", str(int(self.clock().timestamp()))),
            ("oauth_nonce", secrets.token_hex(16)),
            ("oauth_signature_method", "HMAC-SHA256"),
        ]
        params.append(("oauth_signature",
                       oauth1_signature(request.method, request.url, params, self.secret)))
        request.url = request.url.copy_with(params=params)
        yield request


def gmt(dt: datetime) -> str:
    """A ``dates_are_gmt=true`` query value: naive ISO 8601 in UTC, whole seconds."""
    return dt.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat()


class WooCommerceConnector(Connector):
    platform = Platform.WOOCOMMERCE
    carries_over = True  # an order keeps the WooPayments transactions seen before
    carry_over = staticmethod(carry_over)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deposits = Deposits()  # the last fetch's WooPayments transactions

    # --- HTTP -----------------------------------------------------------------------------
    @property
    def base(self) -> str:
        url = self.store.url.rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"Store '{self.store.name}' URL '{self.store.url}' must start "
                              "with https:// (or http://). Fix it in Integration.")
        return url + API_PREFIX

    @property
    def page_size(self) -> int:
        """``page_size`` store setting, never above WooCommerce's maximum of 100."""
        try:
            size = int(self.store.setting("page_size", str(MAX_PER_PAGE)))
        except ValueError:
            size = MAX_PER_PAGE
        return max(1, min(size, MAX_PER_PAGE))

    def _auth_mode(self) -> str:
        mode = getattr(self, "_mode", None) or self.store.setting("auth", "auto").lower()
        if mode not in AUTH_MODES:
            raise ConfigError(f"Store '{self.store.name}' setting auth='{mode}' is not one of "
                              f"{', '.join(AUTH_MODES)}.")
        if mode == "auto":
            mode = "basic" if self.store.url.startswith("https://") else "oauth1"
        return mode

    def _send(self, path: str, params: dict[str, Any], mode: str) -> httpx.Response:
        key = self.require_secret("consumer_key")
        secret = self.require_secret("consumer_secret")
        auth: httpx.Auth | tuple[str, str] | None = None
        query = dict(params)
        if mode == "basic":
            auth = (key, secret)
        elif mode == "query":
            query.update(consumer_key=key, consumer_secret=secret)
        else:
            auth = WooOAuth1(key, secret, self.clock)
        return self.http.request("GET", self.base + path, params=query, auth=auth,
                                 what=f"WooCommerce {self.store.name}")

    def _get(self, path: str, params: dict[str, Any] | None = None) -> httpx.Response:
        """GET with this store's auth; errors raised in words (§2.8)."""
        mode = self._auth_mode()
        resp = self._send(path, params or {}, mode)
        if (resp.status_code == 401 and mode == "basic" and self.store.url.startswith("https")
                and _code(resp) == "woocommerce_rest_cannot_view"):
            # pitfall 13: the host dropped the Authorization header; query keys get through
            resp = self._send(path, params or {}, "query")
            if resp.status_code < 400:
                self._mode = "query"
        if resp.status_code >= 400:
            raise self._error(resp)
        return resp

    def _error(self, resp: httpx.Response) -> ApiError:
        body = _json(resp)
        where = f"WooCommerce store '{self.store.name}'"
        if not isinstance(body, dict):
            return ApiError(
                f"{where} answered HTTP {resp.status_code} with a web page instead of data "
                "(a host or firewall error). Try again later; if it persists, ask the host "
                "to allow the WooCommerce REST API.", status=resp.status_code, body=body)
        code, message = body.get("code", ""), body.get("message", "")
        if resp.status_code in (401, 403):
            hint = ("Check the consumer key and secret in Integration (WooCommerce > Settings "
                    "> Advanced > REST API; the key needs Read permission).")
            if code == "woocommerce_rest_cannot_view":
                hint = ("The store did not accept the key (unknown key, or the host strips "
                        "the Authorization header: set auth=query on the store). " + hint)
            elif "timestamp" in message:
                hint = "Check this computer's date and time, then try again."
            return AuthError(f"{where} refused the request: {message} {hint}",
                             status=resp.status_code, body=body)
        return ApiError(f"{where} answered HTTP {resp.status_code}: {message} ({code})",
                        status=resp.status_code, body=body)

    def get_json(self, path: str, params: dict[str, Any]) -> Any:
        """The JSON body of a GET (a plugin's route: WooPayments); errors as :meth:`_get`."""
        return _json(self._get(path, params))

    def _list(self, path: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
        """One page of a listing and its ``X-WP-TotalPages``."""
        resp = self._get(path, params)
        rows = _json(resp)
        if not isinstance(rows, list):
            raise ApiError(f"WooCommerce store '{self.store.name}' sent a list page that is "
                           "not a JSON list.", status=resp.status_code)
        return rows, int(resp.headers.get("X-WP-TotalPages") or 0)

    def _pages(self, path: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every row of a listing whose rows do not move (refunds, a fixed date window)."""
        page = 1
        while True:
            rows, pages = self._list(path, {**params, "per_page": self.page_size, "page": page})
            yield from rows
            if not rows or page >= pages:
                return
            page += 1

    # --- Connector ------------------------------------------------------------------------
    def fetch_orders(
        self, since: datetime | None, until: datetime | None = None
    ) -> Iterator[RawOrder]:
        """Every order changed (or refunded) in the window; then (the orders all given) the
        window's WooPayments transactions, read once (:mod:`.woopayments`), which
        :meth:`late_updates` hands to ingest."""
        self.deposits = Deposits()
        yield from self._fetch(since, until)
        self.deposits = WooPaymentsReader(self).read(since, until)

    def late_updates(self) -> dict[str, dict[str, Any]]:
        return self.deposits.late()

    def _fetch(self, since: datetime | None, until: datetime | None) -> Iterator[RawOrder]:
        """The orders of :meth:`fetch_orders`."""
        seen: set[str] = set()
        for payload in self._modified_window(since, until):
            raw = self._raw(payload)
            seen.add(raw.external_id)
            yield raw
        if since is None:
            return
        for order_id in self._refunded_since(since, until):
            if order_id in seen:
                continue
            raw = self.fetch_order(order_id)
            if raw is not None:
                seen.add(order_id)
                yield raw

    def _modified_window(self, since: datetime | None,
                         until: datetime | None) -> Iterator[dict[str, Any]]:
        """Orders by ``date_modified`` ascending, each version once.

        Offset paging over a result set that changes while we page skips rows (pitfall 3):
        an order edited meanwhile jumps to the end and every later row shifts one place
        back. So each next page restarts at ``modified_after`` = the last row's
        ``date_modified`` less a second (exclusive; WooCommerce keeps whole seconds) and rows
        already seen in the same version are dropped; only when a whole page shares that
        second does it fall back to the next page number.
        """
        base: dict[str, Any] = {"orderby": "modified", "order": "asc", "status": "any",
                                "dates_are_gmt": "true", "per_page": self.page_size}
        if until is not None:
            base["modified_before"] = gmt(until + timedelta(seconds=1))
        after = since - timedelta(seconds=1) if since is not None else None
        page = 1
        seen: set[tuple[str, str]] = set()
        while True:
            params = {**base, "page": page}
            if after is not None:
                params["modified_after"] = gmt(after)
            rows, _pages = self._list("/orders", params)
            for row in rows:
                version = (str(row.get("id")), str(row.get("date_modified_gmt")))
                if version not in seen:
                    seen.add(version)
                    yield row
            if len(rows) < self.page_size:
                return
            last = parse_gmt(rows[-1].get("date_modified_gmt"), "date_modified_gmt")
            step = last - timedelta(seconds=1)
            if after is not None and step <= after:
                page += 1  # a whole page within one second: go deeper in the same window
            else:
                after, page = step, 1

    def _refunded_since(self, since: datetime, until: datetime | None) -> Iterator[str]:
        """Ids of orders refunded since ``since`` though maybe not modified (pitfall 4)."""
        params: dict[str, Any] = {"after": gmt(since - timedelta(seconds=1)),
                                  "dates_are_gmt": "true", "orderby": "date", "order": "asc"}
        if until is not None:
            params["before"] = gmt(until + timedelta(seconds=1))
        try:
            yield from dict.fromkeys(str(r["parent_id"]) for r in self._pages("/refunds",
                                                                               params))
            return
        except ApiError as exc:
            if exc.status != 404:
                raise
        days = int(self.store.setting("refund_lookback_days", "60"))
        recent = {"after": gmt(self.clock() - timedelta(days=days)), "dates_are_gmt": "true",
                  "orderby": "date", "order": "asc", "status": "any"}
        for payload in self._pages("/orders", recent):
            if payload.get("refunds"):
                yield str(payload["id"])

    def fetch_order(self, external_id: str) -> RawOrder | None:
        try:
            payload = _json(self._get(f"/orders/{int(external_id)}"))
        except ApiError as exc:
            if exc.status == 404:
                return None
            raise
        return self._raw(payload)

    def _raw(self, payload: dict[str, Any]) -> RawOrder:
        """A RawOrder; orders with refunds carry the refunds' detail (dates, lines) under
        ``_ecdesk_refunds`` from ``GET /orders/{id}/refunds`` (§2.4)."""
        oid = str(payload.get("id", ""))
        if payload.get("refunds") and oid.isdigit():
            payload["_ecdesk_refunds"] = list(self._pages(f"/orders/{oid}/refunds", {}))
        try:
            updated = parse_gmt(payload.get("date_modified_gmt"), "date_modified_gmt")
        except PayloadError:
            updated = self.clock()
        return RawOrder(external_id=oid, updated_at=updated, payload=payload)

    def test_connection(self) -> str:
        resp = self._get("/orders", {"per_page": 1, "status": "any"})
        total = resp.headers.get("X-WP-Total", "?")
        how = {"basic": "Basic auth", "query": "query-string keys",
               "oauth1": "OAuth 1.0a signing"}[self._auth_mode()]
        return (f"Connected to WooCommerce store '{self.store.name}' ({how}): "
                f"{total} orders visible.")

    # --- normalisation --------------------------------------------------------------------
    def normalise(self, payload: dict[str, Any]) -> Order:
        return normalise(payload, store_zone(self.store.setting("timezone")))


def _json(resp: httpx.Response) -> Any:
    try:
        return loads(resp.content)
    except ValueError:
        return resp.text[:500]


def _code(resp: httpx.Response) -> str:
    body = _json(resp)
    return str(body.get("code", "")) if isinstance(body, dict) else ""
