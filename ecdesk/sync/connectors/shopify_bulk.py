"""Shopify backfills in one bulk operation (shopify.dev, "Perform bulk operations with the
GraphQL Admin API"; reference/shopify-woocommerce-contracts.md §1.3 "for big backfills use bulk
operations").

A bulk query is not priced against the 1000-point single-query limit nor drained from the
bucket: only the ``bulkOperationRunQuery`` mutation (about 10 points) and the polls (1 point
each) are. Shopify exports every order of the window with all its line items and shipping lines
to a JSONL file; this module:

1. starts the operation (:data:`BULK_RUN`) over :data:`BULK_ORDERS_QUERY`: the fields of the
   paged query (``shopify.ORDER_FIELDS``), with whole connections instead of pages and a
   ``__typename`` on each nested node so its lines can be told apart;
2. polls it by ``node(id:)`` (``currentBulkOperation`` is deprecated from 2026-04) with a
   back-off from :data:`POLL_FIRST` to :data:`POLL_MAX` seconds through the HTTP client's
   ``sleep``, which wakes on the run's Cancel, for at most :data:`TIMEOUT` seconds;
3. downloads the JSONL from ``url`` (a storage link: no Shopify token is sent to it) and
   stitches each nested line to its parent by ``__parentId`` (:func:`stitch`): the same order
   dicts as a page gives, so normalisation is unchanged;
4. reads the refunds' line items, which a bulk query cannot (Shopify refuses a connection
   inside a list field: ``Order.refunds`` is a list), for the orders that have refunds, in
   batches of :data:`REFUND_BATCH` through ``nodes(ids:)``.

Anything else than a completed operation returns ``None`` with a log line, and the connector
pages through the same window instead: nothing is lost, only time. That is: a ``userErrors``
refusal (another operation still running), the start's answer lost (not sent twice: it may
have started one), FAILED with ``ACCESS_DENIED``/``TIMEOUT``/``INTERNAL_SERVER_ERROR``,
CANCELED, EXPIRED, not done within :data:`TIMEOUT`, a download refused, a file that does not
stitch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ecdesk.sync.http import ApiError, AuthError, loads

if TYPE_CHECKING:
    from ecdesk.sync.connectors.shopify import ShopifyConnector

log = logging.getLogger(__name__)

POLL_FIRST = 1.0  # seconds before the first poll
POLL_MAX = 30.0  # the back-off between polls stops growing here
TIMEOUT = 30 * 60.0  # give up on an operation not done after this long (then page)
REFUND_BATCH = 25  # orders per refund-lines query (about 25 x 24 points, under 1000)
FAILED = ("FAILED", "CANCELED", "CANCELING", "EXPIRED")

BULK_RUN = """mutation EcdeskBulkRun($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status }
    userErrors { field message code }
  }
}"""
BULK_POLL = """query EcdeskBulkPoll($id: ID!) { node(id: $id) { ... on BulkOperation {
  id status errorCode objectCount rootObjectCount url } } }"""
BULK_CANCEL = """mutation EcdeskBulkCancel($id: ID!) {
  bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { field message } } }"""
REFUND_LINES_QUERY = """query EcdeskRefundLines($ids: [ID!]!) { nodes(ids: $ids) {
  ... on Order { id refunds { id refundLineItems(first: 10) {
    nodes { quantity lineItem { id } } } } } } }"""

#: nested connection -> the ``__typename`` of its nodes
CHILDREN = {"LineItem": "lineItems", "ShippingLine": "shippingLines"}


def bulk_orders_query(search: str | None) -> str:
    """The bulk query: ``ORDERS_QUERY``'s order fields, connections unpaged."""
    from ecdesk.sync.connectors.shopify import LINE_FIELDS, ORDER_SCALARS, SHIPPING_FIELDS

    args = f'query: "{_escape(search)}", ' if search else ""
    return f"""{{ orders({args}sortKey: UPDATED_AT) {{ edges {{ node {{
  {ORDER_SCALARS}
  lineItems {{ edges {{ node {{ __typename {LINE_FIELDS} }} }} }}
  shippingLines {{ edges {{ node {{ __typename {SHIPPING_FIELDS} }} }} }}
}} }} }} }}"""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


class BulkUnusable(Exception):
    """The bulk operation gave no usable file; the connector pages instead."""


def run_bulk(conn: ShopifyConnector, search: str | None) -> list[dict[str, Any]] | None:
    """Every order of the window as complete order dicts, or ``None`` (then page)."""
    name = conn.store.name
    try:
        op = _start(conn, search)
        try:
            url = _wait(conn, op)
        except (BulkUnusable, ApiError):
            raise
        except BaseException:  # Cancel, or the run stopped: free the shop's bulk slot
            _cancel(conn, op)
            raise
        orders = [] if url is None else stitch(_download(conn, url))
        _add_refund_lines(conn, orders)
    except AuthError:
        raise  # paging would be refused too; the error says what to do
    except (BulkUnusable, ApiError) as exc:
        log.warning("Store '%s': Shopify's bulk export did not complete (%s); fetching the "
                    "orders page by page instead.", name, exc)
        return None
    orders.sort(key=_oldest_first)
    log.info("Store '%s': %d orders in one bulk operation", name, len(orders))
    return orders


