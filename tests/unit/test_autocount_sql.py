"""The read-only SQL route against SQLite views shaped like AutoCount's tables
(ecdesk.sandbox.autocount_book): stock balances, look-ups by DocNo and by ref, master data;
it never writes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from ecdesk.domain import DocKind
from ecdesk.sandbox.autocount_book import FakeBook
from ecdesk.sandbox.seed import masterdata
from ecdesk.sync.autocount.base import AutoCountConfig, StockBalance
from ecdesk.sync.autocount.import_file import ImportFileRoute
from ecdesk.sync.autocount.sql import SqlBook
from ecdesk.sync.connectors.base import ConfigError
from ecdesk.sync.http import Unavailable

D = Decimal
T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC).timestamp()


@pytest.fixture
def book(tmp_path):
    b = FakeBook(str(tmp_path / "AED_DEMO.sqlite"), clock=lambda: T0)
    master = {"DocNo": "WB-1", "DocDate": date(2026, 11, 19), "DebtorCode": "300-C001",
              "Ref": "Custom 1", "SalesLocation": "HQ", "InclusiveTax": True}
    b.save("IV", master, [{"ItemCode": "TS-RED-M", "Qty": D(3), "UnitPrice": D("39.90")}])
    b.save("IV", {**master, "DocNo": "<<New>>", "Ref": "Custom 2"},
           [{"ItemCode": "TS-RED-S", "Qty": D(1), "UnitPrice": D("39.90")}])
    yield b
    b.close()


@pytest.fixture
def sql(book, tmp_path):
    return SqlBook(f"sqlite:///{tmp_path / 'AED_DEMO.sqlite'}")


def test_stock_from_vitembalqty_per_item_and_location(sql):
    balances = sql.stock_balances()
    assert StockBalance("TS-RED-M", "HQ", "UNIT", D(97)) in balances
    assert StockBalance("TS-RED-M", "WH-KL", "UNIT", D(20)) in balances
    assert {b.location for b in sql.stock_balances("WH-KL")} == {"WH-KL"}


def test_find_by_doc_no_and_by_ref(sql):
    assert sql.find(DocKind.INVOICE, "wb-1").total == D("119.70")
    assert sql.find(DocKind.INVOICE, "WB-9") is None
    assert set(sql.find_many(DocKind.INVOICE, ["WB-1", "IV-000002", "X"])) == {"WB-1",
                                                                            "IV-000002"}
    assert sql.find_by_ref(DocKind.INVOICE, "Custom 2", "300-C001").doc_no == "IV-000002"
    assert sql.find_by_ref(DocKind.CREDIT_NOTE, "Custom 2", "300-C001") is None


def test_master_data_matches_the_shared_seed(sql):
    md = masterdata()
    assert {c for c, _ in sql.list_codes("debtor")} == {d["code"] for d in md["debtors"]}
    assert [c for c, _ in sql.list_codes("location")] == sorted(md["locations"])
    assert "ok" not in sql.test_connection() and "item codes" in sql.test_connection()


def test_it_never_writes(sql, book):
    for statement in ("DELETE FROM IV", "UPDATE IV SET Ref='x'", "SELECT 1; DELETE FROM IV",
                      "INSERT INTO IV (DocNo) VALUES ('x')"):
        with pytest.raises(PermissionError):
            sql.query(statement)
    assert len(book.documents("IV")) == 2


def test_the_import_route_reads_through_sql(book, tmp_path, creds):
    route = ImportFileRoute(AutoCountConfig("import-file", settings={
        "path": str(tmp_path), "sql_url": f"sqlite:///{tmp_path / 'AED_DEMO.sqlite'}"}), creds)
    assert route.find(DocKind.INVOICE, "WB-1") is not None
    assert route.stock_balances("HQ")
    assert route.list_codes("item")
    assert "read-only SQL connection" in route.test_connection()


def test_bad_urls_and_dead_servers_are_named(tmp_path):
    with pytest.raises(ConfigError, match="not a database URL"):
        SqlBook("not a url")
    with pytest.raises(ConfigError, match=r"pip install ecdesk\[autocount-sql\]"):
        SqlBook("nosuchdialect://x/y").stock_balances()
    gone = SqlBook(f"sqlite:///{tmp_path / 'missing' / 'x.sqlite'}")
    with pytest.raises(Unavailable, match="did not answer"):
        gone.stock_balances()


def test_the_password_comes_from_the_keyring_not_the_url(creds):
    creds["sql_password"] = "s3cret"
    sql = SqlBook("mssql+pyodbc://sa@SERVER/AED_DEMO?driver=ODBC", creds)
    assert sql.url.password == "s3cret"
    assert "s3cret" not in repr(sql.url)
