"""The shared HTTP client: retries, Retry-After, write safety, Decimal JSON."""

from decimal import Decimal

import httpx
import pytest

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
