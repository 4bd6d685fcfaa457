"""Keeping ecdesk's stock figure up with the book (docs/decisions.md §7).

A route that reads balances (desktop SDK, read-only SQL) gives the count itself. AutoCount
Cloud cannot: there the clerk's count (``stock import``) is moved by ecdesk's own documents
(``ledger.balances``) and by the book's other stock-moving documents, read here into
``stock_moves`` from the listings by ``lastModifiedDate`` (``cloud_stock``): counter sales,
credit notes and stock adjustments keyed in AutoCount. ecdesk's own documents are left out
(they move the count through the outbox), so nothing is counted twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session

from ecdesk.db.models import Document, Setting
from ecdesk.db.stock_models import StockCount, StockMove
from ecdesk.sync.autocount.base import AutoCountRoute, Unsupported
from ecdesk.sync.autocount.cloud_stock import book_movements
from ecdesk.sync.egress.counts import CountRow
from ecdesk.sync.egress.runner import import_counts
from ecdesk.sync.http import ApiError

MOVES_READ = "stock.moves_read_at"  # setting: the book was read up to here
OVERLAP = timedelta(minutes=10)  # re-read a little: a listing is not instant
#: listing endpoint -> the kinds of ecdesk's own documents it also lists
OURS = {"invoice": ("invoice", "cash_sale"), "creditNote": ("credit_note",)}


def refresh_stock(s: Session, route: AutoCountRoute, now: datetime) -> bool:
    """Bring the stock figure up to date from ``route``: its balances as a new count where
    it reads them, else the book's other documents since the count; False when neither."""
    try:
        found = route.stock_balances()
    except (Unsupported, ApiError, ValueError, KeyError):
        return read_moves(s, route, now) is not None
    rows: dict[tuple[str, str], CountRow] = {}
    for b in found:
        key = (b.item_code.upper(), (b.location or "").upper())
        prev = rows.get(key)
        rows[key] = CountRow(b.item_code, b.location or "",
                             b.qty + (prev.qty if prev else Decimal(0)))
    if rows:
        import_counts(s, list(rows.values()), now, source="route")
    return bool(rows)


def read_moves(s: Session, route: AutoCountRoute, now: datetime) -> int | None:
    """Read the book's stock-moving documents since the last read (or the first count) into
    ``stock_moves``; answers how many lines were read, None when the route cannot list them
    or nothing is counted yet."""
    first = s.scalar(select(func.min(StockCount.counted_at)))
    if first is None:
        return None
    row = s.get(Setting, MOVES_READ)
    since = max(first, datetime.fromisoformat(row.value) - OVERLAP) if row else first
    try:
        moves = book_movements(route, since)
    except (Unsupported, ApiError, ValueError, KeyError):  # not listed, or not set up
        return None
    docs = {(m.doc_kind, m.doc_no.upper()) for m in moves}
    if docs:
        s.execute(delete(StockMove).where(
            tuple_(StockMove.doc_kind, func.upper(StockMove.doc_no)).in_(list(docs))))
    s.add_all(StockMove(doc_kind=m.doc_kind, doc_no=m.doc_no, item_code=m.item_code,
                        location=m.location, qty=m.qty, created_at=m.created_at)
              for m in moves)
    _forget_ours(s)
    if row is None:
        s.add(Setting(key=MOVES_READ, value=now.isoformat()))
    else:
        row.value = now.isoformat()
    s.commit()
    return len(moves)


def _forget_ours(s: Session) -> None:
    """Drop the lines of documents ecdesk posted itself (confirmed since they were read)."""
    s.flush()
    for endpoint, kinds in OURS.items():
        ours = select(func.upper(Document.doc_no)).where(Document.kind.in_(kinds),
                                                         Document.book == "")
        s.execute(delete(StockMove).where(StockMove.doc_kind == endpoint,
                                          func.upper(StockMove.doc_no).in_(ours)))
