"""A database ecdesk cannot use is one sentence naming it and the fix (issue 10 item 6)."""

from __future__ import annotations

import pytest

from ecdesk.db import Database
from ecdesk.db.problems import DatabaseUnusable


@pytest.mark.parametrize("content", [b"\0" * 8192, b"name,total\nA,1\n", b"SQLite format 3\0" +
                                     b"\xff" * 200])
def test_a_file_that_is_not_a_database_is_named(tmp_path, content):
    path = tmp_path / "company.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseUnusable, match="'.*company.sqlite' is not an ecdesk database"):
        Database(f"sqlite:///{path}")
    assert path.read_bytes() == content  # never "repaired" or overwritten


@pytest.mark.parametrize("url, words", [
    ("notaurl", "'notaurl' is not a database address"),
    ("C:/data/ecdesk.sqlite", "is not a database address"),
    ("sqlite:////no/such/folder/e.sqlite", "The folder '/no/such/folder' for the database "
                                           "does not exist"),
    ("foo://x/y", "ecdesk has no driver"),
    ("postgresql://clerk:secret@127.0.0.1:1/books", "cannot reach the postgresql database "
                                                    "'books' on 127.0.0.1:1"),
])
def test_addresses_that_cannot_work_say_why(url, words):
    with pytest.raises(DatabaseUnusable) as err:
        Database(url)
    assert words in str(err.value)
    assert "secret" not in str(err.value)  # never the password


def test_a_folder_given_as_the_database_file(tmp_path):
    with pytest.raises(DatabaseUnusable, match="is a folder, not a database file"):
        Database(f"sqlite:///{tmp_path}")
