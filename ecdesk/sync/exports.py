"""Exactly once through a file: outbox entries of the import-file route (DECISIONS.md §8).

States beside the outbox's pending -> confirmed:

- ``staged``: posting reached the entry during a sync; it waits for the run's workbook.
- ``exporting``: committed *before* the workbook is written, with its file name.
- ``exported``: the workbook is complete (renamed from its ``.part``), awaiting import.
- ``confirmed``: the clerk said the import is done (``autocount confirm-import FILE``) or a
  later read of the book (SQL) shows the document; ``withdraw-import FILE`` makes the file's
  entries ready again (``failed``: nothing of them is in AutoCount, so the next sync drafts
  and exports them afresh) and renames the file ``…-withdrawn.xlsx``.

A crash between "exporting" and "exported" is repaired at the next export: the file exists
complete (the rename is atomic) -> exported; it does not -> its ``.part`` is removed and the
entries are staged again, so they go into the next workbook. An entry in any of these states
is never written to another file (posting answers EXPORTED and leaves it alone).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, true
from sqlalchemy.orm import Session

from ecdesk.db.models import OrderRow, OutboxEntry
from ecdesk.domain import DocKind, PostedDocument
from ecdesk.sync.connectors.base import ConfigError
from ecdesk.sync.worker_id import dead_local_worker

EXPORT_STATES = ("staged", "exporting", "exported")
LEASE = timedelta(minutes=5)
Stores = list[int] | None  # the stores of one AutoCount book (None: every store)


class ExportFileError(ConfigError):
    """The file named for confirm/withdraw is missing or not one of ecdesk's exports."""


def exports_to_file(route: Any) -> bool:
    return bool(getattr(route, "exports_to_file", False))


def stage(session: Session, entry: OutboxEntry, worker: str, now: datetime) -> None:
    """Posting reached ``entry`` on the import-file route: it joins this run's workbook."""
    entry.state = "staged"
    entry.claimed_by = worker
    entry.claimed_until = now + LEASE
    session.commit()


def _mine_or_abandoned(worker: str, now: datetime, holders: set[str]) -> Any:
    dead = [h for h in holders if h and dead_local_worker(h)]
    return or_(OutboxEntry.claimed_by.is_(None), OutboxEntry.claimed_by == worker,
               OutboxEntry.claimed_until < now, OutboxEntry.claimed_by.in_(dead))


def _of(stores: Stores) -> Any:
    """Entries of ``stores`` (the stores of one AutoCount book); None: every store."""
    return true() if stores is None else OutboxEntry.store_id.in_(stores)


def _entries(session: Session, state: str, worker: str, now: datetime, stores: Stores
             ) -> list[OutboxEntry]:
    holders = set(session.scalars(select(OutboxEntry.claimed_by)
                                  .where(OutboxEntry.state == state).distinct()))
    return list(session.scalars(
        select(OutboxEntry).where(OutboxEntry.state == state, _of(stores),
                                  _mine_or_abandoned(worker, now, holders))
        .order_by(OutboxEntry.id)))


def recover(session: Session, route: Any, worker: str, now: datetime, *,
            stores: Stores = None) -> None:
    """Repair what a crash mid-export left: complete files count, half-written ones go."""
    for entry in _entries(session, "exporting", worker, now, stores):
        if entry.export_file and (route.folder / entry.export_file).is_file():
            entry.state = "exported"
        else:
            entry.state = "staged"
            entry.export_file = None
        entry.claimed_by = None
        entry.claimed_until = None
    session.commit()
    route.remove_partials()


def flush(session: Session, route: Any, worker: str, clock: Callable[[], datetime], *,
          stores: Stores = None) -> list[str]:
    """Write every staged entry (of ``stores``: the stores of ``route``'s book) into this
    run's workbook(s); the file names written."""
    now = clock()
    recover(session, route, worker, now, stores=stores)
    staged = _entries(session, "staged", worker, now, stores)
    if not staged:
        return []
    from ecdesk.sync.outbox import draft_from_json

    drafts = {e.id: draft_from_json(e.draft) for e in staged}
    kinds = {DocKind(e.doc_kind) for e in staged}
    names = route.workbook_names(now.astimezone(), kinds)
    for e in staged:
        e.state = "exporting"
        e.export_file = names[DocKind(e.doc_kind)]
        e.claimed_by = worker
        e.claimed_until = now + LEASE
    session.commit()  # from here on the file may exist: never export these again
    for kind, name in names.items():
        route.write(name, kind, [drafts[e.id] for e in staged if e.doc_kind == kind.value])
    for e in staged:
        e.state = "exported"
        e.claimed_by = None
        e.claimed_until = None
        e.last_error = ""
    session.commit()
    return sorted(names.values())


