"""The window's long runs in a child process (ecdesk.services.child_runs): the same result as a
run in a thread, progress as it happens, Cancel, a clerk's sentence for a failure, and
nothing lost or posted twice when the child dies mid-run."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import keyring
import pytest

from ecdesk.demo import configure, start_sandboxes
from ecdesk.errors import ChildRunError
from ecdesk.secrets import FileKeyring
from ecdesk.service import CancelToken, Service
from ecdesk.services import child_runs
from ecdesk.wording import explain


@pytest.fixture
def world(tmp_path, monkeypatch):
    """A Service a child can copy: a SQLite file and a keyring another process can read."""
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    keyring.set_keyring(FileKeyring())
    with start_sandboxes(["custom"], orders=30, seed_value=5,
                         options={"autocount": {"rate_limit": 10**6}}) as w:
        svc = Service(f"sqlite:///{tmp_path / 'c.sqlite'}")
        configure(svc, w)
        yield svc, w
        svc.close()


def _child_pids() -> list[int]:
    """This process's ``run-job`` children (Linux /proc)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and b"run-job" in cmdline:
            pids.append(int(stat.parent.name))
    return pids


def test_a_sync_runs_in_a_child_and_answers_like_one_in_a_thread(world, caplog):
    svc, w = world
    assert child_runs.in_process_reason(svc.db.url, own_parts=False) is None
    seen: list[tuple[int, int, str]] = []
    summary = svc.run_job("sync", progress=lambda *p: seen.append(p))
    assert summary.status == "ok" and summary.fetched == 30
    assert summary.posted == len(w.autocount.documents()) > 0
    assert seen and seen[-1][0] == seen[-1][1]  # progress arrived, up to the last order
    assert any(r.message.startswith("[sync process]") for r in caplog.records)  # its log
    again = svc.sync()  # in this process: the child's work is in the database
    assert again.posted == 0 and len(w.autocount.documents()) == summary.posted
    assert [r.posted for r in svc.run_job("sync_many", stores=svc.store_names())] == [0]


def test_stores_synced_side_by_side_in_a_child_post_everything_once(tmp_path, monkeypatch):
    """Every store in a thread of its own inside the child: their progress and log lines
    share one pipe, posting goes in turn, and the result is what a run here would give."""
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    keyring.set_keyring(FileKeyring())
    with start_sandboxes(["custom", "woocommerce", "shopee"], orders=25, seed_value=5,
                         options={"autocount": {"rate_limit": 10**6}}) as w:
        svc = Service(f"sqlite:///{tmp_path / 'c.sqlite'}")
        try:
            configure(svc, w)
            seen: list[str] = []
            summary = svc.run_job("sync", progress=lambda done, of, text: seen.append(text))
            assert summary.fetched == 75
            docs = [d["master"]["docNo"] for d in w.autocount.documents()]
            assert summary.posted == len(docs) == len(set(docs)) > 0  # each once
            assert all(any(name in text for text in seen) for name in svc.store_names())
            # every store's progress came through the one pipe
            again = svc.run_job("sync_many", stores=svc.store_names())
            assert sum(r.posted for r in again) == 0 and len(w.autocount.documents()) == len(docs)
        finally:
            svc.close()


def test_cancel_stops_the_child_between_orders_and_the_next_run_finishes(world):
    svc, w = world
    token = CancelToken()
    summary = svc.run_job("sync", progress=lambda *p: token.cancel(), cancel=token)
    assert summary.status == "cancelled"
    first = len(w.autocount.documents())
    assert first < 30
    rest = svc.run_job("sync")
    assert rest.status == "ok" and len(w.autocount.documents()) == first + rest.posted
    docs = [d["master"]["docNo"] for d in w.autocount.documents()]
    assert len(docs) == len(set(docs))  # none twice


def test_a_failure_in_the_child_reaches_the_clerk_in_words(world):
    svc, _ = world
    with pytest.raises(ChildRunError) as err:
        svc.run_job("sync", store="No such shop")
    assert "No such shop" in explain(err.value) and "Traceback" not in explain(err.value)


def test_a_child_killed_mid_run_loses_nothing_and_posts_nothing_twice(world):
    svc, w = world
    killed = []

    def kill_once(done: int, total: int, text: str) -> None:
        if not killed and done >= 10:
            killed.extend(_child_pids())
            for pid in killed:
                os.kill(pid, signal.SIGKILL)

    with pytest.raises(ChildRunError) as err:
        svc.run_job("sync", progress=kill_once)
    assert killed and "stopped unexpectedly" in str(err.value)
    assert "next sync carries on" in explain(err.value)
    svc.sync()  # the next run (its lease holder is dead: recognised at once)
    docs = [d["master"]["docNo"] for d in w.autocount.documents()]
    assert len(docs) == len(set(docs))  # nothing twice
    assert sorted(docs) == sorted(d.doc_no for d in svc.documents())  # none unrecorded
    counts = svc.outcome_counts()
    assert sum(counts.values()) == 30 and "new" not in counts  # every order has its outcome


def test_runs_stay_in_this_process_when_a_child_could_not_copy_them(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert child_runs.in_process_reason(url, own_parts=False) is not None  # memory keyring
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    keyring.set_keyring(FileKeyring())
    assert child_runs.in_process_reason(url, own_parts=False) is None
    assert child_runs.in_process_reason(url, own_parts=True) is not None
    assert child_runs.in_process_reason("sqlite://", own_parts=False) is not None
    monkeypatch.setenv(child_runs.IN_PROCESS_ENV, "1")
    assert child_runs.in_process_reason(url, own_parts=False) is not None


def test_the_windows_sync_and_retry_run_in_a_child(world, qtbot, monkeypatch):
    from ecdesk.ui.main_window import MainWindow

    svc, w = world
    calls = []
    real = child_runs.run_in_child
    monkeypatch.setattr(child_runs, "run_in_child",
                        lambda *a, **kw: calls.append(a[1]) or real(*a, **kw))
    window = MainWindow(svc, schedule=False)
    qtbot.addWidget(window)
    finished = []
    window.ops.finished.connect(finished.append)
    job = window.ops.sync()
    qtbot.waitUntil(lambda: job.done, timeout=60000)
    assert calls == ["sync"] and window.ops.last_result.posted == len(w.autocount.documents())
    assert "documents posted to AutoCount" in finished[-1]
    job = window.ops.retry_fixable()
    qtbot.waitUntil(lambda: job.done, timeout=60000)
    assert calls == ["sync", "retry_all"] and window.ops.last_result.status == "ok"
