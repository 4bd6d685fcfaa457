"""The supervisors' month-end reconciliation workbook (openpyxl write-only mode, no Qt).

Sheets, in this order: ``Summary`` (per store: orders by outcome, AutoCount documents by kind,
held orders by reason code), ``Orders`` (one row per order with its sale DocNo(s), the
difference store total − sale document total, fees and refunds credited), ``Held`` (every
reason of every held order on its own line, with the value to map) and ``Documents`` (every
AutoCount document ecdesk posted or found by lookup, one row per order it belongs to).

Write-only mode streams rows to disk, so 100,000 orders never sit in memory as cells
(openpyxl docs, "Optimised Modes: Write-only mode"); that mode needs the header styles,
frozen panes and column widths set before the first row, and each styled cell as a
``WriteOnlyCell``. Money is written as a number with two decimals ("#,##0.00"), dates as real
Excel dates (Excel keeps no time zone, so times are the PC's local time).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from ecdesk.clock import local_date
from ecdesk.reports.cells import row

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
CENT = Decimal("0.01")
SHEETS = ("Summary", "Orders", "Held", "Documents")
#: document roles on an order (ecdesk.sync.outbox): the sale, the fee note, refund notes
SALE, FEES, CREDIT = "sale", "fees", "credit"


@dataclass
class ReconDocument:
    """One AutoCount document as linked to one order."""

    id: int
    kind: str
    doc_no: str
    ref: str
    total: Decimal | None
    posted_at: datetime | None
    role: str = SALE
    found_by_lookup: bool = False


@dataclass
class ReconHold:
    code: str
    title: str
    detail: str
    value: str


@dataclass
class ReconOrder:
    store: str
    number: str
    external_id: str
    ordered_at: datetime | None
    currency: str
    total: Decimal | None
    outcome: str
    reasons: str = ""
    documents: list[ReconDocument] = field(default_factory=list)
    holds: list[ReconHold] = field(default_factory=list)
    #: the order's calendar day in its store's zone (ecdesk.clock.local_date)
    day: date | None = None

    def role_total(self, role: str) -> Decimal | None:
        totals = [d.total for d in self.documents if d.role == role and d.total is not None]
        return sum(totals, Decimal(0)) if totals else None

    @property
    def difference(self) -> Decimal | None:
        sale = self.role_total(SALE)
        return None if sale is None or self.total is None else self.total - sale


ORDER_COLUMNS = (("Store", 18), ("Order", 14), ("External id", 20), ("Date", 12),
                 ("Currency", 9), ("Store total", 14), ("Outcome", 10), ("AutoCount DocNo", 22),
                 ("Document total", 15), ("Difference", 13), ("Fees", 12), ("Refunds", 12),
                 ("Reasons", 60))
HELD_COLUMNS = (("Store", 18), ("Order", 14), ("External id", 20), ("Date", 12),
                ("Currency", 9), ("Store total", 14), ("Reason code", 22), ("Reason", 28),
                ("Detail", 70), ("Value to map", 28))
DOC_COLUMNS = (("Kind", 14), ("DocNo", 20), ("Ref", 32), ("Total", 14), ("Posted at", 17),
               ("Store", 18), ("Order", 14), ("Role", 8), ("Found by lookup", 15))
SUMMARY_COLUMNS = (("Section", 20), ("Store", 18), ("Item", 26), ("Currency", 9),
                   ("Count", 10), ("Total", 16))


def _money(ws: WriteOnlyWorksheet, value: Decimal | None) -> Any:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=Decimal(value).quantize(CENT))
    cell.number_format = MONEY_FORMAT
    return cell


def _date(ws: WriteOnlyWorksheet, value: date | None, fmt: str = DATE_FORMAT) -> Any:
    if value is None:
        return None
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)  # Excel has no time zones
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = fmt
    return cell


def _sheet(wb: Workbook, title: str, columns: tuple[tuple[str, int], ...],
           index: int | None = None) -> WriteOnlyWorksheet:
    """A write-only sheet with a bold, frozen header row and set column widths."""
    ws = wb.create_sheet(title, index)
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name, _ in columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    return ws


def _order_date(order: ReconOrder) -> date | None:
    """The order's calendar day in its store's zone: the day its document is dated."""
    if order.day is not None or order.ordered_at is None:
        return order.day
    return local_date(order.ordered_at, None)


def write_reconciliation(orders: Iterable[ReconOrder], path: str | Path) -> dict[str, int]:
    """Stream ``orders`` (with their documents and holds) into one workbook at ``path``.

    Answers the counts written: orders, held (orders), held_reasons (lines), documents.
    """
    wb = Workbook(write_only=True)
    orders_ws = _sheet(wb, "Orders", ORDER_COLUMNS)
    held_ws = _sheet(wb, "Held", HELD_COLUMNS)
    docs_ws = _sheet(wb, "Documents", DOC_COLUMNS)
    # summary totals, kept exact as Decimal while the rows stream past
    by_outcome: dict[tuple[str, str, str], list[Any]] = defaultdict(lambda: [0, Decimal(0)])
    by_kind: dict[tuple[str, str], list[Any]] = defaultdict(lambda: [0, Decimal(0)])
    by_reason: dict[tuple[str, str], int] = defaultdict(int)
    seen_docs: set[int] = set()
    counts = {"orders": 0, "held": 0, "held_reasons": 0, "documents": 0}

    for o in orders:
        counts["orders"] += 1
        day = _order_date(o)
        sale_docs = [d.doc_no for d in o.documents if d.role == SALE]
        orders_ws.append(row(orders_ws, [
            o.store, o.number, o.external_id, _date(orders_ws, day), o.currency,
            _money(orders_ws, o.total), o.outcome, ", ".join(sale_docs),
            _money(orders_ws, o.role_total(SALE)), _money(orders_ws, o.difference),
            _money(orders_ws, o.role_total(FEES)), _money(orders_ws, o.role_total(CREDIT)),
            o.reasons]))
        agg = by_outcome[(o.store, o.outcome, o.currency)]
        agg[0] += 1
        agg[1] += o.total or 0
        if o.outcome == "held":
            counts["held"] += 1
            for code in {h.code for h in o.holds}:
                by_reason[(o.store, code)] += 1
            for h in o.holds:
                counts["held_reasons"] += 1
                held_ws.append(row(held_ws, [
                    o.store, o.number, o.external_id, _date(held_ws, day), o.currency,
                    _money(held_ws, o.total), h.code, h.title, h.detail, h.value]))
        for d in o.documents:
            counts["documents"] += 1
            docs_ws.append(row(docs_ws, [
                d.kind, d.doc_no, d.ref, _money(docs_ws, d.total),
                _date(docs_ws, d.posted_at, DATETIME_FORMAT), o.store, o.number, d.role,
                "yes" if d.found_by_lookup else "no"]))
            if d.id not in seen_docs:  # a summary document counts once, not once per order
                seen_docs.add(d.id)
                k = by_kind[(o.store, d.kind)]
                k[0] += 1
                k[1] += d.total or 0

    summary = _sheet(wb, "Summary", SUMMARY_COLUMNS, index=0)
    for (store, outcome, currency), (n, total) in sorted(by_outcome.items()):
        summary.append(row(summary, ["Orders", store, outcome, currency, n,
                                     _money(summary, total)]))
    for (store, kind), (n, total) in sorted(by_kind.items()):
        summary.append(row(summary, ["AutoCount documents", store, kind, None, n,
                                     _money(summary, total)]))
    for (store, code), n in sorted(by_reason.items()):
        summary.append(row(summary, ["Held by reason", store, code, None, n, None]))
    wb.save(path)
    return counts
