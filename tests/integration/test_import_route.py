"""The import-file route's life cycle through the service (DECISIONS.md §8): export once,
confirm, withdraw and export again, a crash at every step, and files that are not ecdesk's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from ecdesk.db.models import OutboxEntry
from ecdesk.sandbox.autocount_book import BookRefusal, import_workbook
from ecdesk.service import Service, UsageError
from ecdesk.sync.autocount.import_file import read_workbook
from tests.integration import test_autocount_routes as routes
from tests.integration.test_autocount_routes import ImportBook, outcomes

world = routes.world  # the same service and feed as the parametrised route tests


@pytest.fixture
def book(tmp_path):
    (tmp_path / "imports").mkdir()
    b = ImportBook(tmp_path / "imports")
    yield b
    b.close()


def states(svc: Service) -> dict[str, int]:
    with svc.db.session() as s:
        out: dict[str, int] = {}
        for state in s.scalars(select(OutboxEntry.state)):
            out[state] = out.get(state, 0) + 1
        return out


def test_exported_once_nothing_new_writes_no_workbook_then_confirm_posts(world):
    svc, book = world
    first = svc.sync("Web")
    assert (first.exported, first.posted, first.held) == (20, 0, 0)
    (wb,) = book.workbooks()
    assert states(svc) == {"exported": 20} and outcomes(svc) == {"new": 20}
    again = svc.sync("Web")
    assert again.exported == 0 and book.workbooks() == [wb]  # nothing new: no workbook
    import_workbook(book.book, wb)
    assert svc.confirm_import(str(wb)) == 20
    with pytest.raises(UsageError, match="not a workbook ecdesk exported and still awaits"):
        svc.confirm_import(str(wb))  # confirmed already: nothing changes
    svc.sync("Web")
    assert outcomes(svc) == {"posted": 20} and states(svc) == {"confirmed": 20}
    assert book.workbooks() == [wb]


def test_a_crash_after_the_workbook_is_complete_never_writes_it_twice(world, monkeypatch):
    svc, book = world
    from ecdesk.sync import exports

    real = exports.flush

    def dies_before_marking_exported(session, route, worker, clock, **kw):
        original_commit = session.commit
        calls = []

        def commit():
            calls.append(1)
            if len(calls) == 3:  # recover, exporting, [exported]: the PC dies here
                raise SystemError("power cut")
            original_commit()

        monkeypatch.setattr(session, "commit", commit)
        try:
            return real(session, route, worker, clock, **kw)
        finally:
            monkeypatch.setattr(session, "commit", original_commit)

    monkeypatch.setattr(exports, "flush", dies_before_marking_exported)
    first = svc.sync("Web")
    assert first.status == "failed"
    (wb,) = book.workbooks()
    assert states(svc) == {"exporting": 20}
    monkeypatch.setattr(exports, "flush", real)
    svc.sync("Web")
    assert book.workbooks() == [wb] and states(svc) == {"exported": 20}  # recognised, kept
    assert len(read_workbook(wb)[0]) == 20


def test_a_restart_between_export_and_confirm_loses_nothing(world, tmp_path):
    svc, book = world
    svc.sync("Web")
    (wb,) = book.workbooks()
    url = str(svc.db.engine.url)
    deps = svc.deps
    svc.close()
    restarted = Service(url, engine_deps=deps)
    import_workbook(book.book, wb)
    assert restarted.confirm_import(str(wb)) == 20
    restarted.sync("Web")
    assert outcomes(restarted) == {"posted": 20}
    assert set(book.documents().values()) == {Decimal("84.80")}
    restarted.close()


def test_refused_at_import_withdrawn_fixed_and_exported_again(world):
    svc, book = world
    svc.set_autocount(settings={"credit_term": "COD"})
    svc.sync("Web")
    (wb,) = book.workbooks()
    with pytest.raises(BookRefusal, match="Credit Term 'COD' not found"):
        import_workbook(book.book, wb)  # AutoCount's import refuses the file
    assert svc.withdraw_import(str(wb)) == 20
    assert not wb.exists() and book.folder.joinpath(f"{wb.stem}-withdrawn.xlsx").exists()
    svc.set_autocount(settings={"credit_term": "C.O.D."})
    second = svc.sync("Web")
    assert second.exported == 20
    (new,) = [p for p in book.workbooks() if "withdrawn" not in p.name]
    assert new != wb and read_workbook(new)[0][0]["DisplayTerm"] == "C.O.D."
    book.settle(svc)
    assert len(book.documents()) == 20


def test_confirm_and_withdraw_refuse_missing_and_foreign_files(world, tmp_path):
    svc, book = world
    with pytest.raises(UsageError, match="There is no file"):
        svc.confirm_import(str(tmp_path / "nope.xlsx"))
    foreign = book.folder / "ecdesk-20261120-000000.xlsx"
    foreign.write_bytes(b"not a workbook")
    with pytest.raises(UsageError, match="not a workbook ecdesk exported"):
        svc.withdraw_import(str(foreign))
