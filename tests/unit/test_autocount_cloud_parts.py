"""CloudRoute pieces without a server: the request body, header parsing, AutoCount's arithmetic,
and answers the sandbox never gives (403, 201 without location, a listing that never settles)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import httpx
import pytest

from ecdesk.domain import DocKind, DocumentDraft, DraftLine
from ecdesk.sandbox.autocount import Invalid, discount_amount, line_totals
from ecdesk.sync.autocount.base import AutoCountConfig
from ecdesk.sync.autocount.cloud import (
    CloudRoute,
    build_body,
    describe,
    doc_no_from_location,
    error_message,
    formula,
    parse_reset,
)
from ecdesk.sync.http import ApiError, AuthError, HttpClient, MaybeApplied, Unavailable, dumps

D = Decimal


def draft(**kw) -> DocumentDraft:
    base = dict(
        kind=DocKind.INVOICE, doc_no="SH-1001", ref="Shopify 1001", doc_date=date(2026, 3, 9),
        debtor_code="300-H001", debtor_name="SHOPIFY CUSTOMERS", credit_term="C.O.D.",
        sales_location="HQ", currency="MYR", inclusive_tax=True, total=D("115.20"),
        lines=[DraftLine("TS-RED-S", "Tee", D("3"), D("39.90"), acc_no="500-1000",
                         unit="UNIT", discount=D("12.5"), tax_code="SV-8"),
               DraftLine("SHIPPING", "Shipping", D("1"), D("8.00"), acc_no="510-0000")],
    )
    base.update(kw)
    return DocumentDraft(**base)


def test_body_sends_numbers_raw_and_the_discount_as_a_formula_string():
    text = dumps(build_body(draft())).decode()
    assert '"qty":3,"unitPrice":39.90' in text
    assert '"discount":"12.50"' in text
    assert '"docDate":"2026-03-09"' in text and '"inclusiveTax":true' in text
    assert '"ref":"Shopify 1001"' in text
    assert "paymentMethod" not in text and "ourInvoiceNo" not in text
    shipping = build_body(draft())["details"][1]
    assert "discount" not in shipping and "taxCode" not in shipping and "unit" not in shipping


def test_body_for_cash_sale_credit_note_and_own_numbering():
    cash = build_body(draft(kind=DocKind.CASH_SALE, payment_method="BANK"))["master"]
    assert (cash["paymentMethod"], cash["paymentAmt"]) == ("BANK", D("115.20"))
    part = build_body(draft(kind=DocKind.CASH_SALE, payment_method="FPX",
                            payment_amount=D("100")))["master"]
    assert part["paymentAmt"] == D("100")
    cn = build_body(draft(kind=DocKind.CREDIT_NOTE, our_invoice_no="SH-1001",
                          remarks=["a", "b"]))["master"]
    assert (cn["ourInvoiceNo"], cn["remark1"], cn["remark2"]) == ("SH-1001", "a", "b")
    assert build_body(draft(doc_no=None))["master"]["docNo"] is None
    assert build_body(draft(lines=[DraftLine(None, "x", D(1), D(1))]))["details"][0] == {
        "productCode": None, "description": "x", "qty": D(1), "unitPrice": D(1), "accNo": None}


def test_formula_keeps_cents_and_extra_precision():
    assert [formula(D(x)) for x in ("12.5", "3", "0.125")] == ["12.50", "3.00", "0.125"]


def test_location_header_and_reset_header_parsing():
    loc = "https://accounting-api.autocountcloud.com/4013/invoice?docNo=SH%2F1001%201"
    assert doc_no_from_location(loc) == "SH/1001 1"
    assert doc_no_from_location("/4013/creditNote?docno=CN-000001") == "CN-000001"
    assert doc_no_from_location(None) is None and doc_no_from_location("/4013/x") is None
    when = parse_reset("2023-03-14T09:20:49.9513771Z")
    assert when == pytest.approx(datetime(2023, 3, 14, 9, 20, 49, 951377, UTC).timestamp())
    with pytest.raises(ValueError):
        parse_reset("2023-03-14T09:20:49")


def test_describe_names_the_document_for_a_clerk():
    assert describe(draft()) == "invoice SH-1001"
    assert describe(draft(kind=DocKind.CREDIT_NOTE, doc_no=None)) == \
        "credit note for 'Shopify 1001'"


def test_error_message_reads_autocount_json_or_text():
    assert error_message(httpx.Response(400, json={"statusCode": 400, "message": " x "})) == "x"
    assert error_message(httpx.Response(429, text="API calls quota exceeded!")) == \
        "API calls quota exceeded!"
    assert error_message(httpx.Response(404)) == "HTTP 404"


@pytest.mark.parametrize(("text", "gross", "off"), [
    ("", D("100"), D("0")), ("12.50", D("100"), D("12.50")), ("10%", D("80"), D("8")),
    ("10%+5", D("100"), D("15")), ("10%+10%", D("100"), D("19")), (None, D("5"), D("0")),
])
def test_discount_formulas(text, gross, off):
    assert discount_amount(text, gross) == off


def test_bad_discount_formula_is_refused():
    with pytest.raises(Invalid, match="Invalid discount 'abc'"):
        discount_amount("abc", D(1))


def test_line_totals_round_each_amount_half_up():
    assert line_totals(D(1), D("1.05"), None, D(10), inclusive=False) == (D("1.05"), D("0.11"))
    assert line_totals(D(3), D("39.90"), "12.50", D(8), inclusive=True) == \
        (D("107.20"), D("7.94"))
    assert line_totals(D("0.333"), D("10"), None, D(0), inclusive=True) == (D("3.33"), D("0"))


# --- answers the sandbox does not give ------------------------------------------------------
def mock_route(handler, creds) -> CloudRoute:
    creds.update({"key_id": "k", "api_key": "a"})
    http = HttpClient(transport=httpx.MockTransport(handler), sleep=lambda s: None)
    config = AutoCountConfig(route="cloud", url="https://accounting-api.test", book="4013")
    return CloudRoute(config, creds, http, clock=lambda: 0.0)


def test_headers_and_path(creds):
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json={"companyName": "Kedai"})

    assert mock_route(handler, creds).test_connection() == \
        "Connected to AutoCount book Kedai (4013)"
    assert seen[0].url == "https://accounting-api.test/4013/companyProfile"
    assert (seen[0].headers["Key-ID"], seen[0].headers["API-Key"]) == ("k", "a")


def test_403_says_to_allow_the_method_on_the_key(creds):
    route = mock_route(lambda r: httpx.Response(403, json={"statusCode": 403,
                                                           "message": "Forbidden"}), creds)
    with pytest.raises(AuthError, match="may not create invoice SH-1001 .*Settings > API Keys"):
        route.create(draft())


def test_201_without_location_or_doc_no_is_maybe_applied(creds):
    route = mock_route(lambda r: httpx.Response(201), creds)
    with pytest.raises(MaybeApplied, match="looked up by its reference"):
        route.create(draft(doc_no=None))


def test_unexpected_status_on_create_is_an_api_error_in_words(creds):
    route = mock_route(lambda r: httpx.Response(404, text=""), creds)
    with pytest.raises(ApiError, match=r"could not create invoice SH-1001 \(HTTP 404"):
        route.create(draft())


def test_a_listing_that_never_settles_gives_up_in_words(creds):
    count = iter(range(100, 1000))

    def handler(request):  # every page reports another totalCount
        row = {"master": {"docKey": next(count), "docNo": "X", "ref": "r"}}
        return httpx.Response(200, content=dumps({"data": [row], "totalCount": next(count)}))

    with pytest.raises(Unavailable, match="kept changing while it was read"):
        mock_route(handler, creds).find_by_ref(DocKind.INVOICE, "r", "300-H001",
                                               date(2026, 3, 9), date(2026, 3, 9))


def test_listing_timeout_is_retried_as_a_read_not_maybe_applied(creds):
    calls = []

    def handler(request):
        calls.append(request)
        if len(calls) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(200, content=dumps({"data": [], "totalCount": 0}))

    assert mock_route(handler, creds).find_many(DocKind.INVOICE, ["A"]) == {}
    assert len(calls) == 2


def test_429_without_retry_after_waits_for_the_known_window_reset(creds):
    calls = []

    def handler(request):
        calls.append(request)
        if len(calls) == 1:
            return httpx.Response(200, json={"companyName": "K"}, headers={
                "x-rate-limit-remaining": "40",
                "x-rate-limit-reset": "1970-01-01T00:01:00.0000000Z"})
        if len(calls) <= 6:  # HttpClient's 5 attempts all refused, no Retry-After
            return httpx.Response(429, text="API calls quota exceeded!")
        return httpx.Response(404, json={"statusCode": 404, "message": "Record not found."})

    slept: list[float] = []
    creds.update({"key_id": "k", "api_key": "a"})
    http = HttpClient(transport=httpx.MockTransport(handler), sleep=slept.append)
    config = AutoCountConfig(route="cloud", url="https://accounting-api.test", book="4013")
    route = CloudRoute(config, creds, http, clock=lambda: 20.0)
    route.test_connection()
    assert route.find(DocKind.INVOICE, "SH-1") is None
    assert slept == [0.5, 1.0, 2.0, 4.0, 41.0]  # backoff, then until the reset + 1 s


def test_create_timeout_is_maybe_applied_and_never_reposted(creds):
    calls = []

    def handler(request):
        calls.append(request.method)
        raise httpx.ReadTimeout("no answer", request=request)

    with pytest.raises(MaybeApplied):
        mock_route(handler, creds).create(draft())
    assert calls == ["POST"]
