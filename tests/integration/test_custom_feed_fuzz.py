"""Fuzz (issue 10, issue 15): random CSV and JSON rows dropped into the custom feed.

Whatever the rows hold, the sync never hits an unexpected error, every row with an order id
is saved (posted, waiting, ignored, or held with a reason), and every posted document's total
is the order's to the cent. Each example writes a fresh file; order ids carry the example's
number so one service and database serve every example."""

from __future__ import annotations

import csv
import io
import itertools
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ecdesk.db.models import Document, HoldRow, OrderDocument, OrderRow
from ecdesk.sync.connectors.custom import CSV_COLUMNS, CustomFeedConnector
from ecdesk.sync.http import HttpClient
from tests.unit.test_engine_exactly_once import FakeRoute, fake_service, set_up_web

WHEN = "2026-11-20T10:00:00+08:00"
GOOD_ROW = {"order_id": "", "number": "", "status": "paid", "created_at": WHEN,
            "updated_at": WHEN, "currency": "MYR", "prices_include_tax": "true",
            "payment_method": "fpx", "shipping_method": "standard", "shipping_amount": "5.00",
            "tax_total": "0.00", "total": "84.80", "line_id": "1", "sku": "TSHIRT-RED-M",
            "name": "T-shirt", "quantity": "2", "unit_price": "39.90", "discount": "0.00"}
NASTY = st.one_of(
    st.sampled_from(["", " ", "nan", "NaN", "-nan", "sNaN", "Infinity", "-Infinity", "1e300", "-0",
                     "-1", "0", "1E-30", "99999999999999999999.99", "12,50", "RM 5",
                     "٣", "２", "true", "null", "[]", "{}", "=1+2", "'", '"', "\\",
                     "2026-02-30T10:00:00+08:00", "yesterday", "x" * 300]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=20),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-10**25, 10**25).map(str),
)
JSON_FIELDS = st.sampled_from(["number", "status", "currency", "total", "tax_total", "lines",
                               "created_at", "updated_at", "prices_include_tax",
                               "payment_method", "shipping", "charges", "refunds",
                               "order_discount"])
JSON_LINE = st.dictionaries(st.sampled_from(["sku", "quantity", "unit_price", "discount", "tax",
                                             "tax_rate"]), NASTY, max_size=3)
JSON_VALUES = st.one_of(NASTY, st.just(None), st.just([]), st.just([{}]), st.just({"x": 1}),
                        st.lists(JSON_LINE, max_size=2))
COUNTER = itertools.count(1)


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzzfeed")
    route = FakeRoute()
    svc = fake_service(f"sqlite:///{folder / 'fuzz.sqlite'}",
                       lambda cfg, creds, http: CustomFeedConnector(cfg, creds, HttpClient()),
                       route)
    set_up_web(svc, store={"path": str(folder / "drop")})
    (folder / "drop").mkdir()
    yield svc, route, folder / "drop"
    svc.close()


def rows_for(example: int, overrides: list[dict[str, str]]) -> list[dict[str, str]]:
    rows = []
    for i, over in enumerate(overrides):
        row = {**GOOD_ROW, "order_id": f"F{example}-{i}", "number": f"F{example}-{i}", **over}
        rows.append(row)
    return rows


def check(svc, route, ids: set[str], totals: dict[str, Decimal | None]) -> None:
    summary = svc.sync("Web")
    assert not any("unexpected error" in e for e in summary.errors), summary.errors
    with svc.db.session() as s:
        saved = {r.external_id: r for r in s.scalars(
            select(OrderRow).where(OrderRow.external_id.in_(ids)))}
        held = set(s.scalars(select(OrderRow.external_id).join(
            HoldRow, HoldRow.order_id == OrderRow.id).where(OrderRow.external_id.in_(ids))))
        assert set(saved) == ids, ids - set(saved)  # every readable row is kept
        for oid, row in saved.items():
            assert row.outcome in ("posted", "held", "waiting", "ignored"), (oid, row.outcome)
            if row.outcome == "held":
                assert oid in held and row.reason_summary, oid
            if row.outcome == "posted":
                doc_no = s.scalar(select(Document.doc_no).join(
                    OrderDocument, OrderDocument.document_id == Document.id).where(
                    OrderDocument.order_id == row.id, OrderDocument.role == "sale"))
                draft, _ = route.docs[doc_no]
                assert draft.total == totals[oid], (oid, draft.total, totals[oid])


def money(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except Exception:
        return None
    if not value.is_finite() or abs(value) >= Decimal("1e15"):
        return None  # no document can carry it: the order must be held
    return value.quantize(Decimal("0.01"))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(st.lists(st.dictionaries(st.sampled_from(CSV_COLUMNS[1:]), NASTY, max_size=4),
                min_size=1, max_size=6))
def test_random_csv_rows(feed, overrides):
    svc, route, drop = feed
    example = next(COUNTER)
    rows = rows_for(example, overrides)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(GOOD_ROW))
    writer.writeheader()
    writer.writerows({k: r.get(k, "") for k in GOOD_ROW} for r in rows)
    for old in drop.iterdir():
        old.unlink()
    Path(drop / "orders.csv").write_text(text.getvalue(), "utf-8")
    check(svc, route, {r["order_id"] for r in rows},
          {r["order_id"]: money(r["total"]) for r in rows})


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(st.lists(st.dictionaries(JSON_FIELDS, JSON_VALUES, max_size=4), min_size=1, max_size=5))
def test_random_json_orders(feed, overrides):
    svc, route, drop = feed
    example = next(COUNTER)
    orders = []
    for i, over in enumerate(overrides):
        oid = f"J{example}-{i}"
        orders.append({"id": oid, "number": oid, "status": "paid", "created_at": WHEN,
                       "updated_at": WHEN, "currency": "MYR", "prices_include_tax": True,
                       "payment_method": "fpx", "total": "79.80", "tax_total": "0.00",
                       "lines": [{"id": "1", "sku": "TSHIRT-RED-M", "name": "T-shirt",
                                  "quantity": 2, "unit_price": "39.90"}], **over})
    for old in drop.iterdir():
        old.unlink()
    (drop / "orders.json").write_text(json.dumps({"orders": orders}), "utf-8")
    check(svc, route, {o["id"] for o in orders},
          {o["id"]: money(str(o.get("total"))) for o in orders})
