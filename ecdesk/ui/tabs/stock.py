"""Stock tab: what each store shows and why (balance, reserved, to push, last pushed, failures
first), the stock count, and "Push stock now" with a dry-run preview first.

Everything that reads or writes runs off the GUI thread: the rows and the preview through
``Operations.probe``, the push itself through the single writer with progress and Cancel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.service import Service
from ecdesk.ui.i18n import plural
from ecdesk.ui.models.stock import StockModel
from ecdesk.ui.ops import Operations
from ecdesk.ui.widgets import StoreCombo


class PreviewDialog(QDialog):
    """The dry run: per store, what would change; "Push now" confirms."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Push stock: what would change"))
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Quantities that would be sent"))
        buttons = QDialogButtonBox()
        self.push_button = buttons.addButton(self.tr("&Push now"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        v = QVBoxLayout(self)
        v.addWidget(self.text)
        v.addWidget(buttons)
        self.resize(560, 420)


class ShipDialog(QDialog):
    """Carrier and tracking number of one order (``ship STORE:NUMBER`` in the window)."""

    def __init__(self, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.setWindowTitle(self.tr("Order {order} shipped").format(order=ref))
        self.carrier = QLineEdit()
        self.carrier.setPlaceholderText(self.tr("e.g. J&T Express"))
        self.tracking = QLineEdit()
        self.now = QCheckBox(self.tr("Send it to the store &now (otherwise at the next send)"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Carrier"), self.carrier)
        form.addRow(self.tr("&Tracking number"), self.tracking)
        form.addRow(self.now)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class StockTab(QWidget):
    shipment_result = Signal(str)  # the sentence ``ship`` answered (or why it could not)

    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ship_dialog: ShipDialog | None = None
        self.service = service
        self.ops = ops
        self.store = StoreCombo(service, self.tr("All stores"))
        self.store.setAccessibleName(self.tr("Store"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import stock count…"))
        self.preview_button = QPushButton(self.tr("Push stock &now…"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.model = StockModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Stock per store SKU"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.dialog: PreviewDialog | None = None
        self.last_message = ""

        top = QHBoxLayout()
        top.addWidget(self.store)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.preview_button)
        v = QVBoxLayout(self)
        v.addLayout(top)
        v.addWidget(self.status)
        v.addWidget(self.table, 1)

        self.store.currentIndexChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.import_button.clicked.connect(self.import_count)
        self.preview_button.clicked.connect(self.preview)
        ops.data_changed.connect(self.reload_if_visible)
        ops.busy_changed.connect(lambda busy: self.preview_button.setEnabled(not busy))

    # --- rows ------------------------------------------------------------------------------
    def reload_if_visible(self) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        store = self.store.current()
        stock = self.service.stock

        def load() -> Any:
            return stock.rows(store), stock.count_status()

        self.ops.probe(load, self._loaded, self._say)

    def _loaded(self, result: Any) -> None:
        rows, status = result
        self.model.set_rows(rows)
        failed = self.model.failures()
        text = status
        if failed:
            text += " " + plural(failed, self.tr("{n} SKU needs attention (listed first)."),
                                 self.tr("{n} SKUs need attention (listed first)."))
        self.status.setText(text)

    def _say(self, message: str) -> None:
        self.last_message = message
        self.status.setText(message)

    # --- count -----------------------------------------------------------------------------
    def import_count(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("AutoCount stock balance report"), "",
                self.tr("Excel or csv (*.xlsx *.csv)"))
        if not path:
            return
        stock = self.service.stock

        def run() -> str:
            result = stock.import_counts(path)
            return plural(result["items"], self.tr("Counted {n} item."),
                          self.tr("Counted {n} items."))

        self.ops.probe(run, lambda msg: (self._say(msg), self.reload()), self._say)

    # --- push ------------------------------------------------------------------------------
    def preview(self) -> None:
        """Dry run first (nothing is sent or recorded), then the clerk confirms."""
        store = self.store.current()
        stock = self.service.stock

        def run() -> str:
            lines = []
            for s in stock.push(store, dry_run=True, force=True):
                lines.append(s.line())
                lines += [f"    {sku}: {'-' if last is None else last} → {qty}"
                          for sku, last, qty in s.would_push[:200]]
            return "\n".join(lines)

        self.ops.probe(run, self._show_preview, self._say)

    def _show_preview(self, text: str) -> None:
        self.dialog = PreviewDialog(text or self.tr("Nothing would change."), self)
        self.dialog.accepted.connect(self.push_now)
        self.dialog.open()

    # --- shipments -------------------------------------------------------------------------
    def record_shipment(self, ref: str) -> ShipDialog:
        """From the order view: ask carrier and tracking, record (and maybe send) it."""
        dialog = ShipDialog(ref, self.window())
        stock = self.service.stock

        def save() -> None:
            carrier, tracking = dialog.carrier.text(), dialog.tracking.text()
            now = dialog.now.isChecked()
            self.ops.probe(lambda: stock.ship(ref, carrier, tracking, now=now),
                           self.shipment_result.emit, self.shipment_result.emit)

        dialog.accepted.connect(save)
        self.ship_dialog = dialog
        dialog.open()
        return dialog

    def push_now(self) -> None:
        self.ops.push_stock(self.store.current())
