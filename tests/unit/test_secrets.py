"""Credentials live in the keyring only, scoped per store id."""

import keyring
import pytest

from ecdesk import secrets
from ecdesk.secrets import NoKeyringError, ScopedCredentials, store_scope


def test_round_trip_in_scope(memory_keyring):
    creds = ScopedCredentials(store_scope(7))
    creds.set("access_token", "shpat_abc")
    assert creds.get("access_token") == "shpat_abc"
    assert ScopedCredentials(store_scope(8)).get("access_token") is None
    assert "shpat_abc" not in repr(creds)


def test_no_backend_is_a_clear_error():
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert "no password store" in secrets.backend_problem()
    with pytest.raises(NoKeyringError, match="credentials cannot be saved"):
        secrets.set_secret("autocount", "api_key", "x")


def test_file_backend_persists(tmp_path, monkeypatch):
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "kr.json"))
    keyring.set_keyring(secrets.FileKeyring())
    secrets.set_secret("autocount", "api_key", "k1")
    keyring.set_keyring(secrets.FileKeyring())
    assert secrets.get_secret("autocount", "api_key") == "k1"


# --- uids, index, removal, adoption (issue 10 item 1) -----------------------------------------
def test_entries_are_named_by_database_and_store_uid_and_indexed_by_name_only(memory_keyring):
    a, b = secrets.owner_scope("db1", "u1"), secrets.owner_scope("db2", "u1")
    secrets.set_secret(a, "access_token", "token-a")
    secrets.set_secret(b, "access_token", "token-b")
    secrets.set_secret(secrets.owner_scope("db1"), "api_key", "ac-1")
    assert secrets.get_secret(a, "access_token") == "token-a"
    assert secrets.get_secret(b, "access_token") == "token-b"
    assert secrets.entry_names("db1") == ["db1/autocount/api_key", "db1/store-u1/access_token"]
    assert secrets.entry_names("db2") == ["db2/store-u1/access_token"]
    assert "token-a" not in str(memory_keyring._data[("ecdesk", "db1/index")])


def test_delete_scope_leaves_no_entry_of_that_store(memory_keyring):
    scope = secrets.owner_scope("db1", "u1")
    secrets.set_secret(scope, "consumer_key", "ck")
    secrets.set_secret(scope, "refresh_token", "rt")
    memory_keyring.set_password("ecdesk", f"{scope}/oauth_expires_at", "x")  # not indexed
    secrets.set_secret(secrets.owner_scope("db1", "u2"), "consumer_key", "other")
    assert secrets.delete_scope(scope) == 3
    assert [n for n in memory_keyring._data if n[1].startswith(scope)] == []
    assert secrets.entry_names("db1") == ["db1/store-u2/consumer_key"]


def test_adopt_moves_pre_uid_entries_once_and_keeps_newer_ones(memory_keyring):
    secrets.set_secret("store-1", "access_token", "old")
    secrets.set_secret("store-1", "client_id", "cid")
    new = secrets.owner_scope("db1", "u1")
    secrets.set_secret(new, "client_id", "newer")
    assert secrets.adopt("store-1", new) == 1
    assert secrets.get_secret(new, "access_token") == "old"
    assert secrets.get_secret(new, "client_id") == "newer"
    assert secrets.get_secret("store-1", "access_token") is None
    assert secrets.adopt("store-1", new) == 0


def test_a_scope_needs_a_database_uid():
    with pytest.raises(ValueError, match="database uid"):
        secrets.owner_scope("", "u1")
