"""Each platform's pusher against its sandbox over loopback: listing ids by SKU, stock in the
platform's batch calls within its limits, per-SKU refusals that leave the others applied,
and tracking the way each platform takes it."""

from __future__ import annotations

import math

import pytest

from ecdesk.demo import configure, start_sandboxes
from ecdesk.service import Service
from ecdesk.sync.egress import pusher_class
from ecdesk.sync.egress.base import Shipment, StockChange
from ecdesk.sync.egress.transport import client_of
from ecdesk.sync.http import HttpClient

PLATFORMS = ("shopify", "woocommerce", "shopee", "lazada")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    import keyring

    from ecdesk.secrets import MemoryKeyring

    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    w = start_sandboxes(PLATFORMS, orders=30, options={"autocount": {"rate_limit": 10**6}})
    svc = Service(f"sqlite:///{tmp_path_factory.mktemp('push') / 'p.sqlite'}",
                  http=HttpClient(sleep=lambda s: None))
    names = dict(zip(w.stores(), configure(svc, w), strict=True))
    yield w, svc, names, kr
    svc.close()
    w.stop()


@pytest.fixture(autouse=True)
def world_keyring(world, memory_keyring):
    """The module's world keeps its keyring across tests (conftest gives each an empty one)."""
    import keyring

    keyring.set_keyring(world[3])


def pusher_for(world, platform):
    w, svc, names, _kr = world
    with svc.db.session() as s:
        from ecdesk.db.models import Store

        store = s.query(Store).filter_by(name=names[platform]).one()
        connector = svc.engine.connector(store)
        settings = dict(store.settings)
    return w.sandboxes[platform], pusher_class(platform)(client_of(connector), store.name,
                                                         settings)


def minimum_calls(sandbox, platform, skus):
    """Fewest write calls the platform allows for these SKUs, from the sandbox's layout."""
    listings = [sandbox.catalogue.listings[s] for s in skus]
    if platform == "shopify":
        return math.ceil(len(listings) / 250)
    if platform == "lazada":
        return math.ceil(len(listings) / 50)
    groups: dict[object, int] = {}
    for x in listings:
        key = "simple" if (platform == "woocommerce" and x.simple) else x.parent_id
        groups[key] = groups.get(key, 0) + 1
    per = 100 if platform == "woocommerce" else 50
    return sum(math.ceil(n / per) for n in groups.values())


@pytest.mark.parametrize("platform", PLATFORMS)
def test_listings_found_by_sku_and_unknown_sku_reported(world, platform):
    sb, pusher = pusher_for(world, platform)
    skus = sorted(sb.catalogue.listings)[:5] + ["NOBODY-SELLS-THIS"]
    found = pusher.find_listings(skus)
    assert set(found) == set(skus) - {"NOBODY-SELLS-THIS"}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_many_skus_go_in_fewest_batch_calls_and_one_refusal_leaves_the_rest(world, platform):
    sb, pusher = pusher_for(world, platform)
    fresh = [f"BENCH-{platform[:2].upper()}-{i:04d}" for i in range(620)]
    sb.catalogue.add(fresh[:300], per_parent=1)
    sb.catalogue.add(fresh[300:], per_parent=40)  # variations / models under 8 parents
    ids = pusher.find_listings(fresh)
    assert set(ids) == set(fresh)
    sb.catalogue.reset_counts()
    changes = [StockChange(sku, 7 + i % 5, ids[sku]) for i, sku in enumerate(fresh)]
    results = pusher.push(changes)
    assert [r for r in results if not r.ok] == [] and len(results) == len(fresh)
    assert sum(sb.catalogue.writes.values()) == minimum_calls(sb, platform, fresh)
    assert all(sb.catalogue.stock(c.sku) == c.qty for c in changes)

    refused = fresh[301]
    sb.refuse[refused] = "Item is in a locked campaign."  # Shopify: all or nothing per call
    again = [StockChange(c.sku, c.qty + 1, c.ids) for c in changes[300:320]]
    results = {r.sku: r for r in pusher.push(again)}
    assert not results[refused].ok and "refused" in results[refused].message
    assert all(results[c.sku].ok for c in again if c.sku != refused)
    assert sb.catalogue.stock(refused) == changes[301].qty  # unchanged
    assert all(sb.catalogue.stock(c.sku) == c.qty for c in again if c.sku != refused)


