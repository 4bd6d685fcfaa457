"""CustomFeedConnector against the custom feed sandbox over loopback, and from dropped files."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ecdesk.domain import Platform
from ecdesk.sandbox.custom import CustomFeedSandbox
from ecdesk.sandbox.server import Fault, Response
from ecdesk.sync.connectors.base import ConfigError, PayloadError, StoreConfig
from ecdesk.sync.connectors.custom import MAX_LIMIT, CustomFeedConnector
from ecdesk.sync.http import ApiError, AuthError, HttpClient, RetryPolicy

T0 = datetime(2026, 11, 20, 4, 0, tzinfo=UTC).timestamp()


class Clock:
    def __init__(self) -> None:
        self.t = T0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def dt(self) -> datetime:
        return datetime.fromtimestamp(self.t, UTC)

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def sandbox(clock):
    with CustomFeedSandbox(clock=clock) as sb:
        yield sb


def make(sb, creds, clock, url=None, **settings):
    creds.update(sb.credentials())
    store = StoreConfig(1, "web", Platform.CUSTOM, sb.url if url is None else url, settings)
    http = HttpClient(sleep=clock.sleep, retry=RetryPolicy(attempts=4, base_delay=1.0))
    return CustomFeedConnector(store, creds, http, clock=clock.dt)


def test_every_order_once_across_cursor_pages(sandbox, creds, clock):
    conn = make(sandbox, creds, clock, page_size="7")
    ids = [r.external_id for r in conn.fetch_orders(None)]
    assert len(ids) == len(set(ids)) == 60 and set(ids) == set(sandbox.expected())
    calls = [r for r in sandbox.requests if r.path == "/feed/orders"]
    assert len(calls) == 9
    assert all(r.headers["x-api-key"] == sandbox.api_key for r in calls)
    assert calls[0].arg("cursor") is None and all(r.arg("cursor") for r in calls[1:])


def test_limit_never_above_100_and_the_feed_rejects_more(sandbox, creds, clock):
    conn = make(sandbox, creds, clock, page_size="1000")
    assert conn.page_size == MAX_LIMIT
    list(conn.fetch_orders(None))
    assert {r.arg("limit") for r in sandbox.requests} == {"100"}
    with pytest.raises(ApiError, match="limit must be between 1 and 100") as err:
        conn._get({"limit": 101})
    assert err.value.status == 400


def test_incremental_by_updated_since(sandbox, creds, clock):
    conn = make(sandbox, creds, clock, page_size="5")
    everything = list(conn.fetch_orders(None))
    cutoff = sorted(r.updated_at for r in everything)[45]
    before = len(sandbox.requests)
    recent = list(conn.fetch_orders(cutoff))
    assert {r.external_id for r in recent} == {
        r.external_id for r in everything if r.updated_at >= cutoff}
    assert len(recent) == 15
    calls = sandbox.requests[before:]
    assert len(calls) == 3  # 15 orders, 5 a page: only what changed is read
    assert datetime.fromisoformat(calls[0].arg("updated_since")) == cutoff


def test_schema_breaking_orders_are_yielded_with_their_id_and_held(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    expected = sandbox.expected()
    outcome = {}
    for raw in conn.fetch_orders(None):
        try:
            outcome[raw.external_id] = conn.normalise(raw.payload).disposition.value
        except PayloadError as exc:
            assert str(exc).startswith(f"Order '{raw.external_id}': field '")
            outcome[raw.external_id] = "bad_payload"
    for oid, want in expected.items():
        if "bad_payload" in want["holds"]:
            assert outcome[oid] == "bad_payload"
        else:
            assert outcome[oid] == want["disposition"]


def test_wrong_or_missing_key_is_an_auth_error(sandbox, creds, clock):
    conn = make(sandbox, creds, clock)
    creds["api_key"] = "nope"
    with pytest.raises(AuthError, match="The API key is not valid.*api_key"):
        conn.test_connection()
    del creds["api_key"]
    with pytest.raises(ConfigError, match="no 'api_key' saved"):
        conn.test_connection()


def test_rate_limit_is_honoured_without_sleeping(clock, creds):
    with CustomFeedSandbox(clock=clock, requests_per_minute=3) as sb:
        conn = make(sb, creds, clock, page_size="6")
        assert len({r.external_id for r in conn.fetch_orders(None)}) == 60
        assert [s for s in clock.slept if s > 1]  # waited for the window, on the fake clock
        assert any(r.path == "/feed/orders" for r in sb.requests)


def test_5xx_is_retried(sandbox, creds, clock):
    sandbox.inject(Fault(Response.text("upstream down", 502), times=2))
    assert "Connected" in make(sandbox, creds, clock).test_connection()
    assert clock.slept == [1.0, 2.0]


def test_json_and_csv_files_give_the_same_orders(sandbox, creds, clock, tmp_path):
    sandbox.write_json(tmp_path / "a.json")
    sandbox.write_csv(tmp_path / "b.csv")
    for name in ("a.json", "b.csv"):
        conn = make(sandbox, creds, clock, url="", path=str(tmp_path / name))
        got = {}
        for raw in conn.fetch_orders(None):
            try:
                got[raw.external_id] = conn.normalise(raw.payload)
            except PayloadError:
                got[raw.external_id] = None
        assert set(got) == set(sandbox.expected()), name
        assert sum(o is None for o in got.values()) == 2, name
        via_url = make(sandbox, creds, clock)
        for oid, o in got.items():
            if o is not None:
                ref = via_url.normalise(sandbox.public(sandbox.orders[oid]))
                assert (o.total, o.tax_total, len(o.lines)) == (
                    ref.total, ref.tax_total, len(ref.lines)), (name, oid)
    folder = make(sandbox, creds, clock, url="", path=str(tmp_path))
    assert "Read 120 orders" in folder.test_connection()  # both files in the folder


def test_missing_file_is_a_config_error(sandbox, creds, clock, tmp_path):
    conn = make(sandbox, creds, clock, url="", path=str(tmp_path / "nothing.json"))
    with pytest.raises(ConfigError, match="does not exist"):
        list(conn.fetch_orders(None))
