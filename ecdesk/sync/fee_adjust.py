"""Fee adjustments (issue 14, docs/decisions.md §6): when a marketplace's fees for a posted
order change after its fee note (the escrow is released with other figures, a late shipping
fee, a reversal), ecdesk posts only the difference, never the note again.

What was posted is read from the order's own outbox entries (the fee note at seq 0 and the
adjustments at :data:`FIRST_SEQ` and after; a refused one is left out), per ledger. The
difference per ledger goes on one credit note ``<stem>-F2``, ``-F3``... to the same debtor
when the fees grew by at most the store's ``fee_tolerance`` (default 1.00); a larger rise,
or fees that fell (AutoCount takes no credit note below zero), holds the order with both
figures for the clerk. The sale and the fee note stay posted.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk import messages
from ecdesk.clock import local_date
from ecdesk.db.models import OrderRow, OutboxEntry
from ecdesk.domain import ZERO, DocKind, DocumentDraft, DraftLine, Hold, HoldCode, Order
from ecdesk.sync import posting
from ecdesk.sync.matching import fmt, money

FIRST_SEQ = 100  # outbox seq of the first adjustment (refunds take 1..n, the fee note 0)


def posted_fees(session: Session, row: OrderRow) -> tuple[dict[str, Decimal], int]:
    """Per ledger, the fees already posted (or on their way) for the order, and how many
    adjustments it has: its own entries (a summary's entries may hang on it too)."""
    return fees_of(session.scalars(select(OutboxEntry).where(
        OutboxEntry.order_id == row.id, OutboxEntry.external_id == row.external_id,
        OutboxEntry.doc_kind == DocKind.CREDIT_NOTE.value)))


def fees_of(entries: Iterable[OutboxEntry]) -> tuple[dict[str, Decimal], int]:
    """:func:`posted_fees` of an order's outbox entries already read (any kind, seq or
    state: those that count are picked here)."""
    per_ledger: dict[str, Decimal] = {}
    adjustments = 0
    for entry in entries:
        if entry.doc_kind != DocKind.CREDIT_NOTE.value or entry.state == "failed" or \
                0 < entry.seq < FIRST_SEQ:
            continue
        adjustments += entry.seq >= FIRST_SEQ
        for ln in entry.draft["lines"]:
            amount = Decimal(ln["qty"]) * Decimal(ln["unit_price"]) - Decimal(ln["discount"])
            per_ledger[ln["acc_no"]] = per_ledger.get(ln["acc_no"], ZERO) + amount
    return per_ledger, adjustments


def current_fees(order: Order, rules: posting.PostingRules) -> dict[str, Decimal]:
    """The order's fees now, per ledger (the kinds are mapped: the fee note was built)."""
    per_ledger: dict[str, Decimal] = {}
    if not posting.fees_enabled(order, rules):
        return per_ledger
    for kind, amount in posting.fee_totals(order).items():
        ledger = rules.fee_accounts.get(kind, "")
        per_ledger[ledger] = per_ledger.get(ledger, ZERO) + amount
    return per_ledger


def build_adjustment(order: Order, rules: posting.PostingRules, *, posted: dict[str, Decimal],
                     adjustments: int, sale: str, stem: str | None
                     ) -> DocumentDraft | list[Hold] | None:
    """The credit note for what the fees grew by since they were posted, the hold when it is
    beyond the tolerance or a fall, or None when nothing changed."""
    now = current_fees(order, rules)
    diff = {ledger: money(now.get(ledger, ZERO) - posted.get(ledger, ZERO))
            for ledger in {*now, *posted}}
    diff = {ledger: d for ledger, d in diff.items() if d}
    if not diff:
        return None
    total = sum(diff.values(), ZERO)
    payout = posting.payout_holds(order, sum(now.values(), ZERO))
    if payout:
        return payout  # the new figures do not make the payout: nothing is posted from them
    if total <= 0 or total > rules.fee_tolerance or "" in diff:
        return [messages.hold(
            HoldCode.AMOUNT_MISMATCH, "amount_mismatch.fee_changed", number=order.number,
            posted=fmt(sum(posted.values(), ZERO), order.currency),
            now=fmt(sum(now.values(), ZERO), order.currency),
            diff=fmt(total, order.currency), tolerance=fmt(rules.fee_tolerance, order.currency),
            value=f"{total:.2f}")]
    n = adjustments + 2  # the fee note is -F, its first adjustment -F2
    base = stem or sale
    doc_no = None if rules.own_numbering or not base else f"{base}{posting.FEE_NOTE_SUFFIX}{n}"
    if doc_no is not None and len(doc_no) > rules.max_doc_no:
        doc_no = None
    lines = [DraftLine(None, f"Marketplace fee adjustment {n - 1}", Decimal(1), amount,
                       acc_no=ledger) for ledger, amount in sorted(diff.items())]
    return DocumentDraft(
        kind=DocKind.CREDIT_NOTE, doc_no=doc_no, ref=posting.ref_for(order, f" fees {n}"),
        doc_date=local_date(order.created_at, rules.timezone), **posting.debtor_fields(rules),
        currency=order.currency, inclusive_tax=False, total=total, lines=lines,
        description=f"Marketplace fee adjustment for order {order.number}"[:80],
        our_invoice_no=sale)
