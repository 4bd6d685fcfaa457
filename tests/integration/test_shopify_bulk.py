"""Shopify backfills in one bulk operation, and pages sized by their reported cost: the
connector against the Shopify sandbox over loopback, with one fake clock and no sleeps."""

from __future__ import annotations

import dataclasses
import json
import logging
from datetime import timedelta

import httpx
import pytest
from graphql import parse

from ecdesk.domain import Platform
from ecdesk.sandbox.server import Fault
from ecdesk.sandbox.shopify import ShopifySandbox
from ecdesk.sandbox.shopify_schema import requested_cost
from ecdesk.sync.cancel import CancelToken, SyncCancelled, cancel_scope
from ecdesk.sync.connectors import shopify_bulk
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.shopify import (
    BULK_THRESHOLD,
    ORDERS_PAGE,
    ORDERS_QUERY,
    ShopifyConnector,
)
from ecdesk.sync.http import HttpClient
from tests.integration.test_shopify_connector import FakeClock, connect, order_calls, start

RUN = ("mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } "
       "userErrors { field message code } } }")
POLL = ("query($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode "
        "objectCount rootObjectCount url partialDataUrl } } }")
ORDERS_BULK = ("{ orders { edges { node { id name lineItems { edges { node { id sku } } } } } } }")


@pytest.fixture
def clock():
    return FakeClock()


def named(sb: ShopifySandbox, name: bytes) -> list:
    return [r for r in sb.requests if name in r.body]


def gql(sb: ShopifySandbox, query: str, version: str = "2026-10", **variables) -> dict:
    resp = httpx.post(f"{sb.url}/admin/api/{version}/graphql.json",
                      headers={"X-Shopify-Access-Token": sb.access_token},
                      json={"query": query, "variables": variables})
    assert resp.status_code == 200
    return resp.json()


def normalised(con, raws) -> list:
    return [dataclasses.replace(con.normalise(r.payload), raw=None) for r in raws]


def test_backfill_of_a_few_hundred_orders_is_one_bulk_operation_same_orders_as_paging(
        clock, creds):
    with start(clock, orders=300, maximum_available=2000, restore_rate=100) as sb:
        creds["access_token"] = sb.access_token
        con = connect(sb, clock, creds)
        bulk = list(con.fetch_orders(None))
        assert len(named(sb, b"bulkOperationRunQuery")) == 1
        assert order_calls(sb) == []  # no page of orders
        downloads = [r for r in sb.requests if r.path.startswith("/bulk-results/")]
        assert len(downloads) == 1
        assert "x-shopify-access-token" not in downloads[0].headers  # a storage link
        calls = len(sb.requests)
        assert calls <= 10  # count, run, a few polls, the file, the refunds' lines

        paged = list(connect(sb, clock, creds, bulk_threshold="0").fetch_orders(None))
        assert len(order_calls(sb)) > 20
        assert [r.external_id for r in bulk] == [r.external_id for r in paged]
        assert normalised(con, bulk) == normalised(con, paged)
        orders = normalised(con, bulk)
        assert len(orders) == 300
        assert max(len(o.lines) for o in orders) == 7  # long orders whole, no extra call
        assert any(r.lines for o in orders for r in o.refunds)  # refund lines read too


def test_regular_poll_is_never_counted_nor_bulk(clock, creds):
    with start(clock, orders=300) as sb:
        creds["access_token"] = sb.access_token
        con = connect(sb, clock, creds)
        list(con.fetch_orders(clock.dt() - timedelta(minutes=20)))
        assert named(sb, b"EcdeskCount") == [] and named(sb, b"bulkOperation") == []


def test_catch_up_of_days_is_counted_and_large_goes_bulk_small_pages(clock, creds):
    with start(clock, orders=1200) as sb:  # 30 days of orders: some 280 in the last week
        creds["access_token"] = sb.access_token
        con = connect(sb, clock, creds)
        week_ago = clock.dt() - timedelta(days=7)
        recent = [o for o in sb.orders if o.updated_at >= week_ago]
        assert BULK_THRESHOLD <= len(recent) < len(sb.orders)
        raws = list(con.fetch_orders(week_ago))
        assert {r.external_id for r in raws} == {str(o.id) for o in recent}
        assert len(named(sb, b"EcdeskCount")) == 1
        assert len(named(sb, b"bulkOperationRunQuery")) == 1 and not order_calls(sb)
        assert "updated_at:>=" in sb.bulk_ops[0].query  # the window, not the whole history
        sb.requests.clear()
        day_ago = clock.dt() - timedelta(days=1)
        list(con.fetch_orders(day_ago))  # far fewer than 250 orders: paged
        assert named(sb, b"EcdeskCount") and not named(sb, b"bulkOperationRunQuery")
        assert order_calls(sb)


