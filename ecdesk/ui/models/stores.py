"""The Stores tab table: one row per platform account, with today's figures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ecdesk.domain import PLATFORMS, Platform
from ecdesk.service import Service, StoreInfo
from ecdesk.ui.models.base import TableModel
from ecdesk.ui.models.held_orders import format_date

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (QT_TRANSLATE_NOOP("StoresModel", "Store"),
           QT_TRANSLATE_NOOP("StoresModel", "Platform"),
           QT_TRANSLATE_NOOP("StoresModel", "Status"),
           QT_TRANSLATE_NOOP("StoresModel", "Last sync"),
           QT_TRANSLATE_NOOP("StoresModel", "Orders today"),
           QT_TRANSLATE_NOOP("StoresModel", "Held"),
           QT_TRANSLATE_NOOP("StoresModel", "Auto sync"))
QT_TRANSLATE_NOOP("StoresModel", "Custom feed")  # the one platform title to translate
# A store's status code (``StoreInfo.status``) -> words in the window's language.
STATUS_WORDS = {"ok": QT_TRANSLATE_NOOP("StoresModel", "OK"),
                "error": QT_TRANSLATE_NOOP("StoresModel", "Error"),
                "failed": QT_TRANSLATE_NOOP("StoresModel", "Failed"),
                "cancelled": QT_TRANSLATE_NOOP("StoresModel", "Cancelled"),
                "busy": QT_TRANSLATE_NOOP("StoresModel", "Busy"),
                "disabled": QT_TRANSLATE_NOOP("StoresModel", "Disabled"),
                "never_synced": QT_TRANSLATE_NOOP("StoresModel", "Never synced"),
                "config": QT_TRANSLATE_NOOP("StoresModel", "Needs set-up")}
STATUS_COLOURS = {"ok": "#15803d", "error": "#b91c1c", "failed": "#b91c1c",
                  "config": "#b91c1c", "disabled": "#6b7280", "never_synced": "#6b7280"}


class StoresModel(TableModel):
    headers = COLUMNS

    def __init__(self, service: Service, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.rows: list[StoreInfo] = []
        self.reload()

    def reload(self) -> None:
        self.set_rows(self.service.list_stores())

    def set_rows(self, rows: list[StoreInfo]) -> None:
        """Show ``rows`` (read here, or by a worker off the GUI thread)."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            auto = self.tr("Every {minutes} min").format(minutes=s.ingress_minutes) \
                if s.sync_enabled else self.tr("Off")
            return (s.name, platform_title(s.platform), self.status_text(s.status),
                    format_date(s.last_sync_at) or self.tr("Never"), str(s.orders_today),
                    str(s.held), auto)[col]
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

    def status_text(self, status: str) -> str:
        word = STATUS_WORDS.get(status)
        return self.tr(word) if word else status


def platform_title(platform: str) -> str:
    """The platform's name as the clerk reads it (only "Custom feed" is translated)."""
    try:
        title = PLATFORMS[Platform(platform)].title
    except ValueError:
        return platform
    return QCoreApplication.translate("StoresModel", title)
