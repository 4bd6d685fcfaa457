"""What every AutoCount route implements (Cloud REST API first; desktop bridge later).

A route knows AutoCount and nothing of store platforms. AutoCount has no idempotency key, so
``create`` that loses its answer raises ``MaybeApplied``: the caller then looks the document
up (by the DocNo derived from the order, or by listing and matching ``ref``) and never posts
blindly again (docs/decisions.md §2).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import ClassVar

from ecdesk.domain import DocKind, DocumentDraft, PostedDocument
from ecdesk.errors import Rejected as Rejected
from ecdesk.errors import Unsupported as Unsupported
from ecdesk.messages import WORDS
from ecdesk.sync.connectors.base import CredentialStore
from ecdesk.sync.http import HttpClient

#: The kinds of master data :meth:`AutoCountRoute.list_codes` lists, with how a clerk names
#: them in a sentence.
CODE_KINDS: dict[str, str] = {kind: WORDS[f"kind.{kind}"] for kind in (
    "item", "tax", "payment_method", "debtor", "location", "currency")}
#: the same, many of them ("currencies", not "currencys")
CODE_KIND_PLURALS = {k: v[:-1] + "ies" if v.endswith("y") else v + "s"
                     for k, v in CODE_KINDS.items()}


@dataclass(frozen=True)
class StockBalance:
    """Quantity on hand of one item code at one location, in ``uom``."""

    item_code: str
    location: str
    uom: str
    qty: Decimal


@dataclass
class AutoCountConfig:
    route: str  # "cloud", "desktop", "import-file"
    url: str = ""
    book: str = ""
    settings: dict[str, str] = field(default_factory=dict)
    #: how ``secret set`` names this book's credentials: ``autocount`` (the main book) or
    #: ``"autocount:COMPANY"`` (ecdesk.sync.books)
    owner: str = "autocount"


class AutoCountRoute(ABC):
    name: ClassVar[str]
    max_doc_no: ClassVar[int]
    supports: ClassVar[frozenset[DocKind]]

    def __init__(self, config: AutoCountConfig, credentials: CredentialStore, http: HttpClient):
        self.config = config
        self.credentials = credentials
        self.http = http

    @abstractmethod
    def create(self, draft: DocumentDraft) -> PostedDocument:
        """Create the document; answer what AutoCount holds (with the DocNo it assigned)."""

    @abstractmethod
    def find(self, kind: DocKind, doc_no: str) -> PostedDocument | None:
        """The document with that DocNo, or None."""

    def find_many(self, kind: DocKind, doc_nos: Iterable[str]) -> dict[str, PostedDocument]:
        """Those of ``doc_nos`` that exist (routes override with one batched listing)."""
        found = {}
        for doc_no in doc_nos:
            doc = self.find(kind, doc_no)
            if doc is not None:
                found[doc_no] = doc
        return found

    @abstractmethod
    def find_by_ref(
        self, kind: DocKind, ref: str, debtor_code: str, created_from: date, created_to: date
    ) -> PostedDocument | None:
        """For books that number documents themselves: list and match ``ref`` client-side."""

    @abstractmethod
    def test_connection(self) -> str:
        """A plain-language line on success; raises ``ApiError`` on failure."""

    def list_codes(self, kind: str) -> list[tuple[str, str]]:
        """The book's master data of ``kind`` (a key of :data:`CODE_KINDS`) as
        ``(code, description)`` pairs, sorted by code. Raises :class:`Unsupported` when this
        route cannot list that kind (the caller then warns and posts unchecked), ``ValueError``
        for a kind not in :data:`CODE_KINDS`."""
        check_code_kind(kind)
        raise Unsupported(f"The AutoCount route '{self.name}' cannot list "
                          f"{CODE_KIND_PLURALS[kind]}.")

    def cancel(self, kind: DocKind, doc_no: str) -> None:
        """Cancel (void) a document; its number and record stay in AutoCount. Raises
        ``Rejected`` in the clerk's words when AutoCount will not, ``Unsupported`` when the
        route cannot."""
        raise Unsupported(f"The AutoCount route '{self.name}' cannot cancel documents; "
                          f"cancel {doc_no} in AutoCount itself.")

    def stock_balances(self, location: str | None = None) -> list[StockBalance]:
        """Quantity on hand per item code and location (one location when given).
        ``Unsupported`` when the route cannot read stock (Cloud: docs/decisions.md §7)."""
        raise Unsupported(f"The AutoCount route '{self.name}' cannot read stock balances; "
                          "use `ecdesk stock import FILE` with AutoCount's stock balance "
                          "report, or a read-only SQL connection (`sql_url`).")


def check_code_kind(kind: str) -> None:
    """``ValueError`` naming the known kinds when ``kind`` is not one of them."""
    if kind not in CODE_KINDS:
        raise ValueError(f"unknown kind of AutoCount code '{kind}' "
                         f"(known: {', '.join(CODE_KINDS)})")
