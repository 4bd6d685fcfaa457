"""The window's figures (the only bench module that imports the UI): cold start to first
paint, the held grid opened and filtered at 100,000 rows, the window's peak RSS with
100,000 stored orders, and the longest GUI-thread stall during a background sync.

Each runs in its own process (``python -m bench.gui WHAT [ARGS]``), offscreen, so start-up
and memory are the process's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import figure, peak_rss_mb

HELD_ROWS = 100_000
SYNC_ORDERS = 10_000


def _app():
    import keyring

    from ecdesk.secrets import MemoryKeyring

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keyring.set_keyring(MemoryKeyring())  # the Integration tab asks; never the real one
    from ecdesk.ui.app import application

    return application()


def _window(service):
    from ecdesk.ui.main_window import MainWindow

    window = MainWindow(service, schedule=False)
    window.resize(1280, 860)
    return window


def _painted(window, app) -> None:
    """Show ``window`` and return once it has painted all of itself (offscreen too)."""
    window.show()
    app.processEvents()  # layouts settle, show events run
    window.repaint()  # the first complete paint, synchronously


def child_cold_start(db: str) -> None:
    """Print the wall-clock time of the first paint (the parent started the clock)."""
    from ecdesk.service import Service

    app = _app()
    window = _window(Service(db))
    _painted(window, app)
    print(f"PAINTED {time.time()} {time.process_time()}", flush=True)


def child_grid(db: str) -> None:
    from ecdesk.service import Service

    app = _app()
    t0, c0 = time.perf_counter(), time.process_time()
    window = _window(Service(db))
    _painted(window, app)
    opened, opened_cpu = time.perf_counter() - t0, time.process_time() - c0
    panel = window.held
    assert panel.model.total == HELD_ROWS, panel.model.total
    t1, c1 = time.perf_counter(), time.process_time()
    panel.search.setText("SKU-42")
    panel.apply_filter()  # what the 250 ms debounce fires
    app.processEvents()
    filtered, filtered_cpu = time.perf_counter() - t1, time.process_time() - c1
    figure(f"window open to first paint, held grid of {HELD_ROWS:,} rows "
           f"({opened_cpu * 1000:,.0f} ms of CPU)", opened * 1000, "ms", "<= 1000")
    figure(f"held grid filter at {HELD_ROWS:,} rows, {panel.model.total:,} match "
           f"({filtered_cpu * 1000:,.0f} ms of CPU)", filtered * 1000, "ms", "<= 500")
    figure(f"peak RSS, window open with {HELD_ROWS:,} stored orders", peak_rss_mb(), "MB",
           "<= 150")


class StallMeter:
    """A 2 ms timer on the GUI thread: the longest gap between its ticks, and the same less
    the time the thread only waited for a CPU (Linux schedstat: other processes' load, not
    the window's), so a busy machine's figure says which part is the window's."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = self.own = 0.0
        self._last = (time.perf_counter(), _queued_s())
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = (time.perf_counter(), _queued_s())
        gap, queued = now[0] - self._last[0], now[1] - self._last[1]
        self.longest = max(self.longest, gap * 1000)
        self.own = max(self.own, (gap - queued) * 1000)
        self._last = now

    def stop(self) -> str:
        self.timer.stop()
        return f"{self.own:,.0f} ms of it the window's own, the rest waiting for a CPU"


def _timed_sync(window, app) -> tuple[float, StallMeter, str]:
    """Run the window's own sync (as Sync all does) to the end, the stall meter ticking:
    seconds it took, the meter, and the meter's own words."""
    meter = StallMeter()
    t0 = time.perf_counter()
    job = window.ops.sync()
    assert job is not None
    while not job.done:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    return time.perf_counter() - t0, meter, meter.stop()


def _queued_s() -> float:
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def child_stall(orders: int) -> None:
    """Sync ``orders`` in a thread of the window's process (what a service built with its own
    parts, tests and this bench's in-memory AutoCount, still does) while a 2 ms timer on the
    GUI thread records the longest gap between its ticks."""
    from bench.world import feed_world

    app = _app()
    with feed_world(orders) as world:
        window = _window(world.service)
        _painted(window, app)
        took, meter, own = _timed_sync(window, app)
        posted = len(world.route.docs)
        figure(f"longest GUI-thread stall during a background sync of {orders:,} orders "
               f"in a thread ({posted:,} posted in {took:.1f} s; {own})", meter.longest, "ms",
               "< 50")


def child_autocount() -> None:
    """The AutoCount Cloud sandbox in a process of its own (its calls would otherwise share
    the window's interpreter): prints its URL and credentials, serves until stdin closes."""
    import json

    from ecdesk.sandbox import registry

    sb = registry.sandbox_class("autocount")(rate_limit=10**9).start()
    print(json.dumps({"url": sb.url, "book": sb.store_settings()["book"],
                      "credentials": sb.credentials()}), flush=True)
    sys.stdin.read()
    sb.stop()


def child_stall_process(orders: int) -> None:
    """As :func:`child_stall`, with the window as a clerk has it: the sync in a child process
    (ecdesk.services.child_runs), posting through the Cloud route to the AutoCount sandbox
    (a third process, rate limit lifted), credentials in a keyring file both can read."""
    import json

    import keyring

    from ecdesk.demo import AUTOCOUNT_DEFAULTS, map_demo
    from ecdesk.sandbox.custom import CustomFeedSandbox
    from ecdesk.secrets import FileKeyring
    from ecdesk.service import Service

    app = _app()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ECDESK_KEYRING_FILE"] = str(Path(tmp) / "keyring.json")
        keyring.set_keyring(FileKeyring())
        ac = subprocess.Popen([sys.executable, "-m", "bench.gui", "autocount"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        info = json.loads(ac.stdout.readline())
        feed = CustomFeedSandbox(orders=orders, seed=7).write_json(Path(tmp) / "feed.json")
        svc = Service(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        for key, value in info["credentials"].items():
            svc.set_secret("autocount", key, value)
        svc.set_autocount("cloud", info["url"], info["book"], dict(AUTOCOUNT_DEFAULTS))
        svc.add_store("Bench", "custom", "", {"path": str(feed), "doc_prefix": "BN-"})
        map_demo(svc, "Bench", "custom")
        window = _window(svc)
        _painted(window, app)
        took, meter, own = _timed_sync(window, app)
        result = window.ops.last_result
        ac.stdin.close()
        ac.wait()
        window.close()
        svc.close()
        posted = getattr(result, "posted", 0)
        figure(f"longest GUI-thread stall during a sync of {orders:,} orders in its own process "
               f"(the window's way; {posted:,} posted through the Cloud route in {took:.1f} s; "
               f"{own})", meter.longest, "ms", "< 50")


def _run(args: list[str]) -> str:
    done = subprocess.run([sys.executable, "-m", "bench.gui", *args], capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if done.returncode != 0:
        print(f"bench.gui {args[0]} failed:\n{done.stderr[-2000:]}", flush=True)
    return done.stdout


def _held_database(folder: Path) -> str:
    from bench.world import store_orders
    from ecdesk.service import Service

    url = f"sqlite:///{folder / 'held.sqlite'}"
    svc = Service(url)
    store_orders(svc, HELD_ROWS)
    svc.close()
    return url


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        empty = f"sqlite:///{Path(tmp) / 'empty.sqlite'}"
        from ecdesk.service import Service

        Service(empty).close()  # migrated: the daily start, not the very first
        starts = []  # (wall, CPU of the process) per start
        for _ in range(3):
            t0 = time.time()
            out = _run(["cold-start", empty])
            starts += [(float(line.split()[1]) - t0, float(line.split()[2]))
                       for line in out.splitlines() if line.startswith("PAINTED")]
        if starts:
            wall, cpu = min(starts)
            figure(f"cold start to first paint, best of 3 ({cpu * 1000:,.0f} ms of CPU)",
                   wall * 1000, "ms", "<= 3000")
        print(_run(["grid", _held_database(Path(tmp))]), end="", flush=True)
    print(_run(["stall-process", str(SYNC_ORDERS)]), end="", flush=True)
    print(_run(["stall", str(SYNC_ORDERS)]), end="", flush=True)


if __name__ == "__main__":
    what, *rest = sys.argv[1:] or ["all"]
    if what == "cold-start":
        child_cold_start(rest[0])
    elif what == "grid":
        child_grid(rest[0])
    elif what == "stall":
        child_stall(int(rest[0]))
    elif what == "stall-process":
        child_stall_process(int(rest[0]))
    elif what == "autocount":
        child_autocount()
    else:
        main()
