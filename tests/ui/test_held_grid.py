"""The held-orders grid: lazy over 100,000 rows, sorted and filtered in SQL, and the fix path."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ecdesk.ui.models.held_orders import PAGE, HeldOrdersModel
from tests.ui.conftest import add_held


def test_grid_shows_100k_held_orders_without_loading_them_all(qtbot, svc):
    svc.add_store("Big", "shopify")
    add_held(svc, "Big", 100_000)
    model = HeldOrdersModel(svc)
    assert model.total == 100_000
    assert model.rowCount() == PAGE  # only the first page of ids
    assert model.canFetchMore()
    # newest first by default; display data comes from the rows actually asked for
    assert model.data(model.index(0, 1)) == "100000"
    assert model.data(model.index(0, 3)) == "MYR 100,009.00"
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    assert model.data(model.index(2 * PAGE - 1, 1)) == str(100_000 - 2 * PAGE + 1)
    assert model.rows_loaded <= 2 * 50  # two blocks of row data, not 100,000 rows
    assert len(model._ids) == 2 * PAGE


def test_grid_in_a_view_opens_a_page_and_scrolling_fetches_more(qtbot, window, svc):
    svc.add_store("Big", "shopify")
    add_held(svc, "Big", 5_000)
    window.refresh()
    window.show()
    view = window.held.view
    model = window.held.model
    qtbot.waitUntil(lambda: model.rowCount() >= PAGE)
    assert window.held.count.text() == "5,000 held orders"
    assert model.rowCount() < 5_000
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE)
    assert model.rows_loaded < model.rowCount()


def test_model_passes_qt_model_tester(qtmodeltester, svc):
    svc.add_store("S", "shopify")
    add_held(svc, "S", 450)
    model = HeldOrdersModel(svc, page=100)
    qtmodeltester.check(model)
    # the tester stays connected: fetching, sorting, filtering and refreshing are checked too
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(set(model._ids)) == 450
    model.sort(3, Qt.SortOrder.AscendingOrder)
    model.set_filter(text="12")
    model.refresh()
    add_held(svc, "S", 5, start=9000)
    model.set_filter()
    model.refresh()


def test_filter_by_store_reason_and_text_and_sort_happen_in_sql(qtbot, svc):
    svc.add_store("A", "shopify")
    svc.add_store("B", "woocommerce")
    add_held(svc, "A", 30, value="SKU-A")
    add_held(svc, "B", 20, code="unknown_payment", value="paypal", start=1000)
    model = HeldOrdersModel(svc)
    assert model.total == 50
    model.set_filter(store_id=svc.store_id("B"))
    assert (model.total, model.rowCount()) == (20, 20)
    model.set_filter(reason_code="unknown_payment")
    assert model.total == 20
    assert {model.summary(r).store for r in range(model.rowCount())} == {"B"}
    model.set_filter(text="1005")
    assert [model.summary(r).number for r in range(model.rowCount())] == ["1005"]
    model.set_filter()
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 1)) == "1"
    model.sort(5, Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "attempts" and model.query.descending


def test_refresh_keeps_rows_when_ids_unchanged_and_resets_when_they_change(qtbot, svc):
    svc.add_store("A", "shopify")
    add_held(svc, "A", 10)
    model = HeldOrdersModel(svc)
    model.data(model.index(0, 0))
    with qtbot.assertNotEmitted(model.modelReset):
        model.refresh()
    add_held(svc, "A", 3, start=500)
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.refresh()
    assert model.total == 13


def test_double_click_opens_order_with_lines_and_reasons_then_map_this_sku(qtbot, window, svc):
    svc.add_store("Shop", "shopify")
    add_held(svc, "Shop", 1, value="MYSTERY-1", lines=True)
    window.refresh()
    window.show()
    view = window.held.view
    qtbot.waitExposed(window)
    rect = view.visualRect(window.held.model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.detail.number == "1"
    assert [h.value for h in dialog.detail.holds] == ["MYSTERY-1"]
    assert [b.text().replace("&", "") for b in dialog.fix_buttons] == ["Map this SKU"]
    assert dialog.findChildren(type(dialog._lines()))[0].item(0, 0).text() == "MYSTERY-1"
    qtbot.mouseClick(dialog.fix_buttons[0], Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.mapping
    tab = window.mapping
    assert (tab.f_store.currentData(), tab.f_kind.currentData(), tab.f_key.text()) == \
        ("Shop", "sku", "MYSTERY-1")
    assert tab.model.rows[0][0] is True and tab.model.rows[0][1].key == "MYSTERY-1"
    qtbot.keyClicks(tab.f_value, "BOX-01")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in tab.result.text())  # written by the window's writer
    assert [(m.key, m.value) for m in svc.list_mappings("Shop", "sku")] == [("MYSTERY-1",
                                                                             "BOX-01")]
    assert "Retry" in tab.result.text()


def test_sorting_by_amount_is_numeric_not_alphabetical(qtbot, svc):
    from decimal import Decimal

    from sqlalchemy import update

    from ecdesk.db.models import OrderRow

    svc.add_store("S", "shopify")
    ids = add_held(svc, "S", 3)
    with svc.db.session() as s:
        for oid, amount in zip(ids, ("100.00", "27.80", "9.50"), strict=True):
            s.execute(update(OrderRow).where(OrderRow.id == oid).values(total=Decimal(amount)))
        s.commit()
    model = HeldOrdersModel(svc)
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, 3)) for r in range(3)] == \
        ["MYR 9.50", "MYR 27.80", "MYR 100.00"]
