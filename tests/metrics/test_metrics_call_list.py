"""The call list (SPEC §3.7) on tables small enough to work out by hand: situations and rates of the
history, candidates and their reasons, order, cap, reactivation list, back-test and the fallback."""
import itertools
from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.metrics_builders import make_tables

from salesboard.domain import Rules
from salesboard.metrics import compute_metrics
from salesboard.metrics.call_candidates import call_candidates, customers_together, offers_to_chase, usual_gaps
from salesboard.metrics.call_list import order_and_split, run_backtest
from salesboard.metrics.call_list_history import (
    address_events,
    address_history,
    history_sundays,
    level_segment,
    situations_at,
)
from salesboard.metrics.call_list_orders import address_orders
from salesboard.metrics.facts import select_facts
from salesboard.metrics.followups import overdue_follow_ups
from salesboard.metrics.segments import classify_addresses

D = date(2026, 11, 27)  # a Friday; D - 90 = Saturday 29.08.2026


def test_the_history_is_the_104_sundays_up_to_the_last_one_90_days_before_d():
    sundays = history_sundays(D)
    # The last Sunday on or before 29.08.2026 is 23.08.; 103 weeks before it is 01.09.2024.
    assert (sundays[0], sundays[-1], len(sundays)) == (date(2024, 9, 1), date(2026, 8, 23), 104)
    assert all(day.weekday() == 6 for day in sundays)


def test_situations_rates_and_likelihood_worked_out_by_hand():
    # "A" has no facts at all. "B" orders once, on Wednesday 10.06.2026 (100 €).
    tables = make_tables(addresses=[{"customer_id": "A"}, {"customer_id": "B"}],
                         orders=[{"customer_id": "B", "order_id": "1", "order_date": "2026-06-10", "amount": 100.0}])
    calls = compute_metrics(tables, D, Rules()).call_list
    # Sundays 01.09.2024-23.08.2026 (104). A: Z0/never on all 104, never ordered.
    # B before its order: Z0/never. An order in (S, S+90] for S from 15.03. (87 days before) to 07.06.:
    # 13 Sundays ordered; the 80 Sundays 01.09.2024-08.03.2026 did not.
    # B after its order (Z2, days since the order): 14.06., 21.06., 28.06., 05.07. (4-25: "0-30");
    # 12.07.-09.08. (32-60: "31-60", 5 Sundays); 16.08., 23.08. (67, 74: "61-90"). No later order.
    assert calls.rates.to_dicts() == [
        {"segment": "Z0", "recency": "never", "open_offer": False, "seen": 104 + 80 + 13, "ordered": 13},
        {"segment": "Z2", "recency": "0-30", "open_offer": False, "seen": 4, "ordered": 0},
        {"segment": "Z2", "recency": "31-60", "open_offer": False, "seen": 5, "ordered": 0},
        {"segment": "Z2", "recency": "61-90", "open_offer": False, "seen": 2, "ordered": 0},
    ]
    likely = {row["customer_id"]: row for row in calls.likelihood.to_dicts()}
    # A as of D: Z0/never, seen 197 >= 30 times: its own rate 13/197. Expected value: p x the median
    # first-order total of all customers (100 €).
    assert (likely["A"]["recency"], likely["A"]["pooled"]) == ("never", False)
    assert likely["A"]["p"] == pytest.approx(13 / 197)
    assert likely["A"]["expected_value"] == pytest.approx(13 / 197 * 100)
    # B as of D: Z2, 170 days since its order ("91-180"), never seen: pooled over Z2's 11 sightings, 0 ordered.
    assert (likely["B"]["recency"], likely["B"]["recency_days"], likely["B"]["pooled"]) == ("91-180", 170, True)
    assert (likely["B"]["evidence_seen"], likely["B"]["evidence_ordered"], likely["B"]["p"]) == (11, 0, 0.0)


