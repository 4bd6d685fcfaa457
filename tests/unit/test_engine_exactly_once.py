"""The engine and outbox with an in-memory connector and AutoCount route: every order posted
once or held; crashes, timeouts and rejections never lead to a second document."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from ecdesk.domain import (
    Disposition,
    DocKind,
    DocumentDraft,
    Order,
    OrderLine,
    Platform,
    PostedDocument,
    ShippingLine,
)
from ecdesk.service import Service
from ecdesk.sync.autocount.base import AutoCountRoute, Rejected
from ecdesk.sync.connectors.base import Connector, RawOrder
from ecdesk.sync.engine import CancelToken, EngineDeps
from ecdesk.sync.http import AuthError, HttpClient, MaybeApplied, Unavailable

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def payload(n: int, *, sku: str = "TSHIRT-RED-M", qty: int = 2, status: str = "paid",
            minute: int = 0) -> dict:
    return {"id": str(1000 + n), "number": str(n), "sku": sku, "qty": qty, "price": "39.90",
            "shipping": "5.00", "status": status,
            "updated": (T0 + timedelta(minutes=minute + n)).isoformat()}


class FakeConnector(Connector):
    platform = Platform.CUSTOM
    feed: list[dict] = []

    def fetch_orders(self, since, until=None):
        for p in sorted(self.feed, key=lambda p: p["updated"]):
            updated = datetime.fromisoformat(p["updated"])
            if since is None or updated >= since:
                yield RawOrder(p["id"], updated, dict(p))

    def fetch_order(self, external_id):
        return next((RawOrder(p["id"], datetime.fromisoformat(p["updated"]), dict(p))
                     for p in self.feed if p["id"] == external_id), None)

    def normalise(self, p):
        qty, price, ship = Decimal(p["qty"]), Decimal(p["price"]), Decimal(p["shipping"])
        disp = {"paid": Disposition.POSTABLE, "pending": Disposition.WAITING,
                "cancelled": Disposition.IGNORED}[p["status"]]
        return Order(
            platform=Platform.CUSTOM, external_id=p["id"], number=p["number"],
            created_at=T0, updated_at=datetime.fromisoformat(p["updated"]), currency="MYR",
            status=p["status"], disposition=disp, total=qty * price + ship,
            taxes_included=True,
            lines=[OrderLine("1", p["sku"], "Shirt", qty, price)],
            shipping=[ShippingLine("standard", "Standard", ship)], payment_methods=["fpx"],
        )

    def test_connection(self):
        return "ok"


class FakeRoute(AutoCountRoute):
    name = "fake"
    max_doc_no = 50
    supports = frozenset({DocKind.INVOICE, DocKind.CASH_SALE})

    def __init__(self):
        self.docs: dict[str, tuple[DocumentDraft, str]] = {}
        self.creates = 0
        self.lose_answer_for: set[str] = set()  # applied, then the answer is lost
        self.lose_request_for: dict[str, int] = {}  # lost before applying, N times
        self.reject: str | None = None

    def create(self, draft):
        self.creates += 1
        if self.reject:
            raise Rejected(self.reject, status=400)
        key = draft.doc_no or draft.ref  # lose_* name a DocNo, or a ref when AutoCount numbers
        if self.lose_request_for.get(key, 0) > 0:
            self.lose_request_for[key] -= 1
            raise MaybeApplied("connection lost")
        doc_no = draft.doc_no or f"IV-{len(self.docs) + 1:05d}"  # AutoCount's own numbering
        if doc_no in self.docs:
            raise Rejected(f"DocNo {doc_no} already exists.", status=400)
        self.docs[doc_no] = (draft, draft.ref)
        if key in self.lose_answer_for:
            self.lose_answer_for.discard(key)
            raise MaybeApplied("no answer")
        return PostedDocument(draft.kind, doc_no, draft.ref, draft.total)

    def find(self, kind, doc_no):
        if doc_no not in self.docs:
            return None
        draft, ref = self.docs[doc_no]
        return PostedDocument(kind, doc_no, ref, draft.total)

    def find_by_ref(self, kind, ref, debtor_code, created_from, created_to):
        return next((PostedDocument(kind, no, r, d.total) for no, (d, r) in self.docs.items()
                     if r == ref), None)

    def test_connection(self):
        return "ok"


class SimulatedCrash(BaseException):
    """The process dies: nothing after it runs, nothing is rolled forward."""


AUTOCOUNT = {
    "debtor_code": "300-C001", "debtor_name": "CASH", "credit_term": "C.O.D.",
    "sales_location": "HQ", "sales_account": "500-1000", "shipping_item": "SHIPPING",
    "rounding_account": "907-0000", "payment_method": "BANK"}


def fake_service(url: str, connector: type[Connector], route: AutoCountRoute, *,
                 hooks: dict | None = None, worker: str = "pc-1") -> Service:
    """A service whose engine talks to the in-memory connector and route."""
    hooks = hooks if hooks is not None else {}
    deps = EngineDeps(
        http=HttpClient(), credentials=lambda scope: {}, clock=lambda: T0,
        worker=worker, make_route=lambda cfg: route,
        make_connector=lambda cfg: connector(cfg, {}, None),
        after_create=lambda entry: hooks.get("after_create", lambda e: None)(entry),
    )
    return Service(url, engine_deps=deps)


def set_up_web(svc: Service, autocount: dict | None = None, store: dict | None = None) -> None:
    """AutoCount defaults, the store "Web" (prefix WB-) and the maps its feed needs."""
    svc.set_autocount("cloud", "http://127.0.0.1:9", "1", {**AUTOCOUNT, **(autocount or {})})
    svc.add_store("Web", "custom", "http://127.0.0.1:9", {"doc_prefix": "WB-", **(store or {})})
    for kind, key, value in (("sku", "TSHIRT-RED-M", "TS-RED-M"),
                             ("shipping", "standard", "SHIPPING"), ("payment", "fpx", "FPX"),
                             ("tax", "0", "none")):
        svc.set_mapping("Web", kind, key, value)


@pytest.fixture
def world(db_url):
    FakeConnector.feed = [payload(n) for n in range(1, 21)]
    route = FakeRoute()
    hooks: dict = {}

    def make(worker="pc-1"):
        return fake_service(db_url, FakeConnector, route, hooks=hooks, worker=worker)

    svc = make()
    set_up_web(svc)
    yield svc, route, hooks, make
    svc.close()


def test_each_order_posted_once_and_resync_posts_nothing(world):
    svc, route, _, _ = world
    first = svc.sync("Web")
    assert (first.posted, first.held, first.status) == (20, 0, "ok")
    assert sorted(route.docs) == sorted(f"WB-{n}" for n in range(1, 21))
    assert route.docs["WB-7"][1] == "Web 7"
    second = svc.sync("Web", since=T0 - timedelta(days=30))  # re-read everything
    assert second.fetched == 20 and second.posted == 0
    assert route.creates == 20
    assert len(svc.documents()) == 20


def test_crash_between_create_and_confirm_posts_exactly_once(world):
    svc, route, hooks, make = world
    calls = []

    def crash(entry):
        calls.append(entry.doc_no)
        if len(calls) == 5:
            raise SimulatedCrash

    hooks["after_create"] = crash
    with pytest.raises(SimulatedCrash):
        svc.sync("Web")
    assert len(route.docs) == 5  # AutoCount has the fifth; ecdesk never confirmed it
    hooks.clear()
    svc.db.dispose()
    # a fresh process: the store lease of the dead one has to lapse or be ours
    restarted = make(worker="pc-1")
    summary = restarted.sync("Web")
    assert summary.posted == 20 - 4  # the crashed one is confirmed by lookup, not re-created
    assert route.creates == 20
    docs = restarted.documents()
    assert sorted(d.doc_no for d in docs) == sorted(route.docs)
    restarted.close()


def test_lost_answer_is_resolved_by_lookup_not_reposted(world):
    svc, route, _, _ = world
    route.lose_answer_for = {"WB-3"}
    first = svc.sync("Web")  # looked up at once (issue 15), not left for the next run
    assert first.posted == 20 and first.pending == 0 and first.clean
    second = svc.sync("Web")
    assert second.posted == 0 and second.clean
    assert route.creates == 20
    assert sorted(d.doc_no for d in svc.documents()) == sorted(route.docs)


def test_a_create_lost_before_autocount_got_it_is_sent_again_in_the_same_run(world):
    svc, route, _, _ = world
    route.lose_request_for = {"WB-4": 2}  # the connection drops twice before AutoCount has it
    first = svc.sync("Web")
    assert first.posted == 20 and first.clean
    assert route.creates == 22 and len(route.docs) == 20  # 3 sends of WB-4, one document


def test_with_autocounts_own_numbering_a_lost_answer_is_found_by_ref_or_waits(db_url):
    """AutoCount numbers the documents: a lost answer is looked up by ref at once; one lost
    before AutoCount had it is never sent again blindly, it waits for the next run's lookup."""
    FakeConnector.feed = [payload(n) for n in range(1, 6)]
    route = FakeRoute()
    svc = fake_service(db_url, FakeConnector, route)
    set_up_web(svc, store={"own_numbering": "yes"})
    route.lose_answer_for = {"Web 2"}
    route.lose_request_for = {"Web 4": 1}
    first = svc.sync("Web")
    assert (first.posted, first.pending) == (4, 1)  # "Web 2" found by ref; "Web 4" waits
    assert route.creates == 5
    second = svc.sync("Web")  # lookup finds nothing: only now is it created
    assert (second.posted, second.pending) == (1, 0) and route.creates == 6
    assert sorted(ref for _, ref in route.docs.values()) == [f"Web {n}" for n in range(1, 6)]
    svc.close()


