"""Integration tab: per store (and for AutoCount) the connection settings and credentials.

Credentials are typed into password fields, saved to the OS keyring through
``Service.set_secret`` and never read back: the tab only shows whether each one is saved
(``has_secret``). When ``keyring_problem()`` has something to say, the tab says it plainly
and refuses to save credentials. Key names follow DECISIONS.md §4 (`secret set`, `--set`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.service import Service, UsageError
from ecdesk.ui.models.stores import PLATFORM_TITLES
from ecdesk.ui.ops import Operations
from ecdesk.ui.widgets import Banner

AUTOCOUNT = "autocount"
# (key, label, hint) per platform: connection settings, then credentials.
SETTINGS = {
    "shopify": [("api_version", "API version", "e.g. 2025-01 (blank: ecdesk's default)")],
    "woocommerce": [],
    "shopee": [("partner_id", "Partner ID", "from Shopee Open Platform"),
               ("shop_id", "Shop ID", "the shop's numeric id")],
    "lazada": [("app_key", "App key", "from Lazada Open Platform")],
    "custom": [],
}
COMMON_SETTINGS = [("timezone", "Time zone", "Asia/Kuala_Lumpur")]
CREDENTIALS = {
    "shopify": [("access_token", "Admin API access token"),
                ("client_id", "Client ID (instead of a token)"),
                ("client_secret", "Client secret (instead of a token)")],
    "woocommerce": [("consumer_key", "Consumer key"), ("consumer_secret", "Consumer secret")],
    "shopee": [("partner_key", "Partner key")],
    "lazada": [("app_secret", "App secret")],
    "custom": [("api_key", "API key")],
}
AUTOCOUNT_SETTINGS = [
    ("url", "API address (URL)", "https://accounting-api.autocountcloud.com"),
    ("book", "Account book ID", "the book's id in AutoCount Cloud"),
]
# Posting defaults every store inherits unless its Automation tab says otherwise.
POSTING_DEFAULTS = [
    ("debtor_code", "Debtor (customer) code", "e.g. 300-C001"),
    ("sales_account", "Sales account", "e.g. 500-0000"),
    ("shipping_item", "Shipping charge item", "e.g. SHIPPING"),
    ("rounding_account", "Rounding account", "e.g. 530-0000"),
    ("payment_method", "Payment method", "e.g. BANK"),
    ("credit_term", "Credit term", "e.g. C.O.D."),
    ("sales_location", "Sales location", "e.g. HQ"),
]
AUTOCOUNT_CREDENTIALS = [("key_id", "Key ID"), ("api_key", "API key")]


class CredentialFields(QGroupBox):
    """Password fields for one owner; values go to the keyring and are never shown back."""

    def __init__(self, service: Service, parent: QWidget | None = None) -> None:
        super().__init__("Credentials (kept in this computer's password store)", parent)
        self.service = service
        self.owner = ""
        self.fields: dict[str, QLineEdit] = {}
        self.states: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.save_button = QPushButton("Save credentials")
        self.result = QLabel()
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.save)

    def show_for(self, owner: str, keys: list[tuple[str, str]]) -> None:
        self.owner = owner
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields.clear()
        self.states.clear()
        for key, label in keys:
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(key)
            state = QLabel()
            line = QHBoxLayout()
            line.addWidget(edit, 1)
            line.addWidget(state)
            self.form.addRow(label, line)
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
            edit.setPlaceholderText("saved - type a new value to replace it" if saved
                                    else "not saved yet")
            self.states[key].setText("✔ Saved" if saved else "Not saved")
            self.states[key].setStyleSheet("color:#15803d" if saved else "color:#6b7280")
        self.save_button.setEnabled(not problem and bool(self.fields))

    def save(self) -> bool:
        problem = self.service.keyring_problem()
        if problem:
            self._say(f"Not saved. {problem}", ok=False)
            return False
        typed = {k: e.text() for k, e in self.fields.items() if e.text().strip()}
        if not typed:
            self._say("Type a credential first; saved ones are kept as they are.", ok=False)
            return False
        try:
            for key, value in typed.items():
                self.service.set_secret(self.owner, key, value)
        except UsageError as exc:
            self._say(str(exc), ok=False)
            return False
        self.refresh()
        n = len(typed)
        self._say(f"Saved {n} credential{'s' if n > 1 else ''}. Press Test connection to "
                  "check them.", ok=True)
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
        self.settings_box = QGroupBox("Connection")
        self.settings_form = QFormLayout(self.settings_box)
        self.setting_fields: dict[str, QLineEdit] = {}
        self.route = QComboBox()
        self.route.addItem("AutoCount Cloud Accounting (API)", "cloud")
        self.save_settings_button = QPushButton("Save settings")
        self.settings_result = QLabel()
        self.credentials = CredentialFields(service)
        self.test_button = QPushButton("Test connection")
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        srow = QHBoxLayout()
        srow.addWidget(self.save_settings_button)
        srow.addWidget(self.settings_result, 1)
        trow = QHBoxLayout()
        trow.addWidget(self.test_button)
        trow.addWidget(self.test_result, 1)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.settings_box)
        right.addLayout(srow)
        right.addWidget(self.credentials)
        right.addLayout(trow)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.owners)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keyring_banner)
        layout.addLayout(body, 1)

        self.owners.currentItemChanged.connect(lambda *_: self._show())
        self.save_settings_button.clicked.connect(self.save_settings)
        self.test_button.clicked.connect(self.test_connection)
        self.reload()

    # --- which owner --------------------------------------------------------------------
    def reload(self) -> None:
        current = self.owner()
        self.owners.blockSignals(True)
        self.owners.clear()
        item = QListWidgetItem("AutoCount (accounting)")
        item.setData(Qt.ItemDataRole.UserRole, AUTOCOUNT)
        self.owners.addItem(item)
        for s in self.service.list_stores():
            item = QListWidgetItem(f"{s.name}  ·  {PLATFORM_TITLES.get(s.platform, s.platform)}")
            item.setData(Qt.ItemDataRole.UserRole, s.name)
            self.owners.addItem(item)
        self.owners.blockSignals(False)
        self.select(current or AUTOCOUNT)
        problem = self.service.keyring_problem()
        if problem:
            self.keyring_banner.show_message(
                f"{problem} Until then ecdesk cannot save any credential; settings "
                "without secrets can still be saved.", "error")
        else:
            self.keyring_banner.hide()

    def owner(self) -> str | None:
        item = self.owners.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, owner: str) -> None:
        for i in range(self.owners.count()):
            if self.owners.item(i).data(Qt.ItemDataRole.UserRole) == owner:
                self.owners.setCurrentRow(i)
                self._show()
                return

    def _show(self) -> None:
        owner = self.owner()
        if owner is None:
            return
        while self.settings_form.rowCount():
            self.settings_form.removeRow(0)
        self.route = QComboBox()
        self.route.addItem("AutoCount Cloud Accounting (API)", "cloud")
        self.setting_fields = {}
        self.settings_result.clear()
        self.test_result.clear()
        if owner == AUTOCOUNT:
            values = self.service.autocount_settings()
            self.title.setText("AutoCount: where orders are posted")
            self.settings_form.addRow("Route", self.route)
            specs = AUTOCOUNT_SETTINGS + POSTING_DEFAULTS
            creds = AUTOCOUNT_CREDENTIALS
        else:
            store = self.service.get_store(owner)
            values = {"url": store.url, **store.settings}
            plat = PLATFORM_TITLES.get(store.platform, store.platform)
            self.title.setText(f"{store.name}: {plat} store")
            specs = [("url", "Store address (URL)", "https://…")] + \
                SETTINGS.get(store.platform, []) + COMMON_SETTINGS
            creds = CREDENTIALS.get(store.platform, [])
        for key, label, hint in specs:
            edit = QLineEdit(values.get(key, ""))
            edit.setPlaceholderText(hint)
            edit.setObjectName(key)
            self.settings_form.addRow(label, edit)
            self.setting_fields[key] = edit
        self.credentials.show_for(owner, creds)

    # --- actions ------------------------------------------------------------------------
    def save_settings(self) -> bool:
        owner = self.owner()
        values = {k: e.text().strip() for k, e in self.setting_fields.items()}
        try:
            if owner == AUTOCOUNT:
                self.service.set_autocount(route=self.route.currentData(),
                                           url=values.pop("url", None) or None,
                                           book=values.pop("book", None) or None,
                                           settings={k: v for k, v in values.items() if v})
            elif owner:
                url = values.pop("url", "")
                self.service.update_store(owner, url=url, settings=values)
        except UsageError as exc:
            self.settings_result.setText(str(exc))
            self.settings_result.setStyleSheet("color:#b91c1c")
            return False
        self.settings_result.setText("Settings saved.")
        self.settings_result.setStyleSheet("color:#15803d")
        return True

    def test_connection(self) -> None:
        owner = self.owner()
        if owner is None:
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("color:#374151")
        self.test_result.setText("Testing…")
        fn = self.service.test_autocount if owner == AUTOCOUNT else \
            (lambda: self.service.test_store(owner))
        self.ops.probe(fn, self._tested_ok, self._tested_bad)

    def _tested_ok(self, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color:#15803d")
        self.test_result.setText(f"Connected. {text}".strip())

    def _tested_bad(self, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color:#b91c1c")
        self.test_result.setText(text)
