"""WooPayments settlement, pure: transactions (cents) -> a WooCommerce order's payout, fees
and release; only for orders paid with WooPayments; the carry-over that keeps what earlier
fetches saw; the read's window, paging and refusals (a fake connector, no network)."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from ecdesk.domain import FeeKind
from ecdesk.errors import ApiError, AuthError, Unavailable
from ecdesk.sync import posting
from ecdesk.sync.connectors import gateway_rows
from ecdesk.sync.connectors import woopayments as wp
from ecdesk.sync.connectors.base import StoreConfig
from ecdesk.sync.connectors.woocommerce_mapper import normalise
from tests.unit.test_woocommerce_normalise import order

KL = ZoneInfo("Asia/Kuala_Lumpur")
D = Decimal
DEPOSIT = "po_1OJ466CBu6Jj8nBr38JRxdNE"


def txn(tid: str, kind: str, amount: int, fees: int, *, status: str = "paid",
        deposit: str | None = DEPOSIT, when: str = "2026-11-02 02:20:00",
        currency: str = "myr", buyer: str | None = None, day: int | None = None) -> dict:
    out = {"transaction_id": tid, "type": kind, "date": when, "amount": amount,
           "fees": fees, "net": amount - fees, "currency": currency,
           "customer_amount": amount, "customer_currency": buyer or currency,
           "deposit_id": deposit, "deposit_status": status if deposit else None,
           "order_id": 727, "order": {"number": "WC-1042",
                                      "url": "https://shop.example/wp-admin/post.php?post=727"}}
    if day is not None:
        out["_deposit_date"] = day
    return out


def woo(rows, method: str = "woocommerce_payments", **over):
    return order(payment_method=method, **{wp.KEY: rows}, **over)


def test_cents_make_the_payout_the_order_ties_out_to():
    rows = [txn("txn_1", "charge", 10743, 412, day=1793664000000),  # 2026-11-03 00:00 UTC
            txn("txn_2", "refund", -2000, 0, when="2026-11-04 01:00:00", deposit="po_2xyz"),
            txn("txn_3", "dispute", -1500, 1500, when="2026-11-05 01:00:00",
                deposit="po_3xyz")]
    s = wp.settlement_of(rows, "MYR", KL, total=D("107.43"))
    assert s is not None and s.net == D("107.43") - D("4.12") - D("20.00") - D("30.00")
    assert [(f.kind, f.amount, f.description) for f in s.fees] == [
        (FeeKind.TRANSACTION, D("4.12"), "WooPayments fee"),
        (FeeKind.OTHER, D("30.00"), "WooPayments adjustment")]
    assert D("107.43") - sum(f.amount for f in s.fees) - D("20.00") == s.net  # §6
    # released: every row's deposit paid; the ref is the charge's deposit, its last 10
    # letters and digits (§9), dated in the store's zone
    assert s.released and s.payout_ref == "Br38JRxdNE" and s.payout_date == date(2026, 11, 3)


def test_a_zero_decimal_currency_is_in_whole_units():
    s = wp.settlement_of([txn("t", "charge", 5000, 180, currency="jpy")], "JPY", KL)
    assert s is not None and s.net == D(4820) and s.fees[0].amount == D(180)


def test_not_released_until_every_deposit_is_paid_and_no_ref_meanwhile():
    s = wp.settlement_of([txn("t", "charge", 5000, 245, status="pending")], "MYR", KL)
    assert s is not None and not s.released and s.payout_ref == "" and s.payout_date is None
    s = wp.settlement_of([txn("t", "charge", 5000, 245),
                          txn("r", "refund", -500, 0, deposit=None)], "MYR", KL)
    assert s is not None and not s.released  # the refund is in no deposit yet


@pytest.mark.parametrize("rows", [
    None, [], [txn("r", "refund", -500, 0)],  # no charge seen: not the whole order
    [txn("t", "charge", 10743, 412, currency="usd")],  # deposited in another currency
    [txn("t", "charge", 10743, 412, buyer="sgd")],  # the buyer paid in another currency
    [{**txn("t", "charge", 10743, 412), "net": "abc"}],  # unreadable
])
def test_no_settlement_without_a_readable_charge_wholly_in_the_shops_currency(rows):
    assert wp.settlement_of(rows, "MYR", KL) is None


def test_only_an_order_paid_with_woopayments_and_wholly_by_it_has_a_settlement():
    rows = [txn("t", "charge", 10743, 412)]
    paid = normalise(woo(rows), KL)
    assert paid.settlement == D("103.31") and paid.settlement_released
    assert paid.payout_ref == "Br38JRxdNE" and [f.amount for f in paid.fees] == [D("4.12")]
    split = normalise(woo(rows, "woocommerce_payments_sepa_debit"), KL)  # a split UPE method
    assert split.settlement == D("103.31")
    plain = normalise(order(), KL)
    for other in (normalise(woo(rows, "ipay88"), KL),  # another gateway: rows ignored
                  normalise(woo([txn("t", "charge", 10000, 400)]), KL)):  # a gift card paid
        assert (other.settlement, other.fees, other.settlement_released, other.payout_ref,
                other.payout_date) == (None, [], False, "", None)
        assert (other.total, other.lines, other.refunds) == (plain.total, plain.lines,
                                                             plain.refunds)


def test_fee_notes_default_on_for_woopayments_orders_only_and_wait_for_the_deposit():
    rules = posting.PostingRules.from_settings({})
    plain = normalise(order())
    pending = normalise(woo([txn("t", "charge", 10743, 412, status="pending")]))
    assert not posting.fees_enabled(plain, rules) and posting.fees_enabled(pending, rules)
    assert not posting.fees_due(pending, rules)
    assert posting.fees_due(normalise(woo([txn("t", "charge", 10743, 412)])), rules)


def test_the_order_of_a_row_is_its_order_id_else_its_edit_link():
    assert wp.order_id_of({"order_id": 12}) == "12"
    assert wp.order_id_of({"order": {"url": "https://s/wp-admin/post.php?post=88&action=edit"}}
                          ) == "88"
    assert wp.order_id_of({"order": {"url": "https://s/wp-admin/admin.php?page=wc-orders"
                                            "&action=edit&id=91"}}) == "91"
    assert wp.order_id_of({"order": None}) == wp.order_id_of({}) == ""


def test_carry_over_keeps_what_earlier_fetches_saw_and_takes_newer_forms():
    charge = txn("t1", "charge", 5000, 245, status="pending", day=1793664000000)
    stored = {"id": 727, wp.KEY: [charge]}
    fresh = {"id": 727, "status": "completed"}  # the order came again: no rows with it
    assert wp.carry_over(stored, fresh) == {**fresh, wp.KEY: [charge]}
    assert wp.carry_over({"id": 727}, fresh) is fresh
    paid = txn("t1", "charge", 5000, 245)  # the deposit paid; this read did not date it
    refund = txn("t2", "refund", -500, 0, when="2026-11-05 00:00:00")
    merged = wp.carry_over(stored, {**fresh, wp.KEY: [refund, paid]})
    assert [t["transaction_id"] for t in merged[wp.KEY]] == ["t1", "t2"]  # by date
    assert merged[wp.KEY][0]["deposit_status"] == "paid"
    assert merged[wp.KEY][0]["_deposit_date"] == 1793664000000  # still dated


@pytest.mark.parametrize("value, day", [
    (1793664000000, date(2026, 11, 3)), (1793664000, date(2026, 11, 3)),
    ("2026-11-02 17:00:00", date(2026, 11, 3)), ("2026-11-02T15:00:00Z", date(2026, 11, 2)),
    (None, None), ("soon", None)])
def test_a_deposit_date_is_a_day_in_the_stores_zone(value, day):
    assert wp.deposit_day(value, KL) == day


class FakeWoo:
    """A connector's ``get_json`` answering from a script; records what it was asked."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.asked: list[tuple[str, dict]] = []
        self.store = StoreConfig(78, "kedai", "woocommerce", "https://kedai.example")

    def clock(self) -> datetime:
        return datetime(2026, 11, 20, 4, 0, tzinfo=UTC)

    def get_json(self, path, params):
        self.asked.append((path, params))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_the_read_pages_the_window_once_then_the_deposits_and_each_paid_one():
    full = [txn(f"t{i}", "charge", 1000, 40, status="pending", deposit="po_new")
            for i in range(wp.PAGE)]
    woo = FakeWoo({"data": full}, {"data": []},
                  {"data": [{"id": DEPOSIT, "status": "paid", "date": 1793664000000},
                            {"id": "po_new", "status": "pending", "date": 1793836800000}]},
                  {"data": [txn("old", "charge", 10743, 412, status="paid")]})
    since = datetime(2026, 11, 19, 4, 0, tzinfo=UTC)
    got = wp.WooPaymentsReader(woo).read(since, None).late()["727"][wp.KEY]
    (p1, q1), (_, q2), (p3, q3), (_, q4) = woo.asked
    assert p1 == wp.TRANSACTIONS and q1["date_after"] == "2026-11-18 14:00:00"
    assert (q1["pagesize"], q1["page"], q2["page"]) == (wp.PAGE, 1, 2)
    assert (q1["sort"], q1["direction"]) == ("date", "asc")
    assert p3 == wp.DEPOSITS and q3["date_after"] == "2026-11-15 14:00:00"
    assert q4["deposit_id"] == DEPOSIT  # only the paid deposit's rows, older ones too
    old = next(t for t in got if t["transaction_id"] == "old")
    assert old["_deposit_date"] == 1793664000000 and len(got) == wp.PAGE + 1
    first = FakeWoo({"data": []}, {"data": []})
    wp.WooPaymentsReader(first).read(None, None)
    assert [q["date_after"] for _, q in first.asked] == ["2026-10-21 04:00:00",
                                                         "2026-10-18 04:00:00"]


@pytest.mark.parametrize("answer, words", [
    (ApiError("no route", status=404, body={"code": "rest_no_route"}), "has no WooPayments"),
    (AuthError("forbidden", status=403, body={"code": "rest_forbidden"}),
     "may manage WooCommerce"),
    (ApiError("not connected", status=400, body={"code": "wcpay_account_not_found"}),
     "wcpay_account_not_found"),
    ({"unexpected": True}, "cannot read"),
    (Unavailable("host down", status=503), "not read this time"),
])
def test_no_plugin_a_refusal_or_a_failure_gives_no_data_and_never_raises(answer, words,
                                                                          caplog):
    gateway_rows._said.clear()
    caplog.set_level(logging.INFO)
    for _ in range(2):
        assert wp.WooPaymentsReader(FakeWoo(answer)).read(None, None).late() == {}
    said = [r for r in caplog.records if words in r.getMessage()]
    assert said and (len(said) == 1 or words == "not read this time")  # a refusal: once
