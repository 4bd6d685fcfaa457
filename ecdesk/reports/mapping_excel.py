"""Mappings to and from an Excel workbook (openpyxl), for clerks who map hundreds of SKUs.

One sheet, ``Mappings``, with a header row: Store, Kind, Store value, AutoCount code, UOM.
Export writes the unmapped values too, with an empty AutoCount code, so a clerk fills the
column in Excel and imports the file back; rows left empty are skipped on import. Kinds
are the command line's (docs/decisions.md §4 ``map sku|shipping|payment|tax``); the sheet also
accepts the words the window shows ("Item", "Shipping method"...). No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from ecdesk.reports.cells import row

SHEET = "Mappings"
HEADERS = ("Store", "Kind", "Store value", "AutoCount code", "UOM")
KIND_WORDS = {
    "sku": "sku", "item": "sku", "items": "sku", "product": "sku",
    "shipping": "shipping", "shipping method": "shipping",
    "payment": "payment", "payment method": "payment",
    "tax": "tax", "tax rate": "tax",
}
WIDTHS = (18, 12, 36, 20, 8)


class MappingLike(Protocol):
    store: str
    kind: str
    key: str
    value: str
    uom: str


@dataclass
class MappingRow:
    store: str
    kind: str
    key: str
    value: str
    uom: str = ""
    line: int = 0  # the sheet's row number, for the clerk


@dataclass
class ImportResult:
    rows: list[MappingRow] = field(default_factory=list)
    skipped_empty: int = 0
    problems: list[str] = field(default_factory=list)  # "Row 7: ..." for the clerk


def export_mappings(rows: Iterable[MappingLike], path: str | Path) -> int:
    """Write the rows; answers how many were written."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"
    todo = PatternFill("solid", fgColor="FFF4CE")
    count = 0
    for r in rows:
        ws.append(row(ws, [r.store, r.kind, r.key, r.value, r.uom]))
        if not r.value:
            ws.cell(row=ws.max_row, column=4).fill = todo
        count += 1
    wb.save(path)
    return count


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():  # Excel turns "8" into 8.0
        return str(int(value))
    return str(value).strip()


def import_mappings(path: str | Path) -> ImportResult:
    """Read a sheet written by :func:`export_mappings` (or typed by hand in that shape)."""
    result = ImportResult()
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a bad file
        result.problems.append(
            f"'{Path(path).name}' could not be opened as an Excel workbook ({exc}). "
            "Save it as .xlsx and try again.")
        return result
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = [_text(v).lower() for v in next(rows, ())]
        wanted = [h.lower() for h in HEADERS[:4]]
        if header[:4] != wanted:
            result.problems.append(
                "The first row must be the headings Store, Kind, Store value, AutoCount code, "
                "UOM. Export the mappings first and fill in that file.")
            return result
        for number, values in enumerate(rows, start=2):
            cells = [_text(v) for v in (tuple(values) + (None,) * 5)[:5]]
            store, kind, key, value, uom = cells
            if not any(cells):
                continue
            if not value:
                result.skipped_empty += 1
                continue
            canonical = KIND_WORDS.get(kind.lower())
            if canonical is None:
                result.problems.append(
                    f"Row {number}: kind '{kind}' is not one of sku, shipping, payment, tax.")
                continue
            if not store or not key:
                result.problems.append(f"Row {number}: the store and the store value are "
                                       "both needed.")
                continue
            result.rows.append(MappingRow(store, canonical, key, value, uom, line=number))
    finally:
        wb.close()
    return result
