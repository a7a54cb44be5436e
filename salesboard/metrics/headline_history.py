"""The overview's key figures at the end of each of the last weeks, for the cards' sparklines.

Computed from what is known as of D, without classifying the addresses again for every week: customers
and the second-order rate from each address's first and second order dates, revenue over the 12 months
up to each day from the bookings, the overdue follow-ups from the facts as they arrived (overdue_history).
The address count does not depend on the date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from salesboard.domain import Rules

from .facts import Facts
from .overdue_history import overdue_history

SPARK_WEEKS = 12


@dataclass(frozen=True)
class Headline:
    """The overview's key figures, which the site also shows for seven days earlier."""

    addresses: int
    customers: int
    revenue_12m: float
    second_order_rate: float | None
    overdue: int


def headline_of(addresses: pl.DataFrame, overdue: int) -> Headline:
    """The key figures of classify_addresses' rows and the number of overdue follow-ups."""
    buyers = addresses.filter(pl.col("order_count") > 0)
    repeat = buyers.filter(pl.col("order_count") >= 2).height
    return Headline(
        addresses=addresses.height,
        customers=buyers.height,
        revenue_12m=float(addresses["revenue_12m"].sum()),
        second_order_rate=repeat / buyers.height if buyers.height else None,
        overdue=overdue,
    )


def headline_on(history: pl.DataFrame, day: date, addresses: int) -> Headline:
    """The key figures on `day`, one of the days of headline_history's `history`; `addresses` does not
    depend on the day."""
    row = history.filter(pl.col("day") == day).row(0, named=True)
    return Headline(addresses=addresses, customers=row["customers"], revenue_12m=row["revenue_12m"],
                    second_order_rate=row["second_order_rate"], overdue=row["overdue"])


def headline_history(facts: Facts, addresses: pl.DataFrame, rules: Rules, weeks: int = SPARK_WEEKS) -> pl.DataFrame:
    """day (D − 7·k for k = weeks − 1 … 0, oldest first), customers (Int64), second_order_rate (Float64,
    null without customers), revenue_12m (Float64), overdue (Int64): each as classifying every address
    as of that day would give."""
    history = overdue_history(facts, addresses, rules, weeks)  # day, overdue
    days = history["day"]
    customers = addresses["first_order_date"].drop_nulls().sort().search_sorted(days, side="right")
    repeat = addresses["second_order_date"].drop_nulls().sort().search_sorted(days, side="right")
    # The bookings summed up day by day: the 12 months up to a day are the sum up to it less the sum up to
    # the same day a year before.
    booked = (facts.bookings.group_by("order_date").agg(pl.col("amount").sum()).sort("order_date")
              .select("order_date", booked=pl.col("amount").cum_sum()))
    ends = pl.DataFrame({"day": days, "since": days.dt.offset_by("-1y")})
    upto = {on: ends.join_asof(booked, left_on=on, right_on="order_date")["booked"].fill_null(0.0)
            for on in ("day", "since")}
    return history.select(
        "day",
        customers=customers.cast(pl.Int64),
        second_order_rate=pl.when(customers > 0).then(repeat / customers),
        revenue_12m=upto["day"] - upto["since"],
        overdue="overdue",
    )

