"""Lazada finance rows read by date range once per fetch (``lazada_finance``) against the
sandbox over loopback: every order gets exactly the rows a per-order read gives it, and a
big fetch makes a handful of finance calls instead of one per order."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal as D
from urllib.parse import parse_qs

import pytest

from ecdesk.sandbox.lazada import KL
from ecdesk.sandbox.server import Fault, Response
from ecdesk.sync.connectors import lazada_finance
from ecdesk.sync.http import ApiError, AuthError
from tests.integration import test_lazada_sandbox

FINANCE = "/finance/transaction/details/get"
clock, make = test_lazada_sandbox.clock, test_lazada_sandbox.make  # its fixtures


def _finance_calls(sb, *, ok_only=True):
    out = []
    for r in sb.requests:
        if r.path.endswith(FINANCE):
            p = {k: v[-1] for k, v in r.query.items()}
            if r.body:
                p.update({k: v[-1] for k, v in parse_qs(r.body.decode()).items()})
            out.append(p)
    return out


def _day(text: str) -> date:
    return datetime.strptime(text, "%d %b %Y").date()


def _adjust(sb, oid: str, days_after: int, amount: str = "-1.50") -> dict:
    """A late seller adjustment on the order, ``days_after`` its sale's day."""
    o = sb.orders[oid]
    row = dict(o.rows[0], fee_type="20", fee_name="Other Fee", amount=amount,
               transaction_type="Other Services-Adjustments",
               transaction_date=(o.extra["day"] + timedelta(days=days_after)).strftime(
                   "%d %b %Y"), transaction_number=f"ADJ{oid[-6:]}{days_after}")
    o.rows.append(row)
    return row


def test_range_read_gives_each_order_exactly_its_per_order_rows(make, clock):
    """Refunds dated days after the sale, late adjustments, a range over 179 days (two
    windows), an adjustment outside the order's own 180 days, paid and unpaid statements,
    the shop's own rows: both ways hand every order the same rows in the same order."""
    sb, conn = make(orders=300)
    postable = [oid for oid, o in sb.orders.items() if o.rows]
    sb.release_all()  # every order so far paid in this week's statement
    clock.t += 200 * 86400  # the orders are 200-230 days old: the range needs two windows
    conn.authorise(sb.auth_code())
    inside = _adjust(sb, postable[0], 45)
    outside = _adjust(sb, postable[1], 185)  # past the order's 180 days: neither way sees it
    returned = [oid for oid, o in sb.orders.items() if o.case == "returned"]
    assert returned and postable[2] not in returned
    _adjust(sb, postable[2], 3, "2.00")  # an adjustment in the seller's favour

    sb.requests.clear()
    raws = list(conn.fetch_orders(clock.dt() - timedelta(days=260)))
    ranged = _finance_calls(sb)
    assert ranged and not any("trade_order_id" in p for p in ranged)
    assert len({(p["start_time"], p["end_time"]) for p in ranged}) == 2  # two windows

    got = {r.external_id: r for r in raws if r.payload["transactions"] is not None}
    assert sorted(got) == sorted(postable)
    for oid, raw in got.items():
        alone = conn.transactions(raw.payload["order"])
        assert raw.payload["transactions"] == alone, oid
        a, b = conn.normalise(raw.payload), conn.normalise(
            dict(raw.payload, transactions=alone))
        assert (a.fees, a.refunds, a.settlement, a.payout_ref, a.payout_date) == (
            b.fees, b.refunds, b.settlement, b.payout_ref, b.payout_date)
    assert inside in got[postable[0]].payload["transactions"]
    assert outside not in got[postable[1]].payload["transactions"]
    refunded = got[returned[0]].payload["transactions"]
    refund_days = {_day(r["transaction_date"]) for r in refunded if r["fee_type"] == "14"}
    assert refund_days and min(refund_days) > _day(refunded[0]["transaction_date"])
    assert [_day(r["transaction_date"]) for r in refunded] == sorted(
        _day(r["transaction_date"]) for r in refunded)  # oldest day first, either way
    assert all(r["order_no"] for raw in got.values() for r in raw.payload["transactions"])


def test_a_big_fetch_reads_finance_by_range_in_a_handful_of_calls(make):
    sb, conn = make(orders=300)
    conn.authorise(sb.auth_code())
    raws = list(conn.fetch_orders(None))
    served = sum(r.payload["transactions"] is not None for r in raws)
    calls = _finance_calls(sb)
    assert served > 200 and len(calls) <= 10  # one call per order would be `served`
    assert not any("trade_order_id" in p for p in calls)
    assert all(p["limit"] == "500" for p in calls)
    assert [p["offset"] for p in calls][:2] == ["0", "500"]  # paged
    for p in calls:
        assert (date.fromisoformat(p["end_time"])
                - date.fromisoformat(p["start_time"])).days < 180
    today = datetime.fromtimestamp(sb.clock(), KL).date()
    oldest = min(o.extra["day"] for oid, o in sb.orders.items() if o.rows)
    assert {(p["start_time"], p["end_time"]) for p in calls} == {
        ((oldest - timedelta(days=1)).isoformat(), today.isoformat())}


