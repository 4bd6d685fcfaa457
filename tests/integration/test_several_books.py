"""Several AutoCount books, one per company (issue 12): a store posts to its company's book
only, with that book's own connection, posting defaults and keyring entries."""

from __future__ import annotations

from decimal import Decimal

import keyring
import pytest
from sqlalchemy import select

from ecdesk.cli import run
from ecdesk.db import Database
from ecdesk.db.models import Document
from ecdesk.demo import AUTOCOUNT_DEFAULTS, configure, start_sandboxes
from ecdesk.errors import UsageError
from ecdesk.sandbox.autocount import AutoCountSandbox
from ecdesk.secrets import FileKeyring
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient

FAST = {"autocount": {"rate_limit": 1_000_000}}
SECOND = "Second Trading Sdn Bhd"


@pytest.fixture
def two_books(tmp_path):
    world = start_sandboxes(["custom", "woocommerce"], orders=20, seed_value=3, options=FAST)
    other = AutoCountSandbox(book="7001", key_id="second-key", api_key="second-api-key-0001",
                             rate_limit=1_000_000).start()
    svc = Service(f"sqlite:///{tmp_path / 'books.sqlite'}",
                  http=HttpClient(sleep=lambda s: None))
    configure(svc, world)
    yield svc, world, other
    svc.close()
    other.stop()
    world.stop()


def set_up_second(svc: Service, other: AutoCountSandbox) -> None:
    assert svc.add_company(f"  {SECOND.lower()} ") == SECOND.lower()
    for key, value in other.credentials().items():
        svc.set_secret(f"autocount:{SECOND}", key, value)
    svc.set_autocount("cloud", other.url, other.book,
                      {**AUTOCOUNT_DEFAULTS, "debtor_code": "300-C001"}, company=SECOND)


def test_each_store_posts_only_to_its_own_companys_book(two_books):
    svc, world, other = two_books
    set_up_second(svc, other)
    svc.update_store("Demo WooCommerce", settings={"company": SECOND.upper()})
    assert svc.get_store("Demo WooCommerce").company == SECOND.lower()
    assert svc.get_store("Demo Website").company == "main book"

    assert svc.sync().status == "ok"
    main_refs = {d["master"]["docNo"][:3] for d in world.autocount.documents()}
    second_refs = {d["master"]["docNo"][:3] for d in other.documents()}
    assert main_refs == {"WB-"} and second_refs == {"WC-"}
    with svc.db.session() as s:
        books = {(d.book == "", d.doc_no[:3]) for d in s.scalars(select(Document))}
    assert books == {(True, "WB-"), (False, "WC-")}
    # totals to the cent in the second book, and a second sync posts nothing anywhere
    for doc in other.documents():
        assert Decimal(doc["master"]["total"]) > 0
    before = (len(world.autocount.documents()), len(other.documents()))
    assert svc.sync().posted == 0
    assert (len(world.autocount.documents()), len(other.documents())) == before


def test_a_company_without_its_own_credentials_never_borrows_the_main_books(two_books):
    svc, world, other = two_books
    svc.add_company(SECOND)
    svc.set_autocount("cloud", other.url, other.book, dict(AUTOCOUNT_DEFAULTS), company=SECOND)
    svc.update_store("Demo WooCommerce", settings={"company": SECOND})
    summary = svc.sync()
    assert other.documents() == []
    assert {d["master"]["docNo"][:3] for d in world.autocount.documents()} == {"WB-"}
    # the run says which book lacks what, and how to save it; no order is held for it
    assert any(f'secret set "autocount:{SECOND}" key_id' in e for e in summary.errors), \
        summary.errors
    assert svc.held("Demo WooCommerce") == []


def test_the_same_document_number_may_exist_once_in_each_book(two_books):
    svc, _world, _other = two_books
    with svc.db.session() as s:
        s.add_all([Document(book="", kind="invoice", doc_no="X-1"),
                   Document(book="abc", kind="invoice", doc_no="X-1")])
        s.commit()
        s.add(Document(book="abc", kind="invoice", doc_no="X-1"))
        with pytest.raises(Exception, match="UNIQUE"):
            s.commit()


