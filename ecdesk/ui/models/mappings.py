"""Mappings table: values seen in held orders that still need a mapping first, then the
mappings already made. Small enough (thousands) to hold in memory; searched in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ecdesk.service import MappingInfo, Service

Index = QModelIndex | QPersistentModelIndex

KIND_TITLES = {"sku": "Item (SKU)", "shipping": "Shipping method",
               "payment": "Payment method", "tax": "Tax rate"}
COLUMNS = ("Status", "Store", "Kind", "Store value", "AutoCount code", "UOM")
EDITABLE = {4, 5}
TODO = "Needs mapping"


class MappingsModel(QAbstractTableModel):
    def __init__(self, service: Service, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.store: str | None = None
        self.kind: str | None = None
        self.search = ""
        self.rows: list[tuple[bool, MappingInfo]] = []  # (unmapped?, row)
        self.error = ""  # the last save error, in words
        self.reload()

    def reload(self) -> None:
        mapped = self.service.list_mappings(self.store, self.kind, self.search)
        done = {(m.store, m.kind, m.key) for m in mapped}
        needle = self.search.lower()
        todo = [m for m in self.service.unmapped(self.store)
                if (self.kind is None or m.kind == self.kind)
                and (not needle or needle in m.key.lower())
                and (m.store, m.kind, m.key) not in done]
        self.beginResetModel()
        self.rows = [(True, m) for m in todo] + [(False, m) for m in mapped]
        self.endResetModel()

    def set_filter(self, store: str | None, kind: str | None, search: str) -> None:
        self.store, self.kind, self.search = store or None, kind or None, search.strip()
        self.reload()

    @property
    def unmapped_count(self) -> int:
        return sum(1 for todo, _ in self.rows if todo)

    def row_info(self, row: int) -> tuple[bool, MappingInfo]:
        return self.rows[row]

    def find(self, store: str, kind: str, key: str) -> int:
        for i, (_todo, m) in enumerate(self.rows):
            if (m.store, m.kind, m.key) == (store, kind, key):
                return i
        return -1

    # --- Qt model API -------------------------------------------------------------------
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

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        todo, m = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (TODO if todo else "Mapped", m.store, KIND_TITLES.get(m.kind, m.kind),
                    m.key, m.value, m.uom)[col]
        if role == Qt.ItemDataRole.BackgroundRole and todo:
            return QBrush(QColor("#fff4ce"))
        if role == Qt.ItemDataRole.ToolTipRole and todo:
            return ("Orders are held because this value has no AutoCount code. Type the code "
                    "in 'AutoCount code', then retry the held orders.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or index.column() not in EDITABLE:
            return False
        todo, m = self.rows[index.row()]
        text = str(value or "").strip()
        code, uom = (text, m.uom) if index.column() == 4 else (m.value, text)
        if not code:
            self.error = "Type the AutoCount code first."
            return False
        try:
            self.service.set_mapping(m.store, m.kind, m.key, code, uom)
        except ValueError as exc:  # UsageError: words for the clerk
            self.error = str(exc)
            return False
        self.error = ""
        self.rows[index.row()] = (False, MappingInfo(m.store, m.kind, m.key, code, uom))
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(COLUMNS) - 1))
        return True
