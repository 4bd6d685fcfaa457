"""The one HTTP client every connector and AutoCount route uses.

httpx underneath, with: timeouts; retry with exponential backoff on network errors, 429 and
5xx (honouring ``Retry-After``); a per-host minimum interval; and errors raised as
:class:`ApiError` subclasses whose message a clerk can read. Sleeping and the clock are
injected so tests run at full speed and never sleep for real.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from ecdesk.errors import ApiError as ApiError
from ecdesk.errors import AuthError as AuthError
from ecdesk.errors import MaybeApplied as MaybeApplied
from ecdesk.errors import RateLimited as RateLimited
from ecdesk.errors import Unavailable as Unavailable
from ecdesk.json_codec import dumps, loads
from ecdesk.sync.cancel import pause
from ecdesk.sync.pacing import RateControl

log = logging.getLogger(__name__)


class _HideQuery(logging.Filter):
    """httpx logs every request URL at INFO; marketplace APIs carry tokens and signatures in
    the query string, so the query never reaches a log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_without_query(a) for a in record.args)
        return True


def _without_query(value: object) -> object:
    if isinstance(value, httpx.URL) and value.query:
        return str(value.copy_with(query=None)) + "?…"
    if isinstance(value, str) and "://" in value and "?" in value:
        return value.split("?", 1)[0] + "?…"
    return value


for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).addFilter(_HideQuery())

Sleep = Callable[[float], None]
Clock = Callable[[], float]

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 60.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_delay)
        return min(self.base_delay * (2 ** (attempt - 1)), self.max_delay)


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Parse ``Retry-After`` (seconds or HTTP date)."""
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (now if now is not None else time.time()))


class HttpClient:
    """A thin, thread-safe wrapper over ``httpx.Client`` with retries and pacing.

    Pacing is per host (:class:`~ecdesk.sync.pacing.RateControl`): ``min_interval`` is the
    default spacing, each connector sets its platform's with :meth:`pace`, and a 429 or 5xx
    holds its host off for the back-off or ``Retry-After`` so no thread calls it meanwhile.
    Every wait (pacing, back-off, a platform's throttle through :meth:`sleep`) wakes on the
    run's Cancel.
    """

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        sleep: Sleep | None = None,
        clock: Clock = time.monotonic,
        min_interval: float = 0.0,
        transport: httpx.BaseTransport | None = None,
        user_agent: str = "ecdesk/0.1",
    ) -> None:
        self.retry = retry or RetryPolicy()
        self._sleep = sleep  # None: real time, woken at once by Cancel
        self.clock = clock
        self._lock = threading.Lock()
        self._waited_until = float("-inf")
        self.rates = RateControl(self._now, default_interval=min_interval)
        self._options = {"timeout": timeout, "transport": transport,
                         "headers": {"User-Agent": user_agent}}
        self._made: httpx.Client | None = None  # made at the first call: its TLS set-up
        # (loading the certificate store) costs a window opening 0.2 s otherwise

    @property
    def _client(self) -> httpx.Client:
        with self._lock:
            if self._made is None:
                self._made = httpx.Client(**self._options)
            return self._made

    def close(self) -> None:
        if self._made is not None:
            self._made.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (the injected ``sleep``, or real time); raises ``SyncCancelled``
        within a second of the run being cancelled (see ``ecdesk.sync.cancel``)."""
        start = self._now()
        pause(seconds, self._sleep)
        with self._lock:
            self._waited_until = max(self._waited_until, start + max(seconds, 0.0))

    def _now(self) -> float:
        """The clock, never behind the end of a wait already made (an injected ``sleep``
        need not move an injected clock: pacing stays consistent either way)."""
        return max(self.clock(), self._waited_until)

    def pace(self, url: str, *, interval: float) -> None:
        """Space requests to ``url``'s host at least ``interval`` seconds apart (each connector
        declares its platform's pace once)."""
        self.rates.configure(httpx.URL(url).host, interval)

    def _pace(self, host: str, after: float | None = None) -> None:
        wait = self.rates.reserve(host, after=after)
        if wait > 0:
            self.sleep(wait)

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Any = None,
        headers: Mapping[str, str] | None = None,
        json_body: Any = None,
        content: bytes | None = None,
        data: Mapping[str, Any] | None = None,
        auth: httpx.Auth | tuple[str, str] | None = None,
        retry_writes: bool = False,
        what: str = "",
    ) -> httpx.Response:
        """Send a request; retry transient failures; return any response below 500 but 429.

        Writes (POST/PUT/DELETE) are retried on a *timeout* only when ``retry_writes`` is set
        (the caller knows the call is idempotent); otherwise a lost answer raises
        :class:`MaybeApplied` so the caller looks the result up instead of writing twice.
        A 429 or a 5xx that came back is always safe to retry: the server refused it.
        """
        hdrs = dict(headers or {})
        if json_body is not None:
            content = dumps(json_body)
            hdrs.setdefault("Content-Type", "application/json")
        is_write = method.upper() not in ("GET", "HEAD")
        label = what or f"{method} {httpx.URL(url).host}"
        host = httpx.URL(url).host
        last_error: ApiError | None = None
        held_until: float | None = None  # the end of this request's own back-off
        for attempt in range(1, self.retry.attempts + 1):
            self._pace(host, after=held_until)
            try:
                resp = self._client.request(
                    method, url, params=params, headers=hdrs, content=content, data=data,
                    auth=auth,
                )
            except httpx.TimeoutException as exc:
                if is_write and not retry_writes:
                    raise MaybeApplied(
                        f"{label}: no answer within the time limit; it may have been applied"
                    ) from exc
                last_error = Unavailable(f"{label}: timed out")
                delay = self.retry.delay(attempt, None)
            except httpx.TransportError as exc:
                if is_write and not retry_writes and not isinstance(exc, httpx.ConnectError):
                    raise MaybeApplied(f"{label}: connection lost ({exc})") from exc
                last_error = Unavailable(f"{label}: cannot connect ({exc.__class__.__name__})")
                delay = self.retry.delay(attempt, None)
            else:
                if resp.status_code not in RETRYABLE_STATUS:
                    return resp
                ra = retry_after_seconds(resp.headers)
                if resp.status_code == 429:
                    last_error = RateLimited(
                        f"{label}: the service asked us to slow down (HTTP 429)",
                        status=429, body=_body(resp),
                    )
                else:
                    last_error = Unavailable(
                        f"{label}: the service had an error (HTTP {resp.status_code})",
                        status=resp.status_code, body=_body(resp),
                    )
                delay = self.retry.delay(attempt, ra)
            if attempt < self.retry.attempts:
                log.info("%s; retry %d in %.1fs", last_error, attempt, delay)
                held_until = self.rates.hold_off(host, delay)  # the whole host waits
                self.sleep(delay)
        assert last_error is not None
        raise last_error


def _body(resp: httpx.Response) -> Any:
    try:
        return loads(resp.content)
    except ValueError:
        return resp.text[:500]
