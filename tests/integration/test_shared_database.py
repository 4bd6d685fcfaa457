"""Several PCs, one database (docs/decisions.md §2: "Two processes on one database cannot both
claim a row").

Three OS processes, each its own ``Service`` on the same database URL (a SQLite file, and a
throwaway PostgreSQL cluster as the shared server), sync the same stores at the same moment,
then retry every held order at the same moment after a clerk mapped the unknown SKUs. The
AutoCount sandbox ends with exactly one document per posted order and was asked to create
each exactly once; every seeded order ends as the seed expects; the processes that lost a
store lease or an outbox claim say "busy" or do nothing, and none fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections import Counter

import keyring
import pytest
from sqlalchemy import select

from ecdesk.clock import now_utc
from ecdesk.db.models import HoldRow, OrderRow, Store
from ecdesk.demo import PLATFORM_STORE_NAME, configure, start_sandboxes
from ecdesk.domain import HoldCode
from ecdesk.secrets import FileKeyring
from ecdesk.service import HeldQuery, Service
from ecdesk.sync.http import HttpClient
from ecdesk.sync.outcomes import hold as record_hold
from ecdesk.sync.run import RunContext, RunSummary

PROCESSES = 3
ORDERS = 60
PLATFORMS = ["woocommerce", "shopify"]
FAST_AUTOCOUNT = {"autocount": {"rate_limit": 1_000_000}}
#: what a clerk maps the seed's deliberately unknown SKUs to before "Retry all"
LATE_MAPPING = {"MYSTERY-SKU-99": "TS-RED-M", "OLD-PROMO-BUNDLE": "TS-BLU-M"}

#: One PC. Each stage waits for "go" on stdin, the barrier the test releases for all at once:
#: open the (empty) database, sync every store, "Retry all". Prints one JSON line per stage.
CHILD = textwrap.dedent("""
    import json, sys
    from ecdesk.service import HeldQuery, Service
    from ecdesk.sync.http import HttpClient

    def summary(s):
        return {"status": s.status, "posted": s.posted, "held": s.held,
                "pending": s.pending, "fetched": s.fetched, "errors": s.errors}

    print("started", flush=True)
    sys.stdin.readline()  # every PC opens the empty database at once: one creates the schema
    svc = Service(sys.argv[1], http=HttpClient(sleep=lambda s: None))
    print(json.dumps({"opened": True}), flush=True)
    sys.stdin.readline()
    stores = svc.store_names()
    synced = {name: summary(svc.sync(name)) for name in stores}
    print(json.dumps({"sync": synced}), flush=True)
    sys.stdin.readline()
    print(json.dumps({"retry": summary(svc.retry_all())}), flush=True)
    svc.close()
""")


@pytest.fixture
def world():
    w = start_sandboxes(PLATFORMS, orders=ORDERS, seed_value=11, options=FAST_AUTOCOUNT)
    yield w
    w.stop()


def outcomes(svc: Service) -> dict[tuple[str, str], tuple[str, set[str]]]:
    with svc.db.session() as s:
        holds: dict[int, set[str]] = {}
        seen: Counter = Counter()
        for h in s.scalars(select(HoldRow)):
            holds.setdefault(h.order_id, set()).add(h.code)
            seen[(h.order_id, h.code)] += 1
        assert max(seen.values(), default=1) == 1, "a reason recorded twice for one order"
        return {(store, r.external_id): (r.outcome, holds.get(r.id, set()))
                for r, store in s.execute(select(OrderRow, Store.name).join(Store))}


def expected(world, *, mapped_late: bool) -> dict[tuple[str, str], tuple[str, set[str]]]:
    out = {}
    for platform, sandbox in world.stores().items():
        for eid, exp in sandbox.expected().items():
            codes = set(exp["holds"])
            if mapped_late:
                codes.discard(HoldCode.UNMAPPED_SKU.value)
            if exp["disposition"] != "postable":
                want = (exp["disposition"], set())
            else:
                want = ("held", codes) if codes else ("posted", set())
            out[(PLATFORM_STORE_NAME[platform], eid)] = want
    return out


def release(children: list[subprocess.Popen]) -> list[dict]:
    """Let every waiting child go at once, then read each one's JSON answer."""
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    return [json.loads(child.stdout.readline() or "null") for child in children]


def check_autocount(world, tally: Counter) -> None:
    ac = world.autocount
    docs = ac.documents()
    invoices = ac.documents("invoice")
    assert len(invoices) == tally["posted"], "one invoice per posted order"
    assert len({d["master"]["docNo"] for d in docs}) == len(docs)
    creates = [r for r in ac.requests
               if r.method == "POST" and r.path.endswith(("/invoice", "/creditNote"))]
    assert len(creates) == len(docs), "AutoCount was never asked twice for one document"


