"""`make demo ROUTE=...`: the demo world posts through any AutoCount route, every one with
the same master data, and a later SQL read confirms an imported workbook by itself."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ecdesk.db.models import OutboxEntry
from ecdesk.demo import configure, start_sandboxes
from ecdesk.sandbox.autocount_book import FakeBook, import_workbook
from ecdesk.sandbox.autocount_desktop import shared_assemblies
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient


@pytest.fixture
def world():
    w = start_sandboxes(["custom"], orders=15, seed_value=5,
                        options={"autocount": {"rate_limit": 1_000_000}})
    yield w
    w.stop()


def test_the_demo_posts_through_the_desktop_fake(world, tmp_path):
    svc = Service(f"sqlite:///{tmp_path / 'd.sqlite'}", http=HttpClient(sleep=lambda s: None))
    configure(svc, world, route="desktop")
    book = shared_assemblies().book

    def saved() -> int:
        return sum(len(book.documents(t)) for t in ("IV", "CS", "CN"))

    before = saved()
    summary = svc.sync()
    assert summary.posted > 0 and saved() - before == summary.posted
    svc.close()


def test_an_import_is_confirmed_by_a_later_sql_read(world, tmp_path):
    folder = tmp_path / "imports"
    folder.mkdir()
    book = FakeBook(str(tmp_path / "AED_DEMO.sqlite"))
    svc = Service(f"sqlite:///{tmp_path / 'i.sqlite'}", http=HttpClient(sleep=lambda s: None))
    configure(svc, world, route="import-file", import_folder=str(folder))
    svc.set_autocount(settings={"sql_url": f"sqlite:///{tmp_path / 'AED_DEMO.sqlite'}"})
    first = svc.sync()
    (wb,) = folder.glob("ecdesk-*.xlsx")
    assert first.exported > 0
    import_workbook(book, wb)  # the clerk imports, but forgets to press Confirm
    imported = {r["DocNo"] for r in book.documents("IV")}
    svc.sync()
    with svc.db.session() as s:
        first_file = s.scalars(select(OutboxEntry).where(OutboxEntry.export_file == wb.name))
        assert {(e.doc_no, e.state) for e in first_file} == {(n, "confirmed") for n in imported}
    posted = {d.doc_no for d in svc.documents() if d.status == "posted"}
    assert posted == imported  # refunds and fee notes of those orders go out next
    svc.close()
    book.close()
