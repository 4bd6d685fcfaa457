"""Credentials in the keyring (never in the database) and a store's login: authorise, test."""

from __future__ import annotations

from ecdesk import secrets
from ecdesk.errors import UsageError
from ecdesk.services.context import Context


class CredentialService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def keyring_problem(self) -> str | None:
        return secrets.backend_problem()

    def _scope(self, owner: str) -> str:
        if owner == "autocount":
            return secrets.AUTOCOUNT_SCOPE
        with self.ctx.session() as s:
            return secrets.store_scope(self.ctx.store(s, owner).id)

    def set_secret(self, owner: str, key: str, value: str) -> None:
        """Save a credential for a store (by name) or for ``autocount``."""
        value = value.strip()
        if not value:
            raise UsageError(f"No value given for '{key}'.")
        try:
            secrets.set_secret(self._scope(owner), key, value)
        except secrets.NoKeyringError as exc:
            raise UsageError(str(exc)) from None

    def has_secret(self, owner: str, key: str) -> bool:
        try:
            return secrets.has_secret(self._scope(owner), key)
        except secrets.NoKeyringError:
            return False

    def authorise_store(self, name: str, code: str) -> str:
        """Exchange a marketplace authorisation code for tokens (saved to the keyring)."""
        with self.ctx.session() as s:
            connector = self.ctx.engine.connector(self.ctx.store(s, name))
        authorise = getattr(connector, "authorise", None)
        if authorise is None:
            raise UsageError(f"Store '{name}' does not use an authorisation code.")
        result = authorise(code)
        return result if isinstance(result, str) else f"Store '{name}' is authorised."

    def test_store(self, name: str) -> str:
        with self.ctx.session() as s:
            return self.ctx.engine.connector(self.ctx.store(s, name)).test_connection()
