"""Posting rules: a ready Order -> the AutoCount DocumentDraft (pure; the only place an order
becomes a document, ARCHITECTURE.md "Boundaries").

**Money rule (docs/decisions.md §3), applied once, here.** Lines carry the store's own unit prices,
quantities, discounts and tax codes, unrounded. The draft total is computed the way AutoCount
will compute it: each line amount ``qty * unit_price - discount`` rounded half-up to 2 places;
tax per line on that rounded amount, ``amount * rate / (100 + rate)`` when prices include tax,
``amount * rate / 100`` when they do not, rounded half-up to 2 places; total = sum of the line
amounts, plus the line taxes when prices exclude tax. A difference from the store's total of at
most RM 0.05 (:data:`ROUNDING_TOLERANCE`) becomes one untaxed "Rounding adjustment" line on the
store's ``rounding_account``, so the draft total equals the store's to the cent; a larger one
holds the order (``AMOUNT_MISMATCH``) naming both figures.

**Lines.** Products: the mapped item code and UOM, ``accNo`` = ``sales_account``; a bundle
SKU posts its components (:mod:`ecdesk.sync.bundles`, the price rule there). Shipping: the
item mapped to the method (a charge with no method name at all uses ``shipping_item``),
``accNo`` = ``shipping_account`` (default ``sales_account``). Extra charges (Woo fee lines,
surcharges, gift wrap): one line each on the ``fee_item`` item (default ``FEE``, from the seed
master data), with the mapped rate that reproduces their tax. Order-level discount: negative
lines with no item on ``sales_account``, one per product tax rate, the discount split in
proportion to each rate's net (:func:`allocate_discount`) so each share reduces its own tax.
Product lines with quantity 0 and nothing to pay (items removed by an order edit), free shipping
lines and zero extra charges are left out.

**Numbering (docs/decisions.md §2).** ``docNo`` = ``<doc_prefix><display number>``, or None
(AutoCount's own numbering) when ``own_numbering`` is on or it would exceed the route's
limit; ``ref`` = ``<Platform> <display number>`` cut to 40; ``docDate`` = the order's date
in the store's ``timezone`` (docs/decisions.md §1). A credit note is ``<invoice docNo>-R<seq>``.

**Marketplace fees (issue 5; reference/shopee-lazada-contracts.md §4).** Fees are not revenue:
the sale stays the gross sale (the e-invoice document) and the fees of a Shopee / Lazada order
go on ONE credit note to the same marketplace debtor (:func:`build_fee_note`), so the debtor's
outstanding is the expected payout and the bank receipt knocks it off. One line per
:class:`~ecdesk.domain.FeeKind` present (summed; a net rebate is a negative line) on the ledger
set in ``fee_account_<kind>``, no item and no tax code. DocNo ``<sale docNo>-F``, ref
``<Platform> <number> fees``. ``post_fees`` (default on for Shopee and Lazada) turns it off.
AutoCount refuses a document whose NetTotal is below zero (reference/autocount.md §2.1, the
wiki's rules), so fees that net to a credit are held for the clerk.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, time
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ecdesk.clock import DEFAULT_TIMEZONE, local_date
from ecdesk.domain import (
    PLATFORMS,
    ZERO,
    DocKind,
    DocumentDraft,
    DraftLine,
    FeeKind,
    Hold,
    HoldCode,
    Order,
    OrderLine,
    Refund,
)
from ecdesk.messages import hold
from ecdesk.sync import bundles
from ecdesk.sync.matching import (
    IMPLAUSIBLE,
    LIMIT_KEYS,
    Limits,
    Maps,
    extra_tax_rate,
    fmt,
    is_charged,
    is_posted_line,
    match_order,
    money,
    show,
    tax_code_for,
    tax_for,
    tax_key,
)
from ecdesk.validation import POSTING_MODES  # refused where entered, held here

ROUNDING_TOLERANCE = Decimal("0.05")  # docs/decisions.md §3
DEFAULT_CUTOFF = time(2, 0)
ROUNDING_LINE = "Rounding adjustment"
REF_MAX = 40  # Cloud master `ref` (reference/autocount.md §1.3)
DESCRIPTION_MAX = 80  # Cloud master `description`
LINE_DESCRIPTION_MAX = 100  # Cloud detail `description`
DEBTOR_NAME_MAX = 100
PREFIX_MAX = 4  # docs/decisions.md §2
DEFAULT_FEE_ITEM = "FEE"  # seed service item (sandbox/data/masterdata.json)


FEE_NOTE_SUFFIX = "-F"  # fee credit note DocNo: <sale docNo>-F
FEE_PLATFORMS = frozenset(p for p, f in PLATFORMS.items() if f.marketplace)  # post_fees on
#: FeeKind -> the per-store setting naming its ledger (fee_account_commission, ...)
FEE_SETTINGS: dict[FeeKind, str] = {kind: f"fee_account_{kind.value}" for kind in FeeKind}
FEE_LABELS: dict[FeeKind, str] = {
    FeeKind.COMMISSION: "Commission",
    FeeKind.SERVICE: "Service fee",
    FeeKind.TRANSACTION: "Transaction (payment) fee",
    FeeKind.SHIPPING: "Shipping fee borne by the seller",
    FeeKind.VOUCHER_SELLER: "Vouchers funded by the seller",
    FeeKind.VOUCHER_PLATFORM: "Vouchers funded by the platform",
    FeeKind.OTHER: "Other marketplace charges",
}

_KEY = {"order": "order", "credit note": "credit_note"}  # _balance's ``what`` -> message
REQUIRED_SETTINGS = ("debtor_code", "credit_term", "sales_location", "sales_account")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def setting_hold(key: str, problem: str = "not_set", **values: object) -> Hold:
    """CONFIG naming the setting ``key``; ``problem`` is the message variant
    (``config.<problem>`` in ``ecdesk.messages``) and ``values`` fill it."""
    return hold(HoldCode.CONFIG, f"config.{problem}", key=key, value=key, **values)


@dataclass
class PostingRules:
    """One store's posting settings (docs/decisions.md §4 keys, store value over `autocount`
    default). ``problems`` lists what is missing; every draft built with it is held for them."""

    debtor_code: str = ""
    debtor_name: str = ""
    credit_term: str = ""
    sales_location: str = ""
    sales_account: str = ""
    shipping_account: str = ""
    returns_account: str = ""
    rounding_account: str = ""
    shipping_item: str = ""
    fee_item: str = DEFAULT_FEE_ITEM
    payment_method: str = ""
    doc_prefix: str = ""
    timezone: str = DEFAULT_TIMEZONE
    doc_kind: DocKind = DocKind.INVOICE
    own_numbering: bool = False
    book_currency: str = "MYR"
    max_doc_no: int = 50  # Cloud 50, desktop 20 (docs/decisions.md §2)
    #: None = on for Shopee / Lazada, off elsewhere (:data:`FEE_PLATFORMS`)
    post_fees: bool | None = None
    #: the fee note waits until the marketplace releases the payout (its final figures)
    fees_on_release: bool = True
    fee_accounts: dict[FeeKind, str] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    #: docs/decisions.md §9: "order" (one document each) or "day" (one summary per day)
    posting_mode: str = "order"
    summary_cutoff: time = DEFAULT_CUTOFF  # a day's summary goes after this, the next day
    #: fees that grow after their note by at most this post as an adjustment (fee_adjust)
    fee_tolerance: Decimal = Decimal("1.00")
    problems: list[Hold] = field(default_factory=list)

    @classmethod
    def from_settings(cls, settings: dict[str, str], *, max_doc_no: int = 50) -> PostingRules:
        """Read the settings; a missing or invalid value becomes a CONFIG hold in ``problems``
        naming the setting (the order is held, never posted half-configured)."""
        s = {k: (v or "").strip() for k, v in settings.items()}
        problems = [setting_hold(k) for k in REQUIRED_SETTINGS if not s.get(k)]
        sales = s.get("sales_account", "")
        rules = cls(
            debtor_code=s.get("debtor_code", ""),
            debtor_name=s.get("debtor_name", "") or s.get("debtor_code", ""),
            credit_term=s.get("credit_term", ""),
            sales_location=s.get("sales_location", ""),
            sales_account=sales,
            shipping_account=s.get("shipping_account", "") or sales,
            returns_account=s.get("returns_account", "") or sales,
            rounding_account=s.get("rounding_account", ""),
            shipping_item=s.get("shipping_item", ""),
            fee_item=s.get("fee_item", "") or DEFAULT_FEE_ITEM,
            payment_method=s.get("payment_method", ""),
            doc_prefix=s.get("doc_prefix", ""),
            timezone=s.get("timezone", "") or DEFAULT_TIMEZONE,
            own_numbering=s.get("own_numbering", "").lower() in _TRUE,
            book_currency=(s.get("book_currency", "") or "MYR").upper(),
            max_doc_no=max_doc_no,
            fee_accounts={k: s[key] for k, key in FEE_SETTINGS.items() if s.get(key)},
            problems=problems,
        )
        post_fees = s.get("post_fees", "").lower()
        if post_fees in _TRUE | _FALSE:
            rules.post_fees = post_fees in _TRUE
        elif post_fees:
            problems.append(setting_hold("post_fees", "not_yes_no", setting=post_fees))
        on_release = s.get("fees_on_release", "").lower()
        if on_release in _TRUE | _FALSE:
            rules.fees_on_release = on_release in _TRUE
        elif on_release:
            problems.append(setting_hold("fees_on_release", "not_yes_no", setting=on_release))
        limits = {}
        for key in LIMIT_KEYS:
            if not s.get(key):
                continue
            try:
                limits[key] = Decimal(s[key].replace(",", ""))
                if not limits[key].is_finite() or limits[key] <= 0:
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                limits.pop(key, None)
                problems.append(setting_hold(key, "not_an_amount", setting=s[key]))
        rules.limits = Limits(**limits)
        if len(rules.doc_prefix) > PREFIX_MAX:
            problems.append(setting_hold("doc_prefix", "too_long", setting=rules.doc_prefix,
                                          limit=PREFIX_MAX))
        try:
            ZoneInfo(rules.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(setting_hold("timezone", "not_a_timezone", setting=rules.timezone,
                                          example=DEFAULT_TIMEZONE))
            rules.timezone = DEFAULT_TIMEZONE
        kind = s.get("doc_kind", "") or DocKind.INVOICE.value
        try:
            rules.doc_kind = DocKind(kind)
        except ValueError:
            choices = ", ".join(k.value for k in DocKind if k is not DocKind.CREDIT_NOTE)
            problems.append(setting_hold("doc_kind", "not_a_choice", setting=kind,
                                          choices=choices))
        if rules.doc_kind is DocKind.CREDIT_NOTE:
            problems.append(setting_hold("doc_kind", "credit_note_sale"))
            rules.doc_kind = DocKind.INVOICE
        rules._summary_settings(s)
        return rules

    def _summary_settings(self, s: dict[str, str]) -> None:
        """``posting_mode`` and ``summary_cutoff`` (docs/decisions.md §9)."""
        mode = s.get("posting_mode", "").lower() or "order"
        if mode in POSTING_MODES:
            self.posting_mode = mode
        else:
            self.problems.append(setting_hold("posting_mode", "not_a_choice", setting=mode,
                                               choices=", ".join(POSTING_MODES)))
        if s.get("fee_tolerance"):
            try:
                self.fee_tolerance = Decimal(s["fee_tolerance"].replace(",", ""))
                if not self.fee_tolerance.is_finite() or self.fee_tolerance < 0:
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                self.problems.append(setting_hold("fee_tolerance", "not_an_amount",
                                                   setting=s["fee_tolerance"]))
        cutoff = s.get("summary_cutoff", "")
        if cutoff:
            try:
                self.summary_cutoff = time.fromisoformat(cutoff)
            except ValueError:
                self.problems.append(setting_hold("summary_cutoff", "not_a_choice",
                                                   setting=cutoff, choices="HH:MM"))


def display_number(order: Order) -> str:
    """The number a clerk sees (docs/decisions.md §1); the external id if the store gave none."""
    return order.number.strip() or order.external_id.strip()


def doc_no_for(order: Order, rules: PostingRules) -> str | None:
    """``<prefix><display number>``; None = AutoCount numbers it (own numbering, or too long)."""
    if rules.own_numbering:
        return None
    doc_no = f"{rules.doc_prefix}{display_number(order)}"
    return doc_no if len(doc_no) <= rules.max_doc_no else None


def ref_for(order: Order, suffix: str = "") -> str:
    """``<Platform> <display number>`` (+ suffix), cut so it fits AutoCount's 40 characters."""
    base = f"{PLATFORMS[order.platform].ref} {display_number(order)}"
    return base[: REF_MAX - len(suffix)] + suffix


