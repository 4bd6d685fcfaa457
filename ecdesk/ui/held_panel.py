"""The held-orders grid with its filters (store, reason, text) and Retry buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.service import Service
from ecdesk.ui.models.held_orders import HeldOrdersModel
from ecdesk.ui.ops import Operations
from ecdesk.ui.workers import Coalescer

WIDTHS = (130, 110, 130, 100, 420, 70)


class HeldPanel(QWidget):
    open_requested = Signal(int)  # order id

    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        self.model = HeldOrdersModel(service, self)
        self.store = QComboBox()
        self.reason = QComboBox()
        self.reason.addItem("All reasons", None)
        for code, title in service.hold_reason_codes():
            self.reason.addItem(title, code)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search order number or reason…")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setStyleSheet("font-weight:600;")
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        for i, w in enumerate(WIDTHS):
            header.resizeSection(i, w)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.open_button = QPushButton("Open order…")
        self.retry_button = QPushButton("Retry selected")
        self.retry_all_button = QPushButton("Retry all fixable")
        self.retry_all_button.setToolTip(
            "Retry every held order whose reasons a mapping or a setting can fix.")

        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addSpacing(12)
        top.addWidget(QLabel("Store"))
        top.addWidget(self.store)
        top.addWidget(QLabel("Reason"))
        top.addWidget(self.reason)
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.retry_button)
        top.addWidget(self.retry_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        self._search_later = Coalescer(250, self)
        self._search_later.fired.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_later.request())
        self.store.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.reason.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.view.doubleClicked.connect(lambda i: self.open_requested.emit(
            self.model.order_id(i.row())))
        self.open_button.clicked.connect(self._open_selected)
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_all_button.clicked.connect(lambda: self.ops.retry_fixable())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._counted)
        self.ops.busy_changed.connect(lambda _b: self._enable())
        self.reload_stores()

    def reload_stores(self) -> None:
        current = self.store.currentData()
        self.store.blockSignals(True)
        self.store.clear()
        self.store.addItem("All stores", None)
        for s in self.service.list_stores():
            self.store.addItem(s.name, s.id)
        i = self.store.findData(current)
        self.store.setCurrentIndex(max(i, 0))
        self.store.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(store_id=self.store.currentData(),
                              reason_code=self.reason.currentData(), text=self.search.text())

    def refresh(self) -> None:
        self.model.refresh()
        self._counted()

    def _counted(self) -> None:
        n = self.model.total
        self.count.setText("No held orders" if n == 0 else
                           f"{n:,} held order{'s' if n != 1 else ''}")
        self.count.setStyleSheet("font-weight:600; color:%s;" % ("#15803d" if n == 0
                                                                 else "#b45309"))
        self._enable()

    def _enable(self) -> None:
        selected = bool(self.selected_ids())
        self.open_button.setEnabled(len(self.selected_ids()) == 1)
        self.retry_button.setEnabled(selected and not self.ops.busy)
        self.retry_all_button.setEnabled(self.model.total > 0 and not self.ops.busy)

    def selected_ids(self) -> list[int]:
        sm = self.view.selectionModel()
        return [self.model.order_id(i.row()) for i in sm.selectedRows()] if sm else []

    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_requested.emit(ids[0])

    def retry_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.ops.retry(ids)
