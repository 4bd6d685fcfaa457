"""Exactly-once posting into AutoCount: record the intent, post, confirm.

AutoCount has no idempotency key, so the outbox entry (unique on store, external id, document
kind, sequence) is committed *before* AutoCount is called, and its ``attempts`` counter is
raised and committed before every create. An entry found pending with attempts > 0 may already
exist in AutoCount (a timeout, a crash between create and confirm): it is resolved by looking
the document up (by the DocNo derived from the order, or by listing and matching ``ref``),
never by posting blindly again. A claim with a lease stops two processes on one database from
working the same entry.

Commits per document on the usual path (a new entry posted at once by ``post_draft``): two.

* The intent is also the claim and the count of the first attempt: the entry is inserted
  with ``claimed_by`` this worker and ``attempts`` 1 and committed before AutoCount is
  called. The unique key makes the insert itself the claim (a second process gets an
  IntegrityError and takes the ordinary claim path); ``attempts`` 1 means a crash from here
  on resumes with a lookup before any create, exactly as for a lost answer (the lookup
  finds nothing when the create was never sent, and the entry is created then).
* The confirm is not committed on its own: it goes with the order's next commit, which is
  its next document's intent (a fee note, a credit note) or its outcome with its log lines
  (``post_draft`` leaves it to them). Exactly-once rests on the intent alone: a confirm
  that never becomes durable (a crash, a rollback before that commit) leaves a pending
  entry with ``attempts`` > 0, which the next run resolves by lookup, never by a second
  create; the confirm is only the lookup's answer written down early. So it needs to be
  durable before only two things: the order's next create (its intent's commit carries
  it) and the order's outcome being shown as posted (the same commit). Between the confirm
  and that commit there is only computing (drafting the fee note, the credit notes), so
  only a bug there rolls it back, and that order is then held with the error and linked to
  its document by the next sync's lookup. It is not left for the *next order's* intent to
  carry: a rollback for that other order (one bad order never aborts the batch) would drop
  it, and the clerk would see a posted order unposted until the next sync.

The entries of a chunk of orders are read in one SELECT (:class:`ReadAhead`) rather than
one per look-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ecdesk import messages
from ecdesk.db.models import Document, OrderDocument, OrderRow, OutboxEntry, Store
from ecdesk.domain import DocKind, DocumentDraft, DraftLine, PostedDocument
from ecdesk.sync import exports
from ecdesk.sync.autocount.base import AutoCountRoute, Rejected, Unsupported
from ecdesk.sync.books import MAIN, store_book
from ecdesk.sync.cancel import SyncCancelled
from ecdesk.sync.http import ApiError, MaybeApplied, RateLimited, Unavailable
from ecdesk.sync.lease import Lease, lease_now

log = logging.getLogger(__name__)

#: how often a create whose answer was lost (and that lookup did not find) is sent again
LOST_ANSWER_RETRIES = 2
CLAIM = Lease(OutboxEntry.claimed_by, OutboxEntry.claimed_until, timedelta(minutes=5))


class PostStatus(StrEnum):
    POSTED = "posted"  # confirmed now (created, or found already in AutoCount)
    REJECTED = "rejected"  # AutoCount refused it: hold the order with the message
    DUPLICATE = "duplicate"  # the DocNo exists in AutoCount for something else
    PENDING = "pending"  # no answer / unavailable: resolved by lookup on a later run
    BUSY = "busy"  # another process holds the claim
    EXPORTED = "exported"  # import-file route: in (or going into) a workbook to import


@dataclass
class PostResult:
    """What posting one outbox entry came to."""

    status: PostStatus
    document: PostedDocument | None = None
    message: str = ""
    #: AutoCount refused to talk at all (down, 5xx, throttled) rather than losing one answer
    unreachable: bool = False


def draft_to_json(draft: DocumentDraft) -> dict[str, Any]:
    """The draft as stored in the outbox (Decimals as text, dates ISO)."""
    return {
        "kind": draft.kind.value, "doc_no": draft.doc_no, "ref": draft.ref,
        "doc_date": draft.doc_date.isoformat(), "debtor_code": draft.debtor_code,
        "debtor_name": draft.debtor_name, "credit_term": draft.credit_term,
        "sales_location": draft.sales_location, "currency": draft.currency,
        "inclusive_tax": draft.inclusive_tax, "total": str(draft.total),
        "description": draft.description, "payment_method": draft.payment_method,
        "payment_amount": None if draft.payment_amount is None else str(draft.payment_amount),
        "our_invoice_no": draft.our_invoice_no, "remarks": list(draft.remarks),
        "note": draft.note,
        "lines": [
            {"product_code": ln.product_code, "description": ln.description, "qty": str(ln.qty),
             "unit_price": str(ln.unit_price), "acc_no": ln.acc_no, "unit": ln.unit,
             "discount": str(ln.discount), "tax_code": ln.tax_code, "tax": str(ln.tax)}
            for ln in draft.lines
        ],
    }


def draft_from_json(data: dict[str, Any]) -> DocumentDraft:
    return DocumentDraft(
        kind=DocKind(data["kind"]), doc_no=data["doc_no"], ref=data["ref"],
        doc_date=date.fromisoformat(data["doc_date"]), debtor_code=data["debtor_code"],
        debtor_name=data["debtor_name"], credit_term=data["credit_term"],
        sales_location=data["sales_location"], currency=data["currency"],
        inclusive_tax=data["inclusive_tax"], total=Decimal(data["total"]),
        description=data.get("description", ""), payment_method=data.get("payment_method", ""),
        payment_amount=None if data.get("payment_amount") is None
        else Decimal(data["payment_amount"]),
        our_invoice_no=data.get("our_invoice_no", ""), remarks=list(data.get("remarks", [])),
        note=data.get("note", ""),
        lines=[
            DraftLine(product_code=ln["product_code"], description=ln["description"],
                      qty=Decimal(ln["qty"]), unit_price=Decimal(ln["unit_price"]),
                      acc_no=ln["acc_no"], unit=ln["unit"], discount=Decimal(ln["discount"]),
                      tax_code=ln["tax_code"], tax=Decimal(ln["tax"]))
            for ln in data["lines"]
        ],
    )


class ReadAhead:
    """The outbox entries of a chunk of orders, read in one SELECT (:meth:`read`), and who
    already has the DocNos those orders would take (:meth:`read_numbers`): the outbox's
    look-ups for those orders answer from here until the next chunk.

    What this process records meanwhile is added as it goes (:meth:`add`,
    :meth:`add_document`); an entry whose DocNo changes drops what is known of numbers
    (:meth:`renumbered`). Another PC recording the same DocNo in that window is caught as
    before a read-ahead: AutoCount refuses a second document with one DocNo.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[int, str, str, int], OutboxEntry] = {}
        #: the (store, external id) pairs whose entries are all in ``_entries``
        self._covered: set[tuple[int, str]] = set()
        #: (store, DocNo) read ahead -> the (kind, external id) of each entry holding it
        self._holders: dict[tuple[int, str], list[tuple[str, str]]] = {}
        #: (book, DocNo) read ahead -> the documents recorded with it
        self._documents: dict[tuple[str, str], list[Document]] = {}

    def read(self, session: Session, orders: list[OrderRow]) -> dict[int, list[OutboxEntry]]:
        """Every entry of ``orders`` (replacing the previous chunk's); by order id, each
        order's own (a summary's entries hang on one of its orders, under the summary's
        key)."""
        self.forget()
        self._covered = {(row.store_id, row.external_id) for row in orders}
        by_order: dict[int, list[OutboxEntry]] = {row.id: [] for row in orders}
        own = {row.id: row.external_id for row in orders}
        if orders:
            for entry in session.scalars(select(OutboxEntry).where(
                    OutboxEntry.order_id.in_(list(by_order)))):
                self.add(entry)
                if entry.external_id == own[entry.order_id]:
                    by_order[entry.order_id].append(entry)
        return by_order

    def read_numbers(self, session: Session, store_id: int, book: str, doc_nos: set[str]
                     ) -> None:
        """Which entries of the store and documents of its book already have one of
        ``doc_nos`` (the DocNos the chunk's orders would take): two SELECTs."""
        if not doc_nos:
            return
        for number in doc_nos:
            self._holders[(store_id, number)] = []
            self._documents[(book, number)] = []
        for kind, doc_no, external_id in session.execute(
                select(OutboxEntry.doc_kind, OutboxEntry.doc_no, OutboxEntry.external_id)
                .where(OutboxEntry.store_id == store_id, OutboxEntry.doc_no.in_(doc_nos))):
            self._holders[(store_id, doc_no)].append((kind, external_id))
        for doc in session.scalars(select(Document).where(Document.book == book,
                                                          Document.doc_no.in_(doc_nos))):
            self._documents[(book, doc.doc_no)].append(doc)

    def forget(self) -> None:
        """Nothing is known ahead any more (the next look-ups ask the database)."""
        self._entries.clear()
        self._covered = set()
        self.renumbered()

    def renumbered(self) -> None:
        """An entry's DocNo changed: what is known of numbers is dropped."""
        self._holders.clear()
        self._documents.clear()

    def holder(self, session: Session, store_id: int, kind: DocKind, doc_no: str,
               external_id: str) -> str | None:
        """The external id of another order of the store whose entry of ``kind`` has
        ``doc_no`` (read ahead, else looked up), or None."""
        holders = self._holders.get((store_id, doc_no))
        if holders is not None:
            return next((e for k, e in holders if k == kind.value and e != external_id), None)
        return session.scalar(select(OutboxEntry.external_id).where(
            OutboxEntry.store_id == store_id, OutboxEntry.doc_kind == kind.value,
            OutboxEntry.doc_no == doc_no, OutboxEntry.external_id != external_id).limit(1))

    def document(self, session: Session, book: str, kind: str, doc_no: str
                 ) -> Document | None:
        """The recorded document of ``book`` with ``doc_no`` (read ahead, else looked up)."""
        docs = self._documents.get((book, doc_no))
        if docs is not None:
            return next((d for d in docs if d.kind == kind), None)
        return session.scalars(select(Document).where(
            Document.book == book, Document.kind == kind, Document.doc_no == doc_no)
        ).one_or_none()

    def add_document(self, doc: Document) -> None:
        docs = self._documents.get((doc.book, doc.doc_no))
        if docs is not None:
            docs.append(doc)

    def covers(self, store_id: int, external_id: str) -> bool:
        return (store_id, external_id) in self._covered

    def get(self, store_id: int, external_id: str, kind: DocKind, seq: int
            ) -> OutboxEntry | None:
        return self._entries.get((store_id, external_id, kind.value, seq))

    def add(self, entry: OutboxEntry) -> None:
        """A new entry (recorded since the read) is known too."""
        if (entry.store_id, entry.external_id) in self._covered:
            self._entries[(entry.store_id, entry.external_id, entry.doc_kind, entry.seq)] = entry
        holders = self._holders.get((entry.store_id, entry.doc_no or ""))
        if holders is not None:
            holders.append((entry.doc_kind, entry.external_id))