def test_an_open_offer_is_dated_0_to_90_days_before_and_closed_only_by_a_later_order():
    # C: offer on Sunday 21.06.2026; order on the same day does not close it; the order of 01.07. does.
    tables = make_tables(
        addresses=[{"customer_id": "C"}],
        orders=[{"customer_id": "C", "order_id": "1", "order_date": "2026-06-21", "amount": 50.0},
                {"customer_id": "C", "order_id": "2", "order_date": "2026-07-01", "amount": 50.0}],
        activities=[{"customer_id": "C", "date": "2026-06-21", "type": "Angebot", "stage": "offer"}])
    rates = compute_metrics(tables, D, Rules()).call_list.rates
    open_offers = rates.filter(pl.col("open_offer")).to_dicts()
    # Sundays 21.06. (Z2 by its first order that day, 0 days) and 28.06. (7 days): the offer is open, as the
    # only order up to then is dated on the offer's day, not after it; the order of 01.07. follows both.
    # From 05.07. on, that order closes the offer.
    assert open_offers == [{"segment": "Z2", "recency": "0-30", "open_offer": True, "seen": 2, "ordered": 2}]


def _candidates(tables):
    rules = Rules()
    facts = select_facts(tables, D)
    addresses = classify_addresses(facts, rules)
    frame = call_candidates(facts, addresses, overdue_follow_ups(facts, addresses, rules), rules)
    return {row["customer_id"]: row["reasons"] for row in frame.to_dicts()}


def test_candidates_and_their_reasons_as_spec_defines_them():
    tables = make_tables(
        addresses=[
            {"customer_id": "promised", "next_follow_up": "2026-11-24"},  # 3 days ago, nothing since
            {"customer_id": "settled", "next_follow_up": "2026-11-20"},  # a call on 21.11. settles it
            {"customer_id": "old", "next_follow_up": "2026-10-01"},  # 57 days ago: due, not promised
            {"customer_id": "hot", "interest_since": "2026-11-20"},  # interest 7 days ago, nothing since
            {"customer_id": "z2"}, {"customer_id": "z2new"}, {"customer_id": "risk"}, {"customer_id": "offer"},
            {"customer_id": "oldoffer"},
        ],
        orders=[
            {"customer_id": "z2", "order_id": "1", "order_date": "2026-10-20", "amount": 10.0},  # 38 days
            {"customer_id": "z2new", "order_id": "2", "order_date": "2026-11-24", "amount": 10.0},  # 3 days
            {"customer_id": "risk", "order_id": "3", "order_date": "2026-01-01", "amount": 10.0},
            {"customer_id": "risk", "order_id": "4", "order_date": "2026-02-01", "amount": 10.0},
        ],
        activities=[
            {"customer_id": "settled", "date": "2026-11-21", "type": "Anruf", "stage": "first_contact"},
            {"customer_id": "offer", "date": "2026-11-10", "type": "Angebot", "stage": "offer"},  # 17 days
            {"customer_id": "oldoffer", "date": "2026-07-01", "type": "Angebot", "stage": "offer"},  # 149 days
        ])
    assert _candidates(tables) == {
        "promised": ["promised"],  # §3.4 due as well, which promised already tells
        "old": ["overdue"],
        "hot": ["hot"],
        "z2": ["second_order", "overdue"],  # 38 days: 7-365; and 38 > Z2's cadence of 14
        # Z3, usual gap 31 days; 299 days since > 2 x 31 and > 45; and > Z3's cadence of 30.
        "risk": ["at_risk", "overdue"],
        # Offer 17 days old (> 7, <= 90): chase it; it is also Z1's latest interest, 17 <= 30 days, nothing since.
        "offer": ["offer", "hot"],
        "oldoffer": ["overdue"],  # 149 days: too old for "offer", still §3.4's offer not chased (and cadence)
    }


def _frame(rows):
    schema = {"customer_id": pl.String, "owner": pl.String, "promised": pl.Boolean, "follow_up_date": pl.Date,
              "p": pl.Float64, "expected_value": pl.Float64, "segment": pl.String, "days_overdue": pl.Int64}
    return pl.DataFrame(rows, schema=schema, orient="row")


