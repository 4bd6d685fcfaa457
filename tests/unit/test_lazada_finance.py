"""lazada_finance, pure: windows, paging, extension of the read days, the cost rule."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from ecdesk.sync.connectors import lazada_finance as lf
from ecdesk.sync.connectors.lazada_mapper import payout_of

KL = ZoneInfo("Asia/Kuala_Lumpur")
TODAY = date(2026, 12, 4)


class FakeFinance:
    """Answers ``/finance/transaction/details/get`` pages from a list of rows, and records
    what was asked."""

    def __init__(self, rows):
        self.rows = rows
        self.asked = []

    def __call__(self, params):
        self.asked.append(dict(params))
        lo, hi = date.fromisoformat(params["start_time"]), date.fromisoformat(
            params["end_time"])
        assert (hi - lo).days < 180 and int(params["limit"]) <= 500
        rows = [r for r in self.rows if lo <= lf.row_day(r) <= hi and (
            "trade_order_id" not in params or r["order_no"] == params["trade_order_id"])]
        off = int(params["offset"])
        return rows[off:off + int(params["limit"])]

    def days(self):
        return [(p["start_time"], p["end_time"]) for p in self.asked if p["offset"] == 0]


def _row(oid, day, n=0):
    return {"order_no": oid, "transaction_date": day.strftime("%d %b %Y"), "n": n}


def _order(oid, day):
    return {"order_id": int(oid), "created_at": f"{day.isoformat()} 10:00:00 +0800",
            "statuses": ["delivered"]}


def test_window_is_the_day_before_up_to_179_days_or_today():
    assert lf.order_window(_order("1", date(2026, 11, 1)), KL, TODAY) == (
        date(2026, 10, 31), TODAY)
    old = lf.order_window(_order("1", date(2026, 1, 10)), KL, TODAY)
    assert old == (date(2026, 1, 9), date(2026, 1, 9) + timedelta(days=179))


def test_read_splits_into_windows_under_180_days_and_pages_at_500():
    rows = [_row(str(i % 7), date(2026, 1, 1) + timedelta(days=i % 300), i)
            for i in range(1200)]
    fake = FakeFinance(rows)
    got = lf.read(fake, date(2026, 1, 1), date(2026, 10, 27))
    assert sorted(r["n"] for r in got) == list(range(1200))
    assert fake.days() == [("2026-01-01", "2026-06-29"), ("2026-06-30", "2026-10-27")]
    assert [p["offset"] for p in fake.asked] == [0, 500, 0]  # 720 rows, then 480
    assert all(p["limit"] == 500 and p["trans_type"] == -1 for p in fake.asked)


def test_rows_grouped_by_order_no_extend_only_the_days_missing():
    d = date(2026, 11, 20)
    rows = [_row("1", d), _row("2", d), _row("", d), _row("9", d),  # "": the shop's own
            _row("3", d - timedelta(days=30)), _row("1", d + timedelta(days=5), 1)]
    fake = FakeFinance(rows)
    cache = lf.FinanceRows(fake, ["1", "2", "3"], tz=KL, today=TODAY, start=d - timedelta(1))
    assert [r["n"] for r in cache.of(_order("1", d))] == [0, 1]
    assert cache.of(_order("2", d)) == [rows[1]]
    assert fake.days() == [("2026-11-19", "2026-12-04")]  # read once for both
    assert cache.of(_order("3", d - timedelta(days=30))) == [rows[4]]
    assert fake.days()[1:] == [("2026-10-20", "2026-11-18")]  # only the days missing
    assert "9" not in cache._rows and "" not in cache._rows  # not this fetch's
    # an order the fetch did not list is read alone
    assert cache.of(_order("9", d)) == [rows[3]]
    assert fake.asked[-1]["trade_order_id"] == "9"


def test_rows_come_oldest_day_first_same_day_in_lazada_order():
    d = date(2026, 11, 20)
    rows = [_row("1", d + timedelta(days=3), "r1"), _row("1", d, "a"),
            _row("1", d + timedelta(days=3), "r2"), _row("1", d, "b")]
    fake = FakeFinance(rows)
    alone = lf.order_rows(fake, _order("1", d), KL, TODAY)
    ranged = lf.FinanceRows(fake, ["1"], tz=KL, today=TODAY).of(_order("1", d))
    assert [r["n"] for r in alone] == [r["n"] for r in ranged] == ["a", "b", "r1", "r2"]


def test_range_only_from_fifty_postable_orders():
    d = date(2026, 11, 1)
    orders = [_order(str(i), d + timedelta(days=i % 20)) for i in range(49)]
    orders.append({**_order("900", date(2026, 6, 1)), "statuses": ["unpaid"]})
    assert lf.range_start(orders, KL, TODAY) is None
    orders.append(_order("901", date(2026, 10, 1)))
    assert lf.range_start(orders, KL, TODAY) == (date(2026, 9, 30), 50)
    orders.append({**_order("902", date(2026, 5, 1)), "statuses": ["weird"]})
    assert lf.range_start(orders, KL, TODAY) == (date(2026, 9, 30), 50)


def test_range_only_when_cheaper_than_per_order_calls():
    start = TODAY - timedelta(days=30)
    assert lf.worth_range(60, start, TODAY, None)  # unknown: the range
    assert lf.worth_range(60, start, TODAY, 300)  # 6 pages + 1 count < 60
    assert not lf.worth_range(60, start, TODAY, 3000)  # 60 pages: per order is cheaper
    assert lf.worth_range(12_500, TODAY - timedelta(days=400), TODAY, 13_000)
    assert not lf.worth_range(50, TODAY - timedelta(days=9000), TODAY, 0)  # 51 windows


# --- payout statements -----------------------------------------------------------------------
def _paid_row(statement="MY-2026-W48", status="Paid", day="27 Nov 2026"):
    return {"statement": statement, "paid_status": status, "transaction_date": day}


def _statement(name="MY-2026-W48", paid="1", updated="2026-12-02 10:00:00"):
    return {"statement_number": name, "paid": paid, "created_at": "2026-11-30 01:00:00",
            "updated_at": updated}


def test_payout_of_statements_decide_when_each_is_listed():
    rows = [_paid_row(), _paid_row(day="28 Nov 2026")]
    assert payout_of(rows, [_statement()]) == (True, "MY-2026-W48", date(2026, 12, 2))
    assert payout_of(rows, [_statement(paid="0")]) == (False, "", None)
    two = rows + [_paid_row("MY-2026-W49", day="1 Dec 2026")]
    both = [_statement(), _statement("MY-2026-W49")]
    assert payout_of(two, both) == (True, "", None)  # paid, but in two statements
    assert payout_of(two, [_statement(), _statement("MY-2026-W49", paid="0")])[0] is False


def test_payout_of_falls_back_to_the_rows():
    rows = [_paid_row(), _paid_row(day="28 Nov 2026")]
    rule = (True, "MY-2026-W48", date(2026, 11, 28))
    assert payout_of(rows) == rule  # the call failed: no statements
    assert payout_of(rows, [_statement("MY-OTHER")]) == rule  # not listed
    assert payout_of(rows, "garbage") == rule  # type: ignore[arg-type]
    assert payout_of(rows, [_statement(updated="")]) == (True, "MY-2026-W48",
                                                           date(2026, 11, 30))  # created_at
    assert payout_of([_paid_row(status="Yes")]) == (True, "MY-2026-W48", date(2026, 11, 27))
    assert payout_of([_paid_row(status="Not paid")]) == (False, "", None)
    assert payout_of([_paid_row(statement="", status="Not paid")], [_statement()]) == (
        False, "", None)


def test_statements_read_once_and_only_when_a_row_names_one():
    asked = []

    def read(since):
        asked.append(since)
        return {"A": _statement("A"), "B": _statement("B")}

    st = lf.Statements(read, date(2026, 6, 1))
    assert st.of([_paid_row(statement="")]) is None and asked == []
    assert st.of([_paid_row("B"), _paid_row("A"), _paid_row("C")]) == [
        _statement("A"), _statement("B")]
    assert st.of([_paid_row("A")]) == [_statement("A")]
    assert asked == [date(2026, 6, 1)]
    failed = lf.Statements(lambda since: None, date(2026, 6, 1))
    assert failed.of([_paid_row("A")]) is None
