"""A faithful offline AutoCount Cloud Accounting Integration API (invoices and credit notes).

Follows reference/autocount.md §1 and autocount-2.md §1-§4 (evidence marks there):

- ``/{accountBookId}/...`` with the *numeric* book id; ``Key-ID`` + ``API-Key`` headers, else
  401 ``{"statusCode":401,"message":"401 Unauthorized."}`` (§1.1, §1.7). A non-numeric book
  segment matches no route (404, empty body); another numeric book refuses the key (401).
- ``POST /invoice`` | ``/creditNote``: ``{master, details[], autoFillOption, saveApprove}``
  validated against ``seed.masterdata()`` (debtor, exact credit-term text, location, item codes,
  accNo, tax codes, payment method), field lengths (docNo 50, ref 40, description 80...), the
  fiscal year, quoted decimals (System.Decimal conversion error) and duplicate docNo; errors as
  ``{"statusCode":400,"message":"..."}``. Success: 201, empty body, ``location`` header
  carrying the docNo; ``I-000001`` / ``CN-000001`` when docNo is null (§1.3, §1.4, §3.2).
- ``GET /invoice?docNo=`` -> ``{master, details}`` view model with AutoCount's totals;
  ``POST /invoice/listing`` ``{page, filter}`` -> ``{data, totalCount}``, 100 a page, filters
  ``docNo``/``debtorCode``/``salesAgent`` (multiSelect or from/to) and ``date``/
  ``createdDate``/``lastModifiedDate`` (from/to); unknown filter keys (``ref``!) are ignored
  like the real model binder does; no sort, and optionally an order that reshuffles on every
  write (§1.6, autocount-2.md §1.3). ``POST /invoice/void?docNo=`` -> 204.
- Rate limit as AspNetCoreRateLimit sends it (autocount-2.md §3): ``x-rate-limit-limit: 1m``,
  ``-remaining``, ``-reset`` on every answer that passed the limiter; when the per-minute quota
  is spent, 429 ``text/plain`` "API calls quota exceeded! maximum admitted 100 per 1m." with
  ``Retry-After`` and no x-rate-limit headers (that is what the middleware does).

Where the exact wording is unknown [U] (duplicate docNo, fiscal year, unknown debtor...), the
message follows the one verified pattern ``CreditTerm (CreditTermKey = COD) not exists``;
ecdesk never parses these texts, it shows them.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from ecdesk.json_codec import dumps, loads
from ecdesk.sandbox.seed import masterdata
from ecdesk.sandbox.server import Clock, Request, Response, SandboxServer

CENT = Decimal("0.01")
ZERO = Decimal("0")
PAGE_SIZE = 100  # "max 100 records per page" (autocount.md §1.6)
RATE_PERIOD = 60.0  # x-rate-limit-limit: 1m (autocount-2.md §3)
BOOK_TZ = ZoneInfo("Asia/Kuala_Lumpur")  # createdDate is the book's local time [I]

# Document types the Cloud API has (autocount-2.md §1.1): path segment -> (kind, prefix).
DOC_TYPES = {"invoice": ("invoice", "I-"), "creditnote": ("creditNote", "CN-")}

# Field limits from the Invoice / Credit Note input models (autocount.md §1.3, -2.md §1.4).
MASTER_LIMITS = {
    "docNo": 50, "debtorName": 100, "ref": 40, "description": 80, "attention": 40,
    "address": 200, "deliverAddress": 200, "email": 255, "phone1": 25, "remark1": 40,
    "remark2": 40, "remark3": 40, "remark4": 40, "reason": 80, "ourInvoiceNo": 50,
}
DETAIL_LIMITS = {"description": 100, "unit": 8, "discount": 20, "yourPONo": 50}
MASTER_REQUIRED = ("docDate", "debtorCode", "debtorName", "creditTerm", "salesLocation")
MASTER_NUMBERS = ("currencyRate", "paymentAmt", "toBankRate")
DETAIL_NUMBERS = ("qty", "unitPrice", "taxAdjustment", "localTaxAdjustment", "localTotalCost",
                  "unitCost")
DETAIL_STRINGS = ("productCode", "description", "unit", "discount", "taxCode", "accNo")


class Invalid(Exception):
    """A 400 with AutoCount's message."""


