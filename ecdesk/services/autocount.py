"""The AutoCount connection: route, URL, book and settings; test it. Several companies'
books may exist (:mod:`ecdesk.sync.books`): every call takes ``company`` (a name; empty: the
main book)."""

from __future__ import annotations

from sqlalchemy import delete, select

from ecdesk.db.models import Setting, Store
from ecdesk.errors import ConfigError, UsageError
from ecdesk.services.context import Context
from ecdesk.sync import books
from ecdesk.sync.engine import autocount_config, get_settings, mark_for_review
from ecdesk.validation import check_autocount_settings, check_url


class AutoCountService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def companies(self) -> list[str]:
        """The books' names: the main book first, then each company's."""
        with self.ctx.session() as s:
            return [books.MAIN_NAME, *sorted(books.companies(s).values(), key=str.casefold)]

    def add_company(self, name: str) -> str:
        """Add another company's AutoCount book; answers its name as saved."""
        with self.ctx.session() as s:
            uid = books.add_company(s, name)
            s.commit()
            return books.book_name(s, uid)

    def remove_company(self, name: str) -> None:
        """Forget a company's book (its settings and keyring entries); refused while a store
        posts to it."""
        with self.ctx.session() as s:
            uid = books.find_book(s, name)
            if uid == books.MAIN:
                raise UsageError("The main book cannot be removed; change its settings instead.")
            users = [st.name for st in s.scalars(select(Store)) if books.store_book(st) == uid]
            if users:
                raise UsageError(
                    f"Stores {', '.join(users)} post to {books.book_name(s, uid)}: move them "
                    "to another company first (`ecdesk store set STORE --set company=NAME`).")
            scope = self.ctx.engine.book_scope(uid)
            s.execute(delete(Setting).where(
                Setting.key.like(books.settings_prefix(uid) + "%")))
            s.commit()
        from ecdesk import secrets

        try:
            secrets.delete_scope(scope)
        except secrets.NoKeyringError:
            pass  # `secret list` shows them as orphans

    def book_of(self, company: str | None) -> str:
        with self.ctx.session() as s:
            return books.find_book(s, company)

    def set_autocount(self, route: str | None = None, url: str | None = None,
                      book: str | None = None, settings: dict[str, str] | None = None, *,
                      company: str | None = None) -> None:
        values = check_autocount_settings(dict(settings or {}))
        if route is not None:
            from ecdesk.sync.autocount import known_routes

            if route not in known_routes():
                known = ", ".join(known_routes())
                raise UsageError(f"Unknown AutoCount route '{route}' (known: {known}).")
            values["route"] = route
        if url is not None:
            values["url"] = check_url(url, required=False)
        if book is not None:
            values["book"] = book
        with self.ctx.session() as s:
            prefix = books.settings_prefix(books.find_book(s, company))
            for k, v in values.items():
                row = s.get(Setting, f"{prefix}{k}")
                if row is None:
                    s.add(Setting(key=f"{prefix}{k}", value=v))
                else:
                    row.value = v
            mark_for_review(s)
            s.commit()

    def autocount_settings(self, company: str | None = None) -> dict[str, str]:
        with self.ctx.session() as s:
            values = get_settings(s, books.settings_prefix(books.find_book(s, company)))
            values.pop("name", None)
            return values

    def test_autocount(self, company: str | None = None) -> str:
        with self.ctx.session() as s:
            book = books.find_book(s, company)
            try:
                autocount_config(s, book)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            return self.ctx.engine.route(s, book).test_connection()

    def confirm_import(self, path: str, company: str | None = None) -> int:
        """The clerk imported an exported workbook into AutoCount: its documents are posted
        (the next sync marks their orders posted and goes on with refunds and fees)."""
        return self._import_file(path, confirm=True, company=company)

    def withdraw_import(self, path: str, company: str | None = None) -> int:
        """The clerk will not import that workbook: its documents are ready to export again."""
        return self._import_file(path, confirm=False, company=company)

    def _import_file(self, path: str, *, confirm: bool, company: str | None) -> int:
        from ecdesk.sync import exports

        with self.ctx.session() as s:
            book = books.find_book(s, company)
            stores = books.stores_of(s, book)
            try:
                route = self.ctx.engine.route(s, book)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            if not exports.exports_to_file(route):
                raise UsageError("AutoCount is not set to the import-file route: `ecdesk "
                                 "autocount set --route import-file --set path=FOLDER`.")
            outbox = self.ctx.engine.outbox(route)
            try:
                if confirm:
                    return exports.confirm(s, route, path, lambda e, d: outbox.confirm_elsewhere(
                        s, e, d), stores=stores)
                return exports.withdraw(s, route, path, stores=stores)
            except exports.ExportFileError as exc:
                raise UsageError(str(exc)) from None

    def list_codes(self, kind: str, search: str = "", company: str | None = None
                   ) -> list[tuple[str, str]]:
        """The book's codes of ``kind`` (item, tax, payment_method, debtor, location,
        currency) whose code or description contains ``search`` (any case)."""
        from ecdesk.errors import ApiError

        with self.ctx.session() as s:
            book = books.find_book(s, company)
            try:
                autocount_config(s, book)
                route = self.ctx.engine.route(s, book)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
        try:
            codes = route.list_codes(kind)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        except ApiError as exc:  # Unsupported says what this route cannot list
            raise UsageError(f"{exc} Look the codes up in AutoCount itself.") from None
        needle = search.strip().casefold()
        return [(c, d) for c, d in codes if needle in c.casefold() or needle in d.casefold()]
