"""Settings: every problem of dashboard.toml reported at once, with the key, what was expected and what was found."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from salesboard.config import CONFIG_KEYS, load_config, make_settings
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


@pytest.mark.parametrize(("text", "german", "english"), [
    # A name without "=": tomllib's column is the one after the name and its space.
    ("calls_per_day 8\n", "Zeile 1, Spalte 15: kein gültiges TOML: nach einem Namen fehlt „=“ (so: calls_per_day = 8)",
     "line 1, column 15: not valid TOML: a name is not followed by '=' (like this: calls_per_day = 8)"),
    ('language = "de"\ncurrency = EUR\n', "Zeile 2, Spalte 12: kein gültiges TOML: der Wert ist weder ein Text in "
     "Anführungszeichen noch eine Zahl, true/false oder eine Liste in [ ] (ein Text so: currency = \"EUR\")",
     "line 2, column 12: not valid TOML: the value is neither a text in quotes nor a number, true/false or a list "
     "in [ ] (a text like this: currency = \"EUR\")"),
    ('currency = "EUR\n', "Zeile 1, Spalte 16: kein gültiges TOML: ein Text ist nicht mit seinem Anführungszeichen "
     "geschlossen", "line 1, column 16: not valid TOML: a text is not closed by its quote"),
    ("calls_per_day = 8\ncalls_per_day = 9\n", "Zeile 2, Spalte 18: kein gültiges TOML: eine Einstellung oder ein "
     "Abschnitt steht zweimal in der Datei; eine davon löschen",
     "line 2, column 18: not valid TOML: a setting or a section is in the file twice; delete one of them"),
    ("[aliases]\nKunde = 1\n[aliases]\n", "Zeile 3, Spalte 9: kein gültiges TOML: eine Einstellung oder ein "
     "Abschnitt steht zweimal in der Datei; eine davon löschen",
     "line 3, column 9: not valid TOML: a setting or a section is in the file twice; delete one of them"),
    # A Windows path in double quotes: "\D" is no escape.
    ('input = "C:\\Daten"\n', "Zeile 1, Spalte 14: kein gültiges TOML: ein „\\“ in einem Text in doppelten "
     "Anführungszeichen; einen Pfad in einfache setzen ('C:\\Daten')", "line 1, column 14: not valid TOML: a '\\' "
     "in a text in double quotes; put a path in single quotes ('C:\\Data')"),
    ("[aliases\n", "Zeile 1, Spalte 9: kein gültiges TOML: ein Abschnitt ist nicht mit „]“ geschlossen",
     "line 1, column 9: not valid TOML: a section is not closed by ']'"),
    ("currency = 'EUR' x\n", "Zeile 1, Spalte 18: kein gültiges TOML: nach dem Wert einer Einstellung steht noch "
     "etwas in derselben Zeile (eine Einstellung je Zeile, ein Text in Anführungszeichen)",
     "line 1, column 18: not valid TOML: something follows a setting's value on the same line (one setting a line, "
     "a text in quotes)"),
    # What is not explained here comes as tomllib says it.
    ('a = "\\u00ZZ"\n', "Zeile 1, Spalte 8: kein gültiges TOML: Invalid hex value; Anführungszeichen und Klammern "
     "prüfen", "line 1, column 8: not valid TOML: Invalid hex value; check quotes and brackets"),
])
def test_a_file_that_is_no_toml_is_told_where_and_what_in_the_language_of_the_site(tmp_path, text, german, english):
    path = tmp_path / "dashboard.toml"
    path.write_text(text, encoding="utf-8")
    for language, expected in (("de", german), ("en", english)):
        with pytest.raises(ConfigError) as raised:
            load_config(path, language)
        assert raised.value.problems == [f"{path}, {expected}"]
