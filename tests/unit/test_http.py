"""The shared HTTP client: retries, Retry-After, write safety, Decimal JSON, per-host
pacing, and waits that wake on Cancel."""

import threading
from decimal import Decimal

import httpx
import pytest

from ecdesk.sync.cancel import CancelToken, SyncCancelled, cancel_scope
from ecdesk.sync.http import (
    HttpClient,
    MaybeApplied,
    RateLimited,
    RetryPolicy,
    Unavailable,
    dumps,
    loads,
)


def client(handler, attempts=4):
    slept: list[float] = []
    http = HttpClient(
        transport=httpx.MockTransport(handler),
        retry=RetryPolicy(attempts=attempts, base_delay=1.0),
        sleep=slept.append,
    )
    return http, slept


def test_decimal_goes_out_as_raw_number_and_comes_back_exact():
    text = dumps({"qty": Decimal("2"), "price": Decimal("10.10"), "s": "x"})
    assert text == b'{"qty":2,"price":10.10,"s":"x"}'
    assert loads(text)["price"] == Decimal("10.10")


def test_429_honours_retry_after_then_succeeds():
    calls = []

    def handler(request):
        calls.append(request)
        if len(calls) < 3:
            return httpx.Response(429, headers={"Retry-After": "2.5"}, json={"errors": "slow"})
        return httpx.Response(200, json={"ok": True})

    http, slept = client(handler)
    resp = http.request("GET", "http://127.0.0.1/x")
    assert resp.status_code == 200
    assert slept == [2.5, 2.5]


def test_5xx_backs_off_exponentially_and_gives_up_in_words():
    http, slept = client(lambda r: httpx.Response(503, text="<html>busy</html>"))
    with pytest.raises(Unavailable, match="HTTP 503"):
        http.request("GET", "http://127.0.0.1/x", what="Fetch orders")
    assert slept == [1.0, 2.0, 4.0]


def test_persistent_429_raises_rate_limited():
    http, _ = client(lambda r: httpx.Response(429, json={}), attempts=2)
    with pytest.raises(RateLimited):
        http.request("GET", "http://127.0.0.1/x")


def test_write_timeout_is_maybe_applied_not_retried():
    calls = []

    def handler(request):
        calls.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    http, slept = client(handler)
    with pytest.raises(MaybeApplied):
        http.request("POST", "http://127.0.0.1/invoice", json_body={"a": 1})
    assert len(calls) == 1 and slept == []


def test_read_timeout_on_get_is_retried():
    calls = []

    def handler(request):
        calls.append(request)
        if len(calls) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(200)

    http, slept = client(handler)
    assert http.request("GET", "http://127.0.0.1/x").status_code == 200
    assert slept == [1.0]


def test_cancel_wakes_a_retry_after_wait_on_an_injected_clock():
    """A 429 asking for 240 s: Cancel pressed during the wait ends the request within a
    second of it (no real sleeping)."""
    now = [0.0]
    token = CancelToken()

    def sleep(seconds):
        now[0] += seconds
        if now[0] >= 2.5:
            token.cancel()

    http = HttpClient(
        transport=httpx.MockTransport(
            lambda r: httpx.Response(429, headers={"Retry-After": "240"})),
        retry=RetryPolicy(attempts=5, max_delay=600), sleep=sleep, clock=lambda: now[0])
    with cancel_scope(token), pytest.raises(SyncCancelled):
        http.request("GET", "http://127.0.0.1/orders")
    assert now[0] == 3.0  # woke at the first check after Cancel, not after 240 s


def test_cancel_wakes_a_real_retry_after_wait_at_once():
    """With the real clock the wait is on the Cancel event itself."""
    answered = threading.Event()

    def handler(request):
        answered.set()
        return httpx.Response(429, headers={"Retry-After": "240"})

    http = HttpClient(transport=httpx.MockTransport(handler),
                      retry=RetryPolicy(attempts=2, max_delay=600))
    token, outcome = CancelToken(), []

    def run():
        with cancel_scope(token):
            try:
                http.request("GET", "http://127.0.0.1/orders")
            except SyncCancelled:
                outcome.append("cancelled")

    worker = threading.Thread(target=run)
    worker.start()
    assert answered.wait(10)
    token.cancel()
    worker.join(2)
    assert not worker.is_alive() and outcome == ["cancelled"]


def test_a_429_holds_its_host_off_for_every_caller_and_pace_spaces_requests():
    now = [100.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    answers = iter([httpx.Response(429, headers={"Retry-After": "30"})]
                   + [httpx.Response(200, json={})] * 10)
    http = HttpClient(transport=httpx.MockTransport(lambda r: next(answers)), sleep=sleep,
                      clock=lambda: now[0])
    http.pace("https://shop.example/api", interval=0.5)
    http.request("GET", "https://shop.example/api/orders")
    assert slept == [30.0]  # its own Retry-After, waited once
    http.rates.hold_off("shop.example", 10)  # e.g. another thread's 429 on the same host
    http.request("GET", "https://shop.example/api/orders")
    http.request("GET", "https://shop.example/api/orders")
    assert slept == [30.0, 10.0, 0.5]  # the host's pause, then its own pace
    http.request("GET", "https://other.example/x")  # another host is not held
    assert slept == [30.0, 10.0, 0.5]
