"""The Shopify sandbox's pure parts: seeded orders, expectations, query cost, search syntax."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from graphql import parse

from ecdesk.domain import HoldCode
from ecdesk.sandbox.shopify import ShopifySandbox, decode_cursor, encode_cursor, matches_query
from ecdesk.sandbox.shopify_schema import CostError, requested_cost
from ecdesk.sandbox.shopify_seed import PATTERN, generate
from ecdesk.sync.connectors.shopify import NESTED_QUERIES, ORDER_QUERY, ORDERS_PAGE, ORDERS_QUERY

NOW = datetime(2026, 11, 20, tzinfo=UTC).timestamp()


def test_seeded_orders_are_deterministic_and_seed_dependent():
    a, b = generate(40, 3, NOW), generate(40, 3, NOW)
    assert [(o.id, o.total, o.updated_at, [ln.sku for ln in o.lines]) for o in a] == \
        [(o.id, o.total, o.updated_at, [ln.sku for ln in o.lines]) for o in b]
    c = generate(40, 4, NOW)
    assert [o.total for o in a] != [o.total for o in c]


def test_orders_spread_over_the_last_30_days_in_shop_order():
    orders = generate(60, 1, NOW)
    end = datetime.fromtimestamp(NOW, UTC)
    assert all(end - timedelta(days=30) <= o.created_at <= o.updated_at <= end for o in orders)
    assert [o.created_at for o in orders] == sorted(o.created_at for o in orders)
    assert [o.name for o in orders[:2]] == ["#1001", "#1002"]


def test_every_edge_case_is_present_in_twenty_orders():
    orders = generate(20, 1, NOW)
    assert Counter(o.kind for o in orders) == Counter(PATTERN)
    assert any(o.taxes_included for o in orders) and any(not o.taxes_included for o in orders)
    assert any(ln.discount for o in orders for ln in o.lines)
    assert any(s.discount for o in orders for s in o.shipping)
    assert any(ln.sku is None for o in orders for ln in o.lines)
    assert {ln.rate for o in generate(200, 1, NOW) for ln in o.lines} == {0, 6, 8}


def test_expected_outcomes_follow_the_status_table_and_demo_mapping():
    sb = ShopifySandbox(orders=20, seed=1, clock=lambda: NOW)
    exp = sb.expected()
    by_kind = {o.kind: exp[str(o.id)] for o in sb.orders}
    assert by_kind["plain"] == {"disposition": "postable", "holds": set()}
    assert by_kind["pending"]["disposition"] == "waiting"
    assert by_kind["authorized"]["disposition"] == "waiting"
    assert by_kind["cancelled"]["disposition"] == "ignored"
    assert by_kind["voided"]["disposition"] == "ignored"
    assert by_kind["refunded"]["disposition"] == "postable"
    assert by_kind["test"]["disposition"] == "postable"
    assert by_kind["unknown_sku"]["holds"] == {HoldCode.UNMAPPED_SKU.value}
    assert by_kind["deleted_product"]["holds"] == {HoldCode.MISSING_SKU.value}
    assert by_kind["unknown_payment"]["holds"] == {HoldCode.UNKNOWN_PAYMENT.value}
    assert by_kind["unknown_shipping"]["holds"] == {HoldCode.UNMAPPED_SHIPPING.value}
    assert by_kind["title_only_shipping"]["holds"] == set()  # EXPRESS title maps
    assert all(not v["holds"] for v in exp.values() if v["disposition"] != "postable")


def test_off_by_cent_breaks_exactly_that_many_totals():
    orders = generate(60, 1, NOW, off_by_cent=2)
    broken = [o for o in orders if o.total_adjust]
    assert len(broken) == 2 and all(o.kind == "plain" for o in broken)
    sb = ShopifySandbox(orders=60, clock=lambda: NOW, off_by_cent=2)
    holds = [v["holds"] for v in sb.expected().values()]
    assert sum(HoldCode.AMOUNT_MISMATCH.value in h for h in holds) == 2


def test_full_refund_equals_the_total_and_partial_is_smaller():
    orders = generate(40, 2, NOW)
    for o in orders:
        if o.kind == "refunded":
            assert o.refunded == o.total
        if o.kind == "partially_refunded":
            assert 0 < o.refunded < o.total


def cost(query: str, variables: dict | None = None) -> int:
    return requested_cost(parse(query), variables)


def test_query_cost_follows_shopifys_rules():
    assert cost("{ shop { name } }") == 1
    assert cost("{ orders(first: 10) { nodes { id name } } }") == 2 + 10
    assert cost("{ orders(first: 10) { edges { cursor node { id } } } }") == 2 + 10
    nested = "{ orders(first: 2) { nodes { totalPriceSet { shopMoney { amount } } " \
             "lineItems(first: 3) { nodes { id } } } } }"
    assert cost(nested) == 2 + 2 * (1 + 2 + (2 + 3))
    assert cost("query($n: Int) { orders(first: $n) { nodes { id } } }", {"n": 4}) == 6


def test_page_size_over_250_and_missing_first_are_refused():
    with pytest.raises(CostError, match=r"\(251\).*\(250\)"):
        cost("{ orders(first: 251) { nodes { id } } }")
    with pytest.raises(CostError, match="first or last"):
        cost("{ orders { nodes { id } } }")


def test_connector_queries_fit_under_the_single_query_limit():
    assert cost(ORDERS_QUERY, {"first": ORDERS_PAGE}) <= 1000
    assert cost(ORDERS_QUERY, {"first": ORDERS_PAGE + 1}) <= 1000  # some headroom
    assert cost(ORDER_QUERY, {"id": "gid://shopify/Order/1"}) <= 1000
    for query in NESTED_QUERIES.values():
        assert cost(query, {"id": "gid://shopify/Order/1"}) <= 1000


def test_search_syntax_on_updated_at():
    o = generate(1, 1, NOW)[0]
    stamp = o.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert matches_query(o, f"updated_at:>='{stamp}'")
    assert not matches_query(o, f"updated_at:>'{stamp}'")
    assert matches_query(o, f"updated_at:<={stamp}")
    assert matches_query(o, f"updated_at:>='2000-01-01T00:00:00Z' AND updated_at:<='{stamp}'")
    assert matches_query(o, "status:any unknown_field:whatever")
    assert matches_query(o, None)


def test_cursor_round_trip_is_url_safe():
    text = encode_cursor({"last_id": 5100000001, "last_value": "2026-11-01T00:00:00Z"})
    assert "=" not in text and "/" not in text and "+" not in text
    assert decode_cursor(text)["last_id"] == 5100000001
    with pytest.raises(ValueError):
        decode_cursor("not a cursor")


def test_nodes_by_ids_pay_for_each_node_and_fragments_price_their_type():
    query = ("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { id "
             "totalPriceSet { shopMoney { amount } } } } }")
    ids = [f"gid://shopify/Order/{n}" for n in range(3)]
    assert cost(query, {"ids": ids}) == 3 * (1 + 2)
    assert cost("query($id: ID!) { node(id: $id) { ... on BulkOperation { id status } } }",
                {"id": "gid://shopify/BulkOperation/1"}) == 1


def test_declared_variable_defaults_are_priced_as_the_query_runs():
    assert cost("query($n: Int = 7) { orders(first: $n) { nodes { id } } }") == 2 + 7
    assert cost(ORDERS_QUERY, {"first": 8}) == cost(ORDERS_QUERY, {"first": 8, "lines": 5,
                                                                   "ships": 3})


def test_orders_count_stops_at_its_limit():
    sb = ShopifySandbox(orders=30, clock=lambda: NOW)
    assert sb._resolve_count(None, None, limit=10) == {"count": 10, "precision": "AT_LEAST"}
    assert sb._resolve_count(None, None, limit=100) == {"count": 30, "precision": "EXACT"}
