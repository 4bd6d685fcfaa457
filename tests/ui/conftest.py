"""Fixtures for the window tests: a fresh service, the main window, held rows made fast."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import insert, text

from ecdesk.db.models import HoldRow, OrderLineRow, OrderRow
from ecdesk.service import Service


@pytest.fixture
def svc(tmp_path):
    service = Service(f"sqlite:///{tmp_path / 'ui.sqlite'}")
    yield service
    service.close()


@pytest.fixture
def window(qtbot, svc):
    from ecdesk.ui.main_window import MainWindow

    w = MainWindow(svc, schedule=False, refresh_ms=10)
    qtbot.addWidget(w)
    yield w
    w.scheduler.stop()
    w.ops.shutdown()


BULK = """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :n)
INSERT INTO orders (store_id, external_id, number, platform_status, ordered_at, currency,
                    total, payload, payload_hash, posted_hash, outcome, reason_summary,
                    is_test, attempts, last_error, needs_eval, fetched_at)
SELECT :sid, 'X' || (:start + i), CAST(:start + i AS TEXT), '',
       strftime('%Y-%m-%d %H:%M:%f', '2026-11-01 09:00:00', '+' || i || ' minutes'), 'MYR',
       printf('%.2f', 10 + i), '{}', '', '', 'held', :reason, 0, 1, '', 0,
       '2026-11-01 09:00:00.000000'
FROM n
"""


def add_held(svc: Service, store: str, count: int, *, code: str = "unmapped_sku",
             value: str = "MYSTERY-1", start: int = 1, lines: bool = False) -> list[int]:
    """Insert ``count`` held orders straight through SQLAlchemy (test set-up only)."""
    sid = svc.store_id(store)
    base = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    detail = f"SKU '{value}' has no AutoCount item"
    with svc.db.session() as s:
        if count > 1000:  # one INSERT ... SELECT: 100,000 rows in well under a second
            s.execute(text(BULK), {"sid": sid, "n": count, "start": start,
                                   "reason": f"Unmapped SKU: {detail}"})
        else:
            s.execute(insert(OrderRow), [
                {"store_id": sid, "external_id": f"X{start + i}", "number": str(start + i),
                 "ordered_at": base + timedelta(minutes=i), "currency": "MYR",
                 "total": Decimal("10.00") + i, "payload": {}, "outcome": "held",
                 "reason_summary": f"Unmapped SKU: {detail}", "attempts": 1,
                 "needs_eval": False} for i in range(count)])
        ids = list(s.scalars(
            OrderRow.__table__.select().with_only_columns(OrderRow.id)
            .where(OrderRow.store_id == sid, OrderRow.number.in_(
                [str(start + i) for i in range(min(count, 500))]))))
        s.execute(insert(HoldRow), [{"order_id": oid, "code": code, "detail": detail,
                                     "value": value} for oid in ids])
        if lines:
            s.execute(insert(OrderLineRow), [
                {"order_id": oid, "position": 0, "sku": value, "name": "Mystery box",
                 "quantity": Decimal(2), "unit_price": Decimal("5.00")} for oid in ids])
        s.commit()
    return ids
