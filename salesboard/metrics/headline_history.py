"""The overview's key figures at the end of each of the last weeks, for the cards' sparklines.

Computed from what is known as of D, without classifying the addresses again for every week: customers
and the second-order rate from each address's first and second order dates, revenue over the 12 months
up to each day from the bookings, the overdue follow-ups from the facts as they arrived (overdue_history).
The address count does not depend on the date.
"""
from __future__ import annotations

from datetime import timedelta

import polars as pl

from salesboard.domain import Rules

from .expressions import year_before
from .facts import Facts
from .overdue_history import overdue_history

SPARK_WEEKS = 12


def headline_history(facts: Facts, addresses: pl.DataFrame, rules: Rules, weeks: int = SPARK_WEEKS) -> pl.DataFrame:
    """day (D − 7·k for k = weeks − 1 … 0, oldest first), customers (Int64), second_order_rate (Float64,
    null without customers), revenue_12m (Float64), overdue (Int64): each as compute_headline would give
    as of that day."""
    days = [facts.as_of - timedelta(days=7 * k) for k in range(weeks - 1, -1, -1)]
    first = addresses["first_order_date"].drop_nulls().sort()
    second = addresses["second_order_date"].drop_nulls().sort()
    bookings = facts.bookings.select("order_date", "amount")
    rows = []
    for day in days:
        customers = int(first.search_sorted(day, side="right"))
        repeat = int(second.search_sorted(day, side="right"))
        revenue = bookings.filter(pl.col("order_date").is_between(year_before(day), day, closed="right"))
        rows.append((day, customers, repeat / customers if customers else None, float(revenue["amount"].sum())))
    figures = pl.DataFrame(rows, schema={"day": pl.Date, "customers": pl.Int64, "second_order_rate": pl.Float64,
                                         "revenue_12m": pl.Float64}, orient="row")
    return figures.join(overdue_history(facts, addresses, rules, weeks), on="day", maintain_order="left")

