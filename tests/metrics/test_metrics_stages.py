from datetime import date

import polars as pl
import pytest

# Highest stage reached (ranks: first_contact 0 ... negotiation 5, order 6):
#   all time: order A01 A02 A03 A04 A12; offer A10; meeting A06;
#   follow_up A11 A13; first_contact A08. A05, A07 have no stage facts and
#   A09 only an "other" activity: not in the funnel.
#   last 12 weeks (since Monday 2025-12-29): A03's only order is older and
#   A02's first order, offer and first contact too, but its second order
#   (2026-02-20) is inside: order A01 A02 A04 A12.


def _funnel(sample, period):
    return sample.stages.funnel.filter(pl.col("period") == period)


def test_stage_funnel_all_time(sample):
    funnel = _funnel(sample, "all_time")
    assert funnel.select("stage", "addresses").rows() == [
        ("first_contact", 10),
        ("follow_up", 9),
        ("meeting", 7),
        ("chase", 6),
        ("offer", 6),
        ("negotiation", 5),
        ("order", 5),
    ]
    step_rates = [None, 0.9, pytest.approx(7 / 9), pytest.approx(6 / 7), 1.0, pytest.approx(5 / 6), 1.0]
    assert funnel["step_rate"].to_list() == step_rates
    assert funnel["cumulative_rate"].to_list() == pytest.approx([1.0, 0.9, 0.7, 0.6, 0.6, 0.5, 0.5])


def test_stage_funnel_last_12_weeks(sample):
    assert sample.stages.recent_since == date(2025, 12, 29)
    funnel = _funnel(sample, "last_12_weeks")
    assert funnel["addresses"].to_list() == [9, 8, 6, 5, 5, 4, 4]


def test_median_days_first_contact_to_order(sample):
    # A02: first contact 2025-10-01 -> first order 2025-11-03 = 33 days;
    # A04: negotiation 2026-02-25 -> order 2026-03-02 = 5 days;
    # A01's first logged contact (2026-03-16) is after its first order: left out.
    assert sample.stages.median_days_first_contact_to_order == 19.0
