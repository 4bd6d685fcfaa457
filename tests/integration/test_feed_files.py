"""Dropped feed files that cannot be read (issue 10 item 3): a malformed JSON file, an empty
one, a CSV without a required column, one bad cell, a Latin-1 CSV. The readable orders are
saved, each bad file or row is named in a sentence, and the other stores still sync."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta

from ecdesk.demo import configure, map_demo, start_sandboxes
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient
from tests.integration.test_custom_e2e import EXCLUSIVE, holds_by_order

HEADER = ("order_id,number,status,created_at,updated_at,currency,prices_include_tax,"
          "payment_method,shipping_method,shipping_amount,tax_total,total,line_id,sku,name,"
          "quantity,unit_price,discount,tax_rate,tax\n")


def csv_row(oid: str, when: str, *, quantity: str = "2", name: str = "T-shirt") -> str:
    # 2 x 10.00, untaxed, no shipping: total 20.00
    total = "20.00" if quantity == "2" else "10.00"
    return (f"{oid},{oid},paid,{when},{when},MYR,false,fpx,,,0.00,{total},1,TSHIRT-RED-M,"
            f"{name},{quantity},10.00,0.00,,\n")


def test_bad_files_are_named_and_the_readable_orders_saved(tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    when = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    good = [{**copy.deepcopy(EXCLUSIVE), "id": f"J{i}", "number": f"J{i}",
             "created_at": when, "updated_at": when} for i in (1, 2)]
    (folder / "a-good.json").write_text(json.dumps({"orders": good}), "utf-8")
    (folder / "b-broken.json").write_text('{"orders": [{"id": "X1", ', "utf-8")
    (folder / "c-empty.csv").write_bytes(b"")
    (folder / "d-no-total.csv").write_text("order_id,status,sku,quantity\nZ1,paid,A,1\n",
                                           "utf-8")
    (folder / "e-latin1.csv").write_bytes(
        (HEADER + csv_row("L1", when, name="Caf\u00e9 mug")).encode("cp1252"))
    (folder / "f-nan.csv").write_text(
        HEADER + csv_row("N1", when) + csv_row("N2", when, quantity="nan"), "utf-8-sig")
    for junk in ("1e300", "Infinity", "-0"):
        (folder / f"g-{junk}.csv").write_text(HEADER + csv_row(f"Q{junk}", when,
                                                               quantity=junk), "utf-8")

    with start_sandboxes(["custom"], orders=5, seed_value=2,
                         options={"autocount": {"rate_limit": 10**6}}) as world:
        svc = Service(f"sqlite:///{tmp_path / 'files.sqlite'}",
                      http=HttpClient(sleep=lambda s: None))
        configure(svc, world)
        svc.add_store("A Files", "custom", "", {"path": str(folder), "doc_prefix": "FL-"})
        map_demo(svc, "A Files", "custom")
        summary = svc.sync()  # "A Files" first, then the feed store
        errors = " ".join(summary.errors)
        for words in ("File 'b-broken.json' is not valid JSON", "File 'c-empty.csv' is empty",
                      "File 'd-no-total.csv': The CSV file has no column(s) total",
                      "The other files were read"):
            assert words in errors, errors
        assert "Traceback" not in errors
        got = holds_by_order(svc)
        for oid in ("J1", "J2", "L1", "N1"):
            assert got[oid][0] == "posted", (oid, got[oid])
        for oid in ("N2", "Q1e300", "QInfinity", "Q-0"):  # kept, held with a reason
            assert got[oid][0] == "held" and got[oid][1], (oid, got[oid])
        assert "X1" not in got and "Z1" not in got  # in files that could not be read
        doc = world.autocount.find("FL-L1")
        assert doc["details"][0]["description"].startswith("Caf\u00e9")
        feed_store = [o for o in got if o not in {"J1", "J2", "L1", "N1", "N2", "Q1e300",
                                                  "QInfinity", "Q-0"}]
        assert len(feed_store) == 5  # the next store synced all its orders
        svc.close()
