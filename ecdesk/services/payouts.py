"""Payouts (issue 14): per marketplace order, what ecdesk posted against what the marketplace
says it pays, and how far that is settled (docs/decisions.md §6).

An order's **expected** payout is its sale (the invoice ecdesk built equals the order's
total) less the fee notes and refund credit notes posted for it; the **stated** payout is the
marketplace's own figure (Shopee's escrow after adjustments, the sum of Lazada's finance
rows). State:

* ``estimated``: the marketplace has not released the payout yet (its figures may change);
* ``released``: released, but what ecdesk posted does not tie out to it yet (a fee note to
  post, or a difference to look at);
* ``reconciled``: released, and expected equals stated to the cent.

Orders not posted (held, waiting, ignored) are left out: they are in the held grid.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from ecdesk.db.models import Document, OrderDocument, OrderRow, Store
from ecdesk.domain import PLATFORMS, ZERO, Order, Outcome, Platform, PlatformFacts
from ecdesk.services.context import Context
from ecdesk.sync import posting
from ecdesk.sync.connectors.base import PayloadError, read_order

STATES = ("estimated", "released", "reconciled")


@dataclass
class PayoutLine:
    """One posted marketplace order and its payout."""

    store: str
    order: str
    external_id: str
    platform: str
    currency: str
    state: str
    sale: Decimal
    fees: Decimal  # fee notes posted
    refunds: Decimal  # refund credit notes posted
    stated: Decimal | None  # what the marketplace says it pays; None before any data
    payout_ref: str = ""  # Lazada's statement, when the rows carry one; Shopify's payout,
    # WooPayments' deposit (shortened)

    @property
    def expected(self) -> Decimal:
        return self.sale - self.fees - self.refunds

    @property
    def difference(self) -> Decimal | None:
        return None if self.stated is None else self.stated - self.expected


@dataclass
class PayoutSummary:
    """One store's payouts: counts per state and the amounts that do not tie out yet."""

    store: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    expected: Decimal = ZERO
    stated: Decimal = ZERO
    unreconciled: Decimal = ZERO  # sum of the differences of released orders


class PayoutService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def payouts(self, store: str | None = None) -> list[PayoutLine]:
        """Every posted order of the marketplace stores (or of ``store``), oldest first."""
        marketplaces = [p.value for p, facts in PLATFORMS.items() if _pays_out(facts)]
        out: list[PayoutLine] = []
        with self.ctx.session() as s:
            q = select(Store).where(Store.platform.in_(marketplaces)).order_by(Store.name)
            if store:
                q = q.where(Store.id == self.ctx.store(s, store).id)
            for st in s.scalars(q):
                connector = self.ctx.engine.connector(st)
                rows = s.execute(select(OrderRow.id, OrderRow.number, OrderRow.external_id,
                                        OrderRow.payload)
                                 .where(OrderRow.store_id == st.id,
                                        OrderRow.outcome == Outcome.POSTED.value)
                                 .order_by(OrderRow.ordered_at, OrderRow.id)).all()
                posted, on_summary = _credit_notes(s, [r.id for r in rows])
                for r in rows:
                    line = _line(st, connector, tuple(r), posted=posted,
                                 on_summary=on_summary)
                    if line is not None:
                        out.append(line)
        return out

    def payout_of(self, order_id: int) -> PayoutLine | None:
        """One posted marketplace order's payout (the order view); None for any other."""
        with self.ctx.session() as s:
            row = s.get(OrderRow, order_id)
            if row is None or row.outcome != Outcome.POSTED.value or \
                    not _pays_out(PLATFORMS[Platform(row.store.platform)]):
                return None
            posted, on_summary = _credit_notes(s, [row.id])
            return _line(row.store, self.ctx.engine.connector(row.store),
                         (row.id, row.number, row.external_id, row.payload), posted=posted,
                         on_summary=on_summary)

    def payout_summaries(self, store: str | None = None) -> list[PayoutSummary]:
        """Per store: how many orders in each state, and what is not reconciled."""
        by_store: dict[str, PayoutSummary] = {}
        for line in self.payouts(store):
            sm = by_store.setdefault(line.store, PayoutSummary(line.store))
            sm.counts[line.state] += 1
            sm.expected += line.expected
            sm.stated += line.stated or ZERO
            if line.state == "released" and line.difference is not None:
                sm.unreconciled += line.difference
        return list(by_store.values())


def _line(st: Store, connector: Any, row: tuple[int, str, str, dict], *,
          posted: dict[int, tuple[Decimal, Decimal]], on_summary: set[int]
          ) -> PayoutLine | None:
    """The payout of one posted order, or None when its stored data cannot be read now (the
    order view says why). ``row``: its id, number, external id and stored payload."""
    oid, number, external_id, payload = row
    try:
        order = read_order(connector, payload)
    except (PayloadError, KeyError, TypeError, ValueError, ArithmeticError):
        return None
    if order.settlement is None and PLATFORMS[order.platform].gateway_payouts:
        return None  # paid by another gateway: the platform pays nothing out for it
    fees, refunds = posted.get(oid, (ZERO, ZERO))
    if oid in on_summary:  # its share of its day summary's fee note
        fees += sum(posting.fee_totals(order).values(), ZERO)
    line = PayoutLine(st.name, number, external_id, st.platform, order.currency, "estimated",
                      order.total, fees, refunds, order.settlement,
                      _statement(order, payload))
    if order.settlement_released:
        line.state = "reconciled" if line.difference == 0 else "released"
    return line


def _credit_notes(s, order_ids: list[int]
                  ) -> tuple[dict[int, tuple[Decimal, Decimal]], set[int]]:
    """Per order: the totals of its fee notes and of its refund credit notes; and the orders
    whose fees are on their day summary's fee note."""
    sums: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    on_summary: set[int] = set()
    for i in range(0, len(order_ids), 500):
        for oid, role, total in s.execute(
                select(OrderDocument.order_id, OrderDocument.role, Document.total)
                .join(Document, Document.id == OrderDocument.document_id)
                .where(OrderDocument.order_id.in_(order_ids[i:i + 500]),
                       OrderDocument.role.in_(("fees", "credit", "fee_summary")))):
            if role == "fee_summary":
                on_summary.add(oid)
            else:
                sums[oid][0 if role == "fees" else 1] += total or ZERO
    return {oid: (f, r) for oid, (f, r) in sums.items()}, on_summary


def _pays_out(facts: PlatformFacts) -> bool:
    """A marketplace, or a platform whose own gateway's orders are paid out (Shopify
    Payments, WooPayments)."""
    return facts.marketplace or facts.gateway_payouts


def _statement(order: Order, payload: dict) -> str:
    """The marketplace's payout reference for the order, where its data carries one."""
    platform = order.platform
    if PLATFORMS[platform].gateway_payouts:  # Shopify Payments, WooPayments
        return order.payout_ref
    if platform is Platform.LAZADA:
        refs = {str(r.get("statement") or "") for r in payload.get("transactions") or []}
        return ", ".join(sorted(r for r in refs if r))
    return ""
