from datetime import date

import pytest

from salesboard.metrics.weekly import WEEKLY_MEASURES

# D is Wednesday 2026-03-18: the reporting week is 2026-W11 (09.–15.03.), the last complete one, and the
# 52 weeks run from 2025-W12 (Monday 2025-03-17) to it. The running week W12 (16.–18.03.) stands apart.
#   W12 (03-16..18): A01 follow_up; A09 "other" is no stage.
#   W11 (03-09..15): A12 first order 250.
#   W10 (03-02..08): A10 offer; A13 two follow_ups (one address); A04 first order 150.
#   W09 (02-23..03-01): A04 negotiation.
#   W08 (02-16..22): A10 enquiry (first_contact); A11 follow_up; A02 second order 400.
#   W07 (02-09..15): A06 meeting.
#   W05 (01-26..02-01): A11 follow_up (Sunday 02-01); A01 credit note -50:
#       revenue, not an order.
#   2025-W12 (2025-03-17..23): A02 credit note -100.


def _week(sample, label):
    rows = sample.weekly.weeks.filter(sample.weekly.weeks["week"] == label).select(*WEEKLY_MEASURES).to_dicts()
    return rows[0]


def test_weekly_columns_and_range(sample):
    weeks = sample.weekly.weeks
    assert weeks.columns == ["week_start", "week", *WEEKLY_MEASURES]
    assert weeks.height == 52
    assert (weeks["week"][0], weeks["week"][-1]) == ("2025-W12", "2026-W11")
    assert sample.weekly.reporting_week == ("2026-W11", date(2026, 3, 9), date(2026, 3, 15))


def test_single_weeks(sample):
    zero = dict.fromkeys(WEEKLY_MEASURES, 0)
    running = {key: sample.weekly.running[key] for key in WEEKLY_MEASURES}
    assert running == {**zero, "follow_up": 1, "revenue": 0.0}
    assert sample.weekly.running["week"] == "2026-W12"
    assert _week(sample, "2026-W11") == {**zero, "orders": 1, "first_orders": 1, "revenue": 250.0}
    assert _week(sample, "2026-W10") == {
        **zero, "offer": 1, "follow_up": 1, "orders": 1, "first_orders": 1, "revenue": 150.0,
    }
    assert _week(sample, "2026-W08") == {
        **zero, "first_contact": 1, "follow_up": 1, "orders": 1, "second_orders": 1, "revenue": 400.0,
    }
    assert _week(sample, "2026-W05") == {**zero, "follow_up": 1, "revenue": -50.0}


def test_totals_over_the_52_weeks(sample):
    totals = sample.weekly.weeks.select(*WEEKLY_MEASURES).sum().row(0, named=True)
    # Before 2025-03-17: A01's first order. A01's follow_up of 16.03.2026 is in the running week.
    # first_contact: A02 2025-10-01, A08 2026-01-05, A10 enquiry 2026-02-20.
    # follow_up: A11 twice (W05, W08), A13 (W10).
    # orders: A03 08-05, A01 09-01, A02 11-03, A01 01-15, A02 02-20, A04, A12.
    # revenue: -100 + 800 + 300 + 1000 + 200 - 50 + 400 + 150 + 250.
    assert totals == {
        "first_contact": 3, "follow_up": 3, "meeting": 1, "chase": 0, "offer": 2, "negotiation": 1,
        "orders": 7, "first_orders": 4, "second_orders": 2, "revenue": 2950.0,
    }


def test_reporting_week_against_previous_and_four_week_average(sample):
    # W11 against W10 and the average of W07..W10.
    comparison = {row["measure"]: row for row in sample.weekly.comparison.to_dicts()}
    assert list(comparison) == list(WEEKLY_MEASURES)
    expected = {
        "first_contact": (0, 0, 0.25),
        "follow_up": (0, 1, 0.5),
        "meeting": (0, 0, 0.25),
        "chase": (0, 0, 0.0),
        "offer": (0, 1, 0.25),
        "negotiation": (0, 0, 0.25),
        "orders": (1, 1, 0.5),
        "first_orders": (1, 1, 0.25),
        "second_orders": (0, 0, 0.25),
        "revenue": (250, 150, 137.5),
    }
    for measure, (current, previous, average) in expected.items():
        row = comparison[measure]
        assert (row["current"], row["previous"], row["average_4_weeks"]) == (current, previous, pytest.approx(average))
        assert row["change_vs_previous"] == current - previous
        assert row["change_vs_average"] == pytest.approx(current - average)
