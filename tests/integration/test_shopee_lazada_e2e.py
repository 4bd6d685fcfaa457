"""End to end over loopback: the Shopee and Lazada sandboxes -> ecdesk -> AutoCount sandbox.

1,000 seeded orders (500 per marketplace), authorised through each platform's code flow:
every order is posted exactly once or held with exactly the reasons its seed expects; a
second sync posts nothing; each posted order's settlement (Shopee escrow, Lazada finance
rows) equals its posted total less its fees and refunds, to the cent.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import select

from ecdesk.db.models import HoldRow, OrderRow
from ecdesk.demo import configure, start_sandboxes
from ecdesk.domain import ZERO
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient

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

    docs_before = len(world.autocount.documents())
    second = svc.sync()
    assert second.posted == 0 and second.pending == 0
    assert len(world.autocount.documents()) == docs_before
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
