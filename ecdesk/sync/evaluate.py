"""Evaluate and post: each order to be looked at becomes posted, held, waiting or ignored.

normalise -> match -> draft -> outbox -> AutoCount, one order at a time, each outcome
committed with its sync-log line. One bad order never aborts the batch; AutoCount going
silent stops posting for the run (the rest keep their place for the next sync).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from ecdesk import messages
from ecdesk.db.models import Document, HoldRow, OrderDocument, OrderRow, OutboxEntry, Store
from ecdesk.db.summary_models import SummaryMember
from ecdesk.domain import Disposition, Hold, HoldCode, Order, Outcome
from ecdesk.sync import book_codes, fee_adjust, matching, posting, summary_post
from ecdesk.sync.autocount.base import Unsupported
from ecdesk.sync.books import store_book
from ecdesk.sync.bundles import item_label
from ecdesk.sync.connectors.base import (
    ConfigError,
    Connector,
    PayloadError,
    UnreadableRow,
    read_order,
)
from ecdesk.sync.http import ApiError, AuthError
from ecdesk.sync.ingest import COMMIT_EVERY, UNREADABLE_MARK
from ecdesk.sync.outcomes import count, hold, hold_unreadable, settle
from ecdesk.sync.post_step import post_draft
from ecdesk.sync.run import AutoCountDown, RunContext
from ecdesk.sync.store_settings import load_maps, posting_settings

log = logging.getLogger(__name__)

# The fee credit note's outbox sequence: the sale is an invoice at seq 0 and refunds are credit
# notes at seq >= 1, so a credit note at seq 0 is free and unique per order (exactly once).
FEE_NOTE_SEQ = 0
#: what normalise may raise on a payload it cannot read
UNREADABLE = (PayloadError, KeyError, TypeError, ValueError, ArithmeticError)
#: orders loaded at once for evaluation (their rows and lines in one SELECT each)
LOAD_CHUNK = 100


@dataclass
class OrderFacts:
    """What an order already had when its chunk was read (:meth:`Evaluator._load`)."""

    row: OrderRow
    sale: str | None  # its sale document's DocNo
    members: list[SummaryMember]  # its day-summary memberships
    entries: list[OutboxEntry]  # its own outbox entries (not a summary's hung on it)

    @property
    def in_summary(self) -> SummaryMember | None:
        """The membership of a summary it is in (or going into), if any."""
        return next((m for m in self.members if m.seq is not None), None)


@dataclass
class StoreEnv:
    """What evaluating one store's orders needs, read once per run."""

    store: Store
    connector: Connector
    maps: matching.Maps
    rules: posting.PostingRules
    #: the store posts day summaries or has orders in one (else no posted order is looked up)
    summaries: bool = False


def to_evaluate(session: Session, store_id: int) -> list[int]:
    """New or changed orders, and held ones whose mappings or settings changed since
    (``mark_for_review``): a sync never re-reads 100,000 untouched held orders."""
    q = select(OrderRow.id).where(
        OrderRow.store_id == store_id,
        or_(OrderRow.needs_eval.is_(True), OrderRow.outcome == Outcome.NEW.value),
    ).order_by(OrderRow.ordered_at, OrderRow.id)
    return list(session.scalars(q))


def unreadable_hold(exc: Exception) -> Hold:
    """The hold for a payload normalise cannot read; a feed row names its file, row, field."""
    if not isinstance(exc, PayloadError):
        return Hold(HoldCode.BAD_PAYLOAD,
                    f"the store sent data ecdesk cannot read ({type(exc).__name__}: {exc})")
    detail = str(exc)
    if isinstance(exc, UnreadableRow):
        where = [text for text, given in ((f"file {exc.source}", exc.source),
                                          (f"row {exc.row}", exc.row is not None),
                                          (f"field '{exc.field}'", exc.field))
                 if given and text.split(" ", 1)[1].strip("'").lower() not in detail.lower()]
        if where:
            detail = f"{detail.rstrip('.')} ({', '.join(where)})."
        return Hold(HoldCode.BAD_PAYLOAD, detail, value=exc.field)
    return Hold(HoldCode.BAD_PAYLOAD, detail)


