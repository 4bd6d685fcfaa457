"""The Qt table boilerplate once: row and column counts and the header texts.

Header texts are marked with ``QT_TRANSLATE_NOOP("<model class>", ...)`` where they are
defined and translated here, in the model class's context."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """A table over ``self.rows`` with the column titles in ``headers`` (translated in the
    context ``context``, the subclass's name by default)."""

    headers: tuple[str, ...] = ()
    context = ""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers):
            return QCoreApplication.translate(self.context or type(self).__name__,
                                              self.headers[section])
        return None
