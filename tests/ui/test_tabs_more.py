"""Automation, Tools and the held panel's bulk actions, with the service doing the work."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel

from ecdesk.service import HeldQuery, RunSummary
from tests.ui.conftest import add_held


def test_automation_saves_cadence_document_and_posting_overrides(qtbot, window, svc):
    svc.add_store("Shop", "shopify", settings={"doc_prefix": "SH-"})
    window.refresh()
    tab = window.automation
    tab.select("Shop")
    assert tab.doc_kind.currentData() == "invoice"
    tab.sync_enabled.setChecked(False)
    tab.ingress.setValue(5)
    tab.doc_kind.setCurrentIndex(tab.doc_kind.findData("cash_sale"))
    tab.posting["debtor_code"].setText("300-X001")
    assert tab.save()
    qtbot.waitUntil(lambda: tab.result.text().startswith("Saved."))  # the window's writer
    s = svc.get_store("Shop")
    assert (s.sync_enabled, s.ingress_minutes) == (False, 5)
    assert s.settings["doc_kind"] == "cash_sale"
    assert s.settings["debtor_code"] == "300-X001" and "sales_account" not in s.settings
    assert "Automatic sync is off" in tab.next_run.text()
    assert svc.due_stores() == []


def test_tools_date_range_resync_passes_the_whole_days(qtbot, window, svc, monkeypatch):
    svc.add_store("Shop", "shopify")
    window.refresh()
    seen = {}

    def fake_sync(store=None, *, since=None, until=None, progress, cancel, trigger):
        seen.update(store=store, since=since, until=until)
        return RunSummary(store=store, fetched=3)

    monkeypatch.setattr(svc, "sync", fake_sync)
    tools = window.tools
    tools.since.setDate(QDate(2026, 11, 1))
    tools.until.setDate(QDate(2026, 11, 3))
    with qtbot.waitSignal(window.ops.finished, timeout=5000):
        tools.resync_range()
    assert seen["store"] == "Shop"
    # whole days of the store's calendar: the service starts at the store's midnight of the
    # first and ends at its midnight after the last (tests/integration/test_calendar_day.py)
    assert (seen["since"], seen["until"]) == (date(2026, 11, 1), date(2026, 11, 3))
    tools.since.setDate(QDate(2026, 11, 5))
    tools.resync_range()
    assert "end date is before the start date" in tools.result.text()


def test_settled_by_hand_takes_selected_orders_off_the_held_list(qtbot, window, svc):
    svc.add_store("Shop", "shopify")
    add_held(svc, "Shop", 5)
    window.refresh()
    panel = window.held
    sm = panel.view.selectionModel()
    for row in (0, 1):
        sm.select(panel.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                  | QItemSelectionModel.SelectionFlag.Rows)
    chosen = panel.selected_ids()
    panel.ask_note = lambda n: f"keyed as IV-{n}"
    assert panel.resolve_selected() == 2  # sent through the window's writer
    qtbot.waitUntil(lambda: panel.model.total == 3)
    assert not set(chosen) & set(svc.held_ids(HeldQuery()))
    assert panel.count.text() == "3 held orders"
    assert any("keyed as IV-2" in r.message for r in svc.sync_log())


def test_edit_store_renames_and_keeps_platform(qtbot, window, svc):
    svc.add_store("Shop", "woocommerce", "https://a.example.com")
    window.refresh()
    window.stores.view.selectRow(0)
    dialog = window.stores.edit_selected()
    assert not dialog.platform.isEnabled()
    dialog.name.setText("Main Shop")
    dialog.url.setText("https://b.example.com")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())  # saved through the window's writer
    s = svc.get_store("Main Shop")
    assert (s.platform, s.url) == ("woocommerce", "https://b.example.com")
    assert window.integration.owners.count() == 2  # AutoCount + the renamed store


def test_automation_sets_fee_ledgers_for_marketplace_stores_only(qtbot, window, svc):
    svc.add_store("Shop", "custom")
    svc.add_store("Shopee MY", "shopee")
    svc.add_store("Shopify", "shopify")
    svc.add_store("Woo", "woocommerce")
    window.refresh()
    tab = window.automation
    tab.select("Shop")
    assert not tab.fees.isVisibleTo(tab)
    tab.select("Shopify")
    assert tab.fees.isVisibleTo(tab)  # its Shopify Payments orders' fees
    assert tab.fees.title().startswith("Payment gateway fees")  # not a marketplace's
    shown = {k for k, e in tab.fee_edits.items() if e.isVisibleTo(tab)}
    assert shown == {"fee_account_transaction", "fee_account_other"}  # no commission
    tab.select("Woo")
    assert tab.fees.isVisibleTo(tab)  # its WooPayments orders' fees
    tab.select("Shopee MY")
    assert tab.fees.isVisibleTo(tab) and tab.post_fees.isChecked()
    assert tab.fees.title().startswith("Marketplace fees")
    assert all(e.isVisibleTo(tab) for e in tab.fee_edits.values())
    assert tab.fees_on_release.isChecked()  # the default: the note from the final figures
    tab.fees_on_release.setChecked(False)
    tab.fee_edits["fee_account_commission"].setText("908-1000")
    tab.posting["doc_prefix"].setText("")  # blank keeps the store's own prefix
    assert tab.save(), tab.result.text()
    qtbot.waitUntil(lambda: tab.result.text().startswith("Saved."))
    s = svc.get_store("Shopee MY")
    assert s.settings["fee_account_commission"] == "908-1000"
    assert s.settings["post_fees"] == "true" and s.settings["doc_prefix"] == "SP-"
    assert s.settings["fees_on_release"] == "no"
    tab.select("Shop")
    tab.select("Shopee MY")
    assert not tab.fees_on_release.isChecked()  # read back as saved
    assert "fee_account_commission" not in svc.get_store("Shop").settings


def test_automation_chooses_summary_posting_per_day(qtbot, window, svc):
    svc.add_store("Shop", "shopify")
    window.refresh()
    tab = window.automation
    tab.select("Shop")
    assert tab.mode.currentData() == "order" and not tab.cutoff.isEnabled()
    tab.mode.setCurrentIndex(tab.mode.findData("day"))
    assert tab.cutoff.isEnabled()
    tab.cutoff.setTime(tab.cutoff.time().fromString("03:30", "HH:mm"))
    assert tab.save()
    qtbot.waitUntil(lambda: tab.result.text().startswith("Saved."))
    s = svc.get_store("Shop")
    assert (s.settings["posting_mode"], s.settings["summary_cutoff"]) == ("day", "03:30")


def test_automation_offers_a_summary_per_payout_where_orders_name_their_payout(qtbot, window,
                                                                              svc):
    svc.add_store("Shop", "custom")
    svc.add_store("Lazada MY", "lazada")
    svc.add_store("Shopify", "shopify")
    svc.add_store("Woo", "woocommerce")
    window.refresh()
    tab = window.automation
    payout = tab.mode.findData("payout")
    tab.select("Shop")
    assert not tab.mode.model().item(payout).isEnabled()  # a custom feed names no payouts
    tab.select("Shopify")
    assert tab.mode.model().item(payout).isEnabled()  # Shopify Payments payouts
    tab.select("Woo")
    assert tab.mode.model().item(payout).isEnabled()  # WooPayments deposits
    tab.select("Lazada MY")
    assert tab.mode.model().item(payout).isEnabled()
    tab.mode.setCurrentIndex(payout)
    assert tab.save()
    qtbot.waitUntil(lambda: tab.result.text().startswith("Saved."))
    assert svc.get_store("Lazada MY").settings["posting_mode"] == "payout"
