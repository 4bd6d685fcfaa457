"""The month-end reconciliation workbook: posted, held and refunded orders from a real sync
(the fake connector and AutoCount route of test_engine_exactly_once), read back with openpyxl."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from ecdesk.cli import run
from ecdesk.domain import DocKind, Fee, FeeKind, Refund
from ecdesk.reports.reconciliation import ReconDocument, ReconOrder, write_reconciliation
from ecdesk.service import Service, UsageError
from tests.unit.test_engine_exactly_once import (
    T0,
    FakeConnector,
    FakeRoute,
    fake_service,
    payload,
    set_up_web,
)


class MarketConnector(FakeConnector):
    """The fake feed plus a commission fee on every order and a refund when asked."""

    def normalise(self, p):
        order = super().normalise(p)
        order.fees = [Fee(FeeKind.COMMISSION, Decimal("3.00"), "Comm")]
        if p.get("refund"):
            order.refunds = [Refund("R1", Decimal(p["refund"]), T0 + timedelta(days=1),
                                    "Wrong size", [("1", Decimal(1))])]
        return order


class NoteRoute(FakeRoute):
    supports = frozenset({DocKind.INVOICE, DocKind.CREDIT_NOTE})


def _world(url: str) -> Service:
    """Web: orders 1-3 posted (3 refunded 39.90), 4-5 held on an unmapped SKU."""
    feed = [payload(n) for n in range(1, 4)] + [payload(n, sku="MYSTERY-1") for n in (4, 5)]
    feed[2]["refund"] = "39.90"
    MarketConnector.feed = feed
    svc = fake_service(url, MarketConnector, NoteRoute())
    set_up_web(svc, {"debtor_code": "300-S001", "debtor_name": "SHOPEE",
                     "fee_account_commission": "908-1000"}, {"post_fees": "true"})
    summary = svc.sync("Web")
    assert summary.held == 2, summary.errors
    return svc


@pytest.fixture
def recon(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    svc = _world(url)
    yield svc, url
    svc.close()


@pytest.fixture
def recon_any(db_url):
    """The same world on SQLite and on PostgreSQL."""
    svc = _world(db_url)
    yield svc, db_url
    svc.close()


def _rows(ws):
    header, *rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(header, r, strict=False)) for r in rows]


def test_workbook_has_each_sheet_docno_totals_and_held_reasons(recon_any, tmp_path):
    svc, _ = recon_any
    out = tmp_path / "recon.xlsx"
    counts = svc.export_reconciliation(out, date(2026, 11, 1), date(2026, 11, 30))
    assert (counts["orders"], counts["held"], counts["held_reasons"]) == (5, 2, 2)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "Orders", "Held", "Documents"]
    orders = {r["Order"]: r for r in _rows(wb["Orders"])}
    first, refunded = orders["1"], orders["3"]
    sale = next(d for d in svc.documents("Web") if d.order == "1" and d.doc_type == "invoice")
    assert first["AutoCount DocNo"] == sale.doc_no
    assert first["Outcome"] == "posted" and first["Currency"] == "MYR"
    # 2 x 39.90 + 5.00 shipping; the invoice carries the same total; commission credited
    assert Decimal(str(first["Store total"])) == Decimal("84.80")
    assert Decimal(str(first["Document total"])) == Decimal("84.80")
    assert first["Difference"] == 0 and first["Fees"] == 3 and first["Refunds"] is None
    assert Decimal(str(refunded["Refunds"])) == Decimal("39.90")
    assert first["Date"].date() == T0.date()
    for r in orders.values():  # money cells are numbers, not text
        assert isinstance(r["Store total"], int | float)

    ws = wb["Orders"]
    assert ws.freeze_panes == "A2" and ws.column_dimensions["A"].width > 10
    assert ws["F2"].number_format == "#,##0.00" and ws["D2"].is_date

    held = _rows(wb["Held"])
    assert sorted(h["Order"] for h in held) == ["4", "5"]
    assert {(h["Reason code"], h["Value to map"]) for h in held} == {
        ("unmapped_sku", "MYSTERY-1")}
    assert "MYSTERY-1" in held[0]["Detail"]

    docs = _rows(wb["Documents"])
    kinds = sorted((d["Order"], d["Role"]) for d in docs)
    assert kinds.count(("3", "credit")) == 1 and ("1", "fees") in kinds
    assert all(isinstance(d["Total"], int | float) for d in docs)

    summary = _rows(wb["Summary"])
    posted = next(r for r in summary if r["Section"] == "Orders" and r["Item"] == "posted")
    assert (posted["Count"], Decimal(str(posted["Total"]))) == (3, Decimal("254.40"))
    by_reason = next(r for r in summary if r["Section"] == "Held by reason")
    assert (by_reason["Item"], by_reason["Count"]) == ("unmapped_sku", 2)


def test_period_and_store_filters(recon, tmp_path):
    svc, _ = recon
    empty = svc.export_reconciliation(tmp_path / "dec.xlsx", date(2026, 12, 1), None)
    assert empty["orders"] == 0
    assert len(list(load_workbook(tmp_path / "dec.xlsx")["Orders"].values)) == 1  # header
    with pytest.raises(UsageError, match="before the start date"):
        svc.export_reconciliation(tmp_path / "x.xlsx", date(2026, 11, 30), date(2026, 11, 1))
    with pytest.raises(UsageError, match="No store named"):
        svc.export_reconciliation(tmp_path / "x.xlsx", store="Nope")


def test_cli_export_prints_the_path_and_counts(recon, tmp_path, capsys):
    _, url = recon
    out = tmp_path / "cli.xlsx"
    code = run(["--db", url, "export", "reconciliation", str(out), "--from", "2026-11-01",
                "--to", "2026-11-30", "--store", "Web"])
    assert code == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and "5 order(s)" in printed and "2 held" in printed
    assert out.exists()


BULK = """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :n)
INSERT INTO orders (store_id, external_id, number, platform_status, ordered_at, currency,
                    total, payload, payload_hash, posted_hash, outcome, reason_summary,
                    is_test, attempts, last_error, needs_eval, fetched_at)
