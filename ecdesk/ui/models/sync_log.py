"""Sync log (newest first) and the stores list: small tables read whole from the service."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ecdesk.service import LogInfo, Service

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Time", "Store", "Level", "What happened")


class SyncLogModel(QAbstractTableModel):
    def __init__(self, service: Service, parent=None, limit: int = 500) -> None:
        super().__init__(parent)
        self.service = service
        self.limit = limit
        self.store: str | None = None
        self.rows: list[LogInfo] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.service.sync_log(self.limit, self.store)
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
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.at.astimezone().strftime("%d %b %H:%M:%S"), r.store or "-",
                    r.level.title(), r.message)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return r.message
        if role == Qt.ItemDataRole.ForegroundRole and r.level == "error":
            return QBrush(QColor("#b91c1c"))
        return None
