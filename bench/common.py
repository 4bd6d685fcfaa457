"""What every figure shares: one printed line per figure, and the resource probes."""

from __future__ import annotations

import os
import resource
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TypeVar

T = TypeVar("T")

_OPS = {">=": float.__ge__, "<=": float.__le__, ">": float.__gt__, "<": float.__lt__}


def figure(name: str, value: float, unit: str, goal: str = "") -> None:
    """Print ``name: value unit (goal: ... met|MISSED)``; ``goal`` is e.g. ``">= 5000"``."""
    verdict = ""
    if goal:
        op, _, target = goal.partition(" ")
        verdict = " met" if _OPS[op](float(value), float(target)) else " MISSED"
    shown = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"
    print(f"{name}: {shown} {unit} (goal: {goal or 'none'}{verdict})", flush=True)


def peak_rss_mb() -> float:
    """This process's peak resident set so far, in MB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def one_core() -> None:
    """Pin this process to one CPU, so a figure says what one core does."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


class SimClock:
    """A simulated clock for the benches: seconds since the epoch (``start``, UTC); sleeping
    only moves it forward, so hours of a service's limits take seconds of CPU.

    Several threads (stores synced side by side, :meth:`side_by_side`) share it as one
    timeline: a sleeping thread wakes when the clock reaches its time, and the clock moves
    on only while every one of those threads sleeps (to the soonest wake), so two threads
    that wait 10 s at once take 10 s, not 20. Computing takes no simulated time."""

    def __init__(self, start: datetime) -> None:
        self.t = start.timestamp()
        self._cv = threading.Condition()
        self._awake = 0  # threads of side_by_side not asleep (and not ended)
        self._asleep: dict[object, float] = {}  # a sleeper -> when it wakes
        self._member = threading.local()

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        with self._cv:
            member = getattr(self._member, "on", False)
            me, wake = object(), self.t + max(0.0, seconds)
            self._awake -= member
            self._asleep[me] = wake
            self._advance()
            while self.t < wake:
                self._cv.wait()
            del self._asleep[me]
            self._awake += member

    def _advance(self) -> None:
        if self._awake == 0 and self._asleep:
            self.t = max(self.t, min(self._asleep.values()))
            self._cv.notify_all()

    def side_by_side(self, jobs: Sequence[Callable[[], T]]) -> list[T]:
        """``ecdesk.sync.side_by_side`` on this clock: each job a thread of this timeline
        (all at once: a job queued for a free thread would stop the clock)."""
        from ecdesk.sync.side_by_side import side_by_side

        def joined(job: Callable[[], T]) -> Callable[[], T]:
            def run() -> T:
                self._member.on = True
                try:
                    return job()
                finally:
                    with self._cv:
                        self._awake -= 1
                        self._advance()
            return run

        if len(jobs) <= 1:
            return [job() for job in jobs]
        with self._cv:
            self._awake += len(jobs)  # counted from now, not from when each thread starts
        return side_by_side([joined(job) for job in jobs], limit=len(jobs))

    def dt(self) -> datetime:
        return datetime.fromtimestamp(self.t, UTC)
