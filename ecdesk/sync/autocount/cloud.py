"""AutoCount Cloud Accounting Integration API route (REST, ``Key-ID`` / ``API-Key``).

Contract (reference/autocount.md §1, autocount-2.md §1-§4; docs/decisions.md §2, §3):

- ``{url}/{book}/...`` with the numeric book id; headers ``Key-ID`` and ``API-Key``.
- Cloud has invoices and credit notes only. A cash sale is an invoice whose master carries
  ``paymentMethod`` + ``paymentAmt``; there is no sales order or delivery order (-2.md §1.1).
- Create: ``POST /invoice`` ``{master, details[]}``, numbers as raw JSON numbers (quoted
  decimals are refused), the discount as AutoCount's formula string. Success is 201 with an
  empty body and ``location: .../invoice?docNo=<DocNo>``; the document is then read back for
  AutoCount's own total. 400 is a business refusal (``Rejected``, AutoCount's words), 401/403
  a key problem (``AuthError``); 429/5xx are retried by ``HttpClient``; a lost answer raises
  ``MaybeApplied`` and is never re-posted here.
- "Already posted?": ``GET /invoice?docNo=`` or ``POST /invoice/listing`` with a ``docNo``
  multiSelect (100 a page). There is no ``ref`` filter (-2.md §1.3): ``find_by_ref`` lists by
  ``debtorCode`` + ``createdDate`` and matches ``ref`` here. Listings have no stable order, so
  a read whose pages disagree with ``totalCount`` is read again.
- Master data (:meth:`CloudRoute.list_codes`): ``POST /product/listing`` (items),
  ``GET /debtor/listing`` (PascalCase rows, autocount.md §1.6), ``GET /location/listing``,
  ``GET /paymentmethod/listing`` (autocount.md §1 "Other masters"), 100 rows a page; the
  book's currency from ``companyProfile``. Cloud documents no tax-code listing (``taxentity``
  is the e-invoice tax entity, not a tax code), so tax codes are ``Unsupported``.
- Pacing: every answer carries ``x-rate-limit-remaining`` / ``x-rate-limit-reset`` (-2.md §3,
  about 100 calls a minute); when none remain, wait until the reset before the next call.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import httpx

from ecdesk.domain import CENT, DocKind, DocumentDraft, DraftLine, PostedDocument
from ecdesk.sync.autocount.base import (
    CODE_KIND_PLURALS,
    AutoCountConfig,
    AutoCountRoute,
    Rejected,
    Unsupported,
)
from ecdesk.sync.autocount.read_back import ReadBackSample
from ecdesk.sync.connectors.base import ConfigError, CredentialStore
from ecdesk.sync.http import (
    ApiError,
    AuthError,
    HttpClient,
    MaybeApplied,
    RateLimited,
    Unavailable,
    loads,
)

log = logging.getLogger(__name__)

MAX_DOC_NO = 50  # Invoice / Credit Note master input model: docNo <= 50 (autocount.md §1.3)
LISTING_BATCH = 100  # max 100 records per listing page (autocount.md §1.6)
LISTING_PASSES = 3  # re-reads of a listing whose pages moved under us
#: one create in this many is read back to check AutoCount's total (issue 14: each read is a
#: call of the book's ~100 a minute); the others are confirmed by the 201 and ecdesk's total
PACE_MARGIN = 1.0  # seconds past x-rate-limit-reset before calling again
RATE_WINDOW = 60.0  # x-rate-limit-limit: 1m (autocount-2.md §3)

# Path segment per kind; a cash sale is an invoice on Cloud (autocount-2.md §1.1).
ENDPOINTS = {
    DocKind.INVOICE: "invoice",
    DocKind.CASH_SALE: "invoice",
    DocKind.CREDIT_NOTE: "creditNote",
}
LABELS = {
    DocKind.INVOICE: "invoice",
    DocKind.CASH_SALE: "cash sale invoice",
    DocKind.CREDIT_NOTE: "credit note",
}
# kind -> (HTTP method, listing path, code field names, description field names); the row
# keys come camelCase or PascalCase (autocount.md §1.6), so both are read.
MASTER_LISTINGS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "item": ("POST", "product/listing", ("productCode", "itemCode"),
             ("productName", "description")),
    "debtor": ("GET", "debtor/listing", ("accNo", "debtorCode"), ("companyName", "name")),
    "location": ("GET", "location/listing", ("location", "locationCode", "code"),
                 ("description", "desc")),
    "payment_method": ("GET", "paymentmethod/listing", ("paymentMethod", "code"),
                       ("description", "desc")),
}
MASTER_PAGES = 200  # 20,000 rows: more means the listing is not ending (a broken answer)

UNSUPPORTED = {
    DocKind.SALES_ORDER: (
        "AutoCount Cloud has no sales order document (its API creates invoices and credit "
        "notes only). Choose Invoice, or Cash sale for orders paid up front, as this store's "
        "document type."
    ),
    DocKind.DELIVERY_ORDER: (
        "AutoCount Cloud has no delivery order document (its API creates invoices and credit "
        "notes only). Choose Invoice as this store's document type; a Cloud invoice also takes "
        "the goods out of stock."
    ),
}


class CloudRoute(AutoCountRoute):
    """Posts and finds documents in one AutoCount Cloud account book."""

    name: ClassVar[str] = "cloud"
    max_doc_no: ClassVar[int] = MAX_DOC_NO
    supports: ClassVar[frozenset[DocKind]] = frozenset(ENDPOINTS)

    def __init__(
        self,
        config: AutoCountConfig,
        credentials: CredentialStore,
        http: HttpClient,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(config, credentials, http)
        self.clock = clock  # wall clock: x-rate-limit-reset is a UTC timestamp
        self._remaining: int | None = None
        self._reset_at: float | None = None
        self._sample = ReadBackSample()  # which creates of this run are read back

    # --- plumbing -------------------------------------------------------------------------
    def _base(self) -> str:
        book = (self.config.book or "").strip()
        if not book.isdigit():
            raise ConfigError(
                f"AutoCount book id '{book}' is not the numeric book id. Use the number of the "
                "account book (for example 4013, not AM00004013): "
                "`ecdesk autocount set --route cloud --url URL --book 4013`."
            )
        url = (self.config.url or "").rstrip("/")
        if not url:
            raise ConfigError("AutoCount has no URL set: `ecdesk autocount set --url URL`.")
        return f"{url}/{book}"

    def _headers(self) -> dict[str, str]:
        values = {}
        for key in ("key_id", "api_key"):
            value = self.credentials.get(key)
            if not value:
                raise ConfigError(
                    f"AutoCount has no '{key}' saved. Create an API key in AutoCount Cloud "
                    f"(Settings > API Keys), then `ecdesk secret set {self.config.owner} {key}`."
                )
            values[key] = value
        return {"Key-ID": values["key_id"], "API-Key": values["api_key"],
                "Accept": "application/json"}

    def _pace(self) -> None:
        """Wait for the rate window to reset when the last answer said none remain."""
        if self._remaining is None or self._remaining > 0 or self._reset_at is None:
            return
        wait = self._reset_at - self.clock() + PACE_MARGIN
        self._remaining = None
        if wait > 0:
            log.info("AutoCount rate limit reached; waiting %.1fs", wait)
            self.http.sleep(wait)

    def _window_wait(self) -> float:
        if self._reset_at is not None and self._reset_at > self.clock():
            return self._reset_at - self.clock() + PACE_MARGIN
        return RATE_WINDOW

    def _note_rate(self, resp: httpx.Response) -> None:
        remaining = resp.headers.get("x-rate-limit-remaining")
        reset = resp.headers.get("x-rate-limit-reset")
        if remaining is None:
            return
        try:
            self._remaining = int(remaining)
            self._reset_at = parse_reset(reset) if reset else None
        except ValueError:
            self._remaining = None

    def _call(self, method: str, path: str, what: str, *, params: Any = None,
              body: Any = None, read: bool = True) -> httpx.Response:
        url = f"{self._base()}/{path}"
        headers = self._headers()
        self._pace()
        kwargs = dict(params=params, headers=headers, json_body=body,
                      retry_writes=read and method != "GET", what=f"AutoCount: {what}")
        try:
            resp = self.http.request(method, url, **kwargs)
        except RateLimited:
            # Still 429 after HttpClient's retries (a 429 without Retry-After backs off for
            # seconds only): wait out the minute window once, then give up in words.
            self.http.sleep(self._window_wait())
            resp = self.http.request(method, url, **kwargs)
        self._note_rate(resp)
        if resp.status_code in (401, 403):
            raise self._auth_error(resp, what)
        return resp

    def _auth_error(self, resp: httpx.Response, what: str) -> AuthError:
        message = error_message(resp)
        if resp.status_code == 401:
            text = (
                f"AutoCount refused the API key for book {self.config.book} ({message}). "
                "Check the Key ID and API Key under Settings > API Keys in AutoCount Cloud, "
                f"then save them with `ecdesk secret set {self.config.owner} key_id` and "
                f"`ecdesk secret set {self.config.owner} api_key`."
            )
        else:
            text = (
                f"AutoCount's API key may not {what} (HTTP 403). In AutoCount Cloud under "
                "Settings > API Keys, allow that method for this key, then press Retry."
            )
        return AuthError(text, status=resp.status_code, body=_json(resp))

    def _unexpected(self, resp: httpx.Response, what: str) -> ApiError:
        return ApiError(
            f"AutoCount could not {what} (HTTP {resp.status_code}: {error_message(resp)}). "
            "Check the AutoCount URL and book id in Integration.",
            status=resp.status_code, body=_json(resp),
        )

    @staticmethod
    def _endpoint(kind: DocKind) -> str:
        if kind in UNSUPPORTED:
            raise Unsupported(UNSUPPORTED[kind])
        if kind not in ENDPOINTS:
            raise Unsupported(f"AutoCount Cloud cannot handle a {kind} document.")
        return ENDPOINTS[kind]

    # --- create ---------------------------------------------------------------------------
    def create(self, draft: DocumentDraft) -> PostedDocument:
        endpoint = self._endpoint(draft.kind)
        label = describe(draft)
        resp = self._call("POST", endpoint, f"create {label}", body=build_body(draft),
                          read=False)
        if resp.status_code == 400:
            return self._after_refusal(draft, resp, label)
        if resp.status_code != 201:
            raise self._unexpected(resp, f"create {label}")
        doc_no = doc_no_from_location(resp.headers.get("location")) or draft.doc_no
        if not doc_no:
            raise MaybeApplied(
                f"AutoCount created {label} but did not say its number; it will be looked up "
                "by its reference before anything is posted again."
            )
        if not self._sample.due(self.config.settings.get("read_back_every"),
                                renumbered=doc_no != draft.doc_no):
            # confirmed by the 201's location and the total ecdesk computed the way AutoCount
            # does (docs/decisions.md §3): no second call for this document
            return PostedDocument(draft.kind, doc_no, draft.ref, draft.total)
        try:
            found = self.find(draft.kind, doc_no)
        except ApiError as exc:  # created for sure: never let this look like "not posted"
            log.warning("created %s %s but could not read it back: %s", label, doc_no, exc)
            found = None
        self._sample.read(found is not None and found.total == draft.total)
        return found or PostedDocument(draft.kind, doc_no, draft.ref)

    def _after_refusal(self, draft: DocumentDraft, resp: httpx.Response,
                       label: str) -> PostedDocument:
        """A 400. When the DocNo is taken, tell "ours, posted before" from a real clash
        (autocount-2.md §4: the duplicate text is unknown; ask, never parse)."""
        message = error_message(resp)
        text = f"AutoCount refused {label}: {message}"
        if draft.doc_no:
            try:
                existing = self.find(draft.kind, draft.doc_no)
            except ApiError:
                existing = None
            if existing is not None and existing.ref == draft.ref:
                log.info("%s already in AutoCount with this order's ref", label)
                return existing
            if existing is not None:
                text += (
                    f". AutoCount already holds {LABELS[draft.kind]} {existing.doc_no} for "
                    f"another reference ('{existing.ref}'): give this store a different "
                    "document prefix, then press Retry."
                )
        raise Rejected(text, status=400, body=_json(resp))

    # --- find -----------------------------------------------------------------------------
    def find(self, kind: DocKind, doc_no: str) -> PostedDocument | None:
        endpoint = self._endpoint(kind)
        what = f"read {LABELS[kind]} {doc_no}"
        resp = self._call("GET", endpoint, what, params={"docNo": doc_no})
        if resp.status_code == 404:
            return None
        if resp.status_code != 200:
            raise self._unexpected(resp, what)
        return posted(kind, _json(resp))

    def find_many(self, kind: DocKind, doc_nos: Iterable[str]) -> dict[str, PostedDocument]:
        endpoint = self._endpoint(kind)
        wanted: dict[str, str] = {}
        for doc_no in doc_nos:
            wanted.setdefault(doc_no.upper(), doc_no)
        keys = list(wanted)
        found: dict[str, PostedDocument] = {}
        for i in range(0, len(keys), LISTING_BATCH):
            batch = [wanted[k] for k in keys[i:i + LISTING_BATCH]]
            rows = list_all(self, endpoint, {"docNo": {"multiSelect": batch}}, kind)
            for row in rows:
                doc = posted(kind, row)
                original = wanted.get(doc.doc_no.upper())
                if original is not None:
                    found[original] = doc
        return found

    def find_by_ref(
        self, kind: DocKind, ref: str, debtor_code: str, created_from: date, created_to: date
    ) -> PostedDocument | None:
        """List the debtor's documents created in the window (a day wider each side: the
        book keeps local time) and match ``ref`` here; a live document wins over a voided
        one, the newest over older ones."""
        endpoint = self._endpoint(kind)
        flt = {
            "debtorCode": {"multiSelect": [debtor_code]},
            "createdDate": {"from": (created_from - timedelta(days=1)).isoformat(),
                            "to": (created_to + timedelta(days=1)).isoformat()},
        }
        matches = [posted(kind, row) for row in list_all(self, endpoint, flt, kind)
                   if ((row.get("master") or {}).get("ref") or "") == ref]
        if not matches:
            return None
        matches.sort(key=lambda d: (not d.cancelled, d.doc_no))
        return matches[-1]

    # --- other operations -----------------------------------------------------------------
    def void(self, kind: DocKind, doc_no: str) -> None:
        """Void (cancel) a document; the number and record stay (autocount.md §1.5)."""
        endpoint = self._endpoint(kind)
        what = f"void {LABELS[kind]} {doc_no}"
        resp = self._call("POST", f"{endpoint}/void", what, params={"docNo": doc_no},
                          body={}, read=False)
        if resp.status_code == 400:
            raise Rejected(f"AutoCount refused to void {LABELS[kind]} {doc_no}: "
                           f"{error_message(resp)}", status=400, body=_json(resp))
        if resp.status_code not in (200, 204):
            raise self._unexpected(resp, what)

    def list_codes(self, kind: str) -> list[tuple[str, str]]:
        """The book's codes of ``kind`` (base class contract); tax codes are Unsupported."""
        if kind == "currency":
            profile = self._profile()
            code = profile.get("currencyCode") or profile.get("CurrencyCode") or ""
            return [(str(code).upper(), "the book's currency")] if code else []
        if kind == "tax":
            raise Unsupported(
                "AutoCount Cloud's API has no list of tax codes, so ecdesk cannot check them "
                "before posting (AutoCount still checks them when a document is posted).")
        if kind not in MASTER_LISTINGS:
            super().list_codes(kind)  # ValueError for an unknown kind
        method, path, code_keys, text_keys = MASTER_LISTINGS[kind]
        what = f"list its {CODE_KIND_PLURALS[kind]}"
        codes: dict[str, str] = {}
        seen = 0
        for page in range(1, MASTER_PAGES + 1):
            if method == "GET":
                resp = self._call("GET", path, what, params={"page": page})
            else:
                resp = self._call("POST", path, what, body={"page": page, "filter": {}})
            if resp.status_code in (404, 405):
                raise Unsupported(f"AutoCount Cloud cannot {what} (HTTP {resp.status_code}).")
            if resp.status_code != 200:
                raise self._unexpected(resp, what)
            body = _json(resp) or {}
            data = body.get("data") or body.get("Data") or []
            for row in data:
                row = row.get("product", row) if isinstance(row, dict) else {}
                code = _field(row, code_keys)
                if code:
                    codes[code] = _field(row, text_keys)
            seen += len(data)
            total = int(body.get("totalCount") or body.get("TotalCount") or 0)
            if not data or seen >= total:
                break
        return sorted(codes.items())

    def _profile(self) -> dict[str, Any]:
        what = "read the company profile"
        resp = self._call("GET", "companyProfile", what)
        if resp.status_code != 200:
            raise self._unexpected(resp, what)
        return _json(resp) or {}

    def test_connection(self) -> str:
        profile = self._profile()
        name = profile.get("companyName") or profile.get("CompanyName") or "(unnamed)"
        return f"Connected to AutoCount book {name} ({self.config.book})"


