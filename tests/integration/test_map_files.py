"""`map export FILE` / `map import FILE` (issue 11): the Mapping tab's workbook on the
command line, through the same service call; an import is all or nothing."""

from __future__ import annotations

import keyring
import pytest
from openpyxl import load_workbook

from ecdesk.cli import run
from ecdesk.secrets import FileKeyring
from ecdesk.service import Service


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "ecdesk.secrets.FileKeyring")
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("ECDESK_DB", f"sqlite:///{tmp_path / 'db.sqlite'}")
    keyring.set_keyring(FileKeyring())
    for name, url in (("Web", "https://shop.example.com/feed"),
                      ("Kedai", "https://kedai.example.com/feed")):
        assert run(["store", "add", name, "--platform", "custom", "--url", url]) == 0
    assert run(["map", "sku", "Web", "AAA-1", "ITEM-A", "--uom", "UNIT"]) == 0
    assert run(["map", "tax", "Web", "8", "SV-8"]) == 0
    assert run(["map", "payment", "Kedai", "fpx", "BANK"]) == 0
    return tmp_path


def maps(url: str) -> set[tuple]:
    svc = Service(url)
    try:
        return {(m.store, m.kind, m.key, m.value, m.uom) for m in svc.list_mappings()}
    finally:
        svc.close()


def test_export_then_import_into_a_fresh_database_gives_the_same_maps(home, monkeypatch,
                                                                       capsys):
    out = home / "maps.xlsx"
    assert run(["map", "export", str(out)]) == 0
    assert "Wrote 3 mapping row(s)" in capsys.readouterr().out
    before = maps(f"sqlite:///{home / 'db.sqlite'}")
    fresh = f"sqlite:///{home / 'fresh.sqlite'}"
    monkeypatch.setenv("ECDESK_DB", fresh)
    for name, url in (("Web", "https://shop.example.com/feed"),
                      ("Kedai", "https://kedai.example.com/feed")):
        assert run(["store", "add", name, "--platform", "custom", "--url", url]) == 0
    assert run(["map", "import", str(out)]) == 0
    assert "Imported 3 mapping(s)" in capsys.readouterr().out
    assert maps(fresh) == before


def test_one_bad_row_changes_nothing_and_is_named(home, capsys):
    out = home / "maps.xlsx"
    assert run(["map", "export", str(out), "--store", "Web"]) == 0
    wb = load_workbook(out)
    ws = wb["Mappings"]
    ws.append(["Web", "sku", "BBB-2", "ITEM-B", None])      # row 4: fine
    ws.append(["Nowhere", "sku", "CCC-3", "ITEM-C", None])  # row 5: no such store
    ws.append(["Web", "tax", "-6", "SV-6", None])           # row 6: not a rate
    wb.save(out)
    before = maps(f"sqlite:///{home / 'db.sqlite'}")
    capsys.readouterr()
    assert run(["map", "import", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Nothing was imported from 'maps.xlsx'" in err
    assert "Row 5:" in err and "Nowhere" in err and "Row 6: tax rate -6" in err
    assert "Traceback" not in err
    assert maps(f"sqlite:///{home / 'db.sqlite'}") == before


@pytest.mark.parametrize("name, content, words", [
    ("notes.xlsx", b"not a workbook", "could not be opened as an Excel workbook"),
    ("maps.csv", b"Store,Kind\n", "could not be opened as an Excel workbook"),
])
def test_a_file_that_is_not_a_mapping_workbook(home, capsys, name, content, words):
    (home / name).write_bytes(content)
    assert run(["map", "import", str(home / name)]) == 2
    assert words in capsys.readouterr().err


def test_export_to_a_missing_folder_or_a_csv_name(home, capsys):
    assert run(["map", "export", str(home / "gone" / "m.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert run(["map", "export", str(home / "m.csv")]) == 2
    assert "name it m.xlsx" in capsys.readouterr().err