def draft_total(lines: list[DraftLine], inclusive: bool) -> Decimal:
    """The document total as AutoCount computes it (module docstring)."""
    total = sum((money(line.amount) for line in lines), ZERO)
    if not inclusive:
        total += sum((line.tax for line in lines), ZERO)
    return total


def _line(product_code: str | None, description: str, qty: Decimal, unit_price: Decimal, *,
          acc_no: str, unit: str = "", discount: Decimal = ZERO, tax_code: str = "",
          rate: Decimal | None = None, inclusive: bool = False) -> DraftLine:
    line = DraftLine(product_code=product_code, description=description[:LINE_DESCRIPTION_MAX],
                     qty=qty, unit_price=unit_price, acc_no=acc_no, unit=unit,
                     discount=discount, tax_code=tax_code)
    if tax_code:
        line.tax = tax_for(money(line.amount), rate, inclusive)
        line.tax_rate = rate
    return line


def _product_lines(ol: OrderLine, maps: Maps, qty: Decimal, discount: Decimal, *,
                   acc_no: str, tax_code: str, inclusive: bool) -> list[DraftLine]:
    """``qty`` of the order line's SKU: its mapped item, or a bundle's components
    (:mod:`ecdesk.sync.bundles`). The SKU is mapped (matching held the order otherwise)."""
    sku = (ol.sku or "").strip()
    parts = maps.bundles.get(sku)
    if parts:
        return [_line(c.item_code, ol.name, c.qty, c.unit_price, acc_no=acc_no,
                      discount=c.discount, tax_code=tax_code, rate=ol.tax_rate,
                      inclusive=inclusive)
                for c in bundles.split(parts, qty, qty * ol.unit_price, discount)]
    item = maps.items[sku]
    return [_line(item.item_code, ol.name, qty, ol.unit_price, acc_no=acc_no, unit=item.uom,
                  discount=discount, tax_code=tax_code, rate=ol.tax_rate, inclusive=inclusive)]


