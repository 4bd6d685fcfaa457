"""Stock push: 10,000 SKUs on each of four store sandboxes, 50 of them changed since the last
push. Prints the write calls made against the theoretical minimum the platforms' batch limits
allow (goal 1.0) and the push's wall time; one line per figure: name, value, unit, goal."""

from __future__ import annotations

import csv
import math
import random
import tempfile
import time
from pathlib import Path

import keyring

from ecdesk.db.models import Mapping, Store
from ecdesk.demo import configure, start_sandboxes
from ecdesk.secrets import MemoryKeyring
from ecdesk.service import Service

PLATFORMS = ("shopify", "woocommerce", "shopee", "lazada")
SKUS = 10_000
CHANGED = 50
PER_PARENT = {"shopify": 5, "woocommerce": 20, "shopee": 10, "lazada": 4}
BATCH = {"shopify": 250, "woocommerce": 100, "shopee": 50, "lazada": 50}


def minimum_calls(platform: str, sandbox, skus: list[str]) -> int:
    """Fewest write calls for ``skus``, worked out from the sandbox's own layout."""
    if platform in ("shopify", "lazada"):
        return math.ceil(len(skus) / BATCH[platform])
    groups: dict[object, int] = {}
    for sku in skus:
        x = sandbox.catalogue.listings[sku]
        key = "simple" if platform == "woocommerce" and x.simple else x.parent_id
        groups[key] = groups.get(key, 0) + 1
    return sum(math.ceil(n / BATCH[platform]) for n in groups.values())


def write_count(path: Path, qty: dict[str, int]) -> Path:
    with path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["ItemCode", "Qty"])
        out.writerows(sorted(qty.items()))
    return path


def figure(name: str, value: float, unit: str, goal: str) -> None:
    print(f"{name}\t{value:.2f}\t{unit}\t{goal}", flush=True)


def main() -> None:
    keyring.set_keyring(MemoryKeyring())
    rng = random.Random(13)
    skus = [f"BENCH-{i:05d}" for i in range(SKUS)]
    items = {sku: f"BI-{i:05d}" for i, sku in enumerate(skus)}
    with tempfile.TemporaryDirectory() as tmp, start_sandboxes(
            PLATFORMS, orders=0, options={"autocount": {"rate_limit": 10**9}}) as world:
        for platform, sb in world.stores().items():
            sb.catalogue.add(skus, per_parent=PER_PARENT[platform])
        svc = Service(f"sqlite:///{Path(tmp) / 'stock.sqlite'}")
        names = configure(svc, world, map_all=False)
        with svc.db.session() as s:
            for store in s.query(Store).all():
                store.settings = {**store.settings, "push_stock": "yes"}
                s.bulk_insert_mappings(Mapping, [
                    {"store_id": store.id, "kind": "sku", "key": sku, "value": code,
                     "uom": ""} for sku, code in items.items()])
            s.commit()
        qty = {code: rng.randint(5, 500) for code in items.values()}
        svc.stock.import_counts(write_count(Path(tmp) / "count1.csv", qty))
        t0 = time.perf_counter()
        first = svc.stock.push()
        first_s = time.perf_counter() - t0
        assert all(x.pushed == SKUS for x in first), [x.line() for x in first]

        changed = rng.sample(skus, CHANGED)
        for sku in changed:
            qty[items[sku]] += rng.randint(1, 9)
        svc.stock.import_counts(write_count(Path(tmp) / "count2.csv", qty))
        for sb in world.stores().values():
            sb.catalogue.reset_counts()
        t1 = time.perf_counter()
        second = svc.stock.push()
        push_s = time.perf_counter() - t1
        made = sum(sum(sb.catalogue.writes.values()) for sb in world.stores().values())
        written = sum(sum(sb.catalogue.written.values()) for sb in world.stores().values())
        minimum = sum(minimum_calls(p, sb, changed) for p, sb in world.stores().items())
        assert all(x.pushed == CHANGED for x in second), [x.line() for x in second]
        figure("stock_push.calls_over_minimum", made / minimum, "ratio", "1.0")
        figure("stock_push.calls_made", made, "calls", f"{minimum} (minimum)")
        figure("stock_push.quantities_written", written, "SKUs", f"{CHANGED * len(names)}")
        figure("stock_push.wall_time_50_changed", push_s, "s", "-")
        figure("stock_push.wall_time_first_10000", first_s, "s", "-")
        svc.close()


if __name__ == "__main__":
    main()
