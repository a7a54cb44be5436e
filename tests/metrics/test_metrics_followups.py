from datetime import date

import polars as pl
from support.metrics_builders import make_tables

from salesboard.metrics import Rules, compute_metrics
from salesboard.metrics.followups import follow_up_counts

D = date(2026, 3, 18)

# Cadences Z1 30, Z2 14, Z3 30, Z4 60 days; offers are chased within 7 days.
#   A06 Z1: F = 2026-02-24 (its meeting's follow-up), nothing since -> due 22;
#           last contact 02-10, 36 days -> cadence 6. Largest: 22.
#   A05 Z1: last contact = interest_since 2026-01-10, 67 days -> cadence 37.
#   A10 Z1: offer 03-02, 16 days, no later activity -> offer_not_chased 9;
#           last contact 03-02 is within cadence.
#   A03 Z2: last contact = mailing "yes" on 03-03 (its 03-20 call is after D), 15 days -> cadence 1.
#   A04 Z2: last contact = order 03-02, 16 days -> cadence 2.
# Not overdue: A02 (offer chased by its order, last contact 02-20 = 26 days
# < 30), A11 (F 02-15 settled by the call on 02-20), A13 (the later of the
# same-day rows, seq 31, sets F to 03-25), A07 (response 03-06), A12 (order
# 03-10), A01 (call 03-16), Z0 addresses A08 A09 (no cadence, no F).


def test_overdue_list(sample):
    follow_ups = sample.follow_ups
    assert follow_ups.columns == [
        "customer_id", "company", "owner", "phone", "segment", "reasons", "due", "cadence", "offer_not_chased",
        "due_date", "days_overdue", "follow_up_date", "last_contact",
    ]
    rows = follow_ups.select(
        "customer_id", pl.col("segment").cast(pl.String), "reasons", "days_overdue", "due_date", "last_contact"
    ).rows()
    d = date.fromisoformat
    # Z2 first, then days overdue descending.
    assert rows == [
        ("A04", "Z2", ["cadence"], 2, d("2026-03-16"), d("2026-03-02")),
        ("A03", "Z2", ["cadence"], 1, d("2026-03-17"), d("2026-03-03")),
        ("A05", "Z1", ["cadence"], 37, d("2026-02-09"), d("2026-01-10")),
        ("A06", "Z1", ["due", "cadence"], 22, d("2026-02-24"), d("2026-02-10")),
        ("A10", "Z1", ["offer_not_chased"], 9, d("2026-03-09"), d("2026-03-02")),
    ]
    a06 = follow_ups.filter(pl.col("customer_id") == "A06").row(0, named=True)
    assert (a06["due"], a06["cadence"], a06["offer_not_chased"]) == (True, True, False)
    contact = (a06["company"], a06["owner"], a06["phone"], a06["follow_up_date"])
    assert contact == ("Zeta", "Ben", "030-A06", d("2026-02-24"))


def test_counts_per_reason(sample):
    assert follow_up_counts(sample.follow_ups) == {"overdue": 5, "due": 1, "cadence": 4, "offer_not_chased": 1}


def _overdue(activities, addresses=(), orders=(), rules=None):
    tables = make_tables(addresses=addresses, activities=activities, orders=orders)
    return compute_metrics(tables, D, rules or Rules()).follow_ups


def _call(day, seq, follow_up=None, stage="follow_up"):
    return {"customer_id": "1", "date": day, "stage": stage, "seq": seq, "next_follow_up": follow_up}


def test_same_day_activities_take_the_later_row_by_seq():
    # Rows in reading order 7 then 3 on the same day: seq 7 is the later one.
    later_is_done = [_call("2026-03-05", 7, None), _call("2026-03-05", 3, "2026-03-10")]
    # The later row has no follow-up: fall back to the address's (none).
    assert _overdue(later_is_done).height == 0
    later_is_due = [_call("2026-03-05", 7, "2026-03-10"), _call("2026-03-05", 3, "2026-03-25")]
    assert _overdue(later_is_due).select("reasons", "days_overdue").row(0) == (["due"], 8)


def test_follow_up_date_falls_back_to_the_address_row():
    address = [{"customer_id": "1", "next_follow_up": "2026-03-01"}]
    assert _overdue([_call("2026-02-20", 1)], addresses=address)["days_overdue"].to_list() == [17]
    # An activity on the follow-up date itself settles it.
    assert _overdue([_call("2026-03-01", 1)], addresses=address).height == 0


def test_an_order_settles_a_follow_up_and_chases_an_offer():
    offer = [_call("2026-03-01", 1, "2026-03-05", stage="offer")]
    assert _overdue(offer).select("reasons", "days_overdue").row(0) == (["due", "offer_not_chased"], 13)
    order = [{"customer_id": "1", "order_date": "2026-03-06", "amount": 99.0}]
    assert _overdue(offer, orders=order).height == 0


def test_offer_threshold_is_more_than_the_chase_days():
    # D - 7 days: not yet; D - 8 days: one day overdue.
    assert _overdue([_call("2026-03-11", 1, stage="offer")]).height == 0
    assert _overdue([_call("2026-03-10", 1, stage="offer")])["days_overdue"].to_list() == [1]
    rules = Rules(offer_chase_days=3)
    assert _overdue([_call("2026-03-11", 1, stage="offer")], rules=rules)["days_overdue"].to_list() == [4]


def test_cadence_is_configurable_and_z0_has_none():
    activities = [_call("2026-01-01", 1, stage="meeting")]  # Z1, 76 days ago
    assert _overdue(activities, rules=Rules(cadence_days={"Z1": 70}))["days_overdue"].to_list() == [6]
    assert _overdue(activities, rules=Rules(cadence_days={})).height == 0
    assert _overdue([_call("2025-01-01", 1)]).height == 0  # Z0
