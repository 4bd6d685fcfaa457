"""Custom website connector: ecdesk's own documented order feed (docs/custom-feed.md).

Two sources, one order shape (resources/custom-feed.schema.json, draft 2020-12):

* a URL (the store's ``--url``) answering ``GET ?updated_since=&cursor=&limit=`` with the
  header ``X-Api-Key`` (secret ``api_key``), paged by ``next_cursor``/``has_more``
  (docs §2-§3), at most :data:`MAX_LIMIT` orders a page;
* a dropped file (store setting ``path``: a ``.json`` or ``.csv`` file, or a folder of them),
  JSON in the same envelope (or a bare list of orders), CSV one row per line item (docs §6).

Every order is checked against the schema in :meth:`normalise`; a payload that breaks it is
never dropped: the RawOrder keeps its ``id`` (docs §7) and ``normalise`` raises
:class:`PayloadError` naming the order, the field and the problem, so the engine holds it with
``bad_payload``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from ecdesk.domain import (
    ZERO,
    Customer,
    Disposition,
    ExtraCharge,
    Order,
    OrderLine,
    Platform,
    Refund,
    ShippingLine,
)
from ecdesk.resources import resource_path
from ecdesk.sync.connectors.base import ConfigError, Connector, PayloadError, RawOrder
from ecdesk.sync.http import ApiError, AuthError, loads

log = logging.getLogger(__name__)
SCHEMA_PATH = resource_path("custom-feed.schema.json")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_LIMIT = 100  # docs/custom-feed.md §3: limit 1..100

#: docs/custom-feed.md §4 (docs/decisions.md §1 outcomes): feed status -> posting disposition
STATUS_TABLE: dict[str, Disposition] = {
    "paid": Disposition.POSTABLE,
    "processing": Disposition.POSTABLE,
    "shipped": Disposition.POSTABLE,
    "completed": Disposition.POSTABLE,
    "partially_refunded": Disposition.POSTABLE,
    "refunded": Disposition.POSTABLE,
    "pending": Disposition.WAITING,
    "on_hold": Disposition.WAITING,
    "cancelled": Disposition.IGNORED,
    "failed": Disposition.IGNORED,
}

#: CSV columns (docs §6): order columns repeat on every line row of the order
CSV_ORDER_COLUMNS = ("order_id", "number", "status", "created_at", "updated_at", "currency",
                     "prices_include_tax", "payment_method", "customer_id", "customer_name",
                     "customer_email", "customer_phone", "customer_address", "shipping_method",
                     "shipping_title", "shipping_amount", "shipping_tax_rate", "shipping_tax",
                     "charge_name", "charge_amount", "charge_tax", "order_discount", "tax_total",
                     "total", "refund_amount")
CSV_LINE_COLUMNS = ("line_id", "sku", "name", "quantity", "unit_price", "discount", "tax_rate",
                    "tax")
CSV_COLUMNS = CSV_ORDER_COLUMNS + CSV_LINE_COLUMNS
_CSV_NUMBERS = {"quantity", "tax_rate", "shipping_tax_rate"}


@cache
def order_validator() -> Draft202012Validator:
    """A validator for one order (``#/$defs/order`` of the feed schema)."""
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    sub = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/order"}
    return Draft202012Validator(sub)


def field_path(error: ValidationError) -> str:
    """``lines[2].quantity`` for a jsonschema error path."""
    text = ""
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe(error: ValidationError) -> str:
    """One schema error in words a clerk (or the site's developer) can act on."""
    where = field_path(error)
    got = error.instance
    if isinstance(got, str):
        shown = f"'{got}'"
    elif isinstance(got, Decimal | int | float) and not isinstance(got, bool):
        shown = str(got)
    else:
        shown = json.dumps(got, default=str)
    kind = error.validator
    pattern = str(error.schema.get("pattern", "")) if isinstance(error.schema, dict) else ""
    if kind in ("type", "pattern") and pattern.startswith(("^-?[0-9]+", "^[0-9]+(")):
        sign = "" if pattern.startswith("^-") else " not below zero"
        return (f"field '{where}' must be an amount written as a string like \"12.50\"{sign}, "
                f"got {shown}")
    if kind in ("type", "pattern") and "T[0-9]" in pattern:
        return (f"field '{where}' must be a date-time with its UTC offset like "
                f"\"2026-11-02T10:15:00+08:00\", got {shown}")
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        name = f"{where}.{missing}" if where else missing
        return f"field '{name}' is missing"
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        article = "an" if str(wanted)[0] in "aeiou" else "a"
        return f"field '{where}' must be {article} {wanted}, got {shown}"
    if kind == "enum":
        return f"field '{where}' must be one of {', '.join(map(str, error.validator_value))}, " \
               f"got {shown}"
    if kind == "minItems":
        return f"field '{where}' must have at least {error.validator_value} item(s)"
    if kind in ("exclusiveMinimum", "minimum", "maximum"):
        return f"field '{where}' is out of range: {error.message}"
    return f"field '{where or '(order)'}': {error.message}"


def schema_problems(payload: Any) -> list[str]:
    errors = sorted(order_validator().iter_errors(payload),
                    key=lambda e: [str(p) for p in e.absolute_path])
    return [describe(e) for e in errors]


def identify(payload: Any) -> str:
    """The order's id, or a stable stand-in when even that is missing (docs §7)."""
    if isinstance(payload, dict) and isinstance(payload.get("id"), str | int) and \
            str(payload["id"]).strip():
        return str(payload["id"]).strip()
    digest = hashlib.sha1(json.dumps(payload, sort_keys=True, default=str).encode())
    return "unidentified-" + digest.hexdigest()[:10]


def parse_time(value: Any) -> datetime | None:
    try:
        dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo is not None else None


def csv_orders(text: str) -> list[dict[str, Any]]:
    """CSV (docs §6: one row per line item) -> feed orders, schema-shaped but unchecked."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("order_id", "status", "total", "sku", "quantity")
               if c not in (reader.fieldnames or [])]
    if missing:
        raise PayloadError(f"The CSV file has no column(s) {', '.join(missing)}; see "
                           "docs/custom-feed.md §6 for the layout.")
    orders: dict[str, dict[str, Any]] = {}
    for row in reader:
        row = {k: (v if v is not None else "").strip() for k, v in row.items() if k}
        oid = row.get("order_id", "")
        order = orders.get(oid)
        if order is None:
            order = orders[oid] = _csv_order(row)
        order["lines"].append(_drop_blank({
            "id": row.get("line_id") or str(len(order["lines"]) + 1),
            "sku": row.get("sku") or None, "name": row.get("name", ""),
            "quantity": _csv_number(row.get("quantity", "")),
            "unit_price": row.get("unit_price", ""), "discount": row.get("discount"),
            "tax_rate": _csv_number(row.get("tax_rate")), "tax": row.get("tax")},
            keep=("sku", "quantity", "unit_price")))
    return list(orders.values())


def _csv_order(row: dict[str, str]) -> dict[str, Any]:
    flag = row.get("prices_include_tax", "").lower()
    order: dict[str, Any] = _drop_blank({
        "id": row.get("order_id", ""), "number": row.get("number"),
        "status": row.get("status", ""), "created_at": row.get("created_at", ""),
        "updated_at": row.get("updated_at", ""), "currency": row.get("currency", ""),
        "prices_include_tax": {"true": True, "1": True, "yes": True, "false": False, "0": False,
                               "no": False, "": False}.get(flag, flag),
        "payment_method": row.get("payment_method"),
        "order_discount": row.get("order_discount"), "tax_total": row.get("tax_total"),
        "total": row.get("total", ""),
    }, keep=("id", "status", "created_at", "updated_at", "currency", "total"))
    order["customer"] = _drop_blank({k: row.get(f"customer_{k}") for k in
                                     ("id", "name", "email", "phone", "address")})
    order["lines"] = []
    if row.get("shipping_method") or row.get("shipping_amount"):
        order["shipping"] = [_drop_blank({
            "method": row.get("shipping_method", ""), "title": row.get("shipping_title"),
            "amount": row.get("shipping_amount") or "0.00",
            "tax_rate": _csv_number(row.get("shipping_tax_rate")),
            "tax": row.get("shipping_tax")}, keep=("method",))]
    if row.get("charge_name") or row.get("charge_amount"):
        order["charges"] = [_drop_blank({
            "name": row.get("charge_name", ""), "amount": row.get("charge_amount", ""),
            "tax": row.get("charge_tax")}, keep=("name", "amount"))]
    if row.get("refund_amount"):
        order["refunds"] = [{"id": f"{row.get('order_id')}-R1",
                             "amount": row["refund_amount"]}]
    return order


def _csv_number(value: str | None) -> Any:
    """A CSV cell meant as a number; left as text when it is not one (the schema says so)."""
    if value is None or value == "":
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return value


def _drop_blank(values: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k in keep or v not in (None, "")}


def _money(value: Any) -> Decimal:
    return Decimal(value) if value not in (None, "") else ZERO


class CustomFeedConnector(Connector):
    platform = Platform.CUSTOM

    @property
    def page_size(self) -> int:
        try:
            size = int(self.store.setting("page_size", str(MAX_LIMIT)))
        except ValueError:
            size = MAX_LIMIT
        return max(1, min(size, MAX_LIMIT))

    # --- sources --------------------------------------------------------------------------
    def _source_orders(self, since: datetime | None) -> Iterator[Any]:
        path = self.store.setting("path")
        if path:
            yield from self._file_orders(Path(path))
        else:
            yield from self._url_orders(since)

    def _file_orders(self, path: Path) -> Iterator[Any]:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".json", ".csv"))
        elif path.is_file():
            files = [path]
        else:
            raise ConfigError(f"Store '{self.store.name}': the feed file or folder '{path}' "
                              "does not exist. Check the store's 'path' setting.")
        problems = []
        for file in files:  # a file that cannot be read never stops the others (issue 10)
            try:
                orders = self._read_file(file)
            except (PayloadError, OSError) as exc:
                problems.append(str(exc))
                continue
            yield from orders
        if problems:
            raise PayloadError(" ".join(problems) + (" The other files were read."
                                                     if len(files) > len(problems) else ""))

    @staticmethod
    def _read_file(file: Path) -> list[Any]:
        """The orders of one dropped file; PayloadError naming the file when it has none."""
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise PayloadError(f"File '{file.name}' could not be read "
                               f"({exc.strerror or exc}).") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:  # Excel's "CSV" on Windows: the PC's code page
            text = raw.decode("cp1252", errors="replace")
            log.warning("%s is not UTF-8: read as Windows-1252 (docs/custom-feed.md §6)",
                        file.name)
        if not text.strip():
            raise PayloadError(f"File '{file.name}' is empty.")
        if file.suffix.lower() == ".csv":
            try:
                return csv_orders(text)
            except (PayloadError, csv.Error) as exc:
                raise PayloadError(f"File '{file.name}': {exc}") from None
        try:
            data = loads(text)
        except ValueError as exc:
            raise PayloadError(f"File '{file.name}' is not valid JSON ({exc}).") from None
        orders = data.get("orders") if isinstance(data, dict) else data
        if not isinstance(orders, list):
            raise PayloadError(f"File '{file.name}' has no 'orders' list; see "
                               "docs/custom-feed.md §2.")
        return orders

    def _get(self, params: dict[str, Any]) -> Any:
        url = self.store.url
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"Store '{self.store.name}' needs a feed URL starting with "
                              "https:// or a 'path' setting for a dropped file.")
        key = self.require_secret("api_key")
        resp = self.http.request("GET", url, params=params, headers={"X-Api-Key": key,
                                                                     "Accept": "application/json"},
                                 what=f"Custom feed {self.store.name}")
        try:
            body = loads(resp.content)
        except ValueError:
            body = None
        if resp.status_code >= 400:
            error = body.get("error", {}) if isinstance(body, dict) else {}
            message = error.get("message") if isinstance(error, dict) else None
            message = message or f"HTTP {resp.status_code}"
            if resp.status_code in (401, 403):
                raise AuthError(f"The feed of store '{self.store.name}' refused the API key: "
                                f"{message} Check the 'api_key' secret in Integration.",
                                status=resp.status_code, body=body)
            raise ApiError(f"The feed of store '{self.store.name}' answered: {message}",
                           status=resp.status_code, body=body)
        if not isinstance(body, dict) or not isinstance(body.get("orders"), list):
            raise ApiError(f"The feed of store '{self.store.name}' did not answer with the "
                           "documented envelope (an object with an 'orders' list).",
                           status=resp.status_code)
        return body

    def _url_orders(self, since: datetime | None) -> Iterator[Any]:
        params: dict[str, Any] = {"limit": self.page_size}
        if since is not None:
            params["updated_since"] = since.isoformat()
        while True:
            body = self._get(params)
            yield from body["orders"]
            cursor = body.get("next_cursor")
            if not body.get("has_more") or not cursor:
                return
            params = {"limit": self.page_size, "cursor": cursor}

    # --- Connector ------------------------------------------------------------------------
    def fetch_orders(
        self, since: datetime | None, until: datetime | None = None
    ) -> Iterator[RawOrder]:
        for item in self._source_orders(since):
            payload = item if isinstance(item, dict) else {"_unreadable": item}
            # an unreadable updated_at must not move the engine's cursor: take the epoch
            updated = parse_time(payload.get("updated_at")) or EPOCH
            if since is not None and updated < since and parse_time(payload.get("updated_at")):
                continue  # a file holds everything; the URL already filtered
            if until is not None and updated > until:
                continue
            yield RawOrder(external_id=identify(item), updated_at=updated, payload=payload)

    def fetch_order(self, external_id: str) -> RawOrder | None:
        """The feed has no single-order endpoint: read it all, the last copy wins (§6)."""
        found = None
        for raw in self.fetch_orders(None):
            if raw.external_id == external_id:
                found = raw
        return found

    def test_connection(self) -> str:
        if self.store.setting("path"):
            count = sum(1 for _ in self._source_orders(None))
            return f"Read {count} orders from '{self.store.setting('path')}'."
        body = self._get({"limit": 1})
        return (f"Connected to the order feed of '{self.store.name}'"
                f"{'' if body['orders'] else ' (no orders yet)'}.")

    # --- normalisation --------------------------------------------------------------------
    def normalise(self, payload: dict[str, Any]) -> Order:
        oid = identify(payload.get("_unreadable", payload))
        if "_unreadable" in payload:
            raise PayloadError(f"Order '{oid}': the feed sent {payload['_unreadable']!r} where "
                               "an order object belongs.")
        problems = schema_problems(payload)
        if problems:
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            raise PayloadError(f"Order '{oid}': " + "; ".join(problems[:3]) + more +
                               ". Fix it on the website (docs/custom-feed.md), then Retry.")
        p = payload
        incl = bool(p["prices_include_tax"])
        lines = [OrderLine(
            line_id=li["id"], sku=li.get("sku") or None, name=li["name"],
            quantity=Decimal(str(li["quantity"])), unit_price=Decimal(li["unit_price"]),
            discount=_money(li.get("discount")), tax=_money(li.get("tax")),
            tax_rate=Decimal(str(li["tax_rate"])) if li.get("tax_rate") is not None else None,
        ) for li in p["lines"]]
        shipping = [ShippingLine(
            method=s["method"], title=s.get("title", ""), amount=Decimal(s["amount"]),
            discount=_money(s.get("discount")), tax=_money(s.get("tax")),
            tax_rate=Decimal(str(s["tax_rate"])) if s.get("tax_rate") is not None else None,
        ) for s in p.get("shipping") or []]
        extras = [ExtraCharge(name=c["name"], amount=Decimal(c["amount"]),
                              tax=_money(c.get("tax"))) for c in p.get("charges") or []]
        refunds = [Refund(
            refund_id=r["id"], amount=Decimal(r["amount"]),
            created_at=parse_time(r.get("created_at")), reason=r.get("reason", ""),
            lines=[(x["line_id"], Decimal(str(x["quantity"]))) for x in r.get("lines") or []],
        ) for r in p.get("refunds") or []]
        cust = p.get("customer") or {}
        created, updated = parse_time(p["created_at"]), parse_time(p["updated_at"])
        for name, when in (("created_at", created), ("updated_at", updated)):
            if when is None:  # the schema's pattern passed, the calendar does not
                raise PayloadError(f"Order '{p['id']}': field '{name}' is not a real date and "
                                   f"time ({p[name]!r}).")
        return Order(
            platform=Platform.CUSTOM, external_id=p["id"], number=p.get("number") or p["id"],
            created_at=created, updated_at=updated, currency=p["currency"],
            status=p["status"], disposition=STATUS_TABLE[p["status"]],
            total=Decimal(p["total"]), taxes_included=incl, lines=lines, shipping=shipping,
            extras=extras, order_discount=_money(p.get("order_discount")),
            tax_total=_money(p.get("tax_total")),
            payment_methods=[p["payment_method"]] if p.get("payment_method") else [],
            customer=Customer(name=cust.get("name", ""), email=cust.get("email", ""),
                              phone=cust.get("phone", ""), address=cust.get("address", ""),
                              external_id=cust.get("id", "")),
            refunds=refunds, cancelled=p["status"] == "cancelled", test=bool(p.get("test")),
            raw=p,
        )
