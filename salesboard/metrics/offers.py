"""The offers pipeline: each offer's state as of D, open offers by age and owner, hit rates, offers to chase.

An offer without a status word is won when its customer orders within `offer_win_days` after the
offer date (the order on or after that date, up to D), lost when it is past its validity date — or,
without one, more than 90 days old — without such an order, and open otherwise. A status word in
the list overrides the inference.
"""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from salesboard.domain import OFFER_LOST_AFTER_DAYS, Rules

from .expressions import days_between, ratio, year_before
from .facts import Facts

# Age of an open offer in days: (label, lowest, highest); None: no upper bound.
AGE_BUCKETS = (("0-14", 0, 14), ("15-30", 15, 30), ("31-60", 31, 60), (">60", 61, None))


@dataclass(frozen=True)
class OfferMetrics:
    """offers: every offer dated on or before D — customer_id, offer_id, offer_date, amount, owner,
        valid_until, state (open/won/lost), decided (won: the order's date, lost: the validity's end,
        or the list's decision date), age_days (D − offer date), last_contact (latest activity or order
        after the offer), recent (dated in the 12 months up to D).
    open_by_age: bucket (AGE_BUCKETS order), offers, value.
    open_by_owner: owner (null when none), offers, value.
    hit_rates: owner (null row = everyone), won, lost, won_value, lost_value, hit_rate, hit_rate_value
        over the offers of the last 12 months.
    median_days_to_decision: over won and lost offers with a decision date; None without any.
    to_chase: the open offers older than offer_chase_days with no activity or order of the address
        after them, oldest first.
    """

    offers: pl.DataFrame
    open_by_age: pl.DataFrame
    open_by_owner: pl.DataFrame
    hit_rates: pl.DataFrame
    median_days_to_decision: float | None
    to_chase: pl.DataFrame


def compute_offer_metrics(offers: pl.DataFrame, facts: Facts, rules: Rules) -> OfferMetrics:
    states = offer_states(offers, facts, rules)
    open_offers = states.filter(pl.col("state") == "open")
    decided = states.filter(pl.col("state") != "open")
    return OfferMetrics(
        offers=states,
        open_by_age=_by_age(open_offers),
        open_by_owner=open_offers.group_by("owner").agg(offers=pl.len().cast(pl.Int64), value=pl.col("amount").sum())
        .sort("owner", nulls_last=True),
        hit_rates=hit_rates(states),
        median_days_to_decision=decided.select(days_between("offer_date", "decided").median()).item(),
        to_chase=open_offers.filter((pl.col("age_days") > rules.offer_chase_days) & pl.col("last_contact").is_null())
        .sort("offer_date", "customer_id"),
    )


def offer_states(offers: pl.DataFrame, facts: Facts, rules: Rules) -> pl.DataFrame:
    as_of = facts.as_of
    dated = offers.filter(pl.col("offer_date") <= as_of).with_row_index("_offer")
    first_order = (
        dated.select("_offer", "customer_id", "offer_date")
        .join(facts.orders.select("customer_id", "order_date"), on="customer_id")
        .filter((pl.col("order_date") >= pl.col("offer_date"))
                & (pl.col("order_date") <= pl.col("offer_date") + pl.duration(days=rules.offer_win_days)))
        .group_by("_offer").agg(won_on=pl.col("order_date").min())
    )
    later = pl.concat([facts.activities.select("customer_id", day="date"),
                       facts.orders.select("customer_id", day="order_date")])
    last_contact = (
        dated.select("_offer", "customer_id", "offer_date").join(later, on="customer_id")
        .filter(pl.col("day") > pl.col("offer_date")).group_by("_offer").agg(last_contact=pl.col("day").max())
    )
    lost_on = pl.coalesce("valid_until", pl.col("offer_date") + pl.duration(days=OFFER_LOST_AFTER_DAYS))
    inferred = (pl.when(pl.col("won_on").is_not_null()).then(pl.lit("won"))
                .when(lost_on < pl.lit(as_of)).then(pl.lit("lost")).otherwise(pl.lit("open")))
    inferred_decided = (pl.when(pl.col("won_on").is_not_null()).then("won_on")
                        .when(lost_on < pl.lit(as_of)).then(lost_on))
    return (
        dated.join(first_order, on="_offer", how="left").join(last_contact, on="_offer", how="left")
        .with_columns(state=pl.coalesce("status", inferred),
                      decided=pl.when(pl.col("status").is_null()).then(inferred_decided).otherwise("decided"),
                      age_days=days_between("offer_date", pl.lit(as_of)),
                      recent=pl.col("offer_date") > year_before(as_of))
        .select("customer_id", "offer_id", "offer_date", "amount", "owner", "product", "valid_until", "state",
                "decided", "age_days", "last_contact", "recent")
    )


def _by_age(open_offers: pl.DataFrame) -> pl.DataFrame:
    bucket = pl.lit(None, pl.String)
    for label, low, high in reversed(AGE_BUCKETS):
        inside = pl.col("age_days") >= low if high is None else pl.col("age_days").is_between(low, high)
        bucket = pl.when(inside).then(pl.lit(label)).otherwise(bucket)
    counts = open_offers.group_by(bucket=bucket).agg(offers=pl.len().cast(pl.Int64), value=pl.col("amount").sum())
    return (pl.DataFrame({"bucket": [label for label, _, _ in AGE_BUCKETS]})
            .join(counts, on="bucket", how="left", maintain_order="left")
            .with_columns(pl.col("offers").fill_null(0), pl.col("value").fill_null(0.0)))


def hit_rates(states: pl.DataFrame) -> pl.DataFrame:
    """Won ÷ (won + lost) by count and by value over the offers of the last 12 months: everyone (owner
    null, first row), then per owner."""
    recent = states.filter(pl.col("recent"))
    measures = [
        (pl.col("state") == "won").sum().cast(pl.Int64).alias("won"),
        (pl.col("state") == "lost").sum().cast(pl.Int64).alias("lost"),
        pl.col("amount").filter(pl.col("state") == "won").sum().alias("won_value"),
        pl.col("amount").filter(pl.col("state") == "lost").sum().alias("lost_value"),
    ]
    everyone = recent.select(pl.lit(None, pl.String).alias("owner"), *measures)
    per_owner = recent.filter(pl.col("owner").is_not_null()).group_by("owner").agg(*measures).sort("owner")
    return pl.concat([everyone, per_owner]).with_columns(
        hit_rate=ratio("won", pl.col("won") + pl.col("lost")),
        hit_rate_value=ratio("won_value", pl.col("won_value") + pl.col("lost_value")),
    )


def offer_summary(metrics: OfferMetrics) -> dict:
    """The summary.json figures: open offers as of D, won, lost and hit rate of the last 12 months."""
    open_offers = metrics.offers.filter(pl.col("state") == "open")
    everyone = metrics.hit_rates.row(0, named=True)
    return {"open": open_offers.height, "open_value": round(float(open_offers["amount"].sum()), 2),
            "won": everyone["won"], "lost": everyone["lost"], "hit_rate": everyone["hit_rate"]}

