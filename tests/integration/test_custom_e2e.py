"""End to end over loopback: the custom feed sandbox -> ecdesk -> the AutoCount sandbox.

Every seeded order is posted once or held with the expected reasons (the two schema-breaking
orders held as ``bad_payload`` with the schema error in words, never dropped); posted
documents carry the feed's amounts to the cent, checked against figures worked out by hand.
"""

from __future__ import annotations

import copy
from collections import Counter
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from ecdesk.db.models import HoldRow, OrderRow
from ecdesk.demo import configure, start_sandboxes
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient

FAST_AUTOCOUNT = {"autocount": {"rate_limit": 1_000_000}}
D = Decimal


def holds_by_order(svc: Service) -> dict[str, tuple[str, dict[str, str]]]:
    with svc.db.session() as s:
        holds: dict[int, dict[str, str]] = {}
        for h in s.scalars(select(HoldRow)):
            holds.setdefault(h.order_id, {})[h.code] = h.detail
        return {r.external_id: (r.outcome, holds.get(r.id, {}))
                for r in s.scalars(select(OrderRow))}


def service(tmp_path) -> Service:
    return Service(f"sqlite:///{tmp_path / 'e2e.sqlite'}", http=HttpClient(sleep=lambda s: None))


@pytest.fixture
def world():
    w = start_sandboxes(["custom"], orders=120, seed_value=7, options=FAST_AUTOCOUNT)
    yield w
    w.stop()


def test_every_seeded_order_posted_once_or_held_with_the_expected_reasons(world, tmp_path):
    svc = service(tmp_path)
    configure(svc, world)
    first = svc.sync()
    assert first.status == "ok", first.errors
    feed = world.sandboxes["custom"]
    got, tally = holds_by_order(svc), Counter()
    expected = feed.expected()
    assert set(got) == set(expected)
    for oid, exp in expected.items():
        if exp["disposition"] == "postable":
            want = ("held", exp["holds"]) if exp["holds"] else ("posted", set())
        else:
            want = (exp["disposition"], set())
        assert (got[oid][0], set(got[oid][1])) == want, oid
        tally[want[0]] += 1
    bad = [oid for oid, e in expected.items() if "bad_payload" in e["holds"]]
    assert len(bad) == 2
    for oid in bad:
        assert f"Order '{oid}': field '" in got[oid][1]["bad_payload"]
    assert tally["posted"] >= 90 and tally["waiting"] and tally["ignored"]
    invoices = {d["master"]["docNo"]: d for d in world.autocount.documents("invoice")}
    assert len(invoices) == tally["posted"]
    for oid, order in feed.orders.items():
        if got[oid][0] == "posted":
            master = invoices[f"WB-{order['number']}"]["master"]
            assert D(master["total"]) == D(order["total"]), oid
    before = len(world.autocount.documents())
    assert svc.sync().posted == 0 and len(world.autocount.documents()) == before
    svc.close()


EXCLUSIVE = {  # docs/custom-feed.md §5: 71.82 + 8.00 + 3.00 + 6.63 tax = 89.45
    "id": "H1", "number": "9001", "status": "paid", "currency": "MYR",
    "prices_include_tax": False, "payment_method": "fpx",
    "lines": [{"id": "1", "sku": "TSHIRT-RED-M", "name": "T-shirt", "quantity": 2,
               "unit_price": "39.90", "discount": "7.98", "tax_rate": 8, "tax": "5.75"}],
    "shipping": [{"method": "standard", "title": "Standard delivery", "amount": "8.00",
                  "tax_rate": 8, "tax": "0.64"}],
    "charges": [{"name": "COD handling fee", "amount": "3.00", "tax": "0.24"}],
    "tax_total": "6.63", "total": "89.45",
}


