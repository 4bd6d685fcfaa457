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
