"""What every store connector implements.

A connector knows one platform's wire format and nothing of AutoCount: it fetches raw
payloads (paged, rate-limited, authenticated as the platform's docs demand) and normalises one
payload into a canonical :class:`~ecdesk.domain.Order`. A payload it cannot read raises
:class:`PayloadError` with words a clerk understands; the engine holds that order, it never
drops it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar, Protocol

from ecdesk.domain import Order, Platform
from ecdesk.errors import ConfigError as ConfigError
from ecdesk.errors import PayloadError as PayloadError
from ecdesk.sync.http import HttpClient


class UnreadableRow(PayloadError):
    """One row of a feed file that cannot be read; the engine holds it as "unreadable".

    ``row`` is the 1-based line of the file a clerk sees in a spreadsheet (the header is
    row 1) or the 1-based position of the order in a JSON list; ``field`` is the column or
    field that failed ("" when the whole row or file is unreadable); ``source`` the file name.
    """

    def __init__(self, message: str, *, row: int | None = None, field: str = "",
                 source: str = "") -> None:
        super().__init__(message)
        self.row = row
        self.field = field
        self.source = source


class CredentialStore(Protocol):
    """Store-scoped access to the keyring (see ``ecdesk.secrets``)."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...


@dataclass
class StoreConfig:
    """What a connector needs to know of the store it talks to."""

    id: int
    name: str
    platform: Platform
    url: str
    settings: dict[str, str] = field(default_factory=dict)

    def setting(self, key: str, default: str = "") -> str:
        return self.settings.get(key) or default


@dataclass
class RawOrder:
    """One order as the platform sent it, before normalisation (kept verbatim in the db)."""

    external_id: str
    updated_at: datetime
    payload: dict[str, Any]


def utcnow() -> datetime:
    return datetime.now(UTC)


def token_fresh(credentials: CredentialStore, expires_key: str, now: datetime,
                margin: timedelta) -> bool:
    """True while the token whose expiry (ISO time) is saved under ``expires_key`` has more
    than ``margin`` left; a missing or unreadable expiry counts as stale."""
    text = credentials.get(expires_key)
    if not text:
        return False
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return now < when - margin


def authorised_token(connector: Connector, platform: str, now: datetime, margin: timedelta,
                     refresh: Callable[[], None]) -> str:
    """The marketplace access token saved by ``store auth``, refreshed first when it has
    ``margin`` or less left (Shopee and Lazada share this lifecycle)."""
    creds = connector.credentials
    token = creds.get("access_token")
    if not token:
        name = connector.store.name
        raise ConfigError(
            f"Store '{name}' is not authorised with {platform} yet: open the authorisation "
            f"link, then `ecdesk store auth {name} --code CODE`.")
    if creds.get("access_expires_at") and not token_fresh(creds, "access_expires_at", now,
                                                          margin):
        refresh()
        token = creds.get("access_token") or token
    return token


