"""Stores and Integration tabs: add a store, save credentials to the keyring, never show them."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt

from ecdesk.ui.tabs.integration import AUTOCOUNT


def test_add_store_then_save_credentials_never_shown_back(qtbot, window, svc,
                                                          memory_keyring):
    dialog = window.stores.open_add_dialog()
    dialog.name.setText("Main Shop")
    dialog.platform.setCurrentIndex(dialog.platform.findData("woocommerce"))
    dialog.url.setText("https://shop.example.com")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())  # saved through the window's writer
    info = svc.get_store("Main Shop")
    assert (info.platform, info.url, info.settings["doc_prefix"]) == \
        ("woocommerce", "https://shop.example.com", "WC-")
    assert [s.name for s in window.stores.model.rows] == ["Main Shop"]
    # adding a store leads the clerk to its credentials
    assert window.tabs.currentWidget() is window.integration
    tab = window.integration
    assert tab.owner() == "Main Shop"
    creds = tab.credentials
    assert set(creds.fields) == {"consumer_key", "consumer_secret"}
    assert creds.states["consumer_key"].text() == "Not saved"
    qtbot.keyClicks(creds.fields["consumer_key"], "ck_live_123")
    qtbot.keyClicks(creds.fields["consumer_secret"], "cs_live_456")
    assert creds.fields["consumer_key"].echoMode() == creds.fields["consumer_key"].EchoMode.Password
    qtbot.mouseClick(creds.save_button, Qt.MouseButton.LeftButton)
    assert creds.fields["consumer_key"].text() == ""  # cleared at once, saved off the GUI thread
    qtbot.waitUntil(lambda: "Saved 2 credentials" in creds.result.text())
    [entry] = [u for (_, u) in memory_keyring._data if u.endswith("/consumer_key")]
    assert entry.startswith(svc.engine.scope().split("/")[0] + "/store-")
    assert memory_keyring.get_password("ecdesk", entry) == "ck_live_123"
    assert f"store-{info.id}/" not in entry  # named by uid, never the reusable id
    assert svc.has_secret("Main Shop", "consumer_secret")
    # saved state shown, the value itself never
    assert creds.fields["consumer_key"].text() == ""
    assert creds.states["consumer_key"].text() == "✔ Saved"
    assert "Saved 2 credentials" in creds.result.text()
    tab.select(AUTOCOUNT)
    tab.select("Main Shop")
    assert tab.credentials.fields["consumer_key"].text() == ""
    assert "saved" in tab.credentials.fields["consumer_key"].placeholderText()


def test_add_store_dialog_explains_a_bad_name(qtbot, window, svc):
    svc.add_store("Main Shop", "shopify")
    window.stores.reload()
    dialog = window.stores.open_add_dialog()
    dialog.name.setText("Main Shop")
    dialog.accept()
    qtbot.waitUntil(lambda: "already exists" in dialog.error.text())
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()  # the clerk can correct it and press OK again


def test_autocount_settings_and_credentials(qtbot, window, svc):
    tab = window.integration
    tab.select(AUTOCOUNT)
    tab.setting_fields["url"].setText("https://ac.example.com/")
    tab.setting_fields["book"].setText("1234")
    tab.setting_fields["debtor_code"].setText("300-C001")
    assert tab.save_settings()
    qtbot.waitUntil(lambda: tab.settings_result.text() == "Settings saved.")  # the window's writer
    assert svc.autocount_settings() == {"route": "cloud", "url": "https://ac.example.com",
                                        "book": "1234", "debtor_code": "300-C001"}
    tab.credentials.fields["api_key"].setText("secret-key")
    assert tab.credentials.save()
    qtbot.waitUntil(lambda: tab.credentials.states["api_key"].text() == "✔ Saved")
    assert svc.has_secret("autocount", "api_key")
    assert not svc.has_secret("autocount", "key_id")


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_without_keyring_integration_says_so_and_refuses_to_save(qtbot, svc, no_keyring):
    from ecdesk.ui.main_window import MainWindow

    svc.add_store("Main Shop", "shopify", "https://x.myshopify.com")
    w = MainWindow(svc, schedule=False)
    qtbot.addWidget(w)
    w.show_integration("Main Shop")
    tab = w.integration
    assert not tab.keyring_banner.isHidden()
    assert "no password store" in tab.keyring_banner.text
    creds = tab.credentials
    assert not creds.save_button.isEnabled()
    assert not creds.fields["access_token"].isEnabled()
    creds.fields["access_token"].setText("shpat_x")
    assert creds.save() is False
    assert "Not saved" in creds.result.text() and "password store" in creds.result.text()
    # settings without secrets still save
    tab.setting_fields["api_version"].setText("2025-01")
    assert tab.save_settings()
    qtbot.waitUntil(lambda: tab.settings_result.text() == "Settings saved.")  # the window's writer
    assert svc.get_store("Main Shop").settings["api_version"] == "2025-01"
    w.ops.shutdown()
