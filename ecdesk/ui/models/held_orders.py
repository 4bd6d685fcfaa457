"""The held-orders grid model: lazy and id-backed, sorted and filtered in SQL.

It keeps only order ids, a page at a time (``canFetchMore``/``fetchMore``), and loads the
row data of the block a view is actually painting, so 100,000 held orders open instantly
(the pattern of Anki's ``browser/table/model.py``). ``refresh()`` re-reads the ids already
shown and, when they did not change, only marks the cached rows stale.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
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

from ecdesk.service import HeldQuery, OrderSummary, Service
from ecdesk.ui.hold_text import hold_text, hold_title
from ecdesk.ui.models.base import TableModel

Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP("HeldOrdersModel", "Store"), "store"),
    (QT_TRANSLATE_NOOP("HeldOrdersModel", "Order"), "number"),
    (QT_TRANSLATE_NOOP("HeldOrdersModel", "Date"), "ordered_at"),
    (QT_TRANSLATE_NOOP("HeldOrdersModel", "Amount"), "total"),
    (QT_TRANSLATE_NOOP("HeldOrdersModel", "Reason"), "reasons"),
    (QT_TRANSLATE_NOOP("HeldOrdersModel", "Attempts"), "attempts"),
    (QT_TRANSLATE_NOOP("HeldOrdersModel", "Last error"), "last_error"),
]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200  # ids fetched per fetchMore
BLOCK = 50  # rows of data loaded together when a view paints one of them
CACHE_LIMIT = 2000  # cached rows; beyond this the cache is dropped and reloaded on demand


def format_date(value: datetime | None) -> str:
    """A moment in this PC's time zone, month names in the window's language."""
    if value is None:
        return ""
    moment = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000))
    return QLocale().toString(moment, QCoreApplication.translate("Dates", "dd MMM yyyy HH:mm"))


def format_money(currency: str, amount: Any) -> str:
    if amount is None:
        return ""
    return f"{currency} {amount:,.2f}".strip()


class HeldOrdersModel(TableModel):
    headers = tuple(title for title, _sort in COLUMNS)

    def __init__(self, service: Service, parent=None, page: int = PAGE, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self.service = service
        self.page = page
        self.query = HeldQuery()
        self._ids: list[int] = []
        self._total = 0
        self._rows: dict[int, OrderSummary] = {}
        self._reasons: dict[int, list[str]] = {}  # each hold in the window's language
        self.rows_loaded = 0  # row summaries read from the database so far (tests, bench)
        self._fetching = False
        self._loaded = False  # read once (``load=False``: the panel's filter reads it)
        if load:
            self.reload()

    # --- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        """Filters or sort changed: start again from the first page."""
        self._loaded = True
        total = self.service.count_held(self.query)
        ids = self.service.held_ids(self.query, 0, self.page)
        self._reset(total, ids)

    def _reset(self, total: int, ids: list[int]) -> None:
        # No fetchMore while views and testers react to the reset signals (Qt's model tester
        # rejects rows inserted inside a reset); views fetch more on their next layout.
        self._fetching = True
        try:
            self.beginResetModel()
            self._total, self._ids = total, ids
            self._rows.clear()
            self._reasons.clear()
            self.endResetModel()
        finally:
            self._fetching = False

    def refresh(self) -> None:
        """Data may have changed (a sync ran): keep the view where it is when possible."""
        total = self.service.count_held(self.query)
        ids = self.service.held_ids(self.query, 0, max(len(self._ids), self.page))
        if ids == self._ids and total == self._total:
            self._rows.clear()  # stale: re-read on next paint
            self._reasons.clear()
            if self._ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._ids) - 1, len(COLUMNS) - 1))
            return
        self._reset(total, ids)

    def read_refresh(self, top: int = 0) -> Callable[[], tuple]:
        """A read for a worker thread: what :meth:`refresh` reads, plus the rows of the block
        the view shows at row ``top`` (so painting them reads nothing on the GUI thread)."""
        query, service = replace(self.query), self.service
        wanted = max(len(self._ids), self.page)

        def read() -> tuple:
            total = service.count_held(query)
            ids = service.held_ids(query, 0, wanted)
            start = max(0, top - top % BLOCK)
            block = ids[start:start + BLOCK]
            return (query, total, ids, service.order_summaries(block),
                    service.held_holds(block))

        return read

    def apply_refresh(self, read: tuple) -> bool:
        """Show what :meth:`read_refresh` read; False when the filter changed meanwhile."""
        query, total, ids, summaries, holds = read
        if query != self.query:
            return False
        if ids == self._ids and total == self._total:
            self._rows.clear()
            self._reasons.clear()
        else:
            self._reset(total, ids)
        for summary in summaries:
            self._rows[summary.id] = summary
        self._keep_reasons(holds)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(COLUMNS) - 1))
        return True

    @property
    def total(self) -> int:
        """Held orders matching the filter (not only the rows fetched so far)."""
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._fetching and len(self._ids) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._fetching:
            return  # a view may ask again from inside beginInsertRows
        more = self.service.held_ids(self.query, len(self._ids), self.page)
        if not more:
            self._total = len(self._ids)
            return
        first = len(self._ids)
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._ids.extend(more)
            self.endInsertRows()
        finally:
            self._fetching = False

    def _summary(self, row: int) -> OrderSummary | None:
        oid = self._ids[row]
        found = self._rows.get(oid)
        if found is not None:
            return found
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
            self._reasons.clear()
        start = row - row % BLOCK
        block = [i for i in self._ids[start:start + BLOCK] if i not in self._rows]
        for summary in self.service.order_summaries(block):
            self._rows[summary.id] = summary
        self._keep_reasons(self.service.held_holds(block))
        self.rows_loaded += len(block)
        return self._rows.get(oid)

    def _keep_reasons(self, holds: Mapping[int, list[Any]]) -> None:
        """Each order's holds as lines in the window's language."""
        for held_id, hs in holds.items():
            self._reasons[held_id] = [self.tr("{title}: {reason}").format(
                title=hold_title(h.code, h.title), reason=hold_text(h.key, h.params, h.detail))
                for h in hs]

    # --- filters and sort ---------------------------------------------------------------
    def set_filter(self, *, store_id: int | None = None, reason_code: str | None = None,
                   text: str = "") -> None:
        self.query.store_id = store_id
        self.query.reason_code = reason_code or None
        self.query.text = text.strip()
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        sort, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        changed = (sort, descending) != (self.query.sort, self.query.descending)
        self.query.sort, self.query.descending = sort, descending
        if self._loaded and changed:  # a view setting up its sort reads nothing
            self.reload()

    def order_id(self, row: int) -> int:
        return self._ids[row]

    def summary(self, row: int) -> OrderSummary | None:
        return self._summary(row) if 0 <= row < len(self._ids) else None

    # --- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole):
            return None
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("total", "attempts"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        s = self._summary(index.row())
        if s is None:
            return self.tr("(removed)") if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#9a3412")) if key == "last_error" and s.last_error else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "reasons":
                return "\n".join(self.reasons(s)) or None
            if key == "last_error":
                return s.last_error or None
            if key == "number" and s.is_test:
                return self.tr("A test order from the store")
            return None
        return self._display(s, key)

    def reasons(self, s: OrderSummary) -> list[str]:
        """Why ``s`` is held, one sentence per hold in the window's language (the stored
        summary for an order whose holds are gone)."""
        return self._reasons.get(s.id) or [r for r in s.reasons.split("; ") if r]

    def _display(self, s: OrderSummary, key: str) -> str:
        if key == "store":
            return s.store
        if key == "number":
            return self.tr("{number} (test)").format(number=s.number) if s.is_test \
                else s.number
        if key == "ordered_at":
            return format_date(s.ordered_at)
        if key == "total":
            return format_money(s.currency, s.total)
        if key == "reasons":
            return "; ".join(self.reasons(s)).split("\n")[0]
        if key == "attempts":
            return str(s.attempts)
        if key == "last_error":
            return s.last_error.split("\n")[0]
        return ""
