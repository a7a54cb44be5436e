"""A hand-checkable data set: 13 addresses as of D = Wednesday 2026-03-18 (2026-W12).

Every expected number in the test modules is worked out from the story below.

A01 Alpha   Anna  orders 2025-02-10 500, 2025-09-01 300 (two line items of
                  120 + 180, grouped by reading into one order), 2026-01-15
                  200; credit note 2026-02-01 -50; follow_up call 2026-03-16.
                  -> 3 orders: Z4.  Z3 on 2025-12-18 (D - 90).
A02 Beta    Ben   credit note 2025-03-18 -100 (exactly a year before D: outside
                  the last 12 months); first_contact 2025-10-01, offer
                  2025-10-15 (chased by the order), orders 2025-11-03 1000,
                  2026-02-20 400.  -> Z3.  Z2 on 2025-12-18.
A03 Gamma   Anna  order 2025-08-05 800; order 2026-04-01 999 (after D);
                  activity 2026-03-20 (after D); responded "yes" to the
                  spring mailing sent 2026-03-03.  -> Z2.
A04 Delta   Ben   negotiation 2026-02-25, order 2026-03-02 150.  -> Z2.
A05 Epsilon Anna  interest_since 2026-01-10, nothing else.  -> Z1.
A06 Zeta    Ben   meeting 2026-02-10 with follow-up 2026-02-24, never done.  -> Z1.
A07 Eta     Anna  spring mailing response dated 2026-03-06.  -> Z1.
A08 Theta   Ben   first_contact 2026-01-05; spring mailing (listed twice), no
                  response.  -> Z0.
A09 Iota    -     activity of unknown type ("other") 2026-03-17; spring
                  mailing, no response.  -> Z0.
A10 Kappa   Anna  enquiry 2026-02-20, offer 2026-03-02, never chased.  -> Z1.
A11 Lambda  Ben   address follow-up 2026-02-15; follow_up calls 2026-02-01
                  (follow-up 2026-02-15) and 2026-02-20 (none): settled.  -> Z0.
A12 (unlisted)    only in orders: 2026-03-10 250.  -> Z2.
A13 Nu      Anna  two follow_up calls on 2026-03-05, listed in the order
                  seq 31 (follow-up 2026-03-25) then seq 30 (follow-up
                  2026-03-10): the later row is seq 31, so nothing is due.  -> Z0.

Mailings: "Herbst" sent 2025-10-01 to A02, A05 (no responses); "Frühjahr"
sent 2026-03-03 to A01, A03, A07, A08 (twice), A09; "Sommer" sent
2026-04-01 to A05 (after D).
"""
from __future__ import annotations

from datetime import date

from support.metrics_builders import make_tables

AS_OF = date(2026, 3, 18)


def _address(customer_id, company, owner, **extra):
    return {"customer_id": customer_id, "company": company, "owner": owner, "phone": f"030-{customer_id}", **extra}


ADDRESSES = [
    _address("A01", "Alpha", "Anna"),
    _address("A02", "Beta", "Ben"),
    _address("A03", "Gamma", "Anna"),
    _address("A04", "Delta", "Ben"),
    _address("A05", "Epsilon", "Anna", interest_since="2026-01-10"),
    _address("A06", "Zeta", "Ben"),
    _address("A07", "Eta", "Anna"),
    _address("A08", "Theta", "Ben"),
    _address("A09", "Iota", None),
    _address("A10", "Kappa", "Anna"),
    _address("A11", "Lambda", "Ben", next_follow_up="2026-02-15"),
    _address("A13", "Nu", "Anna"),
]


def _order(customer_id, order_date, amount, order_id=None):
    return {"customer_id": customer_id, "order_date": order_date, "amount": amount, "order_id": order_id}


ORDERS = [
    _order("A01", "2025-02-10", 500.0, "1"),
    _order("A01", "2025-09-01", 300.0, "2"),  # line items 120 + 180
    _order("A01", "2026-01-15", 200.0, "3"),
    _order("A01", "2026-02-01", -50.0, "G1"),  # credit note
    _order("A02", "2025-03-18", -100.0, "G2"),  # credit note
    _order("A02", "2025-11-03", 1000.0, "4"),
    _order("A02", "2026-02-20", 400.0, "5"),
    _order("A03", "2025-08-05", 800.0, "6"),
    _order("A03", "2026-04-01", 999.0, "7"),  # after D
    _order("A04", "2026-03-02", 150.0, "8"),
    _order("A12", "2026-03-10", 250.0, "9"),  # ID not in the address list
]


def _activity(customer_id, day, stage, seq, next_follow_up=None):
    return {
        "customer_id": customer_id,
        "date": day,
        "type": stage,
        "stage": stage,
        "seq": seq,
        "next_follow_up": next_follow_up,
    }


ACTIVITIES = [
    _activity("A08", "2026-01-05", "first_contact", 1),
    _activity("A06", "2026-02-10", "meeting", 2, "2026-02-24"),
    _activity("A10", "2026-02-20", "enquiry", 3),
    _activity("A10", "2026-03-02", "offer", 4),
    _activity("A11", "2026-02-01", "follow_up", 5, "2026-02-15"),
    _activity("A11", "2026-02-20", "follow_up", 6),
    _activity("A13", "2026-03-05", "follow_up", 31, "2026-03-25"),
    _activity("A13", "2026-03-05", "follow_up", 30, "2026-03-10"),
    _activity("A02", "2025-10-15", "offer", 7),
    _activity("A02", "2025-10-01", "first_contact", 8),
    _activity("A04", "2026-02-25", "negotiation", 9),
    _activity("A03", "2026-03-20", "follow_up", 10),  # after D
    _activity("A01", "2026-03-16", "follow_up", 11),
    _activity("A09", "2026-03-17", "other", 12),
]


def _mailing(campaign, customer_id, sent_date, responded=False, response_date=None):
    return {
        "campaign": campaign,
        "customer_id": customer_id,
        "sent_date": sent_date,
        "responded": responded,
        "response_date": response_date,
    }


CAMPAIGNS = [
    _mailing("Herbst", "A02", "2025-10-01"),
    _mailing("Herbst", "A05", "2025-10-01"),
    _mailing("Frühjahr", "A01", "2026-03-03"),
    _mailing("Frühjahr", "A03", "2026-03-03", True),  # "yes": responded on the send date
    _mailing("Frühjahr", "A07", "2026-03-03", True, "2026-03-06"),
    _mailing("Frühjahr", "A08", "2026-03-03"),
    _mailing("Frühjahr", "A08", "2026-03-03"),  # listed twice: one recipient
    _mailing("Frühjahr", "A09", "2026-03-03"),
    _mailing("Sommer", "A05", "2026-04-01", True, "2026-04-02"),  # after D
]


def sample_tables():
    return make_tables(addresses=ADDRESSES, orders=ORDERS, activities=ACTIVITIES, campaigns=CAMPAIGNS)
