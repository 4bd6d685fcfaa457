"""The only place that touches credentials: the OS keyring, through the ``keyring`` package.

Credentials are stored under the service name ``ecdesk`` with the user name
``<scope>/<key>``; a store's scope is ``store-<internal id>`` (so renaming a store keeps its
keys), AutoCount's is ``autocount``. Nothing here logs a value. keyring's standard
``PYTHON_KEYRING_BACKEND`` setting chooses the backend; :class:`MemoryKeyring` serves unit
tests and :class:`FileKeyring` the CLI tests and ``make demo`` (sandbox credentials only).
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors

from ecdesk.errors import MissingSecret as MissingSecret
from ecdesk.errors import NoKeyringError as NoKeyringError

SERVICE = "ecdesk"


def store_scope(store_id: int) -> str:
    return f"store-{store_id}"


AUTOCOUNT_SCOPE = "autocount"


def backend_problem() -> str | None:
    """None when a usable keyring exists, else a sentence saying what is missing."""
    try:
        kr = keyring.get_keyring()
    except Exception as exc:  # a broken PYTHON_KEYRING_BACKEND value
        return f"The keyring backend could not be loaded ({exc})."
    name = f"{type(kr).__module__}.{type(kr).__name__}"
    if "fail" in name or "null" in name.lower() or getattr(kr, "priority", 1) <= 0:
        return (
            "This computer has no password store (OS keyring) that ecdesk can use, so "
            "credentials cannot be saved. On Windows the Credential Manager is used; on Linux "
            "install and unlock a Secret Service (GNOME Keyring or KWallet)."
        )
    return None


def _require_backend() -> None:
    problem = backend_problem()
    if problem:
        raise NoKeyringError(problem)


def get_secret(scope: str, key: str) -> str | None:
    _require_backend()
    return keyring.get_password(SERVICE, f"{scope}/{key}")


def set_secret(scope: str, key: str, value: str) -> None:
    _require_backend()
    if not value:
        raise ValueError("an empty credential cannot be saved")
    keyring.set_password(SERVICE, f"{scope}/{key}", value)


def delete_secret(scope: str, key: str) -> None:
    _require_backend()
    try:
        keyring.delete_password(SERVICE, f"{scope}/{key}")
    except keyring.errors.PasswordDeleteError:
        pass


def has_secret(scope: str, key: str) -> bool:
    return bool(get_secret(scope, key))


class ScopedCredentials:
    """The ``CredentialStore`` a connector or route receives: one scope of the keyring."""

    def __init__(self, scope: str) -> None:
        self.scope = scope

    def get(self, key: str) -> str | None:
        return get_secret(self.scope, key)

    def set(self, key: str, value: str) -> None:
        set_secret(self.scope, key, value)

    def require(self, key: str, hint: str = "") -> str:
        value = self.get(key)
        if not value:
            raise MissingSecret(f"No '{key}' is saved for {self.scope}. {hint}".strip())
        return value

    def __repr__(self) -> str:  # never the values
        return f"ScopedCredentials({self.scope!r})"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """In-memory backend for unit tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._data: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self._data.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError(username)


class FileKeyring(keyring.backend.KeyringBackend):
    """A plain JSON file: only for tests and the demo, whose credentials are sandbox ones.

    The file is ``$ECDESK_KEYRING_FILE``. Select it with
    ``PYTHON_KEYRING_BACKEND=ecdesk.secrets.FileKeyring``.
    """

    priority = 1  # type: ignore[assignment]
    _lock = threading.Lock()

    @property
    def path(self) -> Path:
        value = os.environ.get("ECDESK_KEYRING_FILE")
        if not value:
            raise keyring.errors.KeyringError(
                "FileKeyring needs ECDESK_KEYRING_FILE (tests and demo only)"
            )
        return Path(value)

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}

    def _save(self, data: dict[str, str]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1), "utf-8")
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._load().get(f"{service}:{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            data = self._load()
            data[f"{service}:{username}"] = password
            self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            data = self._load()
            if data.pop(f"{service}:{username}", None) is None:
                raise keyring.errors.PasswordDeleteError(username)
            self._save(data)
