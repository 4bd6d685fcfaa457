"""Summary posting (docs/decisions.md §9, issue 14): one store's orders of a day -> one
document (pure: drafts in, a draft out).

**Lines.** Each order is first drafted on its own (:func:`ecdesk.sync.posting.build_draft`:
the money rule applied per order, every hold checked), then the drafts are merged: one line
per item code, UOM, unit price, tax code and account (the first order's description),
quantities and discounts summed; lines without an item (order discounts, rounding) merge per
account, tax code and description into one line of quantity 1. AutoCount computes each merged
line's tax on its own amount, which can differ by a few cents from the orders' per-line tax.
**Rule:** the summary's total is the sum of its orders' totals to the cent; the difference
between that and AutoCount's computed total (tax rounding only) becomes one untaxed "Rounding
adjustment" line on the store's ``rounding_account`` (without one, the summary waits with
that setting named). So a day posted as a summary and the same day posted order by order
give the same receivable to the cent, and the same revenue per item code.

**Numbering.** DocNo ``<prefix>D<yymmdd>``; an adjustment (orders that arrive for a day
already posted) ``-2``, ``-3``...; ref ``<Platform> day <date>`` (adjustments add `` adj N``);
the note lists the orders' numbers; remark 1 names how many. A payout's summary (``posting_mode
=payout``) is ``<prefix>P<payout id>`` (its letters and digits, the last 10), ref ``<Platform>
payout <id>``, dated the payout's day.

**Batches.** A summary takes orders that share the document's currency, tax basis (prices
with or without tax) and payment method; an order that differs goes into the next
adjustment of its day, so a document never mixes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ecdesk.clock import store_zone
from ecdesk.domain import PLATFORMS, ZERO, DocumentDraft, DraftLine, Platform
from ecdesk.sync.matching import money, tax_for
from ecdesk.sync.posting import ROUNDING_LINE as ROUNDING
from ecdesk.sync.posting import draft_total

DAY = "day"
PAYOUT = "payout"


@dataclass(frozen=True)
class Member:
    """One order's own draft, and the number a clerk knows it by."""

    number: str
    draft: DocumentDraft


@dataclass(frozen=True)
class Period:
    """What one summary covers: a day of the store's calendar, or one marketplace payout
    (dated ``day``, the payout's day)."""

    kind: str  # DAY | PAYOUT
    ref: str  # the day (ISO) or the payout's id
    day: date

    @classmethod
    def of_day(cls, day: date) -> Period:
        return cls(DAY, day.isoformat(), day)

    @classmethod
    def parse(cls, key: str, day: date) -> Period:
        """The period of an outbox key / member ``period`` (``day:2026-11-20``)."""
        kind, _, ref = key.partition(":")
        return cls(kind, ref, day)

    @property
    def key(self) -> str:
        """The outbox key of the period's summaries (their ``external_id``)."""
        return f"{self.kind}:{self.ref}"

    @property
    def label(self) -> str:
        """``day 2026-11-20`` / ``payout MY-2026-W48``, for refs, logs and the clerk."""
        return f"{self.kind} {self.ref}"

    def doc_no(self, prefix: str, seq: int, *, limit: int = 50) -> str | None:
        """``<prefix>D<yymmdd>`` or ``<prefix>P<payout id>`` (``-<seq>`` for an adjustment);
        None when it would not fit."""
        if self.kind == PAYOUT:
            text = f"{prefix}P" + "".join(c for c in self.ref if c.isalnum())[-10:].upper()
        else:
            text = f"{prefix}D{self.day:%y%m%d}"
        text += f"-{seq}" if seq >= 2 else ""
        return text if len(text) <= limit else None


def next_seq(taken: Sequence[int]) -> int:
    """The sequence of the next summary of a day: 0 first, then 2, 3... (DocNo ``-2``)."""
    if not taken:
        return 0
    return max(2, max(taken) + 1)


def closes_at(day: date, cutoff: time, timezone: str) -> datetime:
    """When ``day``'s summary may go: ``cutoff`` on the next day, in the store's zone."""
    return datetime.combine(day + timedelta(days=1), cutoff, store_zone(timezone))


def batch_key(draft: DocumentDraft) -> tuple[str, bool, str]:
    """What every order of one summary document shares."""
    return draft.currency.upper(), draft.inclusive_tax, draft.payment_method


