import pytest

from salesboard.metrics.weekly import WEEKLY_MEASURES

# The 52 weeks run from 2025-W13 (Monday 2025-03-24) to 2026-W12 (D's week).
#   W12 (03-16..18): A01 follow_up; A09 "other" is no stage.
#   W11 (03-09..15): A12 first order 250.
#   W10 (03-02..08): A10 offer; A13 two follow_ups (one address); A04 first order 150.
#   W09 (02-23..03-01): A04 negotiation.
#   W08 (02-16..22): A10 enquiry (first_contact); A11 follow_up; A02 second order 400.
#   W05 (01-26..02-01): A11 follow_up (Sunday 02-01); A01 credit note -50:
#       revenue, not an order.


def _week(sample, label):
    rows = sample.weekly.weeks.filter(sample.weekly.weeks["week"] == label).select(*WEEKLY_MEASURES).to_dicts()
    return rows[0]


def test_weekly_columns_and_range(sample):
    weeks = sample.weekly.weeks
    assert weeks.columns == ["week_start", "week", *WEEKLY_MEASURES]
    assert weeks.height == 52
    assert (weeks["week"][0], weeks["week"][-1]) == ("2025-W13", "2026-W12")


def test_single_weeks(sample):
    zero = dict.fromkeys(WEEKLY_MEASURES, 0)
    assert _week(sample, "2026-W12") == {**zero, "follow_up": 1, "revenue": 0.0}
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
    # Before 2025-03-24: A01's first order and A02's credit note.
    # first_contact: A02 2025-10-01, A08 2026-01-05, A10 enquiry 2026-02-20.
    # follow_up: A11 twice (W05, W08), A13 (W10), A01 (W12).
    # orders: A03 08-05, A01 09-01, A02 11-03, A01 01-15, A02 02-20, A04, A12.
    # revenue: 800 + 300 + 1000 + 200 - 50 + 400 + 150 + 250.
    assert totals == {
        "first_contact": 3, "follow_up": 4, "meeting": 1, "chase": 0, "offer": 2, "negotiation": 1,
        "orders": 7, "first_orders": 4, "second_orders": 2, "revenue": 3050.0,
    }


def test_current_week_against_previous_and_four_week_average(sample):
    # Average of W08..W11.
    comparison = {row["measure"]: row for row in sample.weekly.comparison.to_dicts()}
    assert list(comparison) == list(WEEKLY_MEASURES)
    expected = {
        "first_contact": (0, 0, 0.25),
        "follow_up": (1, 0, 0.5),
        "meeting": (0, 0, 0.0),
        "chase": (0, 0, 0.0),
        "offer": (0, 0, 0.25),
        "negotiation": (0, 0, 0.25),
        "orders": (0, 1, 0.75),
        "first_orders": (0, 1, 0.5),
        "second_orders": (0, 0, 0.25),
        "revenue": (0, 250, 200.0),
    }
    for measure, (current, previous, average) in expected.items():
        row = comparison[measure]
        assert (row["current"], row["previous"], row["average_4_weeks"]) == (current, previous, pytest.approx(average))
        assert row["change_vs_previous"] == current - previous
        assert row["change_vs_average"] == pytest.approx(current - average)
