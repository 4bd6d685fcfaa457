"""Fuzzing every connector's normaliser (issue 15): real payloads, mutated, judged.

:func:`collect` syncs a platform's sandbox once (loopback) and keeps the raw payloads the real
connector stored, that connector, and the store's maps and posting rules. :func:`mutate`
changes a payload at random places (a value replaced by something no store should send, a
number nudged, a key dropped). :func:`verdict` runs normalise -> match -> draft (and the fee
note for a marketplace) and says what went wrong: nothing, when the order is drafted with its
total to the cent or held with reasons, or when normalise refuses it in a way the engine holds
with a reason. Used by the test suite (through hypothesis) and by ``make bench`` (10,000 per
connector). Test support only: no Qt, no hypothesis import here.
"""

from __future__ import annotations

import copy
import random
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecdesk.domain import DocumentDraft, Order
from ecdesk.sync.connectors.base import Connector, read_order
from ecdesk.sync.matching import Maps, money
from ecdesk.sync.posting import PostingRules, build_draft, build_fee_note

#: values no store should send, of every JSON shape
NASTY: tuple[Any, ...] = (
    None, "", " ", "nan", "NaN", "sNaN", "Infinity", "-Infinity", "1e300", "-1", "0", "-0",
    "99999999999999999999.99", "12,50", "RM 5", "٣", "２", "true", "=1+2", "x" * 500,
    "2026-02-30T10:00:00+08:00", "not a date", -1, 0, 10**30, -(10**30), 1.5, True, False,
    [], {}, [None], {"": None}, Decimal("NaN"), Decimal("-Infinity"), Decimal("1E+300"),
    Decimal("-0.001"), Decimal("0.005"), Decimal("sNaN"),
)


@dataclass
class Target:
    """One platform's real payloads and what judging them needs (no network)."""

    platform: str
    connector: Connector
    maps: Maps
    rules: PostingRules
    payloads: list[dict[str, Any]] = field(default_factory=list)


def collect(platform: str, orders: int = 30, seed: int = 5) -> Target:
    """Sync ``platform``'s sandbox once and keep what judging needs."""
    import keyring
    from sqlalchemy import select

    from ecdesk.db.models import OrderRow, Store
    from ecdesk.demo import configure, start_sandboxes
    from ecdesk.secrets import MemoryKeyring
    from ecdesk.service import Service
    from ecdesk.sync.http import HttpClient
    from ecdesk.sync.store_settings import load_maps, posting_settings

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    folder = Path(tempfile.mkdtemp(prefix="ecdesk-fuzz-"))
    try:
        with start_sandboxes([platform], orders=orders, seed_value=seed,
                             options={"autocount": {"rate_limit": 10**6}}) as world:
            svc = Service(f"sqlite:///{folder / 'fuzz.sqlite'}",
                          http=HttpClient(sleep=lambda s: None))
            configure(svc, world)
            svc.sync()
            with svc.db.session() as s:
                store = s.scalars(select(Store)).one()
                connector = svc.engine.connector(store)
                maps = load_maps(s, store.id)
                rules = PostingRules.from_settings(posting_settings(s, store))
                payloads = [copy.deepcopy(p) for p in
                            s.scalars(select(OrderRow.payload).where(
                                OrderRow.store_id == store.id))]
            svc.close()
    finally:
        keyring.set_keyring(previous)
    return Target(platform, connector, maps, rules, payloads)


def _places(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) in a JSON tree."""
    out: list[tuple[Any, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        items = current.items() if isinstance(current, dict) else enumerate(current) \
            if isinstance(current, list) else ()
        for key, value in items:
            out.append((current, key))
            if isinstance(value, (dict, list)):
                stack.append(value)
    return out


def mutate(payload: dict[str, Any], rng: random.Random, steps: int = 3) -> dict[str, Any]:
    """A copy of ``payload`` changed at ``steps`` random places."""
    out = copy.deepcopy(payload)
    for _ in range(steps):
        places = _places(out)
        if not places:
            break
        container, key = rng.choice(places)
        value, roll = container[key], rng.random()
        if roll < 0.15 and isinstance(container, dict):
            del container[key]
        elif roll < 0.45 and isinstance(value, (int, Decimal)) and not isinstance(value, bool) \
                and Decimal(value).is_finite():
            container[key] = value * rng.choice((-1, 0, 2, 10**6)) + rng.choice((0, 1))
        elif roll < 0.55 and isinstance(value, str) and value:
            container[key] = value[: rng.randrange(len(value))]
        else:
            container[key] = copy.deepcopy(rng.choice(NASTY))
    return out


def verdict(target: Target, payload: dict[str, Any]) -> str | None:
    """None when ecdesk handles ``payload`` as it must; else what went wrong, in words."""
    from ecdesk.sync.evaluate import UNREADABLE

    try:
        order = read_order(target.connector, payload)
    except UNREADABLE:
        return None  # held as unreadable, with the reason (ecdesk.sync.evaluate)
    except Exception as exc:  # noqa: BLE001 - the point is to find these
        return f"normalise crashed: {type(exc).__name__}: {exc}"
    if not isinstance(order, Order):
        return f"normalise answered {type(order).__name__}, not an Order"
    try:
        built = build_draft(order, target.maps, target.rules)
        fees = build_fee_note(order, target.rules, "X-1") if isinstance(
            built, DocumentDraft) else None
    except Exception as exc:  # noqa: BLE001
        return f"posting crashed: {type(exc).__name__}: {exc}"
    for doc in (built, fees):
        if isinstance(doc, list) and not all(h.detail for h in doc):
            return "held without a reason"
    if isinstance(built, DocumentDraft) and built.total != money(order.total):
        return f"drafted total {built.total} is not the order's {order.total}"
    return None


def run(target: Target, count: int, seed: int = 1) -> tuple[int, list[str]]:
    """``count`` mutated payloads; answers how many were judged and the distinct problems."""
    rng = random.Random(seed)
    problems: dict[str, None] = {}
    for _ in range(count):
        payload = mutate(rng.choice(target.payloads), rng, rng.randint(1, 5))
        problem = verdict(target, payload)
        if problem is not None:
            problems.setdefault(f"{target.platform}: {problem}"[:300])
    return count, list(problems)
