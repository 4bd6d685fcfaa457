"""WooPayments deposits end to end: the WooCommerce sandbox (WooPayments transactions and
deposits) -> ecdesk -> the AutoCount sandbox.

An order paid with WooPayments gets a fee note from its paid deposit that ties out to what
WooPayments pays for it to the cent; an order paid another way is untouched; a shop without
WooPayments (``rest_no_route``) or whose key may not read it syncs exactly as before; the
transactions are read once per fetch, paged, never per order; in ``posting_mode=payout`` a
shop whose orders are partly WooPayments posts every order (none waits for a deposit no one
will make)."""

from __future__ import annotations

import logging
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
from ecdesk.sync.connectors.woopayments import KEY, PAGE, short_ref
from tests.integration.test_woocommerce_e2e import check_against_seed

ZERO = Decimal(0)
CENT = Decimal("0.01")


def shop(folder: Path, mode: str, *, orders: int = 60, seed: int = 5,
         settings: dict[str, str] | None = None, **sandbox: object
         ) -> AbstractContextManager[tuple[Service, DemoWorld]]:
    """One woocommerce store whose sandbox has woopayments=mode, configured, not synced."""
    return store_world(folder, ["woocommerce"], orders=orders, seed=seed, name=mode,
                       options={"woocommerce": {"woopayments": mode, **sandbox}}, settings=settings)


def calls(sb, route: str = "") -> list:
    return [r for r in sb.requests if r.path.endswith("/payments/" + route)
            or (not route and "/payments/" in r.path)]


def payloads(svc: Service) -> dict[str, dict]:
    with svc.db.session() as s:
        return {r.external_id: r.payload for r in s.scalars(select(OrderRow))}


def docs(world: DemoWorld) -> dict[str, dict]:
    return {d["master"]["docNo"]: d["master"] for d in world.autocount.documents()}


