"""Read-only SELECTs against an AutoCount Accounting 2.x database, shared by the desktop route
(through the session's ``DBSetting.GetDataTable``) and the read-only SQL route (through
SQLAlchemy + pyodbc). Nothing here writes: AutoCount's tables are only ever written by
AutoCount itself.

Tables and columns (reference/autocount.md §2.4, from public EF models of a live book):
``IV``/``CS``/``CN``/``SO``/``DO`` with ``DocNo``, ``DocDate``, ``DebtorCode``, ``Ref``,
``NetTotal``, ``Cancelled`` ('T'/'F'), ``CreatedTimeStamp``; ``Item(ItemCode, Description)``,
``Debtor(AccNo, CompanyName)``, ``Location(Location, Description)``; stock from the view
``vItemBalQty(ItemCode, UOM, Location, BalQty)`` (autocount-2.md §5; seen in a public
``VItemBalQty`` model and cut-over scripts). Outstanding of an invoice:
``IV.ReferDocKey -> ARInvoice.Outstanding`` (autocount-2.md §5). Names marked "verify" were
not seen in public material. Placeholders are ``?`` (pyodbc's and, we assume, AutoCount's
``GetDataTable`` style: verify).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from ecdesk.domain import DocKind, PostedDocument
from ecdesk.sync.autocount.base import StockBalance, check_code_kind

#: ``query(sql, params) -> rows as dicts``
Query = Callable[[str, Sequence[Any]], list[dict[str, Any]]]

DOC_TABLE = {
    DocKind.SALES_ORDER: "SO", DocKind.DELIVERY_ORDER: "DO", DocKind.INVOICE: "IV",
    DocKind.CASH_SALE: "CS", DocKind.CREDIT_NOTE: "CN",
}

CODE_QUERIES = {
    "item": "SELECT ItemCode AS Code, Description FROM Item WHERE IsActive = 'T'",
    "tax": "SELECT TaxCode AS Code, Description FROM TaxCode WHERE IsActive = 'T'",  # verify
    "payment_method": "SELECT PaymentMethod AS Code, Description FROM PaymentMethod",  # verify
    "debtor": "SELECT AccNo AS Code, CompanyName AS Description FROM Debtor "
              "WHERE IsActive = 'T'",
    "location": "SELECT Location AS Code, Description FROM Location",
    "currency": "SELECT CurrencyCode AS Code, CurrencyWord AS Description FROM Currency",  # verify
}

_DOC_COLUMNS = "DocNo, Ref, NetTotal, Cancelled"
BATCH = 100  # DocNos per IN (...) query


def posted_row(kind: DocKind, row: dict[str, Any]) -> PostedDocument:
    total = row.get("NetTotal")
    return PostedDocument(
        kind=kind, doc_no=str(row["DocNo"]), ref=str(row.get("Ref") or ""),
        total=None if total is None else Decimal(str(total)),
        cancelled=str(row.get("Cancelled") or "F").upper() in ("T", "TRUE", "1"),
    )


def find_docs(query: Query, kind: DocKind, doc_nos: Sequence[str]) -> dict[str, PostedDocument]:
    """Those of ``doc_nos`` in the book, keyed as asked (AutoCount's DocNo ignores case)."""
    wanted = {d.upper(): d for d in doc_nos}
    keys = list(wanted)
    found: dict[str, PostedDocument] = {}
    for i in range(0, len(keys), BATCH):
        batch = [wanted[k] for k in keys[i:i + BATCH]]
        marks = ", ".join("?" for _ in batch)
        for row in query(f"SELECT {_DOC_COLUMNS} FROM {DOC_TABLE[kind]} "
                         f"WHERE DocNo IN ({marks})", batch):
            doc = posted_row(kind, row)
            original = wanted.get(doc.doc_no.upper())
            if original is not None:
                found[original] = doc
    return found


def find_by_ref(query: Query, kind: DocKind, ref: str, debtor_code: str
                ) -> PostedDocument | None:
    """The document carrying ``ref`` for the debtor; a live one wins over a cancelled one,
    the newest over older ones. (SQL can filter on ``Ref``, unlike the Cloud listing.)"""
    rows = query(f"SELECT {_DOC_COLUMNS}, DocKey FROM {DOC_TABLE[kind]} "
                 "WHERE Ref = ? AND DebtorCode = ?", [ref, debtor_code])
    if not rows:
        return None
    rows.sort(key=lambda r: (str(r.get("Cancelled") or "F").upper() != "T", int(r["DocKey"])))
    return posted_row(kind, rows[-1])


def list_codes(query: Query, kind: str) -> list[tuple[str, str]]:
    check_code_kind(kind)
    rows = query(CODE_QUERIES[kind], [])
    return sorted((str(r["Code"]), str(r.get("Description") or "")) for r in rows)


def stock_balances(query: Query, location: str | None = None) -> list[StockBalance]:
    """On hand per item and location from AutoCount's own view ``vItemBalQty``."""
    sql = "SELECT ItemCode, UOM, Location, BalQty FROM vItemBalQty"
    params: list[Any] = []
    if location:
        sql += " WHERE Location = ?"
        params.append(location)
    return sorted(
        (StockBalance(str(r["ItemCode"]), str(r["Location"] or ""), str(r["UOM"] or ""),
                      Decimal(str(r["BalQty"] or 0))) for r in query(sql, params)),
        key=lambda b: (b.item_code, b.location, b.uom))


def outstanding(query: Query, doc_no: str) -> tuple[str, Decimal] | None:
    """(AutoCount doc type for knock-off, amount still owed) of a sales invoice or cash sale;
    None when the book has no A/R record for it."""
    for table in ("IV", "CS"):
        rows = query(f"SELECT B.Outstanding FROM {table} A LEFT JOIN ARInvoice B "
                     "ON A.ReferDocKey = B.DocKey WHERE A.DocNo = ?", [doc_no])
        if rows and rows[0].get("Outstanding") is not None:
            # "RI" knocks off an invoice (AutoCount's A/R import templates, autocount-2.md
            # §2.2); a cash sale's A/R invoice is assumed to take the same code: verify
            return "RI", Decimal(str(rows[0]["Outstanding"]))
    return None
