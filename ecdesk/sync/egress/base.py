"""What every stock-and-tracking pusher implements (the connector's egress side).

A pusher knows one platform's inventory and fulfilment calls and nothing of AutoCount. It
works on the platform's transport client (auth, signing, pacing, tokens: the same one the
connector fetches orders with), finds listing ids by SKU, sends quantities in the platform's
batch calls within its limits, and reports per SKU, so one refused SKU never stops the others.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from ecdesk.sync.http import ApiError

T = TypeVar("T")


@dataclass(frozen=True)
class StockChange:
    """A quantity to show for a SKU, with the listing ids found for it."""

    sku: str
    qty: int
    ids: dict[str, Any] = field(default_factory=dict)


@dataclass
class PushResult:
    sku: str
    qty: int
    ok: bool
    message: str = ""


@dataclass
class Shipment:
    """What egress knows of an order to ship: its ids, lines and the clerk's tracking."""

    external_id: str
    number: str
    carrier: str
    tracking: str
    payload: dict[str, Any]


@dataclass
class ShipResult:
    ok: bool
    tracking: str = ""  # the number the platform holds (its own where it assigns one)
    message: str = ""
    unsupported: bool = False  # the platform cannot take tracking this way (say so)


#: ``progress(done, total, message)``; returning True asks the pusher to stop (cancel)
Progress = Callable[[int, int, str], bool | None]


def chunks(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


class Pusher(ABC):
    """Base of the per-platform pushers; ``client`` is the platform's transport client."""

    platform: ClassVar[str]
    #: the platform's largest batch of quantities in one write call
    batch_limit: ClassVar[int]

    def __init__(self, client: Any, store_name: str, settings: dict[str, str] | None = None):
        self.client = client
        self.store_name = store_name
        self.settings = settings or {}

    # --- listing ids ---------------------------------------------------------------------
    @abstractmethod
    def find_listings(self, skus: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Listing ids of those ``skus`` some listing carries; a SKU absent from the answer
        is carried by no listing (reported, never guessed)."""

    # --- stock ---------------------------------------------------------------------------
    @abstractmethod
    def batches(self, changes: Sequence[StockChange]) -> list[list[StockChange]]:
        """The changes split into the platform's write calls (fewest its limits allow)."""

    @abstractmethod
    def push_batch(self, batch: list[StockChange]) -> list[PushResult]:
        """Send one batch; a SKU the platform refused comes back with ``ok=False``."""

    def push(self, changes: Sequence[StockChange],
             progress: Progress | None = None) -> list[PushResult]:
        """Every change, batch by batch; a failed call fails only its own batch."""
        results: list[PushResult] = []
        done, total = 0, len(changes)
        for batch in self.batches(changes):
            try:
                results.extend(self.push_batch(batch))
            except ApiError as exc:
                results.extend(PushResult(c.sku, c.qty, False, str(exc)) for c in batch)
            done += len(batch)
            if progress is not None and progress(done, total, f"{self.store_name}: "
                                                 f"{done} of {total} quantities sent"):
                break
        return results

    # --- tracking ------------------------------------------------------------------------
    @abstractmethod
    def ship(self, shipment: Shipment) -> ShipResult:
        """Give the platform the order's shipment the way it takes one."""

    def refused(self, batch: list[StockChange], message: str) -> list[PushResult]:
        return [PushResult(c.sku, c.qty, False, message) for c in batch]