def test_autocount_down_stops_posting_until_the_next_sync(world):
    svc, route, _, _ = world
    real_create = route.create
    calls = []

    def down(draft):
        calls.append(draft.doc_no)
        if len(calls) == 3:
            raise Unavailable("AutoCount: cannot connect (ConnectError)")
        return real_create(draft)

    route.create = down
    first = svc.sync("Web")
    # posting stops at the third order instead of waiting on each of the other 18
    assert first.posted == 2 and first.pending == 1 and first.status == "failed"
    assert "AutoCount did not answer" in first.errors[0]
    assert len(calls) == 3
    # it says which orders wait and why, in the summary and the sync log
    assert first.left == 18 and first.left_orders[:3] == ["3", "4", "5"]
    assert first.left_reason == "AutoCount did not answer"
    assert "18 orders wait for the next sync (AutoCount did not answer): 3, 4, 5" in \
        first.line()
    assert any(e.message.startswith("18 orders wait for the next sync") and
               e.level == "warning" for e in svc.sync_log(store="Web"))
    second = svc.sync("Web")
    assert second.posted == 18 and second.clean
    assert len(route.docs) == 20
    assert any(d.doc_no == "WB-3" for d in svc.documents())


def test_rejected_is_held_with_autocount_words_then_retried(world):
    svc, route, _, _ = world
    route.reject = "CreditTerm (CreditTermKey = COD) not exists"
    summary = svc.sync("Web")
    assert summary.held == 20
    held = svc.held()
    assert "CreditTerm (CreditTermKey = COD) not exists" in held[0].reasons
    route.reject = None
    retried = svc.retry_all("Web")
    assert retried.posted == 20 and retried.clean
    assert svc.count_held() == 0


