"""Several AutoCount books in one ecdesk database: one per company (docs/decisions.md §8).

The main book is the one ``autocount set`` configures; its connection and posting defaults are
the settings ``autocount.<key>``. Another company's book has a random uid, made when it is
added, and keeps the same keys under ``autocount@<uid>.<key>`` with its name in
``autocount@<uid>.name``. A store posts to the book its ``company`` setting holds (the uid;
empty: the main book), so a renamed company keeps its stores, and a company's keyring entries
(``<database uid>/autocount-<uid>``) never meet another's.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db.models import Setting, Store
from ecdesk.errors import UsageError
from ecdesk.store_identity import name_key

MAIN = ""  # the main book's uid
MAIN_NAME = "main book"
COMPANY_KEY = "company"  # the store setting naming its book (a uid)
_PREFIX = "autocount@"


def settings_prefix(book: str) -> str:
    """``autocount.`` for the main book, ``autocount@<uid>.`` for another."""
    return "autocount." if book == MAIN else f"{_PREFIX}{book}."


def companies(session: Session) -> dict[str, str]:
    """Every other company's book: uid -> name (the main book is not listed)."""
    rows = session.scalars(select(Setting).where(Setting.key.like(f"{_PREFIX}%.name")))
    return {row.key[len(_PREFIX):-len(".name")]: row.value for row in rows}


def book_name(session: Session, book: str) -> str:
    return MAIN_NAME if book == MAIN else companies(session).get(book, book)


def find_book(session: Session, name: str | None) -> str:
    """The uid of the company called ``name`` (case and spaces ignored); ``""``/None or
    "main book" is the main book. Unknown names are refused with the list."""
    if not name or not name.strip() or name_key(name) == name_key(MAIN_NAME):
        return MAIN
    known = companies(session)
    for uid, other in known.items():
        if name_key(other) == name_key(name):
            return uid
    names = ", ".join(sorted(known.values())) or "none yet"
    raise UsageError(
        f"No AutoCount company called '{name.strip()}' (known: {names}). Add it with "
        f"`ecdesk autocount add-company \"{name.strip()}\"`.")


def add_company(session: Session, name: str) -> str:
    """Add a company's book (its settings come next, with ``autocount set --company``)."""
    clean = " ".join((name or "").split())
    if not clean or len(clean) > 60:
        raise UsageError("Give the company a name of 1 to 60 characters.")
    if name_key(clean) == name_key(MAIN_NAME) or any(
            name_key(other) == name_key(clean) for other in companies(session).values()):
        raise UsageError(f"An AutoCount company called '{clean}' already exists.")
    uid = uuid.uuid4().hex[:12]
    session.add(Setting(key=f"{settings_prefix(uid)}name", value=clean))
    return uid


def store_book(store: Store) -> str:
    """The book ``store`` posts to."""
    return ((store.settings or {}).get(COMPANY_KEY) or MAIN).strip()


def stores_of(session: Session, book: str) -> list[int]:
    """Ids of the stores that post to ``book``."""
    return [st.id for st in session.scalars(select(Store)) if store_book(st) == book]
