"""CloudRoute against the AutoCount sandbox over loopback: totals, refusals, keys, rate limit,
lost answers, batched and ref lookups (docs/decisions.md §2, §3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import httpx
import pytest

from ecdesk.domain import DocKind, DocumentDraft, DraftLine
from ecdesk.sandbox.autocount import AutoCountSandbox
from ecdesk.sandbox.server import Fault, Response
from ecdesk.sync.autocount.base import AutoCountConfig, Rejected, Unsupported
from ecdesk.sync.autocount.cloud import CloudRoute
from ecdesk.sync.connectors.base import ConfigError
from ecdesk.sync.http import AuthError, HttpClient, MaybeApplied, RetryPolicy

D = Decimal


class FakeClock:
    """One clock for sandbox, route and HTTP client; sleeping only moves it forward."""

    def __init__(self) -> None:
        self.t = datetime(2026, 3, 10, 2, 0, tzinfo=UTC).timestamp()
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture(scope="module")
def server():
    sb = AutoCountSandbox().start()
    yield sb
    sb.stop()


@pytest.fixture
def sandbox(server, clock, request):
    """The module's server, emptied, on this test's clock (and quota/page options)."""
    opts = {"rate_limit": 100, "unstable_listing": False, "page_size": 100, "forbidden": ()}
    opts.update(getattr(request, "param", {}))
    return server.reset(clock=clock, **opts)


def make_route(sandbox, clock, creds, **cfg):
    creds.update(sandbox.credentials())
    http = HttpClient(sleep=clock.sleep, clock=clock, timeout=5,
                      retry=RetryPolicy(attempts=4, base_delay=1.0))
    config = AutoCountConfig(route="cloud", url=cfg.get("url", sandbox.url),
                             book=cfg.get("book", sandbox.book))
    return CloudRoute(config, creds, http, clock=clock)


@pytest.fixture
def route(sandbox, clock, creds):
    r = make_route(sandbox, clock, creds)
    yield r
    r.http.close()


def shirt(qty="3", price="39.90", discount="0", tax="SV-8", **kw) -> DraftLine:
    return DraftLine(product_code=kw.get("code", "TS-RED-S"), description="Cotton T-shirt Red S",
                     qty=D(qty), unit_price=D(price), discount=D(discount), tax_code=tax,
                     acc_no=kw.get("acc", "500-1000"), unit="UNIT")


def shipping(amount="8.00", tax="SV-8") -> DraftLine:
    return DraftLine(product_code="SHIPPING", description="Shipping", qty=D(1),
                     unit_price=D(amount), tax_code=tax, acc_no="510-0000")


def draft(**kw) -> DocumentDraft:
    base = dict(
        kind=DocKind.INVOICE, doc_no="SH-1001", ref="Shopify 1001", doc_date=date(2026, 3, 9),
        debtor_code="300-H001", debtor_name="SHOPIFY CUSTOMERS", credit_term="C.O.D.",
        sales_location="HQ", currency="MYR", inclusive_tax=True, total=D("115.20"),
        lines=[shirt(discount="12.50"), shipping()], description="Shopify order 1001",
    )
    base.update(kw)
    return DocumentDraft(**base)


# --- round trip, to the cent ---------------------------------------------------------------
def test_inclusive_tax_invoice_round_trips_with_autocounts_total(route, sandbox):
    # 3 x 39.90 - 12.50 = 107.20 (tax inside 7.94) + shipping 8.00 (tax inside 0.59)
    doc = route.create(draft())
    assert (doc.doc_no, doc.ref, doc.total, doc.cancelled) == \
        ("SH-1001", "Shopify 1001", D("115.20"), False)
    stored = sandbox.find("SH-1001")
    assert stored["master"]["tax"] == D("8.53")
    assert stored["master"]["totalExTax"] == D("106.67")
    assert [r["discount"] for r in stored["details"]] == ["12.50", ""]
    assert route.find(DocKind.INVOICE, "SH-1001") == doc


def test_exclusive_tax_is_added_per_line_rounded_half_up(route, sandbox):
    lines = [shirt(discount="12.50"), shipping(),
             shirt(qty="1", price="1.05", tax="ST-10", code="FEE")]  # 10 % of 1.05 -> 0.11
    doc = route.create(draft(inclusive_tax=False, lines=lines, total=D("125.58")))
    # 107.20 + 8.58 | 8.00 + 0.64 | 1.05 + 0.11 (half-up, not banker's 0.10)
    assert doc.total == D("125.58")
    assert [r["tax"] for r in sandbox.find("SH-1001")["details"]] == \
        [D("8.58"), D("0.64"), D("0.11")]


def test_percentage_discount_formula_and_fractional_quantity(route, sandbox):
    body = {"master": {"docNo": "X-1", "docDate": "2026-03-09", "debtorCode": "300-H001",
                       "debtorName": "A", "creditTerm": "C.O.D.", "salesLocation": "HQ",
                       "ref": "Custom X-1"},
            "details": [{"productCode": "FEE", "qty": D("2.5"), "unitPrice": D("3.33"),
                         "discount": "10%+1", "taxCode": "SV-6", "accNo": "500-0000"}]}
    sandbox.add_document(body)
    # 8.325 - (0.8325 + 1) = 6.4925 -> 6.49; exclusive tax 6 % = 0.3894 -> 0.39
    assert route.find(DocKind.INVOICE, "X-1").total == D("6.88")


def test_cash_sale_is_an_invoice_with_payment_in_the_master(route, sandbox):
    doc = route.create(draft(kind=DocKind.CASH_SALE, payment_method="BANK"))
    assert doc.kind is DocKind.CASH_SALE and doc.total == D("115.20")
    master = sandbox.find("SH-1001")["master"]
    assert (master["paymentMethod"], master["paymentAmt"], master["outstandingAmount"]) == \
        ("BANK", D("115.20"), D("0.00"))
    assert len(sandbox.documents("invoice")) == 1


def test_credit_note_goes_to_its_own_endpoint(route, sandbox):
    route.create(draft())
    cn = route.create(draft(kind=DocKind.CREDIT_NOTE, doc_no="SH-1001-R1",
                            ref="Shopify 1001 refund", our_invoice_no="SH-1001",
                            lines=[shipping()], total=D("8.00")))
    assert (cn.kind, cn.doc_no, cn.total) == (DocKind.CREDIT_NOTE, "SH-1001-R1", D("8.00"))
    assert sandbox.documents("creditNote")[0]["master"]["ourInvoiceNo"] == "SH-1001"
    assert route.find(DocKind.INVOICE, "SH-1001-R1") is None
    assert route.find(DocKind.CREDIT_NOTE, "SH-1001-R1") == cn


def test_autocount_numbering_when_the_draft_has_no_doc_no(route):
    first = route.create(draft(doc_no=None))
    second = route.create(draft(doc_no=None, ref="Shopify 1002"))
    assert (first.doc_no, second.doc_no) == ("I-000001", "I-000002")
    assert first.total == D("115.20")


# --- refusals in AutoCount's words ---------------------------------------------------------
REFUSALS = [
    (dict(credit_term="COD"), "CreditTerm (CreditTermKey = COD) not exists"),
    (dict(debtor_code="300-Z999"), "DebtorCode (AccNo = 300-Z999) not exists"),
    (dict(sales_location="PENANG"), "SalesLocation (Location = PENANG) not exists"),
    (dict(lines=[shirt(code="NO-SUCH-ITEM")]),
     "ProductCode (ProductCode = NO-SUCH-ITEM) not exists"),
    (dict(lines=[shirt(acc="999-9999")]), "AccNo (AccNo = 999-9999) not exists"),
    (dict(lines=[shirt(acc="")]), "AccNo is required."),
    (dict(lines=[shirt(tax="SR")]), "TaxCode (TaxCode = SR) not exists"),
    (dict(doc_date=date(2024, 12, 31)),
     "DocDate must be within the date range of Fiscal Year (01/01/2025 - 31/12/2026)."),
    (dict(ref="R" * 41), "The field Ref must be a string with a maximum length of 40."),
    (dict(debtor_name=""), "DebtorName is required."),
]


@pytest.mark.parametrize(("change", "words"), REFUSALS)
def test_each_refusal_surfaces_as_rejected_with_autocounts_words(route, sandbox, change, words):
    with pytest.raises(Rejected) as err:
        route.create(draft(**change))
    assert str(err.value) == f"AutoCount refused invoice SH-1001: {words}"
    assert err.value.status == 400
    assert sandbox.documents() == []


def test_doc_no_over_50_and_unknown_payment_method_are_refused(route, sandbox):
    long_no = "SH-" + "9" * 48
    with pytest.raises(Rejected, match="The field DocNo must be a string with a maximum length "
                                       "of 50"):
        route.create(draft(doc_no=long_no))
    with pytest.raises(Rejected, match=r"PaymentMethod \(PaymentMethod = PAYPAL\) not exists"):
        route.create(draft(kind=DocKind.CASH_SALE, payment_method="PAYPAL"))
    assert sandbox.documents() == []


def test_duplicate_doc_no_for_another_order_is_refused_and_says_so(route, sandbox):
    route.create(draft())
    with pytest.raises(Rejected) as err:
        route.create(draft(ref="Shopify 9999"))
    text = str(err.value)
    assert text.startswith("AutoCount refused invoice SH-1001: DocNo 'SH-1001' already exists.")
    assert "another reference ('Shopify 1001')" in text
    assert len(sandbox.documents()) == 1


def test_duplicate_doc_no_with_this_orders_ref_answers_the_existing_document(route, sandbox):
    first = route.create(draft())
    again = route.create(draft())
    assert again == first and len(sandbox.documents()) == 1


# --- keys and configuration ----------------------------------------------------------------
def test_wrong_keys_raise_auth_error_saying_what_to_do(route, creds):
    creds["api_key"] = "not-the-key"
    with pytest.raises(AuthError) as err:
        route.test_connection()
    assert err.value.status == 401
    assert "401 Unauthorized." in str(err.value)
    assert "ecdesk secret set autocount key_id" in str(err.value)


@pytest.mark.parametrize("sandbox", [{"forbidden": [("POST", "invoice")]}], indirect=True)
def test_a_key_without_create_permission_gets_403_in_words(route, sandbox):
    assert route.find(DocKind.INVOICE, "SH-1001") is None  # reading is allowed
    with pytest.raises(AuthError) as err:
        route.create(draft())
    assert err.value.status == 403
    assert "may not create invoice SH-1001" in str(err.value)
    assert "allow that method for this key" in str(err.value)
    assert sandbox.documents() == []


def test_another_book_refuses_the_key(sandbox, clock, creds):
    route = make_route(sandbox, clock, creds, book="4014")
    with pytest.raises(AuthError, match="book 4014"):
        route.find(DocKind.INVOICE, "SH-1001")


def test_missing_key_and_display_book_reference_are_config_errors(sandbox, clock, creds):
    route = make_route(sandbox, clock, creds)
    del creds["key_id"]
    with pytest.raises(ConfigError, match="`ecdesk secret set autocount key_id`"):
        route.create(draft())
    route = make_route(sandbox, clock, creds, book="AM00004013")
    with pytest.raises(ConfigError, match="numeric book id"):
        route.test_connection()
    assert sandbox.requests == []


def test_test_connection_names_the_book(route):
    assert route.test_connection() == "Connected to AutoCount book Kedai Contoh Sdn Bhd (4013)"


# --- rate limit ----------------------------------------------------------------------------
@pytest.mark.parametrize("sandbox", [{"rate_limit": 3}], indirect=True)
def test_429_is_waited_out_then_the_call_succeeds_without_real_sleep(route, sandbox, clock):
    keys = {"Key-ID": sandbox.key_id, "API-Key": sandbox.api_key}
    with httpx.Client() as other:  # another program on the same key spends the quota
        for _ in range(3):
            assert other.get(f"{sandbox.url}/4013/companyProfile", headers=keys).status_code == 200
        spent = other.get(f"{sandbox.url}/4013/companyProfile", headers=keys)
    assert spent.status_code == 429
    assert spent.text == "API calls quota exceeded! maximum admitted 3 per 1m."
    assert spent.headers["Retry-After"] == "60"
    assert "x-rate-limit-remaining" not in spent.headers
    clock.t += 15
    assert route.test_connection().startswith("Connected")
    assert clock.slept == [45.0]  # Retry-After, on the fake clock


@pytest.mark.parametrize("sandbox", [{"rate_limit": 2}], indirect=True)
def test_route_paces_itself_from_the_rate_limit_headers(route, sandbox, clock):
    route.create(draft())  # POST + read-back GET: the window's 2 calls are spent
    clock.t += 10
    assert route.find(DocKind.INVOICE, "SH-1001") is not None
    assert clock.slept == [pytest.approx(51.0)]  # until the reset (+1 s margin), no 429
    assert len(sandbox.requests) == 3


# --- lost answers ---------------------------------------------------------------------------
def test_create_whose_answer_is_lost_is_maybe_applied_and_find_sees_it(route, sandbox):
    sandbox.inject(Fault(response=None, after_handler=True, path="/invoice", method="POST"))
    with pytest.raises(MaybeApplied):
        route.create(draft())
    posts = [r for r in sandbox.requests if r.method == "POST"]
    assert len(posts) == 1  # never re-posted
    found = route.find(DocKind.INVOICE, "SH-1001")
    assert found is not None and found.total == D("115.20")


def test_lost_answer_with_autocount_numbering_is_found_by_ref(route, sandbox):
    route.create(draft(doc_no=None, ref="Shopify 1000"))
    sandbox.inject(Fault(response=None, after_handler=True, path="/invoice", method="POST"))
    with pytest.raises(MaybeApplied):
        route.create(draft(doc_no=None))
    found = route.find_by_ref(DocKind.INVOICE, "Shopify 1001", "300-H001",
                              date(2026, 3, 10), date(2026, 3, 10))
    assert found is not None and (found.doc_no, found.total) == ("I-000002", D("115.20"))


def test_read_back_failure_after_201_still_reports_the_document(route, sandbox):
    sandbox.inject(Fault(Response.json({"statusCode": 500, "message": "boom"}, 500),
                         times=10, path="/invoice", method="GET"))
    doc = route.create(draft())
    assert (doc.doc_no, doc.total) == ("SH-1001", None)
    assert len(sandbox.documents()) == 1


# --- batched and ref lookups ----------------------------------------------------------------
def seed(sandbox, n, *, prefix="W-", debtor="300-W001", ref="WooCommerce", doc_no=True):
    for i in range(1, n + 1):
        sandbox.add_document({"master": {
            "docNo": f"{prefix}{i:04d}" if doc_no else None, "docDate": "2026-03-09",
            "debtorCode": debtor, "debtorName": "X", "creditTerm": "C.O.D.",
            "salesLocation": "HQ", "ref": f"{ref} {i}"},
            "details": [{"productCode": "FEE", "qty": 1, "unitPrice": D(i), "accNo": "500-0000"}]})


@pytest.mark.parametrize("sandbox", [{"page_size": 40, "rate_limit": 1000}], indirect=True)
def test_find_many_over_100_doc_nos_batches_and_pages(route, sandbox):
    seed(sandbox, 250)
    wanted = [f"w-{i:04d}" for i in range(1, 251)] + ["W-9999", "w-0007"]
    found = route.find_many(DocKind.INVOICE, wanted)
    assert len(found) == 250 and "W-9999" not in found
    assert found["w-0123"].total == D("123.00") and found["w-0123"].doc_no == "W-0123"
    listings = [r for r in sandbox.requests if r.path.endswith("/listing")]
    # 251 distinct numbers -> batches of 100, 100, 51; 40 rows a page -> 3 + 3 + 2 pages
    assert len(listings) == 8


@pytest.mark.parametrize("sandbox", [{"page_size": 7, "unstable_listing": True,
                                      "rate_limit": 1000}], indirect=True)
def test_find_by_ref_with_unstable_listing_order(route, sandbox):
    seed(sandbox, 30, debtor="300-H001", ref="Shopify", doc_no=False)
    seed(sandbox, 5, debtor="300-S001", ref="Shopee", doc_no=False)
    found = route.find_by_ref(DocKind.INVOICE, "Shopify 17", "300-H001",
                              date(2026, 3, 10), date(2026, 3, 10))
    assert (found.doc_no, found.ref, found.total) == ("I-000017", "Shopify 17", D("17.00"))
    assert route.find_by_ref(DocKind.INVOICE, "Shopee 3", "300-H001",
                             date(2026, 3, 10), date(2026, 3, 10)) is None


@pytest.mark.parametrize("sandbox", [{"page_size": 7, "unstable_listing": True,
                                      "rate_limit": 1000}], indirect=True)
def test_find_by_ref_reads_again_when_a_write_lands_between_pages(route, sandbox):
    seed(sandbox, 30, debtor="300-H001", ref="Shopify", doc_no=False)
    writes = []

    def concurrent_writer(body):
        if body.get("page") == 1 and not writes:
            writes.append(1)
            seed(sandbox, 1, debtor="300-H001", ref="Shopify late", doc_no=False)

    sandbox.on_listing = concurrent_writer
    for target in ("Shopify 30", "Shopify 1", "Shopify 12"):
        found = route.find_by_ref(DocKind.INVOICE, target, "300-H001",
                                  date(2026, 3, 10), date(2026, 3, 10))
        assert found is not None and found.ref == target
    first_pages = [r for r in sandbox.requests
                   if r.path.endswith("/listing") and r.json()["page"] == 1]
    assert len(first_pages) == 4  # the first lookup read the listing twice


def test_find_by_ref_prefers_the_live_document_over_a_voided_one(route, sandbox):
    old = route.create(draft(doc_no=None))
    route.void(DocKind.INVOICE, old.doc_no)
    assert route.find(DocKind.INVOICE, old.doc_no).cancelled is True
    new = route.create(draft(doc_no=None))
    found = route.find_by_ref(DocKind.INVOICE, "Shopify 1001", "300-H001",
                              date(2026, 3, 10), date(2026, 3, 10))
    assert found.doc_no == new.doc_no and found.cancelled is False


def test_find_returns_none_for_unknown_doc_no(route):
    assert route.find(DocKind.INVOICE, "SH-404") is None


# --- what Cloud cannot do -------------------------------------------------------------------
@pytest.mark.parametrize(("kind", "words"), [
    (DocKind.SALES_ORDER, "no sales order document"),
    (DocKind.DELIVERY_ORDER, "no delivery order document"),
])
def test_sales_and_delivery_orders_are_unsupported_with_a_way_out(route, sandbox, kind, words):
    with pytest.raises(Unsupported) as err:
        route.create(draft(kind=kind))
    assert words in str(err.value) and "Choose Invoice" in str(err.value)
    assert sandbox.requests == []
    assert kind not in CloudRoute.supports


def test_supports_and_limits():
    assert CloudRoute.name == "cloud" and CloudRoute.max_doc_no == 50
    assert CloudRoute.supports == {DocKind.INVOICE, DocKind.CASH_SALE, DocKind.CREDIT_NOTE}


# --- master data (list_codes) ---------------------------------------------------------------
@pytest.mark.parametrize("sandbox", [{"page_size": 7}], indirect=True)
def test_list_codes_reads_every_page_of_each_master_listing(route, sandbox):
    items = route.list_codes("item")
    assert len(items) == len(sandbox.items) > 7  # more than one page
    assert ("FEE", "Order fee / surcharge") in items
    assert items == sorted(items)
    assert [c for c, _ in route.list_codes("payment_method")] == sorted(sandbox.payment_methods)
    assert [c for c, _ in route.list_codes("location")] == ["HQ", "WH-KL"]
    assert ("300-H001", "SHOPIFY CUSTOMERS") in route.list_codes("debtor")  # PascalCase rows
    assert route.list_codes("currency") == [("MYR", "the book's currency")]


def test_list_codes_says_what_cloud_cannot_list(route):
    with pytest.raises(Unsupported, match="tax codes"):
        route.list_codes("tax")
    with pytest.raises(ValueError, match="known: item, tax"):
        route.list_codes("colour")


def test_list_codes_on_a_forbidden_listing_names_the_key_setting(route, sandbox):
    sandbox.reset(forbidden=[("POST", "product/listing")])
    with pytest.raises(AuthError, match="Settings > API Keys"):
        route.list_codes("item")


def test_a_sample_of_creates_is_read_back_the_rest_cost_one_call(route, sandbox, monkeypatch):
    """Issue 14: a create is confirmed by the 201's location and ecdesk's own total; the first
    of a run and every 20th after it are read back to check AutoCount's total."""
    reads: list[str] = []
    original = route.find
    monkeypatch.setattr(route, "find", lambda kind, no: reads.append(no) or original(kind, no))
    docs = [route.create(draft(doc_no=f"SH-{n}", ref=f"Shopify {n}")) for n in range(1, 42)]
    assert reads == ["SH-1", "SH-21", "SH-41"]
    assert {d.total for d in docs} == {D("115.20")} and len(sandbox.documents()) == 41
    every = make_route(sandbox, clock=route.clock, creds=route.credentials)
    every.config.settings["read_back_every"] = "1"
    monkeypatch.setattr(every, "find", lambda kind, no: reads.append(no) or original(kind, no))
    every.create(draft(doc_no="SH-50", ref="Shopify 50"))
    every.create(draft(doc_no="SH-51", ref="Shopify 51"))
    assert reads[-2:] == ["SH-50", "SH-51"]
    every.http.close()


def test_the_sample_thins_while_autocount_agrees_and_widens_when_it_does_not(
        route, sandbox, monkeypatch):
    """After 10 read-backs in a row showed ecdesk's own total, one create in 100 is read; a
    read-back that differs brings back one in 20 (the quota goes to documents on a peak day,
    and a book that totals differently is still caught)."""
    reads: list[str] = []
    original = route.find
    differs = {"SH-481"}  # AutoCount shows another total for this one

    def find(kind, no):
        reads.append(no)
        doc = original(kind, no)
        return replace(doc, total=doc.total + D("0.01")) if no in differs else doc

    monkeypatch.setattr(route, "find", find)
    for n in range(1, 562):
        route.create(draft(doc_no=f"SH-{n}", ref=f"Shopify {n}"))
    # 1, 21, ... 181 agreed (10 in a row): then one in 100, until 481 differs
    assert reads[:10] == [f"SH-{n}" for n in range(1, 182, 20)]
    assert reads[10:12] == ["SH-281", "SH-381"]  # thinned
    assert reads[12:] == ["SH-481", "SH-501", "SH-521", "SH-541", "SH-561"]
