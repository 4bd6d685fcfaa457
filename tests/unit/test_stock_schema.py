"""The stock tables exist after migrating, with the unique keys that make a push or a
shipment impossible to record twice."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError

from ecdesk.db import Database
from ecdesk.db.models import Store
from ecdesk.db.stock_models import StockCount, StockListing


def test_listing_unique_per_store_and_sku_and_counts_keep_decimals(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 's.sqlite'}")
    with db.session() as s:
        store = Store(name="S", platform="shopify", settings={})
        s.add(store)
        s.flush()
        s.add(StockCount(item_code="A", location="", qty=Decimal("2.50"),
                         counted_at=datetime(2026, 11, 12, 2, 5, tzinfo=UTC)))
        s.add(StockListing(store_id=store.id, sku="X", ids={"variant": 1}))
        s.commit()
        assert s.query(StockCount).one().qty == Decimal("2.50")
        s.add(StockListing(store_id=store.id, sku="X", ids={}))
        with pytest.raises(IntegrityError):
            s.commit()
    db.dispose()