def test_the_usual_gap_is_the_median_gap_between_consecutive_orders_whatever_their_row_order():
    orders = pl.DataFrame({"customer_id": ["a", "b", "a", "a", "b", "c", "a"],
                           "order_date": [date(2026, 3, 1), date(2026, 1, 1), date(2026, 1, 1), date(2026, 1, 11),
                                          date(2026, 1, 1), date(2026, 5, 5), date(2026, 3, 1)]})
    # a: 01.01., 11.01., 01.03., 01.03. gives gaps 10, 49, 0; b: two orders on one day; c: one order.
    assert sorted(usual_gaps(orders).rows()) == [("a", 10.0), ("b", 0.0)]


def test_customers_whose_codes_collide_are_sorted_by_their_ids():
    dated = pl.DataFrame({"customer_id": ["b", "a", "b", "a", None], "day": [3, 2, 1, 4, 0]},
                         schema_overrides={"day": pl.Int32})
    same_code = customers_together(dated, code=pl.lit(0, pl.UInt64))
    assert same_code.rows() == [(None, 0), ("a", 2), ("a", 4), ("b", 1), ("b", 3)]
    apart = customers_together(dated).rows()
    runs = [customer for customer, _ in itertools.groupby(customer for customer, _ in apart)]
    assert sorted(apart, key=lambda row: (row[0] or "", row[1])) == same_code.rows()
    assert len(runs) == len(set(runs))  # each customer's rows next to each other
    assert all(day < later for (customer, day), (other, later) in zip(apart, apart[1:]) if customer == other)


def test_order_cap_and_reactivation_split_by_hand():
    rules = Rules(calls_per_day=2, dormant_below=0.05)
    F = date(2026, 11, 20)
    candidates = _frame([
        # Anna: two promised calls (all kept, oldest F first) fill her cap; one more would exceed it.
        ("a1", "Anna", True, F, 0.00, 0.0, "Z0", 7),
        ("a2", "Anna", True, F - timedelta(days=3), 0.5, 50.0, "Z2", None),
        ("a3", "Anna", False, None, 0.30, 300.0, "Z4", 10),  # beyond Anna's cap of 2
        ("a4", "Anna", False, None, 0.01, 900.0, "Z4", 40),  # p < 0.05: reactivation, not a call
        # Tim: by expected value, highest first; a tie broken by customer_id; the third is cut.
        ("t2", "Tim", False, None, 0.20, 100.0, "Z3", None),
        ("t1", "Tim", False, None, 0.10, 100.0, "Z2", None),
        ("t3", "Tim", False, None, 0.90, 90.0, "Z4", None),
        # Without an owner: a list of its own, after the named owners.
        ("n1", None, False, None, 0.06, 6.0, "Z1", None),
        ("n2", None, False, None, 0.04, 400.0, "Z1", None),  # p < 0.05
    ])
    calls, reactivation = order_and_split(candidates, rules, fallback=False)
    assert calls.select("owner", "customer_id", "rank").rows() == [
        ("Anna", "a2", 1), ("Anna", "a1", 2), ("Tim", "t1", 1), ("Tim", "t2", 2), (None, "n1", 1)]
    # Promised rows report no p and no expected value; the others do.
    assert calls["p_shown"].to_list() == [None, None, 0.10, 0.20, 0.06]
    # Most likely first.
    assert reactivation["customer_id"].to_list() == ["n2", "a4"]


def test_too_little_history_orders_the_list_as_the_follow_ups():
    candidates = _frame([
        ("x", "Anna", False, None, 0.001, 1.0, "Z4", 90),
        ("y", "Anna", False, None, 0.9, 900.0, "Z2", 5),
        ("z", "Anna", False, None, 0.5, 50.0, "Z4", 200),
    ])
    calls, reactivation = order_and_split(candidates, Rules(), fallback=True)
    # Z2 first, then most days overdue; nobody leaves for the reactivation list, no p is shown.
    assert calls["customer_id"].to_list() == ["y", "z", "x"]
    assert reactivation.height == 0 and calls["p_shown"].null_count() == 3


