"""The one way ecdesk puts a value in a workbook cell: store text is never a formula.

Excel runs a cell that starts with ``=`` as a formula, and ``+``, ``-``, ``@``, a tab or a
carriage return can start one too (OWASP "CSV injection"; an order number ``=1+2`` or a SKU
``=cmd|' /C calc'!A0`` from a feed). :func:`cell` writes such text as a text cell with Excel's
quote prefix (what typing ``'`` first does), so it shows as typed and stays text if edited.
Every openpyxl writer in ecdesk passes its values through :func:`row` or :func:`cell`
(tests/unit/test_excel_cells.py checks that each module that creates a Workbook does).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    """True for text Excel could read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def cell(ws: Worksheet | Any, value: Any) -> Any:
    """``value`` ready for ``ws.append``: formula-like text becomes a quoted text cell (works
    for normal and write-only sheets); anything else is returned as it is."""
    if not is_formula_like(value):
        return value
    out = WriteOnlyCell(ws, value=value)
    out.data_type = "s"
    out.quotePrefix = True
    return out


def row(ws: Worksheet | Any, values: Iterable[Any]) -> list[Any]:
    """:func:`cell` over a row's values."""
    return [cell(ws, v) for v in values]