def _common_rate(order: Order) -> Decimal | None:
    """The products' tax rate when they all share one, else None."""
    posted = [line for line in order.lines if is_posted_line(line)]
    keys = {tax_key(line.tax_rate) for line in posted}
    if len(keys) != 1:
        return None
    return posted[0].tax_rate


def _sale_lines(order: Order, maps: Maps, rules: PostingRules) -> list[DraftLine]:
    inc = order.taxes_included
    lines: list[DraftLine] = []
    for ol in filter(is_posted_line, order.lines):
        lines += _product_lines(ol, maps, ol.quantity, ol.discount, acc_no=rules.sales_account,
                                tax_code=tax_code_for(maps, ol.tax_rate) or "", inclusive=inc)
    for ship in filter(is_charged, order.shipping):
        method = ship.method.strip()
        code = maps.shipping.get(method) or rules.shipping_item
        lines.append(_line(code, ship.title or method or "Shipping", Decimal(1), ship.amount,
                           acc_no=rules.shipping_account, discount=ship.discount,
                           tax_code=tax_code_for(maps, ship.tax_rate) or "",
                           rate=ship.tax_rate, inclusive=inc))
    for extra in order.extras:
        if extra.amount == 0 and extra.tax == 0:
            continue
        rate = extra_tax_rate(extra, maps, inc)
        lines.append(_line(rules.fee_item, extra.name or "Charge", Decimal(1), extra.amount,
                           acc_no=rules.sales_account,
                           tax_code=(tax_code_for(maps, rate) or "") if rate else "",
                           rate=rate, inclusive=inc))
    if order.order_discount:
        shares = allocate_discount(order)
        for rate, share in shares:
            label = "Order discount" + (f" ({tax_key(rate)}%)" if len(shares) > 1 else "")
            lines.append(_line(None, label, Decimal(1), -share, acc_no=rules.sales_account,
                               tax_code=tax_code_for(maps, rate) or "", rate=rate,
                               inclusive=inc))
    return lines


