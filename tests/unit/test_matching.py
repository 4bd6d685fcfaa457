"""Hold rules (ecdesk.sync.matching): one reason per problem, naming the value."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D

from ecdesk.domain import (
    Disposition,
    ExtraCharge,
    Hold,
    HoldCode,
    Order,
    OrderLine,
    Platform,
    ShippingLine,
)
from ecdesk.sync.matching import (
    Fix,
    ItemMap,
    Maps,
    check_totals,
    mapping_fix,
    mapping_fixes,
    match_order,
    tax_code_for,
    tax_key,
)

WHEN = datetime(2026, 3, 1, 2, 30, tzinfo=UTC)


def maps() -> Maps:
    return Maps(
        items={"TSHIRT-RED-M": ItemMap("TS-RED-M", "UNIT"), "CAP-BLK": ItemMap("CAP-BLK")},
        shipping={"STANDARD": "SHIPPING"},
        payment={"shopify_payments": "CARD"},
        tax={"8": "SV-8", "0": "none"},
    )


def order(**kw) -> Order:
    """A well-formed tax-included Shopify order: 2 x 39.90 + 25.00 - 5 discount + 10 shipping."""
    base = dict(
        platform=Platform.SHOPIFY, external_id="5001", number="1001", created_at=WHEN,
        updated_at=WHEN, currency="MYR", status="paid", disposition=Disposition.POSTABLE,
        total=D("109.80"), taxes_included=True,
        lines=[
            OrderLine("1", "TSHIRT-RED-M", "Cotton T-shirt Red M", D(2), D("39.90"),
                      discount=D("5.00"), tax=D("5.54"), tax_rate=D("8")),
            OrderLine("2", "CAP-BLK", "Baseball Cap Black", D(1), D("25.00"),
                      tax=D("1.85"), tax_rate=D("8.00")),
        ],
        shipping=[ShippingLine("STANDARD", "Standard", D("10.00"))],
        payment_methods=["shopify_payments"],
    )
    base.update(kw)
    return Order(**base)


def codes(holds: list[Hold]) -> list[HoldCode]:
    return [h.code for h in holds]


def test_well_formed_order_has_no_holds():
    assert match_order(order(), maps()) == []


def test_tax_key_normalises_percentages():
    assert tax_key(D("8.00")) == "8"
    assert tax_key(D("6.5")) == "6.5"
    assert tax_key(D("10")) == "10"
    assert tax_key(None) == "0"
    assert tax_key(D("0.00")) == "0"


def test_tax_code_for_none_and_unmapped():
    m = maps()
    assert tax_code_for(m, D("8.0")) == "SV-8"
    assert tax_code_for(m, None) == ""  # mapped to "none"
    assert tax_code_for(m, D("6")) is None
    assert tax_code_for(Maps(), D(0)) == ""  # untaxed needs no mapping


def test_unmapped_sku_names_sku_line_and_next_step():
    o = order()
    o.lines[0].sku = "TSHIRT-RED-XL"
    o.lines[0].name = "Cotton T-shirt Red XL"
    holds = match_order(o, maps())
    assert holds == [Hold(
        HoldCode.UNMAPPED_SKU,
        "SKU 'TSHIRT-RED-XL' (line 'Cotton T-shirt Red XL') has no AutoCount item code. "
        "Map it in Mapping > Items, then Retry.",
        value="TSHIRT-RED-XL",
    )]


def test_one_hold_per_distinct_unmapped_sku():
    o = order()
    o.lines.append(OrderLine("3", "MYSTERY-SKU-99", "Mystery", D(1), D(0)))
    o.lines.append(OrderLine("4", "MYSTERY-SKU-99", "Mystery again", D(1), D(0)))
    o.lines.append(OrderLine("5", "OLD-PROMO-BUNDLE", "Bundle", D(1), D(0)))
    holds = match_order(o, maps())
    assert [h.value for h in holds] == ["MYSTERY-SKU-99", "OLD-PROMO-BUNDLE"]
    assert codes(holds) == [HoldCode.UNMAPPED_SKU] * 2


def test_missing_sku_names_the_product():
    o = order()
    o.lines[1].sku = "  "
    o.lines.append(OrderLine("3", None, "Gift card", D(1), D(0)))
    holds = match_order(o, maps())
    assert codes(holds) == [HoldCode.MISSING_SKU, HoldCode.MISSING_SKU]
    assert "'Baseball Cap Black'" in holds[0].detail
    assert "'Gift card'" in holds[1].detail


def test_unmapped_shipping_method():
    o = order(shipping=[ShippingLine("drone-delivery", "Drone", D("10.00"))])
    holds = match_order(o, maps())
    assert codes(holds) == [HoldCode.UNMAPPED_SHIPPING]
    assert "'drone-delivery'" in holds[0].detail and "Mapping > Shipping" in holds[0].detail
    assert holds[0].value == "drone-delivery"


def test_free_shipping_and_removed_lines_need_no_mapping():
    o = order(total=D("99.80"), shipping=[ShippingLine("Free Shipping", "Free", D("5.00"),
                                                       discount=D("5.00"))])
    o.lines.append(OrderLine("9", "MYSTERY-SKU-99", "Removed by an edit", D(0), D("12.00")))
    assert match_order(o, maps()) == []
    o.shipping[0].discount = D("4.99")
    o.total = D("99.81")
    assert [h.value for h in match_order(o, maps())] == ["Free Shipping"]


def test_shipping_without_method_uses_shipping_item_setting_only():
    o = order(shipping=[ShippingLine("", "", D("10.00"))])
    held = match_order(o, maps())
    assert codes(held) == [HoldCode.UNMAPPED_SHIPPING]
    assert "shipping_item" in held[0].detail
    assert mapping_fix(held[0]) == Fix("setting", "shipping_item")
    assert match_order(o, maps(), shipping_item="SHIPPING") == []
    # a named method is never posted on the default item
    named = order(shipping=[ShippingLine("drone-delivery", "Drone", D("10.00"))])
    assert codes(match_order(named, maps(), shipping_item="SHIPPING")) == [
        HoldCode.UNMAPPED_SHIPPING]


def test_unknown_gateway_each_named():
    o = order(payment_methods=["crypto_wallet", "shopify_payments", "gift_card"])
    holds = match_order(o, maps())
    assert codes(holds) == [HoldCode.UNKNOWN_PAYMENT] * 2
    assert [h.value for h in holds] == ["crypto_wallet", "gift_card"]
    assert "'crypto_wallet'" in holds[0].detail


def test_no_payment_method_held_unless_nothing_was_paid():
    holds = match_order(order(payment_methods=[]), maps())
    assert codes(holds) == [HoldCode.UNKNOWN_PAYMENT]
    assert "MYR 109.80" in holds[0].detail
    free = order(payment_methods=[], total=D("0.00"), lines=[
        OrderLine("1", "CAP-BLK", "Cap", D(1), D("25.00"), discount=D("25.00"))], shipping=[])
    assert match_order(free, maps()) == []


def test_unmapped_tax_rate_once_per_rate():
    o = order()
    o.lines[0].tax_rate = D("6")
    o.lines[1].tax_rate = D("6.00")
    holds = match_order(o, maps())
    assert codes(holds) == [HoldCode.UNMAPPED_TAX]
    assert holds[0].value == "6" and "6%" in holds[0].detail


def test_tax_without_rate_is_held():
    o = order()
    o.lines[1].tax_rate = None  # still carries tax 1.85
    holds = match_order(o, maps())
    assert codes(holds) == [HoldCode.UNMAPPED_TAX]
    assert "MYR 1.85" in holds[0].detail


def test_untaxed_lines_need_no_tax_mapping():
    m = maps()
    m.tax = {}
    o = order()
    for line in o.lines:
        line.tax_rate, line.tax = None, D(0)
    assert match_order(o, m) == []


def test_extra_tax_must_match_a_mapped_rate():
    ok = order(taxes_included=False, total=D("118.44"), tax_total=D("8.00"),
               extras=[ExtraCharge("Gift wrap", D("5.00"), tax=D("0.40"))])
    for line in ok.lines:
        line.tax = D(0)  # tax_total carries it
    ok.total = sum((ln.net for ln in ok.lines), D(0)) + D("10.00") + D("5.00") + D("8.00")
    assert match_order(ok, maps()) == []
    bad = order(extras=[ExtraCharge("Gift wrap", D("5.00"), tax=D("0.33"))],
                total=D("114.80"))
    holds = match_order(bad, maps())
    assert codes(holds) == [HoldCode.UNMAPPED_TAX]
    assert "'Gift wrap'" in holds[0].detail


def test_currency_other_than_book_is_held():
    holds = match_order(order(currency="SGD"), maps())
    assert codes(holds) == [HoldCode.CURRENCY]
    assert "SGD" in holds[0].detail and "MYR" in holds[0].detail
    assert match_order(order(currency="SGD"), maps(), book_currency="SGD") == []


def test_total_off_by_one_cent_is_held_with_both_figures():
    o = order(total=D("109.79"))
    hold = check_totals(o)
    assert hold is not None and hold.code is HoldCode.AMOUNT_MISMATCH
    assert "MYR 109.80" in hold.detail and "MYR 109.79" in hold.detail
    assert "difference 0.01" in hold.detail
    assert codes(match_order(o, maps())) == [HoldCode.AMOUNT_MISMATCH]
    assert check_totals(order(total=D("109.81"))) is not None


def test_total_exact_is_not_held():
    assert check_totals(order()) is None
    assert check_totals(order(total=D("109.8000"))) is None


def test_tax_excluded_total_adds_tax():
    o = order(taxes_included=False, tax_total=D("8.78"), total=D("118.58"))
    assert check_totals(o) is None
    o.total = D("118.57")
    hold = check_totals(o)
    assert hold is not None and "Lines, shipping and tax add up to MYR 118.58" in hold.detail
    assert "MYR 118.57 (difference 0.01)" in hold.detail


def test_order_discount_and_extras_count_toward_total():
    o = order(order_discount=D("9.80"), extras=[ExtraCharge("COD fee", D("2.00"))],
              total=D("102.00"))
    assert check_totals(o) is None


def test_every_problem_listed_on_one_order():
    o = order(currency="USD", total=D("1.00"), payment_methods=["crypto_wallet"],
              shipping=[ShippingLine("drone-delivery", "Drone", D("10.00"))])
    o.lines[0].sku = "MYSTERY-SKU-99"
    o.lines[1].tax_rate = D("6")
    o.lines.append(OrderLine("3", "", "Loose item", D(1), D(0)))
    holds = match_order(o, maps())
    assert sorted(codes(holds)) == sorted([
        HoldCode.UNMAPPED_SKU, HoldCode.MISSING_SKU, HoldCode.UNMAPPED_SHIPPING,
        HoldCode.UNKNOWN_PAYMENT, HoldCode.UNMAPPED_TAX, HoldCode.CURRENCY,
        HoldCode.AMOUNT_MISMATCH])


def test_mapping_fixes_name_kind_and_key_once():
    o = order(payment_methods=["crypto_wallet"],
              shipping=[ShippingLine("drone-delivery", "Drone", D("10.00"))], total=D("1"))
    o.lines[0].sku = "MYSTERY-SKU-99"
    o.lines[1].tax_rate = D("6")
    holds = match_order(o, maps())
    holds += [Hold(HoldCode.UNMAPPED_SKU, "again", value="MYSTERY-SKU-99"),
              Hold(HoldCode.CONFIG, "x", value="debtor_code")]
    assert mapping_fixes(holds) == [
        Fix("sku", "MYSTERY-SKU-99"), Fix("shipping", "drone-delivery"),
        Fix("payment", "crypto_wallet"), Fix("tax", "6"), Fix("setting", "debtor_code")]
    mismatch = next(h for h in holds if h.code is HoldCode.AMOUNT_MISMATCH)
    assert mapping_fix(mismatch) is None
