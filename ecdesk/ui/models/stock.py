"""The Stock view's table: one row per store SKU (failures first), shown a page at a time.

The rows are computed off the GUI thread (``StockService.rows``: counts, moves, reservations
and the rule) and handed to :meth:`StockModel.set_rows`; the view then fetches them lazily,
:data:`PAGE` at a time (``canFetchMore``/``fetchMore``), so 40,000 SKUs open at once.
"""

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

from ecdesk.ui.models.base import TableModel

Index = QModelIndex | QPersistentModelIndex
PAGE = 500
COLUMNS = (QT_TRANSLATE_NOOP("StockModel", "Store"), QT_TRANSLATE_NOOP("StockModel", "SKU"),
           QT_TRANSLATE_NOOP("StockModel", "Item code"),
           QT_TRANSLATE_NOOP("StockModel", "Balance"),
           QT_TRANSLATE_NOOP("StockModel", "Reserved"),
           QT_TRANSLATE_NOOP("StockModel", "To push"),
           QT_TRANSLATE_NOOP("StockModel", "Last pushed"),
           QT_TRANSLATE_NOOP("StockModel", "Problem"))
NUMERIC = {3, 4, 5, 6}


def _number(value: Any) -> str:
    if value is None:
        return "-"
    text = format(value, "f") if not isinstance(value, int) else str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


class StockModel(TableModel):
    headers = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.all_rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.rows = self.all_rows[:PAGE]
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < len(self.all_rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        start = len(self.rows)
        more = self.all_rows[start:start + PAGE]
        if not more:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def failures(self) -> int:
        return sum(1 for r in self.all_rows if r.failed)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 6:
                return self._last(r)
            return (r.store, r.sku, r.item_code, _number(r.balance), _number(r.reserved),
                    _number(r.to_push), "", r.message)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 7 and r.message:
            return r.message
        if role == Qt.ItemDataRole.ForegroundRole and r.failed:
            return QBrush(QColor("#b91c1c"))
        return None

    @staticmethod
    def _last(r: Any) -> str:
        if r.last_pushed is None:
            return "-"
        if r.last_pushed_at is None:
            return str(r.last_pushed)
        moment = QDateTime.fromMSecsSinceEpoch(int(r.last_pushed_at.timestamp() * 1000))
        when = QLocale().toString(moment, QCoreApplication.translate("Dates", "dd MMM HH:mm"))
        return f"{r.last_pushed} ({when})"