# --- listings ---------------------------------------------------------------------------------
def list_all(route: CloudRoute, endpoint: str, flt: dict[str, Any], kind: DocKind | str
             ) -> list[dict]:
    """Every row of a listing. The listing has no sort, and a write between two pages can
    shift a row across the boundary (autocount.md §1.6): when the pages do not add up to
    one consistent ``totalCount``, read the whole listing again."""
    what = f"list {LABELS.get(kind, kind)}s"
    seen = 0
    rows: dict[Any, dict] = {}
    for _ in range(LISTING_PASSES):
        rows, total, page, consistent, seen = {}, None, 1, True, 0
        while True:
            resp = route._call("POST", f"{endpoint}/listing", what,
                              body={"page": page, "filter": flt})
            if resp.status_code != 200:
                raise route._unexpected(resp, what)
            body = _json(resp) or {}
            data = body.get("data") or []
            count = int(body.get("totalCount") or 0)
            if total is None:
                total = count
            elif count != total:
                consistent = False
                break
            for row in data:
                master = row.get("master") or {}
                rows[master.get("docKey") or master.get("docNo")] = row
            seen += len(data)
            if not data or seen >= total:
                break
            page += 1
        if consistent and len(rows) == total:
            return list(rows.values())
        log.info("AutoCount listing moved while read (%d of %s rows); reading again",
                 len(rows), total)
    raise Unavailable(
        f"AutoCount's {LABELS.get(kind, kind)} list kept changing while it was read "
        f"({len(rows)} rows collected); nothing was posted. Try again in a minute."
    )


