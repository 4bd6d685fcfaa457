"""The clerk's window: five tabs, the held-orders grid docked below, a status bar with
progress and Cancel. It only wires the parts together; each tab is its own module."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
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
        self.automation = AutomationTab(service)
        self.mapping = MappingTab(service)
        self.tools = ToolsTab(service, self.ops)
        for widget, title in ((self.stores, self.tr("Stores")),
                              (self.integration, self.tr("Integration")),
                              (self.automation, self.tr("Automation")),
                              (self.mapping, self.tr("Mapping")),
                              (self.tools, self.tr("Tools"))):
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
        ops.data_changed.connect(self.refresh)
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self.cancel_button.clicked.connect(ops.cancel)
        self.stores.stores_changed.connect(self._stores_changed)
        self.stores.open_integration.connect(self.show_integration)
        self.held.open_requested.connect(self.open_order)
        self.mapping.retry_requested.connect(lambda: ops.retry_fixable())
        self.mapping.mappings_changed.connect(self.held.refresh)

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
    def refresh(self) -> None:
        """Coalesced: after progress and at the end of every run."""
        names = self.service.store_names()
        if names != self._store_names:
            self._stores_changed()
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

    def _stores_changed(self) -> None:
        self._store_names = self.service.store_names()
        self.integration.reload()
        self.automation.reload()
        self.mapping.reload_stores()
        self.tools.reload_stores()
        self.held.reload_stores()

    # --- navigation ---------------------------------------------------------------------
    def show_integration(self, owner: str) -> None:
        self.integration.select(owner)
        self.tabs.setCurrentWidget(self.integration)

    def show_mapping(self, store: str, kind: str, key: str) -> None:
        self.tabs.setCurrentWidget(self.mapping)
        self.mapping.prefill(store, kind, key)

    def show_automation(self, store: str) -> None:
        self.automation.select(store)
        self.tabs.setCurrentWidget(self.automation)

    def open_order(self, order_id: int) -> OrderDialog:
        detail = self.service.order_detail(order_id)
        codes = {m.key: m.value for m in self.service.list_mappings(detail.store, "sku")}
        self.dialog = OrderDialog(detail, self, codes)
        self.dialog.resolve_requested.connect(self.resolve)
        self.dialog.fix_requested.connect(self.show_mapping)
        self.dialog.settings_requested.connect(self.show_automation)
        self.dialog.retry_requested.connect(lambda oid: self.ops.retry([oid]))
        self.dialog.resync_requested.connect(self.ops.resync_order)
        self.dialog.open()
        return self.dialog

    def resolve(self, order_id: int, note: str) -> None:
        """Settled by hand in AutoCount: off the held list, never posted by ecdesk."""
        if self.service.resolve([order_id], note):
            self.status.setText(
                self.tr("The order was marked settled by hand and left the held list."))
        self.refresh()

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

