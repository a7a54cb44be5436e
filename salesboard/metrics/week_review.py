"""The week in review: what happened in the reporting week W, address by address and per owner.

W is the latest complete ISO week (weekly.py). An address is a first (second, loyal) order of W when
its 1st (2nd, loyal_min_orders-th) order falls in W; a new prospect when it was Z0 at the end of W − 1
and is Z1 at the end of W; a loyal customer that became at risk when it is Z4 and at risk at the end of
W but was not both at the end of W − 1. At risk: the days since the last order exceed twice the usual
gap between its orders, and 45 days. A follow-up is settled in W when the address was overdue at the end
of W − 1 and is not at the end of W, newly overdue the other way round.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from salesboard.domain import STAGES, Rules
from salesboard.model import Tables

from .call_candidates import AT_RISK_MIN_DAYS, usual_gaps
from .expressions import days_between, reporting_week_end
from .facts import Facts, select_facts
from .followups import overdue_follow_ups
from .segments import addresses_as_of, segment_at

LARGEST_ORDERS = 10
REVIEW_COUNTS = ("first_orders", "second_orders", "new_loyal", "new_prospects", "became_at_risk")
_ACTIVITY_STAGES = STAGES[:-1]


@dataclass(frozen=True)
class WeekInReview:
    """start, end: W's Monday and Sunday. lists: REVIEW_COUNTS → the addresses (customer_id, company,
    owner, day: the date that put them on the list; for first, second and loyal orders also amount, the
    orders of that day), plus "largest_orders" (customer_id, company,
    owner, order_id, order_date, amount; the ten largest of W) and, with a list of offers,
    "offers_made", "offers_won", "offers_lost" (customer_id, company, owner, offer_id, day, amount).
    per_owner: owner (null: none), an activity count per stage, orders, revenue, settled, newly_overdue."""

    start: date
    end: date
    lists: dict[str, pl.DataFrame]
    per_owner: pl.DataFrame

    def counts(self) -> dict[str, int]:
        return {key: self.lists[key].height for key in REVIEW_COUNTS}


def at_risk_at(facts: Facts) -> pl.Series:
    """The customer IDs at risk as of facts.as_of (segment aside)."""
    last_order = facts.orders.group_by("customer_id").agg(last_order=pl.col("order_date").max())
    gaps = usual_gaps(facts.orders).join(last_order, on="customer_id")
    since = days_between("last_order", pl.lit(facts.as_of))
    return gaps.filter((since > 2 * pl.col("usual_gap")) & (since > AT_RISK_MIN_DAYS))["customer_id"]


def compute_week_review(tables: Tables, addresses: pl.DataFrame, facts: Facts, rules: Rules,
                        offer_states: pl.DataFrame | None) -> WeekInReview:
    """`addresses` and `facts` as of D; the week's own ends are looked at as of their Sundays."""
    end = reporting_week_end(facts.as_of)
    start, before = end - timedelta(days=6), end - timedelta(days=7)
    in_week = lambda column: pl.col(column).is_between(start, end)  # noqa: E731
    names = addresses.select("customer_id", "company", "owner")
    week_orders = facts.orders.filter(in_week("order_date"))
    # What the order that put an address on a list was worth: its orders of that day.
    day_totals = week_orders.group_by("customer_id", day="order_date").agg(amount=pl.col("amount").sum())
    reached = {"first_orders": "first_order_date", "second_orders": "second_order_date",
               "new_loyal": "loyal_order_date"}
    lists = {key: addresses.filter(in_week(column)).select("customer_id", "company", "owner", day=column)
             .join(day_totals, on=["customer_id", "day"], how="left").sort("day", "customer_id")
             for key, column in reached.items()}
    lists["new_prospects"] = addresses.filter((segment_at(before) == "Z0") & (segment_at(end) == "Z1")).select(
        "customer_id", "company", "owner", day=pl.min_horizontal("interest_date", "first_order_date"))
    at_end, at_before = (select_facts(tables, day) for day in (end, before))
    loyal_risk = {day: addresses.filter((segment_at(day) == "Z4")
                                        & pl.col("customer_id").is_in(at_risk_at(facts_at).implode()))["customer_id"]
                  for day, facts_at in ((end, at_end), (before, at_before))}
    lists["became_at_risk"] = addresses.filter(
        pl.col("customer_id").is_in(loyal_risk[end].implode())
        & ~pl.col("customer_id").is_in(loyal_risk[before].implode())).select(
        "customer_id", "company", "owner", day=pl.lit(end))
    lists["largest_orders"] = (week_orders.join(names, on="customer_id", how="left", suffix="_address")
                               .with_columns(owner=pl.coalesce("owner", "owner_address"))
                               .sort("amount", "order_date", descending=[True, False]).head(LARGEST_ORDERS)
                               .select("customer_id", "company", "owner", "order_id", "order_date", "amount"))
    if offer_states is not None:
        lists |= _offers_of_week(offer_states, names, start, end)
    overdue = {day: overdue_follow_ups(facts_at, addresses_as_of(addresses, facts_at), rules)["customer_id"]
               for day, facts_at in ((end, at_end), (before, at_before))}
    return WeekInReview(start, end, lists, _per_owner(facts, names, week_orders, overdue, start, end, before))


