"""Clerk-facing sentences as codes plus values: one English template per message.

The core records a message key and its values (a hold's ``key`` and ``params``); the CLI
renders the English here with :func:`render`; the window passes the same template through
Qt's translator (context ``messages``) and then formats it with the values, so a held
order reads in the clerk's language. Plain Python: no Qt. ``QT_TRANSLATE_NOOP`` below only
marks the templates for ``pyside6-lupdate`` (``make translations-update``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ecdesk.domain import Hold, HoldCode

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
# code and a variant (``unmapped_shipping.no_method``). Values are strings (amounts
# already formatted with their currency).
TEMPLATES: dict[str, str] = {
    "unmapped_sku": QT_TRANSLATE_NOOP(
        "messages",
        "SKU '{sku}' (line '{line}') has no AutoCount item code. Map it in Mapping > Items, then "
        'Retry.'),
    "missing_sku": QT_TRANSLATE_NOOP(
        "messages",
        "Line '{line}' has no SKU in the store, so it cannot be matched to an AutoCount item. "
        'Post this order by hand in AutoCount and mark it Resolved; give the product a SKU in the'
        ' store so later orders match.'),
    "unmapped_shipping": QT_TRANSLATE_NOOP(
        "messages",
        "Shipping method '{method}' has no AutoCount item. Map it in Mapping > Shipping, then "
        'Retry.'),
    "unmapped_shipping.titled": QT_TRANSLATE_NOOP(
        "messages",
        "Shipping method '{method}' ('{title}') has no AutoCount item. Map it in Mapping > "
        'Shipping, then Retry.'),
    "unmapped_shipping.no_method": QT_TRANSLATE_NOOP(
        "messages",
        "Shipping charge '{title}' ({amount}) has no shipping method name and the store has no "
        "default shipping item. Set 'shipping_item' in the store's posting settings, then Retry."),
    "unknown_payment": QT_TRANSLATE_NOOP(
        "messages",
        "Payment method '{gateway}' has no AutoCount payment method. Map it in Mapping > "
        'Payments, then Retry.'),
    "unknown_payment.none": QT_TRANSLATE_NOOP(
        "messages",
        'The order ({amount}) has no payment method in the store. Check how it was paid in the '
        'store, post it by hand if needed, then mark it Resolved.'),
    "unmapped_tax": QT_TRANSLATE_NOOP(
        "messages",
        "Tax rate {rate}% (line '{line}') has no AutoCount tax code. Map it in Mapping > Tax, "
        'then Retry.'),
    "unmapped_tax.no_rate": QT_TRANSLATE_NOOP(
        "messages",
        "Line '{line}' carries tax {tax} but the store sent no tax rate, so no tax code can be "
        'chosen. Check the tax settings in the store, then Retry.'),
    "unmapped_tax.charge": QT_TRANSLATE_NOOP(
        "messages",
        "Charge '{charge}' carries tax {tax} that no mapped tax rate gives to the cent. Map its "
        'rate in Mapping > Tax, then Retry.'),
    "currency": QT_TRANSLATE_NOOP(
        "messages",
        'The order is in {currency} but the AutoCount book is in {book}. Foreign-currency orders '
        'are not posted automatically: post it by hand in AutoCount, then mark it Resolved.'),
    "amount_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "Lines, shipping and tax add up to {computed} but the store's total is {total} "
        '(difference {diff}). Check the order in the store; if the store shows it correctly, post'
        ' it by hand in AutoCount and mark it Resolved.'),
    "amount_mismatch.tax_included": QT_TRANSLATE_NOOP(
        "messages",
        "Lines and shipping add up to {computed} but the store's total is {total} (difference "
        '{diff}). Check the order in the store; if the store shows it correctly, post it by hand '
        'in AutoCount and mark it Resolved.'),
    "config.not_set": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is not set. Set it in the store's posting settings (or `ecdesk "
        'store set STORE --set {key}=VALUE`), then Retry.'),
    "config.not_yes_no": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is '{setting}', not true or false. Set it in the store's posting"
        ' settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.'),
    "config.too_long": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is '{setting}', longer than {limit} characters. Set it in the "
        "store's posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry."),
    "config.not_a_timezone": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is '{setting}', not a time zone such as {example}. Set it in the"
        " store's posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry."),
    "config.not_a_choice": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is '{setting}', not one of {choices}. Set it in the store's "
        'posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.'),
    "config.not_an_amount": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is '{setting}', not an amount above 0. Set it in the store's "
        "posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry."),
    "config.credit_note_sale": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' cannot be credit_note for a sale. Set it in the store's posting "
        'settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.'),
    "config.rounding_order": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is not set, and this order needs a rounding line of {diff}. Set "
        "it in the store's posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then"
        ' Retry.'),
    "config.rounding_credit_note": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is not set, and this credit note needs a rounding line of "
        "{diff}. Set it in the store's posting settings (or `ecdesk store set STORE --set "
        '{key}=VALUE`), then Retry.'),
    "amount_mismatch.rounding_order": QT_TRANSLATE_NOOP(
        "messages",
        "AutoCount would total this order {computed} but the store's total is {total} (difference"
        ' {diff}, more than the {tolerance} rounding allowance). Check the tax codes mapped for '
        "this store's rates, then Retry."),
    "amount_mismatch.rounding_credit_note": QT_TRANSLATE_NOOP(
        "messages",
        "AutoCount would total this credit note {computed} but the store's total is {total} "
        '(difference {diff}, more than the {tolerance} rounding allowance). Check the tax codes '
        "mapped for this store's rates, then Retry."),
    "bad_payload.refund_line": QT_TRANSLATE_NOOP(
        "messages",
        'Refund {refund} returns {qty} of line {line} but the order sold {sold}. Check the refund'
        ' in the store; post the credit note by hand if needed.'),
    "bad_payload.refund_no_line": QT_TRANSLATE_NOOP(
        "messages",
        'Refund {refund} returns {qty} of line {line} but the order has no such line. Check the '
        'refund in the store; post the credit note by hand if needed.'),
    "unmapped_sku.refund": QT_TRANSLATE_NOOP(
        "messages",
        "Refunded line '{line}' (SKU '{sku}') has no AutoCount item code. Map it in Mapping > "
        'Items, then Retry.'),
    "unmapped_tax.refund": QT_TRANSLATE_NOOP(
        "messages",
        "Tax rate {rate}% (refunded line '{line}') has no AutoCount tax code. Map it in Mapping >"
        ' Tax, then Retry.'),
    "duplicate.number": QT_TRANSLATE_NOOP(
        "messages",
        "Order {order} has the same number as order {other} of this store, so both would be "
        "AutoCount document {doc_no}. Correct the number in the store, or post it by hand and "
        "mark it Resolved (or let AutoCount number this store's documents: own_numbering)."),
    "amount_mismatch.refund_zero": QT_TRANSLATE_NOOP(
        "messages",
        'Refund {refund} is {amount}: nothing to credit. Check the refund in the store, then mark'
        ' it Resolved.'),
    "config.fee_ledger": QT_TRANSLATE_NOOP(
        "messages",
        "Order {number} has {fee} of {amount} but no ledger is set for it. Set '{key}' to the "
        "AutoCount account for it in the store's posting settings (or `ecdesk store set STORE "
        '--set {key}=ACCOUNT`, e.g. {key}=908-1000), then Retry.'),
    "amount_mismatch.fee_credit": QT_TRANSLATE_NOOP(
        "messages",
        "The marketplace's fees for order {number} net to a credit of {amount} (rebates above "
        'charges), and AutoCount cannot post a credit note below zero. Record the credit in '
        'AutoCount by hand, then mark the order Resolved.'),
    "bad_payload.crash": QT_TRANSLATE_NOOP(
        "messages",
        'ecdesk could not process this order ({error}). Nothing was posted twice; press Retry '
        'after an update, or post it by hand and mark it Resolved.'),
    "config.route": QT_TRANSLATE_NOOP(
        "messages",
        "The AutoCount route '{route}' cannot create a {kind}; choose another document in "
        'Automation.'),
    "autocount_rejected": QT_TRANSLATE_NOOP(
        "messages",
        '{said}. Fix what AutoCount names (in AutoCount, or the mapping or posting setting that '
        'gives it), then Retry.'),
    "cancelled_after_posting": QT_TRANSLATE_NOOP(
        "messages",
        'Order {number} was cancelled in the store after it was posted as {doc}. Void or credit '
        '{doc} in AutoCount, then mark the order Resolved.'),
    "changed_after_posting": QT_TRANSLATE_NOOP(
        "messages",
        'Order {number} was edited in the store after it was posted as {doc}; the AutoCount '
        'document no longer matches. Correct it in AutoCount, then mark the order Resolved.'),
    "currency.book_keeps": QT_TRANSLATE_NOOP(
        "messages",
        "The order is in {currency} but the AutoCount book keeps {book}. Post it by hand in "
        "AutoCount, then mark it Resolved."),
    "config.book_lacks": QT_TRANSLATE_NOOP(
        "messages",
        "Posting setting '{key}' is {kind} '{code}', which the AutoCount book does not have"
        "{tail}. Set it to a code the book has in the store's posting settings (`ecdesk store "
        "set {store} --set {key}=CODE`, `ecdesk autocount {listing}` lists them), then Retry."),
    "unmapped_sku.book_lacks": QT_TRANSLATE_NOOP(
        "messages",
        "SKU '{sku}' is mapped to {kind} '{code}', which the AutoCount book does not have{tail}."
        " Map it to an item the book has in Mapping > Items, then Retry."),
    "unmapped_shipping.book_lacks": QT_TRANSLATE_NOOP(
        "messages",
        "Shipping method '{method}' is mapped to {kind} '{code}', which the AutoCount book does "
        "not have{tail}. Map it to an item the book has in Mapping > Shipping, then Retry."),
    "unmapped_tax.book_lacks": QT_TRANSLATE_NOOP(
        "messages",
        "Tax rate {rate}% is mapped to {kind} '{code}', which the AutoCount book does not have"
        "{tail}. Map it to a tax code the book has in Mapping > Tax, then Retry."),
    "unknown_payment.book_lacks": QT_TRANSLATE_NOOP(
        "messages",
        "Payment method '{gateway}' is mapped to {kind} '{code}', which the AutoCount book does "
        "not have{tail}. Map it to a payment method the book has in Mapping > Payments, then "
        "Retry."),
    "autocount_rejected.book_lacks": QT_TRANSLATE_NOOP(
        "messages",
        "The document uses {kind} '{code}', which the AutoCount book does not have{tail}. Add "
        "it in AutoCount or change the mapping or setting that gives it, then Retry."),
    "out_of_range.not_a_number": QT_TRANSLATE_NOOP(
        "messages",
        "{part} has {field} '{figure}', which is not a number. Correct it in the store (or post "
        "the order by hand in AutoCount and mark it Resolved), then Retry."),
    "out_of_range.negative": QT_TRANSLATE_NOOP(
        "messages",
        "{part} has a negative {field} ({figure}); a sale line cannot be below zero. Correct it "
        "in the store (or post the order by hand in AutoCount and mark it Resolved), then "
        "Retry."),
    "out_of_range.implausible": QT_TRANSLATE_NOOP(
        "messages",
        "{part} has {field} {figure}, far beyond any real order. Correct it in the store (or "
        "post the order by hand in AutoCount and mark it Resolved), then Retry."),
    "out_of_range.unit_price": QT_TRANSLATE_NOOP(
        "messages",
        "{part} has unit price {figure}, above this store's limit of {limit}. Check the order in"
        " the store; if it is right, raise this store's '{key}' setting (`ecdesk store set "
        "STORE --set {key}=AMOUNT`), then Retry."),
    "out_of_range.quantity": QT_TRANSLATE_NOOP(
        "messages",
        "{part} has quantity {figure}, above this store's limit of {limit}. Check the order in "
        "the store; if it is right, raise this store's '{key}' setting (`ecdesk store set "
        "STORE --set {key}=AMOUNT`), then Retry."),
    "out_of_range.total": QT_TRANSLATE_NOOP(
        "messages",
        "The order total {figure} is above this store's ceiling of {limit}. Check the order in "
        "the store; if it is right, raise this store's '{key}' setting (`ecdesk store set "
        "STORE --set {key}=AMOUNT`), then Retry."),
    "amount_mismatch.payout": QT_TRANSLATE_NOOP(
        "messages",
        "The marketplace's settlement for order {number} does not add up: the sale less its "
        "fees and refunds is {parts}, but the payout it states is {payout} (difference "
        "{diff}). Its fees are not posted until the marketplace's figures agree; the sale "
        "stays posted. Check the order's payout in the marketplace, then Retry."),
    "amount_mismatch.fee_changed": QT_TRANSLATE_NOOP(
        "messages",
        "The marketplace's fees for order {number} changed after they were posted: {posted} "
        "posted, {now} now (difference {diff}). ecdesk posts a rise of up to {tolerance} "
        "itself; post this one by hand in AutoCount (a credit or debit note to the "
        "marketplace's debtor), then mark the order Resolved."),
    "duplicate.other_ref": QT_TRANSLATE_NOOP(
        "messages",
        "AutoCount already has {doc} {doc_no} with reference '{ref}', not '{ours}'."),
}


#: Words a sentence takes as a value: a param named ``NAME_word`` holds a key below, and the
#: sentence's ``{NAME}`` gets that word (filled with the other params, translated in the
#: window), so "Line 'Red shirt'" or "item code" reads in the clerk's language too.
WORDS: dict[str, str] = {
    "none": "",
    "autocount_said": QT_TRANSLATE_NOOP("messages", " (AutoCount said: {said})"),
    "kind.item": QT_TRANSLATE_NOOP("messages", "item code"),
    "kind.tax": QT_TRANSLATE_NOOP("messages", "tax code"),
    "kind.payment_method": QT_TRANSLATE_NOOP("messages", "payment method"),
    "kind.debtor": QT_TRANSLATE_NOOP("messages", "debtor code"),
    "kind.location": QT_TRANSLATE_NOOP("messages", "location"),
    "kind.currency": QT_TRANSLATE_NOOP("messages", "currency"),
    "part.line": QT_TRANSLATE_NOOP("messages", "Line '{name}'"),
    "part.shipping": QT_TRANSLATE_NOOP("messages", "Shipping '{name}'"),
    "part.charge": QT_TRANSLATE_NOOP("messages", "Charge '{name}'"),
    "part.order": QT_TRANSLATE_NOOP("messages", "The order"),
    "field.unit_price": QT_TRANSLATE_NOOP("messages", "unit price"),
    "field.quantity": QT_TRANSLATE_NOOP("messages", "quantity"),
    "field.discount": QT_TRANSLATE_NOOP("messages", "discount"),
    "field.tax": QT_TRANSLATE_NOOP("messages", "tax"),
    "field.charge": QT_TRANSLATE_NOOP("messages", "charge"),
    "field.amount": QT_TRANSLATE_NOOP("messages", "amount"),
    "field.total": QT_TRANSLATE_NOOP("messages", "total"),
    "doc.sales_order": QT_TRANSLATE_NOOP("messages", "sales order"),
    "doc.invoice": QT_TRANSLATE_NOOP("messages", "invoice"),
    "doc.cash_sale": QT_TRANSLATE_NOOP("messages", "cash sale"),
    "doc.delivery_order": QT_TRANSLATE_NOOP("messages", "delivery order"),
    "doc.credit_note": QT_TRANSLATE_NOOP("messages", "credit note"),
}


def title(code: str) -> str:
    return HOLD_TITLES.get(code, code.replace("_", " ").capitalize())


def render(key: str, params: Mapping[str, object], fallback: str = "",
           template: str | None = None,
           translate: Callable[[str], str] | None = None) -> str:
    """The sentence for ``key`` filled with ``params`` (``template``: a translated one, and
    ``translate`` for its :data:`WORDS`); ``fallback`` (the text stored with an old row) when
    the key or a value is missing."""
    text = template if template is not None else TEMPLATES.get(key)
    if not text:
        return fallback
    try:
        return text.format(**with_words(params, translate))
    except (KeyError, IndexError, ValueError):
        return fallback or text


def with_words(params: Mapping[str, object],
               translate: Callable[[str], str] | None = None) -> dict[str, object]:
    """``params`` plus the word each ``NAME_word`` param names, as ``NAME``."""
    values = dict(params)
    for name, word in params.items():
        if name.endswith("_word") and word in WORDS:
            english = WORDS[str(word)]
            text = translate(english) if translate is not None and english else english
            values[name[:-len("_word")]] = text.format(**params)
    return values


def hold(code: HoldCode, message: str = "", /, *, value: str = "", **params: object) -> Hold:
    """A hold that keeps its sentence's key ``message`` (default: the code's own) and the
    values that fill it, with the English ``detail`` rendered now."""
    message = message or code.value
    if message not in TEMPLATES:
        raise KeyError(f"no message template {message!r} in ecdesk.messages")
    values = {name: str(v) for name, v in params.items()}
    return Hold(code, render(message, values), value=value, key=message, params=values)
