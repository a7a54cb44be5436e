"""The overdue card's sparkline: the number of overdue follow-ups on each of the last days, in one pass,
equals the follow-up rule run as of each day."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from support.metrics_builders import make_tables

from salesboard.domain import ACTIVITY_STAGES
from salesboard.metrics import Rules
from salesboard.metrics.facts import select_facts
from salesboard.metrics.followups import overdue_follow_ups
from salesboard.metrics.overdue_history import overdue_history
from salesboard.metrics.segments import classify_addresses

AS_OF = date(2026, 11, 25)
DAYS = [date(2026, 11, 4), date(2026, 11, 11), date(2026, 11, 18), date(2026, 11, 25)]

# Cadences Z1 30, Z2 14, Z3 30 days; offers are chased within 7 days. Overdue on 04.11., 11.11., 18.11., 25.11.:
#   A1 Z0: its address row's follow-up 10.11., nothing since: due from 11.11.             0 1 1 1
#   A2 Z0: a call of 01.10. promises 01.11.; the call of 16.11. settles it (no new date) 1 1 0 0
#   A3 first order 20.10. (Z2, 14 days): 15 days on 04.11.; second order 20.11. (Z3)      1 1 1 0
#   A4 offer 09.11. (Z1): not chased 9 days on 18.11.; within Z1's 30 days                0 0 1 1
#   A5 a mailing sent 12.11. with a response typed as 01.10.: unseen until 18.11., then
#      Z1 with its last contact 48 days back                                              0 0 1 1
#   A6 interest since 10.10. (Z1): 32 days on 11.11.                                      0 1 1 1
#   A7 interest since 01.12., after D: cold, never overdue                                0 0 0 0
HAND_WORKED = make_tables(
    addresses=[
        {"customer_id": "A1", "next_follow_up": "2026-11-10"},
        {"customer_id": "A2"},
        {"customer_id": "A3"},
        {"customer_id": "A4"},
        {"customer_id": "A5"},
        {"customer_id": "A6", "interest_since": "2026-10-10"},
        {"customer_id": "A7", "interest_since": "2026-12-01"},
    ],
    orders=[
        {"customer_id": "A3", "order_id": "O1", "order_date": "2026-10-20", "amount": 100.0},
        {"customer_id": "A3", "order_id": "O2", "order_date": "2026-11-20", "amount": 80.0},
    ],
    activities=[
        {"customer_id": "A2", "date": "2026-10-01", "stage": "follow_up", "next_follow_up": "2026-11-01"},
        {"customer_id": "A2", "date": "2026-11-16", "stage": "first_contact"},
        {"customer_id": "A4", "date": "2026-11-09", "stage": "offer"},
    ],
    campaigns=[{"campaign": "Herbst", "customer_id": "A5", "sent_date": "2026-11-12", "responded": True,
                "response_date": "2026-10-01"}],
)


def history_of(tables, as_of: date, rules: Rules, weeks: int):
    facts = select_facts(tables, as_of)
    return overdue_history(facts, classify_addresses(facts, rules), rules, weeks)


def rule_on_each_day(tables, days: list[date], rules: Rules) -> list[int]:
    counts = []
    for day in days:
        facts = select_facts(tables, day)
        counts.append(overdue_follow_ups(facts, classify_addresses(facts, rules), rules).height)
    return counts


def test_hand_worked_days():
    history = history_of(HAND_WORKED, AS_OF, Rules(), 4)
    assert history["day"].to_list() == DAYS
    assert history["overdue"].to_list() == [2, 4, 5, 4]
    assert rule_on_each_day(HAND_WORKED, DAYS, Rules()) == [2, 4, 5, 4]


def test_nothing_overdue_without_addresses():
    history = history_of(make_tables(), AS_OF, Rules(), 4)
    assert history.rows() == [(day, 0) for day in DAYS]


ids = st.sampled_from([f"C{n}" for n in range(6)])
# Twenty weeks around the twelve the sparkline shows, so facts arrive before, during and after them.
days = st.dates(min_value=date(2026, 7, 1), max_value=date(2026, 12, 31))
maybe_day = st.none() | days
tables = st.builds(
    make_tables,
    addresses=st.lists(st.fixed_dictionaries({"customer_id": ids, "interest_since": maybe_day,
                                              "next_follow_up": maybe_day}),
                       max_size=6, unique_by=lambda row: row["customer_id"]),
    orders=st.lists(st.fixed_dictionaries({"customer_id": ids, "order_date": days,
                                           "amount": st.sampled_from([-20.0, 0.0, 10.0, 250.0])}), max_size=10),
    activities=st.lists(st.fixed_dictionaries({"customer_id": ids, "date": days,
                                               "stage": st.sampled_from(ACTIVITY_STAGES),
                                               "next_follow_up": maybe_day}), max_size=14),
    campaigns=st.lists(st.fixed_dictionaries({"campaign": st.just("Mailing"), "customer_id": ids, "sent_date": days,
                                              "responded": st.booleans(), "response_date": maybe_day}),
                       max_size=6),
)
rules = st.sampled_from([Rules(), Rules(loyal_min_orders=2, cadence_days={"Z1": 10, "Z3": 45}, offer_chase_days=3)])


@settings(max_examples=150, deadline=None)
@given(tables=tables, as_of=st.dates(min_value=date(2026, 9, 1), max_value=date(2026, 12, 31)), rules=rules)
def test_each_day_equals_the_rule_as_of_that_day(tables, as_of, rules):
    history = history_of(tables, as_of, rules, 12)
    week_days = [as_of - timedelta(days=7 * k) for k in range(11, -1, -1)]
    assert history["day"].to_list() == week_days
    assert history["overdue"].to_list() == rule_on_each_day(tables, week_days, rules)