def test_a_small_fetch_reads_per_order_not_months_of_the_shop(make, clock):
    sb, conn = make(orders=300)
    conn.authorise(sb.auth_code())
    recent = sorted(o.updated for o in sb.orders.values())[-20]
    since = datetime.fromtimestamp(recent, clock.dt().tzinfo)
    raws = list(conn.fetch_orders(since))
    served = [r for r in raws if r.payload["transactions"] is not None]
    calls = _finance_calls(sb)
    assert 0 < len(served) < lazada_finance.RANGE_MIN_ORDERS
    assert len(calls) == len(served)
    assert sorted(p["trade_order_id"] for p in calls) == sorted(r.external_id for r in served)
    assert [p["limit"] for p in _params_orders(sb) if "sort_by" not in p] == []  # no count


def _params_orders(sb):
    return [{k: v[-1] for k, v in r.query.items()} for r in sb.requests
            if r.path.endswith("/orders/get")]


def test_a_busy_shop_keeps_per_order_reads(make, monkeypatch):
    """When the shop changed far more orders over the days than the fetch holds, its rows
    would cost more pages than the orders' own calls: the fetch reads per order."""
    monkeypatch.setattr(lazada_finance, "ROWS_PER_ORDER", 1000)  # as if 50x busier
    sb, conn = make(orders=120)
    conn.authorise(sb.auth_code())
    raws = list(conn.fetch_orders(None))
    served = [r for r in raws if r.payload["transactions"] is not None]
    calls = _finance_calls(sb)
    assert len(served) >= lazada_finance.RANGE_MIN_ORDERS
    assert len(calls) == len(served) and all("trade_order_id" in p for p in calls)
    counted = [p for p in _params_orders(sb) if "sort_by" not in p]
    assert len(counted) == 1 and counted[0]["limit"] == "1"


def test_refetching_one_order_reads_its_rows_alone(make):
    sb, conn = make(orders=60)
    conn.authorise(sb.auth_code())
    oid = next(oid for oid, o in sb.orders.items() if o.case == "returned")
    raw = conn.fetch_order(oid)
    assert raw is not None and raw.payload["transactions"]
    assert [p["trade_order_id"] for p in _finance_calls(sb)] == [oid]


def test_range_read_waits_out_the_call_limit(make, clock):
    sb, conn = make(orders=300, rate_limit=2)
    conn.authorise(sb.auth_code())
    raws = list(conn.fetch_orders(None))
    assert len(raws) == 300 and clock.slept and set(clock.slept) == {1.0}
    codes = [r for r in sb.requests if r.path.endswith(FINANCE)]
    assert len(codes) > len({(p["start_time"], p["offset"]) for p in _finance_calls(sb)})


def test_sandbox_finance_filters_rows_by_their_own_day(make, clock):
    sb, conn = make(orders=60)
    conn.authorise(sb.auth_code())
    oid = next(oid for oid, o in sb.orders.items() if o.case == "returned")
    sale = sb.orders[oid].extra["day"]
    refund = sale + timedelta(days=6)

    def rows(start, end, **more):
        return conn._call(FINANCE, {"start_time": start.isoformat(),
                                    "end_time": end.isoformat(), "limit": 500,
                                    **more}).get("data")

    on_sale_day = rows(sale, sale, trade_order_id=oid)
    assert on_sale_day and {r["fee_type"] for r in on_sale_day} >= {"13", "16"}
    assert not {r["fee_type"] for r in on_sale_day} & {"14", "15"}
    later = rows(refund, refund, trade_order_id=oid)
    assert later and {r["fee_type"] for r in later} == {"14", "15"}
    shop = rows(sale - timedelta(days=40), sale + timedelta(days=40))
    assert any(not r["order_no"] for r in shop)  # the shop's own rows come in a range read
    days = [_day(r["transaction_date"]) for r in shop]
    assert days == sorted(days, reverse=True)
    only = rows(sale - timedelta(days=40), sale + timedelta(days=40), trans_type="16")
    assert only and {r["fee_type"] for r in only} == {"16"}
    with pytest.raises(ApiError, match="1000014"):
        rows(sale, sale, trans_type="99999")


# --- payout statements (/finance/payout/status/get) -----------------------------------------
PAYOUT = "/finance/payout/status/get"


def _payout_calls(sb):
    return [{k: v[-1] for k, v in r.query.items()} for r in sb.requests
            if r.path.endswith(PAYOUT)]


