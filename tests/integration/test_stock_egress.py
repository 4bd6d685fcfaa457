"""Stock and tracking egress end to end: four store sandboxes, the AutoCount sandbox, the
service and the command line (issue 13 acceptance)."""

from __future__ import annotations

import csv
from decimal import Decimal

import keyring
import pytest
from sqlalchemy import select

from ecdesk.cli import run
from ecdesk.db.models import Mapping, OrderLineRow, OrderRow, Store
from ecdesk.db.stock_models import Shipment, StockCount, StockPush
from ecdesk.demo import configure, start_sandboxes
from ecdesk.sandbox.seed import catalog
from ecdesk.secrets import MemoryKeyring
from ecdesk.service import Service, UsageError
from ecdesk.sync.http import HttpClient

PLATFORMS = ("shopify", "woocommerce", "shopee", "lazada")
COUNT = 100


@pytest.fixture
def world(tmp_path):
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    w = start_sandboxes(PLATFORMS, orders=16, options={"autocount": {"rate_limit": 10**6}})
    url = f"sqlite:///{tmp_path / 'e.sqlite'}"
    svc = Service(url, http=HttpClient(sleep=lambda s: None))
    names = dict(zip(w.stores(), configure(svc, w), strict=True))
    for name in names.values():
        svc.update_store(name, settings={"push_stock": "yes"})
    svc.sync()
    yield w, svc, names, url
    svc.close()
    w.stop()


def write_count(path, qty=COUNT, rows=None):
    with path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["ItemCode", "Location", "Qty"])
        for row in rows or [(c["item_code"], "", qty) for c in catalog()]:
            out.writerow(row)
    return path


def expected_quantities(svc, counted=COUNT):
    """Per item code: the count minus every store's received-not-posted quantities, minus
    what documents posted after the count took (worked out here from the raw tables)."""
    with svc.db.session() as s:
        counted_at = {c.item_code: c.counted_at for c in s.scalars(select(StockCount))}
        maps = {(m.store_id, m.key): m.value for m in s.scalars(
            select(Mapping).where(Mapping.kind == "sku"))}
        out = {code: Decimal(counted) for code in counted_at}
        for order, line in s.execute(select(OrderRow, OrderLineRow).join(
                OrderLineRow, OrderLineRow.order_id == OrderRow.id)):
            code = maps.get((order.store_id, line.sku))
            if code not in out:
                continue
            if order.outcome in ("held", "waiting", "new"):
                out[code] -= line.quantity
        from ecdesk.db.models import OutboxEntry

        for e in s.scalars(select(OutboxEntry).where(OutboxEntry.state == "confirmed")):
            for ln in e.draft["lines"]:
                code = ln["product_code"]
                if code in out and e.confirmed_at > counted_at[code]:
                    sign = 1 if e.doc_kind == "credit_note" else -1
                    out[code] += sign * Decimal(ln["qty"])
    return {code: max(0, int(q)) for code, q in out.items()}


def store_quantities(w):
    sku_item = {c["sku"]: c["item_code"] for c in catalog()}
    return {platform: {sku_item[sku]: x.stock for sku, x in sb.catalogue.listings.items()
                       if sku in sku_item} for platform, sb in w.stores().items()}


def writes(w):
    return {p: sum(sb.catalogue.writes.values()) for p, sb in w.stores().items()}


def test_push_sends_the_rule_to_every_store_and_a_second_push_writes_nothing(world, tmp_path):
    w, svc, names, _url = world
    result = svc.stock.import_counts(write_count(tmp_path / "count.csv"))
    assert result["items"] == len(catalog())
    summaries = svc.stock.push()
    assert all(s.ok for s in summaries), [s.line() for s in summaries]
    want = expected_quantities(svc)
    assert any(q < COUNT for q in want.values())  # unposted orders reserve something
    for platform, got in store_quantities(w).items():
        assert got == want, platform
    for sb in w.stores().values():
        sb.catalogue.reset_counts()
    again = svc.stock.push()
    assert writes(w) == dict.fromkeys(PLATFORMS, 0)
    assert all(s.pushed == 0 and s.unchanged == len(catalog()) for s in again)


def test_a_sale_on_one_store_lowers_what_every_other_store_shows(world, tmp_path):
    w, svc, names, _url = world
    svc.stock.import_counts(write_count(tmp_path / "count.csv"))
    svc.stock.push()
    before = store_quantities(w)
    woo = w.sandboxes["woocommerce"]
    woo.add_order([("HOODIE-GRY-M", 3)], status="on-hold")  # received, waiting: reserved
    woo.add_order([("MUG-WHT-350", 2)], status="processing")  # posted: AutoCount moves it
    svc.sync(names["woocommerce"])
    svc.stock.push()
    after = store_quantities(w)
    item = {c["sku"]: c["item_code"] for c in catalog()}
    for platform in PLATFORMS:
        assert after[platform][item["HOODIE-GRY-M"]] == before[platform][item["HOODIE-GRY-M"]] - 3
        assert after[platform][item["MUG-WHT-350"]] == before[platform][item["MUG-WHT-350"]] - 2
    assert expected_quantities(svc) == after["shopify"]


