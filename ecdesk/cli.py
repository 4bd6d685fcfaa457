"""Headless commands (docs/decisions.md §4) over ``ecdesk.service``.

Exit codes: 0 this run left nothing held or failed; 1 some orders held or failed; 2 usage,
configuration or credential error (a sentence naming what is wrong, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecdesk import __version__
from ecdesk.wording import store_status

OK, HELD, USAGE = 0, 1, 2
#: ``autocount ACTION`` -> (kind of code, how the help names it)
CODE_LISTS = {"items": ("item", "item codes"), "taxcodes": ("tax", "tax codes"),
              "payment-methods": ("payment_method", "payment methods"),
              "debtors": ("debtor", "debtor codes"), "locations": ("location", "locations"),
              "currencies": ("currency", "currencies")}
log = logging.getLogger(__name__)


class CliError(Exception):
    """Usage/config error: printed, exit 2."""


def _kv(values: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise CliError(f"'{item}' is not KEY=VALUE.")
        out[key.strip()] = value.strip()
    return out


def _date_arg(text: str) -> date:
    """A ``YYYY-MM-DD`` argument, refused in our words (not Python's)."""
    from ecdesk.errors import UsageError
    from ecdesk.validation import parse_date

    try:
        return parse_date(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _check_dates(since: date | None, until: date | None, since_flag: str,
                 until_flag: str) -> None:
    """Refuse an end without a start or before it; warn of dates in the future."""
    from ecdesk.validation import check_range

    for warning in check_range(since, until, date.today(), since_flag=since_flag,
                               until_flag=until_flag):
        print(f"ecdesk: warning: {warning}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ecdesk", description="Online store orders into AutoCount.")
    p.add_argument("--db", help="SQLAlchemy database URL (default: ECDESK_DB or the user data "
                                "folder's SQLite file)")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    p.add_argument("--version", action="version", version=f"ecdesk {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    st = sub.add_parser("store", help="add, change and list stores").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    a = st.add_parser("add", help="add a store")
    a.add_argument("name")
    a.add_argument("--platform", required=True,
                   choices=["shopify", "woocommerce", "shopee", "lazada", "custom"])
    a.add_argument("--url", default="")
    a.add_argument("--set", action="append", metavar="KEY=VALUE", dest="settings")
    s = st.add_parser("set", help="change a store's settings")
    s.add_argument("name")
    s.add_argument("--url")
    s.add_argument("--set", action="append", metavar="KEY=VALUE", dest="settings")
    s.add_argument("--enable", action="store_true")
    s.add_argument("--disable", action="store_true")
    s.add_argument("--every", type=int, metavar="MINUTES", help="sync cadence")
    ls = st.add_parser("list", help="list stores")
    ls.add_argument("--json", action="store_true")
    rm = st.add_parser("remove", help="remove a store and its orders from ecdesk")
    rm.add_argument("name")
    au = st.add_parser("auth", help="Shopee/Lazada: exchange an authorisation code for tokens")
    au.add_argument("name")
    au.add_argument("--code", required=True)
    te = st.add_parser("test", help="test a store's connection")
    te.add_argument("name")

    sec = sub.add_parser("secret", help="save a credential to the OS keyring").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    ss = sec.add_parser("set", help="save one credential: typed without echo at a terminal, "
                                    "else read from standard input")
    ss.add_argument("name", help="store name, 'autocount' (the main book) or "
                                 "'autocount:COMPANY'")
    ss.add_argument("key")
    sl = sec.add_parser("list", help="which credentials are saved (names only, never values) "
                                     "and which belong to no store any more")
    sl.add_argument("--json", action="store_true")
    sec.add_parser("forget-orphans", help="delete saved credentials whose store is gone")

    ac = sub.add_parser("autocount", help="AutoCount connection and posting defaults"
                        ).add_subparsers(dest="action", metavar="ACTION", required=True)
    company = argparse.ArgumentParser(add_help=False)
    company.add_argument("--company", default="", metavar="NAME",
                         help="another company's AutoCount book (default: the main book)")
    acs = ac.add_parser("set", parents=[company])
    acs.add_argument("--route", choices=["cloud", "desktop", "import-file"])
    acs.add_argument("--url")
    acs.add_argument("--book")
    acs.add_argument("--set", action="append", metavar="KEY=VALUE", dest="settings")
    ac.add_parser("show", parents=[company])
    ac.add_parser("test", parents=[company],
                  help="say what works and what is missing (exit 2 when unusable)")
    ac.add_parser("companies", help="list the AutoCount books: the main one and each company's")
    ac.add_parser("add-company", help="add another company's AutoCount book").add_argument(
        "name")
    ac.add_parser("remove-company", help="forget a company's book (no store may post to it)"
                  ).add_argument("name")
    for action, text in (("confirm-import", "the workbook was imported into AutoCount"),
                         ("withdraw-import", "the workbook will not be imported")):
        ac.add_parser(action, help=text, parents=[company]).add_argument(
            "file", help="ecdesk-<date>-<time>.xlsx")
    for action, (_kind, what) in CODE_LISTS.items():
        lc = ac.add_parser(action, help=f"list the AutoCount book's {what}", parents=[company])
        lc.add_argument("--search", default="", metavar="TEXT",
                        help="only codes or descriptions containing TEXT")
        lc.add_argument("--json", action="store_true")

    mp = sub.add_parser("map", help="map store values to AutoCount").add_subparsers(
        dest="kind", metavar="KIND", required=True)
    m = mp.add_parser("sku", help="SKU -> AutoCount item code")
    m.add_argument("store")
    m.add_argument("key", metavar="SKU")
    m.add_argument("value", metavar="ITEMCODE")
    m.add_argument("--uom", default="")
    m = mp.add_parser("shipping", help="shipping method -> AutoCount item code")
    m.add_argument("store")
    m.add_argument("key", metavar="METHOD")
    m.add_argument("value", metavar="ITEMCODE")
    m = mp.add_parser("payment", help="payment gateway -> AutoCount payment method")
    m.add_argument("store")
    m.add_argument("key", metavar="GATEWAY")
    m.add_argument("value", metavar="METHOD")
    m = mp.add_parser("tax", help="tax rate (percent) -> AutoCount tax code ('none' = no code)")
    m.add_argument("store")
    m.add_argument("key", metavar="RATE")
    m.add_argument("value", metavar="TAXCODE")
    m = mp.add_parser("list", help="list mappings")
    m.add_argument("store", nargs="?")
    m.add_argument("--json", action="store_true")
    m = mp.add_parser("export", help="every mapping, and each value held orders need mapped "
                                     "(AutoCount code empty), to an Excel workbook")
    m.add_argument("file", metavar="FILE.xlsx")
    m.add_argument("--store", help="one store only")
    m = mp.add_parser("import", help="a mapping workbook (as `map export` writes it), all or "
                                     "nothing: one bad row changes nothing")
    m.add_argument("file", metavar="FILE.xlsx")

    sy = sub.add_parser("sync", help="fetch orders and post them")
    sy.add_argument("--store")
    sy.add_argument("--once", action="store_true", help="one pass, then exit")
    sy.add_argument("--since", type=_date_arg, metavar="YYYY-MM-DD",
                    help="re-read orders updated from this date (resync)")
    sy.add_argument("--until", type=_date_arg, metavar="YYYY-MM-DD")
    sy.add_argument("--close-day", type=_date_arg, metavar="YYYY-MM-DD", action="append",
                    default=[], help="post that day's summary now (posting_mode=day stores;"
                                     " with --once)")

    h = sub.add_parser("held", help="list held orders with their reasons")
    h.add_argument("--store")
    h.add_argument("--json", action="store_true")

    r = sub.add_parser("retry", help="retry held orders")
    r.add_argument("order", nargs="?", help="STORE:NUMBER")
    r.add_argument("--all", action="store_true")
    r.add_argument("--store")

    rs = sub.add_parser("resolve", help="mark a held order settled by hand (never posted)")
    rs.add_argument("order", help="STORE:NUMBER")
    rs.add_argument("--note", default="")

    pv = sub.add_parser("preview", help="show the AutoCount document an order would become")
    pv.add_argument("order", help="STORE:NUMBER")

    po = sub.add_parser("payouts", help="marketplace payouts: expected against stated, "
                                        "estimated / released / reconciled")
    po.add_argument("--store")
    po.add_argument("--json", action="store_true", help="one line per order")

    d = sub.add_parser("documents", help="what was posted, with DocNo and ref")
    d.add_argument("--store")
    d.add_argument("--json", action="store_true")

    ex = sub.add_parser("export", help="write reports to Excel").add_subparsers(
        dest="action", metavar="REPORT", required=True)
    rc = ex.add_parser("reconciliation", help="month-end reconciliation workbook (.xlsx)")
    rc.add_argument("out", metavar="OUT.xlsx")
    rc.add_argument("--from", dest="since", type=_date_arg, metavar="YYYY-MM-DD",
                    help="orders dated from this day")
    rc.add_argument("--to", dest="until", type=_date_arg, metavar="YYYY-MM-DD",
                    help="orders dated up to and including this day")
    rc.add_argument("--store")

    sb = sub.add_parser("sandbox", help="start every sandbox on loopback and print their URLs")
    sb.add_argument("--orders", type=int, default=60)
    sb.add_argument("--seed", type=int, default=1)

    dm = sub.add_parser("demo", help="open the window on a fresh demo database with sandbox "
                        "stores")
    dm.add_argument("--route", choices=["cloud", "desktop", "import-file"], default="cloud",
                    help="the AutoCount route the demo posts through (all sandboxed)")
    sh = sub.add_parser("screenshots", help="save a PNG of every tab (demo data)")
    sh.add_argument("--out", required=True)
    sh.add_argument("--lang", choices=["en", "ms", "zh_CN"], default="en",
                    help="the window's language in the pictures")
    sub.add_parser("gui", help="open the window (default with no command)")
    from ecdesk.cli_stock import add_parsers as add_stock_parsers

    add_stock_parsers(sub)
    return p


def run(argv: list[str]) -> int:
    """The command line's one error boundary: every known failure is a sentence on stderr
    and exit 2; anything else is one sentence too, its traceback only in the log; a closed
    pipe (``ecdesk held | head``) ends quietly."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    from ecdesk.logfile import setup_logging

    setup_logging(verbose=args.verbose)  # the window and every command log to ecdesk.log
    from sqlalchemy.exc import SQLAlchemyError

    from ecdesk.secrets import NoKeyringError
    from ecdesk.service import UsageError
    from ecdesk.sync.connectors.base import ConfigError
    from ecdesk.sync.http import ApiError, AuthError

    try:
        return _dispatch(args)
    except BrokenPipeError:
        return _quiet_pipe()
    except (CliError, UsageError, ConfigError, NoKeyringError, AuthError) as exc:
        return _say(str(exc), USAGE)
    except ApiError as exc:
        return _say(str(exc), HELD)
    except KeyboardInterrupt:
        return HELD
    except SQLAlchemyError as exc:  # the database failed under a command (read-only...)
        from ecdesk.db import default_url
        from ecdesk.db.problems import explain

        _log_traceback("database error")
        return _say(explain(args.db or default_url(), exc), USAGE)
    except OSError as exc:  # a file or folder the command was given
        _log_traceback("file error")
        where = f" '{exc.filename}'" if exc.filename else ""
        return _say(f"ecdesk could not use the file or folder{where}: "
                    f"{exc.strerror or exc}. Check the name and that you may write there.",
                    USAGE)
    except Exception as exc:  # a bug: one sentence here, the traceback in the log
        _log_traceback(f"unexpected error in `ecdesk {' '.join(argv)}`")
        return _say(f"ecdesk hit an unexpected error ({type(exc).__name__}: {exc}). Nothing "
                    "was posted twice; the details are in the log file. Try again, and send "
                    "the log to support if it repeats.", USAGE)


def _log_traceback(message: str) -> None:
    """The current exception's traceback to the log files only: the clerk's terminal gets
    the sentence, never the traceback."""
    record = log.makeRecord(log.name, logging.ERROR, __file__, 0, message, None,
                            sys.exc_info())
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            handler.handle(record)


def _say(message: str, code: int) -> int:
    try:
        print(f"ecdesk: {message}", file=sys.stderr)
    except (BrokenPipeError, ValueError):  # stderr closed too: nothing more to say
        pass
    return code


def _quiet_pipe() -> int:
    """The reader of our output went away: stop without "Exception ignored" noise."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (a test's capture)
        pass
    return OK


def _service(args: argparse.Namespace) -> Any:
    from ecdesk.service import Service

    return Service(args.db)


def _dispatch(args: argparse.Namespace) -> int:
    cmd = args.command
    if cmd in (None, "gui"):
        from ecdesk.db.problems import DatabaseUnusable
        from ecdesk.ui.app import run_gui

        try:
            svc = _service(args)
        except DatabaseUnusable as exc:  # started from an icon: no terminal to read stderr
            from ecdesk.ui.error_boundary import show_startup_problem

            print(f"ecdesk: {exc}", file=sys.stderr)
            return show_startup_problem(str(exc))
        return run_gui(svc)
    if cmd == "demo":
        return _demo(args)
    if cmd == "screenshots":
        from ecdesk.ui.screenshots import main as shots

        return shots(args.out, lang=args.lang)
    if cmd == "sandbox":
        return _sandbox(args)
    svc = _service(args)
    try:
        return HANDLERS[cmd](svc, args)
    finally:
        svc.close()


# --- handlers -----------------------------------------------------------------------------
def _store(svc: Any, args: argparse.Namespace) -> int:
    if args.action == "add":
        info = svc.add_store(args.name, args.platform, args.url, _kv(args.settings))
        print(f"Added store '{info.name}' ({info.platform}).")
    elif args.action == "set":
        enabled = True if args.enable else False if args.disable else None
        svc.update_store(args.name, url=args.url, settings=_kv(args.settings), enabled=enabled,
                         ingress_minutes=args.every)
        print(f"Updated store '{args.name}'.")
    elif args.action == "list":
        stores = svc.list_stores()
        if args.json:
            for s in stores:
                _json_line({"name": s.name, "platform": s.platform, "url": s.url,
                            "settings": s.settings, "enabled": s.enabled, "status": s.status,
                            "last_sync": s.last_sync_at, "held": s.held,
                            "company": s.company})
        else:
            for s in stores:
                book = "" if s.company == "main book" else f"  (posts to {s.company})"
                print(f"{s.name:<24} {s.platform:<12} {store_status(s.status):<14} "
                      f"held {s.held:<5} {s.url}"
                      f"{book}")
            if not stores:
                print("No stores yet: `ecdesk store add NAME --platform P --url URL`.")
    elif args.action == "remove":
        gone = svc.remove_store(args.name)
        print(f"Removed store '{args.name}' and its {gone or 0} saved credential(s).")
    elif args.action == "auth":
        print(svc.authorise_store(args.name, args.code))
    elif args.action == "test":
        print(svc.test_store(args.name))
    return OK


def _secret(svc: Any, args: argparse.Namespace) -> int:
    if args.action == "forget-orphans":
        print(f"Deleted {svc.forget_orphans()} orphan credential(s) from the keyring.")
        return OK
    if args.action == "list":
        entries = svc.list_secrets()
        for e in entries:
            if args.json:
                _json_line({"owner": e.owner, "key": e.key, "orphan": e.orphan})
            else:
                print(f"{e.owner:<24} {e.key:<22} {'orphan: ' + e.note if e.orphan else ''}"
                      .rstrip())
        if not args.json:
            orphans = sum(e.orphan for e in entries)
            print(f"{len(entries)} credential(s) saved, {orphans} orphan(s).", file=sys.stderr)
        return OK
    if sys.stdin is not None and sys.stdin.isatty():  # typed by hand: never echoed
        import getpass

        value = getpass.getpass(f"{args.key} for {args.name} (typing is not shown): ")
    else:
        value = sys.stdin.readline().rstrip("\r\n")
    svc.set_secret(args.name, args.key, value)
    print(f"Saved '{args.key}' for {args.name} in the keyring.")
    return OK


def _autocount(svc: Any, args: argparse.Namespace) -> int:
    if args.action in CODE_LISTS:
        kind, what = CODE_LISTS[args.action]
        codes = svc.list_codes(kind, args.search, args.company)
        for code, description in codes:
            if args.json:
                _json_line({"code": code, "description": description})
            else:
                print(f"{code:<24} {description}".rstrip())
        if not args.json:
            found = f"{len(codes)} {what}" + (f" matching '{args.search}'" if args.search else "")
            print(found + ".", file=sys.stderr)
        return OK
    if args.action == "companies":
        for name in svc.companies():
            print(name)
    elif args.action == "add-company":
        name = svc.add_company(args.name)
        print(f"Added company '{name}'. Next: `ecdesk autocount set --company \"{name}\" "
              "--route ...` and `ecdesk store set STORE --set company=...`.")
    elif args.action == "remove-company":
        svc.remove_company(args.name)
        print(f"Removed company '{args.name}' and its saved credentials.")
    elif args.action == "set":
        svc.set_autocount(args.route, args.url, args.book, _kv(args.settings),
                          company=args.company)
        print("AutoCount settings saved.")
    elif args.action == "show":
        for k, v in sorted(svc.autocount_settings(args.company).items()):
            print(f"{k} = {v}")
    elif args.action == "confirm-import":
        n = svc.confirm_import(args.file, args.company)
        print(f"{n} document(s) of {Path(args.file).name} marked posted; the next sync marks "
              "their orders posted.")
    elif args.action == "withdraw-import":
        n = svc.withdraw_import(args.file, args.company)
        print(f"{n} document(s) of {Path(args.file).name} are ready again and go into the next "
              "sync's workbook; the file was renamed ...-withdrawn.xlsx.")
    else:
        print(svc.test_autocount(args.company))
    return OK


def _map(svc: Any, args: argparse.Namespace) -> int:
    if args.kind == "list":
        for m in svc.list_mappings(args.store):
            if args.json:
                _json_line(m.__dict__)
            else:
                print(f"{m.store:<20} {m.kind:<9} {m.key:<30} -> {m.value} {m.uom}".rstrip())
        return OK
    if args.kind == "export":
        n = svc.export_mappings(args.file, args.store)
        print(f"Wrote {n} mapping row(s) to {args.file}: fill the empty AutoCount codes, then "
              f"`ecdesk map import {args.file}`.")
        return OK
    if args.kind == "import":
        done = svc.import_mappings(args.file)
        print(f"Imported {done.saved} mapping(s) from {args.file}"
              + (f"; {done.skipped_empty} row(s) without an AutoCount code skipped"
                 if done.skipped_empty else "") + ".")
        for warning in done.warnings[:10]:
            print(f"ecdesk: warning: {warning}", file=sys.stderr)
        return OK
    warnings = svc.set_mapping(args.store, args.kind, args.key, args.value,
                               getattr(args, "uom", ""))
    print(f"Mapped {args.kind} '{args.key}' -> '{args.value}' for {args.store}.")
    for warning in warnings or []:
        print(f"ecdesk: warning: {warning}", file=sys.stderr)
    return OK


def _progress(verbose: bool):
    def report(done: int, total: int, message: str) -> None:
        if verbose:
            print(f"  {message}", file=sys.stderr)

    return report


def _sync(svc: Any, args: argparse.Namespace) -> int:
    from ecdesk.sync.engine import CancelToken

    _check_dates(args.since, args.until, "--since", "--until")
    since, until = args.since, args.until  # days of each store's calendar (its time zone)
    cancel = CancelToken()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: cancel.cancel())
    targets: list[str | None] = [args.store]
    while True:
        worst = OK  # the exit code tells of the last pass
        for name in targets:
            summary = svc.sync(name, since=since, until=until, cancel=cancel,
                               progress=_progress(args.verbose), trigger="cli",
                               close_days=args.close_day)
            print(summary.line(), flush=True)
            for err in summary.errors:
                print(f"  {err}", file=sys.stderr)
            worst = max(worst, USAGE if summary.status == "config" else
                        OK if summary.clean else HELD)
        if args.once or since or args.close_day or cancel.cancelled:
            return worst
        # keep running: each store syncs again when its own cadence is due, and sends stock
        # and tracking when its egress cadence is due (``sync --once`` is ingress only)
        due: list[str | None] = []
        while not due:
            for summary in svc.stock.egress_due(args.store):
                print(summary.line(), flush=True)
            if cancel.wait(30):
                return worst
            due = [n for n in svc.due_stores() if args.store in (None, n)]
        targets = due


def _held(svc: Any, args: argparse.Namespace) -> int:
    from ecdesk.sync.book_codes import quote_arg

    rows = svc.held(args.store)
    holds = svc.held_holds([r.id for r in rows])
    for r in rows:
        if args.json:
            _json_line({"store": r.store, "order": r.number, "external_id": r.external_id,
                        "outcome": r.outcome,
                        "reasons": [{"code": h.code, "detail": h.detail, "value": h.value}
                                    for h in holds.get(r.id, [])]})
        else:
            print(f"{r.store}:{r.number}  {r.currency} {r.total}")
            for h in holds.get(r.id, []):
                print(f"    - {h.title}: {h.detail}")
                fix = fix_command(r.store, h.code, h.value)
                if fix:
                    order = quote_arg(f"{r.store}:{r.number}")
                    print(f"      fix: {fix}, then `ecdesk retry {order}`")
    if not args.json:
        print(f"{len(rows)} held order(s).")
    return OK


#: hold code -> the command that fixes it ({store}, {value} filled in); "" value = a setting
FIX_COMMANDS = {
    "unmapped_sku": "ecdesk map sku {store} {value} ITEMCODE",
    "unmapped_shipping": "ecdesk map shipping {store} {value} ITEMCODE",
    "unknown_payment": "ecdesk map payment {store} {value} METHOD",
    "unmapped_tax": "ecdesk map tax {store} {value} TAXCODE",
    "config": "ecdesk store set {store} --set {value}=VALUE",
    "out_of_range": "ecdesk store set {store} --set {value}=AMOUNT",
}
LIST_HINT = {"unmapped_sku": "items", "unmapped_shipping": "items",
             "unknown_payment": "payment-methods", "unmapped_tax": "taxcodes"}


def fix_command(store: str, code: str, value: str) -> str:
    """The command line that clears a hold, or "" when no command can (fix it in the
    store, or resolve it by hand)."""
    from ecdesk.sync.book_codes import quote_arg

    if code == "unmapped_shipping" and not value:
        code, value = "config", "shipping_item"
    template = FIX_COMMANDS.get(code)
    if not template or not value:
        return ""
    command = "`" + template.format(store=quote_arg(store), value=quote_arg(value)) + "`"
    if code in LIST_HINT:
        command += f" (`ecdesk autocount {LIST_HINT[code]}` lists the codes)"
    return command


def _retry(svc: Any, args: argparse.Namespace) -> int:
    if args.all:
        summary = svc.retry_all(args.store)
    elif args.order:
        summary = svc.retry([svc.find_order(args.order)])
    else:
        raise CliError("Say which order to retry (STORE:NUMBER) or --all.")
    print(summary.line())
    for err in summary.errors:
        print(f"  {err}", file=sys.stderr)
    if summary.status == "config":
        return USAGE
    return OK if summary.clean else HELD


def _resolve(svc: Any, args: argparse.Namespace) -> int:
    if not svc.resolve([svc.find_order(args.order)], args.note):
        raise CliError(f"{args.order} is not held, so there is nothing to resolve.")
    print(f"{args.order} resolved by hand; ecdesk will not post it.")
    return OK


def _preview(svc: Any, args: argparse.Namespace) -> int:
    result = svc.preview(svc.find_order(args.order))
    _json_line(result)
    return OK


def _payouts(svc: Any, args: argparse.Namespace) -> int:
    """Per order with --json; else one line per store, then the orders that do not tie out."""
    lines = svc.payouts(args.store)
    if args.json:
        for p in lines:
            _json_line({"store": p.store, "order": p.order, "currency": p.currency,
                        "state": p.state, "sale": p.sale, "fees": p.fees,
                        "refunds": p.refunds, "expected": p.expected, "stated": p.stated,
                        "difference": p.difference, "payout_ref": p.payout_ref})
        return OK
    for sm in svc.payout_summaries(args.store):
        counts = ", ".join(f"{n} {state}" for state, n in sm.counts.items())
        print(f"{sm.store}: {counts}; expected {sm.expected:,.2f}, stated {sm.stated:,.2f}, "
              f"not reconciled {sm.unreconciled:,.2f}")
    for p in lines:
        if p.state == "released":
            print(f"  {p.store}:{p.order} expected {p.expected:,.2f}, the marketplace pays "
                  f"{p.stated:,.2f} (difference {p.difference:,.2f})")
    return OK


def _documents(svc: Any, args: argparse.Namespace) -> int:
    for d in svc.documents(args.store):
        if args.json:
            _json_line({"store": d.store, "order": d.order, "doc_type": d.doc_type,
                        "doc_no": d.doc_no, "ref": d.ref, "total": d.total,
                        "status": d.status})
        else:
            print(f"{d.doc_no:<20} {d.doc_type:<12} {d.ref:<40} {d.total}")
    return OK


def _export(svc: Any, args: argparse.Namespace) -> int:
    _check_dates(args.since, args.until, "--from", "--to")
    c = svc.export_reconciliation(args.out, args.since, args.until, args.store)
    print(f"Wrote {c['path']}: {c['orders']} order(s), {c['documents']} document line(s), "
          f"{c['held']} held order(s) with {c['held_reasons']} reason(s).")
    return OK


def _sandbox(args: argparse.Namespace) -> int:
    from ecdesk.demo import start_sandboxes

    world = start_sandboxes(orders=args.orders, seed_value=args.seed)
    for name, sb in world.sandboxes.items():
        line = {"name": name, "platform": sb.platform or name, "url": sb.url,
                "credentials": {**sb.credentials(), **sb.store_settings()}}
        if hasattr(sb, "auth_code"):  # Shopee / Lazada: a one-time code for `store auth`
            line["auth_code"] = sb.auth_code()
            line["auth_code_minutes"] = sb.code_ttl // 60
        _json_line(line)
    sys.stdout.flush()
    print("Sandboxes running; point a store at one (README: 'Trying ecdesk on the "
          "sandboxes'). Ctrl+C stops them.", file=sys.stderr, flush=True)
    stop = threading.Event()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    world.stop()
    return OK


def _demo(args: argparse.Namespace) -> int:
    from ecdesk.demo import run_demo

    return run_demo(route=args.route)


def _json_line(obj: dict[str, Any]) -> None:
    def default(o: Any) -> Any:
        if isinstance(o, Decimal):
            return format(o, "f")
        if isinstance(o, datetime | date):
            return o.isoformat()
        return str(o)

    print(json.dumps(obj, default=default, ensure_ascii=False))


HANDLERS = {
    "store": _store, "secret": _secret, "autocount": _autocount, "map": _map, "sync": _sync,
    "held": _held, "retry": _retry, "resolve": _resolve, "preview": _preview,
    "documents": _documents, "export": _export, "payouts": _payouts,
}


def _stock_handlers() -> None:
    from ecdesk.cli_stock import HANDLERS as STOCK_HANDLERS

    HANDLERS.update(STOCK_HANDLERS)


_stock_handlers()
