"""Day summaries of a marketplace store (issue 14, docs/decisions.md §9): the fees of a day's
orders go on one fee note per summary (``<summary DocNo>-F``, a line per ledger and fee), so
a peak day costs AutoCount a few calls, and the payouts still tie out to the cent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from marketplace_world import synced_world


@pytest.fixture
def shopee_by_day(tmp_path):
    with synced_world(tmp_path, ["shopee"], orders=40, seed=3,
                      settings={"posting_mode": "day"}, close_days=[date.today()],
                      release=True) as (svc, world):
        yield svc, world


def test_a_days_fees_go_on_one_note_and_the_payouts_tie_out(shopee_by_day):
    svc, world = shopee_by_day
    invoices = {d["master"]["docNo"]: d for d in world.autocount.documents("invoice")}
    notes = {d["master"]["docNo"]: d for d in world.autocount.documents("creditNote")}
    assert invoices and all(no.startswith("SP-D") for no in invoices)
    fee_notes = [no for no in notes if no.endswith("-F")]
    assert fee_notes and all(no[:-2] in invoices for no in fee_notes)  # one per summary
    assert not [no for no in notes if no.startswith("SP-2") and no.endswith("-F")]
    for no in fee_notes:
        master = notes[no]["master"]
        assert master["ourInvoiceNo"] == no[:-2]
        assert {d["accNo"] for d in notes[no]["details"]} <= {"908-1000", "908-2000",
                                                             "908-3000", "908-5000"}
    lines = svc.payouts()  # each order's share of its summary's fee note is its own fees
    assert lines and all(p.expected == p.stated for p in lines if p.stated is not None)
    assert sum(p.fees for p in lines) > 0
    # the order the summary's entries hang on takes the summary's fees for no one's own
    assert not [o.number for o in svc.held() if "changed after" in o.reasons]
    on_notes = sum(Decimal(str(notes[no]["master"]["total"])) for no in fee_notes)
    assert sum((p.fees for p in lines), Decimal(0)) <= on_notes  # held ones are on them too
    calls = len(world.autocount.requests)
    svc.sync()
    assert len(world.autocount.documents("creditNote")) == len(notes)  # nothing twice
    assert len(world.autocount.requests) - calls < 5


def test_fees_not_yet_released_wait_then_go_on_each_orders_own_note(tmp_path):
    with synced_world(tmp_path, ["shopee"], orders=40, seed=3,
                      settings={"posting_mode": "day"}, close_days=[date.today()]
                      ) as (svc, world):
        notes = {d["master"]["docNo"] for d in world.autocount.documents("creditNote")}
        waiting = [p for p in svc.payouts() if p.state == "estimated"]
        assert waiting and all(p.fees == 0 for p in waiting)  # on no note yet
        assert not [n for n in notes if n.startswith("SP-2") and n.endswith("-F")]  # nor own

        world.sandboxes["shopee"].release_all()
        svc.sync()
        after = {d["master"]["docNo"]: d for d in world.autocount.documents("creditNote")}
        for p in waiting:  # each its own note, numbered from the order (docs/decisions.md §9)
            note = after[f"SP-{p.order}-F"]["master"]
            assert note["ourInvoiceNo"].startswith("SP-D")  # against its day's summary
        lines = svc.payouts()
        assert all(p.expected == p.stated for p in lines if p.stated is not None)
        assert {p.state for p in lines} == {"reconciled"}
