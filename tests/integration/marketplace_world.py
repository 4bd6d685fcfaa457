"""Marketplace and gateway worlds for payout and fee tests: sandboxes, a Service on its own
SQLite file, the stores configured (and synced once) with a keyring of its own, so a
module-scoped fixture does not share the suite's per-test one."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import keyring

from ecdesk.demo import DemoWorld, configure, start_sandboxes
from ecdesk.secrets import MemoryKeyring
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient


@contextmanager
def store_world(folder: Path, platforms: list[str], *, orders: int, seed: int,
                options: Mapping[str, Mapping[str, object]] | None = None,
                settings: Mapping[str, str] | None = None, name: str = "world"
                ) -> Iterator[tuple[Service, DemoWorld]]:
    """``platforms``' sandboxes with ``orders`` each (AutoCount's rate limit lifted; ``options``
    per sandbox), a Service on its own SQLite file ``<name>.sqlite`` with every store
    configured and set to ``settings``, not synced yet (a keyring of its own)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        with start_sandboxes(platforms, orders=orders, seed_value=seed, options={
                "autocount": {"rate_limit": 10**6},
                **{k: dict(v) for k, v in (options or {}).items()}}) as world:
            svc = Service(f"sqlite:///{folder / f'{name}.sqlite'}",
                          http=HttpClient(sleep=lambda s: None))
            try:
                configure(svc, world)
                for store in svc.store_names() if settings else ():
                    svc.update_store(store, settings=dict(settings))
                yield svc, world
            finally:
                svc.close()
    finally:
        keyring.set_keyring(previous)


@contextmanager
def synced_world(folder: Path, platforms: list[str], *, orders: int, seed: int,
                 settings: Mapping[str, str] | None = None,
                 close_days: Collection[date] = (), release: bool = False
                 ) -> Iterator[tuple[Service, DemoWorld]]:
    """:func:`store_world`, synced once; ``release``: the marketplaces release every payout
    first (fee notes are posted from released figures)."""
    with store_world(folder, platforms, orders=orders, seed=seed,
                     settings=settings) as (svc, world):
        for sandbox in world.sandboxes.values() if release else ():
            getattr(sandbox, "release_all", list)()
        svc.sync(close_days=close_days)
        yield svc, world
