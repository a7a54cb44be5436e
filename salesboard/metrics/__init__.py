"""The metrics layer: pure Polars functions of (Tables, as-of date D, Rules).

compute_metrics gathers every figure into one Metrics object; headline_history
gives the overview's key figures for each of the last weeks, for the sparklines
and the comparison with a week earlier.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import polars as pl

from salesboard.domain import SEGMENTS, Rules
from salesboard.model import Tables

from .call_list import CallList, compute_call_list
from .campaigns import campaign_response
from .facts import Facts, select_facts
from .followups import follow_ups_due_soon, overdue_follow_ups
from .headline_history import Headline, headline_of
from .lifecycle import LifecycleMetrics, compute_lifecycle_metrics
from .offers import OfferMetrics, compute_offer_metrics
from .segments import SegmentMetrics, classify_addresses, compute_segment_metrics
from .stages import StageMetrics, compute_stage_metrics
from .week_review import WeekInReview, compute_week_review
from .weekly import WeeklyFunnel, compute_weekly_funnel

__all__ = [
    "SEGMENTS",
    "CallList",
    "Counts",
    "Headline",
    "LifecycleMetrics",
    "Metrics",
    "Rules",
    "SegmentMetrics",
    "StageMetrics",
    "WeeklyFunnel",
    "compute_metrics",
    "headline_of",
]


@dataclass(frozen=True)
class Counts:
    """addresses: every customer_id; customers: addresses with an order;
    orders: orders with amount > 0; activities: activity rows (all as of D)."""

    addresses: int
    customers: int
    orders: int
    activities: int


@dataclass(frozen=True)
class Metrics:
    """Every computed figure, as of `as_of`.

    addresses: one row per address with its segment (segments.classify_addresses).
    follow_ups: followups.overdue_follow_ups. campaigns: campaigns.campaign_response.
    call_list: call_list.compute_call_list (SPEC §3.7). due_soon: followups.follow_ups_due_soon.
    """

    as_of: date
    rules: Rules
    counts: Counts
    addresses: pl.DataFrame
    segments: SegmentMetrics
    lifecycle: LifecycleMetrics
    stages: StageMetrics
    weekly: WeeklyFunnel
    follow_ups: pl.DataFrame
    campaigns: pl.DataFrame
    call_list: CallList
    due_soon: pl.DataFrame
    week_review: WeekInReview
    offers: OfferMetrics | None = None  # None without a list of offers


def compute_metrics(tables: Tables, as_of: date, rules: Rules) -> Metrics:
    facts = select_facts(tables, as_of)
    addresses = classify_addresses(facts, rules)
    segments = compute_segment_metrics(addresses, as_of, rules)
    follow_ups = overdue_follow_ups(facts, addresses, rules)
    offers = None if tables.offers is None else compute_offer_metrics(tables.offers, facts, rules)
    # The week in review and the call list look at other days than D, each on its own; many Polars steps
    # keep one core only, so on two cores they run side by side.
    with ThreadPoolExecutor(max_workers=1) as beside:
        week_review = beside.submit(compute_week_review, tables, addresses, facts, rules, offers and offers.offers)
        call_list = compute_call_list(tables, facts, addresses, follow_ups, rules)
    return Metrics(
        as_of=as_of,
        rules=rules,
        counts=count_facts(facts, addresses),
        addresses=addresses,
        segments=segments,
        lifecycle=compute_lifecycle_metrics(addresses, segments.summary, as_of, call_list.likelihood),
        stages=compute_stage_metrics(facts, addresses),
        weekly=compute_weekly_funnel(facts, addresses),
        follow_ups=follow_ups,
        campaigns=campaign_response(facts, addresses),
        call_list=call_list,
        due_soon=follow_ups_due_soon(facts, addresses),
        week_review=week_review.result(),
        offers=offers,
    )


def count_facts(facts: Facts, addresses: pl.DataFrame) -> Counts:
    return Counts(
        addresses=addresses.height,
        customers=addresses.filter(pl.col("order_count") > 0).height,
        orders=facts.orders.height,
        activities=facts.activities.height,
    )
