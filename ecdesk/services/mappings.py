"""Mappings: store values (SKU, shipping, payment, tax rate) to AutoCount codes."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ecdesk.db.models import HoldRow, Mapping, OrderRow, Store
from ecdesk.domain import HoldCode, Outcome
from ecdesk.errors import UsageError
from ecdesk.services.context import Context
from ecdesk.services.records import MappingImport, MappingInfo
from ecdesk.sync.books import store_book
from ecdesk.sync.engine import mark_for_review

MAP_KINDS = ("sku", "shipping", "payment", "tax")
# the hold reasons a mapping fixes, and the mapping kind that fixes each
KIND_OF_HOLD = {HoldCode.UNMAPPED_SKU.value: "sku", HoldCode.UNMAPPED_SHIPPING.value: "shipping",
                HoldCode.UNKNOWN_PAYMENT.value: "payment", HoldCode.UNMAPPED_TAX.value: "tax"}


#: mapping kind -> the kind of AutoCount code its value is (AutoCountRoute.list_codes)
CODE_OF_KIND = {"sku": "item", "shipping": "item", "payment": "payment_method", "tax": "tax"}
LIST_COMMAND = {"item": "items", "payment_method": "payment-methods", "tax": "taxcodes"}
CODES_FRESH = 300.0  # seconds a listing of the book's codes is reused for checks at entry


class MappingService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._codes: dict[str, tuple[float, set[str] | None, str]] = {}

    def _book_codes(self, kind: str, book: str = "") -> tuple[set[str] | None, str]:
        """The book's codes of ``kind`` (upper case), or None and why they cannot be listed
        (route cannot, AutoCount not set up or not answering); reused for a few minutes."""
        import time

        from ecdesk.errors import ApiError, ConfigError
        from ecdesk.sync.engine import autocount_config

        cached = self._codes.get(f"{book}/{kind}")
        if cached and time.monotonic() - cached[0] < CODES_FRESH:
            return cached[1], cached[2]
        codes: set[str] | None = None
        try:
            with self.ctx.session() as s:
                autocount_config(s, book)
                route = self.ctx.engine.route(s, book)
            codes = {c.upper() for c, _ in route.list_codes(kind)} or None
            reason = "" if codes else "AutoCount listed none"
        except (ApiError, ConfigError, ValueError, OSError) as exc:
            reason = str(exc)
        self._codes[f"{book}/{kind}"] = (time.monotonic(), codes, reason)
        return codes, reason

    def _check_code(self, kind: str, value: str, book: str = "") -> list[str]:
        """Refuse an AutoCount code the book does not have (when the route can list them);
        answers a warning when it cannot be checked."""
        code_kind = CODE_OF_KIND[kind]
        if kind == "tax" and value.lower() == "none":
            return []
        codes, reason = self._book_codes(code_kind, book)
        what = {"item": "item code", "payment_method": "payment method",
                "tax": "tax code"}[code_kind]
        if codes is None:
            return [f"The {what} '{value}' was not checked against AutoCount ({reason.rstrip('.')})"
                    "; AutoCount checks it when the first order posts."]
        if value.upper() not in codes:
            raise UsageError(
                f"The AutoCount book has no {what} '{value}'. "
                f"`ecdesk autocount {LIST_COMMAND[code_kind]} --search {value[:6]}` lists the "
                "book's codes (or pick one in Mapping).")
        return []

    def _checked(self, kind: str, key: str, value: str, book: str) -> tuple[str, list[str]]:
        """The mapping's key as stored (a tax rate normalised) and warnings; a UsageError in
        words for a bad kind, value or code."""
        if kind not in MAP_KINDS:
            raise UsageError(f"Unknown mapping kind '{kind}' (one of {', '.join(MAP_KINDS)}).")
        if not key.strip() or not value.strip():
            raise UsageError("Both the store value and the AutoCount value are needed.")
        if kind == "tax":
            from ecdesk.sync.matching import tax_key
            from ecdesk.validation import check_tax_rate

            key = tax_key(check_tax_rate(key))
        return key, self._check_code(kind, value.strip(), book)  # the store's own book

    @staticmethod
    def _put(s: Session, store: Store, item: MappingInfo) -> None:
        row = s.scalars(select(Mapping).where(Mapping.store_id == store.id,
                                              Mapping.kind == item.kind,
                                              Mapping.key == item.key)).one_or_none()
        if row is None:
            s.add(Mapping(store_id=store.id, kind=item.kind, key=item.key,
                          value=item.value.strip(), uom=item.uom))
        else:
            row.value, row.uom = item.value.strip(), item.uom
        mark_for_review(s, store.id)

    def set_mapping(self, store: str, kind: str, key: str, value: str,
                    uom: str = "") -> list[str]:
        """Save one mapping; answers warnings (the code could not be checked)."""
        with self.ctx.session() as s:
            book = store_book(self.ctx.store(s, store)) if kind in MAP_KINDS else ""
        key, warnings = self._checked(kind, key, value, book)
        with self.ctx.session() as s:
            self._put(s, self.ctx.store(s, store), MappingInfo(store, kind, key, value, uom))
            s.commit()
        return warnings

    def import_mappings(self, path: str | Path) -> MappingImport:
        """A mapping workbook (:mod:`ecdesk.reports.mapping_excel`) in ONE transaction: every
        row is checked first, and one bad row changes nothing (the error names each bad row
        and why). Rows without an AutoCount code are skipped."""
        from ecdesk.reports.mapping_excel import import_mappings

        read = import_mappings(path)
        problems, warnings, good = list(read.problems), [], []
        stores: dict[str, Store] = {}
        with self.ctx.session() as s:
            for r in read.rows:
                try:
                    st = stores.get(r.store) or self.ctx.store(s, r.store)
                    stores[r.store] = st
                    key, said = self._checked(r.kind, r.key, r.value, store_book(st))
                except UsageError as exc:
                    problems.append(f"Row {r.line}: {exc}")
                    continue
                warnings += said
                good.append((st, MappingInfo(st.name, r.kind, key, r.value, r.uom)))
            if problems:
                shown = " ".join(problems[:10])
                more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
                raise UsageError(f"Nothing was imported from '{Path(path).name}': {shown}{more} "
                                 "Correct those rows and import the file again.")
            for st, item in good:
                self._put(s, st, item)
            s.commit()
        return MappingImport(len(good), read.skipped_empty, warnings)

    def export_mappings(self, path: str | Path, store: str | None = None) -> int:
        """Every mapping and every value a held order needs mapped (AutoCount code empty, to
        fill in) as a workbook to import back; answers the rows written."""
        from ecdesk.reports.mapping_excel import export_mappings
        from ecdesk.validation import check_export_path

        path = check_export_path(path, "mappings")
        mapped = self.list_mappings(store)
        done = {(m.store, m.kind, m.key) for m in mapped}
        todo = [m for m in self.unmapped(store) if (m.store, m.kind, m.key) not in done]
        try:
            return export_mappings(todo + mapped, path)
        except OSError as exc:
            raise UsageError(f"Could not write '{path}' ({exc.strerror or exc}). Close the file "
                             "if Excel has it open, or choose another folder.") from None

    def delete_mapping(self, store: str, kind: str, key: str) -> None:
        with self.ctx.session() as s:
            st = self.ctx.store(s, store)
            row = s.scalars(select(Mapping).where(Mapping.store_id == st.id,
                                                  Mapping.kind == kind,
                                                  Mapping.key == key)).one_or_none()
            if row is not None:
                s.delete(row)
                mark_for_review(s, st.id)
                s.commit()

    def list_mappings(self, store: str | None = None, kind: str | None = None,
                      search: str = "") -> list[MappingInfo]:
        with self.ctx.session() as s:
            q = select(Mapping, Store.name).join(Store, Store.id == Mapping.store_id)
            if store:
                q = q.where(Store.name == store)
            if kind:
                q = q.where(Mapping.kind == kind)
            if search:
                like = f"%{search}%"
                q = q.where(or_(Mapping.key.ilike(like), Mapping.value.ilike(like)))
            q = q.order_by(Store.name, Mapping.kind, Mapping.key)
            return [MappingInfo(name, m.kind, m.key, m.value, m.uom) for m, name in s.execute(q)]

    def unmapped(self, store: str | None = None) -> list[MappingInfo]:
        """Values seen in held orders that a mapping would fix, most frequent first."""
        with self.ctx.session() as s:
            q = (select(Store.name, HoldRow.code, HoldRow.value, func.count(HoldRow.id))
                 .join(OrderRow, OrderRow.id == HoldRow.order_id)
                 .join(Store, Store.id == OrderRow.store_id)
                 .where(HoldRow.code.in_(list(KIND_OF_HOLD)), HoldRow.value != "")
                 .group_by(Store.name, HoldRow.code, HoldRow.value)
                 .order_by(func.count(HoldRow.id).desc(), Store.name, HoldRow.code,
                           HoldRow.value))
            if store:
                q = q.where(Store.name == store)
            return [MappingInfo(name, KIND_OF_HOLD[code], value, "")
                    for name, code, value, _ in s.execute(q)]

    def unmapped_counts(self, store: str | None = None) -> list[tuple[MappingInfo, int]]:
        """Like :meth:`unmapped`, with how many held orders each value blocks (most first)."""
        orders = func.count(func.distinct(OrderRow.id))
        with self.ctx.session() as s:
            q = (select(Store.name, HoldRow.code, HoldRow.value, orders)
                 .join(OrderRow, OrderRow.id == HoldRow.order_id)
                 .join(Store, Store.id == OrderRow.store_id)
                 .where(HoldRow.code.in_(list(KIND_OF_HOLD)), HoldRow.value != "",
                        OrderRow.outcome == Outcome.HELD.value)
                 .group_by(Store.name, HoldRow.code, HoldRow.value)
                 .order_by(orders.desc(), Store.name, HoldRow.code, HoldRow.value))
            if store:
                q = q.where(Store.name == store)
            return [(MappingInfo(name, KIND_OF_HOLD[code], value, ""), n)
                    for name, code, value, n in s.execute(q)]
