"""The pipeline alone, on one core: a dropped custom-feed file (the real connector and
normaliser) -> match -> draft -> outbox intent (committed before each create) -> an
in-memory AutoCount route. Orders per CPU-second of this process, so a busy machine does
not change the figure much. ``python -m bench.pipeline --profile`` prints where time goes."""

from __future__ import annotations

import cProfile
import pstats
import sys
import time

from bench.common import figure, one_core
from bench.world import feed_world

ORDERS = 10_000


def main(orders: int = ORDERS, profile: bool = False) -> None:
    one_core()
    with feed_world(orders) as world:
        prof = cProfile.Profile() if profile else None
        cpu0, wall0 = time.process_time(), time.perf_counter()
        if prof:
            prof.enable()
        summary = world.service.sync()
        if prof:
            prof.disable()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        assert len(world.route.docs) == summary.posted > 0
    figure(f"pipeline alone, {orders:,} orders on one core ({summary.posted:,} posted, "
           f"{summary.held} held; {wall:.1f} s wall)", orders / cpu, "orders/s", ">= 5000")
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(next((a for a in args if a.isdigit()), ORDERS)), profile="--profile" in args)
