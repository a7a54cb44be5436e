"""The facts that count as of D, and what each address has done by then.

Every metric starts here: only facts dated on or before D count, while the
address set is every row of tables.addresses whatever D is.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from salesboard.domain import Rules
from salesboard.model import Tables

from .expressions import year_before

# Activity stages that show interest and so make an address without orders Z1.
INTEREST_STAGES = ("enquiry", "meeting", "offer", "negotiation")


@dataclass(frozen=True)
class Facts:
    """The input tables cut at `as_of` (all columns as in salesboard.model).

    addresses: tables.addresses unchanged.
    bookings: orders and credit notes dated <= D (everything that is revenue).
    orders: bookings with amount > 0 (what counts as an order).
    activities: activities dated <= D.
    mailings: campaign rows sent <= D; response_date is the date of a response
        on or before D (the send date when only "yes" was given), else null.
    """

    as_of: date
    addresses: pl.DataFrame
    bookings: pl.DataFrame
    orders: pl.DataFrame
    activities: pl.DataFrame
    mailings: pl.DataFrame
    # What once_per_facts functions made of these facts, by function.
    derived: dict[str, pl.DataFrame] = field(default_factory=dict, compare=False, repr=False)


def once_per_facts(function: Callable[[Facts], pl.DataFrame]) -> Callable[[Facts], pl.DataFrame]:
    """A frame that is a function of the facts alone, made once per Facts: several metrics read it."""

    @functools.wraps(function)
    def once(facts: Facts) -> pl.DataFrame:
        key = f"{function.__module__}.{function.__qualname__}"
        if key not in facts.derived:
            facts.derived[key] = function(facts)
        return facts.derived[key]

    return once


def select_facts(tables: Tables, as_of: date) -> Facts:
    """Keep the facts dated on or before `as_of`; undated facts never count."""
    bookings = tables.orders.filter(pl.col("order_date") <= as_of)
    responded_on = pl.coalesce("response_date", "sent_date")
    mailings = tables.campaigns.filter(pl.col("sent_date") <= as_of).with_columns(
        response_date=pl.when(pl.col("responded") & (responded_on <= as_of)).then(responded_on)
    )
    return Facts(
        as_of=as_of,
        addresses=tables.addresses,
        bookings=bookings,
        orders=bookings.filter(pl.col("amount") > 0),
        activities=tables.activities.filter(pl.col("date") <= as_of),
        mailings=mailings,
    )


def order_milestones(facts: Facts, rules: Rules) -> pl.DataFrame:
    """Per customer with orders: order_count (UInt32), the dates its order
    count reached 1, 2 and loyal_min_orders (first_order_date,
    second_order_date, loyal_order_date; null when not reached) and the
    date of its last order (last_order_date).

    Knowing when each threshold was crossed gives the segment at any earlier
    date without recomputing (see segments.segment_at).
    """
    # Sorted once before grouping (groups keep the row order): three times faster than sorting per group.
    dates = pl.col("order_date")
    return facts.orders.select("customer_id", "order_date").sort("order_date").group_by("customer_id").agg(
        order_count=pl.len(),
        first_order_date=dates.first(),
        second_order_date=dates.get(1, null_on_oob=True),
        loyal_order_date=dates.get(rules.loyal_min_orders - 1, null_on_oob=True),
        last_order_date=dates.last(),
    )


def revenue_by_address(facts: Facts) -> pl.DataFrame:
    """Per customer with bookings: revenue_total and revenue_12m (Float64).

    The last 12 months are the dates after the same calendar day a year
    before D, up to D, credit notes included.
    """
    since = year_before(facts.as_of)
    return facts.bookings.group_by("customer_id").agg(
        revenue_total=pl.col("amount").sum(),
        revenue_12m=pl.col("amount").filter(pl.col("order_date") > since).sum(),
    )


def interest_dates(facts: Facts) -> pl.DataFrame:
    """Per customer: interest_date, the first date it showed interest — its
    interest_since, an enquiry/meeting/offer/negotiation activity or a
    campaign response — on or before D."""
    return interest_signals(facts).select("customer_id", "interest_date")


@once_per_facts
def interest_signals(facts: Facts) -> pl.DataFrame:
    """Per customer: interest_date and interest_signal, the first and the latest
    date it showed interest (as interest_dates reads it) on or before D. The
    segments read the first, the call list the latest: one pass for both."""
    shown = [
        _interest_since(facts),
        facts.activities.filter(pl.col("stage").is_in(INTEREST_STAGES)).select("customer_id", day="date"),
        _responses(facts),
    ]
    return pl.concat(shown).group_by("customer_id").agg(interest_date=pl.col("day").min(),
                                                        interest_signal=pl.col("day").max())


def _interest_since(facts: Facts) -> pl.DataFrame:
    return facts.addresses.select("customer_id", day="interest_since").filter(pl.col("day") <= facts.as_of)


def _responses(facts: Facts) -> pl.DataFrame:
    return facts.mailings.select("customer_id", day="response_date").drop_nulls("day")
