"""One writer (issue 11): a mapping edited while a sync holds the write path (the sync's own
job, and SQLite's write lock) goes through the window's writer: the window keeps answering,
with no GUI-thread stall over 50 ms, and the edit lands once the sync has finished."""

from __future__ import annotations

import sqlite3
import threading
import time

from PySide6.QtCore import QTimer

from ecdesk.service import RunSummary
from tests.ui.conftest import add_held

STALL_MS = 50


def _queued_s() -> float:
    """Seconds this thread has waited for a CPU (Linux schedstat; 0 elsewhere): a loaded
    machine's delay, not the window's."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


class Heartbeat:
    """Ticks on the GUI thread; the longest gap between two ticks, less the time the thread
    only waited for a CPU (other processes' load), is the longest stall of the window."""

    def __init__(self) -> None:
        self.ticks: list[tuple[float, float]] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.ticks.append((time.perf_counter(),
                                                              _queued_s())))
        self.timer.start()

    def longest_ms(self) -> float:
        gaps = [(b[0] - a[0]) - (b[1] - a[1])
                for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        return max(gaps, default=0.0) * 1000


def hold_the_write_path(window, svc, monkeypatch, tmp_path) -> threading.Event:
    """Start a sync that holds SQLite's write lock until the answered event is set."""
    holding, release = threading.Event(), threading.Event()

    def sync_holding_the_lock(*_a, **_k):  # a sync mid-write: the database is locked
        lock = sqlite3.connect(tmp_path / "ui.sqlite", timeout=1)
        lock.execute("BEGIN IMMEDIATE")
        holding.set()
        release.wait(10)
        lock.rollback()
        lock.close()
        return RunSummary(store="Shop")

    monkeypatch.setattr(svc, "sync", sync_holding_the_lock)
    assert window.ops.sync("Shop")
    assert holding.wait(5)
    return release


def test_editing_a_mapping_while_a_sync_holds_the_write_path(qtbot, window, svc, monkeypatch,
                                                             tmp_path):
    svc.add_store("Shop", "shopify")
    add_held(svc, "Shop", 1, value="ZZZ-9")
    window.refresh()
    release = hold_the_write_path(window, svc, monkeypatch, tmp_path)

    beat = Heartbeat()
    qtbot.waitUntil(lambda: len(beat.ticks) >= 5)
    tab, model = window.mapping, window.mapping.model
    model.reload()
    assert model.setData(model.index(0, 4), "ITEM-Z")  # the table edit...
    tab.prefill("Shop", "payment", "paypal")
    tab.f_value.setText("PAYPAL")
    assert tab.save()  # ...and the form's
    start = len(beat.ticks)
    qtbot.waitUntil(lambda: len(beat.ticks) >= start + 30)  # the window kept answering
    assert beat.longest_ms() < STALL_MS, f"the GUI thread stalled {beat.longest_ms():.0f} ms"
    assert svc.list_mappings("Shop") == []  # not before the sync lets go

    release.set()
    qtbot.waitUntil(lambda: len(svc.list_mappings("Shop")) == 2, timeout=10000)
    qtbot.waitUntil(lambda: "Saved" in tab.result.text(), timeout=5000)
    assert {(m.key, m.value) for m in svc.list_mappings("Shop")} == {
        ("ZZZ-9", "ITEM-Z"), ("paypal", "PAYPAL")}
    beat.timer.stop()


def test_store_and_credential_writes_wait_for_the_sync_without_stalling(
        qtbot, window, svc, monkeypatch, tmp_path, memory_keyring):
    svc.add_store("Shop", "shopify")
    svc.add_store("Old Shop", "woocommerce")
    window.refresh()
    release = hold_the_write_path(window, svc, monkeypatch, tmp_path)
    beat = Heartbeat()
    qtbot.waitUntil(lambda: len(beat.ticks) >= 5)

    dialog = window.stores.open_add_dialog()  # a new store...
    dialog.name.setText("New Shop")
    dialog.platform.setCurrentIndex(dialog.platform.findData("lazada"))
    dialog.accept()
    assert dialog.isVisible() and not dialog.buttons.isEnabled()  # saving, not done
    window.stores.confirm = lambda _text: True
    window.stores.view.selectRow([s.name for s in window.stores.model.rows].index("Old Shop"))
    window.stores.remove_selected()  # ...a removed one...
    creds = window.integration.credentials
    window.integration.select("Shop")
    creds.fields["access_token"].setText("shpat_x")
    assert creds.save()  # ...and a credential
    assert creds.fields["access_token"].text() == ""
    start = len(beat.ticks)
    qtbot.waitUntil(lambda: len(beat.ticks) >= start + 30)  # the window kept answering
    assert beat.longest_ms() < STALL_MS, f"the GUI thread stalled {beat.longest_ms():.0f} ms"
    assert sorted(svc.store_names()) == ["Old Shop", "Shop"]  # not before the sync lets go
    assert not svc.has_secret("Shop", "access_token")

    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: sorted(svc.store_names()) == ["New Shop", "Shop"], timeout=10000)
    qtbot.waitUntil(lambda: svc.has_secret("Shop", "access_token"), timeout=10000)
    assert "New Shop" in [s.name for s in window.stores.model.rows]
    beat.timer.stop()


def test_the_refresh_during_a_sync_reads_nothing_on_the_gui_thread(qtbot, window, svc,
                                                                   monkeypatch):
    """Issue 15: the held grid's count, ids and rows in sight, and the stores with their
    counts, are read by a worker while a sync runs; painting them reads nothing more."""
    svc.add_store("Shop", "shopify")
    window.refresh()  # the window knows the store (adding one re-reads on the GUI thread)
    add_held(svc, "Shop", 3, value="ZZZ-9")  # what the sync holds meanwhile
    on_gui: list[str] = []
    for name in ("count_held", "held_ids", "order_summaries", "held_holds", "list_stores"):
        original = getattr(svc, name)

        def spy(*a, _name=name, _original=original, **k):
            if threading.current_thread() is threading.main_thread():
                on_gui.append(_name)
            return _original(*a, **k)

        monkeypatch.setattr(svc, name, spy)
    window.refresh(background=True)
    qtbot.waitUntil(lambda: window.held.model.total == 3 and bool(window.stores.model.rows))
    window.held.view.viewport().repaint()  # the rows in sight were read with the ids
    assert window.held.model.data(window.held.model.index(0, 1)) is not None
    assert on_gui == []