@pytest.mark.parametrize("code", ["ACCESS_DENIED", "TIMEOUT", "INTERNAL_SERVER_ERROR"])
def test_failed_bulk_operation_falls_back_to_paging(clock, creds, caplog, code):
    with start(clock, orders=260) as sb:
        creds["access_token"] = sb.access_token
        sb.bulk_fail = code
        with caplog.at_level(logging.WARNING):
            raws = list(connect(sb, clock, creds).fetch_orders(None))
        assert sorted(r.external_id for r in raws) == sorted(str(o.id) for o in sb.orders)
        assert len(named(sb, b"bulkOperationRunQuery")) == 1 and order_calls(sb)
        assert sb.bulk_ops[0].fail == code
        assert any(code in r.getMessage() and "page by page" in r.getMessage()
                   for r in caplog.records)


def test_bulk_refused_while_another_runs_falls_back_to_paging(clock, creds, caplog):
    """Before 2026-01 one bulk query at a time per shop: the connector's is refused."""
    with start(clock, orders=260, bulk_rate=1.0, bulk_polls=None) as sb:
        creds["access_token"] = sb.access_token
        other = gql(sb, RUN, version="2025-10", q=ORDERS_BULK)["data"]["bulkOperationRunQuery"]
        assert other["userErrors"] == []
        with caplog.at_level(logging.WARNING):
            raws = list(connect(sb, clock, creds, api_version="2025-10").fetch_orders(None))
        assert len(raws) == 260 and order_calls(sb)
        assert len(sb.bulk_ops) == 1  # nothing created for the refused one
        assert any("OPERATION_IN_PROGRESS" in r.getMessage() for r in caplog.records)


def test_lost_answer_to_the_bulk_start_is_not_sent_again_then_pages(clock, creds):
    with start(clock, orders=260) as sb:
        creds["access_token"] = sb.access_token
        started = sb._bulk_run

        def answer_lost(*args, **kwargs):
            out = started(*args, **kwargs)  # the operation starts, its answer never arrives
            sb.inject(Fault(None, after_handler=True, path="graphql.json"))
            return out

        sb._bulk_run = answer_lost
        raws = list(connect(sb, clock, creds).fetch_orders(None))
        assert len(raws) == 260 and order_calls(sb)
        assert len(named(sb, b"bulkOperationRunQuery")) == 1 and len(sb.bulk_ops) == 1


def test_bulk_not_done_in_time_is_cancelled_then_paged(clock, creds):
    with start(clock, orders=260, bulk_rate=0.01, bulk_polls=None) as sb:  # takes days
        creds["access_token"] = sb.access_token
        raws = list(connect(sb, clock, creds).fetch_orders(None))
        assert len(raws) == 260
        assert len(named(sb, b"bulkOperationCancel")) == 1
        assert gql(sb, POLL, id=sb.bulk_ops[0].gid)["data"]["node"]["status"] == "CANCELED"
        waits = [s for s in clock.slept if s >= 1.0][:8]
        assert waits[:6] == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0]  # bounded back-off
        assert max(clock.slept) <= shopify_bulk.POLL_MAX


def test_cancel_stops_the_wait_for_a_bulk_operation(clock, creds):
    token = CancelToken()

    def sleep(seconds: float) -> None:
        clock.sleep(seconds)
        token.cancel()  # the clerk presses Cancel during the first wait

    with start(clock, orders=260) as sb:
        creds["access_token"] = sb.access_token
        store = StoreConfig(7, "kedai", Platform.SHOPIFY, sb.url, sb.store_settings())
        con = ShopifyConnector(store, creds, HttpClient(sleep=sleep, clock=clock),
                               clock=clock.dt)
        with cancel_scope(token), pytest.raises(SyncCancelled):
            list(con.fetch_orders(None))
        assert len(named(sb, b"EcdeskBulkPoll")) == 0  # stopped before polling again
        assert len(named(sb, b"bulkOperationCancel")) == 1  # and freed the shop's slot


def test_the_window_hears_how_the_bulk_export_goes(clock, creds):
    with start(clock, orders=260) as sb:
        creds["access_token"] = sb.access_token
        con = connect(sb, clock, creds)
        notes: list[str] = []
        con.note = notes.append
        assert len(list(con.fetch_orders(None))) == 260
        assert notes and all("exporting the orders of kedai in bulk" in n for n in notes)