class Connector(ABC):
    """Base of every platform connector."""

    platform: ClassVar[Platform]
    #: how far back each incremental fetch re-reads, so nothing slips between two polls
    overlap: ClassVar[timedelta] = timedelta(minutes=10)

    def __init__(
        self,
        store: StoreConfig,
        credentials: CredentialStore,
        http: HttpClient,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.credentials = credentials
        self.http = http
        self.clock = clock
        #: a sentence for the window while a fetch waits on the platform (a Shopify bulk
        #: export); the run sets it to its progress line
        self.note: Callable[[str], None] = lambda text: None

    def require_secret(self, key: str) -> str:
        value = self.credentials.get(key)
        if not value:
            raise ConfigError(
                f"Store '{self.store.name}' has no '{key}' saved. Enter it in "
                f"Integration (or `ecdesk secret set {self.store.name} {key}`)."
            )
        return value

    @abstractmethod
    def fetch_orders(
        self, since: datetime | None, until: datetime | None = None
    ) -> Iterator[RawOrder]:
        """Every order updated in [since, until], all statuses, oldest first where the API
        allows; ``since=None`` means from the beginning."""

    def fetch_order(self, external_id: str) -> RawOrder | None:
        """One order by its platform id (manual resync of a single order)."""
        raise NotImplementedError

    #: :meth:`carry_over` needs the stored payload (ingest loads it only then)
    carries_over: ClassVar[bool] = False

    def carry_over(self, stored: dict[str, Any], fresh: dict[str, Any]) -> dict[str, Any]:
        """The payload to store when an order comes again (``stored``: the one kept):
        ``fresh``, unless each fetch sees only part of an order's data (Shopify Payments'
        balance transactions are read per window, not per order)."""
        return fresh

    def late_updates(self) -> dict[str, dict[str, Any]]:
        """After a complete fetch: parts of orders the fetch did not bring, by external id,
        for ingest to merge into the stored orders through :meth:`carry_over` (a payout
        paid since, which changes no order)."""
        return {}

    @abstractmethod
    def normalise(self, payload: dict[str, Any]) -> Order:
        """The canonical order for one raw payload; raises :class:`PayloadError`."""

    @abstractmethod
    def test_connection(self) -> str:
        """A plain-language line on success; raises ``ApiError``/``ConfigError`` on failure."""


FEE_CEILING = Decimal("1e12")  # no marketplace fee is this large


def read_order(connector: Connector, payload: dict[str, Any]) -> Order:
    """``connector.normalise(payload)`` and the checks every platform shares: each text field
    is text and each amount a number, so matching and posting never meet a list where a SKU
    should be. A payload of the wrong shape is a :class:`PayloadError` in words (held as
    unreadable, issue 15's fuzzing)."""
    try:
        order = connector.normalise(payload)
    except AttributeError as exc:  # a list or a number where the payload had an object
        raise PayloadError(f"The store sent a field in a shape ecdesk cannot read ({exc}).",
                           ) from None
    bad = next(_misshapen(order), None)
    if bad is not None:
        name, value, want = bad
        raise PayloadError(f"Field '{name}' should be {want}, got {value!r:.60}.")
    return order


def _misshapen(order: Order) -> Iterator[tuple[str, Any, str]]:
    """(field, value, what it should be) for every value of the wrong type."""
    texts: list[tuple[str, Any]] = [("number", order.number), ("currency", order.currency),
                                    ("status", order.status)]
    amounts: list[tuple[str, Any]] = [("total", order.total), ("tax_total", order.tax_total),
                                      ("order_discount", order.order_discount)]
    for i, line in enumerate(order.lines):
        texts += [(f"lines[{i}].name", line.name)]
        if line.sku is not None:
            texts.append((f"lines[{i}].sku", line.sku))
        amounts += [(f"lines[{i}].{k}", getattr(line, k))
                    for k in ("quantity", "unit_price", "discount", "tax")]
    for i, ship in enumerate(order.shipping):
        texts += [(f"shipping[{i}].method", ship.method), (f"shipping[{i}].title", ship.title)]
        amounts += [(f"shipping[{i}].{k}", getattr(ship, k))
                    for k in ("amount", "discount", "tax")]
    for i, extra in enumerate(order.extras):
        texts.append((f"charges[{i}].name", extra.name))
        amounts += [(f"charges[{i}].amount", extra.amount), (f"charges[{i}].tax", extra.tax)]
    texts += [(f"payment_methods[{i}]", g) for i, g in enumerate(order.payment_methods)]
    amounts += [(f"refunds[{i}].amount", r.amount) for i, r in enumerate(order.refunds)]
    fees = [(f"fees[{i}].amount", f.amount) for i, f in enumerate(order.fees)]
    for name, value in texts:
        if not isinstance(value, str):
            yield name, value, "text"
    for name, value in amounts + fees:
        if not isinstance(value, (Decimal, int)) or isinstance(value, bool):
            yield name, value, "a number"
    for name, value in fees:  # matching's sanity limits see the sale, not the fees
        if not Decimal(value).is_finite() or abs(value) >= FEE_CEILING:
            yield name, value, "an amount of money"
