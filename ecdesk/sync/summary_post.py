"""Summary posting in a run (docs/decisions.md §9): ready orders of a ``day`` store wait for
their day; a closed day becomes one document through the same exactly-once outbox. A
``payout`` store's (Shopee, Lazada, Shopify Payments, WooPayments) orders wait until paid out,
then go into their payout's summary, posted in the same run (a period is a day or a payout:
:class:`summary.Period`); a Shopify or WooCommerce order paid another way goes into its day's
summary.

* **Queue.** An order of a ``posting_mode=day`` store that would post (every hold checked,
  its own draft built) waits (outcome ``waiting``) as a member of its day
  (:class:`~ecdesk.db.summary_models.SummaryMember`, ``seq`` None), saying where it goes.
* **Close.** After ``summary_cutoff`` on the next day (store's zone), or when the clerk
  closes the day, every waiting member of the day gets the summary's sequence in one commit;
  the summary is drafted from those orders (one that cannot be drafted any more is held and
  leaves the summary), its outbox intent committed, then AutoCount is called. Confirmed, each
  order is linked to the summary (role ``sale``) and evaluated again at once: fee notes and
  refunds follow per order, numbered from the order's own number.
* **Crash.** Members are assigned before the intent and the intent before the create: a run
  that dies anywhere resumes the same summary (the outbox looks it up before any create);
  an order is in at most one summary of a kind (unique key), so switching mode never posts
  it twice and never skips it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from datetime import date
from types import EllipsisType

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ecdesk import messages
from ecdesk.db.models import Document, OrderDocument, OrderRow, OutboxEntry, Store
from ecdesk.db.summary_models import SummaryMember
from ecdesk.domain import PLATFORMS, DocKind, DocumentDraft, HoldCode, Order, Outcome
from ecdesk.sync import posting, summary
from ecdesk.sync.connectors.base import Connector, read_order
from ecdesk.sync.matching import Maps
from ecdesk.sync.outbox import PostStatus
from ecdesk.sync.outcomes import count, hold, settle
from ecdesk.sync.run import AutoCountDown, RunContext
from ecdesk.sync.store_settings import posting_settings

log = logging.getLogger(__name__)

#: evaluates orders again in the same run (the evaluator's ``evaluate``)
Evaluate = Callable[[RunContext, list[int]], None]
#: the posting modes whose orders wait in summaries
SUMMARY_MODES = (summary.DAY, summary.PAYOUT)


def period_of(member: SummaryMember) -> summary.Period:
    return summary.Period.parse(member.period, member.day)


def has_work(session: Session, store: Store) -> bool:
    """True when the store posts day summaries, or has orders in or
    waiting for one (the mode was switched back, or a run stopped mid-summary)."""
    if (posting_settings(session, store).get("posting_mode") or "").strip().lower() \
            in SUMMARY_MODES:
        return True
    return session.scalar(select(SummaryMember.id).join(
        OrderRow, OrderRow.id == SummaryMember.order_id).where(
        SummaryMember.store_id == store.id,
        OrderRow.outcome != Outcome.POSTED.value).limit(1)) is not None


def member_of(session: Session, order_id: int, kind: DocKind) -> SummaryMember | None:
    return session.scalars(select(SummaryMember).where(
        SummaryMember.order_id == order_id, SummaryMember.doc_kind == kind.value)
    ).one_or_none()


def has_members(session: Session, store_id: int) -> bool:
    """True when any of the store's orders ever waited for or went into a day summary: the
    only stores whose posted orders need :func:`posted_member` (once per store and run)."""
    return session.scalar(select(SummaryMember.id).where(
        SummaryMember.store_id == store_id).limit(1)) is not None


def posted_member(session: Session, order_id: int) -> SummaryMember | None:
    """The order's place in a summary document that went (or is going), or None: its sale
    is that summary, and ``fees_covered`` says its fees are on the summary's fee note."""
    return session.scalars(select(SummaryMember).where(
        SummaryMember.order_id == order_id, SummaryMember.seq.is_not(None)).limit(1)).first()


