"""Checks of what a clerk types, at entry (issue 10 item 8): the services call these, so the
command line and the window refuse the same things in the same words.

Each check answers the cleaned value or raises :class:`~ecdesk.errors.UsageError` whose
message names what is wrong and how to fix it. Pure: no database, no network.
"""

from __future__ import annotations

import re
from datetime import date
from datetime import time as dt_time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ecdesk.domain import PLATFORMS
from ecdesk.errors import UsageError
from ecdesk.secrets import SECRET_NAMES

EXAMPLE_ZONE = "Asia/Kuala_Lumpur"

#: Store keys every platform takes (DECISIONS.md §4, §7, §9; README "Configuration"):
#: platform-independent ones, and the posting keys that override the AutoCount defaults.
COMMON_KEYS = (
    "doc_prefix", "timezone", "doc_kind", "own_numbering", "book_currency",
    "debtor_code", "debtor_name", "credit_term", "sales_location", "sales_account",
    "shipping_account", "returns_account", "rounding_account", "shipping_item", "fee_item",
    "payment_method", "post_fees", "fees_on_release", "max_unit_price", "max_quantity",
    "max_order_total", "posting_mode", "summary_cutoff", "fee_tolerance", "company", "push_stock",
    "stock_buffer", "stock_ratio",
    "stock_location", "push_tracking", "egress_minutes",
    "fee_account_commission", "fee_account_service", "fee_account_transaction",
    "fee_account_shipping_fee", "fee_account_voucher_seller", "fee_account_voucher_platform",
    "fee_account_other",
)
#: Keys only one platform's connector reads.
PLATFORM_KEYS: dict[str, tuple[str, ...]] = {
    "shopify": ("api_version", "page_size", "bulk_threshold"),
    "woocommerce": ("auth", "page_size", "refund_lookback_days"),
    "shopee": ("partner_id", "shop_id", "tax_rate", "auth_url"),
    "lazada": ("app_key", "auth_url", "seller_id"),
    "custom": ("path", "page_size"),
}
#: Keys of an AutoCount book (``autocount set --set``): its route's connection, then the
#: posting defaults every store of the book inherits (a store-only key is not one of them).
AUTOCOUNT_ROUTE_KEYS = (
    "url", "book", "server", "database", "user", "assemblies", "sql_user", "sql_url", "path",
    "template_invoice", "template_cash_sale", "template_credit_note", "read_back_every",
)
AUTOCOUNT_KEYS = AUTOCOUNT_ROUTE_KEYS + tuple(
    k for k in COMMON_KEYS if k not in ("doc_prefix", "company"))
EXPORT_SUFFIXES = {"reconciliation": (".xlsx",), "mappings": (".xlsx",)}


def store_keys(platform: str) -> tuple[str, ...]:
    """Every key ``store add/set --set`` accepts for ``platform``."""
    return PLATFORM_KEYS.get(platform, ()) + COMMON_KEYS


def check_store_settings(platform: str, settings: dict[str, str]) -> dict[str, str]:
    """Refuse keys the platform does not know (naming the list), and bad values of the keys
    whose form is fixed here (time zone, tax rate, numbers)."""
    known = store_keys(platform)
    unknown = sorted(k for k in settings if k not in known)
    if unknown:
        raise UsageError(
            f"Unknown setting{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(k) for k in unknown)} for a {platform} store. Known settings: "
            f"{', '.join(sorted(known))}.")
    cleaned = {k: (v or "").strip() for k, v in settings.items()}
    for key, value in cleaned.items():
        if not value:
            continue  # an empty value removes the setting
        if key == "timezone":
            cleaned[key] = check_timezone(value)
        elif key == "tax_rate":
            check_tax_rate(value, "tax_rate")
        elif key in ("max_unit_price", "max_quantity", "max_order_total", "stock_ratio",
                     "fee_tolerance"):
            check_positive(value, key)
        elif key in ("page_size", "refund_lookback_days", "egress_minutes", "stock_buffer",
                     "partner_id", "shop_id", "bulk_threshold"):
            check_whole(value, key, minimum=0 if key in ("stock_buffer", "bulk_threshold")
                        else 1)
        elif key == "posting_mode":
            cleaned[key] = check_posting_mode(value, platform)
        elif key == "fees_on_release":
            cleaned[key] = check_yes_no(value, key)
        elif key == "summary_cutoff":
            cleaned[key] = check_cutoff(value)
    return cleaned


