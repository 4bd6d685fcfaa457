"""``stock`` and ``ship`` commands (docs/decisions.md §7) over ``ecdesk.services.stock``.

Exit codes as ``sync``: 0 nothing failed, 1 some quantity or shipment failed, 2 bad input
(an unreadable count file, an unknown order) with a sentence, and nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

OK, FAILED, USAGE = 0, 1, 2


def add_parsers(sub: Any) -> None:
    st = sub.add_parser("stock", help="stock counts and pushing stock to the stores") \
        .add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = st.add_parser("import", help="record a count: AutoCount's stock balance report "
                                       "saved as .xlsx or .csv (ItemCode, Location, Qty)")
    imp.add_argument("file")
    show = st.add_parser("show", help="balance, reserved and quantity to push per store SKU")
    show.add_argument("--store")
    show.add_argument("--json", action="store_true")
    push = st.add_parser("push", help="push the quantities that changed")
    push.add_argument("--store")
    push.add_argument("--dry-run", action="store_true", help="say what would change; send "
                                                            "and record nothing")
    bundle = st.add_parser("bundle", help="a bundle SKU's components (ITEM=QTY ...)")
    bundle.add_argument("store")
    bundle.add_argument("sku")
    bundle.add_argument("items", nargs="*", metavar="ITEM=QTY",
                        help="components per kit; none removes the bundle")

    sh = sub.add_parser("ship", help="record an order's carrier and tracking number")
    sh.add_argument("order", nargs="?", help="STORE:NUMBER")
    sh.add_argument("--carrier", default="")
    sh.add_argument("--tracking", default="")
    sh.add_argument("--now", action="store_true", help="send it to the store at once")
    sh.add_argument("--import", dest="file", metavar="FILE",
                    help="csv/xlsx with columns store, order, carrier, tracking")


def _stock(svc: Any, args: argparse.Namespace) -> int:
    from ecdesk.cli import _json_line
    from ecdesk.services.stock import parse_components

    stock = svc.stock
    if args.action == "import":
        result = stock.import_counts(args.file)
        print(f"Counted {result['items']} item(s).")
        for code, diff in sorted(result["drift"].items()):
            print(f"  {code}: the count differs from ecdesk's figure by {diff:+}")
        return OK
    if args.action == "show":
        rows = stock.rows(args.store)
        for r in rows:
            if args.json:
                _json_line({"store": r.store, "sku": r.sku, "item_code": r.item_code,
                            "balance": r.balance, "reserved": r.reserved,
                            "to_push": r.to_push, "last_pushed": r.last_pushed})
            else:
                flag = "FAILED " if r.failed else ""
                print(f"{r.store:<18} {r.sku:<24} {r.item_code:<14} balance "
                      f"{'-' if r.balance is None else r.balance:<8} reserved {r.reserved:<6} "
                      f"to push {'-' if r.to_push is None else r.to_push:<6} last "
                      f"{'-' if r.last_pushed is None else r.last_pushed} {flag}{r.message}")
        if not args.json:
            print(stock.count_status())
        return OK
    if args.action == "bundle":
        stock.set_bundle(args.store, args.sku, parse_components(args.items))
        print(f"Bundle '{args.sku}' of {args.store}: "
              f"{' + '.join(args.items) if args.items else 'removed'}.")
        return OK
    worst = OK
    for summary in stock.push(args.store, dry_run=args.dry_run):
        print(summary.line(), flush=True)
        for sku, last, qty in summary.would_push[:20] if args.dry_run else ():
            print(f"  {sku}: {'-' if last is None else last} -> {qty}")
        for err in summary.errors:
            print(f"  {err}", file=sys.stderr)
        if not summary.ok:
            worst = FAILED
    return worst


def _ship(svc: Any, args: argparse.Namespace) -> int:
    from ecdesk.cli import CliError

    if args.file:
        count = svc.stock.ship_import(args.file)
        print(f"Recorded tracking for {count} order(s); they go to the stores on the next "
              "send.")
        return OK
    if not args.order:
        raise CliError("Say which order ships (STORE:NUMBER --carrier NAME --tracking NO) "
                       "or --import FILE.")
    message = svc.stock.ship(args.order, args.carrier, args.tracking, now=args.now)
    print(message)
    return FAILED if args.now and "not sent" in message else OK


HANDLERS = {"stock": _stock, "ship": _ship}
