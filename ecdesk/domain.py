"""Canonical order and document shapes: pure Python, no I/O.

Every connector turns its platform's payload into an :class:`Order`; matching reads an Order
and the maps and answers :class:`Hold` values; posting turns a ready Order into a
:class:`DocumentDraft`. Money is ``Decimal`` throughout, with the order's ``currency`` carried
beside it; nothing here rounds (rounding happens once, in posting).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

ZERO = Decimal("0")
CENT = Decimal("0.01")


class Platform(StrEnum):
    SHOPIFY = "shopify"
    WOOCOMMERCE = "woocommerce"
    SHOPEE = "shopee"
    LAZADA = "lazada"
    CUSTOM = "custom"


@dataclass(frozen=True)
class PlatformFacts:
    """What ecdesk knows of one platform, in one place (issue 11): the posting, the window,
    the services and the connector registry all read :data:`PLATFORMS`."""

    title: str  # its name for the clerk (the window translates "Custom feed")
    ref: str  # first word of a document's ref: "<ref> <order number>" (docs/decisions.md §2)
    prefix: str  # the usual DocNo prefix, "SH" -> SH-1001 (SH2-... when taken)
    connector: str  # "module:Class" of its connector, imported when first used
    marketplace: bool = False  # paid out net of fees: fee notes on by default
    takes_stock: bool = True  # ecdesk can push stock and tracking to it
    #: its orders name the payout they were paid in: ``posting_mode=payout`` is possible
    names_payouts: bool = False
    #: only orders paid through the platform's own gateway (Shopify Payments, WooPayments)
    #: carry a payout: those get fee notes and wait for their payout; the rest post as any
    #: web order (no fees; in ``posting_mode=payout``, their day's summary)
    gateway_payouts: bool = False


PLATFORMS: dict[Platform, PlatformFacts] = {
    Platform.SHOPIFY: PlatformFacts(
        "Shopify", "Shopify", "SH", "ecdesk.sync.connectors.shopify:ShopifyConnector",
        names_payouts=True, gateway_payouts=True),
    Platform.WOOCOMMERCE: PlatformFacts(
        "WooCommerce", "WooCommerce", "WC",
        "ecdesk.sync.connectors.woocommerce:WooCommerceConnector",
        names_payouts=True, gateway_payouts=True),
    Platform.SHOPEE: PlatformFacts(
        "Shopee", "Shopee", "SP", "ecdesk.sync.connectors.shopee:ShopeeConnector",
        marketplace=True, names_payouts=True),
    Platform.LAZADA: PlatformFacts(
        "Lazada", "Lazada", "LZ", "ecdesk.sync.connectors.lazada:LazadaConnector",
        marketplace=True, names_payouts=True),
    Platform.CUSTOM: PlatformFacts(
        "Custom feed", "Web", "WB", "ecdesk.sync.connectors.custom:CustomFeedConnector",
        takes_stock=False),
}


class Disposition(StrEnum):
    """What the platform's status says about posting (docs/decisions.md §1 table, per connector)."""

    POSTABLE = "postable"  # paid (or COD accepted): post it once
    WAITING = "waiting"  # unpaid / pending payment: no clerk action, re-evaluated next sync
    IGNORED = "ignored"  # cancelled / failed before it was ever posted


class Outcome(StrEnum):
    """Where an order stands in ecdesk after a sync (docs/decisions.md §1)."""

    NEW = "new"  # fetched, not evaluated yet
    POSTED = "posted"
    HELD = "held"
    WAITING = "waiting"
    IGNORED = "ignored"


class HoldCode(StrEnum):
    """Why an order is held. The ``detail`` of a :class:`Hold` names the failing value."""

    UNMAPPED_SKU = "unmapped_sku"
    MISSING_SKU = "missing_sku"
    UNKNOWN_PAYMENT = "unknown_payment"
    UNMAPPED_SHIPPING = "unmapped_shipping"
    UNMAPPED_TAX = "unmapped_tax"
    AMOUNT_MISMATCH = "amount_mismatch"
    CURRENCY = "currency"
    DUPLICATE = "duplicate"
    BAD_PAYLOAD = "bad_payload"
    CHANGED_AFTER_POSTING = "changed_after_posting"
    REFUNDED_AFTER_POSTING = "refunded_after_posting"
    CANCELLED_AFTER_POSTING = "cancelled_after_posting"
    AUTOCOUNT_REJECTED = "autocount_rejected"
    CONFIG = "config"
    OUT_OF_RANGE = "out_of_range"


