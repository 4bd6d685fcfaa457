"""Clerk-facing sentences as codes plus values: one English template per message.

The core records a message key and its values (a hold's ``key`` and ``params``); the CLI
renders the English here with :func:`render`; the window passes the same template through
Qt's translator (context ``messages``) and then formats it with the values, so a held
order reads in the clerk's language. Plain Python: no Qt. ``QT_TRANSLATE_NOOP`` below only
marks the templates for ``pyside6-lupdate`` (``make translations-update``).
"""

from __future__ import annotations

from collections.abc import Mapping

CONTEXT = "messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's marker
    return text


# A hold code's short title (the grid's Reason filter, the order view's headings).
HOLD_TITLES: dict[str, str] = {
    "unmapped_sku": QT_TRANSLATE_NOOP("messages", "Unmapped SKU"),
    "missing_sku": QT_TRANSLATE_NOOP("messages", "Line without SKU"),
    "unknown_payment": QT_TRANSLATE_NOOP("messages", "Unknown payment method"),
    "unmapped_shipping": QT_TRANSLATE_NOOP("messages", "Unmapped shipping method"),
    "unmapped_tax": QT_TRANSLATE_NOOP("messages", "Unmapped tax rate"),
    "amount_mismatch": QT_TRANSLATE_NOOP("messages", "Amounts do not add up"),
    "currency": QT_TRANSLATE_NOOP("messages", "Currency"),
    "duplicate": QT_TRANSLATE_NOOP("messages", "Duplicate"),
    "bad_payload": QT_TRANSLATE_NOOP("messages", "Unreadable order data"),
    "changed_after_posting": QT_TRANSLATE_NOOP("messages", "Changed after posting"),
    "refunded_after_posting": QT_TRANSLATE_NOOP("messages", "Refunded after posting"),
    "cancelled_after_posting": QT_TRANSLATE_NOOP("messages", "Cancelled after posting"),
    "autocount_rejected": QT_TRANSLATE_NOOP("messages", "Rejected by AutoCount"),
    "config": QT_TRANSLATE_NOOP("messages", "Setup incomplete"),
    "out_of_range": QT_TRANSLATE_NOOP("messages", "Amount out of range"),
}

# Message key -> English template with ``str.format`` fields. A key is a hold code, or a
# code and a variant (``unmapped_shipping.no_method``).
TEMPLATES: dict[str, str] = {}


def title(code: str) -> str:
    return HOLD_TITLES.get(code, code.replace("_", " ").capitalize())


def render(key: str, params: Mapping[str, object], fallback: str = "",
           template: str | None = None) -> str:
    """The sentence for ``key`` filled with ``params`` (``template``: a translated one);
    ``fallback`` (the text stored with an old row) when the key or a value is missing."""
    text = template if template is not None else TEMPLATES.get(key)
    if not text:
        return fallback
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return fallback or text