def test_unmapped_sku_held_then_fixed_by_mapping(world):
    svc, route, _, _ = world
    FakeConnector.feed.append(payload(99, sku="MYSTERY-SKU-99"))
    summary = svc.sync("Web")
    assert summary.posted == 20 and summary.held == 1
    (held,) = svc.held()
    holds = svc.held_holds([held.id])[held.id]
    assert [h.code for h in holds] == ["unmapped_sku"]
    assert holds[0].value == "MYSTERY-SKU-99"
    assert [u.key for u in svc.unmapped("Web")] == ["MYSTERY-SKU-99"]
    svc.set_mapping("Web", "sku", "MYSTERY-SKU-99", "CAP-BLK")
    assert svc.retry([held.id]).posted == 1
    assert "WB-99" in route.docs


def test_waiting_and_cancelled_orders_are_not_posted(world):
    svc, route, _, _ = world
    FakeConnector.feed = [payload(1, status="pending"), payload(2, status="cancelled")]
    summary = svc.sync("Web")
    assert (summary.waiting, summary.ignored, summary.posted) == (1, 1, 0)
    FakeConnector.feed[0] = payload(1, status="paid", minute=60)
    assert svc.sync("Web").posted == 1


def test_edit_after_posting_is_held_not_reposted(world):
    svc, route, _, _ = world
    svc.sync("Web")
    FakeConnector.feed[0] = payload(1, qty=3, minute=60)
    summary = svc.sync("Web")
    assert summary.held == 1 and summary.posted == 0
    assert route.creates == 20
    (held,) = svc.held()
    assert "edited in the store after it was posted" in held.reasons


