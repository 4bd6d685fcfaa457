"""End to end over loopback: the Shopee and Lazada sandboxes -> ecdesk -> AutoCount sandbox.

1,000 seeded orders (500 per marketplace), authorised through each platform's code flow:
every order is posted exactly once or held with exactly the reasons its seed expects; a
second sync posts nothing; each posted order's settlement (Shopee escrow, Lazada finance
rows) equals its posted total less its fees and refunds, to the cent, read from the AutoCount
sandbox's own documents: invoice - fee credit note - refund credit notes == settlement, and
the fee note's lines sum per ledger to the order's fees of the kinds mapped to that ledger.
An order held for a missing fee ledger posts only its fee note once the ledger is set.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import select

from ecdesk.db.models import HoldRow, OrderRow
from ecdesk.demo import AUTOCOUNT_DEFAULTS, configure, start_sandboxes
from ecdesk.domain import PLATFORMS, ZERO, Order
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient
from ecdesk.sync.posting import FEE_SETTINGS

ORDERS = 500
# fast AutoCount; one order per marketplace whose total is off by a cent (held)
OPTIONS = {"autocount": {"rate_limit": 1_000_000}, "shopee": {"broken_total": True},
           "lazada": {"broken_total": True}}
PREFIX = {"shopee": "SP-", "lazada": "LZ-"}


@pytest.fixture
def world():
    w = start_sandboxes(["shopee", "lazada"], orders=ORDERS, seed_value=7,
                        options=OPTIONS)
    yield w
    w.stop()


def _outcomes(svc: Service) -> dict[str, tuple[str, set[str]]]:
    with svc.db.session() as s:
        holds: dict[int, set[str]] = {}
        for h in s.scalars(select(HoldRow)):
            holds.setdefault(h.order_id, set()).add(h.code)
        return {r.external_id: (r.outcome, holds.get(r.id, set()))
                for r in s.scalars(select(OrderRow))}


def test_1000_marketplace_orders_posted_once_or_held_and_settlements_add_up(world, tmp_path):
    svc = Service(f"sqlite:///{tmp_path / 'e2e.sqlite'}", http=HttpClient(sleep=lambda s: None))
    configure(svc, world)  # includes `store auth` with each sandbox's one-time code
    first = svc.sync()
    assert first.status == "ok", first.errors

    got = _outcomes(svc)
    tally: Counter = Counter()
    for platform in ("shopee", "lazada"):
        sandbox = world.sandboxes[platform]
        expected = sandbox.expected()
        assert set(expected) <= set(got)
        for eid, exp in expected.items():
            outcome, codes = got[eid]
            if exp["disposition"] == "postable":
                want = ("held", set(exp["holds"])) if exp["holds"] else ("posted", set())
            else:
                want = (exp["disposition"], set())
            assert (outcome, codes) == want, f"{platform} order {eid}"
            tally[platform, outcome] += 1
    assert len(got) == 2 * ORDERS
    for platform in ("shopee", "lazada"):
        assert tally[platform, "posted"] > 250 and tally[platform, "held"] > 10
        assert tally[platform, "waiting"] and tally[platform, "ignored"]
        assert any("amount_mismatch" in e["holds"]
                   for e in world.sandboxes[platform].expected().values())

    invoices = world.autocount.documents("invoice")
    posted = tally["shopee", "posted"] + tally["lazada", "posted"]
    assert len(invoices) == posted
    nos = {d["master"]["docNo"] for d in invoices}
    assert len(nos) == posted
    assert any(n.startswith("SP-") for n in nos) and any(n.startswith("LZ-") for n in nos)

    check_settlements(svc, world)
    waiting = check_autocount_adds_up(svc, world, minimum=10, released_only=True)
    assert waiting["shopee"] > 100 and waiting["lazada"] > 100  # fee notes wait for release

    docs_before = len(world.autocount.documents())
    second = svc.sync()
    assert second.posted == 0 and second.pending == 0
    assert len(world.autocount.documents()) == docs_before

    for platform in ("shopee", "lazada"):  # the marketplaces release the payouts
        assert world.sandboxes[platform].release_all()
    third = svc.sync()
    assert third.status == "ok", third.errors
    assert _outcomes(svc) == got  # the held stay held for their reasons; no order moved
    assert third.posted == sum(waiting.values())  # each waiting fee note, nothing else
    check_autocount_adds_up(svc, world)  # now every posted order ties out to its payout
    assert svc.sync().posted == 0
    svc.close()


def check_settlements(svc: Service, world) -> None:
    """AutoCount invoice total - fees - refunds == the marketplace's settlement, to the cent
    (Shopee escrow_amount; Lazada the sum of the order's finance rows)."""
    invoices = {d["master"]["docNo"]: d["master"] for d in world.autocount.documents("invoice")}
    checked: Counter = Counter()
    with svc.db.session() as s:
        for row in s.scalars(select(OrderRow).where(OrderRow.outcome == "posted")):
            platform = row.store.platform
            order = svc.engine.connector(row.store).normalise(row.payload)
            invoice = invoices[PREFIX[platform] + order.number]
            total = Decimal(str(invoice["total"]))
            assert total == order.total, order.number
            fees = sum((f.amount for f in order.fees), ZERO)
            assert fees > 0, order.number
            settlement = world.sandboxes[platform].settlement(order.external_id)
            assert total - fees - order.refunded == settlement, order.number
            checked[platform] += 1
    assert checked["shopee"] > 250 and checked["lazada"] > 250


def _money(value) -> Decimal:
    return Decimal(str(value))


def _posted_orders(svc: Service) -> list[tuple[str, Order]]:
    with svc.db.session() as s:
        rows = s.scalars(select(OrderRow).where(OrderRow.outcome == "posted"))
        return [(r.store.platform, svc.engine.connector(r.store).normalise(r.payload))
                for r in rows]


def check_autocount_adds_up(svc: Service, world, minimum: int = 250, *,
                            released_only: bool = False) -> Counter:
    """From the AutoCount sandbox's own documents: for every posted order, invoice total - fee
    credit note total - refund credit notes == settlement to the cent; the fee note's lines,
    summed per ledger, equal the order's fees summed by the kinds mapped to that ledger; and
    AutoCount holds no credit note that is not one of those. ``released_only``: an order
    whose payout is not released has no fee note yet (docs/decisions.md §6); answers how
    many wait so, per platform."""
    invoices = {d["master"]["docNo"]: d for d in world.autocount.documents("invoice")}
    credits = {d["master"]["docNo"]: d for d in world.autocount.documents("creditNote")}
    accounted: set[str] = set()
    by_ledger: dict[str, Decimal] = {}
    checked: Counter = Counter()
    discounted = [0]
    waiting: Counter = Counter()
    for platform, order in _posted_orders(svc):
        sale = PREFIX[platform] + order.number
        invoice = invoices[sale]["master"]
        refunds = [credits[f"{sale}-R{n}"] for n in range(1, len(order.refunds) + 1)]
        accounted |= {r["master"]["docNo"] for r in refunds}
        if released_only and not order.settlement_released:
            assert sale + "-F" not in credits, order.number  # waits for the release
            waiting[platform] += 1
            continue
        note = credits[sale + "-F"]
        master = note["master"]
        assert master["ref"] == f"{PLATFORMS[order.platform].ref} {order.number} fees"[:40]
        assert master["debtorCode"] == invoice["debtorCode"] and master["ourInvoiceNo"] == sale
        accounted.add(sale + "-F")
        refunded = sum((_money(r["master"]["total"]) for r in refunds), ZERO)
        settlement = world.sandboxes[platform].settlement(order.external_id)
        assert (_money(invoice["total"]) - _money(master["total"]) - refunded
                == settlement), order.number
        if order.order_discount:  # the seller's voucher: a discount line on the invoice
            negative = sum((_money(d["subTotal"]) for d in invoices[sale]["details"]
                            if _money(d["subTotal"]) < 0), ZERO)
            assert negative == -order.order_discount, order.number
            discounted[0] += 1
        lines: dict[str, Decimal] = {}
        for d in note["details"]:
            assert not d["productCode"] and not d["taxCode"]
            lines[d["accNo"]] = lines.get(d["accNo"], ZERO) + _money(d["subTotal"])
        fees: dict[str, Decimal] = {}
        for fee in order.fees:
            ledger = AUTOCOUNT_DEFAULTS[FEE_SETTINGS[fee.kind]]
            fees[ledger] = fees.get(ledger, ZERO) + fee.amount
        assert lines == {k: v for k, v in fees.items() if v}, order.number
        for ledger, amount in lines.items():
            by_ledger[ledger] = by_ledger.get(ledger, ZERO) + amount
        checked[platform] += 1
    assert set(credits) == accounted  # no stray or duplicate fee notes
    assert checked["shopee"] > minimum and checked["lazada"] > minimum
    # the seeds charge commission, payment/service and shipping fees; seller vouchers are
    # the invoice's discount (docs/decisions.md §6), never on a fee note
    assert {"908-1000", "908-2000", "908-3000"} <= set(by_ledger)
    assert "908-4000" not in by_ledger
    assert all(amount > 0 for amount in by_ledger.values())
    assert discounted[0] > 0  # the seeds' seller vouchers are there, as invoice discounts
    return waiting


def test_order_held_for_a_missing_fee_ledger_posts_only_its_fee_note_once_set(tmp_path):
    w = start_sandboxes(["shopee", "lazada"], orders=40, seed_value=11,
                        options={"autocount": {"rate_limit": 1_000_000}})
    try:
        svc = Service(f"sqlite:///{tmp_path / 'fees.sqlite'}",
                      http=HttpClient(sleep=lambda s: None))
        configure(svc, w)
        svc.set_autocount(settings={"fee_account_commission": ""})  # no commission ledger
        for name in ("shopee", "lazada"):
            w.sandboxes[name].release_all()  # the fee notes are due at once
        svc.sync()
        got = _outcomes(svc)
        postable = [eid for name in ("shopee", "lazada")
                    for eid, exp in w.sandboxes[name].expected().items()
                    if exp["disposition"] == "postable" and not exp["holds"]]
        assert len(postable) > 40
        # the sale is posted, the order held for the ledger, no fee note in AutoCount
        assert all(got[eid] == ("held", {"config"}) for eid in postable)
        invoices = {d["master"]["docNo"] for d in w.autocount.documents("invoice")}
        assert len(invoices) == len(postable)
        assert not [d for d in w.autocount.documents("creditNote")
                    if d["master"]["docNo"].endswith("-F")]
        reasons = {h.external_id: h.reasons for h in svc.held()}
        assert all("fee_account_commission" in reasons[eid] for eid in postable)

        svc.update_store("Demo Shopee", settings={"fee_account_commission": "908-1000"})
        svc.update_store("Demo Lazada", settings={"fee_account_commission": "908-1000"})
        retried = svc.retry_all(fixable_only=True)
        assert retried.status == "ok", retried.errors
        got = _outcomes(svc)
        assert all(got[eid] == ("posted", set()) for eid in postable)
        # invoices untouched; one fee note per order, plus refunds that waited behind it
        assert {d["master"]["docNo"] for d in w.autocount.documents("invoice")} == invoices
        notes = [d["master"]["docNo"] for d in w.autocount.documents("creditNote")]
        assert sorted(n for n in notes if n.endswith("-F")) == sorted(f"{n}-F" for n in invoices)
        assert all(n.endswith("-F") or "-R" in n for n in notes)
        assert retried.posted == len(notes)
        check_autocount_adds_up(svc, w, minimum=10)

        before = len(w.autocount.documents())
        again = svc.sync()
        assert again.posted == 0 and len(w.autocount.documents()) == before
        svc.close()
    finally:
        w.stop()

