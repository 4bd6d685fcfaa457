"""Credentials belong to one store of one database (issue 10 item 1 and its acceptance):
two databases with a store of the same id each use their own keys; a store added after
another was removed inherits nothing; `store remove` leaves no keyring entry."""

from __future__ import annotations

from sqlalchemy import select

from ecdesk import secrets
from ecdesk.db.models import Setting, Store
from ecdesk.service import Service


def open_db(tmp_path, name: str) -> Service:
    return Service(f"sqlite:///{tmp_path / name}")


def creds_of(svc: Service, store: str):
    with svc.db.session() as s:
        st = s.scalars(select(Store).where(Store.name == store)).one()
        return svc.engine.connector(st).credentials


def test_two_databases_with_same_store_ids_keep_their_own_credentials(tmp_path,
                                                                       memory_keyring):
    one, two = open_db(tmp_path, "company1.sqlite"), open_db(tmp_path, "company2.sqlite")
    a = one.add_store("Kedai", "lazada", "https://api.lazada.com.my/rest")
    b = two.add_store("Kedai", "shopify", "https://kedai.myshopify.com")
    assert a.id == b.id == 1  # the old keying collided exactly here
    one.set_secret("Kedai", "app_secret", "lazada-secret")
    creds_of(one, "Kedai").set("access_token", "lazada-token")  # what `store auth` saves
    one.set_secret("autocount", "api_key", "company-1-key")
    assert creds_of(two, "Kedai").get("access_token") is None  # not the Lazada token
    two.set_secret("Kedai", "access_token", "shpat_company2")
    two.set_secret("autocount", "api_key", "company-2-key")
    assert creds_of(one, "Kedai").get("access_token") == "lazada-token"
    assert creds_of(two, "Kedai").get("access_token") == "shpat_company2"
    assert one.engine.scope() != two.engine.scope()
    assert [e.key for e in one.list_secrets() if e.owner == "autocount"] == ["api_key"]
    assert secrets.get_secret(one.engine.scope(), "api_key") == "company-1-key"
    assert secrets.get_secret(two.engine.scope(), "api_key") == "company-2-key"
    one.close()
    two.close()


def test_store_remove_leaves_no_keyring_entry_and_a_new_store_inherits_nothing(
        tmp_path, memory_keyring):
    svc = open_db(tmp_path, "e.sqlite")
    svc.add_store("Old", "woocommerce", "https://old.example.com")
    svc.set_secret("Old", "consumer_key", "ck_old")
    svc.set_secret("Old", "consumer_secret", "cs_old")
    creds_of(svc, "Old").set("refresh_token", "rt_old")
    svc.set_secret("autocount", "key_id", "kid")
    assert svc.remove_store("Old") == 3
    entries = {u for (_, u) in memory_keyring._data}
    assert not [u for u in entries if "/store-" in u]
    assert [(e.owner, e.key) for e in svc.list_secrets()] == [("autocount", "key_id")]
    new = svc.add_store("New", "woocommerce", "https://new.example.com")
    assert new.id == 1  # SQLite reused the id: the old keying handed it the old keys
    assert creds_of(svc, "New").get("consumer_key") is None
    svc.close()


def test_secret_list_names_orphans_and_forget_orphans_deletes_them(tmp_path, memory_keyring):
    svc = open_db(tmp_path, "e.sqlite")
    svc.add_store("Shop", "shopify", "https://a.myshopify.com")
    svc.set_secret("Shop", "access_token", "shpat_1")
    orphan_scope = secrets.owner_scope(svc.engine.scope().split("/")[0], "deadbeef" * 4)
    secrets.set_secret(orphan_scope, "access_token", "left-over")  # e.g. a crash mid-remove
    listed = svc.list_secrets()
    assert [(e.owner, e.key, e.orphan) for e in listed] == [
        ("Shop", "access_token", False), ("(removed store deadbeef)", "access_token", True)]
    assert not any("shpat_1" in str(e) or "left-over" in str(e) for e in listed)
    assert svc.forget_orphans() == 1
    assert secrets.get_secret(orphan_scope, "access_token") is None
    assert [e.orphan for e in svc.list_secrets()] == [False]
    svc.close()


def test_entries_named_the_old_way_move_once_on_open(tmp_path, memory_keyring):
    svc = open_db(tmp_path, "e.sqlite")
    info = svc.add_store("Shop", "shopify", "https://a.myshopify.com")
    with svc.db.session() as s:  # what migration 0003 records for an existing database
        s.add(Setting(key="secrets.legacy_store_ids", value=f"[{info.id}]"))
        s.commit()
    svc.close()
    secrets.set_secret(f"store-{info.id}", "access_token", "shpat_old")
    secrets.set_secret("autocount", "api_key", "ak_old")
    again = open_db(tmp_path, "e.sqlite")
    assert creds_of(again, "Shop").get("access_token") == "shpat_old"
    assert secrets.get_secret(again.engine.scope(), "api_key") == "ak_old"
    assert secrets.get_secret(f"store-{info.id}", "access_token") is None
    assert secrets.get_secret("autocount", "api_key") is None
    with again.db.session() as s:
        assert s.get(Setting, "secrets.legacy_store_ids") is None  # only once
    again.close()
