"""Payouts (issue 14): per marketplace order, what ecdesk posted against what the marketplace
says it pays; estimated until released, reconciled when they tie out to the cent."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from marketplace_world import synced_world

from ecdesk.cli import run
from ecdesk.service import HeldQuery


@pytest.fixture(scope="module")
def synced(tmp_path_factory):
    folder = tmp_path_factory.mktemp("payouts")
    with synced_world(folder, ["shopee", "lazada"], orders=60, seed=7) as (svc, world):
        yield svc, world, folder


def test_released_orders_reconcile_to_the_marketplaces_own_figure(synced):
    svc, world, _ = synced
    lines = svc.payouts()
    assert {p.store for p in lines} == {s.name for s in svc.list_stores()}
    states = {p.state for p in lines}
    assert {"estimated", "reconciled"} <= states
    for p in lines:
        if p.stated is not None:  # the marketplace's own figure, read from its data
            assert p.stated == world.sandboxes[p.platform].settlement(p.external_id)
        if p.state == "reconciled":
            assert p.expected == p.stated and p.fees > 0  # its fee note is posted
        if p.state == "released":
            assert p.difference != 0
    lazada = [p for p in lines if p.payout_ref]
    assert lazada and all(p.payout_ref.startswith("MY-") for p in lazada)
    summaries = {s.store: s for s in svc.payout_summaries()}
    assert sum(sum(s.counts.values()) for s in summaries.values()) == len(lines)
    assert all(s.unreconciled == 0 for s in summaries.values())


def test_the_cli_lists_payouts_per_store_and_per_order(synced, capsys, monkeypatch):
    svc, _, folder = synced
    monkeypatch.setenv("ECDESK_DB", svc.db.url if hasattr(svc.db, "url") else
                       f"sqlite:///{folder / 'world.sqlite'}")
    assert run(["payouts", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(svc.payouts())
    assert rows and {r["state"] for r in rows} <= {"estimated", "released", "reconciled"}
    assert all(Decimal(r["expected"]) == Decimal(r["sale"]) - Decimal(r["fees"])
               - Decimal(r["refunds"]) for r in rows)
    assert run(["payouts"]) == 0
    out = capsys.readouterr().out
    assert "reconciled" in out and "not reconciled 0.00" in out


def test_the_window_shows_payouts_read_off_the_gui_thread(synced, qtbot):
    from ecdesk.ui.main_window import MainWindow

    svc, _, _ = synced
    w = MainWindow(svc, schedule=False)
    qtbot.addWidget(w)
    dialog = w.tools.open_payouts()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    assert dialog.table.rowCount() == len(svc.payouts())
    assert "reconciled" in dialog.summary.text()
    states = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert states <= {"Estimated (not released yet)", "Released, does not tie out",
                      "Reconciled"} and "Reconciled" in states
    dialog.close()
    w.ops.shutdown()


def test_the_order_view_says_where_its_payout_stands(synced, qtbot):
    from ecdesk.ui.main_window import MainWindow

    svc, _, _ = synced
    w = MainWindow(svc, schedule=False)
    qtbot.addWidget(w)
    by_state = {p.state: p for p in svc.payouts()}
    for state, words in (("reconciled", "Reconciled: the marketplace pays"),
                         ("estimated", "Not released by the marketplace yet")):
        p = by_state[state]
        dialog = w.open_order(svc.find_order(f"{p.store}:{p.order}"))
        assert dialog.payout.text().startswith(words)
        dialog.close()
    assert svc.payout_of(svc.held_ids(HeldQuery())[0]) is None  # a held order has none
