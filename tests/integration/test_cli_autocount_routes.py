"""The AutoCount routes on the command line (DECISIONS.md §8): `autocount set --route`,
`autocount test` (exit 2 naming what is missing), a sync that exports a workbook,
`documents --json` with each row's status, `confirm-import` / `withdraw-import`."""

from __future__ import annotations

import json

import keyring
import pytest

from ecdesk.demo import start_sandboxes
from ecdesk.secrets import FileKeyring
from tests.integration.test_cli import cli, set_up


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "ecdesk.secrets.FileKeyring")
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("ECDESK_DB", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    keyring.set_keyring(FileKeyring())
    world = start_sandboxes(["shopify"], orders=12, seed_value=3,
                            options={"autocount": {"rate_limit": 1_000_000}})
    yield world
    world.stop()


def test_import_file_route_end_to_end_on_the_command_line(env, capsys, monkeypatch, tmp_path):
    set_up(env, capsys, monkeypatch)
    folder = tmp_path / "imports"
    code, _, err = cli(capsys, "autocount", "set", "--route", "import-file", "--set",
                       f"path={folder}")
    assert code == 0
    code, out, err = cli(capsys, "autocount", "test")
    assert code == 2 and "does not exist" in err + out  # a folder that is not there
    folder.mkdir()
    code, out, _ = cli(capsys, "autocount", "test")
    assert code == 0 and str(folder) in out
    code, _, _ = cli(capsys, "sync", "--once")
    (wb,) = folder.glob("ecdesk-*.xlsx")
    code, out, _ = cli(capsys, "documents", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and {r["status"] for r in rows} == {"exported"}
    code, out, _ = cli(capsys, "autocount", "confirm-import", str(wb))
    assert code == 0 and "marked posted" in out
    code, out, _ = cli(capsys, "documents", "--json")
    assert {json.loads(line)["status"] for line in out.splitlines()} == {"posted"}
    code, out, err = cli(capsys, "autocount", "withdraw-import", str(wb))
    assert code == 2 and "not a workbook ecdesk exported" in err + out
    code, out, err = cli(capsys, "autocount", "confirm-import", str(tmp_path / "nope.xlsx"))
    assert code == 2 and "There is no file" in err + out


def test_desktop_route_test_names_every_missing_piece(env, capsys, monkeypatch):
    set_up(env, capsys, monkeypatch)
    code, _, _ = cli(capsys, "autocount", "set", "--route", "desktop", "--set",
                     "server=.\\A2006", "--set", "database=AED_DEMO")
    assert code == 0
    code, out, err = cli(capsys, "autocount", "test")
    text = err + out
    assert code == 2 and "--set user=" in text and "secret set autocount password" in text
    assert "pythonnet" in text


def test_desktop_route_against_the_sandbox_assemblies(env, capsys, monkeypatch):
    set_up(env, capsys, monkeypatch)
    code, _, _ = cli(capsys, "autocount", "set", "--route", "desktop", "--set",
                     "server=.\\A2006", "--set", "database=AED_DEMO", "--set", "user=ADMIN",
                     "--set", "assemblies=sandbox")
    assert code == 0
    assert cli(capsys, "secret", "set", "autocount", "password", stdin="admin",
               monkeypatch=monkeypatch)[0] == 0
    code, out, _ = cli(capsys, "autocount", "test")
    assert code == 0 and "Logged in to AutoCount book AED_DEMO" in out
