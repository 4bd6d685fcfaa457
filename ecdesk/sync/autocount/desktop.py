"""AutoCount Accounting 2.x on the clerk's PC: its own .NET assemblies driven through pythonnet.

Needs Windows, AutoCount installed, the book's API module licence and the optional extra
``pip install ecdesk[autocount-desktop]`` (pythonnet). Everything else runs everywhere: the
tests drive this route against :mod:`ecdesk.sandbox.autocount_desktop`, a fake of the same
small .NET surface. What only a real AutoCount can confirm is marked "verify" and listed in
the README ("verified only on a Windows PC with AutoCount").

Surface used (reference/autocount.md §2.1, autocount-2.md §4-§5; public integrations seen
through the code search, find_string ids in brackets):

- Session: ``AutoCount.Data.DBSetting(DBServerType.SQL2000, server, database)`` (or with a SQL
  login: ``server, sqlUser, sqlPassword, database``) -> ``AutoCount.Authentication.
  UserSession(db)`` -> ``AutoCount.MainEntry.Startup().SubProjectStartup(session,
  StartupPlugInOption.NoLoad)`` -> ``session.Login(user, password)`` -> bool [54871068773,
  67590907427, 9669263697; wiki "Initiate UserSession and DBSetting"].
- Documents: ``AutoCount.Invoicing.Sales.<Type>.<Type>Command.Create(session,
  session.DBSetting)`` -> ``AddNew()`` -> master (``DocNo`` ``"<<New>>"`` = the book's running
  number, ``DocDate``, ``DebtorCode``, ``Ref``...) -> ``AddDetail()`` per line -> ``Save()``;
  refusals throw ``AutoCount.AppException`` [62669091205, 62581939918, 38053278621; wiki
  Programmer:Sales_Invoice_v2]. ``GetDocKeyByDocNo`` [45385035361].
  ``CancelDocument(docNo, userId)`` -> bool, False when locked or already cancelled
  [autocount-2.md §5]. Types: SalesOrder, DeliveryOrder, Invoice, CashSale, CreditNote
  (namespaces listed in the AutoCount2.Sales NuGet readme).
- Cash sale payment: ``CashSalePayment.ARPayment.NewDetail()`` with ``PaymentMethod`` and
  ``PaymentAmt`` [38053278621; wiki Programmer:Cash_Sale_with_Payment; verify].
- Credit note: ``GoodsReturn`` per line ('T' by default posts a stock-in; False for a
  price-only credit), ``OurInvoiceNo``; knock-off after ``Save()``:
  ``AutoCount.ARAP.ARCN.ARCNDataAccess.Create(session, db).GetARCN(cn.ReferDocKey)
  .KnockOff("RI", invoiceNo, amount)`` then ``SaveARCN(arcn, session.LoginUserID)``, capped at
  the invoice's outstanding [autocount-2.md §5].
- Stock: ``AutoCount.Stock.StockBalance.StockBalanceHelper(session){Criteria =
  StockBalanceCriteria(db)}.Inquire(date)`` -> ``ResultTable`` (columns probed: the per-
  location ones are [U]); otherwise the read-only view ``vItemBalQty`` [autocount-2.md §5].
- Look-ups and master data: read-only SELECTs through ``DBSetting.GetDataTable(sql, False,
  params)`` (:mod:`book_sql`; the method name is an assumption: verify).

Refusals become :class:`Rejected` (the order is held with AutoCount's words and what to do);
a failed login or a missing licence, pythonnet or assemblies is a :class:`ConfigError` /
:class:`AuthError` naming the missing piece; any other failure during ``Save()`` may have
saved the document and raises ``MaybeApplied`` (looked up by DocNo or ref before any
re-post, docs/decisions.md §2).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from ecdesk.domain import DocKind, DocumentDraft, PostedDocument
from ecdesk.sync.autocount import book_sql
from ecdesk.sync.autocount.base import (
    AutoCountConfig,
    AutoCountRoute,
    Rejected,
    StockBalance,
)
from ecdesk.sync.connectors.base import ConfigError, CredentialStore
from ecdesk.sync.http import ApiError, AuthError, MaybeApplied

log = logging.getLogger(__name__)

MAX_DOC_NO = 20  # desktop DocNo nvarchar(20) (wiki Programmer:Cash_Sale_with_Payment)
NEW = "<<New>>"  # AutoCount's "next running number" (autocount.md §3.2)
DEFAULT_FOLDER = r"C:\Program Files\AutoCount\Accounting 2.2"  # verify per install
SANDBOX = "sandbox"  # assemblies=sandbox: the fake of ecdesk.sandbox (demo and tests)

COMMAND = {
    DocKind.SALES_ORDER: "SalesOrder", DocKind.DELIVERY_ORDER: "DeliveryOrder",
    DocKind.INVOICE: "Invoice", DocKind.CASH_SALE: "CashSale",
    DocKind.CREDIT_NOTE: "CreditNote",
}
LABELS = {
    DocKind.SALES_ORDER: "sales order", DocKind.DELIVERY_ORDER: "delivery order",
    DocKind.INVOICE: "invoice", DocKind.CASH_SALE: "cash sale",
    DocKind.CREDIT_NOTE: "credit note",
}
#: Assemblies pythonnet loads (AutoCount2.* NuGet package names; verify on an install).
ASSEMBLIES = ("AutoCount.MainEntry", "AutoCount.Accounting", "AutoCount.Invoicing",
              "AutoCount.Invoicing.Sales", "AutoCount.Stock", "AutoCount.ARAP")
PIP_HINT = "pip install ecdesk[autocount-desktop]"

#: (words in AutoCount's refusal, what the clerk does about it). Only the period-lock text is
#: verified (autocount-2.md §4); the others match the likely wording loosely and only add a
#: hint: AutoCount's own message is always shown.
HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("is locked",), "The month is locked in AutoCount: unlock it under Tools > Manage "
                     "Fiscal Year > Manage Period Lock, then press Retry."),
    (("fiscal year",), "Create the fiscal year in AutoCount (Tools > Manage Fiscal Year > "
                       "New Next Fiscal Year), then press Retry."),
    (("item",), "Map the store's SKU to an item code that exists in AutoCount (Mapping > "
                "Items), then press Retry."),
    (("debtor",), "Set a debtor code that exists in AutoCount (Integration > AutoCount, "
                  "debtor_code), then press Retry."),
    (("tax",), "Map the tax rate to a tax code that exists in AutoCount (Mapping > Tax), "
               "then press Retry."),
    (("payment method",), "Map the payment to a payment method that exists in AutoCount "
                          "(Mapping > Payments), then press Retry."),
    (("location",), "Set a location that exists in AutoCount (sales_location), then press "
                    "Retry."),
    (("credit term",), "Set the credit term exactly as AutoCount spells it (credit_term), "
                       "then press Retry."),
    (("maximum length", "too long"), "Give the store a shorter document prefix (AutoCount "
                                     "desktop numbers are at most 20 characters)."),
)


class MissingPiece(ConfigError):
    """The desktop route cannot start: pythonnet, the assemblies, the licence or a login."""


def hint_for(message: str) -> str:
    text = message.lower()
    for words, hint in HINTS:
        if any(w in text for w in words):
            return hint
    return ""


def error_text(exc: BaseException) -> str:
    """AutoCount's words from a .NET exception (``Message``) or a Python one."""
    message = getattr(exc, "Message", None)
    return str(message if message else exc).strip() or type(exc).__name__


