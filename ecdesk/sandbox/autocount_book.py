"""An AutoCount Accounting 2.x account book in SQLite, shaped like AutoCount's own tables.

The desktop fake (:mod:`ecdesk.sandbox.autocount_desktop`) writes into it through the
command/document classes, the read-only SQL route reads it with the same SELECTs it sends to
SQL Server, and the import-file tests "import" a workbook into it. It shares the Cloud
sandbox's master data (``seed.masterdata()``) and its refusal rules: unknown debtor, item,
tax code, location or credit term, a date outside the open fiscal years, a locked month, a
duplicate or over-long DocNo.

Table and column names follow reference/autocount.md §2.4 (public EF models of a live book:
``IV``/``IVDTL`` with ``DocKey``, ``DocNo``, ``DocDate``, ``DebtorCode``, ``Ref``,
``NetTotal``, ``Cancelled`` 'T'/'F'...; ``Item``, ``Debtor``, ``Location``) and
autocount-2.md §5 (``vItemBalQty(ItemCode, UOM, Location, BalQty)``, ``ARInvoice.Outstanding``).
Columns marked "verify" in :data:`SCHEMA` are inferred and were not seen in public material.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from ecdesk.sandbox.autocount import line_totals, round2
from ecdesk.sandbox.seed import masterdata

ZERO = Decimal("0")
MAX_DOC_NO = 20  # desktop DocNo nvarchar(20) (autocount.md §2.1, Cash Sale column limits)
OPENING_QTY = {"HQ": Decimal(100), "WH-KL": Decimal(20)}  # seeded balance per stock item

#: AutoCount's table per document type (autocount.md §2.4, §3.1) and its running number.
DOC_TABLES = {"SO": "SO-", "DO": "DO-", "IV": "IV-", "CS": "CS-", "CN": "CN-"}
#: How each type moves stock (autocount.md §3.1): -1 out, +1 in (CN goods returns only).
STOCK_SIGN = {"SO": 0, "DO": -1, "IV": -1, "CS": -1, "CN": 1}

_DOC_COLUMNS = """
    DocKey INTEGER PRIMARY KEY, ReferDocKey INTEGER,
    DocNo TEXT NOT NULL UNIQUE COLLATE NOCASE, DocDate TEXT NOT NULL,
    DebtorCode TEXT NOT NULL, DebtorName TEXT, Ref TEXT, RefDocNo TEXT, Description TEXT,
    DisplayTerm TEXT, SalesLocation TEXT, CurrencyCode TEXT, InclusiveTax TEXT DEFAULT 'F',
    Total TEXT, Tax TEXT, NetTotal TEXT, Cancelled TEXT DEFAULT 'F', PaymentMethod TEXT,
    PaymentAmt TEXT, OurInvoiceNo TEXT, CNType TEXT, CreatedTimeStamp TEXT, LastModified TEXT
"""
_DTL_COLUMNS = """
    DtlKey INTEGER PRIMARY KEY, DocKey INTEGER NOT NULL, Seq INTEGER, ItemCode TEXT,
    Description TEXT, Location TEXT, UOM TEXT, Qty TEXT, UnitPrice TEXT, Discount TEXT,
    DiscountAmt TEXT, TaxCode TEXT, Tax TEXT, SubTotal TEXT, AccNo TEXT, GoodsReturn TEXT
"""

SCHEMA = f"""
CREATE TABLE Item (ItemCode TEXT PRIMARY KEY COLLATE NOCASE, Description TEXT,
    BaseUOM TEXT, ItemType TEXT, IsActive TEXT DEFAULT 'T');  -- ItemType: verify
CREATE TABLE Debtor (AccNo TEXT PRIMARY KEY COLLATE NOCASE, CompanyName TEXT,
    DisplayTerm TEXT, CurrencyCode TEXT, IsActive TEXT DEFAULT 'T');
CREATE TABLE TaxCode (TaxCode TEXT PRIMARY KEY COLLATE NOCASE, Description TEXT,
    TaxRate TEXT, IsActive TEXT DEFAULT 'T');