def test_names_are_checked_and_a_used_company_cannot_be_removed(two_books):
    svc, _world, other = two_books
    set_up_second(svc, other)
    with pytest.raises(UsageError, match="already exists"):
        svc.add_company(SECOND.upper())
    with pytest.raises(UsageError, match="No AutoCount company called 'Nope'"):
        svc.update_store("Demo Website", settings={"company": "Nope"})
    svc.update_store("Demo Website", settings={"company": SECOND})
    with pytest.raises(UsageError, match="Demo Website post to"):
        svc.remove_company(SECOND)
    svc.update_store("Demo Website", settings={"company": "main book"})
    assert svc.get_store("Demo Website").company == "main book"
    assert [e.owner for e in svc.list_secrets() if e.owner.startswith("autocount:")] == [
        f"autocount:{SECOND.lower()}"] * 2
    svc.remove_company(SECOND)
    assert svc.companies() == ["main book"]
    assert not any(e.owner.startswith("autocount:") for e in svc.list_secrets())


def test_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "ecdesk.secrets.FileKeyring")
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("ECDESK_DB", f"sqlite:///{tmp_path / 'db.sqlite'}")
    keyring.set_keyring(FileKeyring())
    assert run(["autocount", "add-company", "Acme"]) == 0
    assert run(["autocount", "set", "--company", "acme", "--route", "import-file", "--set",
                f"path={tmp_path}"]) == 0
    assert run(["autocount", "show", "--company", "ACME"]) == 0
    assert f"path = {tmp_path}" in capsys.readouterr().out
    assert run(["autocount", "show"]) == 0
    assert "path" not in capsys.readouterr().out  # the main book is untouched
    assert run(["store", "add", "Web", "--platform", "custom", "--url",
                "https://shop.example.com/feed", "--set", "company=Acme"]) == 0
    assert run(["store", "list"]) == 0
    assert "(posts to Acme)" in capsys.readouterr().out
    assert run(["autocount", "companies"]) == 0
    assert capsys.readouterr().out.split("\n")[:2] == ["main book", "Acme"]
    assert run(["store", "set", "Web", "--set", "company=Other"]) == 2
    assert "No AutoCount company called 'Other'" in capsys.readouterr().err
    db = Database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    db.dispose()


def test_migration_keeps_existing_documents_in_the_main_book(tmp_path):
    from pathlib import Path

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    import ecdesk.db

    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    cfg = Config()
    cfg.set_main_option("script_location",
                        str(Path(ecdesk.db.__file__).with_name("migrations")))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005_outbox_export_file")
        conn.execute(text("INSERT INTO documents (kind, doc_no, ref, found_by_lookup, "
                          "posted_at) VALUES ('invoice', 'WB-1', 'r', 0, '2026-01-01')"))
    engine.dispose()
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")  # upgrades on open
    with db.session() as s:
        assert [(d.book, d.doc_no) for d in s.scalars(select(Document))] == [("", "WB-1")]
        s.add(Document(book="other", kind="invoice", doc_no="WB-1"))
        s.commit()
        s.add(Document(book="", kind="invoice", doc_no="WB-1"))
        with pytest.raises(Exception, match="UNIQUE"):
            s.commit()
    db.dispose()


def test_a_second_companys_store_gets_no_stock_from_the_main_book(two_books):
    svc, _world, other = two_books
    set_up_second(svc, other)
    svc.update_store("Demo WooCommerce", settings={"company": SECOND, "push_stock": "yes"})
    (summary,) = svc.stock.push("Demo WooCommerce", force=True)
    assert "main book only" in summary.skipped and summary.pushed == 0
    (summary,) = svc.stock.egress("Demo WooCommerce")
    assert "main book only" in summary.skipped