def test_frozen_clock_sandbox_completes_by_polls(creds):
    frozen = FakeClock()
    with ShopifySandbox(clock=lambda: frozen.now, orders=260) as sb:  # completes at poll 3
        creds["access_token"] = sb.access_token
        http_clock = FakeClock()
        con = connect(sb, http_clock, creds)
        raws = list(con.fetch_orders(None))
        assert len(raws) == 260 and len(named(sb, b"EcdeskBulkPoll")) == 3


# --- the sandbox's bulk contract ---------------------------------------------------------------

def test_sandbox_bulk_lifecycle_jsonl_and_signed_url(clock):
    with start(clock, orders=30, bulk_startup=2.0, bulk_rate=20.0, bulk_polls=None) as sb:
        before = sb.bucket.available
        run = gql(sb, RUN, q=ORDERS_BULK)
        op = run["data"]["bulkOperationRunQuery"]["bulkOperation"]
        assert op["status"] == "CREATED" and op["id"].startswith("gid://shopify/BulkOperation/")
        assert 10 <= run["extensions"]["cost"]["requestedQueryCost"] <= 20  # only the mutation
        assert before - sb.bucket.available <= 20
        clock.now += 3
        running = gql(sb, POLL, id=op["id"])["data"]["node"]
        assert running["status"] == "RUNNING" and 0 < int(running["objectCount"]) < 100
        assert running["url"] is None
        clock.now += 60
        done = gql(sb, POLL, id=op["id"])["data"]["node"]
        assert done["status"] == "COMPLETED" and done["rootObjectCount"] == "30"
        current = gql(sb, "{ currentBulkOperation { id status } }")["data"]
        assert current["currentBulkOperation"] == {"id": op["id"], "status": "COMPLETED"}
        lines = [json.loads(x) for x in httpx.get(done["url"]).text.splitlines()]
        assert int(done["objectCount"]) == len(lines)
        orders = [x for x in lines if "__parentId" not in x]
        children = [x for x in lines if "__parentId" in x]
        assert len(orders) == 30 and children
        ids = [x["id"] for x in lines]
        assert all(ids.index(c["__parentId"]) < ids.index(c["id"]) for c in children)
        assert all("lineItems" not in o for o in orders)  # nested nodes are their own lines
        assert httpx.get(done["url"].split("?")[0]).status_code == 403  # unsigned
        clock.now += 8 * 86400
        expired = gql(sb, POLL, id=op["id"])["data"]["node"]
        assert expired["status"] == "EXPIRED" and expired["url"] is None


def test_sandbox_bulk_query_is_not_held_to_the_single_query_cost_limit(clock):
    big = ("{ orders { edges { node { id lineItems(first: 250) { edges { node { id } } } "
           "shippingLines(first: 250) { edges { node { id } } } } } } }")
    assert requested_cost(parse(big.replace("orders {", "orders(first: 250) {")), {}) > 1000
    with start(clock, orders=5) as sb:
        run = gql(sb, RUN, q=big)["data"]["bulkOperationRunQuery"]
        assert run["userErrors"] == [] and run["bulkOperation"]["id"]


def test_sandbox_refuses_a_second_bulk_query_before_2026_01_and_a_sixth_after(clock):
    with start(clock, orders=5, bulk_rate=0.01, bulk_polls=None) as sb:
        first = gql(sb, RUN, version="2025-10", q=ORDERS_BULK)["data"]["bulkOperationRunQuery"]
        assert first["userErrors"] == []
        second = gql(sb, RUN, version="2025-10", q=ORDERS_BULK)["data"]["bulkOperationRunQuery"]
        assert second["bulkOperation"] is None
        [error] = second["userErrors"]
        assert error["code"] == "OPERATION_IN_PROGRESS"
        assert first["bulkOperation"]["id"] in error["message"]
        for _ in range(4):  # from 2026-01: five at a time
            ok = gql(sb, RUN, q=ORDERS_BULK)["data"]["bulkOperationRunQuery"]
            assert ok["userErrors"] == []
        sixth = gql(sb, RUN, q=ORDERS_BULK)["data"]["bulkOperationRunQuery"]
        assert sixth["bulkOperation"] is None
        assert sixth["userErrors"][0]["code"] == "LIMIT_REACHED"
        gql(sb, "mutation($id: ID!) { bulkOperationCancel(id: $id) { userErrors { message } } }",
            id=first["bulkOperation"]["id"])
        again = gql(sb, RUN, q=ORDERS_BULK)["data"]["bulkOperationRunQuery"]
        assert again["userErrors"] == []  # a slot freed by the cancel


