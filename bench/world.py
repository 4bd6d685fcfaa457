"""In-process worlds for the figures: a custom-feed store read from a dropped JSON file (the
real connector and normaliser), an in-memory AutoCount route, and bulk-stored orders."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring

from ecdesk.demo import AUTOCOUNT_DEFAULTS, map_demo
from ecdesk.domain import DocKind, DocumentDraft, PostedDocument
from ecdesk.sandbox.custom import CustomFeedSandbox
from ecdesk.secrets import MemoryKeyring
from ecdesk.service import Service
from ecdesk.sync.autocount.base import AutoCountRoute, Rejected
from ecdesk.sync.engine import EngineDeps
from ecdesk.sync.http import HttpClient

STORE = "Bench"


class MemoryRoute(AutoCountRoute):
    """AutoCount in a dict: creates and look-ups cost nothing, so the figure is ecdesk's."""

    name = "memory"
    max_doc_no = 50
    supports = frozenset(DocKind)

    def __init__(self) -> None:
        self.docs: dict[str, DocumentDraft] = {}

    def create(self, draft: DocumentDraft) -> PostedDocument:
        if draft.doc_no in self.docs:
            raise Rejected(f"DocNo {draft.doc_no} already exists.", status=400)
        self.docs[draft.doc_no] = draft
        return PostedDocument(draft.kind, draft.doc_no, draft.ref, draft.total)

    def find(self, kind: DocKind, doc_no: str) -> PostedDocument | None:
        draft = self.docs.get(doc_no)
        return None if draft is None else PostedDocument(kind, doc_no, draft.ref, draft.total)

    def find_by_ref(self, kind, ref, debtor_code, created_from, created_to):
        return None

    def test_connection(self) -> str:
        return "in memory"


@dataclass
class FeedWorld:
    service: Service
    route: MemoryRoute
    orders: int


@contextmanager
def feed_world(orders: int, folder: Path | None = None) -> Iterator[FeedWorld]:
    """A SQLite service whose one store reads ``orders`` seeded custom-feed orders from a file
    and posts to :class:`MemoryRoute`; every SKU, method and rate mapped."""
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        base = folder or Path(tmp)
        feed = CustomFeedSandbox(orders=orders, seed=7).write_json(base / "feed.json")
        route = MemoryRoute()
        deps = EngineDeps(http=HttpClient(), credentials=lambda scope: {},
                          make_route=lambda cfg: route)
        svc = Service(f"sqlite:///{base / 'bench.sqlite'}", engine_deps=deps)
        svc.set_autocount("cloud", "http://127.0.0.1:9", "1", dict(AUTOCOUNT_DEFAULTS))
        svc.add_store(STORE, "custom", "", {"path": str(feed), "doc_prefix": "BN-"})
        map_demo(svc, STORE, "custom")
        try:
            yield FeedWorld(svc, route, orders)
        finally:
            svc.close()


def store_orders(svc: Service, rows: int, outcome: str = "held") -> None:
    """``rows`` orders of one store straight into the tables (the shape the grid reads)."""
    from ecdesk.db.models import HoldRow, OrderRow

    store = svc.add_store("Stored", "shopify", "http://127.0.0.1:1")
    now = datetime(2026, 11, 1, tzinfo=UTC)
    with svc.db.session() as s:
        for start in range(1, rows + 1, 20_000):
            ids = range(start, min(rows, start + 19_999) + 1)
            s.bulk_insert_mappings(OrderRow, [
                {"id": i, "store_id": store.id, "external_id": str(i), "number": str(i),
                 "payload": {"id": i, "note": "x" * 200}, "outcome": outcome, "currency": "MYR",
                 "ordered_at": now - timedelta(minutes=i),
                 "reason_summary": f"SKU 'SKU-{i % 500}' has no AutoCount item"}
                for i in ids])
            if outcome == "held":
                s.bulk_insert_mappings(HoldRow, [
                    {"order_id": i, "code": "unmapped_sku" if i % 3 else "unmapped_shipping",
                     "detail": "SKU has no AutoCount item", "value": f"SKU-{i % 500}"}
                    for i in ids])
        s.commit()
