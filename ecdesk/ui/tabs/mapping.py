"""Mapping tab: store SKUs, shipping methods, payment methods and tax rates to AutoCount.

Values seen in held orders that still need a mapping come first (highlighted). A clerk maps
one in the form below (or types the code straight into the table), or exports everything to
Excel, fills the AutoCount code column there and imports it back. ``prefill`` is the fix path
from a held order's reason ("Map this SKU").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
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

from ecdesk.service import Service, UsageError
from ecdesk.services.records import MappingImport
from ecdesk.ui.i18n import plural
from ecdesk.ui.models.mappings import KIND_TITLES, MappingsModel, kind_title
from ecdesk.ui.ops import Operations
from ecdesk.ui.workers import Coalescer

VALUE_HINTS = {"sku": QT_TRANSLATE_NOOP("MappingTab", "AutoCount item code, e.g. TS-RED-L"),
               "shipping": QT_TRANSLATE_NOOP("MappingTab",
                                             "AutoCount item for the charge, e.g. SHIPPING"),
               "payment": QT_TRANSLATE_NOOP("MappingTab", "AutoCount payment method, e.g. BANK"),
               "tax": QT_TRANSLATE_NOOP("MappingTab", "AutoCount tax code, e.g. SV-8 (or none)")}


class MappingTab(QWidget):
    mappings_changed = Signal()
    retry_requested = Signal()  # "Retry held orders now"

    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        # read when the tab is first shown (the window's _tab_shown), not at start-up: with
        # the unmapped values of 100,000 held orders that read is felt (make bench)
        self.model = MappingsModel(service, self, load=False)
        self.model.writer = lambda fn, done, failed: ops.write(
            fn, done, failed, name=self.tr("Saving a mapping"))
        self.model.saved.connect(self.mappings_changed)
        self.model.refused.connect(lambda text: self._say(text, False))
        # filters
        self.store_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in KIND_TITLES:
            self.kind_filter.addItem(kind_title(kind), kind)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search store value or AutoCount code…"))
        self.search.setAccessibleName(self.tr("Search mappings"))
        self.search.setClearButtonEnabled(True)
        self.import_button = QPushButton(self.tr("&Import from Excel…"))
        self.export_button = QPushButton(self.tr("E&xport to Excel…"))
        self.summary = QLabel()
        # table
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Mappings"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # columns fit the first 100 rows: measuring every row of a big list (the unmapped
        # values of 100,000 held orders) made the window take a minute to open (make bench)
        header.setResizeContentsPrecision(100)
        header.setStretchLastSection(True)  # the store value keeps its width (never "crypto_...")
        # edit form
        self.f_store = QComboBox()
        self.f_kind = QComboBox()
        for kind in KIND_TITLES:
            self.f_kind.addItem(kind_title(kind), kind)
        self.f_key = QLineEdit()
        self.f_key.setPlaceholderText(self.tr("exactly as the store sends it"))
        self.f_value = QLineEdit()
        self.f_uom = QLineEdit()
        self.f_uom.setPlaceholderText(self.tr("optional, e.g. UNIT"))
        self.save_button = QPushButton(self.tr("&Save mapping"))
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("De&lete mapping"))
        self.retry_button = QPushButton(self.tr("Retry held orders &now"))
        self.result = QLabel()
        self.result.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self._label(self.tr("Store"), self.store_filter))
        top.addWidget(self.store_filter)
        top.addWidget(self._label(self.tr("Kind"), self.kind_filter))
        top.addWidget(self.kind_filter)
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        form_box = QGroupBox(self.tr("Map a value"))
        form_box.setFixedWidth(400)
        form = QFormLayout()
        form.addRow(self.tr("S&tore"), self.f_store)
        form.addRow(self.tr("&Kind"), self.f_kind)
        form.addRow(self.tr("Store &value"), self.f_key)
        form.addRow(self.tr("&AutoCount code"), self.f_value)
        form.addRow(self.tr("&UOM"), self.f_uom)
        for label, field in ((self.tr("Store of the mapping"), self.f_store),
                             (self.tr("Kind of the mapping"), self.f_kind),
                             (self.tr("Store value"), self.f_key),
                             (self.tr("AutoCount code"), self.f_value), ("UOM", self.f_uom)):
            field.setAccessibleName(label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        fl = QVBoxLayout(form_box)
        fl.addLayout(form)
        fl.addLayout(buttons)
        fl.addWidget(self.result)
        fl.addStretch(1)
        fl.addWidget(self.retry_button)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(form_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)

        self._search_later = Coalescer(250, self)
        self._search_later.fired.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_later.request())
        self.store_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.f_kind.currentIndexChanged.connect(lambda _i: self._hint())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._row_to_form())
        self.save_button.clicked.connect(self.save)
        self.f_value.returnPressed.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.retry_button.clicked.connect(self.retry_requested)
        self.import_button.clicked.connect(lambda: self.import_excel())
        self.export_button.clicked.connect(lambda: self.export_excel())
        self.pick_open: Callable[[], str] = self._pick_open
        self.pick_save: Callable[[], str] = self._pick_save
        self.reload_stores()
        self._hint()

    # --- loading ------------------------------------------------------------------------
    def reload_stores(self) -> None:
        names = self.service.store_names()
        for combo, with_all in ((self.store_filter, True), (self.f_store, False)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if with_all:
                combo.addItem(self.tr("All stores"), None)
            for n in names:
                combo.addItem(n, n)
            i = combo.findData(current)
            combo.setCurrentIndex(i if i >= 0 else 0)
            combo.blockSignals(False)
        if self.isVisible():  # else when shown
            self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(self.store_filter.currentData(), self.kind_filter.currentData(),
                              self.search.text())
        todo = self.model.unmapped_count
        total = self.model.rowCount()
        if todo:
            self.summary.setText(plural(
                todo, self.tr("{n} value from held orders needs a mapping (shown first, "
                              "highlighted)."),
                self.tr("{n} values from held orders need a mapping (shown first, "
                        "highlighted).")) + " " + self.tr("{n} mapped.").format(
                n=total - todo))
            self.summary.setStyleSheet("color:#92400e; font-weight:600;")
        else:
            self.summary.setText(plural(
                total, self.tr("Every value seen in held orders is mapped. {n} mapping shown."),
                self.tr("Every value seen in held orders is mapped. {n} mappings shown.")))
            self.summary.setStyleSheet("color:#15803d;")

    def refresh(self) -> None:
        self.apply_filter()

    # --- form ---------------------------------------------------------------------------
    def _hint(self) -> None:
        hint = VALUE_HINTS.get(self.f_kind.currentData())
        self.f_value.setPlaceholderText(self.tr(hint) if hint else "")

    def _row_to_form(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        _todo, m = self.model.row_info(rows[0].row())
        self._fill(m.store, m.kind, m.key, m.value, m.uom)

    def _fill(self, store: str, kind: str, key: str, value: str = "", uom: str = "") -> None:
        self.f_store.setCurrentIndex(max(self.f_store.findData(store), 0))
        self.f_kind.setCurrentIndex(max(self.f_kind.findData(kind), 0))
        self.f_key.setText(key)
        self.f_value.setText(value)
        self.f_uom.setText(uom)

    def prefill(self, store: str, kind: str, key: str) -> None:
        """The fix path from a held order: show this value, ready for its AutoCount code."""
        self.store_filter.blockSignals(True)
        self.kind_filter.blockSignals(True)
        self.store_filter.setCurrentIndex(max(self.store_filter.findData(store), 0))
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(kind), 0))
        self.store_filter.blockSignals(False)
        self.kind_filter.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(key)
        self.search.blockSignals(False)
        self.apply_filter()
        row = self.model.find(store, kind, key)
        if row >= 0:
            self.view.selectRow(row)
        self._fill(store, kind, key)
        self.result.setStyleSheet("color:#374151")
        self.result.setText(self.tr("Type the AutoCount code for {kind} '{key}' and press "
                                    "Save mapping.").format(kind=kind_title(kind).lower(),
                                                            key=key))
        self.f_value.setFocus()

    def save(self) -> bool:
        """Save the form's mapping through the window's writer (off the GUI thread, after a
        sync in progress); answers whether it was sent. The result shows when it is done."""
        store, kind = self.f_store.currentData(), self.f_kind.currentData()
        key, value = self.f_key.text().strip(), self.f_value.text().strip()
        uom = self.f_uom.text().strip()
        if not store:
            return self._say(self.tr("Add a store first (Stores tab)."), False)
        self._say(self.tr("Saving {key}…").format(key=key), True)
        self.ops.write(lambda: self.service.set_mapping(store, kind, key, value, uom),
                       lambda _warnings: self._changed(self.tr(
                           "Saved: {key} → {value}. Press “Retry held orders now” to post the "
                           "orders that were waiting for it.").format(key=key, value=value)),
                       lambda text: self._say(text, False), name=self.tr("Saving a mapping"))
        return True

    def delete(self) -> bool:
        store, kind, key = self.f_store.currentData(), self.f_kind.currentData(), \
            self.f_key.text().strip()
        if not store or not key:
            return False
        self.ops.write(lambda: self.service.delete_mapping(store, kind, key),
                       lambda _r: self._changed(
                           self.tr("Deleted the mapping of '{key}'.").format(key=key)),
                       lambda text: self._say(text, False), name=self.tr("Deleting a mapping"))
        return True

    def _changed(self, text: str) -> None:
        """A write from this tab is in the database: show it and tell the window."""
        self.apply_filter()
        self.mappings_changed.emit()
        self._say(text, True)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        buddy.setAccessibleName(text)
        return label

    def _say(self, text: str, ok: bool) -> bool:
        self.result.setStyleSheet("color:#15803d" if ok else "color:#b91c1c")
        self.result.setText(text)
        return ok

    # --- Excel --------------------------------------------------------------------------
    def _pick_save(self) -> str:
        return QFileDialog.getSaveFileName(self, self.tr("Export mappings"), "mappings.xlsx",
                                           self.tr("Excel workbook (*.xlsx)"))[0]

    def _pick_open(self) -> str:
        return QFileDialog.getOpenFileName(self, self.tr("Import mappings"), "",
                                           self.tr("Excel workbook (*.xlsx)"))[0]

    def export_excel(self, path: str | None = None) -> int:
        path = path or self.pick_save()
        if not path:
            return 0
        try:
            count = self.service.export_mappings(path)
        except UsageError as exc:
            self._say(str(exc), False)
            return 0
        self._say(self.tr("Exported {count} rows to {path}. Fill the empty AutoCount codes "
                          "and import the file back.").format(count=count, path=path), True)
        return count

    def import_excel(self, path: str | None = None) -> bool:
        """Import a mapping workbook in the background, all or nothing (the service checks
        every row first); answers whether the import started."""
        path = path or self.pick_open()
        if not path:
            return False
        self._say(self.tr("Importing {path}…").format(path=path), True)
        self.ops.write(lambda: self.service.import_mappings(path), self._imported,
                       lambda text: self._say(text, False), name=self.tr("Mapping import"))
        return True

    def _imported(self, done: MappingImport) -> None:
        self.apply_filter()
        if done.saved:
            self.mappings_changed.emit()
        text = plural(done.saved, self.tr("Imported {n} mapping."),
                      self.tr("Imported {n} mappings."))
        if done.skipped_empty:
            text += " " + plural(
                done.skipped_empty,
                self.tr("{n} row without an AutoCount code was skipped."),
                self.tr("{n} rows without an AutoCount code were skipped."))
        self._say(text, True)
