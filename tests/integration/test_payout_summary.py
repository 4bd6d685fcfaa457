"""One document per marketplace payout (issue 14, docs/decisions.md §9, posting_mode=payout):
a Lazada store's orders wait until Lazada pays them out in a statement; each paid statement
becomes one invoice ``<prefix>P<statement>`` and one fee note ``-F`` from the released figures,
with the same ledger totals as one document per order, and the payouts tie out."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from marketplace_world import synced_world
from sqlalchemy import select

from ecdesk.db.models import OrderRow
from ecdesk.errors import UsageError

ZERO = Decimal(0)


def _waiting(svc) -> list[str]:
    """Why each waiting order waits."""
    with svc.db.session() as s:
        return [r.reason_summary or "" for r in s.scalars(
            select(OrderRow).where(OrderRow.outcome == "waiting"))]


def _totals(world) -> tuple[Decimal, Decimal]:
    """Receivable and fees in the AutoCount sandbox: invoices and fee notes, to the cent."""
    inv = sum((Decimal(str(d["master"]["total"])) for d in world.autocount.documents("invoice")),
              ZERO)
    fees = sum((Decimal(str(d["master"]["total"])) for d in
                world.autocount.documents("creditNote") if d["master"]["docNo"].endswith("-F")),
               ZERO)
    return inv, fees


def test_each_paid_statement_is_one_invoice_and_one_fee_note(tmp_path):
    with synced_world(tmp_path, ["lazada"], orders=60, seed=7,
                      settings={"posting_mode": "payout"}) as (svc, world):
        invoices = [d["master"] for d in world.autocount.documents("invoice")]
        assert invoices and all(m["docNo"].startswith("LZ-PMY") for m in invoices)
        assert all(m["ref"].startswith("Lazada payout MY-") for m in invoices)
        assert any("Waits for Lazada to pay it out" in why for why in _waiting(svc))
        statements = Counter(p.payout_ref for p in svc.payouts() if p.payout_ref)
        assert len(invoices) >= len(statements) > 0  # one per statement (and batch)
        notes = {d["master"]["docNo"] for d in world.autocount.documents("creditNote")}
        assert {f"{m['docNo']}-F" for m in invoices} <= notes

        released = world.sandboxes["lazada"].release_all()
        assert released
        svc.sync()
        after = [d["master"] for d in world.autocount.documents("invoice")]
        assert len(after) > len(invoices)  # this week's statement: a new payout document
        assert not [why for why in _waiting(svc) if "pay it out" in why]
        lines = svc.payouts()
        assert lines and {p.state for p in lines} == {"reconciled"}
        paid = _totals(world)
        calls = len(world.autocount.requests)
        svc.sync()
        assert len(world.autocount.requests) - calls < 5 and _totals(world) == paid

    (tmp_path / "per-order").mkdir()
    with synced_world(tmp_path / "per-order", ["lazada"], orders=60, seed=7,
                      release=True) as (svc2, world2):
        svc2.sync()  # the same orders, one document each, all paid out
        assert _totals(world2) == paid  # the same receivable and fees to the cent


def test_a_shopee_payout_is_a_day_of_escrow_releases(tmp_path):
    with synced_world(tmp_path, ["shopee"], orders=60, seed=3,
                      settings={"posting_mode": "payout"}) as (svc, world):
        invoices = [d["master"] for d in world.autocount.documents("invoice")]
        assert invoices and all(m["docNo"].startswith("SP-P2") for m in invoices)
        assert all(m["ref"] == f"Shopee payout {m['docDate'][:10]}" for m in invoices)
        assert any("Waits for Shopee to pay it out" in why for why in _waiting(svc))
        world.sandboxes["shopee"].release_all()
        svc.sync()
        assert not [why for why in _waiting(svc) if "pay it out" in why]
        assert {p.state for p in svc.payouts()} == {"reconciled"}
        paid = _totals(world)
    (tmp_path / "per-order").mkdir()
    with synced_world(tmp_path / "per-order", ["shopee"], orders=60, seed=3,
                      release=True) as (_, world2):
        assert _totals(world2) == paid


def test_payout_mode_is_for_stores_whose_orders_name_their_payout(tmp_path):
    with synced_world(tmp_path, ["custom"], orders=5, seed=3) as (svc, _):
        with pytest.raises(UsageError, match="only Shopee's, Lazada's, Shopify's"):
            svc.update_store(svc.store_names()[0], settings={"posting_mode": "payout"})
