"""The engine posts an order's fee credit note exactly once: after the sale, at credit-note
seq 0 (engine.FEE_NOTE_SEQ), linked with role "fees"; a crash or a lost answer on the fee note
is resolved by lookup, never by a second create."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from ecdesk.db.models import Document, OrderDocument, OutboxEntry
from ecdesk.domain import DocKind, Fee, FeeKind
from ecdesk.service import Service
from ecdesk.sync.engine import FEE_NOTE_SEQ
from tests.unit.test_engine_exactly_once import (
    T0,
    FakeConnector,
    FakeRoute,
    SimulatedCrash,
    fake_service,
    payload,
    set_up_web,
)


class FeeConnector(FakeConnector):
    """The fake feed with marketplace-style fees: commission 3.00, a 0.50 rebate."""

    def normalise(self, p):
        order = super().normalise(p)
        order.fees = [Fee(FeeKind.COMMISSION, Decimal(p.get("commission", "3.00")), "Comm"),
                      Fee(FeeKind.OTHER, Decimal("-0.50"), "Rebate")]
        return order


class NoteRoute(FakeRoute):
    supports = frozenset({DocKind.INVOICE, DocKind.CREDIT_NOTE})


@pytest.fixture
def fees_world(tmp_path):
    FeeConnector.feed = [payload(n) for n in range(1, 6)]
    route = NoteRoute()
    hooks: dict = {}
    url = f"sqlite:///{tmp_path / 'f.sqlite'}"

    def make(worker="pc-1"):
        return fake_service(url, FeeConnector, route, hooks=hooks, worker=worker)

    svc = make()
    set_up_web(svc, {"debtor_code": "300-S001", "debtor_name": "SHOPEE",
                     "fee_account_commission": "908-1000", "fee_account_other": "908-5000"},
               {"post_fees": "true"})
    yield svc, route, hooks, make
    svc.close()


def _roles(svc: Service) -> dict[str, str]:
    with svc.db.session() as s:
        rows = s.execute(select(Document.doc_no, OrderDocument.role)
                         .join(OrderDocument, OrderDocument.document_id == Document.id))
        return dict(rows.all())


def test_fee_note_after_the_sale_once_with_role_fees(fees_world):
    svc, route, _, _ = fees_world
    first = svc.sync("Web")
    assert (first.posted, first.held, first.status) == (10, 0, "ok")
    note, _ = route.docs["WB-3-F"]
    assert note.kind is DocKind.CREDIT_NOTE and note.total == Decimal("2.50")
    assert [(ln.acc_no, ln.unit_price) for ln in note.lines] == [
        ("908-1000", Decimal("3.00")), ("908-5000", Decimal("-0.50"))]
    roles = _roles(svc)
    assert roles["WB-3"] == "sale" and roles["WB-3-F"] == "fees"
    with svc.db.session() as s:
        seqs = {(e.doc_kind, e.seq) for e in s.scalars(select(OutboxEntry))}
    assert seqs == {("invoice", 0), ("credit_note", FEE_NOTE_SEQ)}
    again = svc.sync("Web", since=T0 - timedelta(days=30))
    assert again.fetched == 5 and again.posted == 0 and route.creates == 10


def test_crash_after_creating_the_fee_note_is_confirmed_by_lookup(fees_world):
    svc, route, hooks, make = fees_world

    def crash(entry):
        if entry.doc_no == "WB-2-F":
            raise SimulatedCrash

    hooks["after_create"] = crash
    with pytest.raises(SimulatedCrash):
        svc.sync("Web")
    assert "WB-2-F" in route.docs
    hooks.clear()
    svc.db.dispose()
    restarted = make()
    summary = restarted.sync("Web")
    assert summary.status == "ok" and summary.held == 0
    assert route.creates == 10  # WB-2-F found, not created again
    assert _roles(restarted)["WB-2-F"] == "fees"
    restarted.close()


def test_lost_answer_on_the_fee_note_is_resolved_in_the_same_run(fees_world):
    svc, route, _, _ = fees_world
    route.lose_answer_for.add("WB-4-F")
    first = svc.sync("Web")  # confirmed by lookup at once (issue 15), not next run
    assert first.pending == 0 and "WB-4-F" in route.docs
    second = svc.sync("Web")
    assert second.pending == 0 and second.posted == 0
    assert route.creates == 10
    assert _roles(svc)["WB-4-F"] == "fees"


def test_rejected_fee_note_holds_the_order_and_keeps_the_sale(fees_world):
    svc, route, _, _ = fees_world
    svc.update_store("Web", settings={"fee_account_other": "999-0000"})
    original = route.create

    def create(draft):
        if any(ln.acc_no == "999-0000" for ln in draft.lines):
            from ecdesk.sync.autocount.base import Rejected
            raise Rejected("AccNo (AccNo = 999-0000) not exists", status=400)
        return original(draft)

    route.create = create
    first = svc.sync("Web")
    assert first.held == 5 and sorted(route.docs) == [f"WB-{n}" for n in range(1, 6)]
    assert all("999-0000" in h.reasons for h in svc.held())
    svc.update_store("Web", settings={"fee_account_other": "908-5000"})
    retried = svc.retry_all()
    assert retried.posted == 5 and retried.held == 0
    assert sorted(route.docs) == sorted([f"WB-{n}" for n in range(1, 6)]
                                        + [f"WB-{n}-F" for n in range(1, 6)])
