"""The weekly funnel over the 52 ISO weeks up to the reporting week, and how the reporting week compares.

The reporting week W is the latest complete ISO week (ending on D when D is a Sunday); the days after
it up to D are the running week, counted apart, since a week just begun would compare as nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from .expressions import TREND_WEEKS, recent_weeks, reporting_week_end, week_start
from .facts import Facts
from .stages import ACTIVITY_FUNNEL_STAGES, STAGE_RANK, activity_rank

# The counts of each week (distinct addresses), then its revenue.
WEEKLY_COUNTS = (*ACTIVITY_FUNNEL_STAGES, "orders", "first_orders", "second_orders")
WEEKLY_MEASURES = (*WEEKLY_COUNTS, "revenue")


@dataclass(frozen=True)
class WeeklyFunnel:
    """weeks: see weekly_funnel (the last row is the reporting week). comparison: see compare_current_week.
    reporting_week: ("YYYY-Www", its Monday, its Sunday). running: the running week's row of
    weekly_funnel (Monday after W up to D), None when D is a Sunday."""

    weeks: pl.DataFrame
    comparison: pl.DataFrame
    reporting_week: tuple[str, date, date]
    running: dict | None


def compute_weekly_funnel(facts: Facts, addresses: pl.DataFrame) -> WeeklyFunnel:
    end = reporting_week_end(facts.as_of)
    with_running = weekly_funnel(facts, addresses, TREND_WEEKS + 1)
    weeks = with_running.filter(pl.col("week_start") <= end).tail(TREND_WEEKS)
    running = with_running.filter(pl.col("week_start") > end)
    reporting = weeks.row(-1, named=True)
    return WeeklyFunnel(weeks=weeks, comparison=compare_current_week(weeks),
                        reporting_week=(reporting["week"], reporting["week_start"], end),
                        running=running.row(0, named=True) if running.height else None)


def weekly_funnel(facts: Facts, addresses: pl.DataFrame, weeks: int = TREND_WEEKS) -> pl.DataFrame:
    """One row per ISO week, oldest first, the last being D's week (up to D).

    Columns: week_start (Monday), week ("YYYY-Www"); Int64 counts
    first_contact, follow_up, meeting, chase, offer, negotiation (distinct
    addresses with an activity of that stage; enquiry counts as
    first_contact), orders (distinct customers ordering), first_orders
    (addresses whose first order, i.e. becoming Z2, fell in the week),
    second_orders (likewise their second order); revenue (Float64, credit
    notes included).
    """
    grid = recent_weeks(facts.as_of, weeks).select("week_start", "week")
    since = grid["week_start"].min()

    def per_week(frame: pl.DataFrame, date_column: str, **measures: pl.Expr) -> pl.DataFrame:
        return frame.filter(pl.col(date_column) >= since).group_by(week_start=week_start(date_column)).agg(**measures)

    in_stage = {
        stage: pl.col("customer_id").filter(pl.col("rank") == STAGE_RANK[stage]).n_unique()
        for stage in ACTIVITY_FUNNEL_STAGES
    }
    parts = [
        per_week(facts.activities.with_columns(rank=activity_rank()), "date", **in_stage),
        per_week(facts.orders, "order_date", orders=pl.col("customer_id").n_unique()),
        per_week(addresses, "first_order_date", first_orders=pl.len()),
        per_week(addresses, "second_order_date", second_orders=pl.len()),
        per_week(facts.bookings, "order_date", revenue=pl.col("amount").sum()),
    ]
    for part in parts:
        grid = grid.join(part, on="week_start", how="left", maintain_order="left")
    return grid.with_columns(
        pl.col(WEEKLY_COUNTS).fill_null(0).cast(pl.Int64), pl.col("revenue").fill_null(0.0).cast(pl.Float64)
    )


def compare_current_week(weekly: pl.DataFrame) -> pl.DataFrame:
    """The last week of `weekly` against the one before and the 4 before it.

    Columns: measure (WEEKLY_MEASURES order), current, previous,
    average_4_weeks (mean of the 4 weeks before the current one),
    change_vs_previous, change_vs_average (current minus each); all Float64.
    """
    value = pl.col("value").sort_by("week_start")
    return (
        weekly.select("week_start", pl.col(WEEKLY_MEASURES).cast(pl.Float64))
        .unpivot(on=list(WEEKLY_MEASURES), index="week_start", variable_name="measure", value_name="value")
        .group_by("measure", maintain_order=True)
        .agg(
            current=value.last(),
            previous=value.get(-2, null_on_oob=True),
            average_4_weeks=value.slice(-5, 4).mean(),
        )
        .with_columns(
            change_vs_previous=pl.col("current") - pl.col("previous"),
            change_vs_average=pl.col("current") - pl.col("average_4_weeks"),
        )
    )
