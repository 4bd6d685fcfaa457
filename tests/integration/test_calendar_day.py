"""One calendar day (issue 11): an order is dated, counted and fetched by its store's own day.

At every month boundary of a year, an order placed at 00:30 local time on the 1st lands in
that month, and one at 23:30 on the last day in the month before: in the AutoCount document's
date, in the reconciliation's rows and workbook, and for ``sync --since`` whatever the PC's
own time zone is."""

from __future__ import annotations

import copy
import time as systime
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import keyring
import pytest
from openpyxl import load_workbook

from ecdesk.clock import day_start, local_date, local_midnight
from ecdesk.demo import configure, start_sandboxes
from ecdesk.secrets import MemoryKeyring
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient
from tests.integration.test_custom_e2e import EXCLUSIVE

MYT = ZoneInfo("Asia/Kuala_Lumpur")
YEAR = 2026
FIRSTS = [date(YEAR, m, 1) for m in range(1, 13)]


def boundary_orders(first: date) -> dict[str, datetime]:
    """Order number -> when: 00:30 on the 1st, 23:30 on the day before (store time)."""
    return {f"A{first:%m}": datetime(first.year, first.month, 1, 0, 30, tzinfo=MYT),
            f"B{first:%m}": datetime.combine(first - timedelta(days=1),
                                             datetime.min.time(), MYT).replace(hour=23,
                                                                               minute=30)}


def month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """One store in Malaysian time, 24 orders around the 12 month boundaries, synced once."""
    folder = tmp_path_factory.mktemp("calendar")
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # the suite's own is per test; this runs once
    with start_sandboxes(["custom"], orders=0, options={"autocount": {"rate_limit": 10**6}}
                         ) as world:
        feed = world.sandboxes["custom"]
        for first in FIRSTS:
            for number, when in boundary_orders(first).items():
                stamp = when.astimezone(UTC).isoformat()
                feed.add_order({**copy.deepcopy(EXCLUSIVE), "id": number, "number": number,
                                "created_at": stamp, "updated_at": stamp})
        svc = Service(f"sqlite:///{folder / 'year.sqlite'}",
                      http=HttpClient(sleep=lambda s: None))
        configure(svc, world)
        svc.update_store(svc.store_names()[0], settings={"timezone": "Asia/Kuala_Lumpur"})
        summary = svc.sync(since=date(YEAR - 1, 12, 1))
        assert summary.status == "ok" and summary.posted == 24, summary.errors
        dates = {d["master"]["docNo"]: d["master"]["docDate"][:10]
                 for d in world.autocount.documents()}
        keyring.set_keyring(previous)
        yield svc, dates, folder
        svc.close()


@pytest.mark.parametrize("first", FIRSTS, ids=[f"{f:%b}" for f in FIRSTS])
def test_each_month_boundary_in_document_and_reconciliation(year, first):
    svc, dates, folder = year
    after, before = f"A{first:%m}", f"B{first:%m}"
    assert dates[f"WB-{after}"] == first.isoformat()  # the document: the store's day
    assert dates[f"WB-{before}"] == (first - timedelta(days=1)).isoformat()

    rows = list(svc.reports._recon_orders(None, first, month_end(first)))
    numbers = {r.number for r in rows}
    assert after in numbers and before not in numbers
    assert {r.day for r in rows if r.number == after} == {first}
    assert all(first <= r.day <= month_end(first) for r in rows)

    path = folder / f"recon-{first:%m}.xlsx"
    svc.export_reconciliation(path, first, month_end(first))
    sheet = load_workbook(path, read_only=True)["Orders"]
    by_number = {r[1]: r[3] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_number[after].date() == first and before not in by_number


@pytest.fixture
def pc_in_new_york(monkeypatch):
    if not hasattr(systime, "tzset"):
        pytest.skip("the PC's zone can be changed only where time.tzset exists")
    monkeypatch.setenv("TZ", "America/New_York")
    systime.tzset()
    yield
    monkeypatch.undo()
    systime.tzset()


def test_since_is_the_stores_day_not_the_pcs(pc_in_new_york, tmp_path, monkeypatch, capsys):
    from ecdesk.cli import run

    with start_sandboxes(["custom"], orders=0, options={"autocount": {"rate_limit": 10**6}}
                         ) as world:
        feed = world.sandboxes["custom"]
        first = date(YEAR, 3, 1)
        for number, when in boundary_orders(first).items():
            stamp = when.astimezone(UTC).isoformat()
            feed.add_order({**copy.deepcopy(EXCLUSIVE), "id": number, "number": number,
                            "created_at": stamp, "updated_at": stamp})
        url = f"sqlite:///{tmp_path / 'since.sqlite'}"
        svc = Service(url, http=HttpClient(sleep=lambda s: None))
        configure(svc, world)
        svc.close()
        monkeypatch.setenv("ECDESK_DB", url)
        assert run(["sync", "--since", "2026-03-01", "--until", "2026-03-01"]) == 0
        # 00:30 on 1 March in Kuala Lumpur is 11:30 on 28 February in New York: the store's
        # day counts, so that order is fetched and the one at 23:30 on 28 February is not
        assert {d["master"]["docNo"] for d in world.autocount.documents()} == {"WB-A03"}


def test_the_helpers_agree_at_the_boundary():
    zone = "Asia/Kuala_Lumpur"
    start = day_start(date(YEAR, 3, 1), zone)
    assert start == datetime(YEAR, 2, 28, 16, 0, tzinfo=UTC)
    assert local_date(start, zone) == date(YEAR, 3, 1)
    assert local_date(start - timedelta(microseconds=1), zone) == date(YEAR, 2, 28)
    assert local_midnight(start + timedelta(hours=5), zone) == start
    assert local_date(start, "Not/AZone") == date(YEAR, 3, 1)  # an unknown zone: the default
