"""Per-host pacing for the shared HTTP client, in the spirit of MusicBrainz Picard's
``webservice/ratecontrol.py``.

Each connector (and AutoCount route) says how fast its host may be called
(``HttpClient.pace(url, interval=...)``); a 429 or 5xx with ``Retry-After`` (or the client's
back-off) holds the whole host off until then, so every request to that host, from any
thread, waits its turn rather than hammering a server that asked for a pause.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class HostPace:
    interval: float = 0.0  # at least this many seconds between two requests
    next_at: float | None = None  # clock time the next request may go


class RateControl:
    """Slots for requests to each host, on an injected monotonic clock."""

    def __init__(self, clock: Callable[[], float], default_interval: float = 0.0) -> None:
        self.clock = clock
        self.default_interval = default_interval
        self._hosts: dict[str, HostPace] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> HostPace:
        pace = self._hosts.get(host)
        if pace is None:
            pace = self._hosts[host] = HostPace(self.default_interval)
        return pace

    def configure(self, host: str, interval: float) -> None:
        """Space requests to ``host`` at least ``interval`` seconds apart."""
        with self._lock:
            self._host(host).interval = max(interval, 0.0)

    def interval(self, host: str) -> float:
        with self._lock:
            return self._host(host).interval

    def reserve(self, host: str, *, after: float | None = None) -> float:
        """Take the host's next slot; answers how long to wait before sending. ``after``:
        the caller has already waited until then (its own back-off)."""
        with self._lock:
            pace = self._host(host)
            now = self.clock() if after is None else max(self.clock(), after)
            start = now if pace.next_at is None else max(now, pace.next_at)
            pace.next_at = start + pace.interval
            return start - now

    def hold_off(self, host: str, seconds: float) -> float:
        """No request to ``host`` before ``seconds`` from now (429, Retry-After, back-off);
        answers that time."""
        with self._lock:
            pace = self._host(host)
            until = self.clock() + max(seconds, 0.0)
            if pace.next_at is None or pace.next_at < until:
                pace.next_at = until
            return until