# Codes a clerk fixes by adding a mapping; "Retry all fixable" retries these.
FIXABLE_BY_MAPPING = frozenset(
    {HoldCode.UNMAPPED_SKU, HoldCode.UNKNOWN_PAYMENT, HoldCode.UNMAPPED_SHIPPING,
     HoldCode.UNMAPPED_TAX, HoldCode.CONFIG, HoldCode.AUTOCOUNT_REJECTED}
)


@dataclass(frozen=True)
class Hold:
    """One reason an order cannot be posted, in words a clerk understands.

    ``key`` names its sentence in ``ecdesk.messages`` and ``params`` the values that fill it,
    so the window can show it in the clerk's language (``messages.hold`` makes one);
    ``detail`` is the English sentence (the CLI's, and the only text of an older hold)."""

    code: HoldCode
    detail: str
    value: str = ""  # the failing value (a SKU, a gateway name...) for the "fix" path
    key: str = field(default="", compare=False)
    params: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        from ecdesk.messages import title  # the one list of titles lives with the wording

        return f"{title(self.code.value)}: {self.detail}"


@dataclass
class OrderLine:
    """One product line as the store sold it.

    ``unit_price`` is the store's own pre-discount unit price, tax-inclusive when the order's
    ``taxes_included`` is true (Shopify, Shopee, Lazada) and tax-exclusive otherwise.
    ``discount`` is the total discount on the line (same tax basis as the price); ``tax`` the
    line's tax amount; ``tax_rate`` a percentage (``Decimal("8")`` for 8 %), None if untaxed.
    """

    line_id: str
    sku: str | None
    name: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal = ZERO
    tax: Decimal = ZERO
    tax_rate: Decimal | None = None

    @property
    def gross(self) -> Decimal:
        """Quantity times unit price, before discount."""
        return self.quantity * self.unit_price

    @property
    def net(self) -> Decimal:
        """What the line contributes to the order, on the order's tax basis."""
        return self.gross - self.discount


@dataclass
class ShippingLine:
    """A shipping charge. ``method`` is the key clerks map (docs/decisions.md §4 `map shipping`)."""

    method: str
    title: str
    amount: Decimal
    discount: Decimal = ZERO
    tax: Decimal = ZERO
    tax_rate: Decimal | None = None

    @property
    def net(self) -> Decimal:
        return self.amount - self.discount


class FeeKind(StrEnum):
    """Marketplace charges that are not revenue; each maps to a ledger per store."""

    COMMISSION = "commission"
    SERVICE = "service"
    TRANSACTION = "transaction"
    SHIPPING = "shipping_fee"
    VOUCHER_SELLER = "voucher_seller"
    VOUCHER_PLATFORM = "voucher_platform"
    OTHER = "other"


@dataclass
class Fee:
    """A fee or settlement adjustment; positive amounts are charged to the seller."""

    kind: FeeKind
    amount: Decimal
    description: str = ""


@dataclass
class ExtraCharge:
    """An order-level charge or credit that is neither product nor shipping (Woo fee lines,
    payment surcharges, gift wrap). Positive adds to the order total."""

    name: str
    amount: Decimal
    tax: Decimal = ZERO


@dataclass
class Refund:
    """Money given back after the sale. ``amount`` is positive."""

    refund_id: str
    amount: Decimal
    created_at: datetime | None = None
    reason: str = ""
    lines: list[tuple[str, Decimal]] = field(default_factory=list)  # (line_id, quantity)


@dataclass
class Customer:
    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    external_id: str = ""