def test_the_fallback_applies_with_less_than_180_days_of_orders():
    tables = make_tables(orders=[{"customer_id": "A", "order_id": "1", "order_date": "2026-06-01", "amount": 5.0}])
    assert compute_metrics(tables, D, Rules()).call_list.fallback is True  # 179 days before D
    assert compute_metrics(tables, D + timedelta(days=1), Rules()).call_list.fallback is False  # 180 days


def test_backtest_shares_worked_out_by_hand():
    then = D - timedelta(days=90)
    tables = make_tables(
        addresses=[{"customer_id": c, "owner": "Anna"} for c in "abcd"] + [{"customer_id": "e", "owner": "Tim"}],
        orders=[{"customer_id": "a", "order_id": "1", "order_date": "2026-10-01", "amount": 5.0},
                {"customer_id": "c", "order_id": "2", "order_date": "2026-09-15", "amount": 5.0},
                {"customer_id": "e", "order_id": "3", "order_date": then.isoformat(), "amount": 5.0}])  # on D': not after
    then_facts, facts = select_facts(tables, then), select_facts(tables, D)
    then_rows = pl.DataFrame({"customer_id": ["a", "b"], "owner": ["Anna", "Anna"]})
    # §3.4's list as of D' in its order: d, b, c for Anna (cut to her 2 rows: d, b), e for Tim (no call-list rows).
    then_follow_ups = pl.DataFrame({"customer_id": ["d", "b", "c", "e"], "owner": ["Anna", "Anna", "Anna", "Tim"]})
    backtest = run_backtest(then_rows, then_follow_ups, then_facts, classify_addresses(then_facts, Rules()), facts,
                            fallback=False)
    # Ordered in (D', D]: a and c. List: a of {a, b} = 1/2. Overdue list cut: none of {d, b} = 0.
    # Every address: a, c of a-e = 2/5.
    assert (backtest.size, backtest.list_rate, backtest.overdue_rate, backtest.base_rate) == (2, 0.5, 0.0, 0.4)


