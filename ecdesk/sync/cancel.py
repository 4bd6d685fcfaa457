"""Cancellation a run can be stopped by, from any thread, and the waits that honour it.

A :class:`CancelToken` is set by the clerk's Cancel (or SIGTERM); the engine checks it between
orders, and :func:`cancel_scope` makes it the current token of the thread running the run, so
every wait below it (HTTP back-off, ``Retry-After``, a platform's throttle) wakes as soon as
it is set instead of sleeping out minutes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: the longest an injected (test) sleep runs before the token is checked again
WAKE_EVERY = 1.0


class SyncCancelled(Exception):
    """The run was cancelled; it stopped cleanly (nothing half-written)."""


class CancelToken:
    """Set from any thread; the engine stops cleanly between orders, and a wait (back-off,
    Retry-After) wakes as soon as it is set."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds; True once cancelled."""
        return self._event.wait(timeout)


_current: ContextVar[CancelToken | None] = ContextVar("ecdesk_cancel", default=None)


@contextmanager
def cancel_scope(token: CancelToken) -> Iterator[CancelToken]:
    """Make ``token`` the one waits in this thread (and context) honour."""
    reset = _current.set(token)
    try:
        yield token
    finally:
        _current.reset(reset)


def current_cancel() -> CancelToken | None:
    return _current.get()


def pause(seconds: float, sleep: Callable[[float], None] | None = None) -> None:
    """Wait ``seconds``; raise :class:`SyncCancelled` as soon as the current token is set.

    With the real clock (``sleep`` None) the wait is on the token's event, so it wakes at
    once; an injected ``sleep`` (tests) is called in slices of at most ``WAKE_EVERY``
    seconds with the token checked between them.
    """
    token = current_cancel()
    if token is not None and token.cancelled:
        raise SyncCancelled
    if seconds <= 0:
        return
    if sleep is None:
        if token is None:
            threading.Event().wait(seconds)
        elif token.wait(seconds):
            raise SyncCancelled
        return
    left = seconds
    while left > 0:
        step = min(left, WAKE_EVERY) if token is not None else left
        sleep(step)
        left -= step
        if token is not None and token.cancelled:
            raise SyncCancelled