def allocate_discount(order: Order) -> list[tuple[Decimal | None, Decimal]]:
    """Split the order-level discount over the products' tax rates in proportion to their net
    amounts (each share rounded half-up, the last takes the remainder), so each share reduces
    the tax of its own rate. One untaxed share when there is nothing to weigh it by."""
    groups: dict[str, tuple[Decimal | None, Decimal]] = {}
    for ol in filter(is_posted_line, order.lines):
        rate, net = groups.get(tax_key(ol.tax_rate), (ol.tax_rate, ZERO))
        groups[tax_key(ol.tax_rate)] = (rate, net + ol.net)
    weighed = [(rate, net) for rate, net in groups.values() if net > 0]
    whole = sum((net for _, net in weighed), ZERO)
    if whole <= 0:
        return [(None, order.order_discount)]
    shares: list[tuple[Decimal | None, Decimal]] = []
    left = order.order_discount
    for i, (rate, net) in enumerate(weighed):
        share = left if i == len(weighed) - 1 else money(order.order_discount * net / whole)
        left -= share
        shares.append((rate, share))
    return shares


def _balance(lines: list[DraftLine], target: Decimal, inclusive: bool,
             rules: PostingRules, *, currency: str, what: str) -> Decimal | Hold:
    """Add the rounding line that makes ``lines`` total ``target``; a Hold beyond tolerance."""
    computed = draft_total(lines, inclusive)
    diff = money(target) - computed
    if diff == 0:
        return computed
    if abs(diff) > ROUNDING_TOLERANCE:
        return hold(HoldCode.AMOUNT_MISMATCH, f"amount_mismatch.rounding_{_KEY[what]}",
                    computed=fmt(computed, currency), total=fmt(target, currency),
                    diff=f"{abs(diff):.2f}", tolerance=ROUNDING_TOLERANCE,
                    value=f"{computed:.2f}")
    if not rules.rounding_account:
        return setting_hold("rounding_account", f"rounding_{_KEY[what]}", diff=f"{diff:.2f}")
    lines.append(_line(None, ROUNDING_LINE, Decimal(1), diff,
                       acc_no=rules.rounding_account))
    return money(target)