#: docs/decisions.md §9
POSTING_MODES = ("order", "day", "payout")
#: the platforms whose orders name the payout they went out in (Lazada's statements,
#: Shopify Payments payouts, WooPayments deposits)
PAYOUT_PLATFORMS = tuple(str(p) for p, facts in PLATFORMS.items() if facts.names_payouts)


def check_yes_no(value: str, key: str) -> str:
    """``yes`` or ``no`` (also true/false, on/off, 1/0)."""
    word = value.strip().lower()
    if word in ("yes", "true", "on", "1"):
        return "yes"
    if word in ("no", "false", "off", "0"):
        return "no"
    raise UsageError(f"{key} must be yes or no, not '{value}'.")


def check_posting_mode(value: str, platform: str | None = None) -> str:
    """``order``, ``day`` or ``payout`` (the last for a store whose platform names its
    payouts; ``platform`` None: the AutoCount book's default, for every store)."""
    mode = value.strip().lower()
    if mode not in POSTING_MODES:
        raise UsageError(f"posting_mode must be one of {', '.join(POSTING_MODES)}, not "
                         f"'{value}'.")
    if mode == "payout" and platform not in PAYOUT_PLATFORMS:
        where = f"a {platform} store" if platform else "every store of the book"
        raise UsageError(
            f"posting_mode=payout (one document per marketplace payout) is not available for "
            f"{where}: only Shopee's, Lazada's, Shopify's (Shopify Payments) and "
            "WooCommerce's (WooPayments) orders name the payout they were paid in. "
            "Use order (one document per order) or day (one summary document per day).")
    return mode


def check_cutoff(value: str) -> str:
    """``HH:MM`` (24-hour): when a day's summary goes, on the next day."""
    hours, _, minutes = value.strip().partition(":")
    try:
        if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
            raise ValueError(value)
        cutoff = dt_time(int(hours), int(minutes))
    except ValueError:
        raise UsageError(f"summary_cutoff must be a time of day as HH:MM (e.g. 02:00), not "
                         f"'{value}'.") from None
    return f"{cutoff:%H:%M}"


def check_autocount_settings(settings: dict[str, str]) -> dict[str, str]:
    """``autocount set --set`` keys: refuse unknown ones (naming the list), check the values
    whose form is fixed (as for a store's)."""
    unknown = sorted(k for k in settings if k not in AUTOCOUNT_KEYS)
    if unknown:
        raise UsageError(
            f"Unknown AutoCount setting{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(k) for k in unknown)}. Known settings: "
            f"{', '.join(sorted(AUTOCOUNT_KEYS))}.")
    if (settings.get("read_back_every") or "").strip():
        check_whole(settings["read_back_every"], "read_back_every", minimum=1)
    return check_store_settings("", {k: v for k, v in settings.items()
                                     if k in COMMON_KEYS}) | {
        k: (v or "").strip() for k, v in settings.items() if k not in COMMON_KEYS}


def check_url(url: str, platform: str = "", *, required: bool = True) -> str:
    """An ``http``/``https`` address with a host; answers it without a trailing slash."""
    text = (url or "").strip()
    if not text:
        if required:
            raise UsageError(
                "The store needs its address: `--url https://...` (for a custom feed read "
                "from files, `--set path=FOLDER` instead).")
        return ""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"'{text}' is not a web address ecdesk can use: give the store's address starting "
            "with https:// (or http:// on a local network), for example "
            "https://my-shop.myshopify.com.")
    return text.rstrip("/")


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"'{name}' is not a time zone ecdesk knows. Use a name such as {EXAMPLE_ZONE} or "
            "Asia/Singapore (the IANA time zone list).") from None
    return name.strip()


