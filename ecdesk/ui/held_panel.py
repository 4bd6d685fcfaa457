"""The held-orders grid with its filters (store, reason, text) and Retry buttons, and the
keys that work it without a mouse: F5 refresh, Enter open, Ctrl+R retry, Ctrl+M map the
failing value, Ctrl+F filter, Del settled by hand (listed in Help > Keyboard shortcuts)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from ecdesk.ui.hold_text import hold_title
from ecdesk.ui.i18n import plural
from ecdesk.ui.models.held_orders import HeldOrdersModel
from ecdesk.ui.ops import Operations
from ecdesk.ui.order_dialog import FIX_BY_MAPPING, FIX_ELSEWHERE
from ecdesk.ui.widgets import ask_note
from ecdesk.ui.workers import Coalescer

WIDTHS = (130, 150, 150, 105, 470, 80)


class HeldPanel(QWidget):
    open_requested = Signal(int)  # order id
    map_requested = Signal(str, str, str)  # store, mapping kind, value (Ctrl+M)
    settings_requested = Signal(str)  # store whose settings fix the hold (Ctrl+M)

    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        self._reading = self._read_again = False
        self.model = HeldOrdersModel(service, self, load=False)  # the store filter reads it
        self.store = QComboBox()
        self.reason = QComboBox()
        self.reason.addItem(self.tr("All reasons"), None)
        for code, title in service.hold_reason_codes():
            self.reason.addItem(hold_title(code, title), code)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search order number or reason… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search held orders"))
        self.store.setAccessibleName(self.tr("Store filter"))
        self.reason.setAccessibleName(self.tr("Reason filter"))
        self.count = QLabel()
        self.count.setStyleSheet("font-weight:600;")
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Held orders"))
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
        self.open_button = QPushButton(self.tr("&Open order…"))
        self.open_button.setToolTip(self.tr("Show the selected order's lines and why it is "
                                            "held (Enter)."))
        self.retry_button = QPushButton(self.tr("&Retry selected"))
        self.retry_button.setToolTip(self.tr("Try the selected orders again now (Ctrl+R)."))
        self.resolve_button = QPushButton(self.tr("Settled by han&d…"))
        self.resolve_button.setToolTip(self.tr(
            "The selected orders were keyed into AutoCount by hand: take them off this list; "
            "ecdesk will never post them (Del)."))
        self.retry_all_button = QPushButton(self.tr("Retry all &fixable"))
        self.retry_all_button.setToolTip(self.tr(
            "Retry every held order whose reasons a mapping or a setting can fix."))

        self.title = QLabel()
        self.title.setObjectName("heldTitle")
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addSpacing(12)
        for text, combo in ((self.tr("Store"), self.store), (self.tr("Reason"), self.reason)):
            label = QLabel(text)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
        top.addWidget(self.search, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.retry_button)
        actions.addWidget(self.resolve_button)
        actions.addWidget(self.retry_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

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
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.ask_note: Callable[[int], str | None] = self._ask_note
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._counted)
        self.ops.busy_changed.connect(lambda _b: self._enable())
        self._keys()
        self.view.installEventFilter(self)
        for first, second in ((self.search, self.view), (self.view, self.open_button),
                              (self.open_button, self.retry_button),
                              (self.retry_button, self.resolve_button),
                              (self.resolve_button, self.retry_all_button)):
            QWidget.setTabOrder(first, second)
        self.reload_stores()

    def _keys(self) -> None:
        """The held-order workflow without a mouse. F5, Ctrl+R, Ctrl+M and Ctrl+F work
        anywhere in the window; Enter and Del act on the grid when it has the focus."""
        window, grid = Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.WidgetShortcut
        self.shortcuts: dict[str, QShortcut] = {}
        for name, keys, slot, context, owner in (
                ("refresh", "F5", self.refresh, window, self),
                ("retry", "Ctrl+R", self.retry_selected, window, self),
                ("map", "Ctrl+M", self.map_selected, window, self),
                ("filter", "Ctrl+F", self.focus_search, window, self),
                ("open", "Return", self._open_selected, grid, self.view),
                ("open_keypad", "Enter", self._open_selected, grid, self.view),
                ("resolve", "Del", self.resolve_selected, grid, self.view)):
            shortcut = QShortcut(QKeySequence(keys), owner)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
            self.shortcuts[name] = shortcut

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Tabbing into the grid selects its current row (the first one at first), so Enter,
        Ctrl+M, Ctrl+R and Del have an order to act on."""
        if watched is self.view and event.type() == QEvent.Type.FocusIn \
                and not self.selected_ids() and self.model.rowCount() > 0:
            self.view.selectRow(max(self.view.currentIndex().row(), 0))
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def map_selected(self) -> bool:
        """Ctrl+M: jump to the fix of the selected order's first reason a mapping (or a
        setting) clears; says so when none does."""
        ids = self.selected_ids()
        if not ids:
            return False
        summaries = self.service.order_summaries(ids[:1])
        for h in self.service.held_holds(ids[:1]).get(ids[0], []):
            if summaries and h.code in FIX_BY_MAPPING and h.value:
                self.map_requested.emit(summaries[0].store, FIX_BY_MAPPING[h.code][0],
                                        h.value)
                return True
            if summaries and h.code in FIX_ELSEWHERE:
                self.settings_requested.emit(summaries[0].store)
                return True
        self.ops.notice.emit(self.tr("No mapping fixes this order: press Enter to see why it "
                                     "is held."))
        return False

    def reload_stores(self) -> None:
        current = self.store.currentData()
        self.store.blockSignals(True)
        self.store.clear()
        self.store.addItem(self.tr("All stores"), None)
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

    def refresh_in_background(self) -> None:
        """The refresh during a sync: the count, the ids and the rows in sight are read by a
        worker and shown when back (the GUI thread reads nothing), one read at a time."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self.ops.probe(self.model.read_refresh(max(0, self.view.rowAt(0))), self._read,
                       self._read_failed, name=self.tr("Reading held orders"))

    def _read(self, read: tuple) -> None:
        self._reading = False
        if self.model.apply_refresh(read):
            self._counted()
        if self._read_again:
            self._read_again = False
            self.refresh_in_background()

    def _read_failed(self, _text: str) -> None:
        self._reading = self._read_again = False  # the next refresh tries again

    def _counted(self) -> None:
        n = self.model.total
        self.count.setText(self.tr("No held orders") if n == 0 else
                           plural(n, self.tr("{n} held order"), self.tr("{n} held orders")))
        self.count.setStyleSheet("font-weight:600; color:%s;" % ("#15803d" if n == 0
                                                                 else "#b45309"))
        everything = self.model.query.store_id is None and not self.model.query.reason_code \
            and not self.model.query.text
        if n == 0 and everything:
            self.title.setText(self.tr("Held orders: none. Nothing needs you right now."))
            self.title.setProperty("calm", True)
        else:
            self.title.setText(self.tr("Held orders: these need you. Double-click one (or "
                                       "press Enter) to see why, fix it, then Retry."))
            self.title.setProperty("calm", False)
        self.title.style().unpolish(self.title)
        self.title.style().polish(self.title)
        self._enable()

    def _enable(self) -> None:
        selected = bool(self.selected_ids())
        self.open_button.setEnabled(len(self.selected_ids()) == 1)
        self.retry_button.setEnabled(selected and not self.ops.busy)
        self.resolve_button.setEnabled(selected and not self.ops.busy)
        self.retry_all_button.setEnabled(self.model.total > 0 and not self.ops.busy)

    def selected_ids(self) -> list[int]:
        sm = self.view.selectionModel()
        return [self.model.order_id(i.row()) for i in sm.selectedRows()] if sm else []

    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_requested.emit(ids[0])

    def resolve_selected(self) -> int:
        ids = self.selected_ids()
        if not ids:
            return 0
        note = self.ask_note(len(ids))
        if note is None:
            return 0
        def done(_count: object) -> None:
            self.refresh()
            self.ops.refresh_soon()

        # through the sync's single writer: never races a retry of the same orders
        self.ops.write(lambda: self.service.resolve(ids, note), done,
                       self.ops.failed.emit, name=self.tr("Settling orders by hand"))
        return len(ids)

    def _ask_note(self, count: int) -> str | None:
        return ask_note(self, plural(
            count, self.tr("{n} order will leave the held list and ecdesk will never post "
                           "it."),
            self.tr("{n} orders will leave the held list and ecdesk will never post them.")))

    def retry_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.ops.retry(ids)