def money(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def test_a_woopayments_fee_note_ties_out_to_its_deposit_to_the_cent(tmp_path):
    with shop(tmp_path, "active", orders=150) as (svc, world):
        sb = world.sandboxes["woocommerce"]
        assert svc.sync().status == "ok"
        early = docs(world)
        unpaid = [o for o in sb.woopayments_orders() if f"WC-{o['number']}" in early
                  and f"WC-{o['number']}-F" not in early]
        assert unpaid  # posted; the fee note waits for the deposit (fees_on_release)
        changed = [o["modified"] for o in sb.data.orders.values()]
        sb.release_all()  # the last days' deposits are paid: no order changes
        assert [o["modified"] for o in sb.data.orders.values()] == changed
        svc.sync()
        documents = docs(world)
        assert all(f"WC-{o['number']}-F" in documents for o in unpaid)
        tied = 0
        for o in sb.woopayments_orders():
            sale = documents.get(f"WC-{o['number']}")
            if sale is None:  # held for a mapping: its fee note waits with it
                continue
            note = documents[f"WC-{o['number']}-F"]
            refunds = sum((money(d["total"]) for no, d in documents.items()
                           if no.startswith(f"WC-{o['number']}-R")), ZERO)
            # invoice - fee note - refund credit notes = what WooPayments pays for the order
            assert money(sale["total"]) - money(note["total"]) - refunds == sb.net_of(o["id"])
            assert money(note["total"]) == money(o["total"] * sb.fee_rate + sb.fee_fixed)
            assert sb.deposit_of(o["id"])["status"] == "paid"
            tied += 1
        assert tied >= 5
        lines = [p for p in svc.payouts() if p.platform == "woocommerce"]
        assert len(lines) == tied and {p.state for p in lines} == {"reconciled"}
        refs = {short_ref(sb.deposit_of(p.external_id)["id"]) for p in lines}
        assert {p.payout_ref for p in lines} == refs and all(len(r) == 10 for r in refs)


@pytest.mark.parametrize("share", [0.5, 0.0])
def test_an_order_paid_another_way_is_untouched(tmp_path, share):
    with shop(tmp_path, "active", woopayments_share=share) as (svc, world):
        sb = world.sandboxes["woocommerce"]
        sb.release_all()
        svc.sync()
        stored = payloads(svc)
        documents = docs(world)
        others = [o for o in sb.data.orders.values() if o["payment_method"] !=
                  "woocommerce_payments"]
        assert others
        for o in others:
            assert KEY not in stored[str(o["id"])]
            assert f"WC-{o['number']}-F" not in documents
        paid = [str(o["id"]) for o in sb.woopayments_orders()]
        assert all(KEY in stored[i] for i in paid)
        assert bool(paid) == bool(share)  # share 0: the plugin, no order paid through it
        check_against_seed(svc, sb)  # each order posted or held as the seed expects
        assert not [p for p in svc.payouts() if p.external_id not in paid]


def _outcomes(svc: Service) -> dict[str, tuple[str, str]]:
    with svc.db.session() as s:
        return {r.external_id: (r.outcome, r.reason_summary or "")
                for r in s.scalars(select(OrderRow))}


@pytest.mark.parametrize("mode", ["none", "denied"])
def test_a_shop_without_woopayments_syncs_exactly_as_before(tmp_path, mode, caplog):
    gateway_rows._said.clear()
    caplog.set_level(logging.INFO)
    with shop(tmp_path, mode) as (svc, world):
        sb = world.sandboxes["woocommerce"]
        first = svc.sync()
        assert first.status == "ok" and not first.errors
        tally = check_against_seed(svc, sb)  # each order as the seed expects
        assert tally["posted"] > 20
        before = docs(world)
        second = svc.sync()
        assert second.status == "ok" and second.posted == 0 and docs(world) == before
        assert len(calls(sb)) == 2  # one a fetch, answered rest_no_route / rest_forbidden
        assert not any(KEY in p for p in payloads(svc).values())
        assert before and not any(no.endswith("-F") for no in before)
        assert svc.payouts() == []
        words = "has no WooPayments" if mode == "none" else "may manage WooCommerce"
        level = "INFO" if mode == "none" else "WARNING"  # no plugin is the usual shop
        assert [r.levelname for r in caplog.records if words in r.getMessage()] == [level]


def test_transactions_are_read_once_per_fetch_not_per_order(tmp_path):
    with shop(tmp_path, "active", orders=300, seed=9) as (svc, world):
        sb = world.sandboxes["woocommerce"]
        svc.sync()
        read, deposits = calls(sb, "transactions"), calls(sb, "deposits")
        rows = sum(1 + len(o["refund_ids"]) for o in sb.woopayments_orders())
        assert rows > PAGE  # more than one page
        assert len(read) == rows // PAGE + 1  # each page once (a first sync: 30 days)
        assert len(deposits) == 1
        assert len(sb.woopayments_orders()) > (len(read) + len(deposits)) * 10  # not per order
        assert all(r.arg("pagesize") == str(PAGE) for r in read + deposits)
        before, before_dep = len(read), len(deposits)
        sb.release_all()  # every deposit paid, the recent ones too
        svc.sync()  # incremental: the new rows once, the deposits once, each paid deposit
        again = calls(sb, "transactions")[before:]
        by_deposit = [r for r in again if r.arg("deposit_id")]
        assert len(again) - len(by_deposit) == 1 and len(calls(sb, "deposits")) == before_dep + 1
        # the deposits dated from 3 days before the fetch on (here also the ones ahead,
        # which release_all paid early): a handful, whatever the number of orders
        assert 1 <= len(by_deposit) <= 8
        print(f"\nWooPayments reads: first sync {before} transaction pages + {before_dep} "
              f"deposit page for {rows} transactions of {len(sb.data.orders)} orders; next "
              f"sync 1 + 1 + {len(by_deposit)} (one per deposit paid lately)")


def test_payout_mode_posts_a_partly_woopayments_shop_and_nothing_waits_forever(tmp_path):
    with shop(tmp_path, "active", settings={"posting_mode": "payout"}) as (svc, world):
        sb = world.sandboxes["woocommerce"]
        svc.sync()
        documents = docs(world)
        payout_docs = [no for no in documents if no.startswith("WC-P")]
        day_docs = [no for no in documents if no.startswith("WC-D")]
        assert payout_docs and day_docs  # WooPayments by deposit, the rest by day
        assert {f"{no}-F" for no in payout_docs if not no.endswith("-F")} <= set(documents)
        sb.release_all()
        svc.sync()
        outcomes = _outcomes(svc)
        assert not [why for outcome, why in outcomes.values()
                    if outcome == "waiting" and "pay it out" in why]
        others = {str(o["id"]) for o in sb.data.orders.values()
                  if o["payment_method"] != "woocommerce_payments"}
        assert not [i for i in others if "payout" in outcomes[i][1] and
                    outcomes[i][0] == "waiting" and "day summary" not in outcomes[i][1]]
        lines = [p for p in svc.payouts() if p.platform == "woocommerce"]
        assert lines and {p.state for p in lines} == {"reconciled"}


@pytest.mark.parametrize("mode, status, code", [
    ("none", 404, "rest_no_route"), ("denied", 403, "rest_forbidden"), ("active", 200, None)])
def test_the_sandbox_routes_answer_the_official_client_as_the_plugin_would(mode, status, code):
    from woocommerce import API

    from ecdesk.sandbox.woocommerce import WooCommerceSandbox

    with WooCommerceSandbox(orders=40, seed=3, woopayments=mode) as sb:  # real clock
        api = API(url=sb.url, consumer_key=sb.consumer_key,
                  consumer_secret=sb.consumer_secret, version="wc/v3", timeout=5)
        resp = api.get("payments/transactions", params={"page": 1, "pagesize": 5,
                                                        "sort": "date", "direction": "asc"})
        assert resp.status_code == status, resp.text
        if code:
            assert resp.json()["code"] == code and resp.json()["data"] == {"status": status}
            return
        rows = resp.json()["data"]
        assert len(rows) == 5 and [r["date"] for r in rows] == sorted(r["date"] for r in rows)
        assert all(isinstance(r["amount"], int) and r["net"] == r["amount"] - r["fees"]
                   for r in rows)  # cents
        deposits = api.get("payments/deposits", params={"sort": "date"}).json()
        assert deposits["total_count"] == len(deposits["data"]) > 0
        wrong = API(url=sb.url, consumer_key=sb.consumer_key, consumer_secret="cs_wrong",
                    version="wc/v3", timeout=5).get("payments/deposits")
        assert wrong.status_code == 401  # the shop's own authentication guards the routes
        assert wrong.json()["code"] == "woocommerce_rest_authentication_error"
