import dataclasses
from datetime import date, timedelta

import polars as pl
from support.metrics_sample import AS_OF, sample_tables

from salesboard.metrics.facts import select_facts
from salesboard.metrics.segments import addresses_as_of, classify_addresses, segment_summary


def test_segments_as_of_d(sample):
    segments = dict(sample.addresses.select("customer_id", pl.col("segment").cast(pl.String)).rows())
    assert segments == {
        "A01": "Z4", "A02": "Z3", "A03": "Z2", "A04": "Z2", "A12": "Z2",
        "A05": "Z1", "A06": "Z1", "A07": "Z1", "A10": "Z1",
        "A08": "Z0", "A09": "Z0", "A11": "Z0", "A13": "Z0",
    }


def test_segment_summary_counts_and_revenue(sample):
    # Revenue, credit notes included, nothing after D:
    #   Z4 A01: all 500 + 300 + 200 - 50 = 950; 12 months (after 2025-03-18)
    #       leaves out 2025-02-10: 300 + 200 - 50 = 450
    #   Z3 A02: all -100 + 1000 + 400 = 1300; 12 months without the credit
    #       note of exactly 2025-03-18: 1400
    #   Z2 A03 800 (not the 999 after D) + A04 150 + A12 250 = 1200 both
    assert sample.segments.summary.with_columns(pl.col("segment").cast(pl.String)).rows() == [
        ("Z0", 4, 0.0, 0.0),
        ("Z1", 4, 0.0, 0.0),
        ("Z2", 3, 1200.0, 1200.0),
        ("Z3", 1, 1400.0, 1300.0),
        ("Z4", 1, 450.0, 950.0),
    ]
    assert sample.segments.summary.columns == ["segment", "addresses", "revenue_12m", "revenue_total"]


def test_segments_by_owner(sample):
    # Anna: A01 Z4, A03 Z2, A05 A07 A10 Z1, A13 Z0
    # Ben:  A02 Z3, A04 Z2, A06 Z1, A08 A11 Z0
    # none: A09 Z0, A12 Z2
    by_owner = sample.segments.by_owner.with_columns(pl.col("segment").cast(pl.String))
    wide = {
        owner: dict(zip(group["segment"], group["addresses"], strict=True))
        for (owner,), group in by_owner.group_by("owner")
    }
    assert wide == {
        "Anna": {"Z0": 1, "Z1": 3, "Z2": 1, "Z3": 0, "Z4": 1},
        "Ben": {"Z0": 2, "Z1": 1, "Z2": 1, "Z3": 1, "Z4": 0},
        None: {"Z0": 1, "Z1": 0, "Z2": 1, "Z3": 0, "Z4": 0},
    }
    assert by_owner["owner"].to_list()[-1] is None  # no owner sorts last


def test_segment_history_point_in_time(sample):
    history = sample.segments.history
    assert history.height == 52
    assert history.columns == ["week_start", "week", "snapshot_date", "Z0", "Z1", "Z2", "Z3", "Z4"]
    by_week = {row[0]: row[1:] for row in history.select("week", "snapshot_date", "Z0", "Z1", "Z2", "Z3", "Z4").rows()}
    # First of the 52 weeks: 2026-W12 minus 51 weeks = 2025-W13 (24-30 March).
    # Only A01 had ordered (2025-02-10, before the window: still counted).
    assert history["week"][0] == "2025-W13"
    assert by_week["2025-W13"] == (date(2025, 3, 30), 12, 0, 1, 0, 0)
    # 2025-W45 ends 2025-11-09: A01 has 2 orders (Z3); A02 ordered 2025-11-03
    # and A03 2025-08-05 (Z2); A02's offer made it Z1 on 2025-10-15 before.
    assert by_week["2025-W45"] == (date(2025, 11, 9), 10, 0, 2, 1, 0)
    # 2026-W09 ends 2026-03-01: Z1 A04 (negotiation 02-25, order only 03-02),
    # A05, A06, A10; Z2 A03; Z3 A02 (02-20); Z4 A01 (01-15); A07 responds
    # only 03-06 and A12 orders only 03-10: Z0 A07 A08 A09 A11 A12 A13.
    assert by_week["2026-W09"] == (date(2026, 3, 1), 6, 4, 1, 1, 1)
    # 2026-W10 ends 03-08: A04 ordered (Z2), A07 responded (Z1).
    assert by_week["2026-W10"] == (date(2026, 3, 8), 5, 4, 2, 1, 1)
    # The current week is as of D and equals today's counts.
    assert by_week["2026-W12"] == (AS_OF, 4, 4, 3, 1, 1)


def test_history_matches_recomputation_at_each_snapshot(sample):
    tables = sample_tables()
    for snapshot in sample.segments.history["snapshot_date"].gather([0, 20, 32, 49, 50, 51]):
        direct = segment_summary(classify_addresses(select_facts(tables, snapshot), sample.rules))
        row = sample.segments.history.filter(pl.col("snapshot_date") == snapshot)
        assert row.select("Z0", "Z1", "Z2", "Z3", "Z4").row(0) == tuple(direct["addresses"])


def test_migration_matrix(sample):
    # On 2025-12-18: A01 Z3 (2 orders), A02 Z2, A03 Z2, the rest Z0.
    #   Z0->Z0 A08 A09 A11 A13; Z0->Z1 A05 A06 A07 A10; Z0->Z2 A04 A12;
    #   Z2->Z2 A03; Z2->Z3 A02; Z3->Z4 A01.
    assert sample.segments.migration_start == date(2025, 12, 18)
    moves = sample.segments.migration.with_columns(pl.col("from_segment", "to_segment").cast(pl.String))
    assert moves.height == 25
    nonzero = moves.filter(pl.col("addresses") > 0).rows()
    assert nonzero == [
        ("Z0", "Z0", 4), ("Z0", "Z1", 4), ("Z0", "Z2", 2), ("Z2", "Z2", 1), ("Z2", "Z3", 1), ("Z3", "Z4", 1),
    ]


def test_addresses_as_of_an_earlier_day_equal_those_classified_from_that_days_facts(sample):
    tables = sample_tables()
    # A09's answer to a mailing is dated 01.02.2026, before the mailing went out on 03.03.2026: as of D it
    # shows interest from 01.02., but as of 15.02. nothing of it was seen yet (A09 is Z0 then, not Z1).
    late = pl.DataFrame([{"campaign": "Winter", "customer_id": "A09", "sent_date": date(2026, 3, 3),
                          "responded": True, "response_date": date(2026, 2, 1)}], schema=tables.campaigns.schema)
    tables = dataclasses.replace(tables, campaigns=pl.concat([tables.campaigns, late]))
    now = classify_addresses(select_facts(tables, AS_OF), sample.rules)
    assert now.filter(pl.col("customer_id") == "A09")["interest_date"].item() == date(2026, 2, 1)
    for day in (*(AS_OF - timedelta(days=days_before) for days_before in (0, 1, 30, 90, 200, 400, 2000)),
                date(2026, 2, 15)):
        facts = select_facts(tables, day)
        then = addresses_as_of(now, facts)
        direct = classify_addresses(facts, sample.rules).select(then.columns)
        assert then.schema == direct.schema
        assert then.to_dicts() == direct.to_dicts(), day
