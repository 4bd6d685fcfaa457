"""End to end over loopback: the WooCommerce sandbox -> ecdesk -> the AutoCount sandbox.

Every seeded order is posted once or held with exactly the reasons the seed expects; the
posted documents carry WooCommerce's amounts to the cent (tax-inclusive and exclusive orders,
coupon and fee lines, checked against figures worked out by hand below); a partial refund that
leaves ``date_modified`` alone still reaches AutoCount as a credit note.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import select

from ecdesk.db.models import HoldRow, OrderRow
from ecdesk.demo import configure, start_sandboxes
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient

FAST_AUTOCOUNT = {"autocount": {"rate_limit": 1_000_000}}
D = Decimal


def outcomes(svc: Service) -> dict[str, tuple[str, set[str]]]:
    with svc.db.session() as s:
        holds: dict[int, set[str]] = {}
        for h in s.scalars(select(HoldRow)):
            holds.setdefault(h.order_id, set()).add(h.code)
        return {r.external_id: (r.outcome, holds.get(r.id, set()))
                for r in s.scalars(select(OrderRow))}


def check_against_seed(svc: Service, sandbox) -> Counter:
    got, tally = outcomes(svc), Counter()
    expected = sandbox.expected()
    assert set(got) == set(expected)
    for eid, exp in expected.items():
        if exp["disposition"] == "postable":
            want = ("held", exp["holds"]) if exp["holds"] else ("posted", set())
        else:
            want = (exp["disposition"], set())
        assert got[eid] == want, f"order {eid}"
        tally[want[0]] += 1
    return tally


def service(tmp_path) -> Service:
    return Service(f"sqlite:///{tmp_path / 'e2e.sqlite'}", http=HttpClient(sleep=lambda s: None))


def doc(world, doc_no: str) -> dict:
    found = world.autocount.find(doc_no)
    assert found is not None, f"{doc_no} not in AutoCount"
    return found


def rows(document: dict) -> list[tuple]:
    """(item, qty, unit price, discount, tax code, tax, amount ex tax, amount with tax)."""
    return [(d["productCode"], D(d["qty"]), D(d["unitPrice"]), D(d["discountAmt"]),
             d["taxCode"] or "", D(d["tax"]), D(d["subTotalExTax"]), D(d["subTotal"]))
            for d in document["details"]]


@pytest.fixture
def world():
    w = start_sandboxes(["woocommerce"], orders=120, seed_value=7, options=FAST_AUTOCOUNT)
    yield w
    w.stop()


@pytest.fixture
def hand_world():
    w = start_sandboxes(["woocommerce"], orders=0, options=FAST_AUTOCOUNT)
    yield w
    w.stop()


def test_every_seeded_order_posted_once_or_held_with_the_expected_reasons(world, tmp_path):
    svc = service(tmp_path)
    configure(svc, world)
    first = svc.sync()
    assert first.status == "ok", first.errors
    woo = world.sandboxes["woocommerce"]
    tally = check_against_seed(svc, woo)
    assert tally["posted"] >= 90 and tally["held"] and tally["waiting"] and tally["ignored"]
    invoices = world.autocount.documents("invoice")
    assert len(invoices) == tally["posted"]
    by_no = {d["master"]["docNo"]: d for d in invoices}
    got = outcomes(svc)
    for oid, order in woo.data.orders.items():
        if got[str(oid)][0] != "posted":
            continue
        master = by_no[f"WC-{order['number']}"]["master"]
        assert D(master["total"]) == order["total"], order["number"]  # to the cent
        assert master["ref"] == f"WooCommerce {order['number']}"
        assert master["inclusiveTax"] is order["prices_include_tax"]
    # refunds already on the orders became credit notes of the refunded amount
    for note in world.autocount.documents("creditNote"):
        number = note["master"]["docNo"].removeprefix("WC-").rsplit("-R", 1)[0]
        order = next(o for o in woo.data.orders.values() if o["number"] == number)
        assert D(note["master"]["total"]) in {woo.data.refunds[r]["amount"]
                                              for r in order["refund_ids"]}
    before = len(world.autocount.documents())
    second = svc.sync()
    assert second.posted == 0 and len(world.autocount.documents()) == before
    # never asked WooCommerce for more than 100 a page (it would have answered 400)
    assert {r.arg("per_page") for r in woo.requests if r.arg("per_page")} == {"100"}
    svc.close()


def test_posted_amounts_match_hand_computed_figures(hand_world, tmp_path):
    woo = hand_world.sandboxes["woocommerce"]
    # A: prices exclude tax, 8 %: 2 x 39.90 less coupon 10 % = 71.82 (tax 5.75);
    #    flat rate 8.00 (tax 0.64); COD fee 3.00 (tax 0.24) -> 89.45
    a = woo.add_order([("TSHIRT-RED-M", 2)], rate=8, coupon_pct=10,
                      fee=("COD handling fee", "3.00", True))
    # B: prices include tax, 8 %: 2 x 39.90 less 7.98 = 71.82 incl. (tax 71.82*8/108 = 5.32);
    #    flat rate 8.00 + 0.64 = 8.64; fee 3.00 + 0.24 = 3.24 -> 83.70
    b = woo.add_order([("TSHIRT-RED-M", 2)], rate=8, incl=True, coupon_pct=10,
                      fee=("COD handling fee", "3.00", True))
    # C: 6 %, no coupon: 89.00 (tax 5.34), local pickup 0.00, untaxed credit -5.00 -> 89.34
    c = woo.add_order([("HOODIE-GRY-M", 1)], rate=6, shipping="local_pickup",
                      fee=("Loyalty discount", "-5.00", False))
    svc = service(tmp_path)
    configure(svc, hand_world)
    assert svc.sync().status == "ok"
    got = outcomes(svc)
    assert [got[str(x)] for x in (a, b, c)] == [("posted", set())] * 3
    num = {x: woo.data.orders[x]["number"] for x in (a, b, c)}

    doc_a = doc(hand_world, f"WC-{num[a]}")
    assert doc_a["master"]["inclusiveTax"] is False
    assert rows(doc_a) == [
        ("TS-RED-M", D(2), D("39.90"), D("7.98"), "SV-8", D("5.75"), D("71.82"), D("77.57")),
        ("SHIPPING", D(1), D("8.00"), D("0.00"), "SV-8", D("0.64"), D("8.00"), D("8.64")),
        ("FEE", D(1), D("3.00"), D("0.00"), "SV-8", D("0.24"), D("3.00"), D("3.24")),
    ]
    assert D(doc_a["master"]["total"]) == D("89.45")

    doc_b = doc(hand_world, f"WC-{num[b]}")
    assert doc_b["master"]["inclusiveTax"] is True
    assert rows(doc_b) == [
        # the ex-tax amount is WooCommerce's own line total: 66.50
        ("TS-RED-M", D(2), D("39.90"), D("7.98"), "SV-8", D("5.32"), D("66.50"), D("71.82")),
        ("SHIPPING", D(1), D("8.64"), D("0.00"), "SV-8", D("0.64"), D("8.00"), D("8.64")),
        ("FEE", D(1), D("3.24"), D("0.00"), "SV-8", D("0.24"), D("3.00"), D("3.24")),
    ]
    assert D(doc_b["master"]["total"]) == D("83.70")

    doc_c = doc(hand_world, f"WC-{num[c]}")
    got_c = rows(doc_c)
    assert got_c[0] == ("HD-GRY-M", D(1), D("89.00"), D("0.00"), "SV-6", D("5.34"), D("89.00"),
                        D("94.34"))
    assert ("FEE", D(1), D("-5.00"), D("0.00"), "", D("0.00"), D("-5.00"), D("-5.00")) in got_c
    assert D(doc_c["master"]["total"]) == D("89.34")
    svc.close()


def test_partial_refund_that_leaves_date_modified_alone_reaches_autocount(hand_world, tmp_path):
    woo = hand_world.sandboxes["woocommerce"]
    oid = woo.add_order([("TSHIRT-RED-M", 2), ("MUG-WHT-350", 1)], rate=8)
    svc = service(tmp_path)
    configure(svc, hand_world)
    assert svc.sync().posted == 1
    order = woo.data.orders[oid]
    modified = order["modified"]
    mug = order["lines"][1]  # 18.50 + 8 % = 19.98
    woo.refund(oid, line_id=mug["id"], reason="Broken in transit")
    assert order["modified"] == modified and order["status"] == "processing"
    second = svc.sync()
    assert second.status == "ok", second.errors
    note = doc(hand_world, f"WC-{order['number']}-R1")
    assert D(note["master"]["total"]) == D("19.98")
    assert [(d["productCode"], D(d["qty"])) for d in note["details"]] == [("MUG-350", D(1))]
    svc.close()
