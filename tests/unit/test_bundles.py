"""Bundles post their components (ecdesk.sync.bundles; docs/decisions.md §7 "Bundles").

The expected figures are worked out by hand in each test, not by the module's own helpers."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ecdesk.domain import DocumentDraft, HoldCode, OrderLine, Refund
from ecdesk.sync.bundles import item_label, label, split
from ecdesk.sync.matching import ItemMap, Maps, match_order
from ecdesk.sync.posting import build_credit_note, build_draft, draft_total
from tests.unit.test_matching import maps, order
from tests.unit.test_posting import rules

KIT = {"TS-RED-M": D(2), "CAP-BLK": D(1)}  # one kit: two T-shirts and a cap


def kit_maps() -> Maps:
    m = maps()
    m.bundles["GIFT-SET"] = dict(KIT)
    return m


def kit_order(**kw):
    """3 gift sets at 60.00 less 6.00, tax-included 8 %, plus one cap; total 199.00."""
    base = order(total=D("199.00"), shipping=[], lines=[
        OrderLine("1", "GIFT-SET", "Gift set", D(3), D("60.00"), discount=D("6.00"),
                  tax=D("12.89"), tax_rate=D("8")),
        OrderLine("2", "CAP-BLK", "Baseball Cap Black", D(1), D("25.00"), tax=D("1.85"),
                  tax_rate=D("8")),
    ])
    return replace(base, **kw)


def test_split_by_quantity_per_kit_to_the_cent():
    # gross 180.00: T-shirts 2/3 -> 120.00, cap takes the rest 60.00; discount 6.00 -> 4.00, 2.00
    shirts, cap = split(KIT, D(3), D("180.00"), D("6.00"))
    assert (shirts.item_code, shirts.qty, shirts.unit_price, shirts.discount) == (
        "TS-RED-M", D(6), D("20.00"), D("4.00"))
    assert (cap.item_code, cap.qty, cap.unit_price, cap.discount) == (
        "CAP-BLK", D(3), D("20.00"), D("2.00"))


def test_a_price_that_does_not_divide_rounds_up_and_gives_the_cents_back_as_discount():
    # 1 kit of 3 x A for 10.00: 3.34 x 3 = 10.02, so 0.02 discount
    (a,) = split({"A": D(3)}, D(1), D("10.00"), D(0))
    assert (a.qty, a.unit_price, a.discount, a.amount) == (D(3), D("3.34"), D("0.02"),
                                                          D("10.00"))


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.integers(1, 9), min_size=1, max_size=4),
       kits=st.integers(0, 50), cents=st.integers(0, 10_000_000), off=st.integers(0, 100))
@example(parts=[2, 2, 2, 1], kits=1, cents=2, off=0)  # found: a share of -0.01
def test_components_always_add_up_to_the_bundle_line(parts, kits, cents, off):
    gross = D(cents) / 100
    discount = (gross * off / 100).quantize(D("0.01"))
    kit = {f"ITEM{i}": D(q) for i, q in enumerate(parts)}
    lines = split(kit, D(kits), gross, discount)
    assert [c.item_code for c in lines] == list(kit)
    assert sum(c.amount for c in lines) == gross - discount
    assert all(c.unit_price >= 0 and c.unit_price == c.unit_price.quantize(D("0.01"))
               for c in lines)
    assert all(c.qty == kits * kit[c.item_code] for c in lines)


def test_labels():
    assert label({"A": D(2), "B": D(1), "C": D("10")}) == "A x2 + B + C x10"
    assert item_label(kit_maps(), " GIFT-SET ") == "TS-RED-M x2 + CAP-BLK"
    assert item_label(kit_maps(), "CAP-BLK") == "CAP-BLK"
    assert item_label(kit_maps(), "NOPE") == ""


def test_a_bundle_sku_is_mapped_and_an_unknown_one_is_held():
    assert match_order(kit_order(), kit_maps()) == []
    holds = match_order(kit_order(), maps())  # no bundle map: never guessed
    assert [(h.code, h.value) for h in holds] == [(HoldCode.UNMAPPED_SKU, "GIFT-SET")]


def test_an_invoice_for_bundles_posts_the_components_and_keeps_the_total():
    built = build_draft(kit_order(), kit_maps(), rules())
    assert isinstance(built, DocumentDraft), built
    rows = [(ln.product_code, ln.qty, ln.unit_price, ln.discount, ln.tax_code)
            for ln in built.lines]
    assert rows == [("TS-RED-M", D(6), D("20.00"), D("4.00"), "SV-8"),
                    ("CAP-BLK", D(3), D("20.00"), D("2.00"), "SV-8"),
                    ("CAP-BLK", D(1), D("25.00"), D(0), "SV-8")]
    assert built.total == draft_total(built.lines, True) == D("199.00")
    # tax per line: 116.00 -> 8.59, 58.00 -> 4.30, 25.00 -> 1.85
    assert [ln.tax for ln in built.lines] == [D("8.59"), D("4.30"), D("1.85")]


def test_a_bundle_map_wins_over_a_sku_map_of_the_same_sku():
    m = kit_maps()
    m.items["GIFT-SET"] = ItemMap("GIFT-SET-ITEM")
    built = build_draft(kit_order(), m, rules())
    assert isinstance(built, DocumentDraft)
    assert "GIFT-SET-ITEM" not in {ln.product_code for ln in built.lines}


def test_a_returned_bundle_returns_its_components():
    refund = Refund(refund_id="R1", amount=D("58.00"), lines=[("1", D(1))])
    built = build_credit_note(kit_order(), refund, 1, kit_maps(), rules(),
                              invoice_doc_no="SH-1001")
    assert isinstance(built, DocumentDraft), built
    # one kit: gross 60.00 less 2.00 (6.00 pro rata) -> shirts 40.00-1.33, cap 20.00-0.67
    rows = [(ln.product_code, ln.qty, ln.unit_price, ln.discount) for ln in built.lines
            if ln.product_code]
    assert rows == [("TS-RED-M", D(2), D("20.00"), D("1.33")),
                    ("CAP-BLK", D(1), D("20.00"), D("0.67"))]
    assert built.total == D("58.00")
