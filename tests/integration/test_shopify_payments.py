"""Shopify Payments payouts end to end: the Shopify sandbox (balance transactions and payouts)
-> ecdesk -> the AutoCount sandbox.

An order paid through Shopify Payments gets a fee note from its released payout that ties out
to the payout to the cent; an order paid another way is untouched; a shop without Shopify
Payments (no account, or an app that may not read it) syncs exactly as before; the balance
transactions are read once per fetch, paged, never per order; in ``posting_mode=payout`` a
shop whose orders are partly Shopify Payments posts every order (none waits for a payout no
one will make)."""

from __future__ import annotations

import json
import logging
from collections import Counter
from contextlib import AbstractContextManager
from decimal import Decimal
from pathlib import Path

import pytest
from marketplace_world import store_world
from sqlalchemy import select

from ecdesk.db.models import OrderRow
from ecdesk.demo import DemoWorld
from ecdesk.service import Service
from ecdesk.sync.connectors import gateway_rows
from ecdesk.sync.connectors.shopify_payments import BALANCE_PAGE, KEY
from tests.integration.test_e2e_shopify import check_against_seed

ZERO = Decimal(0)
CENT = Decimal("0.01")


def shop(folder: Path, payments: str, *, orders: int = 60, seed: int = 5,
         settings: dict[str, str] | None = None, **sandbox: object
         ) -> AbstractContextManager[tuple[Service, DemoWorld]]:
    """One shopify store whose sandbox has payments=payments, configured, not synced."""
    return store_world(folder, ["shopify"], orders=orders, seed=seed, name=payments,
                       options={"shopify": {"payments": payments, **sandbox}}, settings=settings)


def balance_calls(sb) -> list:
    return [r for r in sb.requests if b"EcdeskBalance" in r.body]


def payloads(svc: Service) -> dict[str, dict]:
    with svc.db.session() as s:
        return {r.external_id: r.payload for r in s.scalars(select(OrderRow))}


def docs(world: DemoWorld) -> dict[str, dict]:
    return {d["master"]["docNo"]: d["master"] for d in world.autocount.documents()}


