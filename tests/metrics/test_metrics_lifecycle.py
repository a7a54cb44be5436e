from datetime import date

import polars as pl
import pytest
from support.metrics_builders import make_tables

from salesboard.metrics import Rules, compute_metrics


def test_lifecycle_funnel(sample):
    # all 13; Z1+ = 4 + 3 + 1 + 1 = 9; Z2+ = 5; Z3+ = 2; Z4 = 1.
    funnel = sample.lifecycle.funnel
    assert funnel.select("step", "addresses").rows() == [("all", 13), ("Z1+", 9), ("Z2+", 5), ("Z3+", 2), ("Z4", 1)]
    assert funnel["step_rate"].to_list() == [None, pytest.approx(9 / 13), pytest.approx(5 / 9), 0.4, 0.5]
    assert funnel["overall_rate"].to_list() == pytest.approx([1.0, 9 / 13, 5 / 13, 2 / 13, 1 / 13])


def test_second_order_rate(sample):
    # (Z3 + Z4) / (Z2 + Z3 + Z4) = (1 + 1) / (3 + 1 + 1)
    assert sample.lifecycle.second_order_rate == 0.4


def test_second_order_rate_without_buyers_is_none():
    tables = make_tables(addresses=[{"customer_id": "1", "interest_since": "2026-01-01"}])
    assert compute_metrics(tables, date(2026, 3, 18), Rules()).lifecycle.second_order_rate is None


def test_cohorts(sample):
    # A window W is complete when cohort month end + W days <= D (2026-03-18).
    # 2025-02 A01: 1st 02-10, 2nd 09-01 = 203 days -> within 365 only; all complete
    #   (02-28 + 365 = 2026-02-28).
    # 2025-08 A03: no second; 08-31 + 180 = 2026-02-27 complete, + 365 not.
    # 2025-11 A02: 1st 11-03, 2nd 2026-02-20 = 109 days; 11-30 + 90 = 2026-02-28
    #   complete, + 180 = 2026-05-29 not.
    # 2026-03 A04, A12: nothing complete yet.
    cohorts = sample.lifecycle.cohorts
    assert cohorts.columns == [
        "cohort_month", "buyers", "second_buyers", "share_30d", "share_90d", "share_180d", "share_365d",
        "complete_30d", "complete_90d", "complete_180d", "complete_365d",
    ]
    assert cohorts.rows() == [
        (date(2025, 2, 1), 1, 1, 0.0, 0.0, 0.0, 1.0, True, True, True, True),
        (date(2025, 8, 1), 1, 0, 0.0, 0.0, 0.0, None, True, True, True, False),
        (date(2025, 11, 1), 1, 1, 0.0, 0.0, None, None, True, True, False, False),
        (date(2026, 3, 1), 2, 0, None, None, None, None, False, False, False, False),
    ]


def test_cohort_window_completes_exactly_at_month_end_plus_window():
    # First orders in January 2026: 01-31 + 30 days = 2026-03-02.
    tables = make_tables(orders=[
        {"customer_id": "1", "order_date": "2026-01-05", "amount": 10.0},
        {"customer_id": "1", "order_date": "2026-01-20", "amount": 10.0},
        {"customer_id": "2", "order_date": "2026-01-31", "amount": 10.0},
    ])

    def share(as_of):
        return compute_metrics(tables, as_of, Rules()).lifecycle.cohorts.select("share_30d", "complete_30d").row(0)

    assert share(date(2026, 3, 1)) == (None, False)
    assert share(date(2026, 3, 2)) == (0.5, True)


def test_median_days_to_second_order(sample):
    # A01 203 days, A02 109 days.
    assert sample.lifecycle.median_days_to_second_order == 156.0


def test_waiting_list(sample):
    # Z2 without a second order: A03 2025-08-05 (225 days), A04 2026-03-02 (16), A12 2026-03-10 (8);
    # most promising first, by their call-list likelihood (worked out in test_metrics_call_list).
    waiting = sample.lifecycle.waiting_list
    assert waiting.columns == ["customer_id", "company", "owner", "phone", "first_order_date", "days_since_first_order",
                               "p", "expected_value"]
    assert sorted(waiting.select("customer_id", "company", "owner", "first_order_date",
                                 "days_since_first_order").rows()) == [
        ("A03", "Gamma", "Anna", date(2025, 8, 5), 225),
        ("A04", "Delta", "Ben", date(2026, 3, 2), 16),
        ("A12", None, None, date(2026, 3, 10), 8),
    ]
    likelihoods = waiting["p"].to_list()
    assert None not in likelihoods and likelihoods == sorted(likelihoods, reverse=True)
    likely = sample.call_list.likelihood.filter(pl.col("segment") == "Z2").sort("customer_id")
    assert dict(zip(likely["customer_id"], likely["p"])) == dict(zip(waiting["customer_id"], waiting["p"]))
    assert waiting.filter(pl.col("customer_id") == "A03")["phone"].item() == "030-A03"