CREATE TABLE Location (Location TEXT PRIMARY KEY COLLATE NOCASE, Description TEXT);
CREATE TABLE PaymentMethod (PaymentMethod TEXT PRIMARY KEY COLLATE NOCASE,
    Description TEXT);  -- verify
CREATE TABLE Currency (CurrencyCode TEXT PRIMARY KEY COLLATE NOCASE, CurrencyWord TEXT);
CREATE TABLE Terms (DisplayTerm TEXT PRIMARY KEY);  -- verify
CREATE TABLE GLMast (AccNo TEXT PRIMARY KEY COLLATE NOCASE, Description TEXT);
CREATE TABLE ItemBalQty (ItemCode TEXT COLLATE NOCASE, UOM TEXT, Location TEXT COLLATE NOCASE,
    BalQty TEXT, PRIMARY KEY (ItemCode, UOM, Location));
CREATE VIEW vItemBalQty AS SELECT ItemCode, UOM, Location, BalQty FROM ItemBalQty;
CREATE TABLE ARInvoice (DocKey INTEGER PRIMARY KEY, DocNo TEXT COLLATE NOCASE,
    Outstanding TEXT);
CREATE TABLE ARCNKnockOff (CNDocNo TEXT, KnockOffDocType TEXT, KnockOffDocNo TEXT,
    Amount TEXT);  -- verify: the real knock-off tables were not seen
{''.join(f"CREATE TABLE {t} ({_DOC_COLUMNS}); CREATE TABLE {t}DTL ({_DTL_COLUMNS});"
         for t in DOC_TABLES)}
"""


class BookRefusal(Exception):
    """AutoCount refused a save, in AutoCount's words (text marked "verify" where unseen)."""