def test_docno_taken_by_another_document_is_a_duplicate_hold(world):
    svc, route, _, _ = world
    other = DocumentDraft(DocKind.INVOICE, "WB-5", "keyed by hand", date(2026, 11, 20),
                          "300-C001", "X", "C.O.D.", "HQ", "MYR", True, Decimal("1"))
    route.docs["WB-5"] = (other, "keyed by hand")
    summary = svc.sync("Web")
    assert summary.posted == 19 and summary.held == 1
    (held,) = svc.held()
    assert held.number == "5" and "keyed by hand" in held.reasons


def test_second_worker_cannot_take_a_claimed_entry(world):
    svc, route, hooks, make = world
    other = make(worker="pc-2")
    seen = []

    def race(entry):
        # while pc-1 holds the claim on this entry, pc-2 tries to post it
        from ecdesk.db.models import OutboxEntry

        with other.db.session() as s:
            e = s.get(OutboxEntry, entry.id)
            seen.append(other.engine.outbox(route).post(s, e).status.value)

    hooks["after_create"] = race
    svc.sync("Web")
    assert set(seen) == {"busy"}
    assert route.creates == 20
    other.close()


def test_resolved_by_hand_is_never_posted_even_when_the_store_changes_it(world):
    svc, route, _, _ = world
    FakeConnector.feed.append(payload(99, sku="MYSTERY-SKU-99"))
    svc.sync("Web")
    (held,) = svc.held()
    assert svc.resolve([held.id], "keyed as IV-123") == 1
    assert svc.count_held() == 0
    svc.set_mapping("Web", "sku", "MYSTERY-SKU-99", "CAP-BLK")
    FakeConnector.feed[-1] = payload(99, sku="MYSTERY-SKU-99", minute=90)
    svc.sync("Web")
    assert "WB-99" not in route.docs
    assert svc.order_detail(held.id).reasons == "Resolved by hand: keyed as IV-123"


def test_a_new_mapping_releases_held_orders_on_the_next_sync(world):
    svc, route, _, _ = world
    FakeConnector.feed.append(payload(98, sku="MYSTERY-SKU-99"))
    FakeConnector.feed.append(payload(99, sku="MYSTERY-SKU-99"))
    svc.sync("Web")
    assert svc.count_held() == 2
    untouched = svc.sync("Web")  # nothing changed: held orders are not read again
    assert (untouched.held, untouched.posted) == (0, 0)
    svc.set_mapping("Web", "sku", "MYSTERY-SKU-99", "CAP-BLK")
    released = svc.sync("Web")
    assert released.posted == 2 and svc.count_held() == 0
    assert {"WB-98", "WB-99"} <= set(route.docs)


