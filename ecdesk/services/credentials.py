"""Credentials in the keyring (never in the database) and a store's login: authorise, test.

Entries are named by this database's uid and the store's uid (:mod:`ecdesk.secrets`), so two
databases and a store added after another was removed never share one. ``list_secrets``
shows names only and which belong to no store any more (orphans); ``forget_store`` deletes a
removed store's entries; ``adopt_legacy`` moves entries named the old way, once, on open.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import select

from ecdesk import secrets
from ecdesk.db.models import Setting, Store
from ecdesk.errors import UsageError
from ecdesk.services.context import Context
from ecdesk.sync import books
from ecdesk.validation import check_secret_name

log = logging.getLogger(__name__)
LEGACY_IDS = "secrets.legacy_store_ids"  # written by migration 0003_credential_uids


@dataclass
class SecretEntry:
    """One saved credential, by name (never its value)."""

    owner: str  # a store's name, "autocount", or what an orphan was
    key: str
    orphan: bool = False
    note: str = ""  # why it is an orphan, and what to do
    scope: str = ""  # the keyring scope (for deleting an orphan)


def _is_autocount(owner: str) -> bool:
    return owner.partition(":")[0].strip().lower() == "autocount"


class CredentialService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def keyring_problem(self) -> str | None:
        return secrets.backend_problem()

    def _scope(self, owner: str) -> str:
        """``autocount`` (the main book), ``autocount:COMPANY`` (a company's book), or a
        store's name."""
        with self.ctx.session() as s:
            if _is_autocount(owner):
                return self.ctx.engine.book_scope(books.find_book(s, owner.partition(":")[2]))
            return self.ctx.engine.scope(self.ctx.store(s, owner))

    def _owner_platform(self, owner: str) -> str:
        if _is_autocount(owner):
            return "autocount"
        with self.ctx.session() as s:
            return self.ctx.store(s, owner).platform

    def set_secret(self, owner: str, key: str, value: str) -> None:
        """Save a credential for a store (by name) or for ``autocount``."""
        check_secret_name(self._owner_platform(owner), key)
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

    def list_secrets(self) -> list[SecretEntry]:
        """Every credential this database saved (names only), stores first; entries of a
        store that is gone are orphans."""
        try:
            with self.ctx.session() as s:
                uids = {st.uid: st.name for st in s.scalars(select(Store))}
                companies = books.companies(s)
                autocount = self.ctx.engine.scope()
                database = autocount.split("/", 1)[0]
                names = secrets.entry_names(database)
        except secrets.NoKeyringError as exc:
            raise UsageError(str(exc)) from None
        entries = []
        for name in names:
            scope, _, key = name.rpartition("/")
            if scope == autocount:
                entries.append(SecretEntry("autocount", key, scope=scope))
                continue
            if scope.startswith(autocount + "-"):
                book = scope[len(autocount) + 1:]
                if book in companies:
                    entries.append(SecretEntry(f"autocount:{companies[book]}", key, scope=scope))
                else:
                    entries.append(SecretEntry(
                        f"(removed company {book[:8]})", key, orphan=True, scope=scope,
                        note="its company is gone; `ecdesk secret forget-orphans` deletes it"))
                continue
            uid = scope.rpartition("/store-")[2]
            if uid in uids:
                entries.append(SecretEntry(uids[uid], key, scope=scope))
            else:
                entries.append(SecretEntry(
                    f"(removed store {uid[:8]})", key, orphan=True, scope=scope,
                    note="its store is gone; `ecdesk secret forget-orphans` deletes it"))
        return sorted(entries, key=lambda e: (e.orphan, _is_autocount(e.owner), e.owner, e.key))

    def forget_orphans(self) -> int:
        """Delete the entries whose store is gone; answers how many."""
        orphans = [e for e in self.list_secrets() if e.orphan]
        for entry in orphans:
            secrets.delete_secret(entry.scope, entry.key)
        return len(orphans)

    def forget_store(self, scope: str) -> int:
        """Delete every entry of a removed store (its scope, taken before removal)."""
        try:
            return secrets.delete_scope(scope)
        except secrets.NoKeyringError:
            log.warning("keyring unavailable: entries of %s left for `secret list`", scope)
            return 0

    def adopt_legacy(self) -> int:
        """Once, after migration 0003: move entries named by store id (``store-<id>/...``,
        ``autocount/...``) under the uid names. Only stores present at that migration
        adopt, so a store added later never inherits a removed store's keys."""
        with self.ctx.session() as s:
            row = s.get(Setting, LEGACY_IDS)
            if row is None:
                return 0
            if secrets.backend_problem():
                return 0  # try again on the next open
            ids = set(json.loads(row.value or "[]"))
            moved = secrets.adopt(secrets.AUTOCOUNT_SCOPE, self.ctx.engine.scope())
            for store in s.scalars(select(Store).where(Store.id.in_(ids))):
                moved += secrets.adopt(secrets.store_scope(store.id),
                                       self.ctx.engine.scope(store))
            s.delete(row)
            s.commit()
        if moved:
            log.info("moved %d keyring entries to their uid names", moved)
        return moved