def test_dry_run_writes_nothing_anywhere(world, tmp_path):
    w, svc, names, url = world
    svc.stock.import_counts(write_count(tmp_path / "count.csv"))
    for sb in w.stores().values():
        sb.catalogue.reset_counts()
        sb.requests.clear()
    summaries = svc.stock.push(dry_run=True)
    assert all(len(s.would_push) == len(catalog()) for s in summaries)
    assert writes(w) == dict.fromkeys(PLATFORMS, 0)
    assert all(not sb.requests for sb in w.stores().values())
    with svc.db.session() as s:
        assert s.scalar(select(StockPush.id).limit(1)) is None
    assert run(["--db", url, "stock", "push", "--dry-run"]) == 0
    assert writes(w) == dict.fromkeys(PLATFORMS, 0)


def test_a_failed_push_is_shown_and_retried_while_the_others_go(world, tmp_path):
    w, svc, names, _url = world
    svc.stock.import_counts(write_count(tmp_path / "count.csv"))
    lazada = w.sandboxes["lazada"]
    lazada.refuse["MUG-WHT-350"] = "Item is in a locked campaign."
    summaries = {s.store: s for s in svc.stock.push()}
    assert summaries[names["lazada"]].failed == 1
    assert summaries[names["lazada"]].pushed == len(catalog()) - 1
    assert all(s.failed == 0 for n, s in summaries.items() if n != names["lazada"])
    rows = svc.stock.rows()
    assert rows[0].failed and rows[0].sku == "MUG-WHT-350" and "locked campaign" in rows[0].message
    assert not any(r.failed for r in rows[1:])
    lazada.refuse.clear()
    lazada.catalogue.reset_counts()
    retry = {s.store: s for s in svc.stock.push()}
    assert retry[names["lazada"]].pushed == 1 and lazada.catalogue.written[
        "/product/stock/sellable/update"] == 1
    assert not any(r.failed for r in svc.stock.rows())
    with svc.db.session() as s:
        results = [p.result for p in s.scalars(
            select(StockPush).where(StockPush.sku == "MUG-WHT-350").order_by(StockPush.id))]
    assert results.count("failed") == 1 and results[-1] == "ok"


def test_sku_no_listing_carries_is_reported_not_guessed(world, tmp_path):
    w, svc, names, _url = world
    svc.stock.import_counts(write_count(tmp_path / "count.csv"))
    svc.set_mapping(names["shopee"], "sku", "NOT-LISTED-ANYWHERE", catalog()[8]["item_code"])
    summary = {s.store: s for s in svc.stock.push(names["shopee"])}[names["shopee"]]
    assert summary.unlisted == ["NOT-LISTED-ANYWHERE"]
    row = next(r for r in svc.stock.rows(names["shopee"]) if r.sku == "NOT-LISTED-ANYWHERE")
    assert row.failed and "No listing" in row.message


def test_tracking_reaches_every_platform_through_ship(world):
    w, svc, names, url = world
    with svc.db.session() as s:
        picks = {}
        for platform, name in names.items():
            store = s.scalar(select(Store).where(Store.name == name))
            orders = s.scalars(select(OrderRow).where(OrderRow.store_id == store.id,
                                                      OrderRow.outcome == "posted"))
            for o in orders:
                payload = o.payload
                if platform == "shopee" and payload["order"]["order_status"] != "READY_TO_SHIP":
                    continue
                if platform == "lazada" and any(it["status"] != "pending"
                                                for it in payload["items"]):
                    continue
                if platform == "woocommerce" and payload.get("status") != "processing":
                    continue
                if platform == "shopify" and payload.get("displayFulfillmentStatus") != \
                        "UNFULFILLED":
                    continue
                picks[platform] = (name, o.number, o.external_id)
                break
    assert set(picks) == set(PLATFORMS)
    for platform, (name, number, _ext) in picks.items():
        code = run(["--db", url, "ship", f"{name}:{number}", "--carrier", "J&T Express",
                    "--tracking", f"JT{platform.upper()}1"])
        assert code == 0
    svc.stock.egress()
    with svc.db.session() as s:
        states = {r.order_id: (r.state, r.tracking, r.message) for r in s.scalars(select(Shipment))}
    assert all(state == "pushed" for state, _t, _m in states.values()), states
    sh = w.sandboxes["shopify"]
    assert sh.fulfillments[int(picks["shopify"][2])][0]["trackingInfo"][0]["number"] == \
        "JTSHOPIFY1"
    woo = w.sandboxes["woocommerce"]
    assert "JTWOOCOMMERCE1" in woo.notes[int(picks["woocommerce"][2])][-1]["note"]
    shopee = w.sandboxes["shopee"].shipped[picks["shopee"][2]]
    lazada = [p for p in w.sandboxes["lazada"].packages.values()
              if p["order_id"] == picks["lazada"][2]]
    assert shopee["tracking_number"] and lazada and lazada[0]["rts"]


