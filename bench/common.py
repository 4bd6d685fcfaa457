"""What every figure shares: one printed line per figure, and the resource probes."""

from __future__ import annotations

import os
import resource
import sys
from datetime import UTC, datetime

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
    only moves it forward, so hours of a service's limits take seconds of CPU."""

    def __init__(self, start: datetime) -> None:
        self.t = start.timestamp()

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += max(0.0, seconds)

    def dt(self) -> datetime:
        return datetime.fromtimestamp(self.t, UTC)
