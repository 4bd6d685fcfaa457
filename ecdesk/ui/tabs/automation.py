"""Automation tab: per store, whether and how often it syncs, and what it posts.

Keys are the per-store settings of docs/decisions.md §4 and ``sync/posting.py``
(``doc_kind``, ``doc_prefix``, ``debtor_code``...); a blank posting field means "use the
AutoCount default" set in Integration > AutoCount. ``egress_minutes`` is the cadence of
the store-bound direction (stock levels and tracking numbers).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ecdesk.domain import PLATFORMS, Platform
from ecdesk.service import Service
from ecdesk.ui.models.held_orders import format_date
from ecdesk.ui.ops import Operations

DOC_KINDS = [("invoice", QT_TRANSLATE_NOOP("AutomationTab", "Sales invoice")),
             ("cash_sale", QT_TRANSLATE_NOOP("AutomationTab", "Cash sale")),
             ("sales_order", QT_TRANSLATE_NOOP("AutomationTab", "Sales order")),
             ("delivery_order", QT_TRANSLATE_NOOP("AutomationTab", "Delivery order"))]
POSTING_MODES = [
    ("order", QT_TRANSLATE_NOOP("AutomationTab", "One document per order")),
    ("day", QT_TRANSLATE_NOOP("AutomationTab", "One summary document per day")),
    ("payout", QT_TRANSLATE_NOOP("AutomationTab", "One summary document per payout")),
]
DEFAULT_HINT = QT_TRANSLATE_NOOP("AutomationTab", "blank: AutoCount default")
POSTING_FIELDS = [
    ("doc_prefix", QT_TRANSLATE_NOOP("AutomationTab", "Document number prefix"),
     QT_TRANSLATE_NOOP("AutomationTab", "e.g. SH- (up to 4 characters)")),
    ("debtor_code", QT_TRANSLATE_NOOP("AutomationTab", "Debtor (customer) code"), DEFAULT_HINT),
    ("sales_account", QT_TRANSLATE_NOOP("AutomationTab", "Sales account"), DEFAULT_HINT),
    ("shipping_item", QT_TRANSLATE_NOOP("AutomationTab", "Shipping charge item"), DEFAULT_HINT),
    ("payment_method", QT_TRANSLATE_NOOP("AutomationTab", "Payment method"), DEFAULT_HINT),
]

#: platforms whose orders may carry fees (a marketplace, or Shopify Payments / WooPayments orders)
MARKETPLACES = tuple(str(p) for p, facts in PLATFORMS.items()
                     if facts.marketplace or facts.gateway_payouts)
FEE_FIELDS = [
    ("fee_account_commission", QT_TRANSLATE_NOOP("AutomationTab", "Commission")),
    ("fee_account_service", QT_TRANSLATE_NOOP("AutomationTab", "Service fee")),
    ("fee_account_transaction", QT_TRANSLATE_NOOP("AutomationTab", "Transaction / payment fee")),
    ("fee_account_shipping_fee", QT_TRANSLATE_NOOP("AutomationTab", "Shipping fee")),
    ("fee_account_voucher_seller", QT_TRANSLATE_NOOP("AutomationTab", "Vouchers paid by you")),
    ("fee_account_other", QT_TRANSLATE_NOOP("AutomationTab", "Other charges")),
]
#: the fees a payment gateway's payout carries (Shopify Payments, WooPayments)
GATEWAY_FEES = ("fee_account_transaction", "fee_account_other")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AutomationTab", text)


class AutomationTab(QWidget):
    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        self.stores = QListWidget()
        self.stores.setMaximumWidth(220)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:15px; font-weight:600;")
        self.stores.setAccessibleName(self.tr("Stores"))
        self.sync_enabled = QCheckBox(self.tr("&Sync this store automatically while ecdesk is "
                                              "open"))
        self.ingress = QSpinBox()
        self.ingress.setRange(1, 24 * 60)
        self.ingress.setSuffix(self.tr(" minutes"))
        self.egress = QSpinBox()
        self.egress.setRange(1, 24 * 60)
        self.egress.setSuffix(self.tr(" minutes"))
        self.next_run = QLabel()
        self.doc_kind = QComboBox()
        for value, title in DOC_KINDS:
            self.doc_kind.addItem(_tr(title), value)
        self.mode = QComboBox()
        for value, title in POSTING_MODES:
            self.mode.addItem(_tr(title), value)
        self.mode.setAccessibleName(self.tr("Posting mode"))
        self.mode.setToolTip(self.tr(
            "A day's summary carries one line per item and price for all of that day's "
            "orders (its note lists them), posted after the cut-off time the next day; "
            "orders that arrive later for a posted day go on an adjustment (-2, -3...). A "
            "payout's summary carries the orders of one payout (a Lazada statement, a day "
            "of Shopee escrow releases, a Shopify Payments payout, a WooPayments deposit), "
            "with their fees from the final figures; a Shopify or WooCommerce order paid "
            "another way goes into its day's summary."))
        self.cutoff = QTimeEdit()
        self.cutoff.setDisplayFormat("HH:mm")
        self.cutoff.setAccessibleName(self.tr("Summary cut-off time"))
        self.mode.currentIndexChanged.connect(
            lambda _i: self.cutoff.setEnabled(self.mode.currentData() == "day"))
        self.when = QComboBox()
        self.when.addItem(self.tr("As soon as the order is paid (shipped or not)"), "paid")
        self.when.setToolTip(self.tr("Accounting posts every paid order once."))
        self.posting: dict[str, QLineEdit] = {}
        sched = QGroupBox(self.tr("Schedule"))
        sf = QFormLayout(sched)
        sf.addRow(self.sync_enabled)
        sf.addRow(self.tr("Fetch new &orders every"), self.ingress)
        sf.addRow(self.tr("Send stock and trac&king every"), self.egress)
        self.egress_note = QLabel(self.tr("This platform cannot take stock or tracking "
                                          "numbers from ecdesk: enter them in the store."))
        self.egress_note.setWordWrap(True)
        self.egress_note.setStyleSheet("color:#92400e;")
        sf.addRow(self.egress_note)
        sf.addRow(self.next_run)
        self.next_run.setWordWrap(True)
        post = QGroupBox(self.tr("What to create in AutoCount"))
        pf = QFormLayout(post)
        pf.addRow(self.tr("Docu&ment"), self.doc_kind)
        pf.addRow(self.tr("Post&ing"), self.mode)
        pf.addRow(self.tr("Post a day's summary after (next day)"), self.cutoff)
        pf.addRow(self.tr("&When"), self.when)
        for key, label, hint in POSTING_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(_tr(hint))
            edit.setObjectName(key)
            edit.setAccessibleName(_tr(label))
            pf.addRow(_tr(label), edit)
            self.posting[key] = edit
        # marketplace fees are not revenue: one credit note per order, a ledger per fee kind
        self.fees = QGroupBox(self.tr("Marketplace fees (ledger account per fee)"))
        ff = self.fee_form = QFormLayout(self.fees)
        self.post_fees = QCheckBox(self.tr("Post each order's fees on a credit &note "
                                           "(<DocNo>-F)"))
        ff.addRow(self.post_fees)
        self.fees_on_release = QCheckBox(self.tr("Post the fee note once the pa&yout is "
                                                 "released (its final figures)"))
        ff.addRow(self.fees_on_release)
        self.fee_edits: dict[str, QLineEdit] = {}
        for key, label in FEE_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(_tr(DEFAULT_HINT))
            edit.setObjectName(key)
            edit.setAccessibleName(_tr(label))
            ff.addRow(_tr(label), edit)
            self.fee_edits[key] = edit
        self.save_button = QPushButton(self.tr("Sa&ve"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.result, 1)
        columns = QHBoxLayout()
        sched_col = QVBoxLayout()
        sched_col.addWidget(sched)
        sched_col.addWidget(self.fees)
        sched_col.addStretch(1)
        columns.addLayout(sched_col, 1)
        columns.addWidget(post, 1)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addLayout(columns)
        right.addLayout(row)
        right.addStretch(1)
        for combo in (self.doc_kind, self.mode, self.when):  # long choices shrink, not cut
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        self.empty = QLabel(self.tr("Add a store in the Stores tab first."))
        layout = QHBoxLayout(self)
        layout.addWidget(self.stores)
        self.body = QWidget()
        self.body.setLayout(right)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.empty, 1)
        self.stores.currentTextChanged.connect(lambda _t: self._show())
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self) -> None:
        current = self.store()
        self.stores.blockSignals(True)
        self.stores.clear()
        names = self.service.store_names()
        self.stores.addItems(names)
        self.stores.blockSignals(False)
        widest = max((self.stores.fontMetrics().horizontalAdvance(n) for n in names), default=0)
        self.stores.setMinimumWidth(min(220, max(120, widest + 24)))  # names are not cut
        items = self.stores.findItems(current or "", _exact())
        self.stores.setCurrentRow(self.stores.row(items[0]) if items and current else 0)
        has = self.stores.count() > 0
        self.body.setVisible(has)
        self.empty.setVisible(not has)
        self._show()

    def store(self) -> str | None:
        item = self.stores.currentItem()
        return item.text() if item else None

    def select(self, name: str) -> None:
        items = self.stores.findItems(name, _exact())
        if items:
            self.stores.setCurrentItem(items[0])

    def show_current(self) -> None:
        self._show()

    def _show(self) -> None:
        name = self.store()
        if not name:
            return
        s = self.service.get_store(name)
        self.title.setText(name)
        self.sync_enabled.setChecked(s.sync_enabled)
        self.ingress.setValue(s.ingress_minutes)
        self.egress.setValue(int(s.settings.get("egress_minutes", "60") or 60))
        self.egress_note.setVisible(not self.service.stock.takes_egress(s.platform))
        i = self.doc_kind.findData(s.settings.get("doc_kind", "invoice"))
        self.doc_kind.setCurrentIndex(max(i, 0))
        payout = self.mode.model().item(self.mode.findData("payout"))
        payout.setEnabled(PLATFORMS[Platform(s.platform)].names_payouts)
        self.mode.setCurrentIndex(max(self.mode.findData(
            s.settings.get("posting_mode", "order") or "order"), 0))
        self.cutoff.setTime(QTime.fromString(s.settings.get("summary_cutoff", "") or "02:00",
                                             "HH:mm"))
        self.cutoff.setEnabled(self.mode.currentData() == "day")
        for key, edit in self.posting.items():
            edit.setText(s.settings.get(key, ""))
        self.fees.setVisible(s.platform in MARKETPLACES)
        marketplace = PLATFORMS[Platform(s.platform)].marketplace
        self.fees.setTitle(self.tr("Marketplace fees (ledger account per fee)") if marketplace
                           else self.tr("Payment gateway fees (ledger account per fee)"))
        for key, edit in self.fee_edits.items():  # a gateway charges no commission
            self.fee_form.setRowVisible(edit, marketplace or key in GATEWAY_FEES)
        self.post_fees.setChecked(s.settings.get("post_fees", "true").lower() != "false")
        self.fees_on_release.setChecked(
            s.settings.get("fees_on_release", "yes").lower() not in ("no", "false", "off", "0"))
        for key, edit in self.fee_edits.items():
            edit.setText(s.settings.get(key, ""))
        if not s.sync_enabled:
            self.next_run.setText(self.tr("Automatic sync is off; use Sync now in Stores or "
                                          "Tools."))
        elif s.last_sync_at is None:
            self.next_run.setText(self.tr("Never synced: the first sync starts within a "
                                          "minute."))
        else:
            self.next_run.setText(self.tr("Last sync {when}.").format(
                when=format_date(s.last_sync_at)))
        self.result.clear()

    def save(self) -> bool:
        name = self.store()
        if not name:
            return False
        settings = {k: e.text().strip() for k, e in self.posting.items()}
        if self.fees.isVisibleTo(self):
            settings.update({k: e.text().strip() for k, e in self.fee_edits.items()})
            settings["post_fees"] = "true" if self.post_fees.isChecked() else "false"
            settings["fees_on_release"] = "yes" if self.fees_on_release.isChecked() else "no"
        settings["doc_kind"] = self.doc_kind.currentData()
        settings["posting_mode"] = self.mode.currentData()
        settings["summary_cutoff"] = self.cutoff.time().toString("HH:mm")
        settings["egress_minutes"] = str(self.egress.value())
        sync_on, every = self.sync_enabled.isChecked(), self.ingress.value()
        self.result.setStyleSheet("color:#374151")
        self.result.setText(self.tr("Saving…"))
        self.ops.write(  # the window's writer: off the GUI thread, after a sync in progress
            lambda: self.service.update_store(name, sync_enabled=sync_on,
                                              ingress_minutes=every, settings=settings),
            lambda _info: self._said(self.tr(
                "Saved. Orders already held for a setting can now be retried."), True),
            lambda text: self._said(text, False), name=self.tr("Saving automation settings"))
        return True

    def _said(self, text: str, ok: bool) -> None:
        self.result.setStyleSheet("color:#15803d" if ok else "color:#b91c1c")
        self.result.setText(text)
        if ok:
            self._show_keep_result()

    def _show_keep_result(self) -> None:
        text, style = self.result.text(), self.result.styleSheet()
        self._show()
        self.result.setText(text)
        self.result.setStyleSheet(style)


def _exact():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchExactly
