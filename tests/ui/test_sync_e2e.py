"""The window against the sandboxes over loopback: a sync from the Tools tab, and a held
order fixed in the Mapping tab and retried until AutoCount has it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from ecdesk.demo import configure, start_sandboxes
from ecdesk.service import HeldQuery, Service
from ecdesk.sync.http import HttpClient

FAST_AUTOCOUNT = {"autocount": {"rate_limit": 1_000_000}}


@pytest.fixture
def world():
    w = start_sandboxes(["shopify"], orders=80, seed_value=3, options=FAST_AUTOCOUNT)
    yield w
    w.stop()


@pytest.fixture
def demo_window(qtbot, world, tmp_path):
    from ecdesk.ui.main_window import MainWindow

    svc = Service(f"sqlite:///{tmp_path / 'e2e.sqlite'}", http=HttpClient(sleep=lambda s: None))
    configure(svc, world)
    w = MainWindow(svc, schedule=False, refresh_ms=10)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.ops.shutdown()
    svc.close()


def run_and_wait(qtbot, window, start) -> None:
    with qtbot.waitSignal(window.ops.busy_changed, timeout=5000,
                          check_params_cb=lambda b: b is True):
        start()
    with qtbot.waitSignal(window.ops.busy_changed, timeout=60_000,
                          check_params_cb=lambda b: b is False):
        pass


def test_sync_from_tools_tab_advances_the_progress_bar_while_the_window_keeps_running(
        qtbot, demo_window, world):
    w = demo_window
    w.tabs.setCurrentWidget(w.tools)
    w.tools.store.select("Demo Shopify")
    bar_values: list[tuple[int, int]] = []
    w.progress.valueChanged.connect(lambda v: bar_values.append((v, w.progress.maximum())))
    ticks = {"during": 0}
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.__setitem__("during", ticks["during"] + w.ops.busy))
    timer.start()
    run_and_wait(qtbot, w, lambda: qtbot.mouseClick(w.tools.sync_button,
                                                    Qt.MouseButton.LeftButton))
    timer.stop()
    assert ticks["during"] >= 3, "the GUI thread kept serving timers during the sync"
    determinate = [(v, m) for v, m in bar_values if m > 0]
    assert len(determinate) >= 3
    assert [v for v, _m in determinate] == sorted(v for v, _m in determinate)
    assert determinate[-1][0] == determinate[-1][1]  # reached the end
    # the outcome is on screen: status line, held grid, stores table, sync log
    summary = w.ops.last_result
    assert summary.status == "ok" and summary.posted > 0 and summary.held > 0
    assert f"{summary.posted} documents posted to AutoCount, {summary.held} held" in \
        w.status.text()
    assert w.held.model.total == summary.held
    assert w.held.count.text() == f"{summary.held} held orders"
    # the stores' counts are read off the GUI thread after the run, shown when back
    qtbot.waitUntil(lambda: w.stores.model.rows[0].status == "ok", timeout=5000)
    store = w.stores.model.rows[0]
    assert (store.status, store.held) == ("ok", summary.held)  # a code; the window words it
    assert any("Fetched" in r.message for r in w.tools.log_model.rows)
    assert len(world.autocount.documents()) == summary.posted  # invoices + credit notes


def test_held_order_fixed_in_mapping_tab_and_retried_until_posted(qtbot, demo_window, world):
    w = demo_window
    svc = w.service
    run_and_wait(qtbot, w, lambda: w.ops.sync("Demo Shopify"))
    held = w.held
    held.reason.setCurrentIndex(held.reason.findData("unmapped_sku"))
    assert held.model.total > 0
    order_id = held.model.order_id(0)
    number = held.model.summary(0).number
    for _attempt in range(4):
        dialog = w.open_order(order_id)
        if dialog.detail.outcome != "held":
            break
        fixable = [b for b in dialog.fix_buttons
                   if b.text().replace("&", "").startswith("Map this")]
        assert fixable, [h.title for h in dialog.detail.holds]
        qtbot.mouseClick(fixable[0], Qt.MouseButton.LeftButton)
        tab = w.mapping
        assert w.tabs.currentWidget() is tab and tab.f_key.text()
        kind = tab.f_kind.currentData()
        code = {"sku": "TS-RED-S", "shipping": "SHIPPING", "payment": "BANK",
                "tax": "SV-8"}[kind]
        qtbot.keyClicks(tab.f_value, code)
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda t=tab: "Saved" in t.result.text())  # the window's writer
        run_and_wait(qtbot, w, lambda b=tab.retry_button: qtbot.mouseClick(
            b, Qt.MouseButton.LeftButton))
    detail = svc.order_detail(order_id)
    assert detail.outcome == "posted", detail.holds
    assert [d.doc_no for d in detail.documents] == [f"SH-{number}"]
    assert world.autocount.documents("invoice")
    assert order_id not in svc.held_ids(HeldQuery())
    w.held.refresh()
    assert order_id not in w.held.model._ids


def test_test_connection_answers_in_words_for_store_and_autocount(qtbot, demo_window, world):
    w = demo_window
    tab = w.integration
    for owner in ("Demo Shopify", "autocount"):
        w.show_integration(owner)
        qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.test_button.isEnabled(), timeout=10_000)
        assert tab.test_result.text().startswith("Connected."), tab.test_result.text()
    # a wrong credential is refused, and the clerk is told what to do
    w.show_integration("Demo Shopify")
    w.service.set_secret("Demo Shopify", "client_secret", "wrong-secret")
    w.service.set_secret("Demo Shopify", "access_token", "shpat_wrong")
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.test_button.isEnabled(), timeout=10_000)
    text = tab.test_result.text()
    assert text.startswith("The credentials were refused: Shopify refused")
    assert text.endswith("Enter them again in Integration, press Save, then Test connection.")
    assert ".." not in text and "Traceback" not in text
