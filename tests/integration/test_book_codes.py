"""Master-data check before posting (issue 10 item 7): a code the AutoCount book does not have
holds the order in words naming the setting or mapping that fixes it, before anything is
posted; when the route cannot list a kind, AutoCount's own refusal is explained the same way."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ecdesk.db.models import OrderRow, SyncLog
from ecdesk.demo import configure, start_sandboxes
from ecdesk.service import Service, UsageError
from ecdesk.sync.http import HttpClient

FAST_AUTOCOUNT = {"autocount": {"rate_limit": 1_000_000}}


@pytest.fixture
def world():
    w = start_sandboxes(["woocommerce"], orders=0, options=FAST_AUTOCOUNT)
    yield w
    w.stop()


@pytest.fixture
def svc(tmp_path, world):
    s = Service(f"sqlite:///{tmp_path / 'codes.sqlite'}", http=HttpClient(sleep=lambda _: None))
    configure(s, world)
    yield s
    s.close()


def held_details(svc: Service) -> list[tuple[str, str, str]]:
    ids = [o.id for o in svc.held()]
    return [(h.code, h.value, h.detail) for hs in svc.held_holds(ids).values() for h in hs]


def invoice_posts(world) -> int:
    return sum(1 for r in world.autocount.requests
               if r.method == "POST" and r.path.lower().endswith("/invoice"))


def test_a_default_fee_item_the_book_lacks_holds_before_posting_and_names_the_setting(
        world, svc):
    woo = world.sandboxes["woocommerce"]
    world.autocount.items.pop("FEE")  # the book has no FEE item
    with_fee = woo.add_order([("TSHIRT-RED-M", 1)], rate=8, fee=("COD fee", "3.00", True))
    plain = woo.add_order([("TSHIRT-RED-M", 1)], rate=8)
    svc.sync()
    [(code, value, detail)] = held_details(svc)
    assert (code, value) == ("config", "fee_item")
    assert "Posting setting 'fee_item' is item code 'FEE', which the AutoCount book does not " \
           "have" in detail
    assert 'ecdesk store set "Demo WooCommerce" --set fee_item=CODE' in detail
    assert "ecdesk autocount items" in detail
    assert "AutoCount refused" not in detail  # found before posting, not by a refusal
    number = woo.data.orders[with_fee]["number"]
    assert world.autocount.find(f"WC-{number}") is None
    assert invoice_posts(world) == 1  # only the plain order went to AutoCount
    assert world.autocount.find(f"WC-{woo.data.orders[plain]['number']}") is not None

    svc.update_store("Demo WooCommerce", settings={"fee_item": "SHIPPING"})
    svc.sync()
    assert held_details(svc) == []
    assert world.autocount.find(f"WC-{number}") is not None


def test_an_sku_mapped_to_an_item_the_book_lacks_names_the_sku_mapping(world, svc):
    woo = world.sandboxes["woocommerce"]
    with pytest.raises(UsageError, match="The AutoCount book has no item code 'NO-SUCH-ITEM'"):
        svc.set_mapping("Demo WooCommerce", "sku", "TSHIRT-RED-M", "NO-SUCH-ITEM")  # at entry
    world.autocount.items.pop("TS-RED-M")  # deleted in AutoCount after it was mapped
    woo.add_order([("TSHIRT-RED-M", 1)], rate=8)
    svc.sync()
    [(code, value, detail)] = held_details(svc)
    assert (code, value) == ("unmapped_sku", "TSHIRT-RED-M")
    assert "mapped to item code 'TS-RED-M'" in detail and "Mapping > Items" in detail
    assert invoice_posts(world) == 0


def test_when_items_cannot_be_listed_autocounts_refusal_is_explained_once_not_doubled(
        world, svc):
    woo = world.sandboxes["woocommerce"]
    world.autocount.items.pop("FEE")
    world.autocount.reset(forbidden=[("POST", "product/listing")])
    woo.add_order([("TSHIRT-RED-M", 1)], rate=8, fee=("Gift wrap", "2.00", True))
    svc.sync()
    [(code, value, detail)] = held_details(svc)
    assert (code, value) == ("config", "fee_item")
    assert detail.count("AutoCount refused") == 1
    assert "(AutoCount said: AutoCount refused invoice WC-" in detail
    assert "ProductCode (ProductCode = FEE) not exists" in detail
    with svc.db.session() as s:
        warnings = [m for m in s.scalars(select(SyncLog.message)
                                         .where(SyncLog.level == "warning"))]
        assert [w for w in warnings if w.startswith("Item codes were not checked")]
        assert s.scalar(select(OrderRow.outcome)) == "held"


def test_tax_codes_cloud_cannot_list_are_explained_from_the_refusal(world, svc):
    woo = world.sandboxes["woocommerce"]
    svc.set_mapping("Demo WooCommerce", "tax", "8", "SV-99")
    woo.add_order([("TSHIRT-RED-M", 1)], rate=8)
    svc.sync()
    [(code, value, detail)] = held_details(svc)
    assert (code, value) == ("unmapped_tax", "8")
    assert "Tax rate 8% is mapped to tax code 'SV-99'" in detail
    assert "TaxCode (TaxCode = SV-99) not exists" in detail
