"""Mapping tab: unmapped values from held orders first, edit in place, Excel round trip."""

from __future__ import annotations

from openpyxl import load_workbook

from ecdesk.reports.mapping_excel import export_mappings, import_mappings
from ecdesk.service import MappingInfo
from tests.ui.conftest import add_held


def test_unmapped_values_from_held_orders_come_first(qtbot, window, svc):
    svc.add_store("Shop", "shopify")
    svc.set_mapping("Shop", "sku", "AAA-1", "ITEM-A")
    add_held(svc, "Shop", 3, value="ZZZ-9")
    add_held(svc, "Shop", 2, code="unknown_payment", value="paypal", start=100)
    window.refresh()
    tab = window.mapping
    tab.apply_filter()
    rows = [(todo, m.kind, m.key) for todo, m in tab.model.rows]
    assert rows == [(True, "sku", "ZZZ-9"), (True, "payment", "paypal"),
                    (False, "sku", "AAA-1")]
    assert "2 values from held orders need a mapping" in tab.summary.text()
    assert [tab.model.data(tab.model.index(r, 6)) for r in range(3)] == ["3", "2", ""]
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("payment"))
    assert [m.key for _t, m in tab.model.rows] == ["paypal"]
    tab.kind_filter.setCurrentIndex(0)
    tab.search.setText("zzz")
    qtbot.waitUntil(lambda: [m.key for _t, m in tab.model.rows] == ["ZZZ-9"], timeout=2000)


def test_typing_the_code_in_the_table_saves_the_mapping(qtbot, window, svc):
    svc.add_store("Shop", "shopify")
    add_held(svc, "Shop", 1, value="ZZZ-9")
    window.refresh()
    model = window.mapping.model
    model.reload()
    assert model.setData(model.index(0, 4), "ITEM-Z")
    assert [(m.key, m.value) for m in svc.list_mappings("Shop")] == [("ZZZ-9", "ITEM-Z")]
    assert model.rows[0][0] is False
    assert not model.setData(model.index(0, 4), "")
    assert model.error == "Type the AutoCount code first."


def test_save_form_rejects_a_bad_tax_rate_in_words(qtbot, window, svc):
    svc.add_store("Shop", "shopify")
    window.refresh()
    tab = window.mapping
    tab.prefill("Shop", "tax", "eight")
    tab.f_value.setText("SV-8")
    assert tab.save() is False
    assert "tax rate 'eight' is not a percentage" in tab.result.text()


def test_excel_round_trip_through_the_tab(qtbot, window, svc, tmp_path):
    svc.add_store("Shop", "shopify")
    svc.set_mapping("Shop", "sku", "AAA-1", "ITEM-A", "UNIT")
    add_held(svc, "Shop", 1, value="ZZZ-9")
    window.refresh()
    tab = window.mapping
    path = tmp_path / "maps.xlsx"
    assert tab.export_excel(str(path)) == 2
    wb = load_workbook(path)
    ws = wb["Mappings"]
    assert [c.value for c in ws[1]] == ["Store", "Kind", "Store value", "AutoCount code", "UOM"]
    assert ws["C2"].value == "ZZZ-9" and ws["D2"].value is None  # the clerk fills this in
    ws["D2"] = "ITEM-Z"
    ws.append(["Shop", "Tax rate", 8, "SV-8", None])
    ws.append(["Shop", "colour", "red", "RED", None])
    wb.save(path)
    # one transaction: the bad row 5 is named and nothing of the file is saved
    assert tab.import_excel(str(path))
    qtbot.waitUntil(lambda: "Nothing was imported" in tab.result.text(), timeout=5000)
    assert "Row 5: kind 'colour'" in tab.result.text()
    assert {(m.kind, m.key) for m in svc.list_mappings("Shop")} == {("sku", "AAA-1")}
    ws.delete_rows(5)
    wb.save(path)
    assert tab.import_excel(str(path))
    qtbot.waitUntil(lambda: "Imported 3" in tab.result.text(), timeout=5000)
    got = {(m.kind, m.key): m.value for m in svc.list_mappings("Shop")}
    assert got == {("sku", "AAA-1"): "ITEM-A", ("sku", "ZZZ-9"): "ITEM-Z", ("tax", "8"): "SV-8"}


def test_import_explains_a_file_that_is_not_a_mapping_sheet(tmp_path):
    bad = tmp_path / "notes.xlsx"
    export_mappings([], bad)
    wb = load_workbook(bad)
    wb.active.delete_rows(1)
    wb.active.append(["Hello", "world"])
    wb.save(bad)
    result = import_mappings(bad)
    assert result.rows == [] and "headings Store, Kind" in result.problems[0]
    text = tmp_path / "x.xlsx"
    text.write_text("not excel")
    assert "could not be opened" in import_mappings(text).problems[0]


def test_export_skips_nothing_and_marks_unmapped(tmp_path):
    rows = [MappingInfo("S", "sku", "A", "", ""), MappingInfo("S", "payment", "cod", "CASH")]
    path = tmp_path / "m.xlsx"
    assert export_mappings(rows, path) == 2
    result = import_mappings(path)
    assert [(r.kind, r.key, r.value) for r in result.rows] == [("payment", "cod", "CASH")]
    assert result.skipped_empty == 1
