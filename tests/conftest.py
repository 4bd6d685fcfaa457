"""Suite-wide set-up: offscreen Qt, an in-memory keyring, no real network."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
import pytest  # noqa: E402

from ecdesk.secrets import MemoryKeyring  # noqa: E402


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets an empty in-memory keyring; nothing reaches the OS keyring."""
    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(previous)


class DictCredentials(dict):
    """A ``CredentialStore`` over a dict, for connector and route tests."""

    def set(self, key: str, value: str) -> None:
        self[key] = value


@pytest.fixture
def creds():
    return DictCredentials()