def build_summary(members: Sequence[Member], *, platform: Platform, day: date | Period,
                  seq: int, prefix: str, rounding_account: str, limit: int = 50
                  ) -> DocumentDraft | str:
    """The summary document of ``members`` (all of one :func:`batch_key`), or the name of
    the setting it needs (``rounding_account``) when AutoCount's tax rounding on the merged
    lines leaves a difference and no account takes it."""
    assert members, "a summary has orders"
    period = day if isinstance(day, Period) else Period.of_day(day)
    first = members[0].draft
    inclusive = first.inclusive_tax
    lines = merge_lines([ln for m in members for ln in m.draft.lines], inclusive)
    target = sum((m.draft.total for m in members), ZERO)
    diff = target - draft_total(lines, inclusive)
    if diff:
        if not rounding_account:
            return "rounding_account"
        rounding = next((ln for ln in lines if not ln.product_code and not ln.tax_code
                         and ln.description == ROUNDING and ln.acc_no == rounding_account),
                        None)
        if rounding is None:
            lines.append(DraftLine(None, ROUNDING, Decimal(1), diff, acc_no=rounding_account))
        else:
            rounding.unit_price += diff
    lines = [ln for ln in lines if ln.product_code or ln.amount]
    title = PLATFORMS[platform].ref
    numbers = [m.number for m in members]
    suffix = f" adj {seq}" if seq >= 2 else ""
    sales = "sales" if period.kind == DAY else "payout"
    return replace(
        first, doc_no=period.doc_no(prefix, seq, limit=limit),
        ref=f"{title} {period.label}{suffix}"[:40], doc_date=period.day, total=target,
        lines=lines, description=f"{title} {sales} {period.ref}{suffix}"[:80],
        payment_amount=target if first.payment_amount is not None else None,
        remarks=[f"{len(numbers)} orders"[:40], f"ecd:{period.key}:{seq}"[:40]],
        note="Orders: " + ", ".join(numbers))


def merge_lines(lines: Sequence[DraftLine], inclusive: bool) -> list[DraftLine]:
    """One line per item code, UOM, price, tax code and account (module docstring)."""
    merged: dict[tuple[object, ...], DraftLine] = {}
    for ln in lines:
        if ln.product_code:
            key: tuple[object, ...] = ("item", ln.product_code, ln.unit, ln.unit_price,
                                       ln.tax_code, ln.tax_rate, ln.acc_no)
        else:
            key = ("account", ln.acc_no, ln.tax_code, ln.tax_rate, ln.description)
        have = merged.get(key)
        if have is None:
            merged[key] = replace(ln) if ln.product_code else replace(
                ln, qty=Decimal(1), unit_price=ln.amount, discount=ZERO)
        elif ln.product_code:
            have.qty += ln.qty
            have.discount += ln.discount
        else:
            have.unit_price += ln.amount
    out = list(merged.values())
    for ln in out:
        ln.tax = tax_for(money(ln.amount), ln.tax_rate, inclusive) if ln.tax_code else ZERO
    return out


def build_fee_summary(notes: Sequence[DocumentDraft], sale: DocumentDraft
                      ) -> DocumentDraft | None:
    """One credit note for the marketplace fees of a summary's orders (their own fee notes,
    merged per ledger and fee), numbered ``<summary DocNo>-F``; None without fees."""
    if not notes:
        return None
    merged: dict[tuple[str, str], Decimal] = {}
    for note in notes:
        for ln in note.lines:
            merged[(ln.acc_no, ln.description)] = merged.get((ln.acc_no, ln.description),
                                                             ZERO) + ln.amount
    lines = [DraftLine(None, desc, Decimal(1), amount, acc_no=acc)
             for (acc, desc), amount in merged.items() if amount]
    total = sum((ln.amount for ln in lines), ZERO)
    if total <= 0:
        return None
    first = notes[0]
    return replace(first, doc_no=f"{sale.doc_no}-F" if sale.doc_no else None,
                   ref=f"{sale.ref} fees"[:40], doc_date=sale.doc_date, total=total,
                   lines=lines, description=f"Marketplace fees, {sale.description}"[:80],
                   our_invoice_no=sale.doc_no or "", note=sale.note, remarks=[])