def money(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def test_a_shopify_payments_fee_note_ties_out_to_its_payout_to_the_cent(tmp_path):
    with shop(tmp_path, "active", orders=150) as (svc, world):
        sb = world.sandboxes["shopify"]
        assert svc.sync().status == "ok"
        early = docs(world)
        unpaid = [o for o in sb.payments_orders() if f"SH-{o.number}" in early
                  and f"SH-{o.number}-F" not in early and not o.test]
        assert unpaid  # posted; the fee note waits for the payout (fees_on_release)
        changed = [o.updated_at for o in sb.orders]
        sb.release_all()  # the last days' payouts are paid: no order changes
        assert [o.updated_at for o in sb.orders] == changed
        svc.sync()
        documents = docs(world)
        assert all(f"SH-{o.number}-F" in documents for o in unpaid)
        tied = 0
        for o in sb.payments_orders():
            sale = documents.get(f"SH-{o.number}")
            if o.test:  # test mode moves no money: posted as before, no fee note
                assert f"SH-{o.number}-F" not in documents
                continue
            if sale is None:  # held for a mapping: its fee note waits with it
                continue
            note = documents[f"SH-{o.number}-F"]
            refunds = sum((money(d["total"]) for no, d in documents.items()
                           if no.startswith(f"SH-{o.number}-R")), ZERO)
            payout = sb.payout_of(o.id)
            net = sum((t["amount"] - t["fee"] for p in sb.payouts.values() for t in p.txns
                       if t["_order"] == str(o.id)), ZERO)
            # invoice - fee note - refund credit notes = what Shopify pays for the order
            assert money(sale["total"]) - money(note["total"]) - refunds == money(net)
            assert money(note["total"]) == money(o.total * sb.fee_rate + sb.fee_fixed)
            assert payout is not None and payout.paid
            tied += 1
        assert tied >= 5
        lines = [p for p in svc.payouts() if p.platform == "shopify"]
        assert lines and {p.state for p in lines} == {"reconciled"}
        assert all(p.payout_ref.startswith("623") for p in lines)


@pytest.mark.parametrize("share", [None, 0.0])
def test_an_order_paid_another_way_is_untouched(tmp_path, share):
    with shop(tmp_path, "active", payments_share=share) as (svc, world):
        sb = world.sandboxes["shopify"]
        sb.release_all()
        svc.sync()
        stored = payloads(svc)
        documents = docs(world)
        others = [o for o in sb.orders if "shopify_payments" not in o.gateways]
        assert others
        for o in others:
            assert KEY not in stored[str(o.id)]
            assert f"SH-{o.number}-F" not in documents
        paid = [str(o.id) for o in sb.payments_orders()]
        assert all(KEY in stored[i] for i in paid)
        assert bool(paid) == (share is None)  # share 0: an account, no order paid through it
        if share == 0.0:
            check_against_seed(svc, sb, world.autocount)  # each order as the seed expects


def _outcomes(svc: Service) -> dict[str, tuple[str, str]]:
    with svc.db.session() as s:
        return {r.external_id: (r.outcome, r.reason_summary or "")
                for r in s.scalars(select(OrderRow))}


@pytest.mark.parametrize("payments", ["none", "denied"])
def test_a_shop_without_shopify_payments_syncs_exactly_as_before(tmp_path, payments, caplog):
    gateway_rows._said.clear()
    caplog.set_level(logging.INFO)
    with shop(tmp_path, payments) as (svc, world):
        sb = world.sandboxes["shopify"]
        first = svc.sync()
        assert first.status == "ok" and not first.errors
        check_against_seed(svc, sb, world.autocount)  # each order as the seed expects
        before = docs(world)
        second = svc.sync()
        assert second.status == "ok" and second.posted == 0 and docs(world) == before
        assert len(balance_calls(sb)) == 2  # one a fetch, answered null / access denied
        assert not any(KEY in p for p in payloads(svc).values())
        assert before and not any(no.endswith("-F") for no in before)
        words = "no Shopify Payments account" if payments == "none" else \
            "read_shopify_payments_payouts"
        level = "INFO" if payments == "none" else "WARNING"  # no account is the usual shop
        assert [r.levelname for r in caplog.records if words in r.getMessage()] == [level]


def test_balance_transactions_are_read_once_per_fetch_not_per_order(tmp_path):
    with shop(tmp_path, "active", orders=300, seed=9) as (svc, world):
        sb = world.sandboxes["shopify"]
        svc.sync()
        read = balance_calls(sb)
        moves = sum(len(p.txns) for p in sb.payouts.values())
        assert moves > BALANCE_PAGE  # more than one page
        assert len(read) == -(-moves // BALANCE_PAGE)  # each page once (a first sync: all)
        assert len(sb.payments_orders()) > len(read) * 10  # not per order
        assert all(json.loads(r.body)["variables"]["first"] == BALANCE_PAGE for r in read)
        before = len(read)
        svc.sync()  # an incremental fetch: the recent payouts and new moves, once
        assert len(balance_calls(sb)) - before == 1
        print(f"\nbalance reads: first sync {before} for {moves} transactions of "
              f"{len(sb.orders)} orders; next sync 1")


def _waiting(svc: Service) -> Counter:
    return Counter(why for outcome, why in _outcomes(svc).values() if outcome == "waiting")


def test_payout_mode_posts_a_partly_shopify_payments_shop_and_nothing_waits_forever(tmp_path):
    with shop(tmp_path, "active", settings={"posting_mode": "payout"}) as (svc, world):
        sb = world.sandboxes["shopify"]
        svc.sync()
        documents = docs(world)
        payout_docs = [no for no in documents if no.startswith("SH-P")]
        day_docs = [no for no in documents if no.startswith("SH-D")]
        assert payout_docs and day_docs  # Shopify Payments by payout, the rest by day
        assert {f"{no}-F" for no in payout_docs if not no.endswith("-F")} <= set(documents)
        sb.release_all()
        svc.sync()
        waiting = _waiting(svc)
        assert not [why for why in waiting if "pay it out" in why]
        others = {str(o.id) for o in sb.orders if "shopify_payments" not in o.gateways}
        outcomes = _outcomes(svc)
        # an order paid another way never waits for a payout: posted (in its day), held, or
        # waiting only for its own day to close or for the store's own status
        assert not [i for i in others if "payout" in outcomes[i][1] and
                    outcomes[i][0] == "waiting" and "day summary" not in outcomes[i][1]]
        lines = [p for p in svc.payouts() if p.platform == "shopify"]
        assert lines and {p.state for p in lines} == {"reconciled"}
