"""AutoCount without the API licence: the day's documents as workbooks AutoCount imports.

DECISIONS.md §8: key ``path`` (a folder). A sync writes the documents it would post into
``ecdesk-<yyyymmdd-hhmmss>.xlsx``, sheets ``Master`` and ``Detail`` joined by ``DocNo``,
headers in row 1, values (never formulas), no total rows (AutoCount computes its own,
reference/autocount-2.md §2.3). ``DocDate`` is a real date shown ``dd/mm/yyyy`` (how AutoCount's
templates write dates, §2.2); ``InclusiveTax`` and ``GoodsReturn`` are ``T``/``F``; ``DocNo``
is the DocNo derived from the order, or ``<<New>>`` for the book's running number; detail
``SubTotal`` is after discount and before tax.

AutoCount's import takes one document type per workbook (it reads the first two sheets), so
a sync that exports several kinds writes one workbook per kind: the first of invoice, cash
sale, sales order, delivery order, credit note takes the plain name, the others add the kind
(``ecdesk-<stamp>-credit-note.xlsx``).

The column map is data (``resources/autocount-import-columns.json``: invoice, cash sale,
credit note); ``template_<kind>=PATH`` replaces a kind's map with the headers of the clerk's
own "Sample" workbook (layouts differ between editions and plug-ins). A workbook is written
to a ``.part`` file and renamed when complete, so a crash never leaves a half-written
``ecdesk-*.xlsx``; :mod:`ecdesk.sync.exports` keeps the outbox states (exported, awaiting
import; confirmed; withdrawn) and never exports a document twice.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from ecdesk.domain import CENT, DocKind, DocumentDraft, DraftLine, PostedDocument
from ecdesk.reports import cells
from ecdesk.resources import resource_path
from ecdesk.sync.autocount.base import (
    AutoCountConfig,
    AutoCountRoute,
    StockBalance,
    Unsupported,
    check_code_kind,
)
from ecdesk.sync.connectors.base import ConfigError, CredentialStore

NEW = "<<New>>"
MAX_DOC_NO = 20  # AutoCount desktop DocNo (the import feeds the desktop book)
CREATOR = "ecdesk"  # workbook property that marks a workbook as ecdesk's export
COLUMNS_FILE = "autocount-import-columns.json"
NAME_RE = re.compile(r"^ecdesk-\d{8}-\d{6}(-\d+)?(-[a-z-]+)?\.xlsx$")
KIND_ORDER = (DocKind.INVOICE, DocKind.CASH_SALE, DocKind.SALES_ORDER,
              DocKind.DELIVERY_ORDER, DocKind.CREDIT_NOTE)
DATE_FORMAT = "dd/mm/yyyy"

MASTER_FIELDS = ("doc_no", "doc_date", "debtor_code", "debtor_name", "ref", "description",
                 "credit_term", "sales_location", "currency", "inclusive_tax",
                 "payment_method", "payment_amount", "our_invoice_no", "remark1", "remark2",
                 "remark3", "remark4", "")
DETAIL_FIELDS = ("doc_no", "item_code", "line_description", "location", "unit", "qty",
                 "unit_price", "discount", "subtotal", "tax_code", "tax", "acc_no",
                 "goods_return", "")

#: Header spellings seen in AutoCount templates (autocount-2.md §2.2-§2.3), normalised
#: (lower case, no spaces, dots, underscores), for reading a clerk's own Sample workbook.
MASTER_ALIASES = {
    "docno": "doc_no", "docdate": "doc_date", "date": "doc_date", "debtorcode": "debtor_code",
    "customercode": "debtor_code", "debtorname": "debtor_name", "customername": "debtor_name",
    "companyname": "debtor_name", "ref": "ref", "refdocno": "ref", "description": "description",
    "displayterm": "credit_term", "creditterm": "credit_term", "terms": "credit_term",
    "saleslocation": "sales_location", "currencycode": "currency", "currency": "currency",
    "inclusivetax": "inclusive_tax", "paymentmethod": "payment_method",
    "paymentamt": "payment_amount", "paymentamount": "payment_amount",
    "ourinvoiceno": "our_invoice_no", "remark1": "remark1", "remark2": "remark2",
    "remark3": "remark3", "remark4": "remark4",
}
DETAIL_ALIASES = {
    "docno": "doc_no", "itemcode": "item_code", "productcode": "item_code",
    "description": "line_description", "detaildescription": "line_description",
    "location": "location", "uom": "unit", "unit": "unit", "qty": "qty", "quantity": "qty",
    "unitprice": "unit_price", "price": "unit_price", "discount": "discount",
    "subtotal": "subtotal", "amount": "subtotal", "taxcode": "tax_code", "taxtype": "tax_code",
    "tax": "tax", "taxamount": "tax", "accno": "acc_no", "goodsreturn": "goods_return",
}


@dataclass(frozen=True)
class KindMap:
    """Sheets and columns of one document kind's import workbook."""

    master_sheet: str
    detail_sheet: str
    master: tuple[tuple[str, str], ...]  # (header, field)
    detail: tuple[tuple[str, str], ...]