def debtor_fields(rules: PostingRules) -> dict[str, str]:
    """The master fields every document of the store shares (AutoCount's required five,
    less the date)."""
    return {"debtor_code": rules.debtor_code,
            "debtor_name": rules.debtor_name[:DEBTOR_NAME_MAX],
            "credit_term": rules.credit_term, "sales_location": rules.sales_location}


def build_draft(order: Order, maps: Maps, rules: PostingRules) -> DocumentDraft | list[Hold]:
    """The document for ``order``, or every reason it cannot be posted (setup, matching,
    amounts): one call gives the engine the whole verdict."""
    holds = list(rules.problems)
    holds += match_order(order, maps, book_currency=rules.book_currency,
                         shipping_item=rules.shipping_item, limits=rules.limits)
    if holds:
        return holds
    inclusive = order.taxes_included
    lines = _sale_lines(order, maps, rules)
    total = _balance(lines, order.total, inclusive, rules, currency=order.currency,
                     what="order")
    if isinstance(total, Hold):
        return [total]
    title = PLATFORMS[order.platform].ref
    draft = DocumentDraft(
        kind=rules.doc_kind,
        doc_no=doc_no_for(order, rules),
        ref=ref_for(order),
        doc_date=local_date(order.created_at, rules.timezone),
        **debtor_fields(rules),
        currency=order.currency,
        inclusive_tax=inclusive,
        total=total,
        lines=lines,
        description=f"{title} order {display_number(order)}"[:DESCRIPTION_MAX],
        remarks=[f"ecd:{content_hash(order)[:16]}"],
    )
    if rules.doc_kind is DocKind.CASH_SALE:
        gateways = [g.strip() for g in order.payment_methods if g and g.strip()]
        draft.payment_method = (maps.payment.get(gateways[0], "") if gateways else "") \
            or rules.payment_method
        draft.payment_amount = total
    return draft


