"""Sanity limits in matching (issue 10 item 4): impossible figures hold the order with the
figure and the limit, per-store keys move the limits, and NaN/Infinity never crash."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from ecdesk.domain import ExtraCharge, HoldCode, ShippingLine
from ecdesk.sync.matching import Limits, match_order
from ecdesk.sync.posting import PostingRules, build_draft
from tests.unit.test_matching import maps, order

SETTINGS = {"debtor_code": "300-H001", "credit_term": "C.O.D.", "sales_location": "HQ",
            "sales_account": "500-1000", "rounding_account": "530-0000"}


def with_line(**kw):
    o = order()
    o.lines[0] = replace(o.lines[0], **kw)
    return o


@pytest.mark.parametrize("change, words, value", [
    (dict(unit_price=D("99999999999999999999.99")),
     "unit price MYR 99999999999999999999.99, above this store's limit of MYR 1,000,000.00",
     "max_unit_price"),
    (dict(unit_price=D("-39.90")), "negative unit price (MYR -39.90)", ""),
    (dict(quantity=D("-2")), "negative quantity (-2)", ""),
    (dict(quantity=D("1e300")), "quantity 1E+300, above this store's limit of 100,000",
     "max_quantity"),
    (dict(quantity=D("Infinity")), "quantity 'Infinity', which is not a number", ""),
    (dict(unit_price=D("NaN")), "unit price 'NaN', which is not a number", ""),
    (dict(discount=D("sNaN")), "discount 'sNaN', which is not a number", ""),
])
def test_impossible_line_figures_hold_the_order_naming_the_figure(change, words, value):
    holds = match_order(with_line(**change), maps())
    assert [h.code for h in holds] == [HoldCode.OUT_OF_RANGE]
    assert words in holds[0].detail and "Cotton T-shirt Red M" in holds[0].detail
    assert holds[0].value == value
    if value:
        assert f"--set {value}=AMOUNT" in holds[0].detail


def test_a_total_above_the_stores_ceiling_names_both_figures():
    holds = match_order(order(), maps(), limits=Limits(max_order_total=D("100")))
    assert [h.code for h in holds] == [HoldCode.OUT_OF_RANGE]
    assert "total MYR 109.80 is above this store's ceiling of MYR 100.00" in holds[0].detail


def test_negative_shipping_holds_but_a_negative_extra_charge_is_a_credit():
    o = order(shipping=[ShippingLine("STANDARD", "Standard", D("-10.00"))])
    assert [h.code for h in match_order(o, maps())] == [HoldCode.OUT_OF_RANGE]
    credit = order(total=D("94.80"), shipping=[],
                   extras=[ExtraCharge("Loyalty discount", D("-5.00"))])
    assert HoldCode.OUT_OF_RANGE not in [h.code for h in match_order(credit, maps())]


def test_store_keys_move_the_limits_and_bad_values_are_setup_holds():
    rules = PostingRules.from_settings({**SETTINGS, "max_order_total": "50,000",
                                        "max_unit_price": "20"})
    assert rules.limits == Limits(max_unit_price=D(20), max_order_total=D(50000))
    built = build_draft(order(), maps(), rules)
    assert isinstance(built, list) and [h.value for h in built] == ["max_unit_price"] * 2
    bad = PostingRules.from_settings({**SETTINGS, "max_quantity": "-1"})
    assert [(h.code, h.value) for h in bad.problems] == [(HoldCode.CONFIG, "max_quantity")]
    assert "is '-1', not an amount above 0" in bad.problems[0].detail
    assert not isinstance(build_draft(order(), maps(), PostingRules.from_settings(SETTINGS)),
                          list)


def test_a_currency_the_book_does_not_keep_names_both_currencies():
    holds = match_order(order(currency="USD"), maps())
    assert [h.code for h in holds] == [HoldCode.CURRENCY]
    assert "in USD but the AutoCount book is in MYR" in holds[0].detail
