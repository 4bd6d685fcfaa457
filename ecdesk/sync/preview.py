"""What evaluating an order would do now, without posting anything (``ecdesk preview``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ecdesk.db.models import OrderRow
from ecdesk.domain import Hold, HoldCode
from ecdesk.sync import posting, summary_post
from ecdesk.sync.connectors.base import Connector, read_order
from ecdesk.sync.evaluate import UNREADABLE
from ecdesk.sync.outbox import draft_to_json
from ecdesk.sync.store_settings import load_maps, posting_settings


def preview(session: Session, row: OrderRow, connector: Connector) -> dict[str, Any]:
    """The order's outcome, its draft or every reason it is held, and the day summary it is
    in or waits for (docs/decisions.md §9)."""
    store = row.store
    settings = posting_settings(session, store)
    out: dict[str, Any] = {"store": store.name, "order": row.number, "outcome": row.outcome}
    try:
        order = read_order(connector, row.payload)
    except UNREADABLE as exc:
        out["holds"] = [str(Hold(HoldCode.BAD_PAYLOAD, str(exc)))]
        return out
    out["disposition"] = order.disposition.value
    rules = posting.PostingRules.from_settings(
        settings, max_doc_no=int(settings.get("max_doc_no", "50")))
    built = posting.build_draft(order, load_maps(session, store.id), rules)
    holds = built if isinstance(built, list) else []
    if not holds:
        out["draft"] = draft_to_json(built)
    out["holds"] = [str(h) for h in holds]
    in_summary = summary_post.describe(session, row.id, rules)
    if in_summary is not None:  # posted as part of a day's document
        out["summary"] = in_summary
    return out
