"""The payouts view (issue 14): per marketplace order, what ecdesk posted against what the
marketplace says it pays (``Service.payouts``), read off the GUI thread."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.service import Service
from ecdesk.ui.ops import Operations

STATE_WORDS = {
    "estimated": QT_TRANSLATE_NOOP("PayoutsDialog", "Estimated (not released yet)"),
    "released": QT_TRANSLATE_NOOP("PayoutsDialog", "Released, does not tie out"),
    "reconciled": QT_TRANSLATE_NOOP("PayoutsDialog", "Reconciled"),
}
COLUMNS = (QT_TRANSLATE_NOOP("PayoutsDialog", "Store"),
           QT_TRANSLATE_NOOP("PayoutsDialog", "Order"),
           QT_TRANSLATE_NOOP("PayoutsDialog", "State"),
           QT_TRANSLATE_NOOP("PayoutsDialog", "Expected"),
           QT_TRANSLATE_NOOP("PayoutsDialog", "Marketplace pays"),
           QT_TRANSLATE_NOOP("PayoutsDialog", "Difference"),
           QT_TRANSLATE_NOOP("PayoutsDialog", "Payout"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("PayoutsDialog", text)


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


class PayoutsDialog(QDialog):
    """Payouts of the marketplace stores: a line per store, then every posted order."""

    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.service, self.ops = service, ops
        self.setWindowTitle(self.tr("Marketplace payouts"))
        self.summary = QLabel(self.tr("Reading the payouts…"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Payouts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr(
            "Expected = the sale less the fee notes and refunds ecdesk posted; the "
            "platform's own figure is its escrow (Shopee), finance rows (Lazada) or balance "
            "transactions (Shopify Payments, WooPayments). Estimated payouts may still "
            "change; released ones should tie out to the cent."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.loaded = False
        self.ops.probe(lambda: (service.payout_summaries(), service.payouts()), self._show,
                       self._failed, name=self.tr("Reading payouts"))

    def _show(self, result) -> None:
        summaries, lines = result
        self.summary.setText("\n".join(
            self.tr("{store}: {estimated} estimated, {released} released, {reconciled} "
                    "reconciled; not reconciled {amount}").format(
                store=s.store, amount=_amount(s.unreconciled), **s.counts)
            for s in summaries) or self.tr("No marketplace store has posted orders yet."))
        self.table.setRowCount(len(lines))
        for row, p in enumerate(lines):
            cells = (p.store, p.order, _tr(STATE_WORDS[p.state]), _amount(p.expected),
                     _amount(p.stated), _amount(p.difference), p.payout_ref)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 3 <= col <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.loaded = True

    def _failed(self, text: str) -> None:
        self.summary.setText(text)
        self.loaded = True
