"""The pipeline alone, on one core: a dropped custom-feed file (the real connector and
normaliser) -> match -> draft -> outbox intent (committed before each create) -> an
in-memory AutoCount route. Orders per CPU-second of this process, so a busy machine does
not change the figure much; also the SQL statements and database commits per order.
``python -m bench.pipeline [N] --profile [--sort tottime]`` prints where time goes."""

from __future__ import annotations

import cProfile
import pstats
import sys
import time

from sqlalchemy import event

from bench.common import figure, one_core
from bench.world import feed_world

ORDERS = 10_000


def main(orders: int = ORDERS, profile: bool = False, sort: str = "cumulative") -> None:
    one_core()
    with feed_world(orders) as world:
        engine = world.service.db.engine
        counts = {"statements": 0, "commits": 0}

        def statement(*_args: object) -> None:
            counts["statements"] += 1

        def commit(*_args: object) -> None:
            counts["commits"] += 1

        event.listen(engine, "before_cursor_execute", statement)
        event.listen(engine, "commit", commit)
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
           f"{summary.held} held; {wall:.1f} s wall; {counts['statements'] / orders:.1f} "
           f"SQL statements and {counts['commits'] / orders:.2f} commits per order)",
           orders / cpu, "orders/s", ">= 5000")
    if prof:
        pstats.Stats(prof).sort_stats(sort).print_stats(40)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(next((a for a in args if a.isdigit()), ORDERS)), profile="--profile" in args,
         sort=args[args.index("--sort") + 1] if "--sort" in args[:-1] else "cumulative")