def test_several_processes_on_one_database_post_each_order_once(world, db_url, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "ecdesk.secrets.FileKeyring")
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    keyring.set_keyring(FileKeyring())
    logs = [tmp_path / f"pc{i}.log" for i in range(PROCESSES)]
    children = [subprocess.Popen([sys.executable, "-c", CHILD, db_url], env=os.environ.copy(),
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=log.open("w"), text=True)
                for log in logs]
    try:
        for child in children:
            assert child.stdout.readline().strip() == "started", [p.read_text() for p in logs]
        assert release(children) == [{"opened": True}] * PROCESSES, [p.read_text() for p in logs]
        svc = Service(db_url, http=HttpClient(sleep=lambda s: None))
        stores = configure(svc, world)
        synced = [answer["sync"] for answer in release(children)]

        # each store synced to the end by at least one PC; the others found it busy or,
        # arriving after it was done, had nothing left to post
        statuses = Counter(run[name]["status"] for run in synced for name in stores)
        assert set(statuses) <= {"ok", "busy"}, synced
        for name in stores:
            assert any(run[name]["status"] == "ok" for run in synced), (name, synced)
        assert statuses["busy"] >= 1, "the processes did not overlap"
        posted = sum(run[name]["posted"] for run in synced for name in stores)
        assert posted == len(world.autocount.documents())
        got = outcomes(svc)
        assert got == expected(world, mapped_late=False)
        tally = Counter(outcome for outcome, _ in got.values())
        assert tally["posted"] >= 40 and tally["held"] >= 4
        check_autocount(world, tally)

        # the clerk's views read the shared database alike on every backend
        assert svc.outcome_counts() == dict(tally)
        assert svc.count_held() == tally["held"]
        unmapped_sku = sum(HoldCode.UNMAPPED_SKU.value in codes for _, codes in got.values())
        assert svc.count_held(HeldQuery(text="unmapped sku")) == unmapped_sku > 0  # ilike
        assert {u.key for u in svc.unmapped() if u.kind == "sku"} == set(LATE_MAPPING)

        for name in stores:
            for sku, item in LATE_MAPPING.items():
                svc.set_mapping(name, "sku", sku, item)
        assert [m.key for m in svc.list_mappings(stores[0], "sku", "mystery")] == \
            ["MYSTERY-SKU-99"]
        retried = [answer["retry"] for answer in release(children)]
        for child in children:
            assert child.wait(timeout=60) == 0, [p.read_text() for p in logs]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert not any("Traceback" in log.read_text() for log in logs)

    # every PC went through the held orders at once: each new document came from one of
    # them; the others were told "busy" (or found it confirmed) and counted no document
    assert all(r["status"] == "ok" for r in retried), retried
    got = outcomes(svc)
    assert got == expected(world, mapped_late=True)
    tally = Counter(outcome for outcome, _ in got.values())
    check_autocount(world, tally)
    assert sum(r["posted"] for r in retried) == len(world.autocount.documents()) - posted > 0
    svc.close()


def test_two_pcs_holding_one_order_at_once_record_each_reason_once(pg_url):
    """PostgreSQL runs the two holds side by side (SQLite would queue them whole): the second
    PC's "delete old reasons, insert new" must wait for the first PC's to commit and then
    replace its reasons, not add to them."""
    import threading

    from sqlalchemy import text

    from ecdesk.domain import Hold

    svc = Service(pg_url)
    svc.add_store("Web", "custom", "http://127.0.0.1:9")
    with svc.db.session() as s:
        order = OrderRow(store_id=svc.store_id("Web"), external_id="1", payload={})
        s.add(order)
        s.flush()
        s.add(HoldRow(order_id=order.id, code="unmapped_sku", detail="old", value="OLD"))
        s.commit()
    hold = [Hold(HoldCode.UNMAPPED_SKU, "SKU X is not mapped", value="X")]
    first, second = svc.db.session(), svc.db.session()
    first_ready, first_go = threading.Event(), threading.Event()
    real_commit = first.commit

    def paused_commit():  # the first PC has written its reasons but not yet committed
        first.flush()
        first_ready.set()
        assert first_go.wait(30)
        real_commit()

    first.commit = paused_commit
    def hold_as_a_pc(session):
        ctx = RunContext(session=session, run_id=None, store_id=order.store_id,
                         summary=RunSummary(), clock=now_utc)
        record_hold(ctx, session.get(OrderRow, order.id), hold)

    pcs = [threading.Thread(target=hold_as_a_pc, args=(session,)) for session in (first, second)]
    pcs[0].start()
    assert first_ready.wait(30)
    pcs[1].start()
    with svc.db.engine.connect() as watch:  # until the second PC waits on the first's lock
        waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        for _ in range(100_000):
            if watch.execute(text(waiting)).scalar():
                break
            watch.rollback()
        else:
            pytest.fail("the second PC never waited for the first")
    first_go.set()
    for pc in pcs:
        pc.join(30)
        assert not pc.is_alive()
    first.close()
    second.close()
    with svc.db.session() as s:
        rows = s.scalars(select(HoldRow).where(HoldRow.order_id == order.id)).all()
        assert [(h.code, h.value) for h in rows] == [("unmapped_sku", "X")]
    svc.close()
