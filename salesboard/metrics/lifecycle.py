"""Lifecycle funnel, second orders, first-order cohorts and the waiting list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from .expressions import days_between, ratio

# Days after the first order within which a second order is looked for.
COHORT_WINDOWS = (30, 90, 180, 365)
# Funnel steps: every address, then at least Z1, Z2, Z3, and Z4.
LIFECYCLE_STEPS = ("all", "Z1+", "Z2+", "Z3+", "Z4")


@dataclass(frozen=True)
class LifecycleMetrics:
    """funnel: step (LIFECYCLE_STEPS), addresses, step_rate (to the step
        before; null for "all" or when that step is 0), overall_rate (to all).
    second_order_rate: (Z3 + Z4) / (Z2 + Z3 + Z4), None without buyers.
    cohorts: see second_order_cohorts.
    days_to_second_order: days from first to second order (Int64), one per address that ordered twice.
    median_days_to_second_order: their median, None when nobody ordered twice.
    waiting_list: see waiting_list.
    """

    funnel: pl.DataFrame
    second_order_rate: float | None
    cohorts: pl.DataFrame
    days_to_second_order: pl.Series
    median_days_to_second_order: float | None
    waiting_list: pl.DataFrame


def compute_lifecycle_metrics(addresses: pl.DataFrame, segment_summary: pl.DataFrame, as_of: date,
                              likelihood: pl.DataFrame | None = None) -> LifecycleMetrics:
    funnel = lifecycle_funnel(segment_summary)
    days_to_second = addresses.select(
        days=days_between("first_order_date", "second_order_date")).drop_nulls()["days"]
    return LifecycleMetrics(
        funnel=funnel,
        # The Z2+ → Z3+ step is exactly (Z3 + Z4) / (Z2 + Z3 + Z4).
        second_order_rate=funnel.filter(pl.col("step") == "Z3+")["step_rate"].item(),
        cohorts=second_order_cohorts(addresses, as_of),
        days_to_second_order=days_to_second,
        median_days_to_second_order=days_to_second.median(),
        waiting_list=waiting_list(addresses, as_of, likelihood),
    )


def lifecycle_funnel(segment_summary: pl.DataFrame) -> pl.DataFrame:
    """step, addresses (Int64), step_rate, overall_rate from segments.segment_summary."""
    at_least = pl.col("addresses").cum_sum(reverse=True)
    return (
        segment_summary.sort("segment")
        .select(step=pl.Series(LIFECYCLE_STEPS), addresses=at_least)
        .with_columns(
            step_rate=ratio("addresses", pl.col("addresses").shift(1)),
            overall_rate=ratio("addresses", pl.col("addresses").first()),
        )
    )


def second_order_cohorts(addresses: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """One row per month of first order, oldest first.

    Columns: cohort_month (Date, first of month), buyers (Int64),
    second_buyers (ordered again by D), and per window W in COHORT_WINDOWS
    share_{W}d (second order at most W days after the first, over buyers) and
    complete_{W}d. A window is complete when it has elapsed for the cohort's
    latest possible first order: last day of the month + W days <= D. An
    incomplete window's share is null, not 0: its buyers may still order.
    """
    days_to_second = days_between("first_order_date", "second_order_date")
    month_end = pl.col("cohort_month").dt.month_end()
    return (
        addresses.filter(pl.col("first_order_date").is_not_null())
        .group_by(cohort_month=pl.col("first_order_date").dt.truncate("1mo"))
        .agg(
            *[(days_to_second <= w).sum().alias(f"within_{w}d") for w in COHORT_WINDOWS],
            buyers=pl.len().cast(pl.Int64),
            second_buyers=days_to_second.is_not_null().sum().cast(pl.Int64),
        )
        .with_columns((month_end + pl.duration(days=w) <= as_of).alias(f"complete_{w}d") for w in COHORT_WINDOWS)
        .select(
            "cohort_month",
            "buyers",
            "second_buyers",
            *[
                pl.when(f"complete_{w}d").then(ratio(f"within_{w}d", "buyers")).alias(f"share_{w}d")
                for w in COHORT_WINDOWS
            ],
            *[f"complete_{w}d" for w in COHORT_WINDOWS],
        )
        .sort("cohort_month")
    )


def waiting_list(addresses: pl.DataFrame, as_of: date, likelihood: pl.DataFrame | None = None) -> pl.DataFrame:
    """First-time buyers (Z2) still waiting for a second order, most promising first: by their call-list
    likelihood p (SPEC §3.7; customer_id, p, expected_value in `likelihood`), then expected value, then the
    oldest first order; without `likelihood`, oldest first order first. Columns: customer_id, company,
    owner, phone, first_order_date, days_since_first_order (Int64), p, expected_value (Float64)."""
    waiting = addresses.filter(pl.col("segment") == "Z2").select(
        "customer_id",
        "company",
        "owner",
        "phone",
        "first_order_date",
        days_since_first_order=days_between("first_order_date", as_of),
    )
    if likelihood is None:
        likelihood = pl.DataFrame(schema={"customer_id": pl.String, "p": pl.Float64, "expected_value": pl.Float64})
    return (waiting.join(likelihood.select("customer_id", "p", "expected_value"), on="customer_id", how="left",
                         maintain_order="left")
            .sort(["p", "expected_value", "first_order_date", "customer_id"], descending=[True, True, False, False],
                  nulls_last=True))