def test_sync_log_has_a_line_per_posted_or_held_order(world):
    svc, route, _, _ = world
    FakeConnector.feed = [payload(1), payload(2, sku="MYSTERY-SKU-99")]
    svc.sync("Web")
    messages = [entry.message for entry in svc.sync_log(store="Web")]
    assert "Order 1: posted invoice WB-1" in messages
    assert any(m.startswith("Order 2 held: Unmapped SKU") for m in messages)


def test_one_bad_order_is_held_and_the_rest_post(world):
    svc, route, _, _ = world
    FakeConnector.feed.append(dict(payload(50), qty="not-a-number-at-all"))
    real_create = route.create

    def buggy(draft):
        if draft.doc_no == "WB-7":
            raise RuntimeError("a bug in a route")
        return real_create(draft)

    route.create = buggy
    summary = svc.sync("Web")
    assert summary.posted == 19 and summary.held == 2 and summary.status == "ok"
    reasons = {h.external_id: h.reasons for h in svc.held()}
    assert "cannot read" in reasons["1050"]  # unreadable payload, shown by its id
    assert "could not process this order" in reasons["1007"]
    route.create = real_create
    assert svc.retry_all("Web").posted == 1  # the bug fixed: WB-7 posts, once
    assert route.creates == 20 and "WB-7" in route.docs  # 19 + 1; the buggy call made none


def test_retry_writes_what_stopped_it_to_the_sync_log(world):
    """A retry shares the sync's error path: its failure is in the summary and the log."""
    svc, route, _, _ = world
    FakeConnector.feed.append(payload(99, sku="MYSTERY-SKU-99"))
    svc.sync("Web")
    (held,) = svc.held()
    svc.set_mapping("Web", "sku", "MYSTERY-SKU-99", "CAP-BLK")

    def refused(draft):
        raise AuthError("AutoCount refused the API key: enter it again in Integration.")

    route.create = refused
    summary = svc.retry([held.id])
    assert summary.status == "config"
    assert summary.errors == ["AutoCount refused the API key: enter it again in Integration."]
    log = [(e.level, e.message) for e in svc.sync_log()]
    assert ("error", "AutoCount refused the API key: enter it again in Integration.") in log
    assert log[0][0] == "error" and "[config]" in log[0][1]  # the run's closing line
    # an unexpected error of the whole retry is caught, summarised and logged too
    svc.deps.make_route = lambda cfg: (_ for _ in ()).throw(RuntimeError("route bug"))
    crashed = svc.retry([held.id])
    assert crashed.status == "failed" and "unexpected error" in crashed.errors[0]
    assert any("unexpected error (RuntimeError: route bug)" in e.message
               for e in svc.sync_log() if e.level == "error")


def test_each_order_is_normalised_once_per_run(world):
    svc, _, _, _ = world
    calls = []
    real = FakeConnector.normalise

    def counting(self, p):
        calls.append(p["id"])
        return real(self, p)

    FakeConnector.normalise = counting
    try:
        assert svc.sync("Web").posted == 20
    finally:
        FakeConnector.normalise = real
    assert sorted(calls) == sorted(p["id"] for p in FakeConnector.feed)  # once each


def test_a_cancelled_sync_names_the_orders_that_wait(world):
    svc, route, hooks, _ = world
    token = CancelToken()
    created = []

    def press_cancel(entry):
        created.append(entry.doc_no)
        if len(created) == 5:
            token.cancel()  # the clerk presses Cancel while the fifth order posts

    hooks["after_create"] = press_cancel
    summary = svc.sync("Web", cancel=token)
    assert summary.status == "cancelled" and summary.posted == 5
    assert summary.left == 15 and summary.left_reason == "the sync was cancelled"
    assert summary.left_orders == [str(n) for n in range(6, 16)]  # the first ten named
    assert "15 orders wait for the next sync (the sync was cancelled): 6, 7" in summary.line()
    assert "and 5 more" in summary.line()
    hooks.clear()
    rest = svc.sync("Web")
    assert rest.posted == 15 and rest.left == 0 and route.creates == 20


