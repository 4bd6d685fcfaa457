"""The stock rule (docs/decisions.md §7), each expectation worked out by hand in the test."""

from decimal import Decimal as D

import pytest

from ecdesk.sync.stock import (
    StockPolicy,
    apply_rule,
    bundle_to_push,
    complete_kits,
    reserved_by_item,
    to_push,
)


def test_plain_balance_pushes_whole():
    assert to_push(D(12), D(0), StockPolicy()) == 12


def test_reserved_and_buffer_subtract():
    # 20 on hand, 3 reserved, 2 held back: 15
    assert to_push(D(20), D(3), StockPolicy(buffer=D(2))) == 15


def test_ratio_floors_after_buffer():
    # (17 - 1 - 2) * 0.5 = 7.0 -> 7; (18 - 1 - 2) * 0.5 = 7.5 -> 7 (floor, never up)
    policy = StockPolicy(buffer=D(2), ratio=D("0.5"))
    assert to_push(D(17), D(1), policy) == 7
    assert to_push(D(18), D(1), policy) == 7
    assert to_push(D(19), D(1), policy) == 8


def test_never_negative():
    assert to_push(D(2), D(5), StockPolicy()) == 0
    assert to_push(D(3), D(0), StockPolicy(buffer=D(5))) == 0
    assert apply_rule(D("-0.5"), StockPolicy()) == 0


def test_fractional_balance_floors():
    assert to_push(D("4.9"), D(0), StockPolicy()) == 4


def test_reserved_across_stores_sum_per_item():
    # Shopee sold 2 of A, Lazada 1 of A and 4 of B; Shopify 3 of a bundle of (A x2 + C x1)
    lines = [("A", D(2)), ("A", D(1)), ("B", D(4)), ("KIT", D(3)), ("", D(9))]
    got = reserved_by_item(lines, {"KIT": {"A": D(2), "C": D(1)}})
    assert got == {"A": D(2 + 1 + 6), "B": D(4), "C": D(3)}


def test_sale_on_one_store_lowers_every_other_store():
    balance = D(10)
    before = reserved_by_item([])
    after = reserved_by_item([("A", D(3))])  # one sale on Shopee
    for policy in (StockPolicy(), StockPolicy(buffer=D(1)), StockPolicy(ratio=D("0.8"))):
        assert to_push(balance, after.get("A", D(0)), policy) < \
            to_push(balance, before.get("A", D(0)), policy)
    assert to_push(balance, after["A"], StockPolicy(ratio=D("0.8"))) == 5  # 7 * 0.8 = 5.6


def test_bundle_pushes_complete_kits():
    components = {"A": D(2), "C": D(1)}
    # A: 9 on hand - 1 reserved = 8 -> 4 kits; C: 5 - 2 = 3 -> 3 kits: 3 complete kits
    assert complete_kits(components, {"A": D(8), "C": D(3)}) == 3
    assert bundle_to_push(components, {"A": D(9), "C": D(5)}, {"A": D(1), "C": D(2)},
                          StockPolicy()) == 3
    # buffer and ratio apply to kits: (3 - 1) * 0.5 = 1
    assert bundle_to_push(components, {"A": D(9), "C": D(5)}, {"A": D(1), "C": D(2)},
                          StockPolicy(buffer=D(1), ratio=D("0.5"))) == 1


def test_bundle_with_missing_or_oversold_component_pushes_zero():
    components = {"A": D(1), "Z": D(1)}
    assert bundle_to_push(components, {"A": D(5)}, {}, StockPolicy()) == 0
    assert bundle_to_push({"A": D(1)}, {"A": D(1)}, {"A": D(4)}, StockPolicy()) == 0


@pytest.mark.parametrize("settings, expected", [
    ({}, StockPolicy(D(0), D(1))),
    ({"stock_buffer": "3", "stock_ratio": "0.75"}, StockPolicy(D(3), D("0.75"))),
    ({"stock_buffer": " ", "stock_ratio": ""}, StockPolicy(D(0), D(1))),
])
def test_policy_from_settings(settings, expected):
    assert StockPolicy.from_settings(settings) == expected


@pytest.mark.parametrize("settings, word", [
    ({"stock_buffer": "many"}, "stock_buffer 'many' is not a number"),
    ({"stock_ratio": "-1"}, "stock_ratio '-1' must be zero or more"),
])
def test_policy_rejects_bad_values_in_words(settings, word):
    with pytest.raises(ValueError, match=word):
        StockPolicy.from_settings(settings)
