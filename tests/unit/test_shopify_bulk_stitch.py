"""The Shopify connector's pure parts for backfills: JSONL stitching and page sizing."""

from __future__ import annotations

import json

import pytest
from graphql import parse

from ecdesk.sandbox.shopify_schema import requested_cost
from ecdesk.sync.connectors.shopify import ORDERS_PAGE, ORDERS_QUERY, PageShape
from ecdesk.sync.connectors.shopify_bulk import (
    REFUND_BATCH,
    REFUND_LINES_QUERY,
    BulkUnusable,
    bulk_orders_query,
    stitch,
)


def jsonl(*objs: dict) -> list[bytes]:
    return [json.dumps(o).encode() for o in objs]


def test_children_are_put_back_under_their_parent_wherever_they_come():
    lines = jsonl(
        {"id": "gid://shopify/Order/1", "name": "#1001", "refunds": []},
        {"id": "gid://shopify/Order/2", "name": "#1002", "refunds": []},
        {"__typename": "LineItem", "id": "gid://shopify/LineItem/11", "sku": "A",
         "__parentId": "gid://shopify/Order/1"},
        {"__typename": "ShippingLine", "id": "gid://shopify/ShippingLine/21",
         "__parentId": "gid://shopify/Order/2"},
        {"__typename": "LineItem", "id": "gid://shopify/LineItem/12", "sku": "B",
         "__parentId": "gid://shopify/Order/1"},
        {"__typename": "LineItem", "id": "gid://shopify/LineItem/13", "sku": "C",
         "__parentId": "gid://shopify/Order/2"},
    ) + [b""]  # a trailing newline
    first, second = stitch(lines)
    assert [n["sku"] for n in first["lineItems"]["nodes"]] == ["A", "B"]  # file order kept
    assert first["lineItems"]["pageInfo"]["hasNextPage"] is False
    assert first["shippingLines"]["nodes"] == []  # an order without shipping: empty, present
    assert [n["id"] for n in second["shippingLines"]["nodes"]] == [
        "gid://shopify/ShippingLine/21"]
    assert [n["sku"] for n in second["lineItems"]["nodes"]] == ["C"]
    node = first["lineItems"]["nodes"][0]
    assert "__parentId" not in node and "__typename" not in node


def test_money_reads_as_decimal_like_a_page():
    [order] = stitch(jsonl({"id": "gid://shopify/Order/1", "rate": 0.08}))
    assert str(order["rate"]) == "0.08" and type(order["rate"]).__name__ == "Decimal"


@pytest.mark.parametrize("lines", [
    jsonl({"__typename": "LineItem", "id": "x", "__parentId": "gid://shopify/Order/9"}),
    jsonl({"id": "gid://shopify/Order/1"},
          {"__typename": "Fulfillment", "id": "y", "__parentId": "gid://shopify/Order/1"}),
    [b'{"id": "gid://shopify/Order/1"}', b"{not json"],
    [b"[1, 2]"],
])
def test_a_file_that_does_not_stitch_is_unusable_not_half_read(lines):
    with pytest.raises(BulkUnusable):
        stitch(lines)


def test_bulk_query_carries_the_window_and_no_connection_in_a_list():
    text = bulk_orders_query("updated_at:>='2026-11-01T00:00:00Z'")
    assert "query: \"updated_at:>='2026-11-01T00:00:00Z'\"" in text
    assert "refundLineItems" not in text and "first:" not in text
    assert text.count("__typename") == 2


def test_refund_lines_batch_fits_one_query():
    ids = [f"gid://shopify/Order/{n}" for n in range(REFUND_BATCH)]
    assert requested_cost(parse(REFUND_LINES_QUERY), {"ids": ids}) <= 1000


def order(lines: int, ships: int = 1) -> dict:
    return {"lineItems": {"nodes": [{}] * lines, "pageInfo": {"hasNextPage": False}},
            "shippingLines": {"nodes": [{}] * ships, "pageInfo": {"hasNextPage": False}}}


def cost_of(shape: PageShape) -> int:
    return requested_cost(parse(ORDERS_QUERY), shape.variables())


def test_short_orders_grow_the_page_under_the_limit():
    shape = PageShape()
    assert shape.first == ORDERS_PAGE
    shape.learn({"requestedQueryCost": cost_of(shape), "actualQueryCost": 180},
                [order(n % 3 + 1) for n in range(8)])
    assert shape.first > ORDERS_PAGE and shape.lines == 3 and shape.ships == 1
    assert shape.expected_cost() == cost_of(shape) <= 1000


def test_long_orders_keep_whole_orders_in_fewer_a_page():
    shape = PageShape()
    shape.learn({"requestedQueryCost": cost_of(shape), "actualQueryCost": 700},
                [order(9) for _ in range(8)])
    assert shape.lines == 9 and cost_of(shape) <= 1000
    assert shape.first < ORDERS_PAGE


def test_an_order_cut_short_counts_as_longer_than_any_page():
    shape = PageShape()
    cut = order(5)
    cut["lineItems"]["pageInfo"]["hasNextPage"] = True
    shape.learn({"requestedQueryCost": cost_of(shape), "actualQueryCost": 300},
                [cut] * 8)
    assert cost_of(shape) <= 1000  # every choice pays an extra call: the biggest page wins


def test_a_pinned_page_size_is_kept():
    shape = PageShape(first=6, fixed=True)
    shape.learn({"requestedQueryCost": cost_of(shape), "actualQueryCost": 50},
                [order(1)] * 6)
    assert (shape.first, shape.lines, shape.ships) == (6, 5, 3)
