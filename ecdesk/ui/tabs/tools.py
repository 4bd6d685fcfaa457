"""Tools tab: one-click resync of a store, of one order, of a date range; the sync log."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.service import Service, UsageError
from ecdesk.ui.models.sync_log import SyncLogModel
from ecdesk.ui.ops import Operations
from ecdesk.ui.widgets import StoreCombo


class ToolsTab(QWidget):
    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        self.store = StoreCombo(service)
        self.sync_button = QPushButton("Sync this store now")
        self.sync_all_button = QPushButton("Sync all stores")
        self.order = QLineEdit()
        self.order.setPlaceholderText("Order number, e.g. 1001 (or STORE:1001)")
        self.order_button = QPushButton("Fetch this order again")
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-7))
        self.until = QDateEdit(today)
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd MMM yyyy")
        self.range_button = QPushButton("Fetch this date range again")
        self.cancel_button = QPushButton("Cancel the running sync")
        self.cancel_button.setEnabled(False)
        self.result = QLabel()
        self.result.setWordWrap(True)

        box = QGroupBox("Manual resync")
        grid = QGridLayout(box)
        grid.addWidget(QLabel("Store"), 0, 0)
        grid.addWidget(self.store, 0, 1)
        grid.addWidget(self.sync_button, 0, 2)
        grid.addWidget(self.sync_all_button, 0, 3)
        grid.addWidget(QLabel("One order"), 1, 0)
        grid.addWidget(self.order, 1, 1)
        grid.addWidget(self.order_button, 1, 2)
        grid.addWidget(QLabel("Date range"), 2, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.since)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.until)
        dates.addStretch(1)
        grid.addLayout(dates, 2, 1)
        grid.addWidget(self.range_button, 2, 2)
        grid.addWidget(self.cancel_button, 3, 2)
        grid.addWidget(self.result, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)

        self.log_model = SyncLogModel(service, self)
        self.log_view = QTableView()
        self.log_view.setModel(self.log_model)
        self.log_view.verticalHeader().hide()
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.setWordWrap(False)
        h = self.log_view.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setStretchLastSection(True)
        self.log_store = StoreCombo(service, "All stores")
        self.log_refresh = QPushButton("Refresh")
        log_box = QGroupBox("Sync log (newest first)")
        lv = QVBoxLayout(log_box)
        lrow = QHBoxLayout()
        lrow.addWidget(QLabel("Store"))
        lrow.addWidget(self.log_store)
        lrow.addStretch(1)
        lrow.addWidget(self.log_refresh)
        lv.addLayout(lrow)
        lv.addWidget(self.log_view)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(log_box, 1)

        self.sync_button.clicked.connect(self.sync_store)
        self.sync_all_button.clicked.connect(lambda: self.ops.sync())
        self.order_button.clicked.connect(self.resync_order)
        self.order.returnPressed.connect(self.resync_order)
        self.range_button.clicked.connect(self.resync_range)
        self.cancel_button.clicked.connect(self.ops.cancel)
        self.log_refresh.clicked.connect(self.reload_log)
        self.log_store.currentIndexChanged.connect(lambda _i: self.reload_log())
        self.ops.busy_changed.connect(self._busy)
        self._busy(self.ops.busy)

    def _busy(self, busy: bool) -> None:
        for b in (self.sync_button, self.sync_all_button, self.order_button, self.range_button):
            b.setEnabled(not busy and self.store.count() > 0)
        self.cancel_button.setEnabled(busy)

    def reload_stores(self) -> None:
        self.store.reload()
        self.log_store.reload()
        self._busy(self.ops.busy)

    def reload_log(self) -> None:
        self.log_model.store = self.log_store.current()
        self.log_model.reload()

    def _say(self, text: str, ok: bool = True) -> None:
        self.result.setStyleSheet("color:#374151" if ok else "color:#b91c1c")
        self.result.setText(text)

    # --- actions ------------------------------------------------------------------------
    def sync_store(self) -> None:
        name = self.store.current()
        if not name:
            self._say("Add a store first (Stores tab).", False)
        elif self.ops.sync(name):
            self._say(f"Syncing {name}…")

    def resync_order(self) -> None:
        text = self.order.text().strip()
        name = self.store.current()
        if not text:
            self._say("Type the order number first.", False)
            return
        ref = text if ":" in text else f"{name}:{text}"
        try:
            oid = self.service.find_order(ref)
        except UsageError as exc:
            self._say(f"{exc} Check the number and the store chosen above.", False)
            return
        if self.ops.resync_order(oid, ref):
            self._say(f"Fetching order {ref} again…")

    def resync_range(self) -> None:
        name = self.store.current()
        start = self.since.date().toPython()
        end = self.until.date().toPython()
        if end < start:
            self._say("The end date is before the start date.", False)
            return
        since = datetime.combine(start, time.min).astimezone()
        until = datetime.combine(end + timedelta(days=1), time.min).astimezone()
        if name and self.ops.sync(name, since=since, until=until):
            self._say(f"Fetching {name} orders from {start:%d %b} to {end:%d %b %Y} again…")
