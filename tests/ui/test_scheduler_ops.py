"""Scheduler and background runs: due stores start by themselves; progress reaches the bar."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from ecdesk.service import RunSummary


def test_scheduler_starts_due_stores_and_skips_while_busy(qtbot, window, svc, monkeypatch):
    svc.add_store("Due", "shopify")
    svc.add_store("Off", "shopify")
    svc.update_store("Off", sync_enabled=False)
    calls = []
    release = threading.Event()

    def fake_sync(store=None, *, progress, cancel, trigger, **kw):
        calls.append((store, trigger, threading.current_thread() is threading.main_thread()))
        progress(1, 2, f"Checked 1 of 2 orders in {store}")
        release.wait(10)
        return RunSummary(store=store, fetched=2, posted=2)

    monkeypatch.setattr(svc.runs, "sync", fake_sync)  # what sync_many runs per store
    assert window.scheduler.tick() == ["Due"]
    assert window.ops.busy
    assert window.scheduler.tick() == []  # busy: the next tick waits its turn
    qtbot.waitUntil(lambda: window.progress.maximum() == 2, timeout=3000)
    assert window.progress.value() == 1 and window.progress.isVisibleTo(window)
    assert "Checked 1 of 2" in window.status.text()
    with qtbot.waitSignal(window.ops.finished, timeout=5000):
        release.set()
    assert calls == [("Due", "schedule", False)]
    assert window.status.text() == ("Sync of Due finished: 2 orders fetched, "
                                    "2 documents posted to AutoCount, 0 held.")
    assert not window.progress.isVisibleTo(window)


def test_a_failed_run_is_explained_in_the_banner(qtbot, window, svc, monkeypatch):
    svc.add_store("Shop", "shopify")

    def broken(*a, **kw):
        raise OSError("disk full")

    monkeypatch.setattr(svc, "sync", broken)
    window.refresh()
    with qtbot.waitSignal(window.ops.failed, timeout=5000):
        window.tools.sync_store()
    assert window.banner.kind == "error"
    assert "disk full" in window.banner.text and "try again" in window.banner.text
    assert not window.ops.busy


def test_tools_resync_order_names_a_missing_order(qtbot, window, svc):
    svc.add_store("Shop", "shopify")
    window.refresh()
    window.tools.order.setText("9999")
    window.tools.resync_order()
    assert "No order 9999 in store 'Shop'" in window.tools.result.text()
    assert not window.ops.busy


def test_a_second_run_waits_its_turn_without_hiding_the_first(qtbot, window, svc,
                                                              monkeypatch):
    svc.add_store("Shop", "shopify")
    window.refresh()
    release = threading.Event()

    def slow_sync(store=None, *, progress, cancel, **kw):
        progress(1, 4, "Checked 1 of 4 orders")
        release.wait(10)
        return RunSummary(store=store, status="cancelled" if cancel.cancelled else "ok")

    monkeypatch.setattr(svc, "sync", slow_sync)
    first = window.ops.sync("Shop")
    qtbot.waitUntil(lambda: window.progress.maximum() == 4, timeout=3000)
    assert window.ops.sync("Shop") is None
    assert "still running" in window.banner.text and window.banner.kind == "warn"
    assert window.progress.isVisibleTo(window) and window.cancel_button.isVisibleTo(window)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert first.cancelled
    with qtbot.waitSignal(window.ops.finished, timeout=5000):
        release.set()
    assert window.status.text().startswith("Sync of Shop stopped as you asked")


def test_a_scheduled_run_of_several_stores_is_one_sentence():
    from ecdesk.sync.engine import RunSummary
    from ecdesk.ui.ops import describe

    runs = [RunSummary(store="A", fetched=60, posted=42, held=12),
            RunSummary(store="B", fetched=60, posted=54, held=4, waiting=2)]
    text = describe(runs)
    assert text.startswith("Sync of 2 stores finished: 120 orders fetched, 96 documents")
    assert "16 held" in text and text.count("Sync of") == 1
