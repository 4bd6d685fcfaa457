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
import io
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ecdesk.domain import (
    Order,
    Platform,
)
from ecdesk.sync.connectors.base import ConfigError, Connector, PayloadError, RawOrder
from ecdesk.sync.connectors.custom_mapper import (  # noqa: F401 - the mapper's names
    SCHEMA_PATH,
    STATUS_TABLE,
    describe,
    field_path,
    identify,
    normalise,
    order_validator,
    parse_time,
    schema_problems,
)
from ecdesk.sync.http import ApiError, AuthError, loads

log = logging.getLogger(__name__)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_LIMIT = 100  # docs/custom-feed.md §3: limit 1..100

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
        return normalise(payload)