def check_minutes(value: int | None, what: str = "--every") -> int | None:
    """A cadence in minutes: a whole number above 0 (None = unchanged)."""
    if value is None:
        return None
    if value <= 0:
        raise UsageError(
            f"{what} {value} is not a cadence: give the minutes between syncs as a whole "
            "number above 0, for example --every 15.")
    return value


def check_tax_rate(value: str, what: str = "tax rate") -> Decimal:
    """A percentage from 0 to 100 (``8`` for 8 %)."""
    try:
        rate = Decimal(value.strip().rstrip("%"))
        if not rate.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        raise UsageError(
            f"{what} '{value}' is not a percentage: give a number such as 8 (for 8 %) or 0."
        ) from None
    if not 0 <= rate <= 100:
        raise UsageError(f"{what} {value} is outside 0 to 100: give the percentage, for "
                         "example 8 for 8 %.")
    return rate


def check_positive(value: str, key: str) -> Decimal:
    try:
        number = Decimal(value.replace(",", ""))
        if not number.is_finite() or number <= 0:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        raise UsageError(f"Setting '{key}' is '{value}': give a number above 0.") from None
    return number


def check_whole(value: str, key: str, minimum: int = 1) -> int:
    if not re.fullmatch(r"\d+", value.strip()) or int(value) < minimum:
        raise UsageError(f"Setting '{key}' is '{value}': give a whole number of at least "
                         f"{minimum}.")
    return int(value)


def check_secret_name(owner_platform: str, key: str) -> str:
    """``key`` is a credential the owner (a platform, or ``autocount``) uses."""
    names = SECRET_NAMES.get(owner_platform, ())
    if key not in names:
        owner = "AutoCount" if owner_platform == "autocount" else f"a {owner_platform} store"
        raise UsageError(f"'{key}' is not a credential of {owner}. Known: "
                         f"{', '.join(names)}.")
    return key


def parse_date(text: str, what: str = "date") -> date:
    """``YYYY-MM-DD`` in our words, not Python's."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise UsageError(f"{what} '{text}' is not a date: write it as YYYY-MM-DD, for example "
                         "2026-03-01.") from None


def check_range(since: date | None, until: date | None, today: date, *,
                since_flag: str = "--since", until_flag: str = "--until") -> list[str]:
    """Refuse an end without a start or before it; answers warnings (a date in the future)."""
    if until is not None and since is None:
        raise UsageError(f"{until_flag} needs {since_flag}: give the first day too, for "
                         f"example {since_flag} {until.replace(day=1)} {until_flag} {until}.")
    if since is not None and until is not None and until < since:
        raise UsageError(f"{until_flag} {until} is before {since_flag} {since}: give the "
                         "earlier date first.")
    warnings = []
    for flag, day in ((since_flag, since), (until_flag, until)):
        if day is not None and day > today:
            warnings.append(f"{flag} {day} is in the future (today is {today}); nothing after "
                            "today can be fetched yet.")
    return warnings


def check_export_path(path: str | Path, kind: str = "reconciliation") -> Path:
    """The file name ends as the workbook it will hold, in a folder that exists."""
    out = Path(path)
    suffixes = EXPORT_SUFFIXES.get(kind, (".xlsx",))
    if out.suffix.lower() not in suffixes:
        raise UsageError(f"'{out.name}' would receive an Excel workbook: name it "
                         f"{out.stem or 'export'}{suffixes[0]}.")
    if not out.parent.exists():
        raise UsageError(f"The folder '{out.parent}' does not exist: create it first, or "
                         "choose another folder.")
    if out.is_dir():
        raise UsageError(f"'{out}' is a folder: give a file name ending in {suffixes[0]}.")
    return out
