"""The one clock helper: wall time in UTC, injectable everywhere, and the store's calendar day.

Code that needs "now" takes a :data:`Clock` (default :func:`now_utc`) so tests pass a fixed
or stepping clock and never depend on the PC's time. Leases shared by several PCs read the
database server's time instead where the database has one (see ``ecdesk.sync.lease``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]


def now_utc() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


# --- the store's calendar day (docs/decisions.md §1) ---------------------------------------
#: A store without a ``timezone`` setting keeps Malaysian time.
DEFAULT_TIMEZONE = "Asia/Kuala_Lumpur"


def store_zone(timezone: str | None) -> ZoneInfo:
    """The store's zone (``timezone`` setting); the default for none or an unknown name
    (settings are checked when entered, so that is an old database's leftover)."""
    try:
        return ZoneInfo((timezone or "").strip() or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def local_date(moment: datetime, timezone: str | None) -> date:
    """The calendar day of ``moment`` in the store's zone: the one rule by which ecdesk dates
    a document, counts a day, a month or a reconciliation, and reads ``--since``."""
    return moment.astimezone(store_zone(timezone)).date()


def day_start(day: date, timezone: str | None) -> datetime:
    """The instant (UTC) the store's calendar ``day`` begins; a day ends where the next
    begins (``day_start(day + 1)``, exclusive)."""
    return datetime.combine(day, time.min, store_zone(timezone)).astimezone(UTC)


def local_midnight(now: datetime, timezone: str | None) -> datetime:
    """The start of today in the store's zone."""
    return day_start(local_date(now, timezone), timezone)
