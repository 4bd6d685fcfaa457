"""The Stores tab table: one row per platform account, with today's figures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ecdesk.service import Service, StoreInfo
from ecdesk.ui.models.held_orders import format_date

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Store", "Platform", "Status", "Last sync", "Orders today", "Held", "Auto sync")
PLATFORM_TITLES = {"shopify": "Shopify", "woocommerce": "WooCommerce", "shopee": "Shopee",
                   "lazada": "Lazada", "custom": "Custom feed"}
STATUS_COLOURS = {"OK": "#15803d", "Error": "#b91c1c", "Failed": "#b91c1c",
                  "Disabled": "#6b7280", "Never synced": "#6b7280"}


class StoresModel(QAbstractTableModel):
    def __init__(self, service: Service, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.rows: list[StoreInfo] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.service.list_stores()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (s.name, PLATFORM_TITLES.get(s.platform, s.platform), s.status,
                    format_date(s.last_sync_at) or "Never", str(s.orders_today), str(s.held),
                    f"Every {s.ingress_minutes} min" if s.sync_enabled else "Off")[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and s.last_error:
            return s.last_error
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 2:
                return QBrush(QColor(STATUS_COLOURS.get(s.status, "#92400e")))
            if col == 5 and s.held:
                return QBrush(QColor("#b45309"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def store(self, row: int) -> StoreInfo:
        return self.rows[row]
