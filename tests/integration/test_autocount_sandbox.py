"""The AutoCount sandbox answers raw HTTP as AutoCount Cloud does (shapes the route cannot
provoke: quoted decimals, missing master, headers, listing filters and order)."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from ecdesk.json_codec import dumps, loads
from ecdesk.sandbox.autocount import AutoCountSandbox
from ecdesk.sandbox.registry import sandbox_class


class Clock:
    def __init__(self) -> None:
        self.t = 1_773_108_000.0  # 2026-03-10 02:00 UTC

    def __call__(self) -> float:
        return self.t


@pytest.fixture(scope="module")
def server():
    sb = AutoCountSandbox().start()
    yield sb
    sb.stop()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def sb(server, clock):
    return server.reset(clock=clock, rate_limit=100, unstable_listing=False, page_size=100,
                        forbidden=())


@pytest.fixture
def http(sb):
    with httpx.Client(base_url=f"{sb.url}/{sb.book}",
                      headers={"Key-ID": sb.key_id, "API-Key": sb.api_key}) as client:
        yield client


def post(http, path, payload):
    return http.post(path, content=dumps(payload) if not isinstance(payload, bytes) else payload,
                     headers={"Content-Type": "application/json"})


def body(**master):
    m = {"docNo": None, "docDate": "2026-03-09", "debtorCode": "300-H001",
         "debtorName": "SHOPIFY CUSTOMERS", "creditTerm": "C.O.D.", "salesLocation": "HQ",
         "ref": "Shopify 1001", "inclusiveTax": True}
    m.update(master)
    return {"master": m, "details": [{"productCode": "TS-RED-S", "qty": 2,
                                      "unitPrice": Decimal("39.90"), "discount": "5",
                                      "taxCode": "SV-8", "accNo": "500-1000"}]}


def test_create_answers_201_empty_body_location_and_rate_headers(sb, http):
    first = post(http, "/invoice", body())
    second = post(http, "/invoice", body(ref="Shopify 1002"))
    assert first.status_code == 201 and first.content == b""
    assert first.headers["location"] == f"{sb.url}/4013/invoice?docNo=I-000001"
    assert second.headers["location"].endswith("docNo=I-000002")
    assert first.headers["x-rate-limit-limit"] == "1m"
    assert (first.headers["x-rate-limit-remaining"], second.headers["x-rate-limit-remaining"]) \
        == ("99", "98")
    assert first.headers["x-rate-limit-reset"] == "2026-03-10T02:01:00.0000000Z"
    view = loads(http.get("/invoice", params={"docNo": "I-000001"}).content)
    assert view["master"]["total"] == Decimal("74.80")  # 79.80 - 5, tax inside
    assert view["master"]["tax"] == Decimal("5.54")
    assert view["master"]["createdDate"] == "2026-03-10T10:00:00"  # the book's local time
    assert view["master"]["docDate"] == "2026-03-09T00:00:00"


def test_quoted_decimal_is_refused_with_a_system_decimal_conversion_message(http, sb):
    raw = (b'{"master":{"docDate":"2026-03-09","debtorCode":"300-H001","debtorName":"A",'
           b'"creditTerm":"C.O.D.","salesLocation":"HQ"},"details":[{"productCode":"FEE",'
           b'"qty":1,"unitPrice":"12.50","accNo":"500-0000"}]}')
    resp = post(http, "/invoice", raw)
    assert resp.status_code == 400
    assert resp.json() == {"statusCode": 400, "message": "The JSON value could not be "
                           "converted to System.Decimal. Path: $.details[0].unitPrice."}
    assert sb.documents() == []


def test_discount_must_be_a_formula_string(http):
    payload = body()
    payload["details"][0]["discount"] = Decimal("5")
    resp = post(http, "/invoice", payload)
    assert resp.status_code == 400
    assert "System.String. Path: $.details[0].discount" in resp.json()["message"]


def test_a_number_where_text_belongs_is_refused(http):
    resp = post(http, "/invoice", body(docNo=1001))
    assert resp.json()["message"] == ("The JSON value could not be converted to System.String. "
                                      "Path: $.master.docNo.")


def test_missing_master_is_refused(http):
    for payload in ({"details": []}, {"master": None}, []):
        resp = post(http, "/creditNote", payload)
        assert resp.json() == {"statusCode": 400, "message": "The Master field is required."}


def test_wrong_or_missing_keys_get_autocounts_401(sb):
    for headers in ({"Key-ID": sb.key_id, "API-Key": "nope"}, {}):
        resp = httpx.get(f"{sb.url}/4013/companyProfile", headers=headers)
        assert resp.status_code == 401
        assert resp.json() == {"statusCode": 401, "message": "401 Unauthorized."}


def test_book_display_reference_matches_no_route(sb, http):
    resp = httpx.get(f"{sb.url}/AM00004013/companyProfile",
                     headers={"Key-ID": sb.key_id, "API-Key": sb.api_key})
    assert resp.status_code == 404


def test_wrong_verb_is_405(http):
    assert http.get("/invoice/listing").status_code == 405


def test_credit_note_qty_must_be_positive_and_empty_lines_are_dropped(http, sb):
    payload = body()
    payload["details"][0]["qty"] = -1
    resp = post(http, "/creditNote", payload)
    assert resp.json()["message"] == "Qty must be a positive number."
    payload = body(docNo="CN-7")
    payload["details"].append({"productCode": None, "description": "", "unitPrice": 0})
    assert post(http, "/creditNote", payload).status_code == 201
    assert len(sb.find("cn-7")["details"]) == 1
    assert sb.documents("invoice") == []


def test_generated_numbers_skip_a_number_already_taken(http, sb):
    assert post(http, "/invoice", body(docNo="I-000001")).status_code == 201
    resp = post(http, "/invoice", body())
    assert resp.headers["location"].endswith("docNo=I-000002")


def test_listing_ignores_a_ref_filter_like_the_real_model_binder(http, sb):
    for i in range(3):
        post(http, "/invoice", body(ref=f"Shopify {i}"))
    resp = post(http, "/invoice/listing", {"page": 1, "filter": {"ref": "Shopify 1"}})
    assert resp.json()["totalCount"] == 3  # no ref filter: everything comes back


def test_listing_filters_pages_and_past_the_end(http, sb, server):
    server.page_size = 2
    for i in range(5):
        post(http, "/invoice", body(ref=f"Shopify {i}",
                                    debtorCode="300-S001" if i == 4 else "300-H001"))
    by_debtor = {"debtorCode": {"multiSelect": ["300-h001"]}}
    page2 = post(http, "/invoice/listing", {"page": 2, "filter": by_debtor}).json()
    assert page2["totalCount"] == 4
    assert [r["master"]["docNo"] for r in page2["data"]] == ["I-000003", "I-000004"]
    past = post(http, "/invoice/listing", {"page": 9, "filter": by_debtor}).json()
    assert past == {"data": [], "totalCount": 4}
    ranged = post(http, "/invoice/listing", {"page": 1, "filter": {
        "docNo": {"from": "I-000002", "to": "I-000003"}}}).json()
    assert ranged["totalCount"] == 2
    window = {"createdDate": {"from": "2026-03-11", "to": "2026-03-12"}}
    assert post(http, "/invoice/listing", {"filter": window}).json()["totalCount"] == 0
    dated = {"date": {"from": "2026-03-09", "to": "2026-03-09"}}
    assert post(http, "/invoice/listing", {"filter": dated}).json()["totalCount"] == 5


def test_unstable_listing_order_moves_on_each_write_only(http, sb, server):
    server.unstable_listing = True
    for i in range(12):
        post(http, "/invoice", body(ref=f"Shopify {i}"))

    def order():
        rows = post(http, "/invoice/listing", {"page": 1}).json()["data"]
        return [r["master"]["docNo"] for r in rows]

    first = order()
    assert first == order()  # a quiet book reads the same twice
    assert first != sorted(first)
    post(http, "/invoice", body(ref="Shopify late"))
    assert order()[:12] != first


def test_void_then_void_again(http, sb):
    post(http, "/invoice", body())
    assert post(http, "/invoice/void?docNo=I-000001", {}).status_code == 204
    assert sb.find("I-000001")["master"]["cancelled"] is True
    again = post(http, "/invoice/void?docNo=I-000001", {})
    assert again.status_code == 400
    assert post(http, "/invoice/void?docNo=I-404", {}).status_code == 404


def test_quota_spent_answers_429_and_the_window_resets(sb, http, clock, server):
    server.rate_limit = 2
    codes = [http.get("/companyProfile").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    clock.t += 60
    assert http.get("/companyProfile").status_code == 200


def test_registry_convention(sb):
    cls = sandbox_class("autocount")
    assert cls is AutoCountSandbox
    made = cls(orders=5, seed=1)
    assert made.credentials() == {"key_id": made.key_id, "api_key": made.api_key}
    assert made.store_settings() == {"book": "4013"}
    with pytest.raises(TypeError):
        sb.reset(book="1")


def test_balances_move_with_every_stock_moving_document(sb):
    sb.reset()
    start = sb.balance("TS-RED-S")
    sb.add_document(body(ref="Shopify 2001"))  # sells 2
    cn = body(ref="Shopify 2001 R")
    cn["master"].update(ourInvoiceNo="I-000001", reason="Returned")
    cn["details"][0].update(qty=1, goodsReturn=True)
    sb.add_document(cn, "creditNote")  # 1 comes back
    price_only = body(ref="Shopify 2001 R2")
    price_only["master"].update(ourInvoiceNo="I-000001", reason="Price")
    price_only["details"][0].update(qty=1, goodsReturn=False)
    sb.add_document(price_only, "creditNote")  # no goods: nothing moves
    assert sb.balance("TS-RED-S") - start == -2 + 1
    assert sb.balance("TS-RED-S", "HQ") == sb.balance("ts-red-s")
    assert sb.balance("TS-RED-S", "WH-KL") == 0
