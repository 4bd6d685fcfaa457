"""Custom feed: schema, normalisation to the cent, schema errors in words, CSV layout."""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ecdesk.domain import Disposition, Platform
from ecdesk.sandbox.custom import CustomFeedSandbox
from ecdesk.sync.connectors.base import PayloadError, StoreConfig
from ecdesk.sync.connectors.custom import (
    SCHEMA_PATH,
    STATUS_TABLE,
    CustomFeedConnector,
    csv_orders,
    identify,
)
from ecdesk.sync.http import HttpClient, loads

D = Decimal
ROOT = Path(__file__).resolve().parents[2]


def connector(creds, **settings) -> CustomFeedConnector:
    store = StoreConfig(1, "web", Platform.CUSTOM, "https://shop.example/feed", settings)
    return CustomFeedConnector(store, creds, HttpClient())


def doc_example() -> dict:
    """The order example of docs/custom-feed.md §5, taken from the page itself."""
    text = (ROOT / "docs" / "custom-feed.md").read_text("utf-8")
    section = text.split("## 5. One order", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S).group(1)
    return loads(block)


def components(o) -> Decimal:
    total = sum((x.net for x in o.lines), D(0)) + sum((s.net for s in o.shipping), D(0))
    total += sum((e.amount for e in o.extras), D(0)) - o.order_discount
    return total if o.taxes_included else total + o.tax_total


def test_schema_is_valid_draft_2020_12_and_accepts_the_documented_example():
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    page = {"feed_version": "1", "orders": [doc_example()], "next_cursor": None,
            "has_more": False}
    assert list(Draft202012Validator(schema).iter_errors(page)) == []


def test_documented_example_normalises_to_the_cent(creds):
    o = connector(creds).normalise(doc_example())
    assert (o.platform, o.external_id, o.number) == (Platform.CUSTOM, "W1042", "1042")
    assert o.disposition is Disposition.POSTABLE and o.taxes_included is False
    [line] = o.lines
    assert (line.sku, line.quantity, line.unit_price, line.discount, line.tax, line.tax_rate) \
        == ("TSHIRT-RED-M", D(2), D("39.90"), D("7.98"), D("5.75"), D(8))
    assert line.net == D("71.82")
    assert (o.shipping[0].method, o.shipping[0].amount, o.shipping[0].tax) == (
        "standard", D("8.00"), D("0.64"))
    assert (o.extras[0].name, o.extras[0].amount, o.extras[0].tax) == (
        "COD handling fee", D("3.00"), D("0.24"))
    assert o.tax_total == D("6.63") and o.total == D("89.45")
    assert components(o) == o.total  # 71.82 + 8.00 + 3.00 + 6.63
    assert o.payment_methods == ["fpx"] and o.customer.external_id == "C77"
    assert o.created_at.utcoffset().total_seconds() == 8 * 3600


def test_tax_inclusive_order_keeps_the_inclusive_basis(creds):
    payload = doc_example()
    payload.update(prices_include_tax=True, charges=[], total="79.82", tax_total="5.91")
    payload["lines"][0].update(tax="5.32")  # 71.82 * 8 / 108
    payload["shipping"][0].update(tax="0.59")  # 8.00 * 8 / 108
    o = connector(creds).normalise(payload)
    assert o.taxes_included and components(o) == o.total == D("79.82")
    assert o.lines[0].net == D("71.82") and o.shipping[0].net == D("8.00")


def test_refunds_are_read(creds):
    payload = doc_example()
    payload.update(status="partially_refunded", refunds=[{
        "id": "R9", "amount": "39.90", "created_at": "2026-11-03T09:00:00+08:00",
        "reason": "Wrong size", "lines": [{"line_id": "1", "quantity": 1}]}])
    o = connector(creds).normalise(payload)
    [r] = o.refunds
    assert (r.refund_id, r.amount, r.reason, r.lines) == ("R9", D("39.90"), "Wrong size",
                                                          [("1", D(1))])
    assert o.disposition is Disposition.POSTABLE


@pytest.mark.parametrize(("status", "outcome"), [
    ("paid", "postable"), ("processing", "postable"), ("shipped", "postable"),
    ("completed", "postable"), ("partially_refunded", "postable"), ("refunded", "postable"),
    ("pending", "waiting"), ("on_hold", "waiting"), ("cancelled", "ignored"),
    ("failed", "ignored")])
def test_status_table(creds, status, outcome):
    assert STATUS_TABLE[status].value == outcome
    assert connector(creds).normalise({**doc_example(), "status": status}).disposition == outcome


def test_status_table_matches_the_schema_enum():
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    assert set(schema["$defs"]["order"]["properties"]["status"]["enum"]) == set(STATUS_TABLE)