def load_assemblies(folder: str | None) -> Any:
    """AutoCount's .NET surface through pythonnet, shaped like the sandbox fake; or the fake
    itself when ``folder`` is ``sandbox``. Raises :class:`MissingPiece` naming what is
    missing."""
    if (folder or "").strip().lower() == SANDBOX:
        from ecdesk.sandbox.autocount_desktop import shared_assemblies

        return shared_assemblies()
    folder = folder or DEFAULT_FOLDER
    try:
        import pythonnet  # noqa: F401
    except ImportError:
        raise MissingPiece(
            "The desktop route needs pythonnet, which is not installed: run "
            f"`{PIP_HINT}` on this PC (Windows, next to AutoCount).") from None
    if not (Path(folder) / "AutoCount.MainEntry.dll").is_file():
        raise MissingPiece(
            f"AutoCount's program files were not found in '{folder}'. Install AutoCount "
            "Accounting 2.x on this PC, or set the folder that holds AutoCount.MainEntry.dll: "
            "`ecdesk autocount set --route desktop --set assemblies=FOLDER`.")
    return _DotNet(folder)  # pragma: no cover - Windows with AutoCount only


class _DotNet:  # pragma: no cover - needs Windows, .NET Framework and AutoCount (verify)
    """The real assemblies under the names the fake uses."""

    def __init__(self, folder: str) -> None:
        from pythonnet import load

        try:
            load("netfx")
        except RuntimeError:
            pass  # already loaded
        import clr  # type: ignore[import-not-found]

        sys.path.append(folder)
        os.environ["PATH"] = folder + os.pathsep + os.environ.get("PATH", "")
        for name in ASSEMBLIES:
            clr.AddReference(name)
        import AutoCount  # type: ignore[import-not-found]
        import AutoCount.ARAP.ARCN as arcn  # type: ignore[import-not-found]
        import AutoCount.Authentication as auth  # type: ignore[import-not-found]
        import AutoCount.Data as data  # type: ignore[import-not-found]
        import AutoCount.Invoicing.Sales as sales  # type: ignore[import-not-found]
        import AutoCount.MainEntry as main  # type: ignore[import-not-found]
        import AutoCount.Stock.StockBalance as sb  # type: ignore[import-not-found]
        import System  # type: ignore[import-not-found]

        self._system = System
        self.DBServerType = data.DBServerType
        self.DBSetting = data.DBSetting
        self.UserSession = auth.UserSession
        self.Startup = main.Startup
        self.StartupPlugInOption = main.StartupPlugInOption
        self.commands = {name: getattr(getattr(sales, name), f"{name}Command")
                         for name in COMMAND.values()}
        self.ARCNDataAccess = arcn.ARCNDataAccess
        self.StockBalanceHelper = sb.StockBalanceHelper
        self.StockBalanceCriteria = sb.StockBalanceCriteria
        self.AppException = AutoCount.AppException

    def to_decimal(self, value: Decimal) -> Any:
        return self._system.Decimal.Parse(
            str(value), self._system.Globalization.CultureInfo.InvariantCulture)

    def to_date(self, value: date) -> Any:
        return self._system.DateTime(value.year, value.month, value.day)


