"""Shopify connector over the GraphQL Admin API.

Why GraphQL and not REST: Shopify made the REST Admin API *legacy* on 2024-10-01, new public
apps must be GraphQL-only since 2025-04-01, and new features (idempotency keys, inventory
compare-and-swap) ship for GraphQL only (reference/shopify-woocommerce-contracts.md §0). One
GraphQL query also brings an order with its lines, shipping, refunds and customer, where REST
needs extra calls (transactions are not embedded there).

Contract followed (same reference, §1):

* ``POST {url}/admin/api/{api_version}/graphql.json`` with ``X-Shopify-Access-Token``; the
  version is pinned per store (setting ``api_version``, default :data:`API_VERSION`).
* Token: the secret ``access_token`` when one is saved (an admin-created custom app's static
  token); otherwise the client-credentials grant of a merchant-owned Dev Dashboard app
  (§1.1): ``POST {url}/admin/oauth/access_token`` with ``client_id``/``client_secret``. The
  token and its expiry are saved in the keyring (``oauth_access_token``,
  ``oauth_expires_at``), asked for again :data:`TOKEN_MARGIN` before expiry and once after a
  401 (pitfall 16).
* Orders: ``orders(first, after, query: "updated_at:>='…'", sortKey: UPDATED_AT)`` with
  ``pageInfo{hasNextPage endCursor}``, no status filter (every order, pitfall 1), starting
  :attr:`overlap` before the last sync (pitfall 3; ingest subtracts it from the cursor, once,
  as for every connector); nested ``lineItems``/``shippingLines`` are
  paged when they have more (§1.3).
* Rate limits (§1.7): ``extensions.cost.throttleStatus`` paces the next call before the bucket
  runs dry (pitfall 12); a ``THROTTLED`` answer (HTTP 200 or 429) waits ``(requested -
  currentlyAvailable) / restoreRate`` seconds through the HTTP client's injected ``sleep``; a
  429 with ``Retry-After`` and 5xx are retried by :class:`~ecdesk.sync.http.HttpClient`.
  Every query is kept under the single-query limit of 1000 points (page sizes below).
* Errors (§1.9): 401/402/403/423 and GraphQL ``ACCESS_DENIED`` become
  :class:`~ecdesk.sync.http.AuthError`/:class:`~ecdesk.sync.http.ApiError` saying what to do.

Normalisation follows docs/decisions.md §1 (display number = ``name`` without ``#``; one status
table, :data:`FINANCIAL_STATUS`) and §4 (shipping method = ``code``, else ``title``; payment
= each of ``paymentGatewayNames``). Shop money (``shopMoney``) is used throughout.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import InvalidOperation
from typing import Any

from ecdesk.clock import store_zone
from ecdesk.domain import (
    Order,
    Platform,
)
from ecdesk.sync.connectors.base import ConfigError, Connector, PayloadError, RawOrder, token_fresh
from ecdesk.sync.connectors.shopify_bucket import CostBucket
from ecdesk.sync.connectors.shopify_mapper import (  # noqa: F401 - the mapper's names
    FINANCIAL_STATUS,
    _nodes,
    normalise,
    parse_datetime,
)
from ecdesk.sync.connectors.shopify_payments import Balance, PaymentsReader, carry_over
from ecdesk.sync.http import ApiError, AuthError, RateLimited, loads

log = logging.getLogger(__name__)

API_VERSION = "2026-10"  # latest stable at the time of writing (§0), supported to >= 2027-10
MAX_PAGE_SIZE = 250  # connections' `first` limit (§1.3)
#: orders per page and nested page sizes: the order query then costs about 900 points,
#: under Shopify's single-query maximum of 1000 (§1.7; see the cost test)
ORDERS_PAGE = 8
LINES_PAGE = 5
SHIPPING_PAGE = 3
NESTED_PAGE = 50
MAX_QUERY_COST = 1000  # Shopify's single-query limit on the requested cost (§1.7)
COST_TARGET = 950  # what a sized page may request: the limit less a margin
MAX_NESTED_FIRST = 10  # the most line items a sized page asks per order
TOKEN_MARGIN = timedelta(minutes=5)  # ask for a new client-credentials token this early
THROTTLE_RETRIES = 10
#: a window of at least this many orders comes in one bulk operation (setting
#: ``bulk_threshold``; 0 never uses one)
BULK_THRESHOLD = 250
#: only a window starting further back than this is counted first (regular polls never are)
BULK_CHECK_AFTER = timedelta(hours=1)


_MONEY = "shopMoney { amount currencyCode }"
_TAX = f"taxLines {{ title rate ratePercentage priceSet {{ {_MONEY} }} }}"
_ALLOC = f"discountAllocations {{ allocatedAmountSet {{ {_MONEY} }} }}"
LINE_FIELDS = f"""id sku name quantity currentQuantity
  originalUnitPriceSet {{ {_MONEY} }} {_TAX} {_ALLOC}"""
SHIPPING_FIELDS = f"id title code source originalPriceSet {{ {_MONEY} }} {_TAX} {_ALLOC}"
ORDER_HEAD = f"""
  id legacyResourceId name createdAt updatedAt processedAt cancelledAt cancelReason closedAt
  test email currencyCode presentmentCurrencyCode taxesIncluded displayFinancialStatus
  displayFulfillmentStatus paymentGatewayNames
  totalPriceSet {{ {_MONEY} }} subtotalPriceSet {{ {_MONEY} }} totalTaxSet {{ {_MONEY} }}
  customer {{ id displayName email phone }}
  shippingAddress {{ name address1 address2 city zip province country phone }}"""
REFUND_HEAD = f"id legacyResourceId createdAt note totalRefundedSet {{ {_MONEY} }}"
#: an order without its nested connections (the bulk query's order line, shopify_bulk)
ORDER_SCALARS = f"{ORDER_HEAD}\n  refunds {{ {REFUND_HEAD} }}"


def order_fields(lines: int | str = LINES_PAGE, ships: int | str = SHIPPING_PAGE) -> str:
    """An order with its first ``lines`` line items and ``ships`` shipping lines."""
    return f"""{ORDER_HEAD}
  lineItems(first: {lines}) {{
    pageInfo {{ hasNextPage endCursor }} nodes {{ {LINE_FIELDS} }} }}
  shippingLines(first: {ships}) {{
    pageInfo {{ hasNextPage endCursor }} nodes {{ {SHIPPING_FIELDS} }} }}
  refunds {{ {REFUND_HEAD}
    refundLineItems(first: 10) {{ nodes {{ quantity lineItem {{ id }} }} }} }}
