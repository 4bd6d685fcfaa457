"""Reading what a run needs from the database: settings, the AutoCount connection, a store's
maps and connector configuration; and marking held orders for another look."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ecdesk.db.models import Mapping, OrderRow, Setting, Store
from ecdesk.db.stock_models import BundleComponent
from ecdesk.domain import Outcome
from ecdesk.sync import matching
from ecdesk.sync.autocount.base import AutoCountConfig
from ecdesk.sync.books import MAIN, book_name, settings_prefix, store_book
from ecdesk.sync.connectors.base import ConfigError, StoreConfig


def get_settings(session: Session, prefix: str) -> dict[str, str]:
    rows = session.scalars(select(Setting).where(Setting.key.like(prefix + "%")))
    return {row.key[len(prefix):]: row.value for row in rows}


def posting_settings(session: Session, store: Store) -> dict[str, str]:
    """The posting defaults of the store's AutoCount book with the store's own settings
    over them."""
    return {**get_settings(session, settings_prefix(store_book(store))),
            **(store.settings or {})}


def autocount_config(session: Session, book: str = MAIN) -> AutoCountConfig:
    """The connection to ``book`` (the main book by default, :mod:`ecdesk.sync.books`)."""
    values = get_settings(session, settings_prefix(book))
    values.pop("name", None)
    route = values.pop("route", "")
    url = values.pop("url", "")
    book_id = values.pop("book", "")
    if not route or (route == "cloud" and not (url and book_id)):
        which = "" if book == MAIN else f" --company \"{book_name(session, book)}\""
        raise ConfigError(
            f"AutoCount{'' if book == MAIN else ' for ' + book_name(session, book)} is not "
            "set up yet. Set the connection in Integration > AutoCount (or `ecdesk autocount "
            f"set{which} --route cloud --url URL --book ID`)."
        )
    owner = "autocount" if book == MAIN else f'"autocount:{book_name(session, book)}"'
    return AutoCountConfig(route=route, url=url, book=book_id, settings=values, owner=owner)


def load_maps(session: Session, store_id: int) -> matching.Maps:
    maps = matching.Maps()
    for row in session.scalars(select(Mapping).where(Mapping.store_id == store_id)):
        if row.kind == "sku":
            maps.items[row.key] = matching.ItemMap(row.value, row.uom)
        elif row.kind == "shipping":
            maps.shipping[row.key] = row.value
        elif row.kind == "payment":
            maps.payment[row.key] = row.value
        elif row.kind == "tax":
            maps.tax[row.key] = row.value
    for part in session.scalars(select(BundleComponent)
                                .where(BundleComponent.store_id == store_id)
                                .order_by(BundleComponent.id)):
        maps.bundles.setdefault(part.bundle_sku, {})[part.item_code] = part.qty
    return maps


def mark_for_review(session: Session, store_id: int | None = None) -> None:
    """A mapping or setting changed: held orders (of one store, or all) are evaluated again
    on the next sync, so a fix takes effect without a manual Retry."""
    q = update(OrderRow).where(OrderRow.outcome == Outcome.HELD.value)
    if store_id is not None:
        q = q.where(OrderRow.store_id == store_id)
    session.execute(q.values(needs_eval=True).execution_options(synchronize_session=False))


def store_config(store: Store) -> StoreConfig:
    return StoreConfig(id=store.id, name=store.name, platform=store.platform, url=store.url,
                       settings=dict(store.settings or {}))
