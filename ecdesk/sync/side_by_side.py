"""Several stores' syncs at once: each store's fetch waits only on its own platform's limits.

A sync of every store (or the scheduler's due stores) runs each store in a thread of its own,
at most :data:`AT_ONCE` at a time, so a peak day's four stores are fetched side by side
rather than one after another. What they share is kept safe elsewhere: each store's run has
its own database session and lease, the HTTP client paces each host for every thread, and
posting into AutoCount takes the book's turn (:class:`PostingTurn`), one store at a time, so
the stores do not race for AutoCount's calls a minute.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

#: at most this many stores sync at once (each a database writer)
AT_ONCE = 4
#: how often a store waiting for its turn to post looks again, and renews its lease (s)
TURN_POLL = 2.0
RENEW_EVERY = 60.0

#: runs jobs side by side and answers their results in the jobs' order
Runner = Callable[[Sequence[Callable[[], T]]], list[T]]


def side_by_side(jobs: Sequence[Callable[[], T]], limit: int = AT_ONCE) -> list[T]:
    """Run ``jobs`` in threads, at most ``limit`` at once; their results in the jobs' order.
    A job's exception is raised once every job has ended (the others are not cut short)."""
    if len(jobs) <= 1:
        return [job() for job in jobs]
    results: list[T | None] = [None] * len(jobs)
    errors: list[BaseException] = []
    slots = threading.Semaphore(limit)

    def run(i: int) -> None:
        try:
            results[i] = jobs[i]()
        except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
            errors.append(exc)
        finally:
            slots.release()

    threads = []
    for i in range(len(jobs)):
        slots.acquire()
        thread = threading.Thread(target=run, args=(i,), name=f"ecdesk-store-{i}", daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results  # type: ignore[return-value]


class PostingTurn:
    """One store of a process posts at a time; the others wait their turn."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @contextmanager
    def held(self, sleep: Callable[[float], None], keep_alive: Callable[[], None],
             waits: Callable[[], None] = lambda: None) -> Iterator[None]:
        """Wait for the turn with ``sleep`` (the run's cancellable wait), saying so once
        (``waits``) and renewing the store's lease (``keep_alive``) every
        :data:`RENEW_EVERY` seconds meanwhile."""
        if not self._lock.acquire(blocking=False):
            waits()
            since_renewed = 0.0
            while not self._lock.acquire(blocking=False):
                if since_renewed >= RENEW_EVERY:
                    keep_alive()
                    since_renewed = 0.0
                sleep(TURN_POLL)
                since_renewed += TURN_POLL
        try:
            yield
        finally:
            self._lock.release()
