"""The offers pipeline on eight offers whose states, as of 30.06.2026, are worked out by hand."""
from __future__ import annotations

from datetime import date

import pytest
from support.metrics_builders import make_tables

from salesboard.metrics import Rules, compute_metrics
from salesboard.publish.summary import summary_dict

AS_OF = date(2026, 6, 30)
OFFERS = [
    # O1: K1 orders on day 60 after it (30.04.): won on 30.04.
    {"customer_id": "K1", "offer_id": "O1", "offer_date": "2026-03-01", "amount": 1000.0, "owner": "Anna"},
    # O2: K2 orders on day 61: too late; no validity date and 121 days old: lost on 30.05. (day 90).
    {"customer_id": "K2", "offer_id": "O2", "offer_date": "2026-03-01", "amount": 500.0, "owner": "Anna"},
    # O3: exactly 90 days old, no order of K3 (K1's order within the window is another customer's): open.
    {"customer_id": "K3", "offer_id": "O3", "offer_date": "2026-04-01", "amount": 200.0, "owner": "Tim"},
    # O4: 166 days old but valid until D itself: open.
    {"customer_id": "K4", "offer_id": "O4", "offer_date": "2026-01-15", "amount": 300.0,
     "valid_until": "2026-06-30"},
    # O5: valid until the day before D: lost on 29.06.
    {"customer_id": "K5", "offer_id": "O5", "offer_date": "2026-05-01", "amount": 400.0, "owner": "Tim",
     "valid_until": "2026-06-29"},
    # O6: the list says won, decided 10.06.
    {"customer_id": "K6", "offer_id": "O6", "offer_date": "2026-06-01", "amount": 250.0, "owner": "Anna",
     "status": "won", "decided": "2026-06-10"},
    # O7: five days old: open, not yet to chase.
    {"customer_id": "K1", "offer_id": "O7", "offer_date": "2026-06-25", "amount": 100.0, "owner": "Anna"},
    # O8: lost, but dated before the last 12 months (after 30.06.2025): not in the hit rate.
    {"customer_id": "K7", "offer_id": "O8", "offer_date": "2025-06-01", "amount": 900.0, "owner": "Tim",
     "status": "lost"},
]
ORDERS = [{"customer_id": "K1", "order_id": "A1", "order_date": "2026-04-30", "amount": 50.0},
          {"customer_id": "K2", "order_id": "A2", "order_date": "2026-05-01", "amount": 60.0}]


@pytest.fixture(scope="module")
def metrics():
    return compute_metrics(make_tables(orders=ORDERS, offers=OFFERS), AS_OF, Rules())


def test_each_offer_state_and_decision_date(metrics):
    states = metrics.offers.offers.select("offer_id", "state", "decided", "age_days").rows()
    assert states == [
        ("O1", "won", date(2026, 4, 30), 121), ("O2", "lost", date(2026, 5, 30), 121),
        ("O3", "open", None, 90), ("O4", "open", None, 166), ("O5", "lost", date(2026, 6, 29), 60),
        ("O6", "won", date(2026, 6, 10), 29), ("O7", "open", None, 5), ("O8", "lost", None, 394)]


def test_open_offers_by_age_and_owner(metrics):
    assert metrics.offers.open_by_age.rows() == [("0-14", 1, 100.0), ("15-30", 0, 0.0), ("31-60", 0, 0.0),
                                                 (">60", 2, 500.0)]
    assert metrics.offers.open_by_owner.rows() == [("Anna", 1, 100.0), ("Tim", 1, 200.0), (None, 1, 300.0)]


def test_hit_rates_of_the_last_twelve_months(metrics):
    rates = metrics.offers.hit_rates.select("owner", "won", "lost", "won_value", "lost_value", "hit_rate",
                                            "hit_rate_value").rows()
    assert rates[0] == (None, 2, 2, 1250.0, 900.0, 0.5, pytest.approx(1250 / 2150))
    assert rates[1:] == [("Anna", 2, 1, 1250.0, 500.0, pytest.approx(2 / 3), pytest.approx(1250 / 1750)),
                         ("Tim", 0, 1, 0.0, 400.0, 0.0, 0.0)]


def test_median_days_to_decision_and_offers_to_chase(metrics):
    # Decided with a date: O1 60, O2 90, O5 59, O6 9 days → median (59 + 60) / 2.
    assert metrics.offers.median_days_to_decision == 59.5
    assert metrics.offers.to_chase["offer_id"].to_list() == ["O4", "O3"]


def test_summary_keys(metrics):
    assert summary_dict(metrics, 0, 0)["offers"] == {"open": 3, "open_value": 600.0, "won": 2, "lost": 2,
                                                     "hit_rate": 0.5}


def test_without_a_list_of_offers_there_is_no_offers_key():
    metrics = compute_metrics(make_tables(orders=ORDERS), AS_OF, Rules())
    assert metrics.offers is None and "offers" not in summary_dict(metrics, 0, 0)


def test_the_win_window_is_a_setting():
    # With 61 days to win, K2's order on day 61 wins O2.
    metrics = compute_metrics(make_tables(orders=ORDERS, offers=OFFERS), AS_OF, Rules(offer_win_days=61))
    assert metrics.offers.offers.filter(offer_id="O2")["state"].item() == "won"
