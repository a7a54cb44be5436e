"""Words about a count agree with it: "1 Adresse", "2 Adressen" on the pages and in the console lines."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from support.site import site_file
from support.workbooks import write_workbook

from salesboard.cli import main
from salesboard.site.texts import script_words, translator

D = dt.date
AS_OF = "2026-11-25"  # a Wednesday: the running week is 23.–25.11.


def write_small_team(folder):
    """One address with two orders and a first contact in the running week."""
    write_workbook(folder / "Adressen.xlsx", {"Adressen": [["Kundennummer", "Firma"], [1, "Alpha GmbH"]]})
    write_workbook(folder / "Aufträge.xlsx", {"Aufträge": [
        ["Auftragsnummer", "Datum", "Kd.-Nr.", "Betrag"], ["A1", D(2026, 6, 1), 1, 100], ["A2", D(2026, 9, 1), 1, 80],
    ]})
    write_workbook(folder / "Kontakte.xlsx", {"Kontakte": [
        ["Kd.-Nr.", "Datum", "Kontaktart"], [1, D(2026, 11, 23), "Erstkontakt"],
    ]})


@pytest.mark.parametrize("language, console, running", [
    ("de", ": 1 Adresse, 1 Kunde, 2 Aufträge, 1 Kontakt; 0 Fehler, 0 Warnungen; ",
     "Laufende Woche bis Mi 25.11. (noch nicht vollständig, nicht im Vergleich): 1 Adresse mit Erstkontakt."),
    ("en", ": 1 address, 1 customer, 2 orders, 1 activity; 0 errors, 0 warnings; ",
     "Running week to Wed 25 Nov (not yet complete, not compared): 1 address with a first contact."),
])
def test_one_address_one_customer_two_orders(tmp_path, capsys, language, console, running):
    write_small_team(tmp_path / "input")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", AS_OF,
                 "--lang", language]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    assert console in line
    assert (" erstellt aus 3 Blättern: " if language == "de" else " from 3 sheets: ") in line
    page = site_file(tmp_path / "site", "index.html").read_text(encoding="utf-8")
    assert running in page


def test_two_addresses_in_the_running_week(tmp_path):
    write_small_team(tmp_path / "input")
    write_workbook(tmp_path / "input" / "Kontakte.xlsx", {"Kontakte": [
        ["Kd.-Nr.", "Datum", "Kontaktart"], [1, D(2026, 11, 23), "Erstkontakt"], [2, D(2026, 11, 24), "Erstkontakt"],
    ]})
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", AS_OF,
                 "-q"]) == 0
    page = site_file(tmp_path / "site", "index.html").read_text(encoding="utf-8")
    assert "2 Adressen mit Erstkontakt." in page


@pytest.mark.parametrize("language, one, two", [("de", "1 Adresse", "2 Adressen"), ("en", "1 address", "2 addresses")])
def test_the_words_for_one_and_for_more(language, one, two):
    t = translator(language)
    assert t("console.addresses", 1).format(count=1) == one
    assert t("console.addresses", 2).format(count=2) == two
    # Words without a singular of their own are the same for any count.
    assert t("page.overview", 1) == t("page.overview")


def test_the_page_script_gets_the_singular_beside_the_plural():
    words = script_words("de")
    assert (words["rows"], words["rows.one"]) == ("{shown} von {total} Zeilen", "{shown} von 1 Zeile")
    assert all(re.fullmatch(r"\w+(\.one)?", name) for name in words)
