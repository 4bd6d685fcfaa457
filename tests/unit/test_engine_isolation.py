"""Per-order isolation (issue 10): an order that cannot be stored or read is held as
"unreadable" naming the field (and the feed row), the rest of the batch is saved and posted,
and a store that fails never stops the next store."""

from __future__ import annotations

from decimal import Decimal

from ecdesk.domain import Platform
from ecdesk.sync.connectors.base import UnreadableRow
from tests.unit import test_engine_exactly_once as base
from tests.unit.test_engine_exactly_once import FakeConnector, payload, set_up_web

shared_world = base.world  # the fixture "world" of the exactly-once suite


def test_a_nan_in_one_payload_holds_that_order_and_the_rest_post(shared_world):
    svc, route, _, _ = shared_world
    bad = payload(50)
    bad["lines"] = [{"sku": "TSHIRT-RED-M", "quantity": Decimal("NaN")}]
    bad["total"] = Decimal("Infinity")
    FakeConnector.feed.insert(3, bad)
    first = svc.sync("Web")
    assert (first.posted, first.held, first.status) == (20, 1, "ok"), first.errors
    (held,) = svc.held()
    assert held.external_id == "1050"
    assert "lines[0].quantity" in held.reasons and "total" in held.reasons
    assert svc.held_holds([held.id])[held.id][0].code == "bad_payload"
    again = svc.sync("Web")  # the same data again: still held, nothing new, nothing lost
    assert (again.posted, again.held, again.status) == (0, 0, "ok")
    assert svc.count_held() == 1
    fixed = dict(payload(50, minute=90))
    FakeConnector.feed[3] = fixed  # the store corrects it: it posts
    assert svc.sync("Web").posted == 1 and svc.count_held() == 0


class RowFeed(FakeConnector):
    platform = Platform.CUSTOM

    def normalise(self, p):
        if p.get("bad_row"):
            raise UnreadableRow("The quantity 'nan' is not a number.", row=p["bad_row"],
                                field="quantity", source="orders.csv")
        return super().normalise(p)


def test_an_unreadable_feed_row_is_held_naming_file_row_and_field(db_url):

    FakeConnector.feed = [payload(n) for n in range(1, 6)]
    FakeConnector.feed[1] = {**payload(2), "bad_row": 7}
    svc = base.fake_service(db_url, RowFeed, base.FakeRoute())
    set_up_web(svc)
    summary = svc.sync("Web")
    assert (summary.posted, summary.held) == (4, 1)
    (held,) = svc.held()
    assert held.external_id == "1002"
    for words in ("orders.csv", "row 7", "quantity", "'nan' is not a number"):
        assert words in held.reasons
    assert svc.held_holds([held.id])[held.id][0].value == "quantity"
    svc.close()


def test_a_store_that_fails_never_stops_the_next_store(shared_world):
    svc, route, _, _ = shared_world
    svc.add_store("Shop2", "custom", "http://127.0.0.1:9/shop2", {"doc_prefix": "S2-"})
    for kind, key, value in (("sku", "TSHIRT-RED-M", "TS-RED-M"),
                             ("shipping", "standard", "SHIPPING"), ("payment", "fpx", "FPX"),
                             ("tax", "0", "none")):
        svc.set_mapping("Shop2", kind, key, value)
    real_fetch = FakeConnector.fetch_orders

    def broken_for_web(self, since, until=None):
        if self.store.name == "Shop2":
            raise RuntimeError("the Shop2 feed broke mid-way")  # Shop2 syncs first (A-Z)
        return real_fetch(self, since, until)

    FakeConnector.fetch_orders = broken_for_web
    try:
        summary = svc.sync()
    finally:
        FakeConnector.fetch_orders = real_fetch
    assert summary.status == "failed" and summary.posted == 20
    assert any("Shop2" in e and "the Shop2 feed broke" in e for e in summary.errors)
    assert sorted(route.docs) == sorted(f"WB-{n}" for n in range(1, 21))


def test_two_orders_with_one_number_never_share_a_document(shared_world):
    """The DocNo is an order's identity in AutoCount: a second order with the same display
    number is held (naming the first), never linked to the first's document."""
    svc, route, _, _ = shared_world
    FakeConnector.feed.append({**payload(3, minute=60), "id": "9003"})  # number "3" again
    summary = svc.sync("Web")
    assert (summary.posted, summary.held) == (20, 1), summary.errors
    (held,) = svc.held()
    assert held.external_id == "9003"
    assert "same number as order 1003" in held.reasons and "WB-3" in held.reasons
    assert [d for d in route.docs if d == "WB-3"] == ["WB-3"]  # one document, the first's
    assert svc.held_holds([held.id])[held.id][0].code == "duplicate"
