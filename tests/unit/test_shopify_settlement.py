"""Shopify Payments settlement, pure: balance transactions -> an order's payout, fees and
release; the carry-over that keeps what earlier fetches saw; the fee-note default; the read's
window and its refusals (a fake connector, no network)."""

from __future__ import annotations

import copy
import logging
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from ecdesk.domain import FeeKind
from ecdesk.errors import ApiError, AuthError, RateLimited
from ecdesk.sync import posting
from ecdesk.sync.connectors import gateway_rows
from ecdesk.sync.connectors import shopify_payments as sp
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.shopify_mapper import normalise
from tests.unit.test_shopify_normalise import PAYLOAD

KL = ZoneInfo("Asia/Kuala_Lumpur")
D = Decimal


def txn(tid: int, kind: str, amount: str, fee: str, *, status: str = "PAID",
        payout: int = 623001, when: str = "2026-11-02T02:05:00Z", issued: str | None = None,
        currency: str = "MYR") -> dict:
    net = str(D(amount) - D(fee))
    out = {"id": f"gid://shopify/ShopifyPaymentsBalanceTransaction/{tid}", "type": kind,
           "test": False, "transactionDate": when,
           "amount": {"amount": amount, "currencyCode": currency},
           "fee": {"amount": fee, "currencyCode": currency},
           "net": {"amount": net, "currencyCode": currency},
           "associatedOrder": {"id": "gid://shopify/Order/5001"},
           "associatedPayout": {"id": f"gid://shopify/ShopifyPaymentsPayout/{payout}",
                                "status": status}}
    if issued:
        out["associatedPayout"]["issuedAt"] = issued
    return out


def test_charge_refund_and_adjustment_make_the_payout_the_order_ties_out_to():
    txns = [txn(1, "CHARGE", "118.00", "4.42", issued="2026-11-03T17:00:00Z"),
            txn(2, "REFUND", "-20.00", "0.00", when="2026-11-04T01:00:00Z", payout=623002),
            txn(3, "ADJUSTMENT", "-1.50", "0.00", when="2026-11-04T02:00:00Z", payout=623002)]
    s = sp.settlement_of(txns, "MYR", KL)
    assert s is not None and s.net == D("92.08")
    assert [(f.kind, f.amount, f.description) for f in s.fees] == [
        (FeeKind.TRANSACTION, D("4.42"), "Shopify Payments fee"),
        (FeeKind.OTHER, D("1.50"), "Shopify Payments adjustment")]
    total, refunded = D("118.00"), D("20.00")
    assert total - sum(f.amount for f in s.fees) - refunded == s.net  # docs/decisions.md §6
    # released: every transaction's payout PAID; the payout is the charge's, dated in KL
    assert s.released and s.payout_ref == "623001" and s.payout_date == date(2026, 11, 4)


def test_not_released_until_every_payout_is_paid_and_no_ref_meanwhile():
    s = sp.settlement_of([txn(1, "CHARGE", "50.00", "2.45", status="SCHEDULED")], "MYR", KL)
    assert s is not None and not s.released and s.payout_ref == "" and s.payout_date is None
    s = sp.settlement_of([txn(1, "CHARGE", "50.00", "2.45"),
                          txn(2, "REFUND", "-5.00", "0.00", status="PENDING", payout=0)],
                         "MYR", KL)
    assert s is not None and not s.released


@pytest.mark.parametrize("txns", [
    None, [], [txn(2, "REFUND", "-5.00", "0.00")],  # no charge seen: not the whole order
    [txn(1, "CHARGE", "50.00", "2.45", currency="USD")],  # another currency
    [{**txn(1, "CHARGE", "50.00", "2.45"), "net": {"amount": "abc"}}],  # unreadable
    [{**txn(1, "CHARGE", "50.00", "2.45"), "test": True}],  # test mode: never paid out
])
def test_no_settlement_without_a_readable_charge_in_the_orders_currency(txns):
    assert sp.settlement_of(txns, "MYR", KL) is None


def test_an_order_shopify_payments_took_only_part_of_has_no_settlement():
    txns = [txn(1, "CHARGE", "100.00", "3.90")]  # a gift card paid the other 18.00
    assert sp.settlement_of(txns, "MYR", KL, total=D("100.00")) is not None
    assert sp.settlement_of(txns, "MYR", KL, total=D("118.00")) is None
    order = normalise({**copy.deepcopy(PAYLOAD), sp.KEY: txns})
    assert (order.settlement, order.fees) == (None, [])


def test_an_order_without_transactions_is_exactly_as_before():
    order = normalise(copy.deepcopy(PAYLOAD))
    assert (order.settlement, order.fees, order.settlement_released, order.payout_ref,
            order.payout_date) == (None, [], False, "", None)
    paid = normalise({**copy.deepcopy(PAYLOAD), sp.KEY: [
        txn(1, "CHARGE", "118.00", "4.42", issued="2026-11-03T01:00:00Z")]}, KL)
    assert paid.settlement == D("113.58") and paid.payout_ref == "623001"
    assert paid.payout_date == date(2026, 11, 3)
    assert (paid.total, paid.lines[0].sku) == (order.total, order.lines[0].sku)


