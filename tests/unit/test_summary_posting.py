"""Summary posting (issue 14, docs/decisions.md §9): a ``posting_mode=day`` store posts one
document per day after the cut-off, through the same exactly-once outbox; switching mode
never posts an order twice or skips one; a late order becomes an adjustment; a crash between
the summary's create and its confirm loses nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from ecdesk.db.models import OrderDocument
from ecdesk.domain import Outcome
from ecdesk.errors import UsageError
from ecdesk.service import Service
from ecdesk.sync.engine import EngineDeps
from ecdesk.sync.http import HttpClient
from tests.unit.test_engine_exactly_once import (
    T0,
    FakeConnector,
    FakeRoute,
    SimulatedCrash,
    payload,
    set_up_web,
)

DAY = date(2026, 11, 20)  # T0 is 10:00 on 20 November in Kuala Lumpur
BEFORE_CUTOFF = datetime(2026, 11, 20, 17, 59, tzinfo=UTC)  # 01:59 on the 21st, MYT
AFTER_CUTOFF = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)  # 02:00 on the 21st, MYT


class World:
    """One database, the in-memory store and AutoCount, and a clock the test moves."""

    def __init__(self, url: str, route: FakeRoute | None = None) -> None:
        self.url, self.now, self.hooks = url, T0, {}
        self.route = route or FakeRoute()
        self.svc = self.make()

    def make(self) -> Service:
        deps = EngineDeps(
            http=HttpClient(), credentials=lambda scope: {}, clock=lambda: self.now,
            worker="pc-1", make_route=lambda cfg: self.route,
            make_connector=lambda cfg: FakeConnector(cfg, {}, None),
            after_create=lambda e: self.hooks.get("after_create", lambda _e: None)(e))
        return Service(self.url, engine_deps=deps)

    def outcomes(self) -> dict[str, int]:
        """Outcome -> how many of the store's orders have it."""
        return {k: v for k, v in self.svc.outcome_counts("Web").items() if v}

    def sale_docs(self) -> dict[str, list[str]]:
        """Display number -> the DocNos of its sale documents."""
        out: dict[str, list[str]] = {}
        for d in self.svc.documents():
            out.setdefault(d.order, []).append(d.doc_no)
        return out


@pytest.fixture
def world(db_url):
    FakeConnector.feed = [payload(n, qty=1 + n % 3) for n in range(1, 11)]
    w = World(db_url)
    set_up_web(w.svc, store={"posting_mode": "day"})
    yield w
    w.svc.close()


def test_a_day_waits_for_its_cutoff_then_posts_as_one_summary(world):
    first = world.svc.sync("Web")
    assert (first.posted, first.waiting, first.held) == (0, 10, 0)
    assert world.route.docs == {}
    detail = world.svc.order_detail(world.svc.find_order("Web:3"))
    assert "day summary of 2026-11-20" in detail.reasons
    assert "02:00 on 2026-11-21" in detail.reasons
    assert world.svc.preview(world.svc.find_order("Web:3"))["summary"] == {
        "day": "2026-11-20", "state": "waiting for the day to close"}
    world.now = BEFORE_CUTOFF
    assert world.svc.sync("Web").posted == 0  # the day is not over until the cut-off
    world.now = AFTER_CUTOFF
    second = world.svc.sync("Web")
    assert (second.posted, second.waiting) == (1, 0) and second.clean
    [(doc_no, (draft, ref))] = world.route.docs.items()
    assert (doc_no, ref, draft.doc_date) == ("WB-D261120", "Web day 2026-11-20", DAY)
    assert draft.total == sum(Decimal(p["qty"]) * Decimal("39.90") + 5
                              for p in FakeConnector.feed)
    assert draft.note == "Orders: " + ", ".join(str(n) for n in range(1, 11))
    # one line per item code and price: the shirts, and the shipping item
    assert sorted((ln.product_code, ln.qty) for ln in draft.lines) == [
        ("SHIPPING", 10), ("TS-RED-M", sum(1 + n % 3 for n in range(1, 11)))]
    assert world.outcomes() == {Outcome.POSTED.value: len(FakeConnector.feed)}
    assert world.sale_docs() == {str(n): ["WB-D261120"] for n in range(1, 11)}
    assert world.svc.preview(world.svc.find_order("Web:3"))["summary"] == {
        "day": "2026-11-20", "doc_no": "WB-D261120", "state": "posted"}
    assert world.svc.sync("Web").posted == 0  # nothing twice
    assert world.route.creates == 1


