"""Overdue follow-ups ("Wiedervorlagen") with all their reasons."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from salesboard.domain import Rules

from .expressions import days_between
from .facts import Facts, once_per_facts

REASONS = ("due", "cadence", "offer_not_chased")


def overdue_follow_ups(facts: Facts, addresses: pl.DataFrame, rules: Rules) -> pl.DataFrame:
    """Each overdue address once, Z2 first, then most days overdue first.

    Reasons (a flag column each, and `reasons`, their list in REASONS order):
    - due: the follow-up date F is before D and no activity or order (amount
      > 0) is dated on or after F.
    - cadence: days since last_contact exceed the segment's cadence.
    - offer_not_chased: the most recent activity is an offer more than
      offer_chase_days before D and no order is dated on or after it. Looking
      at the most recent activity is the same as asking for any offer with no
      later activity: a later offer chases an earlier one.

    Columns: customer_id, company, owner, phone, segment, reasons
    (List[String]), due, cadence, offer_not_chased (Boolean), due_date (the
    earliest date a reason fell due), days_overdue (Int64, D - due_date, the
    largest over the reasons, >= 1), follow_up_date (F), last_contact.
    """
    as_of = facts.as_of
    # Each reason's days overdue worked out once, then read twice. A reason holds when they are positive:
    # "more than N days".
    overdue_days = {f"{reason}_days": days for reason, days in days_past_deadline(as_of, rules).items()}
    holds = {reason: (pl.col(f"{reason}_days") > 0).fill_null(False) for reason in REASONS}
    days_overdue = pl.max_horizontal(pl.when(holds[r]).then(f"{r}_days") for r in REASONS)
    return (
        addresses.select("customer_id", "company", "owner", "phone", "segment")
        .join(latest_contacts(facts), on="customer_id", how="left")
        .with_columns(**overdue_days)
        .with_columns(**holds, days_overdue=days_overdue)
        .filter(pl.col("days_overdue").is_not_null())
        .select(
            "customer_id",
            "company",
            "owner",
            "phone",
            "segment",
            # Joined and split again: ten times faster than concat_list with drop_nulls.
            pl.concat_str([pl.when(r).then(pl.lit(r)) for r in REASONS], separator=",", ignore_nulls=True)
            .str.split(",").alias("reasons"),
            *REASONS,
            (pl.lit(as_of) - pl.duration(days="days_overdue")).alias("due_date"),
            "days_overdue",
            "follow_up_date",
            "last_contact",
        )
        .sort(pl.col("segment") != "Z2", pl.col("days_overdue"), "customer_id", descending=[False, True, False])
    )


def days_past_deadline(as_of: date, rules: Rules) -> dict[str, pl.Expr]:
    """Per reason, the days an address is past that reason's deadline as of `as_of` (null or <= 0: it
    does not hold), over the columns of latest_contacts and a segment."""
    follow_up, offer_date, last_order = (
        pl.col("follow_up_date"),
        pl.col("last_activity_date"),
        pl.col("last_order_date"),
    )
    last_fact = pl.max_horizontal(offer_date, last_order)
    cadence = pl.col("segment").cast(pl.String).replace_strict(rules.cadence_days, default=None, return_dtype=pl.Int64)
    return {
        "due": pl.when((follow_up < as_of) & (last_fact.is_null() | (last_fact < follow_up))).then(
            days_between(follow_up, as_of)
        ),
        "cadence": days_between("last_contact", as_of) - cadence,
        "offer_not_chased": pl.when(
            (pl.col("last_activity_stage") == "offer") & (last_order.is_null() | (last_order < offer_date))
        ).then(days_between(offer_date, as_of) - rules.offer_chase_days),
    }


@once_per_facts
def latest_contacts(facts: Facts) -> pl.DataFrame:
    """Per address (every one): last_activity_date, last_activity_stage (of
    the most recent activity: latest date, then highest seq), last_order_date
    (amount > 0), last_note (the outcome of the most recent activity), follow_up_date (F: the most recent activity's
    next_follow_up if set, else the address's), last_contact (latest
    activity, order, campaign response or interest_since, all on or before D).
    """
    # One sort of all activities in reading order; within a group, last() is then the most recent.
    last_activity = facts.activities.sort("date", "seq").group_by("customer_id").agg(
        last_activity_date=pl.col("date").last(),
        last_activity_stage=pl.col("stage").last(),
        last_activity_follow_up=pl.col("next_follow_up").last(),
        last_note=pl.col("outcome").last(),
    )
    last_order = facts.orders.group_by("customer_id").agg(last_order_date=pl.col("order_date").max())
    last_response = facts.mailings.group_by("customer_id").agg(last_response_date=pl.col("response_date").max())
    interest_since = pl.when(pl.col("interest_since") <= facts.as_of).then("interest_since")
    return (
        facts.addresses.select("customer_id", "next_follow_up", "interest_since")
        .join(last_activity, on="customer_id", how="left")
        .join(last_order, on="customer_id", how="left")
        .join(last_response, on="customer_id", how="left")
        .select(
            "customer_id",
            "last_activity_date",
            "last_activity_stage",
            "last_order_date",
            "last_note",
            follow_up_date=pl.coalesce("last_activity_follow_up", "next_follow_up"),
            last_contact=pl.max_horizontal(
                "last_activity_date", "last_order_date", "last_response_date", interest_since
            ),
        )
    )


def follow_ups_due_soon(facts: Facts, addresses: pl.DataFrame) -> pl.DataFrame:
    """Follow-ups due today and in the rest of the current ISO week (not overdue, §3.4): F from D to the
    week's Sunday, with no activity or order dated on or after F. Earliest F first.

    Columns: customer_id, company, owner, phone, segment, follow_up_date, last_contact.
    """
    as_of = facts.as_of
    sunday = as_of + timedelta(days=6 - as_of.weekday())
    follow_up = pl.col("follow_up_date")
    last_fact = pl.max_horizontal("last_activity_date", "last_order_date")
    return (
        addresses.select("customer_id", "company", "owner", "phone", "segment")
        .join(latest_contacts(facts), on="customer_id", how="left", maintain_order="left")
        .filter(follow_up.is_between(as_of, sunday) & (last_fact.is_null() | (last_fact < follow_up)))
        .select("customer_id", "company", "owner", "phone", "segment", "follow_up_date", "last_contact")
        .sort("follow_up_date", "customer_id")
    )


def follow_up_counts(follow_ups: pl.DataFrame) -> dict[str, int]:
    """{overdue, due, cadence, offer_not_chased}: addresses with any / each reason."""
    return {"overdue": follow_ups.height, **{r: int(follow_ups[r].sum()) for r in REASONS}}
