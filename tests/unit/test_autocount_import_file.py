"""The import-file route's workbook, opened with openpyxl: layout per the column map, dates
as AutoCount reads them, ``<<New>>`` or the derived DocNo, no total rows, values only; the
clerk's own Sample template as the map; a crash never leaves a half-written workbook."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ecdesk.domain import DocKind, DocumentDraft, DraftLine
from ecdesk.sync.autocount.base import AutoCountConfig, Unsupported
from ecdesk.sync.autocount.import_file import (
    ImportFileRoute,
    default_maps,
    is_ecdesk_workbook,
    map_from_template,
    read_workbook,
)
from ecdesk.sync.connectors.base import ConfigError

D = Decimal
STAMP = datetime(2026, 11, 20, 10, 30, 5, tzinfo=UTC)


def draft(n: int = 1, **kw) -> DocumentDraft:
    base = dict(
        kind=DocKind.INVOICE, doc_no=f"WB-{n}", ref=f"Custom {n}", doc_date=date(2026, 11, 19),
        debtor_code="300-C001", debtor_name="CASH SALES - ONLINE", credit_term="C.O.D.",
        sales_location="HQ", currency="MYR", inclusive_tax=True, total=D("84.80"),
        lines=[DraftLine("TS-RED-M", "Tee", D("2"), D("39.90"), acc_no="500-1000",
                         unit="UNIT", discount=D("1.00"), tax_code="SV-8", tax=D("5.84")),
               DraftLine("SHIPPING", "Shipping", D("1"), D("5.90"), acc_no="510-0000")],
    )
    base.update(kw)
    return DocumentDraft(**base)


@pytest.fixture
def route(tmp_path, creds):
    return ImportFileRoute(AutoCountConfig("import-file", settings={"path": str(tmp_path)}),
                           creds)


def write(route: ImportFileRoute, drafts: list[DocumentDraft], kind=DocKind.INVOICE) -> Path:
    (name,) = route.workbook_names(STAMP, {kind}).values()
    return route.write(name, kind, drafts)


def test_workbook_layout_matches_the_column_map(route):
    path = write(route, [draft(1), draft(2, doc_no=None, ref="Custom 2")])
    assert path.name == "ecdesk-20261120-103005.xlsx" and is_ecdesk_workbook(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Master", "Detail"]
    cmap = default_maps()[DocKind.INVOICE]
    master, detail = wb["Master"], wb["Detail"]
    assert [c.value for c in master[1]] == [h for h, _ in cmap.master]
    assert [c.value for c in detail[1]] == [h for h, _ in cmap.detail]
    assert master.max_row == 3 and detail.max_row == 5  # headers + rows, no total rows
    col = {c.value: c.column for c in master[1]}
    first = {h: master.cell(2, col[h]) for h in col}
    assert first["DocNo"].value == "WB-1"
    assert master.cell(3, col["DocNo"]).value == "<<New>>"  # the book's running number
    assert first["DocDate"].is_date and first["DocDate"].value.date() == date(2026, 11, 19)
    assert first["DocDate"].number_format == "dd/mm/yyyy"
    assert (first["InclusiveTax"].value, first["Ref"].value) == ("T", "Custom 1")
    dcol = {c.value: c.column for c in detail[1]}
    rows = [{h: detail.cell(r, dcol[h]).value for h in dcol} for r in range(2, 6)]
    assert [r["DocNo"] for r in rows] == ["WB-1", "WB-1", "<<New>>", "<<New>>"]
    # SubTotal: after discount, before tax (tax-inclusive line: 79.80 - 1.00 - 5.84)
    assert rows[0]["SubTotal"] == pytest.approx(72.96) and rows[0]["TaxCode"] == "SV-8"
    assert rows[0]["Discount"] == "1.00" and rows[1]["TaxCode"] is None
    for sheet in (master, detail):  # values, never formulas
        assert not any(isinstance(c.value, str) and c.value.startswith("=")
                       for row in sheet.iter_rows() for c in row)


def test_cash_sale_and_credit_note_maps(route):
    cs = write(route, [draft(kind=DocKind.CASH_SALE, payment_method="BANK")], DocKind.CASH_SALE)
    master, _ = read_workbook(cs)
    assert (master[0]["PaymentMethod"], master[0]["PaymentAmt"]) == ("BANK", 84.8)
    cn = route.write("ecdesk-20261120-103006.xlsx", DocKind.CREDIT_NOTE, [draft(
        kind=DocKind.CREDIT_NOTE, doc_no="WB-1-R1", our_invoice_no="WB-1",
        lines=[DraftLine("TS-RED-M", "Tee", D(1), D("39.90")),
               DraftLine(None, "Refund", D(1), D("5.00"))])])
    master, detail = read_workbook(cn)
    assert master[0]["OurInvoiceNo"] == "WB-1"
    assert [d["GoodsReturn"] for d in detail] == ["T", "F"]  # price-only moves no stock


def test_several_kinds_in_one_export_get_one_workbook_each(route, tmp_path):
    names = route.workbook_names(STAMP, {DocKind.INVOICE, DocKind.CREDIT_NOTE})
    assert names == {DocKind.INVOICE: "ecdesk-20261120-103005.xlsx",
                     DocKind.CREDIT_NOTE: "ecdesk-20261120-103005-credit-note.xlsx"}
    (tmp_path / "ecdesk-20261120-103005.xlsx").write_bytes(b"x")
    again = route.workbook_names(STAMP, {DocKind.INVOICE})
    assert again == {DocKind.INVOICE: "ecdesk-20261120-103005-2.xlsx"}  # never overwrites


def test_the_clerks_sample_template_sets_the_columns(route, tmp_path):
    sample = Workbook()
    m = sample.active
    m.title = "Sales Invoice"
    m.append(["Doc No", "Date", "Debtor Code", "Agent", "Inclusive Tax"])
    d = sample.create_sheet("Items")
    d.append(["DocNo", "Item Code", "Quantity", "Unit Price", "Tax Type", "Project No"])
    sample.save(tmp_path / "Sample.xlsx")
    cmap = map_from_template(tmp_path / "Sample.xlsx")
    assert cmap.master == (("Doc No", "doc_no"), ("Date", "doc_date"),
                           ("Debtor Code", "debtor_code"), ("Agent", ""),
                           ("Inclusive Tax", "inclusive_tax"))
    route.config.settings["template_invoice"] = str(tmp_path / "Sample.xlsx")
    path = write(route, [draft()])
    master, detail = read_workbook(path)
    assert load_workbook(path).sheetnames == ["Sales Invoice", "Items"]
    assert master[0] == {"Doc No": "WB-1", "Date": datetime(2026, 11, 19), "Debtor Code":
                         "300-C001", "Agent": None, "Inclusive Tax": "T"}
    assert detail[0]["Tax Type"] == "SV-8" and detail[0]["Project No"] is None
    one = Workbook()
    one.active.append(["DocNo"])
    one.save(tmp_path / "One.xlsx")
    with pytest.raises(ConfigError, match="one sheet"):
        map_from_template(tmp_path / "One.xlsx")


def test_a_crash_while_writing_leaves_no_workbook(route, tmp_path, monkeypatch):
    import ecdesk.sync.autocount.import_file as mod

    def boom(*a, **kw):
        raise OSError("disk full")

    monkeypatch.setattr(mod.os, "replace", boom)
    with pytest.raises(OSError):
        write(route, [draft()])
    assert list(tmp_path.iterdir()) == []  # neither the workbook nor its .part
    (tmp_path / ".ecdesk-20261120-103005.xlsx.part").write_bytes(b"half")  # killed mid-save
    assert [p.name for p in route.remove_partials()] == [".ecdesk-20261120-103005.xlsx.part"]


def test_route_test_and_what_it_cannot_do(route, tmp_path, creds):
    assert str(tmp_path) in route.test_connection()
    with pytest.raises(Unsupported):
        route.create(draft())
    with pytest.raises(Unsupported, match="stock"):
        route.stock_balances()
    with pytest.raises(Unsupported):
        route.list_codes("item")
    missing = ImportFileRoute(AutoCountConfig(
        "import-file", settings={"path": str(tmp_path / "nope")}), creds)
    with pytest.raises(ConfigError, match="does not exist"):
        missing.test_connection()
    with pytest.raises(ConfigError, match="--set path=FOLDER"):
        ImportFileRoute(AutoCountConfig("import-file"), creds).test_connection()
    assert not is_ecdesk_workbook(tmp_path / "other.xlsx")


def test_a_formula_like_description_is_written_as_text(route):
    nasty = "=cmd|' /C calc'!A0"
    path = write(route, [draft(description=nasty, lines=[DraftLine(
        "TS-RED-M", nasty, D(1), D("39.90"))])], DocKind.INVOICE)
    wb = load_workbook(path)
    found = [c for sheet in wb for row in sheet.iter_rows() for c in row if c.value == nasty]
    assert len(found) == 2 and all(c.data_type == "s" and c.quotePrefix for c in found)
