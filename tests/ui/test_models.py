"""Every table model passes Qt's own model tester, with rows in it."""

from __future__ import annotations

from ecdesk.ui.models.mappings import MappingsModel
from ecdesk.ui.models.stores import StoresModel
from ecdesk.ui.models.sync_log import SyncLogModel
from tests.ui.conftest import add_held


def test_mappings_model(qtmodeltester, svc):
    svc.add_store("S", "shopify")
    svc.set_mapping("S", "sku", "A", "ITEM-A")
    svc.set_mapping("S", "payment", "cod", "CASH")
    add_held(svc, "S", 3, value="NEW-SKU")
    model = MappingsModel(svc)
    assert model.rowCount() == 3 and model.unmapped_count == 1
    qtmodeltester.check(model)
    model.set_filter("S", "sku", "")
    assert model.setData(model.index(0, 4), "ITEM-NEW")
    model.reload()


def test_stores_model(qtmodeltester, svc):
    svc.add_store("A", "shopify")
    svc.add_store("B", "lazada")
    add_held(svc, "B", 2)
    model = StoresModel(svc)
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 5)) for r in range(2)] == ["0", "2"]
    assert model.data(model.index(0, 2)) == "Never synced"


def test_sync_log_model(qtmodeltester, svc):
    svc.add_store("A", "shopify")
    add_held(svc, "A", 2)
    svc.resolve(svc.held_ids(), "keyed by hand")
    model = SyncLogModel(svc)
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    model.store = "A"
    model.reload()