class Outbox:
    """Posting of drafts through one AutoCount route, exactly once."""

    def __init__(
        self,
        route: AutoCountRoute,
        worker: str,
        clock: Callable[[], datetime],
        *,
        lookup_window: timedelta = timedelta(days=3),
        after_create: Callable[[OutboxEntry], None] | None = None,
    ) -> None:
        self.route = route
        self.worker = worker
        self.clock = clock
        self.lookup_window = lookup_window
        #: test hook: runs after AutoCount answered, before the confirm is committed
        self.after_create = after_create
        #: DocNos looked up ahead in one listing (:meth:`prefetch`): found, or None; each
        #: answer is used once, by the entry's own lookup
        self._known: dict[tuple[DocKind, str], PostedDocument | None] = {}
        #: the entries of the chunk of orders being evaluated, read at once
        self.ahead = ReadAhead()
        #: ids of entries this process inserted already claimed, their first attempt counted
        #: (:meth:`record_intent` with ``claim``), that AutoCount has not been asked about yet
        self._fresh: set[int] = set()

    def prefetch(self, session: Session, store_id: int | None) -> int:
        """Look up, in one listing per document kind, the entries a stopped run left pending
        after a create (issue 14: many DocNos in one call, not one call each); answers how
        many were looked up."""
        q = select(OutboxEntry.doc_kind, OutboxEntry.doc_no).where(
            OutboxEntry.state == "pending", OutboxEntry.attempts > 0,
            OutboxEntry.doc_no.is_not(None))
        if store_id is not None:
            q = q.where(OutboxEntry.store_id == store_id)
        by_kind: dict[DocKind, list[str]] = {}
        for kind, doc_no in session.execute(q):
            by_kind.setdefault(DocKind(kind), []).append(doc_no)
        looked = 0
        for kind, doc_nos in by_kind.items():
            if len(doc_nos) < 2:  # one lookup costs one call either way
                continue
            try:
                found = self.route.find_many(kind, doc_nos)
            except (ApiError, Unsupported) as exc:
                log.info("could not look up %d %s documents at once: %s", len(doc_nos),
                         kind.value, exc)
                continue
            for doc_no in doc_nos:
                self._known[(kind, doc_no)] = found.get(doc_no)
            looked += len(doc_nos)
        return looked

    # --- intent -------------------------------------------------------------------------
    def record_intent(
        self, session: Session, order: OrderRow, draft: DocumentDraft, content_hash: str,
        seq: int = 0, *, key: str | None = None, claim: bool = False,
    ) -> OutboxEntry:
        """The entry for (order, kind, seq): created and committed, or the existing one.
        ``key`` stands for the order's external id when the document is not one order's
        (a day's summary: ``day:2026-11-20``; ``order`` is then its first order).

        ``claim`` (the caller posts the entry at once): a new entry is inserted claimed by
        this worker with ``attempts`` 1, in the intent's one commit (module docstring), so
        :meth:`post` creates it with no claim or attempt commit of its own.

        An existing entry that AutoCount refused (``failed``) takes the new draft and goes
        back to pending: nothing of it reached AutoCount, so posting it again is safe.
        """
        external_id = key or order.external_id
        entry = self.entry(session, order.store_id, external_id, draft.kind, seq)
        if entry is None:
            claim = claim and not exports.exports_to_file(self.route)
            entry = OutboxEntry(
                store_id=order.store_id, order_id=order.id, external_id=external_id,
                doc_kind=draft.kind.value, seq=seq, doc_no=draft.doc_no, ref=draft.ref,
                draft=draft_to_json(draft), content_hash=content_hash, state="pending",
            )
            if claim:
                entry.attempts = 1
                entry.claimed_by = self.worker
                entry.claimed_until = lease_now(session, self.clock) + CLAIM.duration
            session.add(entry)
            try:
                session.commit()
            except IntegrityError:  # another process recorded it first
                session.rollback()
                self.ahead.forget()
                entry = self.entry(session, order.store_id, external_id, draft.kind, seq)
                assert entry is not None
            else:
                self.ahead.add(entry)
                if claim:
                    self._fresh.add(entry.id)
        elif entry.state == "failed":
            self.ahead.renumbered()
            entry.draft = draft_to_json(draft)
            entry.doc_no = draft.doc_no
            entry.ref = draft.ref
            entry.content_hash = content_hash
            entry.state = "pending"
            entry.attempts = 0
            session.commit()
        return entry

    def number_taken(self, session: Session, order: OrderRow, draft: DocumentDraft,
                     seq: int = 0) -> str | None:
        """The external id of another order of the store whose document already has the
        DocNo ``draft`` would get (two orders with one display number), else None: that
        DocNo is the order's identity in AutoCount, so the second is held, never linked to
        the first's document."""
        if not draft.doc_no or self.entry(session, order.store_id, order.external_id,
                                          draft.kind, seq) is not None:
            return None  # numbered by AutoCount, or this order already holds the number
        return self.ahead.holder(session, order.store_id, draft.kind, draft.doc_no,
                                 order.external_id)

    def entry(self, session: Session, store_id: int, external_id: str, kind: DocKind, seq: int
              ) -> OutboxEntry | None:
        """The entry of (store, order or summary key, kind, seq), if recorded (read ahead
        with its chunk's, or looked up)."""
        if self.ahead.covers(store_id, external_id):
            return self.ahead.get(store_id, external_id, kind, seq)
        return session.scalars(
            select(OutboxEntry).where(
                OutboxEntry.store_id == store_id,
                OutboxEntry.external_id == external_id,
                OutboxEntry.doc_kind == kind.value,
                OutboxEntry.seq == seq,
            )
        ).one_or_none()

    # --- claim --------------------------------------------------------------------------
    def claim(self, session: Session, entry: OutboxEntry) -> bool:
        """Atomically take the entry for this worker; False if another holds a live lease."""
        where = [OutboxEntry.id == entry.id, OutboxEntry.state == "pending"]
        if not CLAIM.take(session, where, self.worker, self.clock):
            return False
        session.refresh(entry)
        return True

    def release(self, session: Session, entry: OutboxEntry) -> None:
        entry.claimed_by = None
        entry.claimed_until = None
        session.commit()

    # --- post ---------------------------------------------------------------------------
    def post(self, session: Session, entry: OutboxEntry, *, commit_confirm: bool = True
             ) -> PostResult:
        """Bring one pending entry to confirmed, or say why not (never posts twice).

        A create whose answer was lost is looked up at once: found, it is confirmed; not
        found and numbered by ecdesk, it is created again (AutoCount refuses a second
        document with the same DocNo, so a create that did land after all is confirmed by
        lookup, never doubled), at most ``LOST_ANSWER_RETRIES`` times; with AutoCount's own
        numbering it waits for the lookup of a later run.

        ``commit_confirm=False``: a confirmation is left for the caller to commit with its
        own change (module docstring: why that is safe); refusals and lost answers are
        committed here whatever it says.
        """
        if entry.state == "confirmed":
            return PostResult(PostStatus.POSTED, self._posted(entry))
        if entry.state in exports.EXPORT_STATES:  # never written to a second workbook
            return PostResult(PostStatus.EXPORTED, message=exports.waiting_text(entry))
        fresh = entry.id in self._fresh  # claimed and counted by its intent's commit
        self._fresh.discard(entry.id)
        if not fresh and not self.claim(session, entry):
            return PostResult(PostStatus.BUSY, message="another ecdesk is posting this order")
        if exports.exports_to_file(self.route):
            exports.stage(session, entry, self.worker, self.clock())
            return PostResult(PostStatus.EXPORTED, message=exports.waiting_text(entry))
        draft = draft_from_json(entry.draft)
        commit = commit_confirm
        try:
            if entry.attempts > 0 and not fresh:
                found = self._lookup(draft)
                if found is not None:
                    return self._confirm_found(session, entry, found, draft, commit=commit)
            for retry in range(LOST_ANSWER_RETRIES + 1):
                try:
                    return self._create(session, entry, draft, counted=fresh and retry == 0,
                                        commit=commit)
                except MaybeApplied as exc:
                    found = self._lookup(draft)  # at once, not on the next run
                    if found is not None:
                        return self._confirm_found(session, entry, found, draft,
                                                   commit=commit)
                    if not draft.doc_no or retry == LOST_ANSWER_RETRIES:
                        raise
                    log.info("%s; not in AutoCount: creating it again", exc)
            raise AssertionError("unreachable")  # pragma: no cover
        except SyncCancelled:  # a wait woke on Cancel: the entry stays pending, unclaimed
            entry.claimed_by = None
            session.commit()
            raise
        except (MaybeApplied, Unavailable, RateLimited) as exc:
            entry.last_error = str(exc)
            entry.claimed_by = None
            session.commit()
            return PostResult(PostStatus.PENDING, message=str(exc),
                              unreachable=not isinstance(exc, MaybeApplied))

    def _create(self, session: Session, entry: OutboxEntry, draft: DocumentDraft, *,
                counted: bool = False, commit: bool = True) -> PostResult:
        """Create the document; ``counted``: this attempt was counted by the intent's commit
        (:meth:`record_intent` with ``claim``)."""
        if not counted:
            entry.attempts += 1
            session.commit()  # from here on, AutoCount may hold it: lookup before any repost
        try:
            doc = self.route.create(draft)
        except Rejected as exc:
            found = self._lookup(draft) if _looks_duplicate(str(exc)) else None
            if found is not None:
                return self._confirm_found(session, entry, found, draft, commit=commit)
            entry.state = "failed"
            entry.last_error = str(exc)
            entry.claimed_by = None
            session.commit()
            return PostResult(PostStatus.REJECTED, message=str(exc))
        if self.after_create is not None:
            self.after_create(entry)
        return self._confirm(session, entry, doc, draft, found_by_lookup=False, commit=commit)

    def confirm_elsewhere(self, session: Session, entry: OutboxEntry,
                          doc: PostedDocument) -> PostResult:
        """Confirm an entry that reached AutoCount another way (the clerk's import)."""
        return self._confirm(session, entry, doc, draft_from_json(entry.draft),
                             found_by_lookup=True)

    def _lookup(self, draft: DocumentDraft) -> PostedDocument | None:
        if draft.doc_no:
            key = (draft.kind, draft.doc_no)
            if key in self._known:  # looked up ahead with the others (prefetch)
                return self._known.pop(key)
            return self.route.find(draft.kind, draft.doc_no)
        today = self.clock().date()
        return self.route.find_by_ref(
            draft.kind, draft.ref, draft.debtor_code,
            min(draft.doc_date, today) - self.lookup_window, today + timedelta(days=1),
        )

    def _confirm_found(
        self, session: Session, entry: OutboxEntry, found: PostedDocument, draft: DocumentDraft,
        *, commit: bool = True,
    ) -> PostResult:
        if found.ref and found.ref != draft.ref:
            entry.state = "failed"
            entry.last_error = messages.render("duplicate.other_ref", {
                "doc_word": f"doc.{found.kind.value}", "doc_no": found.doc_no,
                "ref": found.ref, "ours": draft.ref})
            entry.claimed_by = None
            session.commit()
            return PostResult(PostStatus.DUPLICATE, found, entry.last_error)
        return self._confirm(session, entry, found, draft, found_by_lookup=True, commit=commit)

    def _confirm(
        self, session: Session, entry: OutboxEntry, doc: PostedDocument, draft: DocumentDraft,
        *, found_by_lookup: bool, commit: bool = True,
    ) -> PostResult:
        store = session.get(Store, entry.store_id)
        book = store_book(store) if store is not None else MAIN
        row = self.ahead.document(session, book, doc.kind.value, doc.doc_no)
        if row is None:
            row = Document(book=book, kind=doc.kind.value, doc_no=doc.doc_no,
                           ref=doc.ref or draft.ref,
                           total=doc.total, expected_total=draft.total, outbox_id=entry.id,
                           found_by_lookup=found_by_lookup, posted_at=self.clock())
            session.add(row)  # flushed with its link, in the order's next commit
            self.ahead.add_document(row)
            link = None  # a document just recorded has no links yet
        else:
            if row.id is None:  # recorded earlier in this transaction
                session.flush()
            link = session.get(OrderDocument, (entry.order_id, row.id))
        if link is None:
            session.add(OrderDocument(order_id=entry.order_id, document=row,
                                      role=link_role(doc.kind, entry.seq)))
        entry.state = "confirmed"
        if entry.doc_no != doc.doc_no:
            self.ahead.renumbered()
        entry.doc_no = doc.doc_no
        entry.confirmed_at = self.clock()
        entry.claimed_by = None
        entry.last_error = ""
        if commit:
            session.commit()
        message = ""
        if doc.total is not None and doc.total != draft.total:
            message = (f"AutoCount shows {doc.doc_no} with total {doc.total}, "
                       f"expected {draft.total}: check the document.")
            log.warning(message)
        return PostResult(PostStatus.POSTED, doc, message)

    @staticmethod
    def _posted(entry: OutboxEntry) -> PostedDocument:
        return PostedDocument(DocKind(entry.doc_kind), entry.doc_no or "", entry.ref)


def link_role(kind: DocKind, seq: int) -> str:
    """How a document relates to its order: the sale (seq 0), the fee credit note (a credit
    note at seq 0, engine.FEE_NOTE_SEQ: refunds take seq 1..n), or a refund credit note."""
    if kind is not DocKind.CREDIT_NOTE:
        return "sale"
    return "fees" if seq == 0 or seq >= 100 else "credit"  # 100+: fee adjustments


def _looks_duplicate(message: str) -> bool:
    text = message.lower()
    return "exist" in text or "duplicate" in text or "already" in text
