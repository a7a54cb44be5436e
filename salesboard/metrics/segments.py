"""Segments Z0-Z4 per address and what is reported about them.

An address's segment at any date t <= D follows from four dates: when it
first showed interest and when its order count reached 1, 2 and the loyal
threshold. classify_addresses records them once; segment_at turns them into a
segment for any t, so history, migration and campaigns never recompute facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from salesboard.domain import SEGMENTS, Rules
from salesboard.model import SEGMENT_DTYPE

from .expressions import TREND_WEEKS, IntoDate, as_expr, recent_weeks, week_start
from .facts import Facts, interest_dates, order_milestones, revenue_by_address

# The date from which an address is at least this segment.
_REACHED = {
    "Z1": pl.min_horizontal("interest_date", "first_order_date"),
    "Z2": pl.col("first_order_date"),
    "Z3": pl.col("second_order_date"),
    "Z4": pl.col("loyal_order_date"),
}


@dataclass(frozen=True)
class SegmentMetrics:
    """summary: segment, addresses, revenue_12m, revenue_total (one row per segment).
    by_owner: owner (null when none), segment, addresses (every segment per owner).
    history: week_start, week, snapshot_date, Z0..Z4 (counts at each week's end).
    migration: from_segment, to_segment, addresses (all 25 pairs).
    migration_start: the date migration counts from (D - migration_days).
    """

    summary: pl.DataFrame
    by_owner: pl.DataFrame
    history: pl.DataFrame
    migration: pl.DataFrame
    migration_start: date


def segment_at(when: IntoDate) -> pl.Expr:
    """The segment (Enum Z0..Z4) at `when` — a date, or a Date column/expression
    for a different day per row — over classify_addresses' columns."""
    t = as_expr(when)
    return (
        pl.when(pl.col("loyal_order_date") <= t)
        .then(pl.lit("Z4"))
        .when(pl.col("second_order_date") <= t)
        .then(pl.lit("Z3"))
        .when(pl.col("first_order_date") <= t)
        .then(pl.lit("Z2"))
        .when(pl.col("interest_date") <= t)
        .then(pl.lit("Z1"))
        .otherwise(pl.lit("Z0"))
        .cast(SEGMENT_DTYPE)
    )


def classify_addresses(facts: Facts, rules: Rules) -> pl.DataFrame:
    """One row per address (every row of tables.addresses), in address order.

    Columns: customer_id, company, contact, phone, owner, listed,
    order_count (Int64), first_order_date, second_order_date,
    loyal_order_date, last_order_date, interest_date, revenue_12m, revenue_total (Float64,
    0 without bookings), segment (Enum Z0..Z4, as of D).
    """
    return (
        facts.addresses.select("customer_id", "company", "contact", "phone", "owner", "listed")
        .join(order_milestones(facts, rules), on="customer_id", how="left", maintain_order="left")
        .join(interest_dates(facts), on="customer_id", how="left", maintain_order="left")
        .join(revenue_by_address(facts), on="customer_id", how="left", maintain_order="left")
        .with_columns(
            pl.col("order_count").fill_null(0).cast(pl.Int64),
            pl.col("revenue_12m", "revenue_total").fill_null(0.0),
        )
        .with_columns(segment=segment_at(facts.as_of))
    )


def addresses_as_of(addresses: pl.DataFrame, facts: Facts) -> pl.DataFrame:
    """classify_addresses' rows as of an earlier day (facts.as_of), from those as of D: the orders up to
    that day are the first of D's, so an order threshold was reached by then when its date is on or before
    it. The interest date is worked out again from the day's facts: a response dated before its campaign
    was sent counts only from the sending. Columns: customer_id, company, contact, phone, owner, listed,
    the four dates and segment (order counts and revenue, which D's rows cannot tell, are left out)."""
    day = facts.as_of
    reached = ("first_order_date", "second_order_date", "loyal_order_date")
    return (addresses.select("customer_id", "company", "contact", "phone", "owner", "listed",
                             *[pl.when(pl.col(name) <= day).then(name).alias(name) for name in reached])
            .join(interest_dates(facts), on="customer_id", how="left", maintain_order="left")
            .with_columns(segment=segment_at(day)))


def compute_segment_metrics(addresses: pl.DataFrame, as_of: date, rules: Rules) -> SegmentMetrics:
    start = as_of - timedelta(days=rules.migration_days)
    return SegmentMetrics(
        summary=segment_summary(addresses),
        by_owner=segments_by_owner(addresses),
        history=segment_history(addresses, as_of),
        migration=segment_migration(addresses, start, as_of),
        migration_start=start,
    )


def segment_frame(name: str = "segment") -> pl.DataFrame:
    """Z0..Z4 as a one-column frame, to give every segment a row."""
    return pl.DataFrame({name: SEGMENTS}, schema={name: SEGMENT_DTYPE})


def segment_summary(addresses: pl.DataFrame) -> pl.DataFrame:
    """segment, addresses (Int64), revenue_12m, revenue_total; Z0..Z4 in order."""
    per_segment = addresses.group_by("segment").agg(
        addresses=pl.len().cast(pl.Int64),
        revenue_12m=pl.col("revenue_12m").sum(),
        revenue_total=pl.col("revenue_total").sum(),
    )
    return (
        segment_frame()
        .join(per_segment, on="segment", how="left", maintain_order="left")
        .with_columns(pl.col("addresses").fill_null(0), pl.col("revenue_12m", "revenue_total").fill_null(0.0))
    )


def segments_by_owner(addresses: pl.DataFrame) -> pl.DataFrame:
    """owner, segment, addresses (Int64): every owner x segment, sorted by
    owner (addresses without owner last) then segment."""
    counts = addresses.group_by("owner", "segment").agg(addresses=pl.len().cast(pl.Int64))
    owners = addresses.select("owner").unique()
    return (
        owners.join(segment_frame(), how="cross")
        .join(counts, on=["owner", "segment"], how="left", nulls_equal=True)
        .with_columns(pl.col("addresses").fill_null(0))
        .sort("owner", "segment", nulls_last=True)
    )


def segment_history(addresses: pl.DataFrame, as_of: date, weeks: int = TREND_WEEKS) -> pl.DataFrame:
    """Segment counts at the end of each of the last `weeks` ISO weeks.

    Columns: week_start, week ("YYYY-Www"), snapshot_date (Sunday, or D in
    the current week), Z0..Z4 (Int64). Counted cumulatively: the number of
    addresses at least Z1..Z4 at a snapshot is the number that reached it by
    then; each segment's count is the difference of neighbouring levels.
    """
    grid = recent_weeks(as_of, weeks)
    first_week = grid["week_start"].min()
    reached = (
        addresses.select(**_REACHED)
        .unpivot(variable_name="level", value_name="reached_on")
        .drop_nulls("reached_on")
        # Reached before the first week: already counted at its snapshot.
        .group_by("level", week_start=pl.max_horizontal(week_start("reached_on"), pl.lit(first_week)))
        .agg(newly=pl.len().cast(pl.Int64))
    )
    at_least = (
        grid.join(pl.DataFrame({"level": list(_REACHED)}), how="cross")
        .join(reached, on=["level", "week_start"], how="left")
        .sort("level", "week_start")
        .with_columns(at_least=pl.col("newly").fill_null(0).cum_sum().over("level"))
        .pivot(on="level", on_columns=list(_REACHED), index=["week_start", "week", "snapshot_date"], values="at_least")
        .sort("week_start")
    )
    # at_least for Z0 is every address and nobody is above Z4.
    levels = [pl.lit(addresses.height, pl.Int64), *map(pl.col, _REACHED), pl.lit(0, pl.Int64)]
    return at_least.select(
        "week_start",
        "week",
        "snapshot_date",
        *[(levels[i] - levels[i + 1]).alias(segment) for i, segment in enumerate(SEGMENTS)],
    )


def segment_migration(addresses: pl.DataFrame, start: date, end: date) -> pl.DataFrame:
    """from_segment (at `start`), to_segment (at `end`), addresses (Int64):
    all 25 pairs, zeros included, in segment order."""
    moves = addresses.group_by(from_segment=segment_at(start), to_segment=segment_at(end)).agg(
        addresses=pl.len().cast(pl.Int64)
    )
    return (
        segment_frame("from_segment")
        .join(segment_frame("to_segment"), how="cross")
        .join(moves, on=["from_segment", "to_segment"], how="left")
        .with_columns(pl.col("addresses").fill_null(0))
        .sort("from_segment", "to_segment")
    )
