"""Settings: every problem of dashboard.toml reported at once, with the key, what was expected and what was found."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from salesboard.config import CONFIG_KEYS, make_settings
from salesboard.domain import Rules
from salesboard.errors import ConfigError

README = Path(__file__).resolve().parents[1] / "README.md"


def problems_of(config: dict) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        make_settings(config, Path("dashboard.toml"), language="en")
    return raised.value.problems


def test_every_invalid_value_is_reported_at_once():
    assert problems_of({"currency": "Euro", "offer_chase_days": 0, "cadence_days": {"Z2": 0},
                        "loyal_min_orders": True}) == [
        "dashboard.toml: Config value 'currency': expected a currency code such as EUR, found 'Euro'",
        "dashboard.toml: Config value 'loyal_min_orders': expected a whole number from 2 to 100, found True",
        "dashboard.toml: Config value 'offer_chase_days': expected a whole number of days from 1 to 365, found 0",
        "dashboard.toml: Config value 'cadence_days': expected a table of days from 1 to 3650 such as "
        "{Z1 = 30, Z2 = 14, Z3 = 30, Z4 = 60}, found {'Z2': 0}",
    ]


def test_aliases_and_columns_name_known_tables_and_fields():
    assert problems_of({"aliases": {"orders": {"amount": "Summe"}, "invoices": {}},
                        "columns": {"orders": {"price": "Preis"}}}) == [
        "dashboard.toml: Config value 'aliases': orders.amount expects a list of header names, found 'Summe'",
        "dashboard.toml: Config value 'aliases': unknown table 'invoices'; expected one of addresses, orders, "
        "activities, campaigns, offers, returns, activity_types",
        "dashboard.toml: Config value 'columns': table 'orders' has no field 'price'; its fields: customer_id, "
        "order_date, amount, order_id, status, customer_name, first_name, last_name, owner, product, quantity, "
        "unit_price, discount",
    ]


def test_unknown_keys_are_warnings_and_valid_values_reach_the_rules():
    settings = make_settings({"loyal_min_orders": 4, "cadence_days": {"Z4": 90}, "offer_chase_days": 10,
                              "colour": "blue"}, Path("dashboard.toml"), language="en")
    assert settings.warnings == (f"dashboard.toml: unknown key 'colour' ignored; known keys: {', '.join(CONFIG_KEYS)}",)
    assert settings.rules == Rules(loyal_min_orders=4, cadence_days={"Z1": 30, "Z2": 14, "Z3": 30, "Z4": 90},
                                   offer_chase_days=10)


def test_every_setting_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\[?(\w+)[\].]", readme, flags=re.M)) | set(
        re.findall(r"^(\w+) = ", readme, flags=re.M))
    assert set(CONFIG_KEYS) <= documented, set(CONFIG_KEYS) - documented


def test_extra_activity_types_name_a_stage():
    settings = make_settings({"aliases": {"activity_types": {"meeting": ["Messegespräch"]}}}, Path("dashboard.toml"),
                             language="en")
    assert settings.aliases == {"activity_types": {"meeting": ["Messegespräch"]}}
    assert problems_of({"aliases": {"activity_types": {"party": ["Feier"]}}}) == [
        "dashboard.toml: Config value 'aliases': table 'activity_types' has no field 'party'; its fields: "
        "first_contact, follow_up, meeting, chase, offer, negotiation, enquiry"]


def test_problems_are_told_in_the_language_of_the_site():
    # German by default, and in the settings file's language unless the command line names another.
    with pytest.raises(ConfigError) as raised:
        make_settings({"calls_per_day": 0, "max_input_mb": "viel"}, Path("dashboard.toml"))
    assert raised.value.problems == [
        "dashboard.toml: Einstellung 'max_input_mb': erwartet eine ganze Zahl (Megabyte) von 1 bis 100000, "
        "gefunden 'viel'",
        "dashboard.toml: Einstellung 'calls_per_day': erwartet eine ganze Zahl (Anrufe) von 1 bis 200, gefunden 0"]
    assert raised.value.language == "de"
    with pytest.raises(ConfigError) as raised:
        make_settings({"language": "en", "currency": "Euro"}, Path("dashboard.toml"))
    assert raised.value.problems == [
        "dashboard.toml: Config value 'currency': expected a currency code such as EUR, found 'Euro'"]
    with pytest.raises(ConfigError) as raised:
        make_settings({"language": "en", "currency": "Euro"}, Path("dashboard.toml"), language="de")
    assert raised.value.problems == [
        "dashboard.toml: Einstellung 'currency': erwartet einen Währungscode wie EUR, gefunden 'Euro'"]
    settings = make_settings({"colour": "blau"}, Path("dashboard.toml"))
    assert settings.warnings[0].startswith("dashboard.toml: unbekannter Schlüssel 'colour' übergangen; bekannte")
