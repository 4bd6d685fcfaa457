"""Stores tab: the platform accounts, their status today, add / edit / remove / sync now."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.domain import Platform
from ecdesk.service import Service, StoreInfo
from ecdesk.ui.models.stores import StoresModel, platform_title
from ecdesk.ui.ops import Operations

URL_HINTS = {
    "shopify": "https://your-shop.myshopify.com",
    "woocommerce": "https://www.your-shop.com",
    "shopee": "https://partner.shopeemobile.com",
    "lazada": "https://api.lazada.com.my/rest",
    "custom": "https://feed.example.com/orders",
}
PREFIXES = {"shopify": "SH-", "woocommerce": "WC-", "shopee": "SP-", "lazada": "LZ-",
            "custom": "CF-"}


#: ``submit(values, answer)``: save the values (through the window's writer) and call
#: ``answer(None)`` once saved, or ``answer(text)`` with what is wrong.
Submit = Callable[[dict[str, str], Callable[[str | None], None]], None]


class StoreDialog(QDialog):
    """Add or edit one store; stays open, OK disabled, until the save has been answered."""

    def __init__(self, submit: Submit,
                 store: StoreInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle(self.tr("Edit store") if store else self.tr("Add a store"))
        self.name = QLineEdit(store.name if store else "")
        self.name.setPlaceholderText(self.tr("e.g. Main Shopify"))
        self.platform = QComboBox()
        for p in Platform:
            self.platform.addItem(platform_title(p.value), p.value)
        self.url = QLineEdit(store.url if store else "")
        self.prefix = QLineEdit(store.settings.get("doc_prefix", "") if store else "")
        self.prefix.setMaxLength(4)
        self.prefix.setToolTip(self.tr("Put before the order number to make the AutoCount "
                                       "document number, e.g. SH- gives SH-1001 (up to 4 "
                                       "characters)."))
        if store:
            self.platform.setCurrentIndex(self.platform.findData(store.platform))
            self.platform.setEnabled(False)  # a store is one platform account
        self.platform.currentIndexChanged.connect(self._hints)
        self._hints()
        self.error = QLabel()
        self.error.setStyleSheet("color:#b91c1c")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Store &name"), self.name)
        form.addRow(self.tr("&Platform"), self.platform)
        form.addRow(self.tr("Store &address (URL)"), self.url)
        form.addRow(self.tr("&Document prefix"), self.prefix)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("Credentials are entered next, in the Integration "
                                        "tab.")))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _hints(self) -> None:
        plat = self.platform.currentData()
        self.url.setPlaceholderText(URL_HINTS.get(plat, ""))
        self.prefix.setPlaceholderText(PREFIXES.get(plat, ""))

    def values(self) -> dict[str, str]:
        plat = self.platform.currentData()
        return {"name": self.name.text().strip(), "platform": plat,
                "url": self.url.text().strip(),
                "doc_prefix": self.prefix.text().strip() or PREFIXES.get(plat, "")}

    def accept(self) -> None:
        self.buttons.setEnabled(False)
        self.error.hide()
        self.submit(self.values(), self._answered)

    def _answered(self, problem: str | None) -> None:
        self.buttons.setEnabled(True)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()


class StoresTab(QWidget):
    stores_changed = Signal()
    open_integration = Signal(str)

    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None,
                 confirm: Callable[[str], bool] | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        self.confirm = confirm or self._ask
        self.model = StoresModel(service, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.setAccessibleName(self.tr("Stores"))
        self.add_button = QPushButton(self.tr("&Add store…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.sync_button = QPushButton(self.tr("S&ync this store now"))
        self.sync_all_button = QPushButton(self.tr("Sync a&ll stores now"))
        self.add_button.clicked.connect(self.open_add_dialog)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.sync_button.clicked.connect(self.sync_selected)
        self.sync_all_button.clicked.connect(lambda: self.ops.sync())
        self.empty = QLabel(self.tr("No stores yet. Press “Add store…” to connect your first "
                                    "online store, then enter its credentials in "
                                    "Integration."))
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.sync_all_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.dialog: StoreDialog | None = None
        self._reading = self._read_again = False
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.ops.busy_changed.connect(lambda _b: self._enable())
        self.reload()

    def reload(self) -> None:
        self._show_rows(self.service.list_stores())

    def refresh_in_background(self) -> None:
        """Read the stores and their counts off the GUI thread (the refresh during a sync:
        with many orders the counts take long enough to be felt), one read at a time."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self.ops.probe(self.service.list_stores, self._read, self._read_failed,
                       name=self.tr("Reading the stores"))

    def _read(self, rows: list[StoreInfo]) -> None:
        self._reading = False
        self._show_rows(rows)
        if self._read_again:
            self._read_again = False
            self.refresh_in_background()

    def _read_failed(self, _text: str) -> None:
        self._reading = self._read_again = False  # the next refresh tries again

    def _show_rows(self, rows: list[StoreInfo]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        self.empty.setVisible(not self.model.rows)
        if selected:
            for i, s in enumerate(self.model.rows):
                if s.name == selected.name:
                    self.view.selectRow(i)
        self._enable()

    def selected(self) -> StoreInfo | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.store(rows[0].row()) if rows else None

    def _enable(self) -> None:
        has = self.selected() is not None
        for b in (self.edit_button, self.remove_button):
            b.setEnabled(has)
        self.sync_button.setEnabled(has and not self.ops.busy)
        self.sync_all_button.setEnabled(bool(self.model.rows) and not self.ops.busy)

    # --- add / edit / remove ------------------------------------------------------------
    def open_add_dialog(self) -> StoreDialog:
        self.dialog = StoreDialog(self._add, parent=self)
        self.dialog.open()
        return self.dialog

    def _add(self, v: dict[str, str], answer: Callable[[str | None], None]) -> None:
        if not v["name"]:
            answer(self.tr("Give the store a name, e.g. 'Main Shopify'."))
            return

        def added(_info: StoreInfo) -> None:
            self.reload()
            for i, s in enumerate(self.model.rows):
                if s.name == v["name"]:
                    self.view.selectRow(i)
            answer(None)
            self.stores_changed.emit()
            self.open_integration.emit(v["name"])

        settings = {"doc_prefix": v["doc_prefix"]} if v["doc_prefix"] else {}
        self.ops.write(lambda: self.service.add_store(v["name"], v["platform"], v["url"],
                                                      settings),
                       added, answer, name=self.tr("Adding the store"))

    def edit_selected(self) -> StoreDialog | None:
        store = self.selected()
        if store is None:
            return None

        def submit(v: dict[str, str], answer: Callable[[str | None], None]) -> None:
            def saved(_info: StoreInfo) -> None:
                self.reload()
                answer(None)
                self.stores_changed.emit()

            self.ops.write(lambda: self.service.update_store(
                store.name, url=v["url"], new_name=v["name"],
                settings={"doc_prefix": v["doc_prefix"]}),
                saved, answer, name=self.tr("Saving the store"))

        self.dialog = StoreDialog(submit, store, self)
        self.dialog.open()
        return self.dialog

    def remove_selected(self) -> None:
        """Remove the selected store (after asking) through the window's writer."""
        store = self.selected()
        if store is None:
            return
        if not self.confirm(self.tr("Remove the store '{store}'? Its orders and mappings are "
                                    "removed from ecdesk (documents already in AutoCount "
                                    "stay).").format(store=store.name)):
            return
        self.remove_button.setEnabled(False)

        def removed(_n: int) -> None:
            self.reload()
            self.stores_changed.emit()

        self.ops.write(lambda: self.service.remove_store(store.name), removed,
                       self._failed, name=self.tr("Removing the store"))

    def _failed(self, text: str) -> None:
        self._enable()
        self.ops.failed.emit(text)  # the window's banner says it; nothing modal

    def sync_selected(self) -> None:
        store = self.selected()
        if store is not None:
            self.ops.sync(store.name)

    def _ask(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove store"), text,
                          parent=self)
        yes = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes
