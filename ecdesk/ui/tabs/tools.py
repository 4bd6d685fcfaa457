"""Tools tab: one-click resync of a store, of one order, of a date range; the month-end
reconciliation export to Excel; the window's language; the sync log and the log file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.logfile import log_path
from ecdesk.service import Service, UsageError
from ecdesk.ui import i18n
from ecdesk.ui.models.sync_log import SyncLogModel
from ecdesk.ui.ops import Operations
from ecdesk.ui.widgets import StoreCombo


class ToolsTab(QWidget):
    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        self.open_url = QDesktopServices.openUrl  # replaced in tests
        self.store = StoreCombo(service)
        self.sync_button = QPushButton(self.tr("S&ync this store now"))
        self.sync_all_button = QPushButton(self.tr("Sync a&ll stores"))
        self.order = QLineEdit()
        self.order.setPlaceholderText(self.tr("Order number, e.g. 1001 (or STORE:1001)"))
        self.order.setAccessibleName(self.tr("Order number"))
        self.order_button = QPushButton(self.tr("Fetch this order a&gain"))
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-7))
        self.until = QDateEdit(today)
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat(self.tr("dd MMM yyyy"))
        self.since.setAccessibleName(self.tr("First day to fetch again"))
        self.until.setAccessibleName(self.tr("Last day to fetch again"))
        self.range_button = QPushButton(self.tr("Fetch this date range aga&in"))
        self.cancel_button = QPushButton(self.tr("Cancel the r&unning sync"))
        self.cancel_button.setEnabled(False)
        self.result = QLabel()
        self.result.setWordWrap(True)

        box = QGroupBox(self.tr("Manual resync"))
        grid = QGridLayout(box)
        grid.addWidget(self._label(self.tr("S&tore"), self.store), 0, 0)
        grid.addWidget(self.store, 0, 1)
        grid.addWidget(self.sync_button, 0, 2)
        grid.addWidget(self.sync_all_button, 0, 3)
        grid.addWidget(self._label(self.tr("O&ne order"), self.order), 1, 0)
        grid.addWidget(self.order, 1, 1)
        grid.addWidget(self.order_button, 1, 2)
        grid.addWidget(self.cancel_button, 1, 3)
        grid.addWidget(self._label(self.tr("Date r&ange"), self.since), 2, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.since)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.until)
        dates.addStretch(1)
        grid.addLayout(dates, 2, 1)
        grid.addWidget(self.range_button, 2, 2)
        grid.addWidget(self.result, 3, 0, 1, 5)
        grid.setColumnStretch(4, 1)
        self.result.hide()
        self.store.setMinimumWidth(300)
        self.order.setMinimumWidth(300)

        month_start = QDate(today.year(), today.month(), 1)
        self.recon_from = QDateEdit(month_start)
        self.recon_to = QDateEdit(today)
        for d in (self.recon_from, self.recon_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat(self.tr("dd MMM yyyy"))
        self.recon_from.setAccessibleName(self.tr("First day of the reconciliation"))
        self.recon_to.setAccessibleName(self.tr("Last day of the reconciliation"))
        self.recon_store = StoreCombo(service, self.tr("All stores"))
        self.recon_store.setAccessibleName(self.tr("Store of the reconciliation"))
        self.recon_button = QPushButton(self.tr("&Export reconciliation to Excel…"))
        self.payouts_button = QPushButton(self.tr("Payou&ts…"))
        self.payouts_button.setToolTip(self.tr(
            "Marketplace orders: what ecdesk posted against what the marketplace pays."))
        recon_box = QGroupBox(self.tr("Month-end reconciliation"))
        rrow = QHBoxLayout(recon_box)
        rrow.addWidget(self._label(self.tr("Orders dated"), self.recon_from))
        rrow.addWidget(self.recon_from)
        rrow.addWidget(QLabel(self.tr("to")))
        rrow.addWidget(self.recon_to)
        rrow.addWidget(self.recon_store)
        rrow.addWidget(self.recon_button)
        rrow.addWidget(self.payouts_button)
        rrow.addStretch(1)

        self.push_stock_button = QPushButton(self.tr("Push stoc&k now…"))
        self.push_stock_button.setToolTip(self.tr("Shows what would change in each store "
                                                  "first; nothing is sent until you confirm."))
        stock_box = QGroupBox(self.tr("Stock"))
        srow = QHBoxLayout(stock_box)
        srow.addWidget(self.push_stock_button)
        srow.addWidget(QLabel(self.tr("Quantities go to every store whose push_stock is on, "
                                      "at its own cadence; this sends the changes now.")), 1)

        self.log_model = SyncLogModel(service, self)
        self.log_view = QTableView()
        self.log_view.setModel(self.log_model)
        self.log_view.verticalHeader().hide()
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.setWordWrap(False)
        h = self.log_view.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setResizeContentsPrecision(100)  # fit the first 100 rows, not the whole log
        h.setStretchLastSection(True)
        self.log_view.setAccessibleName(self.tr("Sync log"))
        self.log_store = StoreCombo(service, self.tr("All stores"))
        self.log_refresh = QPushButton(self.tr("Refre&sh"))
        log_box = QGroupBox(self.tr("Sync log (newest first)"))
        lv = QVBoxLayout(log_box)
        lrow = QHBoxLayout()
        lrow.addWidget(self._label(self.tr("Store"), self.log_store))
        lrow.addWidget(self.log_store)
        lrow.addStretch(1)
        lrow.addWidget(self.log_refresh)
        # the technical log (ecdesk.log): what support asks for when something went wrong
        self.log_file_button = QPushButton(self.tr("O&pen log file"))
        self.log_folder_button = QPushButton(self.tr("&Browse log folder"))
        lrow.addWidget(self.log_file_button)
        lrow.addWidget(self.log_folder_button)
        lv.addLayout(lrow)
        lv.addWidget(self.log_view)

        self.language = QComboBox()
        self.language.addItem(self.tr("As this computer (system language)"), None)
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.saved_language()), 0))
        self.language_note = QLabel(self.tr("The window changes language the next time "
                                            "ecdesk starts."))
        self.language_note.setStyleSheet("color:#4b5563;")
        lang_box = QGroupBox(self.tr("Language"))
        lang_row = QHBoxLayout(lang_box)
        lang_row.addWidget(self._label(self.tr("&Window language"), self.language))
        lang_row.addWidget(self.language)
        lang_row.addWidget(self.language_note, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(recon_box)
        layout.addWidget(stock_box)
        layout.addWidget(lang_box)
        layout.addWidget(log_box, 1)

        self.sync_button.clicked.connect(self.sync_store)
        self.sync_all_button.clicked.connect(lambda: self.ops.sync())
        self.order_button.clicked.connect(self.resync_order)
        self.order.returnPressed.connect(self.resync_order)
        self.range_button.clicked.connect(self.resync_range)
        self.cancel_button.clicked.connect(self.ops.cancel)
        self.recon_button.clicked.connect(lambda: self.export_reconciliation())
        self.payouts_button.clicked.connect(self.open_payouts)
        self.log_refresh.clicked.connect(self.reload_log)
        self.log_file_button.clicked.connect(lambda: self.open_log(folder=False))
        self.log_folder_button.clicked.connect(lambda: self.open_log(folder=True))
        self.log_store.currentIndexChanged.connect(lambda _i: self.reload_log())
        self.language.currentIndexChanged.connect(lambda _i: self.save_language())
        self.ops.busy_changed.connect(self._busy)
        self._busy(self.ops.busy)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        """A label whose mnemonic (Alt+letter) moves the focus to ``buddy``."""
        label = QLabel(text)
        label.setBuddy(buddy)
        if not buddy.accessibleName():
            buddy.setAccessibleName(text.replace("&", ""))
        return label

    def save_language(self) -> str | None:
        """Keep the chosen language for the next start (None: follow the system)."""
        lang = self.language.currentData()
        i18n.save_language(lang)
        return lang

    def _busy(self, busy: bool) -> None:
        for b in (self.sync_button, self.sync_all_button, self.order_button, self.range_button):
            b.setEnabled(not busy and self.store.count() > 0)
        self.cancel_button.setEnabled(busy)
        self.recon_button.setEnabled(not busy)

    def reload_stores(self) -> None:
        self.store.reload()
        self.log_store.reload()
        self.recon_store.reload()
        self._busy(self.ops.busy)

    def reload_log(self) -> None:
        self.log_model.store = self.log_store.current()
        self.log_model.reload()

    def open_log(self, *, folder: bool) -> Path:
        """Show ecdesk.log (or its folder) in the system's viewer; answers the path."""
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(exist_ok=True)  # nothing logged yet: open an empty file, not an error
        target = path.parent if folder else path
        self.open_url(QUrl.fromLocalFile(str(target)))
        return target

    def _say(self, text: str, ok: bool = True) -> None:
        self.result.setStyleSheet("color:#374151" if ok else "color:#b91c1c")
        self.result.setText(text)
        self.result.setVisible(bool(text))

    # --- actions ------------------------------------------------------------------------
    def sync_store(self) -> None:
        name = self.store.current()
        if not name:
            self._say(self.tr("Add a store first (Stores tab)."), False)
        elif self.ops.sync(name):
            self._say(self.tr("Syncing {store}…").format(store=name))

    def resync_order(self) -> None:
        text = self.order.text().strip()
        name = self.store.current()
        if not text:
            self._say(self.tr("Type the order number first."), False)
            return
        ref = text if ":" in text else f"{name}:{text}"
        try:
            oid = self.service.find_order(ref)
        except UsageError as exc:
            self._say(f"{exc} " + self.tr("Check the number and the store chosen above."),
                      False)
            return
        if self.ops.resync_order(oid, ref):
            self._say(self.tr("Fetching order {order} again…").format(order=ref))

    def resync_range(self) -> None:
        name = self.store.current()
        start = self.since.date().toPython()
        end = self.until.date().toPython()
        if end < start:
            self._say(self.tr("The end date is before the start date."), False)
            return
        # whole days of the store's own calendar (its time zone), as the CLI's --since
        if name and self.ops.sync(name, since=start, until=end):
            self._say(self.tr("Fetching {store} orders from {start} to {end} again…").format(
                store=name, start=self._day(start), end=self._day(end)))

    def _pick_save(self, suggested: str) -> str:
        return QFileDialog.getSaveFileName(self, self.tr("Export reconciliation"), suggested,
                                           self.tr("Excel workbook (*.xlsx)"))[0]

    def export_reconciliation(self, path: str | None = None) -> bool:
        """Ask where to save, then write the workbook through the background runner."""
        start = self.recon_from.date().toPython()
        end = self.recon_to.date().toPython()
        if end < start:
            self._say(self.tr("The reconciliation's end date is before its start date."), False)
            return False
        path = path or self._pick_save(f"reconciliation-{start:%Y%m%d}-{end:%Y%m%d}.xlsx")
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        if self.ops.export_reconciliation(path, start, end, self.recon_store.current()):
            self._say(self.tr("Writing the reconciliation for {start} to {end}…").format(
                start=self._day(start), end=self._day(end)))
            return True
        return False

    def open_payouts(self) -> QWidget:
        """The payouts view, read off the GUI thread."""
        from ecdesk.ui.payouts_dialog import PayoutsDialog

        dialog = PayoutsDialog(self.service, self.ops, self)
        dialog.open()
        return dialog

    def _day(self, day) -> str:
        return QLocale().toString(QDate(day.year, day.month, day.day),
                                  self.tr("dd MMM yyyy"))
