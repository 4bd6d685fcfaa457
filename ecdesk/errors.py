"""The error vocabulary: every exception a clerk may be shown, in one place.

Each message (``str(exc)``) is fit to show as it is: what is wrong and how to fix it.
The modules that raise them re-export them (``ecdesk.sync.http.AuthError`` and
``ecdesk.errors.AuthError`` are one class), so old import paths keep working. Turning an
exception into a sentence for the clerk is :func:`ecdesk.wording.explain`.
"""

from __future__ import annotations

from typing import Any


class UsageError(ValueError):
    """Bad input or configuration from the user; the message says how to fix it."""


class ConfigError(ValueError):
    """The store is not set up enough to call it (missing URL, key, credential)."""


class PayloadError(ValueError):
    """The store sent an order ecdesk cannot read (missing field, wrong type...)."""


class ChildRunError(RuntimeError):
    """A run in the window's child process failed; the message is already in words."""


class NoKeyringError(RuntimeError):
    """The OS offers no keyring, so credentials cannot be saved safely."""


class MissingSecret(KeyError):
    """A credential the store or AutoCount needs is not in the keyring."""

    def __str__(self) -> str:  # KeyError quotes its message; a clerk should not see that
        return str(self.args[0])


class ApiError(Exception):
    """A call to a store or AutoCount failed. ``str(err)`` is fit to show a clerk."""

    def __init__(self, message: str, *, status: int | None = None, body: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class AuthError(ApiError):
    """Credentials were refused (wrong key, expired token, missing permission)."""


class RateLimited(ApiError):
    """Still throttled after every retry."""


class Unavailable(ApiError):
    """Network failure, timeout or 5xx after every retry: try again later, nothing lost."""


class MaybeApplied(Unavailable):
    """A write whose answer never arrived: it may or may not have taken effect."""


class Rejected(ApiError):
    """AutoCount refused the document for a business reason (unknown debtor, item, tax code,
    duplicate DocNo...). Retrying will not help until a clerk fixes the cause."""


class Unsupported(ApiError):
    """The route cannot do this: create this kind of document (e.g. Cloud has no sales order),
    or list this kind of master data (``AutoCountRoute.list_codes``)."""
