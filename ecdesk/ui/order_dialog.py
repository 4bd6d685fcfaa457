"""One order in full: its lines, the exact reasons it is held, and the fix for each.
Keys: Ctrl+M the first fix, Ctrl+R retry, Del settled by hand, Esc close."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.domain import HoldCode
from ecdesk.service import OrderDetail
from ecdesk.ui.hold_text import hold_text, hold_title
from ecdesk.ui.models.held_orders import format_date, format_money
from ecdesk.ui.widgets import ask_note

# Reasons a mapping fixes: hold code -> (mapping kind, button text)
FIX_BY_MAPPING = {
    HoldCode.UNMAPPED_SKU.value: ("sku", QT_TRANSLATE_NOOP("OrderDialog", "&Map this SKU")),
    HoldCode.UNMAPPED_SHIPPING.value: (
        "shipping", QT_TRANSLATE_NOOP("OrderDialog", "&Map this shipping method")),
    HoldCode.UNKNOWN_PAYMENT.value: (
        "payment", QT_TRANSLATE_NOOP("OrderDialog", "&Map this payment method")),
    HoldCode.UNMAPPED_TAX.value: ("tax", QT_TRANSLATE_NOOP("OrderDialog", "&Map this tax rate")),
}
FIX_ELSEWHERE = {
    HoldCode.CONFIG.value: ("automation",
                            QT_TRANSLATE_NOOP("OrderDialog", "Open the store's &settings")),
}
OUTCOME_WORDS = {"held": QT_TRANSLATE_NOOP("OrderDialog", "Held: needs you"),
                 "posted": QT_TRANSLATE_NOOP("OrderDialog", "Posted to AutoCount"),
                 "waiting": QT_TRANSLATE_NOOP("OrderDialog", "Waiting (not paid yet)"),
                 "ignored": QT_TRANSLATE_NOOP("OrderDialog", "Ignored"),
                 "new": QT_TRANSLATE_NOOP("OrderDialog", "Not checked yet")}
DOC_TYPES = {"invoice": QT_TRANSLATE_NOOP("OrderDialog", "invoice"),
             "cash_sale": QT_TRANSLATE_NOOP("OrderDialog", "cash sale"),
             "sales_order": QT_TRANSLATE_NOOP("OrderDialog", "sales order"),
             "delivery_order": QT_TRANSLATE_NOOP("OrderDialog", "delivery order"),
             "credit_note": QT_TRANSLATE_NOOP("OrderDialog", "credit note")}


class OrderDialog(QDialog):
    fix_requested = Signal(str, str, str)  # store, kind, key
    settings_requested = Signal(str)  # store
    retry_requested = Signal(int)
    resync_requested = Signal(int, str)
    resolve_requested = Signal(int, str)  # order id, note
    ship_requested = Signal(str)  # STORE:NUMBER: record carrier and tracking

    def __init__(self, detail: OrderDetail, parent: QWidget | None = None,
                 item_codes: dict[str, str] | None = None, payout: Any = None) -> None:
        super().__init__(parent)
        self.detail = d = detail
        self.item_codes = item_codes or {}
        self.ask_note: Callable[[], str | None] = self._ask_note
        self.setWindowTitle(self.tr("Order {number} · {store}").format(number=d.number,
                                                                        store=d.store))
        self.fix_buttons: list[QPushButton] = []
        heading = self.tr("Order {number}").format(number=d.number)
        if d.is_test:
            heading += "  " + self.tr("(test order)")
        title = QLabel(heading)
        title.setStyleSheet("font-size:17px; font-weight:600;")
        head = QFormLayout()
        outcome = OUTCOME_WORDS.get(d.outcome)
        head.addRow(self.tr("Store"), QLabel(d.store))
        head.addRow(self.tr("Placed"), QLabel(format_date(d.ordered_at)))
        head.addRow(self.tr("Amount"), QLabel(format_money(d.currency, d.total)))
        head.addRow(self.tr("Status in the store"), QLabel(d.platform_status or "-"))
        head.addRow(self.tr("In ecdesk"), QLabel(self.tr(outcome) if outcome else d.outcome))
        head.addRow(self.tr("Attempts"), QLabel(str(d.attempts)))
        if d.last_error:
            err = QLabel(d.last_error)
            err.setWordWrap(True)
            head.addRow(self.tr("Last error"), err)
        if payout is not None:  # a posted marketplace order (services/payouts.py)
            self.payout = QLabel(self._payout_text(payout))
            self.payout.setWordWrap(True)
            head.addRow(self.tr("Payout"), self.payout)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(head)
        if d.holds:
            layout.addWidget(self._reasons())
        layout.addWidget(self._lines(), 1)
        if d.documents:
            docs = ", ".join(f"{self._doc_type(x.doc_type)} {x.doc_no}" for x in d.documents)
            layout.addWidget(QLabel(self.tr("AutoCount documents: {docs}").format(docs=docs)))
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("&Retry this order"))
        self.retry_button.setToolTip(self.tr("Try this order again now (Ctrl+R)."))
        self.resolve_button = QPushButton(self.tr("Settled by han&d…"))
        self.resolve_button.setToolTip(self.tr(
            "You posted this order yourself in AutoCount: take it off the held list; ecdesk "
            "will never post it (Del)."))
        self.resync_button = QPushButton(self.tr("&Fetch it again from the store"))
        self.ship_button = QPushButton(self.tr("Shipped: record trac&king…"))
        self.ship_button.clicked.connect(lambda: self.ship_requested.emit(f"{d.store}:{d.number}"))
        close = QPushButton(self.tr("&Close"))
        self.retry_button.clicked.connect(lambda: self.retry_requested.emit(d.id))
        self.resync_button.clicked.connect(
            lambda: self.resync_requested.emit(d.id, f"{d.store}:{d.number}"))
        close.clicked.connect(self.accept)
        self.resolve_button.clicked.connect(self.resolve)
        self.retry_button.setVisible(d.outcome == "held")
        self.resolve_button.setVisible(d.outcome == "held")
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.resync_button)
        buttons.addWidget(self.ship_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        for keys, slot in (("Ctrl+M", self.fix_first), ("Ctrl+R", self.retry),
                           ("Del", self.resolve)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        first = self.fix_buttons[0] if self.fix_buttons else close
        first.setDefault(True)
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(820, 500)

    def fix_first(self) -> bool:
        """Ctrl+M: the first fix offered (map the failing value, or the store's settings)."""
        if not self.fix_buttons:
            return False
        self.fix_buttons[0].click()
        return True

    def retry(self) -> None:
        if self.retry_button.isVisibleTo(self):
            self.retry_button.click()

    def _payout_text(self, p: Any) -> str:
        """Where the marketplace's payout of the order stands, in a sentence."""
        money = {"expected": format_money(p.currency, p.expected),
                 "stated": format_money(p.currency, p.stated) if p.stated is not None else "-"}
        if p.state == "reconciled":
            return self.tr("Reconciled: the marketplace pays {stated}, what ecdesk posted, to "
                           "the cent.").format(**money)
        if p.state == "released":
            return self.tr("Released: the marketplace pays {stated}, ecdesk posted {expected}; "
                           "see Tools > Payouts.").format(**money)
        return self.tr("Not released by the marketplace yet (it says {stated} for now); the "
                       "fee note is posted from its final figures.").format(**money)

    def _reasons(self) -> QGroupBox:
        box = QGroupBox(self.tr("Why it is held"))
        box.setStyleSheet("QGroupBox { font-weight:600; }")
        v = QVBoxLayout(box)
        for h in self.detail.holds:
            row = QFrame()
            row.setStyleSheet("QFrame { background:#fff7ed; border-radius:4px; }")
            r = QHBoxLayout(row)
            sentence = hold_text(getattr(h, "key", ""), getattr(h, "params", {}), h.detail)
            text = QLabel(f"<b>{_escape(hold_title(h.code, h.title))}</b><br>"
                          f"{_escape(sentence)}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setStyleSheet("font-weight:normal;")
            r.addWidget(text, 1)
            if h.code in FIX_BY_MAPPING and h.value:
                kind, label = FIX_BY_MAPPING[h.code]
                b = QPushButton(self.tr(label))
                b.clicked.connect(lambda _c=False, k=kind, v=h.value: self._fix(k, v))
                r.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
                self.fix_buttons.append(b)
            elif h.code in FIX_ELSEWHERE:
                b = QPushButton(self.tr(FIX_ELSEWHERE[h.code][1]))
                b.clicked.connect(self._settings)
                r.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
                self.fix_buttons.append(b)
            v.addWidget(row)
        return box

    def _lines(self) -> QTableWidget:
        d = self.detail
        headers = ["SKU", self.tr("Product"), self.tr("Qty"), self.tr("Unit price"),
                   self.tr("Discount"), self.tr("Tax"), self.tr("AutoCount item")]
        t = QTableWidget(len(d.lines), len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.verticalHeader().hide()
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        unmapped = {h.value for h in d.holds if h.code == HoldCode.UNMAPPED_SKU.value}
        for i, ln in enumerate(d.lines):
            problem = ln.sku in unmapped or not ln.sku
            code = ln.item_code or self.item_codes.get(ln.sku, "")
            if not code:
                code = self.tr("no SKU in the store") if not ln.sku else self.tr("not mapped")
            values = [ln.sku or self.tr("(none)"), ln.name, f"{ln.quantity.normalize():f}",
                      f"{ln.unit_price:,.2f}", f"{ln.discount:,.2f}", f"{ln.tax:,.2f}", code]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if 2 <= j <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if problem and j in (0, 6):
                    item.setBackground(QColor("#fde68a"))
                t.setItem(i, j, item)
        h = t.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return t

    def resolve(self) -> None:
        if not self.resolve_button.isVisibleTo(self):
            return
        note = self.ask_note()
        if note is None:
            return
        self.resolve_requested.emit(self.detail.id, note)
        self.accept()

    def _ask_note(self) -> str | None:
        return ask_note(self, self.tr(
            "Order {number} leaves the held list and ecdesk will never post it.").format(
            number=self.detail.number))

    def _doc_type(self, kind: str) -> str:
        word = DOC_TYPES.get(kind)
        return self.tr(word) if word else kind.replace("_", " ")

    def _fix(self, kind: str, value: str) -> None:
        self.fix_requested.emit(self.detail.store, kind, value)
        self.accept()

    def _settings(self) -> None:
        self.settings_requested.emit(self.detail.store)
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