def round2(value: Decimal) -> Decimal:
    """AutoCount rounds each amount half-up to the book's 2 decimals (autocount.md §1.3)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def discount_amount(formula: str | None, gross: Decimal) -> Decimal:
    """The amount a discount formula takes off ``gross``: "12.50", "10%", "10%+5" [I: terms
    applied in turn, a percentage on what is left]."""
    text = (formula or "").strip()
    if not text:
        return ZERO
    remaining = gross
    for term in text.split("+"):
        term = term.strip()
        try:
            if term.endswith("%"):
                off = remaining * Decimal(term[:-1]) / 100
            else:
                off = Decimal(term)
        except InvalidOperation:
            raise Invalid(f"Invalid discount '{formula}'.") from None
        remaining -= off
    return gross - remaining


def line_totals(qty: Decimal, unit_price: Decimal, discount: str | None, rate: Decimal,
                inclusive: bool) -> tuple[Decimal, Decimal]:
    """(amount, tax) of one line: amount = qty*price - discount, tax per line, each rounded."""
    amount = round2(qty * unit_price - discount_amount(discount, qty * unit_price))
    if inclusive:
        tax = round2(amount * rate / (100 + rate))
    else:
        tax = round2(amount * rate / 100)
    return amount, tax


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def _parse_when(text: Any, *, end_of_day: bool = False) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise Invalid(f"The value '{text}' is not valid for DateTime.") from None
    if value.tzinfo is not None:
        value = value.astimezone(BOOK_TZ).replace(tzinfo=None)
    if end_of_day and len(text) <= 10:
        value += timedelta(days=1) - timedelta(microseconds=1)
    return value


class AutoCountSandbox(SandboxServer):
    """AutoCount Cloud for one account book, in memory, on loopback."""

    name = "autocount"
    platform = "autocount"

    def __init__(
        self,
        clock: Clock = time.time,
        book: str = "4013",
        key_id: str = "sandbox-key-id",
        api_key: str = "sandbox-api-key-0000",
        rate_limit: int = 100,
        unstable_listing: bool = False,
        page_size: int = PAGE_SIZE,
        forbidden: Iterable[tuple[str, str]] = (),
        **_kw: Any,  # registry convention (orders=, seed=) has nothing to seed here
    ) -> None:
        super().__init__(clock=clock)
        self.book = str(book)
        self.key_id = key_id
        self.api_key = api_key
        self.rate_limit = rate_limit
        self.unstable_listing = unstable_listing
        self.page_size = page_size
        #: (verb, resource) pairs the key may not call, e.g. ("POST", "invoice") (§1.1: 403)
        self.forbidden = {(v.upper(), r.lower()) for v, r in forbidden}
        #: test hook run after each listing page is answered (e.g. a concurrent write)
        self.on_listing: Callable[[dict[str, Any]], None] | None = None
        md = masterdata()
        self.company = md["company"]
        self.debtors = {d["code"].upper(): d for d in md["debtors"]}
        self.credit_terms = set(md["credit_terms"])
        self.locations = {loc.upper() for loc in md["locations"]}
        self.accounts = {a["acc_no"].upper() for a in md["accounts"]}
        self.tax_rates = {t["code"].upper(): Decimal(t["rate"]) for t in md["tax_codes"]}
        self.items = {i["item_code"].upper(): i for i in md["catalog"] + md["service_items"]}
        self.payment_methods = {p.upper() for p in md["payment_methods_autocount"]}
        self.stock_items = {i["item_code"].upper() for i in md["catalog"]}
        self.balances: dict[tuple[str, str], Decimal] = {}  # (item, location) -> on hand

        self._docs: dict[str, dict[str, dict[str, Any]]] = {}
        self._next_no: dict[str, int] = {}
        self._doc_key = 0
        self._writes = 0
        self._windows: dict[str, list[float]] = {}  # identity -> [window start, count]
        self.reset()
        book_seg = r"(?i)/(?P<book>[^/]+)"
        doc = r"(?P<doc>invoice|creditNote)"
        self.route("GET", book_seg + r"/companyProfile", self._company_profile)
        self.route("GET", book_seg + "/" + doc, self._get)
        self.route("POST", book_seg + "/" + doc, self._create)
        self.route("POST", book_seg + "/" + doc + r"/listing", self._listing)
        self.route("POST", book_seg + "/" + doc + r"/void", self._void)
        self.route("POST", book_seg + r"/stockAdjustment", self._create_adjustment)
        self.route("POST", book_seg + r"/stockAdjustment/listing", self._adjustment_listing)
        self.route("POST", book_seg + r"/product/listing", self._master("item"))
        self.route("GET", book_seg + r"/debtor/listing", self._master("debtor"))
        self.route("GET", book_seg + r"/location/listing", self._master("location"))
        self.route("GET", book_seg + r"/paymentmethod/listing", self._master("payment_method"))

    @property
    def fiscal(self) -> tuple[date, date]:
        """The open fiscal years: the seed's year moved to the clock's year, and the one
        before, so the seeded orders of "the last 30 days" always fit."""
        start = date.fromisoformat(self.company["fiscal_year_start"])
        end = date.fromisoformat(self.company["fiscal_year_end"])
        year = datetime.fromtimestamp(self.clock(), UTC).year
        return start.replace(year=year - 1), end.replace(year=year)

    def reset(self, **options: Any) -> AutoCountSandbox:
        """An empty book again (documents, numbering, rate windows, faults, request log), with
        any of ``clock``, ``rate_limit``, ``unstable_listing``, ``page_size``, ``forbidden``
        changed: lets a
        test module share one started server."""
        with self._lock:
            for name, value in options.items():
                if name not in ("clock", "rate_limit", "unstable_listing", "page_size",
                                "forbidden"):
                    raise TypeError(f"reset() cannot change {name}")
                if name == "forbidden":
                    value = {(v.upper(), r.lower()) for v, r in value}
                setattr(self, name, value)
            self._docs = {k: {} for k in DOC_TYPES}
            self._adjustments: dict[str, dict[str, Any]] = {}
            self.balances = {}
            self._next_no = {k: 1 for k in DOC_TYPES}
            self._doc_key = self._writes = 0
            self._windows.clear()
            self._faults.clear()
            self.requests.clear()
            self.on_listing = None
        return self

    # --- registry convention --------------------------------------------------------------
    def credentials(self) -> dict[str, str]:
        return {"key_id": self.key_id, "api_key": self.api_key}

    def store_settings(self) -> dict[str, str]:
        return {"book": self.book}

    # --- helpers for tests ----------------------------------------------------------------
    def documents(self, doc_type: str | None = None) -> list[dict[str, Any]]:
        """Every stored document as its view model (``doc_type`` "invoice"/"creditNote")."""
        with self._lock:
            types = [doc_type.lower()] if doc_type else list(DOC_TYPES)
            return [self._view(d) for t in types for d in self._docs[t].values()]

    def find(self, doc_no: str) -> dict[str, Any] | None:
        with self._lock:
            for docs in self._docs.values():
                if doc_no.upper() in docs:
                    return self._view(docs[doc_no.upper()])
        return None

    # --- pipeline: rate limiter, then auth, then the handler ------------------------------
    def error(self, status: int, message: str) -> Response:
        return Response.json({"statusCode": status, "message": message}, status)

    def _handle(self, req: Request) -> Response:
        identity = req.headers.get("key-id") or "anon"
        with self._lock:
            now = self.clock()
            window = self._windows.get(identity)
            if window is None or now >= window[0] + RATE_PERIOD:
                window = self._windows[identity] = [now, 0]
            window[1] += 1
            start, count = window
        if count > self.rate_limit:
            retry_after = max(1, math.ceil(start + RATE_PERIOD - now))
            resp = Response.text(
                f"API calls quota exceeded! maximum admitted {self.rate_limit} per 1m.", 429)
            resp.headers["Retry-After"] = str(retry_after)
            return resp
        resp = self._gate(req) or super()._handle(req)
        reset = datetime.fromtimestamp(start + RATE_PERIOD, UTC)
        resp.headers.update({
            "x-rate-limit-limit": "1m",
            "x-rate-limit-remaining": str(max(self.rate_limit - count, 0)),
            "x-rate-limit-reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z",
        })
        return resp

    def _gate(self, req: Request) -> Response | None:
        segment = req.path.strip("/").split("/", 1)[0]
        if not segment.isdigit():  # the route template takes a numeric book id only
            return Response(404, b"", {})
        if (segment != self.book or req.headers.get("key-id") != self.key_id
                or req.headers.get("api-key") != self.api_key):
            return self.error(401, "401 Unauthorized.")
        resource = req.path.strip("/").split("/", 1)[-1].lower()
        if (req.method, resource) in self.forbidden:
            return self.error(403, "403 Forbidden.")  # method not enabled on this key [U text]
        return None

    # --- handlers -------------------------------------------------------------------------
    def _company_profile(self, req: Request) -> Response:
        return Response.json({
            "companyName": self.company["name"], "currencyCode": self.company["currency"],
            "fiscalYearStartDate": self.fiscal[0].isoformat() + "T00:00:00",
            "accountBookId": int(self.book),
        })

    def _doc_type(self, req: Request) -> str:
        assert req.match is not None
        return req.match["doc"].lower()

    def _get(self, req: Request) -> Response:
        doc = self._docs[self._doc_type(req)].get((req.arg("docNo") or "").upper())
        if doc is None:
            return self.error(404, f"Record not found. (DocNo = {req.arg('docNo')})")
        return Response.json(self._view(doc))

    def _void(self, req: Request) -> Response:
        doc = self._docs[self._doc_type(req)].get((req.arg("docNo") or "").upper())
        if doc is None:
            return self.error(404, f"Record not found. (DocNo = {req.arg('docNo')})")
        if doc["master"]["cancelled"]:
            return self.error(400, "Document has already been voided.")
        doc["master"]["cancelled"] = True
        doc["master"]["lastModified"] = _iso(self._now())
        self._writes += 1
        return Response(204)

    def _create(self, req: Request) -> Response:
        doc_type = self._doc_type(req)
        try:
            body = req.json()
        except ValueError as exc:
            return self.error(400, f"The input is not valid JSON. {exc}")
        try:
            doc_no = self._store(doc_type, body)
        except Invalid as exc:
            return self.error(400, str(exc))
        segment = DOC_TYPES[doc_type][0]
        location = f"{self.url}/{self.book}/{segment}?docNo={quote(doc_no, safe='')}"
        return Response(201, b"", {"location": location})

    def add_document(self, body: dict[str, Any], doc_type: str = "invoice") -> str:
        """Store a document as ``POST /{doc_type}`` would, without HTTP (tests seed books and
        simulate concurrent writers with it); answers its docNo, raises ``Invalid``."""
        with self._lock:
            return self._store(doc_type.lower(), loads(dumps(body)))

    def _store(self, doc_type: str, body: Any) -> str:
        doc = self._validate(doc_type, body)
        master = doc["master"]
        if master["docNo"] is None:
            master["docNo"] = self._new_number(doc_type)
        self._doc_key += 1
        self._writes += 1
        master["docKey"] = self._doc_key
        self._docs[doc_type][master["docNo"].upper()] = doc
        self._move_stock(doc_type, doc)
        return master["docNo"]

    def _move_stock(self, doc_type: str, doc: dict[str, Any]) -> None:
        """Stock items (the catalogue, not service items) move with every stock-moving
        document: an invoice takes them out of the location, a credit note whose line is a
        goods return (AutoCount's default) brings them back."""
        for d in doc["details"]:
            code = (d["productCode"] or "").upper()
            if code not in self.stock_items:
                continue
            if doc_type == "creditnote" and d.get("goodsReturn") is False:
                continue
            key = (code, doc["master"]["salesLocation"] or "")
            sign = -1 if doc_type == "invoice" else 1
            self.balances[key] = self.balances.get(key, ZERO) + sign * d["qty"]

    def balance(self, item_code: str, location: str | None = None) -> Decimal:
        """The balance of an item (at a location, or over all) as AutoCount would report it."""
        with self._lock:
            return sum((q for (code, loc), q in self.balances.items()
                        if code == item_code.upper() and location in (None, loc)), ZERO)

    def _new_number(self, doc_type: str) -> str:
        prefix = DOC_TYPES[doc_type][1]
        while True:
            doc_no = f"{prefix}{self._next_no[doc_type]:06d}"
            self._next_no[doc_type] += 1
            if doc_no.upper() not in self._docs[doc_type]:
                return doc_no

    # --- stock adjustments (autocount-2.md §1.1: signed qty per stockCode and location) ------
    def add_adjustment(self, item_code: str, qty: Decimal | int, location: str = "HQ",
                       description: str = "Stock take") -> str:
        """A stock adjustment keyed in AutoCount by a clerk (tests); answers its docNo."""
        with self._lock:
            return self._store_adjustment({
                "master": {"docDate": self._now().date().isoformat(),
                           "description": description},
                "details": [{"stockCode": item_code, "location": location,
                             "qty": Decimal(qty), "unitCost": ZERO}]})

    def _create_adjustment(self, req: Request) -> Response:
        try:
            doc_no = self._store_adjustment(req.json())
        except ValueError as exc:
            return self.error(400, f"The input is not valid JSON. {exc}")
        except Invalid as exc:
            return self.error(400, str(exc))
        location = f"{self.url}/{self.book}/stockAdjustment?docNo={quote(doc_no, safe='')}"
        return Response(201, b"", {"location": location})

    def _store_adjustment(self, body: Any) -> str:
        if not isinstance(body, dict) or not isinstance(body.get("details"), list) \
                or not body["details"]:
            raise Invalid("The Details field is required.")
        master = body.get("master") or {}
        rows = []
        for i, d in enumerate(body["details"]):
            code = str(d.get("stockCode") or "").upper()
            if code not in self.items:
                raise Invalid(f"ProductCode (ItemCode = {d.get('stockCode')}) not exists")
            _number(d.get("qty"), f"$.details[{i}].qty")
            rows.append({"stockCode": code, "location": str(d.get("location") or "HQ").upper(),
                         "qty": Decimal(d.get("qty") or 0), "unitCost": d.get("unitCost")})
        self._doc_key += 1
        self._writes += 1
        doc_no = master.get("docNo") or f"SA-{len(self._adjustments) + 1:06d}"
        now = _iso(self._now())
        self._adjustments[doc_no.upper()] = {"master": {
            "docKey": self._doc_key, "docNo": doc_no,
            "docDate": f"{master.get('docDate') or now[:10]}T00:00:00",
            "description": master.get("description"), "cancelled": False,
            "createdDate": now, "lastModified": now}, "details": rows}
        for r in rows:
            if r["stockCode"] in self.stock_items:
                key = (r["stockCode"], r["location"])
                self.balances[key] = self.balances.get(key, ZERO) + r["qty"]
        return doc_no

    def _adjustment_listing(self, req: Request) -> Response:
        """``POST /stockAdjustment/listing``: filters docNo, date, createdDate,
        lastModifiedDate (autocount-2.md §1.1); the same paging as the other listings."""
        try:
            body = req.json() or {}
            page = int(body.get("page") or 1)
            if page < 1:
                raise Invalid("Page must be greater than 0.")
            flt = body.get("filter") or {}
            rows = sorted((d for d in self._adjustments.values()
                           if self._matches(d["master"], flt)),
                          key=lambda d: d["master"]["docKey"])
        except Invalid as exc:
            return self.error(400, str(exc))
        except (ValueError, TypeError, AttributeError):
            return self.error(400, "The input is not valid.")
        start = (page - 1) * self.page_size
        return Response.json({"data": [self._view(d) for d in rows[start:start + self.page_size]],
                              "totalCount": len(rows)})

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), BOOK_TZ).replace(tzinfo=None)

    # --- validation and AutoCount's arithmetic --------------------------------------------
    def _validate(self, doc_type: str, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise Invalid("The Master field is required.")
        m = body.get("master")
        if not isinstance(m, dict):
            raise Invalid("The Master field is required.")
        details = body.get("details") or []
        if not isinstance(details, list):
            raise Invalid("The JSON value could not be converted to "
                          "System.Collections.Generic.List. Path: $.details.")
        for name in MASTER_NUMBERS:
            _number(m.get(name), f"$.master.{name}")
        for name in (*MASTER_REQUIRED, *MASTER_LIMITS, "paymentMethod"):
            if m.get(name) is not None and not isinstance(m[name], str):
                raise Invalid("The JSON value could not be converted to System.String. "
                              f"Path: $.master.{name}.")
        for i, d in enumerate(details):
            if not isinstance(d, dict):
                raise Invalid(f"The JSON value could not be converted. Path: $.details[{i}].")
            for name in DETAIL_NUMBERS:
                _number(d.get(name), f"$.details[{i}].{name}")
            for name in DETAIL_STRINGS:
                if d.get(name) is not None and not isinstance(d[name], str):
                    raise Invalid("The JSON value could not be converted to System.String. "
                                  f"Path: $.details[{i}].{name}.")
        for name in MASTER_REQUIRED:
            if m.get(name) in (None, ""):
                raise Invalid(f"{_pascal(name)} is required.")
        for name, limit in MASTER_LIMITS.items():
            _limit(m.get(name), name, limit)
        doc_date = _parse_when(m["docDate"])
        if doc_date is None:
            raise Invalid("The JSON value could not be converted to System.DateTime. "
                          "Path: $.master.docDate.")
        if not self.fiscal[0] <= doc_date.date() <= self.fiscal[1]:
            raise Invalid("DocDate must be within the date range of Fiscal Year "
                          f"({self.fiscal[0]:%d/%m/%Y} - {self.fiscal[1]:%d/%m/%Y}).")
        debtor = self.debtors.get(str(m["debtorCode"]).upper())
        if debtor is None:
            raise Invalid(f"DebtorCode (AccNo = {m['debtorCode']}) not exists")
        if m["creditTerm"] not in self.credit_terms:  # exact text, e.g. "C.O.D." (§1.7)
            raise Invalid(f"CreditTerm (CreditTermKey = {m['creditTerm']}) not exists")
        if str(m["salesLocation"]).upper() not in self.locations:
            raise Invalid(f"SalesLocation (Location = {m['salesLocation']}) not exists")
        pay_method = m.get("paymentMethod")
        if pay_method and str(pay_method).upper() not in self.payment_methods:
            raise Invalid(f"PaymentMethod (PaymentMethod = {pay_method}) not exists")
        if m.get("paymentAmt") is not None and not pay_method:
            raise Invalid("PaymentMethod is required when PaymentAmt is entered.")
        doc_no = m.get("docNo") or None
        if doc_no is not None and doc_no.upper() in self._docs[doc_type]:
            raise Invalid(f"DocNo '{doc_no}' already exists.")
        inclusive = bool(m.get("inclusiveTax"))
        rows = []
        for i, d in enumerate(details):
            if not d.get("productCode") and not d.get("description") and not d.get("unitPrice"):
                continue  # "a line is silently dropped" (autocount.md §1.3)
            rows.append(self._detail(doc_type, i, d, inclusive))
        return self._build(doc_type, m, doc_no, doc_date, debtor, inclusive, rows)

    def _detail(self, doc_type: str, i: int, d: dict[str, Any], inclusive: bool):
        for name, limit in DETAIL_LIMITS.items():
            _limit(d.get(name), name, limit, row=i)
        code = d.get("productCode")
        item = None
        if code:
            item = self.items.get(code.upper())
            if item is None:
                raise Invalid(f"ProductCode (ProductCode = {code}) not exists")
        if not d.get("accNo"):
            raise Invalid("AccNo is required.")  # seen live even with autoFillOption (§1.3)
        if d["accNo"].upper() not in self.accounts:
            raise Invalid(f"AccNo (AccNo = {d['accNo']}) not exists")
        tax_code = d.get("taxCode") or None
        rate = ZERO
        if tax_code:
            if tax_code.upper() not in self.tax_rates:
                raise Invalid(f"TaxCode (TaxCode = {tax_code}) not exists")
            rate = self.tax_rates[tax_code.upper()]
        qty = d.get("qty")
        qty = Decimal(1) if qty is None else Decimal(qty)
        if doc_type == "creditnote" and qty <= 0:
            raise Invalid("Qty must be a positive number.")
        price = Decimal(d.get("unitPrice") or 0)
        amount, tax = line_totals(qty, price, d.get("discount"), rate, inclusive)
        return {
            "productCode": code,
            "description": d.get("description") or (item["name"] if item else ""),
            "qty": qty, "unit": d.get("unit") or (item["uom"] if item else None),
            "unitPrice": price, "discount": d.get("discount") or "",
            "discountAmt": round2(discount_amount(d.get("discount"), qty * price)),
            "taxCode": tax_code, "taxRate": rate, "tax": tax,
            "subTotal": amount + (ZERO if inclusive else tax),
            "subTotalExTax": amount - (tax if inclusive else ZERO),
            "accNo": d["accNo"], "yourPONo": d.get("yourPONo"),
            "goodsReturn": d.get("goodsReturn") if doc_type == "creditnote" else None,
        }

    def _build(self, doc_type, m, doc_no, doc_date, debtor, inclusive, rows):
        tax = sum((r["tax"] for r in rows), ZERO)
        ex_tax = sum((r["subTotalExTax"] for r in rows), ZERO)
        total = ex_tax + tax
        now = _iso(self._now())
        master = {
            "docKey": None, "docNo": doc_no, "docDate": f"{doc_date.date()}T00:00:00",
            "debtorCode": debtor["code"], "debtorName": m["debtorName"],
            "creditTerm": m["creditTerm"], "salesLocation": m["salesLocation"].upper(),
            "ref": m.get("ref"), "description": m.get("description"),
            "remark1": m.get("remark1"), "remark2": m.get("remark2"),
            "remark3": m.get("remark3"), "remark4": m.get("remark4"), "note": m.get("note"),
            "salesAgent": m.get("salesAgent"), "currencyCode": debtor.get("currency", "MYR"),
            "currencyRate": Decimal(m.get("currencyRate") or 1), "inclusiveTax": inclusive,
            "totalExTax": ex_tax, "tax": tax, "total": total, "netTotal": total,
            "localNetTotal": total, "cancelled": False, "createdDate": now,
            "lastModified": now, "createdUserID": "ADMIN",
        }
        if doc_type == "invoice":
            paid = Decimal(m["paymentAmt"]) if m.get("paymentAmt") is not None else ZERO
            master.update({"paymentMethod": m.get("paymentMethod") or None,
                           "paymentAmt": paid if m.get("paymentAmt") is not None else None,
                           "outstandingAmount": total - paid})
        else:
            master.update({"ourInvoiceNo": m.get("ourInvoiceNo"), "reason": m.get("reason")})
        return {"master": master, "details": rows}

    def _view(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {"master": dict(doc["master"]), "details": [dict(r) for r in doc["details"]]}

    # --- master data listings (autocount.md §1.6: {data, totalCount}, 100 a page) -----------
    def master_rows(self, kind: str) -> list[dict[str, Any]]:
        """The rows the listing of ``kind`` answers: debtors PascalCase as in AutoCount's
        docs example, the others camelCase; row shapes of location and payment method [I]."""
        if kind == "item":
            return [{"productCode": i["item_code"], "productName": i["name"],
                     "unit": i.get("uom"), "status": "A"} for i in self.items.values()]
        if kind == "debtor":
            return [{"AccNo": d["code"], "CompanyName": d["name"]}
                    for d in self.debtors.values()]
        if kind == "location":
            return [{"location": code, "description": code} for code in sorted(self.locations)]
        return [{"paymentMethod": code, "description": code}
                for code in sorted(self.payment_methods)]

    def _master(self, kind: str) -> Callable[[Request], Response]:
        def handler(req: Request) -> Response:
            try:
                page = int((req.json() or {}).get("page") or 1) if req.method == "POST" \
                    else int(req.arg("page") or 1)
            except (ValueError, TypeError, AttributeError):
                return self.error(400, "The input is not valid.")
            with self._lock:
                rows = self.master_rows(kind)
            start = (max(page, 1) - 1) * self.page_size
            return Response.json({"data": rows[start:start + self.page_size],
                                  "totalCount": len(rows)})
        return handler

    # --- listing --------------------------------------------------------------------------
    def _listing(self, req: Request) -> Response:
        doc_type = self._doc_type(req)
        try:
            body = req.json() or {}
            page = int(body.get("page") or 1)
            if page < 1:
                raise Invalid("Page must be greater than 0.")
            flt = body.get("filter") or {}
            rows = [d for d in self._docs[doc_type].values() if self._matches(d["master"], flt)]
        except Invalid as exc:
            return self.error(400, str(exc))
        except (ValueError, TypeError, AttributeError):
            return self.error(400, "The input is not valid.")
        if self.unstable_listing:  # no sort; the order moves whenever the book is written
            salt = str(self._writes).encode()
            rows.sort(key=lambda d: hashlib.sha1(
                salt + str(d["master"]["docKey"]).encode()).digest())
        else:
            rows.sort(key=lambda d: d["master"]["docKey"])
        start = (page - 1) * self.page_size
        payload = {"data": [self._view(d) for d in rows[start:start + self.page_size]],
                   "totalCount": len(rows)}
        resp = Response.json(payload)
        if self.on_listing is not None:
            self.on_listing(body)
        return resp

    def _matches(self, master: dict[str, Any], flt: dict[str, Any]) -> bool:
        for name, field in (("docNo", "docNo"), ("debtorCode", "debtorCode"),
                            ("salesAgent", "salesAgent")):
            cond = flt.get(name)
            if not cond:
                continue
            value = (master.get(field) or "").upper()
            picks = cond.get("multiSelect")
            if picks is not None and value not in {str(p).upper() for p in picks}:
                return False
            lo, hi = cond.get("from"), cond.get("to")
            if lo and value < str(lo).upper():
                return False
            if hi and value > str(hi).upper():
                return False
        for name, field in (("date", "docDate"), ("createdDate", "createdDate"),
                            ("lastModifiedDate", "lastModified")):
            cond = flt.get(name)
            if not cond:
                continue
            value = datetime.fromisoformat(master[field])
            lo = _parse_when(cond.get("from"))
            hi = _parse_when(cond.get("to"), end_of_day=True)
            if lo and value < lo:
                return False
            if hi and value > hi:
                return False
        return True  # any other key (ref, remark...) is not in the filter model: ignored


def _number(value: Any, path: str) -> None:
    if value is None or (isinstance(value, int | Decimal) and not isinstance(value, bool)):
        return
    # System.Text.Json will not read "12.50" into a decimal (autocount.md §1.3)
    raise Invalid(f"The JSON value could not be converted to System.Decimal. Path: {path}.")


def _limit(value: Any, name: str, limit: int, row: int | None = None) -> None:
    if isinstance(value, str) and len(value) > limit:
        where = f"Details[{row}]." if row is not None else ""
        raise Invalid(f"The field {where}{_pascal(name)} must be a string with a maximum "
                      f"length of {limit}.")


def _pascal(name: str) -> str:
    return name[0].upper() + name[1:]

