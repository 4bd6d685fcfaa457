"""English words for the clerk, in one place: the CLI prints them, the window wraps them.

Services answer codes and values; this module turns them into sentences. The window's
translations hook here (one function per kind of text), so keep every user-facing English
rendering of a service value in this module.
"""

from __future__ import annotations

from ecdesk.errors import (
    AuthError,
    ChildRunError,
    ConfigError,
    MissingSecret,
    NoKeyringError,
    RateLimited,
    Unavailable,
    UsageError,
)
from ecdesk.messages import HOLD_TITLES


def hold_title(code: str) -> str:
    """The English title of a hold reason code (``messages.HOLD_TITLES``, the one list)."""
    return HOLD_TITLES.get(code, code)


STORE_STATUS = {"ok": "OK", "error": "Error", "failed": "Failed", "cancelled": "Cancelled",
                "busy": "Busy", "disabled": "Disabled", "never_synced": "Never synced",
                "config": "Needs set-up"}


def store_status(code: str) -> str:
    """A store's status code (``StoreInfo.status``) in English words."""
    return STORE_STATUS.get(code, code.replace("_", " ").capitalize())


def explain(exc: BaseException) -> str:
    """Words for a clerk: what happened and what to do next (no traceback)."""
    if isinstance(exc, ChildRunError):
        return str(exc)  # explained in the child already
    text = (str(exc).strip() or type(exc).__name__).rstrip(". ")
    if isinstance(exc, AuthError):
        return (f"The credentials were refused: {text}. Enter them again in Integration, "
                "press Save, then Test connection.")
    if isinstance(exc, RateLimited):
        return (f"The service is limiting calls: {text}. Nothing was lost; try again in a "
                "few minutes.")
    if isinstance(exc, Unavailable):
        return (f"Could not reach the service: {text}. Check the internet connection and "
                "the URL in Integration; nothing was lost, try again later.")
    if isinstance(exc, (UsageError, ConfigError, NoKeyringError)):
        return f"{text}."
    if isinstance(exc, MissingSecret):
        return f"{text}. Enter it in Integration and press Save."
    return (f"Something went wrong ({type(exc).__name__}: {text}). Nothing was posted "
            "twice; try again, and if it repeats look at Tools > Sync log.")
