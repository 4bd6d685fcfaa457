"""AutoCount Cloud has no stock balance (issue 13): the clerk's count is moved by ecdesk's own
documents AND by the book's other stock-moving documents, read from the listings by
``lastModifiedDate``: a counter sale, a goods-return credit note, a stock adjustment. Nothing
is counted twice, however often the book is read."""

from __future__ import annotations

import csv
import time
from decimal import Decimal

from sqlalchemy import select

from ecdesk.db.stock_models import StockMove
from ecdesk.demo import configure, start_sandboxes
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient

D = Decimal


def counter_sale(sandbox, doc_no: str, qty: int, doc_type: str = "invoice") -> None:
    """A document a clerk keyed in AutoCount itself (not through ecdesk)."""
    sandbox.add_document({"master": {
        "docNo": doc_no, "docDate": "2026-11-20", "debtorCode": "300-C001",
        "debtorName": "Walk-in", "creditTerm": "C.O.D.", "salesLocation": "HQ"},
        "details": [{"productCode": "TS-RED-M", "qty": qty, "unitPrice": D("39.90"),
                     "accNo": "500-1000"}]}, doc_type)


def balance(svc, code: str = "TS-RED-M") -> tuple[Decimal, int]:
    from ecdesk.sync.egress.ledger import balances

    with svc.db.session() as s:
        item = balances(s)[code]
        return item.balance, item.documents


def test_the_books_own_documents_move_the_count_once(tmp_path):
    later = [time.time() + 5]  # the book's clock runs after the count: whole seconds apart
    with start_sandboxes(["custom"], orders=0, clock=lambda: later[0],
                         options={"autocount": {"rate_limit": 10**6}}) as world:
        svc = Service(f"sqlite:///{tmp_path / 'moves.sqlite'}",
                      http=HttpClient(sleep=lambda s: None))
        configure(svc, world)
        count = tmp_path / "count.csv"
        with count.open("w", newline="") as fh:
            csv.writer(fh).writerows([["ItemCode", "Location", "Qty"], ["TS-RED-M", "HQ", 100],
                                      ["CAP-BLK", "HQ", 40]])
        svc.stock.import_counts(count)
        ac = world.autocount
        counter_sale(ac, "CS-0001", 3)                      # out 3
        counter_sale(ac, "CN-0001", 1, "creditNote")        # a return: in 1
        ac.add_adjustment("TS-RED-M", 10, "HQ", "Found in the back room")  # in 10
        ac.add_adjustment("CAP-BLK", -2, "HQ", "Damaged")   # out 2

        with svc.db.session() as s:
            assert svc.stock.refresh_from_route(s)
        assert balance(svc) == (D(108), 3)
        assert balance(svc, "CAP-BLK") == (D(38), 1)
        assert "moved by 3 documents since" in svc.stock.count_status()  # the most of one item

        with svc.db.session() as s:  # read again (and overlapping): the same figures
            assert svc.stock.refresh_from_route(s)
            assert len(list(s.scalars(select(StockMove)))) == 4
        assert balance(svc) == (D(108), 3)

        # ecdesk's own invoice moves the count through its outbox, never also as a book move
        feed = world.sandboxes["custom"]
        from tests.integration.test_custom_e2e import EXCLUSIVE  # 2 x TSHIRT-RED-M

        stamp = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(later[0] - 3600))
        feed.add_order({**EXCLUSIVE, "created_at": stamp, "updated_at": stamp})
        later[0] += 5
        assert svc.sync().posted == 1
        with svc.db.session() as s:
            assert svc.stock.refresh_from_route(s)
        assert balance(svc) == (D(106), 4)
        assert {m.doc_no for m in svc.db.session().scalars(select(StockMove))} == {
            "CS-0001", "CN-0001", "SA-000001", "SA-000002"}
        svc.close()