class FakeBook:
    """One account book in SQLite (in memory unless ``path`` is given), seeded from the shared
    master data. Thread-safe; every method that writes commits."""

    def __init__(self, path: str = ":memory:", *, clock: Callable[[], float] = time.time,
                 seed_stock: bool = True) -> None:
        self.path = path
        self.clock = clock
        self.locked_months: set[tuple[int, int]] = set()  # (year, month) period locks
        self._lock = threading.RLock()
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name='Item'").fetchone():
            self.db.executescript(SCHEMA)
            self._seed(seed_stock)
        md = masterdata()
        self.company = md["company"]
        self.stock_items = {i["item_code"].upper() for i in md["catalog"]}

    # --- seed -----------------------------------------------------------------------------
    def _seed(self, seed_stock: bool) -> None:
        md = masterdata()
        ins = self.db.executemany
        ins("INSERT INTO Item VALUES (?,?,?,?, 'T')",
            [(i["item_code"], i["name"], i["uom"], "S") for i in md["catalog"]]
            + [(i["item_code"], i["name"], i["uom"], "V") for i in md["service_items"]])
        ins("INSERT INTO Debtor VALUES (?,?,?,?, 'T')",
            [(d["code"], d["name"], d["credit_term"], d.get("currency", "MYR"))
             for d in md["debtors"]])
        ins("INSERT INTO TaxCode VALUES (?,?,?, 'T')",
            [(t["code"], t["description"], t["rate"]) for t in md["tax_codes"]])
        ins("INSERT INTO Location VALUES (?,?)", [(loc, loc) for loc in md["locations"]])
        ins("INSERT INTO PaymentMethod VALUES (?,?)",
            [(p, p) for p in md["payment_methods_autocount"]])
        ins("INSERT INTO Currency VALUES (?,?)", [(md["company"]["currency"], "Ringgit")])
        ins("INSERT INTO Terms VALUES (?)", [(t,) for t in md["credit_terms"]])
        ins("INSERT INTO GLMast VALUES (?,?)", [(a["acc_no"], a["name"]) for a in md["accounts"]])
        if seed_stock:
            ins("INSERT INTO ItemBalQty VALUES (?,?,?,?)",
                [(i["item_code"], i["uom"], loc, str(qty))
                 for i in md["catalog"] for loc, qty in OPENING_QTY.items()])

    # --- reading (what SQL Server would answer) -------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts; anything but a SELECT is refused (read-only callers)."""
        if not sql.lstrip().upper().startswith("SELECT"):
            raise PermissionError("read-only: only SELECT statements are allowed")
        with self._lock:
            return [dict(r) for r in self.db.execute(sql, tuple(params))]

    def documents(self, doc_type: str) -> list[dict[str, Any]]:
        return self.query(f"SELECT * FROM {doc_type} ORDER BY DocKey")

    def balance(self, item_code: str, location: str) -> Decimal:
        rows = self.query("SELECT BalQty FROM ItemBalQty WHERE ItemCode=? AND Location=?",
                          (item_code, location))
        return sum((Decimal(r["BalQty"]) for r in rows), ZERO)

    def fiscal(self) -> tuple[date, date]:
        """The open fiscal years: the seed's year moved to the clock's year and the one
        before (as the Cloud sandbox does)."""
        start = date.fromisoformat(self.company["fiscal_year_start"])
        end = date.fromisoformat(self.company["fiscal_year_end"])
        year = datetime.fromtimestamp(self.clock(), UTC).year
        return start.replace(year=year - 1), end.replace(year=year)

    def _exists(self, table: str, column: str, value: str | None) -> bool:
        return bool(value) and self.db.execute(
            f"SELECT 1 FROM {table} WHERE {column}=?", (value,)).fetchone() is not None

    # --- writing (only through the fake assemblies or an "import") ------------------------
    def save(self, doc_type: str, master: dict[str, Any], details: Iterable[dict[str, Any]]
             ) -> tuple[int, str]:
        """Validate and store one document as AutoCount's ``Save()`` would; (DocKey, DocNo).
        Raises :class:`BookRefusal` in AutoCount's words."""
        details = list(details)
        with self._lock:
            self._check_master(doc_type, master)
            rows = [self._check_detail(doc_type, i, d, master) for i, d in enumerate(details)]
            doc_no = master["DocNo"]
            if not doc_no or doc_no == "<<New>>":
                doc_no = self._next_no(doc_type)
            tax = sum((r["Tax"] for r in rows), ZERO)
            net = sum((r["_amount"] for r in rows), ZERO) + (
                ZERO if master.get("InclusiveTax") else tax)
            now = datetime.fromtimestamp(self.clock(), UTC).strftime("%Y-%m-%d %H:%M:%S")
            cur = self.db.execute("BEGIN")
            try:
                cur = self.db.execute(
                    f"INSERT INTO {doc_type} (DocNo, DocDate, DebtorCode, DebtorName, Ref, "
                    "RefDocNo, Description, DisplayTerm, SalesLocation, CurrencyCode, "
                    "InclusiveTax, Total, Tax, NetTotal, PaymentMethod, PaymentAmt, "
                    "OurInvoiceNo, CNType, CreatedTimeStamp, LastModified) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (doc_no, master["DocDate"].isoformat(), master["DebtorCode"],
                     master.get("DebtorName"), master.get("Ref"), master.get("RefDocNo"),
                     master.get("Description"), master.get("DisplayTerm"),
                     master.get("SalesLocation"), self.company["currency"],
                     "T" if master.get("InclusiveTax") else "F", str(net), str(tax), str(net),
                     master.get("PaymentMethod"), _s(master.get("PaymentAmt")),
                     master.get("OurInvoiceNo"), master.get("CNType"), now, now))
                key = cur.lastrowid
                refer = key
                if doc_type in ("IV", "CS"):  # the A/R invoice AutoCount posts beside it
                    paid = Decimal(master.get("PaymentAmt") or 0) if doc_type == "CS" else ZERO
                    refer = self.db.execute(
                        "INSERT INTO ARInvoice (DocNo, Outstanding) VALUES (?,?)",
                        (doc_no, str(net - paid))).lastrowid
                self.db.execute(f"UPDATE {doc_type} SET ReferDocKey=? WHERE DocKey=?",
                                (refer, key))
                for seq, r in enumerate(rows, start=1):
                    self.db.execute(
                        f"INSERT INTO {doc_type}DTL (DocKey, Seq, ItemCode, Description, "
                        "Location, UOM, Qty, UnitPrice, Discount, DiscountAmt, TaxCode, Tax, "
                        "SubTotal, AccNo, GoodsReturn) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (key, seq, r["ItemCode"], r["Description"], r["Location"], r["UOM"],
                         str(r["Qty"]), str(r["UnitPrice"]), r["Discount"],
                         str(r["DiscountAmt"]), r["TaxCode"], str(r["Tax"]),
                         str(r["SubTotal"]), r["AccNo"], "T" if r["GoodsReturn"] else "F"))
                    self._move_stock(doc_type, r, +1)
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise
            return key, doc_no

    def _next_no(self, doc_type: str) -> str:
        prefix = DOC_TABLES[doc_type]
        n = self.db.execute(f"SELECT COUNT(*) FROM {doc_type}").fetchone()[0] + 1
        while self._exists(doc_type, "DocNo", f"{prefix}{n:06d}"):
            n += 1
        return f"{prefix}{n:06d}"

    def _check_master(self, doc_type: str, m: dict[str, Any]) -> None:
        doc_no = m.get("DocNo") or "<<New>>"
        if len(doc_no) > MAX_DOC_NO:
            raise BookRefusal(f"Document No. '{doc_no}' exceeds the maximum length of "
                              f"{MAX_DOC_NO}.")  # verify
        if doc_no != "<<New>>" and self._exists(doc_type, "DocNo", doc_no):
            raise BookRefusal(f"Document No. '{doc_no}' already exists.")  # verify
        day: date = m["DocDate"]
        first, last = self.fiscal()
        if not first <= day <= last:
            raise BookRefusal(f"Document date {day:%d/%m/%Y} is not within any fiscal year. "
                              "Please create the fiscal year first.")  # verify
        if (day.year, day.month) in self.locked_months:
            # the one verified text (autocount-2.md §4, AutoCount wiki Troubleshooting page)
            raise BookRefusal(f"Transaction date {day:%d/%m/%Y} is locked, you can unlock it "
                              "from Tools | Manage Fiscal Year | Manage Period Lock.")
        if not self._exists("Debtor", "AccNo", m.get("DebtorCode")):
            raise BookRefusal(f"Debtor Code '{m.get('DebtorCode')}' not found.")  # verify
        term = m.get("DisplayTerm")
        if term and not self._exists("Terms", "DisplayTerm", term):
            raise BookRefusal(f"Credit Term '{term}' not found.")  # verify
        loc = m.get("SalesLocation")
        if loc and not self._exists("Location", "Location", loc):
            raise BookRefusal(f"Location '{loc}' not found.")  # verify
        pay = m.get("PaymentMethod")
        if pay and not self._exists("PaymentMethod", "PaymentMethod", pay):
            raise BookRefusal(f"Payment Method '{pay}' not found.")  # verify

    def _check_detail(self, doc_type: str, i: int, d: dict[str, Any],
                      m: dict[str, Any]) -> dict[str, Any]:
        code = d.get("ItemCode") or None
        if code and not self._exists("Item", "ItemCode", code):
            raise BookRefusal(f"Item Code '{code}' not found.")  # verify
        tax_code = d.get("TaxCode") or None
        rate = ZERO
        if tax_code:
            row = self.db.execute("SELECT TaxRate FROM TaxCode WHERE TaxCode=?",
                                  (tax_code,)).fetchone()
            if row is None:
                raise BookRefusal(f"Tax Code '{tax_code}' not found.")  # verify
            rate = Decimal(row["TaxRate"])
        loc = d.get("Location") or m.get("SalesLocation") or "HQ"
        if not self._exists("Location", "Location", loc):
            raise BookRefusal(f"Location '{loc}' not found.")  # verify
        qty = Decimal(d.get("Qty") if d.get("Qty") is not None else 1)
        if doc_type == "CN" and qty <= 0:
            raise BookRefusal("Qty must be a positive number.")  # verify
        price = Decimal(d.get("UnitPrice") or 0)
        discount = d.get("Discount") or ""
        amount, tax = line_totals(qty, price, discount, rate, bool(m.get("InclusiveTax")))
        gross = qty * price
        return {
            "ItemCode": code, "Description": d.get("Description") or "", "Location": loc,
            "UOM": d.get("UOM") or "UNIT", "Qty": qty, "UnitPrice": price,
            "Discount": discount, "DiscountAmt": round2(gross) - amount if discount else ZERO,
            "TaxCode": tax_code, "Tax": tax, "_amount": amount,
            "SubTotal": amount if m.get("InclusiveTax") else amount + tax,
            "AccNo": d.get("AccNo") or None,
            "GoodsReturn": bool(d.get("GoodsReturn", doc_type == "CN")),
        }

    def _move_stock(self, doc_type: str, row: dict[str, Any], direction: int) -> None:
        sign = STOCK_SIGN[doc_type]
        code = row["ItemCode"]
        if not sign or not code or code.upper() not in self.stock_items:
            return
        if doc_type == "CN" and row["GoodsReturn"] not in (True, "T"):
            return  # a price-only credit moves no stock (autocount-2.md §5)
        qty = Decimal(str(row["Qty"])) * sign * direction
        key = (code, row["UOM"], row["Location"])
        have = self.db.execute("SELECT BalQty FROM ItemBalQty WHERE ItemCode=? AND UOM=? "
                               "AND Location=?", key).fetchone()
        if have is None:
            self.db.execute("INSERT INTO ItemBalQty VALUES (?,?,?,?)", (*key, str(qty)))
        else:
            self.db.execute("UPDATE ItemBalQty SET BalQty=? WHERE ItemCode=? AND UOM=? AND "
                            "Location=?", (str(Decimal(have["BalQty"]) + qty), *key))

    def cancel(self, doc_type: str, doc_no: str) -> bool:
        """``CancelDocument``: False (no exception) when missing, already cancelled or in a
        locked month (autocount-2.md §4); else Cancelled='T' and the stock put back."""
        with self._lock:
            row = self.db.execute(f"SELECT * FROM {doc_type} WHERE DocNo=?",
                                  (doc_no,)).fetchone()
            if row is None or row["Cancelled"] == "T":
                return False
            day = date.fromisoformat(row["DocDate"])
            if (day.year, day.month) in self.locked_months:
                return False
            self.db.execute("BEGIN")
            self.db.execute(f"UPDATE {doc_type} SET Cancelled='T' WHERE DocKey=?",
                            (row["DocKey"],))
            for d in self.db.execute(f"SELECT * FROM {doc_type}DTL WHERE DocKey=?",
                                     (row["DocKey"],)).fetchall():
                self._move_stock(doc_type, dict(d), -1)
            if doc_type in ("IV", "CS"):
                self.db.execute("UPDATE ARInvoice SET Outstanding='0' WHERE DocKey=?",
                                (row["ReferDocKey"],))
            self.db.execute("COMMIT")
            return True

    def knock_off(self, cn_doc_no: str, doc_type: str, doc_no: str, amount: Decimal) -> bool:
        """``ARCN.KnockOff("RI", invoice, amount)``: False, silently, when the invoice has no
        A/R record or the amount is more than it owes (autocount-2.md §5)."""
        with self._lock:
            row = self.db.execute("SELECT DocKey, Outstanding FROM ARInvoice WHERE DocNo=?",
                                  (doc_no,)).fetchone()
            if doc_type != "RI" or row is None or amount > Decimal(row["Outstanding"]):
                return False
            self.db.execute("BEGIN")
            self.db.execute("UPDATE ARInvoice SET Outstanding=? WHERE DocKey=?",
                            (str(Decimal(row["Outstanding"]) - amount), row["DocKey"]))
            self.db.execute("INSERT INTO ARCNKnockOff VALUES (?,?,?,?)",
                            (cn_doc_no, doc_type, doc_no, str(amount)))
            self.db.execute("COMMIT")
            return True

    def close(self) -> None:
        self.db.close()


def _s(value: Any) -> str | None:
    return None if value is None else str(value)
