"""Stores synced side by side: every store's fetch runs at once (each waits only on its own
platform), posting into AutoCount goes one store at a time, Cancel stops the stores not yet
started, and every order is still posted once."""

from __future__ import annotations

import threading

import pytest

from ecdesk.service import Service
from ecdesk.sync.engine import CancelToken, EngineDeps
from ecdesk.sync.http import HttpClient
from ecdesk.sync.side_by_side import TURN_POLL, side_by_side
from tests.unit.test_engine_exactly_once import (
    T0,
    FakeConnector,
    FakeRoute,
    payload,
    set_up_web,
)

GUARD = 30  # seconds before a wait that should end at once is called a failure


def test_side_by_side_answers_in_order_and_runs_jobs_at_once():
    both = threading.Barrier(2, timeout=GUARD)  # broken unless both jobs run at once

    def job(n: int):
        return lambda: (both.wait(), n)[1]

    assert side_by_side([job(1), job(2)]) == [1, 2]


def test_side_by_side_keeps_to_its_limit_and_raises_after_every_job_ended():
    lock, running, most, ended = threading.Lock(), [0], [0], []

    def job(n: int):
        def run():
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            with lock:
                running[0] -= 1
                ended.append(n)
            if n == 0:
                raise ValueError("store 0 failed")
            return n
        return run

    with pytest.raises(ValueError, match="store 0 failed"):
        side_by_side([job(n) for n in range(6)], limit=2)
    assert sorted(ended) == list(range(6)) and most[0] <= 2


class MeetingConnector(FakeConnector):
    """Every store's fetch waits until the other store's has started too."""

    meeting: threading.Barrier

    def fetch_orders(self, since, until=None):
        self.meeting.wait()
        yield from super().fetch_orders(since, until)


@pytest.fixture
def two_stores(db_url):
    FakeConnector.feed = [payload(n) for n in range(1, 11)]
    MeetingConnector.meeting = threading.Barrier(2, timeout=GUARD)
    route, turns, waited = FakeRoute(), threading.Event(), []
    said: list[str] = []

    def sleep(seconds: float) -> None:  # a store waiting for its turn to post
        waited.append(seconds)
        turns.set()
        threading.Event().wait(0.002)

    deps = EngineDeps(http=HttpClient(sleep=sleep), credentials=lambda scope: {},
                      clock=lambda: T0, make_route=lambda cfg: route,
                      make_connector=lambda cfg: MeetingConnector(cfg, {}, None))
    svc = Service(db_url, engine_deps=deps)
    set_up_web(svc)
    svc.add_store("Shop", "custom", "http://127.0.0.1:8", {"doc_prefix": "SH-"})
    for kind, key, value in (("sku", "TSHIRT-RED-M", "TS-RED-M"),
                             ("shipping", "standard", "SHIPPING"), ("payment", "fpx", "FPX"),
                             ("tax", "0", "none")):
        svc.set_mapping("Shop", kind, key, value)
    svc.said = said  # what the window's progress line showed
    yield svc, route, turns, waited
    svc.close()


def test_stores_fetch_at_once_and_post_one_after_the_other(two_stores):
    svc, route, turns, waited = two_stores
    create = route.create
    seen_waiting = []

    def first_waits_for_the_other(draft):
        if not route.docs:  # the first document: the other store is waiting its turn
            seen_waiting.append(turns.wait(GUARD))
        return create(draft)

    route.create = first_waits_for_the_other
    total = svc.sync(progress=lambda done, of, text: svc.said.append(text))  # every store
    assert (total.fetched, total.posted, total.held, total.status) == (20, 20, 0, "ok")
    assert len([t for t in svc.said if "posts when the store posting now is done" in t]) == 1
    assert seen_waiting == [True] and sum(waited) >= TURN_POLL  # it waited its turn
    prefixes = [doc_no[:3] for doc_no in route.docs]  # in the order AutoCount got them
    assert sorted(set(prefixes)) == ["SH-", "WB-"]
    assert sum(a != b for a, b in zip(prefixes, prefixes[1:], strict=False)) == 1  # in turn
    again = svc.sync_many(["Shop", "Web"])
    assert [s.store for s in again] == ["Shop", "Web"] and sum(s.posted for s in again) == 0


def test_cancel_before_the_stores_started_runs_none(two_stores):
    svc, route, _, _ = two_stores
    cancel = CancelToken()
    cancel.cancel()
    assert svc.sync_many(["Shop", "Web"], cancel=cancel) == []
    assert svc.sync(cancel=cancel).status == "cancelled"
    assert route.creates == 0
