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
        ["gone"], expect=missing_file("gone")),
]


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
