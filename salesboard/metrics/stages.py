"""Sales-stage funnel: the highest stage each address reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from salesboard.domain import STAGES

from .expressions import days_between, monday_of, ratio
from .facts import Facts

ORDER_STAGE = STAGES[-1]
STAGE_RANK = {stage: rank for rank, stage in enumerate(STAGES)}
# Activity stage -> rank of its funnel stage: an enquiry is a first contact;
# "other" is no stage. Activities never reach the order stage.
ACTIVITY_RANK = {stage: STAGE_RANK[stage] for stage in STAGES if stage != ORDER_STAGE} | {
    "enquiry": STAGE_RANK["first_contact"]
}
ACTIVITY_FUNNEL_STAGES = STAGES[:-1]
# "The last 12 weeks": the 12 ISO weeks ending with the week of D.
RECENT_WEEKS = 12


@dataclass(frozen=True)
class StageMetrics:
    """funnel: period ("all_time" | "last_12_weeks"), stage (STAGES order),
        addresses (Int64: highest stage reached in the period >= stage),
        step_rate (to the stage before), cumulative_rate (to first_contact);
        rates null when the denominator is 0 or for the first stage.
    recent_since: first day of the last-12-weeks period (a Monday).
    median_days_first_contact_to_order: None when no address qualifies.
    """

    funnel: pl.DataFrame
    recent_since: date
    median_days_first_contact_to_order: float | None


def activity_rank(column: str = "stage") -> pl.Expr:
    """The STAGES index of an activity's funnel stage (Int64), null for "other"."""
    return pl.col(column).replace_strict(ACTIVITY_RANK, default=None, return_dtype=pl.Int64)


def compute_stage_metrics(facts: Facts, addresses: pl.DataFrame) -> StageMetrics:
    events = stage_events(facts)
    recent_since = monday_of(facts.as_of) - timedelta(weeks=RECENT_WEEKS - 1)
    funnel = pl.concat(
        [
            stage_funnel(events).select(pl.lit("all_time").alias("period"), pl.all()),
            stage_funnel(events.filter(pl.col("date") >= recent_since)).select(
                pl.lit("last_12_weeks").alias("period"), pl.all()
            ),
        ]
    )
    return StageMetrics(
        funnel=funnel,
        recent_since=recent_since,
        median_days_first_contact_to_order=median_days_first_contact_to_order(events, addresses),
    )


def stage_events(facts: Facts) -> pl.DataFrame:
    """customer_id, date, rank (Int64, index in STAGES): every activity with a
    funnel stage and every order (amount > 0) on or before D."""
    activities = facts.activities.select("customer_id", "date", rank=activity_rank()).drop_nulls("rank")
    orders = facts.orders.select("customer_id", date="order_date", rank=pl.lit(STAGE_RANK[ORDER_STAGE], pl.Int64))
    return pl.concat([activities, orders])


def stage_funnel(events: pl.DataFrame) -> pl.DataFrame:
    """stage, addresses, step_rate, cumulative_rate from stage_events rows."""
    highest = events.group_by("customer_id").agg(rank=pl.col("rank").max()).group_by("rank").agg(n=pl.len())
    addresses = pl.col("addresses")
    return (
        pl.DataFrame({"stage": STAGES, "rank": range(len(STAGES))}, schema={"stage": pl.String, "rank": pl.Int64})
        .join(highest, on="rank", how="left")
        .sort("rank")
        # Reached at least a stage = highest stage is that one or a later one.
        .select("stage", addresses=pl.col("n").fill_null(0).cast(pl.Int64).cum_sum(reverse=True))
        .with_columns(
            step_rate=ratio(addresses, addresses.shift(1)), cumulative_rate=ratio(addresses, addresses.first())
        )
    )


def median_days_first_contact_to_order(events: pl.DataFrame, addresses: pl.DataFrame) -> float | None:
    """Median days from an address's first funnel activity to its first order,
    over addresses whose first contact is on or before their first order
    (customers whose contacts were only logged later say nothing about it)."""
    first_contact = (
        events.filter(pl.col("rank") < STAGE_RANK[ORDER_STAGE])
        .group_by("customer_id")
        .agg(first_contact=pl.col("date").min())
    )
    days = days_between("first_contact", "first_order_date")
    return addresses.join(first_contact, on="customer_id").select(days.filter(days >= 0).median()).item()
