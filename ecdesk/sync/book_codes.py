"""Master-data check: the codes a draft would post, checked against the AutoCount book.

Before a document goes out, every item code, tax code, payment method, debtor and location it
names is looked up in the book's own lists (:meth:`AutoCountRoute.list_codes`, read once per
run). A code the book does not have holds the order with a sentence naming where the code came
from and what fixes it: the SKU, shipping method, tax rate or gateway mapping (``map ...``), or
the posting setting (``fee_item``, ``shipping_item``, ``debtor_code``...). A route that cannot
list a kind (or a listing that fails or comes back empty) is not guessed at: that kind is posted
unchecked and :attr:`BookCodes.unlisted` says why, for one warning per run.

When AutoCount itself refuses a document for a missing code ("ProductCode (ProductCode = FEE)
not exists"), :func:`explain_refusal` turns its words into the same sentences.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ecdesk import messages
from ecdesk.domain import DocumentDraft, Hold, HoldCode, Order
from ecdesk.sync.autocount.base import CODE_KIND_PLURALS, AutoCountRoute
from ecdesk.sync.http import ApiError
from ecdesk.sync.matching import Maps, is_charged, is_posted_line, tax_key

log = logging.getLogger(__name__)

#: AutoCount's field names in a "not exists" refusal -> our kind of code
REFUSAL_FIELDS = {
    "productcode": "item", "itemcode": "item", "taxcode": "tax",
    "paymentmethod": "payment_method", "debtorcode": "debtor", "saleslocation": "location",
    "location": "location",
}
_NOT_EXISTS = re.compile(r"(\w+)\s*\((?:\w+)\s*=\s*([^)]*)\)\s*not exists", re.IGNORECASE)


class BookCodes:
    """The book's codes per kind, read once through ``route`` (upper-cased for lookup)."""

    def __init__(self, route: AutoCountRoute) -> None:
        self.route = route
        self._codes: dict[str, set[str] | None] = {}
        #: kind -> why it could not be listed (warn once; those codes post unchecked)
        self.unlisted: dict[str, str] = {}

    def known(self, kind: str) -> set[str] | None:
        """The book's codes of ``kind``; None when they cannot be listed."""
        if kind not in self._codes:
            try:
                codes = {code.upper() for code, _ in self.route.list_codes(kind)}
            except ApiError as exc:  # Unsupported, or the listing failed: post unchecked
                codes, reason = None, str(exc)
            else:
                reason = f"AutoCount listed no {CODE_KIND_PLURALS[kind]}"
            if not codes:
                codes = None
                self.unlisted[kind] = reason
                log.warning("%s not checked before posting: %s", CODE_KIND_PLURALS[kind], reason)
            self._codes[kind] = codes
        return self._codes[kind]

    def has(self, kind: str, code: str) -> bool:
        """True when the book has ``code`` or ``kind`` cannot be listed."""
        known = self.known(kind)
        return known is None or code.upper() in known


@dataclass(frozen=True)
class Origin:
    """Where ecdesk took a code from, and how a clerk changes it."""

    store: str
    fee_item: str = ""
    shipping_item: str = ""
    payment_method: str = ""
    debtor_code: str = ""
    sales_location: str = ""


def check_draft(draft: DocumentDraft, order: Order, maps: Maps, book: BookCodes,
                origin: Origin) -> list[Hold]:
    """One hold per code in ``draft`` the book does not have (empty when all exist)."""
    wanted: list[tuple[str, str]] = [("debtor", draft.debtor_code),
                                     ("location", draft.sales_location)]
    wanted += [("item", line.product_code) for line in draft.lines if line.product_code]
    wanted += [("tax", line.tax_code) for line in draft.lines if line.tax_code]
    if draft.payment_method:
        wanted.append(("payment_method", draft.payment_method))
    holds: list[Hold] = []
    for kind, code in dict.fromkeys(wanted):
        if code and not book.has(kind, code):
            holds += missing_code(kind, code, order, maps, origin)
    currencies = book.known("currency")
    if currencies is not None and draft.currency.upper() not in currencies:
        holds.append(messages.hold(HoldCode.CURRENCY, "currency.book_keeps",
                                   currency=draft.currency, book=", ".join(sorted(currencies)),
                                   value=draft.currency))
    return holds