def _d(value: Decimal | None) -> str | None:
    """A Decimal as canonical text: 10, 10.0 and 10.00 hash alike."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def content_hash(order: Order) -> str:
    """SHA-256 of exactly what reaches the document (numbers, date, lines, tax basis, total,
    currency, gateways), so "changed after posting" ignores trivial updates (updated_at, tags,
    status text, customer notes)."""
    payload = {
        "number": display_number(order),
        "created_at": order.created_at.astimezone(UTC).isoformat(),
        "currency": order.currency.upper(),
        "taxes_included": order.taxes_included,
        "total": _d(order.total),
        "order_discount": _d(order.order_discount),
        "tax_total": _d(order.tax_total),
        "lines": [[(ol.sku or "").strip(), ol.name, _d(ol.quantity), _d(ol.unit_price),
                   _d(ol.discount), _d(ol.tax_rate), _d(ol.tax)] for ol in order.lines],
        "shipping": [[s.method.strip(), s.title, _d(s.amount), _d(s.discount), _d(s.tax_rate),
                      _d(s.tax)] for s in order.shipping],
        "extras": [[e.name, _d(e.amount), _d(e.tax)] for e in order.extras],
        "payment": [g.strip() for g in order.payment_methods],
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _refund_lines(order: Order, refund: Refund, maps: Maps, rules: PostingRules
                  ) -> tuple[list[DraftLine], list[Hold]]:
    by_id: dict[str, OrderLine] = {ol.line_id: ol for ol in order.lines}
    lines: list[DraftLine] = []
    holds: list[Hold] = []
    for line_id, qty in refund.lines:
        ol = by_id.get(line_id)
        if ol is None or qty <= 0 or qty > ol.quantity:
            holds.append(hold(
                HoldCode.BAD_PAYLOAD,
                "bad_payload.refund_line" if ol else "bad_payload.refund_no_line",
                refund=refund.refund_id, qty=qty, line=line_id,
                sold=ol.quantity if ol else "", value=line_id))
            continue
        sku = (ol.sku or "").strip()
        code = tax_code_for(maps, ol.tax_rate)
        if not maps.is_mapped(sku):
            holds.append(hold(HoldCode.UNMAPPED_SKU if sku else HoldCode.MISSING_SKU,
                              "unmapped_sku.refund", line=ol.name, sku=sku,
                              value=sku or ol.name))
            continue
        if code is None:
            key = tax_key(ol.tax_rate)
            holds.append(hold(HoldCode.UNMAPPED_TAX, "unmapped_tax.refund", rate=key,
                              line=ol.name, value=key))
            continue
        discount = money(ol.discount * qty / ol.quantity) if ol.discount else ZERO
        lines += _product_lines(ol, maps, qty, discount, acc_no=rules.returns_account,
                                tax_code=code, inclusive=order.taxes_included)
    return lines, holds


def build_credit_note(order: Order, refund: Refund, seq: int, maps: Maps,
                      rules: PostingRules, *, invoice_doc_no: str | None,
                      stem: str | None = None) -> DocumentDraft | list[Hold]:
    """Credit note for ``refund`` against the posted invoice ``invoice_doc_no``, numbered
    ``<stem>-R<seq>`` (``stem``: the invoice's DocNo, or the order's own number when the
    invoice is a day's summary of many orders).

    With refunded line quantities: one line per returned item at the store's price (discount
    pro-rated), and whatever the refund holds beyond them (shipping, adjustments) on one
    "Refund balance" line on ``returns_account`` (default ``sales_account``). Without: one line
    for the amount on ``returns_account``, tax-inclusive at the products' rate when they share
    one. Total = ``refund.amount`` exactly (rounding rule as for the sale)."""
    holds = list(rules.problems)
    if money(refund.amount) <= 0:
        holds.append(hold(HoldCode.AMOUNT_MISMATCH, "amount_mismatch.refund_zero",
                          refund=refund.refund_id, amount=fmt(refund.amount, order.currency),
                          value=f"{refund.amount}"))
    if holds:
        return holds
    desc = f"Refund {refund.refund_id}" + (f": {refund.reason}" if refund.reason else "")
    if refund.lines:
        inclusive = order.taxes_included
        lines, line_holds = _refund_lines(order, refund, maps, rules)
        if line_holds:
            return line_holds
        rest = money(refund.amount) - draft_total(lines, inclusive)
        if abs(rest) > ROUNDING_TOLERANCE:
            lines.append(_line(None, f"Refund balance ({desc})", Decimal(1), rest,
                               acc_no=rules.returns_account))
    else:
        inclusive = True
        rate = _common_rate(order)
        code = tax_code_for(maps, rate) or ""
        lines = [_line(None, desc, Decimal(1), money(refund.amount), acc_no=rules.returns_account,
                       tax_code=code, rate=rate, inclusive=True)]
    total = _balance(lines, refund.amount, inclusive, rules, currency=order.currency,
                     what="credit note")
    if isinstance(total, Hold):
        return [total]
    suffix = f"-R{seq}"
    stem = stem or invoice_doc_no
    derived = stem and not rules.own_numbering  # a book that numbers its own
    doc_no = f"{stem}{suffix}" if derived else None
    if doc_no is not None and len(doc_no) > rules.max_doc_no:
        doc_no = None
    when = refund.created_at or order.created_at
    return DocumentDraft(
        kind=DocKind.CREDIT_NOTE,
        doc_no=doc_no,
        ref=ref_for(order, f" R{seq}"),
        doc_date=local_date(when, rules.timezone),
        **debtor_fields(rules),
        currency=order.currency,
        inclusive_tax=inclusive,
        total=total,
        lines=lines,
        description=f"{PLATFORMS[order.platform].ref} refund {display_number(order)} "
                    f"R{seq}"[:DESCRIPTION_MAX],
        our_invoice_no=invoice_doc_no or "",
    )


def fees_enabled(order: Order, rules: PostingRules) -> bool:
    """``post_fees`` if set, else on for the marketplaces (:data:`FEE_PLATFORMS`) and for an
    order paid through its platform's own gateway with a stated payout (Shopify Payments)."""
    if rules.post_fees is not None:
        return rules.post_fees
    return order.platform in FEE_PLATFORMS or (
        order.settlement is not None and PLATFORMS[order.platform].gateway_payouts)