SELECT :sid, 'B' || i, 'B' || i, '', '2026-11-15 09:00:00.000000', 'MYR',
       printf('%.2f', 10 + i), '{}', '', '', 'posted', '', 0, 1, '', 0,
       '2026-11-15 09:00:00.000000'
FROM n
"""


def test_twenty_thousand_orders_export(recon, tmp_path):
    svc, _ = recon
    with svc.db.session() as s:
        s.execute(text(BULK), {"sid": svc.store_id("Web"), "n": 20_000})
        s.commit()
    out = tmp_path / "big.xlsx"
    counts = svc.export_reconciliation(out)
    assert counts["orders"] == 20_005
    wb = load_workbook(out, read_only=True)
    rows = list(wb["Orders"].iter_rows(min_row=20_000, values_only=True))
    assert len(rows) == 7 and rows[-1][1] == "B19999" and rows[-1][5] == 20_009
    wb.close()


def test_a_summary_document_of_two_orders_counts_once(tmp_path):
    doc = ReconDocument(7, "invoice", "WB-SUM-1", "Web 1-2", Decimal("20.00"), T0)
    orders = [ReconOrder("Web", str(n), f"X{n}", T0, "MYR", Decimal("10.00"), "posted",
                         documents=[doc]) for n in (1, 2)]
    counts = write_reconciliation(orders, tmp_path / "s.xlsx")
    wb = load_workbook(tmp_path / "s.xlsx")
    assert counts["documents"] == 2 and len(_rows(wb["Documents"])) == 2
    kinds = [r for r in _rows(wb["Summary"]) if r["Section"] == "AutoCount documents"]
    assert [(r["Item"], r["Count"], r["Total"]) for r in kinds] == [("invoice", 1, 20)]
    assert [r["AutoCount DocNo"] for r in _rows(wb["Orders"])] == ["WB-SUM-1"] * 2
