"""Service: stores, credentials and mappings over a fresh database."""

import pytest

from ecdesk.service import Service, UsageError


@pytest.fixture
def svc(tmp_path):
    service = Service(f"sqlite:///{tmp_path / 'e.sqlite'}")
    yield service
    service.close()


def test_store_lifecycle(svc):
    svc.add_store("Main Shop", "shopify", "https://x.myshopify.com/", {"doc_prefix": "SH-"})
    with pytest.raises(UsageError, match="already exists"):
        svc.add_store("Main Shop", "shopify")
    with pytest.raises(UsageError, match="Unknown platform 'ebay'"):
        svc.add_store("E", "ebay")
    info = svc.update_store("Main Shop", settings={"timezone": "Asia/Kuala_Lumpur"})
    assert info.url == "https://x.myshopify.com"
    assert info.settings == {"doc_prefix": "SH-", "timezone": "Asia/Kuala_Lumpur"}
    assert [s.name for s in svc.list_stores()] == ["Main Shop"]
    assert svc.list_stores()[0].status == "never_synced"  # a code; the window and CLI word it
    svc.remove_store("Main Shop")
    with pytest.raises(UsageError, match="No store named 'Main Shop'"):
        svc.get_store("Main Shop")


def test_secret_goes_to_keyring_not_database(svc, memory_keyring, tmp_path):
    info = svc.add_store("S", "shopify", "https://s.myshopify.com")
    svc.set_secret("S", "access_token", "shpat_secret_value")
    assert svc.has_secret("S", "access_token")
    [entry] = [u for (_, u) in memory_keyring._data if u.endswith("/access_token")]
    assert entry.startswith(svc.engine.scope().split("/")[0] + "/store-")
    assert memory_keyring.get_password("ecdesk", entry) == "shpat_secret_value"
    assert f"store-{info.id}/" not in entry  # named by uid, never the reusable id
    assert b"shpat_secret_value" not in (tmp_path / "e.sqlite").read_bytes()


def test_schema_is_created_by_migration(svc):
    from sqlalchemy import inspect

    tables = set(inspect(svc.db.engine).get_table_names())
    assert {"alembic_version", "orders", "outbox", "documents", "order_documents",
            "hold_reasons", "mappings", "sync_runs"} <= tables


def test_orders_today_start_at_the_stores_midnight():
    from datetime import UTC, datetime

    from ecdesk.service import local_midnight

    # 17:30 UTC on 25 Nov is already 01:30 on 26 Nov in Kuala Lumpur
    now = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)
    assert local_midnight(now, None) == datetime(2026, 11, 25, 16, 0, tzinfo=UTC)
    assert local_midnight(now, "Europe/London") == datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
    assert local_midnight(now, "Not/AZone") == local_midnight(now, "Asia/Kuala_Lumpur")


def test_each_store_gets_its_own_document_prefix(svc):
    assert svc.add_store("A", "shopify").settings["doc_prefix"] == "SH-"
    assert svc.add_store("B", "shopify").settings["doc_prefix"] == "SH2-"
    assert svc.add_store("C", "lazada").settings["doc_prefix"] == "LZ-"
    with pytest.raises(UsageError, match="already uses the document prefix 'sh-'"):
        svc.add_store("D", "woocommerce", settings={"doc_prefix": "sh-"})
    with pytest.raises(UsageError, match="already uses"):
        svc.update_store("C", settings={"doc_prefix": "SH2-"})
    with pytest.raises(UsageError, match="longer than 4"):
        svc.update_store("C", settings={"doc_prefix": "LAZADA-"})
    assert svc.update_store("C", settings={"doc_prefix": "LZ-"}).settings["doc_prefix"] == "LZ-"
