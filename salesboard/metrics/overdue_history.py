"""How many follow-ups were overdue at the end of each of the last weeks, for the card's sparkline.

Running the follow-up rule (followups.overdue_follow_ups) once per day costs a whole evaluation a day;
here the rule runs once. Each fact counts from the first of the days that sees it, so what an address knows changes only
on the days its facts arrive. Between two such days its follow-up date, last contact, last offer and
segment stand still, and a reason, once it holds, holds on every later day: the address is overdue from
the first day past its earliest deadline until its next change.
"""
from __future__ import annotations

import polars as pl

from salesboard.domain import Rules

from .expressions import days_between
from .facts import INTEREST_STAGES, Facts
from .followups import days_past_deadline
from .segments import segment_at


def overdue_history(facts: Facts, addresses: pl.DataFrame, rules: Rules, weeks: int) -> pl.DataFrame:
    """day (D − 7·k for k = weeks − 1 … 0, oldest first), overdue (Int64): the number of rows
    overdue_follow_ups gives as of that day. `addresses` as classify_addresses gives them as of D (the
    days an address reached each number of orders are the same whatever the day)."""
    as_of, last = facts.as_of, weeks - 1

    def per_day(frame: pl.DataFrame, seen: str, **measures: pl.Expr) -> pl.DataFrame:
        """Per address and index i of the first day on or after `seen` (0 for any date before the first
        day), sorted by i."""
        first_day = (last - days_between(seen, as_of) // 7).clip(lower_bound=0)
        return frame.group_by("customer_id", i=first_day).agg(**measures).sort("i")

    # A response counts once its campaign was sent and the response came in (as in select_facts).
    responses = facts.mailings.drop_nulls("response_date").with_columns(
        seen=pl.max_horizontal("sent_date", "response_date"))
    activity = pl.struct(last_activity_date="date", last_activity_stage="stage",
                         last_activity_follow_up="next_follow_up")
    changes = [
        # Sorted once: in each group the last row is the most recent activity (latest date, then row).
        per_day(facts.activities.sort("date", "seq"), "date", activity=activity.last()),
        per_day(facts.orders, "order_date", last_order_date=pl.col("order_date").max()),
        # A response seen later may carry an earlier date: the latest so far is what counts.
        per_day(responses, "seen", last_response_date=pl.col("response_date").max()).sort("customer_id", "i")
        .with_columns(pl.col("last_response_date").cum_max().over("customer_id")).sort("i"),
    ]
    interest_since = facts.addresses.filter(pl.col("interest_since") <= as_of)
    # Every address is seen on the first day and again on each day a fact of it arrives.
    states = pl.concat([addresses.select("customer_id", i=pl.lit(0, pl.Int64)),
                        *(part.select("customer_id", "i") for part in changes),
                        per_day(interest_since, "interest_since").select("customer_id", "i")]).unique().sort("i")
    for part in changes:
        # The latest change up to each day (facts of one day are already summed up in one row).
        states = states.join_asof(part, on="i", by="customer_id", check_sortedness=False)
    day = pl.lit(as_of) - pl.duration(days=7 * (last - pl.col("i")))
    # Each state lasts until the address's next change, or past the last day.
    same_address = pl.col("customer_id").shift(-1) == pl.col("customer_id")
    states = (
        states.sort("customer_id", "i")
        .with_columns(until=pl.when(same_address).then(pl.col("i").shift(-1)).otherwise(weeks))
        .unnest("activity")
        .join(_address_dates(facts, addresses, responses), on="customer_id", how="left")
        .with_columns(segment=segment_at(day),
                      follow_up_date=pl.coalesce("last_activity_follow_up", "next_follow_up"),
                      last_contact=pl.max_horizontal("last_activity_date", "last_order_date", "last_response_date",
                                                     pl.when(pl.col("interest_since") <= day).then("interest_since")))
    )
    # Days past the earliest deadline as of D, for the address as it stands from day i: overdue on each day
    # i' with 7·(last − i') fewer days than that, from i' = last + 1 − ⌈days / 7⌉.
    past = pl.max_horizontal(days_past_deadline(as_of, rules).values())
    start = pl.max_horizontal("i", last + 1 - (past + 6) // 7)
    overdue = states.filter(past.is_not_null() & (start < pl.col("until"))).select(start=start, until="until")
    # +1 on the first day an address is overdue, −1 on the day that ends it, summed up day by day.
    steps = pl.concat([overdue.select(i="start", step=pl.lit(1)), overdue.select(i="until", step=pl.lit(-1))])
    return (
        pl.DataFrame({"i": pl.int_range(0, weeks, eager=True, dtype=pl.Int64)})
        .join(steps.group_by("i").agg(pl.col("step").sum()), on="i", how="left")
        .sort("i")
        .select(day=day, overdue=pl.col("step").fill_null(0).cum_sum().cast(pl.Int64))
    )


def _address_dates(facts: Facts, addresses: pl.DataFrame, responses: pl.DataFrame) -> pl.DataFrame:
    """Per address: its own follow-up and interest dates, and the dates its segment rises (the interest
    date being the first day any sign of interest was seen)."""
    interest_seen = pl.concat([
        facts.addresses.select("customer_id", day="interest_since"),
        facts.activities.filter(pl.col("stage").is_in(INTEREST_STAGES)).select("customer_id", day="date"),
        responses.select("customer_id", day="seen"),
    ]).filter(pl.col("day") <= facts.as_of).group_by("customer_id").agg(interest_date=pl.col("day").min())
    return (
        addresses.select("customer_id", "first_order_date", "second_order_date", "loyal_order_date")
        .join(interest_seen, on="customer_id", how="left")
        .join(facts.addresses.select("customer_id", "next_follow_up", "interest_since"), on="customer_id",
              how="left")
    )
