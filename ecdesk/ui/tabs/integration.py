"""Integration tab: per store (and for AutoCount) the connection settings and credentials.

Credentials are typed into password fields, saved to the OS keyring through
``Service.set_secret`` and never read back: the tab only shows whether each one is saved
(``has_secret``). When ``keyring_problem()`` has something to say, the tab says it plainly
and refuses to save credentials. Key names follow docs/decisions.md §4 (`secret set`, `--set`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.service import Service
from ecdesk.ui.i18n import plural
from ecdesk.ui.models.stores import platform_title
from ecdesk.ui.ops import Operations
from ecdesk.ui.widgets import Banner

AUTOCOUNT = "autocount"


def company_of(owner: str | None) -> str | None:
    """The AutoCount company an owner names: "" the main book (``autocount``), a name for
    ``autocount:NAME``, None for a store."""
    head, _, name = (owner or "").partition(":")
    return name if head == AUTOCOUNT else None


# (key, label, hint) per platform: connection settings, then credentials.
SETTINGS = {
    "shopify": [("api_version", QT_TRANSLATE_NOOP("IntegrationTab", "API version"),
                 QT_TRANSLATE_NOOP("IntegrationTab", "e.g. 2025-01 (blank: ecdesk's default)"))],
    "woocommerce": [],
    "shopee": [("partner_id", QT_TRANSLATE_NOOP("IntegrationTab", "Partner ID"),
                QT_TRANSLATE_NOOP("IntegrationTab", "from Shopee Open Platform")),
               ("shop_id", QT_TRANSLATE_NOOP("IntegrationTab", "Shop ID"),
                QT_TRANSLATE_NOOP("IntegrationTab", "the shop's numeric id"))],
    "lazada": [("app_key", QT_TRANSLATE_NOOP("IntegrationTab", "App key"),
                QT_TRANSLATE_NOOP("IntegrationTab", "from Lazada Open Platform"))],
    "custom": [],
}
COMMON_SETTINGS = [("timezone", QT_TRANSLATE_NOOP("IntegrationTab", "Time zone"),
                    "Asia/Kuala_Lumpur"),
                   ("company", QT_TRANSLATE_NOOP("IntegrationTab", "AutoCount company"),
                    QT_TRANSLATE_NOOP("IntegrationTab", "main book"))]
CREDENTIALS = {
    "shopify": [("access_token", QT_TRANSLATE_NOOP("IntegrationTab", "Admin API access token")),
                ("client_id",
                 QT_TRANSLATE_NOOP("IntegrationTab", "Client ID (instead of a token)")),
                ("client_secret",
                 QT_TRANSLATE_NOOP("IntegrationTab", "Client secret (instead of a token)"))],
    "woocommerce": [("consumer_key", QT_TRANSLATE_NOOP("IntegrationTab", "Consumer key")),
                    ("consumer_secret", QT_TRANSLATE_NOOP("IntegrationTab", "Consumer secret"))],
    "shopee": [("partner_key", QT_TRANSLATE_NOOP("IntegrationTab", "Partner key"))],
    "lazada": [("app_secret", QT_TRANSLATE_NOOP("IntegrationTab", "App secret"))],
    "custom": [("api_key", QT_TRANSLATE_NOOP("IntegrationTab", "API key"))],
}
CREDENTIAL_NOTES = {
    "shopify": QT_TRANSLATE_NOOP("IntegrationTab",
                                 "Either the Admin API access token, or the client ID and "
                                 "client secret of the store's app."),
    "shopee": QT_TRANSLATE_NOOP("IntegrationTab",
                                "After saving the partner key, paste the authorisation code "
                                "Shopee gave you below and press Authorise."),
    "lazada": QT_TRANSLATE_NOOP("IntegrationTab",
                                "After saving the app secret, paste the authorisation code "
                                "Lazada gave you below and press Authorise."),
}
NEEDS_AUTHORISATION = {"shopee", "lazada"}
AUTOCOUNT_SETTINGS = [
    ("url", QT_TRANSLATE_NOOP("IntegrationTab", "API address (URL)"),
     "https://accounting-api.autocountcloud.com"),
    ("book", QT_TRANSLATE_NOOP("IntegrationTab", "Account book ID"),
     QT_TRANSLATE_NOOP("IntegrationTab", "the book's id in AutoCount Cloud")),
]
# Posting defaults every store inherits unless its Automation tab says otherwise.
POSTING_DEFAULTS = [
    ("debtor_code", QT_TRANSLATE_NOOP("IntegrationTab", "Debtor (customer) code"),
     QT_TRANSLATE_NOOP("IntegrationTab", "e.g. 300-C001")),
    ("sales_account", QT_TRANSLATE_NOOP("IntegrationTab", "Sales account"),
     QT_TRANSLATE_NOOP("IntegrationTab", "e.g. 500-0000")),
    ("shipping_item", QT_TRANSLATE_NOOP("IntegrationTab", "Shipping charge item"),
     QT_TRANSLATE_NOOP("IntegrationTab", "e.g. SHIPPING")),
    ("rounding_account", QT_TRANSLATE_NOOP("IntegrationTab", "Rounding account"),
     QT_TRANSLATE_NOOP("IntegrationTab", "e.g. 530-0000")),
    ("payment_method", QT_TRANSLATE_NOOP("IntegrationTab", "Payment method"),
     QT_TRANSLATE_NOOP("IntegrationTab", "e.g. BANK")),
    ("credit_term", QT_TRANSLATE_NOOP("IntegrationTab", "Credit term"),
     QT_TRANSLATE_NOOP("IntegrationTab", "e.g. C.O.D.")),
    ("sales_location", QT_TRANSLATE_NOOP("IntegrationTab", "Sales location"),
     QT_TRANSLATE_NOOP("IntegrationTab", "e.g. HQ")),
]
AUTOCOUNT_CREDENTIALS = [("key_id", QT_TRANSLATE_NOOP("IntegrationTab", "Key ID")),
                         ("api_key", QT_TRANSLATE_NOOP("IntegrationTab", "API key"))]
# The AutoCount routes (DECISIONS.md §8): title, connection settings, credentials.
ROUTES = [
    ("cloud", QT_TRANSLATE_NOOP("IntegrationTab", "AutoCount Cloud Accounting (API)")),
    ("desktop", QT_TRANSLATE_NOOP("IntegrationTab",
                                  "AutoCount Accounting on this PC or the office server")),
    ("import-file", QT_TRANSLATE_NOOP("IntegrationTab",
                                      "Excel workbooks for AutoCount's import (no API licence)")),
]
SQL_URL = ("sql_url", QT_TRANSLATE_NOOP("IntegrationTab", "Read-only SQL connection"),
           QT_TRANSLATE_NOOP("IntegrationTab", "optional: mssql+pyodbc://USER@SERVER/DATABASE"))
ROUTE_SETTINGS = {
    "cloud": AUTOCOUNT_SETTINGS,
    "desktop": [
        ("server", QT_TRANSLATE_NOOP("IntegrationTab", "SQL Server"),
         QT_TRANSLATE_NOOP("IntegrationTab", r"e.g. .\A2006 or SERVER\A2006")),
        ("database", QT_TRANSLATE_NOOP("IntegrationTab", "Account book database"),
         QT_TRANSLATE_NOOP("IntegrationTab", "e.g. AED_COMPANY")),
        ("user", QT_TRANSLATE_NOOP("IntegrationTab", "AutoCount user"),
         QT_TRANSLATE_NOOP("IntegrationTab", "e.g. ADMIN")),
        ("assemblies", QT_TRANSLATE_NOOP("IntegrationTab", "AutoCount program folder"),
         QT_TRANSLATE_NOOP("IntegrationTab", "blank: the usual install folder")),
    ],
    "import-file": [
        ("path", QT_TRANSLATE_NOOP("IntegrationTab", "Folder for the workbooks"),
         QT_TRANSLATE_NOOP("IntegrationTab", r"e.g. C:\AutoCount imports")),
        SQL_URL,
    ],
}
ROUTE_CREDENTIALS = {
    "cloud": AUTOCOUNT_CREDENTIALS,
    "desktop": [("password", QT_TRANSLATE_NOOP("IntegrationTab", "AutoCount user's password"))],
    "import-file": [("sql_password",
                     QT_TRANSLATE_NOOP("IntegrationTab", "SQL password (read-only connection)"))],
}


def label(text: str) -> str:
    """A label or hint of the tables above in the window's language (URLs stay as they
    are)."""
    return QCoreApplication.translate("IntegrationTab", text) if text else text


class CredentialFields(QGroupBox):
    """Password fields for one owner; values go to the keyring and are never shown back."""

    def __init__(self, service: Service, ops: Operations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Credentials (kept in this computer's password store)"))
        self.service = service
        self.ops = ops
        self.owner = ""
        self.fields: dict[str, QLineEdit] = {}
        self.states: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#4b5563;")
        self.save_button = QPushButton(self.tr("Save credentia&ls"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.save)

    def show_for(self, owner: str, keys: list[tuple[str, str]], note: str = "") -> None:
        self.owner = owner
        self.note.setText(note)
        self.note.setVisible(bool(note))
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields.clear()
        self.states.clear()
        for key, text in keys:
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(key)
            edit.setAccessibleName(label(text))
            state = QLabel()
            line = QHBoxLayout()
            line.addWidget(edit, 1)
            line.addWidget(state)
            self.form.addRow(label(text), line)
            self.fields[key] = edit
            self.states[key] = state
        self.result.clear()
        self.refresh()

    def refresh(self) -> None:
        problem = self.service.keyring_problem()
        for key, edit in self.fields.items():
            saved = not problem and self.service.has_secret(self.owner, key)
            edit.clear()
            edit.setEnabled(not problem)
            edit.setPlaceholderText(self.tr("saved - type a new value to replace it") if saved
                                    else self.tr("not saved yet"))
            self.states[key].setText(self.tr("✔ Saved") if saved else self.tr("Not saved"))
            self.states[key].setStyleSheet("color:#15803d" if saved else "color:#6b7280")
        self.save_button.setEnabled(not problem and bool(self.fields))

    def save(self) -> bool:
        """Send the typed credentials to the keyring through the window's writer (off the GUI
        thread, never beside a sync's write); answers whether they were sent. The fields are
        cleared at once, and the result shows when the writer has answered."""
        problem = self.service.keyring_problem()
        if problem:
            self._say(self.tr("Not saved.") + f" {problem}", ok=False)
            return False
        typed = {k: e.text() for k, e in self.fields.items() if e.text().strip()}
        if not typed:
            self._say(self.tr("Type a credential first; saved ones are kept as they are."),
                      ok=False)
            return False
        owner = self.owner
        for key in typed:
            self.fields[key].clear()
        self.save_button.setEnabled(False)
        self.result.setText(self.tr("Saving…"))
        self.result.setStyleSheet("color:#374151")

        def write() -> int:
            for key, value in typed.items():
                self.service.set_secret(owner, key, value)
            return len(typed)

        def saved(n: int) -> None:
            if owner == self.owner:
                self.refresh()
            self._say(plural(n, self.tr("Saved {n} credential. Press Test connection to check "
                                        "it."),
                             self.tr("Saved {n} credentials. Press Test connection to check "
                                     "them.")), ok=True)

        def refused(text: str) -> None:
            self.save_button.setEnabled(True)
            self._say(self.tr("Not saved.") + f" {text}", ok=False)

        self.ops.write(write, saved, refused, name=self.tr("Saving credentials"))
        return True

    def _say(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color:#15803d" if ok else "color:#b91c1c")


class IntegrationTab(QWidget):
    def __init__(self, service: Service, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        self.owners = QListWidget()
        self.owners.setMaximumWidth(220)
        self.keyring_banner = Banner(closable=False)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:15px; font-weight:600;")
        self.owners.setAccessibleName(self.tr("Stores and AutoCount"))
        self.add_company_button = QPushButton(self.tr("Add a compan&y…"))
        self.add_company_button.setToolTip(self.tr(
            "Another company's AutoCount book: its stores post there, with its own "
            "connection and credentials."))
        self.settings_box = QGroupBox(self.tr("Connection"))
        self.settings_form = QFormLayout(self.settings_box)
        self.setting_fields: dict[str, QLineEdit] = {}
        self.route = self._route_combo()
        self.save_settings_button = QPushButton(self.tr("Sa&ve settings"))
        self.settings_result = QLabel()
        self.credentials = CredentialFields(service, ops)
        self.auth_code = QLineEdit()
        self.auth_code.setPlaceholderText(self.tr("authorisation code from the marketplace"))
        self.auth_code.setAccessibleName(self.tr("Authorisation code"))
        self.auth_button = QPushButton(self.tr("A&uthorise"))
        self.auth_row = QWidget()
        arow = QHBoxLayout(self.auth_row)
        arow.setContentsMargins(0, 0, 0, 0)
        arow.addWidget(self.auth_code, 1)
        arow.addWidget(self.auth_button)
        self.confirm_import_button = QPushButton(self.tr("Con&firm an import…"))
        self.withdraw_import_button = QPushButton(self.tr("&Withdraw a workbook…"))
        self.import_row = QWidget()
        irow = QHBoxLayout(self.import_row)
        irow.setContentsMargins(0, 0, 0, 0)
        irow.addWidget(self.confirm_import_button)
        irow.addWidget(self.withdraw_import_button)
        self.test_button = QPushButton(self.tr("Test co&nnection"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        srow = QHBoxLayout()
        srow.addWidget(self.save_settings_button)
        srow.addWidget(self.settings_result, 1)
        trow = QHBoxLayout()
        trow.addWidget(self.test_button)
        trow.addWidget(self.test_result, 1)
        left_col = QVBoxLayout()
        left_col.addWidget(self.settings_box)
        left_col.addLayout(srow)
        left_col.addWidget(self.import_row)
        left_col.addStretch(1)
        right_col = QVBoxLayout()
        right_col.addWidget(self.credentials)
        right_col.addWidget(self.auth_row)
        right_col.addLayout(trow)
        right_col.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left_col, 1)
        columns.addLayout(right_col, 1)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addLayout(columns, 1)
        owners_col = QVBoxLayout()
        owners_col.addWidget(self.owners, 1)
        owners_col.addWidget(self.add_company_button)
        body = QHBoxLayout()
        body.addLayout(owners_col)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keyring_banner)
        layout.addLayout(body, 1)

        self.owners.currentItemChanged.connect(lambda *_: self._show())
        self.save_settings_button.clicked.connect(self.save_settings)
        self.add_company_button.clicked.connect(self.ask_company)
        self.test_button.clicked.connect(self.test_connection)
        self.auth_button.clicked.connect(self.authorise)
        self.confirm_import_button.clicked.connect(lambda: self._pick_workbook(confirm=True))
        self.withdraw_import_button.clicked.connect(lambda: self._pick_workbook(confirm=False))
        self.reload()

    # --- which owner --------------------------------------------------------------------
    def reload(self) -> None:
        current = self.owner()
        self.owners.blockSignals(True)
        self.owners.clear()
        item = QListWidgetItem(self.tr("AutoCount (accounting)"))
        item.setData(Qt.ItemDataRole.UserRole, AUTOCOUNT)
        self.owners.addItem(item)
        for company in self.service.companies()[1:]:
            item = QListWidgetItem(self.tr("AutoCount: {company}").format(company=company))
            item.setData(Qt.ItemDataRole.UserRole, f"{AUTOCOUNT}:{company}")
            self.owners.addItem(item)
        for s in self.service.list_stores():
            item = QListWidgetItem(f"{s.name}  ·  {platform_title(s.platform)}")
            item.setData(Qt.ItemDataRole.UserRole, s.name)
            self.owners.addItem(item)
        self.owners.blockSignals(False)
        self.select(current or AUTOCOUNT)
        problem = self.service.keyring_problem()
        if problem:
            self.keyring_banner.show_message(
                f"{problem} " + self.tr("Until then ecdesk cannot save any credential; "
                                        "settings without secrets can still be saved."),
                "error")
        else:
            self.keyring_banner.hide()

    def owner(self) -> str | None:
        item = self.owners.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, owner: str) -> None:
        """Show one owner's page (AutoCount's when that store is gone)."""
        rows = [i for i in range(self.owners.count())
                if self.owners.item(i).data(Qt.ItemDataRole.UserRole) == owner]
        self.owners.setCurrentRow(rows[0] if rows else 0)
        self._show()

    def _show(self, route: str | None = None) -> None:
        """Show the selected owner's page; for AutoCount, the fields of ``route`` (the saved
        route unless the clerk just chose another)."""
        owner = self.owner()
        if owner is None:
            return
        while self.settings_form.rowCount():
            self.settings_form.removeRow(0)
        self.route = self._route_combo()
        self.setting_fields = {}
        self.settings_result.clear()
        self.test_result.clear()
        self.import_row.hide()
        company = company_of(owner)
        if company is not None:
            values = self.service.autocount_settings(company)
            route = route or values.get("route") or "cloud"
            self.route.setCurrentIndex(max(0, self.route.findData(route)))
            self.route.currentIndexChanged.connect(
                lambda _i: self._show(self.route.currentData()))
            self.title.setText(
                self.tr("AutoCount for {company}: where its stores' orders are posted").format(
                    company=company) if company
                else self.tr("AutoCount: where orders are posted"))
            self.settings_form.addRow(self.tr("Route"), self.route)
            specs = ROUTE_SETTINGS.get(route, AUTOCOUNT_SETTINGS) + POSTING_DEFAULTS
            creds = ROUTE_CREDENTIALS.get(route, AUTOCOUNT_CREDENTIALS)
            note = ""
            self.auth_row.hide()
            self.import_row.setVisible(route == "import-file")
        else:
            store = self.service.get_store(owner)
            values = {"url": store.url, **store.settings,
                      "company": "" if store.company == "main book" else store.company}
            self.title.setText(self.tr("{store}: {platform} store").format(
                store=store.name, platform=platform_title(store.platform)))
            specs = [("url", QT_TRANSLATE_NOOP("IntegrationTab", "Store address (URL)"),
                      "https://…")] + \
                SETTINGS.get(store.platform, []) + COMMON_SETTINGS
            creds = CREDENTIALS.get(store.platform, [])
            note = label(CREDENTIAL_NOTES.get(store.platform, ""))
            self.auth_row.setVisible(store.platform in NEEDS_AUTHORISATION)
            self.auth_code.clear()
        for key, text, hint in specs:
            edit = QLineEdit(values.get(key, ""))
            edit.setPlaceholderText(label(hint))
            edit.setObjectName(key)
            edit.setAccessibleName(label(text))
            self.settings_form.addRow(label(text), edit)
            self.setting_fields[key] = edit
        self.credentials.show_for(owner, creds, note)

    # --- actions ------------------------------------------------------------------------
    def save_settings(self) -> bool:
        """Save the page's settings through the window's writer (off the GUI thread, after a
        sync in progress); answers whether they were sent. The result shows when done."""
        owner, company, route = self.owner(), company_of(self.owner()), self.route.currentData()
        if not owner:
            return False
        values = {k: e.text().strip() for k, e in self.setting_fields.items()}

        def write() -> None:
            if company is not None:
                self.service.set_autocount(route=route, url=values.pop("url", None) or None,
                                           book=values.pop("book", None) or None,
                                           settings={k: v for k, v in values.items() if v},
                                           company=company)
            else:
                self.service.update_store(owner, url=values.pop("url", ""), settings=values)

        self.settings_result.setStyleSheet("color:#374151")
        self.settings_result.setText(self.tr("Saving…"))
        self.ops.write(write, lambda _r: self._settings_said(self.tr("Settings saved."), True),
                       lambda text: self._settings_said(text, False),
                       name=self.tr("Saving settings"))
        return True

    def _settings_said(self, text: str, ok: bool) -> None:
        self.settings_result.setText(text)
        self.settings_result.setStyleSheet("color:#15803d" if ok else "color:#b91c1c")

    def test_connection(self) -> None:
        owner = self.owner()
        if owner is None:
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("color:#374151")
        self.test_result.setText(self.tr("Testing…"))
        company = company_of(owner)
        fn = (lambda: self.service.test_autocount(company)) if company is not None else \
            (lambda: self.service.test_store(owner))
        self.ops.probe(fn, self._tested_ok, self._tested_bad)

    def authorise(self) -> None:
        owner, code = self.owner(), self.auth_code.text().strip()
        if not owner or company_of(owner) is not None:
            return
        if not code:
            self._tested_bad(self.tr("Paste the authorisation code first."))
            return
        self.auth_code.clear()
        self.test_result.setText(self.tr("Authorising…"))
        self.ops.probe(lambda: self.service.authorise_store(owner, code), self._tested_ok,
                       self._tested_bad)

    def _pick_workbook(self, *, confirm: bool) -> None:
        folder = self.service.autocount_settings(company_of(self.owner())).get("path", "")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The workbook ecdesk exported"), folder,
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.settle_import(path, confirm=confirm)

    def settle_import(self, path: str, *, confirm: bool) -> None:
        """The clerk imported (or will not import) an exported workbook."""
        def done(n: int) -> None:
            self.test_result.setStyleSheet("color:#15803d")
            self.test_result.setText(plural(
                n, self.tr("{n} document marked posted.") if confirm
                else self.tr("{n} document ready to export again."),
                self.tr("{n} documents marked posted.") if confirm
                else self.tr("{n} documents ready to export again.")))

        fn = self.service.confirm_import if confirm else self.service.withdraw_import
        company = company_of(self.owner())
        self.ops.write(lambda: fn(path, company), done, self._tested_bad,
                       name=self.tr("Settling an exported workbook"))

    def ask_company(self) -> None:
        """Add another company's AutoCount book and show its page."""
        name, ok = QInputDialog.getText(
            self, self.tr("Add a company"),
            self.tr("The company's name (its AutoCount book gets its own connection):"))
        if ok and name.strip():
            self.add_company(name)

    def add_company(self, name: str) -> None:
        """Add the company's book through the window's writer, then show its page."""
        def added(saved: str) -> None:
            self.reload()
            self.select(f"{AUTOCOUNT}:{saved}")

        self.ops.write(lambda: self.service.add_company(name), added,
                       lambda text: self._settings_said(text, False),
                       name=self.tr("Adding a company"))

    def _route_combo(self) -> QComboBox:
        route = QComboBox()
        route.setAccessibleName(self.tr("Route"))
        for key, text in ROUTES:
            route.addItem(label(text), key)
        return route

    def _tested_ok(self, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color:#15803d")
        self.test_result.setText(f"{self.tr('Connected.')} {text}".strip())

    def _tested_bad(self, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color:#b91c1c")
        self.test_result.setText(text)