def test_bad_input_exits_2_with_a_sentence_and_changes_nothing(world, tmp_path, capsys):
    w, svc, names, url = world
    bad = tmp_path / "bad.csv"
    bad.write_text("ItemCode,Qty\nTS-RED-S,5\nTS-RED-M,many\n")
    assert run(["--db", url, "stock", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "row 3" in err and "'many'" in err and "not a number" in err
    no_columns = tmp_path / "x.csv"
    no_columns.write_text("Code,Quantity\nA,1\n")
    assert run(["--db", url, "stock", "import", str(no_columns)]) == 2
    assert "no column ItemCode, Qty" in capsys.readouterr().err
    assert run(["--db", url, "ship", f"{names['shopify']}:999999", "--carrier", "X",
                "--tracking", "T1"]) == 2
    assert "No order 999999" in capsys.readouterr().err
    with svc.db.session() as s:
        assert s.scalar(select(StockCount.id).limit(1)) is None
        assert s.scalar(select(Shipment.id).limit(1)) is None
    with pytest.raises(UsageError):
        svc.stock.ship(f"{names['shopify']}:999999", "X", "T1")


def test_stock_show_json_lines_and_count_status(world, tmp_path, capsys):
    import json

    w, svc, names, url = world
    svc.stock.import_counts(write_count(tmp_path / "count.csv"))
    assert run(["--db", url, "stock", "show", "--store", names["shopify"], "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(catalog())
    assert set(rows[0]) == {"store", "sku", "item_code", "balance", "reserved", "to_push",
                            "last_pushed"}
    assert svc.stock.count_status().startswith("Stock counted ")


def test_many_skus_with_50_changed_push_exactly_those_in_the_fewest_calls(world, tmp_path):
    import math
    import random

    w, svc, names, _url = world
    skus = [f"MANY-{i:04d}" for i in range(1000)]
    layout = {"shopify": 5, "woocommerce": 20, "shopee": 10, "lazada": 4}
    for platform, sb in w.stores().items():
        sb.catalogue.add(skus, per_parent=layout[platform])
    with svc.db.session() as s:
        for store in s.scalars(select(Store)):
            s.bulk_insert_mappings(Mapping, [{"store_id": store.id, "kind": "sku", "key": k,
                                              "value": f"MI-{k}", "uom": ""} for k in skus])
        s.commit()
    rng = random.Random(5)
    qty = {f"MI-{k}": rng.randint(1, 300) for k in skus}
    rows = [(code, "", q) for code, q in qty.items()]
    svc.stock.import_counts(write_count(tmp_path / "c1.csv", rows=rows))
    svc.stock.push()
    changed = rng.sample(skus, 50)
    for k in changed:
        qty[f"MI-{k}"] += 3
    svc.stock.import_counts(write_count(tmp_path / "c2.csv", rows=[(c, "", q) for c, q in
                                                                   qty.items()]))
    for sb in w.stores().values():
        sb.catalogue.reset_counts()
    summaries = svc.stock.push()
    assert all(s.pushed == 50 and s.failed == 0 for s in summaries)
    batch = {"shopify": 250, "woocommerce": 100, "shopee": 50, "lazada": 50}
    for platform, sb in w.stores().items():
        assert sum(sb.catalogue.written.values()) == 50, platform
        assert all(sb.catalogue.stock(k) == qty[f"MI-{k}"] for k in changed)
        if platform in ("shopify", "lazada"):
            least = math.ceil(50 / batch[platform])
        else:  # WooCommerce: one call per variable parent; Shopee: one per item
            groups: dict[object, int] = {}
            for k in changed:
                x = sb.catalogue.listings[k]
                key = "simple" if platform == "woocommerce" and x.simple else x.parent_id
                groups[key] = groups.get(key, 0) + 1
            least = sum(math.ceil(n / batch[platform]) for n in groups.values())
        assert sum(sb.catalogue.writes.values()) == least, platform