def _oldest_first(order: dict[str, Any]) -> tuple[str, int]:
    """As the pages come (``sortKey: UPDATED_AT``, ties by id)."""
    legacy = str(order.get("legacyResourceId") or "")
    return str(order.get("updatedAt") or ""), int(legacy) if legacy.isdigit() else 0


def _start(conn: ShopifyConnector, search: str | None) -> str:
    # not sent twice: a lost answer may have started an operation (then: pages, see above)
    data = conn.graphql(BULK_RUN, {"query": bulk_orders_query(search)}, "bulk",
                        retry_writes=False)
    run = data.get("bulkOperationRunQuery") or {}
    errors = run.get("userErrors") or []
    op = run.get("bulkOperation") or {}
    if errors or not op.get("id"):
        text = "; ".join(f"{e.get('code') or ''} {e.get('message')}".strip() for e in errors)
        raise BulkUnusable(f"Shopify refused it: {text or 'no operation created'}")
    return str(op["id"])


def _wait(conn: ShopifyConnector, op_id: str) -> str | None:
    """Poll until the operation is done; its ``url`` (None: no orders in the window)."""
    started = conn.http.clock()
    delay = POLL_FIRST
    while True:
        if conn.http.clock() - started >= TIMEOUT:
            _cancel(conn, op_id)
            raise BulkUnusable(f"not done after {TIMEOUT / 60:.0f} minutes")
        conn.http.sleep(delay)
        delay = min(delay * 2, POLL_MAX)
        node = conn.graphql(BULK_POLL, {"id": op_id}, "bulk_poll").get("node") or {}
        status = node.get("status")
        conn.note(f"Shopify is exporting the orders of {conn.store.name} in bulk "
                  f"({int(node.get('objectCount') or 0):,} records so far)...")
        if status == "COMPLETED":
            return node.get("url") or None
        if status in FAILED or not status:
            raise BulkUnusable(f"status {status}, error {node.get('errorCode')}")


def _cancel(conn: ShopifyConnector, op_id: str) -> None:
    """Free the shop's bulk slot before paging, or when the run stops (best effort)."""
    try:
        conn.graphql(BULK_CANCEL, {"id": op_id}, "bulk_cancel")
    except Exception as exc:  # refused, unreachable, or the run's Cancel: the op lapses
        log.info("Could not cancel bulk operation %s: %s", op_id, exc)


def _download(conn: ShopifyConnector, url: str) -> list[bytes]:
    resp = conn.http.request("GET", url, headers={"Accept": "application/jsonl"},
                             what=f"Shopify bulk file for store '{conn.store.name}'")
    if resp.status_code != 200:
        raise BulkUnusable(f"the download answered HTTP {resp.status_code}")
    return resp.content.splitlines()


def stitch(lines: Iterable[bytes | str]) -> list[dict[str, Any]]:
    """JSONL lines -> top-level objects with their nested connection nodes put back as
    ``{"nodes": [...], "pageInfo": {"hasNextPage": false}}``. A child line names its parent
    by ``__parentId`` and comes somewhere after it (not necessarily right after); which
    connection it belongs to is its ``__typename`` (:data:`CHILDREN`)."""
    roots: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            obj = loads(raw)
        except ValueError as exc:
            raise BulkUnusable(f"line {number} of the file is not JSON") from exc
        if not isinstance(obj, dict):
            raise BulkUnusable(f"line {number} of the file is not an object")
        parent_id = obj.pop("__parentId", None)
        if parent_id is None:
            for field in CHILDREN.values():
                obj.setdefault(field, _connection())
            roots.append(obj)
        else:
            parent = by_id.get(str(parent_id))
            field = CHILDREN.get(str(obj.pop("__typename", "")))
            if parent is None or field is None:
                raise BulkUnusable(f"line {number} belongs to no order in the file")
            parent.setdefault(field, _connection())["nodes"].append(obj)
        if obj.get("id") is not None:
            by_id[str(obj["id"])] = obj
    return roots


def _connection() -> dict[str, Any]:
    return {"pageInfo": {"hasNextPage": False, "endCursor": None}, "nodes": []}


def _add_refund_lines(conn: ShopifyConnector, orders: list[dict[str, Any]]) -> None:
    """Each refund's ``refundLineItems``, which the bulk query could not carry."""
    with_refunds = {o["id"]: o for o in orders if o.get("refunds")}
    ids = list(with_refunds)
    for start in range(0, len(ids), REFUND_BATCH):
        batch = ids[start:start + REFUND_BATCH]
        data = conn.graphql(REFUND_LINES_QUERY, {"ids": batch}, "refund_lines")
        for node in data.get("nodes") or []:
            if not isinstance(node, dict) or node.get("id") not in with_refunds:
                continue
            lines = {r.get("id"): r.get("refundLineItems") for r in node.get("refunds") or []}
            for refund in with_refunds[node["id"]].get("refunds") or []:
                refund["refundLineItems"] = lines.get(refund.get("id")) or {"nodes": []}
