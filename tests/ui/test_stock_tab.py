"""The Stock tab: rows computed off the GUI thread, failures first, a lazy model that passes
Qt's model tester, the dry-run preview before any push, and the push through the writer with
progress (the window never blocks)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from ecdesk.services.stock import StockRow
from ecdesk.sync.egress.runner import EgressSummary
from ecdesk.ui.models.stock import PAGE, StockModel


def rows(n, failed_at=()):
    at = datetime(2026, 11, 12, 2, 5, tzinfo=UTC)
    return [StockRow("Shop", f"SKU-{i:05d}", f"IT-{i:05d}", Decimal(10 + i), Decimal(1),
                     9 + i, None if i in failed_at else 9 + i, at, i in failed_at,
                     "Lazada refused it: locked campaign." if i in failed_at else "")
            for i in range(n)]


def test_model_fetches_lazily_and_passes_the_model_tester(qtbot, qtmodeltester):
    model = StockModel()
    model.set_rows(rows(PAGE * 2 + 7, failed_at={3}))
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE * 2 + 7 and not model.canFetchMore()
    assert model.failures() == 1
    qtmodeltester.check(model)
    assert model.index(3, 7).data() == "Lazada refused it: locked campaign."
    assert model.index(0, 3).data() == "10" and model.index(0, 6).data().startswith("9 (")


def test_tab_lists_failures_first_and_previews_before_pushing(qtbot, window, svc, monkeypatch):
    svc.add_store("Shop", "shopify")
    window.refresh()
    stock = type(svc.stock)
    monkeypatch.setattr(stock, "rows", lambda self, store=None: sorted(
        rows(3, failed_at={2}), key=lambda r: (not r.failed, r.sku)))
    monkeypatch.setattr(stock, "count_status", lambda self: "Stock counted 12 Nov 10:05, "
                        "moved by 37 documents since.")
    pushes = []

    def fake_push(self, store=None, *, dry_run=False, progress=None, force=False):
        pushes.append(dry_run)
        if progress is not None:
            progress(1, 2, "Shop: 1 of 2 quantities sent")
        s = EgressSummary("Shop", dry_run=dry_run)
        if dry_run:
            s.would_push = [("SKU-00002", None, 11)]
        else:
            s.pushed = 1
        return [s]

    monkeypatch.setattr(stock, "push", fake_push)
    tab = window.stock
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=5000)
    assert tab.model.index(0, 1).data() == "SKU-00002"  # the failure comes first
    assert "moved by 37 documents" in tab.status.text() and "attention" in tab.status.text()

    window.tools.push_stock_button.click()  # Tools > Push stock now: preview first
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    assert pushes == [True]
    assert "SKU-00002: - → 11" in tab.dialog.text.toPlainText()
    with qtbot.waitSignal(window.ops.finished, timeout=5000) as done:
        tab.dialog.accept()
    assert pushes == [True, False]
    assert "Shop: pushed 1, failed 0" in done.args[0]


@pytest.mark.parametrize("platform, shown", [("custom", True), ("lazada", False)])
def test_automation_says_when_a_platform_cannot_take_stock(qtbot, window, svc, platform,
                                                           shown):
    svc.add_store("Shop", platform)
    window.refresh()
    window.automation.select("Shop")
    window.tabs.setCurrentWidget(window.automation)
    assert window.automation.egress_note.isVisibleTo(window.automation) is shown


def test_order_view_records_tracking_off_the_gui_thread(qtbot, window, svc, monkeypatch):
    from tests.ui.conftest import add_held

    svc.add_store("Shop", "shopify")
    [order_id] = add_held(svc, "Shop", 1)
    seen = []

    def fake_ship(self, ref, carrier, tracking, *, now=False):
        seen.append((ref, carrier, tracking, now))
        return f"Shop order 1: tracking {tracking} recorded."

    monkeypatch.setattr(type(svc.stock), "ship", fake_ship)
    dialog = window.open_order(order_id)
    dialog.ship_button.click()
    ship = window.stock.ship_dialog
    assert ship is not None and ship.isVisible()
    ship.carrier.setText("J&T Express")
    ship.tracking.setText("JT42")
    ship.now.setChecked(True)
    with qtbot.waitSignal(window.stock.shipment_result, timeout=5000) as said:
        ship.accept()
    assert seen == [("Shop:1", "J&T Express", "JT42", True)]
    assert said.args[0] == "Shop order 1: tracking JT42 recorded."
