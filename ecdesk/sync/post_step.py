"""Posting one draft of an order through the outbox, and what that means for the order.

Confirmed: the step answers the DocNo AutoCount gave (from the post result itself); the
confirm and its log line are committed with the order's next commit (its next document's
intent, or its outcome), as the outbox module docstring argues.
Refused or a duplicate DocNo: the order is held in AutoCount's words. No answer: the order
waits for a lookup (never a second blind create); AutoCount not answering at all stops
posting for the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ecdesk import messages
from ecdesk.db.models import OrderRow
from ecdesk.domain import DocKind, DocumentDraft, Hold, HoldCode, Outcome, PostedDocument
from ecdesk.sync import exports
from ecdesk.sync.outbox import PostStatus
from ecdesk.sync.outcomes import hold
from ecdesk.sync.run import AutoCountDown, RunContext


@dataclass(frozen=True)
class Step:
    """A posted document's number, or the outcome that stops the order here."""

    doc_no: str = ""
    outcome: Outcome | None = None
    stopped: bool = False

    @property
    def posted(self) -> bool:
        return not self.stopped


def post_draft(ctx: RunContext, row: OrderRow, draft: DocumentDraft, digest: str, *,
               seq: int = 0, explain: Callable[[str], list[Hold]] | None = None) -> Step:
    """Post ``draft`` for ``row`` through the run's outbox, exactly once; a refusal holds the
    order in AutoCount's words (or ``explain``'s sentences for them)."""
    route, outbox, session = ctx.route, ctx.outbox, ctx.session
    assert route is not None and outbox is not None
    if draft.kind not in route.supports:
        return Step(outcome=hold(ctx, row, [messages.hold(
            HoldCode.CONFIG, "config.route", route=route.name, kind=draft.kind.value)]),
            stopped=True)
    other = outbox.number_taken(session, row, draft, seq)
    if other is not None:
        return Step(outcome=hold(ctx, row, [messages.hold(
            HoldCode.DUPLICATE, "duplicate.number", order=row.external_id, other=other,
            doc_no=draft.doc_no, value=draft.doc_no or "")]), stopped=True)
    entry = outbox.record_intent(session, row, draft, digest, seq=seq, claim=True)
    already = entry.state == "confirmed"
    staged_before = entry.state in exports.EXPORT_STATES
    result = outbox.post(session, entry, commit_confirm=False)  # committed below, with the
    # order's log line
    if result.status is PostStatus.EXPORTED:  # import-file route: awaits the clerk's import
        if not staged_before:
            ctx.summary.exported += 1
            ctx.note(row, f"Order {row.number}: {result.message}")
        if seq == 0 and draft.kind is not DocKind.CREDIT_NOTE:
            row.posted_hash = row.posted_hash or digest  # what the workbook carries
        row.last_error = ""
        session.commit()
        return Step(outcome=Outcome.NEW, stopped=True)
    if result.status is PostStatus.POSTED:
        doc_no = result.document.doc_no if result.document else (draft.doc_no or "")
        if not already:
            ctx.summary.posted += 1  # documents this run brought into AutoCount
            kind = draft.kind.value.replace("_", " ")
            ctx.note(row, f"Order {row.number}: posted {kind} {doc_no}")
            if result.message:
                ctx.note(row, result.message, "warning")
        row.last_error = result.message
        # not committed here: the confirm (Outbox.post) and this line go with the order's
        # next commit, its next document's intent or its outcome (outbox module docstring)
        return Step(doc_no=doc_no)
    if result.status is PostStatus.REJECTED:
        explained = explain(result.message) if explain else []
        return Step(outcome=hold(ctx, row, explained or [messages.hold(
            HoldCode.AUTOCOUNT_REJECTED, said=result.message.rstrip("."),
            value=draft.doc_no or "")]), stopped=True)
    if result.status is PostStatus.DUPLICATE:
        return Step(outcome=hold(ctx, row, [duplicate_hold(result.document, result.message,
                                                           draft)]), stopped=True)
    # no answer, or another PC holds it: resolved by lookup on the next run
    row.last_error = result.message
    row.needs_eval = True
    ctx.note(row, f"Order {row.number}: {result.message} (checked again on the next sync, "
             "never posted twice)", "warning")
    session.commit()
    ctx.summary.pending += 1
    if result.unreachable:
        # AutoCount is not answering: stop posting this run rather than wait on every
        # order; the rest keep their place and go on the next sync
        raise AutoCountDown(
            f"AutoCount did not answer ({result.message}). Nothing was lost: the orders "
            "not yet posted go on the next sync.")
    return Step(outcome=Outcome.NEW, stopped=True)


def duplicate_hold(found: PostedDocument | None, said: str, draft: DocumentDraft) -> Hold:
    """AutoCount already has the draft's number for another reference: hold, naming both."""
    if found is None:
        return Hold(HoldCode.DUPLICATE, said, value=draft.doc_no or "")
    return messages.hold(HoldCode.DUPLICATE, "duplicate.other_ref", value=draft.doc_no or "",
                         doc_word=f"doc.{found.kind.value}", doc_no=found.doc_no,
                         ref=found.ref, ours=draft.ref)