owners = st.sampled_from(["Anna", "Tim", None])
candidate_rows = st.lists(st.tuples(
    owners, st.booleans(), st.dates(date(2026, 11, 13), D), st.floats(0, 1), st.floats(0, 1000),
    st.sampled_from(["Z0", "Z1", "Z2", "Z3", "Z4"]), st.none() | st.integers(1, 500)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(candidate_rows, st.integers(1, 4), st.booleans())
def test_promised_rows_come_first_and_no_owner_exceeds_the_cap_apart_from_them(rows, cap, fallback):
    frame = _frame([(f"c{i:02d}", owner, promised, day if promised else None, p, value, segment, overdue)
                    for i, (owner, promised, day, p, value, segment, overdue) in enumerate(rows)])
    calls, reactivation = order_and_split(frame, Rules(calls_per_day=cap), fallback)
    for _owner, part in calls.group_by("owner", maintain_order=True):
        promised = part["promised"].to_list()
        assert promised == sorted(promised, reverse=True)  # every promised row before any other
        assert (~part["promised"]).sum() <= max(0, cap - sum(promised))
    # Every promised candidate is on the call list.
    assert calls["promised"].sum() == frame["promised"].sum()
    assert not reactivation["promised"].any()


def test_with_an_offers_table_its_open_offers_past_their_chase_days_are_theoffers_to_chase():
    tables = make_tables(
        addresses=[{"customer_id": "old"}, {"customer_id": "won"}],
        # "old": an offer of 01.08. (118 days), open by its status and valid until 2027: older than the 90 days
        # the contact log's offers are chased for, but the list says it is open. "won": decided.
        offers=[{"customer_id": "old", "offer_id": "Q1", "offer_date": "2026-08-01", "amount": 900.0,
                 "status": "open", "valid_until": "2027-01-31"},
                {"customer_id": "won", "offer_id": "Q2", "offer_date": "2026-11-01", "amount": 500.0,
                 "status": "won"}],
        # Each offer is also a contact of stage offer, as reading hands them over.
        activities=[{"customer_id": "old", "date": "2026-08-01", "type": "Angebot", "stage": "offer"},
                    {"customer_id": "won", "date": "2026-11-01", "type": "Angebot", "stage": "offer"}])
    facts = select_facts(tables, D)
    addresses = classify_addresses(facts, Rules())
    follow_ups = overdue_follow_ups(facts, addresses, Rules())
    frame = call_candidates(facts, addresses, follow_ups, Rules(), offers_to_chase(tables, facts, Rules()))
    reasons = {row["customer_id"]: (row["reasons"], row["offer_date"]) for row in frame.to_dicts()}
    assert reasons["old"] == (["offer", "overdue"], date(2026, 8, 1))  # overdue: Z1 cadence, 118 > 30 days
    # "won": its offer of 01.11. is 26 days old and not chased in the contact log, but the list says it was
    # won: no offer to chase. §3.4, which knows no statuses, still counts the offer as not chased: overdue.
    # Its interest (that offer) is 26 days old with nothing since: hot.
    assert reasons["won"] == (["hot", "overdue"], None)


# Random histories of up to four addresses over 2023-2026: the history counted stretch by stretch must
# equal every address looked at on every single Sunday.
_days = st.dates(date(2023, 6, 1), D)
_fact_rows = st.tuples(
    st.lists(st.tuples(st.integers(0, 3), _days), max_size=12),  # orders
    st.lists(st.tuples(st.integers(0, 3), _days, st.sampled_from(["offer", "meeting", "follow_up", "other"])),
             max_size=12),  # activities
    st.lists(st.tuples(st.integers(0, 3), _days, st.booleans()), max_size=4),  # campaign sends, responded
    st.lists(st.none() | _days, min_size=4, max_size=4),  # interest_since per address
)


@settings(max_examples=80, deadline=None)
@given(_fact_rows, st.integers(2, 4))
def test_the_history_counted_by_stretches_equals_every_address_on_every_sunday(rows, loyal):
    orders, activities, sends, interest = rows
    tables = make_tables(
        addresses=[{"customer_id": f"a{n}", "interest_since": interest[n]} for n in range(4)],
        orders=[{"customer_id": f"a{n}", "order_id": str(i), "order_date": day, "amount": 10.0}
                for i, (n, day) in enumerate(orders)],
        activities=[{"customer_id": f"a{n}", "date": day, "type": stage, "stage": stage}
                    for n, day, stage in activities],
        campaigns=[{"campaign": "M", "customer_id": f"a{n}", "sent_date": day, "responded": responded}
                   for n, day, responded in sends])
    rules = Rules(loyal_min_orders=loyal)
    facts = select_facts(tables, D)
    addresses = classify_addresses(facts, rules)
    events = address_events(facts, addresses, address_orders(facts, addresses))
    windows = [history_sundays(D), history_sundays(D - timedelta(days=90))]
    days = [D - timedelta(days=90), D]
    history = address_history(addresses, events, windows, days)

    def every_address_on(each_day):
        points = addresses.select(cid=pl.int_range(pl.len(), dtype=pl.UInt32)).join(
            pl.Series("day", each_day, pl.Date).cast(pl.Int32).to_frame(), how="cross", maintain_order="left_right")
        return situations_at(addresses, events, points)

    for sundays, rates in zip(windows, history.rates, strict=True):
        seen = every_address_on(sundays).group_by("level", "recency", "open_offer").agg(
            seen=pl.len().cast(pl.Int64), ordered=pl.col("ordered").sum().cast(pl.Int64))
        expected = seen.select(segment=level_segment("level"), recency="recency", open_offer="open_offer",
                               seen="seen", ordered="ordered").sort("segment", "recency", "open_offer")
        assert rates.to_dicts() == expected.to_dicts()
    assert history.on_days.sort("cid", "day").to_dicts() == every_address_on(days).sort("cid", "day").to_dicts()
