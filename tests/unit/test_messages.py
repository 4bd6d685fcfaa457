"""Hold reasons are kept as a message key plus values; English is rendered from the
catalogue (the window translates the same template)."""

from __future__ import annotations

import string
from decimal import Decimal as D

import pytest

from ecdesk import messages
from ecdesk.domain import Hold, HoldCode
from ecdesk.sync.matching import Maps, match_order


def test_a_hold_keeps_its_key_and_values_and_renders_english():
    h = messages.hold(HoldCode.UNMAPPED_SKU, sku="TS-1", line="Tee", value="TS-1")
    assert (h.key, dict(h.params), h.value) == ("unmapped_sku", {"sku": "TS-1", "line": "Tee"},
                                                "TS-1")
    assert h.detail == ("SKU 'TS-1' (line 'Tee') has no AutoCount item code. Map it in "
                        "Mapping > Items, then Retry.")
    assert h == Hold(HoldCode.UNMAPPED_SKU, h.detail, value="TS-1")  # key/params: presentation


def test_an_unknown_message_key_is_a_programming_error():
    with pytest.raises(KeyError):
        messages.hold(HoldCode.CONFIG, "config.no_such_variant", key="x")


@pytest.mark.parametrize("key", sorted(messages.TEMPLATES))
def test_every_template_is_filled_by_its_own_fields(key):
    template = messages.TEMPLATES[key]
    fields = {f for _t, f, _s, _c in string.Formatter().parse(template) if f}
    assert key.split(".")[0] in messages.HOLD_TITLES
    assert messages.render(key, {f: "X" for f in fields}) != template or not fields


def test_render_falls_back_to_the_stored_text_of_an_old_row():
    assert messages.render("", {}, "SKU 'A' has no AutoCount item") == \
        "SKU 'A' has no AutoCount item"
    assert messages.render("unmapped_sku", {"sku": "A"}, "old text") == "old text"  # value gone


def test_matching_records_values_not_only_sentences():
    from tests.unit.test_matching import order  # the suite's sample order

    holds = match_order(order(currency="SGD", total=D("1.00")), Maps())
    assert {h.code for h in holds} >= {HoldCode.UNMAPPED_SKU, HoldCode.CURRENCY,
                                       HoldCode.AMOUNT_MISMATCH, HoldCode.UNKNOWN_PAYMENT}
    assert all(h.key in messages.TEMPLATES for h in holds)
    assert all(messages.render(h.key, h.params) == h.detail for h in holds)