def test_posted_amounts_match_hand_computed_figures(tmp_path):
    with start_sandboxes(["custom"], orders=0, options=FAST_AUTOCOUNT) as world:
        feed = world.sandboxes["custom"]
        now = datetime.now(UTC) - timedelta(hours=1)
        stamp = {"created_at": now.isoformat(), "updated_at": now.isoformat()}
        feed.add_order({**copy.deepcopy(EXCLUSIVE), **stamp})
        # same order with tax-inclusive prices: taxes 71.82*8/108 = 5.32, 8.00*8/108 = 0.59,
        # 3.00*8/108 = 0.22; total 71.82 + 8.00 + 3.00 = 82.82
        inclusive = {**copy.deepcopy(EXCLUSIVE), **stamp, "id": "H2", "number": "9002",
                     "prices_include_tax": True, "tax_total": "6.13", "total": "82.82"}
        inclusive["lines"][0]["tax"] = "5.32"
        inclusive["shipping"][0]["tax"] = "0.59"
        inclusive["charges"][0]["tax"] = "0.22"
        feed.add_order(inclusive)
        svc = service(tmp_path)
        configure(svc, world)
        assert svc.sync().status == "ok"
        assert {k: v[0] for k, v in holds_by_order(svc).items()} == {"H1": "posted",
                                                                     "H2": "posted"}

        def rows(doc_no):
            doc = world.autocount.find(doc_no)
            return doc["master"], [
                (d["productCode"], D(d["unitPrice"]), D(d["discountAmt"]), d["taxCode"],
                 D(d["tax"]), D(d["subTotalExTax"])) for d in doc["details"]]

        master, lines = rows("WB-9001")
        assert master["inclusiveTax"] is False and D(master["total"]) == D("89.45")
        assert lines == [("TS-RED-M", D("39.90"), D("7.98"), "SV-8", D("5.75"), D("71.82")),
                         ("SHIPPING", D("8.00"), D("0.00"), "SV-8", D("0.64"), D("8.00")),
                         ("FEE", D("3.00"), D("0.00"), "SV-8", D("0.24"), D("3.00"))]
        master, lines = rows("WB-9002")
        assert master["inclusiveTax"] is True and D(master["total"]) == D("82.82")
        assert lines == [("TS-RED-M", D("39.90"), D("7.98"), "SV-8", D("5.32"), D("66.50")),
                         ("SHIPPING", D("8.00"), D("0.00"), "SV-8", D("0.59"), D("7.41")),
                         ("FEE", D("3.00"), D("0.00"), "SV-8", D("0.22"), D("2.78"))]
        svc.close()


def test_a_bundle_is_held_until_mapped_then_posts_its_components_and_moves_their_stock(
        tmp_path):
    gift = {**copy.deepcopy(EXCLUSIVE), "id": "B1", "number": "9101",
            "prices_include_tax": True, "charges": [], "shipping": [],
            "lines": [{"id": "1", "sku": "GIFT-SET", "name": "Gift set", "quantity": 3,
                       "unit_price": "60.00", "discount": "6.00", "tax_rate": 8,
                       "tax": "12.89"}],
            "tax_total": "12.89", "total": "174.00"}
    with start_sandboxes(["custom"], orders=0, options=FAST_AUTOCOUNT) as world:
        now = datetime.now(UTC) - timedelta(hours=1)
        world.sandboxes["custom"].add_order(
            {**gift, "created_at": now.isoformat(), "updated_at": now.isoformat()})
        svc = service(tmp_path)
        configure(svc, world)
        store = svc.store_names()[0]
        shirts, caps = world.autocount.balance("TS-RED-M"), world.autocount.balance("CAP-BLK")
        assert svc.sync().status == "ok"
        outcome, holds = holds_by_order(svc)["B1"]
        assert outcome == "held" and "GIFT-SET" in holds["unmapped_sku"]
        assert world.autocount.find("WB-9101") is None  # never a guessed item code

        svc.stock.set_bundle(store, "GIFT-SET", {"TS-RED-M": D(2), "CAP-BLK": D(1)})
        assert svc.sync().status == "ok"  # the bundle map releases it without a Retry
        assert holds_by_order(svc)["B1"] == ("posted", {})
        doc = world.autocount.find("WB-9101")
        # gross 180.00 split 2:1 -> 120.00 over 6 shirts, 60.00 over 3 caps; discount 4.00, 2.00
        assert [(d["productCode"], D(d["qty"]), D(d["unitPrice"]), D(d["discountAmt"]))
                for d in doc["details"]] == [("TS-RED-M", D(6), D("20.00"), D("4.00")),
                                             ("CAP-BLK", D(3), D("20.00"), D("2.00"))]
        assert D(doc["master"]["total"]) == D("174.00")
        assert world.autocount.balance("TS-RED-M") == shirts - 6
        assert world.autocount.balance("CAP-BLK") == caps - 3
        svc.close()
