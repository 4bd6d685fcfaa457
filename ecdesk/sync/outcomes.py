"""Recording an order's outcome: posted, held (with its reasons), waiting or ignored.

Each write commits with the order's own sync-log line, so what the clerk reads always
matches what the order shows.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update

from ecdesk.db.models import HoldRow, OrderRow, SyncLog
from ecdesk.domain import Hold, HoldCode, Outcome
from ecdesk.sync.run import RunContext


def hold(ctx: RunContext, row: OrderRow, holds: list[Hold]) -> Outcome:
    """Hold the order with every reason (replacing the old ones), logged and committed."""
    session = ctx.session
    # the order row's lock queues another PC holding the same order (PostgreSQL would
    # otherwise let both delete the old reasons and both insert; SQLite queues anyway)
    session.execute(select(OrderRow.id).where(OrderRow.id == row.id).with_for_update())
    session.execute(delete(HoldRow).where(HoldRow.order_id == row.id))
    ctx.no_holds.discard(row.id)
    for h in holds:
        session.add(HoldRow(order_id=row.id, code=h.code.value, detail=h.detail, value=h.value,
                            message=h.key, params=dict(h.params)))
    row.reason_summary = "; ".join(str(h) for h in holds)[:2000]
    ctx.note(row, f"Order {row.number} held: {row.reason_summary}", "warning")
    return settle(ctx, row, Outcome.HELD, keep_holds=True)


def hold_unreadable(ctx: RunContext, order_id: int, detail: str) -> Outcome:
    """Hold an order whose stored row cannot even be loaded, by id alone (no ORM load)."""
    session = ctx.session
    session.rollback()
    summary = str(Hold(HoldCode.BAD_PAYLOAD, detail))[:2000]
    session.execute(delete(HoldRow).where(HoldRow.order_id == order_id))
    ctx.no_holds.discard(order_id)
    session.execute(insert(HoldRow).values(order_id=order_id, code=HoldCode.BAD_PAYLOAD.value,
                                           detail=detail, value=""))
    session.execute(update(OrderRow).where(OrderRow.id == order_id).values(
        outcome=Outcome.HELD.value, needs_eval=False, reason_summary=summary,
        evaluated_at=ctx.clock()))
    store_id = session.scalar(select(OrderRow.store_id).where(OrderRow.id == order_id))
    session.add(SyncLog(run_id=ctx.run_id, store_id=store_id, order_id=order_id,
                        at=ctx.clock(), level="warning",
                        message=f"Order id {order_id} held: {summary}"))
    session.commit()
    return Outcome.HELD


def settle(ctx: RunContext, row: OrderRow, outcome: Outcome, note: str = "", *,
           keep_holds: bool = False) -> Outcome:
    """Give the order its outcome (clearing old reasons unless ``keep_holds``), committed."""
    if not keep_holds:
        if row.id in ctx.no_holds:  # read with its chunk: nothing to delete
            ctx.no_holds.discard(row.id)
        else:
            ctx.session.execute(delete(HoldRow).where(HoldRow.order_id == row.id))
        row.reason_summary = note
    row.outcome = outcome.value
    row.needs_eval = False
    row.evaluated_at = ctx.clock()
    ctx.session.commit()
    return outcome


COUNTED = {Outcome.HELD: "held", Outcome.WAITING: "waiting", Outcome.IGNORED: "ignored"}


def count(ctx: RunContext, order_id: int, outcome: Outcome | None) -> None:
    """Add the order's outcome to the run's counts, in place of what the run counted for it
    before (an order waits for its day's summary, then is posted with it in the same run).
    Posted documents are counted when created, pending ones when left."""
    summary = ctx.summary
    before = ctx.counted.pop(order_id, None)
    if before in COUNTED:
        setattr(summary, COUNTED[before], getattr(summary, COUNTED[before]) - 1)
    if outcome in COUNTED:
        setattr(summary, COUNTED[outcome], getattr(summary, COUNTED[outcome]) + 1)
        ctx.counted[order_id] = outcome
