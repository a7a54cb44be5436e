"""The cards' sparklines: the key figures of the last 12 weeks agree with classifying every address
as of each day."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from support.headline import headline_as_of
from support.metrics_builders import make_tables

from salesboard.metrics import Rules
from salesboard.metrics.facts import select_facts
from salesboard.metrics.headline_history import headline_history
from salesboard.metrics.segments import classify_addresses

AS_OF = date(2026, 11, 25)
ORDERS = [
    # C1: first order long ago, second in October, a credit note in the week before D.
    {"customer_id": "C1", "order_date": "2025-11-26", "amount": 500, "order_id": "A1"},
    {"customer_id": "C1", "order_date": "2026-10-05", "amount": 300, "order_id": "A2"},
    {"customer_id": "C1", "order_date": "2026-11-20", "amount": -50, "order_id": "G1"},
    # C2: first order in September; C3: first order on D's week, second on D.
    {"customer_id": "C2", "order_date": "2026-09-14", "amount": 200, "order_id": "A3"},
    {"customer_id": "C3", "order_date": "2026-11-23", "amount": 80, "order_id": "A4"},
    {"customer_id": "C3", "order_date": "2026-11-25", "amount": 90, "order_id": "A5"},
    # After D: counts nowhere.
    {"customer_id": "C2", "order_date": "2026-11-26", "amount": 999, "order_id": "A6"},
]


@pytest.fixture(scope="module")
def history():
    tables = make_tables(addresses=[{"customer_id": c, "company": c} for c in ("C1", "C2", "C3", "C4")],
                         orders=ORDERS)
    facts = select_facts(tables, AS_OF)
    return tables, headline_history(facts, classify_addresses(facts, Rules()), Rules())


def test_twelve_weeks_ending_on_d_each_as_classifying_every_address_gives(history):
    tables, frame = history
    assert frame["day"].to_list() == [AS_OF - timedelta(days=7 * k) for k in range(11, -1, -1)]
    for row in frame.iter_rows(named=True):
        headline = headline_as_of(tables, row["day"], Rules())
        assert (row["customers"], row["second_order_rate"], row["overdue"]) == (
            headline.customers, headline.second_order_rate, headline.overdue)
        assert row["revenue_12m"] == pytest.approx(headline.revenue_12m)


def test_the_last_day_holds_the_credit_note_and_the_second_order_of_d(history):
    _, frame = history
    last = frame.row(-1, named=True)
    # 12 months after 25.11.2025: A1 (26.11.2025) still in, the credit note counts, A6 is after D.
    assert last["customers"] == 3 and last["second_order_rate"] == pytest.approx(2 / 3)
    assert last["revenue_12m"] == pytest.approx(500 + 300 - 50 + 200 + 80 + 90)
    # Out of touch past their cadence: C1 (Z3, 30 days) since 05.10., C2 (Z2, 14 days) since 14.09.
    assert last["overdue"] == 2
