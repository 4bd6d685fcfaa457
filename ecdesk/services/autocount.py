"""The AutoCount connection: route, URL, book and settings; test it."""

from __future__ import annotations

from ecdesk.db.models import Setting
from ecdesk.errors import ConfigError, UsageError
from ecdesk.services.context import Context
from ecdesk.sync.engine import autocount_config, get_settings, mark_for_review


class AutoCountService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def set_autocount(self, route: str | None = None, url: str | None = None,
                      book: str | None = None, settings: dict[str, str] | None = None) -> None:
        values = dict(settings or {})
        if route is not None:
            from ecdesk.sync.autocount import known_routes

            if route not in known_routes():
                known = ", ".join(known_routes())
                raise UsageError(f"Unknown AutoCount route '{route}' (known: {known}).")
            values["route"] = route
        if url is not None:
            values["url"] = url.rstrip("/")
        if book is not None:
            values["book"] = book
        with self.ctx.session() as s:
            for k, v in values.items():
                row = s.get(Setting, f"autocount.{k}")
                if row is None:
                    s.add(Setting(key=f"autocount.{k}", value=v))
                else:
                    row.value = v
            mark_for_review(s)
            s.commit()

    def autocount_settings(self) -> dict[str, str]:
        with self.ctx.session() as s:
            return get_settings(s, "autocount.")

    def test_autocount(self) -> str:
        with self.ctx.session() as s:
            try:
                autocount_config(s)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            return self.ctx.engine.route(s).test_connection()

    def confirm_import(self, path: str) -> int:
        """The clerk imported an exported workbook into AutoCount: its documents are posted
        (the next sync marks their orders posted and goes on with refunds and fees)."""
        return self._import_file(path, confirm=True)

    def withdraw_import(self, path: str) -> int:
        """The clerk will not import that workbook: its documents are ready to export again."""
        return self._import_file(path, confirm=False)

    def _import_file(self, path: str, *, confirm: bool) -> int:
        from ecdesk.sync import exports

        with self.ctx.session() as s:
            try:
                route = self.ctx.engine.route(s)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            if not exports.exports_to_file(route):
                raise UsageError("AutoCount is not set to the import-file route: `ecdesk "
                                 "autocount set --route import-file --set path=FOLDER`.")
            outbox = self.ctx.engine.outbox(route)
            try:
                if confirm:
                    return exports.confirm(s, route, path, lambda e, d: outbox.confirm_elsewhere(
                        s, e, d))
                return exports.withdraw(s, route, path)
            except exports.ExportFileError as exc:
                raise UsageError(str(exc)) from None

    def list_codes(self, kind: str, search: str = "") -> list[tuple[str, str]]:
        """The book's codes of ``kind`` (item, tax, payment_method, debtor, location,
        currency) whose code or description contains ``search`` (any case)."""
        from ecdesk.errors import ApiError

        with self.ctx.session() as s:
            try:
                autocount_config(s)
                route = self.ctx.engine.route(s)
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
