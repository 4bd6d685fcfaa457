"""Issue 10 acceptance: every bad input from the issue (and more) is one row of a table.

Each row runs the command line in-process, as a clerk or a script would, and checks the exit
code, the sentence on stderr (never a traceback), and that the database and AutoCount hold
exactly what they should afterwards: nothing new, or just the row's intended change. The
table's rows are grouped by the issue's items (6: tracebacks, 8: settings at entry...).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from ecdesk.cli import run
from ecdesk.db import Database
from ecdesk.db.models import Mapping, Store
from ecdesk.secrets import FileKeyring


@dataclass
class Row:
    id: str
    argv: list[str]
    code: int
    words: list[str]  # each must be on stderr
    stdin: str | None = None
    #: ``{tmp}`` in argv/db is the test's folder; ``db`` replaces the fixture's database
    db: str | None = None
    prepare: Callable[[Path], None] | None = None
    #: the database must hold exactly this afterwards (None: as before the command)
    expect: Callable[[Path], None] | None = None
    stdout_words: list[str] = field(default_factory=list)


def write(name: str, content: bytes) -> Callable[[Path], None]:
    return lambda tmp: (tmp / name).write_bytes(content)


def missing_file(name: str) -> Callable[[Path], None]:
    def check(tmp: Path) -> None:
        assert not (tmp / name).exists()
    return check


ROWS = [
    # --- item 6: tracebacks instead of sentences -------------------------------------------
    Row("db-not-a-url", ["store", "list"], 2, ["'notaurl' is not a database address",
                                               "--db or ECDESK_DB"], db="notaurl"),
    Row("db-missing-folder", ["store", "list"], 2,
        ["The folder", "for the database does not exist"],
        db="sqlite:///{tmp}/no/such/folder/e.sqlite",
        expect=lambda tmp: None if not (tmp / "no").exists() else pytest.fail("made a folder")),
    Row("db-text-file", ["store", "list"], 2, ["notes.sqlite' is not an ecdesk database"],
        db="sqlite:///{tmp}/notes.sqlite", prepare=write("notes.sqlite", b"hello,world\n")),
    Row("db-zero-filled", ["store", "list"], 2, ["zeros.sqlite' is not an ecdesk database"],
        db="sqlite:///{tmp}/zeros.sqlite", prepare=write("zeros.sqlite", b"\0" * 16384)),
    Row("db-corrupt-header", ["store", "list"], 2, ["is not an ecdesk database"],
        db="sqlite:///{tmp}/bad.sqlite",
        prepare=write("bad.sqlite", b"SQLite format 3\0" + b"\x13" * 4080)),
    Row("db-folder-as-file", ["store", "list"], 2, ["is a folder, not a database file"],
        db="sqlite:///{tmp}"),
    Row("db-postgres-unreachable", ["held"], 2,
        ["cannot reach the postgresql database 'books' on 127.0.0.1:1",
         "Check that the server runs"], db="postgresql://clerk:pw@127.0.0.1:1/books"),
    Row("db-unknown-driver", ["held"], 2, ["ecdesk has no driver"], db="mysql+nodriver://x/y"),
    Row("db-read-only", ["store", "add", "Second", "--platform", "custom", "--url",
                         "https://feed.example.com/orders"], 2,
        ["cannot write to", "read-only"],
        db="sqlite:///file:{tmp}/db.sqlite?mode=ro&uri=true",
        expect=lambda tmp: stores(tmp) == ["Web"] or pytest.fail(stores(tmp))),
    Row("export-missing-folder", ["export", "reconciliation", "{tmp}/gone/recon.xlsx"], 2,
        ["The folder", "gone' does not exist: create it first"], expect=missing_file("gone")),
    # --- item 2: the same shop twice ---------------------------------------------------------
    Row("same-name-other-case-and-space", ["store", "add", "web ", "--platform", "custom",
                                           "--url", "https://other.example.com/feed"], 2,
        ["A store named 'Web' already exists (names ignore case and spaces)"]),
    Row("same-shop-other-name", ["store", "add", "Web two", "--platform", "custom", "--url",
                                 "https://SHOP.example.com:443/feed/"], 2,
        ["The address shop.example.com/feed is already in ecdesk as store 'Web'",
         "post every order twice"]),
    Row("store-found-ignoring-case", ["store", "set", " WEB", "--set", "timezone=Asia/Singapore"],
        0, [], expect=lambda tmp: timezone(tmp) == "Asia/Singapore" or pytest.fail(timezone(tmp))),
    # --- item 8: settings checked when entered -----------------------------------------------
    Row("url-not-a-url", ["store", "add", "X", "--platform", "shopify", "--url", "not a url"],
        2, ["'not a url' is not a web address", "https://"]),
    Row("url-ftp", ["store", "add", "X", "--platform", "woocommerce", "--url",
                    "ftp://shop.example.com"], 2, ["is not a web address"]),
    Row("url-changed-to-ftp", ["store", "set", "Web", "--url", "ftp://x.example.com"], 2,
        ["is not a web address"]),
    Row("unknown-time-zone", ["store", "set", "Web", "--set", "timezone=Mars/Olympus"], 2,
        ["'Mars/Olympus' is not a time zone", "Asia/Kuala_Lumpur"]),
    Row("every-negative", ["store", "set", "Web", "--every", "-5"], 2,
        ["--every -5 is not a cadence", "above 0"]),
    Row("every-zero", ["store", "set", "Web", "--every", "0"], 2, ["--every 0 is not a cadence"]),
    Row("unknown-set-key", ["store", "set", "Web", "--set", "colour=red"], 2,
        ["Unknown setting 'colour' for a custom store", "Known settings:", "fee_item", "path"]),
    Row("unknown-set-key-on-add", ["store", "add", "Y", "--platform", "shopee", "--set",
                                   "shopid=1"], 2, ["Unknown setting 'shopid'", "shop_id"]),
    Row("bad-limit", ["store", "set", "Web", "--set", "max_order_total=-1"], 2,
        ["'max_order_total' is '-1': give a number above 0"]),
    Row("unknown-secret-name", ["secret", "set", "Web", "token"], 2,
        ["'token' is not a credential of a custom store. Known: api_key"], stdin="x\n"),
    Row("unknown-autocount-secret", ["secret", "set", "autocount", "apikey"], 2,
        ["'apikey' is not a credential of AutoCount. Known: key_id, api_key"], stdin="x\n"),
    Row("negative-tax-rate", ["map", "tax", "Web", "-6", "SV-6"], 2,
        ["tax rate -6 is outside 0 to 100"]),
    Row("tax-rate-not-a-number", ["map", "tax", "Web", "eight", "SV-8"], 2,
        ["tax rate 'eight' is not a percentage"]),
    Row("export-named-csv", ["export", "reconciliation", "{tmp}/recon.csv"], 2,
        ["'recon.csv' would receive an Excel workbook: name it recon.xlsx"],
        expect=missing_file("recon.csv")),
    Row("until-without-since", ["sync", "--until", "2026-03-01"], 2,
        ["--until needs --since"]),
    Row("until-before-since", ["sync", "--since", "2026-03-05", "--until", "2026-03-01"], 2,
        ["--until 2026-03-01 is before --since 2026-03-05"]),
    Row("date-in-our-words", ["sync", "--since", "01/03/2026"], 2,
        ["'01/03/2026' is not a date: write it as YYYY-MM-DD"]),
    Row("export-to-before-from", ["export", "reconciliation", "{tmp}/r.xlsx", "--from",
                                  "2026-03-05", "--to", "2026-03-01"], 2,
        ["--to 2026-03-01 is before --from 2026-03-05"], expect=missing_file("r.xlsx")),
    Row("future-date-warns", ["export", "reconciliation", "{tmp}/r.xlsx", "--from",
                              "2999-01-01"], 0, ["warning: --from 2999-01-01 is in the future"],
        expect=lambda tmp: (tmp / "r.xlsx").exists() or pytest.fail("no workbook")),
    Row("autocount-not-set-up", ["autocount", "items"], 2, ["AutoCount"]),
    Row("autocount-unknown-set-key", ["autocount", "set", "--set", "debtor=300-C001"], 2,
        ["Unknown AutoCount setting 'debtor'", "Known settings:", "debtor_code", "sql_url"]),
    Row("autocount-store-only-key", ["autocount", "set", "--set", "doc_prefix=XX-"], 2,
        ["Unknown AutoCount setting 'doc_prefix'"]),
    Row("autocount-url-not-a-url", ["autocount", "set", "--route", "cloud", "--url",
                                    "accounting api", "--book", "1"], 2,
        ["'accounting api' is not a web address"]),
    Row("autocount-bad-time-zone", ["autocount", "set", "--set", "timezone=KL"], 2,
        ["'KL' is not a time zone"]),
]


def timezone(tmp: Path) -> str:
    db = Database(f"sqlite:///{tmp / 'db.sqlite'}")
    with db.session() as s:
        value = (s.scalar(select(Store.settings)) or {}).get("timezone", "")
    db.dispose()
    return value


def stores(tmp: Path) -> list[str]:
    db = Database(f"sqlite:///{tmp / 'db.sqlite'}")
    with db.session() as s:
        names = list(s.scalars(select(Store.name).order_by(Store.name)))
    db.dispose()
    return names


def snapshot(tmp: Path) -> tuple:
    db = Database(f"sqlite:///{tmp / 'db.sqlite'}")
    with db.session() as s:
        state = (tuple(s.scalars(select(Store.name).order_by(Store.name))),
                 tuple((m.kind, m.key, m.value) for m in s.scalars(select(Mapping))),
                 s.scalar(select(func.count()).select_from(Store)))
    db.dispose()
    return state


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A database with one custom store ("Web"), a file keyring, nothing else."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "ecdesk.secrets.FileKeyring")
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("ECDESK_DB", f"sqlite:///{tmp_path / 'db.sqlite'}")
    keyring.set_keyring(FileKeyring())
    assert run(["store", "add", "Web", "--platform", "custom", "--url",
                "https://shop.example.com/feed"]) == 0
    return tmp_path


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_bad_input(row: Row, home: Path, capsys, monkeypatch):
    if row.prepare:
        row.prepare(home)
    before = snapshot(home)
    capsys.readouterr()
    argv = [a.replace("{tmp}", str(home)) for a in row.argv]
    if row.db:
        argv = ["--db", row.db.replace("{tmp}", str(home)), *argv]
    if row.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(row.stdin))
    code = run(argv)
    out, err = capsys.readouterr()
    assert code == row.code, (out, err)
    assert "Traceback" not in err + out
    assert "fromisoformat" not in err  # Python's words never reach the clerk
    for words in row.words:
        assert words in err, err
    for words in row.stdout_words:
        assert words in out, out
    if row.expect:
        row.expect(home)
    else:
        assert snapshot(home) == before


def test_a_closed_pipe_ends_quietly(home):
    """`ecdesk map list | head -1`: the reader goes away after one line."""
    db = Database(f"sqlite:///{home / 'db.sqlite'}")
    with db.session() as s:
        store_id = s.scalar(select(Store.id))
        s.add_all(Mapping(store_id=store_id, kind="sku", key=f"SKU-{n:05d}", value="TS-RED-M")
                  for n in range(5000))
        s.commit()
    db.dispose()
    proc = subprocess.Popen([sys.executable, "-m", "ecdesk", "map", "list"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=os.environ.copy())
    assert proc.stdout.readline().startswith(b"Web")
    proc.stdout.close()  # what `head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert err == ""  # no BrokenPipeError, no "Exception ignored"


def test_an_unexpected_error_is_a_sentence_and_the_traceback_goes_only_to_the_log(
        home, capsys, monkeypatch, tmp_path):
    import logging

    from ecdesk import cli

    def boom(svc, args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(cli.HANDLERS, "held", boom)
    log_file = tmp_path / "ecdesk.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger().addHandler(handler)
    try:
        code = run(["held"])
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    err = capsys.readouterr().err
    assert code == 2
    assert "unexpected error (ZeroDivisionError: a bug)" in err and "log file" in err
    assert "Traceback" not in err
    assert "Traceback" in log_file.read_text() and "ZeroDivisionError" in log_file.read_text()


def test_store_remove_leaves_no_keyring_entry(home, capsys, monkeypatch):
    import json

    monkeypatch.setattr(sys, "stdin", io.StringIO("key-123\n"))
    assert run(["secret", "set", "Web", "api_key"]) == 0
    stored = json.loads((home / "keyring.json").read_text())
    assert [k for k in stored if "/store-" in k]
    assert run(["store", "remove", "Web"]) == 0
    assert "Removed store 'Web' and its 1 saved credential(s)." in capsys.readouterr().out
    stored = json.loads((home / "keyring.json").read_text())
    assert not [k for k in stored if "/store-" in k]
    assert "key-123" not in (home / "keyring.json").read_text()


def test_secret_set_at_a_terminal_prompts_without_echo(home, capsys, monkeypatch):
    import getpass

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompts = []
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or "typed")
    assert run(["secret", "set", "Web", "api_key"]) == 0
    assert prompts == ["api_key for Web (typing is not shown): "]
    assert "typed" not in capsys.readouterr().out
    from ecdesk.service import Service

    svc = Service()
    assert svc.has_secret("Web", "api_key")
    svc.close()
