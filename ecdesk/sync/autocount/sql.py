"""Read-only look-ups in AutoCount Accounting 2.x's own SQL Server database.

A SQLAlchemy URL (``sql_url``, e.g. ``mssql+pyodbc://user@SERVER\\A2006/AED_BOOK?driver=ODBC+
Driver+17+for+SQL+Server``; the password from the keyring as ``sql_password``; pyodbc is the
optional extra ``pip install ecdesk[autocount-sql]``) lets ecdesk read stock balances
(``vItemBalQty``), find documents by DocNo or by ``Ref`` and list master data. ecdesk never
writes AutoCount's tables (reference/autocount.md §2.4: writes would bypass numbering, GL
posting and costing): every statement is a SELECT from :mod:`book_sql`, checked before it is
sent, in a transaction that is rolled back. Tested against SQLite views shaped like AutoCount's
(``ecdesk.sandbox.autocount_book``); SQL Server itself is verified only on a PC with AutoCount.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from ecdesk.domain import DocKind, PostedDocument
from ecdesk.sync.autocount import book_sql
from ecdesk.sync.autocount.base import StockBalance
from ecdesk.sync.connectors.base import ConfigError, CredentialStore
from ecdesk.sync.http import Unavailable


class SqlBook:
    """Read-only access to one AutoCount book's database."""

    def __init__(self, url: str, credentials: CredentialStore | None = None) -> None:
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ConfigError(f"'{url}' is not a database URL (for SQL Server: "
                              "mssql+pyodbc://USER@SERVER/DATABASE?driver=...).") from None
        password = credentials.get("sql_password") if credentials else None
        if password and parsed.password is None:
            parsed = parsed.set(password=password)
        self.url = parsed
        self._engine: Engine | None = None

    def engine(self) -> Engine:
        if self._engine is None:
            try:
                self._engine = create_engine(self.url, pool_pre_ping=True)
            except (NoSuchModuleError, ModuleNotFoundError, ImportError) as exc:
                raise ConfigError(
                    f"The SQL connection needs a driver that is not installed ({exc}); for "
                    "SQL Server run `pip install ecdesk[autocount-sql]`.") from None
        return self._engine

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """One SELECT; anything else is refused before it reaches the database."""
        if not sql.lstrip().upper().startswith("SELECT") or ";" in sql:
            raise PermissionError("ecdesk only reads AutoCount's database")
        try:
            with self.engine().connect() as conn:
                try:
                    rows = conn.exec_driver_sql(sql, tuple(params)).mappings().all()
                    return [dict(r) for r in rows]
                finally:
                    conn.rollback()
        except DBAPIError as exc:
            raise Unavailable(
                f"AutoCount's database did not answer ({type(exc.orig).__name__}: "
                f"{str(exc.orig).splitlines()[0] if exc.orig else exc}). Check the SQL "
                "connection (sql_url) and that SQL Server is running.") from None

    def find(self, kind: DocKind, doc_no: str) -> PostedDocument | None:
        return book_sql.find_docs(self.query, kind, [doc_no]).get(doc_no)

    def find_many(self, kind: DocKind, doc_nos: Sequence[str]) -> dict[str, PostedDocument]:
        return book_sql.find_docs(self.query, kind, list(doc_nos))

    def find_by_ref(self, kind: DocKind, ref: str, debtor_code: str) -> PostedDocument | None:
        return book_sql.find_by_ref(self.query, kind, ref, debtor_code)

    def list_codes(self, kind: str) -> list[tuple[str, str]]:
        return book_sql.list_codes(self.query, kind)

    def stock_balances(self, location: str | None = None) -> list[StockBalance]:
        return book_sql.stock_balances(self.query, location)

    def test_connection(self) -> str:
        items = len(self.query("SELECT ItemCode FROM Item", []))
        return f"read-only SQL connection to {self.url.database} works ({items} item codes)"
