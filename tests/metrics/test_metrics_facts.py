from datetime import date

import polars as pl
import pytest
from support.metrics_builders import make_tables
from support.metrics_sample import AS_OF, sample_tables

from salesboard.metrics import Counts, Rules, compute_metrics
from salesboard.metrics.facts import select_facts
from salesboard.metrics.segments import classify_addresses
from salesboard.publish.summary import summary_dict


def test_counts(sample):
    # 13 addresses (12 listed + A12); customers A01 A02 A03 A04 A12;
    # orders: A01 3 + A02 2 + A03 1 (2026-04-01 is after D) + A04 1 + A12 1 = 8,
    # the two credit notes are not orders; activities: 14 rows, A03's
    # 2026-03-20 is after D.
    assert sample.counts == Counts(addresses=13, customers=5, orders=8, activities=13)


def test_facts_after_d_do_not_count_but_their_ids_stay_addresses():
    facts = select_facts(sample_tables(), AS_OF)
    assert facts.addresses.height == 13
    assert facts.bookings.height == 10  # 11 rows, one after D
    assert facts.orders.height == 8
    assert facts.mailings["campaign"].unique().sort().to_list() == ["Frühjahr", "Herbst"]
    # The "yes" without a date responds on the send date.
    responses = facts.mailings.drop_nulls("response_date").sort("customer_id")
    assert responses.select("customer_id", "response_date").rows() == [
        ("A03", date(2026, 3, 3)),
        ("A07", date(2026, 3, 6)),
    ]


def test_milestones_and_interest(sample):
    rows = sample.addresses.sort("customer_id").select(
        "customer_id", "listed", "order_count", "first_order_date", "second_order_date", "loyal_order_date",
        "interest_date",
    ).rows()
    d = date.fromisoformat
    assert rows == [
        ("A01", True, 3, d("2025-02-10"), d("2025-09-01"), d("2026-01-15"), None),
        ("A02", True, 2, d("2025-11-03"), d("2026-02-20"), None, d("2025-10-15")),  # offer
        ("A03", True, 1, d("2025-08-05"), None, None, d("2026-03-03")),  # response
        ("A04", True, 1, d("2026-03-02"), None, None, d("2026-02-25")),  # negotiation
        ("A05", True, 0, None, None, None, d("2026-01-10")),  # interest_since
        ("A06", True, 0, None, None, None, d("2026-02-10")),  # meeting
        ("A07", True, 0, None, None, None, d("2026-03-06")),  # response
        ("A08", True, 0, None, None, None, None),  # first_contact is no interest
        ("A09", True, 0, None, None, None, None),
        ("A10", True, 0, None, None, None, d("2026-02-20")),  # enquiry
        ("A11", True, 0, None, None, None, None),
        ("A12", False, 1, d("2026-03-10"), None, None, None),
        ("A13", True, 0, None, None, None, None),
    ]


def test_loyal_threshold_is_configurable():
    facts = select_facts(sample_tables(), AS_OF)
    addresses = classify_addresses(facts, Rules(loyal_min_orders=2))
    # A01 (3 orders) and A02 (2 orders) are both loyal now; nobody is Z3.
    loyal = addresses.filter(pl.col("segment") == "Z4")["customer_id"].sort().to_list()
    assert loyal == ["A01", "A02"]
    assert addresses.filter(pl.col("segment") == "Z3").height == 0


def test_rules_reject_impossible_thresholds():
    with pytest.raises(ValueError, match="loyal_min_orders must be at least 2"):
        Rules(loyal_min_orders=1)
    with pytest.raises(ValueError, match="unknown segments"):
        Rules(cadence_days={"Z9": 5})


def test_empty_tables_give_zero_everywhere():
    summary = summary_dict(compute_metrics(make_tables(), AS_OF, Rules()), 0, 0)
    assert summary["counts"] == {"addresses": 0, "customers": 0, "orders": 0, "activities": 0}
    assert summary["second_order_rate"] is None
    assert len(summary["weekly"]) == 52 and summary["campaigns"] == []