def test_a_stopped_runs_creates_are_looked_up_in_one_listing(world, monkeypatch):
    """Issue 14: the entries a run left pending after a create are looked up together at the
    start of the next run (one listing per kind), not one call each."""
    svc, route, _, _ = world
    route.lose_request_for = {f"WB-{n}": 99 for n in (1, 2, 3)}  # never reaches AutoCount
    first = svc.sync("Web")
    assert first.pending == 3 and sorted(route.docs) == sorted(f"WB-{n}" for n in range(4, 21))
    route.lose_request_for = {}
    listings, finds = [], []
    original_find = route.find
    monkeypatch.setattr(route, "find_many",
                        lambda kind, nos: listings.append(sorted(nos)) or {})
    monkeypatch.setattr(route, "find", lambda kind, no: finds.append(no) or original_find(
        kind, no))
    second = svc.sync("Web")
    assert listings == [["WB-1", "WB-2", "WB-3"]] and finds == []
    assert second.posted == 3 and len(route.docs) == 20


def test_a_crash_after_the_intent_before_autocount_is_called_posts_once(world):
    """The intent is committed already claimed and counted as sent (one commit): a process
    that dies before AutoCount heard of the document leaves it to a lookup, then one create."""
    svc, route, _, make = world
    create = route.create

    def dies_before_sending(draft):
        if draft.doc_no == "WB-5":
            raise SimulatedCrash
        return create(draft)

    route.create = dies_before_sending
    with pytest.raises(SimulatedCrash):
        svc.sync("Web")
    route.create = create
    assert sorted(route.docs) == [f"WB-{n}" for n in range(1, 5)]
    svc.db.dispose()
    restarted = make(worker="pc-1")
    summary = restarted.sync("Web")
    assert (summary.posted, summary.held, summary.pending) == (16, 0, 0)
    assert sorted(route.docs) == sorted(f"WB-{n}" for n in range(1, 21))
    assert sorted(d.doc_no for d in restarted.documents()) == sorted(route.docs)
    restarted.close()


def test_a_posted_order_costs_two_commits_and_a_dozen_statements(world):
    """Per posted order: the intent's commit before AutoCount is called, and one for the
    confirm with the order's outcome and log line; the chunk's look-ups are read at once."""
    from sqlalchemy import event

    svc, route, _, _ = world
    counts = {"commits": 0, "statements": 0}

    def commit(*_args):
        counts["commits"] += 1

    def statement(*_args):
        counts["statements"] += 1

    event.listen(svc.db.engine, "commit", commit)
    event.listen(svc.db.engine, "before_cursor_execute", statement)
    summary = svc.sync("Web")
    assert summary.posted == 20
    # + the run's own (lease, log lines, ingest pages); before: 132 commits, 606 statements
    assert counts["commits"] <= 2 * 20 + 15
    assert counts["statements"] <= 12 * 20 + 20


def test_a_database_deadlock_is_evaluated_again_not_held_as_a_crash(world, caplog):
    from sqlalchemy.exc import OperationalError

    svc, route, hooks, _ = world
    raised: list[str] = []

    def deadlock(entry):  # another PC's transaction and ours wait on each other
        if not raised:
            raised.append(entry.doc_no)
            raise OperationalError("INSERT INTO outbox ...", {}, Exception("deadlock detected"))

    hooks["after_create"] = deadlock
    summary = svc.sync("Web")
    assert raised and (summary.posted, summary.held, summary.status) == (20, 0, "ok")
    assert route.creates == 20  # the one whose confirm was lost was looked up, not re-created
    assert sorted(d.doc_no for d in svc.documents()) == sorted(route.docs)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]  # no crash, no traceback
