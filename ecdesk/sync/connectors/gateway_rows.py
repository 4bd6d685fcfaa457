"""What the stores' own payment gateways share (Shopify Payments, WooPayments): a gateway's
settlement of one order, and keeping the rows earlier fetches saw when the order comes again
(each fetch reads a window of the gateway's rows, never all of one order's)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ecdesk.domain import Fee, FeeKind

Row = dict[str, Any]
#: (logger, store id, reason) already said in this process
_said: set[tuple[str, int, str]] = set()


@dataclass(frozen=True)
class Settlement:
    """What the gateway pays out for one order: its net, its fees, whether the payout is
    paid, and which payout (ref and day)."""

    net: Decimal
    fees: list[Fee]
    released: bool
    payout_ref: str
    payout_date: date | None


def keep_seen(stored: Row, fresh: Row, key: str, *, id_of: Callable[[Row], str],
              renew: Callable[[Row, Row], Row], order_of: Callable[[Row], tuple[str, str]]
              ) -> Row:
    """``fresh`` with every row under ``key`` an earlier fetch saw (``stored``), by
    ``id_of``: a row seen again takes its newer form through ``renew(new, before)`` (which
    keeps what only the earlier read learnt), the rows in ``order_of`` order."""
    old = stored.get(key) if isinstance(stored, dict) else None
    if not isinstance(old, list) or not old:
        return fresh
    merged = {id_of(row): row for row in old if isinstance(row, dict)}
    for row in fresh.get(key) or []:
        if isinstance(row, dict):
            merged[id_of(row)] = renew(row, merged.get(id_of(row)) or {})
    return {**fresh, key: sorted(merged.values(), key=order_of)}


def gateway_fees(fee: Decimal, other: Decimal, texts: tuple[str, str]) -> list[Fee]:
    """The order's fees at the gateway: its processing ``fee`` (``texts[0]``) and what its
    other rows (a dispute, an adjustment) moved, ``other`` (``texts[1]``; a charge when
    negative)."""
    fees = [Fee(FeeKind.TRANSACTION, fee, texts[0])] if fee else []
    if other:
        fees.append(Fee(FeeKind.OTHER, -other, texts[1]))
    return fees


def say_once(log: logging.Logger, store: tuple[int, str], reason: str, message: str) -> None:
    """Log why a store's orders carry no gateway payout figures, once per process and
    reason. A shop without the gateway (``reason`` "none") is the usual case: it is said at
    info level; a refusal the clerk can fix (a key's rights, a scope) is a warning."""
    key = (log.name, store[0], reason)
    if key not in _said:
        _said.add(key)
        log.log(logging.INFO if reason == "none" else logging.WARNING, message, store[1])