def bad(creds, mutate) -> str:
    payload = copy.deepcopy(doc_example())
    payload["lines"] += [copy.deepcopy(payload["lines"][0]) for _ in range(2)]
    mutate(payload)
    with pytest.raises(PayloadError) as err:
        connector(creds).normalise(payload)
    return str(err.value)


def test_schema_errors_are_in_words(creds):
    def word_quantity(p):
        p["lines"][2]["quantity"] = "two"

    assert bad(creds, word_quantity).startswith(
        "Order 'W1042': field 'lines[2].quantity' must be a number, got 'two'")
    assert "field 'total' must be an amount written as a string like \"12.50\", got 89.45" in \
        bad(creds, lambda p: p.update(total=D("89.45")))
    assert "field 'status' must be one of pending, on_hold, paid" in \
        bad(creds, lambda p: p.update(status="shipped-ish"))
    assert "field 'lines[0].sku' is missing" in bad(creds, lambda p: p["lines"][0].pop("sku"))
    assert "field 'currency' is missing" in bad(creds, lambda p: p.pop("currency"))
    assert "field 'created_at' must be a date-time with its UTC offset" in \
        bad(creds, lambda p: p.update(created_at="2026-11-02 10:15"))
    assert "field 'lines' must have at least 1 item" in bad(creds, lambda p: p.update(lines=[]))


def test_several_problems_are_listed_together(creds):
    def many(p):
        p["lines"][1]["quantity"] = "two"
        p["total"] = "89,45"

    text = bad(creds, many)
    assert "lines[1].quantity" in text and "'total'" in text


def test_identity_survives_a_broken_payload():
    assert identify({"id": "W9", "lines": "garbage"}) == "W9"
    anon = identify({"lines": []})
    assert anon.startswith("unidentified-") and anon == identify({"lines": []})


CSV_HEAD = ("order_id,number,status,created_at,updated_at,currency,prices_include_tax,"
            "payment_method,customer_name,shipping_method,shipping_amount,shipping_tax_rate,"
            "shipping_tax,charge_name,charge_amount,charge_tax,tax_total,total,"
            "line_id,sku,name,quantity,unit_price,discount,tax_rate,tax")
W1 = ("W1,1,paid,2026-11-02T10:15:00+08:00,2026-11-02T10:16:00+08:00,MYR,false,fpx,Ravi,"
      "standard,8.00,8,0.64,COD fee,3.00,0.24,8.74,118.04,")
W2 = ("W2,2,pending,2026-11-03T10:15:00+08:00,2026-11-03T10:15:00+08:00,MYR,true,fpx,Mei,"
      ",,,,,,,0.00,12.80,")
CSV = "\n".join([CSV_HEAD, W1 + "1,TSHIRT-RED-M,T-shirt,2,39.90,0.00,8,6.38",
                 W1 + "2,,Old mug,1,18.50,0.00,8,1.48",
                 W2 + "1,NOTEBOOK-A5,Notebook,two,12.80,0.00,0,0.00"]) + "\n"


def test_csv_one_row_per_line_item(creds):
    orders = csv_orders(CSV)
    assert [o["id"] for o in orders] == ["W1", "W2"]
    o = connector(creds).normalise(orders[0])
    assert [x.sku for x in o.lines] == ["TSHIRT-RED-M", None]  # empty cell = no SKU
    assert o.lines[0].quantity == D(2) and o.extras[0].amount == D("3.00")
    assert components(o) == o.total == D("118.04")  # 79.80 + 18.50 + 8 + 3 + 8.74 tax
    with pytest.raises(PayloadError, match="'lines\\[0\\].quantity' must be a number, got 'two'"):
        connector(creds).normalise(orders[1])


def test_csv_without_the_key_columns_is_refused():
    with pytest.raises(PayloadError, match="no column.*order_id"):
        csv_orders("id,total\n1,2\n")


@pytest.mark.parametrize("seed", [1, 2])
def test_every_well_formed_seeded_order_adds_up_to_the_cent(creds, seed):
    sb = CustomFeedSandbox(clock=lambda: 1_795_000_000.0, seed=seed)
    conn = connector(creds)
    expected = sb.expected()
    held = set()
    for oid, payload in sb.orders.items():
        try:
            o = conn.normalise(sb.public(payload))
        except PayloadError:
            held.add(oid)
            continue
        assert components(o) == o.total, oid
    assert held == {k for k, v in expected.items() if "bad_payload" in v["holds"]}
    assert len(held) == 2


def test_off_by_cent_fault(creds):
    sb = CustomFeedSandbox(clock=lambda: 1_795_000_000.0, off_by_cent=True)
    [oid] = [k for k, v in sb.expected().items() if "amount_mismatch" in v["holds"]]
    o = connector(creds).normalise(sb.public(sb.orders[oid]))
    assert components(o) - o.total == D("-0.01")
