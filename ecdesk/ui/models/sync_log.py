"""Sync log (newest first) and the stores list: small tables read whole from the service."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ecdesk.service import LogInfo, Service
from ecdesk.ui.models.base import TableModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (QT_TRANSLATE_NOOP("SyncLogModel", "Time"), QT_TRANSLATE_NOOP("SyncLogModel", "Store"),
           QT_TRANSLATE_NOOP("SyncLogModel", "Level"),
           QT_TRANSLATE_NOOP("SyncLogModel", "What happened"))
LEVELS = {"info": QT_TRANSLATE_NOOP("SyncLogModel", "Info"),
          "warning": QT_TRANSLATE_NOOP("SyncLogModel", "Warning"),
          "error": QT_TRANSLATE_NOOP("SyncLogModel", "Error")}


class SyncLogModel(TableModel):
    headers = COLUMNS

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._time(r), r.store or "-", self._level(r.level),
                    r.message)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return r.message
        if role == Qt.ItemDataRole.ForegroundRole and r.level == "error":
            return QBrush(QColor("#b91c1c"))
        return None

    def _level(self, level: str) -> str:
        word = LEVELS.get(level)
        return self.tr(word) if word else level.title()

    @staticmethod
    def _time(r: LogInfo) -> str:
        moment = QDateTime.fromMSecsSinceEpoch(int(r.at.timestamp() * 1000))
        return QLocale().toString(moment, QCoreApplication.translate("Dates",
                                                                     "dd MMM HH:mm:ss"))
