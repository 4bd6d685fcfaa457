"""The held-order workflow without a mouse: key presses only, from the grid to AutoCount."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from ecdesk.demo import configure, start_sandboxes
from ecdesk.service import HeldQuery, Service
from ecdesk.sync.http import HttpClient

FAST_AUTOCOUNT = {"autocount": {"rate_limit": 1_000_000}}
CODES = {"sku": "TS-RED-S", "shipping": "SHIPPING", "payment": "BANK", "tax": "SV-8"}


@pytest.fixture
def world():
    w = start_sandboxes(["shopify"], orders=40, seed_value=3, options=FAST_AUTOCOUNT)
    yield w
    w.stop()


@pytest.fixture
def window(qtbot, world, tmp_path):
    from ecdesk.ui.main_window import MainWindow

    svc = Service(f"sqlite:///{tmp_path / 'keys.sqlite'}", http=HttpClient(sleep=lambda s: None))
    configure(svc, world)
    w = MainWindow(svc, schedule=False, refresh_ms=10)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    yield w
    w.ops.shutdown()
    svc.close()


def press(key, modifier=Qt.KeyboardModifier.NoModifier, text: str | None = None) -> None:
    """One key press on whatever has the keyboard focus, as a clerk would type it."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    if text is not None:
        QTest.keyClicks(target, text)
    else:
        QTest.keyClick(target, key, modifier)


def wait_idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=60_000)


def test_a_held_order_from_open_to_fixed_to_retried_with_keys_only(qtbot, window, world):
    w = window
    svc = w.service
    w.ops.sync("Demo Shopify")  # set-up: orders arrive (the clerk's part starts below)
    wait_idle(qtbot, w)
    ids = svc.held_ids(HeldQuery(reason_code="unmapped_sku"))
    assert ids
    order_id = ids[0]
    number = svc.order_summaries([order_id])[0].number
    tab = w.mapping

    for _round in range(4):
        # Ctrl+F: the filter; type the number; Tab: into the grid; Home: its first row
        press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is w.held.search
        press(None, text=number)
        qtbot.waitUntil(lambda: w.held.model.total == 1 and w.held.model.rowCount() == 1)
        press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is w.held.view
        press(Qt.Key.Key_Home)
        assert w.held.selected_ids() == [order_id]
        # Enter: the order opens, its reasons listed
        press(Qt.Key.Key_Return)
        dialog = w.dialog
        assert dialog is not None and dialog.isVisible() and dialog.detail.id == order_id
        qtbot.waitUntil(lambda d=dialog: QApplication.activeWindow() is d)
        if dialog.detail.outcome != "held":
            break
        assert dialog.fix_buttons, [h.title for h in dialog.detail.holds]
        # Ctrl+M: straight to the Mapping tab, the value filled in, the cursor in the code
        press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        assert w.tabs.currentWidget() is tab and tab.f_key.text()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.f_value)
        press(None, text=CODES[tab.f_kind.currentData()])
        press(Qt.Key.Key_Return)  # saves the mapping (through the window's writer)
        qtbot.waitUntil(lambda: "Saved" in tab.result.text())
        # Ctrl+R: the selected held order is retried
        assert w.held.selected_ids() == [order_id]
        press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        assert w.ops.busy
        wait_idle(qtbot, w)
        if svc.order_detail(order_id).outcome == "posted":
            break
    detail = svc.order_detail(order_id)
    assert detail.outcome == "posted", detail.holds
    assert [d.doc_no for d in detail.documents] == [f"SH-{number}"]
    assert order_id not in svc.held_ids(HeldQuery())


def test_tabs_help_refresh_and_settled_by_hand_by_key(qtbot, window, monkeypatch):
    w = window
    w.ops.sync("Demo Shopify")
    wait_idle(qtbot, w)
    for i, page in enumerate((w.stores, w.integration, w.automation, w.mapping, w.tools)):
        press(getattr(Qt.Key, f"Key_{i + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert w.tabs.currentWidget() is page
        assert page.isAncestorOf(QApplication.focusWidget())  # the focus moved into it
    press(Qt.Key.Key_F1)
    assert w.help_dialog is not None and w.help_dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w.help_dialog)
    press(Qt.Key.Key_Escape)
    assert not w.help_dialog.isVisible()
    # Del on the grid: settled by hand, after a note
    w.activateWindow()  # what the window manager does when the help page closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Home)
    before = w.held.model.total
    chosen = w.held.selected_ids()
    asked = []
    monkeypatch.setattr(w.held, "ask_note", lambda n: asked.append(n) or "INV-1 keyed")
    press(Qt.Key.Key_Delete)
    assert asked == [1]
    qtbot.waitUntil(lambda: w.held.model.total == before - 1)  # the window's writer
    assert w.service.order_detail(chosen[0]).outcome == "ignored"
    # F5 reloads what another PC changed
    w.service.resolve([w.held.model.order_id(0)], "elsewhere")
    press(Qt.Key.Key_F5)
    assert w.held.model.total == before - 2


def test_every_button_has_a_mnemonic_and_every_field_a_name(qtbot, window):
    from PySide6.QtWidgets import (
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QTableView,
    )

    w = window
    missing = []
    for page in (w.stores, w.integration, w.automation, w.mapping, w.tools, w.held):
        named = {lbl.buddy() for lbl in page.findChildren(QLabel) if lbl.buddy()}
        for b in page.findChildren(QPushButton):
            if b.text() and "&" not in b.text().replace("&&", ""):
                missing.append(f"button {b.text()!r}")
        fields = [f for kind in (QLineEdit, QComboBox, QTableView, QListWidget,
                                 QAbstractSpinBox) for f in page.findChildren(kind)]
        for f in fields:
            if isinstance(f.parent(), (QComboBox, QAbstractSpinBox)) or not f.isVisibleTo(page):
                continue  # a combo's or spin box's own line edit; another store's field
            if not f.accessibleName() and f not in named:
                missing.append(f"{type(f).__name__} {f.objectName()!r} on {type(page).__name__}")
    assert not missing


def test_the_order_dialog_answers_ctrl_r_and_del(qtbot, window, monkeypatch):
    w = window
    w.ops.sync("Demo Shopify")
    wait_idle(qtbot, w)
    order_id = w.service.held_ids(HeldQuery())[0]
    dialog = w.open_order(order_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    with qtbot.waitSignal(dialog.retry_requested):
        QTest.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, w)
    dialog = w.open_order(order_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    monkeypatch.setattr(dialog, "ask_note", lambda: "keyed by hand")
    QTest.keyClick(dialog, Qt.Key.Key_Delete)
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: w.service.order_detail(order_id).outcome == "ignored")