def _offers_of_week(states: pl.DataFrame, names: pl.DataFrame, start: date, end: date) -> dict[str, pl.DataFrame]:
    offers = states.join(names.select("customer_id", "company"), on="customer_id", how="left")

    def listed(rows: pl.DataFrame, day: str) -> pl.DataFrame:
        return rows.select("customer_id", "company", "owner", "offer_id", pl.col(day).alias("day"), "amount")

    return {
        "offers_made": listed(offers.filter(pl.col("offer_date").is_between(start, end)), "offer_date"),
        "offers_won": listed(offers.filter((pl.col("state") == "won") & pl.col("decided").is_between(start, end)),
                             "decided"),
        "offers_lost": listed(offers.filter((pl.col("state") == "lost") & pl.col("decided").is_between(start, end)),
                              "decided"),
    }


def _per_owner(facts: Facts, names: pl.DataFrame, week_orders: pl.DataFrame, overdue: dict[date, pl.Series],
               start: date, end: date, before: date) -> pl.DataFrame:
    """Per owner in W (the row's own owner, else the address's): activities by stage, orders, revenue
    (credit notes included), follow-ups settled and newly overdue."""
    owner_of = names.select("customer_id", address_owner="owner")

    def with_owner(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.join(owner_of, on="customer_id", how="left").with_columns(
            owner=pl.coalesce("owner", "address_owner"))

    activities = with_owner(facts.activities.filter(pl.col("date").is_between(start, end))).with_columns(
        stage=pl.col("stage").replace({"enquiry": "first_contact"}))
    by_stage = activities.group_by("owner").agg(
        *[(pl.col("stage") == stage).sum().cast(pl.Int64).alias(stage) for stage in _ACTIVITY_STAGES])
    bookings = with_owner(facts.bookings.filter(pl.col("order_date").is_between(start, end)))
    orders = with_owner(week_orders).group_by("owner").agg(orders=pl.len().cast(pl.Int64))
    revenue = bookings.group_by("owner").agg(revenue=pl.col("amount").sum())
    was, now = overdue[before], overdue[end]
    follow_ups = names.select("owner", settled=pl.col("customer_id").is_in(was.implode())
                              & ~pl.col("customer_id").is_in(now.implode()),
                              newly_overdue=pl.col("customer_id").is_in(now.implode())
                              & ~pl.col("customer_id").is_in(was.implode()))
    follow_ups = follow_ups.group_by("owner").agg(pl.col("settled").sum().cast(pl.Int64),
                                                  pl.col("newly_overdue").sum().cast(pl.Int64))
    owners = pl.concat([frame.select("owner") for frame in (by_stage, orders, revenue, follow_ups)]).unique()
    table = owners
    for part in (by_stage, orders, revenue, follow_ups):
        table = table.join(part, on="owner", how="left", nulls_equal=True)
    counts = [*_ACTIVITY_STAGES, "orders", "settled", "newly_overdue"]
    table = table.with_columns(pl.col(counts).fill_null(0), pl.col("revenue").fill_null(0.0))
    active = pl.sum_horizontal(pl.col(counts)) + pl.col("revenue").abs()
    return table.filter(active > 0).sort("owner", nulls_last=True).select("owner", *counts[:-3], "orders",
                                                                           "revenue", "settled", "newly_overdue")
