"""Stores: add, edit, remove, list; each store keeps its own DocNo prefix."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecdesk.clock import local_midnight
from ecdesk.db.models import OrderRow, Store
from ecdesk.domain import PLATFORMS, Outcome, Platform
from ecdesk.errors import UsageError
from ecdesk.services.context import Context
from ecdesk.services.records import StoreInfo
from ecdesk.store_identity import describe, name_key, shop_key
from ecdesk.sync import books
from ecdesk.sync.engine import mark_for_review
from ecdesk.validation import check_minutes, check_store_settings, check_url

STORE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}$")
PLATFORM_PREFIX = {p: facts.prefix for p, facts in PLATFORMS.items()}  # "SH" -> SH-1001


def free_prefix(platform: Platform, taken: set[str]) -> str:
    """The platform's usual DocNo prefix (``SH-``), or ``SH2-``, ``SH3-``... when taken."""
    base = PLATFORM_PREFIX[platform]
    for n in ("", *map(str, range(2, 10))):
        candidate = f"{base}{n}-"
        if candidate.upper() not in taken:
            return candidate
    raise UsageError("Every document prefix for this platform is taken: set doc_prefix.")


def _prefixes(s: Session, but: int | None = None) -> set[str]:
    return {(st.settings or {}).get("doc_prefix", "").upper()
            for st in s.scalars(select(Store)) if st.id != but}


def _check_identity(s: Session, name: str, platform: str, url: str, *,
                    settings: dict[str, str], but: int | None = None) -> None:
    """Refuse a name another store has (ignoring case and spaces) and a shop another store
    already is (store_identity), naming that store."""
    key = shop_key(platform, url, settings)
    for other in s.scalars(select(Store)):
        if other.id == but:
            continue
        if name_key(other.name) == name_key(name):
            raise UsageError(
                f"A store named '{other.name}' already exists (names ignore case and spaces): "
                "choose another name.")
        if key and key == shop_key(other.platform, other.url, other.settings or {}):
            raise UsageError(
                f"{describe(key)[0].upper()}{describe(key)[1:]} is already in ecdesk as store "
                f"'{other.name}'; adding it twice would post every order twice. Use that "
                f"store, or remove it first (`ecdesk store remove \"{other.name}\"`).")


def _check_prefix(prefix: str, taken: set[str]) -> None:
    """DocNos are ``<prefix><order number>``: two stores sharing a prefix would collide."""
    if len(prefix) > 4:
        raise UsageError(f"The document prefix '{prefix}' is longer than 4 characters.")
    if prefix.upper() in taken:
        raise UsageError(
            f"Another store already uses the document prefix '{prefix}'. Each store needs "
            "its own, or their AutoCount document numbers would collide.")


def _resolve_company(s: Session, settings: dict[str, str]) -> None:
    """``company`` is typed as a name and kept as the book's uid (the main book: removed)."""
    if settings.get(books.COMPANY_KEY):
        settings[books.COMPANY_KEY] = books.find_book(s, settings[books.COMPANY_KEY])


