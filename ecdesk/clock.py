"""The one clock helper: wall time in UTC, injectable everywhere.

Code that needs "now" takes a :data:`Clock` (default :func:`now_utc`) so tests pass a fixed
or stepping clock and never depend on the PC's time. Leases shared by several PCs read the
database server's time instead where the database has one (see ``ecdesk.sync.lease``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def now_utc() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)
