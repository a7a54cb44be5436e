import json

from salesboard.publish.summary import summary_dict


def test_summary_has_exactly_the_spec_keys_and_values(sample):
    summary = summary_dict(sample, quality_errors=2, quality_warnings=5)
    weekly, campaigns = summary.pop("weekly"), summary.pop("campaigns")
    calls, backtest, rates = summary.pop("call_list"), summary.pop("call_list_backtest"), summary.pop("call_list_rates")
    # Worked out in the other test modules.
    assert summary == {
        "as_of": "2026-03-18",
        "counts": {"addresses": 13, "customers": 5, "orders": 8, "activities": 13},
        "segments": {"Z0": 4, "Z1": 4, "Z2": 3, "Z3": 1, "Z4": 1},
        "second_order_rate": 0.4,
        "follow_ups": {"overdue": 5, "due": 1, "cadence": 4, "offer_not_chased": 1},
        "stage_funnel": {
            "first_contact": 10, "follow_up": 9, "meeting": 7, "chase": 6, "offer": 6, "negotiation": 5, "order": 5,
        },
        "quality": {"errors": 2, "warnings": 5},
        # D is Wednesday 18.03.2026: the reporting week is 09.–15.03., with A12's first order.
        "reporting_week": "2026-W11",
        "week_in_review": {"first_orders": 1, "second_orders": 0, "new_loyal": 0, "new_prospects": 0,
                           "became_at_risk": 0},
    }
    assert len(weekly) == 52
    # The 52 weeks end with the reporting week, W11; the running week W12 is not among them.
    assert weekly[-1] == {
        "week": "2026-W11", "first_contact": 0, "follow_up": 0, "meeting": 0, "chase": 0, "offer": 0,
        "negotiation": 0, "orders": 1, "first_orders": 1, "second_orders": 0, "revenue": 250.0,
    }
    assert weekly[-2]["revenue"] == 150.0
    assert campaigns[5:8] == [
        {"campaign": "Frühjahr", "segment": "Z0", "sent": 3, "responded": 1},
        {"campaign": "Frühjahr", "segment": "Z1", "sent": 0, "responded": 0},
        {"campaign": "Frühjahr", "segment": "Z2", "sent": 1, "responded": 1},
    ]
    assert len(campaigns) == 10
    # The call list's own figures are worked out in test_metrics_call_list; here their shape (SPEC §5).
    assert calls and all(set(row) == {"owner", "customer_id", "reasons", "p", "expected_value"} for row in calls)
    assert all((row["p"] is None) == ("promised" in row["reasons"]) for row in calls)
    assert set(backtest) == {"list_rate", "overdue_rate", "base_rate", "size"}
    assert all(set(row) == {"segment", "recency", "open_offer", "seen", "ordered"} and row["seen"] >= 1
               for row in rates)
    assert {row["recency"] for row in rates} <= {"0-30", "31-60", "61-90", "91-180", "181-365", ">365", "never"}


def test_summary_is_plain_json(sample):
    summary = summary_dict(sample, 0, 0)
    assert json.loads(json.dumps(summary, allow_nan=False)) == summary
    numbers = [summary["counts"]["orders"], summary["weekly"][0]["orders"], summary["campaigns"][0]["sent"]]
    assert all(type(number) is int for number in numbers)
    assert type(summary["weekly"][0]["revenue"]) is float
