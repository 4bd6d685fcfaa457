"""Summary posting (docs/decisions.md §9): which orders go into which summary document.

``summary_members``: one row per order and document kind in a summary. ``seq`` is None while
the order waits for its day to close; closing the day gives every waiting member of that day
the summary's sequence (0 for the day's document, 2, 3... for adjustments of a day already
posted) in one commit, before the summary's outbox intent. The key (order, kind) makes an
order part of at most one summary of a kind, whatever the mode switches.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from ecdesk.db.models import Base


class SummaryMember(Base):
    """An order in (or waiting for) a summary document of its store."""

    __tablename__ = "summary_members"
    __table_args__ = (UniqueConstraint("order_id", "doc_kind"),
                      Index("ix_summary_members_period", "store_id", "period", "seq"))
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    doc_kind: Mapped[str] = mapped_column(String(20))
    #: "day:2026-11-20" (the outbox key of its summaries)
    period: Mapped[str] = mapped_column(String(60))
    day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: its marketplace fees are on the summary's fee note (``<summary DocNo>-F``), not its own
    fees_covered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