def describe(session: Session, order_id: int, rules: posting.PostingRules
             ) -> dict[str, str] | None:
    """Which summary the order is in or waits for (``preview``, the order view); None."""
    member = session.scalars(select(SummaryMember).where(
        SummaryMember.order_id == order_id).limit(1)).first()
    if member is None:
        return None
    period = period_of(member)
    if member.seq is None:
        return {period.kind: period.ref, "state": "waiting for the day to close"
                if period.kind == summary.DAY else "posted in the next sync"}
    posted = session.scalar(select(Document.doc_no).join(
        OutboxEntry, OutboxEntry.id == Document.outbox_id).where(
        OutboxEntry.store_id == member.store_id, OutboxEntry.external_id == member.period,
        OutboxEntry.doc_kind == member.doc_kind, OutboxEntry.seq == member.seq).limit(1))
    expected = period.doc_no(rules.doc_prefix, member.seq, limit=rules.max_doc_no)
    return {period.kind: period.ref, "doc_no": posted or expected or "",
            "state": "posted" if posted else "being posted"}


def leave_queue(session: Session, order_id: int) -> None:
    """The order no longer waits for a day (held, cancelled, or the store posts per order);
    an order already in a summary being posted stays in it."""
    session.execute(delete(SummaryMember).where(SummaryMember.order_id == order_id,
                                                SummaryMember.seq.is_(None)))


def waiting_in_summary(ctx: RunContext, row: OrderRow, rules: posting.PostingRules, *,
                       member: SummaryMember | None | EllipsisType = ...) -> Outcome | None:
    """An order already in a summary being posted waits for it (whatever it is now: the
    summary's intent may already be in AutoCount); None for any other order. ``member``:
    its membership of such a summary (or None) when already read."""
    if member is ...:
        member = posted_member(ctx.session, row.id)
    if member is None:
        return None
    assert member.seq is not None
    period = period_of(member)
    number = period.doc_no(rules.doc_prefix, member.seq, limit=rules.max_doc_no)
    return settle(ctx, row, Outcome.WAITING,
                  f"In the {period.kind} summary {number or member.period}, being posted")


def queue(ctx: RunContext, row: OrderRow, draft: DocumentDraft, order: Order,
          rules: posting.PostingRules) -> Outcome:
    """The ready order waits for its day's summary, or its payout's (module docstring),
    saying when it goes; an order whose payout is not released yet waits for it. In
    ``payout`` mode, an order of a :attr:`~ecdesk.domain.PlatformFacts.gateway_payouts`
    platform without payout figures (paid by another gateway, or a shop whose payouts ecdesk
    may not read) goes into its day's summary instead: it never waits for a payout that no
    one will make."""
    payout = rules.posting_mode == summary.PAYOUT
    if payout and not PLATFORMS[order.platform].names_payouts:  # the book's default, say
        return hold(ctx, row, [posting.setting_hold(
            "posting_mode", "not_a_choice", setting=summary.PAYOUT, choices="order, day")])
    if payout and order.settlement is None and PLATFORMS[order.platform].gateway_payouts:
        payout = False  # paid another way: no payout will ever name it, so its day's summary
    if payout:
        if not order.settlement_released or not order.payout_ref:
            leave_queue(ctx.session, row.id)
            return settle(ctx, row, Outcome.WAITING,
                          f"Waits for {name_of(order)} to pay it out; then it goes into that "
                          "payout's document")
        period = summary.Period(summary.PAYOUT, order.payout_ref,
                                order.payout_date or draft.doc_date)
        text = f"In the summary of {name_of(order)} payout {order.payout_ref}, posted now"
    else:
        period = summary.Period.of_day(draft.doc_date)
        when = summary.closes_at(draft.doc_date, rules.summary_cutoff, rules.timezone)
        text = (f"In the day summary of {draft.doc_date.isoformat()}, posted after "
                f"{when:%H:%M} on {when:%Y-%m-%d}")
        if rules.posting_mode == summary.PAYOUT:
            text = f"No {name_of(order)} payout covers it (paid another way). {text}"
    member = member_of(ctx.session, row.id, draft.kind)
    if member is None:
        member = SummaryMember(order_id=row.id, store_id=row.store_id,
                               doc_kind=draft.kind.value)
        ctx.session.add(member)
    member.day, member.period = period.day, period.key
    return settle(ctx, row, Outcome.WAITING, text)


