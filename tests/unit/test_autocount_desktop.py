"""DesktopRoute against the fake of AutoCount's .NET surface (ecdesk.sandbox.autocount_desktop):
documents of every kind, numbering, look-ups, cancel, knock-off, stock, master data, and every
refusal in the clerk's words."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from ecdesk.domain import DocKind, DocumentDraft, DraftLine
from ecdesk.sandbox.autocount_book import FakeBook
from ecdesk.sandbox.autocount_desktop import AppException, FakeAssemblies
from ecdesk.sandbox.seed import masterdata
from ecdesk.sync.autocount.base import AutoCountConfig, Rejected, StockBalance, Unsupported
from ecdesk.sync.autocount.desktop import DesktopRoute, MissingPiece, load_assemblies
from ecdesk.sync.http import AuthError, MaybeApplied

D = Decimal
T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC).timestamp()
SETTINGS = {"server": r".\A2006", "database": "AED_DEMO", "user": "ADMIN"}


def draft(**kw) -> DocumentDraft:
    base = dict(
        kind=DocKind.INVOICE, doc_no="SH-1001", ref="Shopify 1001", doc_date=date(2026, 11, 19),
        debtor_code="300-H001", debtor_name="SHOPIFY CUSTOMERS", credit_term="C.O.D.",
        sales_location="HQ", currency="MYR", inclusive_tax=True, total=D("84.80"),
        lines=[DraftLine("TS-RED-M", "Tee", D("2"), D("39.90"), acc_no="500-1000",
                         unit="UNIT"),
               DraftLine("SHIPPING", "Shipping", D("1"), D("5.00"), acc_no="510-0000")],
    )
    base.update(kw)
    return DocumentDraft(**base)


@pytest.fixture
def fake():
    return FakeAssemblies(FakeBook(clock=lambda: T0))


@pytest.fixture
def route(fake, creds):
    creds["password"] = "admin"
    return DesktopRoute(AutoCountConfig("desktop", settings=dict(SETTINGS)), creds,
                        assemblies=fake, today=lambda: date(2026, 11, 20))


def test_invoice_with_derived_doc_no_ref_and_autocounts_total(route, fake):
    doc = route.create(draft())
    assert (doc.doc_no, doc.ref, doc.total) == ("SH-1001", "Shopify 1001", D("84.80"))
    (row,) = fake.book.documents("IV")
    assert (row["DocNo"], row["Ref"], row["DocDate"]) == ("SH-1001", "Shopify 1001",
                                                          "2026-11-19")
    assert fake.book.balance("TS-RED-M", "HQ") == D(98)  # an invoice takes stock out
    assert route.find(DocKind.INVOICE, "sh-1001").doc_no == "SH-1001"
    assert route.find(DocKind.INVOICE, "SH-9") is None
    assert set(route.find_many(DocKind.INVOICE, ["SH-1001", "SH-9"])) == {"SH-1001"}


def test_every_kind_posts_and_only_stock_documents_move_stock(route, fake):
    for n, kind in enumerate(DocKind, start=1):
        extra = {"payment_method": "BANK"} if kind is DocKind.CASH_SALE else {}
        doc = route.create(draft(kind=kind, doc_no=f"X-{n}", ref=f"Web {n}", **extra))
        assert doc.kind is kind and doc.total == D("84.80")
    # SO none; DO, IV, CS out 2 each; CN (goods return) back 2
    assert fake.book.balance("TS-RED-M", "HQ") == D(100 - 2 * 3 + 2)
    (cs,) = fake.book.documents("CS")
    assert (cs["PaymentMethod"], D(cs["PaymentAmt"])) == ("BANK", D("84.80"))


def test_books_own_numbering_and_find_by_ref(route):
    doc = route.create(draft(doc_no=None))
    assert doc.doc_no == "IV-000001"
    found = route.find_by_ref(DocKind.INVOICE, "Shopify 1001", "300-H001",
                              date(2026, 11, 1), date(2026, 11, 30))
    assert found is not None and found.doc_no == "IV-000001"
    assert route.find_by_ref(DocKind.INVOICE, "Shopify 1001", "300-W001",
                             date(2026, 11, 1), date(2026, 11, 30)) is None


def test_credit_note_goods_return_price_only_and_knock_off(route, fake):
    route.create(draft())
    returned = draft(kind=DocKind.CREDIT_NOTE, doc_no="SH-1001-R1", ref="Shopify 1001 R1",
                     our_invoice_no="SH-1001", total=D("39.90"),
                     lines=[DraftLine("TS-RED-M", "Tee", D(1), D("39.90"), acc_no="500-1000")])
    route.create(returned)
    assert fake.book.balance("TS-RED-M", "HQ") == D(99)  # one shirt back in stock
    price_only = draft(kind=DocKind.CREDIT_NOTE, doc_no="SH-1001-R2", ref="Shopify 1001 R2",
                       our_invoice_no="SH-1001", total=D("10.00"),
                       lines=[DraftLine(None, "Refund", D(1), D("10.00"), acc_no="500-1000")])
    route.create(price_only)
    assert fake.book.balance("TS-RED-M", "HQ") == D(99)  # a price-only credit moves none
    (ar,) = fake.book.query("SELECT Outstanding FROM ARInvoice WHERE DocNo='SH-1001'")
    assert D(ar["Outstanding"]) == D("84.80") - D("39.90") - D("10.00")
    # a refund larger than what the invoice still owes knocks off only what is owed
    big = draft(kind=DocKind.CREDIT_NOTE, doc_no="SH-1001-R3", ref="Shopify 1001 R3",
                our_invoice_no="SH-1001", total=D("50.00"),
                lines=[DraftLine(None, "Refund", D(1), D("50.00"), acc_no="500-1000")])
    route.create(big)
    (ar,) = fake.book.query("SELECT Outstanding FROM ARInvoice WHERE DocNo='SH-1001'")
    assert D(ar["Outstanding"]) == D(0)
    knocked = fake.book.query("SELECT CNDocNo, Amount FROM ARCNKnockOff ORDER BY CNDocNo")
    assert [(r["CNDocNo"], D(r["Amount"])) for r in knocked] == [
        ("SH-1001-R1", D("39.90")), ("SH-1001-R2", D("10.00")), ("SH-1001-R3", D("34.90"))]


@pytest.mark.parametrize(("change", "words", "hint"), [
    ({"lines": [DraftLine("NO-SUCH", "x", D(1), D(1))]}, "Item Code 'NO-SUCH' not found",
     "Mapping > Items"),
    ({"debtor_code": "300-Z999"}, "Debtor Code '300-Z999' not found", "debtor_code"),
    ({"lines": [DraftLine("TS-RED-M", "x", D(1), D(1), tax_code="GST")]},
     "Tax Code 'GST' not found", "Mapping > Tax"),
    ({"doc_date": date(2020, 1, 5)}, "not within any fiscal year", "Manage Fiscal Year"),
    ({"doc_no": "SH-" + "9" * 20}, "maximum length", "shorter document prefix"),
])
def test_refusals_are_held_in_autocounts_words_with_what_to_do(route, fake, change, words,
                                                               hint):
    with pytest.raises(Rejected) as err:
        route.create(draft(**change))
    assert words in str(err.value) and hint in str(err.value)
    assert fake.book.documents("IV") == []


def test_a_locked_month_is_refused_with_autocounts_verified_text(route, fake):
    fake.book.locked_months.add((2026, 11))
    with pytest.raises(Rejected) as err:
        route.create(draft())
    assert "Transaction date 19/11/2026 is locked" in str(err.value)
    assert "Manage Period Lock" in str(err.value)


def test_duplicate_doc_no_ours_is_found_theirs_is_refused(route):
    first = route.create(draft())
    again = route.create(draft())  # saved before (a crash lost our confirm)
    assert again == first
    with pytest.raises(Rejected) as err:
        route.create(draft(ref="Shopee 99"))
    assert "another reference ('Shopify 1001')" in str(err.value)


def test_a_save_that_fails_outside_autocounts_rules_may_have_applied(route, fake):
    def lost(doc):
        raise ConnectionResetError("connection to SQL Server reset")

    fake.after_save = lost
    with pytest.raises(MaybeApplied):
        route.create(draft())
    fake.after_save = None
    assert route.find(DocKind.INVOICE, "SH-1001") is not None  # it did save: look up first


def test_cancel_puts_stock_back_and_a_second_cancel_is_refused(route, fake):
    route.create(draft())
    route.cancel(DocKind.INVOICE, "SH-1001")
    assert route.find(DocKind.INVOICE, "SH-1001").cancelled
    assert fake.book.balance("TS-RED-M", "HQ") == D(100)
    with pytest.raises(Rejected, match="already cancelled"):
        route.cancel(DocKind.INVOICE, "SH-1001")


def test_stock_from_the_helper_or_the_view_agree(route, fake):
    route.create(draft())
    by_helper = route.stock_balances()
    assert StockBalance("TS-RED-M", "HQ", "UNIT", D(98)) in by_helper
    assert {b.location for b in route.stock_balances("wh-kl")} == {"WH-KL"}
    fake.stock_helper_works = False
    assert route.stock_balances() == by_helper


def test_master_data_lists_match_the_shared_seed(route):
    md = masterdata()
    items = {i["item_code"] for i in md["catalog"] + md["service_items"]}
    assert {c for c, _ in route.list_codes("item")} == items
    assert {c for c, _ in route.list_codes("debtor")} == {d["code"] for d in md["debtors"]}
    assert {c for c, _ in route.list_codes("tax")} == {t["code"] for t in md["tax_codes"]}
    assert [c for c, _ in route.list_codes("location")] == sorted(md["locations"])
    assert {c for c, _ in route.list_codes("payment_method")} == set(
        md["payment_methods_autocount"])
    assert route.list_codes("currency")[0][0] == "MYR"
    with pytest.raises(ValueError, match="known: item"):
        route.list_codes("colour")


def test_missing_pieces_are_named(fake, creds):
    cfg = AutoCountConfig("desktop", settings=dict(SETTINGS))
    no_password = DesktopRoute(cfg, creds, assemblies=fake)
    with pytest.raises(MissingPiece, match="secret set autocount password"):
        no_password.test_connection()
    creds["password"] = "wrong"
    with pytest.raises(AuthError, match="refused the login of user ADMIN"):
        DesktopRoute(cfg, creds, assemblies=fake).test_connection()
    creds["password"] = "admin"
    fake.licensed = False
    with pytest.raises(MissingPiece, match="API module licence"):
        DesktopRoute(cfg, creds, assemblies=fake).test_connection()
    fake.licensed = True
    other = AutoCountConfig("desktop", settings={**SETTINGS, "database": "AED_OTHER"})
    with pytest.raises(MissingPiece, match="Could not open AutoCount book AED_OTHER"):
        DesktopRoute(other, creds, assemblies=fake).test_connection()
    no_server = AutoCountConfig("desktop", settings={"database": "AED_DEMO", "user": "ADMIN"})
    with pytest.raises(MissingPiece, match="--set server="):
        DesktopRoute(no_server, creds, assemblies=fake).test_connection()
    ok = DesktopRoute(cfg, creds, assemblies=fake).test_connection()
    assert "AED_DEMO" in ok and "ADMIN" in ok


def test_without_pythonnet_or_the_assemblies_the_message_says_what_to_install(tmp_path,
                                                                             monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pythonnet(name, *a, **kw):
        if name == "pythonnet":
            raise ImportError(name)
        return real_import(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", no_pythonnet)
    with pytest.raises(MissingPiece, match=r"pip install ecdesk\[autocount-desktop\]"):
        load_assemblies(str(tmp_path))
    monkeypatch.setattr(builtins, "__import__", real_import)
    monkeypatch.setitem(__import__("sys").modules, "pythonnet", object())
    with pytest.raises(MissingPiece, match="AutoCount.MainEntry.dll"):
        load_assemblies(str(tmp_path))


def test_the_fake_refuses_an_unknown_session_like_autocount():
    fake = FakeAssemblies()
    session = fake.UserSession(fake.DBSetting("SQL2000", r".\A2006", "AED_DEMO"))
    with pytest.raises(AppException):
        fake.commands["Invoice"].Create(session, session.DBSetting)  # not logged in


def test_cloud_cannot_cancel_or_read_stock_through_the_base_defaults(creds):
    from ecdesk.sync.autocount.cloud import CloudRoute

    cloud = CloudRoute(AutoCountConfig("cloud", "http://x", "1"), creds, None)
    with pytest.raises(Unsupported, match="stock import"):
        cloud.stock_balances()
