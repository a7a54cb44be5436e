"""The week in review as of Wednesday 25.11.2026: the reporting week is KW 47 (16.–22.11.), the week
before it ends on 15.11. Every address below is there for one line of the review, worked out in its comment."""
from __future__ import annotations

from datetime import date

import pytest
from support.metrics_builders import make_tables

from salesboard.metrics import Rules, compute_metrics
from salesboard.metrics.expressions import reporting_week_end
from salesboard.publish.summary import summary_dict

AS_OF = date(2026, 11, 25)
ADDRESSES = [
    {"customer_id": "C1", "company": "Eins", "owner": "Anna"},
    {"customer_id": "C2", "company": "Zwei", "owner": "Anna"},
    {"customer_id": "C3", "company": "Drei", "owner": "Tim"},
    {"customer_id": "C4", "company": "Vier", "owner": "Tim", "interest_since": "2026-11-19"},
    {"customer_id": "C5", "company": "Fünf", "owner": "Tim"},
    {"customer_id": "C6", "company": "Sechs", "owner": "Anna"},
    {"customer_id": "C7", "company": "Sieben", "owner": "Anna", "next_follow_up": "2026-11-18"},
]


def order(customer_id, day, amount, order_id):
    return {"customer_id": customer_id, "order_date": day, "amount": amount, "order_id": order_id}


ORDERS = [
    order("C1", "2026-11-18", 100.0, "1"),  # C1's first order: in W
    order("C2", "2026-06-01", 50.0, "2"), order("C2", "2026-11-17", 200.0, "3"),  # C2's second: in W
    order("C3", "2026-01-10", 10.0, "4"), order("C3", "2026-03-10", 10.0, "5"),
    order("C3", "2026-11-20", 300.0, "6"),  # C3's third: loyal in W
    # C5: loyal, gaps 31 and 28 days (usual 29.5), quiet since 01.03.: at risk on 15.11. already.
    order("C5", "2026-01-01", 10.0, "7"), order("C5", "2026-02-01", 10.0, "8"), order("C5", "2026-03-01", 10.0, "9"),
    # C6: loyal, gaps 20 and 20 days; at risk after max(2 × 20, 45) = 45 days without an order: on 15.11.
    # 41 days since 05.10., on 22.11. 48 days: became at risk in W.
    order("C6", "2026-08-26", 10.0, "10"), order("C6", "2026-09-15", 10.0, "11"),
    order("C6", "2026-10-05", 10.0, "12"),
]
ACTIVITIES = [
    {"customer_id": "C4", "date": "2026-11-19", "type": "Anruf", "stage": "first_contact", "owner": "Tim"},
    {"customer_id": "C1", "date": "2026-11-21", "type": "Termin", "stage": "meeting"},
]
OFFERS = [
    # Made in W, and won in W by C1's first order two days later.
    {"customer_id": "C1", "offer_id": "O1", "offer_date": "2026-11-16", "amount": 500.0, "owner": "Anna"},
    # Won by C2's order of 17.11. (47 days later): decided in W.
    {"customer_id": "C2", "offer_id": "O2", "offer_date": "2026-10-01", "amount": 250.0, "owner": "Anna"},
    # Lost 90 days after 20.08., on 18.11. (C3's order of 20.11. comes 92 days after it: too late).
    {"customer_id": "C3", "offer_id": "O3", "offer_date": "2026-08-20", "amount": 900.0, "owner": "Tim"},
]


@pytest.fixture(scope="module")
def review():
    tables = make_tables(addresses=ADDRESSES, orders=ORDERS, activities=ACTIVITIES, offers=OFFERS)
    return compute_metrics(tables, AS_OF, Rules())


@pytest.mark.parametrize("as_of,end", [
    (date(2026, 11, 25), date(2026, 11, 22)),  # a Wednesday: the Sunday before
    (date(2026, 11, 23), date(2026, 11, 22)),  # a Monday: the day before
    (date(2026, 11, 29), date(2026, 11, 29)),  # a Sunday: that very day
    (date(2026, 1, 3), date(2025, 12, 28)),  # Saturday of ISO week 2026-W01 (it began on 29.12.2025)
    (date(2021, 1, 5), date(2021, 1, 3)),  # the Sunday that ends ISO week 2020-W53
])
def test_the_reporting_week_is_the_last_complete_iso_week(as_of, end):
    assert reporting_week_end(as_of) == end


def test_the_lists_of_the_week(review):
    lists = review.week_review.lists
    assert (review.week_review.start, review.week_review.end) == (date(2026, 11, 16), date(2026, 11, 22))
    # With what the order of that day was worth.
    assert lists["first_orders"].rows() == [("C1", "Eins", "Anna", date(2026, 11, 18), 100.0)]
    assert lists["second_orders"].rows() == [("C2", "Zwei", "Anna", date(2026, 11, 17), 200.0)]
    assert lists["new_loyal"].rows() == [("C3", "Drei", "Tim", date(2026, 11, 20), 300.0)]
    assert lists["new_prospects"]["customer_id"].to_list() == ["C4"]
    assert lists["became_at_risk"]["customer_id"].to_list() == ["C6"]
    assert lists["largest_orders"].select("customer_id", "amount").rows() == [
        ("C3", 300.0), ("C2", 200.0), ("C1", 100.0)]
    assert lists["offers_made"]["offer_id"].to_list() == ["O1"]
    assert lists["offers_won"].select("offer_id", "day").rows() == [("O1", date(2026, 11, 18)),
                                                                    ("O2", date(2026, 11, 17))]
    assert lists["offers_lost"].select("offer_id", "day").rows() == [("O3", date(2026, 11, 18))]


def test_per_owner_in_the_week(review):
    # Settled: C2 (Z2, 14-day cadence, quiet since June) and C3 (Z3, quiet since March) were overdue on
    # 15.11. and ordered in W. Newly overdue: C7's follow-up of 18.11. passed with no contact.
    rows = {row["owner"]: row for row in review.week_review.per_owner.to_dicts()}
    assert rows["Anna"] == {"owner": "Anna", "first_contact": 0, "follow_up": 0, "meeting": 1, "chase": 0,
                            "offer": 0, "negotiation": 0, "orders": 2, "revenue": 300.0, "settled": 1,
                            "newly_overdue": 1}
    assert rows["Tim"] == {"owner": "Tim", "first_contact": 1, "follow_up": 0, "meeting": 0, "chase": 0,
                           "offer": 0, "negotiation": 0, "orders": 1, "revenue": 300.0, "settled": 1,
                           "newly_overdue": 0}
    assert set(rows) == {"Anna", "Tim"}


def test_summary_counts_of_the_week(review):
    summary = summary_dict(review, 0, 0)
    assert summary["reporting_week"] == "2026-W47"
    assert summary["week_in_review"] == {"first_orders": 1, "second_orders": 1, "new_loyal": 1,
                                         "new_prospects": 1, "became_at_risk": 1}