def _file_entries(session: Session, route: Any, path: str | Path, stores: Stores
                  ) -> tuple[Path, list]:
    file = Path(path).expanduser()
    if not file.is_file():
        raise ExportFileError(f"There is no file '{file}'. Give the path of the workbook "
                              "ecdesk exported (ecdesk-<date>-<time>.xlsx in the import "
                              "folder).")
    entries = list(session.scalars(select(OutboxEntry).where(
        OutboxEntry.export_file == file.name, OutboxEntry.state == "exported",
        _of(stores))))
    from ecdesk.sync.autocount.import_file import is_ecdesk_workbook  # openpyxl: when used

    if not entries or not is_ecdesk_workbook(file):
        raise ExportFileError(
            f"'{file.name}' is not a workbook ecdesk exported and still awaits import (it may "
            "be confirmed or withdrawn already). `ecdesk documents` lists each document's "
            "status.")
    return file, entries


def confirm(session: Session, route: Any, path: str | Path,
            confirm_entry: Callable[[OutboxEntry, PostedDocument], None], *,
            stores: Stores = None) -> int:
    """The clerk imported ``path`` into AutoCount: its documents are posted."""
    _file, entries = _file_entries(session, route, path, stores)
    for entry in entries:
        _confirm(session, entry, confirm_entry, None)
    return len(entries)


def _confirm(session: Session, entry: OutboxEntry,
             confirm_entry: Callable[[OutboxEntry, PostedDocument], None],
             found: PostedDocument | None) -> None:
    from ecdesk.sync.autocount.import_file import NEW

    kind = DocKind(entry.doc_kind)
    doc = found or PostedDocument(kind, entry.doc_no or f"{NEW} {entry.ref}"[:60], entry.ref)
    confirm_entry(entry, doc)
    order = session.get(OrderRow, entry.order_id)
    if order is not None:
        order.needs_eval = True  # the next sync sets it posted and goes on (refunds, fees)
    session.commit()


def confirm_by_reading(session: Session, route: Any,
                       confirm_entry: Callable[[OutboxEntry, PostedDocument], None], *,
                       stores: Stores = None) -> int:
    """Confirm exported documents a read of the book (``sql_url``) shows imported."""
    if route.reader() is None:
        return 0
    done = 0
    for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.state == "exported",
                                                           _of(stores))
                                 .order_by(OutboxEntry.id)).all():
        kind = DocKind(entry.doc_kind)
        if entry.doc_no:
            found = route.find(kind, entry.doc_no)
        else:
            debtor = (entry.draft or {}).get("debtor_code", "")
            found = route.find_by_ref(kind, entry.ref, debtor, None, None)
        if found is not None and (not found.ref or found.ref == entry.ref):
            _confirm(session, entry, confirm_entry, found)
            done += 1
    return done


def withdraw(session: Session, route: Any, path: str | Path, *, stores: Stores = None) -> int:
    """The clerk will not import ``path``: its documents are ready to export again, and the
    file is renamed ``…-withdrawn.xlsx`` so it is not imported by mistake."""
    file, entries = _file_entries(session, route, path, stores)
    for entry in entries:
        # "failed" = nothing of it is in AutoCount: the next sync drafts it afresh (a clerk
        # may have fixed what AutoCount's import refused) and exports it again
        entry.state = "failed"
        entry.last_error = f"withdrawn from {file.name}"
        entry.attempts = 0
        entry.export_file = None
        entry.claimed_by = None
        order = session.get(OrderRow, entry.order_id)
        if order is not None:
            order.needs_eval = True
    session.commit()
    file.replace(file.with_name(f"{file.stem}-withdrawn{file.suffix}"))
    return len(entries)


def waiting_text(entry: OutboxEntry) -> str:
    if entry.export_file and entry.state == "exported":
        return f"exported to {entry.export_file}, awaiting import in AutoCount"
    return "exported for AutoCount's import (the workbook is written at the end of the sync)"


def status_of(state: str) -> str:
    """A document's status for `documents --json`: exported (awaiting import) or posted."""
    return "exported" if state in EXPORT_STATES else "posted"
