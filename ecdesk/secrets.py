"""The only place that touches credentials: the OS keyring, through the ``keyring`` package.

Credentials are stored under the service name ``ecdesk`` with the user name
``<database uid>/<owner>/<key>``: the owner is ``store-<store uid>`` for a store, ``autocount``
for the AutoCount connection. Both uids are random and never reused (issue 10 item 1): two
databases (two companies) never share an entry, a store added after another was removed
never inherits its keys, and renaming a store keeps them. Keyrings cannot list their entries,
so each database keeps an index entry (``<database uid>/index``: the entry names, never the
values) for ``secret list``, orphan detection and ``store remove``. Entries written before
uids existed (``store-<id>/<key>``, ``autocount/<key>``) are moved under the new names once
(:func:`adopt`). Nothing here logs a value. keyring's standard ``PYTHON_KEYRING_BACKEND``
setting chooses the backend; :class:`MemoryKeyring` serves unit tests and :class:`FileKeyring`
the CLI tests and ``make demo`` (sandbox credentials only).
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
    """The pre-uid owner name of a store (kept for :func:`adopt`)."""
    return f"store-{store_id}"


AUTOCOUNT_SCOPE = "autocount"  # the pre-uid owner name of AutoCount (kept for :func:`adopt`)

#: The credential names a clerk saves, per owner (docs/decisions.md §4).
SECRET_NAMES: dict[str, tuple[str, ...]] = {
    "shopify": ("access_token", "client_id", "client_secret"),
    "woocommerce": ("consumer_key", "consumer_secret"),
    "shopee": ("partner_key",),
    "lazada": ("app_secret",),
    "custom": ("api_key",),
    "autocount": ("key_id", "api_key", "password"),
}
#: What ecdesk saves itself: marketplace and Shopify client-credentials tokens.
TOKEN_NAMES = ("access_token", "refresh_token", "access_expires_at", "refresh_expires_at",
               "oauth_access_token", "oauth_expires_at")
ALL_NAMES = tuple(dict.fromkeys([n for names in SECRET_NAMES.values() for n in names]
                                + list(TOKEN_NAMES)))


def owner_scope(database_uid: str, store_uid: str | None = None, *, book_uid: str = "") -> str:
    """The scope of a store (``store_uid``) or of AutoCount (None) in one database: the main
    book, or another company's book (``book_uid``, ecdesk.sync.books)."""
    if not database_uid:
        raise ValueError("a database uid is needed to name keyring entries")
    if store_uid:
        return f"{database_uid}/store-{store_uid}"
    return f"{database_uid}/autocount" + (f"-{book_uid}" if book_uid else "")


def _index_name(database_uid: str) -> str:
    return f"{database_uid}/index"


_index_lock = threading.Lock()


def _index(database_uid: str) -> list[str]:
    text = keyring.get_password(SERVICE, _index_name(database_uid))
    try:
        names = json.loads(text) if text else []
    except ValueError:
        names = []
    return [n for n in names if isinstance(n, str)]


def _update_index(scope: str, key: str, present: bool) -> None:
    database_uid = scope.split("/", 1)[0] if "/" in scope else ""
    if not database_uid:
        return  # a pre-uid scope: not indexed
    name = f"{scope}/{key}"
    with _index_lock:
        names = _index(database_uid)
        if present == (name in names):
            return
        names = sorted({*names, name}) if present else [n for n in names if n != name]
        if names:
            keyring.set_password(SERVICE, _index_name(database_uid), json.dumps(names))
        else:
            try:
                keyring.delete_password(SERVICE, _index_name(database_uid))
            except keyring.errors.PasswordDeleteError:
                pass


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
    _update_index(scope, key, True)


def delete_secret(scope: str, key: str) -> None:
    _require_backend()
    try:
        keyring.delete_password(SERVICE, f"{scope}/{key}")
    except keyring.errors.PasswordDeleteError:
        pass
    _update_index(scope, key, False)


def entry_names(database_uid: str) -> list[str]:
    """The names (``<scope>/<key>``, never values) of one database's keyring entries."""
    _require_backend()
    with _index_lock:
        return _index(database_uid)


def delete_scope(scope: str) -> int:
    """Delete every entry of ``scope`` (indexed or of a known name); answers how many."""
    _require_backend()
    database_uid = scope.split("/", 1)[0]
    keys = {n[len(scope) + 1:] for n in entry_names(database_uid) if n.startswith(scope + "/")}
    gone = 0
    for key in sorted(keys | set(ALL_NAMES)):
        if get_secret(scope, key) is not None:
            gone += 1
        delete_secret(scope, key)
    return gone


def adopt(old_scope: str, new_scope: str) -> int:
    """Move the entries of a pre-uid scope (``store-<id>``, ``autocount``) to ``new_scope``
    (an entry already there wins); answers how many moved."""
    _require_backend()
    moved = 0
    for key in ALL_NAMES:
        value = get_secret(old_scope, key)
        if value is None:
            continue
        if get_secret(new_scope, key) is None:
            set_secret(new_scope, key, value)
            moved += 1
        delete_secret(old_scope, key)
    return moved


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
    per_process = True  # another process cannot read it: runs stay in this one

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