def fees_due(order: Order, rules: PostingRules) -> bool:
    """True when the order's fee note may be posted now: fees are on and, with
    ``fees_on_release`` (the default), the marketplace has released the payout, so the note
    carries the final figures (docs/decisions.md §6). An order whose data has no settlement
    at all has no release to wait for."""
    if not fees_enabled(order, rules):
        return False
    return not rules.fees_on_release or order.settlement is None or order.settlement_released


def fee_totals(order: Order) -> dict[FeeKind, Decimal]:
    """The order's fees summed per kind (in :class:`FeeKind` order), each rounded to the cent;
    kinds that net to zero are left out."""
    sums: dict[FeeKind, Decimal] = {}
    for fee in order.fees:
        sums[fee.kind] = sums.get(fee.kind, ZERO) + fee.amount
    return {kind: money(sums[kind]) for kind in FeeKind if kind in sums and money(sums[kind])}


def _fee_description(order: Order, kind: FeeKind) -> str:
    """``Commission: Shopee commission fee, Shopee affiliate (AMS) commission``."""
    texts = list(dict.fromkeys(f.description for f in order.fees if f.kind is kind
                               and f.description))
    label = FEE_LABELS[kind]
    return (f"{label}: {', '.join(texts)}" if texts else label)[:LINE_DESCRIPTION_MAX]