@dataclass
class Order:
    """A store order in ecdesk's canonical shape.

    Totals must reconcile to the cent: for ``taxes_included`` orders
    ``sum(line.net) + sum(shipping.net) + sum(extras) - order_discount == total``; otherwise
    tax is added on top (``+ tax_total``). ``total`` is what the buyer paid for the sale (before
    later refunds).
    """

    platform: Platform
    external_id: str
    number: str  # display number a clerk sees (docs/decisions.md §1)
    created_at: datetime  # timezone-aware
    updated_at: datetime  # timezone-aware
    currency: str
    status: str  # the platform's own status text, for the clerk
    disposition: Disposition
    total: Decimal
    taxes_included: bool = False
    lines: list[OrderLine] = field(default_factory=list)
    shipping: list[ShippingLine] = field(default_factory=list)
    extras: list[ExtraCharge] = field(default_factory=list)
    order_discount: Decimal = ZERO  # discount not allocated to lines (same basis as prices)
    tax_total: Decimal = ZERO
    payment_methods: list[str] = field(default_factory=list)
    customer: Customer = field(default_factory=Customer)
    refunds: list[Refund] = field(default_factory=list)
    fees: list[Fee] = field(default_factory=list)
    cancelled: bool = False
    test: bool = False
    #: why a ``WAITING`` order waits, when it is not the platform's own status (no
    #: settlement data yet, ...): shown to the clerk
    waiting_reason: str = ""
    #: what the marketplace says it pays out for the order (Shopee ``escrow_amount``, the sum
    #: of Lazada's finance rows, the net of a Shopify Payments order's balance transactions
    #: or of a WooPayments order's transactions);
    #: None where the platform states none (docs/decisions.md §6)
    settlement: Decimal | None = None
    #: the marketplace has released that payout (Shopee: the order is COMPLETED and its
    #: escrow paid out; Lazada: every finance row is "Paid"): its figures no longer change
    settlement_released: bool = False
    #: the released payout the order's money went out in (Lazada's statement; Shopee's day
    #: of escrow release), and that payout's day: ``posting_mode=payout`` posts one summary
    #: per payout (decisions §9)
    payout_ref: str = ""
    payout_date: date | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def refunded(self) -> Decimal:
        return sum((r.amount for r in self.refunds), ZERO)


class DocKind(StrEnum):
    """AutoCount documents a store's rules may choose (docs/decisions.md §2)."""

    SALES_ORDER = "sales_order"
    INVOICE = "invoice"
    CASH_SALE = "cash_sale"
    DELIVERY_ORDER = "delivery_order"
    CREDIT_NOTE = "credit_note"


@dataclass
class DraftLine:
    """One AutoCount detail row. Amounts are already rounded by posting's stated rule."""

    product_code: str | None
    description: str
    qty: Decimal
    unit_price: Decimal
    acc_no: str = ""
    unit: str = ""
    discount: Decimal = ZERO  # amount off the line, as AutoCount's discount formula "12.50"
    tax_code: str = ""
    tax: Decimal = ZERO  # tax AutoCount will compute for the line (for the expected total)
    tax_rate: Decimal | None = None  # the rate behind ``tax`` (kept in ecdesk, not sent)

    @property
    def amount(self) -> Decimal:
        return self.qty * self.unit_price - self.discount


@dataclass
class DocumentDraft:
    """An AutoCount document ready for the outbox. ``total`` is the amount AutoCount should
    show once posted; posting checks it against the store's total."""

    kind: DocKind
    doc_no: str | None  # derived from the order; None = AutoCount's own numbering
    ref: str
    doc_date: date
    debtor_code: str
    debtor_name: str
    credit_term: str
    sales_location: str
    currency: str
    inclusive_tax: bool
    total: Decimal
    lines: list[DraftLine] = field(default_factory=list)
    description: str = ""
    payment_method: str = ""
    payment_amount: Decimal | None = None
    our_invoice_no: str = ""  # credit notes: the invoice they credit
    remarks: list[str] = field(default_factory=list)
    note: str = ""  # the master's free-text note (a summary lists its orders there)


@dataclass(frozen=True)
class PostedDocument:
    """What AutoCount holds for a document we created or found."""

    kind: DocKind
    doc_no: str
    ref: str
    total: Decimal | None = None
    cancelled: bool = False
