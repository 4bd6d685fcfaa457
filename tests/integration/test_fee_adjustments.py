"""Fees that change after their note (issue 14, docs/decisions.md §6): only the difference is
posted, as a fee adjustment note; a rise beyond the store's tolerance is held with both
figures; the payout ties out again."""

from __future__ import annotations

from decimal import Decimal

import pytest
from marketplace_world import synced_world

from ecdesk.service import HeldQuery


@pytest.fixture
def shopee(tmp_path):
    with synced_world(tmp_path, ["shopee"], orders=40, seed=3) as (svc, world):
        yield svc, world


def test_a_small_rise_posts_the_difference_a_large_one_is_held(shopee):
    svc, world = shopee
    sb = world.sandboxes["shopee"]
    notes = {d["master"]["docNo"] for d in world.autocount.documents("creditNote")}
    posted = [p for p in svc.payouts() if p.fees > 0]
    first, second = posted[0], posted[1]
    assert f"SP-{first.order}-F" in notes

    sb.charge_more(first.external_id, "commission_fee", Decimal("0.40"))
    svc.sync()
    adj = world.autocount.find(f"SP-{first.order}-F2")
    assert adj is not None and adj["master"]["total"] == Decimal("0.40")
    assert adj["master"]["ourInvoiceNo"] == f"SP-{first.order}"
    line = next(p for p in svc.payouts() if p.order == first.order)
    assert line.fees == first.fees + Decimal("0.40")
    assert line.expected == line.stated  # ties out again
    svc.sync()
    assert world.autocount.find(f"SP-{first.order}-F3") is None  # never twice

    sb.charge_more(second.external_id, "commission_fee", Decimal("5.00"))
    svc.sync()
    assert world.autocount.find(f"SP-{second.order}-F2") is None
    held = svc.order_detail(svc.find_order(f"{second.store}:{second.order}"))
    assert held.outcome == "held" and held.holds[0].code == "amount_mismatch"
    assert "changed after they were posted" in held.holds[0].detail
    assert "(difference MYR 5.00)" in held.holds[0].detail
    assert svc.find_order(f"{second.store}:{second.order}") in svc.held_ids(HeldQuery())
