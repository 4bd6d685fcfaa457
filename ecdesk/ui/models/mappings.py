"""Mappings table: values seen in held orders that still need a mapping first, then the
mappings already made. Small enough (thousands) to hold in memory; searched in SQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ecdesk.service import MappingInfo, Service
from ecdesk.ui.models.base import TableModel

Index = QModelIndex | QPersistentModelIndex

KIND_TITLES = {"sku": QT_TRANSLATE_NOOP("MappingsModel", "Item (SKU)"),
               "shipping": QT_TRANSLATE_NOOP("MappingsModel", "Shipping method"),
               "payment": QT_TRANSLATE_NOOP("MappingsModel", "Payment method"),
               "tax": QT_TRANSLATE_NOOP("MappingsModel", "Tax rate")}
COLUMNS = (QT_TRANSLATE_NOOP("MappingsModel", "Status"),
           QT_TRANSLATE_NOOP("MappingsModel", "Store"),
           QT_TRANSLATE_NOOP("MappingsModel", "Kind"),
           QT_TRANSLATE_NOOP("MappingsModel", "Store value"),
           QT_TRANSLATE_NOOP("MappingsModel", "AutoCount code"), "UOM",
           QT_TRANSLATE_NOOP("MappingsModel", "Orders held"))
EDITABLE = {4, 5}
TODO = QT_TRANSLATE_NOOP("MappingsModel", "Needs mapping")


def kind_title(kind: str) -> str:
    """A mapping kind as the clerk reads it, in the window's language."""
    title = KIND_TITLES.get(kind)
    return QCoreApplication.translate("MappingsModel", title) if title else kind


class MappingsModel(TableModel):
    headers = COLUMNS
    saved = Signal()  # an edit reached the database
    refused = Signal(str)  # an edit was refused, in words (the row shows its old value)

    def __init__(self, service: Service, parent=None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.service = service
        self.store: str | None = None
        self.kind: str | None = None
        self.search = ""
        self.rows: list[tuple[bool, MappingInfo]] = []  # (unmapped?, row)
        self.blocked: dict[tuple[str, str, str], int] = {}  # held orders per unmapped value
        self.error = ""  # the last save error, in words
        #: where an edit is written: the window's writer (off the GUI thread) when set, else
        #: at once; ``writer(fn, done, failed)``
        self.writer: Callable[..., Any] | None = None
        if load:
            self.reload()

    def reload(self) -> None:
        mapped = self.service.list_mappings(self.store, self.kind, self.search)
        done = {(m.store, m.kind, m.key) for m in mapped}
        needle = self.search.lower()
        counted = self.service.unmapped_counts(self.store)
        self.blocked = {(m.store, m.kind, m.key): n for m, n in counted}
        todo = [m for m, _n in counted
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
            held = self.blocked.get((m.store, m.kind, m.key), 0) if todo else 0
            return (self.tr(TODO) if todo else self.tr("Mapped"), m.store, kind_title(m.kind),
                    m.key, m.value, m.uom, str(held) if held else "")[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and todo:
            return QBrush(QColor("#fff4ce"))
        if role == Qt.ItemDataRole.ToolTipRole and todo:
            return self.tr("Orders are held because this value has no AutoCount code. Type the "
                           "code in 'AutoCount code', then retry the held orders.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or index.column() not in EDITABLE:
            return False
        todo, m = self.rows[index.row()]
        text = str(value or "").strip()
        code, uom = (text, m.uom) if index.column() == 4 else (m.value, text)
        if not code:
            self.error = self.tr("Type the AutoCount code first.")
            return False
        self.error = ""
        if self.writer is None:
            try:
                self.service.set_mapping(m.store, m.kind, m.key, code, uom)
            except ValueError as exc:  # UsageError: words for the clerk
                self.error = str(exc)
                return False
        else:  # shown at once, written in the background; put back if refused
            self.writer(lambda: self.service.set_mapping(m.store, m.kind, m.key, code, uom),
                        lambda _w: self.saved.emit(), lambda text: self._refused(m, text))
        self._show(MappingInfo(m.store, m.kind, m.key, code, uom), todo=False)
        return True

    def _show(self, info: MappingInfo, *, todo: bool) -> None:
        for i, (_todo, m) in enumerate(self.rows):
            if (m.store, m.kind, m.key) == (info.store, info.kind, info.key):
                self.rows[i] = (todo, info)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return

    def _refused(self, before: MappingInfo, text: str) -> None:
        self.error = text
        self._show(before, todo=not before.value)
        self.refused.emit(text)