def test_summary_and_per_order_modes_give_the_same_ledger_totals(world, tmp_path):
    per_order = World(f"sqlite:///{tmp_path / 'per-order.sqlite'}")
    set_up_web(per_order.svc)
    try:
        assert per_order.svc.sync("Web").posted == 10
        world.svc.sync("Web")
        world.now = AFTER_CUTOFF
        world.svc.sync("Web")

        def ledger(route: FakeRoute) -> dict[tuple[str, str], Decimal]:
            totals: dict[tuple[str, str], Decimal] = {}
            for draft, _ref in route.docs.values():
                for ln in draft.lines:
                    key = (ln.acc_no, ln.product_code or "")
                    totals[key] = totals.get(key, Decimal(0)) + ln.amount
                totals[("total", "")] = totals.get(("total", ""), Decimal(0)) + draft.total
            return totals

        assert len(per_order.route.docs) == 10 and len(world.route.docs) == 1
        assert ledger(world.route) == ledger(per_order.route)
    finally:
        per_order.svc.close()


def test_switching_mode_mid_day_posts_nothing_twice_and_skips_nothing(world):
    FakeConnector.feed = [payload(n) for n in range(1, 5)]
    world.svc.sync("Web")  # 1-4 wait for the day
    world.svc.update_store("Web", settings={"posting_mode": "order"})
    FakeConnector.feed += [payload(n) for n in range(5, 7)]
    world.svc.sync("Web")  # the waiting ones post one by one now, and the new ones too
    assert sorted(world.route.docs) == sorted(f"WB-{n}" for n in range(1, 7))
    world.svc.update_store("Web", settings={"posting_mode": "day"})
    FakeConnector.feed += [payload(n) for n in range(7, 9)]
    world.svc.sync("Web")
    world.now = AFTER_CUTOFF
    world.svc.sync("Web")
    assert world.route.docs["WB-D261120"][0].note == "Orders: 7, 8"
    docs = world.sale_docs()
    assert all(len(d) == 1 for d in docs.values()) and len(docs) == 8  # each once, none left
    assert world.outcomes() == {Outcome.POSTED.value: len(FakeConnector.feed)}


def test_a_late_order_for_a_posted_day_becomes_an_adjustment(world):
    world.svc.sync("Web")
    world.now = AFTER_CUTOFF
    world.svc.sync("Web")
    FakeConnector.feed.append(payload(11, minute=600))  # placed on the 20th, fetched late
    late = world.svc.sync("Web")
    assert late.posted == 1
    draft, ref = world.route.docs["WB-D261120-2"]
    assert (ref, draft.note, draft.doc_date) == ("Web day 2026-11-20 adj 2", "Orders: 11", DAY)
    assert world.route.docs["WB-D261120"][0].note.endswith(", 10")  # never re-posted
    assert world.sale_docs()["11"] == ["WB-D261120-2"]


def test_the_clerk_closes_a_day_before_its_cutoff(world):
    closed = world.svc.sync("Web", close_days=[DAY])  # fetched, queued and posted at once
    assert (closed.fetched, closed.posted, closed.waiting) == (10, 1, 0)  # none left waiting
    assert list(world.route.docs) == ["WB-D261120"]


def test_a_crash_between_summary_create_and_confirm_loses_nothing(world):
    world.now = AFTER_CUTOFF

    def crash(entry):
        if entry.external_id.startswith("day:"):
            raise SimulatedCrash

    world.hooks["after_create"] = crash
    with pytest.raises(SimulatedCrash):
        world.svc.sync("Web")
    assert list(world.route.docs) == ["WB-D261120"]  # AutoCount has it; ecdesk never heard
    world.hooks.clear()
    world.svc.db.dispose()
    world.svc = world.make()  # a fresh process
    again = world.svc.sync("Web")
    assert again.posted == 1 and world.route.creates == 1  # confirmed by lookup, not re-created
    assert world.outcomes() == {Outcome.POSTED.value: len(FakeConnector.feed)}
    with world.svc.db.session() as s:
        assert s.query(OrderDocument).count() == 10


def test_posting_mode_and_cutoff_are_checked_where_they_are_entered(world):
    with pytest.raises(UsageError, match="payout"):
        world.svc.update_store("Web", settings={"posting_mode": "payout"})
    with pytest.raises(UsageError, match="order, day"):
        world.svc.update_store("Web", settings={"posting_mode": "weekly"})
    with pytest.raises(UsageError, match="HH:MM"):
        world.svc.update_store("Web", settings={"summary_cutoff": "2am"})
    assert world.svc.update_store("Web", settings={"summary_cutoff": "3:30"}) \
        .settings["summary_cutoff"] == "03:30"
