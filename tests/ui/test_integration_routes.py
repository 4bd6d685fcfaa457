"""Integration tab: choosing the AutoCount route shows that route's fields, saves it, tests
it (the missing pieces named when pythonnet is absent), and settles an exported workbook."""

from __future__ import annotations

import builtins

import pytest
from PySide6.QtCore import Qt

from ecdesk.ui.tabs.integration import AUTOCOUNT


@pytest.fixture
def no_pythonnet(monkeypatch):
    real = builtins.__import__

    def refuse(name, *a, **kw):
        if name == "pythonnet":
            raise ImportError(name)
        return real(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", refuse)


def test_switching_route_shows_its_fields_and_saves_it(qtbot, window, svc):
    tab = window.integration
    tab.select(AUTOCOUNT)
    assert {"url", "book"} <= set(tab.setting_fields)
    tab.route.setCurrentIndex(tab.route.findData("desktop"))
    assert {"server", "database", "user", "assemblies"} <= set(tab.setting_fields)
    assert "url" not in tab.setting_fields and set(tab.credentials.fields) == {"password"}
    tab.setting_fields["server"].setText(r".\A2006")
    tab.setting_fields["database"].setText("AED_DEMO")
    tab.setting_fields["user"].setText("ADMIN")
    assert tab.save_settings()
    qtbot.waitUntil(lambda: tab.settings_result.text() == "Settings saved.")  # the window's writer
    assert svc.autocount_settings() == {"route": "desktop", "server": r".\A2006",
                                        "database": "AED_DEMO", "user": "ADMIN"}
    tab.select(AUTOCOUNT)  # shown again: the saved route and its fields
    assert tab.route.currentData() == "desktop"
    assert tab.setting_fields["database"].text() == "AED_DEMO"
    assert tab.import_row.isHidden()


def test_desktop_test_names_the_missing_pythonnet(qtbot, window, svc, no_pythonnet):
    tab = window.integration
    tab.select(AUTOCOUNT)
    tab.route.setCurrentIndex(tab.route.findData("desktop"))
    for key, value in (("server", r".\A2006"), ("database", "AED_DEMO"), ("user", "ADMIN")):
        tab.setting_fields[key].setText(value)
    assert tab.save_settings()
    qtbot.waitUntil(lambda: tab.settings_result.text() == "Settings saved.")  # the window's writer
    tab.test_connection()
    qtbot.waitUntil(lambda: tab.test_button.isEnabled(), timeout=5000)
    text = tab.test_result.text()
    assert "pythonnet" in text and "pip install ecdesk[autocount-desktop]" in text
    assert "secret set autocount password" in text  # every missing piece, not the first


def test_import_file_route_tests_the_folder_and_confirms_a_workbook(qtbot, window, svc,
                                                                    tmp_path):
    tab = window.integration
    tab.select(AUTOCOUNT)
    tab.route.setCurrentIndex(tab.route.findData("import-file"))
    assert not tab.import_row.isHidden()
    tab.setting_fields["path"].setText(str(tmp_path))
    assert tab.save_settings()
    qtbot.waitUntil(lambda: tab.settings_result.text() == "Settings saved.")  # the window's writer
    tab.test_connection()
    qtbot.waitUntil(lambda: tab.test_button.isEnabled(), timeout=5000)
    assert str(tmp_path) in tab.test_result.text()
    tab.settle_import(str(tmp_path / "ecdesk-20261120-000000.xlsx"), confirm=True)
    qtbot.waitUntil(lambda: "There is no file" in tab.test_result.text(), timeout=5000)


def test_a_second_company_gets_its_own_page_settings_and_credentials(qtbot, window, svc,
                                                                     monkeypatch, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    tab = window.integration
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kedai Dua Sdn Bhd", True))
    qtbot.mouseClick(tab.add_company_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.owner() == "autocount:Kedai Dua Sdn Bhd")  # the window's writer
    assert "Kedai Dua Sdn Bhd" in tab.title.text()
    tab.route.setCurrentIndex(tab.route.findData("import-file"))
    tab.setting_fields["path"].setText(str(tmp_path))
    assert tab.save_settings()
    qtbot.waitUntil(lambda: tab.settings_result.text() == "Settings saved.")  # the window's writer
    assert svc.autocount_settings("Kedai Dua Sdn Bhd")["path"] == str(tmp_path)
    assert "path" not in svc.autocount_settings()  # the main book is untouched
    assert tab.credentials.owner == "autocount:Kedai Dua Sdn Bhd"
    tab.test_connection()
    qtbot.waitUntil(lambda: tab.test_button.isEnabled(), timeout=5000)
    assert "Connected" in tab.test_result.text(), tab.test_result.text()
    # a store is moved to the company from its own page, by name
    store = svc.add_store("Kedai Web", "custom", "https://kedai.example.com/feed").name
    tab.reload()
    tab.select(store)
    tab.setting_fields["company"].setText("kedai dua sdn bhd")
    assert tab.save_settings(), tab.settings_result.text()
    qtbot.waitUntil(lambda: tab.settings_result.text() == "Settings saved.")  # the window's writer
    assert svc.get_store(store).company == "Kedai Dua Sdn Bhd"
    tab.select(store)
    assert tab.setting_fields["company"].text() == "Kedai Dua Sdn Bhd"
