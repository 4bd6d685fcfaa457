"""Read a stock count: AutoCount's stock balance report saved to Excel (``.xlsx``) or ``.csv``
with columns ``ItemCode``, ``Location`` (optional) and ``Qty`` (docs/decisions.md §7).

A file that cannot be read raises :class:`CountFileError` naming the row and column, and
nothing is imported: the caller checks the whole file before it writes anything.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

REQUIRED = ("itemcode", "qty")
LABELS = {"itemcode": "ItemCode", "qty": "Qty"}


class CountFileError(ValueError):
    """The count file is not a stock balance report ecdesk can read (said in words)."""


@dataclass(frozen=True)
class CountRow:
    item_code: str
    location: str
    qty: Decimal


def _header_key(value: Any) -> str:
    return "".join(ch for ch in str(value or "").lower() if ch.isalnum())


def _rows(path: Path) -> list[list[Any]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as fh:
            return [row for row in csv.reader(fh)]
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise CountFileError(f"'{path.name}' is not a readable Excel workbook ({exc}).") \
                from None
        try:
            return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()
    raise CountFileError(f"'{path.name}' is neither .xlsx nor .csv: save AutoCount's stock "
                         "balance report as Excel or csv.")


def read_counts(path: str | Path) -> list[CountRow]:
    """Every count in the file; raises :class:`CountFileError` on the first problem."""
    path = Path(path)
    if not path.is_file():
        raise CountFileError(f"There is no file '{path}'.")
    try:
        rows = _rows(path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CountFileError(f"'{path.name}' cannot be read ({exc}).") from None
    rows = [r for r in rows if any(str(c or "").strip() for c in r)]
    if not rows:
        raise CountFileError(f"'{path.name}' is empty.")
    header = [_header_key(c) for c in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        names = ", ".join(LABELS[m] for m in missing)
        raise CountFileError(f"'{path.name}' has no column {names}: the first row must name "
                             "the columns ItemCode, Location (optional) and Qty.")
    at = {name: header.index(name) for name in (*REQUIRED, "location") if name in header}
    out: dict[tuple[str, str], CountRow] = {}
    for n, row in enumerate(rows[1:], start=2):
        cells = {name: row[i] if i < len(row) else None for name, i in at.items()}
        code = str(cells.get("itemcode") or "").strip()
        if not code:
            raise CountFileError(f"'{path.name}' row {n}: ItemCode is empty.")
        raw = cells.get("qty")
        try:
            qty = Decimal(str(raw).replace(",", "").strip())
        except InvalidOperation:
            raise CountFileError(f"'{path.name}' row {n}: Qty '{raw}' of item '{code}' is not "
                                 "a number.") from None
        if not qty.is_finite():
            raise CountFileError(f"'{path.name}' row {n}: Qty '{raw}' is not a number.")
        location = str(cells.get("location") or "").strip()
        key = (code.upper(), location.upper())
        if key in out:
            raise CountFileError(f"'{path.name}' row {n}: item '{code}' at location "
                                 f"'{location or 'all'}' is counted twice.")
        out[key] = CountRow(code, location, qty)
    return list(out.values())