"""


ORDER_FIELDS = order_fields()
ORDERS_QUERY = f"""query EcdeskOrders($first: Int!, $after: String, $query: String,
    $lines: Int = {LINES_PAGE}, $ships: Int = {SHIPPING_PAGE}) {{
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {{
    pageInfo {{ hasNextPage endCursor }}
    nodes {{ {order_fields("$lines", "$ships")} }}
  }}
}}"""
ORDER_QUERY = f"""query EcdeskOrder($id: ID!) {{ order(id: $id) {{ {ORDER_FIELDS} }} }}"""
NESTED_QUERIES = {
    "lineItems": f"""query EcdeskLines($id: ID!, $after: String) {{ order(id: $id) {{
  lineItems(first: {NESTED_PAGE}, after: $after) {{
    pageInfo {{ hasNextPage endCursor }} nodes {{ {LINE_FIELDS} }} }} }} }}""",
    "shippingLines": f"""query EcdeskShipping($id: ID!, $after: String) {{ order(id: $id) {{
  shippingLines(first: {NESTED_PAGE}, after: $after) {{
    pageInfo {{ hasNextPage endCursor }} nodes {{ {SHIPPING_FIELDS} }} }} }} }}""",
}
COUNT_QUERY = """query EcdeskCount($query: String, $limit: Int) {
  ordersCount(query: $query, limit: $limit) { count precision } }"""
SHOP_QUERY = "query EcdeskShop { shop { name myshopifyDomain currencyCode ianaTimezone } }"


def gql_datetime(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


#: requested points of one more line item / shipping line in a page: the node and each
#: object (braced selection) inside it (§1.7: objects 1, scalars 0)
LINE_POINTS = 1 + LINE_FIELDS.count("{")
SHIP_POINTS = 1 + SHIPPING_FIELDS.count("{")
UNKNOWN_MORE = 10**6  # an order whose lines were cut short counts as longer than any page


@dataclasses.dataclass
class PageShape:
    """Orders per page and the line items / shipping lines asked per order.

    Shopify refuses a query whose *requested* cost (the worst case: every order with
    ``lines`` line items) passes 1000 points, while the bucket pays the *actual* cost (what
    came back). After each page :meth:`learn` reads both: ``requestedQueryCost`` calibrates
    what one order of this shape is priced at, and the orders that came back (what the
    actual cost counted) show how many lines orders really have. The next shape asks as few
    nested lines as most orders need (the rare long order's extra lines are fetched
    separately, §1.3), choosing the one that makes the fewest calls an order, and then as
    many orders as fit under :data:`COST_TARGET`. The orders it learns from are complete
    (their extra lines fetched), so a shop of long orders asks for long pages of few orders.
    """

    first: int = ORDERS_PAGE
    lines: int = LINES_PAGE
    ships: int = SHIPPING_PAGE
    fixed: bool = False  # the store's page_size setting pins the page
    base: float | None = None  # requested points an order costs besides its nested lines
    #: orders seen by their number of line items / shipping lines (:data:`UNKNOWN_MORE`:
    #: cut short, count unknown)
    lines_seen: Counter[int] = dataclasses.field(default_factory=Counter)
    ships_seen: Counter[int] = dataclasses.field(default_factory=Counter)

    def variables(self) -> dict[str, int]:
        return {"first": self.first, "lines": self.lines, "ships": self.ships}

    def per_order(self, lines: int, ships: int) -> float:
        assert self.base is not None
        return self.base + lines * LINE_POINTS + ships * SHIP_POINTS + 4  # 2 per connection

    def learn(self, cost: dict[str, Any], nodes: list[dict[str, Any]]) -> None:
        requested, actual = cost.get("requestedQueryCost"), cost.get("actualQueryCost")
        if isinstance(requested, int | float) and self.first:
            self.base = (requested - 2) / self.first - self.per_order_nested()
        for node in nodes:
            self.lines_seen[_count(node.get("lineItems"))] += 1
            self.ships_seen[_count(node.get("shippingLines"))] += 1
        if self.fixed or self.base is None or not self.lines_seen:
            return
        best = min(((self._calls(lines, ships), lines, ships)
                    for lines in range(1, MAX_NESTED_FIRST + 1)
                    for ships in range(1, SHIPPING_PAGE + 1)), default=None)
        if best is None:
            return
        _calls, self.lines, self.ships = best
        self.first = self._fit(self.lines, self.ships)
        if isinstance(actual, int | float) and isinstance(requested, int | float):
            log.debug("Shopify page cost %s of %s requested; next page %d orders x %d lines",
                      actual, requested, self.first, self.lines)

    def per_order_nested(self) -> float:
        return self.lines * LINE_POINTS + self.ships * SHIP_POINTS + 4

    def _fit(self, lines: int, ships: int) -> int:
        return max(1, min(MAX_PAGE_SIZE, int((COST_TARGET - 2) // self.per_order(lines,
                                                                                 ships))))

    def _calls(self, lines: int, ships: int) -> float:
        """Calls an order costs with this shape: its share of a page, plus the chance it
        has more lines than asked (one more call each; an order seen cut short counts as
        longer than anything not yet tried)."""
        n = self.lines_seen.total()
        longer = sum(c for count, c in self.lines_seen.items() if count > lines)
        wider = sum(c for count, c in self.ships_seen.items() if count > ships)
        return 1 / self._fit(lines, ships) + (longer + wider) / n

    def expected_cost(self) -> int:
        """The requested cost of the next page, for pacing against the bucket."""
        if self.base is None:
            return 0
        return int(2 + self.first * self.per_order(self.lines, self.ships))


def _count(conn: Any) -> int:
    """How many nodes a connection holds (:data:`UNKNOWN_MORE` when it has more)."""
    if not isinstance(conn, dict):
        return 0
    if (conn.get("pageInfo") or {}).get("hasNextPage"):
        return UNKNOWN_MORE
    return len(conn.get("nodes") or [])




class ShopifyConnector(Connector):
    platform = Platform.SHOPIFY
    carries_over = True  # an order keeps the Shopify Payments transactions seen before
    carry_over = staticmethod(carry_over)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bucket = CostBucket(self.http)  # the GraphQL cost points (§1.7)
        self._version_warned = False
        self.balance = Balance()  # the last fetch's Shopify Payments transactions

    # --- addresses ---------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        url = (self.store.url or "").strip().rstrip("/")
        if not url:
            raise ConfigError(f"Store '{self.store.name}' has no URL. Enter the shop address, "
                              "e.g. https://your-shop.myshopify.com.")
        return url if "://" in url else f"https://{url}"

    @property
    def api_version(self) -> str:
        return self.store.setting("api_version", API_VERSION)

    @property
    def endpoint(self) -> str:
        return f"{self.base_url}/admin/api/{self.api_version}/graphql.json"

    @property
    def bulk_threshold(self) -> int:
        text = self.store.setting("bulk_threshold", str(BULK_THRESHOLD))
        try:
            return max(0, int(text))
        except ValueError as exc:
            raise ConfigError(f"Store '{self.store.name}': bulk_threshold '{text}' is not a "
                              "whole number (0 turns bulk operations off).") from exc

    @property
    def page_size(self) -> int:
        text = self.store.setting("page_size", str(ORDERS_PAGE))
        try:
            size = int(text)
        except ValueError as exc:
            raise ConfigError(f"Store '{self.store.name}': page_size '{text}' is not a whole "
                              "number.") from exc
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise ConfigError(f"Store '{self.store.name}': page_size must be 1 to "
                              f"{MAX_PAGE_SIZE}, not {size}.")
        return size

    # --- token -------------------------------------------------------------------------------
    def _token(self, renew: bool = False) -> tuple[str, bool]:
        """The access token to send and whether ecdesk can renew it itself."""
        static = self.credentials.get("access_token")
        if static:
            return static, False
        if not renew:
            token = self.credentials.get("oauth_access_token")
            if token and token_fresh(self.credentials, "oauth_expires_at", self.clock(),
                                     TOKEN_MARGIN):
                return token, True
        return self._request_token(), True

    def _request_token(self) -> str:
        """Client-credentials grant (§1.1); saves the token and its expiry in the keyring."""
        client_id = self.credentials.get("client_id")
        client_secret = self.credentials.get("client_secret")
        if not (client_id and client_secret):
            raise ConfigError(
                f"Store '{self.store.name}' has no Shopify credentials saved. Save either "
                f"'access_token', or 'client_id' and 'client_secret' of the store's app "
                f"(`ecdesk secret set {self.store.name} client_id`).")
        resp = self.http.request(
            "POST", f"{self.base_url}/admin/oauth/access_token",
            data={"grant_type": "client_credentials", "client_id": client_id,
                  "client_secret": client_secret},
            headers={"Accept": "application/json"}, retry_writes=True,
            what=f"Shopify sign-in for store '{self.store.name}'")
        body = _json(resp.content)
        if resp.status_code in (400, 401, 403):
            detail = (body.get("error_description") or body.get("error") or body.get("errors")
                      if isinstance(body, dict) else None) or f"HTTP {resp.status_code}"
            raise AuthError(
                f"Shopify refused the app's client ID and secret for store '{self.store.name}' "
                f"({detail}). Copy both again from the app's Settings in the Shopify Dev "
                "Dashboard and check the app is installed on this store.",
                status=resp.status_code, body=body)
        if resp.status_code != 200 or not isinstance(body, dict) or not body.get("access_token"):
            raise http_error(self, resp.status_code, body, "sign in")
        token = str(body["access_token"])
        expires_in = int(body.get("expires_in") or 86399)
        self.credentials.set("oauth_access_token", token)
        self.credentials.set("oauth_expires_at",
                             (self.clock() + timedelta(seconds=expires_in)).isoformat())
        return token

    # --- one GraphQL call ----------------------------------------------------------------------
    def graphql(self, query: str, variables: dict[str, Any] | None = None,
                operation: str = "", *, retry_writes: bool = True) -> dict[str, Any]:
        """Run one query and return its ``data``; paces, retries throttling, renews tokens.
        ``retry_writes=False``: a mutation whose answer is lost is not sent again (the HTTP
        client raises ``MaybeApplied``)."""
        renewed = False
        throttles = 0
        token, renewable = self._token()
        while True:
            self.bucket.pace(operation)
            try:
                resp = self.http.request(
                    "POST", self.endpoint, json_body={"query": query, "variables": variables or {}},
                    headers={"X-Shopify-Access-Token": token, "Accept": "application/json"},
                    retry_writes=retry_writes, what=f"Shopify store '{self.store.name}'")
            except RateLimited as exc:  # 429 after the client's own retries
                if _codes(exc.body) & {"THROTTLED"} and throttles < THROTTLE_RETRIES:
                    throttles += 1
                    self.bucket.wait_throttled(exc.body)
                    continue
                raise RateLimited(
                    f"Shopify kept asking ecdesk to slow down for store '{self.store.name}'. "
                    "Nothing was lost; the next sync continues where this one stopped.",
                    status=429, body=exc.body) from exc
            self._check_version(resp.headers)
            body = _json(resp.content)
            if resp.status_code == 401 and renewable and not renewed:
                renewed = True
                token, renewable = self._token(renew=True)
                continue
            if resp.status_code >= 400:
                raise http_error(self, resp.status_code, body, "read orders")
            if not isinstance(body, dict):
                raise ApiError(f"Shopify sent an answer ecdesk cannot read for store "
                               f"'{self.store.name}'. Try again later.", status=resp.status_code)
            cost = (body.get("extensions") or {}).get("cost") or {}
            self.bucket.note(cost, operation)
            codes = _codes(body)
            if "THROTTLED" in codes:
                if throttles >= THROTTLE_RETRIES:
                    raise RateLimited(
                        f"Shopify kept throttling store '{self.store.name}'. Nothing was lost; "
                        "the next sync continues where this one stopped.", status=200, body=body)
                throttles += 1
                self.bucket.wait_throttled(body)
                continue
            if "ACCESS_DENIED" in codes:
                raise AuthError(
                    f"Shopify denied ecdesk access to some order data of store "
                    f"'{self.store.name}' ({_messages(body)}). Give the app the read_orders and "
                    "read_all_orders scopes in the Shopify Dev Dashboard, release and reinstall "
                    "it.", status=resp.status_code, body=body)
            if body.get("errors"):
                raise ApiError(f"Shopify rejected ecdesk's request for store "
                               f"'{self.store.name}': {_messages(body)}",
                               status=resp.status_code, body=body)
            data = body.get("data")
            if not isinstance(data, dict):
                raise ApiError(f"Shopify sent no data for store '{self.store.name}'. "
                               "Try again later.", status=resp.status_code, body=body)
            return data

    def _check_version(self, headers: Any) -> None:
        """Shopify answers an unsupported version with the oldest supported one (§0)."""
        served = headers.get("x-shopify-api-version")
        if served and served != self.api_version and not self._version_warned:
            self._version_warned = True
            log.warning("Store '%s': Shopify served API version %s instead of the pinned %s; "
                        "update the store's api_version setting.", self.store.name, served,
                        self.api_version)
        reason = headers.get("x-shopify-api-deprecated-reason")
        if reason:
            log.warning("Store '%s': Shopify reports a deprecated call: %s", self.store.name,
                        reason)

    # --- fetching ----------------------------------------------------------------------------
    def fetch_orders(self, since: datetime | None,
                     until: datetime | None = None) -> Iterator[RawOrder]:
        """Every order updated in the window, oldest change first; then (the orders all
        given) the window's Shopify Payments balance transactions, read once
        (:mod:`.shopify_payments`), which :meth:`late_updates` hands to ingest."""
        self.balance = Balance()
        yield from self._fetch(since, until)
        self.balance = PaymentsReader(self).read(since, until)

    def late_updates(self) -> dict[str, dict[str, Any]]:
        return self.balance.late()

    def _fetch(self, since: datetime | None, until: datetime | None) -> Iterator[RawOrder]:
        """The orders of :meth:`fetch_orders`.

        Backfills and large catch-ups come in one bulk operation (:mod:`.shopify_bulk`): when
        the window has no start (the first sync: the store's whole history) or starts more
        than :data:`BULK_CHECK_AFTER` ago (a sync after the PC was off, a resync of past
        days), Shopify is first asked how many orders it holds (``ordersCount``, 1 point);
        at :attr:`bulk_threshold` (default :data:`BULK_THRESHOLD`) or more, a bulk operation
        fetches them. Regular polls, smaller windows and a bulk operation that fails are
        paged, each page sized by what the last one cost (:class:`PageShape`).
        """
        terms = []
        if since is not None:
            terms.append(f"updated_at:>='{gql_datetime(since)}'")  # ingest took the overlap
        if until is not None:
            terms.append(f"updated_at:<='{gql_datetime(until)}'")
        search = " AND ".join(terms) or None
        if self._wants_bulk(since, search):
            from ecdesk.sync.connectors.shopify_bulk import run_bulk

            orders = run_bulk(self, search)
            if orders is not None:
                for node in orders:
                    yield self._raw(node)
                return
        yield from self._pages(search)

    def _wants_bulk(self, since: datetime | None, search: str | None) -> bool:
        threshold = self.bulk_threshold
        if threshold <= 0 or (since is not None and self.clock() - since < BULK_CHECK_AFTER):
            return False
        try:
            data = self.graphql(COUNT_QUERY, {"query": search, "limit": threshold}, "count")
        except ApiError as exc:
            if isinstance(exc, AuthError) or exc.status != 200:
                raise
            log.info("Store '%s': Shopify did not count the orders (%s); paging",
                     self.store.name, exc)
            return False
        count = (data.get("ordersCount") or {}).get("count")
        return isinstance(count, int) and count >= threshold

    def _pages(self, search: str | None) -> Iterator[RawOrder]:
        pinned = bool(self.store.settings.get("page_size"))
        shape = PageShape(first=self.page_size, fixed=pinned)
        after: str | None = None
        while True:
            variables = {**shape.variables(), "after": after, "query": search}
            if shape.base is not None:  # pace for this page's own requested cost
                self.bucket.last_cost["orders"] = shape.expected_cost()
            try:
                data = self.graphql(ORDERS_QUERY, variables, "orders")
            except ApiError as exc:
                if "MAX_COST_EXCEEDED" not in _codes(exc.body) or shape.first <= 1:
                    raise
                # a page too costly for one query (e.g. a large page_size): halve it
                shape.first //= 2
                log.info("Shopify query too costly; asking %d orders a page", shape.first)
                continue
            cost = self.bucket.seen  # this page's, before the long orders' own calls
            conn = data.get("orders") or {}
            nodes = [self._complete(node) for node in conn.get("nodes") or []]
            shape.learn(cost, nodes)  # whole orders: how many lines they really have
            for node in nodes:
                yield self._raw(node)
            page = conn.get("pageInfo") or {}
            if not page.get("hasNextPage"):
                return
            after = page.get("endCursor")

    def fetch_order(self, external_id: str) -> RawOrder | None:
        gid = external_id if external_id.startswith("gid://") else \
            f"gid://shopify/Order/{external_id}"
        node = self.graphql(ORDER_QUERY, {"id": gid}, "order").get("order")
        return None if node is None else self._raw(self._complete(node))

    def _complete(self, node: dict[str, Any]) -> dict[str, Any]:
        """Page nested connections that have more than the first page (§1.3)."""
        for field, query in NESTED_QUERIES.items():
            conn = node.get(field)
            if not isinstance(conn, dict):
                continue
            while (conn.get("pageInfo") or {}).get("hasNextPage"):
                data = self.graphql(query, {"id": node["id"],
                                            "after": conn["pageInfo"]["endCursor"]}, field)
                more = (data.get("order") or {}).get(field) or {}
                conn["nodes"].extend(more.get("nodes") or [])
                conn["pageInfo"] = more.get("pageInfo") or {"hasNextPage": False}
        return node

    def _raw(self, node: dict[str, Any]) -> RawOrder:
        try:
            return RawOrder(external_id=str(node["legacyResourceId"]),
                            updated_at=parse_datetime(node["updatedAt"]), payload=node)
        except (KeyError, TypeError, ValueError) as exc:
            raise ApiError(f"Shopify sent an order without id or update time for store "
                           f"'{self.store.name}'.") from exc

    def test_connection(self) -> str:
        shop = self.graphql(SHOP_QUERY, {}, "shop").get("shop") or {}
        return (f"Connected to Shopify store '{shop.get('name')}' "
                f"({shop.get('myshopifyDomain')}), currency {shop.get('currencyCode')}, "
                f"Admin API {self.api_version}.")

    # --- normalisation -----------------------------------------------------------------------
    def normalise(self, payload: dict[str, Any]) -> Order:
        try:
            return normalise(payload, store_zone(self.store.setting("timezone")))
        except PayloadError:
            raise
        except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as exc:
            name = payload.get("name") if isinstance(payload, dict) else None
            raise PayloadError(f"Shopify order {name or '?'} is missing or has an unreadable "
                               f"field ({exc.__class__.__name__}: {exc}).") from exc

def http_error(conn: ShopifyConnector, status: int, body: Any, action: str) -> ApiError:
    """Shopify's HTTP refusal as an error naming the store and what to do."""
    detail = body.get("errors") if isinstance(body, dict) else None
    detail = f": {detail}" if isinstance(detail, str) else ""
    name = conn.store.name
    if status == 401:
        how = ("Check the Admin API access token saved for this store (secret "
               "'access_token')." if conn.credentials.get("access_token") else
               "ecdesk asked for a new token and Shopify refused it as well; check the "
               "app's client ID and secret and that the app is still installed.")
        return AuthError(f"Shopify refused ecdesk's access token for store '{name}' "
                         f"(HTTP 401{detail}). {how}", status=status, body=body)
    if status == 403:
        return AuthError(f"Shopify says the app may not {action} in store '{name}' "
                         f"(HTTP 403{detail}). Give the app the read_orders and "
                         "read_all_orders scopes in the Shopify Dev Dashboard, release and "
                         "reinstall it.", status=status, body=body)
    if status == 402:
        return ApiError(f"Shopify has frozen store '{name}' for an unpaid bill (HTTP 402). "
                        "The store owner must settle it in Shopify; then sync again.",
                        status=status, body=body)
    if status == 423:
        return ApiError(f"Shopify has locked store '{name}' (HTTP 423). The store owner "
                        "must contact Shopify support; then sync again.",
                        status=status, body=body)
    if status == 404:
        return ApiError(f"No Shopify Admin API answers at {conn.base_url} for version "
                        f"{conn.api_version} (HTTP 404). Check the store URL "
                        "(https://NAME.myshopify.com) and the api_version setting.",
                        status=status, body=body)
    return ApiError(f"Shopify could not {action} for store '{name}' (HTTP {status}"
                    f"{detail}).", status=status, body=body)


# --- helpers --------------------------------------------------------------------------------

def _json(content: bytes) -> Any:
    try:
        return loads(content) if content else None
    except ValueError:
        return None


def _errors(body: Any) -> list[dict[str, Any]]:
    errors = body.get("errors") if isinstance(body, dict) else None
    return [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []


def _codes(body: Any) -> set[str]:
    return {str((e.get("extensions") or {}).get("code")) for e in _errors(body)}


def _messages(body: Any) -> str:
    errors = body.get("errors") if isinstance(body, dict) else None
    if isinstance(errors, str):
        return errors
    return "; ".join(str(e.get("message")) for e in _errors(body)) or "no reason given"