def _open_order(sb, platform):
    if platform == "shopify":
        o = next(o for o in sb.orders if not o.fulfilled and not o.cancelled_at and o.lines)
        return str(o.id), o.name, {}
    if platform == "woocommerce":
        oid = next(i for i, o in sb.data.orders.items() if o["status"] == "processing")
        return str(oid), str(oid), {}
    if platform == "shopee":
        o = next(o for o in sb.orders.values() if o.detail["order_status"] == "READY_TO_SHIP"
                 and o.detail["shipping_carrier"] == "SPX Express")
        return o.detail["order_sn"], o.detail["order_sn"], {}
    o = next(o for o in sb.orders.values() if all(it["status"] == "pending" for it in o.items))
    return str(o.order["order_id"]), str(o.order["order_number"]), {"items": o.items}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_tracking_reaches_the_platform(world, platform):
    sb, pusher = pusher_for(world, platform)
    external, number, payload = _open_order(sb, platform)
    result = pusher.ship(Shipment(external, number, "J&T Express", "JT0001234567", payload))
    assert result.ok, result.message
    if platform == "shopify":
        [row] = sb.fulfillments[int(external)]
        assert row["trackingInfo"][0] == {"company": "J&T Express", "number": "JT0001234567",
                                          "url": None}
    elif platform == "woocommerce":
        assert "JT0001234567" in sb.notes[int(external)][-1]["note"]
        assert sb.data.orders[int(external)]["status"] == "completed"
    elif platform == "shopee":  # SPX assigns its own number: arranged and read back
        assert sb.shipped[external]["mode"] == "pickup"
        assert result.tracking == sb.shipped[external]["tracking_number"] != "JT0001234567"
        assert sb.orders[external].detail["order_status"] == "PROCESSED"
    else:  # Lazada assigns the number at pack; the package is then ready to ship
        pkg = next(p for p in sb.packages.values() if p["order_id"] == external)
        assert pkg["rts"] and result.tracking == pkg["tracking_number"]
        assert {it["status"] for it in sb.orders[external].items} == {"ready_to_ship"}
        assert not any(r.path.endswith(("/order/pack", "/order/rts")) for r in sb.requests)


def test_shopee_seller_arranged_channel_takes_the_clerks_number(world):
    sb, pusher = pusher_for(world, "shopee")
    o = next(o for o in sb.orders.values() if o.detail["order_status"] == "READY_TO_SHIP"
             and o.detail["shipping_carrier"] == "J&T Express")
    sn = o.detail["order_sn"]
    result = pusher.ship(Shipment(sn, sn, "J&T Express", "JT77", {}))
    assert result.ok and result.tracking == "JT77"
    assert sb.shipped[sn] == {"mode": "non_integrated", "tracking_number": "JT77"}


def test_shopify_input_array_over_250_is_refused_by_the_sandbox(world):
    sb, pusher = pusher_for(world, "shopify")
    skus = [f"WIDE-{i:03d}" for i in range(251)]
    sb.catalogue.add(skus)
    ids = pusher.find_listings(skus)
    pusher_batches = pusher.batches([StockChange(s, 1, ids[s]) for s in skus])
    assert [len(b) for b in pusher_batches] == [250, 1]
    from ecdesk.sync.http import ApiError

    with pytest.raises(ApiError, match="maximum allowed of 250"):
        pusher._set([StockChange(s, 1, ids[s]) for s in skus])
