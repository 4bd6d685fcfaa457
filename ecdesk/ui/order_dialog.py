"""One order in full: its lines, the exact reasons it is held, and the fix for each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from ecdesk.ui.models.held_orders import format_date, format_money

# Reasons a mapping fixes: hold code -> (mapping kind, button text)
FIX_BY_MAPPING = {
    HoldCode.UNMAPPED_SKU.value: ("sku", "Map this SKU"),
    HoldCode.UNMAPPED_SHIPPING.value: ("shipping", "Map this shipping method"),
    HoldCode.UNKNOWN_PAYMENT.value: ("payment", "Map this payment method"),
    HoldCode.UNMAPPED_TAX.value: ("tax", "Map this tax rate"),
}
FIX_ELSEWHERE = {
    HoldCode.CONFIG.value: ("automation", "Open the store's settings"),
}
OUTCOME_WORDS = {"held": "Held: needs you", "posted": "Posted to AutoCount",
                 "waiting": "Waiting (not paid yet)", "ignored": "Ignored",
                 "new": "Not checked yet"}


class OrderDialog(QDialog):
    fix_requested = Signal(str, str, str)  # store, kind, key
    settings_requested = Signal(str)  # store
    retry_requested = Signal(int)
    resync_requested = Signal(int, str)

    def __init__(self, detail: OrderDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = d = detail
        self.setWindowTitle(f"Order {d.number} · {d.store}")
        self.fix_buttons: list[QPushButton] = []
        title = QLabel(f"Order {d.number}" + ("  (test order)" if d.is_test else ""))
        title.setStyleSheet("font-size:17px; font-weight:600;")
        head = QFormLayout()
        head.addRow("Store", QLabel(d.store))
        head.addRow("Placed", QLabel(format_date(d.ordered_at)))
        head.addRow("Amount", QLabel(format_money(d.currency, d.total)))
        head.addRow("Status in the store", QLabel(d.platform_status or "-"))
        head.addRow("In ecdesk", QLabel(OUTCOME_WORDS.get(d.outcome, d.outcome)))
        head.addRow("Attempts", QLabel(str(d.attempts)))
        if d.last_error:
            err = QLabel(d.last_error)
            err.setWordWrap(True)
            head.addRow("Last error", err)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(head)
        if d.holds:
            layout.addWidget(self._reasons())
        layout.addWidget(self._lines(), 1)
        if d.documents:
            docs = ", ".join(f"{x.doc_type.replace('_', ' ')} {x.doc_no}" for x in d.documents)
            layout.addWidget(QLabel(f"AutoCount documents: {docs}"))
        buttons = QHBoxLayout()
        self.retry_button = QPushButton("Retry this order")
        self.resync_button = QPushButton("Fetch it again from the store")
        close = QPushButton("Close")
        self.retry_button.clicked.connect(lambda: self.retry_requested.emit(d.id))
        self.resync_button.clicked.connect(
            lambda: self.resync_requested.emit(d.id, f"{d.store}:{d.number}"))
        close.clicked.connect(self.accept)
        self.retry_button.setVisible(d.outcome == "held")
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.resync_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(820, 560)

    def _reasons(self) -> QGroupBox:
        box = QGroupBox("Why it is held")
        box.setStyleSheet("QGroupBox { font-weight:600; }")
        v = QVBoxLayout(box)
        for h in self.detail.holds:
            row = QFrame()
            row.setStyleSheet("QFrame { background:#fff7ed; border-radius:4px; }")
            r = QHBoxLayout(row)
            text = QLabel(f"<b>{h.title}</b><br>{_escape(h.detail)}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setStyleSheet("font-weight:normal;")
            r.addWidget(text, 1)
            if h.code in FIX_BY_MAPPING and h.value:
                kind, label = FIX_BY_MAPPING[h.code]
                b = QPushButton(label)
                b.clicked.connect(lambda _c=False, k=kind, v=h.value: self._fix(k, v))
                r.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
                self.fix_buttons.append(b)
            elif h.code in FIX_ELSEWHERE:
                b = QPushButton(FIX_ELSEWHERE[h.code][1])
                b.clicked.connect(self._settings)
                r.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
                self.fix_buttons.append(b)
            v.addWidget(row)
        return box

    def _lines(self) -> QTableWidget:
        d = self.detail
        headers = ["SKU", "Product", "Qty", "Unit price", "Discount", "Tax", "AutoCount item"]
        t = QTableWidget(len(d.lines), len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.verticalHeader().hide()
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        unmapped = {h.value for h in d.holds if h.code == HoldCode.UNMAPPED_SKU.value}
        for i, ln in enumerate(d.lines):
            values = [ln.sku or "(none)", ln.name, f"{ln.quantity.normalize():f}",
                      f"{ln.unit_price:,.2f}", f"{ln.discount:,.2f}", f"{ln.tax:,.2f}",
                      ln.item_code or ("not mapped" if ln.sku in unmapped or not ln.sku else "")]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j >= 2 and j <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if ln.sku in unmapped or not ln.sku:
                    item.setBackground(Qt.GlobalColor.yellow if j in (0, 6) else
                                       Qt.GlobalColor.transparent)
                t.setItem(i, j, item)
        h = t.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return t

    def _fix(self, kind: str, value: str) -> None:
        self.fix_requested.emit(self.detail.store, kind, value)
        self.accept()

    def _settings(self) -> None:
        self.settings_requested.emit(self.detail.store)
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
