"""Background work: off the GUI thread, progress and results back on it, cancel honoured."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication

from ecdesk.service import Service
from ecdesk.ui.workers import Coalescer, Runner


def test_job_runs_off_gui_thread_while_a_timer_fires_and_cancel_stops_it(qtbot):
    runner = Runner(max_threads=1)
    gui = threading.get_ident()
    seen: dict[str, object] = {"progress": [], "ticks": 0}
    release = threading.Event()

    def work(progress, cancel):
        seen["worker_thread"] = threading.get_ident()
        for i in range(1, 1000):
            progress(i, 1000, f"order {i}")
            if i == 3:
                release.wait(10)  # the GUI keeps running; the test releases after ticks
            if cancel.cancelled:
                return f"cancelled at {i}"
        return "ran to the end"

    def on_progress(done, total, message):
        assert QThread.currentThread() is QApplication.instance().thread()
        seen["progress"].append(done)

    timer = QTimer()
    timer.setInterval(5)

    def tick():
        seen["ticks"] += 1
        if seen["ticks"] == 3:
            job.cancel()
            release.set()

    timer.timeout.connect(tick)
    timer.start()
    job = runner.submit(work, progress=on_progress)
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as blocker:
        pass
    timer.stop()
    assert seen["worker_thread"] != gui
    assert seen["ticks"] >= 3  # the event loop kept turning during the job
    assert seen["progress"][:3] == [1, 2, 3]
    assert blocker.args == ["cancelled at 3"]
    assert runner.active == 0


def test_failure_comes_back_in_words_on_the_gui_thread(qtbot):
    runner = Runner()

    def boom(progress, cancel):
        raise ConnectionError("host unreachable")

    on_gui = []
    job = runner.submit(boom, explain=Service.explain,
                        failed=lambda m: on_gui.append(
                            QThread.currentThread() is QApplication.instance().thread()))
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        pass
    message = blocker.args[0]
    assert "host unreachable" in message and "try again" in message
    assert "Traceback" not in message
    assert on_gui == [True]


def test_coalescer_folds_a_burst_into_one_refresh(qtbot):
    c = Coalescer(20)
    fired = []
    c.fired.connect(lambda: fired.append(1))
    for _ in range(500):
        c.request()
    qtbot.waitUntil(lambda: fired == [1], timeout=2000)
    with qtbot.assertNotEmitted(c.fired, wait=60):
        pass
    assert fired == [1]
