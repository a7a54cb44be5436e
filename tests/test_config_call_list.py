"""The call list's two settings: validated like the others, carried into the rules."""
from __future__ import annotations

from pathlib import Path

import pytest

from salesboard.config import make_settings
from salesboard.domain import Rules
from salesboard.errors import ConfigError


def test_defaults_are_15_calls_and_2_percent():
    rules = make_settings({}).rules
    assert (rules.calls_per_day, rules.dormant_below) == (15, 0.02)


def test_values_from_dashboard_toml_reach_the_rules():
    rules = make_settings({"calls_per_day": 8, "dormant_below": 0.05}).rules
    assert rules == Rules(calls_per_day=8, dormant_below=0.05)
    assert make_settings({"dormant_below": 0}).rules.dormant_below == 0.0  # a whole number is a likelihood too


def test_invalid_values_are_reported_together():
    with pytest.raises(ConfigError) as raised:
        make_settings({"calls_per_day": 0, "dormant_below": True}, Path("dashboard.toml"), language="en")
    assert raised.value.problems == [
        "dashboard.toml: Config value 'calls_per_day': expected a whole number of calls from 1 to 200, found 0",
        "dashboard.toml: Config value 'dormant_below': expected a likelihood from 0.0 to 0.5, e.g. 0.02, found True",
    ]
    with pytest.raises(ConfigError) as raised:
        make_settings({"calls_per_day": 2.5, "dormant_below": "2 %"})
    assert len(raised.value.problems) == 2