def rows_of(table: Any) -> list[dict[str, Any]]:
    """A ``DataTable`` (real or fake) as a list of dicts."""
    names = [c.ColumnName for c in table.Columns]
    return [{n: _py(row[n]) for n in names} for row in table.Rows]


def _py(value: Any) -> Any:
    """.NET values as Python ones: DBNull -> None, System.Decimal -> Decimal."""
    if value is None or type(value).__name__ == "DBNull":
        return None
    if type(value).__name__ == "Decimal" and not isinstance(value, Decimal):
        return Decimal(str(value))
    return value


class DesktopRoute(AutoCountRoute):
    """Posts and finds documents in one AutoCount Accounting 2.x book on this PC or LAN."""

    name: ClassVar[str] = "desktop"
    max_doc_no: ClassVar[int] = MAX_DOC_NO
    supports: ClassVar[frozenset[DocKind]] = frozenset(COMMAND)

    def __init__(self, config: AutoCountConfig, credentials: CredentialStore, http: Any = None,
                 *, assemblies: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(config, credentials, http)
        self._asm = assemblies
        self._session: Any = None
        self.today = today

    # --- session ------------------------------------------------------------------------
    def _setting(self, key: str) -> str:
        value = (self.config.settings.get(key) or "").strip()
        if not value:
            raise MissingPiece(
                f"The desktop route has no '{key}' set: `ecdesk autocount set --route desktop "
                f"--set {key}=...` (server, database and user of the AutoCount book).")
        return value

    def assemblies(self) -> Any:
        if self._asm is None:
            self._asm = load_assemblies(self.config.settings.get("assemblies"))
        return self._asm

    def session(self) -> Any:
        """The logged-in ``UserSession`` (opened once, on first use)."""
        if self._session is not None:
            return self._session
        server, database, user = (self._setting(k) for k in ("server", "database", "user"))
        password = self.credentials.get("password")
        if not password:
            raise MissingPiece(
                "The AutoCount user's password is not in the keyring: run `ecdesk secret set "
                "autocount password` (or save it in Integration > AutoCount).")
        asm = self.assemblies()
        sql_user = (self.config.settings.get("sql_user") or "").strip()
        try:
            if sql_user:
                db = asm.DBSetting(asm.DBServerType.SQL2000, server, sql_user,
                                   self.credentials.get("sql_password") or "", database)
            else:
                db = asm.DBSetting(asm.DBServerType.SQL2000, server, database)
            session = asm.UserSession(db)
            asm.Startup().SubProjectStartup(session, asm.StartupPlugInOption.NoLoad)
            ok = session.Login(user, password)
        except Exception as exc:  # noqa: BLE001 - .NET exceptions have no common Python base
            text = error_text(exc)
            if "licen" in text.lower() or "api module" in text.lower():
                raise MissingPiece(
                    f"AutoCount refused the API for book {database}: {text} The account book "
                    "needs AutoCount's API module licence (ask the AutoCount dealer), or use "
                    "`--route import-file`.") from None
            raise MissingPiece(
                f"Could not open AutoCount book {database} on {server}: {text} Check the "
                "server and database names in Integration > AutoCount.") from None
        if not ok:
            raise AuthError(
                f"AutoCount refused the login of user {user} to book {database}. Check the user "
                f"name, then save the password again with `ecdesk secret set "
                f"{self.config.owner} password`.")
        self._session = session
        return session

    def _command(self, kind: DocKind) -> Any:
        session = self.session()
        return self.assemblies().commands[COMMAND[kind]].Create(session, session.DBSetting)

    def query(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        """A read-only SELECT through the session's connection."""
        return rows_of(self.session().DBSetting.GetDataTable(sql, False, *params))

    # --- create -------------------------------------------------------------------------
    def create(self, draft: DocumentDraft) -> PostedDocument:
        asm = self.assemblies()
        label = describe(draft)
        cmd = self._command(draft.kind)
        doc = cmd.AddNew()
        fill(doc, draft, asm)
        try:
            doc.Save()
        except Exception as exc:  # noqa: BLE001
            if not isinstance(exc, asm.AppException):
                # not a refusal: the save may have gone through (connection lost...)
                raise MaybeApplied(
                    f"AutoCount did not finish saving {label} ({error_text(exc)}); it will be "
                    "looked up before anything is posted again.") from None
            return self._after_refusal(draft, error_text(exc), label)
        doc_no = str(doc.DocNo)
        found = None
        try:
            found = self.find(draft.kind, doc_no)
        except Exception as exc:  # noqa: BLE001 - saved for sure: never look "not posted"
            log.warning("saved %s %s but could not read it back: %s", label, doc_no, exc)
        if draft.kind is DocKind.CREDIT_NOTE and draft.our_invoice_no:
            self._knock_off(doc, draft, found.total if found and found.total else draft.total)
        return found or PostedDocument(draft.kind, doc_no, draft.ref)

    def _after_refusal(self, draft: DocumentDraft, message: str, label: str) -> PostedDocument:
        """Tell "ours, saved before" from a real DocNo clash by asking AutoCount, never by
        parsing its words; any other refusal is held with its words and a hint."""
        text = f"AutoCount refused {label}: {message}"
        if draft.doc_no:
            existing = self.find(draft.kind, draft.doc_no)
            if existing is not None and existing.ref == draft.ref:
                log.info("%s already in AutoCount with this order's ref", label)
                return existing
            if existing is not None:
                raise Rejected(
                    f"{text}. AutoCount already holds {LABELS[draft.kind]} {existing.doc_no} "
                    f"for another reference ('{existing.ref}'): give this store a different "
                    "document prefix, then press Retry.")
        hint = hint_for(message)
        raise Rejected(f"{text} {hint}".strip() if hint else text)

    def _knock_off(self, doc: Any, draft: DocumentDraft, amount: Decimal) -> None:
        """Settle the credited invoice with the credit note, up to what it still owes."""
        owed = book_sql.outstanding(self.query, draft.our_invoice_no)
        if owed is None:
            log.warning("credit note %s: invoice %s has no A/R record to knock off", doc.DocNo,
                        draft.our_invoice_no)
            return
        doc_type, balance = owed
        amount = min(amount, balance)
        if amount <= 0:
            return
        asm = self.assemblies()
        session = self.session()
        try:
            da = asm.ARCNDataAccess.Create(session, session.DBSetting)
            arcn = da.GetARCN(doc.ReferDocKey)
            if arcn.KnockOff(doc_type, draft.our_invoice_no, asm.to_decimal(amount)):
                da.SaveARCN(arcn, session.LoginUserID)
            else:
                log.warning("AutoCount would not knock %s off invoice %s", doc.DocNo,
                            draft.our_invoice_no)
        except Exception as exc:  # noqa: BLE001 - the note is saved; knock-off is by hand
            log.warning("credit note %s saved; knock-off of %s failed: %s", doc.DocNo,
                        draft.our_invoice_no, error_text(exc))

    # --- find ---------------------------------------------------------------------------
    def find(self, kind: DocKind, doc_no: str) -> PostedDocument | None:
        return book_sql.find_docs(self.query, kind, [doc_no]).get(doc_no)

    def find_many(self, kind: DocKind, doc_nos: Any) -> dict[str, PostedDocument]:
        return book_sql.find_docs(self.query, kind, list(doc_nos))

    def find_by_ref(self, kind: DocKind, ref: str, debtor_code: str, created_from: date,
                    created_to: date) -> PostedDocument | None:
        return book_sql.find_by_ref(self.query, kind, ref, debtor_code)

    # --- other operations ---------------------------------------------------------------
    def cancel(self, kind: DocKind, doc_no: str) -> None:
        cmd = self._command(kind)
        try:
            done = cmd.CancelDocument(doc_no, self.session().LoginUserID)
        except Exception as exc:  # noqa: BLE001
            raise Rejected(f"AutoCount refused to cancel {LABELS[kind]} {doc_no}: "
                           f"{error_text(exc)}") from None
        if not done:
            raise Rejected(
                f"AutoCount did not cancel {LABELS[kind]} {doc_no}: it is not in the book, is "
                "already cancelled, or its month is locked (Tools > Manage Fiscal Year > "
                "Manage Period Lock).")

    def stock_balances(self, location: str | None = None) -> list[StockBalance]:
        """``StockBalanceHelper`` first; its per-location columns are unconfirmed, so a
        result without them (or any failure) falls back to the view ``vItemBalQty``."""
        try:
            rows = self._helper_rows()
        except ApiError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.info("StockBalanceHelper failed (%s); reading vItemBalQty", error_text(exc))
            rows = None
        if rows is None:
            return book_sql.stock_balances(self.query, location)
        wanted = (location or "").upper()
        return sorted((b for b in rows if not wanted or b.location.upper() == wanted),
                      key=lambda b: (b.item_code, b.location, b.uom))

    def _helper_rows(self) -> list[StockBalance] | None:
        asm = self.assemblies()
        session = self.session()
        helper = asm.StockBalanceHelper(session)
        criteria = asm.StockBalanceCriteria(session.DBSetting)
        criteria.FromDate = asm.to_date(self.today())
        criteria.ActiveItem = True
        criteria.InactiveItem = True
        helper.Criteria = criteria
        helper.Inquire(asm.to_date(self.today()))
        rows = rows_of(helper.ResultTable)
        if not rows:
            return []
        qty_col = next((c for c in ("BalQty", "SmallestBalQty", "BalanceQty", "Qty")
                        if c in rows[0]), None)
        if "ItemCode" not in rows[0] or "Location" not in rows[0] or qty_col is None:
            return None
        return [StockBalance(str(r["ItemCode"]), str(r["Location"] or ""),
                             str(r.get("UOM") or ""), Decimal(str(r[qty_col] or 0)))
                for r in rows]

    def list_codes(self, kind: str) -> list[tuple[str, str]]:
        return book_sql.list_codes(self.query, kind)

    def missing_pieces(self) -> list[str]:
        """Everything the route lacks before it can log in, each in one sentence."""
        missing = []
        for key in ("server", "database", "user"):
            if not (self.config.settings.get(key) or "").strip():
                missing.append(f"No '{key}' set: `ecdesk autocount set --route desktop --set "
                               f"{key}=...`.")
        if not self.credentials.get("password"):
            missing.append("The AutoCount user's password is not in the keyring: `ecdesk "
                           f"secret set {self.config.owner} password`.")
        if self._asm is None:
            try:
                self.assemblies()
            except MissingPiece as exc:
                missing.append(str(exc))
        return missing

    def test_connection(self) -> str:
        """Logs in and reads; else :class:`MissingPiece` naming every missing piece
        (pythonnet, the assemblies, settings, the keyring entry) or the refusal (licence,
        login)."""
        missing = self.missing_pieces()
        if missing:
            raise MissingPiece("The desktop route cannot be used yet:\n- " + "\n- ".join(missing))
        session = self.session()
        self.query("SELECT DocNo FROM IV WHERE 1 = 0", [])  # the read path works too
        return (f"Logged in to AutoCount book {self.config.settings.get('database')} on "
                f"{self.config.settings.get('server')} as {session.LoginUserID}")


# --- pure helpers -----------------------------------------------------------------------
def describe(draft: DocumentDraft) -> str:
    label = LABELS.get(draft.kind, str(draft.kind))
    return f"{label} {draft.doc_no}" if draft.doc_no else f"{label} for '{draft.ref}'"


def fill(doc: Any, draft: DocumentDraft, asm: Any) -> None:
    """Set a new AutoCount document's master and details from the draft."""
    doc.DocNo = draft.doc_no or NEW
    doc.DocDate = asm.to_date(draft.doc_date)
    doc.DebtorCode = draft.debtor_code
    doc.DebtorName = draft.debtor_name
    doc.DisplayTerm = draft.credit_term  # verify: the credit-term column's name on the doc
    doc.SalesLocation = draft.sales_location  # verify
    doc.Ref = draft.ref  # the text a clerk searches for (docs/decisions.md §2)
    if draft.description:
        doc.Description = draft.description
    doc.InclusiveTax = draft.inclusive_tax
    if draft.kind is DocKind.CREDIT_NOTE and draft.our_invoice_no:
        doc.OurInvoiceNo = draft.our_invoice_no
    for line in draft.lines:
        dtl = doc.AddDetail()
        if line.product_code:
            dtl.ItemCode = line.product_code
        dtl.Description = line.description
        dtl.Location = draft.sales_location
        if line.unit:
            dtl.UOM = line.unit
        dtl.Qty = asm.to_decimal(line.qty)
        dtl.UnitPrice = asm.to_decimal(line.unit_price)
        if line.discount:
            dtl.Discount = format(line.discount, "f")  # AutoCount's discount formula text
        if line.tax_code:
            dtl.TaxCode = line.tax_code
        if line.acc_no:
            dtl.AccNo = line.acc_no
        if draft.kind is DocKind.CREDIT_NOTE:
            # a returned item goes back into stock; a price-only line (no item) does not
            dtl.GoodsReturn = bool(line.product_code)
    if draft.kind is DocKind.CASH_SALE:
        payment = doc.CashSalePayment.ARPayment.NewDetail()
        payment.PaymentMethod = draft.payment_method
        amount = draft.total if draft.payment_amount is None else draft.payment_amount
        payment.PaymentAmt = asm.to_decimal(amount)