class StoreService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def add_store(self, name: str, platform: str, url: str = "",
                  settings: dict[str, str] | None = None) -> StoreInfo:
        if not STORE_NAME.match(name) or name.lower() == "autocount":
            raise UsageError(
                f"'{name}' cannot be a store name: use letters, digits, space, '-', '_' or '.' "
                "(up to 60), and not 'autocount'.")
        try:
            plat = Platform(platform.lower())
        except ValueError:
            known = ", ".join(p.value for p in Platform)
            raise UsageError(f"Unknown platform '{platform}'. Choose one of: {known}.") from None
        name = " ".join(name.split())
        settings = check_store_settings(plat.value, dict(settings or {}))
        url = check_url(url, required=False)  # none yet: the store's test or sync asks
        with self.ctx.session() as s:
            _resolve_company(s, settings)
            _check_identity(s, name, plat.value, url, settings=settings)
            taken = _prefixes(s)
            if "doc_prefix" in settings:
                _check_prefix(settings["doc_prefix"], taken)
            else:
                settings["doc_prefix"] = free_prefix(plat, taken)
            store = Store(name=name, platform=plat.value, url=url, settings=settings)
            s.add(store)
            s.commit()
            return self._store_info(s, store)

    def update_store(self, name: str, *, url: str | None = None,
                     settings: dict[str, str] | None = None, enabled: bool | None = None,
                     sync_enabled: bool | None = None, ingress_minutes: int | None = None,
                     new_name: str | None = None) -> StoreInfo:
        check_minutes(ingress_minutes)
        with self.ctx.session() as s:
            store = self.ctx.store(s, name)
            if settings:
                settings = check_store_settings(store.platform, settings)
                _resolve_company(s, settings)
            merged_settings = {**(store.settings or {}), **(settings or {})}
            if url is not None:
                url = check_url(url, required=False)
            if url is not None or settings or new_name:
                _check_identity(s, new_name or store.name, store.platform,
                                store.url if url is None else url,
                                settings={k: v for k, v in merged_settings.items() if v},
                                but=store.id)
            if url is not None:
                store.url = url
            if settings and "doc_prefix" in settings:
                settings = dict(settings)
                taken = _prefixes(s, but=store.id)
                if not settings["doc_prefix"].strip():  # blank keeps the store's own prefix
                    settings["doc_prefix"] = (store.settings or {}).get("doc_prefix") or \
                        free_prefix(Platform(store.platform), taken)
                _check_prefix(settings["doc_prefix"], taken)
            if settings:
                merged = dict(store.settings or {})
                for k, v in settings.items():
                    if v == "":
                        merged.pop(k, None)
                    else:
                        merged[k] = v
                store.settings = merged
                mark_for_review(s, store.id)
            if enabled is not None:
                store.enabled = enabled
            if sync_enabled is not None:
                store.sync_enabled = sync_enabled
            if ingress_minutes is not None:
                store.ingress_minutes = ingress_minutes
            if new_name and new_name != store.name:
                if not STORE_NAME.match(new_name):
                    raise UsageError(f"'{new_name}' cannot be a store name.")
                store.name = new_name
            s.commit()
            return self._store_info(s, store)

    def remove_store(self, name: str) -> int:
        """Remove the store, its orders and its keyring entries; answers how many entries
        were deleted (a later store never inherits them: entries are named by uid)."""
        from ecdesk.services.credentials import CredentialService

        with self.ctx.session() as s:
            store = self.ctx.store(s, name)
            scope = self.ctx.engine.scope(store)
            s.delete(store)
            s.commit()
        return CredentialService(self.ctx).forget_store(scope)

    def list_stores(self) -> list[StoreInfo]:
        with self.ctx.session() as s:
            return [self._store_info(s, st) for st in s.scalars(select(Store).order_by(Store.name))]

    def get_store(self, name: str) -> StoreInfo:
        with self.ctx.session() as s:
            return self._store_info(s, self.ctx.store(s, name))

    def store_names(self) -> list[str]:
        with self.ctx.session() as s:
            return list(s.scalars(select(Store.name).order_by(Store.name)))

    def store_id(self, name: str) -> int:
        with self.ctx.session() as s:
            return self.ctx.store(s, name).id

    def _store_info(self, s: Session, st: Store) -> StoreInfo:
        start = local_midnight(self.ctx.clock(), (st.settings or {}).get("timezone"))
        today = s.scalar(select(func.count(OrderRow.id)).where(
            OrderRow.store_id == st.id, OrderRow.ordered_at >= start)) or 0
        held = s.scalar(select(func.count(OrderRow.id)).where(
            OrderRow.store_id == st.id, OrderRow.outcome == Outcome.HELD.value)) or 0
        return StoreInfo(st.id, st.name, st.platform, st.url, dict(st.settings or {}), st.enabled,
                         st.sync_enabled, st.ingress_minutes, st.last_sync_at,
                         st.last_sync_status, st.last_error, today, held,
                         company=books.book_name(s, books.store_book(st)))
