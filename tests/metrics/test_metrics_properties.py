"""Invariants on generated tables."""
from datetime import date

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from support.metrics_builders import make_tables

from salesboard.domain import ACTIVITY_STAGES
from salesboard.metrics import SEGMENTS, Rules, compute_metrics
from salesboard.metrics.facts import select_facts
from salesboard.metrics.segments import classify_addresses, segment_summary

FAST = settings(max_examples=50, deadline=None)

ids = st.sampled_from([f"C{n}" for n in range(8)])
days = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 6, 30))
maybe_day = st.none() | days

addresses = st.lists(
    st.fixed_dictionaries({"customer_id": ids, "interest_since": maybe_day, "next_follow_up": maybe_day}),
    max_size=6,
    unique_by=lambda row: row["customer_id"],
)
orders = st.lists(
    st.fixed_dictionaries(
        {"customer_id": ids, "order_date": days, "amount": st.sampled_from([-20.0, 0.0, 10.0, 250.0])}
    ),
    max_size=12,
)
activities = st.lists(
    st.fixed_dictionaries(
        {
            "customer_id": ids,
            "date": days,
            "stage": st.sampled_from(ACTIVITY_STAGES),
            "next_follow_up": maybe_day,
        }
    ),
    max_size=12,
)
campaigns = st.lists(
    st.fixed_dictionaries(
        {
            "campaign": st.sampled_from(["Mailing A", "Mailing B"]),
            "customer_id": ids,
            "sent_date": days,
            "responded": st.booleans(),
        }
    ),
    max_size=8,
)
tables = st.builds(make_tables, addresses=addresses, orders=orders, activities=activities, campaigns=campaigns)


@FAST
@given(tables=tables, as_of=days)
def test_every_address_has_exactly_one_segment(tables, as_of):
    metrics = compute_metrics(tables, as_of, Rules())
    total = tables.addresses.height
    assert metrics.segments.summary["addresses"].sum() == total
    assert (metrics.segments.history.select(pl.sum_horizontal(SEGMENTS)).to_series() == total).all()
    assert metrics.segments.migration["addresses"].sum() == total


@FAST
@given(tables=tables, first=days, second=days)
def test_a_later_as_of_date_never_lowers_an_order_count(tables, first, second):
    earlier, later = sorted([first, second])
    counts = [
        classify_addresses(select_facts(tables, as_of), Rules()).select("customer_id", "order_count")
        for as_of in (earlier, later)
    ]
    joined = counts[0].join(counts[1], on="customer_id", suffix="_later")
    assert joined.height == tables.addresses.height
    assert (joined["order_count_later"] >= joined["order_count"]).all()


@FAST
@given(tables=tables, as_of=days)
def test_stage_funnel_never_grows_from_one_stage_to_the_next(tables, as_of):
    funnel = compute_metrics(tables, as_of, Rules()).stages.funnel
    for (period,), stages in funnel.group_by("period"):
        assert stages.height == 7, period
        assert (stages["addresses"].diff().drop_nulls() <= 0).all()


@FAST
@given(tables=tables, as_of=days)
def test_every_overdue_address_has_a_reason(tables, as_of):
    follow_ups = compute_metrics(tables, as_of, Rules()).follow_ups
    assert follow_ups["customer_id"].is_unique().all()
    assert (follow_ups["reasons"].list.len() >= 1).all()
    assert (follow_ups.select(pl.any_horizontal("due", "cadence", "offer_not_chased")).to_series()).all()
    assert (follow_ups["days_overdue"] >= 1).all()


@FAST
@given(tables=tables, as_of=days, week=st.integers(min_value=0, max_value=51))
def test_segment_history_equals_a_recomputation_at_the_snapshot(tables, as_of, week):
    history = compute_metrics(tables, as_of, Rules()).segments.history.row(week, named=True)
    direct = segment_summary(classify_addresses(select_facts(tables, history["snapshot_date"]), Rules()))
    assert [history[segment] for segment in SEGMENTS] == direct["addresses"].to_list()