# --- pure helpers (unit-tested) ------------------------------------------------------------
def describe(draft: DocumentDraft) -> str:
    """How a clerk reads the document in a message: "invoice SH-1001"."""
    label = LABELS.get(draft.kind, str(draft.kind))
    return f"{label} {draft.doc_no}" if draft.doc_no else f"{label} for '{draft.ref}'"


def formula(amount: Decimal) -> str:
    """A discount amount as AutoCount's discount formula text ("12.50")."""
    return format(amount.quantize(CENT) if amount == amount.quantize(CENT) else amount, "f")


def _detail(line: DraftLine) -> dict[str, Any]:
    row: dict[str, Any] = {
        "productCode": line.product_code or None,
        "description": line.description,
        "qty": line.qty,
        "unitPrice": line.unit_price,
        "accNo": line.acc_no or None,
    }
    if line.unit:
        row["unit"] = line.unit
    if line.discount:
        row["discount"] = formula(line.discount)
    if line.tax_code:
        row["taxCode"] = line.tax_code
    return row


def build_body(draft: DocumentDraft) -> dict[str, Any]:
    """The ``{master, details}`` input model for a draft (autocount.md §1.3, -2.md §1.4)."""
    master: dict[str, Any] = {
        "docNo": draft.doc_no or None,
        "docDate": draft.doc_date.isoformat(),
        "debtorCode": draft.debtor_code,
        "debtorName": draft.debtor_name,
        "creditTerm": draft.credit_term,
        "salesLocation": draft.sales_location,
        "ref": draft.ref,
        "description": draft.description or None,
        "inclusiveTax": draft.inclusive_tax,
    }
    for i, remark in enumerate(draft.remarks[:4], start=1):
        master[f"remark{i}"] = remark
    if draft.note:
        master["note"] = draft.note
    if draft.kind is DocKind.CASH_SALE:
        master["paymentMethod"] = draft.payment_method or None
        master["paymentAmt"] = draft.total if draft.payment_amount is None \
            else draft.payment_amount
    if draft.kind is DocKind.CREDIT_NOTE and draft.our_invoice_no:
        master["ourInvoiceNo"] = draft.our_invoice_no
    return {"master": master, "details": [_detail(line) for line in draft.lines]}


