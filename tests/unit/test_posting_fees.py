"""Marketplace fees (ecdesk.sync.posting.build_fee_note): one credit note per order, one line
per fee kind on its ledger, holds naming the missing setting; the outbox link role."""

from __future__ import annotations

from decimal import Decimal as D

from ecdesk.domain import DocKind, DocumentDraft, Fee, FeeKind, HoldCode, Order, Platform
from ecdesk.sync.engine import FEE_NOTE_SEQ
from ecdesk.sync.outbox import link_role
from ecdesk.sync.posting import (
    FEE_SETTINGS,
    PostingRules,
    build_draft,
    build_fee_note,
    draft_total,
)
from tests.unit.test_matching import maps, order
from tests.unit.test_posting import SETTINGS

LEDGERS = {
    "fee_account_commission": "908-1000", "fee_account_service": "908-2000",
    "fee_account_transaction": "908-2000", "fee_account_shipping_fee": "908-3000",
    "fee_account_voucher_seller": "908-4000", "fee_account_voucher_platform": "908-4500",
    "fee_account_other": "908-5000",
}
FEES = [
    Fee(FeeKind.COMMISSION, D("5.49"), "Shopee commission fee"),
    Fee(FeeKind.SHIPPING, D("4.20"), "Shipping fee borne by the seller"),
    Fee(FeeKind.COMMISSION, D("1.10"), "Shopee affiliate (AMS) commission"),
    Fee(FeeKind.TRANSACTION, D("2.20"), "Shopee transaction (payment) fee"),
    Fee(FeeKind.SERVICE, D("3.30"), "Shopee service fee"),
    Fee(FeeKind.OTHER, D("-0.75"), "Shopee item rebate"),
    Fee(FeeKind.VOUCHER_SELLER, D("2.00"), "Voucher funded by the seller"),
]


def rules(**kw: str) -> PostingRules:
    return PostingRules.from_settings({**SETTINGS, "doc_prefix": "SP-", **LEDGERS, **kw})


def shopee(fees: list[Fee] | None = None, **kw) -> Order:
    base = {"platform": Platform.SHOPEE, "number": "2411230ABCDEFG",
            "external_id": "2411230ABCDEFG", "fees": list(FEES if fees is None else fees)}
    return order(**{**base, **kw})


def note(o: Order, r: PostingRules | None = None, sale: str | None = "SP-2411230ABCDEFG"
         ) -> DocumentDraft:
    built = build_fee_note(o, r or rules(), sale)
    assert isinstance(built, DocumentDraft), built
    return built


def test_one_credit_note_one_line_per_kind_on_its_ledger():
    d = note(shopee())
    assert d.kind is DocKind.CREDIT_NOTE
    assert d.doc_no == "SP-2411230ABCDEFG-F" and d.our_invoice_no == "SP-2411230ABCDEFG"
    assert d.ref == "Shopee 2411230ABCDEFG fees"
    assert d.description == "Marketplace fees for order 2411230ABCDEFG"
    assert d.debtor_code == "300-H001" and d.credit_term == "C.O.D." and d.currency == "MYR"
    assert not d.inclusive_tax
    # FeeKind order; commission summed over its two fees; the rebate is a negative line
    assert [(ln.acc_no, ln.unit_price) for ln in d.lines] == [
        ("908-1000", D("6.59")), ("908-2000", D("3.30")), ("908-2000", D("2.20")),
        ("908-3000", D("4.20")), ("908-4000", D("2.00")), ("908-5000", D("-0.75"))]
    for ln in d.lines:
        assert ln.product_code is None and ln.tax_code == "" and ln.tax == 0
        assert ln.qty == 1 and ln.discount == 0
    assert d.lines[0].description == (
        "Commission: Shopee commission fee, Shopee affiliate (AMS) commission")
    assert d.total == D("17.54") == sum(f.amount for f in FEES)
    assert draft_total(d.lines, False) == d.total
    assert d.doc_date.isoformat() == "2026-03-01"  # the sale's date, store time zone


def test_sale_invoice_stays_the_gross_sale():
    o = shopee()
    sale = build_draft(o, maps(), rules())
    assert isinstance(sale, DocumentDraft)
    assert sale.total == o.total == D("109.80")
    assert all(ln.acc_no not in LEDGERS.values() for ln in sale.lines)


def test_nothing_to_post_returns_none():
    assert build_fee_note(shopee([]), rules(), "SP-1") is None
    netting = [Fee(FeeKind.SHIPPING, D("5.00")), Fee(FeeKind.SHIPPING, D("-5.00"))]
    assert build_fee_note(shopee(netting), rules(), "SP-1") is None
    assert build_fee_note(shopee(), rules(post_fees="false"), "SP-1") is None
    # fees off by default off the marketplaces; "true" turns them on
    web = shopee(platform=Platform.SHOPIFY)
    assert build_fee_note(web, rules(), "SH-1") is None
    assert isinstance(build_fee_note(web, rules(post_fees="true"), "SH-1"), DocumentDraft)


def test_a_kind_that_nets_to_zero_needs_no_line_and_no_ledger():
    fees = [Fee(FeeKind.COMMISSION, D("3.00")), Fee(FeeKind.OTHER, D("1.00")),
            Fee(FeeKind.OTHER, D("-1.00"))]
    d = note(shopee(fees), rules(fee_account_other=""))
    assert [(ln.acc_no, ln.unit_price) for ln in d.lines] == [("908-1000", D("3.00"))]