def payout_holds(order: Order, fees: Decimal) -> list[Hold]:
    """The hold when the order's parts (total - ``fees`` - refunds) do not make the payout
    the marketplace states (docs/decisions.md §6); nothing without a stated payout."""
    payout = order.settlement
    if payout is None:
        return []
    parts = order.total - fees - order.refunded
    plausible = all(v.is_finite() and abs(v) < IMPLAUSIBLE for v in (parts, payout))
    if plausible and money(parts) == money(payout):
        return []
    return [hold(HoldCode.AMOUNT_MISMATCH, "amount_mismatch.payout",
                 number=display_number(order), parts=show(parts, order.currency),
                 payout=show(payout, order.currency),
                 diff=show(abs(money(parts) - money(payout)), order.currency)
                 if plausible else "?", value=str(payout))]


def build_fee_note(order: Order, rules: PostingRules, sale_doc_no: str | None, *,
                   stem: str | None = None) -> DocumentDraft | list[Hold] | None:
    """The credit note carrying the marketplace's fees for ``order`` (module docstring), every
    reason it cannot be posted, or None when there is nothing to post (fees off, no fees, or
    fees that net to zero). Numbered ``<stem>-F`` (as :func:`build_credit_note`)."""
    if not fees_enabled(order, rules):
        return None
    totals = fee_totals(order)
    total = sum(totals.values(), ZERO)
    if total == 0:
        return None
    number = display_number(order)
    holds = list(rules.problems)
    for kind in totals:
        if not rules.fee_accounts.get(kind):
            key = FEE_SETTINGS[kind]
            holds.append(hold(HoldCode.CONFIG, "config.fee_ledger", number=number,
                              fee=FEE_LABELS[kind].lower(),
                              amount=fmt(totals[kind], order.currency), key=key, value=key))
    if total < 0:
        holds.append(hold(HoldCode.AMOUNT_MISMATCH, "amount_mismatch.fee_credit", number=number,
                          amount=fmt(-total, order.currency), value=f"{total:.2f}"))
    holds += payout_holds(order, total)
    if holds:
        return holds
    lines = [_line(None, _fee_description(order, kind), Decimal(1), amount,
                   acc_no=rules.fee_accounts[kind]) for kind, amount in totals.items()]
    doc_no = None
    stem = stem or sale_doc_no
    if stem and not rules.own_numbering:
        doc_no = f"{stem}{FEE_NOTE_SUFFIX}"
        if len(doc_no) > rules.max_doc_no:
            doc_no = None
    return DocumentDraft(
        kind=DocKind.CREDIT_NOTE,
        doc_no=doc_no,
        ref=ref_for(order, " fees"),
        doc_date=local_date(order.created_at, rules.timezone),
        **debtor_fields(rules),
        currency=order.currency,
        inclusive_tax=False,
        total=draft_total(lines, False),
        lines=lines,
        description=f"Marketplace fees for order {number}"[:DESCRIPTION_MAX],
        our_invoice_no=sale_doc_no or "",
    )