def explain_refusal(message: str, order: Order, maps: Maps, origin: Origin) -> list[Hold]:
    """AutoCount's "X (Y = code) not exists" refusal as our holds naming the fix; empty when
    the message is not one of those."""
    holds: list[Hold] = []
    for field_name, code in _NOT_EXISTS.findall(message):
        kind = REFUSAL_FIELDS.get(field_name.lower())
        if kind:
            holds += missing_code(kind, code.strip(), order, maps, origin,
                                  said=message.strip())
    return holds


def missing_code(kind: str, code: str, order: Order, maps: Maps, origin: Origin, *,
                 said: str = "") -> list[Hold]:
    """The holds for one code the book lacks, one per place it came from."""
    lacks = {"kind_word": f"kind.{kind}", "code": code, "said": said,
             "tail_word": "autocount_said" if said else "none"}
    same = code.upper()
    holds: list[Hold] = []

    def setting(key: str) -> None:
        holds.append(messages.hold(HoldCode.CONFIG, "config.book_lacks", value=key, key=key,
                                   store=quote_arg(origin.store), listing=_LIST_COMMAND[kind],
                                   **lacks))

    if kind == "item":
        skus = {(ln.sku or "").strip() for ln in order.lines if is_posted_line(ln)}
        for sku in sorted(skus):
            item = maps.items.get(sku)
            if item and item.item_code.upper() == same:
                holds.append(messages.hold(HoldCode.UNMAPPED_SKU, "unmapped_sku.book_lacks",
                                           value=sku, sku=sku, **lacks))
        methods = {s.method.strip() for s in order.shipping if is_charged(s)}
        for method in sorted(methods):
            if maps.shipping.get(method, "").upper() == same:
                holds.append(messages.hold(HoldCode.UNMAPPED_SHIPPING,
                                           "unmapped_shipping.book_lacks", value=method,
                                           method=method, **lacks))
        if origin.shipping_item.upper() == same:
            setting("shipping_item")
        if origin.fee_item.upper() == same and order.extras:
            setting("fee_item")
    elif kind == "tax":
        for key, mapped in sorted(maps.tax.items()):
            if mapped.upper() == same and _rate_used(order, key):
                holds.append(messages.hold(HoldCode.UNMAPPED_TAX, "unmapped_tax.book_lacks",
                                           value=key, rate=key, **lacks))
    elif kind == "payment_method":
        for gateway in dict.fromkeys(g.strip() for g in order.payment_methods if g):
            if maps.payment.get(gateway, "").upper() == same:
                holds.append(messages.hold(HoldCode.UNKNOWN_PAYMENT,
                                           "unknown_payment.book_lacks", value=gateway,
                                           gateway=gateway, **lacks))
        if not holds and origin.payment_method.upper() == same:
            setting("payment_method")
    elif kind == "debtor":
        setting("debtor_code")
    elif kind == "location":
        setting("sales_location")
    if not holds:  # a code from somewhere not named above: say so plainly
        holds.append(messages.hold(HoldCode.AUTOCOUNT_REJECTED, "autocount_rejected.book_lacks",
                                   value=code, **lacks))
    return holds


def quote_arg(text: str) -> str:
    """``text`` as one command-line word: double-quoted when it has a space (cmd and sh)."""
    return f'"{text}"' if not text or any(c.isspace() for c in text) else text


_LIST_COMMAND = {"item": "items", "tax": "taxcodes", "payment_method": "payment-methods",
                 "debtor": "debtors", "location": "locations", "currency": "currencies"}


def _rate_used(order: Order, key: str) -> bool:
    rates = [ln.tax_rate for ln in order.lines if is_posted_line(ln)]
    rates += [s.tax_rate for s in order.shipping if is_charged(s)]
    return key in {tax_key(r) for r in rates} or bool(order.extras)
