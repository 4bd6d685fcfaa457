"""Excel formula injection (issue 10 item 5): text from a store that Excel could run as a
formula is written as quoted text in every workbook ecdesk writes."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

import ecdesk
from ecdesk.reports.cells import FORMULA_STARTS, is_formula_like
from ecdesk.reports.mapping_excel import MappingRow, export_mappings, import_mappings
from ecdesk.reports.reconciliation import (
    ReconDocument,
    ReconHold,
    ReconOrder,
    write_reconciliation,
)

NASTY = ["=1+2", "=cmd|' /C calc'!A0", "+60123456789", "-5+cmd", "@SUM(A1)", "\t=1", "\r=1"]
T0 = datetime(2026, 3, 1, 4, tzinfo=UTC)


def every_cell(path: Path):
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for line in ws.iter_rows():
            yield from line


def assert_text_only(path: Path, expected: list[str]) -> None:
    cells = list(every_cell(path))
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula anywhere
    found = {c.value: c for c in cells if isinstance(c.value, str) and is_formula_like(c.value)}
    for value in expected:
        assert value in found, value
        assert found[value].data_type == "s" and found[value].quotePrefix


def test_store_text_in_the_reconciliation_workbook_is_never_a_formula(tmp_path):
    orders = []
    for n, nasty in enumerate(NASTY):
        orders.append(ReconOrder(
            "Web", nasty, f"X{n}", T0, "MYR", Decimal("10.00"), "held", reasons=nasty,
            holds=[ReconHold("unmapped_sku", "Unmapped SKU", f"SKU '{nasty}' ...", nasty)],
            documents=[ReconDocument(n, "invoice", nasty, nasty, Decimal("10.00"), T0)]))
    out = tmp_path / "recon.xlsx"
    write_reconciliation(orders, out)
    assert_text_only(out, NASTY)
    # numbers and dates keep their types
    orders_ws = load_workbook(out)["Orders"]
    assert orders_ws["F2"].value == 10 and orders_ws["F2"].data_type == "n"
    assert orders_ws["D2"].is_date


def test_mapping_export_writes_nasty_skus_as_text_and_reads_them_back(tmp_path):
    out = tmp_path / "maps.xlsx"
    export_mappings([MappingRow("Web", "sku", v, "TS-RED-M") for v in NASTY], out)
    assert_text_only(out, NASTY)
    assert [r.key for r in import_mappings(out).rows] == [v.strip() for v in NASTY]


@pytest.mark.parametrize("value, nasty", [("=x", True), ("+x", True), ("-x", True),
                                          ("@x", True), ("\tx", True), ("\rx", True),
                                          ("x=1", False), ("", False), (5, False)])
def test_formula_like_text(value, nasty):
    assert is_formula_like(value) is nasty
    assert len(FORMULA_STARTS) == 6


def test_every_module_that_builds_a_workbook_uses_the_one_cell_helper():
    """A new openpyxl writer must pass its values through ecdesk.reports.cells."""
    root = Path(ecdesk.__file__).parent
    writers = []
    for path in root.rglob("*.py"):
        text = path.read_text("utf-8")
        if "openpyxl" in text and "Workbook(" in text:
            writers.append(path.relative_to(root).as_posix())
            assert "ecdesk.reports.cells" in text, (
                f"{path} writes a workbook: pass store text through ecdesk.reports.cells.row() "
                "or cell() so it is never a formula (issue 10 item 5)")
    assert {"reports/reconciliation.py", "reports/mapping_excel.py"} <= set(writers)
