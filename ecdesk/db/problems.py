"""A database that cannot be opened or written, in words (issue 10 item 6).

:func:`explain` turns what SQLAlchemy, SQLite or PostgreSQL raised into one sentence naming
the database and the fix: a URL that is not one, a folder that does not exist, a file that is
not an ecdesk database (text, zeros, damaged), a server that does not answer, a read-only file.
:class:`DatabaseUnusable` carries it to the CLI's and the window's error boundaries.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ecdesk.errors import ConfigError

HOW_TO_CHOOSE = ("choose the database with --db or ECDESK_DB, e.g. "
                 "sqlite:///C:/ecdesk/ecdesk.sqlite or postgresql://user@server/ecdesk")


class DatabaseUnusable(ConfigError):
    """The database cannot be opened or written; the message says why and what to do."""


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL (None for memory or another database)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database \
            or parsed.database == ":memory:":
        return None
    name = parsed.database
    if name.startswith("file:"):  # SQLite URI form: sqlite:///file:PATH?mode=ro&uri=true
        name = name[5:].split("?", 1)[0]
    return Path(name)


def where(url: str) -> str:
    """How a message names the database: the file, or the server (never the password)."""
    path = sqlite_path(url)
    if path is not None:
        return f"the database file '{path}'"
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return f"'{url}'"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"the {parsed.get_backend_name()} database '{parsed.database}' on {host}{port}"


def check_before_open(url: str) -> None:
    """What can be said before connecting: not a URL, no such folder, a folder as file."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise DatabaseUnusable(f"'{url}' is not a database address: {HOW_TO_CHOOSE}.") from None
    if "://" not in url:
        raise DatabaseUnusable(f"'{url}' is not a database address: {HOW_TO_CHOOSE}.")
    del parsed
    path = sqlite_path(url)
    if path is None:
        return
    if not path.parent.exists():
        raise DatabaseUnusable(
            f"The folder '{path.parent}' for the database does not exist: create it, or "
            f"{HOW_TO_CHOOSE}.")
    if path.is_dir():
        raise DatabaseUnusable(f"'{path}' is a folder, not a database file: {HOW_TO_CHOOSE}.")


def explain(url: str, exc: BaseException) -> str:
    """One sentence for a failure to open, migrate or write the database at ``url``."""
    text = " ".join(str(getattr(exc, "orig", None) or exc).split())
    low = text.lower()
    db = where(url)
    if "not a database" in low or "malformed" in low or "file is encrypted" in low:
        return (f"{db[0].upper()}{db[1:]} is not an ecdesk database (it is damaged, or another "
                "kind of file). Point ecdesk at the right file, or move this one away to start "
                f"a new database: {HOW_TO_CHOOSE}.")
    if "readonly" in low or "read-only" in low or "read only" in low:
        return (f"ecdesk cannot write to {db}: it (or its folder) is read-only. Allow writing "
                "to it, or copy it to a folder you can write to and point --db there.")
    if "unable to open database file" in low:
        return (f"ecdesk cannot open {db}: check that the folder exists and you may write "
                f"to it, or {HOW_TO_CHOOSE}.")
    if "no such module" in low or "can't load plugin" in low or "no module named" in low:
        return (f"ecdesk has no driver for {db} ({text}): use a sqlite:/// or postgresql:// "
                "address.")
    if "password authentication failed" in low or "authentication failed" in low:
        return (f"{db[0].upper()}{db[1:]} refused the user name or password in the address: "
                "correct them in --db or ECDESK_DB.")
    if "does not exist" in low and "database" in low:
        return (f"{db[0].upper()}{db[1:]} does not exist on that server: create it (an empty "
                "database is enough; ecdesk makes its tables) or correct the name in --db.")
    if any(w in low for w in ("connection refused", "could not connect", "timeout expired",
                              "could not translate host", "name or service not known",
                              "connection timed out", "no route to host")):
        return (f"ecdesk cannot reach {db} ({text}). Check that the server runs and that "
                "this PC can reach it, or correct the address in --db or ECDESK_DB.")
    if "locked" in low or "busy" in low:
        return (f"{db[0].upper()}{db[1:]} is busy (another ecdesk is changing it): wait a "
                "moment and try again.")
    return (f"ecdesk cannot use {db} ({type(exc).__name__}: {text}). Check the address in "
            "--db or ECDESK_DB.")