class Evaluator:
    """Evaluates orders in a run; ``connector_for`` makes a store's connector."""

    def __init__(self, connector_for: Callable[[Store], Connector]) -> None:
        self.connector_for = connector_for

    def evaluate(self, ctx: RunContext, ids: list[int]) -> None:
        """Evaluate ``ids`` in order; when the run stops early, ``ctx.unfinished`` keeps the
        orders it did not finish (for the summary's "wait for the next sync")."""
        if not ids:
            return
        assert ctx.route is not None and ctx.outbox is not None
        envs: dict[int, StoreEnv] = {}
        done = 0
        try:
            for done, order_id in enumerate(ids):
                if done % LOAD_CHUNK == 0:
                    self._load(ctx, envs, ids[done:done + LOAD_CHUNK])
                self._one_of(ctx, envs, order_id)
                if (done + 1) % 10 == 0 or done + 1 == len(ids):
                    ctx.progress(done + 1, len(ids), f"Checked {done + 1} of {len(ids)} orders")
                if (done + 1) % COMMIT_EVERY == 0:
                    ctx.keep_alive()
        except BaseException:
            ctx.unfinished = ids[done:]  # this order and the ones after it wait
            raise

    def _load(self, ctx: RunContext, envs: dict[int, StoreEnv], chunk: list[int]) -> None:
        """The chunk's order rows and their lines, and what each already has (its sale's
        DocNo, summary membership, outbox entries, hold reasons, who has the DocNo it would
        take), a few SELECTs for the whole chunk: each order's evaluation then reads none
        of them again. When a row cannot be read, nothing is read ahead and each order is
        loaded (and held if need be) on its own, as are orders that appear in no chunk
        (``ctx.known`` lacks them)."""
        session = ctx.session
        ctx.known.clear()
        ctx.no_holds.clear()
        assert ctx.outbox is not None
        ctx.outbox.ahead.forget()
        try:
            rows = list(session.scalars(select(OrderRow).where(OrderRow.id.in_(chunk))
                                        .options(selectinload(OrderRow.lines))))
        except (SQLAlchemyError, ValueError, TypeError) as exc:
            log.info("orders %s..%s loaded one by one: %s", chunk[0], chunk[-1], exc)
            return
        ids = [row.id for row in rows]
        if not ids:
            return
        sales: dict[int, str] = {}
        for order_id, doc_no in session.execute(
                select(OrderDocument.order_id, Document.doc_no)
                .join(Document, OrderDocument.document_id == Document.id)
                .where(OrderDocument.order_id.in_(ids), OrderDocument.role == "sale")):
            sales.setdefault(order_id, doc_no)
        members: dict[int, list[SummaryMember]] = {}
        for member in session.scalars(select(SummaryMember)
                                      .where(SummaryMember.order_id.in_(ids))):
            members.setdefault(member.order_id, []).append(member)
        held = set(session.scalars(select(HoldRow.order_id).distinct()
                                   .where(HoldRow.order_id.in_(ids))))
        entries = ctx.outbox.ahead.read(session, rows)
        self._read_numbers(ctx, envs, rows)
        for row in rows:  # the facts hold the rows too: the session keeps them till used
            ctx.known[row.id] = OrderFacts(row, sales.get(row.id), members.get(row.id, []),
                                           entries[row.id])
        ctx.no_holds.update(set(ids) - held)

    def _read_numbers(self, ctx: RunContext, envs: dict[int, StoreEnv], rows: list[OrderRow]
                      ) -> None:
        """Who already has the sale DocNo each order (normalised while fetching) would take,
        per store: for the duplicate-number check and the document's record at confirm."""
        assert ctx.outbox is not None
        numbers: dict[int, set[str]] = {}
        for row in rows:
            order = ctx.normalised.get((row.store_id, row.external_id))
            if order is None:
                continue  # not normalised yet: its look-ups ask the database
            env = envs.get(row.store_id) or envs.setdefault(row.store_id, self._env(ctx, row))
            doc_no = posting.doc_no_for(order, env.rules)
            if doc_no:
                numbers.setdefault(row.store_id, set()).add(doc_no)
        for store_id, doc_nos in numbers.items():
            ctx.outbox.ahead.read_numbers(ctx.session, store_id, store_book(envs[store_id].store),
                                          doc_nos)

    def _one_of(self, ctx: RunContext, envs: dict[int, StoreEnv], order_id: int) -> None:
        ctx.check_cancel()
        try:
            row = ctx.session.get(OrderRow, order_id)
        except (SQLAlchemyError, ValueError, TypeError) as exc:  # its stored data
            log.warning("order %s cannot be loaded: %s", order_id, exc)
            count(ctx, order_id, hold_unreadable(ctx, order_id, (
                f"ecdesk cannot read what it stored for this order ({type(exc).__name__})"
                "; press Resync order to fetch it from the store again.")))
            return
        if row is None:
            return
        env = envs.get(row.store_id) or envs.setdefault(row.store_id, self._env(ctx, row))
        count(ctx, order_id, self._guarded(ctx, row, env))

    def _env(self, ctx: RunContext, row: OrderRow) -> StoreEnv:
        return self.env_for(ctx, row.store)

    def env_for(self, ctx: RunContext, store: Store) -> StoreEnv:
        """The store's connector, maps and posting rules for this run."""
        assert ctx.route is not None
        rules = posting.PostingRules.from_settings(posting_settings(ctx.session, store),
                                                   max_doc_no=ctx.route.max_doc_no)
        summaries = rules.posting_mode in summary_post.SUMMARY_MODES or summary_post.has_members(
            ctx.session, store.id)
        return StoreEnv(store, self.connector_for(store), load_maps(ctx.session, store.id),
                        rules, summaries)

    def _guarded(self, ctx: RunContext, row: OrderRow, env: StoreEnv) -> Outcome | None:
        """One order's evaluation; any failure of that order alone holds it in words. The
        database's own concurrency (a deadlock with another PC on a shared database, a lock
        held too long) is not the order's fault: it is evaluated once more, from what was
        committed (the outbox settles a create whose confirm was lost by lookup)."""
        order_id = row.id
        counted = ctx.summary.posted, ctx.summary.pending, ctx.summary.exported
        try:
            try:
                return self.evaluate_one(ctx, row, env)
            except OperationalError as exc:
                log.warning("order %s: the database was busy (%s); evaluating it again",
                            order_id, getattr(exc, "orig", exc))
                ctx.session.rollback()  # what it counted is counted again (found by lookup)
                ctx.summary.posted, ctx.summary.pending, ctx.summary.exported = counted
                row = ctx.session.get(OrderRow, order_id)
                return self.evaluate_one(ctx, row, env)
        except (AuthError, AutoCountDown, ConfigError):
            raise  # the store's or AutoCount's set-up, not this order: the run says so
        except (ApiError, Unsupported) as exc:
            ctx.session.rollback()
            return hold(ctx, row, [Hold(HoldCode.CONFIG, str(exc))])
        except Exception as exc:  # one bad order never aborts the batch
            log.exception("order %s could not be evaluated", order_id)
            ctx.session.rollback()
            row = ctx.session.get(OrderRow, order_id)
            return hold(ctx, row, [messages.hold(
                HoldCode.BAD_PAYLOAD, "bad_payload.crash",
                error=f"{type(exc).__name__}: {exc}")])

    def evaluate_one(self, ctx: RunContext, row: OrderRow, env: StoreEnv) -> Outcome | None:
        """The order's outcome now (None while a document awaits AutoCount's answer)."""
        if ctx.count_attempt:
            row.attempts += 1
        if row.resolved_note is not None:  # a clerk settled it by hand: never post it
            return settle(ctx, row, Outcome.IGNORED,
                          f"Resolved by hand: {row.resolved_note}".rstrip(": "))
        if UNREADABLE_MARK in row.payload:  # stored as text: the store sent NaN or the like
            return hold(ctx, row, [Hold(HoldCode.BAD_PAYLOAD, row.payload[UNREADABLE_MARK])])
        order = ctx.normalised.pop((row.store_id, row.external_id), None)
        if order is None:
            try:
                order = read_order(env.connector, row.payload)
            except UNREADABLE as exc:
                return hold(ctx, row, [unreadable_hold(exc)])
        for line in row.lines:  # what each line maps to now, for the clerk's order view
            label = item_label(env.maps, line.sku)
            if line.item_code != label:  # (noted at ingest: usually unchanged)
                line.item_code = label
        facts: OrderFacts | None = ctx.known.pop(row.id, None)
        sale = facts.sale if facts is not None else sale_doc_no(ctx.session, row)
        if sale is None:
            in_summary = summary_post.waiting_in_summary(
                ctx, row, env.rules, member=facts.in_summary if facts is not None else ...)
            if in_summary is not None:
                return in_summary
            if facts is None or any(m.seq is None for m in facts.members):
                summary_post.leave_queue(ctx.session, row.id)  # decided again below
            if order.disposition is Disposition.WAITING:
                return settle(ctx, row, Outcome.WAITING, order.waiting_reason)
            if order.disposition is Disposition.IGNORED or order.cancelled:
                return settle(ctx, row, Outcome.IGNORED, "Cancelled before it was posted")
            built = posting.build_draft(order, env.maps, env.rules)
            if isinstance(built, list):
                return hold(ctx, row, built)
            origin = self._origin(row, env)
            assert ctx.book is not None
            missing = book_codes.check_draft(built, order, env.maps, ctx.book, origin)
            if missing:
                return hold(ctx, row, missing)
            if env.rules.posting_mode in summary_post.SUMMARY_MODES:
                return summary_post.queue(ctx, row, built, order, env.rules)
            digest = posting.content_hash(order)
            step = post_draft(ctx, row, built, digest, explain=lambda said: (
                book_codes.explain_refusal(said, order, env.maps, origin)))
            if step.stopped:
                return step.outcome
            row.posted_hash = digest
            sale = step.doc_no
        return self._after_posting(ctx, row, order, env, sale, facts=facts)

    @staticmethod
    def _origin(row: OrderRow, env: StoreEnv) -> book_codes.Origin:
        rules = env.rules
        return book_codes.Origin(
            store=row.store.name, fee_item=rules.fee_item, shipping_item=rules.shipping_item,
            payment_method=rules.payment_method, debtor_code=rules.debtor_code,
            sales_location=rules.sales_location)

    def _after_posting(self, ctx: RunContext, row: OrderRow, order: Order, env: StoreEnv,
                       sale: str, *, facts: OrderFacts | None = None) -> Outcome | None:
        """A posted order: its marketplace fees become one credit note, refunds become credit
        notes (one per refund, in order); a cancellation or an edit of what was posted needs a
        clerk; else it stays posted."""
        if order.cancelled and not order.refunds:
            return hold(ctx, row, [messages.hold(
                HoldCode.CANCELLED_AFTER_POSTING, number=order.number, doc=sale)])
        digest = posting.content_hash(order)
        if row.posted_hash and digest != row.posted_hash:
            return hold(ctx, row, [messages.hold(
                HoldCode.CHANGED_AFTER_POSTING, number=order.number, doc=sale)])
        # a day's summary is many orders' sale: their notes are numbered from their own
        if facts is not None:  # read with its chunk (memberships do not change meanwhile)
            member = facts.in_summary
        else:
            member = summary_post.posted_member(ctx.session, row.id) if env.summaries else None
        stem = posting.doc_no_for(order, env.rules) if member is not None else None
        fee_note = None  # not revenue: on the summary's note, or waiting for the release
        if (member is None or not member.fees_covered) and posting.fees_due(order, env.rules):
            fee_note = posting.build_fee_note(order, env.rules, sale, stem=stem)
        if isinstance(fee_note, list):
            return hold(ctx, row, fee_note)  # the sale stays posted
        if fee_note is not None:
            step = post_draft(ctx, row, fee_note, digest, seq=FEE_NOTE_SEQ)
            if step.stopped:
                return step.outcome
        # the entries read with its chunk are still all of them unless a fee note was
        # recorded just now
        posted, adjustments = fee_adjust.fees_of(facts.entries) if (
            facts is not None and fee_note is None) else \
            fee_adjust.posted_fees(ctx.session, row)
        if posted and posting.fees_enabled(order, env.rules):  # fees changed since: only
            # the difference goes (docs/decisions.md §6)
            adjustment = fee_adjust.build_adjustment(order, env.rules, posted=posted,
                                                     adjustments=adjustments, sale=sale,
                                                     stem=stem)
            if isinstance(adjustment, list):
                return hold(ctx, row, adjustment)
            if adjustment is not None:
                step = post_draft(ctx, row, adjustment, digest,
                                  seq=fee_adjust.FIRST_SEQ + adjustments)
                if step.stopped:
                    return step.outcome
        refunds = sorted(order.refunds, key=lambda r: (r.created_at is None, r.created_at,
                                                       r.refund_id))
        for seq, refund in enumerate(refunds, start=1):
            built = posting.build_credit_note(order, refund, seq, env.maps, env.rules,
                                              invoice_doc_no=sale, stem=stem)
            if isinstance(built, list):
                return hold(ctx, row, [Hold(  # the window shows the reason's own sentence
                    HoldCode.REFUNDED_AFTER_POSTING,
                    f"Refund {seq} of order {order.number} cannot become a credit note: "
                    f"{h.detail}", value=h.value, key=h.key, params=h.params) for h in built])
            step = post_draft(ctx, row, built, digest, seq=seq)
            if step.stopped:
                return step.outcome
        return settle(ctx, row, Outcome.POSTED)


def sale_doc_no(session: Session, row: OrderRow) -> str | None:
    """The DocNo of the order's sale document, if it has one."""
    return session.scalar(
        select(Document.doc_no).join(OrderDocument, OrderDocument.document_id == Document.id)
        .where(OrderDocument.order_id == row.id, OrderDocument.role == "sale").limit(1))
