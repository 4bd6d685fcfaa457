"""The summary builder (pure): any day of consistent orders becomes one document whose total,
as AutoCount computes it, is the sum of the orders' totals to the cent, with the same revenue
per item code; the only difference is AutoCount's tax rounding on merged lines, carried by
one rounding line (docs/decisions.md §9, ecdesk.sync.summary)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ecdesk.domain import DocumentDraft, OrderLine, Platform
from ecdesk.sync import posting, summary
from ecdesk.sync.matching import money, tax_for
from tests.unit.test_matching import maps, order
from tests.unit.test_posting import rules

DAY = date(2026, 3, 1)
prices = st.decimals(min_value=D("0.01"), max_value=D("999.99"), places=2)
lines = st.lists(st.tuples(st.sampled_from(["TSHIRT-RED-M", "CAP-BLK"]),
                           st.integers(1, 5), prices), min_size=1, max_size=3)


def drafted(spec: list[tuple[str, int, D]], inclusive: bool, n: int) -> DocumentDraft:
    """A consistent order of ``spec`` lines at 8% tax, drafted on its own."""
    order_lines = []
    for i, (sku, qty, price) in enumerate(spec):
        amount = qty * price
        order_lines.append(OrderLine(str(i), sku, sku.title(), D(qty), price,
                                     tax=tax_for(amount, D(8), inclusive), tax_rate=D(8)))
    net = sum((ln.quantity * ln.unit_price for ln in order_lines), D(0))
    tax = sum((ln.tax for ln in order_lines), D(0))
    total = net + D("10.00") + (D(0) if inclusive else tax)
    o = order(number=str(n), external_id=str(n), taxes_included=inclusive, lines=order_lines,
              total=total, tax_total=tax)
    built = posting.build_draft(o, maps(), rules())
    assert isinstance(built, DocumentDraft), built
    return built


@settings(max_examples=60, deadline=None)
@given(st.lists(lines, min_size=1, max_size=12), st.booleans())
@example([[("TSHIRT-RED-M", 1, D("0.04")), ("TSHIRT-RED-M", 1, D("2.14")),
           ("TSHIRT-RED-M", 4, D("0.01"))],
          [("TSHIRT-RED-M", 1, D("0.04")), ("TSHIRT-RED-M", 3, D("0.01")),
           ("TSHIRT-RED-M", 4, D("2.14"))]], False)  # small prices: 3 cents of rounding
def test_a_summary_totals_its_orders_to_the_cent(specs, inclusive):
    drafts = [drafted(spec, inclusive, n) for n, spec in enumerate(specs, start=1)]
    members = [summary.Member(d.ref.split()[-1], d) for d in drafts]
    built = summary.build_summary(members, platform=Platform.SHOPIFY, day=DAY, seq=0,
                                  prefix="SH-", rounding_account="907-0000")
    assert isinstance(built, DocumentDraft)
    assert built.total == sum(d.total for d in drafts)
    assert posting.draft_total(built.lines, inclusive) == built.total  # as AutoCount adds up

    def revenue(ls):
        out: dict[str, D] = {}
        for ln in ls:
            if ln.product_code:
                out[ln.product_code] = out.get(ln.product_code, D(0)) + money(ln.amount)
        return out

    assert revenue(built.lines) == revenue([ln for d in drafts for ln in d.lines])
    rounding = [ln for ln in built.lines if ln.description == posting.ROUNDING_LINE]
    assert len(rounding) <= 1
    if rounding:  # only tax rounding: at most half a cent per line taxed, the orders' own
        # lines and the merged ones (each order line's tax was rounded on its own)
        taxed = len(built.lines) + sum(len(d.lines) for d in drafts)
        assert abs(rounding[0].amount) <= D("0.005") * taxed
    assert len({(ln.product_code, ln.unit_price) for ln in built.lines if ln.product_code}) \
        == len([ln for ln in built.lines if ln.product_code])  # one line per item and price


def test_numbering_and_note():
    d = drafted([("CAP-BLK", 1, D("25.00"))], True, 1)
    first = summary.build_summary([summary.Member("1001", d), summary.Member("1002", d)],
                                  platform=Platform.SHOPIFY, day=DAY, seq=0, prefix="SH-",
                                  rounding_account="")
    adjustment = summary.build_summary([summary.Member("1003", d)], platform=Platform.SHOPIFY,
                                       day=DAY, seq=2, prefix="SH-", rounding_account="")
    assert isinstance(first, DocumentDraft) and isinstance(adjustment, DocumentDraft)
    assert (first.doc_no, first.ref, first.note) == ("SH-D260301", "Shopify day 2026-03-01",
                                                     "Orders: 1001, 1002")
    assert (adjustment.doc_no, adjustment.ref) == ("SH-D260301-2",
                                                   "Shopify day 2026-03-01 adj 2")
    assert summary.next_seq([]) == 0 and summary.next_seq([0]) == 2
    assert summary.next_seq([0, 2]) == 3
    assert summary.Period.of_day(DAY).doc_no("LONG", 12, limit=10) is None  # AutoCount numbers it


def test_a_rounding_difference_without_an_account_names_the_setting():
    a = drafted([("CAP-BLK", 1, D("0.07"))], False, 1)  # 8% of 0.07 = 0.0056 -> 0.01 each
    b = replace(a, ref="Shopify 2")
    built = summary.build_summary([summary.Member("1", a), summary.Member("2", b)],
                                  platform=Platform.SHOPIFY, day=DAY, seq=0, prefix="SH-",
                                  rounding_account="")
    assert built == "rounding_account"  # 0.14 taxes 0.01, the orders paid 0.02


def test_refunds_and_fees_of_a_summarised_order_number_from_the_order():
    from ecdesk.domain import Refund

    o = order()
    note = posting.build_credit_note(o, Refund("r1", D("10.00")), 1, maps(), rules(),
                                     invoice_doc_no="SH-D260301", stem="SH-1001")
    assert isinstance(note, DocumentDraft)
    assert (note.doc_no, note.our_invoice_no) == ("SH-1001-R1", "SH-D260301")