@cache
def default_maps() -> dict[DocKind, KindMap]:
    """The built-in column map (``resources/autocount-import-columns.json``)."""
    data = json.loads(resource_path(COLUMNS_FILE).read_text("utf-8"))
    return {DocKind(kind): _kind_map(spec) for kind, spec in data.items()
            if not kind.startswith("_")}


def _kind_map(spec: dict[str, Any]) -> KindMap:
    master = tuple((h, f) for h, f in spec["master"])
    detail = tuple((h, f) for h, f in spec["detail"])
    for _h, f in master:
        if f not in MASTER_FIELDS:
            raise ValueError(f"unknown master field '{f}' in the column map")
    for _h, f in detail:
        if f not in DETAIL_FIELDS:
            raise ValueError(f"unknown detail field '{f}' in the column map")
    return KindMap(spec.get("master_sheet", "Master"), spec.get("detail_sheet", "Detail"),
                   master, detail)


def _norm(header: Any) -> str:
    return re.sub(r"[\s._*]", "", str(header or "")).lower()


def map_from_template(path: str | Path) -> KindMap:
    """A kind's map from the clerk's own "Sample" workbook: its first two sheets, its headers
    in their order (the row holding ``DocNo`` among the first five), each matched to a field
    by name; a header ecdesk does not know stays as a blank column."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"Could not read the AutoCount template '{path}': {exc}") from None
    try:
        sheets = wb.worksheets[:2]
        if len(sheets) < 2:
            raise ConfigError(
                f"The template '{path}' has one sheet; the import-file route writes a Master "
                "and a Detail sheet joined by DocNo. Save AutoCount's two-sheet Sample, or "
                "leave the template unset to use ecdesk's built-in columns.")
        maps = []
        for sheet, aliases in ((sheets[0], MASTER_ALIASES), (sheets[1], DETAIL_ALIASES)):
            headers = _header_row(sheet)
            if headers is None:
                raise ConfigError(f"Sheet '{sheet.title}' of the template '{path}' has no "
                                  "DocNo column in its first rows.")
            maps.append(tuple((str(h), aliases.get(_norm(h), "")) for h in headers if h))
        return KindMap(sheets[0].title, sheets[1].title, maps[0], maps[1])
    finally:
        wb.close()


def _header_row(sheet: Any) -> list[Any] | None:
    for row in sheet.iter_rows(min_row=1, max_row=5, values_only=True):
        if any(_norm(v) == "docno" for v in row):
            return list(row)
    return None


# --- values -------------------------------------------------------------------------------
def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def master_value(draft: DocumentDraft, field: str) -> Any:
    if field == "doc_no":
        return draft.doc_no or NEW
    if field == "doc_date":
        return draft.doc_date
    if field == "inclusive_tax":
        return "T" if draft.inclusive_tax else "F"
    if field == "payment_amount":
        return draft.total if draft.payment_amount is None else draft.payment_amount
    if field.startswith("remark"):
        i = int(field[-1]) - 1
        return draft.remarks[i] if i < len(draft.remarks) else None
    if field == "":
        return None
    return getattr(draft, field) or None


def detail_value(draft: DocumentDraft, line: DraftLine, field: str) -> Any:
    if field == "doc_no":
        return draft.doc_no or NEW
    if field == "item_code":
        return line.product_code or None
    if field == "line_description":
        return line.description
    if field == "location":
        return draft.sales_location
    if field == "unit":
        return line.unit or None
    if field in ("qty", "unit_price"):
        return getattr(line, field)
    if field == "discount":
        return format(line.discount, "f") if line.discount else None
    if field == "subtotal":  # after discount, before tax (DECISIONS.md §8)
        return _money(line.amount - (line.tax if draft.inclusive_tax else 0))
    if field == "tax":
        return line.tax
    if field == "goods_return":
        return "T" if line.product_code else "F"
    if field == "":
        return None
    return getattr(line, field) or None


def write_workbook(path: Path, kind_map: KindMap, drafts: list[DocumentDraft]) -> None:
    """Write ``drafts`` as one import workbook at ``path``: to ``<path>.part`` first, then
    renamed, so ``path`` exists only complete."""
    wb = Workbook(write_only=True)
    wb.properties.creator = CREATOR
    wb.properties.title = "ecdesk export for AutoCount import"
    master = wb.create_sheet(kind_map.master_sheet)
    detail = wb.create_sheet(kind_map.detail_sheet)
    master.append([h for h, _ in kind_map.master])
    detail.append([h for h, _ in kind_map.detail])
    for draft in drafts:
        master.append([_cell(master, master_value(draft, f)) for _, f in kind_map.master])
        for line in draft.lines:
            detail.append([_cell(detail, detail_value(draft, line, f))
                           for _, f in kind_map.detail])
    part = path.with_name(f".{path.name}.part")
    try:
        wb.save(part)
        with open(part, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, path)
    finally:
        if part.exists():
            part.unlink()


def _cell(sheet: Any, value: Any) -> Any:
    """A date as a date cell shown dd/mm/yyyy; text that Excel could run as a formula as
    quoted text (ecdesk.reports.cells); anything else as the value itself."""
    if isinstance(value, date) and not isinstance(value, datetime):
        out = WriteOnlyCell(sheet, value=value)
        out.number_format = DATE_FORMAT
        return out
    return cells.cell(sheet, value)


def is_ecdesk_workbook(path: Path) -> bool:
    """True for a complete workbook this route wrote (its name and creator say so)."""
    if not NAME_RE.match(path.name) or not path.is_file():
        return False
    try:
        wb = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - anything unreadable is not ours
        return False
    try:
        return wb.properties.creator == CREATOR
    finally:
        wb.close()


def read_workbook(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(Master rows, Detail rows) as header -> value dicts: what AutoCount's import reads."""
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        out = []
        for sheet in wb.worksheets[:2]:
            rows = list(sheet.iter_rows(values_only=True))
            headers = rows[0] if rows else ()
            width = len(headers)  # read-only mode drops a row's trailing empty cells
            out.append([dict(zip(headers, (*r, *[None] * (width - len(r))), strict=False))
                        for r in rows[1:]])
        return out[0], out[1]
    finally:
        wb.close()