def name_of(order: Order) -> str:
    return PLATFORMS[order.platform].title


class SummaryCloser:
    """Posts what is due of one store's summaries in a run."""

    def __init__(self, ctx: RunContext, store: Store, *, connector: Connector, maps: Maps,
                 rules: posting.PostingRules, evaluate: Evaluate) -> None:
        self.ctx, self.store, self.connector = ctx, store, connector
        self.maps, self.rules, self.evaluate = maps, rules, evaluate

    def run(self, force: Collection[date] = ()) -> None:
        """Resume summaries a stopped run left, then post every day that is due and every
        payout whose orders wait (a payout is final when its orders are released)."""
        session = self.ctx.session
        if self.rules.posting_mode not in SUMMARY_MODES:
            self._back_to_orders()
        for key, kind, seq in self._unfinished():
            self._post(key, DocKind(kind), seq)
        self._pending_fees()
        if self.rules.posting_mode not in SUMMARY_MODES:
            return
        now = self.ctx.clock()
        due = session.execute(select(SummaryMember.period, SummaryMember.day,
                                     SummaryMember.doc_kind).where(
            SummaryMember.store_id == self.store.id, SummaryMember.seq.is_(None)).distinct())
        for key, day, kind in sorted(due):
            if not key.startswith(f"{summary.DAY}:"):  # a payout: due now
                self._close(key, DocKind(kind))
                continue
            closes = summary.closes_at(day, self.rules.summary_cutoff, self.rules.timezone)
            if day in force or now >= closes:
                self._close(key, DocKind(kind))

    # --- switching back to one document per order ---------------------------------------
    def _back_to_orders(self) -> None:
        """``posting_mode`` is ``order`` again: waiting members post one by one now."""
        session = self.ctx.session
        ids = list(session.scalars(select(SummaryMember.order_id).where(
            SummaryMember.store_id == self.store.id, SummaryMember.seq.is_(None))))
        if ids:
            session.execute(delete(SummaryMember).where(SummaryMember.store_id == self.store.id,
                                                        SummaryMember.seq.is_(None)))
            session.commit()
            self.evaluate(self.ctx, ids)

    # --- closing a day ------------------------------------------------------------------
    def _unfinished(self) -> list[tuple[str, str, int]]:
        """Summaries with orders assigned that are not all linked to their document yet."""
        rows = self.ctx.session.execute(
            select(SummaryMember.period, SummaryMember.doc_kind, SummaryMember.seq)
            .join(OrderRow, OrderRow.id == SummaryMember.order_id)
            .where(SummaryMember.store_id == self.store.id, SummaryMember.seq.is_not(None),
                   OrderRow.outcome != Outcome.POSTED.value).distinct())
        return sorted((d, k, s) for d, k, s in rows)

    def _close(self, key: str, kind: DocKind) -> None:
        """Every waiting order of the period ``key`` into its next summary, and post it;
        orders of another currency or tax basis go into the summary after it."""
        session = self.ctx.session
        for _ in range(10):  # each pass takes at least one batch; a day has few bases
            waiting = list(session.scalars(select(SummaryMember).where(
                SummaryMember.store_id == self.store.id, SummaryMember.period == key,
                SummaryMember.doc_kind == kind.value, SummaryMember.seq.is_(None))
                .order_by(SummaryMember.id)))
            if not waiting:
                return
            taken = list(session.scalars(select(OutboxEntry.seq).where(
                OutboxEntry.store_id == self.store.id,
                OutboxEntry.external_id == key,
                OutboxEntry.doc_kind == kind.value)))
            taken += [m.seq for m in session.scalars(select(SummaryMember).where(
                SummaryMember.store_id == self.store.id, SummaryMember.period == key,
                SummaryMember.doc_kind == kind.value, SummaryMember.seq.is_not(None)))]
            seq = summary.next_seq(taken)
            for m in waiting:
                m.seq = seq
            session.commit()  # the members are the summary's before its intent
            if not self._post(key, kind, seq):
                return

    def _post(self, key: str, kind: DocKind, seq: int) -> bool:
        """Post summary ``seq`` of the period ``key`` exactly once; True when it is in
        AutoCount."""
        ctx, session = self.ctx, self.ctx.session
        assert ctx.outbox is not None
        members = self._members(key, kind, seq)
        if not members:
            return True
        period = summary.Period.parse(key, max(m.day for m in members))
        entry = ctx.outbox.entry(session, self.store.id, key, kind, seq)
        if entry is None or entry.state == "failed":
            drafted = self._draft(period, seq, members)
            members = self._members(key, kind, seq)  # those that could not be drafted left
            if drafted is None or not members:
                return True
            draft, fees = drafted
            anchor = session.get(OrderRow, members[0].order_id)
            assert anchor is not None
            if fees is not None:  # both intents before either document (crash-safe)
                ctx.outbox.record_intent(session, anchor, fees, "", seq=seq, key=key)
            entry = ctx.outbox.record_intent(session, anchor, draft, "", seq=seq, key=key)
        result = ctx.outbox.post(session, entry)
        ids = [m.order_id for m in members]
        if result.status is PostStatus.POSTED:
            doc_no = result.document.doc_no if result.document else (entry.doc_no or "")
            self._link(entry, ids)
            ctx.summary.posted += 1
            ctx.log(f"{self.store.name}: posted the summary {doc_no} of {period.label} "
                    f"({len(ids)} orders)")
            self._post_fees(key, seq)
            self.evaluate(ctx, ids)  # refunds (and fees not on the summary's), per order
            return True
        if result.status is PostStatus.REJECTED:
            for m in members:
                m.seq = None
            session.commit()
            for oid in ids:
                row = session.get(OrderRow, oid)
                if row is not None:
                    leave_queue(session, oid)
                    count(ctx, oid, hold(ctx, row, [messages.hold(
                        HoldCode.AUTOCOUNT_REJECTED, said=result.message.rstrip("."),
                        value=entry.doc_no or "")]))
            return False
        if result.status is PostStatus.EXPORTED:
            return True  # the clerk's import confirms it; the next run links the orders
        ctx.summary.pending += 1
        if result.unreachable:
            raise AutoCountDown(
                f"AutoCount did not answer ({result.message}). Nothing was lost: the "
                f"{period.kind} summary goes on the next sync.")
        return False

    def _post_fees(self, key: str, seq: int) -> None:
        """The summary's fee note, exactly once, after its sale; refused, its orders' fees
        go on their own notes instead."""
        ctx, session = self.ctx, self.ctx.session
        assert ctx.outbox is not None
        entry = ctx.outbox.entry(session, self.store.id, key, DocKind.CREDIT_NOTE, seq)
        if entry is None:
            return
        covered = list(session.scalars(select(SummaryMember).where(
            SummaryMember.store_id == self.store.id, SummaryMember.period == key,
            SummaryMember.seq == seq, SummaryMember.fees_covered.is_(True))))
        already = entry.state == "confirmed"
        result = ctx.outbox.post(session, entry)
        if result.status is PostStatus.POSTED:
            doc_id = session.scalar(select(Document.id).where(Document.outbox_id == entry.id))
            session.execute(delete(OrderDocument).where(OrderDocument.document_id == doc_id))
            for m in covered:  # each order's share is its own fees (the payouts view)
                session.add(OrderDocument(order_id=m.order_id, document_id=doc_id,
                                          role="fee_summary"))
            session.commit()
            ctx.summary.posted += not already
            return
        if result.status is PostStatus.REJECTED:
            for m in covered:
                m.fees_covered = False
            session.commit()
            ctx.log(f"{self.store.name}: AutoCount refused the fee note of {key} "
                    f"({result.message}); its orders' fees go on their own notes.",
                    level="warning")
        elif result.status is not PostStatus.EXPORTED:
            ctx.summary.pending += 1

    def _pending_fees(self) -> None:
        """Fee notes of summaries a stopped run left unposted."""
        rows = self.ctx.session.execute(select(OutboxEntry.external_id, OutboxEntry.seq).where(
            OutboxEntry.store_id == self.store.id, OutboxEntry.state == "pending",
            OutboxEntry.doc_kind == DocKind.CREDIT_NOTE.value,
            or_(*(OutboxEntry.external_id.like(f"{mode}:%") for mode in SUMMARY_MODES)))
        ).all()
        for key, seq in rows:
            self._post_fees(key, seq)

    def _members(self, key: str, kind: DocKind, seq: int) -> list[SummaryMember]:
        return list(self.ctx.session.scalars(select(SummaryMember).where(
            SummaryMember.store_id == self.store.id, SummaryMember.period == key,
            SummaryMember.doc_kind == kind.value, SummaryMember.seq == seq)
            .order_by(SummaryMember.id)))

    def _draft(self, period: summary.Period, seq: int, members: list[SummaryMember]
               ) -> tuple[DocumentDraft, DocumentDraft | None] | None:
        """The summary's draft from its orders as they are now, and the fee note of the
        marketplace fees they carry; an order that cannot be drafted any more is held and
        leaves, one of another batch waits for the next, one whose fees cannot be posted
        keeps them for its own fee note (held there, in words)."""
        ctx, session = self.ctx, self.ctx.session
        parts: list[summary.Member] = []
        fee_notes: list[DocumentDraft] = []
        key = None
        for m in members:
            row = session.get(OrderRow, m.order_id)
            assert row is not None
            order = read_order(self.connector, row.payload)
            built = posting.build_draft(order, self.maps, self.rules)
            if isinstance(built, list):
                session.delete(m)
                hold(ctx, row, built)
                continue
            key = key or summary.batch_key(built)
            if summary.batch_key(built) != key:
                m.seq = None  # the next summary of the day takes it
                continue
            row.posted_hash = posting.content_hash(order)
            parts.append(summary.Member(posting.display_number(order), built))
            fees = posting.build_fee_note(order, self.rules, None) \
                if posting.fees_due(order, self.rules) else None  # else its own note later
            m.fees_covered = isinstance(fees, DocumentDraft)
            if isinstance(fees, DocumentDraft):
                fee_notes.append(fees)
        session.commit()
        if not parts:
            return None
        store = self.store
        drafted = summary.build_summary(parts, platform=order.platform, day=period, seq=seq,
                                        prefix=self.rules.doc_prefix,
                                        rounding_account=self.rules.rounding_account,
                                        limit=self.rules.max_doc_no)
        if isinstance(drafted, str):
            for m in self._members(period.key, DocKind(members[0].doc_kind), seq):
                m.seq = None
            session.commit()
            ctx.log(f"{store.name}: the summary of {period.label} waits: AutoCount's "
                    "tax on the summed lines differs by a few cents from the orders' own; set "
                    f"'{drafted}' in the store's posting settings to take it.", level="warning")
            return None
        if self.rules.own_numbering:
            drafted.doc_no = None
        fee_summary = summary.build_fee_summary(fee_notes, drafted)
        if fee_summary is None and fee_notes:  # fees that net to a credit: each its own
            for m in members:
                m.fees_covered = False
            session.commit()
        return drafted, fee_summary

    def _link(self, entry: OutboxEntry, ids: list[int]) -> None:
        """Every order of the summary is linked to its document (role ``sale``)."""
        session = self.ctx.session
        doc_id = session.scalar(select(Document.id).where(Document.outbox_id == entry.id))
        assert doc_id is not None
        for oid in ids:
            if session.get(OrderDocument, (oid, doc_id)) is None:
                session.add(OrderDocument(order_id=oid, document_id=doc_id, role="sale"))
            row = session.get(OrderRow, oid)
            if row is not None:
                row.needs_eval = True
        session.commit()