def posted(kind: DocKind, view: Any) -> PostedDocument:
    """A ``{master, details}`` view model as a :class:`PostedDocument`."""
    master = (view or {}).get("master") or {}
    total = master.get("total")
    if total is None:
        total = master.get("localNetTotal")
    return PostedDocument(
        kind=kind,
        doc_no=str(master.get("docNo") or ""),
        ref=master.get("ref") or "",
        total=None if total is None else Decimal(str(total)),
        cancelled=bool(master.get("cancelled")),
    )


def doc_no_from_location(location: str | None) -> str | None:
    """The docNo in a 201's ``location: .../{book}/invoice?docNo=I-000001`` header."""
    if not location:
        return None
    query = {k.lower(): v for k, v in parse_qs(urlsplit(location).query).items()}
    values = query.get("docno")
    return values[-1] if values else None


def parse_reset(text: str) -> float:
    """``x-rate-limit-reset`` ("2023-03-14T09:20:49.9513771Z") as a POSIX timestamp."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"reset time without a zone: {text}")
    return value.timestamp()


def error_message(resp: httpx.Response) -> str:
    """AutoCount's words from an error answer: ``{"statusCode":..,"message":".."}`` or text."""
    body = _json(resp)
    if isinstance(body, dict):
        for key in ("message", "Message", "title"):
            if isinstance(body.get(key), str) and body[key].strip():
                return body[key].strip()
    text = resp.text.strip()
    return text[:300] if text else f"HTTP {resp.status_code}"


def _field(row: dict[str, Any], names: tuple[str, ...]) -> str:
    """The first of ``names`` present in ``row``, camelCase or PascalCase, as text."""
    for name in names:
        for key in (name, name[0].upper() + name[1:]):
            value = row.get(key)
            if value not in (None, ""):
                return str(value)
    return ""


def _json(resp: httpx.Response) -> Any:
    try:
        return loads(resp.content) if resp.content else None
    except ValueError:
        return None
