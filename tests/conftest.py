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


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path_factory, monkeypatch):
    """No test writes into the user's real data folder (database, log file, settings)."""
    monkeypatch.setenv("ECDESK_HOME", str(tmp_path_factory.mktemp("home")))
    yield
    from ecdesk.logfile import stop_logging

    stop_logging()  # a CLI test's run() set the log file up: close it


class DictCredentials(dict):
    """A ``CredentialStore`` over a dict, for connector and route tests."""

    def set(self, key: str, value: str) -> None:
        self[key] = value


@pytest.fixture
def creds():
    return DictCredentials()


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the session (skips when PostgreSQL is absent)."""
    from tests.pgcluster import NoPostgres, start_cluster

    try:
        cluster = start_cluster()
    except NoPostgres as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    yield cluster
    cluster.stop()


_pg_databases = iter(range(1, 1_000_000))


@pytest.fixture
def pg_url(pg_cluster):
    """A fresh, empty PostgreSQL database on the session's cluster."""
    return pg_cluster.create_database(f"t{os.getpid()}_{next(_pg_databases)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """The same test on a SQLite file and on PostgreSQL (the several-PCs set-up)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ecdesk.sqlite'}"
    return request.getfixturevalue("pg_url")
