"""The custom feed's order JSON -> the canonical Order: the mapper half of the connector
(issue 11, OCA's adapter/mapper split), pure, so preview, replay and fuzzing need no store
login or feed.

Each order is checked against ``resources/custom-feed.schema.json`` first
(:func:`schema_problems`, in words the site's developer can act on); statuses per
:data:`STATUS_TABLE` (docs/custom-feed.md §4, docs/decisions.md §1).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal
from functools import cache
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
from ecdesk.sync.connectors.base import PayloadError

SCHEMA_PATH = resource_path("custom-feed.schema.json")

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

@cache
def order_validator() -> Draft202012Validator:
    """A validator for one order (``#/$defs/order`` of the feed schema)."""
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    defs = schema["$defs"]

    def inline(node: Any) -> Any:
        """The schema with each ``#/$defs/`` reference replaced by its definition: the same
        checks and errors, without resolving a reference at every value of every order."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
                return inline(defs[ref.removeprefix("#/$defs/")])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(value) for value in node]
        return node

    return Draft202012Validator({"$schema": schema["$schema"], **inline(defs["order"])})


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


def _money(value: Any) -> Decimal:
    return Decimal(value) if value not in (None, "") else ZERO


def normalise(payload: dict[str, Any]) -> Order:
    """One feed order (docs/custom-feed.md, checked against its schema first) -> the
    canonical Order (pure: no store login); what the schema refuses is a PayloadError
    naming the order and up to three problems."""
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