class ImportFileRoute(AutoCountRoute):
    """Exports documents for AutoCount's import instead of creating them; look-ups, stock and
    master data come from a read-only SQL connection when ``sql_url`` is set."""

    name: ClassVar[str] = "import-file"
    max_doc_no: ClassVar[int] = MAX_DOC_NO
    supports: ClassVar[frozenset[DocKind]] = frozenset(
        {DocKind.INVOICE, DocKind.CASH_SALE, DocKind.CREDIT_NOTE})
    exports_to_file: ClassVar[bool] = True  # the outbox stages instead of creating

    def __init__(self, config: AutoCountConfig, credentials: CredentialStore, http: Any = None,
                 *, reader: Any = None) -> None:
        super().__init__(config, credentials, http)
        self._reader = reader
        self.supports = frozenset(self.maps())  # type: ignore[misc]

    # --- where and how -------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        path = (self.config.settings.get("path") or "").strip()
        if not path:
            raise ConfigError(
                "The import-file route has no folder: `ecdesk autocount set --route "
                "import-file --set path=FOLDER` (where ecdesk writes workbooks for AutoCount's "
                "import).")
        return Path(path).expanduser()

    def maps(self) -> dict[DocKind, KindMap]:
        maps = dict(default_maps())
        for kind in DocKind:
            template = (self.config.settings.get(f"template_{kind.value}") or "").strip()
            if template:
                maps[kind] = map_from_template(template)
        return maps

    def workbook_names(self, stamp: datetime, kinds: set[DocKind]) -> dict[DocKind, str]:
        """A new, unused file name per kind for an export made at ``stamp``."""
        base = f"ecdesk-{stamp:%Y%m%d-%H%M%S}"
        folder = self.folder
        n = 1
        while True:
            stem = base if n == 1 else f"{base}-{n}"
            names = {}
            for i, kind in enumerate(k for k in KIND_ORDER if k in kinds):
                suffix = "" if i == 0 else "-" + kind.value.replace("_", "-")
                names[kind] = f"{stem}{suffix}.xlsx"
            taken = (name for n in names.values()
                     for name in (n, f".{n}.part", n.replace(".xlsx", "-withdrawn.xlsx")))
            if not any((folder / name).exists() for name in taken):
                return names
            n += 1

    def write(self, name: str, kind: DocKind, drafts: list[DocumentDraft]) -> Path:
        path = self.folder / name
        write_workbook(path, self.maps()[kind], drafts)
        return path

    def remove_partials(self) -> list[Path]:
        """Delete workbooks a crash left half-written (``.ecdesk-*.xlsx.part``)."""
        gone = []
        folder = self.folder
        if folder.is_dir():
            for part in folder.glob(".ecdesk-*.xlsx.part"):
                part.unlink(missing_ok=True)
                gone.append(part)
        return gone

    # --- the route interface --------------------------------------------------------------
    def create(self, draft: DocumentDraft) -> PostedDocument:
        raise Unsupported("The import-file route writes workbooks for AutoCount's import; it "
                          "does not create documents itself.")

    def reader(self) -> Any:
        """The read-only SQL connection (``sql_url``), or None."""
        if self._reader is None and (self.config.settings.get("sql_url") or "").strip():
            from ecdesk.sync.autocount.sql import SqlBook

            self._reader = SqlBook(self.config.settings["sql_url"], self.credentials)
        return self._reader

    def find(self, kind: DocKind, doc_no: str) -> PostedDocument | None:
        reader = self.reader()
        return reader.find(kind, doc_no) if reader else None

    def find_by_ref(self, kind: DocKind, ref: str, debtor_code: str, created_from: date,
                    created_to: date) -> PostedDocument | None:
        reader = self.reader()
        return reader.find_by_ref(kind, ref, debtor_code) if reader else None

    def list_codes(self, kind: str) -> list[tuple[str, str]]:
        check_code_kind(kind)
        reader = self.reader()
        if reader is None:
            return super().list_codes(kind)
        return reader.list_codes(kind)

    def stock_balances(self, location: str | None = None) -> list[StockBalance]:
        reader = self.reader()
        if reader is None:
            return super().stock_balances(location)
        return reader.stock_balances(location)

    def test_connection(self) -> str:
        folder = self.folder
        if not folder.is_dir():
            raise ConfigError(f"The import folder '{folder}' does not exist: create it, or set "
                              "another with `ecdesk autocount set --set path=FOLDER`.")
        probe = folder / ".ecdesk-write-test"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise ConfigError(f"ecdesk cannot write in the import folder '{folder}' "
                              f"({exc.strerror or exc}). Choose a folder this Windows user "
                              "may write to.") from None
        self.maps()  # a template that cannot be read says so here
        text = f"Workbooks for AutoCount's import go to {folder}"
        if self.reader() is not None:
            text += "; " + self.reader().test_connection()
        return text
