"""A fake of the small part of AutoCount Accounting 2.x's .NET assemblies ecdesk drives.

Shaped like the real classes as public integrations call them (reference/autocount.md §2.1,
autocount-2.md §5; the names below are the ones :mod:`ecdesk.sync.autocount.desktop` looks
up in the assemblies): ``DBSetting``, ``UserSession.Login``, ``Startup.SubProjectStartup``,
``XxxCommand.Create(session, db)`` -> ``AddNew()`` / ``GetDocKeyByDocNo`` /
``CancelDocument(docNo, userId)``, document ``AddDetail()`` + ``Save()``, the cash sale's
``CashSalePayment.ARPayment.NewDetail()``, ``ARCNDataAccess.GetARCN(...).KnockOff("RI", ...)``,
``StockBalanceHelper(session){Criteria}.Inquire(date)`` -> ``ResultTable`` and
``DBSetting.GetDataTable(sql, False, *params)``. It writes into a :class:`FakeBook` and
refuses what that book refuses (AutoCount's ``AppException`` with the message), plus a
failed login and an account book without the API licence.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from ecdesk.sandbox.autocount_book import BookRefusal, FakeBook

LICENCE_TEXT = ("This account book is not registered with the API module. Please contact your "
                "AutoCount dealer.")  # verify: the real text was not found in public material


class AppException(Exception):
    """``AutoCount.AppException``: what AutoCount throws on a refusal; ``Message`` is its text."""

    @property
    def Message(self) -> str:  # noqa: N802 - .NET property name
        return str(self)


class DataTable:
    """``System.Data.DataTable`` as pythonnet shows it: ``Columns[i].ColumnName``, ``Rows``."""

    def __init__(self, rows: list[dict[str, Any]], columns: list[str] | None = None) -> None:
        names = columns if columns is not None else (list(rows[0]) if rows else [])
        self.Columns = [SimpleNamespace(ColumnName=n) for n in names]
        self.Rows = rows


class DBSetting:
    """``AutoCount.Data.DBSetting(DBServerType.SQL2000, server, [sqlUser, sqlPwd,] dbName)``."""

    def __init__(self, fake: FakeAssemblies, server_type: str, server: str, *rest: str) -> None:
        self._fake = fake
        self.ServerName = server
        self.DBName = rest[-1] if rest else ""

    def GetDataTable(self, sql: str, fill_schema: bool, *params: Any) -> DataTable:  # noqa: N802
        book = self._fake.open_book(self.ServerName, self.DBName)
        return DataTable(book.query(sql, params))


class UserSession:
    def __init__(self, fake: FakeAssemblies, db: DBSetting) -> None:
        self._fake = fake
        self.DBSetting = db
        self.LoginUserID = ""
        self.IsLogin = False

    def Login(self, user: str, password: str) -> bool:  # noqa: N802
        self._fake.open_book(self.DBSetting.ServerName, self.DBSetting.DBName)
        if self._fake.users.get(user.upper()) != password:
            return False
        self.LoginUserID = user.upper()
        self.IsLogin = True
        return True


class Startup:
    def __init__(self, fake: FakeAssemblies) -> None:
        self._fake = fake

    def SubProjectStartup(self, session: UserSession, option: Any = None) -> None:  # noqa: N802
        if not self._fake.licensed:
            raise AppException(LICENCE_TEXT)


@dataclass
class Detail:
    """``InvoiceDetail`` and friends: the columns ecdesk sets."""

    ItemCode: str | None = None
    Description: str = ""
    Location: str | None = None
    UOM: str | None = None
    Qty: Decimal = Decimal(1)
    UnitPrice: Decimal = Decimal(0)
    Discount: str = ""
    TaxCode: str | None = None
    AccNo: str | None = None
    GoodsReturn: bool = True  # CN only; AutoCount's default is 'T' (autocount-2.md §5)


@dataclass
class PaymentDetail:
    PaymentMethod: str = ""
    PaymentAmt: Decimal = Decimal(0)


@dataclass
class Document:
    """A new sales document: master columns, ``AddDetail()``, ``Save()``."""

    _command: FakeCommand
    DocNo: str = "<<New>>"
    DocDate: date | None = None
    DebtorCode: str = ""
    DebtorName: str = ""
    DisplayTerm: str = ""
    SalesLocation: str = ""
    Ref: str = ""
    RefDocNo: str = ""
    Description: str = ""
    InclusiveTax: bool = False
    OurInvoiceNo: str = ""
    Reason: str = ""
    CNType: str = ""
    DocKey: int = -1
    ReferDocKey: int = -1
    NetTotal: Decimal | None = None
    details: list[Detail] = field(default_factory=list)
    payments: list[PaymentDetail] = field(default_factory=list)

    def AddDetail(self) -> Detail:  # noqa: N802
        detail = Detail(GoodsReturn=self._command.doc_type == "CN")
        self.details.append(detail)
        return detail

    @property
    def CashSalePayment(self) -> Any:  # noqa: N802
        if self._command.doc_type != "CS":
            raise AttributeError("CashSalePayment")
        return SimpleNamespace(ARPayment=SimpleNamespace(NewDetail=self._new_payment))

    def _new_payment(self) -> PaymentDetail:
        payment = PaymentDetail()
        self.payments.append(payment)
        return payment

    def Save(self) -> None:  # noqa: N802
        master = {
            "DocNo": self.DocNo, "DocDate": _as_date(self.DocDate),
            "DebtorCode": self.DebtorCode, "DebtorName": self.DebtorName,
            "DisplayTerm": self.DisplayTerm, "SalesLocation": self.SalesLocation,
            "Ref": self.Ref, "RefDocNo": self.RefDocNo, "Description": self.Description,
            "InclusiveTax": self.InclusiveTax, "OurInvoiceNo": self.OurInvoiceNo,
            "CNType": self.CNType,
        }
        if self.payments:
            master["PaymentMethod"] = self.payments[0].PaymentMethod
            master["PaymentAmt"] = sum((p.PaymentAmt for p in self.payments), Decimal(0))
        details = [{k: getattr(d, k) for k in Detail.__dataclass_fields__}
                   for d in self.details]
        book = self._command.book()
        before = self._command.fake.before_save
        if before is not None:
            before(self)
        try:
            key, doc_no = book.save(self._command.doc_type, master, details)
        except BookRefusal as exc:
            raise AppException(str(exc)) from None
        self.DocKey = self.ReferDocKey = key
        self.DocNo = doc_no
        self.NetTotal = Decimal(book.query(
            f"SELECT NetTotal FROM {self._command.doc_type} WHERE DocKey=?", (key,))[0]["NetTotal"])
        after = self._command.fake.after_save
        if after is not None:
            after(self)


class FakeCommand:
    """``XxxCommand`` for one document type."""

    def __init__(self, fake: FakeAssemblies, doc_type: str, session: UserSession) -> None:
        if not session.IsLogin:
            raise AppException("User is not logged in.")  # verify
        self.fake = fake
        self.doc_type = doc_type
        self.session = session

    def book(self) -> FakeBook:
        db = self.session.DBSetting
        return self.fake.open_book(db.ServerName, db.DBName)

    def AddNew(self) -> Document:  # noqa: N802
        return Document(self)

    def GetDocKeyByDocNo(self, doc_no: str) -> int:  # noqa: N802
        rows = self.book().query(f"SELECT DocKey FROM {self.doc_type} WHERE DocNo=?", (doc_no,))
        return int(rows[0]["DocKey"]) if rows else -1

    def CancelDocument(self, doc_no: str, user_id: str = "") -> bool:  # noqa: N802
        return self.book().cancel(self.doc_type, doc_no)


def _command_class(fake: FakeAssemblies, doc_type: str) -> Any:
    return SimpleNamespace(Create=lambda session, db: FakeCommand(fake, doc_type, session))


class ARCN:
    def __init__(self, book: FakeBook, doc_no: str) -> None:
        self._book = book
        self.DocNo = doc_no
        self._pending: list[tuple[str, str, Decimal]] = []

    def KnockOff(self, doc_type: str, doc_no: str, amount: Decimal) -> bool:  # noqa: N802
        rows = self._book.query("SELECT Outstanding FROM ARInvoice WHERE DocNo=?", (doc_no,))
        if doc_type != "RI" or not rows or amount > Decimal(rows[0]["Outstanding"]):
            return False
        self._pending.append((doc_type, doc_no, amount))
        return True


class ARCNDataAccess:
    def __init__(self, fake: FakeAssemblies, session: UserSession) -> None:
        self._fake = fake
        self._session = session

    def _book(self) -> FakeBook:
        db = self._session.DBSetting
        return self._fake.open_book(db.ServerName, db.DBName)

    def GetARCN(self, doc_key: int) -> ARCN:  # noqa: N802
        rows = self._book().query("SELECT DocNo FROM CN WHERE DocKey=?", (doc_key,))
        if not rows:
            raise AppException(f"A/R Credit Note (DocKey={doc_key}) not found.")  # verify
        return ARCN(self._book(), rows[0]["DocNo"])

    def SaveARCN(self, arcn: ARCN, user_id: str) -> None:  # noqa: N802
        for doc_type, doc_no, amount in arcn._pending:
            self._book().knock_off(arcn.DocNo, doc_type, doc_no, amount)
        arcn._pending.clear()


class StockBalanceHelper:
    """``new StockBalanceHelper(session){ Criteria = ... }; Inquire(date); ResultTable``.
    The result columns per location are [U] (autocount-2.md §5): the fake answers
    ``ItemCode``, ``Location``, ``UOM``, ``BalQty`` and the route probes for alternatives."""

    def __init__(self, fake: FakeAssemblies, session: UserSession) -> None:
        self._fake = fake
        self._session = session
        self.Criteria: Any = None
        self.ResultTable: DataTable | None = None

    def Inquire(self, on: Any) -> None:  # noqa: N802
        if not self._fake.stock_helper_works:
            raise AppException("Object reference not set to an instance of an object.")
        db = self._session.DBSetting
        book = self._fake.open_book(db.ServerName, db.DBName)
        self.ResultTable = DataTable(book.query(
            "SELECT ItemCode, Location, UOM, BalQty FROM ItemBalQty ORDER BY ItemCode, Location"))


class FakeAssemblies:
    """The assemblies of one PC: which SQL servers and books exist, users, the licence."""

    DOC_TYPES = {"SalesOrder": "SO", "DeliveryOrder": "DO", "Invoice": "IV", "CashSale": "CS",
                 "CreditNote": "CN"}

    def __init__(self, book: FakeBook | None = None, *, server: str = r".\A2006",
                 database: str = "AED_DEMO", users: dict[str, str] | None = None,
                 licensed: bool = True) -> None:
        self.books = {(server.upper(), database.upper()): book or FakeBook()}
        self.users = {k.upper(): v for k, v in (users or {"ADMIN": "admin"}).items()}
        self.licensed = licensed
        self.stock_helper_works = True
        self.before_save: Any = None  # test hooks around Document.Save
        self.after_save: Any = None
        self.DBServerType = SimpleNamespace(SQL2000="SQL2000")
        self.StartupPlugInOption = SimpleNamespace(NoLoad="NoLoad")
        self.commands = {name: _command_class(self, t) for name, t in self.DOC_TYPES.items()}
        self.ARCNDataAccess = SimpleNamespace(
            Create=lambda session, db: ARCNDataAccess(self, session))

    @property
    def book(self) -> FakeBook:
        return next(iter(self.books.values()))

    def open_book(self, server: str, database: str) -> FakeBook:
        book = self.books.get((server.upper(), database.upper()))
        if book is None:
            raise AppException(  # verify: SQL Server's own words reach the caller
                f"Cannot open database \"{database}\" requested by the login. "
                f"The login failed. (server {server})")
        return book

    # constructors shaped like the .NET ones
    def DBSetting(self, server_type: str, server: str, *rest: str) -> DBSetting:  # noqa: N802
        return DBSetting(self, server_type, server, *rest)

    def UserSession(self, db: DBSetting) -> UserSession:  # noqa: N802
        return UserSession(self, db)

    def Startup(self) -> Startup:  # noqa: N802
        return Startup(self)

    def StockBalanceHelper(self, session: UserSession) -> StockBalanceHelper:  # noqa: N802
        return StockBalanceHelper(self, session)

    def StockBalanceCriteria(self, db: DBSetting) -> Any:  # noqa: N802
        return SimpleNamespace(FromDate=None, ActiveItem=True, InactiveItem=True,
                               UOMOption=None, ZeroBalanceOption=None)

    # value conversions (pythonnet needs System.Decimal / System.DateTime; the fake does not)
    @staticmethod
    def to_decimal(value: Decimal) -> Decimal:
        return value

    @staticmethod
    def to_date(value: date) -> date:
        return value

    AppException = AppException


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise AppException("Document date is required.")  # verify


_SHARED: FakeAssemblies | None = None


#: a file for the fake book, so the window and its sync process post into one book (the demo)
FAKE_BOOK_ENV = "ECDESK_FAKE_BOOK"


def shared_assemblies() -> FakeAssemblies:
    """One fake per process: what ``assemblies=sandbox`` in the desktop settings loads, so
    ``make demo`` and the CLI can show the desktop route without AutoCount. Its book is in
    memory, or in the SQLite file ``$ECDESK_FAKE_BOOK`` that processes share."""
    global _SHARED
    if _SHARED is None:
        path = os.environ.get(FAKE_BOOK_ENV)
        _SHARED = FakeAssemblies(FakeBook(path) if path else None)
    return _SHARED