def test_missing_ledger_is_a_config_hold_naming_setting_and_command():
    held = build_fee_note(shopee(), rules(fee_account_commission="", fee_account_other=" "),
                          "SP-1")
    assert isinstance(held, list)
    assert [(h.code, h.value) for h in held] == [
        (HoldCode.CONFIG, "fee_account_commission"), (HoldCode.CONFIG, "fee_account_other")]
    assert "store set STORE --set fee_account_commission=" in held[0].detail
    assert "MYR 6.59" in held[0].detail and "2411230ABCDEFG" in held[0].detail
    assert "Retry" in held[0].detail


def test_platform_voucher_needs_its_own_ledger():
    fees = [Fee(FeeKind.VOUCHER_PLATFORM, D("1.50"))]
    assert note(shopee(fees)).lines[0].acc_no == "908-4500"
    held = build_fee_note(shopee(fees), rules(fee_account_voucher_platform=""), "SP-1")
    assert isinstance(held, list) and held[0].value == "fee_account_voucher_platform"


def test_fees_netting_to_a_credit_are_held_not_posted_below_zero():
    fees = [Fee(FeeKind.COMMISSION, D("1.00")), Fee(FeeKind.OTHER, D("-3.50"))]
    held = build_fee_note(shopee(fees), rules(), "SP-1")
    assert isinstance(held, list) and [h.code for h in held] == [HoldCode.AMOUNT_MISMATCH]
    assert "MYR 2.50" in held[0].detail


def test_invalid_post_fees_is_a_setup_problem():
    r = rules(post_fees="maybe")
    assert [h.value for h in r.problems] == ["post_fees"]
    held = build_fee_note(shopee(), r, "SP-1")
    assert isinstance(held, list) and held[0].value == "post_fees"


def test_numbering_own_or_too_long_leaves_docno_to_autocount():
    assert note(shopee(), rules(own_numbering="true"), "I-000042").doc_no is None
    assert note(shopee(), PostingRules.from_settings(
        {**SETTINGS, **LEDGERS}, max_doc_no=18), "SP-2411230ABCDEFG").doc_no is None
    assert note(shopee(), PostingRules.from_settings(
        {**SETTINGS, **LEDGERS}, max_doc_no=19), "SP-2411230ABCDEFG").doc_no is not None
    assert note(shopee(), sale=None).doc_no is None


def test_ref_is_cut_to_40_keeping_the_fees_suffix():
    d = note(shopee(number="9" * 45))
    assert len(d.ref) == 40 and d.ref.endswith(" fees")


def test_amounts_rounded_half_up_per_kind():
    fees = [Fee(FeeKind.COMMISSION, D("1.005")), Fee(FeeKind.SERVICE, D("0.004"))]
    d = note(shopee(fees))
    assert [ln.unit_price for ln in d.lines] == [D("1.01")]
    assert d.total == D("1.01")


def test_settings_read_per_kind():
    r = rules()
    assert set(FEE_SETTINGS.values()) == set(LEDGERS)
    assert r.fee_accounts[FeeKind.SHIPPING] == "908-3000" and r.post_fees is None
    assert rules(post_fees="No").post_fees is False


def test_link_role_fee_note_is_credit_note_at_fee_seq():
    assert FEE_NOTE_SEQ == 0
    assert link_role(DocKind.CREDIT_NOTE, FEE_NOTE_SEQ) == "fees"
    assert link_role(DocKind.CREDIT_NOTE, 1) == link_role(DocKind.CREDIT_NOTE, 3) == "credit"
    assert link_role(DocKind.INVOICE, 0) == link_role(DocKind.CASH_SALE, 0) == "sale"


def test_an_adjustment_goes_only_when_the_new_fees_still_make_the_payout():
    from ecdesk.sync.fee_adjust import build_adjustment, current_fees
    from ecdesk.sync.posting import fee_totals

    r = rules()
    fees = sum(fee_totals(shopee()).values(), D(0))
    now = current_fees(shopee(), r)
    posted = {**now, "908-1000": now["908-1000"] - D("0.40")}
    consistent = shopee(settlement=shopee().total - fees)
    adj = build_adjustment(consistent, r, posted=posted, adjustments=0,
                           sale="SP-2411230ABCDEFG", stem=None)
    assert isinstance(adj, DocumentDraft) and adj.total == D("0.40")
    assert adj.doc_no == "SP-2411230ABCDEFG-F2" and adj.debtor_code == note(consistent).debtor_code
    assert adj.doc_date == note(consistent).doc_date

    off = shopee(settlement=shopee().total - fees + D("3.00"))  # the parts miss the payout
    held = build_adjustment(off, r, posted=posted, adjustments=0, sale="SP-2411230ABCDEFG",
                            stem=None)
    assert isinstance(held, list) and held[0].code is HoldCode.AMOUNT_MISMATCH
    assert "3.00" in held[0].detail


def test_the_fee_note_waits_for_the_release_unless_the_store_says_not():
    from ecdesk.sync.posting import fees_due

    estimated = shopee(settlement=D("80.00"))
    assert not fees_due(estimated, rules())  # the marketplace may still change the figures
    assert fees_due(shopee(settlement=D("80.00"), settlement_released=True), rules())
    assert fees_due(estimated, rules(fees_on_release="no"))
    assert fees_due(shopee(), rules())  # no settlement data at all: nothing to wait for
    assert not fees_due(estimated, rules(post_fees="no", fees_on_release="no"))
    bad = rules(fees_on_release="later")
    assert bad.problems and bad.problems[0].code is HoldCode.CONFIG


def test_fees_on_release_is_checked_where_it_is_entered():
    import pytest

    from ecdesk.errors import UsageError
    from ecdesk.validation import check_store_settings

    assert check_store_settings("shopee", {"fees_on_release": "No"}) == {"fees_on_release": "no"}
    with pytest.raises(UsageError, match="fees_on_release must be yes or no"):
        check_store_settings("lazada", {"fees_on_release": "later"})