def test_carry_over_keeps_what_earlier_fetches_saw_and_takes_newer_forms():
    charge = txn(1, "CHARGE", "50.00", "2.45", status="SCHEDULED")
    stored = {"name": "#1", sp.KEY: [charge]}
    fresh = {"name": "#1 edited"}  # the order came again: no transactions with it
    assert sp.carry_over(stored, fresh) == {"name": "#1 edited", sp.KEY: [charge]}
    assert sp.carry_over({"name": "#1"}, fresh) is fresh  # nothing to carry
    paid = txn(1, "CHARGE", "50.00", "2.45")
    refund = txn(2, "REFUND", "-5.00", "0.00", when="2026-11-05T00:00:00Z")
    merged = sp.carry_over({**stored, sp.KEY: [{**charge, "associatedPayout": {
        **charge["associatedPayout"], "issuedAt": "2026-11-03T00:00:00Z"}}]},
        {**fresh, sp.KEY: [refund, paid]})
    assert [t["id"][-1] for t in merged[sp.KEY]] == ["1", "2"]  # by date
    assert merged[sp.KEY][0]["associatedPayout"] == {
        **paid["associatedPayout"], "issuedAt": "2026-11-03T00:00:00Z"}  # PAID, still dated


def test_fee_notes_default_on_for_orders_with_a_shopify_payments_payout_only():
    rules = posting.PostingRules.from_settings({})
    plain = normalise(copy.deepcopy(PAYLOAD))
    paid = normalise({**copy.deepcopy(PAYLOAD), sp.KEY: [
        txn(1, "CHARGE", "118.00", "4.42", status="SCHEDULED")]})
    assert not posting.fees_enabled(plain, rules) and posting.fees_enabled(paid, rules)
    assert not posting.fees_due(paid, rules)  # waits for the payout (fees_on_release)
    assert not posting.fees_enabled(paid, posting.PostingRules.from_settings(
        {"post_fees": "no"}))
    rules = posting.PostingRules.from_settings({
        "debtor_code": "300-S001", "credit_term": "C.O.D.", "sales_location": "HQ",
        "sales_account": "500-0000", "fee_account_transaction": "908-2000"})
    note = posting.build_fee_note(normalise({**copy.deepcopy(PAYLOAD), sp.KEY: [
        txn(1, "CHARGE", "118.00", "4.42")]}), rules, "SH-1001")
    assert isinstance(note, posting.DocumentDraft) and note.doc_no == "SH-1001-F"
    assert [(ln.acc_no, ln.unit_price) for ln in note.lines] == [("908-2000", D("4.42"))]


class FakeShop:
    """A connector's ``graphql`` answering from a script; records what it was asked."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.asked: list[tuple[str, dict]] = []
        self.store = StoreConfig(77, "kedai", "shopify", "https://kedai.myshopify.com")

    def clock(self) -> datetime:
        return datetime(2026, 11, 20, 4, 0, tzinfo=UTC)

    def graphql(self, query, variables, operation=""):
        self.asked.append((operation, variables))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def _page(nodes, more=False, cursor="c1", field="balanceTransactions"):
    return {"shopifyPaymentsAccount": {field: {
        "nodes": nodes, "pageInfo": {"hasNextPage": more, "endCursor": cursor}}}}


def test_a_page_priced_over_the_single_query_limit_is_asked_again_halved():
    over = ApiError("Query cost is 1206", status=200, body={"errors": [
        {"message": "too costly", "extensions": {"code": "MAX_COST_EXCEEDED"}}]})
    shop = FakeShop(over, _page([txn(1, "CHARGE", "50.00", "2.45", status="SCHEDULED")]))
    assert sp.PaymentsReader(shop).read(None, None).late()["5001"]
    assert [v["first"] for _, v in shop.asked] == [sp.BALANCE_PAGE, sp.BALANCE_PAGE // 2]


def test_the_read_pages_the_window_once_and_dates_the_paid_payouts():
    charge = txn(1, "CHARGE", "50.00", "2.45")
    shop = FakeShop(_page([charge], more=True), _page([txn(2, "CHARGE", "9.00", "1.26",
                                                           status="SCHEDULED", payout=9)]),
                    _page([{"id": charge["associatedPayout"]["id"],
                            "issuedAt": "2026-11-03T00:00:00Z"}], field="payouts"))
    since = datetime(2026, 11, 19, 4, 0, tzinfo=UTC)
    balance = sp.PaymentsReader(shop).read(since, None)
    (op1, v1), (_, v2), (op3, v3) = shop.asked
    assert op1 == "balanceTransactions" and v1["first"] == sp.BALANCE_PAGE
    assert v1["query"] == ("processed_at:>='2026-11-19T04:00:00Z' OR "
                           "payout_date:>='2026-11-16'")
    assert v2["after"] == "c1" and op3 == "payouts"
    assert v3["query"] == "issued_at:>='2026-11-02T02:05:00Z'"
    late = balance.late()["5001"][sp.KEY]
    assert late[0]["associatedPayout"]["issuedAt"] == "2026-11-03T00:00:00Z"
    assert "issuedAt" not in late[1]["associatedPayout"]
    first = FakeShop(_page([]))
    sp.PaymentsReader(first).read(None, None)
    assert first.asked[0][1]["query"] == "processed_at:>='2026-10-21T04:00:00Z'"


@pytest.mark.parametrize("answer, words", [
    ({"shopifyPaymentsAccount": None}, "no Shopify Payments account"),
    (AuthError("denied", status=200), "read_shopify_payments_payouts"),
    (ApiError("Field 'shopifyPaymentsAccount' doesn't exist", status=200),
     "api_version"),
    (RateLimited("slow down", status=429), "not read this time"),
    (ApiError("Shopify could not", status=503), "not read this time"),
])
def test_no_account_a_refusal_or_a_failure_gives_no_data_and_never_raises(answer, words,
                                                                           caplog):
    gateway_rows._said.clear()
    caplog.set_level(logging.INFO)
    for _ in range(2):
        assert sp.PaymentsReader(FakeShop(answer)).read(None, None).late() == {}
    said = [r for r in caplog.records if words in r.getMessage()]
    assert said and (len(said) == 1 or words == "not read this time")  # a refusal: once
