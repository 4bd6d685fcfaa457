"""Recovery within the run (issue 15): one sync under injected faults on the sandboxes (5xx,
dropped connections, a 429, creates whose answer was lost or that never arrived, a failed
lookup) leaves every order posted exactly once or held, nothing for the next run; a store
that fails mid-fetch still gets the orders it sent posted, and says so."""

from __future__ import annotations

from collections import Counter

from ecdesk.demo import configure, start_sandboxes
from ecdesk.sandbox.server import Fault, Response
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient
from tests.integration.test_custom_e2e import FAST_AUTOCOUNT, holds_by_order


def unavailable(status: int = 503, retry_after: str | None = None) -> Response:
    resp = Response.json({"statusCode": status, "message": "Service Unavailable"}, status)
    if retry_after:
        resp.headers["Retry-After"] = retry_after
    return resp


#: AutoCount faults injected after the Nth document was created (spread over the run)
AUTOCOUNT_FAULTS = {
    5: [Fault(unavailable(), times=2, path="/invoice", method="POST")],  # 5xx, retried
    15: [Fault(None, after_handler=True, path="/invoice", method="POST")],  # answer lost
    25: [Fault(None, path="/invoice", method="POST")],  # reset before AutoCount had it
    35: [Fault(unavailable(429, "1"), path="/invoice", method="POST")],  # slow down
    45: [Fault(None, after_handler=True, path="/invoice", method="POST"),  # lost, and the
         Fault(unavailable(500), path="/invoice", method="GET")],  # first lookup fails
    55: [Fault(None, after_handler=True, path="/invoice", method="POST")],
}


def test_one_sync_under_faults_leaves_every_order_posted_once_or_held(tmp_path):
    with start_sandboxes(["custom"], orders=112, seed_value=3, options=FAST_AUTOCOUNT) as world:
        feed, autocount = world.sandboxes["custom"], world.autocount
        svc = Service(f"sqlite:///{tmp_path / 'faults.sqlite'}",
                      http=HttpClient(sleep=lambda s: None))
        configure(svc, world)
        (store,) = [s.name for s in svc.list_stores()]
        svc.update_store(store, settings={"page_size": "25"})
        feed.inject(Fault(unavailable(502), path="", method="GET"))  # the first page: 5xx
        feed.inject(Fault(None, path="", method="GET"))  # then a dropped connection
        created: list[str] = []

        def faults_as_we_go(entry):
            created.append(entry.doc_no)
            for fault in AUTOCOUNT_FAULTS.get(len(created), []):
                autocount.inject(fault)

        svc.deps.after_create = faults_as_we_go
        summary = svc.sync()

        assert summary.status == "ok", summary.errors
        assert summary.pending == 0 and summary.left == 0 and summary.fetched == 112
        got, expected = holds_by_order(svc), feed.expected()
        tally = Counter()
        for oid, exp in expected.items():
            if exp["disposition"] == "postable":
                want = "held" if exp["holds"] else "posted"
            else:
                want = exp["disposition"]
            assert got[oid][0] == want, (oid, got[oid])
            tally[want] += 1
        invoices = [d["master"]["docNo"] for d in autocount.documents("invoice")]
        assert len(invoices) == len(set(invoices)) == tally["posted"]  # each exactly once
        assert tally["posted"] >= 60 and len(created) >= 56  # every fault was reached
        assert svc.sync().posted == 0 and len(autocount.documents("invoice")) == len(invoices)
        svc.close()


def test_a_store_that_fails_mid_fetch_still_posts_what_it_sent(tmp_path):
    with start_sandboxes(["custom"], orders=112, seed_value=3, options=FAST_AUTOCOUNT) as world:
        feed, autocount = world.sandboxes["custom"], world.autocount
        svc = Service(f"sqlite:///{tmp_path / 'down.sqlite'}",
                      http=HttpClient(sleep=lambda s: None))
        configure(svc, world)
        (store,) = [s.name for s in svc.list_stores()]
        svc.update_store(store, settings={"page_size": "50"})

        def store_goes_down(done, total, message):
            if message.startswith("Fetched 50 orders"):  # after the first page
                # down for all five attempts of the next page, then back
                feed.inject(Fault(unavailable(503), times=5, path="", method="GET"))

        summary = svc.sync(progress=store_goes_down)
        assert summary.status == "failed" and "HTTP 503" in summary.errors[0]
        assert summary.fetched == 50
        states = Counter(outcome for outcome, _ in holds_by_order(svc).values())
        assert sum(states.values()) == 50 and states["new"] == 0  # all 50 evaluated
        assert len(autocount.documents("invoice")) == states["posted"] > 0
        again = svc.sync()
        assert again.status == "ok" and again.fetched == 112
        assert len(autocount.documents("invoice")) > states["posted"]
        svc.close()
