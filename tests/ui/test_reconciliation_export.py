"""Tools > Export reconciliation to Excel: the file is written by the background runner and
the banner names it."""

from __future__ import annotations

import threading

from openpyxl import load_workbook
from PySide6.QtCore import QDate

from tests.ui.conftest import add_held


def test_button_writes_the_workbook_through_the_worker(qtbot, window, svc, tmp_path,
                                                       monkeypatch):
    svc.add_store("Shop", "shopify")
    add_held(svc, "Shop", 3)  # dated 1 Nov 2026
    window.refresh()
    tools = window.tools
    out = tmp_path / "month"  # the tab adds .xlsx
    monkeypatch.setattr(tools, "_pick_save", lambda suggested: str(out))
    threads = []
    export = svc.export_reconciliation

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return export(*args, **kwargs)

    monkeypatch.setattr(svc, "export_reconciliation", spy)
    tools.recon_from.setDate(QDate(2026, 11, 1))
    tools.recon_to.setDate(QDate(2026, 11, 30))
    with qtbot.waitSignal(window.ops.finished, timeout=10000):
        tools.recon_button.click()
    saved = tmp_path / "month.xlsx"
    assert saved.exists()
    assert threads and threads[0] is not threading.main_thread()  # off the GUI thread
    assert str(saved) in window.banner.label.text() and "3 orders" in window.banner.label.text()
    wb = load_workbook(saved, read_only=True)
    held = list(wb["Held"].iter_rows(min_row=2, values_only=True))
    assert len(held) == 3 and held[0][9] == "MYSTERY-1"
    wb.close()


def test_reversed_dates_are_refused_without_a_file(qtbot, window, tmp_path):
    tools = window.tools
    tools.recon_from.setDate(QDate(2026, 11, 30))
    tools.recon_to.setDate(QDate(2026, 11, 1))
    assert not tools.export_reconciliation(str(tmp_path / "x.xlsx"))
    assert "end date is before" in tools.result.text()
    assert not (tmp_path / "x.xlsx").exists()