def test_statements_read_once_per_fetch_and_date_the_payout(make, clock):
    sb, conn = make(orders=120)
    conn.authorise(sb.auth_code())
    raws = list(conn.fetch_orders(None))
    calls = _payout_calls(sb)
    assert len(calls) == 1 and calls[0]["created_after"]  # once, for every order
    paid = [r for r in raws if r.payload.get("statements")]
    assert paid
    for raw in paid:
        order = conn.normalise(raw.payload)
        (st,) = raw.payload["statements"]
        rows = raw.payload["transactions"]
        assert {r["statement"] for r in rows} == {st["statement_number"]}
        assert order.settlement_released and order.payout_ref == st["statement_number"]
        assert order.payout_date == date.fromisoformat(st["updated_at"][:10])
        # the day it was paid, not the rows' latest day (the old rule)
        assert order.payout_date > max(_day(r["transaction_date"]) for r in rows)
    unpaid = [r for r in raws if r.payload["transactions"] and not r.payload.get("statements")]
    assert unpaid and all("statements" not in r.payload for r in unpaid)
    assert not any(conn.normalise(r.payload).settlement_released for r in unpaid)


def test_a_statement_not_paid_yet_holds_the_release_whatever_the_rows_say(make):
    sb, conn = make(orders=120)
    conn.authorise(sb.auth_code())
    name = next(iter(sb.statements))
    sb.statements[name]["paid"] = None  # the rows say "Paid", the statement says 0
    raws = [r for r in conn.fetch_orders(None) if r.payload.get("statements")]
    held = [r for r in raws if r.payload["statements"][0]["statement_number"] == name]
    assert held and all(r.payload["statements"][0]["paid"] == "0" for r in held)
    assert all(row["paid_status"] == "Paid" for r in held for row in r.payload["transactions"])
    assert not any(conn.normalise(r.payload).settlement_released for r in held)
    others = [r for r in raws if r not in held]
    assert others and all(conn.normalise(r.payload).settlement_released for r in others)


def test_no_statement_named_no_payout_call(make):
    sb, conn = make(orders=60)
    for o in sb.orders.values():
        for r in o.rows:
            r.update(statement="", paid_status="Not paid")
    conn.authorise(sb.auth_code())
    assert len(list(conn.fetch_orders(None))) == 60
    assert _payout_calls(sb) == []


@pytest.mark.parametrize("refusal", [
    {"type": "ISV", "code": "InsufficientPermission", "message": "no permission"},
    {"type": "ISP", "code": "ServiceUnavailable", "message": "busy"}])
def test_payout_call_failing_falls_back_to_the_rows(make, refusal):
    sb, conn = make(orders=120)
    conn.authorise(sb.auth_code())
    sb.inject(Fault(Response.json(refusal), times=50, path=PAYOUT))
    raws = list(conn.fetch_orders(None))
    assert len(_payout_calls(sb)) >= 1 and not any("statements" in r.payload for r in raws)
    released = [conn.normalise(r.payload) for r in raws if r.payload["transactions"]
                and all(x["paid_status"] == "Paid" for x in r.payload["transactions"])]
    assert released and all(o.settlement_released and o.payout_ref for o in released)
    for o in released:  # today's rule: the latest row's day
        rows = o.raw["transactions"]
        assert o.payout_date == max(_day(r["transaction_date"]) for r in rows)


def test_refetching_one_order_reads_its_statement(make):
    sb, conn = make(orders=60)
    conn.authorise(sb.auth_code())
    oid = next(oid for oid, o in sb.orders.items()
               if o.rows and o.rows[0]["statement"])
    raw = conn.fetch_order(oid)
    assert raw is not None and raw.payload["statements"]
    assert len(_payout_calls(sb)) == 1


def test_sandbox_payout_status_is_signed_limited_and_adds_up(make, clock):
    sb, conn = make(orders=120, rate_limit=1)
    conn.authorise(sb.auth_code())
    sb.release_all()
    data = conn._call(PAYOUT, {"created_after": "2000-01-01"})["data"]
    assert data and {d["paid"] for d in data} == {"1"}
    for st in data:
        rows = [r for o in sb.orders.values() for r in o.rows] + sb.shop_rows
        net = sum(D(r["amount"]) for r in rows if r["statement"] == st["statement_number"])
        assert st["payout"] == f"{net:.2f} MYR" and st["closing_balance"] == f"{net:.2f}"
        assert D(st["subtotal1"]) == D(st["item_revenue"]) + D(st["other_revenue_total"]) - D(
            st["fees_total"])
        assert D(st["subtotal2"]) == D(st["subtotal1"]) - D(st["refunds"])
    newest = max(d["created_at"] for d in data)[:10]
    assert [d["created_at"] for d in conn._call(PAYOUT, {"created_after": newest})["data"]
            ] == sorted(d["created_at"] for d in data if d["created_at"][:10] >= newest)
    for _ in range(3):  # one call a second: the connector waits the ban out (fake clock)
        conn._call(PAYOUT, {"created_after": newest})
    assert clock.slept
    with pytest.raises(ApiError, match="created_after"):
        conn._call(PAYOUT, {})
    sb.app_secret = "another-secret"
    with pytest.raises(AuthError, match="IncompleteSignature"):
        conn._call(PAYOUT, {"created_after": newest})