@pytest.mark.parametrize(("query", "words"), [
    ("{ shop { name } }", "at least one connection"),
    ("{ node(id: \"gid://shopify/Order/1\") { id } }", "'node' and 'nodes'"),
    ("{ orders { nodes { id refunds { id refundLineItems { nodes { quantity } } } } } }",
     "connection field within a list field"),
    ("{ orders { nodes { name lineItems { nodes { id } } } } }", "must select the 'id'"),
    ("{ orders { nodes { ref: id lineItems { nodes { id } } } } }", "must select the 'id'"),
    ("{ orders { nodes { id fulfillmentOrders { nodes { id lineItems { nodes { id } } } } } } }",
     "2 levels deep"),
    ("{ orders { nodes { id a: lineItems { nodes { id } } b: lineItems { nodes { id } } "
     "c: lineItems { nodes { id } } d: lineItems { nodes { id } } e: lineItems { nodes { id } } "
     "} } }", "more than 5 connections"),
    ("{ orders { nodes { id nope } } }", "Invalid bulk query"),
    ("{ orders { nodes { id } } shop { name } }", "exactly one top-level field"),
])
def test_sandbox_refuses_what_shopify_refuses_in_a_bulk_query(clock, query, words):
    with start(clock, orders=3) as sb:
        run = gql(sb, RUN, q=query)["data"]["bulkOperationRunQuery"]
        assert run["bulkOperation"] is None
        [error] = run["userErrors"]
        assert error["code"] == "INVALID" and error["field"] == ["query"]
        assert words in error["message"]
        assert sb.bulk_ops == []


# --- pages sized by their reported cost --------------------------------------------------------

def test_page_size_grows_when_orders_are_small_and_never_requests_over_1000(clock, creds):
    with start(clock, orders=150, maximum_available=2000, restore_rate=100) as sb:
        creds["access_token"] = sb.access_token
        sb.orders[:] = [o for o in sb.orders if o.kind != "many_lines"]  # 1 to 4 lines each
        raws = list(connect(sb, clock, creds, bulk_threshold="0").fetch_orders(None))
        assert len({r.external_id for r in raws}) == len(sb.orders)
        asked = [json.loads(r.body)["variables"] for r in order_calls(sb)]
        costs = [requested_cost(parse(ORDERS_QUERY), v) for v in asked]
        assert asked[0] == {**asked[0], "first": ORDERS_PAGE, "lines": 5, "ships": 3}
        assert min(a["first"] for a in asked[1:-1]) > ORDERS_PAGE  # grew after the first page
        assert all(a["lines"] < 5 for a in asked[1:])  # no order needs more
        assert max(costs) <= 1000 and sb.throttled == 0
        assert len(order_calls(sb)) < -(-len(sb.orders) // ORDERS_PAGE)


def test_rare_long_order_still_has_its_extra_lines_fetched_apart(clock, creds):
    with start(clock, orders=150) as sb:
        creds["access_token"] = sb.access_token
        longs = {str(o.id) for o in sb.orders if o.kind == "many_lines"}
        sb.orders[:] = [o for o in sb.orders if o.kind != "many_lines" or o.number < 1040]
        raws = list(connect(sb, clock, creds, bulk_threshold="0").fetch_orders(None))
        long_raws = [r for r in raws if r.external_id in longs]
        assert long_raws and all(len(r.payload["lineItems"]["nodes"]) == 7 for r in long_raws)
        asked = [json.loads(r.body)["variables"] for r in order_calls(sb)]
        assert asked[-1]["lines"] < 7 and named(sb, b"EcdeskLines")


def test_pages_stay_short_of_orders_when_every_order_is_long(clock, creds):
    with start(clock, orders=400) as sb:
        creds["access_token"] = sb.access_token
        longs = [o for o in sb.orders if o.kind == "many_lines"]  # seven lines each
        sb.orders[:] = longs  # a shop of long orders only
        sb._by_id = {o.id: o for o in sb.orders}
        raws = list(connect(sb, clock, creds, bulk_threshold="0").fetch_orders(None))
        assert len(raws) == len(longs)
        asked = [json.loads(r.body)["variables"] for r in order_calls(sb)]
        assert all(requested_cost(parse(ORDERS_QUERY), v) <= 1000 for v in asked)
        assert all(a["lines"] >= 7 for a in asked[1:])  # asks whole orders, no extra calls
