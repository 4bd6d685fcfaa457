"""The clerk's window: five tabs, the held-orders grid docked below, a status bar with
progress and Cancel. It only wires the parts together; each tab is its own module."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ecdesk.service import Service
from ecdesk.ui.held_panel import HeldPanel
from ecdesk.ui.i18n import plural
from ecdesk.ui.ops import Operations
from ecdesk.ui.order_dialog import OrderDialog
from ecdesk.ui.scheduler import Scheduler
from ecdesk.ui.tabs.automation import AutomationTab
from ecdesk.ui.tabs.integration import IntegrationTab
from ecdesk.ui.tabs.mapping import MappingTab
from ecdesk.ui.tabs.stock import StockTab
from ecdesk.ui.tabs.stores import StoresTab
from ecdesk.ui.tabs.tools import ToolsTab
from ecdesk.ui.widgets import Banner, PageTabs


class MainWindow(QMainWindow):
    def __init__(self, service: Service, *, schedule: bool = True,
                 refresh_ms: int = 400) -> None:
        super().__init__()
        self.service = service
        self.setWindowTitle(self.tr("ecdesk: online orders into AutoCount"))
        self.ops = Operations(service, self, refresh_ms=refresh_ms)
        self.banner = Banner()
        self.tabs = PageTabs()
        self.stores = StoresTab(service, self.ops)
        self.integration = IntegrationTab(service, self.ops)
        self.automation = AutomationTab(service, self.ops)
        self.mapping = MappingTab(service, self.ops)
        self.tools = ToolsTab(service, self.ops)
        self.stock = StockTab(service, self.ops)
        for widget, title in ((self.stores, self.tr("Stores")),
                              (self.integration, self.tr("Integration")),
                              (self.automation, self.tr("Automation")),
                              (self.mapping, self.tr("Mapping")),
                              (self.tools, self.tr("Tools")),
                              (self.stock, self.tr("Stock"))):
            self.tabs.add_page(widget, title)
        self.held = HeldPanel(service, self.ops)
        self.held_box = self.held  # the grid, its filters and actions (screenshots grab it)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.held_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        v = QVBoxLayout(central)
        v.setContentsMargins(6, 6, 6, 0)
        v.addWidget(self.banner)
        v.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status = QLabel(self.tr("Ready."))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.hide()
        bar = self.statusBar()
        bar.addWidget(self.status, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_dialog: KeyboardHelp | None = None
        for i in range(self.tabs.count()):  # Ctrl+1..5: the tabs
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self).activated.connect(
                lambda i=i: self.show_tab(i))

        self.scheduler = Scheduler(service, self.ops, self)
        self.dialog: OrderDialog | None = None
        self._store_names = service.store_names()
        self._wire()
        self.resize(1200, 820)
        self._sized = False
        if service.keyring_problem():
            self.banner.show_message(service.keyring_problem() or "", "warn")
        if schedule:
            self.scheduler.start()

    def _wire(self) -> None:
        ops = self.ops
        ops.started.connect(self._started)
        ops.progress.connect(self._progress)
        ops.finished.connect(self._finished)
        ops.failed.connect(self._failed)
        ops.notice.connect(lambda text: self.banner.show_message(text, "warn"))
        ops.data_changed.connect(lambda: self.refresh(background=True))
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self.cancel_button.clicked.connect(ops.cancel)
        self.stores.stores_changed.connect(self._stores_changed)
        self.stores.open_integration.connect(self.show_integration)
        self.held.open_requested.connect(self.open_order)
        self.held.map_requested.connect(self.show_mapping)
        self.held.settings_requested.connect(self.show_automation)
        self.mapping.retry_requested.connect(lambda: ops.retry_fixable())
        self.mapping.mappings_changed.connect(self.held.refresh)
        self.tools.push_stock_button.clicked.connect(self.push_stock_preview)
        self.stock.shipment_result.connect(lambda text: self.banner.show_message(text, "ok"))

    # --- status bar ---------------------------------------------------------------------
    def _started(self, what: str) -> None:
        self.status.setText(f"{what}…")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)  # busy: count not known yet
        self.status.setText(message)

    def _finished(self, summary: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(summary)
        self.held.refresh()  # the run is over: the count the banner gives is read now
        held = self.held.model.total
        if held:
            needs = plural(
                held, self.tr("{n} order in all needs you: double-click one under Held orders "
                              "to see why, fix it (usually a mapping), then press Retry."),
                self.tr("{n} orders in all need you: double-click one under Held orders to "
                        "see why, fix it (usually a mapping), then press Retry."))
            self.banner.show_message(f"{summary} {needs}", "warn")
        else:
            self.banner.show_message(f"{summary} {self.tr('Nothing is held.')}", "ok")

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(self.tr("The last run did not finish; see the message above."))
        self.banner.show_message(message, "error")

    # --- refresh ------------------------------------------------------------------------
    def refresh(self, *, background: bool = False) -> None:
        """Coalesced: after progress and at the end of every run (``background``: the
        stores' counts are read off the GUI thread, shown when they are back)."""
        names = self.service.store_names()
        if names != self._store_names:
            self._stores_changed()
        if background:
            self.held.refresh_in_background()
            self.stores.refresh_in_background()
        else:
            self.held.refresh()
            self.stores.reload()
        if self.tabs.currentWidget() is self.tools:
            self.tools.reload_log()
        if self.tabs.currentWidget() is self.mapping:
            self.mapping.refresh()

    def _tab_shown(self) -> None:
        """A tab shows what is true now, not what was true when it was built."""
        tab = self.tabs.currentWidget()
        if tab is self.tools:
            self.tools.reload_log()
        elif tab is self.mapping:
            self.mapping.refresh()
        elif tab is self.automation:
            self.automation.show_current()
        elif tab is self.integration:
            self.integration.credentials.refresh()
        elif tab is self.stock:
            self.stock.reload()

    def _stores_changed(self) -> None:
        self._store_names = self.service.store_names()
        self.integration.reload()
        self.automation.reload()
        self.mapping.reload_stores()
        self.tools.reload_stores()
        self.held.reload_stores()
        self.stock.store.reload()

    # --- navigation ---------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        """Ctrl+1..5: that tab, with the keyboard focus on its first field."""
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)
            page.focusNextChild()

    def show_shortcuts(self) -> KeyboardHelp:
        self.help_dialog = KeyboardHelp(self)
        self.help_dialog.open()
        return self.help_dialog

    def show_integration(self, owner: str) -> None:
        self.integration.select(owner)
        self.tabs.setCurrentWidget(self.integration)

    def show_mapping(self, store: str, kind: str, key: str) -> None:
        self.tabs.setCurrentWidget(self.mapping)
        self.activateWindow()  # from the order's window: the clerk types the code here
        self.mapping.prefill(store, kind, key)

    def show_automation(self, store: str) -> None:
        self.automation.select(store)
        self.tabs.setCurrentWidget(self.automation)
        self.activateWindow()

    def push_stock_preview(self) -> None:
        """Tools > Push stock now: the Stock tab's dry-run preview, then the push."""
        self.tabs.setCurrentWidget(self.stock)
        self.stock.preview()

    def open_order(self, order_id: int) -> OrderDialog:
        detail = self.service.order_detail(order_id)
        codes = {m.key: m.value for m in self.service.list_mappings(detail.store, "sku")}
        self.dialog = OrderDialog(detail, self, codes, self.service.payout_of(order_id))
        self.dialog.resolve_requested.connect(self.resolve)
        self.dialog.fix_requested.connect(self.show_mapping)
        self.dialog.settings_requested.connect(self.show_automation)
        self.dialog.retry_requested.connect(lambda oid: self.ops.retry([oid]))
        self.dialog.resync_requested.connect(self.ops.resync_order)
        self.dialog.ship_requested.connect(self.stock.record_shipment)
        self.dialog.open()
        return self.dialog

    def resolve(self, order_id: int, note: str) -> None:
        """Settled by hand in AutoCount: off the held list, never posted by ecdesk."""
        def done(count: object) -> None:
            if count:
                self.status.setText(
                    self.tr("The order was marked settled by hand and left the held list."))
            self.refresh()

        self.ops.write(lambda: self.service.resolve([order_id], note), done,
                       self.ops.failed.emit, name=self.tr("Settling an order by hand"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the held grid gets a fair share once real sizes are known
            self._sized = True
            QTimer.singleShot(0, self._share_space)

    def _share_space(self) -> None:
        total = sum(self.splitter.sizes()) or self.height()
        self.splitter.setSizes([int(total * 0.58), total - int(total * 0.58)])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scheduler.stop()
        self.ops.shutdown()
        super().closeEvent(event)



class KeyboardHelp(QDialog):
    """Help > Keyboard shortcuts: every key of the held-order workflow on one page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            (self.tr("Ctrl+1 … Ctrl+5"), self.tr("Stores, Integration, Automation, Mapping, "
                                                 "Tools tab")),
            ("Ctrl+F", self.tr("Search the held orders (Tab then moves to the grid)")),
            (self.tr("↑ ↓, Home, End"), self.tr("Move through the held orders")),
            ("Enter", self.tr("Open the selected held order")),
            ("Ctrl+M", self.tr("Map the value that holds the selected order (in the order "
                               "too)")),
            ("Ctrl+R", self.tr("Retry the selected held orders (in the order too)")),
            ("Del", self.tr("Settled by hand: take the selected orders off the list, with a "
                            "note")),
            ("F5", self.tr("Refresh the held orders")),
            (self.tr("Enter (in AutoCount code)"), self.tr("Save the mapping")),
            ("Alt+" + self.tr("underlined letter"), self.tr("Press that button")),
            ("Esc", self.tr("Close the order or this page")),
            ("F1", self.tr("This page")),
        ]
        cells = "".join(f"<tr><td style='padding:3px 14px 3px 0'><b>{keys}</b></td>"
                        f"<td style='padding:3px 0'>{what}</td></tr>" for keys, what in rows)
        text = QLabel(f"<table>{cells}</table>")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setAccessibleName(self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
